use gongkai_model::{Decimal, SectionKind, Severity, TableKind};

use super::resolve::{Candidate, amount_location, resolve, subject_name, wan};
use crate::context::difference_note;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every amount the explanation text states (`一般公共预算1,008.93万元`,
    /// `基本支出927.93万元`, a per-code paragraph's `2024年预算数为3.68万元`, a
    /// structure line, 人员经费/公用经费, the “三公” figures, a project's 预算安排规模,
    /// the 机关运行经费 where a table prints it)
    /// equals the table value it names. The subject is resolved by meaning within
    /// its section (the income section's `一般公共预算` is 表1's 一般公共预算拨款 or
    /// its 一般财力 line; `基本支出` in the expenditure section is 表3's 基本支出
    /// total, in the general-budget section 表5's; a per-code paragraph is the
    /// 一般公共预算支出表 row its 类/款/项 names identify). The claim agrees when it
    /// agrees with any candidate within rounding; otherwise the nearest candidate is
    /// reported — as a warning when the difference is less than one unit of the
    /// claim's last printed digit (`17374万元` for 17,374.61: parts rounded so that
    /// they add up to their rounded total, 尾差调整). A subject the resolver does
    /// not understand is not reported.
    ///
    /// ## Why it matters
    /// The explanation is what most readers read; a figure that differs from the
    /// table was usually copied from last year's text or from a draft table, and
    /// whichever of the two is wrong, the disclosure contradicts itself.
    ///
    /// ## Example
    /// `基本支出927.93万元` in the expenditure section while 表3's 总计 row prints
    /// 927.39 in the 基本支出 column is reported with the figure in the text and the
    /// table cell as locations.
    pub struct ClaimAmount {
        id: "N101", name: "claim-amount", category: Narrative, severity: Error,
        title_zh: "说明中的每个金额与表中对应的数字一致",
        doc_zh: r#"
## 检查内容
情况说明中所写的每个金额（`一般公共预算1,008.93万元`、`基本支出927.93万元`、按科
目说明段落中的`2024年预算数为3.68万元`、结构说明的各行、人员经费和公用经费、“三
公”经费各项数字、项目的预算安排规模，以及有表列示时的机关运行经费）等于其所指的
表中数字。所指对象按其所在部分的含义确定（收入部分的`一般公共预算`是表1的一般公
共预算拨款行或其一般财力行；支出部分的`基本支出`是表3的基本支出合计，一般公共预
算拨款部分的则是表5的；按科目说明的段落对应一般公共预算支出表中由其类、款、项名
称确定的行）。与任一候选数字在舍入误差内相等即为相符；否则报告最接近的候选数字——
差额不足该金额所印最后一位的一个单位的（17,374.61 写作`17374万元`：为使各部分之
和等于舍入后的合计而凑整，即尾差调整），报告为警告。无法识别所指对象的表述不报
告。

## 为何重要
情况说明是大多数读者阅读的部分；与表中不一致的数字，通常是从上年文字或草稿表中照
抄的，无论两者哪个有误，公开文件都自相矛盾。

## 示例
支出部分写`基本支出927.93万元`，而表3总计行基本支出列为 927.39：报告，并列出文中
数字和表中单元格的位置。
"#,
    }
}

impl Rule for ClaimAmount {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for claim in &ctx.doc.claims {
            // 机关运行经费 equals 公用经费 for administrative units only: N108
            // compares it with that; here only with a table printing it.
            let agency = claim.section == SectionKind::AgencyOperating;
            // An amount whose 元 is a slip for 万元 is N112's.
            if super::is_unit_slip(ctx, claim) {
                continue;
            }
            let Some(actual) = wan(claim.amount) else { continue };
            let mut candidates = resolve(ctx, claim);
            if agency {
                candidates.retain(|c| c.table.kind == TableKind::AgencyOperatingExpenses);
            }
            if candidates.is_empty() {
                continue;
            }
            let compare = |c: &Candidate<'_>| c.compare(&ctx.tolerance, actual);
            if candidates.iter().any(|c| compare(c).agrees()) {
                continue;
            }
            let Some(nearest) = candidates.iter().min_by_key(|c| compare(c).difference.abs()) else { continue };
            let comparison = compare(nearest);
            let message = format!(
                "{}：“{}”写作 {} 万元，但{}为 {} 万元（{}）",
                ctx.section_name(claim.section),
                subject_name(claim),
                actual,
                nearest.describe(),
                nearest.shown(),
                difference_note(&comparison)
            );
            let mut locations = vec![amount_location(claim)];
            locations.extend(nearest.locations());
            // Off by less than one unit of its last printed digit (`17374` for
            // 17,374.61): parts rounded so that they add up to their rounded total
            // (尾差调整) are printed that way on purpose — not certain enough for
            // an error.
            let unit = Decimal::new(1, actual.value().scale());
            if comparison.difference.abs() < unit {
                let message = format!("{message}；差额不足末位一个单位，可能为凑整的尾差调整");
                out.push_with(ctx.finding(message, Some(&comparison), locations), Severity::Warning);
            } else {
                out.push(ctx.finding(message, Some(&comparison), locations));
            }
        }
    }
}
