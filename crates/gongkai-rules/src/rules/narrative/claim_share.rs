use gongkai_model::{Claim, ClaimKind, Decimal, Disclosure, Location, Measure, Number, SectionKind, Side, TableKind};

use super::resolve::{
    amount_location, norm, resolve_name, section_total, subject_name, subsection_total, top_section, wan,
};
use crate::context::{cell_location, text_location};
use crate::tolerance::half_unit;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A share stated with an amount (`一般公共预算1,008.93万元，占99.82%`) equals the
    /// amount divided by its base, by interval division of the rounded figures. The
    /// base is the whole the share names when an earlier claim states it
    /// (`授予中小企业合同金额1,820.69万元 … 其中：授予小微企业合同金额1,015.50万元，
    /// 占授予中小企业合同金额的55.78%`), the total claim of the subsection the share stands in (the largest
    /// amount without a share stated before it since the subsection's heading,
    /// e.g. `一般公共预算当年拨款432,564.30万元` for the shares of its 类), the
    /// section's total claim (the same in the top-level section, e.g.
    /// `收入预算1,010.70万元`), the sum of the amounts of a run of shares that
    /// add up to 100% (the text's own whole) and, last, the table totals (收入总计,
    /// 支出总计, the 一般公共预算支出表 总计, the 财政拨款收支表 收入总计); the share
    /// agrees when it agrees with any base. A share naming its whole
    /// (`占本年支出合计的94.24%`) is held to that whole as the tables print it,
    /// never to another table total; in the 预算绩效 and 国有资产 sections only the
    /// text's own totals are bases. A total of the other stage is no base: a 决算
    /// figure's share is of a 决算 total, not of the 预算 stated beside it.
    ///
    /// ## Why it matters
    /// Shares are recomputed by hand when a draft changes and are easily left at
    /// their old value; a wrong share misstates the structure of the budget even when
    /// every amount is right.
    ///
    /// ## Example
    /// `基本支出927.93万元，占91.18%` with a section total of 1,010.70 万元: 927.93 /
    /// 1,010.70 = 91.81%, so the share is reported with the share, the amount and the
    /// base as locations.
    pub struct ClaimShare {
        id: "N102", name: "claim-share", category: Narrative, severity: Error,
        title_zh: "说明中的占比等于金额除以所占的总额",
        doc_zh: r#"
## 检查内容
随金额一同写出的占比（`一般公共预算1,008.93万元，占99.82%`）等于该金额除以其基
数，按舍入后数字的区间除法计算。基数为：占比所指的总额，前文已写出该总额时（`授
予中小企业合同金额1,820.69万元 … 其中：授予小微企业合同金额1,015.50万元，占授予
中小企业合同金额的55.78%`）；占比所在小节的总额（自小节标题起、该占比之前所写不
带占比的最大金额，如各类占比所依据的`一般公共预算当年拨款432,564.30万元`）；所在
部分的总额（在顶层部分中同样确定，如`收入预算1,010.70万元`）；合计为 100% 的一串
占比所对应金额之和（文中自行给出的总额）；最后是表中的总计（收入总计、支出总计、
一般公共预算支出表的总计、财政拨款收支表的收入总计）。占比与其中任一基数相符即为
一致。写明了总额的占比（`占本年支出合计的94.24%`）只与表中所列的该总额比较，不与
其他表的总计比较；预算绩效和国有资产部分的占比只以文中自己的总额为基数。另一阶段
的总额不作基数：决算数的占比是占决算总额的，而不是占旁边所写的预算
数的。

## 为何重要
草稿改动后，占比要手工重算，很容易停留在旧值；即使每个金额都正确，错误的占比也会
误报预算的结构。

## 示例
`基本支出927.93万元，占91.18%`，所在部分的总额为 1,010.70 万元：
927.93 ÷ 1,010.70 = 91.81%，因此报告该占比，并列出占比、金额和基数的位置。
"#,
    }
}

impl Rule for ClaimShare {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let doc = ctx.doc;
        for (index, claim) in doc.claims.iter().enumerate() {
            // (An amount whose 元 is a slip for 万元 is N112's.)
            if claim.kind == ClaimKind::Composition || super::is_unit_slip(ctx, claim) {
                continue;
            }
            let (Some(share), Some(amount)) = (claim.share, wan(claim.amount)) else { continue };
            let share = share.value;
            // Bases, the preferred first: the section's total claim, then table totals.
            let mut bases: Vec<(Number, String, Location)> = Vec::new();
            if let Some(whole) = named_whole(doc, index)
                && let Some(value) = wan(whole.amount)
            {
                bases.push((value, format!("所述总额“{}”", whole.subject.label), amount_location(whole)));
            }
            for total in [subsection_total(doc, index), section_total(doc, index)].into_iter().flatten() {
                if let Some(value) = wan(total.amount) {
                    bases.push((value, format!("本节总额“{}”", total.subject.label), amount_location(total)));
                }
            }
            if let Some((value, location)) = shares_whole(doc, index) {
                bases.push((value, "各部分合计".to_owned(), location));
            }
            // A share of a whole it names (`占本年支出合计的94.24%`) is of that
            // whole, where a table prints it, and of no other table total
            // (`占部门预算项目支出总额的65.9%` in a 决算 has none).
            // The whole is read in the claim's section and as the document's
            // (`财政拨款支出…占本年支出合计的92.82%`: the 收支总表's line). A
            // performance review's or an asset report's figures are no table's
            // (the funds reviewed include earlier years' money): a share of
            // them is held to the text's own wholes only.
            let own_figures = !matches!(claim.section, SectionKind::Performance | SectionKind::Assets);
            if let Some(whole) = claim.share_of.as_deref().filter(|_| own_figures) {
                let mut named = resolve_name(ctx, claim.section, whole);
                if claim.section != SectionKind::Overview {
                    named.extend(resolve_name(ctx, SectionKind::Overview, whole));
                }
                for c in named {
                    if let (Some(value), Some(at)) = (c.value, c.locations().into_iter().next()) {
                        bases.push((value, c.describe(), at));
                    }
                }
            }
            let unnamed = if claim.share_of.is_none() { table_totals(claim.section) } else { Vec::new() };
            for (kind, side, label) in unnamed {
                let Some(table) = ctx.table(kind) else { continue };
                let part = match side {
                    Some(s) => table.side(s),
                    None => table.main(),
                };
                let Some(part) = part else { continue };
                let Some(row) = part.total_row() else { continue };
                let column = part.column(&Measure::Total).unwrap_or(0);
                let Some(value) = super::resolve::cell_wan(table, row, column) else { continue };
                bases.push((value, format!("{}{}", table.display(), label), cell_location(table, part, row, column)));
            }
            if bases.is_empty() || bases.iter().any(|(base, _, _)| ctx.tolerance.share(amount, *base, share)) {
                continue;
            }
            let (base, base_name, base_at) = &bases[0];
            let expected = percent(amount, *base, share.decimals());
            let message = format!(
                "{}：“{}”{} 万元的占比写作 {}%，但按{} {} 万元计算应为 {}%",
                ctx.section_name(claim.section),
                subject_name(claim),
                amount,
                share,
                base_name,
                base,
                expected
            );
            let share_at = text_location(claim.share_at.as_ref().unwrap_or(&claim.source));
            let mut finding = ctx.finding(message, None, vec![share_at, amount_location(claim), base_at.clone()]);
            finding.expected = Some(format!("{expected}%"));
            finding.actual = Some(format!("{share}%"));
            out.push(finding);
        }
    }
}

/// The whole a share names (`占授予中小企业合同金额的55.78%`), when an earlier
/// claim of the same top-level section states it: the claim named exactly, else
/// one whose name ends with the whole's (`国家信访局政府采购支出总额` for
/// `政府采购支出总额`), else one whose name contains it; the nearest of the best.
/// A whole named by no claim (`占本年支出合计的`) is left to the other bases.
fn named_whole(doc: &Disclosure, index: usize) -> Option<&Claim> {
    let claim = &doc.claims[index];
    let key = norm(claim.share_of.as_deref()?);
    if key.chars().count() < 2 {
        return None;
    }
    let top = top_section(doc, claim.source.line);
    let fit = |c: &Claim| -> u8 {
        let label = norm(&c.subject.label);
        if label.is_empty() {
            0
        } else if label == key {
            3
        } else if label.ends_with(&key) || (label.chars().count() >= 2 && key.ends_with(&label)) {
            2
        } else if label.contains(&key) {
            1
        } else {
            0
        }
    };
    doc.claims[..index]
        .iter()
        .rev()
        .filter(|c| c.kind != ClaimKind::Composition && wan(c.amount).is_some())
        .take_while(|c| top_section(doc, c.source.line) == top)
        .map(|c| (fit(c), c))
        .filter(|(fit, _)| *fit > 0)
        // Equal fits keep the first seen: walking backwards, the nearest.
        .fold(None, |best: Option<(u8, &Claim)>, (fit, c)| match best {
            Some((b, _)) if b >= fit => best,
            _ => Some((fit, c)),
        })
        .map(|(_, c)| c)
}

/// The whole that a run of shares divides: the claims with an amount and a
/// share next to each other in one section (`基本支出A万元，占x%` … `项目支出B万元，
/// 占y%`) whose shares add up to 100% are the parts of a whole the text defines
/// itself, A + B + …, whatever total the section printed (北京 states 本年支出预算
/// net of the year-end carry-over this way). `None` unless the shares add up to
/// 100% within rounding.
fn shares_whole(doc: &Disclosure, index: usize) -> Option<(Number, Location)> {
    let claim = &doc.claims[index];
    let top = top_section(doc, claim.source.line);
    let in_run = |c: &Claim| {
        c.kind != ClaimKind::Composition
            && c.share.is_some()
            && wan(c.amount).is_some()
            && top_section(doc, c.source.line) == top
    };
    let mut start = index;
    while start > 0 && in_run(&doc.claims[start - 1]) {
        start -= 1;
    }
    let mut end = index + 1;
    while end < doc.claims.len() && in_run(&doc.claims[end]) {
        end += 1;
    }
    let run = &doc.claims[start..end];
    if run.len() < 2 {
        return None;
    }
    let shares: Vec<Number> = run.iter().filter_map(|c| c.share.map(|s| s.value)).collect();
    let total: Decimal = shares.iter().map(|s| s.value()).sum();
    let allowed: Decimal = shares.iter().map(|s| half_unit(*s)).sum();
    if (total - Decimal::ONE_HUNDRED).abs() > allowed {
        return None;
    }
    let mut whole = Decimal::ZERO;
    let mut decimals = 0;
    for c in run {
        let amount = wan(c.amount)?;
        whole += amount.value();
        decimals = decimals.max(amount.decimals());
    }
    whole.rescale(decimals);
    Some((Number(whole), amount_location(&run[0])))
}

/// `part / whole` in percent, rounded to `decimals`.
pub fn percent(part: Number, whole: Number, decimals: u32) -> Decimal {
    if whole.value().is_zero() {
        return Decimal::ZERO;
    }
    (part.value() * Decimal::ONE_HUNDRED / whole.value()).round_dp(decimals)
}

/// Table totals that may serve as the base of a share, the section's own first.
fn table_totals(section: SectionKind) -> Vec<(TableKind, Option<Side>, &'static str)> {
    let income = (TableKind::IncomeExpenditureSummary, Some(Side::Income), "收入总计");
    let expenditure = (TableKind::IncomeExpenditureSummary, Some(Side::Expenditure), "支出总计");
    let general = (TableKind::GeneralBudgetExpenditure, None, "总计");
    let fiscal = (TableKind::FiscalAllocationSummary, Some(Side::Income), "收入总计");
    match section {
        SectionKind::Expenditure => vec![expenditure, income, general, fiscal],
        SectionKind::GeneralBudget | SectionKind::GeneralBudgetDetail => vec![general, fiscal, income, expenditure],
        SectionKind::FiscalAllocation => vec![fiscal, general, income, expenditure],
        _ => vec![income, expenditure, general, fiscal],
    }
}
