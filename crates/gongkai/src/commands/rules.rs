//! `gongkai rules` and `gongkai rules explain ID`.

use super::Outcome;

/// Lists every rule: id, severity, family, name and summary.
pub fn list() -> Outcome {
    for m in gongkai_rules::rule_metas() {
        println!("{:<6} {:<8} {:<13} {:<28} {}", m.id, m.severity.id(), m.category.id(), m.name, m.summary());
    }
    Outcome::Clean
}

/// Prints a rule's documentation.
pub fn explain(id: &str) -> Outcome {
    match gongkai_rules::rule_meta(id) {
        Some(m) => {
            println!("# {} {} ({}, {})\n", m.id, m.name, m.category.id(), m.severity.id());
            print!("{}", m.doc.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n"));
            println!();
            println!();
            print!("{}", gongkai_rules::certainty::explain_zh(m.severity));
            Outcome::Clean
        }
        None => {
            eprintln!("error: no rule `{id}`; `gongkai rules` lists them");
            Outcome::Failure
        }
    }
}
