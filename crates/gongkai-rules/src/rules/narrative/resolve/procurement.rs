//! Claims of the procurement section: the procurement budget as a whole
//! (`政府采购预算共40.00万元`) and its parts by kind of purchase
//! (`其中：货物类采购预算12.00万元`).
//!
//! The kinds are the three branches of the national procurement catalogue
//! ([`PurchaseKind`]). A procurement table prints them as lines named by the
//! word (`货物`, `货物类`) or by the catalogue's letter (`A`); a share of the
//! budget reserved for small enterprises (`面向中小企业预留…`) or a contract
//! amount is none of them and is left alone.

use gongkai_model::{Claim, Measure, PurchaseKind, Row, RowRole, Table, TableKind, TablePart};

use super::{Candidate, Cell, norm, part_of, push_measure, top_section, total};
use crate::Context;

/// Words of a part of the budget that is not a kind of purchase.
const NOT_A_KIND: [&str; 5] = ["中小企业", "小微", "预留", "合同", "小型"];

/// The candidate figures of a procurement claim whose subject reads `label`.
pub(super) fn resolve<'a>(ctx: &Context<'a>, claim: &Claim, label: &str, out: &mut Vec<Candidate<'a>>) {
    let Some(subject) = Subject::of(label, &claim.text) else { return };
    let fund = match subject.fund {
        Some(fund) => Some(fund),
        None => match listed_under(ctx, claim) {
            Listed::Whole => None,
            Listed::Fund(fund) => Some(fund),
            Listed::Unknown => return,
        },
    };
    match (subject.kind, fund) {
        (None, None) => whole(ctx, out),
        (None, Some(fund)) => total(ctx, out, TableKind::GovernmentProcurement, None, Some(fund)),
        (Some(kind), fund) => of_kind(ctx, kind, fund, out),
    }
}

/// Whose procurement a claim without a fund of its own is of.
enum Listed {
    /// The whole budget's.
    Whole,
    /// The fund's whose procurement the sentence lists.
    Fund(Measure),
    /// Not known: the sentence was not found.
    Unknown,
}

/// What a procurement claim is of: a kind of purchase, a fund's procurement,
/// both or (neither) the whole.
struct Subject {
    kind: Option<PurchaseKind>,
    fund: Option<Measure>,
}

impl Subject {
    /// `None` when the claim is no part of the procurement budget that the
    /// tables print (a share for small enterprises, a contract amount), or
    /// names two kinds.
    fn of(label: &str, text: &str) -> Option<Subject> {
        let n = norm(label);
        if !n.contains("采购") || NOT_A_KIND.iter().any(|w| n.contains(w) || text.contains(w)) {
            return None;
        }
        let fund = fund_of(&n);
        // (A kind's word elsewhere, as in a unit's name, names no kind.)
        match PurchaseKind::all_named_in(&n).as_slice() {
            [kind] => Some(Subject { kind: Some(*kind), fund }),
            [] if fund.is_some()
                || ["预算", "总额", "安排", "支出", "规模", "采购项目"].iter().any(|w| n.ends_with(w)) =>
            {
                Some(Subject { kind: None, fund })
            }
            _ => None,
        }
    }
}

/// The fund a procurement subject names (`一般公共预算拨款政府采购`).
fn fund_of(label: &str) -> Option<Measure> {
    [
        ("一般公共预算", Measure::GeneralBudget),
        ("政府性基金", Measure::GovernmentFund),
        ("国有资本", Measure::StateCapital),
    ]
    .into_iter()
    .find(|(w, _)| label.contains(w))
    .map(|(_, m)| m)
}

/// Whose procurement `claim` is of: the nearest claim before it in its
/// section that is not of one kind of purchase says — a fund's procurement
/// introduces the list after it, to the end of its sentence (`。`).
fn listed_under(ctx: &Context<'_>, claim: &Claim) -> Listed {
    let Some(at) = ctx.doc.claims.iter().position(|c| std::ptr::eq(c, claim)) else { return Listed::Unknown };
    let section = top_section(ctx.doc, claim.source.line);
    let head = ctx.doc.claims[..at]
        .iter()
        .rev()
        .take_while(|c| c.section == claim.section && top_section(ctx.doc, c.source.line) == section)
        .find_map(|c| Subject::of(&norm(&c.subject.label), &c.text).filter(|s| s.kind.is_none()).map(|s| (c, s)));
    let Some((head, Subject { fund: Some(fund), .. })) = head else { return Listed::Whole };
    // The paragraph holding both clauses, the list's after its head.
    for paragraph in ctx.prose().iter().filter(|p| p.source.line <= head.source.line) {
        let Some(from) = paragraph.text.find(&head.text) else { continue };
        let rest = &paragraph.text[from + head.text.len()..];
        if let Some(to) = rest.find(&claim.text) {
            return if rest[..to].contains('。') { Listed::Whole } else { Listed::Fund(fund) };
        }
    }
    Listed::Unknown
}

/// The procurement budget as a whole: the procurement table's total, or,
/// where no procurement table is printed, the total row's 政府采购 column
/// of the spending summary (`2026年政府采购项目 / 小计`).
fn whole<'a>(ctx: &Context<'a>, out: &mut Vec<Candidate<'a>>) {
    if ctx.table(TableKind::GovernmentProcurement).is_some() {
        total(ctx, out, TableKind::GovernmentProcurement, None, Some(Measure::Total));
        if out.is_empty() {
            total(ctx, out, TableKind::GovernmentProcurement, None, Some(Measure::BudgetAmount));
        }
        return;
    }
    let Some((table, part)) = part_of(ctx, TableKind::ExpenditureSummary, None) else { return };
    let Some(row) = part.total_row() else { return };
    let mut columns = part.columns.iter().enumerate().filter(|(_, c)| {
        c.inferred.is_none()
            && c.header.contains("政府采购")
            && !NOT_A_KIND.iter().any(|w| c.header.contains(w))
            && (c.measure == Measure::Total || c.header.ends_with("政府采购"))
    });
    // (Two such columns: which is the whole is not known.)
    if let (Some((column, _)), None) = (columns.next(), columns.next()) {
        out.push(Candidate::cell(table, part, row, column));
    }
}

/// The procurement table's line of one kind of purchase, in its total column
/// or in the column of the fund it is of.
fn of_kind<'a>(ctx: &Context<'a>, kind: PurchaseKind, fund: Option<Measure>, out: &mut Vec<Candidate<'a>>) {
    let Some((table, part)) = part_of(ctx, TableKind::GovernmentProcurement, None) else { return };
    let names_kind = |r: &&Row| r.code.is_none() && r.role != RowRole::Total && names_kind(&r.label, kind);
    let column = match fund {
        Some(fund) => fund,
        None if part.column(&Measure::Total).is_some() => Measure::Total,
        None => Measure::BudgetAmount,
    };
    let before = out.len();
    for row in part.rows.iter().filter(names_kind) {
        push_measure(out, table, part, row, Some(&column));
    }
    if out.len() > before {
        return;
    }
    let Some(column) = part.column(&column) else { return };
    if let Some(sum) =
        absent_kind(ctx, table, part, column, kind).or_else(|| by_catalogue(ctx, table, part, column, kind))
    {
        out.push(sum);
    }
}

/// The word of a part of the procurement budget that is no kind of purchase
/// (`面向中小企业预留…`, `授予小微企业合同金额…`) a label names, if any.
pub fn share_word(label: &str) -> Option<&'static str> {
    let n = norm(label);
    NOT_A_KIND.into_iter().find(|w| n.contains(w))
}

/// Whether a procurement table prints a line of any kind of purchase.
pub fn prints_kinds(table: &Table) -> bool {
    table.parts.iter().flat_map(|p| &p.rows).any(is_kind_line)
}

/// A line of a kind of purchase (`货物`, `A类`), not a total.
fn is_kind_line(row: &Row) -> bool {
    row.code.is_none() && row.role != RowRole::Total && PurchaseKind::ALL.iter().any(|&k| names_kind(&row.label, k))
}

/// A kind the table prints no line of, where it prints lines of the other
/// kinds that add up to its total (`A | C` and 合计 = A + C): nothing was
/// bought of it, the figure is zero.
fn absent_kind<'a>(
    ctx: &Context<'a>,
    table: &'a Table,
    part: &'a TablePart,
    column: usize,
    kind: PurchaseKind,
) -> Option<Candidate<'a>> {
    let total = part.total_row()?;
    let kinds: Vec<&Row> = part.rows.iter().filter(|r| is_kind_line(r)).collect();
    if !make_the_total(ctx, total, kinds.iter().copied(), column) {
        return None;
    }
    let what = format!(" 不列{}类的行（所列各类之和等于合计）", kind.word());
    Some(Candidate::sum(Cell { table, part, row: total, column }, Vec::new(), what))
}

/// Whether `rows` (at least one) add up to the table's `total` in `column`:
/// nothing of the table left out, nothing counted twice.
fn make_the_total<'r>(ctx: &Context<'_>, total: &Row, rows: impl Iterator<Item = &'r Row>, column: usize) -> bool {
    let amounts: Vec<_> = rows.map(|r| r.amount(column)).collect();
    !amounts.is_empty() && ctx.tolerance.sum(total.amount(column), &amounts).agrees()
}

/// A kind the table prints no line of, where it prints its items with their
/// 采购目录 by catalogue code (`A02010104台式计算机`, `C0201软件开发服务`): the
/// items of that kind added up. Only where every item (a line nothing else is
/// part of) prints one code and the items add up to the table's total, so that
/// no item is missed or counted twice; an item without a code (`…（内容涉密）`)
/// leaves every kind unknown.
fn by_catalogue<'a>(
    ctx: &Context<'a>,
    table: &'a Table,
    part: &'a TablePart,
    column: usize,
    kind: PurchaseKind,
) -> Option<Candidate<'a>> {
    let total = part.total_row()?;
    let mut has_parts = vec![false; part.rows.len()];
    for parent in part.rows.iter().filter_map(|r| r.part_of) {
        if let Some(slot) = has_parts.get_mut(parent as usize) {
            *slot = true;
        }
    }
    let mut items = Vec::new();
    for (row, grouped) in part.rows.iter().zip(&has_parts) {
        // (The code stands in the label or, where the columns after the
        // first were read apart, in the texts after it.)
        let texts = format!("{} {}", row.label, row.project.as_deref().unwrap_or_default());
        let item_kind = PurchaseKind::of_catalogue_item(&texts);
        match (row.role == RowRole::Total, grouped, item_kind) {
            (true, _, None) => {}
            (false, false, Some(k)) => items.push((row, k)),
            (false, true, None) => {}
            _ => return None,
        }
    }
    if !make_the_total(ctx, total, items.iter().map(|(row, _)| *row), column) {
        return None;
    }
    let cells = items.iter().filter(|(_, k)| *k == kind).map(|(row, _)| Cell { table, part, row, column }).collect();
    let what = format!(" 采购目录为{}（{}）的各行之和", kind.letter(), kind.word());
    Some(Candidate::sum(Cell { table, part, row: total, column }, cells, what))
}

/// Whether a line's label names a kind of purchase: the word or the
/// catalogue's letter, with at most `类`, `采购`, `预算` or `小计` after it
/// (`货物`, `货物类`, `A`, `A货物`, `A类`).
fn names_kind(label: &str, kind: PurchaseKind) -> bool {
    let n = norm(label);
    let body = n.strip_prefix(kind.letter()).unwrap_or(&n);
    let body = body.strip_prefix(kind.word()).unwrap_or(if body.len() < n.len() { body } else { "-" });
    let mut rest = body.to_owned();
    for word in ["类", "采购", "预算", "小计", "合计"] {
        rest = rest.replace(word, "");
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::{PurchaseKind, names_kind};

    #[test]
    fn a_kind_is_named_by_its_word_or_its_letter() {
        for label in ["货物", "货物类", "A", "A货物", "A类", "货物采购", "货物小计"] {
            assert!(names_kind(label, PurchaseKind::Goods), "{label}");
        }
        for label in ["台式计算机", "B", "工程", "AB", "货物运输服务", "某中心"] {
            assert!(!names_kind(label, PurchaseKind::Goods), "{label}");
        }
    }
}
