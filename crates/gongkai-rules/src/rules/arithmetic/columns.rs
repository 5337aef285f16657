//! Shared helpers of the arithmetic family: which column identities a block of
//! columns supports (from the column measures and `/` header paths), and how a
//! failed identity is reported.

use gongkai_model::{Measure, Row, Table, TablePart};

use crate::context::{cell_location, column_name, difference_note, row_name, show};
use crate::{Context, Findings};

/// One row identity: the column `total` equals the sum of the columns `parts`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Identity {
    pub total: usize,
    pub parts: Vec<usize>,
}

/// Whether a measure names a funding source (an additive income column).
pub(super) fn is_source(m: &Measure) -> bool {
    *m == Measure::FiscalAllocation || m.source().is_some()
}

/// Whether `parent` contains `child` when both are printed side by side without a
/// group header (then summing both would count the child twice).
fn contains(parent: &Measure, child: &Measure) -> bool {
    use Measure::*;
    match parent {
        FiscalAllocation => matches!(
            child,
            GeneralBudget
                | GeneralBudgetOwn
                | GeneralBudgetTransfer
                | GovernmentFund
                | GovernmentFundOwn
                | GovernmentFundTransfer
                | StateCapital
                | StateCapitalOwn
                | StateCapitalTransfer
        ),
        GeneralBudget => matches!(child, GeneralBudgetOwn),
        GovernmentFund => matches!(child, GovernmentFundOwn),
        StateCapital => matches!(child, StateCapitalOwn),
        UnitFunds => {
            matches!(child, OperationalIncome | SuperiorSubsidy | SubsidiaryRemittance | BusinessIncome | OtherIncome)
        }
        CarryOver => matches!(child, FiscalCarryOver | NonFiscalCarryOver),
        _ => false,
    }
}

/// The sets of `其中` measures that are a complete split of their line, so that the
/// parts must add up to it exactly (not only stay below it).
pub(super) fn complete_split(parent: &Measure, children: &[&Measure]) -> bool {
    use Measure::*;
    let required: &[Measure] = match parent {
        GeneralBudget => &[GeneralBudgetOwn, GeneralBudgetTransfer],
        GovernmentFund => &[GovernmentFundOwn, GovernmentFundTransfer],
        StateCapital => &[StateCapitalOwn, StateCapitalTransfer],
        FiscalAllocation | FiscalCarryOver => &[GeneralBudget, GovernmentFund, StateCapital],
        NonFiscalCarryOver => &[FiscalSpecialAccount, UnitFunds],
        UnitFunds => &[OperationalIncome, SuperiorSubsidy, SubsidiaryRemittance, BusinessIncome, OtherIncome],
        _ => return false,
    };
    children.len() == required.len() && required.iter().all(|m| children.iter().filter(|c| **c == m).count() == 1)
}

/// The group of a column: its header path without the last level (`财政拨款（补助）`
/// for `财政拨款（补助）/一般公共预算`), `None` for a top-level column.
fn group(header: &str) -> Option<&str> {
    header.rsplit_once('/').map(|(g, _)| g)
}

fn leaf(header: &str) -> &str {
    header.rsplit('/').next().unwrap_or(header)
}

/// The row identities a block of columns supports. Identities are only derived
/// when every column involved has a known additive measure; an unknown column
/// next to a total makes the total's identity unknowable, so none is derived.
pub(super) fn row_identities(part: &TablePart) -> Vec<Identity> {
    let cols = &part.columns;
    let unique = |m: &Measure| {
        let mut it = cols.iter().enumerate().filter(|(_, c)| &c.measure == m).map(|(i, _)| i);
        let first = it.next()?;
        it.next().is_none().then_some(first)
    };
    let totals: Vec<usize> =
        cols.iter().enumerate().filter(|(_, c)| c.measure == Measure::Total).map(|(i, _)| i).collect();
    // Several 合计 columns: the one outside any group is the row's total, a
    // group's own (`财政拨款/合计`) the group's subtotal.
    let top_totals: Vec<usize> = totals.iter().copied().filter(|i| group(&cols[*i].header).is_none()).collect();
    let total = match (totals.as_slice(), top_totals.as_slice()) {
        ([t], _) | (_, [t]) => Some(*t),
        _ => None,
    };
    // A column of text (绩效目标, 说明, 实施时间) holds no money: it is in no
    // identity and does not stand in the way of one.
    let text_only = |i: usize| {
        cols[i].measure == Measure::Other
            && part.rows.iter().any(|r| r.cells.get(i).is_some_and(|c| c.text.is_some()))
            && part.rows.iter().all(|r| r.amount(i).is_none())
    };
    let others: Vec<usize> = (0..cols.len()).filter(|i| Some(*i) != total && !text_only(*i)).collect();
    let mut ids = Vec::new();
    if others.is_empty() {
        return ids;
    }

    // Expenditure columns: 合计 = 基本 + 项目, 基本 = 人员 + 公用.
    let expenditure =
        |m: &Measure| matches!(m, Measure::Basic | Measure::Project | Measure::Personnel | Measure::PublicUse);
    let (basic, project, personnel, public) =
        (unique(&Measure::Basic), unique(&Measure::Project), unique(&Measure::Personnel), unique(&Measure::PublicUse));
    if let (Some(b), Some(pe), Some(pu)) = (basic, personnel, public) {
        let basic_leaf = leaf(&cols[b].header);
        let foreign_in_basic = cols.iter().any(|c| {
            group(&c.header).is_some_and(|g| leaf(g) == basic_leaf)
                && !matches!(c.measure, Measure::Personnel | Measure::PublicUse)
        });
        if !foreign_in_basic {
            ids.push(Identity { total: b, parts: vec![pe, pu] });
        }
    }
    if let Some(t) = total {
        let all_expenditure = others.iter().all(|i| expenditure(&cols[*i].measure));
        let all_unique = others.iter().all(|i| unique(&cols[*i].measure).is_some());
        if all_expenditure && all_unique {
            let parts = match (basic, project, personnel, public) {
                (Some(b), Some(p), _, _) => Some(vec![b, p]),
                (None, Some(p), Some(pe), Some(pu)) => Some(vec![pe, pu, p]),
                (None, None, Some(pe), Some(pu)) => Some(vec![pe, pu]),
                _ => None,
            };
            // Every non-total column must be a part or a part of a part.
            if let Some(parts) = parts {
                let covered = others.iter().all(|i| {
                    parts.contains(i)
                        || (basic.is_some() && matches!(cols[*i].measure, Measure::Personnel | Measure::PublicUse))
                });
                if covered {
                    ids.push(Identity { total: t, parts });
                }
            }
        }

        // Source columns: 总计 = Σ top-level sources, 小计 = Σ its group.
        let group_subtotal = |i: usize| {
            let l = leaf(&cols[i].header);
            group(&cols[i].header).is_some() && (l.contains("小计") || l.contains("合计"))
        };
        if others.iter().all(|i| is_source(&cols[*i].measure) || group_subtotal(*i)) {
            let mut top: Vec<usize> = Vec::new();
            let mut groups: Vec<(&str, Vec<usize>)> = Vec::new();
            for &i in &others {
                match group(&cols[i].header) {
                    None => top.push(i),
                    Some(g) => match groups.iter_mut().find(|(name, _)| *name == g) {
                        Some((_, members)) => members.push(i),
                        None => groups.push((g, vec![i])),
                    },
                }
            }
            let mut consistent = true;
            for (_, members) in &groups {
                let subtotal: Vec<usize> = members
                    .iter()
                    .copied()
                    .filter(|i| {
                        let l = leaf(&cols[*i].header);
                        l.contains("小计") || l.contains("合计")
                    })
                    .collect();
                match subtotal.as_slice() {
                    [] => top.extend(members.iter().copied()),
                    [s] => {
                        let rest: Vec<usize> = members.iter().copied().filter(|i| i != s).collect();
                        if !rest.is_empty() && !has_nesting(cols, &rest) {
                            ids.push(Identity { total: *s, parts: rest });
                        }
                        top.push(*s);
                    }
                    _ => consistent = false,
                }
            }
            top.sort_unstable();
            if consistent && !has_nesting(cols, &top) {
                ids.push(Identity { total: t, parts: top });
            }
        }

        // Economic-class columns of a project table: 项目支出合计 = Σ 类 columns.
        let economic = others.iter().all(|i| matches!(cols[*i].measure, Measure::EconomicClass(_)));
        if economic && others.iter().all(|i| unique(&cols[*i].measure).is_some()) {
            ids.push(Identity { total: t, parts: others.clone() });
        }
    }
    if ids.is_empty() {
        ids = grid_identities(cols);
    }
    ids
}

/// The identities of a grid header: every column's leaf is one of a few funds,
/// printed again under each category (`总计/一般公共预算 | … | 因公出国(境)费/
/// 一般公共预算 | … | 公务用车购置及运行维护费/小计/国有资本经营预算`). Per fund,
/// the categories add up as the columns of a plain header do: the top-level
/// 总计 (合计) is the sum of the other top-level categories and of each group's
/// 小计, and a group's 小计 the sum of its other members. Derived only when
/// every fund is printed under the same categories and each fund's columns
/// name exactly one top-level total.
fn grid_identities(cols: &[gongkai_model::Column]) -> Vec<Identity> {
    let mut leaves: Vec<&str> = Vec::new();
    for c in cols {
        if !leaves.contains(&leaf(&c.header)) {
            leaves.push(leaf(&c.header));
        }
    }
    if leaves.len() < 2 || !cols.len().is_multiple_of(leaves.len()) || cols.len() / leaves.len() < 3 {
        return Vec::new();
    }
    if cols.iter().any(|c| group(&c.header).is_none() || !is_source(&c.measure)) {
        return Vec::new();
    }
    let is_total = |path: &str| path.contains("总计") || path.contains("合计");
    let is_subtotal = |path: &str| leaf(path).contains("小计");
    let mut categories: Option<Vec<&str>> = None;
    let mut ids = Vec::new();
    for fund in &leaves {
        // Each column of this fund with its category path (the header without the fund).
        let members: Vec<(usize, &str)> = cols
            .iter()
            .enumerate()
            .filter(|(_, c)| leaf(&c.header) == *fund)
            .filter_map(|(i, c)| group(&c.header).map(|g| (i, g)))
            .collect();
        let paths: Vec<&str> = members.iter().map(|(_, g)| *g).collect();
        match &categories {
            None => categories = Some(paths.clone()),
            Some(first) if *first != paths => return Vec::new(),
            Some(_) => {}
        }
        let totals: Vec<usize> =
            members.iter().filter(|(_, g)| group(g).is_none() && is_total(g)).map(|(i, _)| *i).collect();
        let [total] = totals.as_slice() else { return Vec::new() };
        let mut top: Vec<usize> = Vec::new();
        let mut groups: Vec<(&str, Vec<(usize, &str)>)> = Vec::new();
        for &(i, path) in members.iter().filter(|(i, _)| i != total) {
            match group(path) {
                None => top.push(i),
                Some(g) => match groups.iter_mut().find(|(name, _)| *name == g) {
                    Some((_, m)) => m.push((i, path)),
                    None => groups.push((g, vec![(i, path)])),
                },
            }
        }
        for (_, m) in &groups {
            let subtotals: Vec<usize> = m.iter().filter(|(_, p)| is_subtotal(p)).map(|(i, _)| *i).collect();
            let [subtotal] = subtotals.as_slice() else { return Vec::new() };
            let rest: Vec<usize> = m.iter().map(|(i, _)| *i).filter(|i| i != subtotal).collect();
            if rest.is_empty() {
                return Vec::new();
            }
            ids.push(Identity { total: *subtotal, parts: rest });
            top.push(*subtotal);
        }
        top.sort_unstable();
        ids.push(Identity { total: *total, parts: top });
    }
    ids
}

/// Whether some of the columns contain others (summing them would count money
/// twice): a measure that includes another, or the same measure printed twice
/// under the same name. Two columns of one measure with names of their own
/// (财政专户 `教育收费` and `其他专户收入拨款`) are two parts of it.
fn has_nesting(cols: &[gongkai_model::Column], idx: &[usize]) -> bool {
    idx.iter().any(|a| idx.iter().any(|b| a != b && contains(&cols[*a].measure, &cols[*b].measure)))
        || idx.iter().enumerate().any(|(k, a)| {
            idx[k + 1..]
                .iter()
                .any(|b| cols[*a].measure == cols[*b].measure && leaf(&cols[*a].header) == leaf(&cols[*b].header))
        })
}

/// Checks one identity on one row; reports a finding when it fails.
pub(super) fn check_identity(
    ctx: &Context<'_>,
    table: &Table,
    part: &TablePart,
    row: &Row,
    id: &Identity,
    out: &mut Findings,
) {
    let parts: Vec<_> = id.parts.iter().map(|c| row.amount(*c)).collect();
    let total = row.amount(id.total);
    if total.is_none() && parts.iter().all(Option::is_none) {
        return;
    }
    let comparison = ctx.tolerance.sum(total, &parts);
    if comparison.agrees() {
        return;
    }
    let names: Vec<String> = id.parts.iter().map(|c| column_name(part, *c)).collect();
    let message = format!(
        "{} {} {}为 {}，但{}合计为 {}（{}）",
        table.display(),
        row_name(row),
        column_name(part, id.total),
        show(total),
        names.join(" + "),
        comparison.expected,
        difference_note(&comparison)
    );
    let mut locations = vec![cell_location(table, part, row, id.total)];
    locations.extend(id.parts.iter().map(|c| cell_location(table, part, row, *c)));
    out.push(ctx.finding(message, Some(&comparison), locations));
}

#[cfg(test)]
mod tests {
    use super::*;
    use gongkai_model::Column;

    fn part(columns: &[(&str, Measure)]) -> TablePart {
        TablePart {
            side: None,
            columns: columns
                .iter()
                .map(|(h, m)| Column { measure: m.clone(), header: (*h).to_owned(), index: None, inferred: None })
                .collect(),
            rows: Vec::new(),
        }
    }

    /// 广州's 基本支出 table: 总计 = 财政拨款/合计 + two 财政专户 columns with names
    /// of their own + 其他资金; the group's 合计 = its three budgets.
    #[test]
    fn a_group_total_is_its_subtotal_and_named_parts_of_one_source_add_up() {
        use Measure::*;
        let p = part(&[
            ("总计", Total),
            ("财政拨款/合计", Total),
            ("财政拨款/一般公共预算", GeneralBudget),
            ("财政拨款/政府性基金预算", GovernmentFund),
            ("财政专户/教育收费", FiscalSpecialAccount),
            ("财政专户/其他专户收入拨款", FiscalSpecialAccount),
            ("其他资金", OtherFunds),
        ]);
        let ids = row_identities(&p);
        assert!(ids.contains(&Identity { total: 1, parts: vec![2, 3] }), "{ids:?}");
        assert!(ids.contains(&Identity { total: 0, parts: vec![1, 4, 5, 6] }), "{ids:?}");
        // The same source printed twice under one name is counted once: nothing.
        let p = part(&[("合计", Total), ("一般公共预算", GeneralBudget), ("一般公共预算", GeneralBudget)]);
        assert!(row_identities(&p).is_empty());
    }

    /// 深圳's 三公 table: six categories × three funds; per fund 总计 = 因公出国 +
    /// 公务接待 + 公务用车/小计, and 公务用车/小计 = 购置费 + 运行维护费.
    #[test]
    fn a_grid_header_adds_up_per_fund() {
        use Measure::*;
        let funds = [("一般公共预算", GeneralBudget), ("政府性基金预算", GovernmentFund)];
        let categories =
            ["总计", "因公出国(境)费", "公务接待费", "公务用车/小计", "公务用车/购置费", "公务用车/运行维护费"];
        let headers: Vec<(String, Measure)> =
            categories.iter().flat_map(|c| funds.iter().map(move |(f, m)| (format!("{c}/{f}"), m.clone()))).collect();
        let p = part(&headers.iter().map(|(h, m)| (h.as_str(), m.clone())).collect::<Vec<_>>());
        let ids = row_identities(&p);
        assert!(ids.contains(&Identity { total: 6, parts: vec![8, 10] }), "{ids:?}");
        assert!(ids.contains(&Identity { total: 0, parts: vec![2, 4, 6] }), "{ids:?}");
        assert!(ids.contains(&Identity { total: 1, parts: vec![3, 5, 7] }), "{ids:?}");
        assert_eq!(ids.len(), 4);
        // A fund missing under one category: no grid.
        let p = part(&headers[..11].iter().map(|(h, m)| (h.as_str(), m.clone())).collect::<Vec<_>>());
        assert!(row_identities(&p).is_empty());
    }
}
