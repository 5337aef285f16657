use gongkai_model::{Location, Number, Quantity, Unit};

use super::precision::report_outliers;
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
        title_zh: "说明中的万元金额保留的小数位数一致",
        doc_zh: r#"
## 检查内容
情况说明文字中所述的每个万元金额（金额和增减额）保留的小数位数，应与其中多数金额
相同；小数位数不同的予以提示。单独写的`0万元`（为零，不涉及舍入）不计入。

## 为何重要
表中以万元为单位的金额保留到分（两位小数）；文中小数位数较少的数字是经过舍入或重
新录入的，可能不是表中的数字。

## 示例
在保留两位小数的金额中，`整体预算绩效目标1个。涉及金额1,010.7万元`予以提示：写作
1,010.70 才与文中其他金额和表中数字一致。
"#,
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
                figures.push((
                    value,
                    text_location(change.amount_at.as_ref().unwrap_or(&change.source)),
                    format!("“{}”的变动额", claim.subject.label),
                ));
            }
        }
        figures.retain(|(n, _, _)| counted(n));
        report_outliers(ctx, out, figures, "金额", " 万元");
    }
}
