use gongkai_model::{Measure, TableKind};

use crate::rules::cross_table::lookup::{
    carried_columns, cell, compare_by_code, counts_carry_over, source_columns, total_column,
};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// For every function code printed in either table, and for the 总计 rows: the
    /// general-budget expenditure table's (一般公共预算支出表, 表5) 合计 equals the
    /// general-budget columns of the income table (收入总表, 表2) for that code —
    /// 一般公共预算 plus 上级一般公共预算 (转移支付) where 表2 prints the two apart.
    /// Where 表2 also splits 上年结转结余 by fund and 表5's 总计 is this year's
    /// general budget plus last year's (a template whose 表5 spends both), every
    /// code is compared with both columns.
    ///
    /// ## Why it matters
    /// 表5 details how the general-budget money of 表2 is spent; a code where the
    /// two differ is money that appears on one side only.
    ///
    /// ## Example
    /// 表5 prints `208 社会保障和就业支出` 933.03 = 表2's 931.57 + 1.46. Changing 表5's
    /// 20806 企业改革补助 to 82.64 gives a finding against 表2's 81.00 + 1.46.
    pub struct GeneralBudgetPerCode {
        id: "X104", name: "general-budget-per-code", category: CrossTable, severity: Error,
        title_zh: "一般公共预算支出表与收入总表中一般公共预算的各科目一致",
        doc_zh: r#"
## 检查内容
对两张表中任一张印出的每个功能科目编码以及总计行核对：一般公共预算支出表（表5）
的合计 = 收入总表（表2）中该编码的一般公共预算各列——表2 把一般公共预算和上级一
般公共预算（转移支付）分列的，为两者之和。表2 还按资金分列上年结转结余、且表5 的
总计等于本年一般公共预算加上年结转的（这种模板的表5 同时反映两者），每个编码都与
这两部分的列之和比较。

## 为何重要
表5 细列表2 中一般公共预算资金的用途；两者不一致的科目，就是只出现在一方的钱。

## 示例
表5 印 `208 社会保障和就业支出` 933.03 = 表2 的 931.57 + 1.46。把表5 中 20806 企
业改革补助改为 82.64，即与表2 的 81.00 + 1.46 不符，报告问题。
"#,
    }
}

impl Rule for GeneralBudgetPerCode {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let (Some((t5, p5)), Some((t2, p2))) =
            (ctx.part(TableKind::GeneralBudgetExpenditure), ctx.part(TableKind::IncomeSummary))
        else {
            return;
        };
        let (Some(c5), Some(mut cols)) = (total_column(p5), source_columns(p2, &Measure::GeneralBudget)) else {
            return;
        };
        if let (Some(r5), Some(r2), Some(carried)) =
            (p5.total_row(), p2.total_row(), carried_columns(p2, &Measure::GeneralBudget))
        {
            let terms = |cols: &[usize]| cols.iter().map(|c| cell(t2, p2, r2, *c)).collect::<Vec<_>>();
            if counts_carry_over(ctx, &cell(t5, p5, r5, c5), &terms(&cols), &terms(&carried)) {
                cols.extend(carried);
            }
        }
        compare_by_code(ctx, out, &(t5, p5, vec![c5]), &(t2, p2, cols));
    }
}
