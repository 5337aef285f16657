use gongkai_model::{Location, Number, Quantity, Unit};

use super::precision::majority;
use crate::context::text_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every 万元 amount of the explanation text's claims (amounts and change amounts)
    /// is printed with the number of decimals most of them use; one printed with a
    /// different number is noted. A bare `0万元` (nothing, with no rounding) is not
    /// counted.
    ///
    /// ## Why it matters
    /// Amounts in 万元 are printed to the cent (two decimals) in the tables; a text
    /// figure with fewer decimals was rounded or retyped, and may not be the table's
    /// figure.
    ///
    /// ## Example
    /// `整体预算绩效目标1个。涉及金额1,010.7万元` among two-decimal amounts is noted:
    /// 1,010.70 would match the rest of the text and the tables.
    pub struct AmountPrecision {
        id: "F102", name: "amount-precision", category: Format, severity: Info,
    }
}

impl Rule for AmountPrecision {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let mut figures: Vec<(Number, Location, String)> = Vec::new();
        let wan = |q: Option<Quantity>| q.filter(|q| q.unit == Unit::WanYuan).map(|q| q.value);
        let counted = |n: &Number| !(n.value().is_zero() && n.decimals() == 0);
        for claim in &ctx.doc.claims {
            if let (Some(value), Some(at)) = (wan(claim.amount), &claim.amount_at) {
                figures.push((value, text_location(at), format!("“{}”", claim.subject.label)));
            }
            if let Some(change) = &claim.change
                && let Some(value) = wan(change.amount)
            {
                figures.push((value, text_location(&change.source), format!("“{}”的变动额", claim.subject.label)));
            }
        }
        figures.retain(|(n, _, _)| counted(n));
        let Some((usual, count)) = majority(figures.iter().map(|(n, _, _)| n.decimals())) else { return };
        for (value, at, what) in figures {
            if value.decimals() == usual {
                continue;
            }
            let message = format!(
                "{}写作 {} 万元，保留 {} 位小数；文中多数金额（{} 处）保留 {} 位小数",
                what,
                value,
                value.decimals(),
                count,
                usual
            );
            let mut finding = ctx.finding(message, None, vec![at]);
            finding.expected = Some(format!("{usual} 位小数"));
            finding.actual = Some(format!("{value}万元"));
            out.push(finding);
        }
    }
}
