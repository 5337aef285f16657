//! What a figure is about: the subject phrase printed before it.
//!
//! The text before a number usually carries more than the subject: the unit's name
//! (`奇台县社会保险管理局单位`), the year (`2024年`), list numbering (`1.`, `（一）`),
//! connectors (`其中`, `收入预算包括：`) and a verb (`为`). The label keeps only the
//! budget term. The rule: strip numbering, connectors, year and verb; then take the
//! **longest** known budget term that ends the phrase ([`KNOWN_TERMS`]; longest so that
//! `财政拨款收支总预算` is not read as `收支总预算`); failing that, cut after the last
//! year, `的` or unit name. The label is printed text except for the “三公” quotes,
//! which are normalised so that every spelling of the same subject compares equal.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use gongkai_model::{ClaimKind, Level, LevelName};

use crate::code_paragraph::split_level_names;
use crate::text::{Text, key_char};

/// A known term (key form) and its canonical label, if any.
type KnownTerm = (&'static str, Option<&'static str>);

/// Known budget terms (key form: half-width brackets, `"` for any quote), with a
/// canonical label where the printed form should not be kept.
const KNOWN_TERMS: &[KnownTerm] = &[
    ("收支总预算", None),
    ("财政拨款收支总预算", None),
    ("收入预算", None),
    ("支出预算", None),
    ("收入总预算", None),
    ("支出总预算", None),
    ("部门预算收入", None),
    ("部门预算支出", None),
    ("一般公共预算", None),
    ("一般公共预算拨款", None),
    ("一般公共预算拨款合计", None),
    ("一般公共预算支出", None),
    ("一般公共预算基本支出", None),
    ("一般公共预算项目支出", None),
    ("一般公共预算当年拨款", None),
    ("政府性基金预算", None),
    ("政府性基金预算拨款", None),
    ("国有资本经营预算", None),
    ("国有资本经营预算拨款", None),
    ("上级一般公共预算安排的转移支付资金", None),
    ("上级政府性基金安排的转移支付资金", None),
    ("上级国有资本经营预算安排的转移支付资金", None),
    ("财政专户管理资金", None),
    ("单位资金", None),
    ("事业收入", None),
    ("经营收入", None),
    ("其他收入", None),
    ("上年结转结余", None),
    ("上年结转", None),
    ("基本支出", None),
    ("基本支出预算", None),
    ("项目支出", None),
    ("项目支出预算", None),
    // (An economic class whose name holds `的`, which otherwise starts a subject.)
    ("对个人和家庭的补助", None),
    ("对个人和家庭的补助支出", None),
    ("人员经费", None),
    ("公用经费", None),
    ("机关运行经费", None),
    ("机关运行经费财政拨款预算", None),
    ("单位运行经费", None),
    ("单位运行经费财政拨款预算", None),
    ("\"三公\"经费", Some("“三公”经费")),
    ("\"三公\"经费预算", Some("“三公”经费")),
    ("\"三公\"经费预算数", Some("“三公”经费")),
    // (Printed as is: the stage, 预算 or 决算, tells which total a share is of.)
    ("\"三公\"经费支出", None),
    ("\"三公\"经费支出预算", None),
    ("\"三公\"经费预算支出", None),
    ("三公经费", Some("“三公”经费")),
    ("三公经费预算", Some("“三公”经费")),
    ("三公经费预算数", Some("“三公”经费")),
    ("三公经费支出", None),
    ("三公经费支出预算", None),
    ("三公经费预算支出", None),
    ("因公出国(境)费", None),
    ("公务用车购置及运行费", None),
    ("公务用车购置及运行维护费", None),
    ("公务用车购置费", None),
    ("公务用车运行费", None),
    ("公务用车运行维护费", None),
    ("公务接待费", None),
    ("采购预算", None),
    ("政府采购预算", None),
    ("政府采购货物预算", None),
    ("政府采购工程预算", None),
    ("政府采购服务预算", None),
    ("面向中小企业预留政府采购项目预算金额", None),
    ("小微企业预留政府采购项目预算金额", None),
    ("整体预算绩效目标", None),
    ("预算绩效目标", None),
];

/// Labels that say nothing on their own; a heading before a colon gives the subject.
const GENERIC: &[&str] = &[
    "预算数",
    "预算",
    "年预算数",
    "年初预算数",
    "年初预算",
    "预算安排",
    "安排",
    "数额",
    "总额",
    "合计",
    "总计",
    "共计",
    "小计",
];

/// Labels that name a property of the preceding item (`房屋93.44平方米，价值15.00万元`):
/// the claim's label becomes item + property (`房屋价值`).
const ATTRIBUTES: &[&str] = &["价值", "金额", "面积", "涉及金额", "涉及资金", "涉及预算金额", "涉及预算资金"];

/// Words naming only the final accounts' figure (`…（项）。年初预算999.83万元，
/// 支出决算1,182.59万元`): the same subject as the figure before, at that stage.
const FINAL_STAGE: &[&str] = &["支出决算", "支出决算数", "决算数", "决算", "执行数", "决算支出"];

/// Words that only connect a subject to what came before.
const LEADING_CONNECTORS: &[&str] =
    &["其中", "另外", "此外", "同时", "以及", "及", "即", "本单位", "本部门", "我单位", "我部门"];

/// Verbs and fillers between a subject and its figure.
const TRAILING_FILLERS: &[&str] = &["为", "是", "有", "达", "约", "共计", "分别", ":", "合计为", "总计为"];

/// Characters that end the name of a government unit (`…管理局`, `…中心`), so that
/// `…管理局单位收入` can drop the unit name. A bare `单位资金` has none before it.
const ORG_ENDINGS: &[char] =
    &['局', '院', '会', '委', '厅', '处', '所', '站', '校', '队', '馆', '心', '室', '部', '办', '社'];

/// A subject phrase.
#[derive(Clone, Debug, Default)]
pub(crate) struct Subject {
    /// The label (empty when nothing meaningful stands before the figure).
    pub(crate) label: String,
    /// Level names, for per-code and structure lines.
    pub(crate) names: Vec<LevelName>,
    /// Where the subject phrase starts (numbering and connectors excluded).
    pub(crate) start: usize,
    /// The label is a generic word like `预算数`.
    pub(crate) generic: bool,
    /// The label is a property word like `价值`.
    pub(crate) attribute: bool,
    /// The label names only the final accounts' figure (`支出决算`).
    pub(crate) final_stage: bool,
    /// The claim kind implied by level names.
    pub(crate) kind: Option<ClaimKind>,
}

impl Subject {
    /// Whether the subject names something by itself.
    pub(crate) fn is_named(&self) -> bool {
        !self.label.is_empty() && !self.generic
    }

    /// Whether the subject phrase contains `word` (label or names).
    pub(crate) fn mentions(&self, word: &str) -> bool {
        self.label.contains(word) || self.names.iter().any(|n| n.name.contains(word))
    }
}

/// The subject printed in `range`.
pub(crate) fn derive(text: &Text, range: Range<usize>) -> Subject {
    let mut r = text.trim(range);
    // `收入预算包括：一般公共预算拨款…`, `其中：基本支出…`: the subject follows the connector.
    for cut in ["包括", "其中"] {
        if let Some(p) = text.rfind(r.clone(), cut) {
            r = text.trim(p + 2..r.end);
        }
    }
    r = strip_leading(text, r);
    r = strip_trailing(text, r);
    if r.is_empty() {
        return Subject { start: r.start, ..Subject::default() };
    }
    if let Some(split) = split_level_names(text, r.clone()) {
        let rest = strip_leading(text, split.rest_start..r.end);
        let single_lei = split.names.len() == 1 && split.names[0].level == Level::Lei;
        let kind = if rest.is_empty() && single_lei { ClaimKind::StructureShare } else { ClaimKind::CodeParagraph };
        let label = split.names.last().map(|n| n.name.clone()).unwrap_or_default();
        return Subject { label, names: split.names, start: r.start, kind: Some(kind), ..Subject::default() };
    }
    // `公务用车购置费2026年预算数`: a generic measure after a year says what
    // figure of the item printed before the year is given; that item is the subject.
    if let Some(item) = item_before_year(text, r.clone()) {
        let subject = derive(text, item);
        if !subject.label.is_empty() && !subject.generic {
            return subject;
        }
    }
    let label = match known_term(text, r.clone()) {
        Some((_, Some(canonical))) => canonical.to_owned(),
        Some((start, None)) => text.printed(qualified_start(text, r.start, start)..r.end),
        None => text.printed(fallback_start(text, r.clone())..r.end),
    };
    let label = normalise_three_public(&label);
    let generic = GENERIC.contains(&label.as_str());
    let attribute = ATTRIBUTES.contains(&label.as_str());
    let final_stage = FINAL_STAGE.contains(&label.as_str());
    Subject { label, start: r.start, generic, attribute, final_stage, ..Subject::default() }
}

/// The words before the last year of `r` when what follows the year is only a
/// generic measure (`…2026年预算数`), else none.
fn item_before_year(text: &Text, r: Range<usize>) -> Option<Range<usize>> {
    let year = (r.start + 1..r.end.saturating_sub(4)).rev().find(|&i| year_end_at(text, i).is_some())?;
    let after = year_end_at(text, year)?;
    let measure = text.printed(after..r.end);
    GENERIC.contains(&measure.as_str()).then(|| text.trim(r.start..year))
}

/// `r` without leading numbering, connectors and year, repeatedly.
fn strip_leading(text: &Text, mut r: Range<usize>) -> Range<usize> {
    loop {
        let before = r.start;
        if let Some(end) = numbering_end(text, r.clone()) {
            r.start = end;
        }
        if let Some(c) = LEADING_CONNECTORS.iter().find(|c| text.at(r.start, c)) {
            r.start += c.chars().count();
        }
        if let Some(end) = year_end_at(text, r.start) {
            r.start = end;
        }
        for w in ["本年度", "本年", "今年"] {
            if text.at(r.start, w) {
                r.start += w.chars().count();
            }
        }
        r = text.trim(r.start.min(r.end)..r.end);
        // (Nor the end of a bracket before it: `（上年25.00万元）、戊工作…`.)
        while matches!(text.key(r.start), ',' | ':' | '、' | '.' | ')' | ';') && r.start < r.end {
            r.start += 1;
        }
        if r.start == before {
            return r;
        }
    }
}

/// `r` without trailing verbs and fillers, repeatedly.
fn strip_trailing(text: &Text, mut r: Range<usize>) -> Range<usize> {
    loop {
        let before = r.end;
        for f in TRAILING_FILLERS {
            if let Some(s) = text.ends_with(r.end, f).filter(|&s| s >= r.start) {
                r.end = s;
            }
        }
        // `共` is a filler (`收入共…`) but also ends `一般公共`.
        if let Some(s) = text.ends_with(r.end, "共").filter(|&s| s > r.start && text.key(s - 1) != '公') {
            r.end = s;
        }
        // `收入总计、支出总计均为…`: `均` (`都`) after a list says each item is the
        // figure; it is no part of the subject (`平均`, `人均` have no list before).
        for w in ["均", "都"] {
            if let Some(s) = text.ends_with(r.end, w).filter(|&s| (r.start..s).any(|i| text.key(i) == '、')) {
                r.end = s;
            }
        }
        // A paragraph title (`公务用车购置费支出情况说明`) names its item before
        // the words that say it is explained.
        for w in ["情况说明", "说明"] {
            if let Some(s) = text.ends_with(r.end, w).filter(|&s| s > r.start) {
                r.end = s;
            }
        }
        r = text.trim(r);
        if r.end == before {
            return r;
        }
    }
}

/// End of list numbering at the start of `r`: `1.`, `2、`, `3)`, `（一）`, `(1)`, `一、`, `①`.
pub(crate) fn numbering_end(text: &Text, r: Range<usize>) -> Option<usize> {
    let s = r.start;
    let is_cjk_numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut j = s;
    if text.key(s).is_ascii_digit() {
        while text.key(j).is_ascii_digit() && j - s < 3 {
            j += 1;
        }
        // `1.` but not `1.5`; `2024年` is a year, not numbering.
        let ok = matches!(text.key(j), '.' | '、' | ')') && !text.key(j + 1).is_ascii_digit();
        return (ok && j < r.end).then_some(j + 1);
    }
    if text.key(s) == '(' {
        j = s + 1;
        while (is_cjk_numeral(text.key(j)) || text.key(j).is_ascii_digit()) && j - s < 4 {
            j += 1;
        }
        return (j > s + 1 && text.key(j) == ')' && j < r.end).then_some(j + 1);
    }
    if is_cjk_numeral(text.key(s)) {
        while is_cjk_numeral(text.key(j)) && j - s < 3 {
            j += 1;
        }
        return (text.key(j) == '、' && j < r.end).then_some(j + 1);
    }
    ('\u{2460}'..='\u{2473}').contains(&text.key(s)).then_some(s + 1)
}

/// End of a year (`2024年`, `2024年度`) starting at `i`.
fn year_end_at(text: &Text, i: usize) -> Option<usize> {
    if !(i..i + 4).all(|j| text.key(j).is_ascii_digit()) || text.key(i + 4) != '年' {
        return None;
    }
    Some(if text.key(i + 5) == '度' { i + 6 } else { i + 5 })
}

/// Words that narrow a budget term to one source of funds or to last year's
/// carry-over (`一般公共预算财政拨款支出预算`, `上年结转结余的财政专户管理资金`):
/// printed before a known term, they stay part of the subject, which then names
/// another figure than the bare term (or none the tables print, and is not
/// compared). Longest first.
const QUALIFIERS: &[&str] = &[
    "一般公共预算财政拨款",
    "一般公共预算拨款",
    "一般公共预算",
    "政府性基金预算拨款",
    "政府性基金预算",
    "政府性基金拨款",
    "政府性基金",
    "国有资本经营预算拨款",
    "国有资本经营预算",
    "国有资本经营拨款",
    "财政拨款",
    "上年结转结余的",
    "上年结转的",
    // A kind of purchase (`货物类采购预算`): one line of the procurement table.
    "货物类",
    "工程类",
    "服务类",
];

/// Where a known term starting at `term` begins together with the qualifiers
/// printed right before it (not before `floor`).
fn qualified_start(text: &Text, floor: usize, term: usize) -> usize {
    let mut start = term;
    while let Some(s) = QUALIFIERS.iter().find_map(|q| text.ends_with(start, q).filter(|&s| s >= floor)) {
        start = s;
    }
    start
}

/// The longest known term ending `r`: its start and canonical label.
fn known_term(text: &Text, r: Range<usize>) -> Option<(usize, Option<&'static str>)> {
    let last = text.key(r.end.checked_sub(1)?);
    terms_ending_in(last)
        .filter_map(|(term, canonical)| {
            let start = text.ends_with(r.end, term).filter(|&s| s >= r.start)?;
            Some((start, *canonical))
        })
        .min_by_key(|(start, _)| *start)
}

/// The [`KNOWN_TERMS`] whose last character is `last`. Asked for every figure's
/// subject: grouping the terms by their last character once spares trying each.
fn terms_ending_in(last: char) -> impl Iterator<Item = &'static KnownTerm> {
    static BY_LAST: LazyLock<HashMap<char, Vec<&'static KnownTerm>>> = LazyLock::new(|| {
        let mut by_last: HashMap<char, Vec<_>> = HashMap::new();
        for entry in KNOWN_TERMS {
            if let Some(c) = entry.0.chars().next_back() {
                by_last.entry(c).or_default().push(entry);
            }
        }
        by_last
    });
    BY_LAST.get(&last).into_iter().flatten().copied()
}

/// Where an unknown subject starts: after the last year, `的` or unit name.
fn fallback_start(text: &Text, r: Range<usize>) -> usize {
    let mut start = r.start;
    for i in r.clone() {
        let year_end = if i >= r.start + 4 { year_end_at(text, i - 4) } else { None };
        if let Some(end) = year_end.filter(|&end| end + 2 <= r.end) {
            start = start.max(end);
        }
    }
    if let Some(p) = text.rfind(start..r.end, "的").filter(|&p| p + 3 <= r.end) {
        // `上年结转结余的一般公共预算收入` is not `一般公共预算收入`: a carry-over
        // qualifier before 的 stays part of the subject.
        start = ["上年结转结余", "上年结转", "结转结余"]
            .iter()
            .find_map(|q| text.ends_with(p, q).filter(|&s| s >= start))
            .unwrap_or(p + 1);
    }
    if let Some(p) = text
        .rfind(start..r.end, "单位")
        .filter(|&p| p > start && ORG_ENDINGS.contains(&text.key(p - 1)) && p + 4 <= r.end)
    {
        start = p + 2;
    }
    start
}

/// Writes `三公` with curly quotes, whatever quotes (or none) were printed.
pub(crate) fn normalise_three_public(label: &str) -> String {
    let chars: Vec<char> = label.chars().collect();
    let Some(p) = chars.windows(2).position(|w| w == ['三', '公']) else {
        return label.to_owned();
    };
    let opens = p > 0 && key_char(chars[p - 1]) == '"';
    let closes = chars.get(p + 2).is_some_and(|&c| key_char(c) == '"');
    let head: String = chars[..if opens { p - 1 } else { p }].iter().collect();
    let tail: String = chars[if closes { p + 3 } else { p + 2 }..].iter().collect();
    format!("{head}“三公”{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(s: &str) -> String {
        let t = Text::new(s);
        derive(&t, 0..t.len()).label
    }

    #[test]
    fn keeps_the_budget_term() {
        assert_eq!(label("奇台县社会保险管理局单位收入预算"), "收入预算");
        assert_eq!(label("奇台县社会保险管理局2024年财政拨款收支总预算"), "财政拨款收支总预算");
        assert_eq!(label("奇台县社会保险管理局单位2024年一般公共预算拨款合计"), "一般公共预算拨款合计");
        assert_eq!(label("奇台县社会保险管理局单位2024年的机关运行经费财政拨款预算"), "机关运行经费财政拨款预算");
        assert_eq!(label("单位资金"), "单位资金");
        assert_eq!(label("其中：因公出国（境）费"), "因公出国（境）费");
    }

    #[test]
    fn strips_numbering_connectors_and_verbs() {
        assert_eq!(label("1. 房屋"), "房屋");
        assert_eq!(label("（一）基本支出"), "基本支出");
        assert_eq!(label("(2)基本支出为"), "基本支出");
        assert_eq!(label("三、项目支出"), "项目支出");
        assert_eq!(label("收入预算包括：一般公共预算拨款"), "一般公共预算拨款");
        assert_eq!(label("本单位当年非财政拨款项目有"), "当年非财政拨款项目");
        assert_eq!(label("2024年预算数为"), "预算数");
        assert_eq!(label("收入共"), "收入");
        assert_eq!(label("一般公共"), "一般公共");
    }

    #[test]
    fn falls_back_after_year_de_or_unit_name() {
        assert_eq!(label("某某局2024年专项业务费"), "专项业务费");
        assert_eq!(label("用于办公楼维修的专项资金"), "专项资金");
        assert_eq!(label("上年结转结余的一般公共预算收入"), "上年结转结余的一般公共预算收入");
        // A source of funds before a known term narrows it and stays.
        assert_eq!(label("2025年度财政拨款基本支出预算"), "财政拨款基本支出预算");
        assert_eq!(label("2026年一般公共预算财政拨款支出预算"), "一般公共预算财政拨款支出预算");
        assert_eq!(label("政府性基金拨款支出预算"), "政府性基金拨款支出预算");
        assert_eq!(label("国有资本经营拨款支出预算"), "国有资本经营拨款支出预算");
        assert_eq!(label("上年结转结余的财政专户管理资金"), "上年结转结余的财政专户管理资金");
        assert_eq!(label("某某管理局单位培训费"), "培训费");
    }

    #[test]
    fn normalises_three_public_quotes() {
        for s in ["“三公”经费预算数为", "\"三公\"经费", "2024年财政拨款‘三公’经费", "三公经费"]
        {
            assert_eq!(label(s), "“三公”经费", "{s}");
        }
        assert_eq!(normalise_three_public("\"三公\"经费合计"), "“三公”经费合计");
    }

    #[test]
    fn reads_level_names() {
        let t = Text::new("1. 社会保障和就业支出（类）");
        let s = derive(&t, 0..t.len());
        assert_eq!(s.kind, Some(ClaimKind::StructureShare));
        assert_eq!(s.label, "社会保障和就业支出");
        let t = Text::new("住房保障支出(类)住房改革支出(款)住房公积金(项)预算数为");
        let s = derive(&t, 0..t.len());
        assert_eq!(s.kind, Some(ClaimKind::CodeParagraph));
        assert_eq!(s.names.len(), 3);
        assert_eq!(s.label, "住房公积金");
    }
}
