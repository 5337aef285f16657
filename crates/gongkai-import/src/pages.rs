//! What the pages of an input say of themselves: a page left blank, a page
//! printed twice (read from the layout's page breaks: a PDF's pages, a text's
//! form feeds), characters that do not display. Read from the layout, so every
//! input is judged the same way.

use std::collections::HashMap;

use gongkai_model::{Provenance, RepeatedPage, UnreadableText};

use crate::layout::Layout;

/// A page must hold this many lines with text, and this many characters, for a
/// repeat of it to be a page printed twice rather than a short note that
/// happens to end two tables (`注：本套报表金额单位转换时可能存在尾数误差。`).
const MIN_REPEATED_LINES: usize = 3;
const MIN_REPEATED_CHARS: usize = 100;

/// One page of a layout: its number, its first line, its first line with
/// text, and its lines' texts.
struct Page<'a> {
    number: u32,
    start: u32,
    first_text: Option<u32>,
    texts: Vec<&'a str>,
}

impl Page<'_> {
    /// The page's characters, spaces aside.
    fn chars(&self) -> impl Iterator<Item = char> + '_ {
        self.texts.iter().flat_map(|t| t.chars()).filter(|c| !c.is_whitespace())
    }

    /// How many characters the page has, spaces aside, and a hash of them (a
    /// multiplicative one: pages alike are compared in full after it).
    fn fingerprint(&self) -> (usize, u64) {
        self.chars().fold((0, 0), |(n, h), c| {
            (n + 1, (h.rotate_left(5) ^ u64::from(u32::from(c))).wrapping_mul(0x517c_c1b7_2722_0a95))
        })
    }
}

/// The blank pages (before the last page with text) and the repeated pages of
/// a layout with page breaks; nothing for one without.
pub(crate) fn page_facts(layout: &Layout) -> (Vec<Provenance>, Vec<RepeatedPage>) {
    // Per page: where it starts, its first line with text, and its text lines.
    let mut pages: Vec<Page<'_>> = Vec::new();
    for line in &layout.lines {
        let Some(page) = line.page else { return (Vec::new(), Vec::new()) };
        if pages.last().is_none_or(|p| p.number != page) {
            pages.push(Page { number: page, start: line.number, first_text: None, texts: Vec::new() });
        }
        let text = line.text.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
        if !text.is_empty()
            && let Some(p) = pages.last_mut()
        {
            p.first_text.get_or_insert(line.number);
            p.texts.push(text);
        }
    }
    let last_with_text = pages.iter().rposition(|p| !p.texts.is_empty()).unwrap_or(0);
    let blank = pages[..last_with_text]
        .iter()
        .filter(|p| p.texts.is_empty())
        .map(|p| Provenance::line(p.start).with_page(Some(p.number)))
        .collect();
    // Pages alike are found by a hash of their text, spaces aside, and compared
    // in full only when two hashes meet (no page's text is copied).
    let mut seen: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut repeated = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        if page.texts.len() < MIN_REPEATED_LINES {
            continue;
        }
        let (count, hash) = page.fingerprint();
        if count < MIN_REPEATED_CHARS {
            continue;
        }
        let earlier = seen.entry(hash).or_default();
        match earlier.iter().find(|&&e| pages[e].chars().eq(page.chars())) {
            Some(&e) => repeated.push(RepeatedPage {
                at: Provenance::line(page.first_text.unwrap_or(page.start)).with_page(Some(page.number)),
                same_as: pages[e].number,
            }),
            None => earlier.push(index),
        }
    }
    (blank, repeated)
}

/// Whether a reader shows `c` as something other than a character: U+FFFD, or
/// a private-use code point (a glyph of one font only).
fn is_unreadable(c: char) -> bool {
    matches!(c, '\u{FFFD}' | '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

/// Whether UTF-8 `bytes` may hold an unreadable character, by its lead bytes
/// (a line of CJK text and full-width marks is passed over without decoding):
/// `EE` and `EF 80`–`EF A3` begin the private-use area, `EF BF BD` is U+FFFD,
/// `F3 B0`… and `F4 80`… the supplementary private-use planes.
fn may_hold_unreadable(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| {
        let next = bytes.get(i + 1).copied().unwrap_or(0);
        match b {
            0xEE => true,
            0xEF => next <= 0xA3 || (next == 0xBF && bytes.get(i + 2) == Some(&0xBD)),
            0xF3 => next >= 0xB0,
            0xF4 => next < 0x90,
            _ => false,
        }
    })
}

/// The runs of unreadable characters of a layout, each with its place.
pub(crate) fn unreadable(layout: &Layout) -> Vec<UnreadableText> {
    const CONTEXT: usize = 10;
    let mut out = Vec::new();
    for line in &layout.lines {
        if !may_hold_unreadable(line.text.as_bytes()) {
            continue;
        }
        let chars: Vec<char> = line.text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if !is_unreadable(chars[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len() && is_unreadable(chars[i]) {
                i += 1;
            }
            let around: String = chars[start.saturating_sub(CONTEXT)..(i + CONTEXT).min(chars.len())]
                .iter()
                .filter(|c| **c != '\u{c}' && **c != '\t')
                .collect();
            out.push(UnreadableText {
                at: Provenance::span(line.number, start as u32 + 1, (i - start) as u32).with_page(line.page),
                text: chars[start..i].iter().collect(),
                context: around,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::layout_text;

    /// Blank pages as (page, line); repeats as (page, line, page repeated).
    type Facts = (Vec<(u32, u32)>, Vec<(u32, u32, u32)>);

    fn facts(text: &str) -> Facts {
        let (blank, repeated) = page_facts(&layout_text(text));
        (
            blank.iter().map(|p| (p.page.unwrap(), p.line)).collect(),
            repeated.iter().map(|r| (r.at.page.unwrap(), r.at.line, r.same_as)).collect(),
        )
    }

    const PAGE: &str = "某局2024年部门预算情况说明，收入预算100.00万元，支出预算100.00万元。\n\
        一、收入预算情况：一般公共预算拨款收入100.00万元，比上年预算增加5.00万元。\n\
        二、支出预算情况：基本支出80.00万元，项目支出20.00万元，主要用于保障机构正常运转。";

    #[test]
    fn a_page_with_nothing_on_it_before_the_last_text_is_blank() {
        assert_eq!(facts("第一页\n\u{c}\n\u{c}第三页\n").0, [(2, 2)]);
        // A trailing page break (an extraction's last form feed) leaves no blank page.
        assert_eq!(facts("第一页\n\u{c}第二页\n\u{c}\n").0, []);
        // Without page breaks there are no pages to judge.
        assert_eq!(facts("第一页\n\n\n第一页\n").0, []);
    }

    #[test]
    fn a_page_repeating_an_earlier_one_is_repeated() {
        let text = format!("封面\n\u{c}{PAGE}\n\u{c}{PAGE}\n\u{c}尾页\n");
        assert_eq!(facts(&text).1, [(3, 5, 2)]);
        // Spaces and line breaks do not make another page.
        let other = PAGE.replace('，', "， ");
        assert_eq!(facts(&format!("{PAGE}\n\u{c}{other}\n")).1, [(2, 4, 1)]);
    }

    #[test]
    fn replacement_and_private_use_characters_are_unreadable() {
        let layout = layout_text("第一行\n页码\u{FFFD}8\u{FFFD}，评价：\u{F0A8}\u{F0A8}项目\n");
        let found: Vec<(u32, u32, u32, String)> = unreadable(&layout)
            .into_iter()
            .map(|u| (u.at.line, u.at.column.unwrap(), u.at.length.unwrap(), u.text))
            .collect();
        assert_eq!(
            found,
            [
                (2, 3, 1, "\u{FFFD}".to_owned()),
                (2, 5, 1, "\u{FFFD}".to_owned()),
                (2, 10, 2, "\u{F0A8}\u{F0A8}".to_owned())
            ]
        );
        // A box drawn as a character (□, a template's checkbox) is text.
        assert!(unreadable(&layout_text("□是 □否\n")).is_empty());
        // The byte filter passes every unreadable character and no full-width mark.
        for c in ['\u{FFFD}', '\u{E000}', '\u{F0A8}', '\u{F8FF}', '\u{F0000}', '\u{10FFFD}'] {
            assert!(may_hold_unreadable(c.to_string().as_bytes()), "{c:?}");
        }
        assert!(!may_hold_unreadable("，：（）“”！？％".as_bytes()));
        assert!(!may_hold_unreadable("\u{FFFC}\u{FF5E}".as_bytes()));
    }

    #[test]
    fn short_pages_alike_are_not_repeats() {
        let note = "注：本套报表金额单位转换时可能存在尾数误差。";
        assert_eq!(facts(&format!("表一\n\u{c}{note}\n\u{c}表二\n\u{c}{note}\n")).1, []);
    }
}
