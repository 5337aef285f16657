//! `gongkai rules` and `gongkai rules explain ID`, with the rules of the
//! plugins named by `--plugin` after the built-in ones.

use std::fmt::Write as _;
use std::path::PathBuf;

use gongkai_rules::Config;
use gongkai_rules::host::LoadedPlugin;

use super::Outcome;
use crate::lang::Lang;
use crate::output::print;
use crate::report::text::category_name;

/// Loads the plugins `--plugin` names (looked up in `--plugin-dir` and the
/// usual directories); a refusal ends the command (exit 2).
pub fn load(plugins: &[String], plugin_dirs: &[PathBuf]) -> Result<Vec<LoadedPlugin>, Outcome> {
    let config = Config {
        plugins: plugins.to_vec(),
        plugin_dirs: plugin_dirs.iter().map(|d| d.to_string_lossy().into_owned()).collect(),
        ..Config::default()
    };
    crate::plugins::load_named(&config).map_err(|e| {
        eprintln!("{}{e}", Lang::current().pick("错误：", "error: "));
        Outcome::Failure
    })
}

/// Lists every rule: id, severity, family, name and what it checks (in
/// Chinese, or the English documentation's first line with `--lang en`);
/// then the loaded plugins' rules.
pub fn list(plugins: &[LoadedPlugin]) -> Outcome {
    let lang = Lang::current();
    let mut out = String::new();
    for m in gongkai_rules::rule_metas() {
        let severity = lang.pick(m.severity.name_zh(), m.severity.id());
        let family = category_name(m.category);
        let title = lang.pick(m.title_zh, m.summary());
        let _ = writeln!(out, "{:<6} {} {} {:<28} {title}", m.id, pad(severity, 8), pad(family, 13), m.name);
    }
    for plugin in plugins {
        for r in &plugin.manifest().rules {
            let severity = lang.pick(r.severity.name_zh(), r.severity.id());
            let family = format!("{}:{}", category_name(gongkai_model::Category::Plugin), plugin.id());
            // (A plugin's one line is Chinese; its documentation's first line stands for English.)
            let first = r.doc.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#')).unwrap_or("");
            let title = lang.pick(&r.title, first);
            let _ = writeln!(out, "{:<6} {} {} {:<28} {title}", r.id, pad(severity, 8), pad(&family, 13), r.name);
        }
    }
    print(&out);
    Outcome::Clean
}

/// `text` padded to `width` display columns (a Chinese character takes two).
fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(unicode_width::UnicodeWidthStr::width(text));
    format!("{text}{:fill$}", "")
}

/// Prints a rule's documentation: a built-in rule's, else a loaded plugin's.
pub fn explain(id: &str, plugins: &[LoadedPlugin]) -> Outcome {
    let lang = Lang::current();
    let plugin_rule = plugins.iter().find_map(|p| {
        p.manifest().rules.iter().find(|r| r.id.eq_ignore_ascii_case(id) || r.name == id).map(|r| (p.id(), r))
    });
    if let (None, Some((plugin, r))) = (gongkai_rules::rule_meta(id), plugin_rule) {
        let mut out = match lang {
            Lang::Zh => format!("# {} {}（插件 {plugin} · {}）\n\n{}\n\n", r.id, r.name, r.severity.name_zh(), r.title),
            Lang::En => format!("# {} {} (plugin {plugin}, {})\n\n", r.id, r.name, r.severity.id()),
        };
        // (A plugin may document its rules in English only: shown as such.)
        match (lang, r.doc_zh.trim()) {
            (Lang::Zh, "") => out.push_str(&format!("## 详细说明（插件只提供英文）\n\n{}", r.doc.trim_end())),
            (Lang::Zh, zh) => out.push_str(zh),
            (Lang::En, _) => out.push_str(r.doc.trim_end()),
        }
        out.push('\n');
        print(&out);
        return Outcome::Clean;
    }
    match gongkai_rules::rule_meta(id) {
        Some(m) => {
            let doc = m.doc.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n");
            let mut out = String::new();
            match lang {
                Lang::Zh => {
                    let _ = writeln!(
                        out,
                        "# {} {}（{} · {}）\n\n{}\n",
                        m.id,
                        m.name,
                        category_name(m.category),
                        m.severity.name_zh(),
                        m.title_zh
                    );
                    let _ = writeln!(out, "{}\n", m.doc_zh.trim());
                }
                Lang::En => {
                    let _ = writeln!(out, "# {} {} ({}, {})\n", m.id, m.name, m.category.id(), m.severity.id());
                    let _ = writeln!(out, "{doc}\n");
                }
            }
            let _ = write!(out, "{}", gongkai_rules::certainty::explain(m.severity, lang == Lang::En));
            print(&out);
            Outcome::Clean
        }
        None => {
            match lang {
                Lang::Zh => eprintln!("错误：没有规则“{id}”；gongkai rules 列出全部规则"),
                Lang::En => eprintln!("error: no rule `{id}`; `gongkai rules` lists them"),
            }
            Outcome::Failure
        }
    }
}
