//! Rule selection and configuration, the way linters do it: select/ignore by id
//! prefix or family name, in any case (the most specific entry wins; an entry
//! that names no rule is refused, see [`Config::check_selectors`]), per-rule severity
//! overrides, a tolerance slack, and plugins — from `gongkai.toml` and the
//! command line.
//!
//! ```toml
//! select = ["A", "X", "N101"]   # ids, id prefixes or families (default: all)
//! ignore = ["F"]
//! tolerance = "0.01"            # widen every rounding comparison (default 0)
//! plugins = ["xinjiang"]        # names (looked up in plugin-dirs) or paths
//! plugin-dirs = ["plugins"]
//!
//! [severity]
//! K103 = "error"
//!
//! [plugin-lock]                 # optional sha256 pinning of plugin files
//! "libgongkai_xinjiang.so" = "9f2c…"
//! ```

use std::collections::BTreeMap;

use gongkai_model::{Decimal, Severity};
use serde::Deserialize;

use crate::RuleMeta;

/// A rule configuration.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Selected ids, id prefixes or family names; empty means all.
    #[serde(default)]
    pub select: Vec<String>,
    /// Ignored ids, id prefixes or family names.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Per-rule severity overrides.
    #[serde(default)]
    pub severity: BTreeMap<String, String>,
    /// Extra rounding slack, as a decimal string.
    #[serde(default)]
    pub tolerance: Option<String>,
    /// Plugins to load (names or paths).
    #[serde(default)]
    pub plugins: Vec<String>,
    /// Directories searched for plugins by name.
    #[serde(default)]
    pub plugin_dirs: Vec<String>,
    /// sha256 of plugin files by file name; a mismatch refuses the plugin.
    #[serde(default)]
    pub plugin_lock: BTreeMap<String, String>,
    /// Load the plugins whose regions match the document's region.
    #[serde(default)]
    pub auto_plugins: bool,
}

/// A configuration error.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// Not valid TOML or unknown keys.
    #[error("{0}")]
    Toml(String),
    /// A bad value.
    #[error("{0}")]
    Value(String),
}

impl Config {
    /// Parses `gongkai.toml`.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError::Toml(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    /// Checks values that serde cannot.
    pub fn validate(&self) -> Result<(), ConfigError> {
        for (id, sev) in &self.severity {
            if Severity::from_id(sev).is_none() {
                return Err(ConfigError::Value(format!("severity of {id}: `{sev}` is not error, warning or info")));
            }
        }
        self.slack()?;
        Ok(())
    }

    /// The tolerance slack.
    pub fn slack(&self) -> Result<Decimal, ConfigError> {
        match &self.tolerance {
            None => Ok(Decimal::ZERO),
            Some(t) => t
                .parse::<Decimal>()
                .ok()
                .filter(|d| *d >= Decimal::ZERO)
                .ok_or_else(|| ConfigError::Value(format!("tolerance `{t}` is not a non-negative decimal"))),
        }
    }

    /// Whether a rule runs: the most specific matching entry of select/ignore wins;
    /// with no select entries every rule is selected.
    pub fn is_enabled(&self, meta: &RuleMeta) -> bool {
        self.is_enabled_rule(meta.id, meta.name, meta.category)
    }

    /// [`Config::is_enabled`] for a rule known only by id, name and family (a
    /// plugin's rule).
    pub fn is_enabled_rule(&self, id: &str, name: &str, category: gongkai_model::Category) -> bool {
        let best = |entries: &[String]| entries.iter().filter_map(|e| specificity(e, id, name, category)).max();
        let selected = if self.select.is_empty() { Some(0) } else { best(&self.select) };
        let ignored = best(&self.ignore);
        match (selected, ignored) {
            (Some(s), Some(i)) => s > i,
            (Some(_), None) => true,
            (None, _) => false,
        }
    }

    /// Checks that every selector of `select` and `ignore` names at least one
    /// rule: a built-in one, the host's `PLUGIN` finding, or one of `plugin_rules`
    /// (the ids of the loaded plugins' rules). A selector that names nothing would
    /// select or ignore nothing without a word; it is refused with the closest
    /// rule ids.
    pub fn check_selectors(&self, plugin_rules: &[String]) -> Result<(), ConfigError> {
        let mut known: Vec<KnownRule<'_>> =
            crate::rules::all().into_iter().map(|r| r.meta()).map(|m| (m.id, m.name, m.category)).collect();
        known.push((crate::host::PLUGIN_FAILED_RULE, "", gongkai_model::Category::Plugin));
        known.extend(plugin_rules.iter().map(|id| (id.as_str(), "", gongkai_model::Category::Plugin)));
        for entry in self.select.iter().chain(&self.ignore) {
            if !known.iter().any(|(id, name, category)| specificity(entry, id, name, *category).is_some()) {
                return Err(ConfigError::Value(format!(
                    "未知的规则选择器“{entry}”；相近的规则：{}",
                    closest(entry, &known).join("、")
                )));
            }
        }
        Ok(())
    }

    /// The severity a rule reports with.
    pub fn severity_of(&self, meta: &RuleMeta) -> Severity {
        self.severity.get(meta.id).and_then(|s| Severity::from_id(s)).unwrap_or(meta.severity)
    }

    /// Merges command-line settings over file settings.
    pub fn merged_with(mut self, other: &Config) -> Config {
        self.select.extend(other.select.iter().cloned());
        self.ignore.extend(other.ignore.iter().cloned());
        self.severity.extend(other.severity.clone());
        if other.tolerance.is_some() {
            self.tolerance = other.tolerance.clone();
        }
        self.plugins.extend(other.plugins.iter().cloned());
        self.plugin_dirs.extend(other.plugin_dirs.iter().cloned());
        self.plugin_lock.extend(other.plugin_lock.clone());
        self.auto_plugins |= other.auto_plugins;
        self
    }
}

/// How specifically `entry` names the rule: a family name counts 1, an id prefix
/// its length + 1 (so `A101` beats `A1` beats `arithmetic`); `None` if it does not
/// match. Case does not matter (`n101` is `N101`, `Narrative` is `narrative`).
fn specificity(entry: &str, id: &str, name: &str, category: gongkai_model::Category) -> Option<usize> {
    if entry.eq_ignore_ascii_case("all") {
        return Some(0);
    }
    if entry.eq_ignore_ascii_case(category.id()) || (!name.is_empty() && entry.eq_ignore_ascii_case(name)) {
        return Some(1);
    }
    let prefix = id.get(..entry.len()).is_some_and(|p| p.eq_ignore_ascii_case(entry));
    prefix.then(|| entry.len() + 1)
}

/// A rule a selector may name: id, name (empty for a plugin's rule, which is
/// matched by id and family only) and family.
type KnownRule<'a> = (&'a str, &'a str, gongkai_model::Category);

/// The rule ids (and family names) closest to an unknown selector: by edit
/// distance, ties broken by the longer shared prefix, then by id.
fn closest(entry: &str, rules: &[KnownRule<'_>]) -> Vec<String> {
    let entry = entry.to_ascii_uppercase();
    let mut candidates: Vec<String> = rules.iter().map(|(id, _, _)| (*id).to_owned()).collect();
    candidates.extend(rules.iter().map(|(_, _, category)| category.id().to_owned()));
    candidates.sort();
    candidates.dedup();
    let mut scored: Vec<(usize, std::cmp::Reverse<usize>, String)> = candidates
        .into_iter()
        .map(|c| {
            let upper = c.to_ascii_uppercase();
            let shared = upper.chars().zip(entry.chars()).take_while(|(a, b)| a == b).count();
            (edit_distance(&entry, &upper), std::cmp::Reverse(shared), c)
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, _, c)| c).collect()
}

/// The Levenshtein distance between two strings, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = if ca == *cb { previous } else { 1 + previous.min(current).min(row[j]) };
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongkai_model::Category;

    const META: RuleMeta = RuleMeta {
        id: "A101",
        name: "hierarchy-sum",
        category: Category::Arithmetic,
        severity: Severity::Error,
        doc: "",
        title_zh: "",
        doc_zh: "",
    };

    #[test]
    fn most_specific_wins() {
        let c = Config::from_toml("select = [\"A101\"]\nignore = [\"A\"]").unwrap();
        assert!(c.is_enabled(&META));
        let c = Config::from_toml("select = [\"arithmetic\"]\nignore = [\"A1\"]").unwrap();
        assert!(!c.is_enabled(&META));
        assert!(Config::default().is_enabled(&META));
        let c = Config::from_toml("select = [\"N\"]").unwrap();
        assert!(!c.is_enabled(&META));
    }

    #[test]
    fn selectors_ignore_case() {
        let c = Config::from_toml("select = [\"a101\"]").unwrap();
        assert!(c.is_enabled(&META));
        let c = Config::from_toml("select = [\"Arithmetic\"]\nignore = [\"a1\"]").unwrap();
        assert!(!c.is_enabled(&META));
        let c = Config::from_toml("select = [\"All\"]").unwrap();
        assert!(c.is_enabled(&META));
    }

    #[test]
    fn unknown_selectors_are_refused_with_the_closest_rules() {
        let c = Config { select: vec!["n101".into(), "Narrative".into(), "x1".into()], ..Config::default() };
        assert!(c.check_selectors(&[]).is_ok());
        let c = Config { ignore: vec!["A1O1".into()], ..Config::default() };
        let e = c.check_selectors(&[]).unwrap_err().to_string();
        assert!(e.contains("未知的规则选择器“A1O1”") && e.contains("A101"), "{e}");
        let c = Config { select: vec!["CJ001".into()], ..Config::default() };
        assert!(c.check_selectors(&[]).is_err());
        assert!(c.check_selectors(&["CJ001".to_owned()]).is_ok());
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn rejects_bad_values() {
        assert!(Config::from_toml("[severity]\nA101 = \"fatal\"").is_err());
        assert!(Config::from_toml("tolerance = \"-1\"").is_err());
        assert!(Config::from_toml("colour = true").is_err());
        let c = Config::from_toml("[severity]\nA101 = \"warning\"").unwrap();
        assert_eq!(c.severity_of(&META), Severity::Warning);
    }
}
