use gongkai_model::{Location, Number};

use super::precision::report_outliers;
use crate::context::text_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every percentage of the explanation text's claims (shares `占99.82%` and
    /// growth rates `增长14.65%`) is printed with the number of decimals most of them
    /// use; one printed with a different number is noted.
    ///
    /// ## Why it matters
    /// A percentage with fewer decimals is less precise than its neighbours and
    /// usually marks a figure typed by hand rather than computed; the MoF templates
    /// print two decimals.
    ///
    /// ## Example
    /// Among two-decimal rates, `比上年预算增加3.79万元，增长10.2%` is noted: 10.2 has
    /// one decimal (10.20 would match the rest).
    pub struct PercentPrecision {
        id: "F101", name: "percent-precision", category: Format, severity: Info,
        title_zh: "说明中的百分比保留的小数位数一致",
        doc_zh: r#"
## 检查内容
情况说明文字中所述的每个百分比（占比`占99.82%`和增长率`增长14.65%`）保留的小数位
数，应与其中多数百分比相同；小数位数不同的予以提示。

## 为何重要
小数位数较少的百分比比相邻的数字精度低，通常说明是手工填写而非计算得出的；财政部
的模板保留两位小数。

## 示例
在保留两位小数的比率中，`比上年预算增加3.79万元，增长10.2%`予以提示：10.2 只有一
位小数（写作 10.20 才与其他一致）。
"#,
    }
}

impl Rule for PercentPrecision {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let mut figures: Vec<(Number, Location, String)> = Vec::new();
        for claim in &ctx.doc.claims {
            if let (Some(share), Some(at)) = (claim.share, &claim.share_at) {
                figures.push((share.value, text_location(at), format!("“{}”的占比", claim.subject.label)));
            }
            if let Some(change) = &claim.change
                && let Some(rate) = change.rate
            {
                figures.push((
                    rate.value,
                    text_location(change.rate_at.as_ref().unwrap_or(&change.source)),
                    format!("“{}”的变动率", claim.subject.label),
                ));
            }
        }
        report_outliers(ctx, out, figures, "百分比", "%");
    }
}
