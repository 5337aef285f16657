use gongkai_model::Direction;

use super::resolve::subject_name;
use crate::context::text_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// In a year-on-year change the direction word of the amount and that of the
    /// rate agree: 增加 goes with 增长 (or 上升), 减少 with 下降 (or 降低).
    /// `增加0.00万元，增长0.00%` is fine, whatever the words, when both figures are zero;
    /// a change where either word means no change (持平) is not checked.
    ///
    /// ## Why it matters
    /// `减少10.51万元，增长34.86%` cannot both be true; one of the words was left
    /// over from last year's sentence, and the reader cannot tell which direction the
    /// budget moved.
    ///
    /// ## Example
    /// `比上年预算减少11.74万元，增长3.02%` is reported on the change clause: the
    /// amount decreases while the rate says it grew.
    pub struct DirectionWords {
        id: "N104", name: "direction-words", category: Narrative, severity: Error,
        title_zh: "增减额与增长率的方向用词一致（增加对增长，减少对下降）",
        doc_zh: r#"
## 检查内容
与上年相比的增减变化中，增减额的方向用词与增长率的方向用词一致：“增加”对应“增长”
（或“上升”），“减少”对应“下降”（或“降低”）。`增加0.00万元，增长0.00%`这类两个数
字均为零的，无论用什么词都相符；任一用词表示持平的，不核对。

## 为何重要
`减少10.51万元，增长34.86%`不可能同时成立；其中一个词是上年句子留下来的，读者无
法判断预算究竟是增是减。

## 示例
`比上年预算减少11.74万元，增长3.02%`在该增减分句处报告：金额减少，增长率却说增长
了。
"#,
    }
}

fn word(d: Direction, rate: bool) -> &'static str {
    match (d, rate) {
        (Direction::Up, false) => "增加",
        (Direction::Up, true) => "增长",
        (Direction::Down, false) => "减少",
        (Direction::Down, true) => "下降",
        (Direction::Flat, _) => "持平",
    }
}

impl Rule for DirectionWords {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for claim in &ctx.doc.claims {
            let Some(change) = &claim.change else { continue };
            let (Some(amount_dir), Some(rate_dir)) = (change.direction, change.rate_direction) else { continue };
            if amount_dir == rate_dir || amount_dir == Direction::Flat || rate_dir == Direction::Flat {
                continue;
            }
            let zero = |q: Option<gongkai_model::Quantity>| q.is_none_or(|q| q.value.value().is_zero());
            if zero(change.amount) && zero(change.rate) {
                continue;
            }
            let message = format!(
                "{}：“{}”的变动额写作“{}”，变动率却写作“{}”，两者方向相反",
                ctx.section_name(claim.section),
                subject_name(claim),
                word(amount_dir, false),
                word(rate_dir, true)
            );
            let mut finding = ctx.finding(message, None, vec![text_location(&change.source)]);
            finding.expected = Some(word(amount_dir, true).to_owned());
            finding.actual = Some(word(rate_dir, true).to_owned());
            out.push(finding);
        }
    }
}
