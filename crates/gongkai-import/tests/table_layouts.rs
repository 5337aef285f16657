//! Table layouts of templates beyond the bundled example, each a few lines of
//! rebuilt text with made-up figures: notes under a table, a side that ends on
//! its `…合计`, the same columns printed once per period.

mod common;

use common::import;
use gongkai_model::{Measure, RowRole, Side, TableKind};

/// 重庆's 财政拨款收支总体情况表: no 总计 — each side ends on its `…合计`, which
/// sums 本年 and 上年结转 (the funds' carry-over printed as numbered lines under
/// 上年结转), and a note under the table.
const CARRY_OVER: &str = "\
某局2026年部门预算

表4
2026年财政拨款收支总体情况表
单位：万元
收入\t\t支出\t\t\t
项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算
一、本年收入\t110.00\t一、本年支出\t130.00\t120.00\t10.00
（一）一般公共预算资金\t100.00\t（一）一般公共服务支出\t130.00\t120.00\t10.00
（二）政府性基金预算资金\t10.00\t\t\t\t
二、上年结转\t20.00\t二、结转下年\t\t\t
（一）一般公共预算拨款\t20.00\t\t\t\t
收入合计\t130.00\t支出合计\t130.00\t120.00\t10.00
注：由于四舍五入因素，部分分项加和与总计可能略有差异。
";

#[test]
fn a_side_ending_on_its_sum_ends_on_its_total_and_a_note_is_no_line() {
    let doc = import(CARRY_OVER).document;
    let table = doc.tables.iter().find(|t| t.kind == TableKind::FiscalAllocationSummary).expect("table read");
    let income = table.side(Side::Income).unwrap();
    let labels: Vec<&str> = income.rows.iter().map(|r| r.label.as_str()).collect();
    assert!(!labels.iter().any(|l| l.starts_with("注")), "{labels:?}");
    assert_eq!(table.notes.len(), 1, "{:#?}", table.notes);
    for side in [Side::Income, Side::Expenditure] {
        let part = table.side(side).unwrap();
        let total = part.total_row().expect("the side's total");
        assert!(total.label.ends_with("合计"), "{side:?}: {}", total.label);
        // Nothing hangs from the total: 本年 and 上年结转 are its top-level lines.
        let at = part.rows.iter().position(|r| r.role == RowRole::Total).unwrap();
        assert!(part.rows.iter().all(|r| r.part_of != u32::try_from(at).ok()), "{:#?}", part.rows);
    }
    // The fund's carry-over hangs from 上年结转.
    let carried = income.rows.iter().rposition(|r| r.label == "一般公共预算拨款").unwrap();
    let parent = income.rows[carried].part_of.map(|p| income.rows[p as usize].label.as_str());
    assert_eq!(parent, Some("上年结转"));
}

/// A table without amounts whose note says why is stated empty; a note that
/// says nothing of the kind is kept as a note only.
#[test]
fn a_note_saying_the_table_has_nothing_is_its_statement_of_being_empty() {
    let text = "\
某局2026年部门预算

表10
政府性基金预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t\t\t
注：本部门无政府性基金预算，也没有使用政府性基金安排的支出，故本表无数据。
";
    let doc = import(text).document;
    let table = &doc.tables[0];
    assert_eq!(table.kind, TableKind::GovernmentFundExpenditure);
    let statement = table.empty_statement.as_ref().expect("the note states the table empty");
    assert!(statement.text.contains("故本表无数据"));

    let text = text.replace(
        "注：本部门无政府性基金预算，也没有使用政府性基金安排的支出，故本表无数据。",
        "注：本表金额单位为万元。",
    );
    let doc = import(&text).document;
    assert!(doc.tables[0].empty_statement.is_none());
    assert_eq!(doc.tables[0].notes.len(), 1);
}

/// 西安's “三公” table: 上年 | 当年 | 增减变化情况, each over the same columns, with
/// the period words printed as one merged header text: only the current
/// year's columns measure what they say.
#[test]
fn the_same_columns_once_per_period_keep_only_the_years_measures() {
    let text = "\
某局2026年部门预算

表13
一般公共预算拨款“三公”经费支出预算表
单位：万元
单位编码\t上年当年增减变化情况单位名称\t\t\t\t\t\t
\t\t合计\t因公出国（境）费用\t合计\t因公出国（境）费用\t合计\t因公出国（境）费用
\t合计\t5.00\t5.00\t7.00\t7.00\t2.00\t2.00
";
    let doc = import(text).document;
    let part = doc.tables[0].main().unwrap();
    let measures: Vec<&Measure> = part.columns.iter().map(|c| &c.measure).collect();
    assert_eq!(
        measures,
        [&Measure::Other, &Measure::Other, &Measure::Total, &Measure::Abroad, &Measure::Other, &Measure::Other],
        "{:#?}",
        part.columns
    );
    // Without period words, which run is the year's is unknown: none measures.
    let text = text.replace("上年当年增减变化情况单位名称", "单位名称");
    let doc = import(&text).document;
    let part = doc.tables[0].main().unwrap();
    assert!(part.columns.iter().all(|c| c.measure == Measure::Other), "{:#?}", part.columns);
}

/// A code joined to its name by a hyphen (`2010101-行政运行`) or printed by
/// level with blanks between (`201 01 01 行政运行`) is the row's code.
#[test]
fn codes_printed_with_a_hyphen_or_by_level_with_blanks() {
    let hyphen = "\
2026年某局部门预算
表5 一般公共预算支出表
单位：万元
科目编码及名称\t合计\t基本支出\t项目支出
合计\t30.00\t20.00\t10.00
201-一般公共服务支出\t30.00\t20.00\t10.00
20101-人大事务\t30.00\t20.00\t10.00
2010101-行政运行\t20.00\t20.00\t
2010102-一般行政管理事务\t10.00\t\t10.00
";
    let blanks = hyphen
        .replace("201-", "201 ")
        .replace("20101-", "201 01 ")
        .replace("2010101-", "201 01 01 ")
        .replace("2010102-", "201 01 02 ");
    for text in [hyphen.to_owned(), blanks] {
        let doc = import(&text).document;
        let rows: Vec<(Option<String>, &str)> = doc.tables[0].parts[0]
            .rows
            .iter()
            .map(|r| (r.code.as_ref().map(|c| c.to_string()), r.label.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                (None, "合计"),
                (Some("201".to_owned()), "一般公共服务支出"),
                (Some("20101".to_owned()), "人大事务"),
                (Some("2010101".to_owned()), "行政运行"),
                (Some("2010102".to_owned()), "一般行政管理事务"),
            ],
            "{text}"
        );
    }
}

/// A 基本支出 table printed in panels side by side (人员经费 | 公用经费, the
/// second panel's total label merged over two panels, its amount in the third
/// panel's column): one list of coded rows, panel by panel, and each panel's
/// total a line of its own measure — never the table's 合计.
#[test]
fn panels_side_by_side_are_read_panel_by_panel() {
    let text = "\
2026年某局部门预算
表6 一般公共预算基本支出情况表
单位：万元
人员经费\t\t\t公用经费\t\t\t\t\t
科目编码\t科目名称\t金额\t科目编码\t科目名称\t金额\t科目编码\t科目名称\t金额
301\t工资福利支出\t12.00\t302\t商品和服务支出\t4.50\t310\t资本性支出\t1.50
30101\t基本工资\t7.00\t30201\t办公费\t3.00\t31002\t办公设备购置\t1.50
30102\t津贴补贴\t5.00\t30211\t差旅费\t1.50\t\t\t
303\t对个人和家庭的补助\t2.00\t\t\t\t\t\t
30302\t退休费\t2.00\t\t\t\t\t\t
人员经费合计\t\t14.00\t公用经费合计\t\t\t\t\t6.00
";
    let doc = import(text).document;
    let table = &doc.tables[0];
    assert_eq!(table.kind, TableKind::GeneralBudgetBasicExpenditure);
    let part = table.main().unwrap();
    assert_eq!(part.columns.len(), 1, "{:#?}", part.columns);
    let rows: Vec<(Option<String>, &str, Option<String>)> = part
        .rows
        .iter()
        .map(|r| (r.code.as_ref().map(|c| c.to_string()), r.label.as_str(), r.amount(0).map(|n| n.to_string())))
        .collect();
    let coded: Vec<&str> = rows.iter().filter_map(|r| r.0.as_deref()).collect();
    assert_eq!(coded, ["301", "30101", "30102", "303", "30302", "302", "30201", "30211", "310", "31002"], "{rows:#?}");
    assert!(part.rows.iter().all(|r| r.role != RowRole::Total), "{rows:#?}");
    let lines: Vec<(Option<&Measure>, Option<String>)> = part
        .rows
        .iter()
        .filter(|r| r.role == RowRole::Line)
        .map(|r| (r.measure.as_ref(), r.amount(0).map(|n| n.to_string())))
        .collect();
    assert_eq!(
        lines,
        [(Some(&Measure::Personnel), Some("14.00".to_owned())), (Some(&Measure::PublicUse), Some("6.00".to_owned()))]
    );
}

/// A list of projects whose codes, kind and fund stand in columns after the
/// amount (`金额 | 功能分类科目代码 | 功能分类科目名称 | … | 备注`): those
/// columns hold words, not money — a code is never summed — and each keeps the
/// header printed above it.
#[test]
fn columns_of_codes_and_notes_after_the_amount_hold_no_money() {
    let text = "\
2026年某局部门预算
表11 部门综合预算财政拨款上年结转资金支出表
单位：元
预算单位代码\t预算单位名称\t预算项目名称\t金额\t功能分类科目代码\t功能分类科目名称\t项目类别\t备注
\t合计\t\t300.00\t\t\t\t
101001\t某局\t设备购置项目\t100.00\t2010102\t一般行政管理事务\t专项购置\t
101001\t某局\t业务用房项目\t200.00\t2010199\t其他政府办公厅（室）及相关机构事务支出\t专用项目\t
";
    let doc = import(text).document;
    let part = doc.tables[0].main().unwrap();
    let headers: Vec<(&str, &Measure, bool)> =
        part.columns.iter().map(|c| (c.header.as_str(), &c.measure, c.inferred.is_some())).collect();
    assert_eq!(
        headers,
        [
            ("金额", &Measure::BudgetAmount, false),
            ("功能分类科目代码", &Measure::Other, false),
            ("功能分类科目名称", &Measure::Other, false),
            ("项目类别", &Measure::Other, false),
            ("备注", &Measure::Other, false),
        ]
    );
    let coded = &part.rows[1].cells[1];
    assert_eq!((coded.amount, coded.text.as_deref()), (None, Some("2010102")));
    assert!(part.rows.iter().all(|r| r.cells[1..].iter().all(|c| c.amount.is_none())), "{:#?}", part.rows);
}

/// A footnote closes its table, but a note right under it is still the
/// table's: `说明：…故本表无数据。` under `注：本表反映…` states it empty.
#[test]
fn a_statement_under_the_footnote_is_the_tables() {
    let text = "\
2026年某局部门预算
表7 政府性基金预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t\t\t
注：本表反映部门本年度政府性基金预算支出情况。
说明：某局本年度没有政府性基金预算拨款收入和支出，故本表无数据。

表8 国有资本经营预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t\t\t
注：本表反映部门本年度国有资本经营预算支出情况。
";
    let doc = import(text).document;
    let statements: Vec<(TableKind, Option<&str>)> =
        doc.tables.iter().map(|t| (t.kind, t.empty_statement.as_ref().map(|s| s.text.as_str()))).collect();
    assert_eq!(
        statements,
        [
            (
                TableKind::GovernmentFundExpenditure,
                Some("说明：某局本年度没有政府性基金预算拨款收入和支出，故本表无数据。")
            ),
            (TableKind::StateCapitalExpenditure, None),
        ]
    );
    assert_eq!(doc.tables[1].number, Some(8));
}
