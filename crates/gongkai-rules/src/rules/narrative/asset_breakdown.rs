use gongkai_model::{AssetLine, Number};

use super::resolve::{norm, wan};
use crate::context::{difference_note, text_location};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// In the state-assets paragraph, the 车辆 line's count and value equal the sums
    /// of its breakdown lines (`其中：一般公务用车0辆，价值0.00万元；执法执勤用车…；
    /// 其他车辆2辆，价值33.72万元`). Counts must add up exactly, values within rounding.
    /// A breakdown line is one marked as part of 车辆, or (when the importer marks
    /// none) a vehicle line that follows it before any other asset.
    ///
    /// ## Why it matters
    /// Vehicles are the assets reviewers look at first (公务用车 reform); a breakdown
    /// that does not add up hides a vehicle or misstates its value.
    ///
    /// ## Example
    /// `车辆2辆，价值33.72万元；其中：一般公务用车0辆…；其他车辆1辆，价值33.72万元`:
    /// the breakdown counts 1 vehicle, not 2.
    pub struct AssetBreakdown {
        id: "N111", name: "asset-breakdown", category: Narrative, severity: Error,
        title_zh: "国有资产说明中车辆的数量和价值等于各分项之和",
        doc_zh: r#"
## 检查内容
国有资产占用情况段落中，“车辆”一项的数量和价值等于其各分项之和（`其中：一般公务
用车0辆，价值0.00万元；执法执勤用车…；其他车辆2辆，价值33.72万元`）。数量须完全
相等，价值在舍入误差内相等。分项是标明属于“车辆”的项目，或（读取文件时未标明任何
分项的）紧随其后、在其他资产之前出现的各车辆项目。

## 为何重要
车辆是审核人员最先关注的资产（公务用车制度改革）；分项之和与总数不符，说明漏列了
车辆或价值有误。

## 示例
`车辆2辆，价值33.72万元；其中：一般公务用车0辆…；其他车辆1辆，价值33.72万元`：分
项合计为 1 辆，而不是 2 辆。
"#,
    }
}

fn is_vehicle(line: &AssetLine) -> bool {
    let n = norm(&line.name);
    n.ends_with('车') || n.ends_with("车辆") || n.ends_with("用车")
}

impl Rule for AssetBreakdown {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(assets) = &ctx.doc.other_matters.assets else { return };
        let lines = &assets.lines;
        for (i, parent) in lines.iter().enumerate() {
            if norm(&parent.name) != "车辆" || parent.part_of.is_some() {
                continue;
            }
            let marked: Vec<&AssetLine> =
                lines.iter().filter(|l| l.part_of.as_deref().is_some_and(|p| norm(p) == "车辆")).collect();
            let children: Vec<&AssetLine> = if !marked.is_empty() {
                marked
            } else {
                // The vehicle lines that follow it, up to the next asset that is not a
                // vehicle. Not "on the same line": a page break may split the
                // sentence, and the importer re-joins it, so the breakdown's figures
                // can stand on the next printed line.
                lines[i + 1..]
                    .iter()
                    .take_while(|l| is_vehicle(l) && l.part_of.is_none() && norm(&l.name) != "车辆")
                    .collect()
            };
            if children.is_empty() {
                continue;
            }
            let names: Vec<&str> = children.iter().map(|c| c.name.as_str()).collect();
            // Counts: exact integers.
            if let Some(q) = &parent.quantity
                && children.iter().all(|c| c.quantity.is_some())
            {
                let sum: Number =
                    Number(children.iter().filter_map(|c| c.quantity.as_ref()).map(|f| f.value.value.value()).sum());
                if sum.value() != q.value.value.value() {
                    let parts: Vec<String> = children
                        .iter()
                        .filter_map(|c| c.quantity.as_ref().map(|f| format!("{} {}", c.name, f.value.value)))
                        .collect();
                    let message = format!(
                        "国有资产占用情况：车辆写作 {} 辆，但其中{} 合计 {} 辆",
                        q.value.value,
                        parts.join(" + "),
                        sum
                    );
                    let mut locations = vec![text_location(&q.source)];
                    locations
                        .extend(children.iter().filter_map(|c| c.quantity.as_ref()).map(|f| text_location(&f.source)));
                    let mut finding = ctx.finding(message, None, locations);
                    finding.expected = Some(sum.to_string());
                    finding.actual = Some(q.value.value.to_string());
                    out.push(finding);
                }
            }
            // Values: within rounding.
            if let Some(v) = &parent.value {
                let parts: Vec<Option<Number>> =
                    children.iter().map(|c| wan(c.value.as_ref().map(|f| f.value))).collect();
                if children.iter().any(|c| c.value.is_some()) {
                    let comparison = ctx.tolerance.sum(wan(Some(v.value)), &parts);
                    if !comparison.agrees() {
                        let message = format!(
                            "国有资产占用情况：车辆价值写作 {} 万元，但其中{}的价值合计 {} 万元（{}）",
                            v.value.value,
                            names.join("、"),
                            comparison.expected,
                            difference_note(&comparison)
                        );
                        let mut locations = vec![text_location(&v.source)];
                        locations
                            .extend(children.iter().filter_map(|c| c.value.as_ref()).map(|f| text_location(&f.source)));
                        out.push(ctx.finding(message, Some(&comparison), locations));
                    }
                }
            }
        }
    }
}
