//! Workbooks: a disclosure's tables in the template layout (`gongkai export --to
//! xlsx`), and the findings with the cells involved coloured (`validate --format
//! xlsx`).
//!
//! The table layout is the one budget templates use and the workbook reader
//! (gongkai-import) reads back: one sheet per table named `表N`; a title row;
//! the 编制单位 and 单位 notes; the header rows, a group header merged over its
//! columns and a one-level header merged down to the last header row; a `※` row
//! numbering the columns; then the rows, codes split into 类/款/项 columns and
//! amounts as numbers formatted with the decimals they were printed with.

use crate::lang::Lang;
use gongkai_model::{
    ClassCode, Disclosure, DocumentFindings, Finding, Provenance, Row, RowRole, Scheme, Table, TablePart, Unit,
};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

/// The fill of a cell a finding points at.
const FLAGGED: u32 = 0xFFC7CE;

/// The styles of a table sheet.
struct Styles {
    title: Format,
    header: Format,
    text: Format,
    flagged_text: Format,
}

impl Styles {
    fn new() -> Styles {
        let cell = Format::new().set_border(FormatBorder::Thin);
        Styles {
            title: Format::new().set_bold().set_font_size(16).set_align(FormatAlign::Center),
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            flagged_text: cell.clone().set_background_color(Color::RGB(FLAGGED)),
            text: cell,
        }
    }

    /// `#,##0.00` for an amount printed with two decimals (`#,##0` with none).
    fn amount(&self, decimals: u32, flagged: bool) -> Format {
        let pattern =
            if decimals == 0 { "#,##0".to_owned() } else { format!("#,##0.{}", "0".repeat(decimals as usize)) };
        let format = self.text.clone().set_num_format(pattern);
        if flagged { format.set_background_color(Color::RGB(FLAGGED)) } else { format }
    }
}

/// Which cells of a document the findings point at.
struct Flags<'a> {
    findings: &'a [Finding],
}

impl Flags<'_> {
    /// Whether a finding points at this cell (same line and column, or the same
    /// spreadsheet cell).
    fn cell(&self, at: Option<&Provenance>) -> bool {
        let Some(at) = at else { return false };
        self.findings.iter().flat_map(|f| &f.locations).any(|l| {
            (l.at.cell.is_some() && l.at.cell == at.cell)
                || (l.at.line == at.line && l.at.column.is_some() && l.at.column == at.column)
        })
    }

    /// Whether a finding points at the row as a whole (its line, no column).
    fn row(&self, row: &Row) -> bool {
        self.findings
            .iter()
            .flat_map(|f| &f.locations)
            .any(|l| l.at.line == row.source.line && l.at.column.is_none() && l.at.cell.is_none())
    }
}

/// The disclosure's tables as a workbook, one sheet per table.
pub fn tables_workbook(doc: &Disclosure) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    add_table_sheets(&mut book, doc, &Flags { findings: &[] })?;
    book.save_to_buffer()
}

/// The findings as a workbook: a `findings` sheet with one row per finding and
/// place, then each document's tables with the cells involved filled in colour.
/// `documents` holds each checked document's model, when it could be read.
pub fn findings_workbook(reports: &[DocumentFindings], documents: &[Option<Disclosure>]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let styles = Styles::new();
    let sheet = book.add_worksheet();
    let lang = Lang::current();
    sheet.set_name(lang.pick("问题", "findings"))?;
    let headers = match lang {
        Lang::Zh => ["文件", "规则", "级别", "问题", "表", "行", "列", "页", "行号", "单元格"],
        Lang::En => ["file", "rule", "severity", "message", "table", "row", "column", "page", "line", "cell"],
    };
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &styles.header)?;
    }
    let severity = |s: gongkai_model::Severity| lang.pick(s.name_zh(), s.id());
    let mut r: u32 = 1;
    for report in reports {
        let file = report.files.join(" + ");
        if let Some(error) = &report.error {
            sheet.write_string(r, 0, &file)?;
            sheet.write_string(r, 2, lang.pick("无法读取", "unreadable"))?;
            sheet.write_string(r, 3, error)?;
            r += 1;
        }
        for finding in &report.findings {
            let places: Vec<Option<&gongkai_model::Location>> =
                if finding.locations.is_empty() { vec![None] } else { finding.locations.iter().map(Some).collect() };
            for place in places {
                sheet.write_string(r, 0, &file)?;
                sheet.write_string(r, 1, &finding.rule)?;
                sheet.write_string(r, 2, severity(finding.severity))?;
                sheet.write_string(r, 3, &finding.message)?;
                if let Some(l) = place {
                    if let Some(t) = l.table {
                        sheet.write_string(r, 4, t.name_zh())?;
                    }
                    if let Some(row) = &l.row {
                        sheet.write_string(r, 5, row)?;
                    }
                    let column = l.column_header.clone().or_else(|| l.measure.as_ref().map(|m| m.name_zh().to_owned()));
                    if let Some(column) = column {
                        sheet.write_string(r, 6, column)?;
                    }
                    if let Some(page) = l.at.page {
                        sheet.write_number(r, 7, f64::from(page))?;
                    }
                    sheet.write_number(r, 8, f64::from(l.at.line))?;
                    if let Some(cell) = &l.at.cell {
                        sheet.write_string(r, 9, cell)?;
                    }
                }
                r += 1;
            }
        }
    }
    for (c, width) in [24.0, 8.0, 9.0, 60.0, 24.0, 28.0, 20.0, 6.0, 6.0, 12.0].into_iter().enumerate() {
        sheet.set_column_width(c as u16, width)?;
    }
    // A reviewer sorts and filters the findings: the header stays in view.
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, r.saturating_sub(1).max(1), (headers.len() - 1) as u16)?;
    add_coverage_sheet(&mut book, reports, &styles)?;
    for (report, doc) in reports.iter().zip(documents) {
        if let Some(doc) = doc {
            add_table_sheets(&mut book, doc, &Flags { findings: &report.findings })?;
        }
    }
    book.save_to_buffer()
}

/// One row per document: what the check reached, and what it did not.
fn add_coverage_sheet(book: &mut Workbook, reports: &[DocumentFindings], styles: &Styles) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(Lang::current().pick("检查范围", "coverage"))?;
    let headers = [
        "文件",
        "目录列出的表",
        "其中识别",
        "识别的已知表",
        "核对项",
        "说明中的金额",
        "其中已比对",
        "推定读取降级",
        "无文字层页",
        "未检查的内容",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &styles.header)?;
    }
    for (i, report) in reports.iter().enumerate() {
        let r = u32::try_from(i + 1).unwrap_or(u32::MAX);
        sheet.write_string(r, 0, report.files.join(" + "))?;
        let Some(c) = &report.coverage else {
            sheet.write_string(r, 9, format!("无法读取：{}", report.error.as_deref().unwrap_or("")))?;
            continue;
        };
        let numbers = [
            c.tables.listed,
            c.tables.listed_recognised,
            u32::try_from(c.tables.recognised.len()).unwrap_or(u32::MAX),
            c.checks.evaluated,
            c.claims.with_amount,
            c.claims.resolved,
            c.checks.lowered,
            u32::try_from(c.pages.without_text.len()).unwrap_or(u32::MAX),
        ];
        for (k, n) in numbers.into_iter().enumerate() {
            sheet.write_number(r, k as u16 + 1, f64::from(n))?;
        }
        let mut gaps: Vec<String> = c.tables.listed_not_found.iter().map(|t| format!("未找到：{t}")).collect();
        gaps.extend(c.tables.unknown_kind.iter().map(|t| format!("类型未知：{t}")));
        gaps.extend(c.checks.not_checked.iter().map(|n| format!("{}：{}", n.what, n.reason.name_zh())));
        sheet.write_string(r, 9, gaps.join("；"))?;
    }
    for (c, width) in [40.0, 12.0, 8.0, 12.0, 8.0, 12.0, 10.0, 12.0, 10.0, 80.0].into_iter().enumerate() {
        sheet.set_column_width(c as u16, width)?;
    }
    Ok(())
}

fn add_table_sheets(book: &mut Workbook, doc: &Disclosure, flags: &Flags<'_>) -> Result<(), XlsxError> {
    let styles = Styles::new();
    let mut names: Vec<String> = book.worksheets().iter().map(|w| w.name()).collect();
    for (i, table) in doc.tables.iter().enumerate() {
        let base = format!("表{}", table.number.unwrap_or(i as u32 + 1));
        let mut name = base.clone();
        let mut k = 2;
        while names.contains(&name) {
            name = format!("{base}-{k}");
            k += 1;
        }
        names.push(name.clone());
        let sheet = book.add_worksheet();
        sheet.set_name(&name)?;
        write_table(sheet, table, &styles, flags)?;
    }
    Ok(())
}

/// One column of the sheet: what its header says and where its values come from.
enum Slot {
    /// A 类, 款 or 项 digit group of the code.
    CodePart(usize),
    /// The row's name (科目名称 / 项目 / label).
    Label,
    /// The project name.
    Project,
    /// A numeric column of the part.
    Value(usize),
}

fn write_table(sheet: &mut Worksheet, table: &Table, styles: &Styles, flags: &Flags<'_>) -> Result<(), XlsxError> {
    let two_sided = table.parts.len() == 2 && table.parts.iter().all(|p| p.side.is_some());
    let width = if two_sided {
        table.parts.iter().map(|p| p.columns.len() + 1).sum::<usize>()
    } else {
        table.parts.first().map_or(0, |p| label_slots(table, p).len() + p.columns.len())
    };
    let last_col = width.saturating_sub(1) as u16;
    merge_or_write(sheet, 0, 0, 0, last_col, &table.title, &styles.title)?;
    if let Some(unit) = &table.compiled_by {
        sheet.write_string(1, 0, format!("编制单位：{unit}"))?;
    }
    let unit = if table.unit == Unit::Yuan { "单位：元" } else { "单位：万元" };
    sheet.write_string(1, last_col.max(1), unit)?;
    let mut next = 2;
    if two_sided {
        next = write_two_sided(sheet, table, next, styles, flags)?;
    } else if let Some(part) = table.parts.first() {
        next = write_coded(sheet, table, part, next, styles, flags)?;
    }
    if let Some(statement) = &table.empty_statement {
        sheet.write_string(next, 0, &statement.text)?;
    }
    sheet.set_column_width(last_col.max(1), 14.0)?;
    Ok(())
}

/// The label columns of a one-part table: the code split into 类/款/项 (two
/// groups for economic codes), the name, and the project name when rows have one.
fn label_slots(table: &Table, part: &TablePart) -> Vec<Slot> {
    let codes: Vec<&ClassCode> = part.rows.iter().filter_map(|r| r.code.as_ref()).collect();
    let economic = codes.iter().any(|c| c.scheme() != Scheme::Function)
        || (codes.is_empty() && table.kind == gongkai_model::TableKind::GeneralBudgetBasicExpenditure);
    let coded = !codes.is_empty() || table.kind.is_function_coded() || economic;
    let mut slots = Vec::new();
    if coded {
        let levels = if economic { 2 } else { 3 };
        slots.extend((0..levels).map(Slot::CodePart));
    }
    slots.push(Slot::Label);
    if part.rows.iter().any(|r| r.project.is_some()) {
        slots.push(Slot::Project);
    }
    slots
}

fn write_coded(
    sheet: &mut Worksheet,
    table: &Table,
    part: &TablePart,
    top: u32,
    styles: &Styles,
    flags: &Flags<'_>,
) -> Result<u32, XlsxError> {
    let mut slots = label_slots(table, part);
    let labels = slots.len();
    let code_levels = slots.iter().filter(|s| matches!(s, Slot::CodePart(_))).count();
    slots.extend((0..part.columns.len()).map(Slot::Value));
    let paths: Vec<Vec<&str>> = part.columns.iter().map(|c| c.header.split('/').collect()).collect();
    let depth = paths.iter().map(Vec::len).max().unwrap_or(1).max(if code_levels > 0 { 2 } else { 1 }) as u32;
    let bottom = top + depth - 1;
    let economic = code_levels == 2;
    // Label headers.
    let mut col: u16 = 0;
    if code_levels > 0 {
        let group = if economic { "经济分类科目编码" } else { "功能分类科目编码" };
        merge_or_write(sheet, top, 0, bottom - 1, code_levels as u16 - 1, group, &styles.header)?;
        for (k, level) in ["类", "款", "项"].iter().take(code_levels).enumerate() {
            sheet.write_string_with_format(bottom, k as u16, *level, &styles.header)?;
        }
        col = code_levels as u16;
    }
    let name_header = match (code_levels, table.kind) {
        (0, gongkai_model::TableKind::ThreePublicExpenses) => "“三公”经费支出内容",
        (0, _) => "项目",
        _ if economic => "经济分类科目名称",
        _ => "功能分类科目名称",
    };
    merge_or_write(sheet, top, col, bottom, col, name_header, &styles.header)?;
    if labels > code_levels + 1 {
        merge_or_write(sheet, top, col + 1, bottom, col + 1, "项目名称", &styles.header)?;
    }
    // Numeric headers: each level's label merged over the columns that share it.
    let first = labels as u16;
    for level in 0..depth as usize {
        let mut j = 0;
        while j < paths.len() {
            let Some(text) = paths[j].get(level) else {
                j += 1;
                continue;
            };
            let is_leaf = paths[j].len() == level + 1;
            let mut end = j;
            while !is_leaf
                && end + 1 < paths.len()
                && paths[end + 1].len() > level + 1
                && paths[end + 1][..=level] == paths[j][..=level]
            {
                end += 1;
            }
            let row = top + level as u32;
            let last_row = if is_leaf { bottom } else { row };
            merge_or_write(sheet, row, first + j as u16, last_row, first + end as u16, text, &styles.header)?;
            j = end + 1;
        }
    }
    // The ※ row numbers the columns, so the reader knows where the labels end.
    let index_row = bottom + 1;
    for c in 0..labels as u16 {
        sheet.write_string_with_format(index_row, c, "※", &styles.header)?;
    }
    for (j, column) in part.columns.iter().enumerate() {
        let index = column.index.clone().unwrap_or_else(|| (j + 1).to_string());
        sheet.write_string_with_format(index_row, first + j as u16, index, &styles.header)?;
    }
    let mut r = index_row + 1;
    for row in &part.rows {
        let flagged_row = flags.row(row);
        for (c, slot) in slots.iter().enumerate() {
            let c = c as u16;
            let label_format = if flagged_row { &styles.flagged_text } else { &styles.text };
            match slot {
                Slot::CodePart(level) => {
                    if let Some(part) = row.code.as_ref().and_then(|code| code_part(code, *level)) {
                        sheet.write_string_with_format(r, c, part, label_format)?;
                    }
                }
                Slot::Label => {
                    let label = if row.role == RowRole::OfWhich && !row.label.starts_with("其中") {
                        format!("其中：{}", row.label)
                    } else {
                        let numbering = row.numbering.as_deref().map(|n| format!("{n}、")).unwrap_or_default();
                        format!("{numbering}{}", row.label)
                    };
                    if !label.is_empty() {
                        sheet.write_string_with_format(r, c, label, label_format)?;
                    }
                }
                Slot::Project => {
                    if let Some(project) = &row.project {
                        sheet.write_string_with_format(r, c, project, label_format)?;
                    }
                }
                Slot::Value(j) => write_cell(sheet, r, c, row, *j, styles, flags)?,
            }
        }
        r += 1;
    }
    Ok(r)
}

/// 收入 | 支出 tables: the two parts side by side, each with its label column,
/// one sheet row per printed line (see [`side_by_side`]).
fn write_two_sided(
    sheet: &mut Worksheet,
    table: &Table,
    top: u32,
    styles: &Styles,
    flags: &Flags<'_>,
) -> Result<u32, XlsxError> {
    let (offsets, height) = side_by_side(&table.parts);
    let mut col: u16 = 0;
    for (part, offsets) in table.parts.iter().zip(&offsets) {
        let side = part.side.map_or("", |s| s.name_zh());
        let span = part.columns.len() as u16;
        merge_or_write(sheet, top, col, top, col + span, side, &styles.header)?;
        sheet.write_string_with_format(top + 1, col, "项目", &styles.header)?;
        for (j, column) in part.columns.iter().enumerate() {
            sheet.write_string_with_format(top + 1, col + 1 + j as u16, &column.header, &styles.header)?;
        }
        for (row, offset) in part.rows.iter().zip(offsets) {
            let r = top + 2 + offset;
            let label = match (&row.code, row.numbering.as_deref()) {
                (Some(code), _) => format!("{code} {}", row.label),
                // The model keeps the numbering without its mark (`一`, `1`).
                (None, Some(n)) => format!("{n}、{}", row.label),
                (None, None) if row.role == RowRole::OfWhich => format!("其中：{}", row.label),
                (None, None) => row.label.clone(),
            };
            let format = if flags.row(row) { &styles.flagged_text } else { &styles.text };
            if !label.is_empty() {
                sheet.write_string_with_format(r, col, label, format)?;
            }
            for j in 0..part.columns.len() {
                write_cell(sheet, r, col + 1 + j as u16, row, j, styles, flags)?;
            }
        }
        sheet.set_column_width(col, 30.0)?;
        col += span + 1;
    }
    Ok(top + 2 + height)
}

/// Where each row of the two sides goes (its offset from the first data row),
/// and how many rows they take, the way the templates print them: the sides side
/// by side, and the totals (收入总计 | 支出总计) together on the last row.
///
/// Rows read from one printed line (a text's, a PDF's, a sheet's row) stay on
/// one row, as they were printed. Otherwise — a model without such provenance, or
/// whose totals were not printed side by side — each side's rows follow one
/// another from the top and its closing totals stand on the last row, the
/// shorter side padded with empty rows before them.
fn side_by_side(parts: &[TablePart]) -> (Vec<Vec<u32>>, u32) {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let lines: Vec<Vec<u32>> = parts.iter().map(|p| p.rows.iter().map(|r| r.source.line).collect()).collect();
    let printed = lines.iter().all(|l| l.iter().all(|n| *n > 0) && l.windows(2).all(|w| w[0] < w[1]));
    let last_lines: Vec<Option<&u32>> = lines.iter().map(|l| l.last()).collect();
    let totals_together = last_lines.iter().all(|l| l.is_some() && *l == last_lines[0]);
    if printed && totals_together {
        let mut all: Vec<u32> = lines.iter().flatten().copied().collect();
        all.sort_unstable();
        all.dedup();
        let rank = |line: &u32| count(all.binary_search(line).unwrap_or(0));
        let offsets = lines.iter().map(|l| l.iter().map(rank).collect()).collect();
        return (offsets, count(all.len()));
    }
    // The closing totals of each side: its last rows, when they are totals.
    let closing: Vec<usize> =
        parts.iter().map(|p| p.rows.iter().rev().take_while(|r| r.role == RowRole::Total).count()).collect();
    let body = parts.iter().zip(&closing).map(|(p, c)| p.rows.len() - c).max().unwrap_or(0);
    let height = count(body + closing.iter().copied().max().unwrap_or(0));
    let offsets = parts
        .iter()
        .zip(&closing)
        .map(|(p, c)| {
            let first_total = p.rows.len() - c;
            (0..p.rows.len())
                .map(|i| if i < first_total { count(i) } else { height - count(p.rows.len() - i) })
                .collect()
        })
        .collect();
    (offsets, height)
}

fn write_cell(
    sheet: &mut Worksheet,
    r: u32,
    c: u16,
    row: &Row,
    j: usize,
    styles: &Styles,
    flags: &Flags<'_>,
) -> Result<(), XlsxError> {
    let Some(cell) = row.cells.get(j) else { return Ok(()) };
    let flagged = flags.cell(cell.at.as_ref());
    if let Some(amount) = cell.amount {
        let value = amount.value();
        // An amount beyond f64's exact range is kept as text rather than changed.
        match value.to_string().parse::<f64>() {
            Ok(number) if number.abs() < 1e15 => {
                sheet.write_number_with_format(r, c, number, &styles.amount(value.scale(), flagged))?;
            }
            _ => {
                sheet.write_string_with_format(r, c, value.to_string(), &styles.text)?;
            }
        }
    } else if let Some(text) = &cell.text {
        let format = if flagged { &styles.flagged_text } else { &styles.text };
        sheet.write_string_with_format(r, c, text, format)?;
    }
    Ok(())
}

/// The 类 (level 0), 款 (1) or 项 (2) digits of a code, when it has that level.
fn code_part(code: &ClassCode, level: usize) -> Option<&str> {
    let s = code.as_str();
    let (from, to) = match level {
        0 => (0, 3),
        1 => (3, 5),
        _ => (5, 7),
    };
    s.get(from..to)
}

/// Writes a header over a range, merged when it spans more than one cell.
fn merge_or_write(
    sheet: &mut Worksheet,
    first_row: u32,
    first_col: u16,
    last_row: u32,
    last_col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if first_row == last_row && first_col == last_col {
        sheet.write_string_with_format(first_row, first_col, text, format)?;
    } else {
        sheet.merge_range(first_row, first_col, last_row, last_col, text, format)?;
    }
    Ok(())
}

/// Writes the findings workbook of a run to `output` (atomically). `documents`
/// holds the models the run imported (kept by the workers for this report), so
/// no input is read twice.
pub fn write_findings(
    output: Option<&std::path::Path>,
    reports: &[DocumentFindings],
    documents: &[Option<Disclosure>],
) -> Result<(), String> {
    let Some(output) = output else {
        return Err("--format xlsx writes a workbook: give --output FILE.xlsx".into());
    };
    let bytes = findings_workbook(reports, documents).map_err(|e| format!("cannot build the workbook: {e}"))?;
    crate::output::write_atomic(output, &bytes).map_err(|e| format!("{}: {e}", output.display()))
}
