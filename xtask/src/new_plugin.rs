//! `cargo xtask new-plugin NAME`: scaffolds a rule plugin in `rules/NAME`
//! (package `gongkai-plugin-NAME`) with one example rule and a test, and adds it
//! to the workspace's `members` and `default-members`. The result builds as a
//! `cdylib` and passes `cargo test -p gongkai-plugin-NAME` as it is.

use std::path::Path;

/// `new-plugin NAME`: `args` are the arguments after the subcommand.
pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    match args {
        [name] => new_plugin(root, name),
        _ => Err("usage: cargo xtask new-plugin NAME".to_owned()),
    }
}

/// Creates the plugin. `root` is the workspace root.
pub fn new_plugin(root: &Path, name: &str) -> Result<(), String> {
    let valid = name.len() <= 40
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !valid {
        return Err(format!(
            "`{name}` is not a plugin name: lowercase letters, digits and `-`, starting with a letter"
        ));
    }
    let dir = root.join("rules").join(name);
    if dir.exists() {
        return Err(format!("{} already exists", dir.display()));
    }
    let prefix: String = name.chars().filter(char::is_ascii_alphabetic).take(2).collect::<String>().to_uppercase();
    let snake = name.replace('-', "_");
    let fill = |text: &str| text.replace("{{name}}", name).replace("{{snake}}", &snake).replace("{{PREFIX}}", &prefix);
    let files = [("Cargo.toml", fill(CARGO_TOML)), ("src/lib.rs", fill(LIB_RS)), ("tests/plugin.rs", fill(TEST_RS))];
    for (file, text) in &files {
        let path = dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {}", path.display());
    }
    add_member(&root.join("Cargo.toml"), &format!("rules/{name}"))?;
    println!(
        "added rules/{name} to the workspace\nnext: cargo test -p gongkai-plugin-{name}; \
         cargo build --release -p gongkai-plugin-{name} (see docs/plugins.md)"
    );
    Ok(())
}

/// Appends `member` to the `members` and `default-members` arrays of the
/// workspace manifest, leaving every other line as it is.
fn add_member(manifest: &Path, member: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let quoted = format!("\"{member}\"");
    let mut changed = 0;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let is_array = line.starts_with("members = [") || line.starts_with("default-members = [");
            match line.rfind(']') {
                Some(end) if is_array && !line.contains(&quoted) => {
                    changed += 1;
                    let sep = if line[..end].trim_end().ends_with('[') { "" } else { ", " };
                    format!("{}{sep}{quoted}{}", &line[..end], &line[end..])
                }
                _ => line.to_owned(),
            }
        })
        .collect();
    if changed == 0 {
        return Err(format!("no one-line `members = [...]` array in {} to add {member} to", manifest.display()));
    }
    let mut out = lines.join("\n");
    out.push('\n');
    std::fs::write(manifest, out).map_err(|e| format!("{}: {e}", manifest.display()))
}

const CARGO_TOML: &str = r#"[package]
name = "gongkai-plugin-{{name}}"
description = "gongkai rule plugin `{{name}}`."
version.workspace = true
edition.workspace = true
rust-version.workspace = true
license.workspace = true
publish = false

[lib]
# cdylib: the library the host loads; rlib: lets the tests call the rules directly.
crate-type = ["cdylib", "rlib"]

[dependencies]
gongkai-plugin.workspace = true
"#;

const LIB_RS: &str = r##"//! The `{{name}}` rule plugin. Rule ids start with `{{PREFIX}}`.
//!
//! Build: `cargo build --release -p gongkai-plugin-{{name}}` gives
//! `target/release/libgongkai_plugin_{{snake}}.so`; see docs/plugins.md.

use gongkai_plugin::gongkai_model::{Disclosure, Finding, Location, Severity};
use gongkai_plugin::{Plugin, RegionSpec, Years, finding};

gongkai_plugin::rule! {
    /// ## What it checks
    /// The document names its publishing unit.
    ///
    /// ## Why it matters
    /// Every finding and every report is about a unit; without its name a
    /// reviewer cannot tell which disclosure is meant.
    ///
    /// ## Example
    /// A document whose cover has no unit name is reported.
    pub static UNIT_NAMED = {
        id: "{{PREFIX}}001", name: "unit-named", title: "应写明公开单位名称",
        severity: Warning, kinds: [Budget, FinalAccounts], years: Years::ALL, check: unit_named,
        doc_zh: r#"
## 检查内容
文件写明了公开单位的名称。

## 为何重要
每个问题、每份报告都是针对某个单位的；没有单位名称，审核人员无法判断说的是哪份公开文件。

## 示例
封面没有单位名称的文件被报告。
"#,
    };
}

fn unit_named(doc: &Disclosure) -> Vec<Finding> {
    if doc.meta.unit_name.is_some() {
        return Vec::new();
    }
    vec![finding(Severity::Warning, "封面没有写明公开单位名称".to_owned(), vec![Location::default()])]
}

/// The plugin: id `{{name}}`.
pub fn plugin() -> Plugin {
    Plugin {
        id: "{{name}}",
        name: "{{name}}",
        version: env!("CARGO_PKG_VERSION"),
        // The regions whose documents the plugin checks automatically.
        regions: vec![RegionSpec::county("示例县")],
        template: None,
        rules: vec![&UNIT_NAMED],
    }
}

gongkai_plugin::export_plugin!(plugin);
"##;

const TEST_RS: &str = r#"//! The rules of `{{name}}`, in-process through the `rlib`.

use gongkai_plugin::gongkai_model::{Disclosure, DocumentKind, Provenance, TextRef};
use gongkai_plugin_{{snake}}::plugin;

#[test]
fn manifest_is_valid() {
    let manifest = plugin().manifest();
    manifest.validate().expect("a valid manifest");
    assert!(manifest.rules.iter().all(|r| r.id.starts_with("{{PREFIX}}") && !r.doc.is_empty()));
}

#[test]
fn unit_named_reports_a_document_without_a_unit() {
    let mut doc = Disclosure::new(DocumentKind::Budget);
    let findings = plugin().check(&doc);
    assert_eq!(findings.len(), 1);
    assert_eq!((findings[0].rule.as_str(), findings[0].plugin.as_deref()), ("{{PREFIX}}001", Some("{{name}}")));

    doc.meta.unit_name = Some(TextRef { text: "示例单位".into(), source: Provenance::line(1), lines: Vec::new() });
    assert!(plugin().check(&doc).is_empty());
}
"#;
