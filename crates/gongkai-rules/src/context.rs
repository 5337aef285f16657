//! What a rule sees: the document, the active template, the tolerance and the
//! catalog, plus helpers that build locations and messages the same way for
//! every rule.

use gongkai_model::{
    Category, Column, Disclosure, Finding, Location, Number, Provenance, Row, Severity, Table, TableKind, TablePart,
    TextRef,
};

use std::cell::OnceCell;

use crate::rules::consistency::docnum::{DocNumber, document_numbers};
use crate::template::Template;
use crate::tolerance::{Comparison, Tolerance};

/// The read-only view of a run over one document.
pub struct Context<'a> {
    /// The document.
    pub doc: &'a Disclosure,
    /// The template the document is judged against (national, or a plugin's).
    pub template: &'a Template,
    /// The rounding tolerance.
    pub tolerance: Tolerance,
    /// The document's prose and the 文号 cited in it, gathered once for the
    /// rules that read them all.
    prose: OnceCell<Vec<&'a TextRef>>,
    document_numbers: OnceCell<Vec<DocNumber<'a>>>,
}

impl<'a> Context<'a> {
    /// The view of `doc` under `template` and `tolerance`.
    pub fn new(doc: &'a Disclosure, template: &'a Template, tolerance: Tolerance) -> Context<'a> {
        Context { doc, template, tolerance, prose: OnceCell::new(), document_numbers: OnceCell::new() }
    }

    /// Every piece of prose in the document, each once ([`Disclosure::prose`]).
    pub fn prose(&self) -> &[&'a TextRef] {
        self.prose.get_or_init(|| self.doc.prose())
    }

    /// The document numbers (文号) cited in the prose, in document order.
    pub fn document_numbers(&self) -> &[DocNumber<'a>] {
        self.document_numbers.get_or_init(|| document_numbers(self.prose()))
    }

    /// A section's name for messages, as the document's kind names it.
    pub fn section_name(&self, kind: gongkai_model::SectionKind) -> &'static str {
        kind.name_zh_in(self.doc.meta.kind)
    }

    /// The first table of a kind.
    pub fn table(&self, kind: TableKind) -> Option<&'a Table> {
        self.doc.table(kind)
    }

    /// The first part of the first table of a kind.
    pub fn part(&self, kind: TableKind) -> Option<(&'a Table, &'a TablePart)> {
        let t = self.table(kind)?;
        Some((t, t.main()?))
    }

    /// A finding with message and locations; the rule id, family and severity are
    /// filled in when it is pushed.
    pub fn finding(&self, message: String, comparison: Option<&Comparison>, locations: Vec<Location>) -> Finding {
        Finding {
            rule: String::new(),
            severity: Severity::Error,
            category: Category::Arithmetic,
            message,
            expected: comparison.map(|c| c.expected.to_string()),
            actual: comparison.map(|c| c.actual.to_string()),
            locations,
            plugin: None,
        }
    }
}

/// The location of a cell (falls back to its row's line when the cell is empty).
pub fn cell_location(table: &Table, part: &TablePart, row: &Row, column: usize) -> Location {
    let at = row.cells.get(column).and_then(|c| c.at.clone()).unwrap_or_else(|| row.source.clone());
    let col: Option<&Column> = part.columns.get(column);
    Location {
        at,
        file: None,
        table: Some(table.kind),
        side: part.side,
        row: Some(row_key(row)),
        measure: col.map(|c| c.measure.clone()),
        column_header: col.map(|c| c.header.clone()),
    }
}

/// The location of a whole row.
pub fn row_location(table: &Table, part: &TablePart, row: &Row) -> Location {
    Location {
        at: row.source.clone(),
        file: None,
        table: Some(table.kind),
        side: part.side,
        row: Some(row_key(row)),
        measure: None,
        column_header: None,
    }
}

/// The location of a table (its title line).
pub fn table_location(table: &Table) -> Location {
    Location { at: table.source.clone(), table: Some(table.kind), ..Location::default() }
}

/// A location in the text.
pub fn text_location(at: &Provenance) -> Location {
    Location { at: at.clone(), ..Location::default() }
}

/// How a row is keyed in locations: its code, else its label.
pub fn row_key(row: &Row) -> String {
    match (&row.code, &row.project) {
        (Some(code), Some(project)) => format!("{code}/{project}"),
        (Some(code), None) => code.to_string(),
        (None, Some(project)) => project.clone(),
        (None, None) => row.label.clone(),
    }
}

/// A figure for a message: as printed, `空` for an empty cell.
pub fn show(value: Option<Number>) -> String {
    value.map_or_else(|| "空".to_owned(), |n| n.to_string())
}

/// How a column is named in messages: `“合计”列`.
pub fn column_name(part: &TablePart, column: usize) -> String {
    // The last `n` levels of a header path.
    let tail = |header: &str, n: usize| -> String {
        let levels: Vec<&str> = header.split('/').collect();
        levels[levels.len().saturating_sub(n)..].join("/")
    };
    part.columns.get(column).map_or_else(String::new, |c| {
        let depth = c.header.split('/').count();
        // The same leaf under two groups (`本年收入/一般公共预算` and
        // `上年结转结余/一般公共预算`), or under two stages
        // (`预算数/公务用车购置及运行维护费/小计`): as many groups as tell them apart.
        let unique = |n: usize| {
            let own = tail(&c.header, n);
            !part.columns.iter().enumerate().any(|(i, o)| i != column && tail(&o.header, n) == own)
        };
        let n = (1..=depth).find(|&n| unique(n)).unwrap_or(depth);
        let name = tail(&c.header, 1);
        if n > 1 {
            let levels: Vec<&str> = c.header.split('/').collect();
            let groups = levels[depth - n..depth - 1].join("/");
            format!("“{groups}”下的“{name}”列")
        } else {
            format!("“{name}”列")
        }
    })
}

/// How a row is named in messages: `208 社会保障和就业支出` or `“合计”行`.
pub fn row_name(row: &Row) -> String {
    match &row.code {
        Some(_) => row.display(),
        None => format!("“{}”行", if row.label.is_empty() { "(无名称)" } else { &row.label }),
    }
}

/// The explanation of a difference: `差 0.02，允许舍入误差 0.015`.
pub fn difference_note(c: &Comparison) -> String {
    format!("差 {}，舍入允许 ±{}", c.difference.normalize(), c.allowed.normalize())
}
