//! Explanation parts as templates lay them out beyond the example's numbered
//! sections: a part with one heading for all its text, a part named only by
//! its 目录 entry, and headings run into their first sentence. Made-up text in
//! the layouts seen (上海's unit budgets, 长沙's other matters).

mod common;

use common::import;
use gongkai_model::SectionKind;

/// 上海: the 目录 lists `四、单位预算编制说明` and `六、其他相关情况说明`; the body
/// prints `2026年单位预算编制说明` over plain paragraphs, the tables, then
/// `其他相关情况说明` over numbered sections.
const SHANGHAI: &str = "\
上海市2026年市级单位预算
预算单位：某某中心

目录
一、单位主要职能
二、单位机构设置
三、名词解释
四、单位预算编制说明
五、单位预算表
1. 2026年预算单位财务收支预算总表
六、其他相关情况说明

某某中心主要职能
某某中心负责某某工作。

名词解释
（一）财政拨款收入：是本级财政部门拨付的资金。

2026年单位预算编制说明
2026年，某某中心收入预算100万元，其中：财政拨款收入100万元。
支出预算100万元，其中：财政拨款支出预算100万元。

2026年预算单位财务收支预算总表
单位：万元
项目\t预算数\t项目\t预算数
一、财政拨款收入\t100.00\t一、一般公共服务支出\t100.00
收入总计\t100.00\t支出总计\t100.00

其他相关情况说明
一、机关运行经费预算
本单位无机关运行经费。
二、政府采购预算情况
2026年度本单位政府采购预算10.00万元，其中：政府采购货物预算10.00万元。
";

#[test]
fn a_part_with_one_heading_and_a_part_named_by_its_contents_entry_are_read() {
    let doc = import(SHANGHAI).document;
    let kinds: Vec<SectionKind> = doc.sections.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [SectionKind::Overview, SectionKind::AgencyOperating, SectionKind::Procurement],
        "{:#?}",
        doc.sections
    );
    assert_eq!(doc.sections[0].heading.text, "2026年单位预算编制说明");
    let labels: Vec<&str> = doc.claims.iter().map(|c| c.subject.label.as_str()).collect();
    assert!(labels.contains(&"收入预算") && labels.contains(&"政府采购货物预算"), "{labels:?}");
    assert!(doc.unparsed.iter().all(|u| !u.text.contains("收入预算")), "{:#?}", doc.unparsed);
}

/// 长沙: `（一）机关运行经费：2025年某局机关运行经费` with the figure on the next
/// line: the heading stops at the colon, the rest opens the paragraph.
#[test]
fn a_heading_run_into_its_sentence_after_a_colon() {
    let text = "\
2025年某局部门预算
第三部分 部门预算情况说明
一、其他重要事项的情况说明
（一）机关运行经费：2025年某局机关运行经费
20.00万元，比上年预算减少1.00万元。
";
    let doc = import(text).document;
    let sub = &doc.sections[0].subsections[0];
    assert_eq!((sub.kind, sub.heading.text.as_str()), (SectionKind::AgencyOperating, "机关运行经费"));
    let claim = doc.claims.iter().find(|c| c.amount.is_some()).expect("a claim");
    assert_eq!(claim.subject.label, "机关运行经费");
}

/// 重庆: `（一）收入预算：2026年年初预算数45.00万元，其中：…` — a run-in heading
/// naming a part of the explanation, its sentence going on with amounts on the
/// same line: a subsection of its own, whose paragraph keeps the heading's
/// words (the generic `年初预算数` takes its subject from them). A list item
/// naming a source of money (`（一）一般公共预算：…万元`) stays a paragraph.
#[test]
fn a_run_in_heading_followed_by_amounts_is_a_subsection() {
    let text = "\
2026年某局部门预算
第三部分 部门预算情况说明
一、部门收支总体情况
（一）收入预算：2026年年初预算数45.00万元，其中：一般公共预算拨款40.00万元。
（二）支出预算：2026年年初预算数45.00万元。
二、其他重要事项的情况说明
（一）机关运行经费。2026年一般公共预算财政拨款运行经费9.00万元。
（二）一般公共预算：3.00万元。
";
    let doc = import(text).document;
    let kinds: Vec<(SectionKind, &str)> =
        doc.sections[0].subsections.iter().map(|s| (s.kind, s.heading.text.as_str())).collect();
    assert_eq!(kinds, [(SectionKind::Income, "收入预算"), (SectionKind::Expenditure, "支出预算")]);
    let others: Vec<&str> = doc.sections[1].subsections.iter().map(|s| s.heading.text.as_str()).collect();
    assert_eq!(others, ["机关运行经费"]);
    let income = doc.claims.iter().find(|c| c.source.line == 4 && c.amount.is_some()).expect("a claim");
    assert_eq!(income.subject.label, "收入预算");
}

/// 深圳: numbered parts that are sections themselves (`第二部分部门预算收支总体
/// 情况` over plain paragraphs), and a part whose one section is named by the
/// unit (`一、某局（本级）`), which speaks of the whole only when the tables
/// show no other unit.
fn shenzhen(units: &str) -> String {
    format!(
        "\
2026年某局部门预算
第一部分部门概况
某局负责某某工作。
第二部分部门预算收支总体情况
2026年某局部门预算收入30.00万元，较2025年年初预算减少1.00万元。
第三部分部门预算支出具体情况
一、某局（本级）
某局（本级）预算30.00万元，包括在职人员经费10.00万元、项目支出20.00万元。
第八部分 部门预算表
表3 支出总表
单位：万元
预算单位\t科目编码\t科目名称\t支出总计\t基本支出\t项目支出
{units}\t208\t社会保障和就业支出\t30.00\t10.00\t20.00
"
    )
}

#[test]
fn numbered_parts_and_unit_sections_take_the_kind_the_part_names() {
    let doc = import(&shenzhen("某局（本级）\t\t\t30.00\t10.00\t20.00\n")).document;
    let kinds: Vec<SectionKind> = doc.sections.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, [SectionKind::Overview, SectionKind::Expenditure], "{:#?}", doc.sections);
    // Two units in the tables: the 本级 section is one unit's, not the whole.
    let two = "某局\t\t\t50.00\t20.00\t30.00\n某局（本级）\t\t\t30.00\t10.00\t20.00\n";
    let doc = import(&shenzhen(two)).document;
    assert_eq!(doc.sections[1].kind, SectionKind::Other);
    assert!(doc.claims.iter().filter(|c| c.subject.label == "项目支出").all(|c| c.section == SectionKind::Other));
}

/// A list sentence broken over lines (the PDF's line ends): after `；` and
/// `：` the list goes on on the next line, which is no item of its own; a
/// line broken inside `主要包括：` (`…万元，主` / `要包括：…`) goes on too. A
/// numbered line still starts an item.
#[test]
fn a_list_sentence_goes_on_over_its_line_ends() {
    let text = "\
2026年某局部门预算
第三部分 部门预算情况说明
一、部门预算支出具体情况
1.某某管理项目30.00万元，主要包括：
甲工作10.00万元，用于某某工作；
乙工作20.00万元，用于某某工作。
2.某某专项资金12.00万元，主
要包括：丙补助5.00万元、丁补助7.00万元。
";
    let doc = import(text).document;
    let paragraphs: Vec<&str> = doc.sections[0].paragraphs.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        paragraphs,
        [
            "1.某某管理项目30.00万元，主要包括：甲工作10.00万元，用于某某工作；乙工作20.00万元，用于某某工作。",
            "2.某某专项资金12.00万元，主要包括：丙补助5.00万元、丁补助7.00万元。",
        ]
    );
}
