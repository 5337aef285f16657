//! PDF input: the text layer of a published disclosure rebuilt as the text the
//! recognizer reads — one line per printed line, table rows as tab-separated cells
//! (cells from the drawn rulings, see [`grid`]), a form feed between pages — so
//! that tables, sections and claims are recognised by the same code as text
//! input, and every line knows its page.
//!
//! Extraction is `pdfboss-text` (positioned spans with per-glyph x, and drawn
//! rulings); the choice is measured in docs/pdf-crate-evaluation.md.
//! Page furniture (running heads, footers, page numbers) is removed
//! ([`margins`]); a table continued on the next page loses its repeated header
//! rows, so the recognizer sees one table.

mod glyphs;
mod grid;
mod lines;
mod margins;

use std::collections::HashSet;

use pdfboss_core::Document;
use pdfboss_text::{ReadingOrder, extract_spans_and_rulings_reporting};

use crate::error::ImportError;
use crate::recognize::vocabulary::TitleKind;
use glyphs::Piece;
use grid::{Grid, TableRows};
use lines::VisualLine;
use margins::MarginLine;

/// A PDF's text layer as text.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfText {
    /// The rebuilt text: lines of tab-separated cells, `\f` lines between pages.
    pub text: String,
    /// Pages in the file.
    pub pages: u32,
    /// Pages (1-based) that have no text at all (a scanned page among text pages).
    pub pages_without_text: Vec<u32>,
    /// Of those, the pages that draw nothing at all: no image, no line, no fill.
    pub blank_pages: Vec<u32>,
}

/// One item of a page, in reading order.
enum Item {
    Line(VisualLine),
    Table(TableRows),
}

/// Reads a PDF's text layer. An encrypted PDF opens when its user password is
/// empty; one that needs a password, a damaged file, and a file without any text
/// (a scan: OCR is not supported) are errors naming the file.
pub fn read_pdf(bytes: &[u8], file: &str) -> Result<PdfText, ImportError> {
    // The PDF parser is a large body of code over hostile input: should it ever
    // panic, the user gets an import error for the file, not a crash.
    match std::panic::catch_unwind(|| read_all(bytes, file)) {
        Ok(result) => result,
        Err(_) => Err(ImportError::file(
            file,
            "PDF 文件已损坏，无法解析",
            "not a readable PDF (the reader failed on malformed content)",
        )),
    }
}

fn read_all(bytes: &[u8], file: &str) -> Result<PdfText, ImportError> {
    let locked = || {
        ImportError::file(
            file,
            "该 PDF 设有打开密码，无法读取；请提供无需密码即可打开的 PDF",
            "the PDF is encrypted with a password; only PDFs that open without one can be read",
        )
    };
    let doc = Document::load(bytes.to_vec()).map_err(|e| {
        // The reader opens files encrypted with an empty user password itself;
        // any other encryption is reported as such.
        let message = e.to_string();
        if message.contains("encrypt") {
            locked()
        } else {
            ImportError::file(
                file,
                format!("PDF 文件已损坏或不是有效的 PDF（{message}）"),
                format!("not a readable PDF: {message}"),
            )
        }
    })?;
    if doc.is_locked() {
        return Err(locked());
    }
    let count = doc.page_count();
    if count == 0 {
        return Err(ImportError::file(
            file,
            "该 PDF 没有可读取的页面（文件损坏或不完整？）",
            "the PDF has no pages it can read (damaged or truncated file?)",
        ));
    }
    let mut pages: Vec<Vec<Item>> = Vec::with_capacity(count);
    let mut heights = Vec::with_capacity(count);
    let mut pages_without_text = Vec::new();
    let mut blank_pages = Vec::new();
    for index in 0..count {
        let page = doc.page(index).map_err(|e| {
            ImportError::file(
                file,
                format!("第 {} 页无法读取（{e}）", index + 1),
                format!("page {}: cannot be read: {e}", index + 1),
            )
        })?;
        let (spans, rulings, _) =
            extract_spans_and_rulings_reporting(&doc, &page, ReadingOrder::Content).map_err(|e| {
                ImportError::file(
                    file,
                    format!("第 {} 页的文字无法提取（{e}）", index + 1),
                    format!("page {}: text cannot be extracted: {e}", index + 1),
                )
            })?;
        let view = glyphs::View::of_page(&spans, page.rotate, page.media_box);
        let pieces = glyphs::pieces(&spans, &view);
        if pieces.is_empty() {
            pages_without_text.push(index as u32 + 1);
            if page.content(&doc).is_ok_and(|content| draws_nothing(&content)) {
                blank_pages.push(index as u32 + 1);
            }
        }
        heights.push(view.vertical_extent());
        pages.push(page_items(pieces, &grid::grids(&view.rulings(rulings))));
    }
    if pages_without_text.len() == count {
        return Err(ImportError::file(
            file,
            "该 PDF 没有文字层（扫描件？）：不支持文字识别（OCR）；请提供制作该 PDF 所用的文本或 Excel 文件",
            "the PDF has no text layer (a scanned document?): OCR is not supported; use the text or workbook the PDF was made from",
        ));
    }
    let had_items: Vec<bool> = pages.iter().map(|items| !items.is_empty()).collect();
    remove_running_lines(&mut pages, &heights);
    // A page whose only text was its running head or page number, and which
    // paints nothing else, is blank to its reader (a Word page left empty
    // still prints its footer).
    for (index, items) in pages.iter().enumerate() {
        if had_items[index]
            && items.is_empty()
            && doc.page(index).and_then(|page| page.content(&doc)).is_ok_and(|content| !paints_graphics(&content))
        {
            blank_pages.push(index as u32 + 1);
        }
    }
    blank_pages.sort_unstable();
    join_continued_tables(&mut pages);
    Ok(PdfText { text: render(&pages), pages: count as u32, pages_without_text, blank_pages })
}

/// Whether a page's content stream paints nothing: no path stroked or filled,
/// no image, form or shading, no text shown. A stream that cannot be parsed
/// is taken to draw something (a page is called blank only when it surely is).
fn draws_nothing(content: &[u8]) -> bool {
    use pdfboss_core::content::Op;
    painted(content, |op| {
        matches!(
            op,
            Op::ShowText(_) | Op::ShowTextAdjusted(_) | Op::NextLineShowText(_) | Op::NextLineShowTextSpaced(..)
        )
    })
    .is_some_and(|painted| !painted)
}

/// Whether a page's content stream paints anything but text: a path stroked
/// or filled, an image, a form, a shading. A stream that cannot be parsed is
/// taken to paint.
fn paints_graphics(content: &[u8]) -> bool {
    painted(content, |_| false).is_none_or(|painted| painted)
}

/// Whether any operator of a content stream paints graphics or is `also`;
/// `None` when the stream cannot be parsed.
fn painted(content: &[u8], also: impl Fn(&pdfboss_core::content::Op) -> bool) -> Option<bool> {
    use pdfboss_core::content::{Op, parse_content};
    let ops = parse_content(content).ok()?;
    Some(ops.iter().any(|op| {
        also(op)
            || matches!(
                op,
                Op::Stroke
                    | Op::CloseStroke
                    | Op::Fill
                    | Op::FillEvenOdd
                    | Op::FillStroke
                    | Op::FillStrokeEvenOdd
                    | Op::CloseFillStroke
                    | Op::CloseFillStrokeEvenOdd
                    | Op::XObject(_)
                    | Op::InlineImage(_)
                    | Op::Shading(_)
            )
    }))
}

/// Splits a page's pieces between its ruled tables and its text lines, ordered
/// top to bottom (a table stands where its top border is).
fn page_items(pieces: Vec<Piece>, grids: &[Grid]) -> Vec<Item> {
    let mut in_grid: Vec<Vec<Piece>> = vec![Vec::new(); grids.len()];
    let mut loose = Vec::new();
    for piece in pieces {
        match grids.iter().position(|g| g.holds(&piece)) {
            Some(g) => in_grid[g].push(piece),
            None => loose.push(piece),
        }
    }
    let mut placed: Vec<(f32, Item)> =
        lines::group_lines(loose).into_iter().map(|l| (l.baseline, Item::Line(l))).collect();
    for (grid, pieces) in grids.iter().zip(in_grid) {
        if !pieces.is_empty() {
            placed.push((grid.top, Item::Table(grid.rows(pieces))));
        }
    }
    placed.sort_by(|a, b| b.0.total_cmp(&a.0));
    placed.into_iter().map(|(_, item)| item).collect()
}

/// Removes running heads, footers and page numbers: the outermost two text lines
/// at the top and bottom of each page, when they sit in the page's margin and
/// repeat or read as a page number (see [`margins::running_lines`]). A table
/// number printed in the header (see [`margins::table_numbers`]) stays where it
/// is, above the page's table, where the recognizer takes a number line above a
/// title; printed in a running head (`某局2026年部门预算    预算01表`), it stays
/// without the head's words.
fn remove_running_lines(pages: &mut [Vec<Item>], heights: &[(f32, f32)]) {
    let mut candidates = Vec::new();
    for (p, items) in pages.iter().enumerate() {
        let (y0, height) = heights[p];
        // The outer tenth of the page, or the outer inch (landscape table pages
        // print their page number about an inch from the edge).
        let margin = (0.1 * height).max(72.0);
        let n = items.len();
        for i in (0..n.min(2)).chain(n.saturating_sub(2)..n) {
            if let Item::Line(line) = &items[i]
                && !candidates.iter().any(|c: &MarginLine| c.page == p && c.item == i)
            {
                let from_bottom = line.baseline - y0;
                let top = from_bottom >= height - margin;
                if top || from_bottom <= margin {
                    let text = line.chunks(2.0).join(" ");
                    let number = number_chunk(line).map(|(n, _)| n);
                    candidates.push(MarginLine { page: p, item: i, text, top, number });
                }
            }
        }
    }
    // A performance-target form's title repeats on every page of a file of
    // forms (each page a form, its title close to the top edge): it is the
    // form's title, not a running head.
    let aliases = crate::recognize::vocabulary::Aliases::default();
    candidates.retain(|c| {
        !matches!(
            crate::recognize::vocabulary::table_title(&c.text, &aliases),
            Some(TitleKind::OverallTargets | TitleKind::ProjectTargets)
        )
    });
    let furniture: HashSet<(usize, usize)> = margins::running_lines(&candidates, pages.len()).into_iter().collect();
    let numbers: HashSet<(usize, usize)> = margins::table_numbers(&candidates).into_iter().collect();
    for (p, items) in pages.iter_mut().enumerate() {
        let kept = std::mem::take(items).into_iter().enumerate().filter_map(|(i, item)| {
            let running = furniture.contains(&(p, i));
            if !numbers.contains(&(p, i)) {
                return (!running).then_some(item);
            }
            Some(match item {
                Item::Line(line) if running => Item::Line(number_chunk(&line).map_or(line, |(_, chunk)| chunk)),
                other => other,
            })
        });
        *items = kept.collect();
    }
}

/// The table number a line reads as (`预算01表`), whole or in one of its chunks
/// (`某局2026年部门预算    预算01表`), with the line of that chunk.
fn number_chunk(line: &VisualLine) -> Option<(u32, VisualLine)> {
    if let Some(n) = crate::recognize::table_number(&line.chunks(2.0).join(" ")) {
        return Some((n, line.clone()));
    }
    let mut numbered = line
        .split(2.0)
        .into_iter()
        .filter_map(|part| crate::recognize::table_number(&part.chunks(2.0).concat()).map(|n| (n, part)));
    let found = numbered.next()?;
    numbered.next().is_none().then_some(found)
}

/// A table that ends one page and starts the next is one table: the header rows
/// the next page repeats (rows equal to the previous part's first rows, without
/// amounts) are dropped.
fn join_continued_tables(pages: &mut [Vec<Item>]) {
    for p in 1..pages.len() {
        let (before, after) = pages.split_at_mut(p);
        let Some(Item::Table(previous)) = before[p - 1].last_mut() else {
            continue;
        };
        let Some(Item::Table(next)) = after[0].first_mut() else { continue };
        // A last page holding only the total row is drawn with the merged cell
        // alone: its cells go back under the previous part's columns.
        next.rows = next.aligned_to(&previous.lefts);
        next.lefts.clone_from(&previous.lefts);
        let rows = &mut next.rows;
        let repeated = rows
            .iter()
            .zip(previous.rows.iter())
            .take_while(|(a, b)| {
                a == b && !a.cells.iter().any(|c| gongkai_model::Number::parse_printed(c).is_some() && !is_index(c))
            })
            .count();
        rows.drain(..repeated);
        // A row cut by the page end: its wrapped label and numbers go on.
        if let (Some(last), Some(first)) = (previous.rows.last_mut(), rows.first())
            && continues_row(last, first)
        {
            let first = rows.remove(0);
            for (cell, more) in last.cells.iter_mut().zip(first.cells) {
                cell.push_str(&more);
            }
        }
    }
}

/// Whether `next` (the first row on a page) is the rest of `last` (the last row
/// on the page before), cut by the page end: each of its cells continues the
/// cell above (a number cut short, `12,437.3` then `6`, or text), at least one
/// of them a number, and it has no cell of its own.
fn continues_row(last: &grid::GridRow, next: &grid::GridRow) -> bool {
    if last.spanning || next.spanning || last.cells.len() != next.cells.len() {
        return false;
    }
    let mut numbers = 0;
    for (above, cell) in last.cells.iter().zip(&next.cells) {
        if cell.is_empty() {
            continue;
        }
        if above.is_empty() {
            return false;
        }
        let fragment = cell.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',');
        if fragment {
            if !grid::unfinished_number(above)
                || gongkai_model::Number::parse_printed(&format!("{above}{cell}")).is_none()
            {
                return false;
            }
            numbers += 1;
        } else if gongkai_model::Number::parse_printed(above).is_some() {
            return false;
        }
    }
    numbers > 0
}

/// A column index (`1`, `2`, … printed under a header) repeats with the header.
fn is_index(cell: &str) -> bool {
    cell.len() <= 2 && cell.chars().all(|c| c.is_ascii_digit())
}

/// The text of the pages: one line per item line, tab-separated cells, a form
/// feed line between pages.
fn render(pages: &[Vec<Item>]) -> String {
    let mut out = String::new();
    for (p, items) in pages.iter().enumerate() {
        if p > 0 {
            out.push_str("\u{c}\n");
        }
        for item in items {
            match item {
                Item::Line(line) => {
                    for text in line_texts(line) {
                        out.push_str(&text);
                        out.push('\n');
                    }
                }
                Item::Table(table) => {
                    for row in &table.rows {
                        out.push_str(&row.line());
                        out.push('\n');
                    }
                }
            }
        }
    }
    out
}

/// A text line outside any ruled table: its chunks (text separated by gaps of
/// more than two ems) joined by tabs, like a row of a table drawn without
/// rulings; except letter-spaced text (`目    录`: single characters), which is
/// one word, and notes printed side by side above a table (`部门：…  单位：万元`),
/// which are lines of their own.
fn line_texts(line: &VisualLine) -> Vec<String> {
    let chunks = line.chunks(2.0);
    if chunks.len() > 1 && chunks.iter().all(|c| c.chars().count() == 1 && !c.chars().all(|ch| ch.is_ascii_digit())) {
        return vec![chunks.concat()];
    }
    if chunks.len() > 1 && chunks.iter().all(|c| super::is_note(c)) {
        return chunks;
    }
    vec![chunks.join("\t")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_draws_nothing_only_when_nothing_is_painted() {
        // Transforms, a clip and an empty text object (a blank page's stream).
        assert!(draws_nothing(b"1 0 0 -1 0 841.9 cm q 1 0 0 1 90 72 cm Q BT 0 841.88 Td ET 36 805 m 559 805 l h W n"));
        assert!(draws_nothing(b""));
        // A picture, a ruling, a fill, text shown.
        assert!(!draws_nothing(b"q 375 0 0 225 113.25 580.88 cm /img1 Do Q"));
        assert!(!draws_nothing(b"36 805 m 559 805 l S"));
        assert!(!draws_nothing(b"0 0 100 100 re f"));
        assert!(!draws_nothing(b"BT /F1 12 Tf (a) Tj ET"));
        // Text alone (a page number) paints no graphics; a ruling or a picture does.
        assert!(!paints_graphics(b"BT /F1 9 Tf (- 3 -) Tj ET"));
        assert!(paints_graphics(b"BT /F1 9 Tf (3) Tj ET 36 805 m 559 805 l S"));
        assert!(paints_graphics(b"q 10 0 0 10 0 0 cm /Im0 Do Q"));
    }

    fn row(cells: &[&str]) -> grid::GridRow {
        grid::GridRow { cells: cells.iter().map(|c| (*c).to_owned()).collect(), spanning: false }
    }

    /// A visual line of chunks, each at its x, on one baseline.
    fn line(chunks: &[(f32, &str)], baseline: f32) -> Item {
        let pieces = chunks
            .iter()
            .map(|(x, text)| Piece {
                text: (*text).to_owned(),
                x0: *x,
                x1: x + 10.0 * text.chars().count() as f32,
                baseline,
                size: 10.0,
            })
            .collect();
        Item::Line(VisualLine { pieces, baseline, size: 10.0 })
    }

    /// Each page's header prints the document's name and, at the right, the
    /// number of the page's table (`预算02表`); a table continued on the next
    /// page repeats its number there. The name and the page numbers go as
    /// furniture; the number stays alone where it changes, and goes where it
    /// repeats.
    #[test]
    fn a_table_number_in_a_running_head_stays_alone() {
        let mut pages: Vec<Vec<Item>> = [1, 2, 2, 3]
            .iter()
            .enumerate()
            .map(|(p, n)| {
                vec![
                    line(&[(40.0, "某局2026年部门预算"), (700.0, &format!("预算0{n}表"))], 560.0),
                    line(&[(300.0, &format!("第{p}张表的标题"))], 500.0),
                    line(&[(410.0, &format!("- {} -", p + 1))], 40.0),
                ]
            })
            .collect();
        remove_running_lines(&mut pages, &[(0.0, 595.0); 4]);
        assert_eq!(
            render(&pages),
            "预算01表\n第0张表的标题\n\u{c}\n预算02表\n第1张表的标题\n\u{c}\n第2张表的标题\n\u{c}\n预算03表\n第3张表的标题\n"
        );
    }

    /// `某市机动` … `11,276.9` at the foot of a page, `车检测中心` … `6` at the
    /// head of the next: one row.
    #[test]
    fn a_row_cut_by_the_page_end_goes_on() {
        let last = row(&["某市机动", "21,300.50", "11,276.9"]);
        assert!(continues_row(&last, &row(&["车检测中心", "", "6"])));
        // A row of its own has figures of its own.
        assert!(!continues_row(&last, &row(&["某局", "703.20", "703.20"])));
        // Text alone continues nothing that needs joining.
        assert!(!continues_row(&last, &row(&["（续）", "", ""])));
        // A whole figure is not cut.
        assert!(!continues_row(&row(&["某单位", "21,300.50", "11,276.90"]), &row(&["", "", "6"])));
    }
}
