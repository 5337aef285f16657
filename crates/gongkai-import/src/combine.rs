//! One document from two files: the tables from a workbook (or CSV), everything
//! else (cover, profile, explanation, glossary, performance targets) from a text
//! file. Where both have a table of the same kind, the workbook's wins — it is
//! the source the text was printed from.

use gongkai_model::{TableKind, Unparsed};

use crate::Imported;
use crate::recognize::vocabulary::normalize;

/// Merges `tables` (from a workbook) into `text` (from the explanation).
pub(crate) fn combine(tables: Imported, text: Imported, tables_file: &str) -> Imported {
    let mut doc = text.document;
    let from_book = tables.document;
    let same = |a: &gongkai_model::Table, b: &gongkai_model::Table| {
        a.kind == b.kind && (a.kind != TableKind::Other || normalize(&a.title) == normalize(&b.title))
    };
    let text_only: Vec<_> =
        std::mem::take(&mut doc.tables).into_iter().filter(|t| !from_book.tables.iter().any(|b| same(b, t))).collect();
    let from_tables_file = from_book.tables.iter().map(|t| (t.kind, t.title.clone())).collect();
    let mut merged = from_book.tables;
    merged.extend(text_only);
    // The usual template order, whatever file each table came from; a table's own
    // number decides among equals.
    merged.sort_by_key(|t| (TableKind::ALL.iter().position(|k| *k == t.kind), t.number));
    doc.tables = merged;
    if doc.performance_targets.is_empty() {
        doc.performance_targets = from_book.performance_targets;
    }
    // Both files may have a 目录 (the workbook's as a sheet): a table either lists
    // and neither holds is missing. The text's 目录 is the printed document's, so
    // it stays the contents when it has one.
    for missing in from_book.missing_tables {
        if !doc.missing_tables.iter().any(|m| m.kind == missing.kind) {
            doc.missing_tables.push(missing);
        }
    }
    doc.missing_tables.retain(|m| !doc.tables.iter().any(|t| t.kind == m.kind));
    if doc.contents.is_empty() {
        doc.contents = from_book.contents;
    }
    if doc.meta.unit_name.is_none() {
        doc.meta.unit_name = from_book.meta.unit_name;
    }
    let tables_format = from_book.meta.source.format.unwrap_or_else(|| "xlsx".into());
    let mut files = from_book.meta.source.files;
    files.extend(std::mem::take(&mut doc.meta.source.files));
    doc.meta.source.files = files;
    doc.meta.source.format = Some(format!("{tables_format}+text"));
    let mut unparsed: Vec<Unparsed> = from_book.unparsed;
    unparsed.append(&mut doc.unparsed);
    doc.unparsed = unparsed;
    // Line numbers alone would be ambiguous between the two files.
    let mut diagnostics: Vec<_> = tables
        .diagnostics
        .into_iter()
        .map(|mut d| {
            d.message = format!("{tables_file}: {}", d.message);
            d
        })
        .collect();
    diagnostics.extend(text.diagnostics);
    Imported { document: doc, diagnostics, source_text: text.source_text, tables_file: from_tables_file }
}
