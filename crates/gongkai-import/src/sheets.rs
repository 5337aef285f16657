//! Sheet-per-table inputs (workbooks and CSV exchanges): which sheets are tables,
//! and the layout the recognizer reads.
//!
//! A sheet is a table when a table title (or a `表5` number) stands in its first
//! rows, or else when its name is a table title — then a title line with the name
//! is put before its rows. Sheets that are neither (a cover, a 目录, a sheet of
//! notes) are not guessed at: their text goes to `unparsed`, and the explanation
//! comes from a text file (`import_combined`).

use gongkai_model::{Provenance, Unparsed};

use crate::error::Diagnostic;
use crate::layout::{CellText, Layout, Line, Sheet};
use crate::recognize::vocabulary::{Aliases, table_title};

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
    for sheet in sheets {
        let Some(first) = sheet.lines.first() else { continue };
        let titled = sheet.lines.iter().take(TITLE_ROWS).any(|l| is_title_or_number(l, aliases));
        if titled {
            out.layout.lines.extend(sheet.lines);
        } else if table_title(sheet.name.trim(), aliases).is_some() {
            let name = sheet.name.trim().to_owned();
            let title = Line {
                number: first.number,
                page: None,
                cells: vec![CellText { text: name.clone(), column: 1, length: name.chars().count() as u32 }],
                text: name,
                sheet: first.sheet.clone(),
            };
            out.layout.lines.push(title);
            out.layout.lines.extend(sheet.lines);
        } else {
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
    }
    out
}

fn is_title_or_number(line: &Line, aliases: &Aliases) -> bool {
    let text: String =
        line.cells.iter().map(|c| c.text.as_str()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join("");
    let normalized = crate::recognize::vocabulary::normalize(&text);
    let numbered = normalized
        .strip_prefix("附表")
        .or_else(|| normalized.strip_prefix('表'))
        .is_some_and(|rest| !rest.is_empty() && rest.chars().count() <= 3 && rest.chars().all(|c| c.is_ascii_digit()));
    numbered || table_title(&text, aliases).is_some()
}
