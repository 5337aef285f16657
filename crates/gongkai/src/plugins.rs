//! Plugins in a run: the ones named on the command line or in `gongkai.toml`, and —
//! with `--auto-plugins` — the ones whose regions match each document's region.
//! A plugin supplies rules (run as an external check), and optionally a template
//! (judging completeness) and table-title aliases (given to the importer).

use gongkai_import::ImportOptions;
use gongkai_model::Region;
use gongkai_rules::host::{self, LoadedPlugin};
use gongkai_rules::{Config, ConfigError, Engine};

/// Loads the plugins the configuration names; a refusal is an error for the run
/// (the user asked for that plugin).
pub fn load_named(config: &Config) -> Result<Vec<LoadedPlugin>, String> {
    config.plugins.iter().map(|p| host::load(p, config).map_err(|e| e.to_string())).collect()
}

/// The rule ids the run's plugins declare, for checking selectors: the named
/// plugins' and, with auto-plugins, those of every plugin in the plugin
/// directories (any of them may be loaded for a document's region).
pub fn rule_ids(config: &Config, named: &[LoadedPlugin]) -> Vec<String> {
    let mut ids: Vec<String> = named.iter().flat_map(|p| &p.manifest().rules).map(|r| r.id.clone()).collect();
    if config.auto_plugins && !(config.select.is_empty() && config.ignore.is_empty()) {
        for (_, manifest) in host::discover(config) {
            ids.extend(manifest.into_iter().flat_map(|m| m.rules).map(|r| r.id));
        }
    }
    ids
}

/// The engine and import options for a set of plugins: their rules, the most
/// specific template (the last plugin that has one: regions load province first)
/// and every alias.
pub fn engine_with(
    config: &Config,
    plugins: Vec<LoadedPlugin>,
    base: &ImportOptions,
) -> Result<(Engine, ImportOptions), ConfigError> {
    let mut engine = Engine::new(config.clone())?;
    let mut options = base.clone();
    if let Some(template) = plugins.iter().rev().find_map(LoadedPlugin::template) {
        engine = engine.with_template(template);
    }
    for plugin in plugins {
        for (title, kind) in plugin.aliases() {
            options.recognize.aliases.add(&title, kind);
        }
        engine = engine.with_external(Box::new(plugin));
    }
    Ok((engine, options))
}

/// The named plugins plus those matching `region` (each loaded once; a region
/// plugin that is refused is reported on stderr and skipped).
pub fn for_document(config: &Config, region: &Region) -> Result<Vec<LoadedPlugin>, String> {
    let mut plugins = load_named(config)?;
    let (regional, refused) = host::try_for_region(config, region);
    for (path, error) in refused {
        eprintln!(
            "{}",
            crate::lang::Lang::say(
                format!("警告：插件 {} 未加载：{error}", path.display()),
                format!("warning: plugin {} refused: {error}", path.display())
            )
        );
    }
    for plugin in regional {
        if !plugins.iter().any(|p| p.id() == plugin.id()) {
            plugins.push(plugin);
        }
    }
    Ok(plugins)
}
