use crate::context::text_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The staffing sentence of the unit profile adds up: 实有人数 = 在职 + 退休 + 离休.
    /// A sentence that does not print the 在职 count is not checked.
    ///
    /// ## Why it matters
    /// Personnel costs (人员经费) are budgeted per head; a head count that does not
    /// add up casts doubt on every personnel figure and is a common copy error when
    /// last year's sentence is reused.
    ///
    /// ## Example
    /// `实有人数38人，其中：在职29人…；退休8人…；离休0人` gives 29 + 8 + 0 = 37, not 38.
    pub struct StaffingSum {
        id: "P101", name: "staffing-sum", category: Profile, severity: Error,
        title_zh: "概况中的人员数：实有人数等于在职、退休、离休人数之和",
        doc_zh: r#"
## 检查内容
单位概况中的人员数相互吻合：实有人数 = 在职 + 退休 + 离休。没有写出在职人数的，不核对。

## 为何重要
人员经费按人数测算；人数对不上，会让人怀疑所有人员经费数字，而这也是沿用上年句子
时常见的照抄错误。

## 示例
`实有人数38人，其中：在职29人…；退休8人…；离休0人`：29 + 8 + 0 = 37，而不是 38。
"#,
    }
}

impl Rule for StaffingSum {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let s = &ctx.doc.profile.staffing;
        let Some(actual) = &s.actual else { return };
        let parts = [&s.in_service, &s.retired, &s.retired_veteran];
        // Without the in-service count the breakdown is not of 实有人数: many
        // documents give 实有人数 for serving staff and the retired apart
        // (“实有人数1133人，其中机关58人，事业单位1075人。离退休人员956人”).
        if s.in_service.is_none() {
            return;
        }
        let sum: u32 = parts.iter().flat_map(|p| p.as_ref()).map(|p| p.count).sum();
        if sum == actual.count {
            return;
        }
        let show =
            |p: &Option<gongkai_model::HeadCount>| p.as_ref().map_or("未列".to_owned(), |h| h.count.to_string());
        let message = format!(
            "人员情况：实有人数为 {} 人，但在职 {} + 退休 {} + 离休 {} = {} 人",
            actual.count,
            show(&s.in_service),
            show(&s.retired),
            show(&s.retired_veteran),
            sum
        );
        let mut finding = ctx.finding(message, None, vec![text_location(&actual.source)]);
        finding.expected = Some(sum.to_string());
        finding.actual = Some(actual.count.to_string());
        finding.locations.extend(parts.iter().flat_map(|p| p.as_ref()).map(|p| text_location(&p.source)));
        out.push(finding);
    }
}
