//! Running headers, footers and page numbers: text in a page's top or bottom
//! margin that repeats across pages (digits aside), or that is a page number.
//! A table number printed in the page header (`预算01表` over each page's table,
//! its digits changing with the table) repeats the same way but is no
//! furniture: [`table_numbers`] finds the pages where it is the number of a
//! table, for the reader to keep.

use std::collections::HashMap;

/// A line in a page margin, as the margin finder sees it.
#[derive(Clone, Debug)]
pub struct MarginLine {
    /// 0-based page index.
    pub page: usize,
    /// Index of the line among the page's items.
    pub item: usize,
    /// Its text.
    pub text: String,
    /// Whether it is in the top margin.
    pub top: bool,
    /// The table number it reads as, alone or as one of its chunks (`预算01表`,
    /// `某局2026年部门预算  表3`).
    pub number: Option<u32>,
}

/// The (page, item) pairs to remove: candidates whose text, with digits masked
/// and blanks dropped, appears in the margins of at least three pages and a
/// third of all pages (a running head), or that read as a page number.
pub fn running_lines(candidates: &[MarginLine], pages: usize) -> Vec<(usize, usize)> {
    let mut pages_with: HashMap<String, std::collections::BTreeSet<usize>> = HashMap::new();
    for c in candidates {
        pages_with.entry(shape(&c.text)).or_default().insert(c.page);
    }
    let threshold = 3.max(pages.div_ceil(3)).min(pages.max(2));
    candidates
        .iter()
        .filter(|c| is_page_number(&c.text) || pages_with[&shape(&c.text)].len() >= threshold)
        .map(|c| (c.page, c.item))
        .collect()
}

/// The (page, item) pairs of header lines that carry the number of the page's
/// table: when the document's header prints table numbers (in the top margin)
/// and two or more differ, a page's number line is kept where its number is not
/// that of the page before with one (a table continued on the next page repeats
/// its number there, and that repeat is furniture).
pub fn table_numbers(candidates: &[MarginLine]) -> Vec<(usize, usize)> {
    // One per page: the first (topmost) header line with a number.
    let mut heads: Vec<&MarginLine> = Vec::new();
    for c in candidates.iter().filter(|c| c.top && c.number.is_some()) {
        if heads.last().is_none_or(|h| h.page != c.page) {
            heads.push(c);
        }
    }
    let first = heads.first().and_then(|h| h.number);
    if heads.iter().all(|h| h.number == first) {
        return Vec::new();
    }
    let mut previous = None;
    let mut out = Vec::new();
    for head in heads {
        if head.number != previous {
            out.push((head.page, head.item));
        }
        previous = head.number;
    }
    out
}

fn shape(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
}

/// `- 12 -`, `—12—`, `12`, `第 12 页`, `第12页 共40页`, `12/40`, `- 1 -`.
pub fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let stripped = t.trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '－' | '·'));
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if digits(stripped) {
        return true;
    }
    if let Some((a, b)) = stripped.split_once('/') {
        return digits(a) && digits(b);
    }
    let Some(rest) = stripped.strip_prefix('第') else { return false };
    let Some((n, tail)) = rest.split_once('页') else { return false };
    digits(n) && (tail.is_empty() || tail.strip_prefix('共').and_then(|s| s.strip_suffix('页')).is_some_and(digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        for t in ["- 12 -", "—3—", "7", "第 2 页", "第2页共40页", "12/40"] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2025年", "一、收支总表", "第二部分", "12345", "- -"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    fn line(page: usize, item: usize, text: &str) -> MarginLine {
        MarginLine { page, item, text: text.into(), top: item < 2, number: None }
    }

    #[test]
    fn a_running_head_repeats_digits_aside() {
        let mut c = Vec::new();
        for page in 0..6 {
            c.push(line(page, 0, "某局 2025 年度部门预算公开"));
            c.push(line(page, 9, &format!("- {} -", page + 1)));
        }
        c.push(line(2, 1, "一、部门职责"));
        let removed = running_lines(&c, 6);
        assert_eq!(removed.len(), 12);
        assert!(!removed.contains(&(2, 1)));
        assert!(table_numbers(&c).is_empty());
    }

    /// `预算0N表` in the header of each table page: a running head by its shape,
    /// the number of the page's table by its digits. A table continued on the
    /// next page repeats its number there: that repeat is not kept.
    #[test]
    fn a_table_number_in_the_header_is_kept_where_it_changes() {
        let mut c = Vec::new();
        for (page, n) in [(0, 1), (1, 2), (2, 2), (3, 3), (4, 4)] {
            c.push(MarginLine { number: Some(n), ..line(page, 0, &format!("预算0{n}表")) });
            c.push(line(page, 7, &format!("第{}页", page + 1)));
        }
        assert_eq!(running_lines(&c, 5).len(), 10, "all of them read as furniture");
        assert_eq!(table_numbers(&c), [(0, 0), (1, 0), (3, 0), (4, 0)]);
        // The same number on every page (one table over them all) is furniture.
        let same: Vec<MarginLine> = (0..4).map(|p| MarginLine { number: Some(1), ..line(p, 0, "表1") }).collect();
        assert!(table_numbers(&same).is_empty());
        // Numbers at the foot of the page are not the header's.
        let foot: Vec<MarginLine> =
            (0..4).map(|p| MarginLine { number: Some(p as u32 + 1), top: false, ..line(p, 9, "表1") }).collect();
        assert!(table_numbers(&foot).is_empty());
    }
}
