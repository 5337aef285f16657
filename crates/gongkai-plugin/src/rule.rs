//! A plugin rule: metadata plus an ordinary function over the document.

use gongkai_model::{Category, Disclosure, DocumentKind, Finding, Location, Severity};

use crate::manifest::{RuleInfo, Years};

/// One rule of a plugin. Declare it with [`rule!`](crate::rule!) so that its doc
/// comment becomes its documentation.
#[derive(Debug)]
pub struct Rule {
    /// Stable id (`XJ001`).
    pub id: &'static str,
    /// Short kebab-case name.
    pub name: &'static str,
    /// One line, in Chinese.
    pub title: &'static str,
    /// The default severity.
    pub severity: Severity,
    /// The documentation.
    pub doc: &'static str,
    /// The documentation in Chinese (empty if none).
    pub doc_zh: &'static str,
    /// The document kinds it applies to; empty means all.
    pub kinds: &'static [DocumentKind],
    /// The fiscal years it applies to.
    pub years: Years,
    /// The check. Findings may leave `rule` empty (filled in with this rule's id);
    /// `category` and `plugin` are overwritten by the runtime and the host.
    pub check: fn(&Disclosure) -> Vec<Finding>,
}

impl Rule {
    /// The manifest entry.
    pub fn info(&self) -> RuleInfo {
        RuleInfo {
            id: self.id.to_owned(),
            name: self.name.to_owned(),
            title: self.title.to_owned(),
            severity: self.severity,
            doc: self.doc.trim().to_owned(),
            doc_zh: self.doc_zh.trim().to_owned(),
            kinds: self.kinds.to_vec(),
            years: self.years,
        }
    }

    /// Runs the rule if it applies, stamping its id on findings that lack one.
    pub fn run(&self, doc: &Disclosure) -> Vec<Finding> {
        if !self.info().applies_to(doc.meta.kind, doc.meta.fiscal_year) {
            return Vec::new();
        }
        let mut findings = (self.check)(doc);
        for f in &mut findings {
            if f.rule.is_empty() {
                f.rule = self.id.to_owned();
            }
            f.category = Category::Plugin;
        }
        findings
    }
}

/// A finding with a severity, a message and its locations (the first is the
/// primary one). The rule id is filled in by [`Rule::run`].
pub fn finding(severity: Severity, message: String, locations: Vec<Location>) -> Finding {
    Finding {
        rule: String::new(),
        severity,
        category: Category::Plugin,
        message,
        expected: None,
        actual: None,
        locations,
        plugin: None,
    }
}

/// Declares a plugin rule as a `static` [`Rule`], taking its documentation from
/// the doc comment (*What it checks*, *Why it matters*, *Example*) and, after
/// `check`, the same in Chinese (`doc_zh`, shown by default):
///
/// ```
/// use gongkai_plugin::gongkai_model::{Disclosure, Finding};
/// fn check(_doc: &Disclosure) -> Vec<Finding> { Vec::new() }
/// gongkai_plugin::rule! {
///     /// ## What it checks
///     /// Nothing.
///     pub static NOTHING = {
///         id: "ZZ001", name: "nothing", title: "无", severity: Info,
///         kinds: [Budget], years: gongkai_plugin::Years::from(2024), check: check,
///         doc_zh: "## 检查内容\n不检查任何内容。",
///     };
/// }
/// assert_eq!(NOTHING.id, "ZZ001");
/// assert!(NOTHING.doc.contains("Nothing."));
/// assert!(NOTHING.doc_zh.contains("不检查"));
/// ```
#[macro_export]
macro_rules! rule {
    (
        $(#[doc = $doc:expr])*
        $vis:vis static $name:ident = {
            id: $id:literal, name: $rname:literal, title: $title:literal, severity: $sev:ident,
            kinds: [$($kind:ident),* $(,)?], years: $years:expr, check: $check:path
            $(, doc_zh: $doc_zh:literal)? $(,)?
        };
    ) => {
        $(#[doc = $doc])*
        $vis static $name: $crate::Rule = $crate::Rule {
            id: $id,
            name: $rname,
            title: $title,
            severity: $crate::gongkai_model::Severity::$sev,
            doc: concat!($($doc, "\n"),*),
            doc_zh: concat!("" $(, $doc_zh)?),
            kinds: &[$($crate::gongkai_model::DocumentKind::$kind),*],
            years: $years,
            check: $check,
        };
    };
}
