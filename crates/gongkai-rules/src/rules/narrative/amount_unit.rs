use gongkai_model::{Claim, Quantity, Severity, Unit};

use super::resolve::{amount_location, resolve, subject_name};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An amount of the explanation text printed in 元 where every table with
    /// amounts is in 万元 and every other amount of the text is in 万元: the unit
    /// is a slip (`污染防治项目18,686.86元` among figures in 万元). It is an error
    /// when the figure read in 万元 is the table figure the claim names, a
    /// warning otherwise; either way the amount is not compared as 元 (N101
    /// leaves it to this rule).
    ///
    /// ## Why it matters
    /// A reader takes the printed unit at its word: 18,686.86元 is ten thousand
    /// times less than the 18,686.86万元 the department budgets.
    ///
    /// ## Example
    /// `2024年预算数为3.68元` in a per-code paragraph while 表5 prints 3.68 (万元)
    /// on that code's row, and every other amount of the text is in 万元.
    pub struct AmountUnit {
        id: "N112", name: "amount-unit", category: Narrative, severity: Error,
        title_zh: "说明中以“元”写出、实为万元的金额（单位笔误）",
        doc_zh: r#"
## 检查内容
各张有金额的表均以万元为单位、情况说明中其他金额也均以万元为单位，而某个金额却以
元为单位写出的，其单位属于笔误（如在以万元为单位的数字中出现
`污染防治项目18,686.86元`）。按万元读取的数字若等于该表述所指的表中数字，报告为
错误，否则报告为警告；无论哪种情况，该金额都不按元比较（N101 将其留给本规则）。

## 为何重要
读者会按所写的单位理解数字：18,686.86元只是部门预算中 18,686.86万元的万分之一。

## 示例
按科目说明的段落中写`2024年预算数为3.68元`，而表5在该科目行列示 3.68（万元），且
文中其他金额均以万元为单位。
"#,
    }
}

impl Rule for AmountUnit {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for claim in ctx.doc.claims.iter().filter(|c| is_unit_slip(ctx, c)) {
            let Some(amount) = claim.amount else { continue };
            // The same claim read in 万元: does it name a table figure?
            let as_wan = Claim { amount: Some(Quantity::new(amount.value, Unit::WanYuan)), ..claim.clone() };
            let agreeing =
                resolve(ctx, &as_wan).into_iter().find(|c| ctx.tolerance.same(c.value, Some(amount.value)).agrees());
            let mut message = format!(
                "金额单位疑误：“{}”写作 {} 元，而各表和说明中的其他金额均以万元为单位",
                subject_name(claim),
                amount.value
            );
            let mut locations = vec![amount_location(claim)];
            match &agreeing {
                Some(c) => {
                    message.push_str(&format!("；按万元读，与{}的 {} 万元一致", c.describe(), c.shown()));
                    locations.push(c.location());
                }
                None => message.push_str("；应为万元？"),
            }
            let mut finding = ctx.finding(message, None, locations);
            finding.expected = Some(format!("{} 万元", amount.value));
            finding.actual = Some(format!("{} 元", amount.value));
            if agreeing.is_some() {
                out.push(finding);
            } else {
                out.push_with(finding, Severity::Warning);
            }
        }
    }
}

/// Whether a claim's amount is printed in 元 in a document whose tables with
/// amounts are all in 万元 (at least one) and whose other amounts in the text
/// are all in 万元 (at least two): it is the text's only amount in 元.
pub fn is_unit_slip(ctx: &Context<'_>, claim: &Claim) -> bool {
    if claim.amount.is_none_or(|a| a.unit != Unit::Yuan) {
        return false;
    }
    let mut tables = ctx.doc.tables.iter().filter(|t| !t.has_no_amounts()).peekable();
    if tables.peek().is_none() || !tables.all(|t| t.unit == Unit::WanYuan) {
        return false;
    }
    let count = |unit: Unit| ctx.doc.claims.iter().filter(|c| c.amount.is_some_and(|a| a.unit == unit)).count();
    count(Unit::Yuan) == 1 && count(Unit::WanYuan) >= 2
}
