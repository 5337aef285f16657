use gongkai_model::{Row, RowRole, Table, TablePart};

use crate::context::{cell_location, column_name, difference_note, row_name, show};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// In every coded table and every numeric column, a 类 row equals the sum of
    /// its 款 rows, a 款 row the sum of its 项 rows, and the 总计/合计 row the sum
    /// of the top-level rows — each parent against its direct children only,
    /// within the rounding tolerance of the figures involved.
    ///
    /// ## Why it matters
    /// The hierarchy identity is the first thing a finance bureau checks: a row
    /// that does not add up means a figure was typed or copied wrongly, and every
    /// table that repeats it inherits the error.
    ///
    /// ## Example
    /// In 表3, `208 社会保障和就业支出` prints 合计 933.34 while its 款 rows add up
    /// to 933.37: the difference 0.03 exceeds what rounding five two-decimal figures
    /// can explain (±0.03 is allowed only from six figures), so the row is reported
    /// with the 类 cell and every 款 cell as locations.
    pub struct HierarchySum {
        id: "A101", name: "hierarchy-sum", category: Arithmetic, severity: Error,
    }
}

impl Rule for HierarchySum {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for table in &ctx.doc.tables {
            for part in table.parts.iter().filter(|p| p.side.is_none()) {
                check_part(ctx, table, part, out);
            }
        }
    }
}

fn check_part(ctx: &Context<'_>, table: &Table, part: &TablePart, out: &mut Findings) {
    let coded: Vec<&Row> = part.rows.iter().filter(|r| r.code.is_some()).collect();
    if coded.is_empty() {
        return;
    }
    let mut groups: Vec<(&Row, Vec<&Row>)> = Vec::new();
    // Parents: each distinct coded row that has children (first occurrence).
    for (i, parent) in coded.iter().enumerate() {
        let Some(code) = &parent.code else { continue };
        if coded[..i].iter().any(|r| r.code.as_ref() == Some(code) && r.project == parent.project) {
            continue;
        }
        if parent.project.is_some() {
            continue;
        }
        let children: Vec<&Row> =
            coded.iter().copied().filter(|r| r.code.as_ref().and_then(|c| c.parent()).as_ref() == Some(code)).collect();
        if !children.is_empty() {
            groups.push((parent, children));
        }
    }
    // The total: the sum of the rows whose parent is not printed.
    if let Some(total) = part.rows.iter().find(|r| r.role == RowRole::Total) {
        let top: Vec<&Row> = coded
            .iter()
            .copied()
            .filter(|r| match r.code.as_ref().and_then(|c| c.parent()) {
                None => true,
                Some(parent) => !coded.iter().any(|p| p.code.as_ref() == Some(&parent)),
            })
            .collect();
        if !top.is_empty() {
            groups.push((total, top));
        }
    }
    for (parent, children) in groups {
        for column in 0..part.columns.len() {
            let parts: Vec<_> = children.iter().map(|c| c.amount(column)).collect();
            if parent.amount(column).is_none() && parts.iter().all(Option::is_none) {
                continue;
            }
            let comparison = ctx.tolerance.sum(parent.amount(column), &parts);
            if comparison.agrees() {
                continue;
            }
            let level = match children.first().and_then(|c| c.code.as_ref()) {
                Some(code) if parent.role == RowRole::Total => format!("{}级", code.level().name_zh()),
                Some(code) => format!("下级{}", code.level().name_zh()),
                None => "下级".to_owned(),
            };
            let message = format!(
                "{} {} {}为 {}，但{}合计为 {}（{}）",
                table.display(),
                row_name(parent),
                column_name(part, column),
                show(parent.amount(column)),
                level,
                comparison.expected,
                difference_note(&comparison)
            );
            let mut locations = vec![cell_location(table, part, parent, column)];
            locations.extend(children.iter().map(|c| cell_location(table, part, c, column)));
            out.push(ctx.finding(message, Some(&comparison), locations));
        }
    }
}
