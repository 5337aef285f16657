use std::collections::BTreeMap;

use gongkai_model::{Claim, ClaimKind, Decimal, Measure, Number, TableKind};

use super::resolve::{cell_wan, section_total, top_section, wan};
use crate::context::text_location;
use crate::tolerance::half_unit;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The structure lines of one paragraph group (`1. 社会保障和就业支出（类）
    /// 933.03万元，占92.34%；2. …`) add up to 100% within the rounding of the printed
    /// shares (the sum of their half-units). The check applies only when the listed
    /// amounts cover the whole base (they add up to the section total), so a list of
    /// the largest items only is not reported.
    ///
    /// ## Why it matters
    /// A structure that adds to 98% or 103% means a share was mistyped or a 类 was
    /// left out; each share may look plausible on its own.
    ///
    /// ## Example
    /// 92.34% + 3.60% + 4.15% = 100.09%, while three two-decimal shares allow at most
    /// 0.015 points of rounding: reported on all three shares.
    pub struct StructureSharesTotal {
        id: "N106", name: "structure-shares-total", category: Narrative, severity: Warning,
        title_zh: "同一组结构说明的各项占比合计为 100%",
        doc_zh: r#"
## 检查内容
同一组段落中的结构说明各行（`1. 社会保障和就业支出（类）933.03万元，占92.34%；
2. …`）的占比合计为 100%，允许的误差为所印各占比的舍入误差（各占比末位半个单位之
和）。仅当所列金额覆盖全部基数（其和等于所在部分的总额）时才检查，因此只列出最大
几项的列表不报告。

## 为何重要
结构占比合计为 98% 或 103%，说明某个占比写错或漏列了某一类；而每个占比单独看都可
能合理。

## 示例
92.34% + 3.60% + 4.15% = 100.09%，而三个保留两位小数的占比最多只允许 0.015 个百
分点的舍入误差：在三个占比处都报告。
"#,
    }
}

impl Rule for StructureSharesTotal {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let doc = ctx.doc;
        let mut groups: BTreeMap<Option<usize>, Vec<(usize, &Claim)>> = BTreeMap::new();
        for (i, c) in doc.claims.iter().enumerate() {
            if c.kind == ClaimKind::StructureShare && c.share.is_some() {
                groups.entry(top_section(doc, c.source.line)).or_default().push((i, c));
            }
        }
        for group in groups.values().filter(|g| g.len() >= 2) {
            // Only a complete structure must add to 100%.
            let amounts: Vec<Option<Number>> = group.iter().map(|(_, c)| wan(c.amount)).collect();
            if amounts.iter().any(Option::is_none) {
                continue;
            }
            let base = section_total(doc, group[0].0).and_then(|t| wan(t.amount)).or_else(|| {
                let (table, part) = ctx.part(TableKind::GeneralBudgetExpenditure)?;
                let row = part.total_row()?;
                cell_wan(table, row, part.column(&Measure::Total)?)
            });
            let Some(base) = base else { continue };
            if !ctx.tolerance.sum(Some(base), &amounts).agrees() {
                continue;
            }
            let shares: Vec<Number> = group.iter().filter_map(|(_, c)| c.share.map(|s| s.value)).collect();
            let sum: Decimal = shares.iter().map(|s| s.value()).sum();
            let allowed: Decimal = shares.iter().map(|s| half_unit(*s)).sum::<Decimal>() + ctx.tolerance.slack;
            let difference = sum - Decimal::ONE_HUNDRED;
            if difference.abs() <= allowed {
                continue;
            }
            let listed: Vec<String> =
                group.iter().map(|(_, c)| format!("{}%", c.share.map(|s| s.value).unwrap_or_default())).collect();
            let message = format!(
                "{}：结构占比 {} 合计为 {}%，应为 100%（差 {}，舍入允许 ±{}）",
                ctx.section_name(group[0].1.section),
                listed.join(" + "),
                sum,
                difference.normalize(),
                allowed.normalize()
            );
            let locations =
                group.iter().map(|(_, c)| text_location(c.share_at.as_ref().unwrap_or(&c.source))).collect();
            let mut finding = ctx.finding(message, None, locations);
            finding.expected = Some("100%".to_owned());
            finding.actual = Some(format!("{sum}%"));
            out.push(finding);
        }
    }
}
