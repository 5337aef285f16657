//! Shared helpers of the cross-table family: cells compared in 万元, rows by code,
//! the income lines of a summary table by what they measure, and the one way a
//! disagreement between tables is reported.

use gongkai_model::{ClassCode, Location, Measure, Number, Quantity, Row, RowRole, Side, Table, TablePart};

use crate::context::{cell_location, column_name, difference_note, row_name, show, table_location};
use crate::{Context, Findings};

/// One side of a comparison: a value (in 万元), where it stands and how it is named.
#[derive(Clone, Debug)]
pub(super) struct Term<'a> {
    pub value: Option<Number>,
    /// Where the value stands; its name and location are made only for a finding.
    pub at: At<'a>,
    /// Whether the row or table is not printed at all (then it reads as zero).
    pub absent: bool,
}

/// Where a [`Term`]'s value stands. Most terms agree and are never reported, so a
/// cell keeps references and is named only when a finding quotes it.
#[derive(Clone, Debug)]
pub(super) enum At<'a> {
    /// A printed cell.
    Cell { table: &'a Table, part: &'a TablePart, row: &'a Row, column: usize },
    /// A code a table does not print (`what`: `科目`, `科目的项目`).
    Unprinted { table: &'a Table, code: &'a ClassCode, what: &'static str },
    /// A place named already (an unprinted table).
    Named { location: Location, name: String },
}

impl Term<'_> {
    /// How the term is named in a finding.
    pub fn name(&self) -> String {
        match &self.at {
            At::Cell { table, part, row, column } => {
                format!("{} {} {}", table.display(), row_name(row), column_name(part, *column))
            }
            At::Unprinted { table, code, what } => format!("{} 未列 {code} {what}（视为 0）", table.display()),
            At::Named { name, .. } => name.clone(),
        }
    }

    /// Where the term points in a finding.
    pub fn location(&self) -> Location {
        match &self.at {
            At::Cell { table, part, row, column } => cell_location(table, part, row, *column),
            At::Unprinted { table, .. } => table_location(table),
            At::Named { location, .. } => location.clone(),
        }
    }

    /// `名称为 值`, or just the name of an absent row.
    fn said(&self) -> String {
        if self.absent { self.name() } else { format!("{}为 {}", self.name(), show(self.value)) }
    }
}

/// An amount of a table converted to 万元 (empty stays empty).
pub(super) fn wan(table: &Table, amount: Option<Number>) -> Option<Number> {
    amount.and_then(|n| Quantity::new(n, table.unit).in_wan_yuan())
}

/// A cell as a term.
pub(super) fn cell<'a>(table: &'a Table, part: &'a TablePart, row: &'a Row, column: usize) -> Term<'a> {
    Term { value: wan(table, row.amount(column)), at: At::Cell { table, part, row, column }, absent: false }
}

/// A row the other table does not print (an exact zero there).
pub(super) fn absent<'a>(table: &'a Table, code: &'a ClassCode, what: &'static str) -> Term<'a> {
    Term { value: None, at: At::Unprinted { table, code, what }, absent: true }
}

/// The codes of a part (project rows excluded), in printed order, once each.
pub(super) fn codes(part: &TablePart) -> Vec<&ClassCode> {
    let mut out: Vec<&ClassCode> = Vec::new();
    for row in &part.rows {
        if let (Some(code), None) = (&row.code, &row.project)
            && !out.contains(&code)
        {
            out.push(code);
        }
    }
    out
}

/// A block of columns of one table that a comparison reads (their sum).
pub(super) type Columns<'a> = (&'a Table, &'a TablePart, Vec<usize>);

/// The terms of a code in a block: its cells, or one absent term when the part
/// prints that level but not that code; `None` when it does not print the level.
pub(super) fn code_terms<'a>(block: &Columns<'a>, code: &'a ClassCode) -> Option<Vec<Term<'a>>> {
    let (table, part, cols) = block;
    match row_of(part, code) {
        Some(row) => Some(cols.iter().map(|c| cell(table, part, row, *c)).collect()),
        None if prints_level(part, code) => Some(vec![absent(table, code, "科目")]),
        None => None,
    }
}

/// Compares two blocks code by code (every code printed in either, plus the
/// total rows): `a`'s cells against the sum of `b`'s.
pub(super) fn compare_by_code(ctx: &Context<'_>, out: &mut Findings, a: &Columns<'_>, b: &Columns<'_>) {
    if let (Some(ra), Some(rb)) = (spending_row(a.1), b.1.total_row()) {
        let left: Vec<Term> = a.2.iter().map(|c| cell(a.0, a.1, ra, *c)).collect();
        let right: Vec<Term> = b.2.iter().map(|c| cell(b.0, b.1, rb, *c)).collect();
        if let [left] = left.as_slice() {
            compare(ctx, out, left, &right);
        }
    }
    let mut all = codes(a.1);
    for code in codes(b.1) {
        if !all.contains(&code) {
            all.push(code);
        }
    }
    for code in all {
        let (Some(left), Some(right)) = (code_terms(a, code), code_terms(b, code)) else { continue };
        if let [left] = left.as_slice() {
            compare(ctx, out, left, &right);
        }
    }
}

/// The row holding a part's spending as a whole: a summary's spending side's
/// 本年支出 line where it prints one (its 总计 adds what is left: 结转下年, a
/// 决算's 结余分配 and 年末结转和结余, which are no spending), else the total row.
pub(super) fn spending_row(part: &TablePart) -> Option<&Row> {
    if part.side == Some(Side::Expenditure) { year_row(part) } else { part.total_row() }
}

/// The row holding a summary side's money of the year: its 本年收入 (本年支出)
/// line where it prints one, else its total row.
pub(super) fn year_row(part: &TablePart) -> Option<&Row> {
    let m = match part.side {
        Some(Side::Income) => Measure::CurrentYearIncome,
        Some(Side::Expenditure) => Measure::CurrentYearExpenditure,
        None => return part.total_row(),
    };
    part.line(&m).or_else(|| part.total_row())
}

/// The row of a code.
pub(super) fn row_of<'a>(part: &'a TablePart, code: &ClassCode) -> Option<&'a Row> {
    part.rows.iter().find(|r| r.code.as_ref() == Some(code) && r.project.is_none())
}

/// The amount column of a part: the unique 合计/总计 column, else the 预算数 column.
pub(super) fn total_column(part: &TablePart) -> Option<usize> {
    let totals: Vec<usize> =
        part.columns.iter().enumerate().filter(|(_, c)| c.measure == Measure::Total).map(|(i, _)| i).collect();
    match totals.as_slice() {
        [t] => Some(*t),
        [] => part.column(&Measure::BudgetAmount),
        _ => None,
    }
}

/// Whether the code is one of the levels the part prints (so that a missing row
/// means zero rather than "not printed at that depth").
pub(super) fn prints_level(part: &TablePart, code: &ClassCode) -> bool {
    part.rows.iter().any(|r| r.code.as_ref().is_some_and(|c| c.level() == code.level() && c.scheme() == code.scheme()))
}

/// A term for a code of a part: its cell, or an absent term when the part prints
/// that level but not that code; `None` when the part does not print the level.
pub(super) fn code_term<'a>(
    table: &'a Table,
    part: &'a TablePart,
    code: &'a ClassCode,
    column: usize,
) -> Option<Term<'a>> {
    match row_of(part, code) {
        Some(row) => Some(cell(table, part, row, column)),
        None if prints_level(part, code) => Some(absent(table, code, "科目")),
        None => None,
    }
}

/// Whether a row of a two-sided summary stands under 上年结转结余 (by its
/// `part_of` chain), as opposed to the current year's income.
pub(crate) fn in_carry_over(part: &TablePart, row: &Row) -> bool {
    let mut current = Some(row);
    let mut steps = 0;
    while let Some(r) = current {
        if matches!(r.measure, Some(Measure::CarryOver | Measure::FiscalCarryOver | Measure::NonFiscalCarryOver)) {
            return true;
        }
        current = r.part_of.and_then(|i| part.rows.get(i as usize));
        steps += 1;
        if steps > part.rows.len() {
            break;
        }
    }
    false
}

/// The current-year income line measuring `m` (not one under 上年结转结余).
pub(super) fn current_line<'a>(part: &'a TablePart, m: &Measure) -> Option<&'a Row> {
    part.rows.iter().find(|r| r.measure.as_ref() == Some(m) && r.role != RowRole::Total && !in_carry_over(part, r))
}

/// The columns of an income table (表2) that hold what a 表1 line measuring `m`
/// holds. In 表2 “一般公共预算” next to “上级一般公共预算” means the county's own
/// part, so the whole general budget is the sum of both.
pub(super) fn source_columns(part: &TablePart, m: &Measure) -> Option<Vec<usize>> {
    use Measure::*;
    // A fund printed again under 上年结转结余 is last year's money, not this year's.
    let col = |x: &Measure| part.columns.iter().position(|c| &c.measure == x && !carried_over(&c.header));
    let family = match m {
        GeneralBudget | GeneralBudgetOwn | GeneralBudgetTransfer => {
            Some((GeneralBudget, GeneralBudgetOwn, GeneralBudgetTransfer))
        }
        GovernmentFund | GovernmentFundOwn | GovernmentFundTransfer => {
            Some((GovernmentFund, GovernmentFundOwn, GovernmentFundTransfer))
        }
        StateCapital | StateCapitalOwn | StateCapitalTransfer => {
            Some((StateCapital, StateCapitalOwn, StateCapitalTransfer))
        }
        _ => None,
    };
    let Some((whole, own, transfer)) = family else {
        return col(m).map(|c| vec![c]);
    };
    let (w, o, t) = (col(&whole), col(&own), col(&transfer));
    if m == &whole {
        match (w, o, t) {
            (Some(w), None, Some(t)) => Some(vec![w, t]),
            (None, Some(o), Some(t)) => Some(vec![o, t]),
            (Some(w), _, None) => Some(vec![w]),
            (Some(w), Some(_), Some(_)) => Some(vec![w]),
            _ => None,
        }
    } else if m == &own {
        match (w, o, t) {
            (_, Some(o), _) => Some(vec![o]),
            (Some(w), None, Some(_)) => Some(vec![w]),
            _ => None,
        }
    } else {
        t.map(|t| vec![t])
    }
}

/// Whether a column's header path puts it under a carry-over group
/// (`上年结转结余/一般公共预算`): the fund's money carried over from last year.
pub(super) fn carried_over(header: &str) -> bool {
    header.rsplit_once('/').is_some_and(|(group, _)| group.contains("结转") || group.contains("结余"))
}

/// The columns of an income table (表2) that hold the carry-over of the budget
/// `m` (一般公共预算, 政府性基金预算, 国有资本经营预算): its column under the
/// 上年结转结余 group, where the template splits the carry-over by fund.
pub(super) fn carried_columns(part: &TablePart, m: &Measure) -> Option<Vec<usize>> {
    let cols: Vec<usize> = part
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| &c.measure == m && carried_over(&c.header))
        .map(|(i, _)| i)
        .collect();
    (!cols.is_empty()).then_some(cols)
}

/// A fund's carry-over from last year as the summaries print it: 表4's income
/// line of that fund under 上年结转结余, else 表2's carry-over column of that
/// fund on its 总计 row. `None` where neither prints it.
pub(super) fn fund_carry_over<'a>(ctx: &Context<'a>, m: &Measure) -> Option<Vec<Term<'a>>> {
    if let Some(t4) = ctx.table(gongkai_model::TableKind::FiscalAllocationSummary)
        && let Some(p) = t4.side(gongkai_model::Side::Income)
        && let Some(c) = total_column(p)
        && let Some(r) = p.rows.iter().find(|r| r.measure.as_ref() == Some(m) && in_carry_over(p, r))
        && r.amount(c).is_some()
    {
        return Some(vec![cell(t4, p, r, c)]);
    }
    let (t2, p2) = ctx.part(gongkai_model::TableKind::IncomeSummary)?;
    let r = p2.total_row()?;
    let cols = carried_columns(p2, m)?;
    Some(cols.into_iter().map(|c| cell(t2, p2, r, c)).collect())
}

/// Whether a fund's spending table counts the fund's carry-over with this
/// year's money: templates differ (杭州's 一般公共预算支出表 spends 本年 +
/// 上年结转 of the general budget, 上海's only this year's), and a document says
/// which by its totals: true when `total` agrees with `current` plus `carried`
/// and not with `current` alone; when it agrees with neither, whichever is
/// nearer (the total is wrong either way, and the other reading would also flag
/// every row that has a carry-over). False when nothing is carried over.
pub(super) fn counts_carry_over(ctx: &Context<'_>, total: &Term, current: &[Term], carried: &[Term]) -> bool {
    if carried.iter().all(|t| t.value.is_none_or(|v| v.value().is_zero())) {
        return false;
    }
    let values = |terms: &[&Term]| terms.iter().map(|t| t.value).collect::<Vec<_>>();
    let current_only: Vec<&Term> = current.iter().collect();
    let with_carry: Vec<&Term> = current.iter().chain(carried).collect();
    let a = ctx.tolerance.sum(total.value, &values(&current_only));
    if a.agrees() {
        return false;
    }
    let b = ctx.tolerance.sum(total.value, &values(&with_carry));
    b.agrees() || b.difference.abs() < a.difference.abs()
}

/// Reports when `actual` differs from the sum of `expected` (one term: the same
/// figure printed in two places) by more than rounding.
pub(super) fn compare(ctx: &Context<'_>, out: &mut Findings, actual: &Term, expected: &[Term]) {
    let parts: Vec<Option<Number>> = expected.iter().map(|t| t.value).collect();
    if actual.value.is_none() && parts.iter().all(Option::is_none) {
        return;
    }
    let comparison = ctx.tolerance.sum(actual.value, &parts);
    if comparison.agrees() {
        return;
    }
    let names: Vec<String> = expected.iter().map(Term::name).collect();
    let rhs = if expected.len() == 1 {
        expected[0].said()
    } else {
        format!("{} 合计为 {}", names.join(" + "), comparison.expected)
    };
    let message = format!("{}，但{}，两者不一致（{}）", actual.said(), rhs, difference_note(&comparison));
    let mut locations = vec![actual.location()];
    locations.extend(expected.iter().map(Term::location));
    out.push(ctx.finding(message, Some(&comparison), locations));
}
