//! Which table figure a claim of the explanation is compared with, for the
//! forms of the procurement, “三公”, 机关运行经费 and unit sections: each test
//! states a document that agrees with its tables (no finding), then changes one
//! figure of the text and expects exactly one N101 finding naming the cell.

use gongkai_rules::{Config, Engine};

/// N101's messages on `text`.
fn n101(text: &str) -> Vec<String> {
    let imported = gongkai_import::import_text(text, "某局.txt", &Default::default()).expect("imports");
    let config = Config { select: vec!["N101".to_owned()], ..Config::default() };
    Engine::new(config).unwrap().check(&imported.document).into_iter().map(|f| f.message).collect()
}

/// `text` with `from` replaced by `to` (which must be there).
fn changed(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from}");
    text.replacen(from, to, 1)
}

/// Asserts one finding whose message holds every one of `words`.
fn one_naming(findings: &[String], words: &[&str]) {
    assert_eq!(findings.len(), 1, "{findings:#?}");
    for w in words {
        assert!(findings[0].contains(w), "{w}: {findings:#?}");
    }
}

/// A procurement table by kind of purchase, its lines named by the
/// catalogue's letters (A 货物, C 服务), with a column per fund; the text
/// lists the kinds of the whole budget, then of the general budget's part.
const PROCUREMENT: &str = r#"2026年某局部门预算

第一部分 部门预算表

表9
政府采购预算明细表
单位：万元
采购品目	总计	一般公共预算拨款收入	事业收入
合计	60.00	40.00	20.00
A	50.00	35.00	15.00
C	10.00	5.00	5.00

第二部分 部门预算情况说明

一、其他重要事项的情况说明
（一）政府采购情况。政府采购预算总额60.00万元：政府采购货物预算50.00万元、政府采购工程预算0万元、政府采购服务预算10.00万元；其中一般公共预算拨款政府采购40.00万元：政府采购货物预算35.00万元、政府采购服务预算5.00万元。货物类采购预算50.00万元。面向中小企业预留政府采购项目预算金额30.00万元。
"#;

#[test]
fn a_kind_of_purchase_is_its_line_of_the_procurement_table() {
    assert!(n101(PROCUREMENT).is_empty(), "{:#?}", n101(PROCUREMENT));
    one_naming(
        &n101(&changed(PROCUREMENT, "货物预算50.00万元、", "货物预算51.00万元、")),
        &["“A”行", "“总计”列", "50.00"],
    );
    // `货物类采购预算`: the kind stays part of the subject.
    one_naming(
        &n101(&changed(PROCUREMENT, "货物类采购预算50.00", "货物类采购预算52.00")),
        &["货物类采购预算", "“A”行"],
    );
    one_naming(&n101(&changed(PROCUREMENT, "总额60.00", "总额61.00")), &["“合计”行", "“总计”列"]);
}

/// `其中一般公共预算拨款政府采购40.00万元：政府采购货物预算35.00万元…`: the list
/// after a fund's procurement is that fund's, to the end of the sentence.
#[test]
fn a_list_after_a_funds_procurement_is_that_funds() {
    one_naming(
        &n101(&changed(PROCUREMENT, "货物预算35.00", "货物预算36.00")),
        &["“A”行", "“一般公共预算拨款收入”列", "35.00"],
    );
    one_naming(
        &n101(&changed(PROCUREMENT, "拨款政府采购40.00", "拨款政府采购41.00")),
        &["“合计”行", "“一般公共预算拨款收入”列"],
    );
}

/// A share reserved for small enterprises is no line of the table: never compared.
#[test]
fn a_reserved_share_is_not_a_kind_of_purchase() {
    assert!(n101(&changed(PROCUREMENT, "金额30.00", "金额31.00")).is_empty());
}

/// The 基本支出总表 of a department of two units, by unit and economic class.
const UNITS: &str = r#"2026年某局部门预算

第一部分 部门预算表

表3
支出总表
单位：万元
单位名称	支出总计	基本支出	项目支出
合计	150.00	100.00	50.00
某局（本级）	100.00	70.00	30.00
某局监测中心	50.00	30.00	20.00

表4
基本支出总表
单位：万元
支出项目类别	总计
合计	100.00
某局（本级）	70.00
工资福利支出	50.00
基本工资	50.00
商品和服务支出	15.00
办公费	15.00
对个人和家庭的补助	5.00
退休费	5.00
某局监测中心	30.00
工资福利支出	20.00
基本工资	20.00
商品和服务支出	6.00
办公费	6.00
资本性支出	4.00
办公设备购置	4.00

第二部分 部门预算支出具体情况

一、某局（本级）

某局（本级）预算100.00万元，包括工资福利支出50.00万元、公用经费15.00万元、对个人和家庭的补助支出5.00万元。

二、某局监测中心

某局监测中心预算50.00万元，包括工资福利支出20.00万元、公用经费10.00万元。
"#;

/// In a unit's section, an economic class (`对个人和家庭的补助支出`) is its
/// line among the unit's lines of the basic-spending table, and 公用经费 is
/// the 商品和服务支出 line where the unit has no 资本性支出 line.
#[test]
fn a_units_economic_class_is_its_line_of_the_basic_spending_table() {
    assert!(n101(UNITS).is_empty(), "{:#?}", n101(UNITS));
    let personal = n101(&changed(UNITS, "对个人和家庭的补助支出5.00", "对个人和家庭的补助支出6.00"));
    one_naming(&personal, &["对个人和家庭的补助", "5.00"]);
    one_naming(&n101(&changed(UNITS, "公用经费15.00", "公用经费16.00")), &["商品和服务支出", "15.00"]);
    one_naming(&n101(&changed(UNITS, "工资福利支出20.00万元", "工资福利支出21.00万元")), &["工资福利支出", "20.00"]);
    // The second unit's 公用经费 includes its capital line: not one cell.
    assert!(n101(&changed(UNITS, "公用经费10.00", "公用经费11.00")).is_empty());
}

/// A “三公” table printing 会议费 and 培训费 beside the three, its 合计 headed
/// `“三公”经费合计`; a 机关运行经费 table of one column.
const THREE: &str = r#"2026年某局部门预算

第一部分 部门预算表

表9
一般公共预算“三公”经费、会议费、培训费支出表
单位：万元
“三公”经费合计	因公出国（境）费	公务用车购置及运行维护费			公务接待费	会议费	培训费
		小计	公务用车购置费	公务用车运行维护费			
12.00	2.00	6.00	0.00	6.00	4.00	3.00	5.00

表12
一般公共预算机关运行经费支出预算表
单位：万元
科目编码	科目名称	机关运行经费支出
合计		30.00
302	商品和服务支出	30.00
30201	办公费	30.00

第二部分 部门预算情况说明

一、一般公共预算“三公”经费、会议费、培训费支出预算情况说明
某局2026年度一般公共预算拨款安排的“三公”经费支出预算12.00万元，其中：因公出国（境）费2.00万元，公务用车购置及运行维护费6.00万元，公务接待费4.00万元。某局2026年度一般公共预算拨款安排的会议费预算支出3.00万元，培训费预算支出5.00万元。

二、一般公共预算机关运行经费支出预算情况说明
2026年本部门一般公共预算机关运行经费预算支出30.00万元。
"#;

#[test]
fn the_three_public_total_is_its_own_column_beside_meetings_and_training() {
    assert!(n101(THREE).is_empty(), "{:#?}", n101(THREE));
    one_naming(&n101(&changed(THREE, "经费支出预算12.00", "经费支出预算13.00")), &["““三公”经费合计”列", "12.00"]);
    one_naming(&n101(&changed(THREE, "会议费预算支出3.00", "会议费预算支出3.50")), &["“会议费”列"]);
    one_naming(&n101(&changed(THREE, "培训费预算支出5.00", "培训费预算支出6.00")), &["“培训费”列"]);
}

/// 机关运行经费 stated where a table prints it is compared with that table.
#[test]
fn operating_cost_is_compared_with_its_own_table() {
    one_naming(
        &n101(&changed(THREE, "运行经费预算支出30.00", "运行经费预算支出31.00")),
        &["机关运行经费支出预算表", "“合计”行", "30.00"],
    );
}

fn example() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/qitai-2024-budget.txt"))
        .expect("example")
}

/// The sources of a 事业单位's own income (`上级补助收入`, `附属单位上缴收入`,
/// `事业单位经营收入`) are their lines of 表1 (here printed empty: 0).
#[test]
fn a_units_own_income_source_is_its_line() {
    let anchor = "单位资金0.31万元，占0.03%";
    for source in ["上级补助收入", "事业单位经营收入"] {
        let with = |amount: &str| changed(&example(), anchor, &format!("{source}{amount}万元。{anchor}"));
        assert!(n101(&with("0.00")).is_empty(), "{source}: {:#?}", n101(&with("0.00")));
        one_naming(&n101(&with("5.00")), &[&format!("“{source}”行")]);
    }
}

/// A spending summary splitting 基本支出 into 人员支出 and 日常公用支出.
const PERSONNEL: &str = r#"2026年某局部门预算

第一部分 部门预算表

表3
支出总表
单位：万元
功能分类科目名称	总计	基本支出		项目支出
		人员支出	日常公用支出	
合计	100.00	60.00	10.00	30.00
一般公共服务支出	100.00	60.00	10.00	30.00

第二部分 部门预算情况说明

一、支出预算情况说明
2026年支出预算100.00万元。按支出用途分类，包括人员支出60.00万元，占60.0%；日常公用支出10.00万元，占10.0%；项目支出30.00万元，占30.0%。
"#;

/// 人员支出 and 日常公用支出 (the 人员经费 and 公用经费 of all the department's
/// money) in the spending section are the summary's columns of them.
#[test]
fn personnel_and_public_use_of_all_money_are_the_summarys_columns() {
    assert!(n101(PERSONNEL).is_empty(), "{:#?}", n101(PERSONNEL));
    one_naming(&n101(&changed(PERSONNEL, "人员支出60.00", "人员支出61.00")), &["支出总表", "“人员支出”列"]);
    one_naming(&n101(&changed(PERSONNEL, "日常公用支出10.00", "日常公用支出11.00")), &["“日常公用支出”列"]);
}

/// A “三公” table of lines by fund (行政经费 | “三公”经费 | （一）因公出国…).
const THREE_BY_LINES: &str = r#"2026年某局部门预算

第一部分 部门预算表

表10
财政拨款安排的行政经费及“三公”经费预算表
单位：万元
项目	合计	一般公共预算	政府性基金预算
行政经费	80.00	80.00	0.00
“三公”经费	12.00	12.00	0.00
（一）因公出国（境）支出	2.00	2.00	0.00
（二）公务用车购置及运行维护支出	6.00	6.00	0.00
（三）公务接待支出	4.00	4.00	0.00

第二部分 部门预算情况说明

一、“三公”经费预算情况说明
财政拨款安排“三公”经费12.00万元，其中：因公出国（境）费2.00万元，公务用车购置及运行维护费6.00万元，公务接待费4.00万元。
"#;

/// Where the “三公” table prints its total as a line of that name, the total is that line.
#[test]
fn the_three_public_total_may_be_a_line_of_its_name() {
    assert!(n101(THREE_BY_LINES).is_empty(), "{:#?}", n101(THREE_BY_LINES));
    one_naming(&n101(&changed(THREE_BY_LINES, "经费12.00万元", "经费13.00万元")), &["““三公”经费”行", "“合计”列"]);
}

/// 表5 by function, and the general budget by economic class in a table of its own.
const BY_ECONOMIC_CLASS: &str = r#"2026年某局部门预算

第一部分 部门预算表

表5
一般公共预算支出表
单位：万元
科目编码	科目名称	合计	基本支出	项目支出
合计		100.00	70.00	30.00
201	一般公共服务支出	100.00	70.00	30.00
20101	人大事务	100.00	70.00	30.00
2010101	行政运行	100.00	70.00	30.00

表6
一般公共预算支出明细表（按经济分类科目分）
单位：万元
科目编码	科目名称	合计
合计		100.00
301	工资福利支出	60.00
30101	基本工资	60.00
302	商品和服务支出	40.00
30201	办公费	40.00

第二部分 部门预算情况说明

一、一般公共预算当年拨款情况说明
按照部门预算支出经济分类的类级科目说明，工资福利支出60.00万元，商品和服务支出40.00万元。
"#;

/// The general budget's section naming economic classes (`工资福利支出…`) speaks
/// of the rows of its table by economic class.
#[test]
fn an_economic_class_of_the_general_budget_is_its_row_by_economic_class() {
    assert!(n101(BY_ECONOMIC_CLASS).is_empty(), "{:#?}", n101(BY_ECONOMIC_CLASS));
    let changed = n101(&changed(BY_ECONOMIC_CLASS, "工资福利支出60.00万元", "工资福利支出61.00万元"));
    one_naming(&changed, &["按经济分类科目分", "301 工资福利支出", "60.00"]);
}

/// Why the claims of `text` were not compared: reason → count.
fn unresolved(text: &str) -> Vec<(gongkai_model::UnresolvedReason, u32)> {
    let imported = gongkai_import::import_text(text, "某局.txt", &Default::default()).expect("imports");
    let (_, coverage) = Engine::new(Config::default()).unwrap().check_with_coverage(&imported.document);
    coverage.claims.unresolved.iter().map(|u| (u.reason, u.count)).collect()
}

/// A procurement claim in a document printing no procurement table is not
/// compared because the document prints no such table (`not_printed`); with the
/// table, the reserved share is printed nowhere either (no line or column of
/// it) — unless a table prints it.
#[test]
fn a_matter_of_which_no_table_is_printed_is_said_so() {
    use gongkai_model::UnresolvedReason as R;
    assert_eq!(unresolved(PROCUREMENT), [(R::NotPrinted, 1)]);
    let with_line = changed(
        PROCUREMENT,
        "C\t10.00\t5.00\t5.00\n",
        "C\t10.00\t5.00\t5.00\n其中：面向中小企业预留\t30.00\t20.00\t10.00\n",
    );
    assert_eq!(unresolved(&with_line), [(R::SubjectUnknown, 1)]);
    let start = PROCUREMENT.find("表9").unwrap();
    let end = PROCUREMENT.find("第二部分").unwrap();
    let without_table = format!(
        "{}表1\n收支总表\n单位：万元\n项目\t预算数\n收入总计\t60.00\n\n{}",
        &PROCUREMENT[..start],
        &PROCUREMENT[end..]
    );
    let reasons = unresolved(&without_table);
    assert!(reasons.iter().any(|(r, n)| *r == R::NotPrinted && *n >= 4), "{reasons:?}");
    assert!(reasons.iter().all(|(r, _)| *r != R::SubjectUnknown), "{reasons:?}");
}

/// A 政府性基金 spending table and its section.
const FUND: &str = r#"2026年某局部门预算

第一部分 部门预算表

表8
政府性基金预算支出表
单位：万元
科目编码	科目名称	合计	基本支出	项目支出
合计		770.00		770.00
212	城乡社区支出	770.00		770.00
21208	国有土地使用权出让收入安排的支出	770.00		770.00
2120899	其他国有土地使用权出让收入安排的支出	770.00		770.00

第二部分 部门预算情况说明

一、政府性基金预算支出情况说明
某局2026年政府性基金支出预算支出770万元。
"#;

/// In a fund's own section, its spending as a whole is the fund's table's total.
#[test]
fn a_funds_spending_in_its_section_is_its_tables_total() {
    assert!(n101(FUND).is_empty(), "{:#?}", n101(FUND));
    one_naming(&n101(&changed(FUND, "预算支出770万元", "预算支出780万元")), &["政府性基金预算支出表", "“合计”行"]);
    // A total column headed `本年支出合计`.
    let current_year = changed(FUND, "科目名称\t合计\t", "科目名称\t本年支出合计\t");
    assert!(n101(&current_year).is_empty(), "{:#?}", n101(&current_year));
    one_naming(&n101(&changed(&current_year, "预算支出770万元", "预算支出780万元")), &["“本年支出合计”列", "770.00"]);
}

/// `收入、支出预算总计` names the budget as a whole, as `收支总预算` does.
#[test]
fn income_and_spending_named_apart_are_the_whole() {
    let text = changed(&example(), "收支总预算1,010.70万元", "收入、支出预算总计1,010.70万元");
    assert!(n101(&text).is_empty(), "{:#?}", n101(&text));
    one_naming(&n101(&text.replacen("预算总计1,010.70", "预算总计1,011.70", 1)), &["“收入总计”行"]);
}

/// A part of the carry-over (`上年结转结余的一般公共预算收入`) where the carry-over
/// as a whole is printed as nothing is nothing too: 0 agrees, 5 contradicts it.
#[test]
fn a_part_of_a_carry_over_printed_as_nothing_is_nothing() {
    let anchor = "单位资金0.31万元，占0.03%";
    let with =
        |amount: &str| changed(&example(), anchor, &format!("上年结转结余的一般公共预算收入{amount}万元。{anchor}"));
    assert!(n101(&with("0.00")).is_empty(), "{:#?}", n101(&with("0.00")));
    one_naming(&n101(&with("5.00")), &["“上年结转结余”行", "0（空）"]);
}

/// A “三公” table by unit and year (`某局 | 2025年`, `2026年`, `增减变化金额`,
/// then the next unit's block), each category a group of columns by fund; the
/// text names each category in a numbered title and states `2026年预算数…`.
const THREE_BY_YEAR: &str = r#"2026年某市某局部门预算

第一部分 部门预算表

表9
财政拨款“三公”经费支出表
单位：万元
预算单位	年度	总计		因公出国（境）费		公务接待费	
		一般公共预算	政府性基金预算	一般公共预算	政府性基金预算	一般公共预算	政府性基金预算
某市某局	2025年	10.00	0.00	4.00	0.00	6.00	0.00
	2026年	12.00	0.00	5.00	0.00	7.00	0.00
	增减变化金额	2.00	0.00	1.00	0.00	1.00	0.00
某中心	2025年	3.00	0.00	1.00	0.00	2.00	0.00
	2026年	4.00	0.00	2.00	0.00	2.00	0.00
	增减变化金额	1.00	0.00	1.00	0.00	0.00	0.00

第二部分 部门预算情况说明

一、财政拨款“三公”经费预算情况
2026年财政拨款“三公”经费预算12.00万元，较2025年年初预算增加2.00万元。
1.因公出国（境）费用。2026年预算数5.00万元，较2025年年初预算增加1.00万元。
2.公务接待费。2026年预算数7.00万元，较2025年年初预算增加1.00万元。
"#;

#[test]
fn a_category_by_fund_is_its_general_budget_cell_in_the_departments_row_of_the_year() {
    assert!(n101(THREE_BY_YEAR).is_empty(), "{:#?}", n101(THREE_BY_YEAR));
    one_naming(
        &n101(&changed(THREE_BY_YEAR, "预算数5.00", "预算数5.50")),
        &["因公出国（境）费用", "“2026年”行", "“一般公共预算”列", "5.00"],
    );
    one_naming(&n101(&changed(THREE_BY_YEAR, "预算12.00", "预算12.50")), &["“2026年”行", "12.00"]);
    // Where another fund also spends on the category, no cell holds the claim's figure.
    let other_fund = changed(THREE_BY_YEAR, "\t2026年\t12.00\t0.00\t5.00\t0.00", "\t2026年\t12.00\t0.00\t5.00\t1.00");
    assert!(n101(&changed(&other_fund, "预算数5.00", "预算数5.50")).is_empty());
}

/// No procurement table: the spending summary's `2026年政府采购项目 / 小计`
/// column holds the whole (`政府采购项目共有…`); its kinds are printed nowhere.
const PROCUREMENT_COLUMN: &str = r#"2026年某市某局部门预算

第一部分 部门预算表

表3
支出总表
单位：万元
科目编码	科目名称	支出总计	基本支出	项目支出	2026年政府采购项目	
					小计	其中：预留给中小企业的项目资金规模
	合计	100.00	60.00	40.00	30.00	10.00
201	一般公共服务支出	100.00	60.00	40.00	30.00	10.00

第二部分 部门预算情况说明

一、政府采购预算情况
某市某局纳入2026年部门预算的政府采购项目共有30.00万元，其中：货物类项目20.00万元、服务类项目10.00万元。
"#;

#[test]
fn procurement_projects_as_a_whole_are_the_spending_summarys_column() {
    assert!(n101(PROCUREMENT_COLUMN).is_empty(), "{:#?}", n101(PROCUREMENT_COLUMN));
    one_naming(&n101(&changed(PROCUREMENT_COLUMN, "共有30.00", "共有31.00")), &["“合计”行", "“小计”列", "30.00"]);
    assert_eq!(unresolved(PROCUREMENT_COLUMN), [(gongkai_model::UnresolvedReason::NotPrinted, 2)]);
}

/// A source or use the summary prints as a column of its own name
/// (`上年实户资金余额`, `对附属单位补助支出`): the total row's cell of that column.
const NAMED_COLUMNS: &str = r#"2026年某市某局部门预算

第一部分 部门预算表

表3
支出总表
单位：万元
科目编码	科目名称	合计	一般公共预算拨款	上年实户资金余额	对附属单位补助支出
	合计	100.00	80.00	15.00	5.00
201	一般公共服务支出	100.00	80.00	15.00	5.00

第二部分 部门预算情况说明

一、收支预算总体情况
某市某局2026年支出预算100.00万元，其中一般公共预算拨款80.00万元，上年实户资金余额15.00万元，对附属单位补助支出5.00万元。
"#;

#[test]
fn a_subject_printed_as_a_column_of_its_name_is_that_columns_total() {
    assert!(n101(NAMED_COLUMNS).is_empty(), "{:#?}", n101(NAMED_COLUMNS));
    one_naming(
        &n101(&changed(NAMED_COLUMNS, "余额15.00", "余额16.00")),
        &["“合计”行", "“上年实户资金余额”列", "15.00"],
    );
    one_naming(&n101(&changed(NAMED_COLUMNS, "补助支出5.00", "补助支出6.00")), &["“对附属单位补助支出”列", "5.00"]);
}

/// A spending summary by class and the explanation's heading, before the
/// explanation of the tests that list a unit's spending.
const SPENDING: &str = r#"2026年某市某局部门预算

第一部分 部门预算表

表3
支出总表
单位：万元
科目编码	科目名称	支出总计	基本支出	项目支出
	合计	100.00	60.00	40.00
201	一般公共服务支出	100.00	60.00	40.00

第二部分 部门预算情况说明

"#;

/// Parts listed under a whole in more detail than the tables print (the
/// works of a project, a unit's own split of its spending): not compared with
/// a table figure but with the whole as a sum (N113), and counted so; a part
/// stated again (`（一）在职人员经费…`) is the same figure.
#[test]
fn a_part_of_a_listed_whole_is_counted_as_checked_with_its_whole() {
    use gongkai_model::UnresolvedReason as R;
    let text = &format!(
        "{SPENDING}{}",
        r#"一、部门预算支出具体情况
某市某局支出预算100.00万元，包括在职人员经费50.00万元、增人增资10.00万元、项目支出40.00万元。
（一）在职人员经费50.00万元，主要是在职人员工资福利支出。
（二）项目支出40.00万元，具体包括：
1.某某管理项目25.00万元，主要包括：甲工作10.00万元，用于某某工作；乙工作15.00万元，用于某某工作。
2.某某专项资金15.00万元，主要用于某某补助。
"#
    );
    assert_eq!(unresolved(text), [(R::PartOfListedWhole, 7)]);
    // Where a part's figure makes the list exceed its whole, N113 says so.
    let over = changed(text, "乙工作15.00", "乙工作16.00");
    let imported = gongkai_import::import_text(&over, "某局.txt", &Default::default()).expect("imports");
    let config = gongkai_rules::Config { select: vec!["N113".to_owned()], ..Default::default() };
    let findings = Engine::new(config).unwrap().check(&imported.document);
    one_naming(&findings.into_iter().map(|f| f.message).collect::<Vec<_>>(), &["某某管理项目", "26.00"]);
    // A restatement naming the part with or without the particle 的 counts with it.
    let restated = changed(text, "增人增资10.00万元、", "对个人和家庭的补助10.00万元、")
        .replace("（二）项目支出", "（二）对个人和家庭补助10.00万元，主要是离退休人员经费。\n（三）项目支出");
    assert_eq!(unresolved(&restated), [(R::PartOfListedWhole, 8)]);
}

/// The carry-over as a whole in the section on the fiscal allocations
/// (`上年结转结余收入`) is the fiscal summary's carry-over line, not 表1's
/// (which holds the other money's too).
const FISCAL_CARRY_OVER: &str = r#"2026年某市某局部门预算

第一部分 部门预算表

表1
收支预算总表
单位：万元
项目	预算数	项目	预算数
财政拨款	80.00	一般公共服务支出	110.00
事业收入	10.00
本年收入合计	90.00	本年支出合计	110.00
上年结转结余	20.00
收入总计	110.00	支出总计	110.00

表4
财政拨款收支预算总表
单位：万元
项目	预算数	项目	预算数
财政拨款	80.00	一般公共服务支出	92.00
上年结转结余	12.00
收入总计	92.00	支出总计	92.00

第二部分 部门预算情况说明

一、财政拨款收支预算情况
2026年财政拨款收支总预算92.00万元。收入包括：财政拨款80.00万元、上年结转结余收入12.00万元。
"#;

#[test]
fn the_carry_over_of_the_fiscal_allocations_is_the_fiscal_summarys_line() {
    assert!(n101(FISCAL_CARRY_OVER).is_empty(), "{:#?}", n101(FISCAL_CARRY_OVER));
    one_naming(
        &n101(&changed(FISCAL_CARRY_OVER, "结余收入12.00", "结余收入13.00")),
        &["表4", "“上年结转结余”行", "12.00"],
    );
}

/// A class named by its code is not printed where no table prints its
/// classification (`机关工资福利支出（501）` beside tables by department
/// economic class), nor when stated as nothing and printed in no table.
const CODED_CLASSES: &str = r#"2026年某市某局部门预算

第一部分 部门预算表

表6
一般公共预算基本支出表
单位：万元
科目编码	科目名称	合计	人员经费	公用经费
	合计	30.00	20.00	10.00
301	工资福利支出	20.00	20.00
302	商品和服务支出	10.00		10.00

第二部分 部门预算情况说明

一、一般公共预算基本支出情况
按部门预算支出经济分类：工资福利支出（301）20.00万元，其他支出（399）0.00万元，较上年减少5.00万元。按政府预算支出经济分类：机关工资福利支出（501）20.00万元。
"#;

#[test]
fn a_class_of_a_classification_no_table_prints_is_not_printed() {
    use gongkai_model::UnresolvedReason as R;
    assert_eq!(unresolved(CODED_CLASSES), [(R::NotPrinted, 2)]);
    one_naming(&n101(&changed(CODED_CLASSES, "（301）20.00", "（301）21.00")), &["工资福利支出", "20.00"]);
    // A class printed with an amount the tables leave out is not "not printed".
    let stated = changed(CODED_CLASSES, "（399）0.00万元", "（399）3.00万元");
    assert_eq!(unresolved(&stated), [(R::NotPrinted, 1), (R::SubjectUnknown, 1)]);
    // 会议费 where no table prints it (no column beside the “三公”, no 30215 line).
    let meetings = changed(CODED_CLASSES, "20.00万元。", "20.00万元。会议费预算3.00万元。");
    assert_eq!(unresolved(&meetings), [(R::NotPrinted, 3)]);
    let printed = changed(
        &meetings,
        "302\t商品和服务支出\t10.00\t\t10.00",
        "302\t商品和服务支出\t10.00\t\t10.00\n30215\t会议费\t3.00\t\t3.00",
    );
    assert!(!unresolved(&printed).contains(&(R::NotPrinted, 3)), "{:?}", unresolved(&printed));
    // Outside the 基本支出 section the basic-spending table's line is only part
    // of all 会议费 (projects spend on meetings too): not printed.
    let elsewhere = changed(
        &printed,
        "20.00万元。会议费预算3.00万元。",
        "20.00万元。\n二、部门支出预算情况说明\n会议费预算3.00万元。",
    );
    assert_eq!(unresolved(&elsewhere), [(R::NotPrinted, 3)]);
}

/// A kind the table prints no line of, where its lines of the other kinds add
/// up to its total, is nothing: `政府采购工程预算0万元` is compared with that.
#[test]
fn a_kind_the_table_leaves_out_is_nothing_where_the_others_make_the_total() {
    one_naming(&n101(&changed(PROCUREMENT, "工程预算0万元", "工程预算3.00万元")), &["不列工程类的行", "0"]);
}

/// A procurement table of items, each with its 采购目录 by catalogue code, and
/// no line of any kind.
const PROCUREMENT_ITEMS: &str = r#"2026年某市某局部门预算

第一部分 部门预算表

表12
政府采购预算表
单位：万元
采购项目	采购目录	预算金额
合计		70.00
办公设备购置	A02010104台式计算机	30.00
软件开发	C0201软件开发服务	25.00
办公用房维修	B08修缮工程	15.00

第二部分 部门预算情况说明

一、政府采购情况说明
当年本部门政府采购预算共70.00万元，其中政府采购货物类预算30.00万元、政府采购服务类预算25.00万元、政府采购工程类预算15.00万元。
"#;

/// Each kind of purchase is the sum of the items its catalogue letter marks
/// (A 货物, B 工程, C 服务) — only where every item prints a code; an item
/// without one (`…（内容涉密）`) leaves the kinds not printed, never compared.
#[test]
fn a_kind_of_purchase_is_the_sum_of_its_items_by_catalogue_code() {
    assert!(n101(PROCUREMENT_ITEMS).is_empty(), "{:#?}", n101(PROCUREMENT_ITEMS));
    assert_eq!(unresolved(PROCUREMENT_ITEMS), []);
    one_naming(
        &n101(&changed(PROCUREMENT_ITEMS, "服务类预算25.00", "服务类预算26.00")),
        &["采购目录为C（服务）的各行之和", "25.00"],
    );
    let secret = changed(PROCUREMENT_ITEMS, "合计\t\t70.00\n", "合计\t\t75.00\n某业务经费（内容涉密）\t\t5.00\n");
    let secret = changed(&secret, "共70.00", "共75.00");
    assert!(n101(&changed(&secret, "服务类预算25.00", "服务类预算26.00")).is_empty());
    assert_eq!(unresolved(&secret), [(gongkai_model::UnresolvedReason::NotPrinted, 3)]);
}

/// The general budget's basic and project spending by economic class, the
/// line `委托业务费` in both.
const COMMISSIONED: &str = r#"2026年某市某局部门预算

第一部分 部门预算表

表6
一般公共预算基本支出表
单位：万元
科目编码	科目名称	合计	人员经费	公用经费
合计		50.00	40.00	10.00
301	工资福利支出	40.00	40.00
30101	基本工资	40.00	40.00
302	商品和服务支出	10.00		10.00
30227	委托业务费	10.00		10.00

表7
一般公共预算项目支出表（按经济分类科目）
单位：万元
科目编码	科目名称	合计
合计		20.00
302	商品和服务支出	20.00
30227	委托业务费	20.00

第二部分 部门预算情况说明

一、委托业务费安排情况
2026年本部门一般公共预算安排委托业务费30.00万元。
"#;

/// `一般公共预算安排委托业务费` where no table prints the general budget's whole
/// spending by economic class: the basic-spending table's line and the
/// project-spending table's added.
#[test]
fn a_general_budget_line_is_its_basic_and_project_lines_added() {
    assert!(n101(COMMISSIONED).is_empty(), "{:#?}", n101(COMMISSIONED));
    assert_eq!(unresolved(COMMISSIONED), []);
    one_naming(
        &n101(&changed(COMMISSIONED, "委托业务费30.00", "委托业务费31.00")),
        &["“30227 委托业务费”行与表7", "之和", "30.00"],
    );
    // A line one of the two tables does not print is not guessed as nothing.
    let one_sided = changed(
        COMMISSIONED,
        "302\t商品和服务支出\t20.00\n30227\t委托业务费\t20.00",
        "30299\t其他商品和服务支出\t20.00",
    );
    assert!(n101(&changed(&one_sided, "委托业务费30.00", "委托业务费31.00")).is_empty());
}

/// A summary whose total includes last year's money beside the year's income.
const PRIOR_MONEY: &str = r#"2026年某市某局部门预算

第一部分 部门预算表

表1
收支预算总表
单位：万元
项目	预算数	项目	预算数
财政拨款	80.00	一般公共服务支出	110.00
其他收入	10.00
本年收入合计	90.00	本年支出合计	110.00
上年结转	20.00
收入总计	110.00	支出总计	110.00

第二部分 部门预算情况说明

一、收支预算总体情况说明
当年预算收入110.00万元，其中：上年结转20.00万元、其他收入10.00万元，较上年增加5.00万元。
"#;

/// A whole whose own list names last year's money (`其中：…上年结转…`)
/// includes it: the total, not the year's subtotal.
#[test]
fn a_whole_listing_last_years_money_is_the_total() {
    assert!(n101(PRIOR_MONEY).is_empty(), "{:#?}", n101(PRIOR_MONEY));
    assert_eq!(unresolved(PRIOR_MONEY), []);
    one_naming(&n101(&changed(PRIOR_MONEY, "收入110.00", "收入111.00")), &["“收入总计”行", "110.00"]);
    // Without the carry-over in its list the figure is either line.
    let year = changed(PRIOR_MONEY, "上年结转20.00万元、", "");
    assert_eq!(unresolved(&year), [(gongkai_model::UnresolvedReason::Ambiguous, 1)]);
}

/// A fiscal summary whose spending side lists the government economic classes
/// (one amount a line), all of the fiscal allocations the general budget's.
const FISCAL_BY_CLASS: &str = r#"2026年某市某局部门预算

第一部分 部门预算表

表4
财政拨款收支总表
单位：万元
项目	预算数	项目	预算数
一般公共预算拨款	100.00	机关工资福利支出	60.00
政府性基金拨款		机关商品和服务支出	40.00
本年收入合计	100.00	本年支出合计	100.00
上年结转		结转下年
收入总计	100.00	支出总计	100.00

第二部分 部门预算情况说明

一、一般公共预算支出情况说明
按照政府预算支出经济分类的类级科目说明，机关工资福利支出60.00万元，机关商品和服务支出40.00万元。
"#;

/// A class of the general budget's spending printed only on the fiscal
/// summary is its line there — where the summary's money is all the general
/// budget's; with a carry-over beside it, the line is not the general budget's.
#[test]
fn a_general_budget_class_is_the_fiscal_summarys_line_when_all_is_general_budget() {
    use gongkai_model::UnresolvedReason as R;
    assert!(n101(FISCAL_BY_CLASS).is_empty(), "{:#?}", n101(FISCAL_BY_CLASS));
    assert_eq!(unresolved(FISCAL_BY_CLASS), []);
    one_naming(
        &n101(&changed(FISCAL_BY_CLASS, "机关工资福利支出60.00万元", "机关工资福利支出61.00万元")),
        &["机关工资福利支出", "60.00"],
    );
    let carried =
        changed(FISCAL_BY_CLASS, "上年结转\t\t", "上年结转\t10.00\t").replace("收入总计\t100.00", "收入总计\t110.00");
    assert_eq!(unresolved(&carried), [(R::SubjectUnknown, 2)]);
}

/// An amount in the reason given for a change (`主要原因是…5.00万元`) is a
/// cause, no table's figure: not printed. The same words outside a reason
/// name a subject the tables do not know.
#[test]
fn an_amount_in_the_reason_for_a_change_is_not_printed() {
    use gongkai_model::UnresolvedReason as R;
    let cause = changed(
        PRIOR_MONEY,
        "较上年增加5.00万元。",
        "较上年增加5.00万元，主要原因是2025年度结转4.00万元，某委划转某资金1.00万元。",
    );
    assert_eq!(unresolved(&cause), [(R::NotPrinted, 2)]);
    let stated = changed(PRIOR_MONEY, "较上年增加5.00万元。", "较上年增加5.00万元。某委划转某资金1.00万元。");
    assert_eq!(unresolved(&stated), [(R::SubjectUnknown, 1)]);
}

/// The numbered paragraphs after a list that state its parts again in order
/// (`（一）人员支出60.00万元` for the list's `在职人员经费60.00万元`) restate them,
/// whatever they call them; one amount out of place, and none is.
#[test]
fn paragraphs_restating_a_lists_parts_in_order_count_with_them() {
    use gongkai_model::UnresolvedReason as R;
    let text = &format!(
        "{SPENDING}{}",
        r#"一、部门预算支出具体情况
某市某局支出预算100.00万元，包括在职人员经费60.00万元、项目支出40.00万元。
（一）人员支出60.00万元，主要是在职人员工资福利支出。
（二）项目支出40.00万元，主要用于某事。
"#
    );
    assert_eq!(unresolved(text), [(R::PartOfListedWhole, 2)]);
    let out_of_place = changed(text, "（二）项目支出40.00", "（二）项目支出41.00");
    assert!(unresolved(&out_of_place).contains(&(R::SubjectUnknown, 1)), "{:?}", unresolved(&out_of_place));
}

/// A basic-spending table printing 人员经费 and 公用经费 side by side, each
/// ending with its own total line.
const SIDE_BY_SIDE: &str = r#"2026年某县某局部门预算

第一部分 部门预算表

表6
一般公共预算基本支出情况表
单位：万元
人员经费			公用经费
经济分类科目编码	经济分类科目名称	金额	经济分类科目编码	经济分类科目名称	金额
301	工资福利支出	50.00	302	商品和服务支出	20.00
30101	基本工资	50.00	30201	办公费	20.00
303	对个人和家庭的补助	10.00
30301	离休费	10.00
人员经费合计		60.00	公用经费合计		20.00

第二部分 部门预算情况说明

一、一般公共预算基本支出情况说明
人员经费60.00万元，主要包括：基本工资、离休费。公用经费20.00万元，主要包括：办公费。
"#;

/// 人员经费 and 公用经费 in the 基本支出 section are the basic-spending table's
/// lines of them where it prints no column of them.
#[test]
fn personnel_and_public_use_may_be_the_basic_tables_total_lines() {
    assert_eq!(unresolved(SIDE_BY_SIDE), []);
    one_naming(&n101(&changed(SIDE_BY_SIDE, "人员经费60.00", "人员经费61.00")), &["人员经费合计", "60.00"]);
}

/// A project table of two projects and a paragraph on one of them.
const PROJECTS: &str = r#"2026年某县某局部门预算

第一部分 部门预算表

表7
一般公共预算项目支出情况表
单位：万元
科目编码	功能分类科目名称	项目名称	项目支出合计
	总计		50.00
2010101	行政运行	甲项目	30.00
2010102	一般行政管理事务	乙项目	20.00

第二部分 部门预算情况说明

一、一般公共预算项目支出情况说明
1. 项目名称：甲项目

预算安排规模：30.00万元
"#;

/// `预算安排规模` after `项目名称：甲项目` is 甲项目's row: another project's
/// amount there is a difference, not a match.
#[test]
fn a_projects_scale_is_its_own_row() {
    assert!(n101(PROJECTS).is_empty(), "{:#?}", n101(PROJECTS));
    one_naming(&n101(&changed(PROJECTS, "规模：30.00", "规模：20.00")), &["甲项目", "30.00"]);
    // A table naming the project otherwise: every project row stays a
    // candidate, and coverage says the figures differ (not compared for sure).
    let renamed = changed(PROJECTS, "项目名称：甲项目", "项目名称：甲项目补助");
    assert_eq!(unresolved(&renamed), [(gongkai_model::UnresolvedReason::Ambiguous, 1)]);
}

/// A 决算 printing the “三公” budget beside the final accounts, and its fiscal
/// summary with the balance left at the year's end: a figure named 决算 (or
/// naming no stage) is the 决算数 column's, one named 预算 the 预算数 column's;
/// the fiscal allocations' spending is the 本年支出 line, not the total with the
/// balance; a 年初预算 no table prints is said so.
const FINAL_ACCOUNTS: &str = "某局2024年度部门决算

第二部分 某局2024年度部门决算表

财政拨款收入支出决算总表
公开04表
部门：某局
金额单位：万元
收入\t\t\t支出\t\t\t
项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算财政拨款
栏次\t\t1\t栏次\t\t2\t3
一、一般公共预算财政拨款\t1\t100.00\t一、一般公共服务支出\t33\t90.00\t90.00
本年收入合计\t27\t100.00\t本年支出合计\t59\t90.00\t90.00
年初财政拨款结转和结余\t28\t5.00\t年末财政拨款结转和结余\t60\t15.00\t15.00
一般公共预算财政拨款\t29\t5.00\t\t61\t\t
总计\t32\t105.00\t总计\t64\t105.00\t105.00

一般公共预算财政拨款“三公”经费支出决算表
公开09表
部门：某局
金额单位：万元
预算数\t\t\t\t\t\t决算数\t\t\t\t\t
合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t\t\t\t公务用车购置及运行维护费\t\t\t公务接待费
\t\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费\t合计\t因公出国（境）费\t小计\t公务用车购置费\t公务用车运行维护费\t
1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12
10.00\t3.00\t5.00\t1.00\t4.00\t2.00\t8.00\t2.00\t5.00\t1.00\t4.00\t1.00

第三部分 某局2024年度部门决算情况说明

一、财政拨款收入支出决算总体情况说明
某局2024年度财政拨款支出90.00万元，财政拨款支出年初预算120.00万元。
二、财政拨款“三公”经费支出决算情况说明
“三公”经费支出预算10.00万元，支出决算8.00万元。因公出国（境）费预算3.00万元。因公出国（境）费支出决算2.00万元。公务接待费支出决算1.00万元。
";

#[test]
fn a_final_accounts_figure_is_of_its_stage() {
    assert!(n101(FINAL_ACCOUNTS).is_empty(), "{:#?}", n101(FINAL_ACCOUNTS));
    one_naming(
        &n101(&changed(FINAL_ACCOUNTS, "因公出国（境）费支出决算2.00", "因公出国（境）费支出决算3.00")),
        &["决算数", "因公出国（境）费", "2.00"],
    );
    one_naming(
        &n101(&changed(FINAL_ACCOUNTS, "因公出国（境）费预算3.00", "因公出国（境）费预算2.00")),
        &["预算数", "3.00"],
    );
    one_naming(
        &n101(&changed(FINAL_ACCOUNTS, "公务接待费支出决算1.00", "公务接待费支出决算2.00")),
        &["决算数", "1.00"],
    );
    one_naming(&n101(&changed(FINAL_ACCOUNTS, "财政拨款支出90.00", "财政拨款支出105.00")), &["本年支出合计", "90.00"]);
    // The year's opening budget is printed nowhere.
    let reasons = unresolved(FINAL_ACCOUNTS);
    assert_eq!(reasons, [(gongkai_model::UnresolvedReason::NotPrinted, 1)]);
    // `支出决算8.00万元` after `“三公”经费支出预算…` is the “三公” total's final figure.
    one_naming(
        &n101(&changed(FINAL_ACCOUNTS, "支出决算8.00", "支出决算9.00")),
        &["“三公”经费支出决算", "决算数", "8.00"],
    );
}

/// The made-up 决算's totals and balances named as a 决算 names them: `收、支总计`
/// is the summary's 总计 (the income and spending tables hold the year's money
/// only), `年初结转和结余` and `年末结转和结余` the summary's lines.
#[test]
fn a_final_accounts_totals_and_balances_are_the_summarys_lines() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/某局-2024-final-accounts.txt"))
            .unwrap();
    assert!(n101(&text).is_empty(), "{:#?}", n101(&text));
    for (from, to, cell) in [
        ("收、支总计1,100.00", "收、支总计1,110.00", "“总计”行"),
        ("年初结转和结余120.00", "年初结转和结余121.00", "“年初结转和结余”行"),
        ("年末结转和结余160.00", "年末结转和结余161.00", "“年末结转和结余”行"),
    ] {
        let findings = n101(&changed(&text, from, to));
        assert!(!findings.is_empty() && findings.iter().all(|f| f.contains(cell)), "{from}: {findings:#?}");
    }
}

/// A “三公” table by stage rows (`预算数`, `决算数`) beside 会议费 and 培训费, its
/// one total under the group naming 三公: the “三公” total of each stage is that
/// column in that stage's row; in the section, the fiscal allocations' spending
/// named with no category is that total too.
const THREE_PUBLIC_BY_STAGE: &str = "某局2022年度部门决算

财政拨款“三公”经费及会议费、培训费支出决算表
公开09表
编制部门：某局
金额单位：万元
项目\t财政拨款安排的“三公”经费\t\t\t\t\t会议费\t培训费
\t\t\t公务用车购置及运行维护费\t\t\t\t
\t小计\t因公出国（境）费用\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费\t\t
栏次\t1\t2\t3\t4\t5\t6\t7\t8
预算数\t60.00\t\t50.00\t20.00\t30.00\t10.00\t8.00\t9.00
决算数\t55.00\t\t48.00\t20.00\t28.00\t7.00\t8.00\t9.00

第三部分 某局2022年度部门决算情况说明

一、财政拨款“三公”经费支出决算情况说明
某局2022年度“三公”经费财政拨款支出预算为60.00万元，支出决算为55.00万元。
";

#[test]
fn the_three_public_total_of_each_stage_beside_meetings_and_training() {
    assert!(n101(THREE_PUBLIC_BY_STAGE).is_empty(), "{:#?}", n101(THREE_PUBLIC_BY_STAGE));
    one_naming(&n101(&changed(THREE_PUBLIC_BY_STAGE, "预算为60.00", "预算为61.00")), &["预算数", "60.00"]);
    one_naming(&n101(&changed(THREE_PUBLIC_BY_STAGE, "决算为55.00", "决算为56.00")), &["决算数", "55.00"]);
}

/// The made-up 决算 with the forms other 决算 write: totals named as a list
/// (`收入总计、支出总计均为…`), the fiscal allocations' total (`财政拨款收支总决算`),
/// a fund's balances and flows in its section (its table's columns), and a
/// short numbered title alone on its line naming the item whose figures the
/// next line gives by stage only (`预算…，支出决算…`).
fn final_accounts_forms() -> String {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/某局-2024-final-accounts.txt"))
            .unwrap();
    let text =
        changed(&text, "某市某局2024年度收、支总计1,100.00万元", "某市某局2024年度收入总计、支出总计均为1,100.00万元");
    let text = changed(&text, "2024年度财政拨款收入、支出总计1,050.00万元", "2024年度财政拨款收支总决算1,050.00万元");
    let text = changed(
        &text,
        "2024年度政府性基金预算财政拨款支出60.00万元。",
        "2024年度政府性基金预算财政拨款年初结转和结余20.00万元，收入决算50.00万元，支出决算60.00万元，年末结转和结余10.00万元。\n1.城乡社区支出（类）国有土地使用权出让收入安排的支出（款）其他国有土地使用权出让收入安排的支出（项）。本年支出决算60.00万元。",
    );
    changed(
        &text,
        "公务用车购置及运行维护费支出决算12.00万元。",
        "1．公务用车购置及运行维护费支出情况说明。\n预算12.00万元，支出决算12.00万元。",
    )
}

#[test]
fn a_final_accounts_lists_totals_and_fund_flows_are_its_tables_cells() {
    let text = final_accounts_forms();
    assert!(n101(&text).is_empty(), "{:#?}", n101(&text));
    for (from, to, words) in [
        ("均为1,100.00", "均为1,101.00", &["收入总计、支出总计", "“总计”行"][..]),
        ("收支总决算1,050.00", "收支总决算1,051.00", &["财政拨款收入支出决算总表", "“总计”行"]),
        // `其中：财政拨款收入…` in the income section: the year's income by source.
        ("财政拨款收入950.00", "财政拨款收入951.00", &["“财政拨款收入”列", "950.00"]),
        ("年初结转和结余20.00", "年初结转和结余21.00", &["政府性基金", "“年初结转和结余”列"]),
        ("收入决算50.00", "收入决算51.00", &["政府性基金", "“本年收入”列"]),
        ("支出决算60.00", "支出决算61.00", &["政府性基金", "“小计”列"]),
        ("年末结转和结余10.00", "年末结转和结余11.00", &["政府性基金", "“年末结转和结余”列"]),
        // A per-code paragraph of the fund: its row's spending.
        ("本年支出决算60.00", "本年支出决算62.00", &["2120899", "“小计”列"]),
        ("预算12.00万元，", "预算13.00万元，", &["公务用车购置及运行维护费", "预算数", "12.00"]),
        ("，支出决算12.00", "，支出决算14.00", &["公务用车购置及运行维护费", "决算数", "12.00"]),
    ] {
        one_naming(&n101(&changed(&text, from, to)), words);
    }
}

/// A per-code paragraph naming its 款 by the name the catalog gave that code
/// in another year (20805 was `行政事业单位离退休` until 2019) designates the
/// row of that code: its figure is compared (N105 and G106 report the name).
/// A 款 named as another code is no name of this row: nothing is compared.
const OLD_NAME: &str = "某局2024年度部门决算

一般公共预算财政拨款支出决算表
公开05表
部门：某局
金额单位：万元
项目\t\t本年支出\t\t
科目代码\t科目名称\t小计\t基本支出\t项目支出
栏次\t\t1\t2\t3
合计\t\t60.00\t60.00\t
208\t社会保障和就业支出\t60.00\t60.00\t
20805\t行政事业单位养老支出\t60.00\t60.00\t
2080505\t机关事业单位基本养老保险缴费支出\t60.00\t60.00\t

第三部分 某局2024年度部门决算情况说明

一、一般公共预算财政拨款支出决算情况说明
1.社会保障和就业支出（类）行政事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）。支出决算为60.00万元。
";

#[test]
fn a_code_named_by_another_years_name_is_that_codes_row() {
    assert!(n101(OLD_NAME).is_empty(), "{:#?}", n101(OLD_NAME));
    one_naming(&n101(&changed(OLD_NAME, "为60.00万元", "为61.00万元")), &["2080505", "60.00"]);
    let another = changed(OLD_NAME, "行政事业单位离退休（款）", "行政事业单位医疗（款）");
    assert!(n101(&changed(&another, "为60.00万元", "为61.00万元")).is_empty());
}

/// An average (`平均每辆…`) is printed by no table: not printed, not unknown.
#[test]
fn an_average_is_not_printed() {
    use gongkai_model::UnresolvedReason::NotPrinted;
    let before = final_accounts_forms();
    let after = changed(
        &before,
        "公务接待费支出决算3.00万元。",
        "公务接待费支出决算3.00万元。购置公务用车2辆，平均每辆6.00万元。",
    );
    let not_printed = |text: &str| unresolved(text).iter().find(|(r, _)| *r == NotPrinted).map_or(0, |(_, n)| *n);
    assert_eq!(not_printed(&after), not_printed(&before) + 1, "{:?}", unresolved(&after));
    assert_eq!(unresolved(&after).len(), 1, "{:?}", unresolved(&after));
}

/// A 决算's `本年收入合计` is 表1's line of that name, not its 总计 (which adds the
/// opening balance): stated as the 总计, it is reported.
#[test]
fn the_years_income_total_is_its_line_not_the_sides_total() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/某局-2024-final-accounts.txt"))
            .expect("the made-up 决算");
    assert!(n101(&text).is_empty(), "{:#?}", n101(&text));
    one_naming(&n101(&changed(&text, "本年收入合计980.00万元", "本年收入合计1,100.00万元")), &["本年收入合计", "980"]);
}

/// A per-code paragraph that states last year's execution first (`2025年预算执行数
/// 为B万元，2026年预算安排A万元，…`): A is this year's budget, compared with the table's
/// row; the stage words of B's clause are not A's.
#[test]
fn this_years_figure_after_last_years_execution_is_the_budgets() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/qitai-2024-budget.txt"))
        .expect("example");
    let paragraph = "2024年预算数为376.61万元，比上年预算减少11.74万元，下降3.02%";
    let stated_first = changed(
        &text,
        paragraph,
        "2023年预算执行数为388.35万元，2024年预算安排376.61万元，比2023年预算执行数下降3.02%",
    );
    assert!(n101(&stated_first).is_empty(), "{:#?}", n101(&stated_first));
    one_naming(
        &n101(&changed(&stated_first, "预算安排376.61万元", "预算安排380.00万元")),
        &["380.00", "2080101", "376.61"],
    );
}
