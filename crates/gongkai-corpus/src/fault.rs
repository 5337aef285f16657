//! The fault injector: one known fault per document, and where it must be reported.
//!
//! Each fault edits the marked lines of a clean [`Doc`] and flags the lines on which a
//! finding of the expected rule family must point ([`crate::doc::Line::expect`]); the
//! layout variants applied afterwards move those flags with their lines.

use serde::Serialize;

use crate::doc::{Doc, Line, Mark};
use crate::final_fault::FinalFault;
use crate::money::{Cents, fmt_amount};
use crate::rng::Rng;

/// The kinds of fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FaultKind {
    /// A leaf cell of 表5 changed (合计 no longer 基本 + 项目).
    CellChanged,
    /// A 款 subtotal of 表3 or 表5 off by 0.02 in two columns (its row identity still holds).
    SubtotalOff,
    /// A claim's share (`占…%`) wrong.
    ClaimShare,
    /// A claim's growth rate wrong.
    ClaimRate,
    /// A claim's amount wrong (per-code paragraph).
    ClaimAmount,
    /// 增加↔减少 flipped without changing 增长/下降 (a rate without a change
    /// amount, `比上年预算数B万元增长D%`: its 增长↔下降).
    DirectionFlip,
    /// A whole table removed.
    TableDropped,
    /// A 项 name misspelt in 表5.
    CatalogName,
    /// A cited 文号 altered in one place.
    DocNumber,
    /// 实有人数 ≠ 在职 + 退休 + 离休.
    StaffSum,
    /// The office count differs from the list.
    OfficeCount,
    /// A procurement part changed.
    ProcurementPart,
    /// A kind of purchase in the general budget's list changed (only a
    /// procurement table, where printed, contradicts it).
    ProcurementFundPart,
    /// A sentence mark left over from an edit (`…增加。` → `…增加，。`).
    DoubledMark,
    /// A reason announced and not given (`主要原因是人员增加。` → `主要原因是。`).
    EmptyReason,
    /// A closing bracket no opening one matches (`…减少。` → `…减少）。`).
    StrayBracket,
    /// A per-code paragraph restating its figure otherwise (`…；本年预算安排X万元。`
    /// with X not the figure it opened with): N114 must report it.
    SelfContradiction,
    /// A per-code paragraph naming its 款 or 项 by a name the catalog attests for
    /// that code only in earlier years (`行政事业单位离退休(款)`, 20805 until 2019):
    /// G106 must report it.
    OutdatedName,
    /// A page with nothing on it (two page breaks in a row) before an
    /// explanation section: C108 must report it.
    BlankPage,
    /// The 名词解释 page printed twice, each on a page of its own: C108 must
    /// report the second.
    RepeatedPage,
    /// A character of a reason lost to a wrong encoding (U+FFFD): F105 must
    /// report it.
    UnreadableChar,
    /// A reason left as the template's note to the writer (`主要原因是（此处填写
    /// 增减原因）。`): C107 must report it.
    TemplateNote,
    /// A year left over from last year's text: a comparison with two years
    /// back (`比2022年年初预算数…` in a 2024 budget), else a per-code paragraph's
    /// budget of next year (`2025年预算数为…`): K104 must report it.
    StrayYear,
    /// A quotation opened and never closed (`主要原因是“人员增加。`).
    UnbalancedQuote,
    /// A section's last paragraph cut at its reason's lead-in (`…，主要原因是：`
    /// and the next section's heading): F104 must report it.
    TruncatedReason,
    /// A table titled for the other level (`单位收入总体情况表` → `部门收入总体情况表`)
    /// among titles of the unit: K105 must report it.
    LevelWording,
    /// A rate given with the figure compared with and no change amount
    /// (`比2023年预算执行数B万元增长D%`) turned the other way (`下降D%`): a rate the
    /// two figures cannot make. N103 must report it.
    ImpossibleRate,
}

impl FaultKind {
    /// Every kind, in table order.
    pub const ALL: [FaultKind; 27] = [
        FaultKind::CellChanged,
        FaultKind::SubtotalOff,
        FaultKind::ClaimShare,
        FaultKind::ClaimRate,
        FaultKind::ClaimAmount,
        FaultKind::DirectionFlip,
        FaultKind::TableDropped,
        FaultKind::CatalogName,
        FaultKind::DocNumber,
        FaultKind::StaffSum,
        FaultKind::OfficeCount,
        FaultKind::ProcurementPart,
        FaultKind::ProcurementFundPart,
        FaultKind::DoubledMark,
        FaultKind::EmptyReason,
        FaultKind::StrayBracket,
        FaultKind::SelfContradiction,
        FaultKind::OutdatedName,
        FaultKind::BlankPage,
        FaultKind::RepeatedPage,
        FaultKind::UnreadableChar,
        FaultKind::TemplateNote,
        FaultKind::StrayYear,
        FaultKind::UnbalancedQuote,
        FaultKind::TruncatedReason,
        FaultKind::LevelWording,
        FaultKind::ImpossibleRate,
    ];

    /// The kebab-case id.
    pub fn id(self) -> &'static str {
        match self {
            FaultKind::CellChanged => "cell-changed",
            FaultKind::SubtotalOff => "subtotal-off",
            FaultKind::ClaimShare => "claim-share",
            FaultKind::ClaimRate => "claim-rate",
            FaultKind::ClaimAmount => "claim-amount",
            FaultKind::DirectionFlip => "direction-flip",
            FaultKind::TableDropped => "table-dropped",
            FaultKind::CatalogName => "catalog-name",
            FaultKind::DocNumber => "doc-number",
            FaultKind::StaffSum => "staff-sum",
            FaultKind::OfficeCount => "office-count",
            FaultKind::ProcurementPart => "procurement-part",
            FaultKind::ProcurementFundPart => "procurement-fund-part",
            FaultKind::DoubledMark => "doubled-mark",
            FaultKind::EmptyReason => "empty-reason",
            FaultKind::StrayBracket => "stray-bracket",
            FaultKind::SelfContradiction => "self-contradiction",
            FaultKind::OutdatedName => "outdated-name",
            FaultKind::BlankPage => "blank-page",
            FaultKind::RepeatedPage => "repeated-page",
            FaultKind::UnreadableChar => "unreadable-char",
            FaultKind::TemplateNote => "template-note",
            FaultKind::StrayYear => "stray-year",
            FaultKind::UnbalancedQuote => "unbalanced-quote",
            FaultKind::TruncatedReason => "truncated-reason",
            FaultKind::LevelWording => "level-wording",
            FaultKind::ImpossibleRate => "impossible-rate",
        }
    }

    /// The rule family (`gongkai_model::Category` id) that must report it.
    pub fn family(self) -> &'static str {
        match self {
            FaultKind::CellChanged | FaultKind::SubtotalOff => "arithmetic",
            FaultKind::ClaimShare
            | FaultKind::ClaimRate
            | FaultKind::ClaimAmount
            | FaultKind::DirectionFlip
            | FaultKind::ProcurementPart
            | FaultKind::ProcurementFundPart
            | FaultKind::SelfContradiction
            | FaultKind::ImpossibleRate => "narrative",
            FaultKind::TableDropped | FaultKind::BlankPage | FaultKind::RepeatedPage | FaultKind::TemplateNote => {
                "completeness"
            }
            FaultKind::CatalogName | FaultKind::OutdatedName => "catalog",
            FaultKind::DocNumber | FaultKind::StrayYear | FaultKind::LevelWording => "consistency",
            FaultKind::StaffSum | FaultKind::OfficeCount => "profile",
            FaultKind::DoubledMark
            | FaultKind::EmptyReason
            | FaultKind::StrayBracket
            | FaultKind::UnbalancedQuote
            | FaultKind::TruncatedReason
            | FaultKind::UnreadableChar => "format",
        }
    }

    /// The rule that must report it, where its family holds rules that would
    /// report the edit for another reason (a restated figure also differs from
    /// the table: N101 would find it, and the measurement would say nothing of N114).
    pub fn rule(self) -> Option<&'static str> {
        match self {
            FaultKind::SelfContradiction => Some("N114"),
            FaultKind::OutdatedName => Some("G106"),
            FaultKind::BlankPage | FaultKind::RepeatedPage => Some("C108"),
            FaultKind::UnreadableChar => Some("F105"),
            FaultKind::TemplateNote => Some("C107"),
            FaultKind::StrayYear => Some("K104"),
            FaultKind::TruncatedReason => Some("F104"),
            FaultKind::LevelWording => Some("K105"),
            FaultKind::ImpossibleRate => Some("N103"),
            _ => None,
        }
    }
}

/// A fault of either kind of document: a budget's ([`FaultKind`]) or a 决算's
/// ([`FinalFault`]). Serialised as its id alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
pub enum Fault {
    /// A budget disclosure's fault.
    Budget(FaultKind),
    /// A 决算's fault.
    Final(FinalFault),
}

impl Fault {
    /// The kebab-case id.
    pub fn id(self) -> &'static str {
        match self {
            Fault::Budget(k) => k.id(),
            Fault::Final(k) => k.id(),
        }
    }

    /// The rule family (`gongkai_model::Category` id) that must report it.
    pub fn family(self) -> &'static str {
        match self {
            Fault::Budget(k) => k.family(),
            Fault::Final(k) => k.family(),
        }
    }

    /// The rule that must report it, where it must be that one.
    pub fn rule(self) -> Option<&'static str> {
        match self {
            Fault::Budget(k) => k.rule(),
            Fault::Final(_) => None,
        }
    }
}

/// What was injected (written as `NAME.expected.json`).
#[derive(Clone, Debug, Serialize)]
pub struct Expected {
    /// The fault kind.
    pub fault: Fault,
    /// The rule family that must report it.
    pub family: &'static str,
    /// The rule that must report it, where it must be that one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<&'static str>,
    /// 1-based lines of which one must be among a finding's locations.
    pub lines: Vec<u32>,
    /// What was changed, for people.
    pub description: String,
}

/// Injects `kind` into `doc`, or returns `None` when the document has nothing to
/// inject it into (e.g. no project for a 文号 fault). Returns a description.
pub fn inject(doc: &mut Doc, kind: FaultKind, rng: &mut Rng) -> Option<String> {
    let candidates: Vec<usize> = doc
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| targets(kind, &l.mark))
        .filter(|&(i, l)| !is_punctuation(kind) || (l.text.ends_with('。') && starts_paragraph(doc, i)))
        .filter(|&(i, _)| kind != FaultKind::TruncatedReason || ends_section(doc, i))
        // (A table's title, not its unit line `单位：万元` nor its header.)
        .filter(|(_, l)| kind != FaultKind::LevelWording || (l.text.starts_with("单位") && l.text.ends_with('表')))
        .filter(|(_, l)| kind != FaultKind::ImpossibleRate || rate_only(&l.text).is_some())
        .map(|(i, _)| i)
        .collect();
    if kind == FaultKind::RepeatedPage {
        return repeat_glossary_page(doc);
    }
    if candidates.is_empty() {
        return None;
    }
    let at = candidates[rng.below(candidates.len())];
    match kind {
        FaultKind::TableDropped => return drop_table(doc, at),
        FaultKind::BlankPage => return blank_page_before(doc, at),
        _ => {}
    }
    edit_line(doc, at, |text| edit(kind, text, rng))
}

/// Edits line `at` with `edit` and flags it, describing the change; `None`
/// when the edit does not apply or changes nothing.
pub(crate) fn edit_line(doc: &mut Doc, at: usize, edit: impl FnOnce(&str) -> Option<String>) -> Option<String> {
    let line = &mut doc.lines[at];
    let before = line.text.clone();
    let after = edit(&before)?;
    if after == before {
        return None;
    }
    line.text = after.clone();
    line.expect = true;
    Some(format!("line {}: `{}` → `{}`", at + 1, clip(&before), clip(&after)))
}

fn is_punctuation(kind: FaultKind) -> bool {
    matches!(
        kind,
        FaultKind::DoubledMark
            | FaultKind::EmptyReason
            | FaultKind::StrayBracket
            | FaultKind::UnbalancedQuote
            | FaultKind::TruncatedReason
    )
}

/// Whether line `i` is the last paragraph of its section: the next line with
/// text is a section's heading.
fn ends_section(doc: &Doc, i: usize) -> bool {
    let next = doc.lines[i + 1..].iter().find(|l| !l.text.trim().is_empty());
    next.is_some_and(|l| matches!(l.mark, Mark::SectionHeading(_)))
}

/// Whether line `i` starts a paragraph of its own: the text before it ends a
/// sentence or is a heading (a prose finding points at its paragraph's first
/// line; a line continuing `…其中：` is part of the paragraph before).
fn starts_paragraph(doc: &Doc, i: usize) -> bool {
    let before = doc.lines[..i].iter().rev().find(|l| !l.text.trim().is_empty());
    before.is_none_or(|l| l.text.ends_with('。') || l.text.ends_with('；') || matches!(l.mark, Mark::SectionHeading(_)))
}

pub(crate) fn clip(s: &str) -> String {
    s.chars().take(60).collect()
}

fn targets(kind: FaultKind, mark: &Mark) -> bool {
    match (kind, mark) {
        (FaultKind::CellChanged, Mark::TableRow { table: 5, code }) => code.len() == 7,
        (FaultKind::SubtotalOff, Mark::TableRow { table: 3 | 5, code }) => code.len() == 5,
        (FaultKind::ClaimShare, Mark::Claim { share: true, .. }) => true,
        (
            FaultKind::ClaimRate | FaultKind::DirectionFlip | FaultKind::ImpossibleRate,
            Mark::Claim { change: true, .. },
        ) => true,
        (FaultKind::ClaimAmount, Mark::Claim { code_paragraph: true, .. }) => true,
        (FaultKind::TableDropped, Mark::TableNumber(_)) => true,
        (FaultKind::BlankPage, Mark::SectionHeading(_)) => true,
        (FaultKind::LevelWording, Mark::TableHead(1..=3)) => true,
        (FaultKind::UnreadableChar | FaultKind::TemplateNote, Mark::Claim { .. }) => true,
        (FaultKind::CatalogName, Mark::TableRow { table: 5, code }) => code.len() == 7,
        (FaultKind::DocNumber, Mark::DocNumber { first: false }) => true,
        (FaultKind::StaffSum, Mark::Staffing) => true,
        (FaultKind::OfficeCount, Mark::Offices) => true,
        (FaultKind::ProcurementPart, Mark::Procurement { .. }) => true,
        (FaultKind::ProcurementFundPart, Mark::Procurement { fund_list }) => *fund_list,
        (
            FaultKind::DoubledMark
            | FaultKind::EmptyReason
            | FaultKind::StrayBracket
            | FaultKind::UnbalancedQuote
            | FaultKind::TruncatedReason,
            Mark::Claim { .. },
        ) => true,
        (
            FaultKind::SelfContradiction | FaultKind::OutdatedName | FaultKind::StrayYear,
            Mark::Claim { code_paragraph: true, .. },
        ) => true,
        _ => false,
    }
}

/// Parses a printed amount (`1,234.56`) into cents.
pub(crate) fn parse_amount(s: &str) -> Option<Cents> {
    let digits: String = s.chars().filter(|c| *c != ',').collect();
    let (int, frac) = digits.split_once('.')?;
    Some(int.parse::<i64>().ok()? * 100 + frac.parse::<i64>().ok()?)
}

/// A non-zero change of at least 0.10 (well beyond rounding).
pub(crate) fn delta(rng: &mut Rng) -> Cents {
    let d = rng.range(10, 5_000);
    if rng.chance(50) { d } else { -d }
}

/// Replaces the number that ends just before byte `end` in `text` (a run of digits,
/// commas and one dot) with `f(number)`.
pub(crate) fn replace_number_before(text: &str, end: usize, f: impl Fn(&str) -> Option<String>) -> Option<String> {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == ',' || *c == '.')
        .last()
        .map(|(i, _)| i)?;
    let new = f(&text[start..end])?;
    Some(format!("{}{}{}", &text[..start], new, &text[end..]))
}

/// Replaces the number that starts at byte `start`.
pub(crate) fn replace_number_after(text: &str, start: usize, f: impl Fn(&str) -> Option<String>) -> Option<String> {
    let len = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .map(char::len_utf8)
        .sum::<usize>();
    if len == 0 {
        return None;
    }
    let new = f(&text[start..start + len])?;
    Some(format!("{}{}{}", &text[..start], new, &text[start + len..]))
}

pub(crate) fn shift_amount(s: &str, d: Cents) -> Option<String> {
    let v = parse_amount(s)?;
    let n = if v + d < 0 { v + d.abs() } else { v + d };
    Some(fmt_amount(n))
}

fn edit(kind: FaultKind, text: &str, rng: &mut Rng) -> Option<String> {
    let d = delta(rng);
    match kind {
        FaultKind::CellChanged => edit_cells(text, |cells| {
            let v = parse_amount(cells.get(4)?).unwrap_or(0);
            let n = if v + d <= 0 { v + d.abs() } else { v + d };
            cells[4] = fmt_amount(n);
            Some(())
        }),
        FaultKind::SubtotalOff => edit_cells(text, |cells| {
            // 合计 and the first non-empty part column, so only the hierarchy breaks.
            let part = if cells.get(5).is_some_and(|c| !c.is_empty()) { 5 } else { 6 };
            for i in [4, part] {
                let v = parse_amount(cells.get(i)?)?;
                cells[i] = fmt_amount(v + 2);
            }
            Some(())
        }),
        FaultKind::ClaimShare => {
            let at = text.find('占')? + '占'.len_utf8();
            replace_number_after(text, at, |n| Some(fmt_amount(parse_amount(n)? + d.abs().clamp(30, 900))))
        }
        FaultKind::ClaimRate => {
            let at = text.find("增长").or_else(|| text.find("下降"))? + "增长".len();
            replace_number_after(text, at, |n| Some(fmt_amount(parse_amount(n)? + d.abs().clamp(50, 2_000))))
        }
        FaultKind::ClaimAmount => {
            let at = this_years_amount_end(text)?;
            replace_number_before(text, at, |n| shift_amount(n, d))
        }
        FaultKind::DirectionFlip => {
            // The change's words, not the reason's (`预算相应减少`) nor a part's after 其中.
            let scope = ["主要原因", "其中"].iter().filter_map(|w| text.find(w)).min().unwrap_or(text.len());
            let find = |w: &str| text[..scope].find(w);
            let inc = find("增加");
            let dec = find("减少");
            match (inc, dec) {
                (Some(i), Some(j)) if j < i => Some(format!("{}增加{}", &text[..j], &text[j + "减少".len()..])),
                (Some(i), _) => Some(format!("{}减少{}", &text[..i], &text[i + "增加".len()..])),
                (None, Some(j)) => Some(format!("{}增加{}", &text[..j], &text[j + "减少".len()..])),
                // A rate without a change amount (`比上年预算数B万元增长D%`): its word.
                (None, None) => {
                    let (at, to) = match (find("增长"), find("下降")) {
                        (Some(i), Some(j)) if j < i => (j, "增长"),
                        (Some(i), _) => (i, "下降"),
                        (None, Some(j)) => (j, "增长"),
                        (None, None) => return None,
                    };
                    Some(format!("{}{to}{}", &text[..at], &text[at + "增长".len()..]))
                }
            }
        }
        FaultKind::CatalogName => edit_cells(text, |cells| {
            let name: Vec<char> = cells.get(3)?.chars().collect();
            let mut misspelt = name.clone();
            // Swap two neighbouring characters, or replace one, so the name is no
            // attested name of the code.
            let i = rng.below(name.len().saturating_sub(1));
            if name.len() >= 2 && name[i] != name[i + 1] {
                misspelt.swap(i, i + 1);
            } else {
                let last = misspelt.len().checked_sub(1)?;
                misspelt[last] = if misspelt[last] == '务' { '物' } else { '务' };
            }
            cells[3] = misspelt.into_iter().collect();
            Some(())
        }),
        FaultKind::DoubledMark => Some(format!("{}，。", text.strip_suffix('。')?)),
        FaultKind::SelfContradiction => {
            // The paragraph's figure (`…预算数为3.68万元`), restated otherwise at its end.
            let at = this_years_amount_end(text)?;
            let number = |c: char| c.is_ascii_digit() || c == '.' || c == ',';
            let start = text[..at].char_indices().rev().take_while(|&(_, c)| number(c)).last().map(|(i, _)| i)?;
            let changed = shift_amount(&text[start..at], d)?;
            let body = text.trim_end_matches(['；', '。']);
            Some(format!("{body}；本年预算安排{changed}万元。"))
        }
        FaultKind::StrayBracket => Some(format!("{}）。", text.strip_suffix('。')?)),
        FaultKind::LevelWording => text.starts_with("单位").then(|| text.replacen("单位", "部门", 1)),
        FaultKind::TruncatedReason => Some(format!("{}：", &text[..reason(text)?.lead_in])),
        FaultKind::UnbalancedQuote => {
            // The reason quoted, the quotation never closed.
            let at = reason(text)?.start;
            Some(format!("{}“{}", &text[..at], &text[at..]))
        }
        FaultKind::OutdatedName => outdated_name(text),
        FaultKind::ImpossibleRate => {
            let (at, word) = rate_only(text)?;
            let to = if word == "增长" { "下降" } else { "增长" };
            Some(format!("{}{to}{}", &text[..at], &text[at + word.len()..]))
        }
        FaultKind::StrayYear => {
            let year = year_of(text)?;
            let compared = format!("比{}年", year - 1);
            let stated = format!("{year}年预算数为");
            if text.contains(&compared) {
                Some(text.replacen(&compared, &format!("比{}年", year - 2), 1))
            } else if text.contains(&stated) {
                Some(text.replacen(&stated, &format!("{}年预算数为", year + 1), 1))
            } else {
                None
            }
        }
        FaultKind::UnreadableChar => {
            // The reason's second character (`主要原因是人员增加` → `主要原因是人�增加`).
            let at = reason(text)?.start;
            let (i, c) = text[at..].char_indices().nth(1)?;
            let i = at + i;
            ('\u{4e00}'..='\u{9fff}')
                .contains(&c)
                .then(|| format!("{}\u{FFFD}{}", &text[..i], &text[i + c.len_utf8()..]))
        }
        FaultKind::TemplateNote => {
            // The reason, to the end of its sentence, as the template printed it.
            let r = reason(text)?;
            Some(format!("{}（此处填写增减原因）{}", &text[..r.start], &text[r.end..]))
        }
        FaultKind::EmptyReason => {
            // The reason of the sentence, to its end (`主要原因是：…。` or `…；`).
            let r = reason(text)?;
            Some(format!("{}{}", &text[..r.lead_in], &text[r.end..]))
        }
        FaultKind::DocNumber => {
            let end = text.find('号')?;
            replace_number_before(text, end, |n| Some((n.parse::<u32>().ok()? + 1).to_string()))
        }
        FaultKind::StaffSum => {
            let at = text.find("实有人数")? + "实有人数".len();
            replace_number_after(text, at, |n| Some((n.parse::<u32>().ok()? + rng_free_step(d)).to_string()))
        }
        FaultKind::OfficeCount => {
            let at = text.find("下设")? + "下设".len();
            replace_number_after(text, at, |n| {
                let v: u32 = n.parse().ok()?;
                Some(if v > 2 && d < 0 { v - 1 } else { v + 1 }.to_string())
            })
        }
        FaultKind::ProcurementPart => {
            let word = ["货物预算", "货物类采购预算"].into_iter().find(|w| text.contains(w))?;
            let at = text.find(word)? + word.len();
            replace_number_after(text, at, |n| shift_amount(n, d))
        }
        FaultKind::ProcurementFundPart => {
            // The first amount of the list after the general budget's total.
            let list = text.find("拨款政府采购")?;
            let colon = list + text[list..].find('：')? + '：'.len_utf8();
            let at = colon + text[colon..].find("预算")? + "预算".len();
            replace_number_after(text, at, |n| shift_amount(n, d))
        }
        FaultKind::TableDropped | FaultKind::BlankPage | FaultKind::RepeatedPage => None,
    }
}

/// A per-code paragraph's 款 or 项 named by the code's former name: one the
/// catalog attests for the code only in years before the document's (the
/// latest year the line names), in the plain characters the parser reads.
fn outdated_name(text: &str) -> Option<String> {
    let catalog = gongkai_catalog::Catalog::builtin();
    let year = year_of(text)?;
    let plain = |n: &str| n.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (marker, level) in [("(款)", gongkai_catalog::Level::Kuan), ("(项)", gongkai_catalog::Level::Xiang)] {
        let end = text.find(marker)?;
        let start = text[..end].rfind(')').map_or(0, |i| i + ')'.len_utf8());
        let name = text[start..end].trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
        let start = end - name.len();
        for code in catalog.codes_named(name) {
            let Some(info) = catalog.lookup(code, Some(year)) else { continue };
            if info.level != level {
                continue;
            }
            let former = info
                .names
                .iter()
                .find(|n| n.name != name && plain(n.name) && !n.years.is_empty() && n.years.iter().all(|y| y < year));
            if let Some(former) = former {
                return Some(format!("{}{}{}", &text[..start], former.name, &text[end..]));
            }
        }
    }
    None
}

/// The latest year a line names (`2023年预算执行数…，2024年预算安排…` → 2024).
fn year_of(text: &str) -> Option<u16> {
    text.match_indices('年')
        .filter_map(|(i, _)| {
            let digits = text[..i].chars().rev().take_while(char::is_ascii_digit).count();
            (digits == 4).then(|| text[i - 4..i].parse().ok()).flatten()
        })
        .max()
}

/// The rate word of a change stated with the figure compared with and no
/// change amount (`比2023年年初预算数B万元增长D%`, `比2023年预算执行数增长D%`
/// after last year's execution), where the change is not nil: its byte
/// offset and the word.
fn rate_only(text: &str) -> Option<(usize, &'static str)> {
    let scope = &text[..text.find("主要原因").unwrap_or(text.len())];
    if scope.contains("增加") || scope.contains("减少") {
        return None;
    }
    let (at, word) = ["增长", "下降"].iter().filter_map(|w| Some((scope.find(w)?, *w))).min()?;
    let rest = &scope[at + word.len()..];
    (!rest.starts_with("0.00%")).then_some((at, word))
}

/// Where a line's reason stands (`…，主要原因是：人员增加。`), in bytes: the end of
/// its lead-in `主要原因是`, the reason's start (after a colon) and its end (the
/// sentence's `。` or `；`, or the line's end); `None` without a lead-in or with
/// an empty reason.
struct Reason {
    lead_in: usize,
    start: usize,
    end: usize,
}

fn reason(text: &str) -> Option<Reason> {
    const LEAD_IN: &str = "主要原因是";
    let lead_in = text.find(LEAD_IN)? + LEAD_IN.len();
    let start = if text[lead_in..].starts_with('：') { lead_in + '：'.len_utf8() } else { lead_in };
    let end = text[start..].find(['。', '；']).map_or(text.len(), |e| start + e);
    (end > start).then_some(Reason { lead_in, start, end })
}

/// Where this year's figure of a claim line ends (its `万元`): after `预算安排`
/// where last year's is stated before it (`2023年预算执行数为B万元，2024年预算安排A万元`),
/// else the line's first amount.
fn this_years_amount_end(text: &str) -> Option<usize> {
    match text.find("预算安排") {
        Some(at) => Some(at + text[at..].find("万元")?),
        None => text.find("万元"),
    }
}

/// 1 to 3, from the sign and size of an already drawn delta.
fn rng_free_step(d: Cents) -> u32 {
    (d.unsigned_abs() % 3) as u32 + 1
}

pub(crate) fn edit_cells(text: &str, f: impl FnOnce(&mut Vec<String>) -> Option<()>) -> Option<String> {
    let mut cells: Vec<String> = text.split('\t').map(str::to_owned).collect();
    f(&mut cells)?;
    Some(cells.join("\t"))
}

/// Puts a blank page before line `at`: two page breaks, each alone on a line
/// of its own (the first starts the blank page, flagged); on lines of their
/// own, they stay a blank page whatever a layout variant moves around them.
fn blank_page_before(doc: &mut Doc, at: usize) -> Option<String> {
    let page_break = |expect| Line { text: "\u{c}".to_owned(), mark: Mark::Blank, expect };
    doc.lines.splice(at..at, [page_break(true), page_break(false)]);
    Some(format!("a blank page before line {}", at + 3))
}

/// Prints the 名词解释 (from its part heading to the unit's name at the end)
/// twice, each on a page of its own; the second's first line is flagged.
fn repeat_glossary_page(doc: &mut Doc) -> Option<String> {
    let start = doc.lines.iter().rposition(|l| l.text == "第四部分 名词解释")?;
    // The glossary ends before the unit's name and the date, its last two lines with text.
    let mut texts = doc.lines.iter().enumerate().rev().filter(|(_, l)| !l.text.trim().is_empty()).map(|(i, _)| i);
    let end = texts.nth(1)?;
    if end <= start {
        return None;
    }
    let copy: Vec<Line> = doc.lines[start..end].iter().map(|l| Line { expect: false, ..l.clone() }).collect();
    doc.lines[start].text.insert(0, '\u{c}');
    doc.lines[end].text.insert(0, '\u{c}');
    let mut copy = copy;
    copy[0].text.insert(0, '\u{c}');
    copy[0].expect = true;
    doc.lines.splice(end..end, copy);
    Some(format!("the 名词解释 page (line {}) printed again at line {}", start + 1, end + 1))
}

/// Removes table `n` (from its `表 N` line up to the next table or part) and flags its
/// 目录 entry, where C101 reports a listed but absent table.
pub(crate) fn drop_table(doc: &mut Doc, at: usize) -> Option<String> {
    let Mark::TableNumber(n) = doc.lines[at].mark else { return None };
    let end = doc.lines[at + 1..]
        .iter()
        .position(|l| matches!(l.mark, Mark::TableNumber(_)) || l.text.starts_with("第三部分"))
        .map_or(doc.lines.len(), |p| at + 1 + p);
    doc.lines.drain(at..end);
    let toc = doc.lines.iter_mut().find(|l| l.mark == Mark::TocTable(n))?;
    toc.expect = true;
    Some(format!("表{n} removed"))
}
