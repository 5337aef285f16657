//! The paragraph as two parallel character arrays: as printed, and as a matching key.
//!
//! Every offset in this crate is a character index into the paragraph. Matching is
//! done on the *key*, where each character is folded to half width
//! ([`gongkai_model::fold_width`]) and the many quote and bracket forms are unified,
//! so that patterns can be written once (`"三公"经费`, `因公出国(境)费`). The
//! folding is one character in, one out, so key offsets are printed offsets.

use std::ops::Range;

use gongkai_model::fold_width;

/// A paragraph prepared for matching.
pub(crate) struct Text {
    printed: Vec<char>,
    key: Vec<char>,
}

/// The matching key of one printed character.
pub(crate) fn key_char(c: char) -> char {
    match fold_width(c) {
        // All quote forms become `"`: writers mix “三公”, "三公", ‘三公’ and 「三公」.
        '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '〝' | '〞' => '"',
        '\u{a0}' | '\u{2002}'..='\u{200b}' => ' ',
        other => other,
    }
}

impl Text {
    /// Prepares `paragraph`.
    pub(crate) fn new(paragraph: &str) -> Text {
        let printed: Vec<char> = paragraph.chars().collect();
        let key = printed.iter().map(|&c| key_char(c)).collect();
        Text { printed, key }
    }

    /// Number of characters.
    pub(crate) fn len(&self) -> usize {
        self.key.len()
    }

    /// The key character at `i`, or NUL outside the text (so look-arounds need no bounds checks).
    pub(crate) fn key(&self, i: usize) -> char {
        self.key.get(i).copied().unwrap_or('\0')
    }

    /// The key character before `i`, or NUL at the start.
    pub(crate) fn key_before(&self, i: usize) -> char {
        if i == 0 { '\0' } else { self.key(i - 1) }
    }

    /// Whether the key text starting at `i` begins with `pat` (written in key form).
    pub(crate) fn at(&self, i: usize, pat: &str) -> bool {
        (i..).zip(pat.chars()).all(|(j, p)| self.key(j) == p)
    }

    /// Whether the key text ending at `end` (exclusive) ends with `pat`; returns its start.
    pub(crate) fn ends_with(&self, end: usize, pat: &str) -> Option<usize> {
        // Asked for long lists of words at every figure: the last character
        // rejects nearly all of them before any counting.
        if let Some(last) = pat.chars().next_back()
            && (end == 0 || self.key(end - 1) != last)
        {
            return None;
        }
        let n = pat.chars().count();
        let start = end.checked_sub(n)?;
        self.at(start, pat).then_some(start)
    }

    /// The last start of `pat` wholly inside `range`.
    pub(crate) fn rfind(&self, range: Range<usize>, pat: &str) -> Option<usize> {
        let n = pat.chars().count();
        if range.end < range.start + n {
            return None;
        }
        (range.start..=range.end - n).rev().find(|&i| self.at(i, pat))
    }

    /// The printed text of `range`.
    pub(crate) fn printed(&self, range: Range<usize>) -> String {
        let end = range.end.min(self.printed.len());
        let start = range.start.min(end);
        self.printed[start..end].iter().collect()
    }

    /// `range` with blanks and markdown residue (`**`, `#`) removed from both ends.
    pub(crate) fn trim(&self, range: Range<usize>) -> Range<usize> {
        let (mut s, mut e) = (range.start, range.end.min(self.len()));
        while s < e && is_blank(self.key(s)) {
            s += 1;
        }
        while e > s && is_blank(self.key(e - 1)) {
            e -= 1;
        }
        s..e
    }
}

/// Blank or markdown residue that never belongs to a subject.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '*' | '#' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_folds_width_and_quotes() {
        let t = Text::new("“三公”（境）１，０");
        assert!(t.at(0, "\"三公\"(境)1,0"));
        assert_eq!(t.ends_with(4, "\"三公\""), Some(0));
        assert_eq!(t.rfind(0..t.len(), "\""), Some(3));
        assert_eq!(t.printed(1..3), "三公");
        assert_eq!(t.key(99), '\0');
    }

    #[test]
    fn trims_markdown() {
        let t = Text::new(" **房屋** ");
        assert_eq!(t.printed(t.trim(0..t.len())), "房屋");
    }
}
