//! Text input (as extracted from a published PDF) to lines of cells.
//!
//! Cells are separated by tabs; when a line has no tab, by runs of two or more
//! spaces (text where someone replaced the tabs, or a space-aligned extraction).
//! In the space case an empty cell leaves a longer run behind: a run of k times
//! the line's narrowest separator stands for k−1 empty cells.

use gongkai_model::fold_width;

use super::{CellText, Layout, Line};

/// Splits decoded text into numbered lines of cells. A form feed starts a page.
pub fn layout_text(text: &str) -> Layout {
    // The separator width is the document's narrowest run of spaces: a line with
    // only leading empty cells cannot tell it by itself.
    // A document that uses tabs never separates cells with spaces: a double space
    // in its prose is just a double space.
    let uses_tabs = text.contains('\t');
    let mut chars = Vec::new();
    let width = if uses_tabs {
        None
    } else {
        text.lines()
            .filter_map(|l| {
                chars.clear();
                chars.extend(l.chars().map(fold_for_layout));
                narrowest_space_run(&chars)
            })
            .min()
    };
    let mut lines = Vec::new();
    let mut page = 1u32;
    // A text with page breaks (a PDF's, or an extraction that kept them) knows
    // the page of every line, the first page's included.
    let saw_form_feed = text.contains('\u{c}');
    for (index, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let mut body = raw;
        while let Some(rest) = body.strip_prefix('\u{c}') {
            page += 1;
            body = rest;
        }
        let folded = fold_line(raw);
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let cells = if uses_tabs {
            // Tab documents: a line without a tab is one cell.
            split_on_tabs(&folded)
        } else {
            chars.clear();
            chars.extend(folded.chars());
            split_on_spaces(&chars, width)
        };
        lines.push(Line {
            number,
            page: saw_form_feed.then_some(page),
            text: folded,
            cells,
            sheet: None,
            sheet_column: None,
        });
    }
    // A trailing newline does not make a line.
    if lines.last().is_some_and(|l| l.text.is_empty()) && text.ends_with('\n') {
        lines.pop();
    }
    Layout { lines, pages: saw_form_feed.then_some(page) }
}

/// Full-width digits and the ideographic space become their ASCII forms (one
/// character for one, so columns stay the original's); punctuation is kept as
/// printed — the recognizer's comparisons fold it, and quoted text stays faithful.
pub(super) fn fold_for_layout(c: char) -> char {
    match c {
        '\u{c}' => ' ',
        '\u{FF10}'..='\u{FF19}' | '\u{3000}' => fold_width(c),
        c => c,
    }
}

/// A line with [`fold_for_layout`] applied; most lines have nothing to fold and
/// are copied whole.
fn fold_line(raw: &str) -> String {
    // A form feed, U+3000 (`E3 80 80`) or a full-width digit (U+FF10..U+FF19,
    // `EF BC 90`..`EF BC 99`), looked for in one pass over the bytes: full-width
    // punctuation (`，` is `EF BC 8C`) is common and is kept as printed.
    let bytes = raw.as_bytes();
    let folds_at = |i: usize| match bytes[i] {
        0x0C => true,
        0xE3 => bytes.get(i + 1..i + 3) == Some(&[0x80, 0x80]),
        0xEF => bytes.get(i + 1) == Some(&0xBC) && bytes.get(i + 2).is_some_and(|b| (0x90..=0x99).contains(b)),
        _ => false,
    };
    if (0..bytes.len()).any(folds_at) { raw.chars().map(fold_for_layout).collect() } else { raw.to_owned() }
}

/// Splits one line into cells with their 1-based character columns: on tabs when
/// it has any, else on runs of spaces (at least `document_width` wide when known).
#[cfg(test)]
fn split_cells(line: &str, document_width: Option<usize>) -> Vec<CellText> {
    if line.contains('\t') {
        return split_on_tabs(line);
    }
    split_on_spaces(&line.chars().collect::<Vec<_>>(), document_width)
}

/// Cells between tabs (a line without a tab is one cell).
fn split_on_tabs(line: &str) -> Vec<CellText> {
    let mut cells = Vec::new();
    let mut column = 0;
    for piece in line.split('\t') {
        cells.push(cell_of(piece, column));
        column += piece.chars().count() + 1;
    }
    cells
}

/// A cell of `piece`, which starts at the 0-based character column `column`:
/// blanks around it trimmed, its column the first non-blank character's.
fn cell_of(piece: &str, column: usize) -> CellText {
    let body = piece.trim_start();
    let lead = piece[..piece.len() - body.len()].chars().count();
    let body = body.trim_end();
    CellText { text: body.to_owned(), column: (column + lead + 1) as u32, length: body.chars().count() as u32 }
}

/// Cells of a line without tabs: split on runs of spaces when it has any of at
/// least two, the run width capped by the document's.
fn split_on_spaces(chars: &[char], document_width: Option<usize>) -> Vec<CellText> {
    let width = narrowest_space_run(chars).map(|w| document_width.map_or(w, |d| d.min(w)));
    match width {
        Some(w) => split_on_space_runs(chars, w),
        None => vec![cell(chars, 0, chars.len())],
    }
}

/// The shortest run of ≥2 spaces strictly inside the text (not the trailing one).
fn narrowest_space_run(chars: &[char]) -> Option<usize> {
    let end = chars.iter().rposition(|c| *c != ' ')? + 1;
    let mut best: Option<usize> = None;
    let mut run = 0;
    for c in &chars[..end] {
        if *c == ' ' {
            run += 1;
        } else {
            if run >= 2 {
                best = Some(best.map_or(run, |b| b.min(run)));
            }
            run = 0;
        }
    }
    best
}

fn split_on_space_runs(chars: &[char], width: usize) -> Vec<CellText> {
    let end = chars.iter().rposition(|c| *c != ' ').map_or(0, |p| p + 1);
    let mut cells = Vec::new();
    let mut i = 0;
    // Leading spaces: empty cells before the first text.
    let lead = chars.iter().take_while(|c| **c == ' ').count();
    if lead >= width {
        for k in 0..lead / width {
            cells.push(CellText { text: String::new(), column: (k * width + 1) as u32, length: 0 });
        }
    }
    i += lead;
    while i < end {
        let start = i;
        // A cell runs until a run of ≥2 spaces.
        while i < end && !(chars[i] == ' ' && i + 1 < end && chars[i + 1] == ' ') {
            i += 1;
        }
        cells.push(cell(chars, start, i));
        let run_start = i;
        while i < end && chars[i] == ' ' {
            i += 1;
        }
        let run = i - run_start;
        if i < end && run >= width * 2 {
            for _ in 1..run / width {
                cells.push(CellText { text: String::new(), column: (run_start + 1) as u32, length: 0 });
            }
        }
    }
    cells
}

fn cell(chars: &[char], start: usize, end: usize) -> CellText {
    let slice = &chars[start..end];
    let lead = slice.iter().take_while(|c| c.is_whitespace()).count();
    let trail = slice.iter().rev().take_while(|c| c.is_whitespace()).count();
    let len = slice.len().saturating_sub(lead + trail);
    let text: String = slice[lead..lead + len].iter().collect();
    CellText { text, column: (start + lead + 1) as u32, length: len as u32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(line: &str) -> Vec<String> {
        split_cells(line, None).into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn tabs_keep_empty_cells_and_columns() {
        let cells = split_cells("208\t05\t\t行政事业单位养老支出\t78.41", None);
        let t: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(t, ["208", "05", "", "行政事业单位养老支出", "78.41"]);
        assert_eq!(cells[3].column, 9);
        assert_eq!(cells[4].column, 20);
    }

    #[test]
    fn space_runs_infer_empty_cells() {
        assert_eq!(texts("208  05    行政  78.41"), ["208", "05", "", "行政", "78.41"]);
        assert_eq!(texts("      总计  1,010.70"), ["", "", "", "总计", "1,010.70"]);
        assert_eq!(texts("一、主要职能"), ["一、主要职能"]);
        assert_eq!(texts("2024 年部门预算公开"), ["2024 年部门预算公开"]);
        let only_leading = split_cells("    230 转移性支出  ", Some(2));
        assert_eq!(only_leading.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), ["", "", "230 转移性支出"]);
    }

    #[test]
    fn full_width_is_folded_and_pages_counted() {
        let layout = layout_text("合计\t１，０８\n\u{c}第二页\n");
        assert_eq!(layout.lines[0].cells[1].text, "1，08");
        assert_eq!(layout.lines[1].page, Some(2));
        assert_eq!(layout.lines.len(), 2);
    }
}
