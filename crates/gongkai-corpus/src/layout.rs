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
    if rng.chance(10) {
        for l in &mut doc.lines {
            if l.text.contains('\t') {
                l.text = l.text.replace('\t', "  ");
            }
        }
        applied.push(Variant::Spaces);
    }
    (doc, applied)
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
        .filter(|(_, l)| matches!(l.mark, Mark::Plain | Mark::Claim { .. }) && !l.expect && l.text.contains('，'))
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
        if matches!(l.mark, Mark::Plain | Mark::Claim { .. } | Mark::Staffing) && rng.chance(15) {
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
