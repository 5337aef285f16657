//! Parsed claims (from `gongkai-claims`) placed in the document: character spans
//! of a paragraph become line/column provenance.

use gongkai_model::{Claim, SectionKind};

use super::paragraph::Paragraph;

/// The claims of one paragraph.
pub fn claims_of(section: SectionKind, p: &Paragraph) -> Vec<Claim> {
    let locate = |span: std::ops::Range<usize>| p.locate(span.start, span.end);
    gongkai_claims::parse_paragraph(&p.text).iter().map(|c| c.to_claim(section, &p.text, &locate)).collect()
}
