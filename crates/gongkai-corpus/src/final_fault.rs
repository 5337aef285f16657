//! The faults of a 决算: one known fault per document, and where it must be reported.
//!
//! Like [`crate::fault`] for budgets, each fault edits the marked lines of a clean
//! [`Doc`] and flags the lines a finding of the expected rule family must point at.
//! They are the errors a 决算 has that a budget has not — a balance that does not
//! carry over, a rate of completion or a comparison with the budget that the figures
//! contradict — and the common ones in the 决算's own tables and sentences.

use serde::Serialize;

use crate::doc::{Doc, Mark};
use crate::fault::{delta, drop_table, edit_cells, edit_line, parse_amount, replace_number_before, shift_amount};
use crate::money::{fmt_amount, fmt_cell};
use crate::render::final_tables::BALANCES;
use crate::rng::Rng;

/// The kinds of fault of a 决算.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FinalFault {
    /// A budget's 年末结转和结余 in 表4 changed: 年初 + 收入 − 支出 ≠ 年末 (D101).
    CarryOver,
    /// A 决算数 cell of a 项 in 表5 or a 预算数/决算数 cell of the “三公” table
    /// changed, so its row no longer adds up.
    CellChanged,
    /// A rate of completion (`完成年初预算的…%`) wrong (D103).
    CompletionRate,
    /// 大于 ↔ 小于 flipped in a “三公” comparison with the budget (D102).
    BudgetDirection,
    /// The first amount of a claim whose figure a table prints changed.
    ClaimAmount,
    /// A claim's share (`占…%`) wrong.
    ClaimShare,
    /// A whole table removed.
    TableDropped,
}

impl FinalFault {
    /// Every kind, in table order.
    pub const ALL: [FinalFault; 7] = [
        FinalFault::CarryOver,
        FinalFault::CellChanged,
        FinalFault::CompletionRate,
        FinalFault::BudgetDirection,
        FinalFault::ClaimAmount,
        FinalFault::ClaimShare,
        FinalFault::TableDropped,
    ];

    /// The kebab-case id.
    pub fn id(self) -> &'static str {
        match self {
            FinalFault::CarryOver => "carry-over",
            FinalFault::CellChanged => "cell-changed",
            FinalFault::CompletionRate => "completion-rate",
            FinalFault::BudgetDirection => "budget-direction",
            FinalFault::ClaimAmount => "claim-amount",
            FinalFault::ClaimShare => "claim-share",
            FinalFault::TableDropped => "table-dropped",
        }
    }

    /// The rule family (`gongkai_model::Category` id) that must report it.
    pub fn family(self) -> &'static str {
        match self {
            FinalFault::CarryOver | FinalFault::CompletionRate | FinalFault::BudgetDirection => "final_accounts",
            FinalFault::CellChanged => "arithmetic",
            FinalFault::ClaimAmount | FinalFault::ClaimShare => "narrative",
            FinalFault::TableDropped => "completeness",
        }
    }
}

/// Injects `kind` into `doc`, or returns `None` when the document has nothing to
/// inject it into (no “三公” difference for a flipped comparison). Returns a
/// description.
pub fn inject(doc: &mut Doc, kind: FinalFault, rng: &mut Rng) -> Option<String> {
    let candidates: Vec<usize> =
        doc.lines.iter().enumerate().filter(|(_, l)| targets(kind, &l.mark, &l.text)).map(|(i, _)| i).collect();
    if candidates.is_empty() {
        return None;
    }
    let at = candidates[rng.below(candidates.len())];
    if kind == FinalFault::TableDropped {
        return drop_table(doc, at);
    }
    edit_line(doc, at, |text| edit(kind, text, rng))
}

fn targets(kind: FinalFault, mark: &Mark, text: &str) -> bool {
    match (kind, mark) {
        (FinalFault::CarryOver, Mark::TableRow { table: 4, code }) => code == BALANCES,
        (FinalFault::CellChanged, Mark::TableRow { table: 5, code }) => code.len() == 7,
        (FinalFault::CellChanged, Mark::TableRow { table: 9, .. }) => text.chars().any(|c| c.is_ascii_digit()),
        (FinalFault::CompletionRate, Mark::FinalClaim { completion, .. }) => *completion,
        (FinalFault::BudgetDirection, Mark::FinalClaim { comparison, .. }) => *comparison,
        (FinalFault::ClaimAmount, Mark::FinalClaim { printed, .. }) => *printed,
        (FinalFault::ClaimShare, Mark::FinalClaim { printed: true, .. }) => share_at(text).is_some(),
        // Every listed table, even an empty one: the 目录 promises it.
        (FinalFault::TableDropped, Mark::TableNumber(_)) => true,
        _ => false,
    }
}

/// The byte offset of the `%` closing the first share (`占96.94%`) of `text`.
fn share_at(text: &str) -> Option<usize> {
    text.match_indices('占').find_map(|(i, _)| {
        let rest = &text[i + '占'.len_utf8()..];
        rest.starts_with(|c: char| c.is_ascii_digit()).then(|| i + '占'.len_utf8() + rest.find('%').unwrap_or(0))
    })
}

fn edit(kind: FinalFault, text: &str, rng: &mut Rng) -> Option<String> {
    let d = delta(rng);
    match kind {
        // The closing balance of the general budget (column 3), or of the fund
        // when it has one (column 4); the 合计 column is left alone, so the
        // identity of the balance, not only the row's sum, is what breaks.
        FinalFault::CarryOver => edit_cells(text, |cells| {
            let column = if cells.get(7).is_some_and(|c| !c.is_empty()) && rng.chance(50) { 7 } else { 6 };
            let v = parse_amount(cells.get(column)?).unwrap_or(0);
            let n = if v + d < 0 { v + d.abs() } else { v + d };
            cells[column] = fmt_cell(n.max(1));
            Some(())
        }),
        FinalFault::CellChanged => edit_cells(text, |cells| {
            // One printed amount of the row: 表5's 小计, 基本支出 or 项目支出, or a
            // 预算数/决算数 of the “三公” line.
            let filled: Vec<usize> = (0..cells.len()).filter(|&i| parse_amount(&cells[i]).is_some()).collect();
            let column = *filled.get(rng.below(filled.len()))?;
            let v = parse_amount(&cells[column])?;
            let n = if v + d <= 0 { v + d.abs() } else { v + d };
            cells[column] = fmt_amount(n);
            Some(())
        }),
        FinalFault::CompletionRate => {
            // Well beyond what the rounding of small amounts allows.
            let at = text.find("完成")?;
            let pct = at + text[at..].find('%')?;
            let bump = d.abs().clamp(1_000, 4_000);
            replace_number_before(text, pct, |n| Some(fmt_amount(parse_amount(n)? + bump)))
        }
        FinalFault::BudgetDirection => {
            let at = text.find("决算数")? + "决算数".len();
            let rest = &text[at..];
            let flipped = if let Some(r) = rest.strip_prefix("大于") {
                format!("小于{r}")
            } else {
                format!("大于{}", rest.strip_prefix("小于")?)
            };
            Some(format!("{}{flipped}", &text[..at]))
        }
        FinalFault::ClaimAmount => {
            let at = text.find("万元")?;
            replace_number_before(text, at, |n| shift_amount(n, d))
        }
        FinalFault::ClaimShare => {
            let pct = share_at(text)?;
            replace_number_before(text, pct, |n| Some(fmt_amount(parse_amount(n)? + d.abs().clamp(30, 900))))
        }
        FinalFault::TableDropped => None,
    }
}
