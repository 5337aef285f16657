use gongkai_model::{Figure, Severity};

use super::resolve::wan;
use crate::context::{difference_note, text_location};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The government procurement paragraph adds up: 采购预算 total = 货物 + 工程 +
    /// 服务 (within rounding), where at least one of the three is printed. As warnings:
    /// the amount reserved for small and medium
    /// enterprises (面向中小企业预留) does not exceed the total, and the part reserved
    /// for small and micro enterprises (小微企业预留) does not exceed the SME part.
    ///
    /// ## Why it matters
    /// The procurement budget is reported to the procurement supervisors in exactly
    /// these parts; a total that is not the sum of its parts, or a reservation larger
    /// than what it is reserved from, cannot be right.
    ///
    /// ## Example
    /// `采购预算10.89万元，其中：货物4.45万元，工程0.00万元，服务6.54万元`:
    /// 4.45 + 0.00 + 6.54 = 10.99, not 10.89.
    pub struct ProcurementParts {
        id: "N109", name: "procurement-parts", category: Narrative, severity: Error,
        title_zh: "政府采购预算合计等于货物、工程、服务之和，预留中小企业的份额不超过总额",
        doc_zh: r#"
## 检查内容
政府采购情况段落中的各项数字相互吻合：采购预算总额 = 货物 + 工程 + 服务（在舍入
误差内），三项中至少写出一项时才核对。另以警告级别检查以下两项：面向中小企业预留的金额不超过总额，其中面向小
微企业预留的部分不超过面向中小企业预留的金额。

## 为何重要
采购预算正是按这几部分报送政府采购监管部门的；合计不等于各部分之和，或预留金额大
于其所从中预留的金额，都不可能正确。

## 示例
`采购预算10.89万元，其中：货物4.45万元，工程0.00万元，服务6.54万元`：
4.45 + 0.00 + 6.54 = 10.99，而不是 10.89。
"#,
    }
}

impl Rule for ProcurementParts {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(p) = &ctx.doc.other_matters.procurement else { return };
        let value = |f: &Option<Figure>| f.as_ref().and_then(|f| wan(Some(f.value)));
        if let Some(total) = &p.total {
            let parts = [&p.goods, &p.works, &p.services];
            if parts.iter().any(|f| f.is_some()) {
                let comparison = ctx.tolerance.sum(value(&p.total), &parts.map(value));
                if !comparison.agrees() {
                    let show = |f: &Option<Figure>| value(f).map_or_else(|| "未列".to_owned(), |n| n.to_string());
                    let message = format!(
                        "政府采购情况：采购预算写作 {} 万元，但货物 {} + 工程 {} + 服务 {} = {} 万元（{}）",
                        show(&p.total),
                        show(&p.goods),
                        show(&p.works),
                        show(&p.services),
                        comparison.expected,
                        difference_note(&comparison)
                    );
                    let mut locations = vec![text_location(&total.source)];
                    locations.extend(parts.iter().filter_map(|f| f.as_ref()).map(|f| text_location(&f.source)));
                    out.push(ctx.finding(message, Some(&comparison), locations));
                }
            }
        }
        let bounds = [
            (&p.sme_reserved, &p.total, "面向中小企业预留", "采购预算总额"),
            (&p.small_micro_reserved, &p.sme_reserved, "小微企业预留", "面向中小企业预留金额"),
        ];
        for (part, whole, part_name, whole_name) in bounds {
            let (Some(part), Some(whole)) = (part.as_ref(), whole.as_ref()) else { continue };
            let (Some(pv), Some(wv)) = (wan(Some(part.value)), wan(Some(whole.value))) else { continue };
            let comparison = ctx.tolerance.same(Some(wv), Some(pv));
            if pv.value() <= wv.value() || comparison.agrees() {
                continue;
            }
            let message = format!(
                "政府采购情况：{}写作 {} 万元，超过{} {} 万元（{}）",
                part_name,
                pv,
                whole_name,
                wv,
                difference_note(&comparison)
            );
            let locations = vec![text_location(&part.source), text_location(&whole.source)];
            let mut finding = ctx.finding(message, None, locations);
            finding.expected = Some(format!("<= {wv}"));
            finding.actual = Some(pv.to_string());
            out.push_with(finding, Severity::Warning);
        }
    }
}
