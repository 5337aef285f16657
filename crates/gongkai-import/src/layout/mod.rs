//! The layout layer: an input turned into numbered lines of cells, each cell with
//! the character column where it stands. Every input format (text now; PDF and
//! workbooks and CSV feed the same structure) ends here, so that the recognizer — the
//! hard part — is shared.

pub mod csv;
mod decode;
pub mod pdf;
mod text;
pub mod workbook;
mod xls_guard;
mod zip_guard;

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
    /// For a spreadsheet row read as one text (see [`Line::in_sheet_columns`]):
    /// the 0-based column that text stands in.
    pub sheet_column: Option<u32>,
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

    /// A spreadsheet row that was read as one text, with its cells back in their
    /// sheet columns. A row holding one text is a title or a note above a table,
    /// but inside a table's grid it is a row: a 支出 label beside an empty 收入
    /// side (`| | 230 转移性支出`), whose column says which side it is on.
    pub fn in_sheet_columns(&self) -> Option<Line> {
        let column = usize::try_from(self.sheet_column?).ok()?;
        let prefix = self.sheet.as_deref()?;
        let mut cells = vec![String::new(); column];
        cells.push(self.text.clone());
        Some(tabular_line(self.number, prefix, cells))
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

/// One sheet of a workbook (or one table of a CSV exchange): its name and its
/// non-blank rows as lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sheet {
    /// The sheet name as the workbook has it (or the CSV file's / `table` column's).
    pub name: String,
    /// The rows, numbered by sheet row, each with [`Line::sheet`] set.
    pub lines: Vec<Line>,
}

/// The reference prefix of a sheet (`表5!`), quoted the way spreadsheets quote
/// names with spaces or punctuation (`'Sheet 1'!`).
pub fn sheet_ref(name: &str) -> String {
    let plain = name.chars().all(|c| c.is_alphanumeric() || c == '_');
    if plain && !name.is_empty() { format!("{name}!") } else { format!("'{}'!", name.replace('\'', "''")) }
}

/// Builds the line(s) of one spreadsheet row from its cell texts, indexed from
/// column A. A row whose only content is one piece of text (a title, `单位：万元`,
/// an empty-table statement) becomes a one-cell line like the same text in an
/// extracted document, keeping its column for a table that reads it as a row
/// ([`Line::in_sheet_columns`]); a row holding only notes (`编制单位：…` and `单位：万元`
/// side by side) becomes one line per note, so the recognizer reads each.
pub(crate) fn sheet_line(number: u32, prefix: &str, cells: Vec<String>) -> Vec<Line> {
    let cells: Vec<String> = cells.into_iter().map(|c| c.trim().chars().map(text::fold_for_layout).collect()).collect();
    let filled: Vec<&String> = cells.iter().filter(|c| !c.is_empty()).collect();
    let one_text = filled.len() == 1 && gongkai_model::Number::parse_printed(filled[0]).is_none();
    let all_notes = filled.len() > 1 && filled.iter().all(|c| is_note(c));
    if one_text {
        let mut line = prose_line(number, prefix, filled[0]);
        line.sheet_column = cells.iter().position(|c| !c.is_empty()).and_then(|i| u32::try_from(i).ok());
        return vec![line];
    }
    if all_notes {
        return filled.into_iter().map(|text| prose_line(number, prefix, text)).collect();
    }
    vec![tabular_line(number, prefix, cells)]
}

/// A spreadsheet row as a line of cells, in their columns.
fn tabular_line(number: u32, prefix: &str, cells: Vec<String>) -> Line {
    let mut text = String::new();
    let mut out = Vec::with_capacity(cells.len());
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            text.push('\t');
        }
        let column = text.chars().count() as u32 + 1;
        text.push_str(&cell);
        out.push(CellText { length: cell.chars().count() as u32, text: cell, column });
    }
    Line { number, page: None, text, cells: out, sheet: Some(prefix.to_owned()), sheet_column: None }
}

fn prose_line(number: u32, prefix: &str, text: &str) -> Line {
    let cell = CellText { text: text.to_owned(), column: 1, length: text.chars().count() as u32 };
    Line {
        number,
        page: None,
        text: text.to_owned(),
        cells: vec![cell],
        sheet: Some(prefix.to_owned()),
        sheet_column: None,
    }
}

/// `编制单位：…`, `单位：万元`, `金额单位：元`: the notes printed above a table.
fn is_note(text: &str) -> bool {
    let t = text.trim_start();
    ["编制单位", "编制部门", "部门：", "部门:", "单位：", "单位:", "金额单位"].iter().any(|p| t.starts_with(p))
}
