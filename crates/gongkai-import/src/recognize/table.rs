//! Table bodies: header rows, the `※` index row, data rows, empty statements,
//! two-sided (收入 | 支出) tables.

use gongkai_model::{
    Cell, ClassCode, Column, Inference, Measure, Number, Provenance, Row, RowRole, Side, Table, TableKind, TablePart,
    TextRef, Unit,
};

use std::collections::HashMap;

use super::header::resolve_columns;
use super::panels;
use super::sum_nesting::{ListRow, nest};
use super::vocabulary::{is_label_header, measure, normalize, split_numbering};
use crate::error::Diagnostic;
use crate::layout::{CellText, Line};

/// Builds a table from its title and the lines of its body (blank lines removed).
pub fn build_table(
    kind: TableKind,
    number: Option<u32>,
    title: &Line,
    body: &[&Line],
    year: Option<u16>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Table {
    let mut compiled_by = None;
    let mut unit = Unit::WanYuan;
    let mut empty_statement = None;
    let mut notes = Vec::new();
    let mut grid: Vec<&Line> = Vec::new();
    // A sheet row holding one text reads as a line of text (a title, a note);
    // once the grid has begun it is one of its rows, with the text in its own
    // column: a 支出 label beside an empty 收入 side must stay on the 支出 side.
    let in_columns: Vec<Option<Line>> = body.iter().map(|l| l.in_sheet_columns()).collect();
    let mut begun = false;
    // The title and the lines of text above the grid, which a table running
    // over several pages prints again on each (`2022年…政府采购（资产配置、购买
    // 服务）` over `预算表（不含上年结转）`).
    // A wrapped title's second line may have been taken into the title line
    // before the body: a text line right after a repeated title is skipped too.
    let mut preamble: Vec<String> = vec![normalize(&title.text)];
    let mut after_title = false;
    for (line, in_columns) in body.iter().zip(&in_columns) {
        let text = line.text.trim();
        if !line.is_tabular() {
            let plain = normalize(text);
            if !begun {
                preamble.push(plain);
            } else if plain.chars().count() >= 4
                && (after_title || preamble.iter().any(|p| p.contains(plain.as_str())))
                && !has_amount(line)
            {
                after_title = true;
                continue;
            }
        }
        after_title = false;
        // Notes printed side by side (`预算单位：…  金额单位：万元`). Every cell
        // of a note names a 单位 or starts 编制; a row of amounts does neither,
        // and is not normalised cell by cell just to find out.
        let cells: Vec<String> = if line.is_tabular() && (text.contains('位') || text.contains('编')) {
            line.cells.iter().map(|c| normalize(&c.text)).filter(|c| !c.is_empty()).collect()
        } else {
            Vec::new()
        };
        if cells.len() > 1
            && cells.iter().all(|c| c.contains("单位:") || c.starts_with("编制") || names_unit(c).is_some())
        {
            for c in &cells {
                if let Some(rest) = c.strip_prefix("编制单位:").or_else(|| names_unit(c)) {
                    compiled_by = Some(rest.to_owned());
                } else if let Some((_, u)) =
                    c.split_once("单位:").filter(|_| c.contains("金额单位") || c.starts_with("单位"))
                {
                    unit = if u.contains("万元") { Unit::WanYuan } else { Unit::Yuan };
                }
            }
            continue;
        }
        if !line.is_tabular() {
            let plain = normalize(text);
            if let Some(rest) = plain.strip_prefix("编制单位:") {
                compiled_by = Some(rest.to_owned());
                continue;
            }
            // `部门名称：杭州市交通运输局单位:万元`: the unit's name, and the money unit.
            if let Some(rest) = NAME_LABELS.iter().find_map(|l| plain.strip_prefix(l)) {
                let (name, money) = rest.split_once("单位:").unwrap_or((rest, ""));
                compiled_by = Some(name.to_owned());
                if !money.is_empty() {
                    unit = if money.contains("万元") { Unit::WanYuan } else { Unit::Yuan };
                }
                continue;
            }
            if plain.starts_with("单位:") || plain.starts_with("金额单位") {
                unit = if plain.contains("万元") { Unit::WanYuan } else { Unit::Yuan };
                continue;
            }
            if says_empty(&plain) && !has_amount(line) {
                empty_statement = Some(TextRef { text: text.to_owned(), source: prov(line), lines: Vec::new() });
                continue;
            }
            // A footnote (`注：由于四舍五入因素…`, `注：无。`) is kept as the
            // table's note, never read as a row.
            if super::is_note(&plain) && !has_amount(line) {
                notes.push(TextRef { text: text.to_owned(), source: prov(line), lines: Vec::new() });
                continue;
            }
            if let Some(row) = in_columns.as_ref().filter(|_| begun) {
                grid.push(row);
                continue;
            }
        }
        begun |= line.is_tabular();
        grid.push(line);
    }
    let without_serial = drop_serial_column(&grid);
    let grid: Vec<&Line> = match &without_serial {
        Some(lines) => lines.iter().collect(),
        None => grid,
    };
    let unglued = split_glued_amounts(&grid);
    let grid: Vec<&Line> = match &unglued {
        Some((lines, _)) => lines.iter().collect(),
        None => grid,
    };
    let joined = join_wrapped_values(&grid);
    let (grid, wrapped): (Vec<&Line>, Option<&Joined>) = match &joined {
        Some((lines, wrapped)) => (lines.iter().collect(), Some(wrapped)),
        None => (grid, None),
    };
    let two_sided = matches!(kind, TableKind::IncomeExpenditureSummary | TableKind::FiscalAllocationSummary)
        || grid.first().is_some_and(|l| {
            let t = l.texts();
            t.iter().any(|c| normalize(c).ends_with("收入")) && t.iter().any(|c| normalize(c).ends_with("支出"))
        });
    let mut parts = if two_sided {
        two_sided_parts(&grid, year, diagnostics)
    } else {
        vec![coded_part(kind, &grid, year, diagnostics)]
    };
    if let Some((_, glued)) = unglued.as_ref().filter(|(_, g)| !g.is_empty()) {
        for cell in parts.iter_mut().flat_map(|p| &mut p.rows).flat_map(|r| &mut r.cells) {
            if cell.at.as_ref().is_some_and(|at| glued.contains(&(at.line, at.column.unwrap_or(0)))) {
                cell.inferred = Some(Inference::AmountInLabel);
            }
        }
    }
    if let Some(wrapped) = wrapped.filter(|w| !w.is_empty()) {
        for cell in parts.iter_mut().flat_map(|p| &mut p.rows).flat_map(|r| &mut r.cells) {
            let Some(at) = cell.at.as_mut() else { continue };
            if let Some(&printed) = wrapped.get(&(at.line, at.column.unwrap_or(0))) {
                // Point at the first piece where it is printed.
                at.line = printed;
                cell.inferred = Some(Inference::WrappedValue);
            }
        }
    }
    // A table without amounts whose note says why (`注：本部门无政府性基金预算，
    // 故本表无数据。`) carries that note as its statement of being empty.
    let no_amounts = parts.iter().flat_map(|p| &p.rows).flat_map(|r| &r.cells).all(|c| c.amount.is_none());
    if empty_statement.is_none() && no_amounts {
        empty_statement = notes.iter().find(|n| states_empty(&n.text)).cloned();
    }
    Table {
        kind,
        number,
        title: title.text.trim().to_owned(),
        compiled_by,
        unit,
        parts,
        empty_statement,
        notes,
        source: prov(title),
    }
}

/// Whether a line printed with a table says, in its own words, that the table
/// is empty: `为空表`, `此表为空表`, `故本表为空`, `本表无数据`.
fn says_empty(plain: &str) -> bool {
    ["空表", "本表为空", "表为空", "本表无数据", "本表无数字"].iter().any(|w| plain.contains(w))
}

/// Whether a table's note says the table has nothing in it: `为空表`, `本表无数据`,
/// `无发生额`, or that the unit has no such money (`本部门没有国有资本经营预算
/// 拨款安排的支出`).
fn states_empty(note: &str) -> bool {
    // (A note may say it more loosely than a line of its own: `…无数据`.)
    says_empty(note)
        || ["无数据", "无数字", "无发生额"].iter().any(|w| note.contains(w))
        || ((note.contains("没有") || note.contains('无')) && (note.contains("支出") || note.contains("收入")))
}

/// A table with row-number columns: its first column a row number (`序号`,
/// `行次`, `栏次`), or a `行次` column beside each side's labels (the 决算
/// summaries' `项目 | 行次 | 金额 | 项目 | 行次 | 金额`). The same table without
/// them, so its labels and amounts stand where the recognizer reads them (a row
/// number is no amount). Each remaining cell keeps its own column.
fn drop_serial_column(grid: &[&Line]) -> Option<Vec<Line>> {
    let headers: Vec<&Line> = grid.iter().copied().filter(|l| !is_subtitle(l)).take(4).collect();
    let first_header = headers.iter().find(|l| l.cells.first().is_some_and(|c| !c.text.trim().is_empty()))?;
    let mut serial: Vec<usize> = Vec::new();
    if matches!(normalize(&first_header.cells[0].text).as_str(), "序号" | "行次" | "栏次" | "项目序号") {
        serial.push(0);
    }
    // A `行次` column anywhere: it numbers the rows of the side it stands in.
    for line in headers.iter().take_while(|l| !has_amount(l)) {
        for (k, cell) in line.cells.iter().enumerate().skip(1) {
            if normalize(&cell.text) == "行次" && !serial.contains(&k) {
                serial.push(k);
            }
        }
    }
    if serial.is_empty() {
        return None;
    }
    serial.sort_unstable();
    Some(
        grid.iter()
            .map(|l| {
                let mut line = (*l).clone();
                for &k in serial.iter().rev() {
                    if k < line.cells.len() && line.cells.len() > 1 {
                        line.cells.remove(k);
                    }
                }
                line
            })
            .collect(),
    )
}

/// An amount printed glued to the end of its row's label (`…缴费支出60.00`):
/// the label, and the amount as printed.
fn glued_amount(text: &str) -> Option<(&str, &str)> {
    let start = text
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | ','))
        .last()
        .map(|(i, _)| i)?;
    let (label, amount) = text.split_at(start);
    // A decimal amount after a word (`…支出60.00`), never a code (`2010101`),
    // a year or a number that is part of a name (`第2`).
    let decimals = amount.rsplit_once('.').map(|(_, d)| d.len());
    let word = label.chars().last().is_some_and(|c| !c.is_ascii());
    (word && matches!(decimals, Some(1..=4)) && Number::parse_printed(amount).is_some()).then_some((label, amount))
}

/// Where each amount split off a label stands: its line and column.
type Unglued = Vec<(u32, u32)>;

/// Cells of each line with an amount glued to its label split in two, where
/// that gives the line the cells the other rows have (one more): the glued
/// row's figures then stand in their columns. Returns the lines and, for each
/// amount split off, its line and column. `None` when no line has one.
fn split_glued_amounts(grid: &[&Line]) -> Option<(Vec<Line>, Unglued)> {
    // Nearly every table has no label ending in digits: nothing to count.
    let maybe = |c: &CellText| c.text.ends_with(|ch: char| ch.is_ascii_digit()) && !c.text.is_ascii();
    if !grid.iter().any(|l| l.cells.iter().any(maybe)) {
        return None;
    }
    let mut widths: HashMap<usize, usize> = HashMap::new();
    for l in grid.iter().filter(|l| has_amount(l)) {
        *widths.entry(l.cells.len()).or_default() += 1;
    }
    let usual = widths.iter().max_by_key(|(w, n)| (**n, **w)).map(|(w, _)| *w)?;
    let glued = |l: &Line| -> Option<usize> {
        if l.cells.len() + 1 != usual {
            return None;
        }
        let k = l.cells.iter().position(|c| glued_amount(c.text.trim()).is_some())?;
        // The label: no amount stands before it (a code may).
        l.cells[..k].iter().all(|c| !c.text.contains('.')).then_some(k)
    };
    if !grid.iter().any(|l| glued(l).is_some()) {
        return None;
    }
    let mut split = Vec::new();
    let lines = grid
        .iter()
        .map(|l| {
            let mut line = (*l).clone();
            if let Some(k) = glued(l) {
                let cell = &l.cells[k];
                if let Some((label, amount)) = glued_amount(cell.text.trim()) {
                    let at = cell.column + u32::try_from(label.chars().count()).unwrap_or(0);
                    let length = u32::try_from(amount.chars().count()).unwrap_or(0);
                    line.cells[k] = CellText { text: label.to_owned(), length: at - cell.column, ..cell.clone() };
                    line.cells.insert(k + 1, CellText { text: amount.to_owned(), column: at, length });
                    split.push((l.number, at));
                }
            }
            line
        })
        .collect();
    Some((lines, split))
}

/// Whether `next` only goes on with the label of the row above `values`: no
/// code, no amount, text only in the label columns (left of every value).
fn continues_label(next: &Line, values: &Line) -> bool {
    let Some(first_value) = values.cells.iter().position(|c| !c.text.is_empty()) else { return false };
    !starts_with_code(next)
        && !has_amount(next)
        && next.cells.iter().any(|c| !c.text.is_empty())
        && next.cells.iter().enumerate().all(|(k, c)| c.text.is_empty() || k < first_value)
}

/// Where each value joined from pieces stands, by its row's line and its
/// column, with the line its first piece is printed on.
type Joined = HashMap<(u32, u32), u32>;

/// Whether a cell's text is a piece of a printed number (`576,171.1`, `1`).
fn is_number_piece(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-'))
}

/// A line holding nothing but pieces of numbers: no label, no code, no text.
fn is_value_only(line: &Line) -> bool {
    line.is_tabular()
        && line.cells.first().is_some_and(|c| c.text.is_empty())
        && line.cells.iter().any(|c| !c.text.is_empty())
        && line.cells.iter().all(|c| c.text.is_empty() || is_number_piece(&c.text))
}

/// Whether `row` (a labelled line) is empty in every column where `values`
/// prints something.
fn takes(row: &Line, values: &Line) -> bool {
    !is_value_only(row)
        && values
            .cells
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.text.is_empty())
            .all(|(i, _)| row.cells.get(i).is_none_or(|c| c.text.is_empty()))
}

/// Values printed on lines of their own: a number wrapped inside its cell
/// (`576,171.1` on the line above the row's label, `1` on the line below), or a
/// value centred against a label that wraps. Such a line has no label; its
/// pieces belong to the one labelled row beside it that is empty in their
/// columns (a line that two rows could take stays as it is), and pieces just
/// above and just below the same row are one number. Returns the lines with
/// the values joined into their rows, and for each joined value (by its row's
/// line and its column) the line its first piece is printed on: it was
/// inferred rather than read.
/// `None` when no line stands alone (nearly every table): nothing is copied.
fn join_wrapped_values(grid: &[&Line]) -> Option<(Vec<Line>, Joined)> {
    if !grid.iter().any(|l| is_value_only(l)) {
        return None;
    }
    let mut lines: Vec<Line> = grid.iter().map(|l| (*l).clone()).collect();
    // The table's own pattern: when every value line could join the line above
    // it and not every one the line below (the code and name on one line, the
    // amounts on the next), each joins the line above — and the reverse.
    let values: Vec<usize> = (0..lines.len()).filter(|&i| is_value_only(&lines[i])).collect();
    let from_above = values.iter().all(|&i| i > 0 && takes(&lines[i - 1], &lines[i]));
    let from_below = values.iter().all(|&i| i + 1 < lines.len() && takes(&lines[i + 1], &lines[i]));
    let mut joined = HashMap::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_value_only(&lines[i]) {
            i += 1;
            continue;
        }
        let above = i.checked_sub(1).filter(|&a| takes(&lines[a], &lines[i]));
        let below = Some(i + 1).filter(|&b| b < lines.len() && takes(&lines[b], &lines[i]));
        let target = match (above, below) {
            (None, Some(b)) => b,
            (Some(a), None) => a,
            (Some(a), Some(_)) if from_above && !from_below => a,
            (Some(_), Some(b)) if from_below && !from_above => b,
            // A value centred against a coded row's label that wraps: the line
            // below only goes on with the label; it joins the row, and so do
            // the values.
            (Some(a), Some(b)) if starts_with_code(&lines[a]) && continues_label(&lines[b], &lines[i]) => {
                let rest = lines.remove(b);
                for (k, cell) in rest.cells.iter().enumerate().filter(|(_, c)| !c.text.is_empty()) {
                    if let Some(label) = lines[a].cells.get_mut(k) {
                        label.text.push_str(&cell.text);
                    }
                }
                a
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let piece = lines.remove(i);
        let target = if target > i { target - 1 } else { target };
        // The first piece above its row: the rest of the number may stand just
        // below the row, in the same columns.
        let rest = (target == i)
            .then_some(target + 1)
            .filter(|&r| {
                r < lines.len()
                    && is_value_only(&lines[r])
                    && lines[r]
                        .cells
                        .iter()
                        .enumerate()
                        .all(|(k, c)| c.text.is_empty() || piece.cells.get(k).is_some_and(|p| !p.text.is_empty()))
            })
            .map(|r| lines.remove(r));
        let row = &mut lines[target];
        for (k, cell) in piece.cells.iter().enumerate().filter(|(_, c)| !c.text.is_empty()) {
            let tail = rest.as_ref().and_then(|r| r.cells.get(k)).map_or("", |c| c.text.as_str());
            let text = format!("{}{tail}", cell.text);
            if Number::parse_printed(&text).is_none() {
                continue;
            }
            while row.cells.len() <= k {
                let column = row.cells.last().map_or(1, |c| c.column + c.length.max(1));
                row.cells.push(CellText { text: String::new(), column, length: 0 });
            }
            // The value stands where its first piece is printed (on another line).
            row.cells[k] = CellText { length: cell.length, column: cell.column, text };
            joined.insert((row.number, cell.column), piece.number);
        }
        i = target + 1;
    }
    Some((lines, joined))
}

/// Notes above a table that name the unit (normalised: half-width colon).
const NAME_LABELS: &[&str] = &["部门名称:", "单位名称:", "预算单位:", "预算主管部门:", "编制部门:", "部门:"];

/// The name after a note's label (`部门名称:…`), if the note has one.
fn names_unit(note: &str) -> Option<&str> {
    NAME_LABELS.iter().find_map(|l| note.strip_prefix(l))
}

/// A row with a role, a label and its cells, and nothing else known yet.
fn plain_row(role: RowRole, label: String, cells: Vec<Cell>, line: &Line) -> Row {
    Row {
        role,
        code: None,
        label,
        numbering: None,
        measure: None,
        project: None,
        part_of: None,
        cells,
        inferred: None,
        source: prov(line),
    }
}

fn prov(line: &Line) -> Provenance {
    Provenance::line(line.number).with_page(line.page)
}

fn cell_prov(line: &Line, cell: &CellText, column_index: usize) -> Provenance {
    let mut p = Provenance::span(line.number, cell.column, cell.length).with_page(line.page);
    if let Some(sheet) = &line.sheet {
        p.cell = Some(format!("{sheet}{}{}", column_letters(column_index), line.number));
    }
    p
}

/// Spreadsheet column letters for a 0-based index (0 → A, 26 → AA).
pub fn column_letters(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push((b'A' + (index % 26) as u8) as char);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.iter().rev().collect()
}

/// A line under a title that only qualifies it, in brackets
/// (`（按经济分类科目）`): no column's header.
fn is_subtitle(line: &Line) -> bool {
    let mut texts = line.cells.iter().map(|c| c.text.trim()).filter(|t| !t.is_empty());
    let (Some(only), None) = (texts.next(), texts.next()) else { return false };
    (only.starts_with('（') && only.ends_with('）')) || (only.starts_with('(') && only.ends_with(')'))
}

fn is_index_row(line: &Line) -> bool {
    index_row_first_column(line).is_some()
}

/// A row that numbers the columns, and the cell of its first numeric column: a
/// workbook template's `※ | ※ | 1 | 2 …` (the `※` cells are the label columns),
/// or a printed `** | 1 | 2 …`, `栏次 | 1 | 2 …`, `甲 | 乙 | 1 | 2 …`: label cells
/// that hold no number, then the integers 1, 2, 3 … in order (at least three).
/// The column numbered `1` is the first numeric column, whatever the header
/// rows above print in it (a 总计 standing alone beside a header group).
fn index_row_first_column(line: &Line) -> Option<usize> {
    if line.cells.first().is_some_and(|c| c.text == "※") {
        return Some(line.cells.iter().take_while(|c| c.text == "※").count());
    }
    let first = line.cells.iter().position(|c| c.text.trim() == "1")?;
    let labels_hold_no_number =
        line.cells[..first].iter().all(|c| !c.text.trim().chars().any(|ch| ch.is_ascii_digit()));
    // A two-sided table numbers each side's columns after its own `栏次`
    // (`栏次 | 1 | 栏次 | 2`): a row that names itself so needs no third number.
    let names_itself = line.cells[..first].iter().any(|c| c.text.trim() == "栏次");
    let numbers: Vec<&str> = line.cells[first..]
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| !(t.is_empty() || names_itself && *t == "栏次"))
        .collect();
    let in_order = numbers.iter().enumerate().all(|(k, t)| t.parse::<usize>().ok() == Some(k + 1));
    (labels_hold_no_number && in_order && (numbers.len() >= 3 || names_itself && numbers.len() >= 2)).then_some(first)
}

/// A row holding nothing but `合计` (or `总计`): a blank table's total row.
fn is_blank_total(line: &Line) -> bool {
    let mut filled = line.cells.iter().map(|c| normalize(&c.text)).filter(|t| !t.is_empty());
    matches!((filled.next().as_deref(), filled.next()), (Some("合计" | "总计"), None))
}

fn is_level_row(line: &Line) -> bool {
    let t = line.texts();
    t.first() == Some(&"类") || (t.len() > 1 && t[0].is_empty() && t.contains(&"类"))
}

/// A data row: an amount printed as one (`1,008.93`, `189,767,551` in a table in
/// 元), not a column number or a year in a header.
fn has_amount(line: &Line) -> bool {
    line.cells.iter().any(|c| {
        let t = c.text.trim();
        Number::parse_printed(t).is_some() && (t.contains('.') || t.contains(',') || t.len() >= 5)
    })
}

fn starts_with_code(line: &Line) -> bool {
    line.cells.first().is_some_and(|c| code_prefix(&c.text).is_some())
}

/// A code at the start of a cell: `208`, `2080505`, `208 社会保障和就业支出`, `[208]`.
fn code_prefix(text: &str) -> Option<(ClassCode, String)> {
    let t = text.trim().trim_start_matches('[');
    let mut digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
    let mut used = digits.len();
    // A code printed by level with blanks between (`201 01 01 行政运行`): the
    // 类's three digits, then the 款's and the 项's two each.
    if digits.len() == 3 {
        while digits.len() < 7 {
            let after = &t[used..];
            let group: String = after.strip_prefix(' ').map_or_else(String::new, |g| g.chars().take(3).collect());
            let pair = group.chars().take(2).all(|c| c.is_ascii_digit()) && group.chars().count() >= 2;
            let ends = group.chars().nth(2).is_none_or(|c| !c.is_ascii_digit());
            if !(pair && ends) {
                break;
            }
            digits.push_str(&group[..2]);
            used += 3;
        }
    }
    if !matches!(digits.len(), 3 | 5 | 7) {
        return None;
    }
    let rest = t[used..].trim_start_matches(']').trim();
    if rest.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
        return None;
    }
    ClassCode::new(&digits).ok().map(|c| (c, rest.to_owned()))
}

fn split_header(grid: &[&Line]) -> (Vec<usize>, Option<usize>, usize) {
    // Header rows: until the first ※ row, data row with an amount, or coded row.
    let mut headers = Vec::new();
    let mut index_row = None;
    let mut start = grid.len();
    // Whether a header row naming the label columns (`科目编码 | 科目名称`) was seen:
    // a blank 合计 row after it is the table's first row (a template's).
    let mut labelled = false;
    for (i, line) in grid.iter().enumerate() {
        if is_index_row(line) {
            index_row = Some(i);
            start = i + 1;
            break;
        }
        if has_amount(line) || starts_with_code(line) || (labelled && is_blank_total(line)) {
            start = i;
            break;
        }
        if is_subtitle(line) {
            continue;
        }
        labelled |= line.cells.iter().any(|c| !c.text.trim().is_empty() && is_label_header(&c.text));
        headers.push(i);
    }
    (headers, index_row, start)
}

fn coded_part(kind: TableKind, grid: &[&Line], year: Option<u16>, diagnostics: &mut Vec<Diagnostic>) -> TablePart {
    let (header_idx, index_idx, start) = split_header(grid);
    let body = &grid[start.min(grid.len())..];
    // The same columns printed two or three times across the page: read panel
    // by panel, under the first panel's header.
    // (Its header printed again after a page break, group row included, is no
    // row of any panel.)
    let unfolded = header_idx.iter().rev().find_map(|&i| {
        let panels = panels::find(grid[i])?;
        let header_lines: Vec<Vec<&str>> = header_idx.iter().map(|&h| grid[h].texts()).collect();
        let body: Vec<&Line> = body.iter().copied().filter(|l| !header_lines.contains(&l.texts())).collect();
        Some(panels.unfold(grid[i], &body))
    });
    // A `类 款 项` row may also carry the lower level of a merged header.
    let headers: Vec<&Line> = match &unfolded {
        Some(u) => u.header.iter().collect(),
        None => header_idx.iter().map(|i| grid[*i]).collect(),
    };
    let index_row = index_idx.filter(|_| unfolded.is_none()).map(|i| grid[i]);
    // Each data line, and for a panel's own total the measure it names.
    let data: Vec<(&Line, Option<Measure>)> = match &unfolded {
        Some(u) => {
            u.rows.iter().map(|l| (l, None)).chain(u.panel_totals.iter().map(|(l, m)| (l, Some(m.clone())))).collect()
        }
        None => body.iter().map(|l| (*l, None)).collect(),
    };
    // Label columns and numeric columns.
    let (first, count) = match index_row {
        Some(row) => {
            let labels = index_row_first_column(row).unwrap_or(0);
            let numbers = row.cells.len().saturating_sub(labels).max(1);
            (labels, numbers)
        }
        None => {
            // The leftmost cell of any header row naming a measure: a 总计 standing
            // alone in the top row (merged down beside a group such as 财政拨款)
            // is the first numeric column, left of the group's 小计 in the row
            // below. A row of only `类 款 项` (a workbook template without a ※
            // row) names none.
            let first = headers
                .iter()
                .filter_map(|h| {
                    h.cells.iter().position(|c| {
                        !c.text.is_empty() && !is_label_header(&c.text) && measure(&c.text) != Measure::Other
                    })
                })
                .min()
                .unwrap_or(1);
            // A blank table (a template) has its columns only in its header.
            let width =
                data.iter().map(|(l, _)| *l).chain(headers.iter().copied()).map(|l| last_non_empty(l) + 1).max();
            let width = width.unwrap_or(first + 1);
            (first, width.saturating_sub(first).max(1))
        }
    };
    let mut columns = resolve_columns(&headers, first, count, index_row);
    let wordy = set_aside_wordy_columns(&mut columns, &headers, first);
    set_aside_other_years(&mut columns);
    let header_text: String = headers.iter().flat_map(|h| h.texts()).collect();
    set_aside_repeated_periods(&mut columns, &header_text);
    year_spending_as_total(&mut columns);
    let header_texts: Vec<Vec<&str>> = header_idx.iter().map(|i| grid[*i].texts()).collect();
    // Every label of the header rows: a header repeated after a page break may
    // distribute its merged cells over its two rows differently (`购买服务内容`
    // in the upper row on one page, in the lower on the next).
    // (`购买服` over `务内容` on one page, `购买服务内容` on the next), so a
    // column's labels joined count as one of its labels too.
    let mut header_labels: Vec<String> =
        header_idx.iter().flat_map(|i| grid[*i].texts()).map(normalize).filter(|t| !t.is_empty()).collect();
    let widest = header_idx.iter().map(|i| grid[*i].cells.len()).max().unwrap_or(0);
    for column in 0..widest {
        let joined: String =
            header_idx.iter().filter_map(|i| grid[*i].cells.get(column)).map(|c| normalize(&c.text)).collect();
        header_labels.push(joined);
    }
    let repeats_header = |line: &Line| {
        // Most lines are data: their first label is no header label.
        let first = line.cells.iter().map(|c| c.text.trim()).find(|t| !t.is_empty());
        if !first.is_some_and(|t| header_labels.contains(&normalize(t))) || has_amount(line) {
            return false;
        }
        let texts: Vec<String> = line.texts().iter().map(|t| normalize(t)).filter(|t| !t.is_empty()).collect();
        texts.len() >= 3 && texts.iter().all(|t| header_labels.contains(t))
    };
    // A table by unit (`部门代码 | 部门名称`, the 收入总表 of some templates): its
    // codes are the units' own, not classification codes.
    let unit_code_column = headers.iter().find_map(|h| {
        h.cells.iter().take(first.max(1)).position(|c| {
            let t = normalize(&c.text);
            // (`部门经济科目编码` is a classification's code, not a unit's.)
            (t.contains("单位") || t.contains("部门"))
                && (t.contains("代码") || t.contains("编码"))
                && !t.contains("科目")
        })
    });
    let by_unit = unit_code_column.is_some();
    let mut rows = Vec::new();
    // Per row of a table by unit, the length of the unit code it prints and how
    // many label cells after the code it fills.
    let mut unit_codes: Vec<(Option<usize>, usize)> = Vec::new();
    for (line, panel_total) in data {
        if header_texts.iter().any(|h| *h == line.texts())
            || repeats_header(line)
            || is_index_row(line)
            || is_level_row(line)
        {
            continue; // a header repeated after a page break
        }
        if let Some(u) = unit_code_column {
            if let Some(row) = unit_row(line, first, &columns) {
                let code = line.cells.get(u).map(|c| c.text.trim()).filter(|t| !t.is_empty());
                let filled = line.cells.iter().take(first).skip(u + 1).filter(|c| !c.text.trim().is_empty()).count();
                unit_codes.push((code.filter(|t| t.chars().all(|c| c.is_ascii_digit())).map(str::len), filled));
                rows.push(row);
            }
            continue;
        }
        let previous = rows.iter().rev().find_map(|r: &Row| r.code.clone());
        if let Some(mut row) = coded_row(kind, line, first, &columns, previous.as_ref(), diagnostics) {
            // A panel's own total (`人员经费合计`) is a line of its measure, not
            // the table's 合计.
            if let Some(m) = panel_total.filter(|_| row.code.is_none()) {
                row.role = RowRole::Line;
                row.measure = Some(m);
            }
            rows.push(row);
        }
    }
    if by_unit {
        nest_by_unit_code(&mut rows, &unit_codes);
    }
    // A code, a name or a note in a column of its own is no amount.
    for cell in rows.iter_mut().flat_map(|r| r.cells.iter_mut().enumerate()).filter(|(j, _)| wordy.contains(j)) {
        let cell = cell.1;
        if let (Some(n), None) = (cell.amount.take(), &cell.text) {
            cell.text = Some(n.to_string());
        }
    }
    let mut part = TablePart { side: None, columns, rows };
    super::names::codes_from_names(kind, &mut part, year);
    unit_line_as_total(&mut part);
    part
}

/// A table of one unit that prints no 合计 line but the unit's own line on
/// top (深圳: `深圳市住房和建设局（本级） | 34,460.46 | …` over its 类/款/项): that
/// line is the table's total, when the page says so itself — it is the only
/// line without a code above the classified lines, and their 类 add up to it
/// in its first column (within rounding: 深圳 converts from 元).
fn unit_line_as_total(part: &mut TablePart) {
    if part.rows.iter().any(|r| r.role == RowRole::Total) {
        return;
    }
    let Some(first) = part.rows.iter().position(|r| r.amount(0).is_some()) else { return };
    let head = &part.rows[first];
    let classified = |r: &Row| r.code.is_some() && r.project.is_none();
    if head.code.is_some() || head.role != RowRole::Group || !part.rows[first + 1..].iter().any(classified) {
        return;
    }
    let top: Vec<Number> = part.rows[first + 1..]
        .iter()
        .filter(|r| r.code.as_ref().is_some_and(|c| c.level() == gongkai_model::Level::Lei) && r.project.is_none())
        .filter_map(|r| r.amount(0))
        .collect();
    if head.amount(0).is_some_and(|total| total.adds_up(&top)) {
        part.rows[first].role = RowRole::Total;
    }
}

/// A table by unit prints each row's unit code (`222` the department, `222001`
/// its units; a 政府采购 list puts the fund `1 全额` above its units): a row
/// with a code is part of the nearest row above it with a shorter code. A row
/// without a code that fills two or more label cells after the code column (a
/// purchase: its 采购项目, 采购目录, 规格 …) is a line of the nearest unit above
/// it. A row without a code that prints only a name (a category of projects, or
/// a project under one: the print does not say which) makes levels that are
/// not printed. The printed cells are the
/// structure; the amounts are not consulted. The purchase lines are marked
/// [`Inference::LineOfUnit`]. A unit whose uncoded rows are not all such
/// lines (a purchase printed by name only, `…（涉密）`; a list of categories
/// and projects) is nested as the rows' sums allow ([`nest_by_sums`]).
fn nest_by_unit_code(rows: &mut [Row], codes: &[(Option<usize>, usize)]) {
    let n = rows.len().min(codes.len());
    for i in 0..n {
        if rows[i].role == RowRole::Total {
            continue;
        }
        if let (Some(mine), _) = codes[i] {
            let parent = (0..i).rev().find(|&j| rows[j].role != RowRole::Total && codes[j].0.is_some_and(|t| t < mine));
            rows[i].part_of = parent.and_then(|p| u32::try_from(p).ok());
            // The uncoded rows up to the next coded row (or total): its lines,
            // if every one of them is a detailed line.
            let end = (i + 1..n).find(|&k| codes[k].0.is_some() || rows[k].role == RowRole::Total).unwrap_or(n);
            let lines = i + 1..end;
            if !lines.is_empty() && lines.clone().all(|k| codes[k].1 >= 2) {
                for k in lines {
                    rows[k].part_of = u32::try_from(i).ok();
                    // Read from the filled cells, not from a printed code: a
                    // failing sum over these lines is a warning.
                    rows[k].inferred.get_or_insert(Inference::LineOfUnit);
                }
            } else if !lines.is_empty() {
                nest_by_sums(rows, i, lines, codes);
            }
        }
    }
}

/// The uncoded rows `lines` under the unit row `unit`, some printed by name
/// only: nested as their sums allow (see [`super::sum_nesting`]), in the first
/// column the unit prints an amount in. A row filling its detail cells (a
/// purchase) heads no others.
fn nest_by_sums(rows: &mut [Row], unit: usize, lines: std::ops::Range<usize>, codes: &[(Option<usize>, usize)]) {
    let Some(column) = rows[unit].cells.iter().position(|c| c.amount.is_some()) else { return };
    let Some(total) = rows[unit].amount(column) else { return };
    let list: Option<Vec<ListRow>> = lines
        .clone()
        .map(|k| rows[k].amount(column).map(|a| ListRow { amount: a.value(), can_head: codes[k].1 < 2 }))
        .collect();
    let Some(nesting) = list.and_then(|list| nest(&list, total.value())) else { return };
    for (offset, parent) in nesting.parent.iter().enumerate() {
        let k = lines.start + offset;
        rows[k].part_of = u32::try_from(parent.map_or(unit, |p| lines.start + p)).ok();
        rows[k].inferred.get_or_insert(Inference::NestedBySums);
    }
}

/// A row of a table by unit: the unit's code and name as its label, a total row
/// by its label.
fn unit_row(line: &Line, first: usize, columns: &[Column]) -> Option<Row> {
    let label_cells = &line.cells[..first.min(line.cells.len())];
    let label = label_cells.iter().map(|c| c.text.trim()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" ");
    let cells: Vec<Cell> = (0..columns.len()).map(|j| make_cell(line, first + j)).collect();
    if label.is_empty() && cells.iter().all(Cell::is_empty) {
        return None;
    }
    // The first label says whether it is the total (`合计 | … | 882` keeps a
    // count column among its labels).
    let first_label = label_cells.iter().map(|c| normalize(c.text.trim())).find(|t| !t.is_empty()).unwrap_or_default();
    let role = if matches!(first_label.as_str(), "合计" | "总计") { RowRole::Total } else { RowRole::Group };
    Some(plain_row(role, label, cells, line))
}

/// A table printing several years side by side (`2021年 | 2022年 | 增减变化情况`,
/// each over the same columns): only the latest year's columns measure what
/// their names say; the earlier year's and the change columns are kept with
/// their headers but measure nothing the checks compare.
/// Whether a header names a column of words, not money: a code, a name, a
/// kind, a note, a date, a count (`功能分类科目代码`, `项目类别`, `资金性质`,
/// `备注`, `实施时间`, `数量`).
fn names_words(header: &str) -> bool {
    let t = normalize(header);
    ["代码", "编码", "名称", "类别", "性质", "备注", "说明", "方式", "时间", "日期", "数量", "型号", "文号"]
        .iter()
        .any(|w| t.ends_with(w))
}

/// The columns past the first amount whose header, printed right above them,
/// names words (a purchase's or a project's codes, kind and notes beside its
/// amount): they measure nothing, hold no amount, and keep their printed
/// header. When a single header row then stands over every column, its labels
/// are where they are printed: no column was placed by guess. Returns the
/// set-aside columns' indices.
fn set_aside_wordy_columns(columns: &mut [Column], headers: &[&Line], first: usize) -> Vec<usize> {
    let printed = |j: usize| {
        headers.iter().rev().find_map(|h| h.cells.get(first + j).map(|c| c.text.trim()).filter(|t| !t.is_empty()))
    };
    let mut wordy = Vec::new();
    for (j, column) in columns.iter_mut().enumerate() {
        if let Some(label) = printed(j).filter(|l| names_words(l)) {
            column.header = label.to_owned();
            column.measure = Measure::Other;
            wordy.push(j);
        }
    }
    let single_row = headers.len() == 1;
    if !wordy.is_empty()
        && single_row
        && columns.iter().enumerate().all(|(j, c)| printed(j).is_some_and(|l| normalize(l) == normalize(&c.header)))
    {
        for c in columns.iter_mut() {
            c.inferred = None;
        }
    }
    wordy
}

fn set_aside_other_years(columns: &mut [Column]) {
    let years: Vec<Option<u16>> = columns.iter().map(|c| super::year_in(&c.header)).collect();
    let Some(latest) = years.iter().flatten().max().copied() else { return };
    let several = years.iter().flatten().any(|y| *y != latest);
    for (column, y) in columns.iter_mut().zip(years) {
        let change = ["增减", "变化", "增幅"].iter().any(|w| column.header.contains(w));
        if several && (change || y.is_some_and(|y| y != latest)) {
            column.measure = Measure::Other;
        }
    }
}

/// A table printing the same columns once per period side by side (`上年 |
/// 当年 | 增减变化情况`, each over 合计 | 小计 | 因公出国（境）费用 …) whose period
/// labels were not read into the columns' headers (merged cells printed as one
/// text): the runs are told apart by the period words of the header in their
/// order, and only the current year's run keeps its measures. Without as many
/// period words as runs, which run is the year's is unknown and none is
/// compared.
fn set_aside_repeated_periods(columns: &mut [Column], header_text: &str) {
    let n = columns.len();
    let same = |a: &Column, b: &Column| a.measure == b.measure && a.header == b.header;
    let Some(run) = (1..=n / 2).find(|&l| n.is_multiple_of(l) && (l..n).all(|i| same(&columns[i], &columns[i % l])))
    else {
        return;
    };
    // A run of one column repeated is no period layout (`预算数 | 预算数`).
    if run < 2 || columns[..run].iter().all(|c| c.measure == Measure::Other) {
        return;
    }
    let runs = n / run;
    let mut words: Vec<(usize, bool)> = ["上年", "本年", "当年", "增减"]
        .iter()
        .flat_map(|w| header_text.match_indices(w).map(move |(at, _)| (at, matches!(*w, "本年" | "当年"))))
        .collect();
    words.sort_unstable();
    let current: Vec<bool> = words.iter().map(|(_, current)| *current).collect();
    let known = current.len() == runs && current.iter().filter(|c| **c).count() == 1;
    for (i, column) in columns.iter_mut().enumerate() {
        if !(known && current[i / run]) {
            column.measure = Measure::Other;
        }
    }
}

/// A spending table headed `本年支出 / 小计 | 基本支出 | 项目支出` (the 决算
/// format) has no column named 合计: the year's spending is its rows' total
/// — unless the table prints the year's income or balances beside it (a
/// fund's 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余), where it is one
/// measure among others.
fn year_spending_as_total(columns: &mut [Column]) {
    let has = |m: &Measure| columns.iter().any(|c| c.measure == *m);
    let beside = [Measure::CurrentYearIncome, Measure::CarryOver, Measure::CarryForward, Measure::FiscalCarryOver];
    if has(&Measure::Total) || beside.iter().any(has) || !(has(&Measure::Basic) || has(&Measure::Project)) {
        return;
    }
    if let Some(column) = columns.iter_mut().find(|c| c.measure == Measure::CurrentYearExpenditure) {
        column.measure = Measure::Total;
    }
}

fn last_non_empty(line: &Line) -> usize {
    line.cells.iter().rposition(|c| !c.text.is_empty()).unwrap_or(0)
}

fn coded_row(
    kind: TableKind,
    line: &Line,
    first: usize,
    columns: &[Column],
    previous: Option<&ClassCode>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Row> {
    let label_cells = &line.cells[..first.min(line.cells.len())];
    let mut code_parts: Vec<&str> = Vec::new();
    // The column of the first code part: a template that prints 类, 款 and 项 in
    // their own columns may leave the higher levels blank under a row that has
    // them (`|11||纪检监察事务` under `201|||一般公共服务支出`).
    let mut first_part_column = None;
    let mut texts: Vec<String> = Vec::new();
    let mut code: Option<ClassCode> = None;
    for (i, cell) in label_cells.iter().enumerate() {
        let t = cell.text.trim();
        if t.is_empty() {
            continue;
        }
        let is_part = t.chars().all(|c| c.is_ascii_digit()) && i < 3 && texts.is_empty();
        if is_part {
            first_part_column.get_or_insert(i);
            code_parts.push(t);
        } else if code.is_none() && code_parts.is_empty() && texts.is_empty() {
            if let Some((c, rest)) = code_prefix(t) {
                code = Some(c);
                if !rest.is_empty() {
                    texts.push(rest);
                }
            } else {
                texts.push(t.to_owned());
            }
        } else {
            texts.push(t.to_owned());
        }
    }
    let inherited: Vec<&str> = match (first_part_column, previous) {
        (Some(column @ (1 | 2)), Some(code)) if code_parts.first().is_some_and(|p| p.len() == 2) => {
            let digits = code.as_str();
            [digits.get(..3), digits.get(3..5)]
                .into_iter()
                .take(column)
                .collect::<Option<Vec<&str>>>()
                .unwrap_or_default()
        }
        _ => Vec::new(),
    };
    let mut inferred = None;
    if !inherited.is_empty() {
        code_parts.splice(0..0, inherited);
        inferred = Some(Inference::CodeInherited);
    }
    if !code_parts.is_empty() {
        let joined = match code_parts.as_slice() {
            [one] => ClassCode::new(one),
            [a, b] => ClassCode::from_parts(a, b, ""),
            [a, b, c, ..] => ClassCode::from_parts(a, b, c),
            [] => unreachable_code(),
        };
        match joined {
            Ok(c) => code = Some(c),
            Err(e) => {
                diagnostics.push(Diagnostic { line: line.number, message: format!("unreadable code: {e}") });
                texts.insert(0, code_parts.join(" "));
            }
        }
    }
    let label = texts.first().cloned().unwrap_or_default();
    let project = if texts.len() > 1 { Some(texts[1..].join(" ")) } else { None };
    let mut cells = Vec::with_capacity(columns.len());
    for j in 0..columns.len() {
        cells.push(make_cell(line, first + j));
    }
    let extra: Vec<&str> =
        line.cells.iter().skip(first + columns.len()).map(|c| c.text.as_str()).filter(|t| !t.is_empty()).collect();
    if !extra.is_empty() {
        diagnostics.push(Diagnostic {
            line: line.number,
            message: format!("row has more cells than its header; extra cells kept as text: {}", extra.join(" | ")),
        });
        if let Some(last) = cells.last_mut() {
            last.text = Some(extra.join(" | "));
        }
        inferred = Some(Inference::CellsBeyondHeader);
    }
    if label.is_empty() && code.is_none() && cells.iter().all(Cell::is_empty) {
        return None;
    }
    let plain = normalize(&label);
    let is_total_label = matches!(plain.as_str(), "总计" | "合计" | "总额")
        || (plain.ends_with("合计") && kind != TableKind::ThreePublicExpenses);
    let role = if code.is_some() {
        RowRole::Item
    } else if is_total_label {
        RowRole::Total
    } else if kind == TableKind::ThreePublicExpenses {
        if plain.starts_with("其中") { RowRole::OfWhich } else { RowRole::Line }
    } else {
        RowRole::Group
    };
    let measure = match (role, &code) {
        (RowRole::Line | RowRole::OfWhich, None) => Some(measure(&label)),
        _ => None,
    };
    let (_, clean_label) = split_numbering(&label);
    Some(Row {
        role,
        code,
        label: clean_label.trim_start_matches("其中：").trim_start_matches("其中:").to_owned(),
        numbering: None,
        measure,
        project,
        part_of: None,
        cells,
        inferred,
        source: prov(line),
    })
}

fn unreachable_code() -> Result<ClassCode, gongkai_model::CodeError> {
    Err(gongkai_model::CodeError::NotDigits(String::new()))
}

fn make_cell(line: &Line, index: usize) -> Cell {
    match line.cells.get(index) {
        None => Cell::default(),
        Some(c) if c.text.is_empty() => Cell::default(),
        Some(c) => {
            let at = Some(cell_prov(line, c, index));
            match Number::parse_printed(&c.text) {
                Some(n) => Cell { amount: Some(n), text: None, at, inferred: None },
                None => Cell { amount: None, text: Some(c.text.clone()), at, inferred: None },
            }
        }
    }
}

/// 收入 | 支出 tables: the second side starts at the second label header.
fn two_sided_parts(grid: &[&Line], year: Option<u16>, diagnostics: &mut Vec<Diagnostic>) -> Vec<TablePart> {
    let (header_idx, _, start) = split_header(grid);
    let headers: Vec<&Line> = header_idx.iter().map(|i| grid[*i]).collect();
    let Some(last) = headers.last() else {
        diagnostics.push(Diagnostic {
            line: grid.first().map_or(0, |l| l.number),
            message: "two-sided table without a header row".into(),
        });
        return Vec::new();
    };
    let label_positions: Vec<usize> = last
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            // `预算数`, `本年预算`, `金额`: an amount column, whatever else it says.
            // (`部门预算支出经济科目` names classes: a label column.)
            let amount = (["预算", "金额", "决算"].iter().any(|w| c.text.contains(w)) || c.text.trim().ends_with('数'))
                && !["科目", "项目", "分类", "名称"].iter().any(|w| c.text.contains(w));
            !c.text.is_empty() && (is_label_header(&c.text) || (measure(&c.text) == Measure::Other && !amount))
        })
        .map(|(i, _)| i)
        .collect();
    let split = label_positions.get(1).copied().unwrap_or(2);
    let width = last.cells.len().max(grid.iter().map(|l| l.cells.len()).max().unwrap_or(0));
    let side_columns = |from: usize, to: usize| -> Vec<Column> {
        (from + 1..to)
            .map(|i| {
                let header = last.cells.get(i).map(|c| c.text.clone()).unwrap_or_default();
                let m = match measure(&header) {
                    Measure::Other | Measure::Total if header.is_empty() || header.contains("预算") => {
                        Measure::BudgetAmount
                    }
                    m => m,
                };
                let inferred = header.trim().is_empty().then_some(Inference::ColumnUnnamed);
                Column { measure: m, header, index: None, inferred }
            })
            .collect()
    };
    // Some templates print the spending three ways side by side (by function, by
    // department economic class, by government economic class): each further
    // label column starts another expenditure part.
    let ends: Vec<usize> =
        label_positions.iter().copied().filter(|&p| p > split).chain(std::iter::once(width)).collect();
    let expenditure_end = ends[0];
    let income_columns = side_columns(0, split);
    let expenditure_columns = side_columns(split, expenditure_end);
    let mut income = Vec::new();
    let mut expenditure = Vec::new();
    let header_texts: Vec<Vec<&str>> = headers.iter().map(|h| h.texts()).collect();
    // A header printed again after a page break, its column-numbering row
    // (`栏次 | 1 | 栏次 | 2`) with it, holds no rows.
    let repeated_header = |line: &Line| header_texts.iter().any(|h| *h == line.texts()) || is_index_row(line);
    for line in &grid[start.min(grid.len())..] {
        if repeated_header(line) {
            continue;
        }
        if let Some(row) = side_row(line, 0, split, Side::Income, &income) {
            push_side_row(&mut income, row);
        }
        if let Some(row) = side_row(line, split, split + expenditure_columns.len() + 1, Side::Expenditure, &expenditure)
        {
            push_side_row(&mut expenditure, row);
        }
    }
    let mut parts = vec![
        TablePart { side: Some(Side::Income), columns: income_columns, rows: income },
        TablePart { side: Some(Side::Expenditure), columns: expenditure_columns, rows: expenditure },
    ];
    for pair in ends.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let columns = side_columns(from, to);
        let mut rows = Vec::new();
        for line in &grid[start.min(grid.len())..] {
            if repeated_header(line) {
                continue;
            }
            if let Some(row) = side_row(line, from, from + columns.len() + 1, Side::Expenditure, &rows) {
                push_side_row(&mut rows, row);
            }
        }
        parts.push(TablePart { side: Some(Side::Expenditure), columns, rows });
    }
    for part in &mut parts {
        last_subtotal_as_total(&mut part.rows);
        super::names::codes_from_names_on_side(part, year);
    }
    parts
}

/// A side that prints no 总计 and ends on a `…合计` line (`收入合计` after
/// `一、本年收入` and `二、上年结转`, 重庆's 财政拨款收支总体情况表) ends on its total:
/// that line sums every line above it, not the ones since the last subtotal.
fn last_subtotal_as_total(rows: &mut [Row]) {
    if rows.iter().any(|r| r.role == RowRole::Total) {
        return;
    }
    let Some(last) = rows.iter().rposition(|r| r.cells.iter().any(|c| c.amount.is_some())) else { return };
    if !is_subtotal(&rows[last]) || rows[last + 1..].iter().any(|r| r.role != RowRole::Line) {
        return;
    }
    rows[last].role = RowRole::Total;
    let index = u32::try_from(last).ok();
    for row in &mut rows[..last] {
        if row.part_of.is_some() && row.part_of == index {
            row.part_of = None;
        }
    }
}

/// Adds a row to a side. A subtotal printed after its lines (`本年收入合计` under
/// `一、…` to `五、…`) becomes their parent: the top-level lines since the last
/// subtotal are its parts, so that the side's total adds the subtotal and the
/// lines after it (`上年结转`), not everything twice.
fn push_side_row(rows: &mut Vec<Row>, row: Row) {
    let index = u32::try_from(rows.len()).ok();
    if is_subtotal(&row) {
        let since = rows.iter().rposition(|r| r.role == RowRole::Total || is_subtotal(r)).map_or(0, |p| p + 1);
        for earlier in &mut rows[since..] {
            if earlier.role == RowRole::Line && earlier.part_of.is_none() {
                earlier.part_of = index;
            }
        }
    }
    rows.push(row);
}

/// Whether a label is the name of a function class, 款 or 项 in the catalog.
fn is_function_name(label: &str) -> bool {
    gongkai_catalog::Catalog::builtin().codes_named(label).iter().any(|c| c.starts_with('2'))
}

/// An unnumbered `本年收入合计` / `本年支出合计` / `小计` line.
fn is_subtotal(row: &Row) -> bool {
    row.role == RowRole::Line && row.numbering.is_none() && {
        let t = normalize(&row.label);
        t.ends_with("合计") || t == "小计"
    }
}

/// An unnumbered line that stands on its own rather than continuing a `其中`
/// list: a subtotal or total, or a carry-over line (`上年结转`, `结转下年`,
/// `年终结转结余`, `使用非财政拨款结余`).
fn is_summary_label(label: &str) -> bool {
    let t = normalize(label);
    ["合计", "总计", "上年结转", "年初结转", "结转下年", "年终结转", "年末结转", "非财政拨款结余", "上年结余"]
        .iter()
        .any(|w| t.contains(w))
}

/// How a summary line is numbered: `一、`, `（一）`, `1、`/`1.`, `(1)`. Documents
/// nest them in different orders, so a style's level is the order in which
/// the side first uses it (see [`outline_level`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NumberingStyle {
    Chinese,
    ChineseBracketed,
    Digits,
    DigitsBracketed,
}

fn numbering_style(numbering: &str) -> NumberingStyle {
    let bracketed = numbering.starts_with('(');
    let digits = numbering.trim_matches(['(', ')']).chars().all(|c| c.is_ascii_digit());
    match (bracketed, digits) {
        (false, false) => NumberingStyle::Chinese,
        (true, false) => NumberingStyle::ChineseBracketed,
        (false, true) => NumberingStyle::Digits,
        (true, true) => NumberingStyle::DigitsBracketed,
    }
}

/// Outline level of a summary line: totals and carry-over lines 1; numbered lines
/// by the order in which the side first uses their numbering style (`一、` then
/// `（一）`, or `一、` then `1、`); `其中` and other unnumbered lines below them all.
fn outline_level(row: &Row, styles: &[NumberingStyle]) -> u8 {
    match (&row.role, row.numbering.as_deref()) {
        (RowRole::Total, _) => 1,
        (RowRole::Line, None) if is_summary_label(&row.label) => 1,
        (_, Some(n)) => {
            let style = numbering_style(n);
            let position = styles.iter().position(|s| *s == style).unwrap_or(styles.len());
            u8::try_from(position + 1).unwrap_or(u8::MAX)
        }
        _ => u8::MAX,
    }
}

/// The numbering styles of a side's rows, in order of first use.
fn styles_of(rows: &[Row]) -> Vec<NumberingStyle> {
    let mut styles = Vec::new();
    for style in rows.iter().filter_map(|r| r.numbering.as_deref()).map(numbering_style) {
        if !styles.contains(&style) {
            styles.push(style);
        }
    }
    styles
}

fn side_row(line: &Line, from: usize, to: usize, side: Side, previous: &[Row]) -> Option<Row> {
    let label_cell = line.cells.get(from)?;
    let raw = label_cell.text.trim();
    let cells: Vec<Cell> = (from + 1..to).map(|i| make_cell(line, i)).collect();
    if raw.is_empty() {
        if cells.iter().any(|c| !c.is_empty()) {
            return Some(plain_row(RowRole::Line, String::new(), cells, line));
        }
        return None;
    }
    if let Some((code, name)) = code_prefix(raw) {
        return Some(Row { code: Some(code), ..plain_row(RowRole::Item, name, cells, line) });
    }
    // A footnote under the table (`注：由于四舍五入因素…`) is no line of it.
    if cells.iter().all(Cell::is_empty) && (raw.starts_with("注：") || raw.starts_with("注:")) {
        return None;
    }
    let (numbering, rest) = split_numbering(raw);
    // `（一）` is kept as `(一)`: a bracketed numbering is a style of its own.
    let bracketed = raw.trim_start().starts_with(['(', '（']);
    let numbering = numbering.map(|n| if bracketed { format!("({n})") } else { n.to_owned() });
    let of_which = rest.starts_with("其中");
    let label = rest.trim_start_matches("其中：").trim_start_matches("其中:").trim().to_owned();
    let m = measure(&label);
    let role = match m {
        Measure::IncomeTotal | Measure::ExpenditureTotal => RowRole::Total,
        _ if normalize(&label) == "合计" || normalize(&label) == "总计" => RowRole::Total,
        _ => RowRole::Line,
    };
    let mut row = Row { numbering, measure: Some(m), ..plain_row(role, label, cells, line) };
    // A function class, 款 or 项 printed by name without its code (`社会工作事务`
    // under `一般公共服务支出`): a classification row, not a `其中` part of the
    // line above — a list of all three levels does not add up to it.
    if side == Side::Expenditure && !of_which && row.numbering.is_none() && is_function_name(&row.label) {
        row.role = RowRole::Group;
        row.measure = None;
        return Some(row);
    }
    // `年初财政拨款结转和结余` then `一般公共预算财政拨款`, `政府性基金预算财政拨款`
    // (the 决算 format's 财政拨款收入支出决算总表): an unnumbered line naming one
    // budget under a carry-over line, or under that line's other budgets, is a
    // part of the carry-over — the year's allocations are the lines above it.
    if !of_which
        && row.numbering.is_none()
        && row.measure.as_ref().and_then(Measure::source).is_some_and(gongkai_model::Source::is_fiscal)
    {
        let fund_part = |r: &Row| {
            r.numbering.is_none()
                && r.part_of.is_some()
                && r.measure.as_ref().and_then(Measure::source).is_some_and(gongkai_model::Source::is_fiscal)
        };
        let above = previous.iter().rposition(|r| !fund_part(r));
        if let Some(p) = above.filter(|&p| {
            let r = &previous[p];
            r.role == RowRole::Line
                && r.numbering.is_none()
                && matches!(r.measure, Some(Measure::CarryOver | Measure::FiscalCarryOver))
        }) {
            row.part_of = u32::try_from(p).ok();
            return Some(row);
        }
    }
    let styles = styles_of(previous);
    let mut level = if of_which { u8::MAX } else { outline_level(&row, &styles) };
    // An unnumbered line without `其中` right after an unnumbered top-level
    // line (`使用非财政拨款结余` then `上年实户资金余额`, between 本年收入合计 and
    // 收入总计) is that line's sibling: only `其中`, or a line continuing a
    // `其中` list, makes a part of the line above.
    if !of_which
        && level == u8::MAX
        && row.numbering.is_none()
        && previous.last().is_some_and(|p| p.role == RowRole::Line && p.numbering.is_none() && p.part_of.is_none())
    {
        level = 1;
    }
    if level == u8::MAX {
        row.role = RowRole::OfWhich;
    }
    if level > 1 {
        row.part_of = previous
            .iter()
            .rposition(|r| r.role != RowRole::OfWhich && outline_level(r, &styles) < level && r.role != RowRole::Total)
            .and_then(|p| u32::try_from(p).ok());
    }
    if row.part_of.is_none() {
        row.part_of = numbered_under(&row, previous);
    }
    Some(row)
}

/// A numbered run that starts right under an unnumbered line (`上年结余、结转`
/// then `1.一般公共预算拨款结余、结转`, `2.…`) lists that line's parts, whatever
/// level its numbering style has elsewhere on the side: the line the run hangs
/// from, if any. A subtotal or total line is not such a parent (a run under it
/// starts the next group).
fn numbered_under(row: &Row, previous: &[Row]) -> Option<u32> {
    let style = numbering_style(row.numbering.as_deref()?);
    let same = |r: &Row| r.numbering.as_deref().is_some_and(|n| numbering_style(n) == style);
    let parent = previous.iter().rposition(|r| !same(r))?;
    let line = &previous[parent];
    let hangs = line.role == RowRole::Line
        && line.numbering.is_none()
        && !is_subtotal(line)
        && !line.label.is_empty()
        && line.cells.iter().any(|c| c.amount.is_some());
    hangs.then(|| u32::try_from(parent).ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `合计` with its 项目支出 wrapped inside the cell: `576,171.1` on the line
    /// above, `1` below; a value line that either of two rows could take stays
    /// as it is.
    /// `上年结余、结转` then `1.一般公共预算拨款结余、结转`, `2.…`: the run lists
    /// the line's parts, even where `1.` is the side's first numbering style.
    #[test]
    fn a_numbered_run_under_an_unnumbered_line_is_its_parts() {
        let line = |label: &str, numbering: Option<&str>, amount: &str| Row {
            numbering: numbering.map(str::to_owned),
            ..plain_row(
                RowRole::Line,
                label.to_owned(),
                vec![Cell::amount(Number::parse(amount).unwrap(), None)],
                &crate::layout::layout_text("x").lines[0],
            )
        };
        let previous = vec![
            line("一般公共预算拨款", Some("1"), "155285.66"),
            line("本年收入合计", None, "155285.66"),
            line("上年结余、结转", None, "10895.08"),
        ];
        let first = line("一般公共预算拨款结余、结转", Some("1"), "10895.08");
        assert_eq!(numbered_under(&first, &previous), Some(2));
        let mut more = previous.clone();
        more.push(first);
        assert_eq!(numbered_under(&line("政府性基金预算拨款结余、结转", Some("2"), "0.00"), &more), Some(2));
        // Under a subtotal, a run starts the next group.
        assert_eq!(numbered_under(&line("事业收入", Some("1"), "0.00"), &previous[..2]), None);
    }

    #[test]
    fn values_on_lines_of_their_own_join_their_row() {
        let text = "\t\t\t576,171.1\n合计\t665,964.37\t73,924.43\t\n\t\t\t1\n一般公共服务支出\t6,701.98\t\t6,701.98\n";
        let layout = crate::layout::layout_text(text);
        let grid: Vec<&Line> = layout.lines.iter().filter(|l| !l.is_blank()).collect();
        let (lines, joined) = join_wrapped_values(&grid).expect("value lines");
        assert_eq!(lines.len(), 2, "{lines:#?}");
        assert_eq!(lines[0].texts(), ["合计", "665,964.37", "73,924.43", "576,171.11"]);
        assert_eq!(joined.get(&(2, lines[0].cells[3].column)), Some(&1), "the value points at its first piece");
        assert_eq!(lines[1].texts(), ["一般公共服务支出", "6,701.98", "", "6,701.98"]);

        let text = "工资福利支出（含\t\n\t120.00\n津贴）\t\n";
        let layout = crate::layout::layout_text(text);
        let grid: Vec<&Line> = layout.lines.iter().collect();
        let (lines, _) = join_wrapped_values(&grid).expect("a value line");
        assert_eq!(lines.len(), 3, "either row could take it: {lines:#?}");
    }

    fn part_of(text: &str) -> TablePart {
        let layout = crate::layout::layout_text(text);
        let grid: Vec<&Line> = layout.lines.iter().filter(|l| !l.is_blank()).collect();
        coded_part(TableKind::IncomeSummary, &grid, None, &mut Vec::new())
    }

    fn headers(part: &TablePart) -> Vec<&str> {
        part.columns.iter().map(|c| c.header.as_str()).collect()
    }

    /// `** | 1 | 2 | 3` under the header rows numbers the columns: the column
    /// numbered 1 is the first numeric one, though its header (`总计`, merged
    /// down beside the group `本年收入`) stands only in the top row.
    #[test]
    fn a_row_numbering_the_columns_sets_the_first_numeric_column() {
        let part =
            part_of("单位名称\t总计\t本年收入\t\n\t\t小计\t一般公共预算\n**\t1\t2\t3\n合计\t10.00\t10.00\t10.00\n");
        assert_eq!(headers(&part), ["总计", "本年收入/小计", "本年收入/一般公共预算"]);
        assert_eq!(part.columns[0].index.as_deref(), Some("1"));
        assert_eq!(part.rows[0].label, "合计");
        assert_eq!(part.rows[0].project, None, "no amount is taken for a label");
        // Numbers out of order are no numbering row.
        let line = &crate::layout::layout_text("**\t1\t3\t2\n").lines[0];
        assert_eq!(index_row_first_column(line), None);
    }

    /// Without a numbering row, the first numeric column is the leftmost header
    /// cell naming a measure in any header row, not only in the lowest.
    #[test]
    fn a_total_beside_a_header_group_is_a_column() {
        let part =
            part_of("支出项目类别\t总计\t财政拨款\t\n\t\t小计\t一般公共预算拨款\n工资福利支出\t10.00\t10.00\t10.00\n");
        assert_eq!(headers(&part), ["总计", "财政拨款/小计", "财政拨款/一般公共预算拨款"]);
        assert_eq!(part.columns[0].measure, Measure::Total);
    }

    /// A bracketed line under the title qualifies it; it heads no column.
    #[test]
    fn a_bracketed_subtitle_is_no_header() {
        let part = part_of("（按经济分类科目）\n科目名称\t合计\t人员经费\n工资福利支出\t5.00\t5.00\n");
        assert_eq!(headers(&part), ["合计", "人员经费"]);
        assert_eq!(part.columns[0].measure, Measure::Total);
    }

    /// A table by unit code: the department `153` over its units `153001`…;
    /// a row without a code that prints only a name (a category or a project:
    /// the print does not say) is nested by its sum, marked inferred.
    #[test]
    fn units_nest_by_their_printed_codes() {
        let part = part_of(
            "单位编码\t单位名称\t合计\n合计\t\t30.00\n153\t某局\t30.00\n153001\t本级\t10.00\n\t车辆维修\t10.00\n153002\t直属支队\t20.00\n",
        );
        let nesting: Vec<Option<u32>> = part.rows.iter().map(|r| r.part_of).collect();
        assert_eq!(nesting, [None, None, Some(1), Some(2), Some(1)]);
        assert_eq!(part.rows[3].inferred, Some(Inference::NestedBySums));
        assert_eq!(part.rows[0].role, RowRole::Total);
    }

    /// 深圳's table of one unit prints no 合计 line: the unit's line on top is
    /// the total when its 类 add up to it (within rounding), and not otherwise
    /// (A101 then reports the unit's line against its 类 all the same).
    #[test]
    fn a_unit_line_on_top_of_its_classes_is_their_total() {
        let table = |top: &str| {
            format!(
                "预算单位\t科目编码\t科目名称\t支出总计\n某局（本级）\t\t\t{top}\n\t208\t社会保障和就业支出\t10.00\n\t20805\t行政事业单位养老支出\t10.00\n\t212\t城乡社区支出\t20.01\n\t21201\t城乡社区管理事务\t20.01\n"
            )
        };
        let part = part_of(&table("30.00"));
        assert_eq!(part.rows[0].role, RowRole::Total);
        assert_eq!(part.total_row().map(|r| r.label.as_str()), Some("某局（本级）"));
        let part = part_of(&table("31.00"));
        assert_eq!(part.rows[0].role, RowRole::Group);
    }

    /// A purchase list: each purchase fills its 采购项目 and 采购目录; a unit
    /// with a purchase printed by name only gets its lines by their sums.
    #[test]
    fn purchases_are_lines_of_their_unit() {
        let header = "单位编码\t采购项目\t采购目录\t预算金额\n合计\t\t\t30.00\n";
        let part = part_of(&format!(
            "{header}153001\t本级\t\t10.00\n\t办公经费\tA05040101复印纸\t4.00\n\t办公经费\tA05049900办公用品\t6.00\n153002\t支队\t\t20.00\n\t其他业务经费（涉密）\t\t20.00\n"
        ));
        let nesting: Vec<Option<u32>> = part.rows.iter().map(|r| r.part_of).collect();
        assert_eq!(nesting, [None, None, Some(1), Some(1), None, Some(4)]);
        assert_eq!(part.rows[5].inferred, Some(Inference::NestedBySums));
        // Lines of a unit by the cells they fill, not by a printed code: inferred.
        assert_eq!(part.rows[2].inferred, Some(Inference::LineOfUnit));
        assert_eq!(part.rows[1].inferred, None);
    }

    /// Between 本年收入合计 and 收入总计, unnumbered lines without `其中` are
    /// siblings; a `其中` and the line continuing its list are parts.
    #[test]
    fn an_unmarked_line_after_a_top_line_is_its_sibling() {
        let text = "收入\t\n项目\t预算数\n一、财政拨款\t100.00\n本年收入合计\t100.00\n使用非财政拨款结余\t\n上年实户资金余额\t5.00\n上年结转\t7.00\n其中：财政拨款资金结转\t7.00\n非财政拨款资金结余\t\n收入总计\t112.00\n";
        let layout = crate::layout::layout_text(text);
        let grid: Vec<&Line> = layout.lines.iter().filter(|l| !l.is_blank()).collect();
        let parts = two_sided_parts(&grid, None, &mut Vec::new());
        let rows = &parts[0].rows;
        let role = |label: &str| rows.iter().find(|r| r.label == label).map(|r| r.role).unwrap();
        assert_eq!(role("上年实户资金余额"), RowRole::Line);
        assert_eq!(role("财政拨款资金结转"), RowRole::OfWhich);
        assert_eq!(role("非财政拨款资金结余"), RowRole::OfWhich);
    }

    #[test]
    fn letters() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
    }

    #[test]
    fn code_prefixes() {
        assert_eq!(
            code_prefix("201 一般公共服务支出").map(|(c, n)| (c.to_string(), n)),
            Some(("201".into(), "一般公共服务支出".into()))
        );
        assert!(code_prefix("1,010.70").is_none());
        assert!(code_prefix("208").is_some());
        assert!(code_prefix("2024年").is_none());
    }
}
