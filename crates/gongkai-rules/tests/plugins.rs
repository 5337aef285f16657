//! The plugin host against real dynamic libraries: the Xinjiang and Changji
//! plugins and deliberately broken test plugins are built with cargo and loaded
//! through `libloading` (no in-process shortcut).

mod plugin_build;

use std::collections::BTreeMap;

use gongkai_import::recognize::vocabulary::Aliases;
use gongkai_import::{ImportOptions, RecognizeOptions, import_file};
use gongkai_model::{Category, Disclosure, Finding, Number, Severity, TableKind};
use gongkai_rules::host::{self, PluginError};
use gongkai_rules::{Config, Engine};
use plugin_build::{Profile, library, plugin_dir};

fn config() -> Config {
    Config { plugin_dirs: vec![plugin_dir(Profile::Debug).display().to_string()], ..Config::default() }
}

fn example(options: &ImportOptions) -> Disclosure {
    let path = plugin_build::workspace_root().join("examples/qitai-2024-budget.txt");
    import_file(&path.display().to_string(), options).expect("the example imports").document
}

fn by_rule<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

fn load_path(crate_name: &str, config: &Config) -> Result<host::LoadedPlugin, PluginError> {
    host::load(&library(Profile::Debug, crate_name).display().to_string(), config)
}

#[test]
fn xinjiang_plugin_judges_the_example_against_its_eleven_table_template() {
    let config = config();
    let xinjiang = host::load("xinjiang", &config).expect("xinjiang loads by name");
    assert_eq!(xinjiang.manifest().id, "xinjiang");
    let template = xinjiang.template().expect("a template");
    assert_eq!((template.name.as_str(), template.tables.len()), ("xinjiang", 11));
    assert!(template.glossary);

    // The template's titles feed the importer's aliases.
    let mut aliases = Aliases::default();
    for (title, kind) in xinjiang.aliases() {
        aliases.add(&title, kind);
    }
    assert!(xinjiang.aliases().contains(&("部门收支总体情况表".to_owned(), TableKind::IncomeExpenditureSummary)));
    let options = ImportOptions { recognize: RecognizeOptions { aliases }, ..ImportOptions::default() };
    let doc = example(&options);

    assert_eq!(doc.tables.len(), 9);
    let engine =
        Engine::new(config.clone()).expect("engine").with_template(template.clone()).with_external(Box::new(xinjiang));
    let findings = engine.check(&doc);
    let missing = by_rule(&findings, "C101");
    assert_eq!(missing.len(), 2, "{findings:#?}");
    assert!(missing[0].message.contains("政府性基金预算支出情况表"), "{missing:#?}");
    assert!(missing[1].message.contains("上年结转结余情况明细表"), "{missing:#?}");

    // Without the table of contents naming it, 上年结转结余情况明细表 is required by
    // the Xinjiang template only: the national minimum does not have it.
    let mut unlisted = doc.clone();
    unlisted.contents.retain(|e| e.table != Some(TableKind::CarryOver));
    unlisted.missing_tables.retain(|m| m.kind != TableKind::CarryOver);
    let carry_over =
        |findings: &[Finding]| by_rule(findings, "C101").iter().any(|f| f.message.contains("上年结转结余"));
    assert!(carry_over(&engine.check(&unlisted)));
    assert!(!carry_over(&Engine::new(config.clone()).expect("engine").check(&unlisted)));

    // A Xinjiang rule's finding, through the library, names the plugin.
    let mut heavy = doc.clone();
    if let Some(w) = heavy.performance_targets[0].indicators.iter_mut().find_map(|i| i.weight.as_mut()) {
        *w = Number::parse("30").expect("number");
    }
    let findings = engine.check(&heavy);
    let weights = by_rule(&findings, "XJ001");
    assert_eq!(weights.len(), 1, "{findings:#?}");
    assert_eq!((weights[0].category, weights[0].plugin.as_deref()), (Category::Plugin, Some("xinjiang")));
    assert_eq!(weights[0].actual.as_deref(), Some("100"));
}

#[test]
fn the_region_chooses_xinjiang_then_changji_for_qitai() {
    let config = config();
    let doc = example(&ImportOptions::default());
    let (plugins, refused) = host::try_for_region(&config, &doc.meta.region);
    let ids: Vec<&str> = plugins.iter().map(|p| p.id()).collect();
    assert_eq!(ids, ["xinjiang", "changji"]);
    // The broken test plugins in the same directory are refused, not fatal.
    assert!(refused.iter().any(|(_, e)| matches!(e, PluginError::AbiVersion { found: 999, .. })), "{refused:#?}");
    let template = host::template_for(&plugins, &doc.meta.region).expect("xinjiang's template");
    assert_eq!(template.name, "xinjiang");

    let mut engine = Engine::new(config).expect("engine").with_template(template);
    for plugin in plugins {
        engine = engine.with_external(Box::new(plugin));
    }
    let findings = engine.check(&doc);
    let cj = by_rule(&findings, "CJ001");
    assert_eq!(cj.len(), 1, "{findings:#?}");
    assert_eq!((cj[0].severity, cj[0].plugin.as_deref()), (Severity::Warning, Some("changji")));
    assert!(cj[0].message.contains("2024年破产企业生活费补助项目"));
    assert_eq!(by_rule(&findings, "C101").len(), 2);
    assert!(findings.iter().all(|f| !f.rule.starts_with("XJ")), "the example passes the Xinjiang rules");
}

#[test]
fn a_wrong_abi_version_is_refused_naming_the_file() {
    let err = load_path("gongkai_test_plugin_wrong_abi", &config()).expect_err("refused");
    let message = err.to_string();
    assert!(matches!(err, PluginError::AbiVersion { found: 999, min: 1, max: 1, .. }), "{message}");
    assert!(message.contains("libgongkai_test_plugin_wrong_abi") && message.contains("999"), "{message}");
}

#[test]
fn a_panicking_plugin_becomes_a_finding_and_the_other_rules_still_report() {
    let config = config();
    let panicky = load_path("gongkai_test_plugin_panicky", &config).expect("loads");
    let changji = host::load("changji", &config).expect("loads");
    let engine = Engine::new(config).expect("engine").with_external(Box::new(panicky)).with_external(Box::new(changji));
    let doc = example(&ImportOptions::default());
    // Twice: the process and the plugin survive the first panic.
    for _ in 0..2 {
        let findings = engine.check(&doc);
        let failed = by_rule(&findings, host::PLUGIN_FAILED_RULE);
        assert_eq!(failed.len(), 1, "{findings:#?}");
        assert_eq!(failed[0].plugin.as_deref(), Some("panicky"));
        assert!(failed[0].message.starts_with("plugin failed"), "{}", failed[0].message);
        assert!(
            failed[0].message.contains("panicked at") && failed[0].message.contains("rule bug"),
            "{}",
            failed[0].message
        );
        assert_eq!(by_rule(&findings, "CJ001").len(), 1, "the other plugin's findings are kept");
        assert_eq!(by_rule(&findings, "C101").len(), 2, "the built-in rules' findings are kept");
    }
}

#[test]
fn malformed_output_becomes_a_plugin_failed_finding() {
    let malformed = load_path("gongkai_test_plugin_malformed", &config()).expect("loads");
    let findings = gongkai_rules::ExternalCheck::check(&malformed, &example(&ImportOptions::default()));
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!((findings[0].rule.as_str(), findings[0].plugin.as_deref()), ("PLUGIN", Some("malformed")));
    assert!(findings[0].message.contains("malformed output"), "{}", findings[0].message);
}

#[test]
fn a_missing_library_is_a_clear_error() {
    let config = config();
    let err = host::load("/nonexistent/libgongkai_plugin_gone.so", &config).expect_err("missing");
    assert!(matches!(err, PluginError::MissingLibrary { .. }));
    assert!(err.to_string().contains("/nonexistent/libgongkai_plugin_gone.so"), "{err}");

    let err = host::load("gone", &config).expect_err("not found");
    let message = err.to_string();
    assert!(message.contains("libgongkai_plugin_gone") && message.contains("plugin-tests"), "{message}");

    let err = host::load("bad name", &config).expect_err("not a name");
    assert!(matches!(err, PluginError::InvalidName(_)), "{err}");
}

#[test]
fn a_library_without_the_check_symbol_is_refused() {
    let err = load_path("gongkai_test_plugin_no_check", &config()).expect_err("refused");
    assert!(matches!(err, PluginError::MissingSymbol { symbol: "gongkai_plugin_check", .. }), "{err}");
    assert!(err.to_string().contains("libgongkai_test_plugin_no_check"), "{err}");
}

#[test]
fn pinning_is_checked_before_the_library_is_opened() {
    let path = library(Profile::Debug, "gongkai_plugin_xinjiang");
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).expect("a file name");
    let digest = host::sha256_file(&path).expect("hash");
    let pinned = |hex: &str| Config { plugin_lock: BTreeMap::from([(file.clone(), hex.to_owned())]), ..config() };

    let err = host::load("xinjiang", &pinned(&"0".repeat(64))).expect_err("mismatch");
    assert!(matches!(err, PluginError::HashMismatch { .. }), "{err}");
    assert!(err.to_string().contains(&file) && err.to_string().contains(&digest), "{err}");

    host::load("xinjiang", &pinned(&format!("sha256:{}", digest.to_uppercase()))).expect("pinned and equal");

    // Pinning on, this file not listed: refused with the line to add.
    let err = host::load("changji", &pinned(&digest)).expect_err("not pinned");
    assert!(matches!(err, PluginError::NotPinned { .. }) && err.to_string().contains("plugin-lock"), "{err}");

    // A file that is not a library at all: with a wrong pin it is refused by
    // the hash, so it was never handed to the loader.
    let dir = plugin_build::workspace_root().join("target/plugin-tests/garbage");
    std::fs::create_dir_all(&dir).expect("dir");
    let garbage = dir.join(format!("{}garbage{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX));
    std::fs::write(&garbage, b"not a library").expect("write");
    let name = garbage.file_name().map(|f| f.to_string_lossy().into_owned()).expect("name");
    let lock = |hex: String| Config { plugin_lock: BTreeMap::from([(name.clone(), hex)]), ..Config::default() };
    let err = host::load(&garbage.display().to_string(), &lock("0".repeat(64))).expect_err("mismatch");
    assert!(matches!(err, PluginError::HashMismatch { .. }), "{err}");
    let right = host::sha256_file(&garbage).expect("hash");
    let err = host::load(&garbage.display().to_string(), &lock(right)).expect_err("not loadable");
    assert!(matches!(err, PluginError::Load { .. }), "{err}");
}

#[test]
fn discover_lists_plugins_and_refusals() {
    let found = host::discover(&config());
    let ok: Vec<String> = found.iter().filter_map(|(_, m)| m.as_ref().ok().map(|m| m.id.clone())).collect();
    for id in ["xinjiang", "changji", "panicky", "malformed"] {
        assert!(ok.iter().any(|o| o == id), "{id} in {ok:?}");
    }
    let refused: Vec<String> =
        found.iter().filter_map(|(p, m)| m.as_ref().err().map(|_| p.display().to_string())).collect();
    assert!(refused.iter().any(|p| p.contains("wrong_abi")) && refused.iter().any(|p| p.contains("no_check")));
}

#[test]
fn configuration_selects_and_overrides_plugin_rules() {
    let mut config = config();
    config.severity.insert("CJ001".into(), "error".into());
    let changji = host::load("changji", &config).expect("loads");
    let engine = Engine::new(config.clone()).expect("engine").with_external(Box::new(changji));
    let doc = example(&ImportOptions::default());
    let findings = engine.check(&doc);
    let cj = by_rule(&findings, "CJ001");
    assert!(!cj.is_empty() && cj.iter().all(|f| f.severity == Severity::Error), "{findings:#?}");

    config.ignore.push("CJ".into());
    let changji = host::load("changji", &config).expect("loads");
    let engine = Engine::new(config).expect("engine").with_external(Box::new(changji));
    assert!(engine.check(&doc).iter().all(|f| !f.rule.starts_with("CJ")));
}
