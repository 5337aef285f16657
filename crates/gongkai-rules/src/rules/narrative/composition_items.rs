use gongkai_model::{ClaimKind, Level, Measure, TableKind};

use super::resolve::norm;
use crate::context::{cell_location, text_location};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The lists of what 人员经费 and 公用经费 “mainly include”
    /// (`人员经费905.30万元，主要包括：基本工资、津贴补贴、…`) name exactly the 款 of
    /// the 一般公共预算基本支出表 with a non-zero amount in the 人员经费 / 公用经费
    /// column (names compared with brackets and width normalised; a list of the 类
    /// instead of the 款 is accepted too). Missing and extra names are reported.
    ///
    /// ## Why it matters
    /// The list tells the reader what the money is spent on; a list copied from last
    /// year names spending that no longer exists or omits new spending.
    ///
    /// ## Example
    /// 公用经费 lists `办公费、印刷费、…、培训费`, while 表6 prints a 30201 办公费 row
    /// (4.79 万元) and the others listed, no 30216 培训费 row, and a 30228 工会经费
    /// row (6.13 万元) that the list omits: `培训费` is reported as extra and
    /// `工会经费` as missing.
    pub struct CompositionItems {
        id: "N107", name: "composition-items", category: Narrative, severity: Warning,
        title_zh: "人员经费、公用经费“主要包括”所列的款与基本支出表相符",
        doc_zh: r#"
## 检查内容
人员经费和公用经费“主要包括”所列的内容（`人员经费905.30万元，主要包括：基本工
资、津贴补贴、…`），应恰好是一般公共预算基本支出表中人员经费列或公用经费列金额不
为零的各款（名称比较时统一括号和全角半角；列出的是各类而不是各款的，也予认可）。
缺少的和多出的名称都予以报告。

## 为何重要
所列内容告诉读者钱用在了哪里；照抄上年的列表，会列出已不存在的支出，或漏掉新增的
支出。

## 示例
公用经费列有`办公费、印刷费、…、培训费`，而表6印有 30201 办公费行（4.79 万元）
和所列的其他各行，没有 30216 培训费行，另有列表漏掉的 30228 工会经费行（6.13 万元）：
报告`培训费`为多列，`工会经费`为漏列。
"#,
    }
}

impl Rule for CompositionItems {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some((table, part)) = ctx.part(TableKind::GeneralBudgetBasicExpenditure) else { return };
        for claim in ctx.doc.claims.iter().filter(|c| c.kind == ClaimKind::Composition && !c.items.is_empty()) {
            let label = norm(&claim.subject.label);
            let measure = if label.contains("人员经费") {
                Measure::Personnel
            } else if label.contains("公用经费") {
                Measure::PublicUse
            } else {
                continue;
            };
            let Some(column) = part.column(&measure) else { continue };
            let rows_at = |level: Level| {
                part.rows
                    .iter()
                    .filter(move |r| r.code.as_ref().is_some_and(|c| c.level() == level))
                    .filter(move |r| r.amount(column).is_some_and(|a| !a.value().is_zero()))
                    .collect::<Vec<_>>()
            };
            let items: Vec<String> = claim.items.iter().map(|i| norm(i)).collect();
            let classes = rows_at(Level::Lei);
            if !classes.is_empty()
                && classes.len() == items.len()
                && classes.iter().all(|r| items.contains(&norm(&r.label)))
            {
                continue;
            }
            let rows = rows_at(Level::Kuan);
            if rows.is_empty() {
                continue;
            }
            let missing: Vec<_> = rows.iter().filter(|r| !items.contains(&norm(&r.label))).collect();
            let names: Vec<String> = rows.iter().map(|r| norm(&r.label)).collect();
            let extra: Vec<&String> =
                claim.items.iter().zip(&items).filter(|(_, n)| !names.contains(n)).map(|(i, _)| i).collect();
            if missing.is_empty() && extra.is_empty() {
                continue;
            }
            let mut parts = Vec::new();
            if !missing.is_empty() {
                let m: Vec<String> = missing
                    .iter()
                    .map(|r| format!("{} {}", r.code.as_ref().map(|c| c.to_string()).unwrap_or_default(), r.label))
                    .collect();
                parts.push(format!("缺少表中有金额的 {}", m.join("、")));
            }
            if !extra.is_empty() {
                let e: Vec<&str> = extra.iter().map(|s| s.as_str()).collect();
                parts.push(format!("多出表中没有金额的 {}", e.join("、")));
            }
            let message = format!(
                "{}：{}“主要包括”所列项目与{}“{}”列的款级科目不一致：{}",
                ctx.section_name(claim.section),
                claim.subject.label,
                table.display(),
                measure.name_zh(),
                parts.join("；")
            );
            let mut locations = vec![text_location(&claim.source)];
            locations.extend(missing.iter().map(|r| cell_location(table, part, r, column)));
            let mut finding = ctx.finding(message, None, locations);
            finding.expected = Some(rows.iter().map(|r| r.label.as_str()).collect::<Vec<_>>().join("、"));
            finding.actual = Some(claim.items.join("、"));
            out.push(finding);
        }
    }
}
