//! CSV exchanges (machine-made): one file per table, or one file whose first
//! column is named `table` and says which table each row belongs to.
//!
//! A table's rows are its rows as printed (title, notes, header rows, `※` row,
//! data); the title may be left out, then the file name (or the `table` value)
//! names the table. The text has been decoded already (UTF-8, GB18030, UTF-16 by
//! `layout::decode`). Quoting follows RFC 4180: `"…"` with `""` for a quote, and
//! line breaks inside quotes.
//!
//! Provenance: the line is the CSV line where the record starts; the cell letter
//! counts the table's columns (after the `table` column in the one-file form).

use super::{Sheet, sheet_line, sheet_ref};
use crate::error::Diagnostic;

/// Reads CSV text into one sheet per table. `name` is the file's stem, the
/// table's name when the file holds one table.
pub fn read_csv(text: &str, name: &str) -> (Vec<Sheet>, Vec<Diagnostic>) {
    let (records, mut diagnostics) = parse_records(text);
    let long_form = records.first().and_then(|(_, cells)| cells.first()).is_some_and(|c| c.trim() == "table");
    if !long_form {
        let prefix = sheet_ref(name);
        let lines = records.into_iter().flat_map(|(number, cells)| row_lines(number, &prefix, cells)).collect();
        return (vec![Sheet { name: name.to_owned(), lines }], diagnostics);
    }
    let mut sheets: Vec<Sheet> = Vec::new();
    for (number, mut cells) in records.into_iter().skip(1) {
        let table = cells.first().map(|c| c.trim().to_owned()).unwrap_or_default();
        if table.is_empty() {
            if cells.iter().any(|c| !c.trim().is_empty()) {
                diagnostics.push(Diagnostic {
                    line: number,
                    message: "row without a `table` value; left out of every table".into(),
                });
            }
            continue;
        }
        cells.remove(0);
        let prefix = sheet_ref(&table);
        let lines = row_lines(number, &prefix, cells);
        match sheets.iter_mut().find(|s| s.name == table) {
            Some(sheet) => sheet.lines.extend(lines),
            None => sheets.push(Sheet { name: table, lines }),
        }
    }
    (sheets, diagnostics)
}

fn row_lines(number: u32, prefix: &str, mut cells: Vec<String>) -> Vec<super::Line> {
    while cells.last().is_some_and(|c| c.trim().is_empty()) {
        cells.pop();
    }
    if cells.is_empty() { Vec::new() } else { sheet_line(number, prefix, cells) }
}

/// Splits CSV text into records with the 1-based line where each starts. An
/// unterminated quote runs to the end of the text and is reported.
fn parse_records(text: &str) -> (Vec<(u32, Vec<String>)>, Vec<Diagnostic>) {
    let mut records = Vec::new();
    let mut diagnostics = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut in_quotes = false;
    let mut line: u32 = 1;
    let mut start_line: u32 = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, in_quotes) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', true) => in_quotes = false,
            ('"', false) if cell.trim().is_empty() => {
                cell.clear();
                in_quotes = true;
            }
            (',', false) => cells.push(std::mem::take(&mut cell)),
            ('\r', false) if chars.peek() == Some(&'\n') => {}
            ('\n', false) | ('\r', false) => {
                cells.push(std::mem::take(&mut cell));
                records.push((start_line, std::mem::take(&mut cells)));
                line += 1;
                start_line = line;
            }
            ('\n', true) => {
                line += 1;
                cell.push('\n');
            }
            (c, _) => cell.push(c),
        }
    }
    if in_quotes {
        diagnostics.push(Diagnostic {
            line: start_line,
            message: "unterminated quote: the record runs to the end of the file".into(),
        });
    }
    if !cell.is_empty() || !cells.is_empty() {
        cells.push(cell);
        records.push((start_line, cells));
    }
    (records, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_commas_and_line_numbers() {
        let (records, diagnostics) = parse_records("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"x\ny\",2\n3");
        assert!(diagnostics.is_empty());
        assert_eq!(records[0], (1, vec!["a".into(), "b,c".into(), "say \"hi\"".into()]));
        assert_eq!(records[1], (2, vec!["x\ny".into(), "2".into()]));
        assert_eq!(records[2], (4, vec!["3".into()]));
    }

    #[test]
    fn one_file_with_a_table_column_is_split_by_table() {
        let (sheets, _) = read_csv("table,a,b\n表1,总计,1.00\n表2,总计,2.00\n表1,208,1.00\n", "all");
        assert_eq!(sheets.len(), 2);
        assert_eq!(sheets[0].name, "表1");
        assert_eq!(sheets[0].lines.len(), 2);
        assert_eq!(sheets[0].lines[1].number, 4);
        assert_eq!(sheets[0].lines[1].texts(), ["208", "1.00"]);
    }
}
