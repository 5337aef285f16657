//! What a plugin call costs: the built-in rules alone against the built-in rules
//! plus the Xinjiang plugin loaded from its release `cdylib`, and the parts of
//! the plugin call (serialising the document, the call with its JSON both ways).
//!
//! `cargo bench -p gongkai-rules --bench plugin_call`

#[path = "../tests/plugin_build/mod.rs"]
mod plugin_build;

use std::sync::LazyLock;

use gongkai_import::{ImportOptions, import_file};
use gongkai_model::Disclosure;
use gongkai_plugin::CheckRequestRef;
use gongkai_rules::host::{self, LoadedPlugin};
use gongkai_rules::{Config, Engine, ExternalCheck};
use plugin_build::{Profile, library, workspace_root};

fn main() {
    // Build and load before timing anything.
    LazyLock::force(&WITH_PLUGIN);
    divan::main();
}

static DOC: LazyLock<Disclosure> = LazyLock::new(|| {
    let path = workspace_root().join("examples/qitai-2024-budget.txt");
    import_file(&path.display().to_string(), &ImportOptions::default()).expect("the example imports").document
});

fn xinjiang() -> LoadedPlugin {
    let path = library(Profile::Release, "gongkai_plugin_xinjiang");
    host::load(&path.display().to_string(), &Config::default()).expect("the plugin loads")
}

static PLUGIN: LazyLock<LoadedPlugin> = LazyLock::new(xinjiang);

static BUILTIN: LazyLock<Engine> = LazyLock::new(|| Engine::new(Config::default()).expect("engine"));

static WITH_PLUGIN: LazyLock<Engine> =
    LazyLock::new(|| Engine::new(Config::default()).expect("engine").with_external(Box::new(xinjiang())));

/// The national rules only.
#[divan::bench]
fn builtin_rules() -> usize {
    BUILTIN.check(divan::black_box(&DOC)).len()
}

/// The national rules and the Xinjiang plugin.
#[divan::bench]
fn builtin_rules_and_xinjiang_plugin() -> usize {
    WITH_PLUGIN.check(divan::black_box(&DOC)).len()
}

/// One plugin call: serialise, cross, run, answer, parse.
#[divan::bench]
fn xinjiang_plugin_call() -> usize {
    PLUGIN.check(divan::black_box(&DOC)).len()
}

/// Only serialising the document, the host's share of the call.
#[divan::bench]
fn serialise_document() -> usize {
    serde_json::to_vec(&CheckRequestRef { document: divan::black_box(&DOC) }).map_or(0, |b| b.len())
}
