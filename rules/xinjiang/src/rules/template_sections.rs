use gongkai_plugin::gongkai_model::{Disclosure, Finding, Location, Provenance, SectionKind, Severity};
use gongkai_plugin::{Years, finding};

use crate::template::SECTIONS;

gongkai_plugin::rule! {
    /// ## What it checks
    /// The explanation (第三部分) has the sections of the Xinjiang template — 一
    /// 收支预算总体说明 … 十一 上年结转结余说明, 十二 其他重要事项 with its
    /// 机关运行经费, 政府采购, 国有资产占用使用 and 预算绩效 parts — and the document
    /// ends with a 名词解释 (第四部分).
    ///
    /// ## Why it matters
    /// Each table has its explanation, and the matters under 十二 are published
    /// nowhere else; a missing section leaves a table or a figure unexplained.
    ///
    /// ## Example
    /// Qitai 2024 has all twelve sections and the glossary: no finding. A
    /// document without `（二）政府采购情况` is reported.
    pub static TEMPLATE_SECTIONS = {
        id: "XJ005", name: "template-sections", title: "应有新疆模板规定的说明章节和名词解释",
        severity: Warning, kinds: [Budget], years: Years::from(2024), check: check,
    };
}

fn check(doc: &Disclosure) -> Vec<Finding> {
    let present: Vec<SectionKind> = doc.all_sections().iter().map(|s| s.kind).collect();
    let anchor = || {
        let line = doc.sections.first().map_or(1, |s| s.heading.source.line);
        vec![Location { at: Provenance::line(line), ..Location::default() }]
    };
    let mut out: Vec<Finding> = SECTIONS
        .iter()
        .filter(|kind| !present.contains(kind))
        .map(|kind| finding(Severity::Warning, format!("情况说明缺少新疆模板规定的“{}”部分", kind.name_zh()), anchor()))
        .collect();
    if doc.glossary_heading.is_none() && doc.glossary.is_empty() {
        out.push(finding(Severity::Warning, "缺少新疆模板规定的“名词解释”部分".to_owned(), anchor()));
    }
    out
}
