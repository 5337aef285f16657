//! Certainty: an error only where the facts were read for sure.
//!
//! The reader marks what it had to guess ([`Inference`] on a column or a row).
//! This module applies that to every finding, of every rule and plugin, in one
//! place: a finding of error severity one of whose locations points at an
//! inferred fact is reported as a warning, its message naming the reason. A rule
//! needs to know nothing about it, and no rule can forget it.
//!
//! Locations name their table, side, row and measure ([`Location`]), so an
//! inferred column is found by `(table, side, measure)`, an inferred row by
//! `(table, side, row key)` and an inferred cell by both.

use std::collections::HashMap;

use gongkai_model::{Disclosure, Finding, Inference, Location, Measure, Severity, Side, TableKind};

use crate::context::row_key;

/// The inferred facts of one document, indexed the way locations name them.
#[derive(Default)]
pub struct Certainty {
    columns: HashMap<(TableKind, Option<Side>, Measure), Inference>,
    rows: HashMap<(TableKind, Option<Side>, String), Inference>,
    cells: HashMap<(TableKind, Option<Side>, String, Measure), Inference>,
}

impl Certainty {
    /// Indexes the inferred columns and rows of `doc`.
    pub fn of(doc: &Disclosure) -> Certainty {
        let mut out = Certainty::default();
        for table in &doc.tables {
            for part in &table.parts {
                for column in &part.columns {
                    if let Some(reason) = column.inferred {
                        out.columns.entry((table.kind, part.side, column.measure.clone())).or_insert(reason);
                    }
                }
                for row in &part.rows {
                    if let Some(reason) = row.inferred {
                        out.rows.entry((table.kind, part.side, row_key(row))).or_insert(reason);
                    }
                    for (cell, column) in row.cells.iter().zip(&part.columns) {
                        if let Some(reason) = cell.inferred {
                            let key = (table.kind, part.side, row_key(row), column.measure.clone());
                            out.cells.entry(key).or_insert(reason);
                        }
                    }
                }
            }
        }
        out
    }

    /// Whether the document has no inferred fact at all (the common case: then
    /// nothing is looked up).
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty() && self.rows.is_empty() && self.cells.is_empty()
    }

    /// The reason a location's fact is inferred, if it is.
    pub fn of_location(&self, location: &Location) -> Option<Inference> {
        let table = location.table?;
        let column =
            location.measure.as_ref().and_then(|m| self.columns.get(&(table, location.side, m.clone()))).copied();
        let row = || location.row.as_ref().and_then(|r| self.rows.get(&(table, location.side, r.clone()))).copied();
        let cell = || {
            let (row, measure) = (location.row.as_ref()?, location.measure.as_ref()?);
            self.cells.get(&(table, location.side, row.clone(), measure.clone())).copied()
        };
        column.or_else(row).or_else(cell)
    }

    /// The first inferred fact among a finding's locations.
    pub fn of_finding(&self, finding: &Finding) -> Option<Inference> {
        if self.is_empty() {
            return None;
        }
        finding.locations.iter().find_map(|l| self.of_location(l))
    }

    /// Lowers an error that rests on an inferred fact to a warning, naming the
    /// reason in its message. Returns whether it did.
    pub fn settle(&self, finding: &mut Finding) -> bool {
        if finding.severity != Severity::Error {
            return false;
        }
        let Some(reason) = self.of_finding(finding) else {
            return false;
        };
        finding.severity = Severity::Warning;
        finding.message.push_str(&format!("（读取不确定：{}；仅作警告，请对照原表核实）", reason.name_zh()));
        true
    }
}

/// What a rule needs to be certain of, for `gongkai rules explain`: the same
/// for every rule, since certainty is applied to every finding in one place
/// (in Chinese, or in English with `english`).
pub fn explain(severity: Severity, english: bool) -> String {
    let (title, error, other, end) = if english {
        (
            "## Certainty\n",
            "This rule reports an error only when every figure involved was read for sure. Where one was inferred, the finding is lowered to a warning and its message says why:\n",
            "This rule reports warnings or notes; where a figure involved was inferred, the message says so too. Figures are inferred when:\n",
            "What was checked in each document, what was not and why: `gongkai validate --coverage`.\n",
        )
    } else {
        (
            "## 确定性\n",
            "只有所涉数字均为确切读取时，本规则才报告错误。若某个数字是推定读取的，该问题降为警告，消息中写明原因：\n",
            "本规则报告警告或提示；所涉数字若为推定读取，消息中同样写明原因。推定读取的情形：\n",
            "每份文件检查了什么、没有检查什么及原因，见 `gongkai validate --coverage`。\n",
        )
    };
    let mut out = String::from(title);
    out.push_str(if severity == Severity::Error { error } else { other });
    for reason in Inference::ALL {
        if english {
            out.push_str(&format!("- {} ({})\n", reason.name_en(), reason.id()));
        } else {
            out.push_str(&format!("- {}（{}）\n", reason.name_zh(), reason.id()));
        }
    }
    out.push_str(end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongkai_model::{Category, Provenance};

    fn finding(location: Location) -> Finding {
        Finding {
            rule: "A101".into(),
            severity: Severity::Error,
            category: Category::Arithmetic,
            message: "不等".into(),
            expected: None,
            actual: None,
            locations: vec![location],
            plugin: None,
        }
    }

    fn at(measure: Measure, row: &str) -> Location {
        Location {
            at: Provenance::line(3),
            table: Some(TableKind::ExpenditureSummary),
            measure: Some(measure),
            row: Some(row.into()),
            ..Location::default()
        }
    }

    #[test]
    fn an_error_on_an_inferred_column_is_a_warning_with_its_reason() {
        let mut c = Certainty::default();
        c.columns.insert((TableKind::ExpenditureSummary, None, Measure::Basic), Inference::ColumnByPosition);
        let mut f = finding(at(Measure::Basic, "208"));
        assert!(c.settle(&mut f));
        assert_eq!(f.severity, Severity::Warning);
        assert!(f.message.contains(Inference::ColumnByPosition.name_zh()));
        // Another column of the same table is exact.
        let mut exact = finding(at(Measure::Project, "208"));
        assert!(!c.settle(&mut exact));
        assert_eq!(exact.severity, Severity::Error);
    }

    #[test]
    fn an_error_on_an_inferred_row_is_a_warning() {
        let mut c = Certainty::default();
        c.rows.insert((TableKind::ExpenditureSummary, None, "2080505".into()), Inference::CodeInherited);
        let mut f = finding(at(Measure::Total, "2080505"));
        assert!(c.settle(&mut f));
        let mut other = finding(at(Measure::Total, "2080506"));
        assert!(!c.settle(&mut other));
    }
}
