use gongkai_model::{Measure, TableKind};

use crate::rules::cross_table::lookup::{cell, compare, total_column};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The general-budget expenditure table (表5) against its two detail tables:
    /// 表5 总计 row 基本支出 = the basic-expenditure table's (表6) 总计, and 表5 总计 row
    /// 项目支出 = the project table's (表7) 总计 (项目支出合计); a detail table of
    /// all funds that prints the general budget's share in a column of its own
    /// is compared in that column. Amounts in 万元.
    ///
    /// ## Why it matters
    /// 表6 and 表7 break down 表5's two columns by economic class; if their totals
    /// differ, the breakdown describes a different budget than the one approved.
    ///
    /// ## Example
    /// 表6 prints 总计 928.93 while 表5's 基本支出 is 927.93: the finding names both
    /// tables and both values.
    pub struct BasicProjectTotals {
        id: "X105", name: "basic-project-totals", category: CrossTable, severity: Error,
        title_zh: "一般公共预算支出表的基本支出、项目支出与基本支出表、项目支出表的总计一致",
        doc_zh: r#"
## 检查内容
一般公共预算支出表（表5）与其两张明细表核对：表5 总计行的基本支出 = 基本支出表
（表6）的总计，表5 总计行的项目支出 = 项目支出表（表7）的总计（项目支出合计）；
明细表涵盖全部资金、并单列一般公共预算部分的，用该列比较。金额按万元比较。

## 为何重要
表6 和表7 按经济分类细分表5 的这两列；它们的总计不一致，说明细分所描述的预算与批
复的预算不是同一个。

## 示例
表6 总计印为 928.93，而表5 的基本支出为 927.93：问题写明两张表和两个数值。
"#,
    }
}

impl Rule for BasicProjectTotals {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some((t5, p5)) = ctx.part(TableKind::GeneralBudgetExpenditure) else { return };
        let Some(r5) = p5.total_row() else { return };
        for (m, kind) in [
            (Measure::Basic, TableKind::GeneralBudgetBasicExpenditure),
            (Measure::Project, TableKind::GeneralBudgetProjectExpenditure),
        ] {
            let (Some(c5), Some((t, p))) = (p5.column(&m), ctx.part(kind)) else { continue };
            // A detail table of all funds printing the general budget's share
            // in a column of its own (深圳's 基本支出总表): that column is 表5's.
            let c = p.column(&Measure::GeneralBudget).or_else(|| total_column(p));
            let (Some(c), Some(r)) = (c, p.total_row()) else { continue };
            compare(ctx, out, &cell(t, p, r, c), &[cell(t5, p5, r5, c5)]);
        }
    }
}
