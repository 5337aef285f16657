//! Words of change: 增加/减少 and 增长/下降 before a figure, 持平 without one, and the
//! comparative phrase (`比上年预算`, `较上年`, `同比`) that introduces them.

use std::ops::Range;

use gongkai_model::Direction;

use crate::text::Text;

/// Direction words that stand right before a change figure.
const WORDS: &[(&str, Direction)] = &[
    ("增加", Direction::Up),
    ("增长", Direction::Up),
    ("上升", Direction::Up),
    ("提高", Direction::Up),
    ("增多", Direction::Up),
    ("减少", Direction::Down),
    ("下降", Direction::Down),
    ("降低", Direction::Down),
    ("减小", Direction::Down),
];

/// Rate nouns (`增长率为5.00%`, `降幅3%`): checked before [`WORDS`] because
/// `增长率` would otherwise not end in a direction word at all.
const RATE_WORDS: &[(&str, Direction)] = &[
    ("增长率", Direction::Up),
    ("增幅", Direction::Up),
    ("下降率", Direction::Down),
    ("降幅", Direction::Down),
    ("减幅", Direction::Down),
];

/// Words saying there was no change. `一致` only counts after a comparative
/// (`与上年一致`), since on its own it says nothing about amounts.
pub(crate) const FLAT_WORDS: &[&str] = &["持平", "无变化", "没有变化", "保持不变", "无增减", "无差异", "一致"];

/// Comparative phrases; the subject of a change ends where one starts. Their
/// first characters are listed again in [`comparative_start`]'s pre-check.
const COMPARATIVES: &[&str] = &[
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "与上年",
    "和上年",
    "同比",
    "比上一年",
    "较上一年",
    "比20",
    "较20",
    "与20",
];

/// Filler allowed between a direction word and its figure (`增加了`, `增长为`).
const FILLER: &[&str] = &[" ", "了", "为", "达", ":", "约"];

/// A direction word found before a figure.
pub(crate) struct DirectionWord {
    /// Up or down.
    pub(crate) direction: Direction,
    /// Where the word is printed.
    pub(crate) span: Range<usize>,
}

/// The direction word that ends `lead` (filler allowed after it), if any.
pub(crate) fn direction_before(text: &Text, lead: Range<usize>) -> Option<DirectionWord> {
    let end = strip_filler(text, lead.clone());
    RATE_WORDS.iter().chain(WORDS).find_map(|(word, direction)| {
        let start = text.ends_with(end, word).filter(|&s| s >= lead.start)?;
        Some(DirectionWord { direction: *direction, span: start..end })
    })
}

/// `end` moved left over filler words.
fn strip_filler(text: &Text, lead: Range<usize>) -> usize {
    let mut end = lead.end;
    while let Some(s) = FILLER.iter().find_map(|f| text.ends_with(end, f).filter(|&s| s >= lead.start)) {
        end = s;
    }
    end
}

/// The start of the last comparative phrase in `range`.
pub(crate) fn comparative_start(text: &Text, range: Range<usize>) -> Option<usize> {
    // Asked of every figure's lead: most leads hold none of the comparatives'
    // first characters, and one pass over them spares a search per phrase.
    if !range.clone().any(|i| matches!(text.key(i), '比' | '较' | '与' | '和' | '同')) {
        return None;
    }
    COMPARATIVES.iter().filter_map(|c| text.rfind(range.clone(), c)).max()
}

/// The no-change word starting at `i` and its length.
pub(crate) fn flat_word_at(text: &Text, i: usize) -> Option<usize> {
    FLAT_WORDS.iter().find(|w| text.at(i, w)).map(|w| w.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(s: &str) -> Option<(Direction, String)> {
        let t = Text::new(s);
        direction_before(&t, 0..t.len()).map(|d| (d.direction, t.printed(d.span)))
    }

    #[test]
    fn finds_direction_words() {
        assert_eq!(dir("比上年预算增加"), Some((Direction::Up, "增加".into())));
        assert_eq!(dir("下降了 "), Some((Direction::Down, "下降".into())));
        assert_eq!(dir("增长率为"), Some((Direction::Up, "增长率".into())));
        assert_eq!(dir("因公出国（境）费减少"), Some((Direction::Down, "减少".into())));
        assert_eq!(dir("一般公共预算"), None);
        assert_eq!(dir("增加工资"), None);
    }

    #[test]
    fn finds_comparatives_and_flat() {
        let t = Text::new("三公经费比上年预算增加");
        assert_eq!(comparative_start(&t, 0..t.len()), Some(4));
        let t = Text::new("较2023年");
        assert_eq!(comparative_start(&t, 0..t.len()), Some(0));
        let t = Text::new("与上年持平");
        assert_eq!(flat_word_at(&t, 3), Some(2));
        assert_eq!(flat_word_at(&t, 0), None);
    }
}
