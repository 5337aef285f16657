//! Where a completeness finding points when the thing it is about is absent.

use gongkai_model::{Disclosure, DocumentPart, Location, Provenance, TableKind};

use crate::context::text_location;

/// The table-of-contents line listing a table, else the heading of the tables
/// part, else the first table's title, else the first line.
pub(super) fn table_anchor(doc: &Disclosure, kind: TableKind) -> Location {
    let at = doc
        .contents
        .iter()
        .find(|e| e.table == Some(kind))
        .or_else(|| doc.contents.iter().find(|e| e.part == DocumentPart::Tables))
        .map(|e| e.source.clone())
        .or_else(|| doc.tables.first().map(|t| t.source.clone()))
        .unwrap_or_else(|| Provenance::line(1));
    Location { table: Some(kind), ..text_location(&at) }
}

/// The table-of-contents entry of a document part, else the first line.
pub(super) fn part_anchor(doc: &Disclosure, part: DocumentPart) -> Location {
    // Nowhere to point at: the document's first line (on page 1 of a paged input).
    let start = || Provenance::line(1).with_page(doc.meta.source.pages.map(|_| 1));
    let at = doc.contents.iter().find(|e| e.part == part).map_or_else(start, |e| e.source.clone());
    text_location(&at)
}
