//! Lists after `包括`: `人员经费905.30万元，主要包括：基本工资、津贴补贴、…、奖励金。`
//!
//! The items are the 款 names (or income sources, or 类 names) the text says an
//! amount is made of; the rules compare them with the rows of the matching table.
//! A list is the text from `包括` to the end of its clause, split on `、`; a trailing
//! `等` ("and so on") is not part of the last item.

use std::ops::Range;

use crate::text::Text;

/// The items printed in `range` and where the last one ends.
pub(crate) fn split_items(text: &Text, range: Range<usize>) -> (Vec<String>, usize) {
    let mut items = Vec::new();
    let mut last_end = range.start;
    let mut start = range.start;
    for i in range.start..=range.end {
        if i < range.end && text.key(i) != '、' {
            continue;
        }
        let mut item = text.trim(start..i);
        for tail in ["等等", "等"] {
            if let Some(s) = text.ends_with(item.end, tail).filter(|&s| s > item.start) {
                item.end = s;
            }
        }
        let item = text.trim(item);
        if !item.is_empty() {
            last_end = item.end;
            items.push(text.printed(item));
        }
        start = i + 1;
    }
    (items, last_end)
}

/// Where the list after `包括` at `keyword` starts (after the word, a colon and blanks).
pub(crate) fn list_start(text: &Text, keyword: usize) -> usize {
    let mut s = keyword + "包括".chars().count();
    while matches!(text.key(s), ':' | ' ') {
        s += 1;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_enumeration_comma() {
        let t = Text::new("基本工资、津贴补贴、维修（护）费、奖励金等");
        let (items, end) = split_items(&t, 0..t.len());
        assert_eq!(items, ["基本工资", "津贴补贴", "维修（护）费", "奖励金"]);
        assert_eq!(end, t.len() - 1);
        let t = Text::new("主要包括： 基本工资");
        assert_eq!(list_start(&t, 2), 6);
    }
}
