use gongkai_model::TableKind;

use crate::rules::cross_table::lookup::{compare_by_code, total_column};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// For every function code printed in either table, and for the 总计 rows:
    /// the income table's (收入总表, 表2) 总计 equals the expenditure table's
    /// (支出总表, 表3) 合计. A code printed in one table but not the other, at a
    /// level the other table prints, counts as zero there.
    ///
    /// ## Why it matters
    /// Every yuan budgeted for a purpose has a source: a code whose income and
    /// expenditure differ means one of the two tables lost or invented money.
    ///
    /// ## Example
    /// 表2 prints `2101102 事业单位医疗` 11.13 while 表3 prints 11.31: the finding
    /// points at both cells.
    pub struct IncomeExpenditurePerCode {
        id: "X102", name: "income-expenditure-per-code", category: CrossTable, severity: Error,
        title_zh: "收入总表与支出总表的总计和各科目一致",
        doc_zh: r#"
## 检查内容
对两张表中任一张印出的每个功能科目编码以及总计行核对：收入总表（表2）的总计 = 支
出总表（表3）的合计。某编码只在一张表中印出、而另一张表印有该级次的科目的，在另
一张表中按零计。

## 为何重要
为某项用途安排的每一元预算都有来源：某个科目收入与支出不一致，说明两张表中有一张
丢了钱或凭空多出了钱。

## 示例
表2 印 `2101102 事业单位医疗` 11.13，而表3 印 11.31：问题定位到这两个单元格。
"#,
    }
}

impl Rule for IncomeExpenditurePerCode {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let (Some((t2, p2)), Some((t3, p3))) =
            (ctx.part(TableKind::IncomeSummary), ctx.part(TableKind::ExpenditureSummary))
        else {
            return;
        };
        let (Some(c2), Some(c3)) = (total_column(p2), total_column(p3)) else { return };
        compare_by_code(ctx, out, &(t2, p2, vec![c2]), &(t3, p3, vec![c3]));
    }
}
