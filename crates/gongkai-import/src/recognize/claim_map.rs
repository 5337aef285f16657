//! Parsed claims (from `gongkai-claims`) placed in the document: character spans
//! of a paragraph become line/column provenance.

use std::ops::Range;

use gongkai_model::{Claim, SectionKind};

use super::paragraph::Paragraph;

/// The claims of one paragraph.
pub fn claims_of(section: SectionKind, p: &Paragraph) -> Vec<Claim> {
    let parsed = gongkai_claims::parse_paragraph(&p.text);
    if parsed.is_empty() {
        return Vec::new();
    }
    // Byte offset of every char, computed once: slicing a claim's text is then
    // constant time, so a paragraph with many claims stays linear.
    let mut bytes: Vec<usize> = p.text.char_indices().map(|(i, _)| i).collect();
    bytes.push(p.text.len());
    let slice = |span: &Range<usize>| -> String {
        let start = bytes.get(span.start).copied().unwrap_or(p.text.len());
        let end = bytes.get(span.end).copied().unwrap_or(p.text.len()).max(start);
        p.text[start..end].to_owned()
    };
    let locate = |span: Range<usize>| p.locate(span.start, span.end);
    parsed
        .iter()
        .map(|c| {
            let mut claim = c.to_claim(section, "", &locate);
            claim.text = slice(&c.span);
            claim
        })
        .collect()
}
