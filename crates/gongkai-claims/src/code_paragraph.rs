//! Classification names printed with their level markers:
//! `社会保障和就业支出(类)行政事业单位养老支出(款)行政单位离退休(项)`.
//!
//! Per-code paragraphs name a 项 by its whole path so that the reader (and the
//! rules) can find the row of table 5; structure lines name a 类 alone. Brackets may
//! be full or half width. Only `类`, `款` and `项` inside brackets are markers, so
//! names with brackets of their own (`因公出国（境）费`) are left alone.

use std::ops::Range;

use gongkai_model::{Level, LevelName};

use crate::text::Text;

/// Names with their level markers, and where the text after the last marker starts.
pub(crate) struct LevelNames {
    /// The names in printed order.
    pub(crate) names: Vec<LevelName>,
    /// Offset just after the last marker.
    pub(crate) rest_start: usize,
}

/// The marker at `i` (`(类)` in key form) and its level.
fn marker_at(text: &Text, i: usize) -> Option<(Level, usize)> {
    if text.key(i) != '(' {
        return None;
    }
    // (The level may carry its code's own digits: `行政运行（01项）`, `（208类）`.)
    let digits = (i + 1..i + 4).take_while(|&j| text.key(j).is_ascii_digit()).count();
    let at = i + 1 + digits;
    if text.key(at + 1) != ')' {
        return None;
    }
    let level = match text.key(at) {
        '类' => Level::Lei,
        '款' => Level::Kuan,
        '项' => Level::Xiang,
        _ => return None,
    };
    Some((level, at + 2 - i))
}

/// Whether a figure is the code digits of a level marker (`（01项）`): no quantity.
pub(crate) fn is_marker_code(text: &Text, start: usize, end: usize) -> bool {
    start > 0 && marker_at(text, start - 1).is_some_and(|(_, width)| start - 1 + width >= end)
}

/// Splits `range` into level names; `None` when it has no marker.
pub(crate) fn split_level_names(text: &Text, range: Range<usize>) -> Option<LevelNames> {
    let mut names = Vec::new();
    let mut name_start = range.start;
    let mut i = range.start;
    while i + 3 <= range.end {
        if let Some((level, width)) = marker_at(text, i).filter(|(_, w)| i + w <= range.end) {
            let name = text.trim(name_start..i);
            if !name.is_empty() {
                // `“一般公共服务支出（类）…（项）”`: the quotes around the chain are
                // not part of its first name.
                let printed = text.printed(name);
                let bare = printed.trim_matches(|c| matches!(c, '“' | '”' | '"' | '「' | '」' | '‘' | '’' | '\''));
                names.push(LevelName { level, name: bare.to_owned() });
            }
            i += width;
            name_start = i;
        } else {
            i += 1;
        }
    }
    (!names.is_empty()).then_some(LevelNames { names, rest_start: name_start })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_around_the_chain_are_not_part_of_a_name() {
        let t = Text::new("“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”");
        let got = split_level_names(&t, 0..t.len()).unwrap();
        assert_eq!(got.names[0].name, "一般公共服务支出");
        assert_eq!(got.names[2].name, "专项普查活动");
    }

    #[test]
    fn splits_full_and_half_width_markers() {
        let t = Text::new("社会保障和就业支出(类)行政事业单位养老支出（款）行政单位离退休(项)：");
        let got = split_level_names(&t, 0..t.len()).unwrap();
        let names: Vec<_> = got.names.iter().map(|n| (n.level, n.name.as_str())).collect();
        assert_eq!(
            names,
            [
                (Level::Lei, "社会保障和就业支出"),
                (Level::Kuan, "行政事业单位养老支出"),
                (Level::Xiang, "行政单位离退休")
            ]
        );
        assert_eq!(t.printed(got.rest_start..t.len()), "：");
    }

    #[test]
    fn ignores_other_brackets() {
        let t = Text::new("因公出国（境）费");
        assert!(split_level_names(&t, 0..t.len()).is_none());
    }
}
