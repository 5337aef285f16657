//! Classification codes from names, for tables that print the 类/款/项 by name
//! only (杭州 names its rows `一般公共服务支出`, `其他一般公共服务支出`, `公共安全支出`,
//! `公安`, `行政运行` …, showing the levels by indentation the text loses).
//!
//! The catalog knows which codes carry a name; the printed order says which
//! one is meant: a name is first looked for among the 项 of the 款 read last,
//! then among the 款 of the 类 read last, then among the 类. So
//! `其他一般公共服务支出` under `一般公共服务支出` (201) is the 款 20199, and the
//! same name on the next line is the 项 2019999; `行政运行` under `公安` (20402)
//! is 2040201. A code found this way is a guess from the names, however good:
//! the row is marked [`Inference::CodeFromName`], so a sum that fails on it is
//! a warning, never an error. A name the catalog does not know (a unit's name)
//! stays as printed, without a code.

use gongkai_catalog::{Catalog, YearBasis, same_name};
use gongkai_model::{ClassCode, Inference, RowRole, TableKind, TablePart};

/// Gives the rows of an uncoded classification table the codes their names
/// and order imply. Does nothing when any row prints a code, or when the
/// table's rows are not keyed by a classification.
pub fn codes_from_names(kind: TableKind, part: &mut TablePart, year: Option<u16>) {
    let classified = (kind.is_function_coded() && kind != TableKind::GeneralBudgetProjectExpenditure)
        || kind == TableKind::GeneralBudgetBasicExpenditure;
    if !classified || part.side.is_some() {
        return;
    }
    assign(part, year);
}

/// The same for the expenditure side of a two-sided summary (收支总表,
/// 财政拨款收支总表), whose classes, 款 and 项 are printed by name: its
/// name-only rows (the recognizer reads them as groups) get their codes.
pub fn codes_from_names_on_side(part: &mut TablePart, year: Option<u16>) {
    if part.side == Some(gongkai_model::Side::Expenditure) {
        assign(part, year);
    }
}

/// Of several codes at one place that carry the same name (the 项 2089901 and
/// 2089999 under 20899 were both named `其他社会保障和就业支出`, in different
/// years), the one whose name is attested in the document's year; the first
/// when the year does not tell them apart.
fn by_year<'c>(catalog: &Catalog, label: &str, candidates: &[&'c str], year: Option<u16>) -> Option<&'c str> {
    if let (Some(year), [_, _, ..]) = (year, candidates) {
        let attested: Vec<&str> = candidates
            .iter()
            .copied()
            .filter(|c| {
                catalog
                    .names_for_year(c, year)
                    .is_some_and(|n| n.basis == YearBasis::SameYear && n.names.iter().any(|x| same_name(x.name, label)))
            })
            .collect();
        if let [one] = attested.as_slice() {
            return Some(one);
        }
    }
    candidates.first().copied()
}

fn assign(part: &mut TablePart, year: Option<u16>) {
    if part.rows.iter().any(|r| r.code.is_some()) {
        return;
    }
    let catalog = Catalog::builtin();
    // Function (2…) or economic (3…) classes: whichever more of the rows name.
    // A table's kind says which it should be, but a 基本支出总表 filed as a 支出总表
    // lists economic classes; the names are the better witness.
    let hits = |scheme: char| {
        part.rows
            .iter()
            .filter(|r| r.role == RowRole::Group && catalog.codes_named(&r.label).iter().any(|c| c.starts_with(scheme)))
            .count()
    };
    let scheme = if hits('3') > hits('2') { '3' } else { '2' };
    let mut lei: Option<String> = None;
    let mut kuan: Option<String> = None;
    for row in part.rows.iter_mut().filter(|r| r.role == RowRole::Group && r.project.is_none()) {
        let codes: Vec<&str> = catalog.codes_named(&row.label).into_iter().filter(|c| c.starts_with(scheme)).collect();
        let under = |parent: &Option<String>, len: usize| {
            let p = parent.as_ref()?;
            let found: Vec<&str> =
                codes.iter().copied().filter(|c| c.len() == len && c.starts_with(p.as_str())).collect();
            by_year(catalog, &row.label, &found, year)
        };
        let found = if let Some(xiang) = under(&kuan, 7) {
            Some(xiang)
        } else if let Some(k) = under(&lei, 5) {
            kuan = Some(k.to_owned());
            Some(k)
        } else if let Some(l) =
            by_year(catalog, &row.label, &codes.iter().copied().filter(|c| c.len() == 3).collect::<Vec<_>>(), year)
        {
            lei = Some(l.to_owned());
            kuan = None;
            Some(l)
        } else {
            None
        };
        if let Some(code) = found.and_then(|c| ClassCode::new(c).ok()) {
            row.code = Some(code);
            row.role = RowRole::Item;
            row.inferred = Some(Inference::CodeFromName);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongkai_model::{Column, Measure, Provenance, Row};

    fn part(labels: &[&str]) -> TablePart {
        let rows = labels
            .iter()
            .map(|l| Row {
                role: RowRole::Group,
                code: None,
                label: (*l).to_owned(),
                numbering: None,
                measure: None,
                project: None,
                part_of: None,
                cells: Vec::new(),
                inferred: None,
                source: Provenance::line(1),
            })
            .collect();
        TablePart {
            side: None,
            columns: vec![Column { measure: Measure::Total, header: "合计".into(), index: None, inferred: None }],
            rows,
        }
    }

    #[test]
    fn names_in_order_give_their_codes() {
        let mut p = part(&[
            "一般公共服务支出",
            "其他一般公共服务支出",
            "其他一般公共服务支出",
            "公共安全支出",
            "公安",
            "行政运行",
            "杭州市公安局",
        ]);
        codes_from_names(TableKind::ExpenditureSummary, &mut p, None);
        let codes: Vec<Option<String>> = p.rows.iter().map(|r| r.code.as_ref().map(|c| c.to_string())).collect();
        let want = ["201", "20199", "2019999", "204", "20402", "2040201"];
        for (got, want) in codes.iter().zip(want) {
            assert_eq!(got.as_deref(), Some(want), "{codes:?}");
        }
        assert_eq!(codes[6], None, "a unit's name is no classification");
        assert!(p.rows[..6].iter().all(|r| r.inferred == Some(Inference::CodeFromName) && r.role == RowRole::Item));
    }

    #[test]
    fn the_spending_side_of_a_summary_gets_codes_too() {
        let mut p = part(&["一般公共服务支出", "其他一般公共服务支出", "其他一般公共服务支出"]);
        p.side = Some(gongkai_model::Side::Expenditure);
        codes_from_names(TableKind::IncomeExpenditureSummary, &mut p, None);
        assert!(p.rows[0].code.is_none(), "a one-sided table's reading does not apply");
        codes_from_names_on_side(&mut p, None);
        let codes: Vec<String> = p.rows.iter().filter_map(|r| r.code.as_ref().map(|c| c.to_string())).collect();
        assert_eq!(codes, ["201", "20199", "2019999"]);
        let mut income = part(&["一般公共服务支出"]);
        income.side = Some(gongkai_model::Side::Income);
        codes_from_names_on_side(&mut income, None);
        assert!(income.rows[0].code.is_none());
    }

    #[test]
    fn a_table_that_prints_codes_is_left_alone() {
        let mut p = part(&["一般公共服务支出"]);
        p.rows.push(Row { code: Some(ClassCode::new("201").unwrap()), ..p.rows[0].clone() });
        codes_from_names(TableKind::ExpenditureSummary, &mut p, None);
        assert!(p.rows[0].code.is_none());
    }

    #[test]
    fn economic_names_under_another_kind_are_economic_codes() {
        let mut p = part(&["工资福利支出", "基本工资", "商品和服务支出", "办公费"]);
        codes_from_names(TableKind::ExpenditureSummary, &mut p, None);
        let codes: Vec<String> = p.rows.iter().filter_map(|r| r.code.as_ref().map(|c| c.to_string())).collect();
        assert_eq!(codes, ["301", "30101", "302", "30201"]);
    }

    #[test]
    fn economic_names_in_the_basic_expenditure_table() {
        let mut p = part(&["工资福利支出", "基本工资", "津贴补贴", "商品和服务支出", "办公费"]);
        codes_from_names(TableKind::GeneralBudgetBasicExpenditure, &mut p, None);
        let codes: Vec<String> = p.rows.iter().filter_map(|r| r.code.as_ref().map(|c| c.to_string())).collect();
        assert_eq!(codes, ["301", "30101", "30102", "302", "30201"]);
    }

    #[test]
    fn a_name_two_codes_carried_in_different_years_is_the_years_code() {
        let labels = ["社会保障和就业支出", "其他社会保障和就业支出", "其他社会保障和就业支出"];
        let code_in = |year| {
            let mut p = part(&labels);
            codes_from_names(TableKind::ExpenditureSummary, &mut p, Some(year));
            p.rows[2].code.as_ref().map(|c| c.to_string())
        };
        assert_eq!(code_in(2024).as_deref(), Some("2089999"));
        assert_eq!(code_in(2019).as_deref(), Some("2089901"));
    }
}
