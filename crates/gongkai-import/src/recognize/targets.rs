//! Performance-target tables (整体绩效目标申报表, 项目支出绩效目标表).
//!
//! They are forms rather than grids: a few labelled lines (unit, project, funding,
//! goal), then an indicator grid whose header row names the columns. Blank level
//! cells repeat the level above; a row broken by a page end continues the cells of
//! the row before.

use gongkai_model::{
    Comparison, Figure, FundingLine, Indicator, IndicatorValue, Number, PerformanceTargets, Provenance, Quantity,
    TargetScope, TextRef, Unit,
};

use super::Recognizer;
use super::paragraph::clean_line;
use super::vocabulary::{TitleKind, normalize, table_title};
use crate::layout::Line;

#[derive(Default)]
struct IndicatorColumns {
    level1: Option<usize>,
    level2: Option<usize>,
    level3: Option<usize>,
    value: Option<usize>,
    basis: Option<usize>,
    prior: Option<usize>,
    weight: Option<usize>,
    scoring: Option<usize>,
    evidence: Option<usize>,
}

impl IndicatorColumns {
    fn from_header(line: &Line) -> IndicatorColumns {
        let mut c = IndicatorColumns::default();
        for (i, cell) in line.cells.iter().enumerate() {
            let t = normalize(&cell.text);
            let slot = if t.contains("一级指标") {
                &mut c.level1
            } else if t.contains("二级指标") {
                &mut c.level2
            } else if t.contains("三级指标") {
                &mut c.level3
            } else if t.contains("依据") {
                &mut c.basis
            } else if t.contains("上年") {
                &mut c.prior
            } else if t.contains("权重") || t.contains("分值") && !t.contains("规则") {
                &mut c.weight
            } else if t.contains("赋分") || t.contains("规则") {
                &mut c.scoring
            } else if t.contains("佐证") {
                &mut c.evidence
            } else if t.contains("指标值") {
                &mut c.value
            } else {
                continue;
            };
            slot.get_or_insert(i);
        }
        c
    }
}

fn cell(line: &Line, index: Option<usize>) -> String {
    index.and_then(|i| line.cells.get(i)).map(|c| c.text.trim().to_owned()).unwrap_or_default()
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// Parses `>=80%`, `=12次`, `≤257人`.
pub fn indicator_value(raw: &str) -> IndicatorValue {
    let t = raw.trim();
    let (comparison, rest) = [
        (">=", Comparison::Ge),
        ("≥", Comparison::Ge),
        ("<=", Comparison::Le),
        ("≤", Comparison::Le),
        (">", Comparison::Gt),
        ("<", Comparison::Lt),
        ("=", Comparison::Eq),
    ]
    .iter()
    .find_map(|(p, c)| t.strip_prefix(p).map(|r| (Some(*c), r)))
    .unwrap_or((None, t));
    let number_end = rest
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(rest.len(), |(i, _)| i);
    let number = Number::parse_printed(&rest[..number_end]);
    let unit = non_empty(rest[number_end..].trim().to_owned()).filter(|_| number.is_some());
    IndicatorValue { raw: t.to_owned(), comparison, number, unit }
}

/// Parses a target table starting at its title line `i`; returns the next line.
pub fn parse(r: &mut Recognizer<'_>, lines: &[Line], mut i: usize) -> usize {
    let title_line = &lines[i];
    let title_text = clean_line(title_line).0.to_owned();
    let scope = match table_title(&title_text, &r.options.aliases) {
        Some(TitleKind::ProjectTargets) => TargetScope::Project,
        _ => TargetScope::Overall,
    };
    r.recognised_anything = true;
    let mut table = PerformanceTargets {
        scope,
        title: TextRef {
            text: title_text,
            source: Provenance::line(title_line.number).with_page(title_line.page),
            lines: Vec::new(),
        },
        unit_name: None,
        project: None,
        manager: None,
        goal: None,
        funding: Vec::new(),
        indicators: Vec::new(),
    };
    i += 1;
    let mut columns: Option<IndicatorColumns> = None;
    let mut blank_before = false;
    let mut carried = (String::new(), String::new());
    let mut previous_row: Option<&Line> = None;
    let mut amount_columns = false;
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() {
            blank_before = true;
            i += 1;
            continue;
        }
        let text = clean_line(line).0;
        if !line.is_tabular() {
            // The `(2024年)` line under the title belongs to it.
            let t = normalize(text);
            if t.starts_with('(') && t.ends_with(')') && t.chars().count() <= 10 {
                i += 1;
                continue;
            }
            break;
        }
        if line.texts().iter().any(|t| normalize(t).contains("一级指标")) {
            columns = Some(IndicatorColumns::from_header(line));
            blank_before = false;
            i += 1;
            continue;
        }
        match &columns {
            None => form_line(&mut table, line, &mut amount_columns),
            Some(cols) => {
                let level3 = cell(line, cols.level3);
                let value = cell(line, cols.value);
                let weight = cell(line, cols.weight);
                // A row broken by a page end: after a blank, with no indicator of its
                // own, and not repeating the row before (a real row often repeats
                // its level labels; a broken cell's tail does not).
                let repeats = previous_row.is_some_and(|p| {
                    line.cells.iter().zip(&p.cells).any(|(a, b)| !a.text.is_empty() && a.text == b.text)
                });
                if blank_before
                    && level3.is_empty()
                    && value.is_empty()
                    && weight.is_empty()
                    && !repeats
                    && !table.indicators.is_empty()
                {
                    continue_row(&mut table, cols, line);
                } else {
                    let l1 = non_empty(cell(line, cols.level1)).unwrap_or_else(|| carried.0.clone());
                    let l2 = non_empty(cell(line, cols.level2)).unwrap_or_else(|| carried.1.clone());
                    carried = (l1.clone(), l2.clone());
                    table.indicators.push(Indicator {
                        level1: l1,
                        level2: l2,
                        level3,
                        value: non_empty(value).map(|v| indicator_value(&v)),
                        basis: non_empty(cell(line, cols.basis)),
                        prior_value: non_empty(cell(line, cols.prior)),
                        weight: Number::parse_printed(&weight),
                        scoring: non_empty(cell(line, cols.scoring)),
                        evidence: non_empty(cell(line, cols.evidence)),
                        source: Provenance::line(line.number).with_page(line.page),
                    });
                }
            }
        }
        blank_before = false;
        previous_row = Some(line);
        i += 1;
    }
    // `信息化运行维护绩效目标表` names no 项目 in its title, but a table with a
    // 项目名称 row is a project's.
    if table.project.is_some() {
        table.scope = TargetScope::Project;
    }
    r.doc.performance_targets.push(table);
    i
}

/// A broken row: its cells continue the previous indicator's cells.
fn continue_row(table: &mut PerformanceTargets, cols: &IndicatorColumns, line: &Line) {
    let Some(last) = table.indicators.last_mut() else { return };
    let append = |target: &mut String, index: Option<usize>| {
        let more = cell(line, index);
        target.push_str(&more);
    };
    append(&mut last.level1, cols.level1);
    append(&mut last.level2, cols.level2);
    for (slot, index) in
        [(&mut last.scoring, cols.scoring), (&mut last.evidence, cols.evidence), (&mut last.basis, cols.basis)]
    {
        let more = cell(line, index);
        if !more.is_empty() {
            slot.get_or_insert_with(String::new).push_str(&more);
        }
    }
}

/// The labelled lines above the indicator grid. `amount_columns` is set by a
/// header line that names amount columns and prints no figure (`任务名称 | 主要内容
/// | 总额 | 财政拨款 | 其他资金`): below it a whole number is an amount too
/// (`购买中介机构审计服务 | … | 350 | 350`), where elsewhere a figure without
/// decimals may be a year or a count.
fn form_line(table: &mut PerformanceTargets, line: &Line, amount_columns: &mut bool) {
    let cells: Vec<(usize, &str)> =
        line.cells.iter().enumerate().map(|(i, c)| (i, c.text.trim())).filter(|(_, t)| !t.is_empty()).collect();
    let Some((_, first)) = cells.first().copied() else { return };
    if cells.iter().all(|(_, t)| Number::parse_printed(t).is_none())
        && cells.iter().any(|(_, t)| ["总额", "金额", "财政拨款"].iter().any(|w| normalize(t).contains(w)))
    {
        *amount_columns = true;
    }
    let key = normalize(first);
    let next_text = |after: usize| cells.iter().find(|(i, _)| *i > after).map(|(_, t)| (*t).to_owned());
    let source = Provenance::line(line.number).with_page(line.page);
    if key.contains("名称") && (key.contains("单位") || key.contains("部门")) || key == "预算单位" {
        table.unit_name = next_text(cells[0].0);
        return;
    }
    if key == "项目名称" {
        table.project = next_text(cells[0].0).map(|t| TextRef { text: t, source: source.clone(), lines: Vec::new() });
        if let Some((i, _)) = cells.iter().find(|(_, t)| t.contains("负责人")) {
            table.manager = next_text(*i);
        }
        return;
    }
    if key.contains("目标") && !key.contains("指标") {
        table.goal = next_text(cells[0].0).map(|t| TextRef { text: t, source: source.clone(), lines: Vec::new() });
        return;
    }
    // Funding: every amount with the labels before it. An amount with no label
    // of its own after another on the row is a further column of the same line
    // (`任务1 | 19443.34 | 19443.34` under `总额 | 财政拨款 | 其他资金`): not a
    // funding line of its own.
    let mut labels: Vec<String> = Vec::new();
    let mut row_has_amount = false;
    for (i, text) in &cells {
        match Number::parse_printed(text) {
            Some(_) if row_has_amount && labels.is_empty() => {}
            Some(value)
                if text.contains('.')
                    || *amount_columns
                    || labels.iter().any(|l| l.contains("资金") || l.contains("合计") || l.contains("总额")) =>
            {
                let label = labels.join("/");
                let is_total = label.contains("合计") || label.contains("总额");
                let cell = &line.cells[*i];
                table.funding.push(FundingLine {
                    label,
                    amount: Figure {
                        value: Quantity::new(value, Unit::WanYuan),
                        source: Provenance::span(line.number, cell.column, cell.length).with_page(line.page),
                    },
                    is_total,
                });
                labels.clear();
                row_has_amount = true;
            }
            _ => {
                if !key.starts_with("年度预算") || *i > 0 {
                    labels.push(text.trim_end_matches([':', '：']).to_owned());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indicator_values() {
        let v = indicator_value(">=80%");
        assert_eq!(v.comparison, Some(Comparison::Ge));
        assert_eq!(v.number.map(|n| n.to_string()).as_deref(), Some("80"));
        assert_eq!(v.unit.as_deref(), Some("%"));
        assert_eq!(indicator_value("=12次").unit.as_deref(), Some("次"));
        assert_eq!(indicator_value("好").number, None);
    }
}
