//! The failure classes of issue #17, each pinned by a fixture of its own: a
//! few lines of rebuilt text (a form feed between pages), or a tiny PDF
//! generated here, with made-up names and figures. Classes already pinned
//! elsewhere are not repeated (`table_layouts.rs`: codes with a hyphen or by
//! level, carry-over lines under 上年结转, notes; `contents.rs`: the 目录 grid
//! and a line naming the whole set; `variants.rs`: `表1：…`, `附表1 …`,
//! `…（预算表1）`; the unit tests of `title_number.rs`, `names.rs`, `table.rs`,
//! `layout/pdf/grid.rs`).
//!
//! A test marked `#[ignore]` states what the importer should read; the reason
//! says what it reads instead. Run them with `cargo test -- --ignored`.

mod common;

use common::import;
use gongkai_import::{Format, ImportOptions};
use gongkai_model::{Disclosure, Inference, Measure, Row, RowRole, Side, Table, TableKind, TablePart, TargetScope};

fn table(doc: &Disclosure, kind: TableKind) -> &Table {
    doc.tables.iter().find(|t| t.kind == kind).unwrap_or_else(|| panic!("no {kind:?}: {:?}", kinds(doc)))
}

fn kinds(doc: &Disclosure) -> Vec<(TableKind, Option<u32>)> {
    doc.tables.iter().map(|t| (t.kind, t.number)).collect()
}

/// A row as `code label: amount amount -` (`-` for an empty cell).
fn shown(row: &Row) -> String {
    let cells: Vec<String> =
        row.cells.iter().map(|c| c.amount.map_or_else(|| "-".to_owned(), |a| a.to_string())).collect();
    format!("{}: {}", row.display(), cells.join(" "))
}

fn rows(part: &TablePart) -> Vec<String> {
    part.rows.iter().map(shown).collect()
}

fn measures(part: &TablePart) -> Vec<Measure> {
    part.columns.iter().map(|c| c.measure.clone()).collect()
}

const SPENDING: [Measure; 3] = [Measure::Total, Measure::Basic, Measure::Project];

// ---------------------------------------------------------------- titles --

/// The number before the name in a form's own words (`预算01表 …`), after it in
/// ASCII or full-width brackets, a sub-number (`表2-1`, no number of its own):
/// never part of the name, and each table keeps its own rows — the first does
/// not take in those after it.
#[test]
fn numbers_before_or_after_the_name_in_any_form() {
    let text = "\
某局2026年部门预算

预算01表 部门收支总表
单位：万元
项目\t预算数\t项目\t预算数
一、一般公共预算拨款\t100.00\t一、一般公共服务支出\t100.00
收入总计\t100.00\t支出总计\t100.00
\u{c}
部门收入总表(预算表2)
单位：万元
科目编码\t科目名称\t合计\t一般公共预算
\t合计\t100.00\t100.00
201\t一般公共服务支出\t100.00\t100.00
\u{c}
表2-1 部门支出总表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t100.00\t60.00\t40.00
201\t一般公共服务支出\t100.00\t60.00\t40.00
\u{c}
附表4：一般公共预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t100.00\t60.00\t40.00
201\t一般公共服务支出\t100.00\t60.00\t40.00
\u{c}
一般公共预算基本支出表（预算表5）
单位：万元
科目编码\t科目名称\t合计\t人员经费\t公用经费
\t合计\t60.00\t50.00\t10.00
301\t工资福利支出\t50.00\t50.00\t
302\t商品和服务支出\t10.00\t\t10.00
";
    let doc = import(text).document;
    let got: Vec<(TableKind, Option<u32>, &str, usize)> = doc
        .tables
        .iter()
        .map(|t| (t.kind, t.number, t.title.as_str(), t.parts.iter().map(|p| p.rows.len()).sum()))
        .collect();
    assert_eq!(
        got,
        [
            (TableKind::IncomeExpenditureSummary, Some(1), "部门收支总表", 4),
            (TableKind::IncomeSummary, Some(2), "部门收入总表", 2),
            (TableKind::ExpenditureSummary, None, "部门支出总表", 2),
            (TableKind::GeneralBudgetExpenditure, Some(4), "一般公共预算支出表", 2),
            (TableKind::GeneralBudgetBasicExpenditure, Some(5), "一般公共预算基本支出表", 3),
        ]
    );
    assert!(doc.unparsed.is_empty(), "{:#?}", doc.unparsed);
}

/// The number printed only in the page header, on a line of its own above the
/// title (`表1`, `预算02表`).
#[test]
fn a_number_only_in_the_page_header_of_a_text() {
    let text = "\
某局2026年部门预算
\u{c}
表1
部门收入总表
单位：万元
科目编码\t科目名称\t合计\t一般公共预算
\t合计\t100.00\t100.00
201\t一般公共服务支出\t100.00\t100.00
\u{c}
预算02表
部门支出总表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t100.00\t60.00\t40.00
201\t一般公共服务支出\t100.00\t60.00\t40.00
";
    let doc = import(text).document;
    assert_eq!(kinds(&doc), [(TableKind::IncomeSummary, Some(1)), (TableKind::ExpenditureSummary, Some(2))]);
}

/// Three pages of a PDF, each table's number only in the page header
/// (`预算01表` at the top right, in the margin), its title below.
fn numbered_in_the_page_header() -> Vec<u8> {
    let mut pages = Vec::new();
    for (n, title) in [(1, "部门支出总表"), (2, "一般公共预算支出表"), (3, "政府性基金预算支出表")]
    {
        let mut page = Page::default();
        page.text(740.0, 560.0, &format!("预算0{n}表"));
        page.text(330.0, 500.0, title);
        page.text(700.0, 480.0, "单位：万元");
        page.ruled(
            470.0,
            &[
                SPENDING_HEADER,
                &["", "合计", "100.00", "60.00", "40.00"],
                &["201", "一般公共服务支出", "100.00", "60.00", "40.00"],
            ],
        );
        pages.push(page);
    }
    pdf(&pages, false)
}

#[test]
fn pdf_tables_numbered_only_in_the_page_header_are_read() {
    let doc = import_pdf(&numbered_in_the_page_header()).document;
    let got: Vec<(TableKind, Vec<String>)> = doc.tables.iter().map(|t| (t.kind, rows(&t.parts[0]))).collect();
    let each = vec!["合计: 100.00 60.00 40.00".to_owned(), "201 一般公共服务支出: 100.00 60.00 40.00".to_owned()];
    assert_eq!(
        got,
        [
            (TableKind::ExpenditureSummary, each.clone()),
            (TableKind::GeneralBudgetExpenditure, each.clone()),
            (TableKind::GovernmentFundExpenditure, each),
        ]
    );
}

#[test]
fn pdf_tables_numbered_only_in_the_page_header_keep_their_numbers() {
    let doc = import_pdf(&numbered_in_the_page_header()).document;
    let numbers: Vec<Option<u32>> = doc.tables.iter().map(|t| t.number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
}

/// The title printed in the table's first header row (a tabular line), as
/// the first table of the tables part.
#[test]
fn a_title_on_the_first_header_row_opens_its_table() {
    let text = "\
某局2026年部门预算

第二部分 部门预算表
一般公共预算支出表\t\t\t\t
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t90.00\t60.00\t30.00
201\t一般公共服务支出\t90.00\t60.00\t30.00
";
    let doc = import(text).document;
    assert_eq!(kinds(&doc), [(TableKind::GeneralBudgetExpenditure, None)]);
    let part = &doc.tables[0].parts[0];
    assert_eq!(measures(part), SPENDING);
    assert_eq!(rows(part), ["合计: 90.00 60.00 30.00", "201 一般公共服务支出: 90.00 60.00 30.00"]);
}

#[test]
fn a_title_on_the_first_header_row_after_another_table_starts_a_table() {
    let text = "\
某局2026年部门预算

表1
部门支出总表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t100.00\t60.00\t40.00
201\t一般公共服务支出\t100.00\t60.00\t40.00
\u{c}
一般公共预算支出表\t\t\t\t
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t90.00\t60.00\t30.00
201\t一般公共服务支出\t90.00\t60.00\t30.00
";
    let doc = import(text).document;
    assert_eq!(kinds(&doc), [(TableKind::ExpenditureSummary, Some(1)), (TableKind::GeneralBudgetExpenditure, None)]);
    assert_eq!(doc.tables[0].parts[0].rows.len(), 2);
    assert_eq!(rows(&doc.tables[1].parts[0]), ["合计: 90.00 60.00 30.00", "201 一般公共服务支出: 90.00 60.00 30.00"]);
}

/// `部门：…` and `单位：元` on lines of their own between the title and the
/// header: neither is a header row or a line, and the unit is the table's.
#[test]
fn unit_and_department_lines_between_title_and_header() {
    let text = "\
某局2026年部门预算

表3
部门支出总表
部门：某局
单位：元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t1,000,000.00\t600,000.00\t400,000.00
201\t一般公共服务支出\t1,000,000.00\t600,000.00\t400,000.00
";
    let doc = import(text).document;
    let table = table(&doc, TableKind::ExpenditureSummary);
    assert_eq!(table.unit, gongkai_model::Unit::Yuan);
    let part = &table.parts[0];
    let headers: Vec<&str> = part.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, ["合计", "基本支出", "项目支出"]);
    assert_eq!(
        rows(part),
        ["合计: 1000000.00 600000.00 400000.00", "201 一般公共服务支出: 1000000.00 600000.00 400000.00"]
    );
}

#[test]
fn unit_and_department_side_by_side_between_title_and_header() {
    let text = "\
某局2026年部门预算

表2
部门收入总表
部门：某局\t\t单位：元
科目编码\t科目名称\t合计\t一般公共预算
\t合计\t1,000,000.00\t1,000,000.00
201\t一般公共服务支出\t1,000,000.00\t1,000,000.00
";
    let doc = import(text).document;
    let table = table(&doc, TableKind::IncomeSummary);
    assert_eq!(table.unit, gongkai_model::Unit::Yuan);
    assert_eq!(table.compiled_by.as_deref(), Some("某局"));
    let headers: Vec<&str> = table.parts[0].columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(headers, ["合计", "一般公共预算"]);
}

/// A long title wrapped over two lines is one title, of the kind the whole
/// names.
#[test]
fn a_title_that_wraps() {
    let text = "\
某局2026年部门预算

表5
某局2026年一般公共预算基本支出
预算表（按部门预算经济分类）
单位：万元
科目编码\t科目名称\t合计\t人员经费\t公用经费
\t合计\t60.00\t50.00\t10.00
301\t工资福利支出\t50.00\t50.00\t
302\t商品和服务支出\t10.00\t\t10.00

表6
某局2026年政府采购（资产配置、购买服务）
预算表（不含上年结转）
单位：万元
采购项目\t采购目录\t合计
合计\t\t5.00
办公设备购置\t台式计算机\t5.00
";
    let doc = import(text).document;
    let got: Vec<(TableKind, Option<u32>, &str, usize)> =
        doc.tables.iter().map(|t| (t.kind, t.number, t.title.as_str(), t.parts[0].rows.len())).collect();
    assert_eq!(
        got,
        [
            (
                TableKind::GeneralBudgetBasicExpenditure,
                Some(5),
                "某局2026年一般公共预算基本支出预算表（按部门预算经济分类）",
                3
            ),
            (
                TableKind::GovernmentProcurement,
                Some(6),
                "某局2026年政府采购（资产配置、购买服务）预算表（不含上年结转）",
                2
            ),
        ]
    );
    assert_eq!(measures(&doc.tables[0].parts[0]), [Measure::Total, Measure::Personnel, Measure::PublicUse]);
}

/// A cover line and a part heading naming the whole set of tables
/// (`…部门综合预算公开报表`) are no table.
#[test]
fn a_cover_line_or_part_heading_naming_the_set_is_no_title() {
    let text = "\
某局2026年部门综合预算公开报表

第二部分 某局2026年部门综合预算公开报表
表1
部门综合预算收支总表
单位：万元
项目\t预算数\t项目\t预算数
一、一般公共预算拨款\t100.00\t一、一般公共服务支出\t100.00
收入总计\t100.00\t支出总计\t100.00
";
    let doc = import(text).document;
    assert_eq!(kinds(&doc), [(TableKind::IncomeExpenditureSummary, Some(1))]);
    assert_eq!(rows(table(&doc, TableKind::IncomeExpenditureSummary).side(Side::Income).unwrap()).len(), 2);
}

// ---------------------------------------------------------------- bounds --

/// 深圳's layout: the parts `第一部分…第二部分` inside `一、文字部分`, the glossary
/// last, then `二、表格部分` and the first table right under it: the table is
/// opened there, not read as glossary text.
#[test]
fn a_table_right_after_the_glossary_and_a_tables_heading() {
    let text = "\
某局2026年部门预算

一、文字部分
第一部分 部门概况
某局负责某某工作。
第二部分 名词解释
一、财政拨款收入：指本级财政部门拨付的资金。
二、基本支出：指为保障机构正常运转发生的支出。
二、表格部分
表1
收支总表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一、财政拨款\t30.00\t一、社会保障和就业支出\t20.00
\t\t二、住房保障支出\t10.00
收入总计\t30.00\t支出总计\t30.00
";
    let doc = import(text).document;
    assert_eq!(doc.glossary.len(), 2, "{:#?}", doc.glossary);
    let table = table(&doc, TableKind::IncomeExpenditureSummary);
    assert_eq!(rows(table.side(Side::Income).unwrap()), ["财政拨款: 30.00", "收入总计: 30.00"]);
    assert_eq!(
        rows(table.side(Side::Expenditure).unwrap()),
        ["社会保障和就业支出: 20.00", "住房保障支出: 10.00", "支出总计: 30.00"]
    );
    assert!(doc.unparsed.iter().all(|u| !u.text.contains("收支总表")), "{:#?}", doc.unparsed);
}

/// A 三公 table ends where the performance-target form printed after it
/// begins, and the form ends where the explanation part begins.
#[test]
fn a_three_public_table_does_not_absorb_the_target_forms_after_it() {
    let text = "\
某局2026年部门预算

第二部分 部门预算表
表2
一般公共预算“三公”经费支出表
单位：万元
合计\t因公出国（境）费\t公务接待费\t公务用车购置及运行费
3.00\t1.00\t0.50\t1.50
\u{c}
项目支出绩效目标表
项目名称\t某某运维项目\t\t
项目资金（万元）\t年度预算总额：\t40.00\t
项目总体目标\t保障某某系统正常运行。\t\t
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t运维次数\t=12次
效益指标\t社会效益指标\t系统可用率\t>=99%
\u{c}
第三部分 部门预算情况说明
一、收支预算总体情况
2026年某局收入预算100.00万元，支出预算100.00万元。
";
    let doc = import(text).document;
    assert_eq!(kinds(&doc), [(TableKind::ThreePublicExpenses, Some(2))]);
    let part = &doc.tables[0].parts[0];
    assert_eq!(measures(part), [Measure::Total, Measure::Abroad, Measure::Reception, Measure::Vehicles]);
    assert_eq!(rows(part), [": 3.00 1.00 0.50 1.50"]);
    let [targets] = doc.performance_targets.as_slice() else { panic!("{:#?}", doc.performance_targets) };
    assert_eq!(targets.scope, TargetScope::Project);
    assert_eq!(targets.project.as_ref().map(|p| p.text.as_str()), Some("某某运维项目"));
    let indicators: Vec<&str> = targets.indicators.iter().map(|i| i.level3.as_str()).collect();
    assert_eq!(indicators, ["运维次数", "系统可用率"]);
    let sections: Vec<(gongkai_model::SectionKind, usize)> =
        doc.sections.iter().map(|s| (s.kind, s.paragraphs.len())).collect();
    assert_eq!(sections, [(gongkai_model::SectionKind::Overview, 1)]);
}

// ----------------------------------------------------------------- pages --

/// A table continued on the next page under its title and header repeated,
/// then on a third page with neither: one table, each row once, each on its
/// page; the next table is a table of its own.
#[test]
fn a_table_continued_with_or_without_its_header_repeated() {
    let text = "\
某局2026年部门预算

表3
部门支出总表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t100.00\t60.00\t40.00
201\t一般公共服务支出\t70.00\t50.00\t20.00
20106\t财政事务\t70.00\t50.00\t20.00
2010601\t行政运行\t50.00\t50.00\t
\u{c}
表3
部门支出总表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
2010602\t一般行政管理事务\t20.00\t\t20.00
208\t社会保障和就业支出\t30.00\t10.00\t20.00
\u{c}
20805\t行政事业单位养老支出\t30.00\t10.00\t20.00
2080505\t机关事业单位基本养老保险缴费支出\t30.00\t10.00\t20.00
\u{c}
表4
一般公共预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t1.00\t1.00\t
";
    let doc = import(text).document;
    assert_eq!(kinds(&doc), [(TableKind::ExpenditureSummary, Some(3)), (TableKind::GeneralBudgetExpenditure, Some(4))]);
    let part = &doc.tables[0].parts[0];
    assert_eq!(measures(part), SPENDING);
    assert_eq!(rows(part), CONTINUED);
    let pages: Vec<Option<u32>> = part.rows.iter().map(|r| r.source.page).collect();
    assert_eq!(pages, [1, 1, 1, 1, 2, 2, 3, 3].map(Some));
    assert_eq!(doc.tables[1].parts[0].rows.len(), 1);
}

/// The rows of the continued table, as [`shown`].
const CONTINUED: [&str; 8] = [
    "合计: 100.00 60.00 40.00",
    "201 一般公共服务支出: 70.00 50.00 20.00",
    "20106 财政事务: 70.00 50.00 20.00",
    "2010601 行政运行: 50.00 50.00 -",
    "2010602 一般行政管理事务: 20.00 - 20.00",
    "208 社会保障和就业支出: 30.00 10.00 20.00",
    "20805 行政事业单位养老支出: 30.00 10.00 20.00",
    "2080505 机关事业单位基本养老保险缴费支出: 30.00 10.00 20.00",
];

/// The same table as a PDF of three landscape pages: a running head, the
/// page number about an inch above the bottom edge (inside the outer inch,
/// outside the outer tenth of a landscape page), the header repeated on the
/// second page and not on the third.
fn landscape(turned: bool) -> Vec<u8> {
    let mut pages = vec![Page::default(), Page::default(), Page::default()];
    for (n, page) in pages.iter_mut().enumerate() {
        page.text(330.0, 560.0, "某局2026年部门预算");
        page.text(410.0, 66.0, &format!("- {} -", n + 1));
    }
    pages[0].text(350.0, 500.0, "表3");
    pages[0].text(330.0, 485.0, "部门支出总表");
    pages[0].text(700.0, 470.0, "单位：万元");
    pages[0].ruled(
        460.0,
        &[
            SPENDING_HEADER,
            &["", "合计", "100.00", "60.00", "40.00"],
            &["201", "一般公共服务支出", "70.00", "50.00", "20.00"],
            &["20106", "财政事务", "70.00", "50.00", "20.00"],
            &["2010601", "行政运行", "50.00", "50.00", ""],
        ],
    );
    pages[1].ruled(
        520.0,
        &[
            SPENDING_HEADER,
            &["2010602", "一般行政管理事务", "20.00", "", "20.00"],
            &["208", "社会保障和就业支出", "30.00", "10.00", "20.00"],
        ],
    );
    pages[2].ruled(
        520.0,
        &[
            &["20805", "行政事业单位养老支出", "30.00", "10.00", "20.00"],
            &["2080505", "机关事业单位基本养老保险缴费支出", "30.00", "10.00", "20.00"],
        ],
    );
    pdf(&pages, turned)
}

#[test]
fn a_landscape_pdf_table_continued_over_pages() {
    let bytes = landscape(false);
    let text = gongkai_import::layout::pdf::read_pdf(&bytes, "landscape.pdf").expect("reads").text;
    for furniture in ["- 1 -", "- 2 -", "- 3 -", "某局2026年部门预算"] {
        assert!(!text.contains(furniture), "{furniture} kept:\n{text}");
    }
    assert_eq!(text.matches("科目编码").count(), 1, "the repeated header is dropped:\n{text}");
    let doc = import_pdf(&bytes).document;
    assert_eq!(kinds(&doc), [(TableKind::ExpenditureSummary, Some(3))]);
    let part = &doc.tables[0].parts[0];
    assert_eq!(measures(part), SPENDING);
    assert_eq!(rows(part), CONTINUED);
    let pages: Vec<Option<u32>> = part.rows.iter().map(|r| r.source.page).collect();
    assert_eq!(pages, [1, 1, 1, 1, 2, 2, 3, 3].map(Some));
}

/// A PDF of performance-target forms alone, one form a page, each titled
/// inside the top inch of its page (where a running head would be): the title
/// repeated on every page is the form's, and the file is read as its forms.
#[test]
fn a_pdf_of_target_forms_titled_at_the_top_of_every_page() {
    let mut pages = vec![Page::default(), Page::default(), Page::default()];
    for (n, page) in pages.iter_mut().enumerate() {
        page.text(360.0, 560.0, "项目支出绩效目标表");
        let project = format!("某某项目{}", n + 1);
        page.ruled(
            540.0,
            &[
                &["项目名称", &project, "", "", ""],
                &["项目资金（万元）", "年度预算总额：", "40.00", "", ""],
                &["一级指标", "二级指标", "三级指标", "指标值", ""],
                &["产出指标", "数量指标", "完成次数", "=12次", ""],
            ],
        );
        page.text(410.0, 66.0, &format!("- {} -", n + 1));
    }
    let doc = import_pdf(&pdf(&pages, false)).document;
    let forms: Vec<(Option<&str>, usize, Option<u32>)> = doc
        .performance_targets
        .iter()
        .map(|t| (t.project.as_ref().map(|p| p.text.as_str()), t.indicators.len(), t.title.source.page))
        .collect();
    assert_eq!(
        forms,
        [(Some("某某项目1"), 1, Some(1)), (Some("某某项目2"), 1, Some(2)), (Some("某某项目3"), 1, Some(3))]
    );
}

/// The same landscape pages as a portrait page box turned by `/Rotate 90`,
/// the content drawn turned so that it shows upright.
#[test]
fn a_landscape_page_turned_by_rotate() {
    let read = |bytes: &[u8]| gongkai_import::layout::pdf::read_pdf(bytes, "landscape.pdf").expect("reads").text;
    assert_eq!(read(&landscape(true)), read(&landscape(false)), "read as displayed, as the upright landscape pages");
    let doc = import_pdf(&landscape(true)).document;
    assert_eq!(kinds(&doc), [(TableKind::ExpenditureSummary, Some(3))]);
    assert_eq!(rows(&doc.tables[0].parts[0]), CONTINUED);
}

// ----------------------------------------------------------------- cells --

/// A value printed on its own line, centred against a label that wraps over
/// two lines: one row with the whole label and the value.
#[test]
fn a_value_centred_against_a_label_that_wraps() {
    let text = "\
某局2026年部门预算

表6
一般公共预算基本支出表
单位：万元
科目编码\t科目名称\t合计\t人员经费\t公用经费
\t合计\t130.00\t120.00\t10.00
301\t工资福利支出（含基本工资、\t\t\t
\t\t120.00\t120.00\t
\t津贴补贴）\t\t\t
302\t商品和服务支出\t10.00\t\t10.00
";
    let doc = import(text).document;
    assert_eq!(
        rows(&doc.tables[0].parts[0]),
        [
            "合计: 130.00 120.00 10.00",
            "301 工资福利支出（含基本工资、津贴补贴）: 120.00 120.00 -",
            "302 商品和服务支出: 10.00 - 10.00"
        ]
    );
}

/// A label glued to its amount (`…缴费支出60.00`): the amount is the row's
/// first figure, not part of its name.
#[test]
fn a_label_glued_to_its_amount() {
    let text = "\
某局2026年部门预算

表5
一般公共预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t100.00\t60.00\t40.00
208\t社会保障和就业支出\t100.00\t60.00\t40.00
20805\t行政事业单位养老支出\t100.00\t60.00\t40.00
2080505\t机关事业单位基本养老保险缴费支出60.00\t60.00\t
2080506\t机关事业单位职业年金缴费支出40.00\t\t40.00
";
    let doc = import(text).document;
    let got = rows(&doc.tables[0].parts[0]);
    assert_eq!(
        got[3..],
        [
            "2080505 机关事业单位基本养老保险缴费支出: 60.00 60.00 -",
            "2080506 机关事业单位职业年金缴费支出: 40.00 - 40.00"
        ]
    );
    // Read off the label: marked as such, the other cells as printed.
    let part = &doc.tables[0].parts[0];
    assert_eq!(part.rows[3].cells[0].inferred, Some(Inference::AmountInLabel));
    assert_eq!(part.rows[3].cells[1].inferred, None);
}

/// A number wrapped inside its cell (`4,321.0` above the row's line, `1`
/// below): one figure in its row, marked as joined.
#[test]
fn a_number_wrapped_inside_its_cell() {
    let text = "\
某局2026年部门预算

表3
部门支出总表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t\t\t\t4,321.0
\t合计\t5,555.55\t1,234.54\t
\t\t\t\t1
201\t一般公共服务支出\t5,555.55\t1,234.54\t4,321.01
";
    let doc = import(text).document;
    let part = &doc.tables[0].parts[0];
    assert_eq!(rows(part), ["合计: 5555.55 1234.54 4321.01", "201 一般公共服务支出: 5555.55 1234.54 4321.01"]);
    assert_eq!(part.rows[0].cells[2].inferred, Some(Inference::WrappedValue));
    assert_eq!(part.rows[0].cells[2].at.as_ref().map(|p| p.line), Some(7), "where its first piece is printed");
}

/// 类/款/项 shown by indentation, names only: the codes come from the names
/// and their order, marked as such.
#[test]
fn classes_by_indentation_without_codes() {
    let text = "\
某局2026年部门预算

表5
一般公共预算支出表
单位：万元
科目名称\t合计\t基本支出\t项目支出
合计\t100.00\t60.00\t40.00
社会保障和就业支出\t70.00\t50.00\t20.00
  行政事业单位养老支出\t70.00\t50.00\t20.00
    机关事业单位基本养老保险缴费支出\t50.00\t50.00\t
    机关事业单位职业年金缴费支出\t20.00\t\t20.00
住房保障支出\t30.00\t10.00\t20.00
  住房改革支出\t30.00\t10.00\t20.00
    住房公积金\t30.00\t10.00\t20.00
";
    let doc = import(text).document;
    let part = &doc.tables[0].parts[0];
    assert_eq!(
        rows(part),
        [
            "合计: 100.00 60.00 40.00",
            "208 社会保障和就业支出: 70.00 50.00 20.00",
            "20805 行政事业单位养老支出: 70.00 50.00 20.00",
            "2080505 机关事业单位基本养老保险缴费支出: 50.00 50.00 -",
            "2080506 机关事业单位职业年金缴费支出: 20.00 - 20.00",
            "221 住房保障支出: 30.00 10.00 20.00",
            "22102 住房改革支出: 30.00 10.00 20.00",
            "2210201 住房公积金: 30.00 10.00 20.00",
        ]
    );
    assert!(part.rows[1..].iter().all(|r| r.role == RowRole::Item && r.inferred == Some(Inference::CodeFromName)));
}

/// The code and name on one line, the amounts on the next.
#[test]
fn a_code_and_name_over_the_amounts_on_the_next_line() {
    let text = "\
某局2026年部门预算

表5
一般公共预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t100.00\t60.00\t40.00
201\t一般公共服务支出\t\t\t
\t\t100.00\t60.00\t40.00
20106\t财政事务\t\t\t
\t\t100.00\t60.00\t40.00
2010601\t行政运行\t\t\t
\t\t60.00\t60.00\t
2010602\t一般行政管理事务\t\t\t
\t\t40.00\t\t40.00
";
    let doc = import(text).document;
    assert_eq!(
        rows(&doc.tables[0].parts[0]),
        [
            "合计: 100.00 60.00 40.00",
            "201 一般公共服务支出: 100.00 60.00 40.00",
            "20106 财政事务: 100.00 60.00 40.00",
            "2010601 行政运行: 60.00 60.00 -",
            "2010602 一般行政管理事务: 40.00 - 40.00",
        ]
    );
}

/// Numbering printed with mixed widths (`（十)`: a full-width opening bracket,
/// an ASCII closing one) in a two-sided summary: the numbering of a sibling.
#[test]
fn mixed_width_numbering_in_a_table() {
    let text = "\
某局2026年部门预算

表1
部门收支总表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一、一般公共预算拨款\t30.00\t一、本年支出\t30.00
\t\t（一）一般公共服务支出\t10.00
\t\t（二）社会保障和就业支出\t10.00
\t\t（十)住房保障支出\t10.00
收入总计\t30.00\t支出总计\t30.00
";
    let doc = import(text).document;
    let side = table(&doc, TableKind::IncomeExpenditureSummary).side(Side::Expenditure).unwrap();
    let lines: Vec<(Option<&str>, &str, RowRole, Option<u32>)> =
        side.rows.iter().map(|r| (r.numbering.as_deref(), r.label.as_str(), r.role, r.part_of)).collect();
    assert_eq!(lines[3], (Some("(十)"), "住房保障支出", RowRole::Line, Some(0)));
}

/// The same numbering on a heading of the explanation: a section of its own.
#[test]
fn mixed_width_numbering_of_a_heading() {
    let text = "\
2026年某局部门预算
第三部分 部门预算情况说明
一、其他重要事项的情况说明
（九）机关运行经费
2026年某局机关运行经费财政拨款预算9.00万元。
（十)政府采购情况
2026年某局政府采购预算总额3.00万元。
";
    let doc = import(text).document;
    use gongkai_model::SectionKind::*;
    let subs: Vec<(gongkai_model::SectionKind, &str, usize)> =
        doc.sections[0].subsections.iter().map(|s| (s.kind, s.heading.text.as_str(), s.paragraphs.len())).collect();
    assert_eq!(subs, [(AgencyOperating, "机关运行经费", 1), (Procurement, "政府采购情况", 1)]);
}

// ------------------------------------------------------------ structures --

/// Carry-over sub-lines (`1.…结余、结转`) under 上年结转 and under 年末结转和结余
/// are parts of that line, not of the year's subtotal before it.
#[test]
fn carry_over_sub_lines_hang_from_their_line() {
    let doc = import(&carry_over("上年结转")).document;
    let table = table(&doc, TableKind::IncomeExpenditureSummary);
    let income = table.side(Side::Income).unwrap();
    let parents: Vec<(&str, Option<&str>)> = income
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.part_of.map(|p| income.rows[p as usize].label.as_str())))
        .collect();
    assert_eq!(
        parents,
        [
            ("一般公共预算拨款", Some("本年收入合计")),
            ("政府性基金预算拨款", Some("本年收入合计")),
            ("本年收入合计", None),
            ("上年结转", None),
            ("一般公共预算拨款结余、结转", Some("上年结转")),
            ("政府性基金预算拨款结余、结转", Some("上年结转")),
            ("收入总计", None),
        ]
    );
    assert_eq!(income.rows[3].measure, Some(Measure::CarryOver));
    let numbering: Vec<Option<&str>> = income.rows[4..6].iter().map(|r| r.numbering.as_deref()).collect();
    assert_eq!(numbering, [Some("1"), Some("2")]);
    let spending = table.side(Side::Expenditure).unwrap();
    let sub = spending.rows.iter().find(|r| r.label == "一般公共预算拨款结余、结转").unwrap();
    assert_eq!(sub.part_of.map(|p| spending.rows[p as usize].label.as_str()), Some("年末结转和结余"));
}

/// A two-sided summary whose income carry-over line is `carried`.
fn carry_over(carried: &str) -> String {
    format!(
        "\
某局2026年部门预算

表1
部门收支总表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一、一般公共预算拨款\t100.00\t一、一般公共服务支出\t110.00
二、政府性基金预算拨款\t10.00\t二、社会保障和就业支出\t20.00
本年收入合计\t110.00\t本年支出合计\t130.00
{carried}\t25.00\t年末结转和结余\t5.00
1.一般公共预算拨款结余、结转\t20.00\t1.一般公共预算拨款结余、结转\t5.00
2.政府性基金预算拨款结余、结转\t5.00\t\t
收入总计\t135.00\t支出总计\t135.00
"
    )
}

#[test]
fn carry_over_sub_lines_under_the_opening_balance() {
    let doc = import(&carry_over("年初结转和结余")).document;
    let income = table(&doc, TableKind::IncomeExpenditureSummary).side(Side::Income).unwrap();
    assert_eq!(income.rows[3].label, "年初结转和结余");
    assert_eq!(income.rows[3].measure, Some(Measure::CarryOver));
    let parents: Vec<Option<u32>> = income.rows[4..6].iter().map(|r| r.part_of).collect();
    assert_eq!(parents, [Some(3), Some(3)]);
}

/// A purchase list printing the same 类/款/项 on every item row, and columns
/// holding no money (数量, 实施时间, the unit code): only the money columns
/// are columns, no item row is a classification row, and each purchase is a
/// line of its unit.
#[test]
fn a_purchase_list_repeating_its_codes_beside_non_money_columns() {
    let text = "\
某局2026年部门预算

表12
政府采购预算表
单位：万元
单位编码\t单位名称\t采购项目\t类\t款\t项\t采购品目\t数量\t实施时间\t合计\t一般公共预算
\t合计\t\t\t\t\t\t\t\t18.00\t18.00
101001\t某中心\t\t\t\t\t\t\t\t18.00\t18.00
\t\t办公设备购置\t201\t06\t01\t台式计算机\t5\t2026.03\t3.00\t3.00
\t\t办公设备购置\t201\t06\t01\t复印纸\t200\t2026.03\t5.00\t5.00
\t\t物业管理服务\t201\t06\t01\t物业管理服务\t1\t2026.01\t10.00\t10.00
";
    let doc = import(text).document;
    let part = &table(&doc, TableKind::GovernmentProcurement).parts[0];
    assert_eq!(measures(part), [Measure::Total, Measure::GeneralBudget]);
    assert!(part.rows.iter().all(|r| r.code.is_none()), "{:#?}", part.rows);
    let amounts: Vec<String> =
        part.rows.iter().map(|r| shown(r).split_once(": ").map(|(_, a)| a.to_owned()).unwrap()).collect();
    assert_eq!(amounts, ["18.00 18.00", "18.00 18.00", "3.00 3.00", "5.00 5.00", "10.00 10.00"]);
    assert_eq!(part.rows[0].role, RowRole::Total);
    let nesting: Vec<Option<u32>> = part.rows.iter().map(|r| r.part_of).collect();
    assert_eq!(nesting, [None, None, Some(1), Some(1), Some(1)]);
}

/// 深圳's `基本支出总表`: the basic spending of all funds by economic class,
/// the general budget's in a column of its own — the template's
/// 一般公共预算基本支出表.
#[test]
fn a_basic_spending_table_published_as_basic_spending_total() {
    let doc = import(&by_fund()).document;
    let table = table(&doc, TableKind::GeneralBudgetBasicExpenditure);
    assert_eq!((table.number, table.title.as_str()), (Some(4), "基本支出总表"));
    let part = &table.parts[0];
    assert_eq!(measures(part), [Measure::Total, Measure::GeneralBudget, Measure::GovernmentFund, Measure::UnitFunds]);
    assert_eq!(
        rows(part),
        [
            "合计: 62.00 60.00 - 2.00",
            "301 工资福利支出: 50.00 50.00 - -",
            "30101 基本工资: 30.00 30.00 - -",
            "30102 津贴补贴: 20.00 20.00 - -",
            "302 商品和服务支出: 12.00 10.00 - 2.00",
            "30201 办公费: 12.00 10.00 - 2.00",
        ]
    );
}

/// 深圳's `项目支出总表`: the projects' spending by fund, not the spending
/// summary.
#[test]
fn a_project_table_by_fund() {
    let doc = import(&by_fund()).document;
    let table = table(&doc, TableKind::ProjectExpenditure);
    let part = &table.parts[0];
    assert_eq!(measures(part), [Measure::Total, Measure::GeneralBudget, Measure::GovernmentFund, Measure::UnitFunds]);
    assert_eq!(
        rows(part),
        ["合计: 40.00 30.00 10.00 -", "某某系统运维: 25.00 25.00 - -", "某某专项工作经费: 15.00 5.00 10.00 -"]
    );
    assert_eq!(part.rows[0].role, RowRole::Total);
}

fn by_fund() -> String {
    "\
2026年某局部门预算

表4 基本支出总表
单位：万元
科目编码\t科目名称\t支出总计\t一般公共预算\t政府性基金\t单位资金
\t合计\t62.00\t60.00\t\t2.00
301\t工资福利支出\t50.00\t50.00\t\t
30101\t基本工资\t30.00\t30.00\t\t
30102\t津贴补贴\t20.00\t20.00\t\t
302\t商品和服务支出\t12.00\t10.00\t\t2.00
30201\t办公费\t12.00\t10.00\t\t2.00

表5 项目支出总表
单位：万元
项目名称\t合计\t一般公共预算\t政府性基金\t单位资金
合计\t40.00\t30.00\t10.00\t
某某系统运维\t25.00\t25.00\t\t
某某专项工作经费\t15.00\t5.00\t10.00\t
"
    .to_owned()
}

// ------------------------------------------------------------- templates --

/// The 目录 says which tables the document has: one it lists and does not
/// print is missing; a national table it does not list is not.
#[test]
fn the_contents_decides_which_tables_are_missing() {
    let text = "\
某局2026年部门预算

目录
第一部分 2026年部门预算表……1
一、部门收支总表……1
二、政府采购预算表……2
三、部门整体支出绩效目标表……3

第一部分 2026年部门预算表
表1
部门收支总表
单位：万元
项目\t预算数\t项目\t预算数
一、一般公共预算拨款\t100.00\t一、一般公共服务支出\t100.00
收入总计\t100.00\t支出总计\t100.00
";
    let doc = import(text).document;
    let listed: Vec<Option<TableKind>> =
        doc.contents.iter().filter(|e| e.numbering.is_some()).map(|e| e.table).collect();
    assert_eq!(listed, [Some(TableKind::IncomeExpenditureSummary), Some(TableKind::GovernmentProcurement), None]);
    let missing: Vec<(TableKind, Option<&str>)> =
        doc.missing_tables.iter().map(|m| (m.kind, m.listed_as.as_ref().map(|t| t.text.as_str()))).collect();
    assert_eq!(missing, [(TableKind::GovernmentProcurement, Some("政府采购预算表"))]);
}

// ---------------------------------------------------- documents in parts --

/// A file holding the parts before the tables, whose 目录 lists the tables of
/// a part published as another file: the text is read, the tables listed are
/// missing, none is invented.
#[test]
fn a_file_of_the_first_parts_whose_contents_lists_the_tables() {
    let text = "\
某局2026年部门预算

目录
第一部分 某局概况
一、主要职能……………………1
二、机构设置……………………1
第二部分 2026年部门预算情况说明……………2
第三部分 名词解释……………………4
第四部分 2026年部门预算表…………5
一、部门收支总表……………………5
二、部门收入总表……………………6

第一部分 某局概况
一、主要职能
某局负责某某工作。
二、机构设置
某局下设3个处室。
第二部分 2026年部门预算情况说明
一、收支预算总体情况
2026年某局收入预算100.00万元，支出预算100.00万元。
第三部分 名词解释
一、财政拨款收入：指本级财政部门拨付的资金。
";
    let doc = import(text).document;
    assert!(doc.tables.is_empty(), "{:?}", kinds(&doc));
    let missing: Vec<TableKind> = doc.missing_tables.iter().map(|m| m.kind).collect();
    assert_eq!(missing, [TableKind::IncomeExpenditureSummary, TableKind::IncomeSummary]);
    let sections: Vec<gongkai_model::SectionKind> = doc.sections.iter().map(|s| s.kind).collect();
    assert_eq!(sections, [gongkai_model::SectionKind::Overview]);
    assert_eq!(doc.glossary.len(), 1);
    assert!(doc.claims.iter().any(|c| c.amount.is_some()));
}

/// A file holding only the performance-target forms of a document.
#[test]
fn a_file_of_performance_target_forms_only() {
    let text = "\
某局2026年项目支出绩效目标表

项目支出绩效目标表
项目名称\t某某运维项目\t\t
项目资金（万元）\t年度预算总额：\t40.00\t
项目总体目标\t保障某某系统正常运行。\t\t
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t运维次数\t=12次
效益指标\t社会效益指标\t系统可用率\t>=99%
\u{c}
项目支出绩效目标表
项目名称\t某某培训项目\t\t
项目资金（万元）\t年度预算总额：\t10.00\t
项目总体目标\t完成某某培训。\t\t
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t培训人次\t>=200人次
";
    let imported = gongkai_import::import_text(text, "targets.txt", &ImportOptions::default());
    let doc = imported.expect("target forms are a document in parts").document;
    let forms: Vec<(Option<&str>, usize)> = doc
        .performance_targets
        .iter()
        .map(|t| (t.project.as_ref().map(|p| p.text.as_str()), t.indicators.len()))
        .collect();
    assert_eq!(forms, [(Some("某某运维项目"), 2), (Some("某某培训项目"), 1)]);
}

// ------------------------------------------------------ empty statements --

/// Statements of an empty table on its page: `此表为空表。`, and a note
/// `注：本单位无…，故本表为空。`.
#[test]
fn an_empty_statement_on_the_tables_page() {
    let text = "\
某局2026年部门预算

表9
国有资本经营预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
注：本单位无国有资本经营预算拨款安排的支出，故本表为空。

表10
上年结转结余情况明细表
单位：万元
科目编码\t科目名称\t合计
此表为空表。
";
    let doc = import(text).document;
    let statements: Vec<(TableKind, Option<&str>, bool)> = doc
        .tables
        .iter()
        .map(|t| (t.kind, t.empty_statement.as_ref().map(|s| s.text.as_str()), t.has_no_amounts()))
        .collect();
    assert_eq!(
        statements,
        [
            (
                TableKind::StateCapitalExpenditure,
                Some("注：本单位无国有资本经营预算拨款安排的支出，故本表为空。"),
                true
            ),
            (TableKind::CarryOver, Some("此表为空表。"), true),
        ]
    );
    assert_eq!(measures(&doc.tables[0].parts[0]), SPENDING);
}

#[test]
fn empty_statements_in_other_words() {
    let text = "\
某局2026年部门预算

表8
政府性基金预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
本表无数据

表11
政府采购预算表
单位：万元
采购项目\t合计
本单位无政府采购预算，故本表为空。

表12
机关运行经费预算表
单位：万元
项目\t预算数
故本表为空
";
    let doc = import(text).document;
    let statements: Vec<(TableKind, Option<&str>)> =
        doc.tables.iter().map(|t| (t.kind, t.empty_statement.as_ref().map(|s| s.text.as_str()))).collect();
    assert_eq!(
        statements,
        [
            (TableKind::GovernmentFundExpenditure, Some("本表无数据")),
            (TableKind::GovernmentProcurement, Some("本单位无政府采购预算，故本表为空。")),
            (TableKind::AgencyOperatingExpenses, Some("故本表为空")),
        ]
    );
}

/// The explanation saying tables are empty: one printed without amounts and
/// without a statement of its own, one not printed at all.
fn empty_in_the_explanation() -> Disclosure {
    let text = "\
某局2026年部门预算

目录
第一部分 2026年部门预算表……1
一、政府性基金预算支出表……1
二、国有资本经营预算支出表……2
第二部分 2026年部门预算情况说明……3

第一部分 2026年部门预算表
表1
政府性基金预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
\u{c}
第二部分 2026年部门预算情况说明
一、政府性基金预算支出情况说明
某局2026年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出表为空表。
二、国有资本经营预算支出情况说明
本单位无国有资本经营预算拨款安排的支出，故国有资本经营预算支出表为空表。
";
    import(text).document
}

#[test]
fn an_empty_statement_in_the_explanation_of_a_table_not_printed() {
    let doc = empty_in_the_explanation();
    let missing: Vec<(TableKind, Option<&str>)> =
        doc.missing_tables.iter().map(|m| (m.kind, m.mentioned_empty.as_ref().map(|t| t.text.as_str()))).collect();
    assert_eq!(
        missing,
        [(
            TableKind::StateCapitalExpenditure,
            Some("本单位无国有资本经营预算拨款安排的支出，故国有资本经营预算支出表为空表。")
        )]
    );
}

#[test]
fn an_empty_statement_in_the_explanation_of_a_printed_table() {
    let doc = empty_in_the_explanation();
    let table = table(&doc, TableKind::GovernmentFundExpenditure);
    assert!(table.has_no_amounts());
    assert_eq!(
        table.empty_statement.as_ref().map(|s| s.text.as_str()),
        Some("某局2026年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出表为空表。")
    );
}

/// One sentence of the explanation naming two printed empty tables: each takes
/// it; a table with a statement of its own keeps its own.
#[test]
fn one_sentence_of_the_explanation_for_two_printed_tables() {
    let text = "\
某局2026年部门预算

第一部分 2026年部门预算表
表1
政府性基金预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出

表2
国有资本经营预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出

表3
上年结转结余情况明细表
单位：万元
科目编码\t科目名称\t合计
此表为空表。
\u{c}
第二部分 2026年部门预算情况说明
一、其他说明
某局2026年没有政府性基金和国有资本经营预算拨款，政府性基金预算支出表、国有资本经营预算支出表均为空表；上年结转结余情况明细表为空表。
";
    let doc = import(text).document;
    let sentence = "某局2026年没有政府性基金和国有资本经营预算拨款，政府性基金预算支出表、国有资本经营预算支出表均为空表；\
                    上年结转结余情况明细表为空表。";
    let statements: Vec<(TableKind, Option<&str>)> =
        doc.tables.iter().map(|t| (t.kind, t.empty_statement.as_ref().map(|s| s.text.as_str()))).collect();
    assert_eq!(
        statements,
        [
            (TableKind::GovernmentFundExpenditure, Some(sentence)),
            (TableKind::StateCapitalExpenditure, Some(sentence)),
            (TableKind::CarryOver, Some("此表为空表。")),
        ]
    );
    let said = doc.tables[0].empty_statement.as_ref().map(|s| s.source.line);
    assert_eq!(said, Some(22));
}

// ------------------------------------------------------- generated PDFs --

fn import_pdf(bytes: &[u8]) -> gongkai_import::Imported {
    gongkai_import::import_bytes(bytes, "generated.pdf", Format::Pdf, &ImportOptions::default()).expect("imports")
}

const SPENDING_HEADER: &[&str] = &["科目编码", "科目名称", "合计", "基本支出", "项目支出"];

/// A landscape page (842 × 595 pt) of a generated PDF: texts at (x, baseline)
/// and ruled lines (x0, y0, x1, y1), in landscape coordinates.
#[derive(Default)]
struct Page {
    texts: Vec<(f32, f32, String)>,
    lines: Vec<(f32, f32, f32, f32)>,
}

impl Page {
    fn text(&mut self, x: f32, y: f32, text: &str) {
        self.texts.push((x, y, text.to_owned()));
    }

    /// A ruled table of the five spending columns, its top at `top`, rows 20 pt
    /// high.
    fn ruled(&mut self, top: f32, rows: &[&[&str]]) {
        const XS: [f32; 6] = [60.0, 160.0, 400.0, 520.0, 640.0, 760.0];
        let bottom = top - 20.0 * rows.len() as f32;
        for k in 0..=rows.len() {
            let y = top - 20.0 * k as f32;
            self.lines.push((XS[0], y, XS[5], y));
        }
        for x in XS {
            self.lines.push((x, bottom, x, top));
        }
        for (k, row) in rows.iter().enumerate() {
            let y = top - 20.0 * (k as f32 + 1.0) + 6.0;
            for (c, text) in row.iter().enumerate().filter(|(_, t)| !t.is_empty()) {
                self.text(XS[c] + 4.0, y, text);
            }
        }
    }
}

/// A PDF of landscape pages: one Type0 font with Identity-H codes (a
/// character's code is its Unicode value) and a ToUnicode map, no embedded
/// program, CJK advancing 1 em and ASCII ½ em. `turned`: each page is a
/// portrait box shown landscape by `/Rotate 90`, its content drawn turned.
fn pdf(pages: &[Page], turned: bool) -> Vec<u8> {
    let mut chars: Vec<char> = pages.iter().flat_map(|p| p.texts.iter().flat_map(|t| t.2.chars())).collect();
    chars.sort_unstable();
    chars.dedup();
    let n = pages.len();
    let kids: String = (0..n).map(|i| format!("{} 0 R ", 7 + 2 * i)).collect();
    let ascii = "500 ".repeat(95);
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) \
         /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def \
         1 begincodespacerange <0000> <FFFF> endcodespacerange\n",
    );
    for block in chars.chunks(100) {
        cmap += &format!("{} beginbfchar\n", block.len());
        for c in block {
            cmap += &format!("<{0:04X}> <{0:04X}>\n", u32::from(*c));
        }
        cmap += "endbfchar\n";
    }
    cmap += "endcmap CMapName currentdict /CMap defineresource pop end end";
    // 1 catalog, 2 page tree, 3 font, 4 its descendant, 5 descriptor, 6 ToUnicode; then a page and its content each.
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!("<< /Type /Pages /Kids [{kids}] /Count {n} >>"),
        "<< /Type /Font /Subtype /Type0 /BaseFont /MadeUp /Encoding /Identity-H /DescendantFonts [4 0 R] \
         /ToUnicode 6 0 R >>"
            .to_owned(),
        format!(
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MadeUp /CIDSystemInfo << /Registry (Adobe) \
             /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /W [32 [{ascii}]] \
             /CIDToGIDMap /Identity >>"
        ),
        "<< /Type /FontDescriptor /FontName /MadeUp /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 \
         /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>"
            .to_owned(),
        format!("<< /Length {} >>\nstream\n{cmap}\nendstream", cmap.len()),
    ];
    let (size, rotate, turn) =
        if turned { ("595 842", " /Rotate 90", "0 1 -1 0 595 0 cm\n") } else { ("842 595", "", "") };
    for (i, page) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size}]{rotate} /Resources << /Font << /F1 3 0 R >> >> \
             /Contents {} 0 R >>",
            8 + 2 * i
        ));
        let mut content = format!("{turn}0.5 w\n");
        for (x0, y0, x1, y1) in &page.lines {
            content += &format!("{x0} {y0} m {x1} {y1} l S\n");
        }
        for (x, y, text) in &page.texts {
            let hex: String = text.chars().map(|c| format!("{:04X}", u32::from(c))).collect();
            content += &format!("BT /F1 10 Tf {x} {y} Td <{hex}> Tj ET\n");
        }
        objects.push(format!("<< /Length {} >>\nstream\n{content}endstream", content.len()));
    }
    let mut out = String::from("%PDF-1.7\n");
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out += &format!("{} 0 obj\n{body}\nendobj\n", i + 1);
    }
    let xref = out.len();
    out += &format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        out += &format!("{o:010} 00000 n \n");
    }
    out += &format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1);
    out.into_bytes()
}
