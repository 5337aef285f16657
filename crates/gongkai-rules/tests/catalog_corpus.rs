//! The catalog family (G rules) over the bundled example: every code the example
//! prints is attested in the catalog (the example is the catalog's `seed2024`
//! source), so the family must report nothing — no error, no warning and no
//! "not in catalog" information. And each G rule's failing fixture must trigger
//! that rule only: the other G rules skip what is another rule's finding.

use std::path::{Path, PathBuf};

use gongkai_model::{Finding, Severity};
use gongkai_rules::{Config, Engine};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn example() -> String {
    std::fs::read_to_string(root().join("../../examples/qitai-2024-budget.txt")).expect("example")
}

/// The edits of a fixture (the format of `tests/rules.rs`, read loosely).
#[derive(serde::Deserialize)]
struct Fixture {
    #[serde(default)]
    edit: Vec<Edit>,
}

#[derive(serde::Deserialize)]
struct Edit {
    line: u32,
    #[serde(default)]
    find: String,
    #[serde(default)]
    replace: String,
    #[serde(default)]
    replace_line: Option<String>,
}

fn apply(fixture: &Fixture) -> String {
    let text = example();
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    for e in &fixture.edit {
        let line = &mut lines[e.line as usize - 1];
        match &e.replace_line {
            Some(whole) => *line = whole.clone(),
            None => *line = line.replacen(&e.find, &e.replace, 1),
        }
    }
    lines.join("\n")
}

fn run_catalog_rules(text: &str) -> Vec<Finding> {
    let imported = gongkai_import::import_text(text, "example.txt", &Default::default()).expect("imports");
    let config = Config { select: vec!["G".to_owned()], ..Config::default() };
    Engine::new(config).unwrap().check(&imported.document)
}

#[test]
fn the_catalog_rules_find_nothing_wrong_in_the_example() {
    let findings = run_catalog_rules(&example());
    assert!(findings.iter().all(|f| f.rule.starts_with('G')), "only G rules ran");
    let serious: Vec<&Finding> =
        findings.iter().filter(|f| matches!(f.severity, Severity::Error | Severity::Warning)).collect();
    assert!(serious.is_empty(), "catalog warnings/errors on the example: {serious:#?}");
    insta::with_settings!({
        description => "G rules over examples/qitai-2024-budget.txt: every code is attested (seed2024), so nothing is reported",
        omit_expression => true,
    }, {
        insta::assert_yaml_snapshot!("catalog_rules_on_example", findings);
    });
}

#[test]
fn the_catalog_family_has_its_six_rules() {
    let ids: Vec<&str> = gongkai_rules::rule_metas().iter().map(|m| m.id).filter(|id| id.starts_with('G')).collect();
    assert_eq!(ids, ["G101", "G102", "G103", "G104", "G105", "G106"]);
}

#[test]
fn each_catalog_fixture_triggers_its_own_rule_only() {
    for id in ["G101", "G102", "G103", "G104", "G105", "G106"] {
        let path = root().join(format!("tests/fixtures/{id}.fail.toml"));
        let fixture: Fixture = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let findings = run_catalog_rules(&apply(&fixture));
        let rules: Vec<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
        assert!(!rules.is_empty() && rules.iter().all(|r| *r == id), "{id}: G findings on its fixture: {findings:#?}");
    }
}
