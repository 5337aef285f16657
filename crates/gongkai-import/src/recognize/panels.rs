//! Tables printed in panels side by side: the same columns two or three times
//! across the page (`科目代码 | 科目名称 | 决算数 | 科目代码 | 科目名称 | 决算数 | …`),
//! each panel listing its own rows — the 基本支出 table of the 决算 template and of
//! some budgets, 人员经费 (301, 303) on the left, 公用经费 (302, 307, 310 …) on
//! the right. Read line by line, such a table has two or three rows on every
//! line; read panel by panel, it is one list of coded rows, which is what the
//! table readers and the rules understand.
//!
//! A panel's own total (`人员经费合计`, `公用经费合计`) is printed on the last
//! line, its amount sometimes in a later panel's column (a label merged over
//! two panels): it is kept apart and marked, so that it is read as the line it
//! is (the panel's measure) and never as the table's 合计.

use super::vocabulary::{is_label_header, measure, normalize};
use crate::layout::{CellText, Line};
use gongkai_model::{Measure, Number};

/// Where the panels stand: cell `start` begins the first, each is `width`
/// cells wide, `count` of them (the last takes every cell after it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panels {
    start: usize,
    width: usize,
    count: usize,
}

/// A panelled table's lines read panel by panel.
#[derive(Debug, Default)]
pub struct Unfolded {
    /// The header line cut to the first panel.
    pub header: Option<Line>,
    /// The data lines, the first panel's from top to bottom, then the second's …
    pub rows: Vec<Line>,
    /// The panels' own totals (`人员经费合计`), each with the measure its label
    /// names, after the rows.
    pub panel_totals: Vec<(Line, Measure)>,
}

/// The panels of a header line that repeats the same labels, in the same
/// spacing, two or more times, each group naming a label column (科目代码,
/// 科目名称) and an amount column. `None` for every other header (nearly all).
pub fn find(header: &Line) -> Option<Panels> {
    let filled: Vec<(usize, String)> =
        header.cells.iter().enumerate().map(|(i, c)| (i, normalize(&c.text))).filter(|(_, t)| !t.is_empty()).collect();
    let n = filled.len();
    (2..=n / 2).filter(|m| n.is_multiple_of(*m)).find_map(|m| {
        let group = &filled[..m];
        // A classification's code or name first (a 收入 | 支出 summary's `项目 |
        // 预算数 | 项目 | 预算数` is two sides, read by the two-sided reader).
        let names_class = |t: &str| t.contains("科目") || t.contains("代码") || t.contains("编码");
        let amount = |t: &str| !is_label_header(t) && !names_class(t) && measure(t) != Measure::Other;
        if !names_class(&group[0].1) || !group.iter().any(|(_, t)| amount(t)) {
            return None;
        }
        let width = filled[m].0 - filled[0].0;
        let repeats = (m..n).all(|j| filled[j].1 == filled[j - m].1 && filled[j].0 - filled[j - m].0 == width);
        (repeats && width >= m).then_some(Panels { start: filled[0].0, width, count: n / m })
    })
}

impl Panels {
    /// The cells of panel `p` of `line`.
    fn cells<'a>(&self, line: &'a Line, p: usize) -> &'a [CellText] {
        let from = (self.start + p * self.width).min(line.cells.len());
        let to = if p + 1 == self.count { line.cells.len() } else { (from + self.width).min(line.cells.len()) };
        &line.cells[from..to]
    }

    /// Reads `header` and the data `lines` panel by panel.
    pub fn unfold(&self, header: &Line, lines: &[&Line]) -> Unfolded {
        let mut by_panel: Vec<Vec<Line>> = vec![Vec::new(); self.count];
        let mut panel_totals = Vec::new();
        for line in lines {
            let mut pieces: Vec<Option<Line>> =
                (0..self.count).map(|p| Some(sub_line(line, self.cells(line, p))).filter(|l| !is_empty(l))).collect();
            merge_spanning_amounts(&mut pieces);
            for (p, piece) in pieces.into_iter().enumerate() {
                let Some(piece) = piece else { continue };
                match panel_total(&piece) {
                    Some(m) => panel_totals.push((piece, m)),
                    None => by_panel[p].push(piece),
                }
            }
        }
        Unfolded {
            header: Some(sub_line(header, self.cells(header, 0))),
            rows: by_panel.into_iter().flatten().collect(),
            panel_totals,
        }
    }
}

/// A line of `cells` only (same number and page: provenance stays the printed line's).
fn sub_line(line: &Line, cells: &[CellText]) -> Line {
    let text = cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join("\t");
    Line { text, cells: cells.to_vec(), ..line.clone() }
}

fn is_empty(line: &Line) -> bool {
    line.cells.iter().all(|c| c.text.trim().is_empty())
}

fn is_amount(text: &str) -> bool {
    Number::parse_printed(text.trim()).is_some()
}

/// A label merged over two panels prints its amount in the later panel's
/// column: a piece with amounts and no label, right after a piece with a label
/// and no amount, gives its amounts to that label.
fn merge_spanning_amounts(pieces: &mut [Option<Line>]) {
    for p in 1..pieces.len() {
        let only_amounts =
            pieces[p].as_ref().is_some_and(|l| l.cells.iter().all(|c| c.text.trim().is_empty() || is_amount(&c.text)));
        let label_only = pieces[p - 1].as_ref().is_some_and(|l| {
            l.cells.iter().any(|c| !c.text.trim().is_empty()) && !l.cells.iter().any(|c| is_amount(&c.text))
        });
        if !(only_amounts && label_only) {
            continue;
        }
        let Some(amounts) = pieces[p].take() else { continue };
        let Some(label) = pieces[p - 1].as_mut() else { continue };
        for (k, cell) in amounts.cells.into_iter().enumerate().filter(|(_, c)| !c.text.trim().is_empty()) {
            if let Some(slot) = label.cells.get_mut(k) {
                *slot = cell;
            }
        }
        label.text = label.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join("\t");
    }
}

/// A panel's own total: no code, a label ending in 合计/小计 that names a
/// measure of its own (`人员经费合计`); the measure.
fn panel_total(piece: &Line) -> Option<Measure> {
    let label = piece.cells.iter().map(|c| normalize(&c.text)).find(|t| !t.is_empty())?;
    let named = label.strip_suffix("合计").or_else(|| label.strip_suffix("小计"))?;
    if named.is_empty() || named.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(measure(named)).filter(|m| !matches!(m, Measure::Other | Measure::Total))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<Line> {
        crate::layout::layout_text(text).lines
    }

    #[test]
    fn a_header_repeating_its_columns_has_panels() {
        let l = read("科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数\n");
        assert_eq!(find(&l[0]), Some(Panels { start: 0, width: 3, count: 3 }));
        let l = read("科目编码\t科目名称\t金额\t科目编码\t科目名称\t金额\n");
        assert_eq!(find(&l[0]), Some(Panels { start: 0, width: 3, count: 2 }));
    }

    #[test]
    fn other_headers_have_none() {
        for h in [
            "科目编码\t科目名称\t合计\t基本支出\t项目支出\n",
            "项目\t预算数\t项目\t预算数\n", // 收入 | 支出: two sides, read as such
            "年度\t金额\t年度\t金额\n",
            "科目名称\t2025年\t2026年\n",
            "科目编码\t科目名称\t科目编码\t科目名称\n", // no amount column
        ] {
            let l = read(h);
            assert_eq!(find(&l[0]), None, "{h}");
        }
    }

    #[test]
    fn rows_are_read_panel_by_panel_and_a_merged_panel_total_keeps_its_amount() {
        let text = "\
科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数
301\t工资福利支出\t10.00\t302\t商品和服务支出\t4.00\t310\t资本性支出\t1.00
30101\t基本工资\t10.00\t30201\t办公费\t4.00\t31002\t办公设备购置\t1.00
303\t对个人和家庭的补助\t2.00\t\t\t\t\t\t
人员经费合计\t\t12.00\t公用经费合计\t\t\t\t\t5.00
";
        let l = read(text);
        let panels = find(&l[0]).unwrap();
        let data: Vec<&Line> = l[1..].iter().collect();
        let u = panels.unfold(&l[0], &data);
        let firsts: Vec<&str> = u.rows.iter().map(|r| r.cells[0].text.as_str()).collect();
        assert_eq!(firsts, ["301", "30101", "303", "302", "30201", "310", "31002"]);
        assert_eq!(u.header.unwrap().texts(), ["科目代码", "科目名称", "决算数"]);
        let totals: Vec<(String, Measure)> = u.panel_totals.iter().map(|(l, m)| (l.text.clone(), m.clone())).collect();
        assert_eq!(
            totals,
            [
                ("人员经费合计\t\t12.00".to_owned(), Measure::Personnel),
                ("公用经费合计\t\t5.00".to_owned(), Measure::PublicUse)
            ]
        );
        // Provenance stays the printed line's.
        assert_eq!(u.rows[3].number, 2);
    }
}
