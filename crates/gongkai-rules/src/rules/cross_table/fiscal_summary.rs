use gongkai_model::{Measure, Side, Table, TableKind, TablePart};

use crate::rules::cross_table::lookup::{
    Term, cell, code_term, codes, compare, compare_by_code, current_line, in_carry_over, total_column,
};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The fiscal-allocation summary (财政拨款收支总表, 表4) against the tables it
    /// summarises: its income lines 财政拨款 (= 表1's 一般公共预算拨款 + 基金预算拨款 +
    /// 国有资本经营预算拨款), 一般公共预算, 政府性基金预算 and 国有资本经营预算 equal
    /// 表1's current-year lines of the same budget; its expenditure 一般公共预算 column
    /// equals the general-budget table's (表5) 合计 for every 类 and for the 总计 row;
    /// likewise its 政府性基金 and 国有资本经营 columns against those tables where they
    /// are published. A 表4 printing one amount per code (预算数) is compared code by
    /// code with the sum of those tables, when their 总计 rows agree.
    ///
    /// ## Why it matters
    /// 表4 is what the finance bureau actually allocates; when it disagrees with
    /// 表1 or with the detail tables, the unit published two different budgets.
    ///
    /// ## Example
    /// 表4 prints `221 住房保障支出` 一般公共预算 40.69 (合计 40.96): 表5 prints 40.96
    /// for 221, so the finding points at both cells.
    pub struct FiscalSummary {
        id: "X103", name: "fiscal-summary", category: CrossTable, severity: Error,
        title_zh: "财政拨款收支总表与其汇总的各表一致",
        doc_zh: r#"
## 检查内容
财政拨款收支总表（表4）与其汇总的各表核对：收入方的财政拨款行（= 表1 的一般公共
预算拨款 + 基金预算拨款 + 国有资本经营预算拨款）以及一般公共预算、政府性基金预
算、国有资本经营预算各行，等于表1 中同一预算的本年收入行；支出方的一般公共预算
列，在每个类和总计行上都等于一般公共预算支出表（表5）的合计；政府性基金、国有资
本经营两列，在相应的表公开时同样与之核对。表4 支出方每个编码只印一个金额（预算
数）的，在各表总计行相符时，逐个编码与这些表之和比较。

## 为何重要
表4 是财政部门实际安排的拨款；它与表1 或各明细表不一致，等于单位公布了两套不同的
预算。

## 示例
表4 中 `221 住房保障支出` 的一般公共预算印为 40.69（合计 40.96）；表5 中 221 为
40.96，问题定位到这两个单元格。
"#,
    }
}

impl Rule for FiscalSummary {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t4) = ctx.table(TableKind::FiscalAllocationSummary) else { return };
        // Income lines against 表1.
        if let (Some(inc4), Some(t1)) = (t4.side(Side::Income), ctx.table(TableKind::IncomeExpenditureSummary))
            && let Some(p1) = t1.side(Side::Income)
            && let (Some(c4), Some(c1)) = (total_column(inc4), total_column(p1))
        {
            let budgets = [Measure::GeneralBudget, Measure::GovernmentFund, Measure::StateCapital];
            if let Some(r4) = current_line(inc4, &Measure::FiscalAllocation) {
                let expected: Vec<Term> = match current_line(p1, &Measure::FiscalAllocation) {
                    Some(r1) => vec![cell(t1, p1, r1, c1)],
                    None => budgets.iter().filter_map(|m| current_line(p1, m)).map(|r1| cell(t1, p1, r1, c1)).collect(),
                };
                if !expected.is_empty() {
                    compare(ctx, out, &cell(t4, inc4, r4, c4), &expected);
                }
            }
            // A 表1 without a 上年结转 line counts the carry-over in each source
            // (重庆: “结转金额已纳入相应性质的资金收入中进行反映”): its line is 表4's
            // current line plus 表4's carry-over of the same source.
            let carry_over_in_sources = !p1.rows.iter().any(|r| {
                matches!(r.measure, Some(Measure::CarryOver | Measure::FiscalCarryOver | Measure::NonFiscalCarryOver))
            });
            for m in &budgets {
                let Some(r4) = current_line(inc4, m) else { continue };
                let Some(r1) = current_line(p1, m) else { continue };
                let carried = inc4.rows.iter().find(|r| r.measure.as_ref() == Some(m) && in_carry_over(inc4, r));
                match carried.filter(|_| carry_over_in_sources) {
                    Some(c) => {
                        compare(ctx, out, &cell(t1, p1, r1, c1), &[cell(t4, inc4, r4, c4), cell(t4, inc4, c, c4)])
                    }
                    None => compare(ctx, out, &cell(t4, inc4, r4, c4), &[cell(t1, p1, r1, c1)]),
                }
            }
        }
        // Expenditure columns against the per-budget tables, 类 by 类.
        let Some(exp4) = t4.side(Side::Expenditure) else { return };
        if exp4.column(&Measure::GeneralBudget).is_none() {
            one_column_per_code(ctx, t4, exp4, out);
            return;
        }
        for (m, kind) in [
            (Measure::GeneralBudget, TableKind::GeneralBudgetExpenditure),
            (Measure::GovernmentFund, TableKind::GovernmentFundExpenditure),
            (Measure::StateCapital, TableKind::StateCapitalExpenditure),
        ] {
            let (Some(c4), Some((t, p))) = (exp4.column(&m), ctx.part(kind)) else { continue };
            let Some(c) = total_column(p) else { continue };
            compare_by_code(ctx, out, &(t4, exp4, vec![c4]), &(t, p, vec![c]));
        }
    }
}

/// A 表4 whose expenditure side prints one amount per code (预算数), not one
/// column per budget: each code's amount is the sum of that code in the
/// per-budget tables that print amounts (一般公共预算, 政府性基金, 国有资本经营).
/// The 总计 rows say whether the two are the same money (a template's 表4 may
/// also count the year-end carry-forward); only when they agree is every code
/// compared — a code a table does not print at a level it prints is a zero there.
fn one_column_per_code(ctx: &Context<'_>, t4: &Table, exp4: &TablePart, out: &mut Findings) {
    let Some(c4) = total_column(exp4) else { return };
    let tables: Vec<(&Table, &TablePart, usize)> =
        [TableKind::GeneralBudgetExpenditure, TableKind::GovernmentFundExpenditure, TableKind::StateCapitalExpenditure]
            .into_iter()
            .filter_map(|kind| ctx.table(kind))
            .filter(|t| !t.has_no_amounts())
            .filter_map(|t| {
                let p = t.main()?;
                Some((t, p, total_column(p)?))
            })
            .collect();
    if tables.is_empty() {
        return;
    }
    let Some(r4) = exp4.total_row() else { return };
    let totals: Option<Vec<Term>> = tables.iter().map(|(t, p, c)| Some(cell(t, p, p.total_row()?, *c))).collect();
    let Some(totals) = totals else { return };
    let values: Vec<_> = totals.iter().map(|t| t.value).collect();
    if !ctx.tolerance.sum(cell(t4, exp4, r4, c4).value, &values).agrees() {
        return;
    }
    let mut all = codes(exp4);
    for (_, p, _) in &tables {
        for code in codes(p) {
            if !all.contains(&code) {
                all.push(code);
            }
        }
    }
    for code in all {
        let Some(left) = code_term(t4, exp4, code, c4) else { continue };
        let right: Option<Vec<Term>> = tables.iter().map(|(t, p, c)| code_term(t, p, code, *c)).collect();
        if let Some(right) = right {
            compare(ctx, out, &left, &right);
        }
    }
}
