//! The nesting of rows that print no levels, read from their sums.
//!
//! A list under a unit often prints its categories and its items alike: no
//! code, no indent the text keeps (a 专项业务经费 list: `通用项目` over
//! `办公场所租赁` over `反恐处突业务用房场地租赁`, each a row of name and amount;
//! a 政府采购 list whose purchases fill their detail cells but one, printed by
//! name only). What the page does show is that each category is the sum of the
//! rows right below it. So the nesting is an *arrangement*: every row that may
//! head others (one printed by name only) either stands alone or heads a run of
//! the rows right below it adding up to its amount, and the unit's rows add up
//! to the unit's amount.
//!
//! * When an arrangement exists, it is the nesting (the sums hold by
//!   construction; the rows are marked [`Inference::NestedBySums`]).
//! * When none exists, some amount is wrong whichever way the rows nest: the
//!   arrangement in which all sums but one hold, one row's amount taken as
//!   unknown, is the nesting, so that the check of that one group reports the
//!   fault with its rows (a warning: the nesting is inferred).
//! * When neither exists, or the search would take too long (a list of many
//!   equal or zero amounts), the rows stay unnested, as before.
//!
//! The search is depth-first over the rows in order, with the runs a row may
//! head memoised by (row, amount, depth, whether the unknown is still free), and
//! bounded by [`STEP_BUDGET`].
//!
//! [`Inference::NestedBySums`]: gongkai_model::Inference::NestedBySums

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use gongkai_model::Decimal;

/// How many levels may stand below the unit (category, class, item and one more).
const MAX_DEPTH: u8 = 4;

/// Search steps per unit and reading (exact, then with one amount unknown);
/// beyond it the rows stay unnested. A list of 74 rows of four levels with one
/// wrong amount takes some 700,000 steps (about 60 ms) to place it; a list
/// that adds up takes a few thousand.
const STEP_BUDGET: usize = 1_500_000;

/// One row of a list: its amount, and whether it may head other rows.
#[derive(Clone, Copy, Debug)]
pub struct ListRow {
    pub amount: Decimal,
    pub can_head: bool,
}

/// The nesting found: for each row, the index of the row it is part of
/// (`None`: part of the unit itself), and the row whose amount was taken as
/// unknown when no arrangement adds up exactly.
#[derive(Debug, PartialEq, Eq)]
pub struct Nesting {
    pub parent: Vec<Option<usize>>,
    pub unknown: Option<usize>,
}

/// The nesting of `rows` under a unit of amount `total`, if one is found.
pub fn nest(rows: &[ListRow], total: Decimal) -> Option<Nesting> {
    if rows.is_empty() || rows.iter().any(|r| r.amount.is_sign_negative()) {
        return None;
    }
    for free in [false, true] {
        let mut search = Search { rows, memo: HashMap::new(), steps: 0 };
        let found = search.runs(0, total, 0, free)?;
        let Some((_, unknown, path)) = found.iter().find(|(end, _, _)| *end == rows.len()).cloned() else {
            continue;
        };
        let mut parent = vec![None; rows.len()];
        search.assign(&path, None, &mut parent);
        return Some(Nesting { parent, unknown });
    }
    None
}

/// How a row stands in an arrangement.
#[derive(Clone, Copy, Debug)]
enum Item {
    /// Alone, with its amount.
    Leaf(usize),
    /// Alone, its amount taken as unknown.
    Unknown(usize),
    /// Heading the run of rows below it up to `end`, with `unknown` the row
    /// taken as unknown inside the run.
    Head { row: usize, end: usize, unknown: Option<usize>, depth: u8 },
}

/// A run's end, the row taken as unknown in it, and its items.
type Run = (usize, Option<usize>, Vec<Item>);

/// The runs found from one start, one per (end, unknown row).
#[derive(Default)]
struct Found {
    runs: Vec<Run>,
    seen: HashSet<(usize, Option<usize>)>,
}

struct Search<'r> {
    rows: &'r [ListRow],
    /// Shared, so that a memoised run list is looked at, never copied.
    memo: HashMap<(usize, Decimal, u8, bool), Rc<[Run]>>,
    steps: usize,
}

impl Search<'_> {
    /// The runs of items starting at `start` that add up to `target` (with
    /// `free`, one leaf in them may take any amount), one per (end, unknown
    /// row). `None` when the step budget is spent.
    fn runs(&mut self, start: usize, target: Decimal, depth: u8, free: bool) -> Option<Rc<[Run]>> {
        let key = (start, target, depth, free);
        if let Some(found) = self.memo.get(&key) {
            return Some(Rc::clone(found));
        }
        let mut found = Found::default();
        let mut path = Vec::new();
        self.walk(start, start, Decimal::ZERO, target, depth, free, None, &mut path, &mut found)?;
        let found = found.runs;
        let found: Rc<[Run]> = found.into();
        self.memo.insert(key, Rc::clone(&found));
        Some(found)
    }

    #[allow(clippy::too_many_arguments)]
    fn walk(
        &mut self,
        start: usize,
        pos: usize,
        acc: Decimal,
        target: Decimal,
        depth: u8,
        free: bool,
        unknown: Option<usize>,
        path: &mut Vec<Item>,
        found: &mut Found,
    ) -> Option<()> {
        self.steps += 1;
        if self.steps > STEP_BUDGET {
            return None;
        }
        if acc > target {
            return Some(());
        }
        let complete = if unknown.is_some() { true } else { acc == target };
        if pos > start && complete && found.seen.insert((pos, unknown)) {
            found.runs.push((pos, unknown, path.clone()));
        }
        let Some(row) = self.rows.get(pos).copied() else { return Some(()) };
        path.push(Item::Leaf(pos));
        self.walk(start, pos + 1, acc + row.amount, target, depth, free, unknown, path, found)?;
        path.pop();
        if free && unknown.is_none() {
            path.push(Item::Unknown(pos));
            self.walk(start, pos + 1, acc, target, depth, free, Some(pos), path, found)?;
            path.pop();
        }
        if row.can_head && depth < MAX_DEPTH {
            let inner_free = free && unknown.is_none();
            let inner = self.runs(pos + 1, row.amount, depth + 1, inner_free)?;
            for &(end, inner_unknown, _) in inner.iter() {
                path.push(Item::Head { row: pos, end, unknown: inner_unknown, depth: depth + 1 });
                self.walk(start, end, acc + row.amount, target, depth, free, unknown.or(inner_unknown), path, found)?;
                path.pop();
            }
        }
        Some(())
    }

    /// Writes the parent of every row of `path` (a run under `parent`).
    fn assign(&self, path: &[Item], parent: Option<usize>, out: &mut Vec<Option<usize>>) {
        for item in path {
            match *item {
                Item::Leaf(row) | Item::Unknown(row) => out[row] = parent,
                Item::Head { row, end, unknown, depth } => {
                    out[row] = parent;
                    let amount = self.rows[row].amount;
                    let inner = [false, true]
                        .iter()
                        .filter_map(|free| self.memo.get(&(row + 1, amount, depth, *free)))
                        .flat_map(|runs| runs.iter())
                        .find(|(e, u, _)| *e == end && *u == unknown);
                    if let Some((_, _, inner)) = inner {
                        self.assign(inner, Some(row), out);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(list: &[(&str, bool)]) -> Vec<ListRow> {
        list.iter().map(|(a, h)| ListRow { amount: a.parse().unwrap(), can_head: *h }).collect()
    }

    /// 公共项目 60 over 租赁 30 (甲 10, 乙 20) and 绿化 30 (丙 30); 专用项目 15
    /// over 装备 15 (丁 15): one arrangement adds up.
    #[test]
    fn categories_and_items_nest_by_their_sums() {
        let list = rows(&[
            ("60", true),
            ("30", true),
            ("10", true),
            ("20", true),
            ("30", true),
            ("30", true),
            ("15", true),
            ("15", true),
            ("15", true),
        ]);
        let n = nest(&list, "75".parse().unwrap()).unwrap();
        assert_eq!(n.unknown, None);
        assert_eq!(n.parent, vec![None, Some(0), Some(1), Some(1), Some(0), Some(4), None, Some(6), Some(7)]);
    }

    /// 乙 printed 21 instead of 20: no arrangement adds up; the one where
    /// only 租赁's run fails (an item of it taken as unknown) is the nesting.
    #[test]
    fn one_wrong_amount_leaves_one_group_failing() {
        let list =
            rows(&[("60", true), ("30", true), ("10", true), ("21", true), ("30", true), ("30", true), ("15", true)]);
        let n = nest(&list, "75".parse().unwrap()).unwrap();
        let unknown = n.unknown.expect("one amount taken as unknown");
        assert_eq!(n.parent[unknown], Some(1), "{n:?}");
        assert_eq!(n.parent[2], Some(1));
        assert_eq!(n.parent[1], Some(0));
    }

    /// Purchases with their details may not head others: 40 + 20 is no 50.
    #[test]
    fn detailed_lines_are_leaves() {
        let list = rows(&[("50", false), ("30", false), ("20", false)]);
        let n = nest(&list, "100".parse().unwrap()).unwrap();
        assert_eq!(n.parent, vec![None, None, None]);
        let n = nest(&list, "101".parse().unwrap()).unwrap();
        assert!(n.unknown.is_some());
        assert_eq!(n.parent, vec![None, None, None]);
    }

    #[test]
    fn negative_amounts_are_not_nested() {
        assert_eq!(nest(&rows(&[("-5", true), ("5", true)]), "0".parse().unwrap()), None);
    }
}
