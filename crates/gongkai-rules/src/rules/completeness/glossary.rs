use gongkai_model::DocumentPart;

use crate::rules::completeness::anchor::part_anchor;
use crate::rules::completeness::forms::forms_only;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// When the template requires a glossary (名词解释), the document has one: its
    /// heading is found (an empty glossary under its heading is another matter).
    /// A file showing nothing of a disclosure (no table, no part of an
    /// explanation), or holding performance-target forms alone (its glossary
    /// another file's), is C101's one finding, not this rule's.
    ///
    /// ## Why it matters
    /// Terms such as 财政拨款, 基本支出 or “三公”经费 are defined by the budget
    /// rules; the disclosure templates require the glossary so that readers
    /// outside the finance system can read the tables.
    ///
    /// ## Example
    /// The table of contents lists 第四部分 名词解释 (line 43), but the part itself
    /// (heading on line 572) is left out.
    pub struct Glossary {
        id: "C104", name: "glossary", category: Completeness, severity: Warning,
        title_zh: "模板要求名词解释时，文件中有名词解释部分",
        doc_zh: r#"
## 检查内容
模板要求名词解释的，文件中须有名词解释：找到其标题即可（标题下内容为空是另一回
事）。文件中不见公开文件的任何内容（没有表，也没有情况说明的任何部分），或只有绩
效目标表（其名词解释在另一个文件中）的，只由 C101 报一条，本规则不报告。

## 为何重要
财政拨款、基本支出、“三公”经费等术语由预算制度定义；公开模板要求附名词解释，是
为了让财政系统以外的读者也能看懂表格。

## 示例
目录列有 第四部分 名词解释（第 43 行），但文件中没有这一部分（其标题原在
第 572 行）。
"#,
    }
}

impl Rule for Glossary {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        if !ctx.template.glossary
            || ctx.doc.glossary_heading.is_some()
            || super::nothing_of_a_disclosure(ctx)
            || forms_only(ctx.doc)
        {
            return;
        }
        let listed = ctx.doc.contents.iter().any(|e| e.part == DocumentPart::Glossary);
        let message = if listed {
            "目录列出了“名词解释”，但文档中没有名词解释部分".to_owned()
        } else {
            format!("模板（{}）要求附“名词解释”，但文档中没有名词解释部分", ctx.template.name)
        };
        out.push(ctx.finding(message, None, vec![part_anchor(ctx.doc, DocumentPart::Glossary)]));
    }
}
