//! The national 决算 format's tables, each a few lines of rebuilt text with
//! made-up figures: the number under the title, row-number (`行次`) columns,
//! column-number (`栏次`) rows, the funds' carry-over under its line, and the
//! budget beside the final accounts.

mod common;

use common::import;
use gongkai_model::{DocumentKind, Measure, RowRole, Side, Stage, TableKind};

/// The 财政拨款收入支出决算总表: each side's rows numbered in a `行次` column,
/// the columns numbered in a `栏次` row, the opening balance split by fund
/// under its line.
const FISCAL_SUMMARY: &str = "\
某局2024年度部门决算

财政拨款收入支出决算总表
公开04表
部门：某局
金额单位：万元
收入\t\t\t支出\t\t\t\t
项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款
栏次\t\t1\t栏次\t\t2\t3\t4
一、一般公共预算财政拨款\t1\t100.00\t一、一般公共服务支出\t33\t110.00\t100.00\t10.00
二、政府性基金预算财政拨款\t2\t10.00\t二、外交支出\t34\t\t\t
本年收入合计\t27\t110.00\t本年支出合计\t59\t110.00\t100.00\t10.00
年初财政拨款结转和结余\t28\t7.00\t年末财政拨款结转和结余\t60\t7.00\t5.00\t2.00
一般公共预算财政拨款\t29\t5.00\t\t61\t\t\t
政府性基金预算财政拨款\t30\t2.00\t\t62\t\t\t
总计\t32\t117.00\t总计\t64\t117.00\t105.00\t12.00
注：本表反映部门本年度财政拨款的总收支和年末结转结余情况。
";

#[test]
fn the_number_under_the_title_and_row_numbers_are_no_amounts() {
    let doc = import(FISCAL_SUMMARY).document;
    assert_eq!(doc.meta.kind, DocumentKind::FinalAccounts);
    let table = doc.tables.iter().find(|t| t.kind == TableKind::FiscalAllocationSummary).expect("table read");
    assert_eq!(table.number, Some(4));
    assert_eq!(table.compiled_by.as_deref(), Some("某局"));
    let income = table.side(Side::Income).unwrap();
    assert_eq!(income.columns.len(), 1, "{:?}", income.columns);
    let amounts = |label: &str| -> Vec<String> {
        let row =
            income.rows.iter().find(|r| r.label == label).unwrap_or_else(|| panic!("{label}: {:#?}", income.rows));
        row.cells.iter().map(|c| c.amount.map(|a| a.to_string()).unwrap_or_default()).collect()
    };
    assert_eq!(amounts("本年收入合计"), ["110.00"]);
    assert_eq!(income.total_row().map(|r| r.cells[0].amount.unwrap().to_string()), Some("117.00".into()));
    // Each budget's allocation is its own line.
    assert_eq!(income.rows[0].measure, Some(Measure::GeneralBudget));
    assert_eq!(income.rows[1].measure, Some(Measure::GovernmentFund));
    // The funds' opening balances hang from the opening balance line.
    let opening = income.rows.iter().position(|r| r.label == "年初财政拨款结转和结余").unwrap();
    let parts: Vec<&str> =
        income.rows.iter().filter(|r| r.part_of == u32::try_from(opening).ok()).map(|r| r.label.as_str()).collect();
    assert_eq!(parts, ["一般公共预算财政拨款", "政府性基金预算财政拨款"]);
    let spending = table.side(Side::Expenditure).unwrap();
    let measures: Vec<&Measure> = spending.columns.iter().map(|c| &c.measure).collect();
    assert_eq!(measures, [&Measure::Total, &Measure::GeneralBudget, &Measure::GovernmentFund]);
    assert!(spending.rows.iter().all(|r| r.role != RowRole::Total || r.label == "总计"));
}

/// The 收入支出决算总表 continued on a new page under its header printed again,
/// `栏次` row included: the numbering row is no row of either side, and the
/// table reads as when printed on one page.
#[test]
fn a_two_sided_tables_numbering_row_printed_again_is_no_row() {
    let page = |continued: bool| {
        let repeat = if continued {
            "\u{c}收入\t\t\t支出\t\t\n项目\t行次\t金额\t项目\t行次\t金额\n栏次\t\t1\t栏次\t\t2\n"
        } else {
            ""
        };
        format!(
            "某局2024年度部门决算\n\n收入支出决算总表\n公开01表\n部门：某局\n金额单位：万元\n\
             收入\t\t\t支出\t\t\n项目\t行次\t金额\t项目\t行次\t金额\n栏次\t\t1\t栏次\t\t2\n\
             一、一般公共预算财政拨款收入\t1\t100.00\t一、一般公共服务支出\t32\t90.00\n\
             二、政府性基金预算财政拨款收入\t2\t\t\t33\t\n\
             三、事业收入\t3\t\t\t34\t\n{repeat}\
             四、其他收入\t4\t10.00\t\t35\t\n\
             本年收入合计\t27\t110.00\t本年支出合计\t57\t90.00\n\
             年初结转和结余\t29\t5.00\t年末结转和结余\t59\t25.00\n\
             总计\t30\t115.00\t总计\t60\t115.00\n"
        )
    };
    let rows = |text: &str| {
        let doc = import(text).document;
        let table = doc.tables.iter().find(|t| t.kind == TableKind::IncomeExpenditureSummary).expect("table read");
        [Side::Income, Side::Expenditure].map(|side| {
            table
                .side(side)
                .unwrap()
                .rows
                .iter()
                .map(|r| {
                    (r.label.clone(), r.part_of, r.cells.iter().map(|c| c.amount.map(|a| a.to_string())).collect())
                })
                .collect::<Vec<(String, Option<u32>, Vec<Option<String>>)>>()
        })
    };
    let once = rows(&page(false));
    assert!(once[0].iter().all(|(label, ..)| label != "栏次"), "{once:#?}");
    assert_eq!(rows(&page(true)), once);
}

/// The basic-spending table in panels (人员经费 | 公用经费) continued on a new page
/// under its two header rows printed again: the group row (`人员经费 | 公用经费`)
/// is no row of either panel.
#[test]
fn a_panel_tables_header_printed_again_is_no_row() {
    let page = |continued: bool| {
        let repeat = if continued {
            "\u{c}人员经费\t\t\t公用经费\t\t\n科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数\n"
        } else {
            ""
        };
        format!(
            "某局2024年度部门决算\n\n一般公共预算财政拨款基本支出决算表\n公开06表\n部门：某局\n金额单位：万元\n\
             人员经费\t\t\t公用经费\t\t\n科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数\n\
             301\t工资福利支出\t50.00\t302\t商品和服务支出\t12.00\n\
             30101\t基本工资\t30.00\t30201\t办公费\t5.00\n{repeat}\
             30102\t津贴补贴\t20.00\t30211\t差旅费\t7.00\n\
             人员经费合计\t\t50.00\t公用经费合计\t\t12.00\n"
        )
    };
    let rows = |text: &str| {
        let doc = import(text).document;
        let table = doc.tables.iter().find(|t| t.kind == TableKind::GeneralBudgetBasicExpenditure).expect("table read");
        table
            .main()
            .unwrap()
            .rows
            .iter()
            .map(|r| (r.label.clone(), r.cells.iter().map(|c| c.amount.map(|a| a.to_string())).collect()))
            .collect::<Vec<(String, Vec<Option<String>>)>>()
    };
    let once = rows(&page(false));
    assert_eq!(once.len(), 8, "{once:#?}");
    assert_eq!(rows(&page(true)), once);
}

/// A number line under a title is the title's unless another title follows it:
/// then it is that table's number printed above its title.
#[test]
fn a_number_above_the_next_title_stays_the_next_tables() {
    let text = "\
某局2026年部门预算

收入总表
单位：万元
科目编码\t科目名称\t合计\t一般公共预算
\t合计\t10.00\t10.00
表2
支出总表
单位：万元
科目编码\t科目名称\t合计\t基本支出
\t合计\t10.00\t10.00
";
    let doc = import(text).document;
    let numbers: Vec<(TableKind, Option<u32>)> = doc.tables.iter().map(|t| (t.kind, t.number)).collect();
    assert_eq!(numbers, [(TableKind::IncomeSummary, None), (TableKind::ExpenditureSummary, Some(2))]);
}

/// The “三公” table printing the budget and the final accounts side by side:
/// each column knows its stage, and a label printed a row higher heads its own
/// column (`公务接待费` beside the bottom row's `公务用车运行维护费`).
#[test]
fn the_budget_beside_the_final_accounts_keeps_each_columns_stage() {
    let text = "\
某局2024年度部门决算

一般公共预算财政拨款“三公”经费支出决算表
公开09表
部门：某局
金额单位：万元
预算数\t\t\t\t\t\t决算数\t\t\t\t\t
合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t\t\t\t公务用车购置及运行维护费\t\t\t公务接待费
\t\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费\t合计\t因公出国（境）费\t小计\t公务用车购置费\t公务用车运行维护费\t
1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12
10.00\t3.00\t5.00\t1.00\t4.00\t2.00\t8.00\t2.00\t5.00\t1.00\t4.00\t1.00
";
    let doc = import(text).document;
    let table = doc.tables.iter().find(|t| t.kind == TableKind::ThreePublicExpenses).expect("table read");
    let columns: Vec<(Option<Stage>, &Measure)> =
        table.parts[0].columns.iter().map(|c| (c.stage(), &c.measure)).collect();
    let (b, f) = (Some(Stage::Budget), Some(Stage::Final));
    assert_eq!(
        columns,
        [
            (b, &Measure::Total),
            (b, &Measure::Abroad),
            (b, &Measure::Vehicles),
            (b, &Measure::VehiclePurchase),
            (b, &Measure::VehicleOperation),
            (b, &Measure::Reception),
            (f, &Measure::Total),
            (f, &Measure::Abroad),
            (f, &Measure::Vehicles),
            (f, &Measure::VehiclePurchase),
            (f, &Measure::VehicleOperation),
            (f, &Measure::Reception),
        ]
    );
}

/// A 目录 grid whose names column is headed `内容` (`序号 | 内容 | 是否空表 |
/// 表格为空的理由`): its `是` declares the table empty.
#[test]
fn a_contents_grid_headed_content_declares_tables_empty() {
    let text = "\
某局2024年度部门决算

第三部分2024年度部门决算表
目录
序号\t内容\t是否空表\t表格为空的理由
表8\t国有资本经营预算财政拨款支出决算表\t是\t本部门不涉及故公开空表

国有资本经营预算财政拨款支出决算表
公开08表
部门：某局
金额单位：万元
项目\t\t本年支出\t\t
科目代码\t科目名称\t小计\t基本支出\t项目支出
\t栏次\t1\t2\t3
\t合计\t\t\t
注：本表反映部门本年度国有资本经营预算财政拨款支出情况。
";
    let doc = import(text).document;
    let table = doc.tables.iter().find(|t| t.kind == TableKind::StateCapitalExpenditure).expect("table read");
    let statement = table.empty_statement.as_ref().expect("declared empty in the contents");
    assert!(statement.text.contains("本部门不涉及故公开空表"), "{}", statement.text);
}

/// A per-code paragraph whose chain of names stands on a line of its own (a
/// paragraph by itself, ending `。`): the figures of the next paragraph are that
/// chain's, the budget's and the outturn's.
#[test]
fn a_chain_of_names_on_its_own_line_titles_the_next_paragraph() {
    let text = "\
某局2024年度部门决算

第三部分 某局2024年度部门决算情况说明
四、财政拨款收入支出决算总体情况说明
2.一般公共服务（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）。
年初预算为590.53万元，支出决算为4.70万元，完成年初预算的0.80%。
3.住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为676.00万元，支出决算为586.32万元。
";
    let doc = import(text).document;
    let coded: Vec<(&str, usize)> = doc
        .claims
        .iter()
        .filter(|c| c.amount.is_some())
        .map(|c| (c.subject.label.as_str(), c.subject.names.len()))
        .collect();
    assert_eq!(
        coded,
        [("一般行政管理事务", 3), ("一般行政管理事务支出决算", 3), ("住房公积金", 3), ("住房公积金支出决算", 3)]
    );
    // The figures keep their own lines.
    let budget = doc.claims.iter().find(|c| c.subject.label == "一般行政管理事务").unwrap();
    assert_eq!(budget.amount_at.as_ref().map(|a| a.line), Some(6));
}
