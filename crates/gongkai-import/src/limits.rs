//! Checks of the user-raisable [`Limits`](crate::Limits) that are shared by
//! several readers: the size of a table. Each refusal names the limit and the
//! command-line option that raises it.

use crate::error::ImportError;
use crate::layout::{Layout, Line, Sheet};

/// The error for a table (or sheet) of `rows` × `columns` over `limit` cells.
pub(crate) fn table_too_large(
    file: &str,
    line: Option<u32>,
    (what_zh, what): (&str, &str),
    rows: u64,
    columns: u64,
    limit: u64,
) -> ImportError {
    let cells = rows.saturating_mul(columns);
    let zh = format!(
        "{what_zh}有 {rows} 行 × {columns} 列 = {cells} 格，超过每表 {limit} 格的上限（可用 --max-table-cells 调高）"
    );
    let en = format!(
        "{what} has {rows} rows × {columns} columns = {cells} cells, over the limit of {limit} cells per table (raise it with --max-table-cells)"
    );
    match line {
        Some(line) => ImportError::at(file, line, zh, en),
        None => ImportError::file(file, zh, en),
    }
}

/// Rows × widest row of a run of lines, refused over `limit`.
fn check_run(lines: &[Line], file: &str, what: (&str, &str), limit: u64) -> Result<(), ImportError> {
    let rows = lines.len() as u64;
    let columns = lines.iter().map(|l| l.cells.len() as u64).max().unwrap_or(0);
    if rows.saturating_mul(columns) > limit {
        let line = lines.first().map(|l| l.number);
        return Err(table_too_large(file, line, what, rows, columns, limit));
    }
    Ok(())
}

/// Each sheet (one table of a workbook or CSV exchange) against the limit.
pub(crate) fn check_sheets(sheets: &[Sheet], file: &str, limit: u64) -> Result<(), ImportError> {
    sheets.iter().try_for_each(|s| {
        check_run(&s.lines, file, (&format!("工作表“{}”", s.name), &format!("sheet {}", s.name)), limit)
    })
}

/// Each table of a text layout, taken as a run of consecutive tabular lines
/// (what the recognizer can read as one table), against the limit. A text's
/// cells cost memory in proportion to its bytes, which `--max-input-mb` bounds;
/// this keeps one table's size the same limit for every input format.
pub(crate) fn check_text_tables(layout: &Layout, file: &str, limit: u64) -> Result<(), ImportError> {
    layout
        .lines
        .chunk_by(|a, b| a.is_tabular() == b.is_tabular())
        .filter(|run| run[0].is_tabular())
        .try_for_each(|run| check_run(run, file, ("从此行开始的表", "the table starting here"), limit))
}
