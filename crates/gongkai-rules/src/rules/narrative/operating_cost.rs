use gongkai_model::{Measure, TableKind};

use super::resolve::{cell_wan, wan};
use crate::context::{cell_location, difference_note, text_location};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The 机关运行经费 stated among the other important matters equals the 公用经费
    /// total of the 一般公共预算基本支出表, within rounding.
    ///
    /// ## Why it matters
    /// For administrative units (and units managed like them) 机关运行经费 is by
    /// definition the 公用经费 paid from fiscal allocations; a different figure means
    /// one of the two is wrong. Public institutions may legitimately differ, hence a
    /// warning.
    ///
    /// ## Example
    /// `机关运行经费财政拨款预算22.36万元` while 表6's 总计 row prints 22.63 in the
    /// 公用经费 column.
    pub struct OperatingCost {
        id: "N108", name: "operating-cost", category: Narrative, severity: Warning,
    }
}

impl Rule for OperatingCost {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(cost) = &ctx.doc.other_matters.operating_cost else { return };
        let Some(actual) = wan(Some(cost.amount.value)) else { return };
        let Some((table, part)) = ctx.part(TableKind::GeneralBudgetBasicExpenditure) else { return };
        let Some(row) = part.total_row() else { return };
        let Some(column) = part.column(&Measure::PublicUse) else { return };
        let expected = cell_wan(table, row, column);
        let comparison = ctx.tolerance.same(expected, Some(actual));
        if comparison.agrees() {
            return;
        }
        let message = format!(
            "机关运行经费情况：机关运行经费写作 {} 万元，但{} “{}”行“公用经费”列为 {} 万元（{}）",
            actual,
            table.display(),
            row.label,
            expected.map_or_else(|| "0（空）".to_owned(), |n| n.to_string()),
            difference_note(&comparison)
        );
        let locations = vec![text_location(&cost.amount.source), cell_location(table, part, row, column)];
        out.push(ctx.finding(message, Some(&comparison), locations));
    }
}
