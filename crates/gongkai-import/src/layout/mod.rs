//! The layout layer: an input turned into numbered lines of cells, each cell with
//! the character column where it stands. Every input format (text now; PDF and
//! workbooks feed the same structure) ends here, so that the recognizer — the
//! hard part — is shared.

mod decode;
mod text;

pub use decode::{Decoded, decode};
pub use text::layout_text;

/// A cell of a line: its text (trimmed, widths folded) and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellText {
    /// The text, trimmed; empty for an empty cell.
    pub text: String,
    /// 1-based character column of the text's first character on the line (of the
    /// cell's start when empty).
    pub column: u32,
    /// Length in characters.
    pub length: u32,
}

/// One line of the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number (for workbooks: the sheet row).
    pub number: u32,
    /// 1-based page, when known.
    pub page: Option<u32>,
    /// The whole line with full-width ASCII folded to half-width (one character
    /// for one, so columns are the original's).
    pub text: String,
    /// The cells: split on tabs, or on runs of spaces for space-aligned tables.
    /// A line that is plain prose has one cell.
    pub cells: Vec<CellText>,
    /// A spreadsheet reference prefix for cell provenance (`表5!`), for workbooks.
    pub sheet: Option<String>,
}

impl Line {
    /// Whether nothing but blanks is on the line.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The cell texts.
    pub fn texts(&self) -> Vec<&str> {
        self.cells.iter().map(|c| c.text.as_str()).collect()
    }

    /// Whether the line is tabular (more than one cell).
    pub fn is_tabular(&self) -> bool {
        self.cells.len() > 1
    }
}

/// An input as lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    /// The lines in order.
    pub lines: Vec<Line>,
    /// How many pages (page breaks seen + 1, or the PDF's count).
    pub pages: Option<u32>,
}
