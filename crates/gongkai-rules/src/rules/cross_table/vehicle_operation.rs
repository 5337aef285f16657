use gongkai_model::{ClassCode, Measure, TableKind};

use crate::rules::cross_table::lookup::{cell, compare, row_of, total_column};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// When the 三公 total comes entirely from the general budget (the 合计 row's
    /// 合计 equals its 一般公共预算 column and is not zero), the 三公 table's
    /// 公务用车运行费 in the 一般公共预算 column equals the 合计 of row 30231 公务用车
    /// 运行维护费 in the basic-expenditure table (表6). When row 30231 is not printed,
    /// or the 三公 money also comes from other sources, nothing is checked.
    ///
    /// ## Why it matters
    /// The vehicle running cost of the 三公 table is the same money as economic
    /// class 30231 of the basic budget; a difference usually means the 三公 table
    /// was copied from last year. It can also be legitimate (vehicle costs paid
    /// from project funds), hence a warning.
    ///
    /// ## Example
    /// 表10 prints 公务用车运行费 1.08 in both columns and 表6 prints 30231 公务用车运行
    /// 维护费 1.80: the finding points at both cells.
    pub struct VehicleOperation {
        id: "X108", name: "vehicle-operation", category: CrossTable, severity: Warning,
        title_zh: "“三公”经费表的公务用车运行费与基本支出表 30231 行一致",
        doc_zh: r#"
## 检查内容
“三公”经费全部来自一般公共预算时（合计行的合计等于其一般公共预算列，且不为
零），“三公”经费表一般公共预算列的公务用车运行费 = 基本支出表（表6）中 30231 公
务用车运行维护费行的合计。表6 没有印出 30231 行，或“三公”经费还有其他资金来源
的，不作检查。

## 为何重要
“三公”经费表中的公务用车运行费，与基本支出中经济分类 30231 是同一笔钱；两者不
一致，通常说明“三公”经费表照抄了上年的数。不一致也可能是正当的（车辆费用由项目
资金支付），所以只报警告。

## 示例
表10 的公务用车运行费在两列中都印为 1.08，而表6 中 30231 公务用车运行维护费印为
1.80：问题定位到这两个单元格。
"#,
    }
}

impl Rule for VehicleOperation {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let (Some((t10, p10)), Some((t6, p6))) =
            (ctx.part(TableKind::ThreePublicExpenses), ctx.part(TableKind::GeneralBudgetBasicExpenditure))
        else {
            return;
        };
        let (Some(total_col), Some(gb)) = (total_column(p10), p10.column(&Measure::GeneralBudget)) else { return };
        let Some(total) = p10.total_row() else { return };
        let grand = total.amount(total_col);
        if grand.is_none_or(|n| n.value().is_zero()) || !ctx.tolerance.same(grand, total.amount(gb)).agrees() {
            return;
        }
        let Some(op) = p10.line(&Measure::VehicleOperation) else { return };
        let Ok(code) = ClassCode::new("30231") else { return };
        let (Some(r6), Some(c6)) = (row_of(p6, &code), total_column(p6)) else { return };
        compare(ctx, out, &cell(t10, p10, op, gb), &[cell(t6, p6, r6, c6)]);
    }
}
