//! Running headers, footers and page numbers: text in a page's top or bottom
//! margin that repeats across pages (digits aside), or that is a page number.

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

    #[test]
    fn a_running_head_repeats_digits_aside() {
        let mut c = Vec::new();
        for page in 0..6 {
            c.push(MarginLine { page, item: 0, text: "某局 2025 年度部门预算公开".into() });
            c.push(MarginLine { page, item: 9, text: format!("- {} -", page + 1) });
        }
        c.push(MarginLine { page: 2, item: 1, text: "一、部门职责".into() });
        let removed = running_lines(&c, 6);
        assert_eq!(removed.len(), 12);
        assert!(!removed.contains(&(2, 1)));
    }
}
