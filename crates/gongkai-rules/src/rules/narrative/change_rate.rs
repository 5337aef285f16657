use gongkai_model::{Claim, Decimal, Direction, Location, Number, Quantity};

use super::resolve::{amount_location, resolve, subject_name, wan, zero};
use crate::context::text_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A year-on-year change (`比上年预算增加128.95万元，增长14.65%`) is consistent:
    /// the rate equals the change divided by the prior year, where the prior year is
    /// the amount minus the signed change (减少 counts negative), by interval
    /// arithmetic on the rounded figures. A new item (prior year 0) is written
    /// 增长100.00% by convention; no change with 0% is always fine. When the
    /// sentence prints the figure it compares with (`比2025年年初预算数B万元减少C万元，
    /// 下降D%`), the rate is C / B, and A = B ± C must hold. A change stated
    /// without its amount (`其中：公务接待费增加0.00万元，增长0.00%`) takes the amount
    /// from the claim about the same subject earlier in the section, or from the table.
    /// A rate given with both figures and no change amount — the figure compared
    /// with inside the comparison (`B万元，比上年预算数A万元下降X%`) or stated as a
    /// clause of its own before it (`2025年预算执行数为A万元，2026年预算安排B万元，
    /// 比2025年预算执行数增加X%`: the comparison's year and measure name it; 执行数,
    /// 预算数 and 决算数 alike) — must go the way the two figures go and be
    /// |B − A| / A; the message gives the rate they make (`应为“下降3.02%”`).
    ///
    /// ## Why it matters
    /// The change amount and the rate are typed separately from the budget figure;
    /// when one of them is stale the text misreports how the budget developed.
    ///
    /// ## Example
    /// `基本支出927.93万元，比上年预算增加414.95万元，增长8.89%`: the prior year is
    /// 927.93 − 414.95 = 512.98 万元, so the rate is 80.89%, not 8.89%.
    pub struct ChangeRate {
        id: "N103", name: "change-rate", category: Narrative, severity: Error,
        title_zh: "说明中的增减额与增长率相互一致",
        doc_zh: r#"
## 检查内容
与上年相比的增减变化（`比上年预算增加128.95万元，增长14.65%`）前后一致：增长率等
于增减额除以上年数，上年数为本年金额减去带符号的增减额（减少计为负数），按舍入后
数字的区间算法计算。新增项目（上年数为 0）按惯例写作增长100.00%；无增减且写作 0%
的，总是相符。句中写出了所比较的数字时（`比2025年年初预算数B万元减少C万元，下
降D%`），增长率为 C ÷ B，且本年金额 A = B ± C 必须成立。只写增减而未写本年金额的
（`其中：公务接待费增加0.00万元，增长0.00%`），取本部分前文中同一事项的金额，或
取表中的数字。只写两个数字和增长率、未写增减额的——所比的数写在比较之中（`B万元，
比上年预算数A万元下降X%`），或在前面单独成句（`2025年预算执行数为A万元，2026年预
算安排B万元，比2025年预算执行数增加X%`：由比较中的年份和口径找到该数，执行数、预
算数、决算数同样适用）——增减方向须与两数一致，增长率须为 |B − A| ÷ A；报告中给出
按两数算得的增长率（`应为“下降3.02%”`）。

## 为何重要
增减额和增长率是与预算数分开录入的；其中一个没有更新，文字就会误报预算的变化情
况。

## 示例
`基本支出927.93万元，比上年预算增加414.95万元，增长8.89%`：上年数为
927.93 − 414.95 = 512.98 万元，因此增长率为 80.89%，而不是 8.89%。
"#,
    }
}

impl Rule for ChangeRate {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let doc = ctx.doc;
        for (index, claim) in doc.claims.iter().enumerate() {
            let Some(change) = &claim.change else { continue };
            check_difference(ctx, claim, change, out);
            if change.amount.is_none()
                && change.rate.is_some()
                && let Some(prior) = wan(change.prior)
            {
                // Two figures and a rate: this year's is the claim's, or the
                // subject's earlier in the section, or the table's.
                if let Some(current) = current_amount(ctx, doc, index, claim) {
                    check_stated_figures(ctx, claim, change, prior, current, out);
                }
                continue;
            }
            let (Some(amount), Some(rate)) = (wan(change.amount), change.rate) else { continue };
            let down = match change.direction.or(change.rate_direction) {
                Some(Direction::Down) => true,
                Some(Direction::Flat) if !amount.value().is_zero() => continue,
                _ => false,
            };
            let signed = if down { Number(-amount.value()) } else { amount };
            // A sentence that prints the figure compared with (`比2025年年初预算数
            // B万元减少C万元，下降D%`) gives the rate its base: the rate is C / B,
            // whatever this year's figure (B ± C = A is checked on its own below).
            let stated = wan(change.prior);
            let Some((current, current_at)) = stated
                .map(|prior| {
                    (
                        Number(prior.value() + signed.value()),
                        text_location(change.prior_at.as_ref().unwrap_or(&change.source)),
                    )
                })
                .or_else(|| current_amount(ctx, doc, index, claim))
            else {
                // Without the current amount only "no change, 0%" can be judged.
                continue;
            };
            let agrees = match stated {
                Some(prior) => rate_agrees(ctx, prior, signed, rate.value),
                None => ctx.tolerance.rate(current, signed, rate.value),
            };
            if agrees {
                continue;
            }
            let prior = stated.map_or(current.value() - signed.value(), |p| p.value());
            let (word, rate_word) = if down { ("减少", "下降") } else { ("增加", "增长") };
            let expected = expected_rate(signed.value(), prior, rate.value.decimals());
            let reason = match &expected {
                None => format!("{word}额 {amount} 万元大于本年数 {current} 万元，上年数将为 {prior} 万元"),
                Some(e) if prior.is_zero() && !signed.value().is_zero() => {
                    format!("上年数为 0，新增项目按惯例应写作增长 {e}%")
                }
                Some(e) if stated.is_some() => format!("按句中所写上年数 {prior} 万元计算，{rate_word}率应为 {e}%"),
                Some(e) => format!("按上年数 {current} − ({signed}) = {prior} 万元计算，{rate_word}率应为 {e}%"),
            };
            let message = format!(
                "{}：“{}”本年 {} 万元，比上年{} {} 万元，{} {}%；但{}",
                ctx.section_name(claim.section),
                subject_name(claim),
                current,
                word,
                amount,
                rate_word,
                rate.value,
                reason
            );
            let mut finding = ctx.finding(message, None, vec![text_location(&change.source), current_at]);
            finding.expected = expected.map(|e| format!("{e}%"));
            finding.actual = Some(format!("{}%", rate.value));
            out.push(finding);
        }
    }
}

/// This year's figure, the figure compared with and the change, all three
/// printed in one sentence (`A万元，比上年B万元减少C万元`): A = B ± C.
fn check_difference(ctx: &Context<'_>, claim: &Claim, change: &gongkai_model::Change, out: &mut Findings) {
    let (Some(current), Some(prior), Some(amount)) = (wan(claim.amount), wan(change.prior), wan(change.amount)) else {
        return;
    };
    let down = match change.direction.or(change.rate_direction) {
        Some(Direction::Down) => true,
        Some(Direction::Up) => false,
        _ => return,
    };
    let signed = if down { Number(-amount.value()) } else { amount };
    let comparison = ctx.tolerance.sum(Some(current), &[Some(prior), Some(signed)]);
    if comparison.agrees() {
        return;
    }
    let word = if down { "减少" } else { "增加" };
    let message = format!(
        "{}：“{}”本年 {} 万元，比上年 {} 万元{} {} 万元；但两数之差为 {} 万元",
        ctx.section_name(claim.section),
        subject_name(claim),
        current,
        prior,
        word,
        amount,
        (current.value() - prior.value()).abs()
    );
    let mut locations = vec![text_location(&change.source), amount_location(claim)];
    locations.extend(change.prior_at.iter().map(text_location));
    out.push(ctx.finding(message, Some(&comparison), locations));
}

/// A rate given with the two figures it relates and no change amount
/// (`2025年预算执行数为A万元，2026年预算安排B万元，比2025年预算执行数增加X%`,
/// `B万元，比上年预算数A万元下降X%`): its direction and its size follow from the
/// two figures.
fn check_stated_figures(
    ctx: &Context<'_>,
    claim: &Claim,
    change: &gongkai_model::Change,
    prior: Number,
    (current, current_at): (Number, Location),
    out: &mut Findings,
) {
    let (Some(rate), Some(stated)) = (change.rate, change.rate_direction.filter(|d| *d != Direction::Flat)) else {
        return;
    };
    let mut difference = current.value() - prior.value();
    difference.rescale(current.decimals().max(prior.decimals()));
    let down = difference < Decimal::ZERO;
    let direction_agrees = difference.is_zero() || (stated == Direction::Down) == down;
    if direction_agrees && rate_agrees(ctx, prior, Number(difference), rate.value) {
        return;
    }
    let rate_word = |down: bool| if down { "下降" } else { "增长" };
    // (A prior of 0 or more: it is a printed amount.)
    let expected = expected_rate(difference, prior.value(), rate.value.decimals()).unwrap_or_default();
    let expected = format!("{}{expected}%", if difference.is_zero() { "" } else { rate_word(down) });
    let actual = format!("{}{}%", rate_word(stated == Direction::Down), rate.value);
    let what = if direction_agrees { "幅度" } else { "方向" };
    let message = format!(
        "{}：“{}”本年 {} 万元，句中所比的数为 {} 万元，增减{}不符：应为“{}”，实为“{}”",
        ctx.section_name(claim.section),
        subject_name(claim),
        current,
        prior,
        what,
        expected,
        actual
    );
    let mut locations = vec![text_location(&change.source), current_at];
    locations.extend(change.prior_at.iter().map(text_location));
    let mut finding = ctx.finding(message, None, locations);
    finding.expected = Some(expected);
    finding.actual = Some(actual);
    out.push(finding);
}

/// The rate a change makes over its prior year, printed with `decimals`
/// digits: 0 for no change, 100 for a new item (prior 0, by convention),
/// `|change| / prior` otherwise; `None` for a negative prior (a change larger
/// than this year's amount).
fn expected_rate(change: Decimal, prior: Decimal, decimals: u32) -> Option<String> {
    let mut rate = if change.is_zero() {
        Decimal::ZERO
    } else if prior.is_zero() {
        Decimal::ONE_HUNDRED
    } else if prior < Decimal::ZERO {
        return None;
    } else {
        (change.abs() * Decimal::ONE_HUNDRED / prior).round_dp(decimals)
    };
    rate.rescale(decimals);
    Some(rate.to_string())
}

/// Whether a rate agrees with a change over a printed prior-year figure: the
/// same interval arithmetic as [`crate::tolerance::Tolerance::rate`], whose
/// prior is `current − change`, given the current figure that makes it `prior`
/// with the prior's own precision.
fn rate_agrees(ctx: &Context<'_>, prior: Number, signed: Number, rate: Number) -> bool {
    let mut current = prior.value() + signed.value();
    current.rescale(prior.decimals().max(signed.decimals()));
    ctx.tolerance.rate(Number(current), signed, rate)
}

/// The current-year amount a change refers to: the claim's own, else that of the
/// last claim about the same subject before it in the same section, else the table's.
fn current_amount(
    ctx: &Context<'_>,
    doc: &gongkai_model::Disclosure,
    index: usize,
    claim: &Claim,
) -> Option<(Number, Location)> {
    if let Some(a) = wan(claim.amount) {
        return Some((a, amount_location(claim)));
    }
    if claim.amount.is_some_and(|q: Quantity| !q.unit.is_money()) {
        return None;
    }
    if let Some(prev) = doc.claims[..index]
        .iter()
        .rev()
        .find(|c| c.section == claim.section && c.subject.label == claim.subject.label && wan(c.amount).is_some())
    {
        return Some((wan(prev.amount)?, amount_location(prev)));
    }
    let candidate = resolve(ctx, claim).into_iter().next()?;
    Some((candidate.value.unwrap_or_else(zero), candidate.location()))
}
