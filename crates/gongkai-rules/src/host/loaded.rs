//! A loaded plugin: its manifest, its template in the engine's terms, and the
//! check call that turns the plugin's answer into findings.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use gongkai_model::{Category, Disclosure, Finding, Location, SCHEMA_VERSION, Severity, TableKind};
use gongkai_plugin::{CheckRequestRef, CheckResponse, Manifest};

use super::error::PluginError;
use super::library::{Answer, Entry};
use super::{MAX_ABI_VERSION, MIN_ABI_VERSION, PLUGIN_FAILED_RULE, pin};
use crate::{Config, ExternalCheck, Template};

/// A plugin that passed every check and can be run.
pub struct LoadedPlugin {
    path: PathBuf,
    manifest: Manifest,
    entry: Entry,
    /// Severity overrides of `[severity]` for this plugin's rules.
    severity: BTreeMap<String, Severity>,
}

impl fmt::Debug for LoadedPlugin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LoadedPlugin").field("path", &self.path).field("id", &self.manifest.id).finish()
    }
}

/// Pins, opens and validates a plugin file, in that order.
pub fn load_path(path: &Path, config: &Config) -> Result<LoadedPlugin, PluginError> {
    if !path.is_file() {
        return Err(PluginError::MissingLibrary { path: path.to_path_buf() });
    }
    pin::verify(path, config)?;
    let entry = super::library::open(path)?;
    let found = entry.abi_version();
    if !(MIN_ABI_VERSION..=MAX_ABI_VERSION).contains(&found) {
        return Err(PluginError::AbiVersion {
            path: path.to_path_buf(),
            found,
            min: MIN_ABI_VERSION,
            max: MAX_ABI_VERSION,
        });
    }
    let manifest = read_manifest(path, &entry)?;
    let severity = manifest
        .rules
        .iter()
        .filter_map(|r| config.severity.get(&r.id).and_then(|s| Severity::from_id(s)).map(|s| (r.id.clone(), s)))
        .collect();
    Ok(LoadedPlugin { path: path.to_path_buf(), manifest, entry, severity })
}

fn read_manifest(path: &Path, entry: &Entry) -> Result<Manifest, PluginError> {
    let malformed = |message: String| PluginError::Manifest { path: path.to_path_buf(), message };
    let bytes = match entry.manifest() {
        Answer::Ok(bytes) => bytes,
        Answer::Error(message) => return Err(malformed(format!("the plugin failed: {message}"))),
        Answer::Unknown(status) => return Err(malformed(format!("unknown status {status}"))),
    };
    let manifest: Manifest = serde_json::from_slice(&bytes).map_err(|e| malformed(e.to_string()))?;
    manifest.validate().map_err(malformed)?;
    if manifest.abi_version != entry.abi_version() {
        return Err(malformed(format!(
            "it declares ABI version {} but its symbol says {}",
            manifest.abi_version,
            entry.abi_version()
        )));
    }
    if major(&manifest.model_version) != major(SCHEMA_VERSION) {
        return Err(PluginError::ModelVersion {
            path: path.to_path_buf(),
            found: manifest.model_version,
            expected: SCHEMA_VERSION.to_owned(),
        });
    }
    Ok(manifest)
}

fn major(version: &str) -> &str {
    version.split('.').next().unwrap_or(version)
}

impl LoadedPlugin {
    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The plugin's id.
    pub fn id(&self) -> &str {
        &self.manifest.id
    }

    /// The library file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The plugin's template as the engine's [`Template`] (named by the plugin's
    /// id), for [`crate::Engine::with_template`].
    pub fn template(&self) -> Option<Template> {
        let spec = self.manifest.template.as_ref()?;
        Some(Template {
            name: self.manifest.id.clone(),
            tables: spec.tables.clone(),
            sections: spec.sections.clone(),
            glossary: spec.glossary,
        })
    }

    /// The table titles of the template (titles and aliases) with the table they
    /// name, to feed the importer's `Aliases` before a document is read.
    pub fn aliases(&self) -> Vec<(String, TableKind)> {
        let Some(spec) = &self.manifest.template else { return Vec::new() };
        spec.tables
            .iter()
            .flat_map(|t| std::iter::once(&t.title).chain(&t.aliases).map(move |title| (title.clone(), t.kind)))
            .collect()
    }

    /// A `plugin failed` finding naming this plugin.
    fn failed(&self, why: &str) -> Finding {
        Finding {
            rule: PLUGIN_FAILED_RULE.to_owned(),
            severity: Severity::Error,
            category: Category::Plugin,
            message: format!(
                "plugin failed: 插件“{}”({}) 运行失败，其规则未检查本文档：{why}",
                self.manifest.id,
                self.path.display()
            ),
            expected: None,
            actual: None,
            locations: vec![Location::default()],
            plugin: Some(self.manifest.id.clone()),
        }
    }

    /// Turns the plugin's answer into findings; everything the host promises
    /// about plugin findings is enforced here, not trusted.
    fn findings_of(&self, bytes: &[u8]) -> Vec<Finding> {
        let response: CheckResponse = match serde_json::from_slice(bytes) {
            Ok(r) => r,
            Err(e) => return vec![self.failed(&format!("malformed output: {e}"))],
        };
        let mut out = Vec::with_capacity(response.findings.len());
        let mut undeclared: Vec<String> = Vec::new();
        for mut f in response.findings {
            if self.manifest.rule(&f.rule).is_none() {
                if !undeclared.contains(&f.rule) {
                    undeclared.push(f.rule.clone());
                }
                continue;
            }
            f.category = Category::Plugin;
            f.plugin = Some(self.manifest.id.clone());
            if let Some(severity) = self.severity.get(&f.rule) {
                f.severity = *severity;
            }
            out.push(f);
        }
        if !undeclared.is_empty() {
            out.push(self.failed(&format!(
                "malformed output: findings of undeclared rules {} were dropped",
                undeclared.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")
            )));
        }
        out
    }
}

impl ExternalCheck for LoadedPlugin {
    /// The plugin's id: findings and messages name plugins by id.
    fn name(&self) -> &str {
        self.id()
    }

    /// Serialises the document, calls the plugin and reads its findings. Never
    /// fails: a fault of the plugin is one `plugin failed` finding.
    fn check(&self, doc: &Disclosure) -> Vec<Finding> {
        if !self.manifest.applies_to(doc.meta.kind, doc.meta.fiscal_year) {
            return Vec::new();
        }
        let request = match serde_json::to_vec(&CheckRequestRef { document: doc }) {
            Ok(bytes) => bytes,
            Err(e) => return vec![self.failed(&format!("cannot serialise the document: {e}"))],
        };
        match self.entry.check(&request) {
            Answer::Ok(bytes) => self.findings_of(&bytes),
            Answer::Error(message) => vec![self.failed(&message)],
            Answer::Unknown(status) => vec![self.failed(&format!("malformed output: unknown status {status}"))],
        }
    }
}
