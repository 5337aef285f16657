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

/// The blank pages (before the last page with text) and the repeated pages of
/// a layout with page breaks; nothing for one without.
pub(crate) fn page_facts(layout: &Layout) -> (Vec<Provenance>, Vec<RepeatedPage>) {
    // Per page: where it starts, and its text lines.
    let mut pages: Vec<(u32, u32, Vec<&str>)> = Vec::new();
    for line in &layout.lines {
        let Some(page) = line.page else { return (Vec::new(), Vec::new()) };
        if pages.last().is_none_or(|(p, _, _)| *p != page) {
            pages.push((page, line.number, Vec::new()));
        }
        let text = line.text.trim_matches(|c: char| c.is_whitespace() || c == '\u{c}');
        if !text.is_empty()
            && let Some((_, _, texts)) = pages.last_mut()
        {
            texts.push(text);
        }
    }
    let last_with_text = pages.iter().rposition(|(_, _, texts)| !texts.is_empty()).unwrap_or(0);
    let blank = pages[..last_with_text]
        .iter()
        .filter(|(_, _, texts)| texts.is_empty())
        .map(|&(page, line, _)| Provenance::line(line).with_page(Some(page)))
        .collect();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut repeated = Vec::new();
    for (page, _, texts) in &pages {
        let key: String = texts.iter().flat_map(|t| t.chars()).filter(|c| !c.is_whitespace()).collect();
        if texts.len() < MIN_REPEATED_LINES || key.chars().count() < MIN_REPEATED_CHARS {
            continue;
        }
        match seen.get(&key) {
            Some(&first) => {
                let at = layout.lines.iter().find(|l| l.page == Some(*page) && !l.is_blank() && l.text != "\u{c}");
                repeated.push(RepeatedPage {
                    at: Provenance::line(at.map_or(0, |l| l.number)).with_page(Some(*page)),
                    same_as: first,
                });
            }
            None => {
                seen.insert(key, *page);
            }
        }
    }
    (blank, repeated)
}

/// Whether a reader shows `c` as something other than a character: U+FFFD, or
/// a private-use code point (a glyph of one font only).
fn is_unreadable(c: char) -> bool {
    matches!(c, '\u{FFFD}' | '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

/// The runs of unreadable characters of a layout, each with its place.
pub(crate) fn unreadable(layout: &Layout) -> Vec<UnreadableText> {
    const CONTEXT: usize = 10;
    let mut out = Vec::new();
    for line in &layout.lines {
        if !line.text.chars().any(is_unreadable) {
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
    }

    #[test]
    fn short_pages_alike_are_not_repeats() {
        let note = "注：本套报表金额单位转换时可能存在尾数误差。";
        assert_eq!(facts(&format!("表一\n\u{c}{note}\n\u{c}表二\n\u{c}{note}\n")).1, []);
    }
}
