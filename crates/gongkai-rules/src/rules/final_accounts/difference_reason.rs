use gongkai_model::{Measure, SectionKind, TableKind};

use super::budget_direction::{figures, paragraphs};
use crate::context::{cell_location, show, text_location};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Where a 决算's “三公” table prints a total outturn (决算数) that differs from
    /// its budget (预算数) beyond rounding, the explanation's “三公” section gives a
    /// reason (`…决算数小于预算数的主要原因是…`, `原因是`): some sentence of the
    /// section, or of its subsections, says 原因. A document without a “三公”
    /// section is C103's.
    ///
    /// ## Why it matters
    /// The disclosure rules ask every department to explain why its “三公”
    /// spending departs from the budget; a difference left unexplained is the
    /// first question a reviewer sends back.
    ///
    /// ## Example
    /// 某局's 表9: budget 20.00, outturn 15.00; its section says `…决算数小于预算数
    /// 的主要原因是厉行节约` — explained. With that sentence removed, the difference
    /// of 5.00 is reported.
    pub struct DifferenceReason {
        id: "D104", name: "difference-reason", category: FinalAccounts, severity: Warning,
        title_zh: "“三公”经费决算数与预算数不同时，说明中写明原因",
        doc_zh: r#"
## 检查内容
决算的“三公”经费表中，决算数合计与预算数相差超出舍入误差的，情况说明的“三公”经费
部分应写明原因（`…决算数小于预算数的主要原因是…`、`原因是`）：该部分或其下各小节
中有某句话写到“原因”。文件中没有“三公”经费部分的，由 C103 报告。

## 为何重要
公开的有关规定要求各部门说明“三公”经费决算与预算存在差异的原因；未作说明的差异，
是审核人员首先要退回询问的问题。

## 示例
某局表9：预算数 20.00，决算数 15.00；该部分写有`…决算数小于预算数的主要原因是厉
行节约`——已说明。删去这句话，则报告 5.00 的差额。
"#,
    }
}

impl Rule for DifferenceReason {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(table) = ctx.table(TableKind::ThreePublicExpenses) else { return };
        let Some((budget, outturn)) = figures(table, &Measure::Total) else { return };
        let (b, f) = (budget.value(), outturn.value());
        if ctx.tolerance.same(b, f).agrees() {
            return;
        }
        let sections: Vec<_> = ctx.doc.sections.iter().filter(|s| s.kind == SectionKind::ThreePublicExpenses).collect();
        let Some(first) = sections.first() else { return };
        let explained = sections.iter().flat_map(|s| paragraphs(s)).any(|p| p.text.contains("原因"));
        if explained {
            return;
        }
        let message = format!(
            "{}中“三公”经费决算数 {} 万元与预算数 {} 万元不同，但{}没有说明原因",
            table.display(),
            show(f),
            show(b),
            ctx.section_name(first.kind)
        );
        let locations = vec![
            text_location(&first.heading.source),
            cell_location(table, outturn.part, outturn.row, outturn.column),
            cell_location(table, budget.part, budget.row, budget.column),
        ];
        out.push(ctx.finding(message, None, locations));
    }
}
