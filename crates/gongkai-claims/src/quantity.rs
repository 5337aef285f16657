//! Printed figures: a number with its unit (`1,008.93万元`, `99.82%`, `93.44平方米`, `2辆`).
//!
//! A figure is only a figure when a unit follows the number. That one rule keeps
//! years (`2024年`), dates (`8月`), head counts written with 名 (`10名`), list
//! markers (`1.`), document numbers (`〔2024〕161号`) and bare table cells out of the
//! claims. On top of it, [`find_figures`] drops figures that are not statements of
//! a budget amount: thresholds (`50万元以上`), targets (`>=80%`, `达到12次`), rates
//! per unit (`120元/月/人`), ordinals (`第2个`) and 亿元 amounts (see
//! [`parse_quantity`] for why).

use std::ops::Range;

use gongkai_model::{Number, Quantity, Unit};

use crate::text::Text;

/// A figure found in a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Figure {
    /// Character span of the printed figure, sign and unit included.
    pub(crate) span: Range<usize>,
    /// The value with its unit, scale as printed.
    pub(crate) quantity: Quantity,
}

/// What stands at a position.
enum Scan {
    /// Not the start of a number.
    Nothing,
    /// A number (or something number-like) that is not a usable figure; resume at `end`.
    Skip { end: usize },
    /// A figure.
    Figure(Figure),
}

/// A recognised unit word.
enum UnitWord {
    Known(Unit),
    /// 亿元: a money unit we cannot represent exactly (see [`parse_quantity`]).
    Unsupported,
}

/// Units as printed (key form), longest first where one is a prefix of another.
const UNITS: &[(&str, Option<Unit>)] = &[
    ("万元", Some(Unit::WanYuan)),
    ("亿元", None),
    ("元", Some(Unit::Yuan)),
    ("%", Some(Unit::Percent)),
    ("平方米", Some(Unit::SquareMetre)),
    ("平米", Some(Unit::SquareMetre)),
    ("㎡", Some(Unit::SquareMetre)),
    ("辆", Some(Unit::Vehicle)),
    ("台", Some(Unit::Device)),
    ("人", Some(Unit::Person)),
    ("个", Some(Unit::Count)),
    ("项", Some(Unit::Count)),
    ("次", Some(Unit::Count)),
];

/// Words that, right after a unit character, show it is not a unit at all
/// (`3个月` is a duration, `2个百分点` a rate difference, `10人员` a noun, `1项目`).
const NOT_A_UNIT_AFTER: &[(&str, &[&str])] = &[
    ("个", &["月", "百分点", "工作日", "季度"]),
    ("人", &["员", "民", "群", "次"]),
    ("台", &["账", "帐", "阶"]),
    ("项", &["目"]),
];

/// Words right before a number that make it a target or threshold, not an amount.
const TARGET_BEFORE: &[&str] =
    &["=", "<", ">", "≥", "≤", "≧", "≦", "达到", "不低于", "不少于", "不高于", "不超过", "低于", "高于", "超过", "第"];

/// Words right after a figure that make it a threshold (`50万元以上大型设备`).
const THRESHOLD_AFTER: &[&str] = &["以上", "以下", "以内", "及以上", "及以下", "/"];

/// Parses one printed quantity: a number (thousands separators, full-width digits,
/// optional sign) followed by its unit, blanks allowed around and between them.
///
/// Units: 万元, 元, `%`, 平方米 (平米, ㎡), 辆, 台, 人, and 个/项/次 as counts.
/// 亿元 is not supported and gives `None`: converting `1.5亿元` to 万元 would need a
/// negative scale to keep the printed precision (±0.05亿元 = ±500万元), which a
/// [`Number`] cannot hold, and keeping it in 亿 has no [`Unit`].
///
/// ```
/// use gongkai_claims::parse_quantity;
/// use gongkai_model::Unit;
///
/// let q = parse_quantity("1,008.93万元").unwrap();
/// assert_eq!((q.value.to_string().as_str(), q.unit), ("1008.93", Unit::WanYuan));
/// assert_eq!(parse_quantity("１０．２％").unwrap().value.decimals(), 1);
/// assert_eq!(parse_quantity("2辆").unwrap().unit, Unit::Vehicle);
/// assert!(parse_quantity("2024年").is_none());
/// assert!(parse_quantity("1.5亿元").is_none());
/// ```
pub fn parse_quantity(text: &str) -> Option<Quantity> {
    let t = Text::new(text);
    let span = t.trim(0..t.len());
    match scan_at(&t, span.start) {
        Scan::Figure(f) if f.span.end == span.end => Some(f.quantity),
        _ => None,
    }
}

/// All usable figures of a paragraph, in order, non-overlapping.
pub(crate) fn find_figures(text: &Text) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        match scan_at(text, i) {
            Scan::Nothing => i += 1,
            Scan::Skip { end } => i = end.max(i + 1),
            Scan::Figure(f) => {
                i = f.span.end.max(i + 1);
                if !is_target_or_threshold(text, &f)
                    && !crate::code_paragraph::is_marker_code(text, f.span.start, f.span.end)
                {
                    out.push(f);
                }
            }
        }
    }
    out
}

/// Whether the words around a figure make it a target, threshold, rate or ordinal.
fn is_target_or_threshold(text: &Text, f: &Figure) -> bool {
    let mut before = f.span.start;
    while before > 0 && text.key(before - 1) == ' ' {
        before -= 1;
    }
    // `100万元（含）以上`: the bound's own qualifier before the threshold word.
    let after = if text.at(f.span.end, "(含)") { f.span.end + 3 } else { f.span.end };
    TARGET_BEFORE.iter().any(|w| text.ends_with(before, w).is_some())
        || THRESHOLD_AFTER.iter().any(|w| text.at(after, w))
}

/// Reads the figure starting at `i`, if a number starts there.
fn scan_at(text: &Text, i: usize) -> Scan {
    let is_digit = |j: usize| text.key(j).is_ascii_digit();
    // A sign belongs to the number only when it does not join two words (`4月-2025年`
    // is a range, and `1-2` a span of numbers).
    let signed = matches!(text.key(i), '-' | '+' | '−') && is_digit(i + 1);
    let num_start = if signed { i + 1 } else { i };
    if !is_digit(num_start) {
        return Scan::Nothing;
    }
    let prev = text.key_before(i);
    if prev.is_ascii_alphanumeric() || (signed && prev.is_ascii_digit()) {
        return Scan::Skip { end: run_end(text, num_start) };
    }
    let end = run_end(text, num_start);
    let Some(number) = Number::parse_printed(&text.printed(i..end)) else {
        // `1,01`, `1.2.3`, 25 digits: not a figure; skip the whole run so that its
        // tail is not read as a number of its own.
        return Scan::Skip { end };
    };
    let mut u = end;
    while text.key(u) == ' ' {
        u += 1;
    }
    match unit_at(text, u) {
        Some((UnitWord::Known(unit), len)) => {
            Scan::Figure(Figure { span: i..u + len, quantity: Quantity::new(number, unit) })
        }
        Some((UnitWord::Unsupported, len)) => Scan::Skip { end: u + len },
        None => Scan::Skip { end },
    }
}

/// End of the maximal run of digits joined by `,` or `.` (a separator is part of the
/// run only when a digit follows it).
fn run_end(text: &Text, start: usize) -> usize {
    let mut j = start;
    loop {
        let c = text.key(j);
        if c.is_ascii_digit() || (matches!(c, ',' | '.') && text.key(j + 1).is_ascii_digit()) {
            j += 1;
        } else {
            return j;
        }
    }
}

/// The unit word at `i` and its length in characters.
fn unit_at(text: &Text, i: usize) -> Option<(UnitWord, usize)> {
    let (word, unit) = UNITS.iter().find(|(w, _)| text.at(i, w))?;
    let len = word.chars().count();
    let blocked =
        NOT_A_UNIT_AFTER.iter().filter(|(w, _)| w == word).any(|(_, after)| after.iter().any(|a| text.at(i + len, a)));
    if blocked {
        return None;
    }
    Some((unit.map_or(UnitWord::Unsupported, UnitWord::Known), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(s: &str) -> Vec<String> {
        let t = Text::new(s);
        find_figures(&t).iter().map(|f| t.printed(f.span.clone())).collect()
    }

    #[test]
    fn parses_units_and_forms() {
        let q = |s| parse_quantity(s).map(|q| (q.value.to_string(), q.unit));
        assert_eq!(q("1,008.93万元"), Some(("1008.93".into(), Unit::WanYuan)));
        assert_eq!(q("1008.93万元"), Some(("1008.93".into(), Unit::WanYuan)));
        assert_eq!(q(" 99.82% "), Some(("99.82".into(), Unit::Percent)));
        assert_eq!(q("99.82％"), Some(("99.82".into(), Unit::Percent)));
        assert_eq!(q("93.44平方米"), Some(("93.44".into(), Unit::SquareMetre)));
        assert_eq!(q("257人"), Some(("257".into(), Unit::Person)));
        assert_eq!(q("１，０１０．７０万元"), Some(("1010.70".into(), Unit::WanYuan)));
        assert_eq!(q("128.95 万元"), Some(("128.95".into(), Unit::WanYuan)));
        assert_eq!(q("-3.50万元"), Some(("-3.50".into(), Unit::WanYuan)));
        assert_eq!(q("120元"), Some(("120".into(), Unit::Yuan)));
        assert_eq!(q("1个"), Some(("1".into(), Unit::Count)));
        assert_eq!(q("10.2%").map(|(v, _)| v), Some("10.2".into()));
    }

    #[test]
    fn rejects_non_quantities() {
        for bad in
            ["2024年", "10名", "1.", "161号", "1,01万元", "1.2.3万元", "3个月", "1.5亿元", "万元", "", "12万元以上"]
        {
            assert_eq!(parse_quantity(bad), None, "{bad}");
        }
    }

    #[test]
    fn finds_only_claim_figures() {
        assert_eq!(figures("单位价值50万元以上大型设备0台"), ["0台"]);
        assert_eq!(figures("认证率>=80%，次数=12次，达到 4次"), Vec::<String>::new());
        assert_eq!(figures("生活费120元/月/人；补贴人数：257人"), ["257人"]);
        assert_eq!(figures("昌州财建〔2024〕161号，1995年，增加10名，1.单位"), Vec::<String>::new());
        assert_eq!(figures("2024年4月-2025年3月，A1万元"), Vec::<String>::new());
        assert_eq!(figures("增长2个百分点，第3项，共1,2万元"), Vec::<String>::new());
        assert_eq!(figures("一般公共预算1,008.93万元，占99.82%"), ["1,008.93万元", "99.82%"]);
    }
}
