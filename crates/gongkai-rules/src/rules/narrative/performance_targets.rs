use gongkai_model::{
    Figure, FundingLine, Location, Measure, Number, PerformanceTargets, RowRole, Side, TableKind, TargetScope,
};

use super::resolve::{Candidate, fund_lines, norm, wan};
use crate::context::{difference_note, text_location};
use crate::tolerance::Comparison;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The performance-target tables and the performance overview agree with each
    /// other and with the budget tables:
    /// * each target table's funding lines add up to its total line
    ///   (上级资金 1.46 + 本级资金 1,008.93 + 其他 0.31 = 合计 1,010.70;
    ///   其中：财政拨款 + 其他资金 = 年度预算总额; a form printing funding blocks side
    ///   by side, 实施期资金总额 | 年度资金总额, has all its lines add up to all its
    ///   totals together);
    /// * the overall (整体) target table's total equals 表1's 收入总计, or does with
    ///   one set of project tables printed for funds the unit passes on (整体 form +
    ///   专项资金 forms = 收入总计);
    /// * a project target table's total equals the project's amount in the project
    ///   expenditure table (matched by project name, else by amount);
    /// * the overview paragraph (`整体预算绩效目标1个。涉及金额1,010.7万元；当年财政拨款
    ///   项目1个，涉及预算金额82.46万元`) states as many overall and project targets as
    ///   there are target tables, and the amounts those tables cover (or, when the
    ///   amount is printed as one fund's, `涉及当年一般公共预算拨款…`, that fund's
    ///   income line).
    ///
    /// ## Why it matters
    /// Performance targets must cover the whole budget and every project; a target
    /// table with a different amount was set for a different budget than the one
    /// published, and an overview that counts tables that are not there misreports
    /// what was set.
    ///
    /// ## Example
    /// A project target table with 年度预算总额 82.64 while 表7 prints 82.46 for the
    /// only project is reported with both figures.
    pub struct PerformanceTargetsRule {
        id: "N110", name: "performance-targets", category: Narrative, severity: Error,
        title_zh: "绩效目标表与绩效说明、预算表相互一致",
        doc_zh: r#"
## 检查内容
绩效目标表与绩效情况说明之间、与预算表之间相互一致：
- 每张绩效目标表的各资金来源行之和等于其合计行（上级资金 1.46 + 本级资金
  1,008.93 + 其他 0.31 = 合计 1,010.70；其中：财政拨款 + 其他资金 = 年度预算总
  额；资金分块并排列示的表样，如“实施期资金总额 | 年度资金总额”，其全部资金行之
  和等于全部合计之和）；
- 整体绩效目标表的合计等于表1的收入总计，或者在单位为其转拨的资金另附一组项目绩
  效目标表时，与该组表一起等于收入总计（整体表 + 专项资金表 = 收入总计）；
- 项目绩效目标表的合计等于项目支出表中该项目的金额（按项目名称对应，名称对应不上
  的按金额对应）；
- 预算绩效情况的概述段落（`整体预算绩效目标1个。涉及金额1,010.7万元；当年财政拨
  款项目1个，涉及预算金额82.46万元`）所写的整体绩效目标个数和项目绩效目标个数与
  所附绩效目标表的张数相同，所写金额与这些表涵盖的金额相同（金额写明属于某类资金
  的，如`涉及当年一般公共预算拨款…`，则与该类资金的收入行相同）。

## 为何重要
绩效目标必须覆盖全部预算和每个项目；金额不同的绩效目标表，是为另一个预算而不是所
公开的预算设定的；概述中计入了并不存在的表，则误报了所设定的目标。

## 示例
某项目绩效目标表的年度预算总额为 82.64，而表7中唯一的项目为 82.46：报告，并列出
这两个数字。
"#,
    }
}

fn amount(line: &FundingLine) -> Option<Number> {
    wan(Some(line.amount.value))
}

fn title(t: &PerformanceTargets) -> String {
    match &t.project {
        Some(p) => format!("项目“{}”的绩效目标表", p.text),
        None => format!("“{}”", t.title.text),
    }
}

fn total_line(t: &PerformanceTargets) -> Option<&FundingLine> {
    t.funding.iter().find(|l| l.is_total)
}

impl Rule for PerformanceTargetsRule {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for t in &ctx.doc.performance_targets {
            funding_sum(ctx, t, out);
            match t.scope {
                TargetScope::Overall => overall_total(ctx, t, out),
                TargetScope::Project => project_total(ctx, t, out),
            }
        }
        overview(ctx, out);
    }
}

/// The funding lines of one table add up to its total line.
fn funding_sum(ctx: &Context<'_>, t: &PerformanceTargets, out: &mut Findings) {
    let Some(total) = total_line(t) else { return };
    let parts: Vec<&FundingLine> = t.funding.iter().filter(|l| !l.is_total).collect();
    if parts.is_empty() {
        return;
    }
    // Several totals are side-by-side blocks (实施期资金总额 | 年度资金总额), each over
    // its own lines: the lines then add up to all the totals together, so the
    // further totals count against the first.
    let further: Vec<&FundingLine> = t.funding.iter().filter(|l| l.is_total).skip(1).collect();
    let minus_further = || further.iter().map(|l| amount(l).map(|n| Number(-n.value())));
    let all: Vec<Option<Number>> = parts.iter().map(|l| amount(l)).chain(minus_further()).collect();
    let comparison = ctx.tolerance.sum(amount(total), &all);
    if comparison.agrees() {
        return;
    }
    // A template may print a 财政资金 subtotal with its parts below it: the lines that
    // are not `其中` parts may add up instead.
    let outer_parts: Vec<&&FundingLine> = parts.iter().filter(|l| !norm(&l.label).contains("其中")).collect();
    let outer: Vec<Option<Number>> = outer_parts.iter().map(|l| amount(l)).chain(minus_further()).collect();
    if outer_parts.len() != parts.len() && !outer_parts.is_empty() && ctx.tolerance.sum(amount(total), &outer).agrees()
    {
        return;
    }
    let listed: Vec<String> = parts
        .iter()
        .map(|l| format!("{} {}", short(&l.label), l.amount.value.value))
        .chain(further.iter().map(|l| format!("− {} {}", short(&l.label), l.amount.value.value)))
        .collect();
    let message = format!(
        "{}：资金合计“{}”写作 {} 万元，但各资金来源 {} 合计 {} 万元（{}）",
        title(t),
        short(&total.label),
        total.amount.value.value,
        listed.join(" + "),
        comparison.expected,
        difference_note(&comparison)
    );
    let mut locations = vec![text_location(&total.amount.source)];
    locations.extend(parts.iter().map(|l| text_location(&l.amount.source)));
    out.push(ctx.finding(message, Some(&comparison), locations));
}

/// The last level of a funding label (`财政资金（万元）/上级资金` → `上级资金`).
fn short(label: &str) -> &str {
    label.rsplit('/').next().unwrap_or(label)
}

/// 表1's 收入总计.
fn income_total<'a>(ctx: &Context<'a>) -> Option<Candidate<'a>> {
    let table = ctx.table(TableKind::IncomeExpenditureSummary)?;
    let part = table.side(Side::Income).or_else(|| table.main())?;
    let row = part.total_row()?;
    Some(Candidate::cell(table, part, row, 0))
}

fn overall_total(ctx: &Context<'_>, t: &PerformanceTargets, out: &mut Findings) {
    let Some(total) = total_line(t) else { return };
    let Some(cell) = income_total(ctx) else { return };
    let comparison = ctx.tolerance.same(cell.value, amount(total));
    if comparison.agrees() || covered_with_fund_forms(ctx, total, cell.value) {
        return;
    }
    let message = format!(
        "{}：整体绩效目标资金合计写作 {} 万元，但{}为 {} 万元（{}）",
        title(t),
        total.amount.value.value,
        cell.describe(),
        cell.shown(),
        difference_note(&comparison)
    );
    let locations = vec![text_location(&total.amount.source), cell.location()];
    out.push(ctx.finding(message, Some(&comparison), locations));
}

/// A unit's 整体 form may cover only its own spending while the funds it passes
/// on print their own set of project forms under one shared title (a
/// `专项资金总体支出绩效目标表` set beside a `部门专项业务经费绩效目标表` set, whose
/// projects the 整体 form already covers): the 整体 total and one such set's
/// totals then add up to 收入总计.
fn covered_with_fund_forms(ctx: &Context<'_>, overall: &FundingLine, income: Option<Number>) -> bool {
    let mut sets: Vec<(String, Vec<Option<Number>>)> = Vec::new();
    for t in ctx.doc.performance_targets.iter().filter(|t| t.scope == TargetScope::Project) {
        let Some(total) = total_line(t) else { continue };
        let title = norm(&t.title.text);
        match sets.iter_mut().find(|(k, _)| *k == title) {
            Some((_, totals)) => totals.push(amount(total)),
            None => sets.push((title, vec![amount(total)])),
        }
    }
    sets.iter().any(|(_, totals)| {
        let parts: Vec<Option<Number>> = std::iter::once(amount(overall)).chain(totals.iter().copied()).collect();
        ctx.tolerance.sum(income, &parts).agrees()
    })
}

fn project_total(ctx: &Context<'_>, t: &PerformanceTargets, out: &mut Findings) {
    let Some(total) = total_line(t) else { return };
    let Some(actual) = amount(total) else { return };
    let mut rows: Vec<Candidate<'_>> = Vec::new();
    for kind in [TableKind::GeneralBudgetProjectExpenditure, TableKind::ProjectExpenditure] {
        let Some((table, part)) = ctx.part(kind) else { continue };
        let column = part.column(&Measure::Total).unwrap_or(0);
        for row in part.rows.iter().filter(|r| r.project.is_some() && r.role != RowRole::Total) {
            rows.push(Candidate::cell(table, part, row, column));
        }
    }
    if rows.is_empty() {
        return;
    }
    let name = t.project.as_ref().map(|p| norm(&p.text));
    let by_name: Vec<&Candidate<'_>> =
        rows.iter().filter(|c| name.is_some() && c.row.project.as_deref().map(norm) == name).collect();
    let compare = |c: &Candidate<'_>| ctx.tolerance.same(c.value, Some(actual));
    let chosen = if !by_name.is_empty() {
        by_name
    } else if rows.iter().any(|c| compare(c).agrees()) {
        return;
    } else {
        rows.iter().collect()
    };
    if chosen.iter().any(|c| compare(c).agrees()) {
        return;
    }
    let Some(nearest) = chosen.into_iter().min_by_key(|c| compare(c).difference.abs()) else { return };
    let comparison = compare(nearest);
    let message = format!(
        "{}：项目资金“{}”写作 {} 万元，但{}为 {} 万元（{}）",
        title(t),
        short(&total.label),
        actual,
        nearest.describe(),
        nearest.shown(),
        difference_note(&comparison)
    );
    let locations = vec![text_location(&total.amount.source), nearest.location()];
    out.push(ctx.finding(message, Some(&comparison), locations));
}

/// The overview paragraph against the target tables.
fn overview(ctx: &Context<'_>, out: &mut Findings) {
    let Some(o) = &ctx.doc.other_matters.performance else { return };
    let targets = &ctx.doc.performance_targets;
    if targets.is_empty() {
        return;
    }
    for (scope, count, money, what) in [
        (TargetScope::Overall, &o.overall_targets, &o.overall_amount, "整体预算绩效目标"),
        (TargetScope::Project, &o.fiscal_projects, &o.fiscal_projects_amount, "当年财政拨款项目绩效目标"),
    ] {
        let tables: Vec<&PerformanceTargets> = targets.iter().filter(|t| t.scope == scope).collect();
        if let Some(count) = count {
            let n = Number::from(gongkai_model::Decimal::from(tables.len() as u64));
            if count.value.value.value() != n.value() {
                let message = format!(
                    "预算绩效情况：{}写作 {} 个，但文中附有 {} 张相应的绩效目标表",
                    what,
                    count.value.value,
                    tables.len()
                );
                let mut locations = vec![text_location(&count.source)];
                locations.extend(tables.iter().map(|t| text_location(&t.title.source)));
                let mut finding = ctx.finding(message, None, locations);
                finding.expected = Some(tables.len().to_string());
                finding.actual = Some(count.value.value.to_string());
                out.push(finding);
            }
        }
        let Some(money) = money else { continue };
        overview_amount(ctx, money, &tables, scope, what, out);
    }
}

/// The 项目支出 totals of the spending tables.
fn project_spending<'a>(ctx: &Context<'a>) -> Vec<Candidate<'a>> {
    let mut out = Vec::new();
    for kind in [TableKind::ExpenditureSummary, TableKind::GeneralBudgetExpenditure] {
        let Some((table, part)) = ctx.part(kind) else { continue };
        let (Some(row), Some(column)) = (part.total_row(), part.column(&Measure::Project)) else { continue };
        out.push(Candidate::cell(table, part, row, column));
    }
    out
}

fn overview_amount(
    ctx: &Context<'_>,
    money: &Figure,
    tables: &[&PerformanceTargets],
    scope: TargetScope,
    what: &str,
    out: &mut Findings,
) {
    let Some(actual) = wan(Some(money.value)) else { return };
    // What the amount may be compared with: the sum of the target tables' totals, and
    // the table the targets cover (表1 收入总计 for the unit, 表7 总计 for the projects).
    let mut options: Vec<(Comparison, String, Vec<Location>)> = Vec::new();
    let totals: Vec<&FundingLine> = tables.iter().filter_map(|t| total_line(t)).collect();
    if !totals.is_empty() && totals.len() == tables.len() {
        let parts: Vec<Option<Number>> = totals.iter().map(|l| amount(l)).collect();
        options.push((
            ctx.tolerance.sum(Some(actual), &parts),
            "绩效目标表资金合计".to_owned(),
            totals.iter().map(|l| text_location(&l.amount.source)).collect(),
        ));
    }
    let cell = match scope {
        TargetScope::Overall => income_total(ctx),
        TargetScope::Project => ctx.part(TableKind::GeneralBudgetProjectExpenditure).and_then(|(table, part)| {
            let row = part.total_row()?;
            let column = part.column(&Measure::Total).unwrap_or(0);
            Some(Candidate::cell(table, part, row, column))
        }),
    };
    if let Some(c) = cell {
        options.push((ctx.tolerance.same(c.value, Some(actual)), c.describe(), vec![c.location()]));
    }
    // The overview's amount is often the project spending put under target
    // management (国家信访局: “对项目支出全面实施绩效目标管理，涉及预算拨款…”),
    // whichever of its sentences it stands in, and the tables published are only
    // some of the projects'.
    for c in project_spending(ctx) {
        options.push((ctx.tolerance.same(c.value, Some(actual)), c.describe(), vec![c.location()]));
    }
    // An amount printed as one fund's (`涉及当年一般公共预算拨款4005.29万元，政府性基金
    // 预算拨款0.00万元`) is that fund's line of the income tables.
    let printed_as = ctx.doc.claims.iter().find(|c| c.amount_at.as_ref() == Some(&money.source));
    for c in printed_as.map(|claim| fund_lines(ctx, &claim.subject.label)).unwrap_or_default() {
        options.push((ctx.tolerance.same(c.value, Some(actual)), c.describe(), vec![c.location()]));
    }
    if options.is_empty() || options.iter().any(|(c, _, _)| c.agrees()) {
        return;
    }
    let (comparison, name, at) = &options[0];
    let message = format!(
        "预算绩效情况：{}涉及金额写作 {} 万元，但{}为 {} 万元（{}）",
        what,
        actual,
        name,
        comparison.expected,
        difference_note(comparison)
    );
    let mut locations = vec![text_location(&money.source)];
    locations.extend(at.iter().cloned());
    out.push(ctx.finding(message, Some(comparison), locations));
}
