use gongkai_model::{ClassCode, Row, RowRole, Table, TableKind, TablePart};

use crate::context::{cell_location, column_name, difference_note, row_name, show};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// In every coded table and every numeric column, a 类 row equals the sum of
    /// its 款 rows, a 款 row the sum of its 项 rows, and the 总计/合计 row the sum
    /// of the top-level rows — each parent against its direct children only,
    /// within the rounding tolerance of the figures involved. A table by unit
    /// (each unit's name and subtotal on an uncoded line, then that unit's
    /// 类/款/项 again) is checked unit by unit: each unit's line against its own
    /// top-level rows. A 政府采购 table is a list of purchases, each printing the
    /// function code it is paid from, not a classification hierarchy. A table
    /// that prints each row's unit code (`222` a department, `222001` its units,
    /// a purchase list's fund `1 全额` over its units) is checked by that
    /// nesting: each row against the coded rows printed under it, the total row
    /// against the top ones. Not checked: a parent among whose children stands an
    /// uncoded row with amounts (a 项 printed by name only: its place is unknown),
    /// and the total row of a table of several headed blocks.
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
        title_zh: "各级科目合计：类等于所属各款之和，款等于所属各项之和，总计等于各类之和",
        doc_zh: r#"
## 检查内容
在每张按科目编码列示的表中，对每个数字列核对：类行等于所属各款行之和，款行等于所
属各项行之和，总计（合计）行等于各顶层行之和。每个上级行只与其直接下级行比较，允
许有关数字的四舍五入误差。按单位分块列示的表（每个单位的名称和小计印在一行不带编
码的行上，其后再列该单位的类、款、项）逐个单位核对：每个单位的小计行与该单位自己
的顶层行比较。政府采购表是逐项列示的采购清单，每行印的是支付该项采购的功能科目，
不构成科目层级（不按类、款、项关系核对）。印有各行单位编码的表（`222` 为部门，
`222001` 为其所属单位；采购清单中经费形式 `1 全额` 统领其下各单位），按编码所示
的隶属关系核对：每一行与印在其下、隶属于它的带编码各行之和比较，总计行与最上层各
行之和比较。不核对的情形：下级行中夹有不带编码但有金额的行（只印名称的项，位置不
明）的上级行；由几个带标题的分块组成的表的总计行。

## 为何重要
层级合计关系是财政部门首先核对的内容：一行加不平，说明有数字录入或复制错误，而重
复引用这一数字的每张表都会带上同样的错误。

## 示例
表3 中 `208 社会保障和就业支出` 的合计印为 933.34，而其下各款相加为 933.37：相差
0.03，超出五个两位小数四舍五入所能解释的范围（六个数字时才允许 ±0.03），因此报告
该行，定位到该类的单元格和各款的单元格。
"#,
    }
}

impl Rule for HierarchySum {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        // A procurement table lists purchases, each printing the function code
        // it is paid from: the same code on every row, with fund and unit
        // subtotals between them. Its rows are not a classification hierarchy.
        for table in ctx.doc.tables.iter().filter(|t| t.kind != TableKind::GovernmentProcurement) {
            for part in table.parts.iter().filter(|p| p.side.is_none()) {
                let blocks = blocks(part);
                let headed = blocks.iter().any(|b| b.head.is_some());
                for block in &blocks {
                    check_block(ctx, table, part, block, !headed, out);
                }
            }
        }
        // Tables by unit code (and 政府采购 lists): the nesting the reader took
        // from the printed unit codes.
        for table in &ctx.doc.tables {
            for part in table.parts.iter().filter(|p| p.side.is_none()) {
                check_nested(ctx, table, part, out);
            }
        }
    }
}

/// Each row that other rows are part of (a unit's line over its purchases, a
/// department's over its units) against the sum of those rows, and the total
/// row against the rows that are part of none.
fn check_nested(ctx: &Context<'_>, table: &Table, part: &TablePart, out: &mut Findings) {
    if part.rows.iter().all(|r| r.part_of.is_none()) {
        return;
    }
    let mut groups: Vec<(&Row, Vec<&Row>)> = Vec::new();
    for (i, parent) in part.rows.iter().enumerate() {
        let children: Vec<&Row> = part
            .rows
            .iter()
            .filter(|r| r.part_of.is_some_and(|p| p as usize == i) && r.role != RowRole::OfWhich)
            .collect();
        if !children.is_empty() {
            groups.push((parent, children));
        }
    }
    // The total: the rows that head others and are part of none (a row that is
    // part of none and heads none may be a project under a unit, whose place
    // the reader did not know).
    if let Some(total) = part.total_row() {
        let heads = |i: usize| part.rows.iter().any(|r| r.part_of.is_some_and(|p| p as usize == i));
        let top: Vec<&Row> = part
            .rows
            .iter()
            .enumerate()
            .filter(|(i, r)| r.part_of.is_none() && r.role != RowRole::Total && heads(*i))
            .map(|(_, r)| r)
            .collect();
        if !top.is_empty() {
            groups.push((total, top));
        }
    }
    for (parent, children) in groups {
        report_sums(ctx, (table, part), parent, &children, "所属各行", out);
    }
}

/// Reports every column where `parent` is not the sum of `children` (named
/// `what` in the message: `下级款`, `所属各行`).
fn report_sums(
    ctx: &Context<'_>,
    (table, part): (&Table, &TablePart),
    parent: &Row,
    children: &[&Row],
    what: &str,
    out: &mut Findings,
) {
    for column in 0..part.columns.len() {
        let parts: Vec<_> = children.iter().map(|c| c.amount(column)).collect();
        if parent.amount(column).is_none() && parts.iter().all(Option::is_none) {
            continue;
        }
        let comparison = ctx.tolerance.sum(parent.amount(column), &parts);
        if comparison.agrees() {
            continue;
        }
        let message = format!(
            "{} {} {}为 {}，但{what}合计为 {}（{}）",
            table.display(),
            row_name(parent),
            column_name(part, column),
            show(parent.amount(column)),
            comparison.expected,
            difference_note(&comparison)
        );
        let mut locations = vec![cell_location(table, part, parent, column)];
        locations.extend(children.iter().map(|c| cell_location(table, part, c, column)));
        out.push(ctx.finding(message, Some(&comparison), locations));
    }
}

/// A run of coded rows under one head: a table by unit prints each unit's
/// name and total on an uncoded line, then that unit's 类/款/项 again.
struct Block<'a> {
    /// The uncoded line with amounts that heads the block, if any.
    head: Option<&'a Row>,
    /// The coded rows, in printed order.
    coded: Vec<&'a Row>,
}

/// The part's coded rows, split at every uncoded group line that prints
/// amounts (a unit's or a fund's subtotal) after which the classification
/// starts again at its top level (a 类). Without such lines, one block.
fn blocks(part: &TablePart) -> Vec<Block<'_>> {
    let mut out = vec![Block { head: None, coded: Vec::new() }];
    for (i, row) in part.rows.iter().enumerate() {
        if row.role == RowRole::Group && row.code.is_none() && row.cells.iter().any(|c| c.amount.is_some()) {
            let next = part.rows[i + 1..].iter().find_map(|r| r.code.as_ref());
            if next.is_some_and(|code| code.parent().is_none()) {
                out.push(Block { head: Some(row), coded: Vec::new() });
            }
        } else if row.code.is_some()
            && let Some(last) = out.last_mut()
        {
            last.coded.push(row);
        }
    }
    out.retain(|b| !b.coded.is_empty());
    out
}

/// Whether a row the reader could not code stands among a parent's rows (a 项
/// printed by name only whose name the catalog does not know, 杭州's
/// `一般行政管理事务` under 监狱): the parent's children are then not known, and
/// its sum is not checked rather than reported short.
fn uncoded_within(part: &TablePart, parent: &Row, code: &ClassCode) -> bool {
    let Some(start) = part.rows.iter().position(|r| std::ptr::eq(r, parent)) else { return false };
    // (An uncoded line after the parent's last row — the next unit's heading —
    // is not among them: only one followed by another of the parent's rows.)
    let mut uncoded = false;
    for row in &part.rows[start + 1..] {
        match &row.code {
            Some(c) if c.is_within(code) && c != code => {
                if uncoded {
                    return true;
                }
            }
            Some(_) => return false,
            None if row.role == RowRole::Group && row.project.is_none() => {
                uncoded |= row.cells.iter().any(|c| c.amount.is_some());
            }
            None => return false,
        }
    }
    false
}

/// Checks one block: each parent against its children, and the block's head
/// (or, in a table of one block, its total row) against its top-level rows.
fn check_block(ctx: &Context<'_>, table: &Table, part: &TablePart, block: &Block<'_>, total: bool, out: &mut Findings) {
    let coded = &block.coded;
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
        if !children.is_empty() && !uncoded_within(part, parent, code) {
            groups.push((parent, children));
        }
    }
    // The total: the sum of the rows whose parent is not printed. A table of
    // several headed blocks is totalled by its heads, whose nesting (a fund's
    // subtotal over its units') is not printed: its total row is not checked.
    let head = block.head.or_else(|| if total { part.rows.iter().find(|r| r.role == RowRole::Total) } else { None });
    if let Some(total) = head {
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
        let level = match children.first().and_then(|c| c.code.as_ref()) {
            Some(code) if parent.role == RowRole::Total => format!("{}级", code.level().name_zh()),
            Some(code) => format!("下级{}", code.level().name_zh()),
            None => "下级".to_owned(),
        };
        report_sums(ctx, (table, part), parent, &children, &level, out);
    }
}
