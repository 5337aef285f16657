use gongkai_model::{Measure, Row, RowRole, Side, Table, TableKind, TablePart};

use crate::context::{cell_location, column_name, difference_note, row_name, show};
use crate::rules::cross_table::in_carry_over;
use crate::rules::narrative::resolve::Cell;
use crate::tolerance::Comparison;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A 决算's balances carry over: for each budget (一般公共预算, 政府性基金,
    /// 国有资本经营), 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余.
    /// - In the 财政拨款收入支出决算总表: the budget's opening balance (its line
    ///   under 年初财政拨款结转和结余), its income of the year (its numbered line),
    ///   its spending (the 本年支出合计 line, in the budget's column) and its
    ///   closing balance (the 年末财政拨款结转和结余 line, in the budget's column).
    /// - In a fund's own table (政府性基金 / 国有资本经营预算财政拨款收入支出决算表),
    ///   every row printing 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余.
    ///
    /// A budget whose figures the table does not print apart (no opening line of
    /// its own, no column of its own) is not checked; the totals of both sides are
    /// A103's. A budget's own 财政拨款收支总表 printing the same lines (上年结转 by
    /// budget, 本年支出, 结转下年 by budget) is held to the same identity.
    ///
    /// ## Why it matters
    /// The year-end balance is the money a department carries into next year; a
    /// balance that does not follow from the opening balance, the year's
    /// allocation and the year's spending misstates either what was spent or what
    /// is left, and the next year's budget starts from it.
    ///
    /// ## Example
    /// 某局's 表4: 一般公共预算财政拨款 opening 80.00, income 900.00, spending
    /// 850.00 — the closing balance must be 130.00; printed 140.00, it is 10.00
    /// too much.
    pub struct CarryOverIdentity {
        id: "D101", name: "carry-over-identity", category: FinalAccounts, severity: Error,
        title_zh: "决算结转结余衔接：年初结转和结余加本年收入减本年支出等于年末结转和结余（分资金来源）",
        doc_zh: r#"
## 检查内容
决算的结转结余前后衔接：每一类预算资金（一般公共预算、政府性基金、国有资本经营）
都应满足 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余。
- 财政拨款收入支出决算总表：该类预算的年初结转和结余（“年初财政拨款结转和结余”
  下该预算的行）、本年收入（该预算的收入行）、本年支出（“本年支出合计”行中该预算
  的列）和年末结转和结余（“年末财政拨款结转和结余”行中该预算的列）。
- 政府性基金、国有资本经营预算财政拨款收入支出决算表：印有“年初结转和结余 | 本年
  收入 | 本年支出 | 年末结转和结余”的每一行。

表中没有单独列示的预算资金（没有自己的年初行或自己的列）不核对；两方总计是否相等
由 A103 核对。预算公开中的财政拨款收支总表若印有同样的行（分预算的上年结转、本年
支出、分预算的结转下年），按同一关系核对。

## 为何重要
年末结转和结余是部门带入下一年度的资金。它若不能由年初结转和结余、本年拨款和本年
支出推出，说明要么支出数、要么结余数有误，而下一年度的预算正是从这个数开始的。

## 示例
某局表4：一般公共预算财政拨款年初结转和结余 80.00，本年收入 900.00，本年支出
850.00，年末结转和结余应为 130.00；表中印作 140.00，多了 10.00。
"#,
    }
}

impl Rule for CarryOverIdentity {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        if let Some(table) = ctx.table(TableKind::FiscalAllocationSummary) {
            by_budget(ctx, table, out);
        }
        for kind in [TableKind::GovernmentFundExpenditure, TableKind::StateCapitalExpenditure] {
            for table in ctx.doc.tables.iter().filter(|t| t.kind == kind) {
                for part in &table.parts {
                    by_row(ctx, table, part, out);
                }
            }
        }
    }
}

const BUDGETS: [Measure; 3] = [Measure::GeneralBudget, Measure::GovernmentFund, Measure::StateCapital];

/// How a figure of the identity is named in a message.
fn name(c: &Cell<'_>) -> String {
    format!("{}{}", row_name(c.row), column_name(c.part, c.column))
}

/// The fiscal summary, budget by budget.
fn by_budget(ctx: &Context<'_>, table: &Table, out: &mut Findings) {
    let (Some(income), Some(spending)) = (table.side(Side::Income), table.side(Side::Expenditure)) else { return };
    let Some(income_column) = income.column(&Measure::BudgetAmount).or_else(|| income.column(&Measure::Total)) else {
        return;
    };
    let carried = |r: &Row| in_carry_over(income, r);
    let year_spending = spending.line(&Measure::CurrentYearExpenditure);
    let closing = spending.rows.iter().find(|r| {
        r.role == RowRole::Line && matches!(r.measure, Some(Measure::CarryForward | Measure::FiscalCarryOver))
    });
    let (Some(year_spending), Some(closing)) = (year_spending, closing) else { return };
    for budget in &BUDGETS {
        let of_budget = |r: &&Row| r.role == RowRole::Line && r.measure.as_ref() == Some(budget);
        let opening = income.rows.iter().filter(of_budget).find(|r| carried(r));
        let year_income = income.rows.iter().filter(of_budget).find(|r| !carried(r));
        let column = spending.column(budget);
        let (Some(opening), Some(year_income), Some(column)) = (opening, year_income, column) else { continue };
        let figures = [
            Cell { table, part: income, row: opening, column: income_column },
            Cell { table, part: income, row: year_income, column: income_column },
            Cell { table, part: spending, row: year_spending, column },
            Cell { table, part: spending, row: closing, column },
        ];
        check(ctx, table, budget.name_zh(), &figures, out);
    }
}

/// A fund's table: each row printing the four figures.
fn by_row(ctx: &Context<'_>, table: &Table, part: &TablePart, out: &mut Findings) {
    let col = |m: &Measure| part.column(m);
    let spending = col(&Measure::CurrentYearExpenditure).or_else(|| col(&Measure::Total));
    let (Some(opening), Some(income), Some(spending), Some(closing)) =
        (col(&Measure::CarryOver), col(&Measure::CurrentYearIncome), spending, col(&Measure::CarryForward))
    else {
        return;
    };
    for row in &part.rows {
        let figures = [opening, income, spending, closing].map(|column| Cell { table, part, row, column });
        check(ctx, table, &row_name(row), &figures, out);
    }
}

/// `figures`: opening, income, spending, closing, of `what` (a budget's name,
/// a row's).
fn check(ctx: &Context<'_>, table: &Table, what: &str, figures: &[Cell<'_>; 4], out: &mut Findings) {
    let [opening, income, spending, closing] = figures;
    let values = figures.each_ref().map(Cell::value);
    // A row of nothing (an empty fund) has nothing to carry.
    if values.iter().all(Option::is_none) {
        return;
    }
    let c: Comparison = ctx.tolerance.balance(values[3], &[values[0], values[1]], &[values[2]]);
    if c.agrees() {
        return;
    }
    let message = format!(
        "{}{}的年末结转和结余为 {}（{}），但年初结转和结余 {} + 本年收入 {} − 本年支出 {} = {}（{}）",
        table.display(),
        what,
        show(values[3]),
        name(closing),
        show(values[0]),
        show(values[1]),
        show(values[2]),
        c.expected,
        difference_note(&c)
    );
    let locations =
        [closing, opening, income, spending].iter().map(|f| cell_location(f.table, f.part, f.row, f.column)).collect();
    out.push(ctx.finding(message, Some(&c), locations));
}
