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
