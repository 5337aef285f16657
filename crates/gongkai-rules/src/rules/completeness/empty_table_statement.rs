use gongkai_model::TableKind;

use crate::context::table_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A published table with no amount in any cell carries its statement that it
    /// is empty (`……为空表。`), printed with the table — or in the 目录, where a
    /// 目录 printed as a grid has a column for it (`是否空表 | 公开空表理由`:
    /// `是 | 不涉及`), or in a sentence of the explanation naming the table
    /// (`…政府性基金预算支出表为空表。`, `本单位无…，故…为空表。`). A blank
    /// template (its unit a placeholder, `上海市XX局`, and no amount anywhere) is
    /// not held to it: its tables are empty by design.
    ///
    /// ## Why it matters
    /// The disclosure rules require an empty table to say so; without the
    /// statement a reader cannot tell a table with no such money from a table
    /// whose figures were lost.
    ///
    /// ## Example
    /// The example's 国有资本经营预算支出情况表 has no amounts and prints
    /// `…国有资本经营预算支出情况表为空表。` (line 322), as its explanation does
    /// (line 478); with both sentences removed the table is reported.
    pub struct EmptyTableStatement {
        id: "C105", name: "empty-table-statement", category: Completeness, severity: Warning,
        title_zh: "没有数字的公开表附有空表说明",
    }
}

impl Rule for EmptyTableStatement {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        // A blank template's tables are empty by design (its placeholders are C107's).
        if super::is_blank_template(ctx.doc) {
            return;
        }
        // (A performance self-evaluation form is no table of the disclosure.)
        for table in ctx.doc.tables.iter().filter(|t| t.kind != TableKind::PerformanceEvaluation) {
            if table.has_no_amounts() && table.empty_statement.is_none() {
                let message = format!("{}没有任何金额，但未注明“为空表”", table.display());
                out.push(ctx.finding(message, None, vec![table_location(table)]));
            }
        }
    }
}
