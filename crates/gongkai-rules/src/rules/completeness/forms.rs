//! A file of performance-target forms alone.

use gongkai_model::{Disclosure, SectionKind};

/// Whether the document is a file of performance-target forms published on
/// their own (项目支出绩效目标表, often over a hundred pages, apart from the
/// budget): forms read, and no disclosure table, explanation section or
/// glossary beside them. The tables, the explanation and the glossary are
/// another file's: C101 says once what the file is, and the completeness rules
/// that ask for the other parts stay silent.
pub(super) fn forms_only(doc: &Disclosure) -> bool {
    !doc.performance_targets.is_empty()
        && doc.tables.is_empty()
        && doc.sections.iter().all(|s| s.kind == SectionKind::Other)
        && doc.glossary.is_empty()
        && doc.glossary_heading.is_none()
}
