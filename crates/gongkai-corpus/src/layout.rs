//! Layout variants that real text extractions show and the importer supports.
//!
//! Applied after the fault, on marked lines, so that an expected line keeps its flag
//! wherever it moves; a line a fault flagged is never split.

use serde::Serialize;

use crate::doc::{Doc, Line, Mark};
use crate::rng::Rng;

/// A layout variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Variant {
    /// Cells separated by runs of two spaces instead of tabs (the whole document).
    Spaces,
    /// Blank lines inside tables where a page broke.
    PageBreaksInTables,
    /// Paragraphs broken across a page end (`…，` / blank / `…`).
    BrokenSentences,
    /// No `表 N` line at all (headings that lost their number).
    NoTableNumbers,
    /// Full-width digits in some paragraphs.
    FullWidthDigits,
    /// Explanation sections 八 and 九 printed in the other order.
    ReorderedSections,
    /// The table number printed on the title's own line, in one of the forms
    /// templates use (`表3：…`, `附表3 …`, `…（预算表3）`) instead of above it.
    TitleNumbers,
    /// 表6 printed in two panels side by side, 人员经费 (301, 303) | 公用经费
    /// (302), each with its own 科目 and 金额 columns and its own total on the
    /// last line (the 决算 template's layout).
    Panels,
    /// 表2 or 表3 printing its 类/款/项 by name only, without codes (the levels
    /// shown by an indentation the text loses).
    UncodedRows,
    /// The function-coded tables printing code and name in one cell, joined by
    /// a hyphen (`2010101-行政运行`) or by level with blanks (`201 01 01 行政运行`).
    JoinedCodes,
    /// A long table continued on a new page (a form feed), with or without its
    /// header printed again.
    ContinuedTables,
}

/// Applies a random selection of variants.
pub fn apply(mut doc: Doc, rng: &mut Rng) -> (Doc, Vec<Variant>) {
    let mut applied = Vec::new();
    if rng.chance(30) {
        page_breaks_in_tables(&mut doc, rng);
        applied.push(Variant::PageBreaksInTables);
    }
    if rng.chance(30) {
        broken_sentences(&mut doc, rng);
        applied.push(Variant::BrokenSentences);
    }
    if rng.chance(15) {
        doc.lines.retain(|l| !matches!(l.mark, Mark::TableNumber(_)));
        applied.push(Variant::NoTableNumbers);
    }
    if rng.chance(20) {
        full_width_digits(&mut doc, rng);
        applied.push(Variant::FullWidthDigits);
    }
    if rng.chance(10) && reorder_sections(&mut doc) {
        applied.push(Variant::ReorderedSections);
    }
    if !applied.contains(&Variant::NoTableNumbers) && rng.chance(20) {
        title_numbers(&mut doc, rng.below(3));
        applied.push(Variant::TitleNumbers);
    }
    if rng.chance(15) && panels(&mut doc) {
        applied.push(Variant::Panels);
    }
    let mut uncoded = None;
    if rng.chance(15) {
        uncoded = uncoded_rows(&mut doc, if rng.chance(50) { 2 } else { 3 });
        if uncoded.is_some() {
            applied.push(Variant::UncodedRows);
        }
    }
    if rng.chance(15) {
        let style = rng.below(2);
        for n in [2, 3, 5, 8].into_iter().filter(|n| Some(*n) != uncoded) {
            joined_codes(&mut doc, n, style);
        }
        applied.push(Variant::JoinedCodes);
    }
    if rng.chance(20) && continued_tables(&mut doc, rng) {
        applied.push(Variant::ContinuedTables);
    }
    if rng.chance(10) {
        spaces_for_tabs(&mut doc);
        applied.push(Variant::Spaces);
    }
    (doc, applied)
}

/// Applies a random selection of the variants a 决算 in the national format takes
/// (its tables are numbered `公开0N表` under their titles, and its basic-spending
/// table is already printed in panels, so the budget's table-specific variants do
/// not apply): page breaks, broken sentences, full-width digits, no table numbers, a
/// table continued on a new page, spaces for tabs.
pub fn apply_final(mut doc: Doc, rng: &mut Rng) -> (Doc, Vec<Variant>) {
    let mut applied = Vec::new();
    if rng.chance(30) {
        page_breaks_in_tables(&mut doc, rng);
        applied.push(Variant::PageBreaksInTables);
    }
    if rng.chance(30) {
        broken_sentences(&mut doc, rng);
        applied.push(Variant::BrokenSentences);
    }
    if rng.chance(15) {
        doc.lines.retain(|l| !(matches!(l.mark, Mark::TableHead(_)) && l.text.starts_with("公开") && !l.expect));
        applied.push(Variant::NoTableNumbers);
    }
    if rng.chance(20) {
        full_width_digits(&mut doc, rng);
        applied.push(Variant::FullWidthDigits);
    }
    if rng.chance(20) && continued_tables(&mut doc, rng) {
        applied.push(Variant::ContinuedTables);
    }
    if rng.chance(10) {
        spaces_for_tabs(&mut doc);
        applied.push(Variant::Spaces);
    }
    (doc, applied)
}

/// Cells separated by two spaces instead of tabs, throughout.
fn spaces_for_tabs(doc: &mut Doc) {
    for l in &mut doc.lines {
        if l.text.contains('\t') {
            l.text = l.text.replace('\t', "  ");
        }
    }
}

fn blank() -> Line {
    Line { text: String::new(), mark: Mark::Blank, expect: false }
}

fn page_breaks_in_tables(doc: &mut Doc, rng: &mut Rng) {
    let mut out = Vec::with_capacity(doc.lines.len() + 8);
    let mut lines = std::mem::take(&mut doc.lines).into_iter().peekable();
    while let Some(line) = lines.next() {
        let row = matches!(line.mark, Mark::TableRow { .. });
        out.push(line);
        let next_row = lines.peek().is_some_and(|l| matches!(l.mark, Mark::TableRow { .. }));
        if row && next_row && rng.chance(4) {
            out.push(blank());
        }
    }
    doc.lines = out;
}

/// Splits one or two long paragraphs after a `，` (never inside a number, never a
/// flagged line).
fn broken_sentences(doc: &mut Doc, rng: &mut Rng) {
    let candidates: Vec<usize> = doc
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            matches!(l.mark, Mark::Plain | Mark::Claim { .. } | Mark::FinalClaim { .. })
                && !l.expect
                && l.text.contains('，')
        })
        .filter(|(_, l)| l.text.chars().count() > 30 && !l.text.contains('\t'))
        .map(|(i, _)| i)
        .collect();
    let mut chosen: Vec<usize> = (0..2).filter_map(|_| candidates.get(rng.below(candidates.len())).copied()).collect();
    chosen.sort_unstable();
    chosen.dedup();
    for &i in chosen.iter().rev() {
        let text = doc.lines[i].text.clone();
        let commas: Vec<usize> = text.match_indices('，').map(|(p, _)| p + '，'.len_utf8()).collect();
        let Some(&cut) = commas.get(rng.below(commas.len())) else { continue };
        if cut >= text.len() {
            continue;
        }
        let mark = doc.lines[i].mark.clone();
        doc.lines[i].text = text[..cut].to_owned();
        let rest = Line { text: text[cut..].to_owned(), mark, expect: false };
        doc.lines.splice(i + 1..i + 1, [blank(), rest]);
    }
}

fn full_width_digits(doc: &mut Doc, rng: &mut Rng) {
    for l in &mut doc.lines {
        if matches!(l.mark, Mark::Plain | Mark::Claim { .. } | Mark::FinalClaim { .. } | Mark::Staffing)
            && rng.chance(15)
        {
            l.text = l
                .text
                .chars()
                .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - 0x30 + 0xFF10).unwrap_or(c) } else { c })
                .collect();
        }
    }
}

/// Moves each `表 N` line onto its title's line in one form (`style` 0–2); a
/// line a fault flagged stays as it is.
fn title_numbers(doc: &mut Doc, style: usize) {
    let mut i = 0;
    while i < doc.lines.len() {
        let Mark::TableNumber(n) = doc.lines[i].mark else {
            i += 1;
            continue;
        };
        let title = (i + 1..doc.lines.len())
            .find(|&k| !matches!(doc.lines[k].mark, Mark::Blank))
            .filter(|&k| doc.lines[k].mark == Mark::TableHead(n));
        let Some(t) = title.filter(|&t| !doc.lines[i].expect && !doc.lines[t].expect) else {
            i += 1;
            continue;
        };
        let name = doc.lines[t].text.clone();
        doc.lines[t].text = match style {
            0 => format!("表{n}：{name}"),
            1 => format!("附表{n} {name}"),
            _ => format!("{name}（预算表{n}）"),
        };
        // The title line takes the number's place (and its mark: a dropped
        // table is found by it).
        doc.lines[t].mark = Mark::TableNumber(n);
        doc.lines.drain(i..t);
        i += 1;
    }
}

/// Swaps explanation sections 八 and 九 (each runs from its heading to the next one).
fn reorder_sections(doc: &mut Doc) -> bool {
    let find = |n: u8| doc.lines.iter().position(|l| l.mark == Mark::SectionHeading(n));
    let (Some(a), Some(b), Some(c)) = (find(8), find(9), find(10)) else { return false };
    let nine: Vec<Line> = doc.lines[b..c].to_vec();
    doc.lines.drain(b..c);
    doc.lines.splice(a..a, nine);
    true
}

/// The indices of table `n`'s tabular header lines and of its rows.
fn table_lines(doc: &Doc, n: u8) -> (Vec<usize>, Vec<usize>) {
    let heads = (0..doc.lines.len())
        .filter(|&i| doc.lines[i].mark == Mark::TableHead(n) && doc.lines[i].text.contains('\t'))
        .collect();
    let rows = (0..doc.lines.len())
        .filter(|&i| matches!(&doc.lines[i].mark, Mark::TableRow { table, .. } if *table == n))
        .collect();
    (heads, rows)
}

fn cells(text: &str) -> Vec<String> {
    text.split('\t').map(str::to_owned).collect()
}

/// Rewrites 表6 (`类 | 款 | 名称 | 合计 | 人员经费 | 公用经费`) as two panels.
/// Nothing is done when a fault flagged one of its lines.
fn panels(doc: &mut Doc) -> bool {
    let (heads, rows) = table_lines(doc, 6);
    let (Some(&first), Some(&last)) = (heads.first(), rows.last()) else { return false };
    if (first..=last).any(|i| doc.lines[i].expect) {
        return false;
    }
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut totals = (String::new(), String::new());
    for &i in &rows {
        let c = cells(&doc.lines[i].text);
        let [lei, kuan, name, total, personnel, public] = &c[..] else { return false };
        if lei.is_empty() {
            totals = (personnel.clone(), public.clone());
            continue;
        }
        let code = format!("{lei}{kuan}");
        let side = if lei == "302" { &mut right } else { &mut left };
        side.push((code, [lei.clone() + kuan, name.clone(), total.clone()]));
    }
    let mut lines = vec![
        Line { text: "人员经费\t\t\t公用经费\t\t".to_owned(), mark: Mark::TableHead(6), expect: false },
        Line {
            text: "经济分类科目编码\t经济分类科目名称\t金额\t经济分类科目编码\t经济分类科目名称\t金额".to_owned(),
            mark: Mark::TableHead(6),
            expect: false,
        },
    ];
    let empty = [String::new(), String::new(), String::new()];
    for k in 0..left.len().max(right.len()) {
        let l = left.get(k);
        let r = right.get(k);
        let code = l.or(r).map(|(c, _)| c.clone()).unwrap_or_default();
        let mut row: Vec<String> = l.map_or(empty.clone(), |x| x.1.clone()).to_vec();
        row.extend(r.map_or(empty.clone(), |x| x.1.clone()));
        lines.push(Line { text: row.join("\t"), mark: Mark::TableRow { table: 6, code }, expect: false });
    }
    lines.push(Line {
        text: format!("人员经费合计\t\t{}\t公用经费合计\t\t{}", totals.0, totals.1),
        mark: Mark::TableRow { table: 6, code: String::new() },
        expect: false,
    });
    let keep: Vec<Line> = doc.lines.drain(first..=last).filter(|l| !heads_or_rows(l, 6)).collect();
    doc.lines.splice(first..first, lines.into_iter().chain(keep));
    true
}

fn heads_or_rows(l: &Line, n: u8) -> bool {
    (l.mark == Mark::TableHead(n) && l.text.contains('\t'))
        || matches!(&l.mark, Mark::TableRow { table, .. } if *table == n)
}

/// Table `n` (a function-coded table: `类 | 款 | 项 | 名称 | …`) without its
/// code columns; `None` when a fault flagged one of its lines.
fn uncoded_rows(doc: &mut Doc, n: u8) -> Option<u8> {
    let (heads, rows) = table_lines(doc, n);
    let lines: Vec<usize> = heads.into_iter().chain(rows).collect();
    if lines.is_empty() || lines.iter().any(|&i| doc.lines[i].expect) {
        return None;
    }
    drop_code_columns(doc, &lines);
    Some(n)
}

/// Lines `lines` without their first three cells (the 类, 款 and 项 columns);
/// a line left with nothing (the header's `类 | 款 | 项` row) goes.
fn drop_code_columns(doc: &mut Doc, lines: &[usize]) {
    let mut gone = Vec::new();
    for &i in lines {
        let c = cells(&doc.lines[i].text);
        let rest = c.get(3..).unwrap_or_default();
        if rest.iter().all(String::is_empty) {
            gone.push(i);
        }
        doc.lines[i].text = rest.join("\t");
    }
    for &i in gone.iter().rev() {
        doc.lines.remove(i);
    }
}

/// Table `n`'s code cells joined to the name: `2010101-行政运行` (`style` 0) or
/// `201 01 01 行政运行` (1); the header's three code columns become one.
fn joined_codes(doc: &mut Doc, n: u8, style: usize) {
    let (heads, rows) = table_lines(doc, n);
    for &i in &rows {
        let c = cells(&doc.lines[i].text);
        let [l, k, x, name, rest @ ..] = &c[..] else { continue };
        let label = match (style, l.is_empty()) {
            (_, true) => name.clone(),
            (0, false) => format!("{l}{k}{x}-{name}"),
            _ => {
                let code: Vec<&str> = [l, k, x].into_iter().filter(|p| !p.is_empty()).map(String::as_str).collect();
                format!("{} {name}", code.join(" "))
            }
        };
        let mut out = vec![label];
        out.extend(rest.iter().cloned());
        doc.lines[i].text = out.join("\t");
    }
    // (After the rows: dropping a header line moves the rows up.)
    drop_code_columns(doc, &heads);
}

/// Breaks the longest table's rows onto a new page after a random row, the
/// header printed again half the time.
fn continued_tables(doc: &mut Doc, rng: &mut Rng) -> bool {
    let Some((n, count)) = (1..=11u8).map(|n| (n, table_lines(doc, n).1.len())).max_by_key(|(_, c)| *c) else {
        return false;
    };
    if count < 4 {
        return false;
    }
    let (heads, rows) = table_lines(doc, n);
    let at = rows[1 + rng.below(count - 2)];
    let mut insert: Vec<Line> =
        if rng.chance(50) { heads.iter().map(|&i| doc.lines[i].clone()).collect() } else { Vec::new() };
    for l in &mut insert {
        l.expect = false;
    }
    // A form feed starts the page: on the first line printed there.
    let next = at + 1;
    if let Some(first) = insert.first_mut() {
        first.text.insert(0, '\u{c}');
    } else {
        doc.lines[next].text.insert(0, '\u{c}');
    }
    doc.lines.splice(next..next, insert);
    true
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use gongkai_import::{ImportOptions, import_text};
    use gongkai_model::{Measure, RowRole, TableKind};

    use super::*;

    /// Every coded row's first amount, by table kind and code: what a table
    /// says, however it is laid out.
    fn coded_rows(text: &str) -> BTreeSet<(TableKind, String, String)> {
        let doc = import_text(text, "doc.txt", &ImportOptions::default()).expect("imports").document;
        let mut out = BTreeSet::new();
        for t in &doc.tables {
            for p in &t.parts {
                for r in &p.rows {
                    if let Some(code) = &r.code {
                        let amount = r.amount(0).map_or_else(String::new, |n| n.to_string());
                        out.insert((t.kind, code.to_string(), amount));
                    }
                }
            }
        }
        out
    }

    fn clean(index: u64) -> Doc {
        crate::draw(7, index).1
    }

    #[test]
    fn each_table_layout_reads_as_the_plain_one() {
        for index in 0..12 {
            let doc = clean(index);
            let plain = coded_rows(&doc.text());
            let mut uncoded = doc.clone();
            assert_eq!(uncoded_rows(&mut uncoded, 3), Some(3));
            let mut joined = doc.clone();
            joined_codes(&mut joined, 3, index as usize % 2);
            joined_codes(&mut joined, 5, index as usize % 2);
            let mut continued = doc.clone();
            assert!(continued_tables(&mut continued, &mut Rng::for_document(3, index)));
            for (what, variant) in [("uncoded", uncoded), ("joined", joined), ("continued", continued)] {
                assert_eq!(coded_rows(&variant.text()), plain, "doc {index}, {what}:\n{}", variant.text());
            }
        }
    }

    #[test]
    fn panels_read_as_the_plain_basic_table_with_its_two_totals() {
        for index in 0..12 {
            let doc = clean(index);
            let basic = |rows: BTreeSet<(TableKind, String, String)>| -> BTreeSet<(String, String)> {
                rows.into_iter()
                    .filter(|r| r.0 == TableKind::GeneralBudgetBasicExpenditure)
                    .map(|r| (r.1, r.2))
                    .collect()
            };
            let plain = basic(coded_rows(&doc.text()));
            let mut panelled = doc.clone();
            assert!(panels(&mut panelled));
            let text = panelled.text();
            assert_eq!(basic(coded_rows(&text)), plain, "doc {index}:\n{text}");
            // The two totals are lines of their measure, adding up to the plain 总计.
            let read = import_text(&text, "doc.txt", &ImportOptions::default()).unwrap().document;
            let table = read.tables.iter().find(|t| t.kind == TableKind::GeneralBudgetBasicExpenditure).unwrap();
            let part = table.main().unwrap();
            let measures: Vec<&Measure> =
                part.rows.iter().filter(|r| r.role == RowRole::Line).filter_map(|r| r.measure.as_ref()).collect();
            assert_eq!(measures, [&Measure::Personnel, &Measure::PublicUse], "doc {index}:\n{text}");
            assert!(part.total_row().is_none());
        }
    }

    /// Every row of every table: kind, side, label and amounts.
    fn all_rows(text: &str) -> Vec<(TableKind, String, Vec<String>)> {
        let doc = import_text(text, "doc.txt", &ImportOptions::default()).expect("imports").document;
        let mut out = Vec::new();
        for t in &doc.tables {
            for p in &t.parts {
                for r in &p.rows {
                    let amounts = r.cells.iter().map(|c| c.amount.map_or_else(String::new, |a| a.to_string()));
                    out.push((t.kind, format!("{:?} {}", p.side, r.label), amounts.collect()));
                }
            }
        }
        out
    }

    /// A 决算's tables read the same broken by page ends, or continued on a new
    /// page with or without their header (two-sided ones included).
    #[test]
    fn final_accounts_layouts_read_as_the_plain_one() {
        for index in 0..16 {
            let doc = crate::draw_final(7, index).1;
            let plain = all_rows(&doc.text());
            let mut rng = Rng::for_document(5, index);
            let mut broken = doc.clone();
            page_breaks_in_tables(&mut broken, &mut rng);
            let mut continued = doc.clone();
            assert!(continued_tables(&mut continued, &mut rng));
            for (what, variant) in [("page breaks", broken), ("continued", continued)] {
                assert_eq!(all_rows(&variant.text()), plain, "doc {index}, {what}:\n{}", variant.text());
            }
        }
    }
}
