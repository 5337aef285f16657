use gongkai_model::{Level, Measure, Row, RowRole, Side, Table, TablePart};

use crate::context::{cell_location, column_name, difference_note, row_name, show};
use crate::rules::arithmetic::columns::{check_identity, complete_split, row_identities};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The two-sided summary tables (单位收支总体情况表, 财政拨款收支总体情况表):
    /// a line equals the sum of its numbered sub-lines (本年收入 = 1、一般公共预算拨款 +
    /// 2、基金预算拨款 + … ; 上年结转结余 = its 1、2、); a line's `其中` parts do not
    /// exceed it — and add up to it exactly where they are a complete split
    /// (一般财力 + 上级转移支付 = 一般公共预算拨款; 一般公共预算 + 政府性基金 + 国有资本
    /// = 财政拨款; 事业收入 … 其他收入 = 单位资金); 收入总计 = the sum of the top-level
    /// income lines (本年收入 + 上年结转结余); 支出总计 = the sum of the 类 rows and
    /// the 结转下年 line, in every column; 收入总计 = 支出总计; and on the expenditure side the row
    /// identities of its columns (合计 = 一般公共预算 + 政府性基金 + 国有资本经营).
    /// A `其中` list that is not known to be complete is only checked for
    /// exceedance, never for shortfall: “其中” means “of which”.
    ///
    /// ## Why it matters
    /// The summary table is the first table a reader sees and the one every other
    /// table is reconciled against; if its two sides do not balance or its income
    /// lines do not add up, the whole disclosure is in doubt.
    ///
    /// ## Example
    /// In 表1, `1、一般公共预算拨款` prints 1,010.39 while its parts 一般财力 1,008.93 and
    /// 上级一般公共预算安排转移支付 1.46 are changed to 1,008.99 + 1.46 = 1,010.45: the
    /// parts exceed the line by 0.06.
    pub struct SummaryBalance {
        id: "A103", name: "summary-balance", category: Arithmetic, severity: Error,
        title_zh: "收支总表和财政拨款收支总表：各行等于所属分项之和，收入总计等于支出总计",
        doc_zh: r#"
## 检查内容
收支两方对照的汇总表（单位收支总体情况表、财政拨款收支总体情况表）：
- 一行等于其下编号各行之和（本年收入 = 1、一般公共预算拨款 + 2、基金预算拨款
  + …；上年结转结余 = 其下的 1、2、各行）；
- 一行的“其中”各项不超过该行；“其中”各项构成完整划分的（一般财力 + 上级转移
  支付 = 一般公共预算拨款；一般公共预算 + 政府性基金 + 国有资本 = 财政拨款；事业
  收入……其他收入 = 单位资金），还须与该行恰好相等；
- 收入总计 = 各顶层收入行之和（本年收入 + 上年结转结余）；
- 支出总计 = 各类行与结转下年行之和，每一列都核对；
- 收入总计 = 支出总计；
- 支出方各列之间的行内关系（合计 = 一般公共预算 + 政府性基金 + 国有资本经营）。

不能确认为完整划分的“其中”各项只核对是否超过该行，从不核对是否不足：“其中”只
表示其中的一部分。

## 为何重要
收支总表是读者看到的第一张表，也是其他各表核对的基准；两方不平衡或收入各行加不
平，整份公开文件都会受到质疑。

## 示例
表1 中 `1、一般公共预算拨款` 印为 1,010.39，其中一般财力 1,008.93、上级一般公共
预算安排转移支付 1.46；若把一般财力改为 1,008.99，则 1,008.99 + 1.46 = 1,010.45，
“其中”各项超过该行 0.06。
"#,
    }
}

impl Rule for SummaryBalance {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for table in &ctx.doc.tables {
            if table.parts.iter().all(|p| p.side.is_none()) {
                continue;
            }
            for part in table.parts.iter().filter(|p| p.side.is_some()) {
                check_lines(ctx, table, part, out);
                check_total(ctx, table, part, out);
                for id in row_identities(part) {
                    for row in &part.rows {
                        check_identity(ctx, table, part, row, &id, out);
                    }
                }
            }
            check_balance(ctx, table, out);
        }
    }
}

/// The amount column of a side: its 合计/预算数 column, else the first.
fn amount_column(part: &TablePart) -> usize {
    part.column(&Measure::Total).or_else(|| part.column(&Measure::BudgetAmount)).unwrap_or(0)
}

fn check_lines(ctx: &Context<'_>, table: &Table, part: &TablePart, out: &mut Findings) {
    for (k, parent) in part.rows.iter().enumerate() {
        let children: Vec<&Row> = part.rows.iter().filter(|r| r.part_of == Some(k as u32)).collect();
        let lines: Vec<&Row> = children.iter().copied().filter(|r| r.role == RowRole::Line).collect();
        let of_which: Vec<&Row> = children.iter().copied().filter(|r| r.role == RowRole::OfWhich).collect();
        if !lines.is_empty() {
            report_sum(ctx, (table, part), parent, &lines, true, "下列各项", out);
        }
        if !of_which.is_empty() {
            let measures: Vec<&Measure> = of_which.iter().filter_map(|r| r.measure.as_ref()).collect();
            let exact = measures.len() == of_which.len()
                && parent.measure.as_ref().is_some_and(|m| complete_split(m, &measures));
            report_sum(ctx, (table, part), parent, &of_which, exact, "“其中”各项", out);
        }
    }
}

fn report_sum(
    ctx: &Context<'_>,
    (table, part): (&Table, &TablePart),
    parent: &Row,
    children: &[&Row],
    exact: bool,
    what: &str,
    out: &mut Findings,
) {
    for column in 0..part.columns.len() {
        let parts: Vec<_> = children.iter().map(|c| c.amount(column)).collect();
        if parent.amount(column).is_none() && parts.iter().all(Option::is_none) {
            continue;
        }
        let comparison = ctx.tolerance.sum(parent.amount(column), &parts);
        // Exceedance: the parts are larger than the line by more than rounding.
        let exceeds = -comparison.difference > comparison.allowed;
        if comparison.agrees() || (!exact && !exceeds) {
            continue;
        }
        let verdict = if exceeds { "，超过该行" } else { "，少于该行" };
        let message = format!(
            "{} {}{} {}为 {}，但{}合计为 {}{}（{}）",
            table.display(),
            side_name(part),
            row_name(parent),
            column_name(part, column),
            show(parent.amount(column)),
            what,
            comparison.expected,
            verdict,
            difference_note(&comparison)
        );
        let mut locations = vec![cell_location(table, part, parent, column)];
        locations.extend(children.iter().map(|c| cell_location(table, part, c, column)));
        out.push(ctx.finding(message, Some(&comparison), locations));
    }
}

fn side_name(part: &TablePart) -> String {
    part.side.map_or_else(String::new, |s| format!("{}方", s.name_zh()))
}

/// 收入总计 = Σ top-level lines; 支出总计 = Σ 类 rows (+ 结转下年).
fn check_total(ctx: &Context<'_>, table: &Table, part: &TablePart, out: &mut Findings) {
    let Some(total) = part.total_row() else { return };
    let lei: Vec<&Row> = part
        .rows
        .iter()
        .filter(|r| r.role == RowRole::Item && r.code.as_ref().is_some_and(|c| c.level() == Level::Lei))
        .collect();
    let top_lines: Vec<&Row> = part.rows.iter().filter(|r| r.role == RowRole::Line && r.part_of.is_none()).collect();
    let children: Vec<&Row> = if !lei.is_empty() {
        let mut rows = lei;
        rows.extend(top_lines.iter().copied().filter(|r| r.measure == Some(Measure::CarryForward)));
        rows
    } else {
        top_lines
    };
    if children.is_empty() {
        return;
    }
    let what = if children.iter().any(|r| r.code.is_some()) { "各类" } else { "各项" };
    report_sum(ctx, (table, part), total, &children, true, what, out);
}

/// 收入总计 = 支出总计.
fn check_balance(ctx: &Context<'_>, table: &Table, out: &mut Findings) {
    let (Some(inc), Some(exp)) = (table.side(Side::Income), table.side(Side::Expenditure)) else { return };
    let (Some(it), Some(et)) = (inc.total_row(), exp.total_row()) else { return };
    let (ic, ec) = (amount_column(inc), amount_column(exp));
    let (a, b) = (it.amount(ic), et.amount(ec));
    if a.is_none() && b.is_none() {
        return;
    }
    let comparison = ctx.tolerance.same(a, b);
    if comparison.agrees() {
        return;
    }
    let message = format!(
        "{} 收入方{}{}为 {}，但支出方{}{}为 {}，收支不平衡（{}）",
        table.display(),
        row_name(it),
        column_name(inc, ic),
        show(a),
        row_name(et),
        column_name(exp, ec),
        show(b),
        difference_note(&comparison)
    );
    let locations = vec![cell_location(table, exp, et, ec), cell_location(table, inc, it, ic)];
    out.push(ctx.finding(message, Some(&comparison), locations));
}
