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
    check("A101", &changed, &["Error “表2 收入总表” “153 某局”行 “合计”列为 30.00，但所属各行合计为 31.00"]);
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
        &["“本年收入”下的“一般公共预算”列 + “表2 收入总表” “合计”行 “上年结转结余”下的“一般公共预算”列 合计为 110.00"],
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
    check("X101", &changed, &["Warning “表1 收支总表” 20199 其他一般公共服务支出 “预算数”列为 51.00"]);
}
