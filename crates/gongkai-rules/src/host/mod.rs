//! The plugin host: finds, pins, loads and runs rule plugins built against
//! [`gongkai_plugin`]'s ABI.
//!
//! # API (what the CLI calls)
//!
//! - [`load`]`(path_or_name, &config)` → a [`LoadedPlugin`] or a [`PluginError`]
//!   naming the file. A *path* (contains `/`, or ends with the platform's library
//!   suffix) is used as given; a *name* is looked up as `lib<name>.so` and
//!   `libgongkai_plugin_<name>.so` (`.dylib`/`.dll` elsewhere) in
//!   `config.plugin_dirs`, `GONGKAI_PLUGIN_PATH`, the user's data directory,
//!   then in `plugins/` next to the executable (`locate.rs`). Plugin
//!   files are chosen only by the user's configuration and command line, never
//!   by anything inside an input document.
//! - [`discover`]`(&config)` → every library in those directories with its
//!   manifest or why it was refused, for `gongkai plugins list`.
//! - [`for_region`]`(&config, &region)` → the plugins whose manifest names the
//!   document's province, prefecture or county, province level first
//!   (`auto-plugins = true`); [`try_for_region`] also returns the refusals.
//! - [`template_for`] → the template of the most specific matching plugin.
//! - A [`LoadedPlugin`] is an [`ExternalCheck`](crate::ExternalCheck) for
//!   [`Engine::with_external`](crate::Engine::with_external); its
//!   [`template`](LoadedPlugin::template) goes to
//!   [`Engine::with_template`](crate::Engine::with_template) and its
//!   [`aliases`](LoadedPlugin::aliases) to the importer's `Aliases`.
//!
//! # What is checked, in order
//!
//! 1. the file exists; 2. with a non-empty `plugin-lock`, its sha256 equals the
//!    pinned digest (computed **before** the library is opened, since opening it
//!    runs its code); 3. it opens and exports the four ABI symbols; 4. its ABI
//!    version is within [`MIN_ABI_VERSION`]`..=`[`MAX_ABI_VERSION`]; 5. its
//!    manifest parses, validates and names a compatible data-model version.
//!
//! At check time a plugin's findings get `category: plugin` and `plugin: <id>`
//! whatever the plugin said; findings of rules its manifest does not declare,
//! unparsable output and panics (caught inside the plugin) each become one
//! [`PLUGIN_FAILED_RULE`] finding naming the plugin, and the run goes on.
//!
//! Limits: a plugin runs in-process, so an abort or a segfault in it still ends
//! the process (the same JSON protocol over a child process would contain those);
//! the file could in principle be replaced between hashing and opening.

mod error;
mod library;
mod loaded;
mod locate;
mod pin;

use std::path::PathBuf;

use gongkai_model::Region;
use gongkai_plugin::{Manifest, RegionLevel};

pub use error::PluginError;
pub use loaded::LoadedPlugin;
pub use locate::{candidate_files, search_dirs};
pub use pin::sha256_file;

use crate::{Config, Template};

/// The oldest plugin ABI version this host accepts.
pub const MIN_ABI_VERSION: u32 = 1;
/// The newest plugin ABI version this host accepts.
pub const MAX_ABI_VERSION: u32 = gongkai_plugin::ABI_VERSION;

/// The rule id of the finding that reports a plugin fault.
pub const PLUGIN_FAILED_RULE: &str = "PLUGIN";

/// Loads one plugin by path or name (see the module docs for the lookup).
pub fn load(path_or_name: &str, config: &Config) -> Result<LoadedPlugin, PluginError> {
    let path = locate::resolve(path_or_name, config)?;
    loaded::load_path(&path, config)
}

/// Every library in the plugin directories with its manifest, or why it was
/// refused. Pinning applies: an unpinned or altered file is not opened.
pub fn discover(config: &Config) -> Vec<(PathBuf, Result<Manifest, PluginError>)> {
    locate::library_files(config)
        .into_iter()
        .map(|path| {
            let manifest = loaded::load_path(&path, config).map(|p| p.manifest().clone());
            (path, manifest)
        })
        .collect()
}

/// The plugins that apply to a region, broadest scope first (province, then
/// prefecture, then county plugins: see `Manifest::scope`), one per plugin id; refused files are skipped (use
/// [`try_for_region`] to report them).
pub fn for_region(config: &Config, region: &Region) -> Vec<LoadedPlugin> {
    try_for_region(config, region).0
}

/// [`for_region`], with the files that were refused.
pub fn try_for_region(config: &Config, region: &Region) -> (Vec<LoadedPlugin>, Vec<(PathBuf, PluginError)>) {
    let mut chosen: Vec<(Option<RegionLevel>, LoadedPlugin)> = Vec::new();
    let mut refused = Vec::new();
    for path in locate::library_files(config) {
        match loaded::load_path(&path, config) {
            Ok(plugin) => {
                if plugin.manifest().region_match(region).is_some()
                    && !chosen.iter().any(|(_, p)| p.id() == plugin.id())
                {
                    chosen.push((plugin.manifest().scope(), plugin));
                }
            }
            Err(e) => refused.push((path, e)),
        }
    }
    chosen.sort_by(|(la, a), (lb, b)| la.cmp(lb).then_with(|| a.id().cmp(b.id())));
    (chosen.into_iter().map(|(_, p)| p).collect(), refused)
}

/// The template to judge completeness against: among the plugins that apply to
/// the region and define one, that of the narrowest scope (a prefecture's
/// template refines its province's); `None` when none defines one.
pub fn template_for(plugins: &[LoadedPlugin], region: &Region) -> Option<Template> {
    plugins
        .iter()
        .filter(|p| p.manifest().region_match(region).is_some())
        .filter_map(|p| Some((p.manifest().scope(), p.template()?)))
        .max_by_key(|(scope, _)| *scope)
        .map(|(_, t)| t)
}
