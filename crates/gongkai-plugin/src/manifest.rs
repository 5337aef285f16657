//! The manifest: what a plugin is, where it applies, its rules and (optionally)
//! the disclosure template of its region. Exchanged as JSON.

use gongkai_model::{DocumentKind, Region, SectionKind, Severity, TableKind};
use serde::{Deserialize, Serialize};

use crate::text::normalize;

/// Which administrative level a region name is at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionLevel {
    /// 省/自治区/直辖市.
    Province,
    /// 地/州/市.
    Prefecture,
    /// 县/区/县级市.
    County,
}

/// A region a plugin applies to: one name at one level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionSpec {
    /// The level.
    pub level: RegionLevel,
    /// The name as written in documents (`新疆维吾尔自治区`, `昌吉回族自治州`, `奇台县`).
    pub name: String,
}

impl RegionSpec {
    /// A province.
    pub fn province(name: &str) -> RegionSpec {
        RegionSpec { level: RegionLevel::Province, name: name.to_owned() }
    }

    /// A prefecture.
    pub fn prefecture(name: &str) -> RegionSpec {
        RegionSpec { level: RegionLevel::Prefecture, name: name.to_owned() }
    }

    /// A county.
    pub fn county(name: &str) -> RegionSpec {
        RegionSpec { level: RegionLevel::County, name: name.to_owned() }
    }
}

/// The fiscal years a rule applies to (inclusive; `None` is open).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Years {
    /// The first year, if bounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<u16>,
    /// The last year, if bounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last: Option<u16>,
}

impl Years {
    /// Every year.
    pub const ALL: Years = Years { first: None, last: None };

    /// From `first` on.
    pub const fn from(first: u16) -> Years {
        Years { first: Some(first), last: None }
    }

    /// `first..=last`.
    pub const fn between(first: u16, last: u16) -> Years {
        Years { first: Some(first), last: Some(last) }
    }

    /// Whether `year` is inside. An unknown year is inside: a rule is not
    /// silenced because the importer could not read the year.
    pub fn contains(&self, year: Option<u16>) -> bool {
        match year {
            None => true,
            Some(y) => self.first.is_none_or(|f| y >= f) && self.last.is_none_or(|l| y <= l),
        }
    }
}

/// What the host knows about one rule of a plugin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleInfo {
    /// Stable id, prefixed by the plugin's family letters (`XJ001`).
    pub id: String,
    /// Short kebab-case name (`indicator-weights`).
    pub name: String,
    /// One line, in Chinese, for listings.
    pub title: String,
    /// The default severity (a rule may report some findings at another one).
    pub severity: Severity,
    /// The documentation: *What it checks*, *Why it matters*, *Example*.
    pub doc: String,
    /// The same in Chinese (`## 检查内容`, `## 为何重要`, `## 示例`), what
    /// `gongkai rules explain` shows by default; empty where the plugin has none
    /// (the English is shown then).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doc_zh: String,
    /// The document kinds it applies to; empty means all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<DocumentKind>,
    /// The fiscal years it applies to.
    #[serde(default)]
    pub years: Years,
}

impl RuleInfo {
    /// Whether the rule applies to a document of this kind and year.
    pub fn applies_to(&self, kind: DocumentKind, year: Option<u16>) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&kind)) && self.years.contains(year)
    }
}

/// A table the region's template requires.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateTableSpec {
    /// Which table.
    pub kind: TableKind,
    /// Its number in the template (`表8` → 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// The template's title.
    pub title: String,
    /// Other titles the same table is published under.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// The disclosure template of a region: required tables, sections, glossary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateSpec {
    /// The required tables, in template order.
    pub tables: Vec<TemplateTableSpec>,
    /// The required explanation sections.
    #[serde(default)]
    pub sections: Vec<SectionKind>,
    /// Whether a 名词解释 part is required.
    #[serde(default)]
    pub glossary: bool,
}

/// Everything the host learns from a plugin before it runs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The ABI version the manifest was written for (same as the symbol's).
    pub abi_version: u32,
    /// The data-model version ([`gongkai_model::SCHEMA_VERSION`]) the plugin was
    /// built against; the host refuses another major version.
    pub model_version: String,
    /// Stable id, lowercase (`xinjiang`): findings name it, config selects by it.
    pub id: String,
    /// A human name (`新疆维吾尔自治区部门预算公开规则`).
    pub name: String,
    /// The plugin's own version (semver).
    pub version: String,
    /// The regions it applies to; matched against the document's region.
    #[serde(default)]
    pub regions: Vec<RegionSpec>,
    /// Its rules.
    pub rules: Vec<RuleInfo>,
    /// The template of its region, if it defines one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<TemplateSpec>,
}

impl Manifest {
    /// Checks what serde cannot: a usable id, unique non-empty rule ids.
    pub fn validate(&self) -> Result<(), String> {
        let id_ok = !self.id.is_empty()
            && self.id.len() <= 64
            && self.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
        if !id_ok {
            return Err(format!("plugin id `{}` is not 1–64 lowercase letters, digits, `-` or `_`", self.id));
        }
        let mut seen: Vec<&str> = Vec::new();
        for rule in &self.rules {
            if rule.id.is_empty() || !rule.id.chars().all(|c| c.is_ascii_alphanumeric()) {
                return Err(format!("rule id `{}` is not a non-empty alphanumeric id", rule.id));
            }
            if seen.contains(&rule.id.as_str()) {
                return Err(format!("rule id `{}` is declared twice", rule.id));
            }
            seen.push(&rule.id);
        }
        Ok(())
    }

    /// The most specific level at which the document's region is one of the
    /// plugin's regions, or `None` when the plugin does not apply there.
    pub fn region_match(&self, region: &Region) -> Option<RegionLevel> {
        let of = |level: RegionLevel| match level {
            RegionLevel::Province => region.province.as_deref(),
            RegionLevel::Prefecture => region.prefecture.as_deref(),
            RegionLevel::County => region.county.as_deref(),
        };
        self.regions
            .iter()
            .filter(|spec| of(spec.level).is_some_and(|name| normalize(name) == normalize(&spec.name)))
            .map(|spec| spec.level)
            .max()
    }

    /// The plugin's scope: the broadest level it names (a province plugin that
    /// also lists counties is still a province plugin). Orders layered plugins.
    pub fn scope(&self) -> Option<RegionLevel> {
        self.regions.iter().map(|r| r.level).min()
    }

    /// The rule declared with this id.
    pub fn rule(&self, id: &str) -> Option<&RuleInfo> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Whether any rule applies to a document of this kind and year (when none
    /// does, the host need not serialise the document at all).
    pub fn applies_to(&self, kind: DocumentKind, year: Option<u16>) -> bool {
        self.rules.iter().any(|r| r.applies_to(kind, year))
    }
}
