//! Rules on the table layouts of templates other than the bundled example's,
//! each a few lines of rebuilt text (as the PDF reader writes it): the layout
//! read right and checked, and one figure changed so that the rule must fire.
//! `check(rule, text, expect)` runs one rule and compares the findings' rows
//! and messages with `expect` (one line per finding; empty: no finding).

use gongkai_rules::{Config, Engine};

fn check(rule: &str, text: &str, expect: &[&str]) {
    let imported = gongkai_import::import_text(text, "layout.txt", &Default::default()).expect("imports");
    let config = Config { select: vec![rule.to_owned()], ..Config::default() };
    let findings = Engine::new(config).unwrap().check(&imported.document);
    let got: Vec<String> =
        findings.iter().filter(|f| f.rule == rule).map(|f| format!("{:?} {}", f.severity, f.message)).collect();
    assert_eq!(got.len(), expect.len(), "{got:#?}");
    for (g, e) in got.iter().zip(expect) {
        assert!(g.contains(e), "`{g}` does not contain `{e}`");
    }
}

/// A table by unit code: the department's line is the sum of its units'.
const BY_UNIT: &str = "\
2026年某局部门预算
表2 收入总表
单位：万元
单位编码\t单位名称\t合计\t一般公共预算
合计\t\t30.00\t30.00
153\t某局\t30.00\t30.00
153001\t某局本级\t10.00\t10.00
153002\t某局直属单位\t20.00\t20.00
";

#[test]
fn a_department_line_is_the_sum_of_its_units() {
    check("A101", BY_UNIT, &[]);
    let changed = BY_UNIT.replace("153002\t某局直属单位\t20.00\t20.00", "153002\t某局直属单位\t21.00\t20.00");
    check("A101", &changed, &["Error 表2“收入总表” “153 某局”行 “合计”列为 30.00，但所属各行合计为 31.00"]);
}

/// 广州's project table: 总计 = 财政拨款/合计 + 财政专户 + 其他资金, the group's
/// 合计 = its budgets, and a text column (绩效目标) that is no money.
const PROJECTS: &str = "\
2026年某局部门预算
表12 部门预算项目支出及其他支出预算表
单位：万元
支出项目类别\t总计\t财政拨款\t\t\t财政专户拨款\t其他资金\t绩效目标
\t\t合计\t一般公共预算\t政府性基金预算\t\t\t
合计\t100.00\t90.00\t80.00\t10.00\t4.00\t6.00\t
某局\t100.00\t90.00\t80.00\t10.00\t4.00\t6.00\t
运营项目\t100.00\t90.00\t80.00\t10.00\t4.00\t6.00\t完成年度运营目标。
";

#[test]
fn a_project_row_adds_up_across_its_fund_columns() {
    check("A102", PROJECTS, &[]);
    let changed = PROJECTS.replace("运营项目\t100.00\t90.00\t80.00", "运营项目\t100.00\t90.00\t81.00");
    check("A102", &changed, &["“运营项目”行 “合计”列为 90.00，但“一般公共预算”列 + “政府性基金预算”列合计为 91.00"]);
}

/// 杭州's 一般公共预算支出表 spends last year's general-budget carry-over too:
/// 表5's 合计 is 表2's 本年 plus 上年结转 一般公共预算; a wrong 表5 total is
/// reported against that sum.
const CARRY_OVER: &str = "\
2026年某局部门预算
表2 收入总表
单位：万元
单位名称\t总计\t本年收入\t\t上年结转结余\t
\t\t小计\t一般公共预算\t小计\t一般公共预算
**\t1\t2\t3\t4\t5
合计\t110.00\t100.00\t100.00\t10.00\t10.00
表5 一般公共预算支出表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
合计\t\t110.00\t60.00\t50.00
";

#[test]
fn a_fund_table_spending_the_carry_over_is_compared_with_both() {
    check("X104", CARRY_OVER, &[]);
    let changed = CARRY_OVER.replace("合计\t\t110.00\t60.00\t50.00", "合计\t\t111.00\t60.00\t50.00");
    check(
        "X104",
        &changed,
        &["“本年收入”下的“一般公共预算”列 + 表2“收入总表” “合计”行 “上年结转结余”下的“一般公共预算”列 合计为 110.00"],
    );
}

/// 杭州's 收支总表 prints its spending side by name, every level: the codes
/// come from the names (inferred), and each code is compared with 表3's — as a
/// warning, since the codes were read from names.
const SPENDING_BY_NAME: &str = "\
2026年某局部门预算
表1 收支总表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一、财政拨款\t50.00\t一般公共服务支出\t50.00
一般公共预算\t50.00\t其他一般公共服务支出\t50.00
\t\t其他一般公共服务支出\t50.00
收入总计\t50.00\t支出总计\t50.00
表3 支出总表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
合计\t\t50.00\t\t50.00
201\t一般公共服务支出\t50.00\t\t50.00
20199\t其他一般公共服务支出\t50.00\t\t50.00
2019999\t其他一般公共服务支出\t50.00\t\t50.00
";

#[test]
fn a_summary_spending_side_by_name_is_compared_code_by_code() {
    check("X101", SPENDING_BY_NAME, &[]);
    let changed = SPENDING_BY_NAME.replace(
        "一般公共预算\t50.00\t其他一般公共服务支出\t50.00",
        "一般公共预算\t50.00\t其他一般公共服务支出\t51.00",
    );
    check("X101", &changed, &["Warning 表1“收支总表” 20199 其他一般公共服务支出 “预算数”列为 51.00"]);
}

/// 陕西's 专项业务经费 list: under each unit, categories and projects printed
/// alike, a name and an amount, no code, no indent. Each category is the sum of
/// the rows right below it, which is how they nest; a changed project amount
/// leaves one group failing, reported as a warning (the nesting is inferred).
const PROJECT_LIST: &str = "\
2026年某局部门预算
表10 部门综合预算专项业务经费支出表
单位：元
单位编码\t单位（项目）名称\t项目金额\t项目简介
合计\t\t175.00\t
153001\t某局\t175.00\t
\t通用项目\t100.00\t
\t办公场所租赁\t60.00\t
\t甲业务用房租赁\t20.00\t
\t乙业务用房租赁\t40.00\t
\t物业管理服务\t40.00\t
\t食堂包厨\t40.00\t
\t专用项目\t75.00\t
\t业务费\t75.00\t
\t办案差旅费\t30.00\t
\t协助破案费\t45.00\t
";

#[test]
fn a_list_without_levels_nests_by_its_sums() {
    check("A101", PROJECT_LIST, &[]);
    check("A102", PROJECT_LIST, &[]);
    let changed = PROJECT_LIST.replace("\t办案差旅费\t30.00", "\t办案差旅费\t31.00");
    let imported = gongkai_import::import_text(&changed, "layout.txt", &Default::default()).expect("imports");
    let findings = Engine::new(Config::default()).unwrap().check(&imported.document);
    let sums: Vec<_> = findings.iter().filter(|f| f.rule.starts_with('A')).collect();
    assert!(!sums.is_empty(), "the changed amount is found");
    assert!(sums.iter().all(|f| f.severity == gongkai_model::Severity::Warning), "{sums:#?}");
    let line = changed.lines().position(|l| l.contains("办案差旅费")).unwrap() as u32 + 1;
    assert!(sums.iter().any(|f| f.locations.iter().any(|l| l.at.line == line)), "{sums:#?}");
}

/// A list running over pages prints its title and header again on each; the
/// header's merged cell may wrap on one page (`购买服` over `务内容`) and not on
/// the next. Neither is a row of the unit above it: the unit's purchases still
/// add up.
const PURCHASES: &str = "\
2026年某局部门预算
表12
某局政府采购（资产配置、购买服务）
预算表（不含上年结转）
单位：万元
科目编码\t\t\t单位编码\t采购项目\t采购目录\t购买服\t数量\t预算金额
类\t款\t项\t\t\t\t务内容\t\t
204\t02\t02\t153001\t某局\t\t\t\t60.00
204\t02\t02\t\t办公设备购置\tA02010104台式计算机\t\t30\t10.00
某局政府采购（资产配置、购买服务）
预算表（不含上年结转）
科目编码\t\t\t单位编码\t采购项目\t采购目录\t购买服务内容\t数量\t预算金额
类\t款\t项\t\t\t\t\t\t
204\t02\t02\t\t城市交通秩序管理咨询\tC20030400社会与管理咨询服务\t\t1\t20.00
204\t02\t02\t\t交通标线施划\tC15030500城市交通管理和养护服务\t\t1\t30.00
";

#[test]
fn a_header_repeated_on_the_next_page_is_no_row() {
    check("A101", PURCHASES, &[]);
    let changed = PURCHASES.replace(
        "交通标线施划\tC15030500城市交通管理和养护服务\t\t1\t30.00",
        "交通标线施划\tC15030500城市交通管理和养护服务\t\t1\t31.00",
    );
    check("A101", &changed, &["Warning"]);
}

/// 深圳's 三公 table: 总计 | 因公出国(境)费 | 公务接待费 merged down beside the
/// 公务用车购置及运行维护费 group, each over the three funds. Per fund the
/// categories add up.
const THREE_PUBLIC_GRID: &str = "\
2026年某局部门预算
表9 财政拨款“三公”经费支出表
单位：万元
预算单位\t年度\t\t\t\t\t\t\t\t\t\t\t公务用车购置及运行维护费
\t\t总计\t\t\t因公出国(境)费\t\t\t公务接待费\t\t\t小计\t\t\t公务用车购置费\t\t\t公务用车运行维护费
\t\t一般公共预算\t政府性基金预算\t国有资本经营预算\t一般公共预算\t政府性基金预算\t国有资本经营预算\t一般公共预算\t政府性基金预算\t国有资本经营预算\t一般公共预算\t政府性基金预算\t国有资本经营预算\t一般公共预算\t政府性基金预算\t国有资本经营预算\t一般公共预算\t政府性基金预算\t国有资本经营预算
某局\t2026年\t53.09\t0.00\t0.00\t38.40\t0.00\t0.00\t9.09\t0.00\t0.00\t5.60\t0.00\t0.00\t0.00\t0.00\t0.00\t5.60\t0.00\t0.00
";

#[test]
fn a_grid_header_adds_up_per_fund() {
    check("A102", THREE_PUBLIC_GRID, &[]);
    let changed = THREE_PUBLIC_GRID.replace("\t9.09\t0.00", "\t10.09\t0.00");
    check("A102", &changed, &["“总计”下的“一般公共预算”列为 53.09"]);
}

/// A “三公” table printing its categories as columns, one line of amounts
/// and no 合计 line (重庆, 无锡, 上海): the explanation's 公务接待费 is that
/// line's 公务接待费 cell.
const THREE_PUBLIC_COLUMNS: &str = "\
2026年某局部门预算
第二部分 部门预算情况说明
一、“三公”经费预算情况说明
2026年“三公”经费预算数为6.00万元，其中：因公出国（境）费1.00万元，公务接待费2.00万元，公务用车购置及运行费3.00万元。
第三部分 部门预算表
表8 “三公”经费支出预算表
单位：万元
合计\t因公出国(境)费\t公务用车购置及运行费\t\t\t公务接待费
\t\t小计\t公务用车购置费\t公务用车运行费\t
6.00\t1.00\t3.00\t0.00\t3.00\t2.00
";

#[test]
fn a_claim_of_a_category_printed_as_a_column() {
    check("N101", THREE_PUBLIC_COLUMNS, &[]);
    let changed = THREE_PUBLIC_COLUMNS.replace("公务接待费2.00万元", "公务接待费2.50万元");
    check("N101", &changed, &["公务接待费"]);
}

/// The procurement budget as a whole is the procurement table's total (a
/// table in 元 whose one amount column is headed 预算金额, 西安).
#[test]
fn the_procurement_budget_is_the_procurement_tables_total() {
    let text = |amount: &str| {
        format!(
            "\
2026年某局部门预算
第一部分 部门预算情况说明
一、政府采购情况
当年本部门政府采购预算共{amount}万元，其中：政府采购服务类预算{amount}万元。
第二部分 公开报表
表12
部门综合预算政府采购预算表
单位：元
采购项目\t预算金额\t说明
合计\t4,020,000.00\t
办公设备\t4,020,000.00\t
"
        )
    };
    check("N101", &text("402.00"), &[]);
    check("N101", &text("420.00"), &["Error 政府采购情况：“政府采购预算”写作 420.00 万元，但表12"]);
}

/// 杭州's 支出总表 prints its 类/款/项 by name only, and one 项 name the catalog
/// does not know stays uncoded among its 款's rows: the 款's children are not
/// known, so its sum is not checked (rather than reported short by that row).
/// The other parents still are.
#[test]
fn a_parent_with_an_uncoded_row_among_its_children_is_not_summed() {
    let text = |known: &str| {
        format!(
            "\
2026年某局部门预算
表3 支出总表
单位：万元
科目名称\t合计\t基本支出\t项目支出
合计\t60.00\t40.00\t20.00
公共安全支出\t60.00\t40.00\t20.00
监狱\t60.00\t40.00\t20.00
行政运行\t40.00\t40.00\t
某某新设事务\t15.00\t\t15.00
其他监狱支出\t{known}\t\t5.00
"
        )
    };
    check("A101", &text("5.00"), &[]);
    // A wrong figure among the known rows still shows in its own row.
    check("A102", &text("6.00"), &["其他监狱支出"]);
}

/// A “三公” table printing 合计 (with 会议费 and 培训费) and the “三公” 小计
/// beside them: 小计 = the three categories, 合计 = 小计 + 会议费 + 培训费.
const THREE_WITH_MEETINGS: &str = "\
2026年某局部门预算
表9 一般公共预算“三公”经费及会议费、培训费支出预算表
单位：万元
单位名称\t“三公”经费预算\t\t\t\t\t\t\t\t
\t合计\t小计\t因公出国（境）费用\t公务接待费\t公务用车购置及运行维护费\t\t\t会议费\t培训费
\t\t\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t
某局\t20.00\t12.00\t2.00\t4.00\t6.00\t0.00\t6.00\t3.00\t5.00
";

#[test]
fn the_three_public_subtotal_and_the_total_with_meetings_and_training() {
    check("A104", THREE_WITH_MEETINGS, &[]);
    let changed = THREE_WITH_MEETINGS.replace("某局\t20.00", "某局\t21.00");
    check(
        "A104",
        &changed,
        &["“合计”列 “某局”行为 21.00，但““三公”经费预算”下的“小计”列 + “会议费”列 + “培训费”列合计为 20.00"],
    );
    let changed = THREE_WITH_MEETINGS.replace("\t12.00\t2.00", "\t13.00\t2.00");
    check("A104", &changed, &["“小计”列 “某局”行为 13.00", "“合计”列 “某局”行为 20.00"]);
}
