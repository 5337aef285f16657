//! Excel workbooks (.xlsx, .xls) to sheets of lines, read with `calamine`.
//!
//! Each sheet row becomes a [`Line`] numbered by its row, with one [`CellText`]
//! per column from column A (so a cell's index is its column letter) and the
//! sheet as the provenance prefix (`表5!`), so that a finding points at `表5!E12`.
//! Merged cells keep their text in the first cell of the span, exactly as a PDF
//! extraction prints them, which is what the header resolver reads (by reading
//! order). Numbers are printed the way a budget table prints them; anything a
//! reviewer should know about (a formula never calculated, a date where an amount
//! belongs, an error value) is kept as text with a diagnostic naming the cell.

use std::io::{Cursor, Read, Seek};

use calamine::{Data, Range, Reader, StyleRange, Xls, Xlsx};

use super::{Sheet, sheet_line, sheet_ref};
use crate::Limits;
use crate::error::{Diagnostic, ImportError};
use crate::limits::table_too_large;
use crate::recognize::column_letters;

/// The first bytes of a compound file (an .xls workbook).
const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads every sheet of a workbook.
pub fn read_workbook(bytes: &[u8], file: &str, limits: &Limits) -> Result<(Vec<Sheet>, Vec<Diagnostic>), ImportError> {
    // calamine is a parser of a complex binary format; should it ever panic on a
    // malformed file, the user gets an import error, not a crash. (An allocation
    // that fails aborts instead of panicking: the guards before calamine are
    // there so that a small file never asks for a huge one.)
    let result = std::panic::catch_unwind(|| read_all(bytes, file, limits));
    match result {
        Ok(read) => read,
        Err(_) => Err(ImportError::file(
            file,
            "Excel 工作簿已损坏，无法解析",
            "not a readable workbook (the reader failed on malformed content)",
        )),
    }
}

/// Only the formats we promise (.xls, and .xlsx/.xlsm) are tried, each after its
/// guard: calamine would also try .xlsb and .ods, whose readers load every sheet
/// (and expand repeated rows) before we could look at a size.
fn read_all(bytes: &[u8], file: &str, limits: &Limits) -> Result<(Vec<Sheet>, Vec<Diagnostic>), ImportError> {
    if bytes.starts_with(&CFB_MAGIC) {
        super::xls_guard::check(bytes, file, limits)?;
        let mut book = Xls::new(Cursor::new(bytes)).map_err(|e| {
            ImportError::file(
                file,
                format!(".xls 工作簿已损坏或不是有效的工作簿（{e}）"),
                format!("not a readable .xls workbook: {e}"),
            )
        })?;
        return read_sheets(&mut book, file, limits, |_, _| Ok(()));
    }
    super::zip_guard::check(bytes, file, limits.max_input_bytes)?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        ImportError::file(
            file,
            format!("Excel 工作簿已损坏或不是有效的工作簿（{e}）"),
            format!("not a readable .xlsx/.xls workbook: {e}"),
        )
    })?;
    read_sheets(&mut book, file, limits, |book, name| xlsx_extent(book, name, file, limits.max_table_cells))
}

/// Reads the sheets of an opened workbook; `precheck` runs before a sheet's
/// range is built (calamine allocates the whole used range at once).
fn read_sheets<RS: Read + Seek, R: Reader<RS>>(
    book: &mut R,
    file: &str,
    limits: &Limits,
    precheck: impl Fn(&mut R, &str) -> Result<(), ImportError>,
) -> Result<(Vec<Sheet>, Vec<Diagnostic>), ImportError>
where
    R::Error: std::fmt::Display,
{
    let mut sheets = Vec::new();
    let mut diagnostics = Vec::new();
    for name in book.sheet_names() {
        precheck(book, &name)?;
        let values = book.worksheet_range(&name).map_err(|e| {
            ImportError::file(
                file,
                format!("工作表“{name}”无法读取（{e}）"),
                format!("sheet {name}: cannot be read: {e}"),
            )
        })?;
        let (height, width) = values.get_size();
        if (height as u64).saturating_mul(width as u64) > limits.max_table_cells {
            return Err(table_too_large(
                file,
                None,
                (&format!("工作表“{name}”"), &format!("sheet {name}")),
                height as u64,
                width as u64,
                limits.max_table_cells,
            ));
        }
        // Formulas only matter where no value was cached; a workbook written by a
        // program that never calculated it has formulas and no values.
        let formulas = book.worksheet_formula(&name).ok().filter(|r| !r.is_empty());
        // Number formats say how many decimals a number is printed with (.xlsx
        // only; calamine reads no styles from .xls).
        let styles = book.worksheet_style(&name).unwrap_or_else(|_| StyleRange::empty());
        let printed = Printed { formulas: formulas.as_ref(), styles: &styles };
        sheets.push(read_sheet(&name, &values, &printed, &mut diagnostics));
    }
    Ok((sheets, diagnostics))
}

/// The bounding box of an .xlsx sheet's cells, streamed (nothing kept), against
/// the cell limit: calamine's value, formula and style ranges each allocate
/// their bounding box whole, and two cells at `A1` and `XFD1048576` make one of
/// 17 billion cells from a file of a few hundred bytes.
fn xlsx_extent<RS: Read + Seek>(book: &mut Xlsx<RS>, name: &str, file: &str, limit: u64) -> Result<(), ImportError> {
    // A sheet that cannot be streamed is reported by `worksheet_range` next.
    let Ok(mut cells) = book.worksheet_cells_reader(name) else { return Ok(()) };
    let (mut top, mut left, mut bottom, mut right) = (u32::MAX, u32::MAX, 0u32, 0u32);
    while let Ok(Some(cell)) = cells.next_cell() {
        let (row, column) = cell.get_position();
        (top, left) = (top.min(row), left.min(column));
        (bottom, right) = (bottom.max(row), right.max(column));
        let rows = u64::from(bottom.saturating_sub(top)) + 1;
        let columns = u64::from(right.saturating_sub(left)) + 1;
        if rows.saturating_mul(columns) > limit {
            let reach = format!("{}{}", column_letters(right as usize), bottom + 1);
            let what = (
                format!("工作表“{name}”（其单元格延伸到 {reach}）"),
                format!("sheet {name} (its cells reach {reach})"),
            );
            return Err(table_too_large(file, None, (&what.0, &what.1), rows, columns, limit));
        }
    }
    Ok(())
}

/// What besides the values tells how a cell is printed.
struct Printed<'a> {
    formulas: Option<&'a Range<String>>,
    styles: &'a StyleRange,
}

impl Printed<'_> {
    /// The cell's number format, when it has one: its decimals (`#,##0.00` → 2)
    /// and its least number of integer digits (`00` → 2, how templates print a
    /// 款 code `02` stored as the number 2).
    fn look(&self, row: usize, column: usize) -> Option<Look> {
        let position = (u32::try_from(row).ok()?, u32::try_from(column).ok()?);
        let code = &self.styles.get(position)?.number_format.as_ref()?.format_code;
        let first_section = code.split(';').next().unwrap_or("");
        let (integer, fraction) = first_section.split_once('.').unwrap_or((first_section, ""));
        let decimals = fraction.chars().take_while(|c| matches!(c, '0' | '#')).count();
        let digits = integer.chars().filter(|c| *c == '0').count();
        let numeric = first_section.contains(['0', '#']);
        numeric.then_some(Look { decimals, digits })
    }
}

/// How a number format prints a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Look {
    decimals: usize,
    digits: usize,
}

/// Turns one sheet's values into lines; blank rows are left out (the recognizer
/// skips them anyway, and a sheet of a million empty rows must stay cheap).
fn read_sheet(name: &str, values: &Range<Data>, printed: &Printed<'_>, diagnostics: &mut Vec<Diagnostic>) -> Sheet {
    let prefix = sheet_ref(name);
    let mut lines = Vec::new();
    let Some((first_row, first_col)) = values.start() else {
        return Sheet { name: name.to_owned(), lines };
    };
    for (r, row) in values.rows().enumerate() {
        let row_number = first_row as usize + r + 1;
        let index_row = row.iter().find(|d| !matches!(d, Data::Empty)).is_some_and(|d| text_of(d) == "※");
        let mut cells: Vec<String> = vec![String::new(); first_col as usize];
        for (c, data) in row.iter().enumerate() {
            let column = first_col as usize + c;
            let at = || format!("{prefix}{}{row_number}", column_letters(column));
            let text = match data {
                Data::Empty => String::new(),
                Data::Float(f) => format_float(*f, printed.look(first_row as usize + r, column), index_row),
                Data::Int(i) => i.to_string(),
                Data::String(s) => join_wrapped(s),
                Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
                Data::DateTime(d) => {
                    let (y, m, day, ..) = d.to_ymd_hms_milli();
                    let shown = format!("{y:04}-{m:02}-{day:02}");
                    diagnostics.push(diagnostic(
                        row_number,
                        format!("{}: a date ({shown}) where an amount or text belongs (a cell formatted as a date?); kept as text", at()),
                    ));
                    shown
                }
                Data::DateTimeIso(s) | Data::DurationIso(s) => {
                    diagnostics.push(diagnostic(
                        row_number,
                        format!("{}: a date or time ({s}) where an amount or text belongs; kept as text", at()),
                    ));
                    s.clone()
                }
                Data::Error(e) => {
                    diagnostics.push(diagnostic(row_number, format!("{}: error value {e}; kept as text", at())));
                    e.to_string()
                }
            };
            // A formula whose value was never calculated reads as nothing (or an
            // empty string): say so, and keep the formula where the value belongs.
            let text = match formula_at(printed.formulas, first_row as usize + r, column) {
                Some(formula) if text.is_empty() => {
                    diagnostics.push(diagnostic(
                        row_number,
                        format!(
                            "{}: formula ={formula} has no calculated value (the workbook was saved without calculating it); kept as text",
                            at()
                        ),
                    ));
                    format!("={formula}")
                }
                _ => text,
            };
            cells.push(text);
        }
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if cells.is_empty() {
            continue;
        }
        let number = u32::try_from(row_number).unwrap_or(u32::MAX);
        lines.extend(sheet_line(number, &prefix, cells));
    }
    Sheet { name: name.to_owned(), lines }
}

fn diagnostic(line: usize, message: String) -> Diagnostic {
    Diagnostic { line: u32::try_from(line).unwrap_or(u32::MAX), message }
}

fn formula_at(formulas: Option<&Range<String>>, row: usize, column: usize) -> Option<&str> {
    let (r, c) = (u32::try_from(row).ok()?, u32::try_from(column).ok()?);
    formulas?.get_value((r, c)).map(String::as_str).filter(|f| !f.is_empty())
}

fn text_of(data: &Data) -> String {
    match data {
        Data::String(s) => s.trim().to_owned(),
        _ => String::new(),
    }
}

/// A number as printed: with its number format's decimals when it has one
/// (more when the value has more, so nothing is rounded away); without a format,
/// an integral value (a code like `205`, a column number) is an integer and any
/// other value has at least two decimals. Column numbers of a `※` row are
/// integers whatever their format.
pub(crate) fn format_float(value: f64, look: Option<Look>, index_row: bool) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let integral = value.fract() == 0.0 && value.abs() < 1e15;
    let wanted = match look {
        _ if index_row && integral => 0,
        Some(look) => look.decimals,
        None if integral => 0,
        None => 2,
    };
    // Rust's shortest round-trip form tells how many decimals the value really has.
    let shortest = value.to_string();
    let has = shortest.split_once('.').map_or(0, |(_, d)| d.len());
    let printed = if has <= wanted { format!("{value:.wanted$}") } else { shortest };
    match look {
        // Zero-padded integers (`00`): a code part, printed as the template shows it.
        Some(Look { digits, decimals: 0 }) if digits > 1 && integral && value >= 0.0 => format!("{printed:0>digits$}"),
        _ => printed,
    }
}

/// Text wrapped inside a cell (`事业单位⏎经营收入`) is one label: the line breaks
/// go, as they do when a PDF's wrapped header is extracted.
fn join_wrapped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, part) in text.trim().split(['\n', '\r']).map(str::trim).filter(|p| !p.is_empty()).enumerate() {
        let ascii_boundary =
            out.ends_with(|c: char| c.is_ascii_alphanumeric()) && part.starts_with(|c: char| c.is_ascii_alphanumeric());
        if i > 0 && ascii_boundary {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Look, format_float};

    #[test]
    fn numbers_print_as_formatted_or_with_two_decimals() {
        assert_eq!(format_float(1010.7, None, false), "1010.70");
        let money = Some(Look { decimals: 2, digits: 1 });
        assert_eq!(format_float(82.0, money, false), "82.00");
        assert_eq!(format_float(2.0, Some(Look { decimals: 0, digits: 2 }), false), "02");
        assert_eq!(format_float(205.0, None, false), "205");
        assert_eq!(format_float(0.123, money, false), "0.123");
        assert_eq!(format_float(3.0, money, true), "3");
        assert_eq!(format_float(-5.5, None, false), "-5.50");
    }

    #[test]
    fn wrapped_labels_are_joined() {
        assert_eq!(super::join_wrapped("事业单位\n经营收入"), "事业单位经营收入");
        assert_eq!(super::join_wrapped("Total\r\nbudget"), "Total budget");
    }
}
