//! The page's text as positioned pieces: one per glyph for CJK text (the
//! extractor gives each glyph's x), one per word for Latin runs (it gives only the
//! run's extent, so word positions inside it are spread evenly by character).
//!
//! Coordinates are PDF user space, y up: a larger `baseline` is higher on the page.
//! Widths come from glyph *advances* (the next glyph's x), never from glyph boxes:
//! some producers draw digits with boxes twice their advance (the 重庆 document).

use pdfboss_text::TextSpan;

/// A piece of text at a position.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// The text (never containing tabs or line breaks).
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge (after the advance).
    pub x1: f32,
    /// Baseline.
    pub baseline: f32,
    /// Font size.
    pub size: f32,
}

impl Piece {
    /// The horizontal centre.
    pub fn center_x(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }

    /// A point inside the text's height: a third of the size above the baseline,
    /// what decides which table band a piece is in.
    pub fn center_y(&self) -> f32 {
        self.baseline + self.size * 0.3
    }
}

/// The pieces of a page's spans, in drawing order.
pub fn pieces(spans: &[TextSpan]) -> Vec<Piece> {
    let mut out = Vec::new();
    for span in spans {
        if span.vertical
            || span.rotate != 0
            || span.size.is_nan()
            || span.size <= 0.0
            || !span.x.is_finite()
            || !span.y.is_finite()
        {
            // Vertical or turned text (a stamp, a rotated margin note) is not part
            // of a disclosure's reading flow.
            continue;
        }
        let chars: Vec<char> = span.text.chars().map(clean_char).collect();
        if chars.is_empty() {
            continue;
        }
        if span.glyph_x.len() == chars.len() {
            for (k, ch) in chars.iter().enumerate() {
                if ch.is_whitespace() {
                    continue;
                }
                let x0 = span.glyph_x[k];
                let x1 = span.glyph_x.get(k + 1).copied().unwrap_or(span.end_x).max(x0);
                out.push(Piece { text: ch.to_string(), x0, x1, baseline: span.y, size: span.size });
            }
        } else {
            let advance = (span.end_x - span.x).max(0.0) / chars.len() as f32;
            let mut k = 0;
            while k < chars.len() {
                if chars[k].is_whitespace() {
                    k += 1;
                    continue;
                }
                let start = k;
                while k < chars.len() && !chars[k].is_whitespace() {
                    k += 1;
                }
                out.push(Piece {
                    text: chars[start..k].iter().collect(),
                    x0: span.x + advance * start as f32,
                    x1: span.x + advance * k as f32,
                    baseline: span.y,
                    size: span.size,
                });
            }
        }
    }
    out
}

/// Control characters (a tab, a soft hyphen drawn as a control) become spaces, so
/// the text we build keeps its own tabs and lines.
fn clean_char(c: char) -> char {
    if c.is_control() { ' ' } else { c }
}
