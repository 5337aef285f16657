//! Sheet-per-table inputs (workbooks and CSV exchanges): which sheets are tables,
//! and the layout the recognizer reads.
//!
//! A sheet is a table when a table title (or a `表5` number) stands in its first
//! rows, or else when its name is a table title — then a title line with the name
//! is put before its rows. A 目录 sheet (named 目录, or with 目录 in its first
//! rows) goes first, for the recognizer to read as it reads a text's 目录: the
//! tables it lists that the workbook lacks become `missing_tables`. Other sheets
//! (a cover, a sheet of notes) are not guessed at: their text goes to `unparsed`,
//! and the explanation comes from a text file (`import_combined`).

use gongkai_model::{Provenance, Unparsed};

use crate::error::Diagnostic;
use crate::layout::{CellText, Layout, Line, Sheet};
use crate::recognize::vocabulary::{Aliases, normalize, table_title};

/// How many non-blank rows at the top of a sheet may hold its title (a number
/// line, a blank-looking code row or a subtitle may come first).
const TITLE_ROWS: usize = 6;

/// The tables' layout, and what was not placed.
pub(crate) struct SheetTables {
    /// The table sheets' lines, sheet after sheet.
    pub layout: Layout,
    /// The text of sheets that are no table.
    pub unplaced: Vec<Unparsed>,
    /// One note per sheet left out.
    pub diagnostics: Vec<Diagnostic>,
}

/// Picks the table sheets and lays them end to end (the recognizer ends a table
/// at a sheet boundary).
pub(crate) fn table_layout(sheets: Vec<Sheet>, aliases: &Aliases) -> SheetTables {
    let mut out = SheetTables { layout: Layout::default(), unplaced: Vec::new(), diagnostics: Vec::new() };
    let mut contents: Option<Sheet> = None;
    for sheet in sheets {
        let Some(first) = sheet.lines.first() else { continue };
        // Before the title test: a 目录's rows are table titles too.
        if contents.is_none() && is_contents(&sheet) {
            contents = Some(sheet);
            continue;
        }
        let titled = sheet.lines.iter().take(TITLE_ROWS).any(|l| is_title_or_number(l, aliases));
        if titled {
            out.layout.lines.extend(sheet.lines);
        } else if table_title(sheet.name.trim(), aliases).is_some() {
            out.layout.lines.push(one_text_line(first, sheet.name.trim()));
            out.layout.lines.extend(sheet.lines);
        } else {
            leave_out(sheet, &mut out);
        }
    }
    match contents {
        // A 目录 with nothing to list is no disclosure: say so as for any sheet.
        Some(sheet) if out.layout.lines.is_empty() => leave_out(sheet, &mut out),
        Some(mut sheet) => {
            // The recognizer enters its 目录 state at a 目录 line: a sheet found by
            // its name alone gets one, as a named table sheet gets its title.
            let has_heading = sheet.lines.iter().take(TITLE_ROWS).any(is_contents_heading);
            if !has_heading && let Some(first) = sheet.lines.first() {
                let heading = one_text_line(first, sheet.name.trim());
                sheet.lines.insert(0, heading);
            }
            sheet.lines.append(&mut out.layout.lines);
            out.layout.lines = sheet.lines;
        }
        None => {}
    }
    out
}

/// Keeps a sheet that is no table as `unparsed`, with a note.
fn leave_out(sheet: Sheet, out: &mut SheetTables) {
    let Some(first) = sheet.lines.first() else { return };
    out.diagnostics.push(Diagnostic {
        line: first.number,
        message: format!(
            "sheet {} is not a disclosure table (no table title in its first rows or its name); its text is kept as unparsed",
            sheet.name
        ),
    });
    for line in sheet.lines {
        let text = line.cells.iter().map(|c| c.text.as_str()).filter(|t| !t.is_empty()).collect::<Vec<_>>();
        out.unplaced.push(Unparsed {
            text: text.join(" | "),
            reason: format!("sheet {} is not a disclosure table", sheet.name),
            source: Provenance::line(line.number),
        });
    }
}

/// A 目录 sheet: named 目录 (`目 录`), or with a 目录 line in its first rows.
fn is_contents(sheet: &Sheet) -> bool {
    normalize(&sheet.name) == "目录" || sheet.lines.iter().take(TITLE_ROWS).any(is_contents_heading)
}

fn is_contents_heading(line: &Line) -> bool {
    !line.is_tabular() && normalize(&line.text) == "目录"
}

/// A line of one text (a title) at `like`'s row and sheet.
fn one_text_line(like: &Line, text: &str) -> Line {
    Line {
        number: like.number,
        page: None,
        cells: vec![CellText { text: text.to_owned(), column: 1, length: text.chars().count() as u32 }],
        text: text.to_owned(),
        sheet: like.sheet.clone(),
        sheet_column: None,
    }
}

fn is_title_or_number(line: &Line, aliases: &Aliases) -> bool {
    let text: String =
        line.cells.iter().map(|c| c.text.as_str()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join("");
    let normalized = normalize(&text);
    let numbered = normalized
        .strip_prefix("附表")
        .or_else(|| normalized.strip_prefix('表'))
        .is_some_and(|rest| !rest.is_empty() && rest.chars().count() <= 3 && rest.chars().all(|c| c.is_ascii_digit()));
    numbered || table_title(&text, aliases).is_some()
}
