use gongkai_model::{ClassCode, Measure, RowRole, Side, TableKind};

use crate::rules::cross_table::lookup::{
    Term, cell, code_term, compare, current_line, source_columns, total_column, year_row,
};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The summary table (收支总表, 表1) against the income table (收入总表, 表2)
    /// and the expenditure table (支出总表, 表3): 表1 收入总计 = 表2 总计; 表1 支出总计
    /// = 表3 总计; each 类 on 表1's expenditure side (and each 款 and 项, where 表1
    /// prints them) = that code's 总计/合计 in 表2 and 表3; and each current-year income line of 表1 (一般公共预算拨款, 其中 一般财力 /
    /// 上级转移支付, 基金, 国资, 财政专户, 单位资金) and each carry-over line = the
    /// matching source column(s) of 表2's 总计 row. Amounts are compared in 万元.
    /// A 表2 or 表3 without a column of other years' money (a 决算's 收入决算表 and
    /// 支出决算表 hold the year's money only) is compared with 表1's line of the
    /// year's money (本年收入合计, 本年支出合计), not with its 总计.
    ///
    /// ## Why it matters
    /// 表2 and 表3 are the detail behind the two sides of 表1; a 类 or a source that
    /// differs between them means one of the tables was not updated after a change.
    ///
    /// ## Example
    /// 表1 prints `210 卫生健康支出` 36.50 on its expenditure side, while 表2 and 表3
    /// print 36.40 for 210: two findings, each pointing at both cells.
    pub struct SummaryTotals {
        id: "X101", name: "summary-totals", category: CrossTable, severity: Error,
        title_zh: "收支总表与收入总表、支出总表的总计和各科目一致",
        doc_zh: r#"
## 检查内容
收支总表（表1）与收入总表（表2）、支出总表（表3）核对：表1 收入总计 = 表2 总计；
表1 支出总计 = 表3 总计；表1 支出方的每个类（表1 印有款、项的，还有每个款和项）=
该编码在表2 和表3 中的总计（合计）；表1 的每一个本年收入行（一般公共预算拨款及其
中的一般财力、上级转移支付，基金，国资，财政专户，单位资金）和每一个上年结转结余
行 = 表2 总计行中相应资金来源的列（或几列之和）。金额按万元比较。表2 或表3 没有
反映以前年度资金的列的（决算的收入决算表、支出决算表只反映本年资金），与表1 的本年
行（本年收入合计、本年支出合计）比较，而不是与其总计比较。

## 为何重要
表2 和表3 是表1 收支两方的明细；某个类或某项资金来源在它们之间不一致，说明其中一
张表在改动后没有同步更新。

## 示例
表1 支出方印 `210 卫生健康支出` 36.50，而表2 和表3 中 210 均为 36.40：报告两个问
题，各自定位到两边的单元格。
"#,
    }
}

impl Rule for SummaryTotals {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(t1) = ctx.table(TableKind::IncomeExpenditureSummary) else { return };
        let others: Vec<_> = [TableKind::IncomeSummary, TableKind::ExpenditureSummary]
            .into_iter()
            .filter_map(|k| ctx.part(k))
            .filter_map(|(t, p)| total_column(p).map(|c| (t, p, c)))
            .collect();
        // Totals: 收入总计 against 表2, 支出总计 against 表3.
        for (side, kind) in
            [(Side::Income, TableKind::IncomeSummary), (Side::Expenditure, TableKind::ExpenditureSummary)]
        {
            let Some(p1) = t1.side(side) else { continue };
            let (Some(total1), Some(c1)) = (p1.total_row(), total_column(p1)) else { continue };
            for (t, p, c) in others.iter().filter(|(t, _, _)| t.kind == kind) {
                // A table without a column of other years' money (a 决算's 收入决算表
                // and 支出决算表) holds the year's money only: 表1's 本年 line.
                let r1 = if p.prints_other_years() { Some(total1) } else { year_row(p1) };
                if let (Some(r1), Some(r)) = (r1, p.total_row()) {
                    compare(ctx, out, &cell(t1, p1, r1, c1), &[cell(t, p, r, *c)]);
                }
            }
        }
        // Each code of the expenditure side: its 类, and its 款 and 项 where it
        // prints them (a code the other table does not print at a level it
        // prints is a zero there).
        if let Some(p1) = t1.side(Side::Expenditure)
            && let Some(c1) = total_column(p1)
        {
            let mut codes: Vec<&ClassCode> = Vec::new();
            codes.extend(p1.rows.iter().filter_map(class_code));
            for (_, p, _) in &others {
                for code in p.rows.iter().filter(|r| r.role == RowRole::Item).filter_map(class_code) {
                    if !codes.contains(&code) {
                        codes.push(code);
                    }
                }
            }
            for code in codes {
                let Some(left) = code_term(t1, p1, code, c1) else { continue };
                for (t, p, c) in &others {
                    if let Some(right) = code_term(t, p, code, *c) {
                        compare(ctx, out, &left, &[right]);
                    }
                }
            }
        }
        // Income lines of 表1 against the 总计 row of 表2.
        if let (Some(p1), Some((t2, p2))) = (t1.side(Side::Income), ctx.part(TableKind::IncomeSummary))
            && let (Some(c1), Some(r2)) = (total_column(p1), p2.total_row())
        {
            for m in LINES {
                let Some(r1) = current_line(p1, &m).or_else(|| carry_line(p1, &m)) else { continue };
                let Some(cols) = source_columns(p2, &m) else { continue };
                let terms: Vec<Term> = cols.iter().map(|c| cell(t2, p2, r2, *c)).collect();
                compare(ctx, out, &cell(t1, p1, r1, c1), &terms);
            }
        }
    }
}

const LINES: [Measure; 14] = [
    Measure::GeneralBudget,
    Measure::GeneralBudgetOwn,
    Measure::GeneralBudgetTransfer,
    Measure::GovernmentFund,
    Measure::GovernmentFundOwn,
    Measure::GovernmentFundTransfer,
    Measure::StateCapital,
    Measure::StateCapitalOwn,
    Measure::StateCapitalTransfer,
    Measure::FiscalSpecialAccount,
    Measure::UnitFunds,
    Measure::CarryOver,
    Measure::FiscalCarryOver,
    Measure::NonFiscalCarryOver,
];

/// The code of a classification row (not a project row).
fn class_code(r: &gongkai_model::Row) -> Option<&ClassCode> {
    r.code.as_ref().filter(|_| r.project.is_none())
}

/// The carry-over lines themselves (上年结转结余, 财政拨款结转, 非财政拨款结转结余).
fn carry_line<'a>(part: &'a gongkai_model::TablePart, m: &Measure) -> Option<&'a gongkai_model::Row> {
    matches!(m, Measure::CarryOver | Measure::FiscalCarryOver | Measure::NonFiscalCarryOver)
        .then(|| part.line(m))
        .flatten()
}
