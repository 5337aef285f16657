//! The 目录 as templates print it beyond a list of titles: a grid with a
//! column saying which tables are empty, and a line naming the whole set of
//! tables. Made-up text in the layout seen (陕西's 部门综合预算: `报表 | 报表名称 |
//! 是否空表 | 公开空表理由`, under a `…公开报表` line).

mod common;

use common::import;
use gongkai_model::TableKind;

const GRID: &str = "\
某某局2026年部门综合预算

第一部分部门概况
一、主要职能
某某局负责某某工作。

第二部分公开报表
某某局2026年部门综合预算公开报表
报表\t报表名称\t是否空表\t公开空表理由
表1\t部门综合预算收支总表\t\t
表2\t部门综合预算政府性基金收支表\t是\t不涉及
表3\t部门综合预算财政拨款上年结转资金支出表\t否\t

表1
部门综合预算收支总表
单位：万元
项目\t预算数\t项目\t预算数
一、一般公共预算拨款\t100.00\t一、一般公共服务支出\t100.00
收入总计\t100.00\t支出总计\t100.00

表2
部门综合预算政府性基金收支表
单位：万元
项目\t预算数\t项目\t预算数
一、政府性基金收入\t\t一、城乡社区支出\t
收入总计\t\t支出总计\t

表3
部门综合预算财政拨款上年结转资金支出表
单位：万元
项目名称\t金额
合计\t
";

#[test]
fn a_contents_grid_declares_which_tables_are_empty() {
    let doc = import(GRID).document;
    let listed: Vec<(Option<&str>, Option<TableKind>, Option<&str>)> = doc
        .contents
        .iter()
        .filter(|e| e.table.is_some())
        .map(|e| (e.numbering.as_deref(), e.table, e.declared_empty.as_deref()))
        .collect();
    // The line naming the whole set (`…公开报表`) is no listed table; the
    // header row is no entry.
    assert_eq!(
        listed,
        [
            (Some("表1"), Some(TableKind::IncomeExpenditureSummary), None),
            (Some("表2"), Some(TableKind::GovernmentFundExpenditure), Some("是否空表：是；公开空表理由：不涉及")),
            (Some("表3"), Some(TableKind::CarryOver), None),
        ],
        "{:#?}",
        doc.contents
    );
    let empty = |kind: TableKind| {
        let table = doc.tables.iter().find(|t| t.kind == kind).expect("table read");
        table.empty_statement.as_ref().map(|s| s.text.as_str())
    };
    // The table the 目录 declares empty carries that statement, with the 目录
    // line as its place; a table it marks 否 (or leaves blank) does not.
    assert_eq!(
        empty(TableKind::GovernmentFundExpenditure),
        Some("目录：表2 部门综合预算政府性基金收支表（是否空表：是；公开空表理由：不涉及）")
    );
    assert_eq!(empty(TableKind::CarryOver), None);
    assert!(doc.unparsed.iter().all(|u| !u.text.contains("是否空表")), "{:#?}", doc.unparsed);
}

/// 杭州: a 目录 whose part lines print no page while the entries under them do
/// (`二、2026年某局部门预算安排情况说明` over `（一）收支预算情况的总体说明……4`):
/// the 目录 goes on to its last entry, and none of it is read as a section of
/// the explanation; the explanation's own headings are.
#[test]
fn a_contents_group_heading_without_a_page_does_not_end_the_contents() {
    let text = "\
某局
2026年度部门预算

目录
一、部门概况
（一）主要职能....................................2
二、2026年某局部门预算安排情况说明
（一）收支预算情况的总体说明......................4
（十）其他重要事项的情况说明.....................12
三、名词解释

一、部门概况
（一）主要职能
某局负责某某工作。
二、2026年某局部门预算安排情况说明
（一）收支预算情况的总体说明
2026年某局收入预算100.00万元。
（二）其他重要事项的情况说明
1.机关运行经费
2026年某局机关运行经费财政拨款预算9.00万元。
2.政府采购情况
2026年某局政府采购预算总额3.00万元。
";
    let doc = gongkai_import::import_text(text, "toc.txt", &Default::default()).expect("imports").document;
    let entries: Vec<u32> = doc.contents.iter().map(|e| e.source.line).collect();
    assert_eq!(entries, [5, 6, 7, 8, 9, 10], "{:#?}", doc.contents);
    let mut kinds = Vec::new();
    for s in doc.all_sections() {
        assert!(s.heading.source.line > 10, "a 目录 line read as a section: {:?}", s.heading);
        kinds.push(s.kind);
    }
    use gongkai_model::SectionKind::*;
    assert_eq!(kinds, [Overview, OtherMatters, AgencyOperating, Procurement], "{:#?}", doc.sections);
}
