//! `gongkai rules` and `gongkai rules explain ID`.

use std::fmt::Write as _;

use super::Outcome;
use crate::lang::Lang;
use crate::output::print;
use crate::report::text::category_name;

/// Lists every rule: id, severity, family, name and what it checks (in
/// Chinese, or the English documentation's first line with `--lang en`).
pub fn list() -> Outcome {
    let lang = Lang::current();
    let mut out = String::new();
    for m in gongkai_rules::rule_metas() {
        let severity = lang.pick(m.severity.name_zh(), m.severity.id());
        let family = category_name(m.category);
        let title = lang.pick(m.title_zh, m.summary());
        let _ = writeln!(out, "{:<6} {} {} {:<28} {title}", m.id, pad(severity, 8), pad(family, 13), m.name);
    }
    print(&out);
    Outcome::Clean
}

/// `text` padded to `width` display columns (a Chinese character takes two).
fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(unicode_width::UnicodeWidthStr::width(text));
    format!("{text}{:fill$}", "")
}

/// Prints a rule's documentation.
pub fn explain(id: &str) -> Outcome {
    let lang = Lang::current();
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
                    // (The full text of each rule is written in English so far:
                    // shown as such rather than withheld.)
                    let _ = writeln!(out, "## 详细说明（英文）\n");
                }
                Lang::En => {
                    let _ = writeln!(out, "# {} {} ({}, {})\n", m.id, m.name, m.category.id(), m.severity.id());
                }
            }
            let _ = write!(out, "{doc}\n\n{}", gongkai_rules::certainty::explain_zh(m.severity));
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
