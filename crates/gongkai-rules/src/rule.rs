//! What a rule is: metadata (stable id, family, default severity, documentation)
//! and a check over one document.
//!
//! A rule's documentation is its doc comment, written once: [`declare_rule!`]
//! captures it into [`RuleMeta::doc`], which `gongkai rules explain ID --lang en`
//! prints (the ruff pattern). Sections: *What it checks*, *Why it matters*,
//! *Example*. The same text in Chinese, for the reviewers who read it, stands
//! beside it in the same declaration ([`RuleMeta::doc_zh`]: 检查内容, 为何重要,
//! 示例), printed by default.

use gongkai_model::{Category, Finding, Severity};

use crate::context::Context;

/// What the engine and the CLI know about a rule.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable id: a family letter and a number (`A101`). Never reused.
    pub id: &'static str,
    /// Short kebab-case name (`hierarchy-sum`).
    pub name: &'static str,
    /// The family.
    pub category: Category,
    /// The default severity.
    pub severity: Severity,
    /// The documentation (the rule's doc comment).
    pub doc: &'static str,
    /// What it checks, in one line of Chinese (`gongkai rules`).
    pub title_zh: &'static str,
    /// The documentation in Chinese (`## 检查内容`, `## 为何重要`, `## 示例`).
    pub doc_zh: &'static str,
}

impl RuleMeta {
    /// The first line of the documentation's *What it checks* section.
    pub fn summary(&self) -> &'static str {
        self.doc.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#')).unwrap_or("")
    }
}

/// A check over one document.
pub trait Rule: Send + Sync {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;

    /// Reports findings. Findings are created with [`Context::finding`], which
    /// fills in the rule's id, family and configured severity.
    fn check(&self, ctx: &Context<'_>, out: &mut Findings);
}

/// The findings a rule reports, with its metadata at hand.
pub struct Findings<'a> {
    pub(crate) meta: &'static RuleMeta,
    pub(crate) severity: Severity,
    pub(crate) out: &'a mut Vec<Finding>,
}

impl Findings<'_> {
    /// Reports a finding with the rule's configured severity.
    pub fn push(&mut self, mut finding: Finding) {
        finding.rule = self.meta.id.to_owned();
        finding.category = self.meta.category;
        finding.severity = self.severity;
        self.out.push(finding);
    }

    /// Reports a finding with a severity of its own (e.g. information where the
    /// data cannot prove more), still lowered or raised by configuration only
    /// through the rule's configured severity when that differs from the default.
    pub fn push_with(&mut self, mut finding: Finding, severity: Severity) {
        let configured = if self.severity != self.meta.severity { self.severity } else { severity };
        finding.rule = self.meta.id.to_owned();
        finding.category = self.meta.category;
        finding.severity = configured;
        self.out.push(finding);
    }
}

/// Declares a rule type with its metadata, taking the documentation from the doc
/// comment:
///
/// ```ignore
/// declare_rule! {
///     /// ## What it checks
///     /// …
///     pub struct HierarchySum {
///         id: "A101", name: "hierarchy-sum", category: Arithmetic, severity: Error,
///         title_zh: "各级科目合计：类等于所属各款之和，款等于所属各项之和，总计等于各类之和",
///         doc_zh: r#"
/// ## 检查内容
/// …
/// "#,
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:expr])*
        pub struct $name:ident {
            id: $id:literal, name: $rname:literal, category: $cat:ident, severity: $sev:ident,
            title_zh: $zh:literal, doc_zh: $doc_zh:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Default, Clone, Copy)]
        pub struct $name;

        impl $name {
            /// The rule's metadata.
            pub const META: $crate::RuleMeta = $crate::RuleMeta {
                id: $id,
                name: $rname,
                category: gongkai_model::Category::$cat,
                severity: gongkai_model::Severity::$sev,
                doc: concat!($($doc, "\n"),*),
                title_zh: $zh,
                doc_zh: $doc_zh,
            };
        }
    };
}
