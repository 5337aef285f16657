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
        doc_zh: r#"
## 检查内容
情况说明中，每张已公开、且在全国统一结构中有对应说明部分的表（收支总体情况、收
入、支出、财政拨款、一般公共预算、基本支出、项目支出、基金、国资、三公、结转结
余），都有其说明部分；模板要求的其他各事项（机关运行经费、政府采购、国有资产占
用、预算绩效）也都有说明部分。以下情况，表不必有自己的说明部分：情况说明在别处说
明了它的数字（有一处表述与该表的某个单元格比对过，例如模板在一篇编制说明中说明全
部表格，或基本支出写在财政拨款部分内）；或者该表是空表并已注明（在表页上、目录中
或情况说明的某句话中）。文件中不见公开文件的任何内容（没有表，也没有情况说明的任
何部分），或只有绩效目标表（其情况说明在另一个文件中）的，只由 C101 报一条，本规
则不报告。

## 为何重要
没有说明的表只给读者留下一堆数字；其他事项的说明部分则是公开规定本身所要求的。

## 示例
删去标题“十、关于…财政拨款‘三公’经费预算情况说明”后，表10 就没有说明部分；
问题定位到表10 的标题。
"#,
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
