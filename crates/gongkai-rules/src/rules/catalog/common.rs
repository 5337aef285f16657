//! Helpers shared by the catalog rules: which scheme a table's codes belong to, the
//! coded rows to check, and how catalog evidence is worded in messages.

use gongkai_catalog::{Attestation, AttestedName, Catalog, YearSet, is_well_formed};
use gongkai_model::{ClassCode, Disclosure, Level, Row, RowRole, Scheme, Table, TableKind, TablePart};

/// The builtin catalog.
pub(super) fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

/// The classification a table's coded rows must belong to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum TableScheme {
    /// 支出功能分类 (2xx).
    Function,
    /// 支出经济分类 (3xx department or 5xx government).
    Economic,
}

impl TableScheme {
    /// The scheme of a table kind; `None` for tables whose codes are not checked
    /// (summary tables with labelled lines, unknown tables).
    pub(super) fn of(kind: TableKind) -> Option<TableScheme> {
        if kind.is_function_coded() {
            Some(TableScheme::Function)
        } else if kind == TableKind::GeneralBudgetBasicExpenditure {
            Some(TableScheme::Economic)
        } else {
            None
        }
    }

    /// Whether a code belongs to this scheme.
    pub(super) fn admits(self, code: &ClassCode) -> bool {
        match self {
            TableScheme::Function => code.scheme() == Scheme::Function,
            TableScheme::Economic => code.scheme() != Scheme::Function,
        }
    }

    /// `支出功能分类`, `支出经济分类`.
    pub(super) fn name_zh(self) -> &'static str {
        match self {
            TableScheme::Function => "支出功能分类",
            TableScheme::Economic => "支出经济分类",
        }
    }
}

/// Whether a row's code can be compared with the catalog as a code of its table:
/// well formed and of the table's scheme (wrong-scheme and malformed codes are
/// G104's; the other rules skip them rather than report consequences of them).
pub(super) fn checkable(table: &Table, code: &ClassCode) -> bool {
    is_well_formed(code.as_str()).is_ok() && TableScheme::of(table.kind).is_none_or(|s| s.admits(code))
}

/// Every coded row of the document, with its table and part, in printed order.
pub(super) fn coded_rows(doc: &Disclosure) -> impl Iterator<Item = (&Table, &TablePart, &Row, &ClassCode)> {
    doc.tables.iter().flat_map(|t| {
        t.parts.iter().flat_map(move |p| p.rows.iter().filter_map(move |r| Some((t, p, r, r.code.as_ref()?))))
    })
}

/// Whether a row starts a new block of codes (a total or a grouping line such as the
/// unit's name in a project table), so that hierarchy context does not carry over.
pub(super) fn breaks_blocks(row: &Row) -> bool {
    row.code.is_none() && matches!(row.role, RowRole::Total | RowRole::Group)
}

/// The code of `code`'s ancestor (or itself) at `level`, if `code` is that deep.
pub(super) fn code_at(code: &str, level: Level) -> Option<&str> {
    let len = match level {
        Level::Lei => 3,
        Level::Kuan => 5,
        Level::Xiang => 7,
    };
    code.get(..len).filter(|_| code.len() >= len)
}

/// Years as printed in messages: `2024年`, `2019–2021、2024年`.
pub(super) fn years_zh(years: YearSet) -> String {
    let all = years.to_vec();
    let mut runs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < all.len() {
        let mut j = i;
        while j + 1 < all.len() && all[j + 1] == all[j] + 1 {
            j += 1;
        }
        runs.push(if i == j { all[i].to_string() } else { format!("{}–{}", all[i], all[j]) });
        i = j + 1;
    }
    if runs.is_empty() { "年份不详".to_owned() } else { format!("{}年", runs.join("、")) }
}

/// One attested name with its evidence: `“行政运行”（2024年，1份文件）`.
pub(super) fn attested_zh(a: &AttestedName<'_>) -> String {
    let kind = match a.attestation {
        Attestation::Official => "，财政部目录",
        Attestation::HandChecked => "，人工核对",
        _ => "",
    };
    format!("“{}”（{}，{}份文件{}）", a.name, years_zh(a.years), a.documents, kind)
}

/// The attested names of a mismatch for a message: the expected ones, then the
/// names of other years.
pub(super) fn attested_list(attested: &[AttestedName<'_>]) -> String {
    let expected: Vec<String> = attested.iter().filter(|a| a.expected).map(attested_zh).collect();
    let others: Vec<String> = attested.iter().filter(|a| !a.expected).map(attested_zh).collect();
    let mut out = expected.join("或");
    if !others.is_empty() {
        out.push_str(&format!("（其他年度名称：{}）", others.join("、")));
    }
    out
}

/// The names the printed one was compared with, for `Finding::expected`.
pub(super) fn expected_names(attested: &[AttestedName<'_>]) -> String {
    attested.iter().filter(|a| a.expected).map(|a| a.name).collect::<Vec<_>>().join("、")
}

/// Whether the evidence against a printed name is strong enough for a warning: an
/// expected name from an official catalog or a hand-checked source, or printed in at
/// least two documents. A name seen in one extracted document only proves little.
pub(super) fn evidence_is_strong(attested: &[AttestedName<'_>]) -> bool {
    attested
        .iter()
        .filter(|a| a.expected)
        .any(|a| matches!(a.attestation, Attestation::Official | Attestation::HandChecked) || a.documents >= 2)
}

/// The best-attested catalog name of a code (`人力资源和社会保障管理事务`), `None`
/// when the code is not in the data.
pub(super) fn catalog_name(code: &str, year: Option<u16>) -> Option<&'static str> {
    let info = catalog().lookup(code, year)?;
    info.names.first().map(|n| n.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_printed_as_runs() {
        let y = YearSet::from_years(&[2019, 2020, 2021, 2024]).unwrap();
        assert_eq!(years_zh(y), "2019–2021、2024年");
        assert_eq!(years_zh(YearSet::from_years(&[2024]).unwrap()), "2024年");
    }

    #[test]
    fn code_at_levels() {
        assert_eq!(code_at("2080505", Level::Kuan), Some("20805"));
        assert_eq!(code_at("208", Level::Kuan), None);
        assert_eq!(code_at("20805", Level::Lei), Some("208"));
    }
}
