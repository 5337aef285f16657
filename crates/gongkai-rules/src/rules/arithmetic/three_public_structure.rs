use gongkai_model::{Column, Measure, Row, RowRole, Stage, Table, TableKind, TablePart};

use crate::context::{cell_location, column_name, difference_note, row_name, show};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The 财政拨款“三公”经费 table, whichever way it is laid out (items as rows —
    /// 合计, 因公出国（境）费, 公务接待费, 公务用车购置及运行费, 其中 购置费 and 运行费 —
    /// or items as columns): 三公合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费,
    /// and 公务用车购置及运行费 = 购置费 + 运行费, for every funding-source column (or
    /// row). 会议费 and 培训费, which some provinces print in the same table, are not
    /// part of the 三公 total; a 合计 that includes them as well is accepted, and
    /// where both are printed (`合计 | 小计 | 因公出国… | 会议费 | 培训费`), the 小计
    /// is the 三公 total and 合计 = 小计 + 会议费 + 培训费.
    ///
    /// ## Why it matters
    /// The 三公 expenses are the most closely watched figures of a disclosure; a
    /// total that does not match its three items is read as hiding spending.
    ///
    /// ## Example
    /// In 表10, 公务用车购置及运行费（小计） prints 1.08 while its parts are 购置费
    /// (empty) and 运行费 1.18: the subtotal is 0.10 short.
    pub struct ThreePublicStructure {
        id: "A104", name: "three-public-structure", category: Arithmetic, severity: Error,
        title_zh: "“三公”经费表：合计等于因公出国（境）费、公务接待费、公务用车购置及运行费之和，公务用车费等于购置费加运行费",
        doc_zh: r#"
## 检查内容
财政拨款“三公”经费表，无论按哪种方式排列（各项目按行排列——合计、因公出国
（境）费、公务接待费、公务用车购置及运行费及其中的购置费和运行费——或按列排
列），对每个资金来源列（或行）核对：三公合计 = 因公出国（境）费 + 公务接待费 + 公
务用车购置及运行费，公务用车购置及运行费 = 购置费 + 运行费。有些省份在同一张表中
还列有会议费和培训费，这两项不属于三公合计；合计把这两项也包括在内的，同样认可；
合计和小计都印出时（`合计 | 小计 | 因公出国… | 会议费 | 培训费`），小计为三公合
计，且合计 = 小计 + 会议费 + 培训费。

## 为何重要
“三公”经费是公开文件中最受关注的数字；合计与三个分项对不上，会被看作隐瞒支出。

## 示例
表10 中公务用车购置及运行费（小计）印为 1.08，而其分项购置费为空、运行费为 1.18：
小计少了 0.10。
"#,
    }
}

impl Rule for ThreePublicStructure {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for table in ctx.doc.tables.iter().filter(|t| t.kind == TableKind::ThreePublicExpenses) {
            for part in &table.parts {
                if let Some(layout) = by_rows(part) {
                    check_layout(ctx, table, part, &layout, out);
                    continue;
                }
                // A 决算 prints the categories once per stage (`预算数 | 决算数`):
                // each stage's columns make a layout of their own.
                let mut stages: Vec<Option<Stage>> = Vec::new();
                for c in &part.columns {
                    if !stages.contains(&c.stage()) {
                        stages.push(c.stage());
                    }
                }
                if stages.len() < 2 {
                    stages = vec![None];
                }
                for stage in stages {
                    let keep = |c: &Column| stage.is_none() || c.stage() == stage;
                    if let Some(layout) = by_columns(part, &keep) {
                        check_layout(ctx, table, part, &layout, out);
                    }
                }
            }
        }
    }
}

/// The items located along one axis: for each item an index (row or column).
struct Layout {
    /// Items as rows (index = row) or as columns (index = column).
    rows: bool,
    total: Option<usize>,
    abroad: Option<usize>,
    reception: Option<usize>,
    vehicles: Option<usize>,
    purchase: Option<usize>,
    operation: Option<usize>,
    extra: Vec<usize>,
    /// A 合计 of the 三公 total and the extras, printed before the 三公 total.
    grand: Option<usize>,
}

fn find<T>(items: &[T], m: Measure, get: fn(&T) -> Option<&Measure>) -> Option<usize> {
    let mut it = items.iter().enumerate().filter(|(_, x)| get(x) == Some(&m)).map(|(i, _)| i);
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

fn by_rows(part: &TablePart) -> Option<Layout> {
    let rows = &part.rows;
    let m: fn(&Row) -> Option<&Measure> = |r| r.measure.as_ref();
    let total = rows.iter().position(|r| r.role == RowRole::Total).or_else(|| find(rows, Measure::Total, m));
    let layout = Layout {
        rows: true,
        total,
        abroad: find(rows, Measure::Abroad, m),
        reception: find(rows, Measure::Reception, m),
        vehicles: find(rows, Measure::Vehicles, m),
        purchase: find(rows, Measure::VehiclePurchase, m),
        operation: find(rows, Measure::VehicleOperation, m),
        extra: [Measure::Meetings, Measure::Training].into_iter().filter_map(|x| find(rows, x, m)).collect(),
        grand: None,
    };
    layout.usable().then_some(layout)
}

/// The one column among those `keep` admits that measures `m`.
fn find_column(cols: &[Column], m: Measure, keep: &dyn Fn(&Column) -> bool) -> Option<usize> {
    let mut it = cols.iter().enumerate().filter(|(_, c)| keep(c) && c.measure == m).map(|(i, _)| i);
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

/// The layout of the columns `keep` admits (all, or one stage's).
fn by_columns(part: &TablePart, keep: &dyn Fn(&Column) -> bool) -> Option<Layout> {
    let cols = &part.columns;
    let extra: Vec<usize> =
        [Measure::Meetings, Measure::Training].into_iter().filter_map(|x| find_column(cols, x, keep)).collect();
    // Two totals beside 会议费 and 培训费: the first, headed 合计 (or 总计),
    // holds them; the second, headed 小计, is the 三公 total. Other pairs of
    // totals are not read as either.
    let totals: Vec<usize> =
        cols.iter().enumerate().filter(|(_, c)| keep(c) && c.measure == Measure::Total).map(|(i, _)| i).collect();
    let leaf = |i: usize| cols[i].header.rsplit('/').next().unwrap_or_default().trim().to_owned();
    let (total, grand) = match totals.as_slice() {
        [total] => (Some(*total), None),
        [grand, total]
            if !extra.is_empty() && matches!(leaf(*grand).as_str(), "合计" | "总计") && leaf(*total) == "小计" =>
        {
            (Some(*total), Some(*grand))
        }
        _ => (None, None),
    };
    let layout = Layout {
        rows: false,
        total,
        abroad: find_column(cols, Measure::Abroad, keep),
        reception: find_column(cols, Measure::Reception, keep),
        vehicles: find_column(cols, Measure::Vehicles, keep),
        purchase: find_column(cols, Measure::VehiclePurchase, keep),
        operation: find_column(cols, Measure::VehicleOperation, keep),
        extra,
        grand,
    };
    layout.usable().then_some(layout)
}

impl Layout {
    fn usable(&self) -> bool {
        self.abroad.is_some() && self.reception.is_some() && (self.vehicles.is_some() || self.purchase.is_some())
    }
}

fn check_layout(ctx: &Context<'_>, table: &Table, part: &TablePart, l: &Layout, out: &mut Findings) {
    // The other axis: every column (items as rows) or every row (items as columns).
    let across = if l.rows { part.columns.len() } else { part.rows.len() };
    for k in 0..across {
        let cell =
            |item: usize| -> (&Row, usize) { if l.rows { (&part.rows[item], k) } else { (&part.rows[k], item) } };
        let value = |item: usize| {
            let (row, col) = cell(item);
            row.amount(col)
        };
        let describe = |item: usize| {
            let (row, col) = cell(item);
            if l.rows { row_name(row) } else { column_name(part, col) }
        };
        let along = |item: usize| {
            let (row, col) = cell(item);
            if l.rows { column_name(part, col) } else { row_name(row) }
        };
        let mut check = |total: usize, parts: Vec<usize>, alternative: Option<Vec<usize>>| {
            let values: Vec<_> = parts.iter().map(|p| value(*p)).collect();
            if value(total).is_none() && values.iter().all(Option::is_none) {
                return;
            }
            let comparison = ctx.tolerance.sum(value(total), &values);
            if comparison.agrees() {
                return;
            }
            if let Some(alt) = &alternative {
                let alt_values: Vec<_> = alt.iter().map(|p| value(*p)).collect();
                if ctx.tolerance.sum(value(total), &alt_values).agrees() {
                    return;
                }
            }
            let names: Vec<String> = parts.iter().map(|p| describe(*p)).collect();
            let message = format!(
                "{} {} {}为 {}，但{}合计为 {}（{}）",
                table.display(),
                describe(total),
                along(total),
                show(value(total)),
                names.join(" + "),
                comparison.expected,
                difference_note(&comparison)
            );
            let loc = |item: usize| {
                let (row, col) = cell(item);
                cell_location(table, part, row, col)
            };
            let mut locations = vec![loc(total)];
            locations.extend(parts.iter().map(|p| loc(*p)));
            out.push(ctx.finding(message, Some(&comparison), locations));
        };
        let (Some(abroad), Some(reception)) = (l.abroad, l.reception) else { return };
        if let Some(total) = l.total {
            let vehicle_parts = match (l.vehicles, l.purchase, l.operation) {
                (Some(v), _, _) => Some(vec![v]),
                (None, Some(p), Some(o)) => Some(vec![p, o]),
                _ => None,
            };
            if let Some(vp) = vehicle_parts {
                let mut parts = vec![abroad, reception];
                parts.extend(vp);
                let alternative = (!l.extra.is_empty()).then(|| {
                    let mut all = parts.clone();
                    all.extend(l.extra.iter().copied());
                    all
                });
                check(total, parts, alternative);
            }
        }
        if let (Some(v), Some(p), Some(o)) = (l.vehicles, l.purchase, l.operation) {
            check(v, vec![p, o], None);
        }
        if let (Some(grand), Some(total)) = (l.grand, l.total) {
            let mut parts = vec![total];
            parts.extend(l.extra.iter().copied());
            check(grand, parts, None);
        }
    }
}
