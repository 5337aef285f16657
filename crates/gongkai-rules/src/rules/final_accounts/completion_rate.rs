use gongkai_model::{Claim, Stage};

use crate::context::text_location;
use crate::rules::narrative::resolve::{amount_location, claim_stage, norm, wan};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A 决算's rate of completion (`年初预算为800.00万元，支出决算为850.00万元，完成
    /// 年初预算的106.25%`) equals the outturn divided by the budget the text states
    /// just before it, by interval division of the rounded figures (the shared
    /// tolerance). The two figures are the nearest before the rate, in the same
    /// run of clauses, that speak of the same subject — the same chain of 类/款/项
    /// names, or the same words once the stage words (`年初预算`, `支出决算`) are
    /// set aside — one at the final stage, one budgeted. A rate whose budget the
    /// text does not state (`因公出国（境）费支出决算4.69万元，完成预算的15.63%`
    /// after the “三公” total's budget) is not checked.
    ///
    /// ## Why it matters
    /// The rate of completion is the figure a People's Congress reviewer reads to
    /// judge how the budget was executed; one left from a draft misstates it even
    /// where both amounts are right.
    ///
    /// ## Example
    /// `年初预算为800.00万元，支出决算为850.00万元，完成年初预算的106.25%`: 850.00 /
    /// 800.00 = 106.25%, agreed; printed 107.25%, it is reported with the three
    /// figures as locations.
    pub struct CompletionRate {
        id: "D103", name: "completion-rate", category: FinalAccounts, severity: Error,
        title_zh: "决算说明中的完成率等于决算数除以所述预算数",
        doc_zh: r#"
## 检查内容
决算的完成率（`年初预算为800.00万元，支出决算为850.00万元，完成年初预算
的106.25%`）等于决算数除以文中紧接其前所写的预算数，按舍入后数字的区间除法计算
（采用统一的容差）。这两个数取完成率之前、同一串分句中最近的、说的是同一事项的两
个数——类、款、项名称链相同，或去掉阶段用语（`年初预算`、`支出决算`）后文字相同——
一个是决算数，一个是预算数。文中没有写出其预算数的完成率（如在“三公”经费合计的预
算数之后写`因公出国（境）费支出决算4.69万元，完成预算的15.63%`）不检查。

## 为何重要
完成率是人大审查人员判断预算执行情况时看的数字；草稿中遗留的完成率，即使两个金额
都正确，也会误报执行情况。

## 示例
`年初预算为800.00万元，支出决算为850.00万元，完成年初预算的106.25%`：
850.00 ÷ 800.00 = 106.25%，相符；若印作 107.25%，则报告，并列出这三个数字所在的
位置。
"#,
    }
}

impl Rule for CompletionRate {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let claims = &ctx.doc.claims;
        for (i, rate) in claims.iter().enumerate() {
            let (Some(share), None) = (rate.share, rate.amount) else { continue };
            let label = norm(&rate.subject.label);
            if !(label.starts_with("完成") && label.contains("预算")) {
                continue;
            }
            // The run of clauses the rate closes: back to the previous rate.
            let before: Vec<&Claim> = claims[..i]
                .iter()
                .rev()
                .take_while(|c| c.share.is_none() && c.section == rate.section)
                .take(4)
                .collect();
            let Some(outturn) = before.iter().find(|c| c.amount.is_some() && claim_stage(ctx.doc, c) == Stage::Final)
            else {
                continue;
            };
            let Some(budget) = before.iter().find(|c| {
                c.amount.is_some()
                    && matches!(claim_stage(ctx.doc, c), Stage::Budget | Stage::AdjustedBudget)
                    && same_subject(c, outturn)
            }) else {
                continue;
            };
            let (Some(part), Some(whole)) = (wan(outturn.amount), wan(budget.amount)) else { continue };
            if whole.value().is_zero() || ctx.tolerance.share(part, whole, share.value) {
                continue;
            }
            let expected = crate::rules::narrative::percent(part, whole, share.value.decimals());
            let message = format!(
                "{}：“{}{}%”，但决算数 {} 万元 ÷ 预算数 {} 万元 = {}%",
                ctx.section_name(rate.section),
                rate.subject.label,
                share.value,
                part,
                whole,
                expected
            );
            let at = text_location(rate.share_at.as_ref().unwrap_or(&rate.source));
            let mut finding = ctx.finding(message, None, vec![at, amount_location(outturn), amount_location(budget)]);
            finding.expected = Some(format!("{expected}%"));
            finding.actual = Some(format!("{}%", share.value));
            out.push(finding);
        }
    }
}

/// Whether two claims speak of the same thing at two stages: the same chain of
/// names, or the same words once the stage words are set aside.
fn same_subject(a: &Claim, b: &Claim) -> bool {
    if !a.subject.names.is_empty() || !b.subject.names.is_empty() {
        return a.subject.names == b.subject.names;
    }
    without_stage(&a.subject.label) == without_stage(&b.subject.label)
}

/// A label without its stage words (`财政拨款支出年初预算` → `财政拨款支出`).
fn without_stage(label: &str) -> String {
    let mut t = norm(label);
    for word in
        ["支出决算数", "支出决算", "决算数", "决算", "执行数", "年初预算数", "年初预算", "全年预算数", "预算数", "预算"]
    {
        if let Some(rest) = t.strip_suffix(word) {
            t = rest.to_owned();
            break;
        }
    }
    t.trim_end_matches("支出").to_owned()
}
