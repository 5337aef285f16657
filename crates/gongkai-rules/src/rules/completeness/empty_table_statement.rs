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
        doc_zh: r#"
## 检查内容
已公开的表如果所有单元格都没有金额，须附有空表说明（`……为空表。`）：印在表上；
或印在目录中——以表格形式印出的目录为此设有专门的列
（`是否空表 | 公开空表理由`：`是 | 不涉及`）；或写在情况说明中点明该表的一句话里
（`…政府性基金预算支出表为空表。`、`本单位无…，故…为空表。`）。空白模板（单位
名称是占位符，如`上海市XX局`，且各处都没有金额）不受此要求：其中的表本来就是空
的。

## 为何重要
公开规定要求空表注明是空表；没有这句说明，读者无法分辨是确实没有这项资金，还是表
中的数字丢失了。

## 示例
示例文件的国有资本经营预算支出情况表没有金额，印有
`…国有资本经营预算支出情况表为空表。`（第 322 行），情况说明中也有同样的话
（第 478 行）；两句都删去后，该表即被报告。
"#,
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
