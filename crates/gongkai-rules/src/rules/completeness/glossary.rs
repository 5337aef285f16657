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
