//! Column headers: from one or more printed header rows to the list of numeric
//! columns with what each measures.
//!
//! Extraction from PDF often misplaces the cells of merged header rows, so the
//! reading order of the header labels is trusted more than their positions: the
//! leaves are read top-down, a label that has labels beneath it is a group, and a
//! group needs at least two children (a merged cell over one column makes no
//! sense — a lone child is a misplaced child of the previous group). The leaf count
//! must equal the number of numeric columns; when it does not, positions are used.

use gongkai_model::{Column, Measure};

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
    let headers = by_reading_order(&label_rows)
        .filter(|leaves| leaves.len() == count)
        .unwrap_or_else(|| by_position(&label_rows, first, count));
    headers
        .into_iter()
        .enumerate()
        .map(|(j, header)| {
            let leaf = header.rsplit('/').next().unwrap_or("");
            let mut m = measure(leaf);
            if m == Measure::Other || m == Measure::Total && header.contains('/') && !leaf.contains("合计") {
                m = measure(&header.replace('/', ""));
            }
            let index = index_row
                .and_then(|r| r.cells.get(first + j))
                .map(|c| c.text.clone())
                .filter(|t| !t.is_empty() && t != "※");
            Column { measure: m, header, index }
        })
        .collect()
}

fn by_reading_order(rows: &[Vec<Label>]) -> Option<Vec<String>> {
    let mut leaves: Vec<(usize, String)> = rows.first()?.iter().map(|l| (l.index, l.text.clone())).collect();
    for lower in &rows[1..] {
        let mut children: Vec<Vec<&Label>> = vec![Vec::new(); leaves.len()];
        for label in lower {
            let owner = leaves.iter().rposition(|(i, _)| *i <= label.index).unwrap_or(0);
            children[owner].push(label);
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
        let mut next = Vec::new();
        for ((index, text), kids) in leaves.into_iter().zip(children) {
            if kids.is_empty() {
                next.push((index, text));
            } else if kids.len() == 1 {
                // No earlier group to give it to: a two-line header of one column.
                next.push((index, format!("{text}/{}", kids[0].text)));
            } else {
                next.extend(kids.into_iter().map(|k| (k.index, format!("{text}/{}", k.text))));
            }
        }
        leaves = next;
    }
    Some(leaves.into_iter().map(|(_, t)| t).collect())
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
