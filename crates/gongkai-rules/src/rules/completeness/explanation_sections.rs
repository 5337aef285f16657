use gongkai_model::{DocumentPart, SectionKind, Table};

use crate::context::table_location;
use crate::rules::completeness::anchor::part_anchor;
use crate::rules::completeness::forms::forms_only;
use crate::rules::narrative::resolve::resolve;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The explanation (情况说明) has a section for every table that is published
    /// and has an explanation section in the national structure (收支总体情况,
    /// 收入, 支出, 财政拨款, 一般公共预算, 基本支出, 项目支出, 基金, 国资, 三公,
    /// 结转结余), and a section for each other matter the template requires
    /// (机关运行经费, 政府采购, 国有资产占用, 预算绩效). A table is explained
    /// without a section of its own when the explanation states its figures
    /// elsewhere (a claim compared with one of its cells: templates that explain
    /// all tables in one 编制说明, or 基本支出 inside the 财政拨款 section), or
    /// when it is empty and says so (on its page, in the 目录, or in a sentence of
    /// the explanation). A file showing nothing of a disclosure (no table, no
    /// part of an explanation), or holding performance-target forms alone (its
    /// explanation another file's), is C101's one finding, not this rule's.
    ///
    /// ## Why it matters
    /// A table without its explanation leaves the reader with bare figures; the
    /// other-matters sections are required by the disclosure rules themselves.
    ///
    /// ## Example
    /// Removing the heading 十、关于…财政拨款“三公”经费预算情况说明 leaves 表10 without
    /// an explanation section; the finding points at 表10's title.
    pub struct ExplanationSections {
        id: "C103", name: "explanation-sections", category: Completeness, severity: Warning,
        title_zh: "情况说明中有各公开表对应的说明部分",
    }
}

impl Rule for ExplanationSections {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let sections = ctx.doc.all_sections();
        let has = |k: SectionKind| sections.iter().any(|s| s.kind == k);
        // The tables whose figures the explanation states somewhere, whatever
        // its headings (one 编制说明 for all tables, a 基本支出 paragraph inside
        // the 财政拨款 section).
        // (Resolved only when a table lacks a section of its own.)
        let stated: std::cell::OnceCell<Vec<&Table>> = std::cell::OnceCell::new();
        // (A figure added up from several tables' cells states none of them.)
        let stated = || {
            stated.get_or_init(|| {
                ctx.doc
                    .claims
                    .iter()
                    .flat_map(|c| resolve(ctx, c))
                    .filter(|c| c.sum.is_none())
                    .map(|c| c.table)
                    .collect()
            })
        };
        let mut seen = Vec::new();
        for table in &ctx.doc.tables {
            let Some(kind) = SectionKind::explaining(table.kind) else { continue };
            if has(kind) || seen.contains(&kind) {
                continue;
            }
            // An empty table that says so on its page is explained by that
            // statement; a table whose figures the text states, by the text.
            if table.empty_statement.is_some() || stated().iter().any(|t| std::ptr::eq(*t, table)) {
                continue;
            }
            seen.push(kind);
            let message = format!("{}已公开，但情况说明中没有对应的说明部分（{}）", table.display(), kind.name_zh());
            out.push(ctx.finding(message, None, vec![table_location(table)]));
        }
        // A file with nothing of a disclosure has no explanation to look in, and
        // a file of target forms alone has its explanation in another file:
        // C101 says what the file is.
        if super::nothing_of_a_disclosure(ctx) || forms_only(ctx.doc) {
            return;
        }
        for kind in &ctx.template.sections {
            if has(*kind) {
                continue;
            }
            let anchor = sections
                .iter()
                .find(|s| s.kind == SectionKind::OtherMatters)
                .map(|s| crate::context::text_location(&s.heading.source))
                .unwrap_or_else(|| part_anchor(ctx.doc, DocumentPart::Explanation));
            let message = format!("模板（{}）要求说明“{}”，但情况说明中没有该部分", ctx.template.name, kind.name_zh());
            out.push(ctx.finding(message, None, vec![anchor]));
        }
    }
}
