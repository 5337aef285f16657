//! Paragraphs: consecutive text lines joined where a sentence was broken by a
//! page end, with a map back from paragraph offsets to (line, column).

use gongkai_model::{Provenance, TextLine, TextRef};

use crate::layout::Line;

/// A paragraph and where each of its pieces came from.
#[derive(Clone, Debug, Default)]
pub struct Paragraph {
    /// The joined text (markdown residue removed).
    pub text: String,
    /// For each piece: (char offset in `text`, line number, page, 1-based column of
    /// the piece's first char on its line).
    pieces: Vec<(usize, u32, Option<u32>, u32)>,
    /// `text.chars().count()`, kept so that appending stays linear.
    chars: usize,
}

/// Strips markdown residue at the start of a line (`- `, `* `) and returns the
/// text with the 1-based column where it starts.
pub fn clean_line(line: &Line) -> (&str, u32) {
    let text = line.text.as_str();
    let mut body = text.trim_start_matches([' ', '\t']);
    if let Some(rest) = body.strip_prefix(['-', '*', '•']).and_then(|r| r.strip_prefix(' ')) {
        body = rest.trim_start_matches(' ');
    }
    // Every character stripped here is one byte wide except `•`: count the
    // stripped prefix in characters for the column.
    let column = text[..text.len() - body.len()].chars().count() as u32 + 1;
    (body.trim_end(), column)
}

impl Paragraph {
    /// Starts a paragraph from a line.
    pub fn from_line(line: &Line) -> Paragraph {
        let mut p = Paragraph::default();
        p.push(line);
        p
    }

    /// Starts a paragraph from a line's text after its first `skip` characters
    /// (the body of a run-in heading).
    pub fn from_line_after(line: &Line, skip: usize) -> Paragraph {
        let (text, column) = clean_line(line);
        let rest: String = text.chars().skip(skip).collect();
        let trimmed = rest.trim_start();
        let column = column + (skip + rest.chars().count() - trimmed.chars().count()) as u32;
        let mut p = Paragraph::default();
        p.pieces.push((0, line.number, line.page, column));
        p.chars = trimmed.chars().count();
        p.text.push_str(trimmed);
        p
    }

    /// Appends a line (a continuation after a page break).
    pub fn push(&mut self, line: &Line) {
        let (text, column) = clean_line(line);
        let offset = self.chars;
        self.pieces.push((offset, line.number, line.page, column));
        self.chars += text.chars().count();
        self.text.push_str(text);
    }

    /// Appends another paragraph (its pieces keep their lines).
    pub fn append(&mut self, other: &Paragraph) {
        for &(offset, line, page, column) in &other.pieces {
            self.pieces.push((self.chars + offset, line, page, column));
        }
        self.chars += other.chars;
        self.text.push_str(&other.text);
    }

    /// Whether the text ends a sentence (so the next line starts a new paragraph).
    /// `；` and `：` end a clause, not the sentence: the list they separate or
    /// introduce goes on on the next line unless that line starts an item of
    /// its own (numbered, a heading, a label).
    pub fn is_complete(&self) -> bool {
        self.text.trim_end().ends_with(['。', '！', '？', '!', '?'])
    }

    /// Where the chars `[start, end)` of the text stand. A span crossing a line
    /// break is reported from its start to the end of that line's piece.
    pub fn locate(&self, start: usize, end: usize) -> Provenance {
        // Pieces are sorted by offset: binary search keeps many claims on a long
        // paragraph linear-logarithmic.
        let piece = self.pieces.partition_point(|p| p.0 <= start).saturating_sub(1);
        let (offset, line, page, column) = self.pieces.get(piece).copied().unwrap_or((0, 0, None, 1));
        let piece_end = self.pieces.get(piece + 1).map_or(usize::MAX, |p| p.0);
        let len = end.min(piece_end).saturating_sub(start);
        Provenance::span(line, column + (start - offset) as u32, len as u32).with_page(page)
    }

    /// The paragraph as a text reference (markdown emphasis removed).
    pub fn to_text_ref(&self) -> TextRef {
        let first = self.pieces.first().copied().unwrap_or((0, 0, None, 1));
        // Each line's start, where the text was joined from several (and kept
        // as printed: removing `**` would move the offsets).
        let lines = if self.pieces.len() > 1 && !self.text.contains("**") {
            self.pieces
                .iter()
                .map(|&(offset, line, page, column)| TextLine {
                    offset: u32::try_from(offset).unwrap_or(u32::MAX),
                    line,
                    page,
                    column,
                })
                .collect()
        } else {
            Vec::new()
        };
        TextRef { text: self.text.replace("**", ""), source: Provenance::line(first.1).with_page(first.2), lines }
    }
}
