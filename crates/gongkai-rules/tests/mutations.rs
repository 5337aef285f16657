//! Changing any single number of the example — a table amount, or a figure of a
//! claim in the explanation text (amount, share, change amount, rate) — makes at
//! least one rule fire with a location on the changed line.
//!
//! The numbers are generated from the imported model (every cell with an amount,
//! every claim figure with its position), not listed by hand. Each is raised by one
//! unit of its integer part (`376.92` → `377.92`, `14.65%` → `15.65%`), far beyond
//! any rounding gap. The few figures that no identity can check are excluded by
//! *kind*, each with its reason, in `uncheckable`.

mod raise;

use std::collections::BTreeSet;

use gongkai_model::{Claim, Disclosure, Provenance, SectionKind, Unit};
use gongkai_rules::{Config, Engine};
use raise::{mutate, raised};

fn example() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/qitai-2024-budget.txt")).unwrap()
}

fn import(text: &str) -> Disclosure {
    gongkai_import::import_text(text, "example.txt", &Default::default()).expect("imports").document
}

/// Figures that no identity of a disclosure can check, by kind:
/// - areas and values of assets other than vehicles (房屋, 办公家具, 其他资产): no
///   published total to compare them with;
/// - counts of large equipment and of people (补贴人数): nothing else states them;
/// - procurement reservations for SMEs: only an upper bound (≤ the procurement
///   total) exists, so a raised figure up to that bound is consistent;
/// - the non-fiscal projects of the performance overview and of 其他需说明的事项:
///   no table lists non-fiscal projects.
fn uncheckable(claim: &Claim) -> bool {
    let label = claim.subject.label.as_str();
    match claim.section {
        SectionKind::Assets => !label.contains("车"),
        SectionKind::Miscellaneous => true,
        SectionKind::Procurement => label.contains("预留"),
        SectionKind::Performance => label.contains("非财政"),
        SectionKind::ProjectExpenditure => claim.amount.is_some_and(|a| a.unit == Unit::Person),
        _ => false,
    }
}

/// A decrease of nearly 100% (`减少34.08万元，下降99.10%` on a remaining 0.31): the
/// rate is change / (change + remainder) ≈ 1 whatever the change, so no printed
/// figure can contradict a different change amount — the prior year is not
/// published anywhere else.
fn rate_insensitive(change: &gongkai_model::Change) -> bool {
    change.direction == Some(gongkai_model::Direction::Down)
        && change.rate.is_some_and(|r| r.value.value() >= gongkai_model::Decimal::from(95))
}

fn key(f: &gongkai_model::Finding) -> (String, u32, String) {
    (f.rule.clone(), f.primary_line(), f.message.clone())
}

#[test]
fn every_number_is_checked_by_some_rule() {
    let text = example();
    let doc = import(&text);
    let engine = Engine::new(Config::default()).unwrap();
    let baseline: BTreeSet<_> = engine.check(&doc).iter().map(key).collect();

    let mut targets: Vec<Provenance> = Vec::new();
    for table in &doc.tables {
        for part in &table.parts {
            for row in &part.rows {
                targets.extend(row.cells.iter().filter(|c| c.amount.is_some()).filter_map(|c| c.at.clone()));
            }
        }
    }
    for t in &doc.performance_targets {
        targets.extend(t.funding.iter().map(|f| f.amount.source.clone()));
    }
    let table_figures = targets.len();
    for claim in doc.claims.iter().filter(|c| !uncheckable(c)) {
        targets.extend(claim.amount_at.iter().cloned());
        targets.extend(claim.share_at.iter().cloned());
        if let Some(change) = &claim.change {
            if !rate_insensitive(change) {
                targets.extend(change.amount_at.iter().cloned());
            }
            targets.extend(change.rate_at.iter().cloned());
        }
    }
    assert!(table_figures > 250 && targets.len() > table_figures + 100, "{table_figures} / {}", targets.len());

    let mut missed = Vec::new();
    let mut checked = 0;
    for at in &targets {
        let Some((mutated, description)) = mutate(&text, at) else { continue };
        checked += 1;
        let findings = engine.check(&import(&mutated));
        let fired =
            findings.iter().any(|f| !baseline.contains(&key(f)) && f.locations.iter().any(|l| l.at.line == at.line));
        if !fired {
            missed.push(description);
        }
    }
    assert!(checked >= targets.len() * 9 / 10, "only {checked} of {} figures could be mutated", targets.len());
    assert!(missed.is_empty(), "{} of {checked} changed figures went unnoticed:\n{}", missed.len(), missed.join("\n"));
}

#[test]
fn raising_keeps_the_printed_form() {
    assert_eq!(raised("1,010.70").as_deref(), Some("1,011.70"));
    assert_eq!(raised("999.99万元").as_deref(), Some("1000.99万元"));
    assert_eq!(raised("10.2%").as_deref(), Some("11.2%"));
    assert_eq!(raised("2辆").as_deref(), Some("3辆"));
    assert_eq!(raised("-1,999.50").as_deref(), Some("-2,000.50"));
}

/// The made-up 决算: every amount of its tables raised by one makes some rule
/// fire on its line (the 决算 layout read, its summaries, fund tables and
/// balances held together).
#[test]
fn every_table_figure_of_the_final_accounts_is_checked() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/某局-2024-final-accounts.txt"))
            .unwrap();
    let doc = import(&text);
    let engine = Engine::new(Config::default()).unwrap();
    let baseline: BTreeSet<_> = engine.check(&doc).iter().map(key).collect();
    let targets: Vec<Provenance> = doc
        .tables
        .iter()
        .flat_map(|t| &t.parts)
        .flat_map(|p| &p.rows)
        .flat_map(|r| &r.cells)
        .filter(|c| c.amount.is_some())
        .filter_map(|c| c.at.clone())
        .collect();
    assert!(targets.len() > 150, "{}", targets.len());
    let mut missed = Vec::new();
    for at in &targets {
        let Some((mutated, description)) = mutate(&text, at) else { continue };
        let findings = engine.check(&import(&mutated));
        let fired =
            findings.iter().any(|f| !baseline.contains(&key(f)) && f.locations.iter().any(|l| l.at.line == at.line));
        if !fired {
            missed.push(description);
        }
    }
    assert!(
        missed.is_empty(),
        "{} of {} changed figures went unnoticed:\n{}",
        missed.len(),
        targets.len(),
        missed.join("\n")
    );
}
