//! Shared helpers for the importer's tests: the example, its variants, and a
//! comparison of models by their facts (provenance left out).

#![allow(dead_code)]

use std::collections::BTreeSet;

use gongkai_import::{ImportOptions, Imported};
use gongkai_model::{Disclosure, Number, Quantity, Unit};

pub fn example_text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/qitai-2024-budget.txt");
    std::fs::read_to_string(path).expect("the bundled example")
}

pub fn import(text: &str) -> Imported {
    gongkai_import::import_text(text, "example.txt", &ImportOptions::default()).expect("imports")
}

fn wan(value: Number, unit: Unit) -> String {
    let q = Quantity::new(value, unit);
    q.in_wan_yuan().map_or_else(|| value.to_string(), |n| n.value().normalize().to_string())
}

/// Everything the document states, without where it stands.
pub fn facts(doc: &Disclosure) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for t in &doc.tables {
        out.insert(format!("table {:?} empty={}", t.kind, t.empty_statement.is_some()));
        for p in &t.parts {
            for r in &p.rows {
                for (c, cell) in p.columns.iter().zip(&r.cells) {
                    if let Some(a) = cell.amount {
                        out.insert(format!(
                            "{:?}/{:?}/{:?}/{}/{:?}/{:?} = {}",
                            t.kind,
                            p.side,
                            r.role,
                            r.code.as_ref().map_or(r.label.as_str(), |c| c.as_str()),
                            r.project,
                            c.measure,
                            wan(a, t.unit)
                        ));
                    }
                }
            }
        }
    }
    for m in &doc.missing_tables {
        out.insert(format!("missing {:?}", m.kind));
    }
    for c in &doc.claims {
        out.insert(format!(
            "claim {:?} {} {:?} {:?} {:?} {:?}",
            c.kind,
            c.subject.label,
            c.amount.map(|q| wan(q.value, q.unit)),
            c.share.map(|q| q.value.to_string()),
            c.change.as_ref().and_then(|ch| ch.amount).map(|q| wan(q.value, q.unit)),
            c.change.as_ref().and_then(|ch| ch.rate).map(|q| q.value.to_string()),
        ));
    }
    for s in doc.all_sections() {
        out.insert(format!("section {:?} {} paragraphs={}", s.kind, s.heading.text, s.paragraphs.len()));
    }
    let st = &doc.profile.staffing;
    out.insert(format!(
        "staff {:?} {:?} {:?} {:?} {:?}",
        st.authorized.as_ref().map(|h| h.count),
        st.actual.as_ref().map(|h| h.count),
        st.in_service.as_ref().map(|h| h.count),
        st.retired.as_ref().map(|h| h.count),
        st.retired_veteran.as_ref().map(|h| h.count)
    ));
    out.insert(format!("offices {:?} {:?}", doc.profile.offices.stated_count, doc.profile.offices.names));
    for g in &doc.glossary {
        out.insert(format!("glossary {}", g.term));
    }
    for t in &doc.performance_targets {
        out.insert(format!("targets {:?} indicators={} funding={}", t.scope, t.indicators.len(), t.funding.len()));
    }
    out.insert(format!(
        "meta {:?} {:?} {:?}",
        doc.meta.kind,
        doc.meta.fiscal_year,
        doc.meta.unit_name.as_ref().map(|u| &u.text)
    ));
    out
}

/// The lines of the example as a vector (no trailing newline handling needed).
pub fn lines(text: &str) -> Vec<String> {
    text.split('\n').map(str::to_owned).collect()
}

/// Whether a line is a table or form row.
pub fn is_row(line: &str) -> bool {
    line.contains('\t')
}
