//! Column headers: from one or more printed header rows to the list of numeric
//! columns with what each measures.
//!
//! Extraction from PDF often misplaces the cells of merged header rows, so the
//! reading order of the header labels is trusted more than their positions: the
//! leaves are read top-down, a label that has labels beneath it is a group, and a
//! group needs at least two children (a merged cell over one column makes no
//! sense — a lone child is a misplaced child of the previous group). The leaf count
//! must equal the number of numeric columns; when it does not, positions are used.

use gongkai_model::{Column, Inference, Measure};

use super::vocabulary::{is_label_header, measure};
use crate::layout::Line;

/// A header label with its cell index.
#[derive(Clone, Debug)]
struct Label {
    index: usize,
    text: String,
}

/// Resolves `count` numeric columns starting at cell `first` from the header rows.
pub fn resolve_columns(rows: &[&Line], first: usize, count: usize, index_row: Option<&Line>) -> Vec<Column> {
    let label_rows: Vec<Vec<Label>> = rows
        .iter()
        .map(|line| {
            line.cells
                .iter()
                .enumerate()
                .filter(|(i, c)| *i >= first && !c.text.is_empty() && !is_label_header(&c.text))
                .map(|(index, c)| Label { index, text: c.text.clone() })
                .collect::<Vec<_>>()
        })
        .filter(|r: &Vec<Label>| !r.is_empty())
        .collect();
    let read = by_year_groups(&label_rows, first, count).map(|h| (h, None)).or_else(|| {
        by_reading_order(&label_rows)
            .filter(|(leaves, _)| leaves.len() == count)
            .map(|(leaves, unsure)| (leaves, unsure.then_some(Inference::GroupExtent)))
    });
    // Reading order fails when the leaves do not match the columns one for one:
    // positions are a guess then (PDF extraction misplaces merged header cells,
    // and a column without a label of its own takes its left neighbour's).
    let (headers, inferred) = match read {
        Some(read) => read,
        None => {
            (by_position(&label_rows, first, count), (!label_rows.is_empty()).then_some(Inference::ColumnByPosition))
        }
    };
    headers
        .into_iter()
        .enumerate()
        .map(|(j, header)| {
            let m = column_measure(&header);
            let index = index_row
                .and_then(|r| r.cells.get(first + j))
                .map(|c| c.text.clone())
                .filter(|t| !t.is_empty() && t != "※");
            Column { measure: m, header, index, inferred }
        })
        .collect()
}

/// What a column measures from its header path (`group/…/leaf`): the leaf's
/// name, else (an unnamed leaf, or a 小计 that totals its group) the nearest
/// group that names something. The nearest first: a deep header's top group
/// (`一般公共预算拨款安排的“三公”经费预算`) names the funding of every column
/// beneath it, not what each one measures.
fn column_measure(header: &str) -> Measure {
    let parts: Vec<&str> = header.split('/').collect();
    let leaf = parts.last().copied().unwrap_or("");
    let m = match measure(leaf) {
        // A column headed `支出总计` (`收入总计`) is its rows' total; the words
        // name a line of their own only in the 收支总表.
        Measure::IncomeTotal | Measure::ExpenditureTotal => Measure::Total,
        m => m,
    };
    // A `其中：…` column is a part of the column before it: what it names
    // itself, never its group's measure (that is the group's 小计).
    if leaf.trim_start().starts_with("其中") {
        return m;
    }
    let named_by_group = m == Measure::Other || m == Measure::Total && parts.len() > 1 && !leaf.contains("合计");
    if !named_by_group {
        return m;
    }
    // Widening from the leaf's own group to the whole path; if none names a
    // measure, the whole path's reading stands.
    let mut widest = group_measure(leaf);
    for n in 2..=parts.len() {
        widest = group_measure(&parts[parts.len() - n..].concat());
        if !matches!(widest, Measure::Other | Measure::Total) {
            break;
        }
    }
    widest
}

/// The 小计 of a group naming the “三公” expenses as a whole is the “三公” total,
/// whatever funding the group also names (`一般公共预算拨款安排的“三公”经费预算/小计`).
fn group_measure(text: &str) -> Measure {
    if text.contains("三公") && text.ends_with("小计") { Measure::Total } else { measure(text) }
}

/// Several years side by side (`2021年 | 2022年 | 增减变化情况`), or the stages of
/// one year (`预算数 | 决算数`), each group over
/// the same number of columns: a lower label belongs to the group it stands in.
/// Reading order would let a wrapped cell of one group (`因公` over
/// `出国（境）费用`) own the leaves of the next group. Within a group, a column
/// takes the label above it, else the nearest one to its left in the group.
fn by_year_groups(rows: &[Vec<Label>], first: usize, count: usize) -> Option<Vec<String>> {
    let (top, lower) = rows.split_first()?;
    let periods = top.iter().filter(|l| super::year_in(&l.text).is_some() || is_stage(&l.text)).count();
    if top.len() < 2 || periods < 2 || !count.is_multiple_of(top.len()) {
        return None;
    }
    let width = count / top.len();
    let evenly_spaced = top.iter().enumerate().all(|(g, l)| l.index == first + g * width);
    if !evenly_spaced {
        return None;
    }
    let headers = (first..first + count)
        .map(|i| {
            let group = &top[(i - first) / width];
            let mut path = vec![group.text.clone()];
            for (r, row) in lower.iter().enumerate() {
                // A label of the bottom row heads its own column only: a column
                // without one is headed by the rows above (`公务接待费` printed a
                // row higher, beside the bottom row's `公务用车运行维护费`).
                let bottom = r + 1 == lower.len() && lower.len() > 1;
                let label =
                    row.iter().rev().find(|l| (l.index == i || !bottom && l.index < i) && l.index >= group.index);
                if let Some(l) = label.filter(|l| path.last() != Some(&l.text)) {
                    path.push(l.text.clone());
                }
            }
            path.join("/")
        })
        .collect();
    Some(headers)
}

/// A label naming the stage of the figures beneath it, as the 决算 tables
/// print the budget and the final accounts side by side (`预算数 | 决算数`).
fn is_stage(text: &str) -> bool {
    gongkai_model::Stage::of_label(text).is_some()
}

/// The leaves in reading order, and whether their grouping is a guess: a lone
/// label under a group is read as the second line of a one-column header, but
/// when that label then has several labels beneath it, it was a merged group
/// cell of its own whose extent the text does not show (which of the labels
/// beneath it are its own, and which its parent's, is then not known).
fn by_reading_order(rows: &[Vec<Label>]) -> Option<(Vec<String>, bool)> {
    let mut leaves: Vec<(usize, String)> = rows.first()?.iter().map(|l| (l.index, l.text.clone())).collect();
    let mut lone = vec![false; leaves.len()];
    let mut unsure = false;
    for lower in &rows[1..] {
        let mut children: Vec<Vec<&Label>> = vec![Vec::new(); leaves.len()];
        // Labels left of every group above: a header of its own, merged down
        // from the rows above (`总计 | 因公出国(境)费 | 公务接待费` beside a
        // `公务用车购置及运行维护费` group), unless the first group stands within
        // the label's cell (a group label printed off its first column).
        let mut own: Vec<&Label> = Vec::new();
        for (k, label) in lower.iter().enumerate() {
            let span_end = lower.get(k + 1).map_or(usize::MAX, |next| next.index);
            match leaves.iter().rposition(|(i, _)| *i <= label.index) {
                Some(owner) => children[owner].push(label),
                None if leaves.first().is_some_and(|(i, _)| *i < span_end) => children[0].push(label),
                None => own.push(label),
            }
        }
        // A lone child is a misplaced child of the nearest earlier real group.
        for k in 0..children.len() {
            if children[k].len() == 1
                && let Some(g) = (0..k).rev().find(|g| children[*g].len() >= 2)
            {
                let child = children[k].remove(0);
                children[g].push(child);
            }
        }
        let mut next: Vec<(usize, String)> = own.iter().map(|l| (l.index, l.text.clone())).collect();
        let mut next_lone = vec![false; next.len()];
        for (((index, text), kids), was_lone) in leaves.into_iter().zip(children).zip(lone) {
            if kids.is_empty() {
                next.push((index, text));
                next_lone.push(was_lone);
            } else if kids.len() == 1 {
                // No earlier group to give it to: a two-line header of one column.
                next.push((index, format!("{text}/{}", kids[0].text)));
                next_lone.push(true);
            } else {
                // A group of unknown extent (a lone label over several) ends,
                // by meaning, before a column naming another source of money
                // (`一般公共预算拨款` over `小计 | 其中：… | 政府性基金拨款 | 事业收入`:
                // a fund holds no other fund); those are its parent's.
                let (parent, name) = text.rsplit_once('/').unwrap_or(("", text.as_str()));
                let group = measure(name);
                let cut = was_lone
                    .then(|| kids.iter().position(|k| outside_source(&group, &measure(&k.text))))
                    .flatten()
                    .filter(|&c| c >= 2);
                // A “三公” category group (`公务用车购置及运行费` over its 小计,
                // 购置费 and 运行费) holds none of its sibling categories (nor
                // 会议费 and 培训费 printed beside them), nor the 合计 beside its
                // own 小计 — and, its columns being side by side, nothing
                // separated from its parts by such a sibling (the “三公” 小计
                // before `因公出国 | 公务接待费 | 公务用车…`).
                let has_subtotal = kids.iter().any(|k| k.text.trim() == "小计");
                let sibling = |k: &Label| {
                    let m = measure(&k.text);
                    matches!(m, Measure::Abroad | Measure::Reception | Measure::Meetings | Measure::Training)
                        || (has_subtotal && matches!(k.text.trim(), "合计" | "总计"))
                };
                let own_run = (group == Measure::Vehicles)
                    .then(|| {
                        let part = kids.iter().position(|k| {
                            matches!(measure(&k.text), Measure::VehiclePurchase | Measure::VehicleOperation)
                        })?;
                        let start = kids[..part].iter().rposition(|k| sibling(k)).map_or(0, |s| s + 1);
                        let end = kids[part..].iter().position(|k| sibling(k)).map_or(kids.len(), |e| part + e);
                        Some(start..end)
                    })
                    .flatten();
                let outside_category = |n: usize, k: &Label| {
                    group == Measure::Vehicles && (sibling(k) || own_run.as_ref().is_some_and(|run| !run.contains(&n)))
                };
                let by_category = was_lone && kids.iter().enumerate().any(|(n, k)| outside_category(n, k));
                unsure |= was_lone && cut.is_none() && !by_category;
                next_lone.extend(kids.iter().map(|_| false));
                let parent = parent.to_owned();
                next.extend(kids.into_iter().enumerate().map(|(n, k)| {
                    let outside = cut.is_some_and(|c| n >= c) || (by_category && outside_category(n, k));
                    let path = match outside {
                        true if parent.is_empty() => k.text.clone(),
                        true => format!("{parent}/{}", k.text),
                        false => format!("{text}/{}", k.text),
                    };
                    (k.index, path)
                }));
            }
        }
        leaves = next;
        lone = next_lone;
    }
    Some((leaves.into_iter().map(|(_, t)| t).collect(), unsure))
}

/// Whether a column measuring `leaf` stands outside a group measuring the
/// source of money `group`: it names a source of another family (the
/// general budget's own and transferred money are the general budget's; the
/// three budgets are the fiscal allocation's).
fn outside_source(group: &Measure, leaf: &Measure) -> bool {
    match (group, leaf.source()) {
        (_, None) => false,
        (Measure::FiscalAllocation, Some(source)) => !source.is_fiscal(),
        (group, Some(source)) => group.source().is_some_and(|g| g != source),
    }
}

fn by_position(rows: &[Vec<Label>], first: usize, count: usize) -> Vec<String> {
    (first..first + count)
        .map(|i| {
            let path: Vec<String> = rows
                .iter()
                .filter_map(|r| {
                    r.iter()
                        .find(|l| l.index == i)
                        .or_else(|| r.iter().rev().find(|l| l.index < i))
                        .map(|l| l.text.clone())
                })
                .collect();
            let mut dedup: Vec<String> = Vec::new();
            for p in path {
                if dedup.last() != Some(&p) {
                    dedup.push(p);
                }
            }
            dedup.join("/")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(labels: &[(usize, &str)]) -> Vec<Label> {
        labels.iter().map(|(index, text)| Label { index: *index, text: (*text).to_owned() }).collect()
    }

    /// Two years and their change, each over 合计 | 小计 | 因公出国 (wrapped) | 公务用车 (a group
    /// of two); the wrapped `因公` and the group stand in the middle row.
    #[test]
    fn year_groups_keep_their_own_leaves() {
        let leaves = ["合计", "小计", "出国（境）费用", "小计", "购置费"];
        let mut bottom = Vec::new();
        for g in 0..3 {
            bottom.extend(leaves.iter().enumerate().map(|(k, t)| (3 + g * 5 + k, *t)));
        }
        let rows = vec![
            row(&[(3, "2021年"), (8, "2022年"), (13, "增减变化情况")]),
            row(&[(4, "“三公”经费"), (9, "“三公”经费"), (14, "“三公”经费")]),
            row(&[(5, "因公"), (6, "公务用车购置及运行维护费"), (10, "因公"), (11, "公务用车购置及运行维护费")]),
            row(&bottom),
        ];
        let headers = by_year_groups(&rows, 3, 15).expect("three year groups");
        assert_eq!(headers[5], "2022年/合计");
        assert_eq!(headers[6], "2022年/“三公”经费/小计");
        assert_eq!(headers[7], "2022年/“三公”经费/因公/出国（境）费用");
        assert_eq!(headers[8], "2022年/“三公”经费/公务用车购置及运行维护费/小计");
        assert_eq!(headers[10], "增减变化情况/合计");
        let measures: Vec<Measure> = headers[5..10].iter().map(|h| column_measure(h)).collect();
        assert_eq!(
            measures,
            [Measure::Total, Measure::Total, Measure::Abroad, Measure::Vehicles, Measure::VehiclePurchase]
        );
    }

    /// `部门预算` over everything, `一般公共预算拨款` merged over 小计 and 其中 only,
    /// but the text puts the merged cell in its first column and shows no
    /// extent: the columns beneath may be its own or its parent's. A column
    /// naming another source of money is its parent's (a fund holds no other
    /// fund); without one, the grouping is read and marked as a guess.
    #[test]
    fn a_group_of_unknown_extent_is_a_guess() {
        let rows = vec![
            row(&[(2, "部门预算")]),
            row(&[(3, "一般公共预算拨款")]),
            row(&[(2, "合计"), (3, "小计"), (4, "其中：专项资金"), (5, "政府性基金拨款"), (6, "其他收入")]),
        ];
        let (leaves, unsure) = by_reading_order(&rows).unwrap();
        assert_eq!(leaves.len(), 5);
        assert!(!unsure);
        assert_eq!(leaves[2], "部门预算/一般公共预算拨款/其中：专项资金");
        assert_eq!(leaves[3], "部门预算/政府性基金拨款");
        assert_eq!(leaves[4], "部门预算/其他收入");
        assert_eq!(column_measure(&leaves[1]), Measure::GeneralBudget);
        assert_eq!(column_measure(&leaves[2]), Measure::Other);
        let rows = vec![
            row(&[(2, "部门预算")]),
            row(&[(3, "一般公共预算拨款")]),
            row(&[(2, "合计"), (3, "小计"), (4, "其中：专项资金"), (5, "备用金"), (6, "周转金")]),
        ];
        let (leaves, unsure) = by_reading_order(&rows).unwrap();
        assert_eq!(leaves.len(), 5);
        assert!(unsure);
        // A two-line header of one column is no guess.
        let rows = vec![row(&[(1, "合计"), (2, "一般公共")]), row(&[(2, "预算")])];
        let (_, unsure) = by_reading_order(&rows).unwrap();
        assert!(!unsure);
    }

    /// 上海: `“三公”经费预算数` over 合计 | 因公出国(境)费 | 公务接待费 | 小计 |
    /// 购置费 | 运行费, with the lone `公务用车购置及运行费` printed over the
    /// first of them: the vehicles group holds its 小计 and two parts, not its
    /// sibling categories nor the 合计 beside its 小计.
    #[test]
    fn a_category_group_holds_no_sibling_category() {
        let rows = vec![
            row(&[(1, "“三公”经费预算数"), (7, "机关运行经费预算数")]),
            row(&[(1, "公务用车购置及运行费")]),
            row(&[(1, "合计"), (2, "因公出国(境)费"), (3, "公务接待费"), (4, "小计"), (5, "购置费"), (6, "运行费")]),
        ];
        let (leaves, unsure) = by_reading_order(&rows).unwrap();
        assert!(!unsure);
        let measures: Vec<Measure> = leaves.iter().map(|h| column_measure(h)).collect();
        assert_eq!(
            measures,
            [
                Measure::Total,
                Measure::Abroad,
                Measure::Reception,
                Measure::Vehicles,
                Measure::VehiclePurchase,
                Measure::VehicleOperation,
                Measure::AgencyOperating
            ],
            "{leaves:#?}"
        );
        assert_eq!(leaves[0], "“三公”经费预算数/合计");
    }

    /// 西安: `合计 | 小计 | 因公出国（境）费用 | 公务接待费 | 小计 | 购置费 | 运行维护费
    /// | 会议费 | 培训费` with the lone vehicles group printed over 公务接待费:
    /// that 小计 is separated from the group's parts by sibling categories, so
    /// it is the “三公” 小计, not the group's; 会议费 and 培训费 are not the group's.
    #[test]
    fn a_category_groups_columns_are_side_by_side() {
        let rows = vec![
            row(&[(2, "“三公”经费预算")]),
            row(&[(5, "公务用车购置及运行维护费")]),
            row(&[
                (2, "合计"),
                (3, "小计"),
                (4, "因公出国（境）费用"),
                (5, "公务接待费"),
                (6, "小计"),
                (7, "公务用车购置费"),
                (8, "公务用车运行维护费"),
                (9, "会议费"),
                (10, "培训费"),
            ]),
        ];
        let (leaves, _) = by_reading_order(&rows).unwrap();
        let measures: Vec<Measure> = leaves.iter().map(|h| column_measure(h)).collect();
        assert_eq!(
            measures,
            [
                Measure::Total,
                Measure::Total,
                Measure::Abroad,
                Measure::Reception,
                Measure::Vehicles,
                Measure::VehiclePurchase,
                Measure::VehicleOperation,
                Measure::Meetings,
                Measure::Training
            ],
            "{leaves:#?}"
        );
        assert_eq!(leaves[1], "“三公”经费预算/小计");
    }

    /// `总计 | 因公出国(境)费 | 公务接待费` merged down beside the group
    /// `公务用车购置及运行维护费` (printed one cell right of its first column
    /// `小计`), each over three funds: the three are headers of their own, the
    /// group holds 小计, 购置费 and 运行维护费 only.
    #[test]
    fn labels_left_of_every_group_are_headers_of_their_own() {
        let funds = ["一般公共预算", "政府性基金预算", "国有资本经营预算"];
        let groups = ["总计", "因公出国(境)费", "公务接待费", "小计", "公务用车购置费", "公务用车运行维护费"];
        let bottom: Vec<(usize, &str)> = (0..18).map(|k| (2 + k, funds[k % 3])).collect();
        let rows = vec![
            row(&[(12, "公务用车购置及运行维护费")]),
            row(&groups.iter().enumerate().map(|(g, t)| (2 + 3 * g, *t)).collect::<Vec<_>>()),
            row(&bottom),
        ];
        let (leaves, _) = by_reading_order(&rows).unwrap();
        assert_eq!(leaves.len(), 18);
        assert_eq!(leaves[0], "总计/一般公共预算");
        assert_eq!(leaves[6], "公务接待费/一般公共预算");
        assert_eq!(leaves[9], "公务用车购置及运行维护费/小计/一般公共预算");
        assert_eq!(leaves[17], "公务用车购置及运行维护费/公务用车运行维护费/国有资本经营预算");
    }

    #[test]
    fn one_year_is_not_a_year_group() {
        let rows = vec![row(&[(1, "2022年预算数"), (2, "合计")]), row(&[(1, "小计"), (2, "基本支出")])];
        assert!(by_year_groups(&rows, 1, 2).is_none());
    }
}
