use gongkai_model::{Measure, Severity, TableKind};

use super::resolve::{cell_wan, wan};
use crate::context::{cell_location, difference_note, text_location};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The 机关运行经费 stated among the other important matters equals the 公用经费
    /// total of the 一般公共预算基本支出表, within rounding.
    ///
    /// ## Why it matters
    /// For administrative units (and units managed like them) 机关运行经费 is by
    /// definition the 公用经费 paid from fiscal allocations; a different figure means
    /// one of the two is wrong. A department with public institutions (its general
    /// budget spends on a `事业运行` item, or its profile lists subordinate units)
    /// spends 公用经费 that is no 机关运行经费: a figure below the 公用经费 is then
    /// only information, one above it stays a warning. (Public institutions: a
    /// `事业运行` or `机构运行` item in the general budget, subordinate units listed
    /// or counted in the profile, or the profile's `事业单位4家` /
    /// `…中心（事业单位）`.)
    ///
    /// ## Example
    /// `机关运行经费财政拨款预算22.36万元` while 表6's 总计 row prints 22.63 in the
    /// 公用经费 column.
    pub struct OperatingCost {
        id: "N108", name: "operating-cost", category: Narrative, severity: Warning,
        title_zh: "机关运行经费与基本支出表的公用经费合计一致",
        doc_zh: r#"
## 检查内容
其他重要事项中所写的机关运行经费，在舍入误差内等于一般公共预算基本支出表的公用经
费合计。

## 为何重要
对行政单位（和参照公务员法管理的事业单位）而言，机关运行经费按定义就是用财政拨款
安排的公用经费；数字不同，说明两者之一有误。含有事业单位的部门（其一般公共预算有
`事业运行`项支出，或概况中列有下属单位），所支出的公用经费中有一部分不属于机关运
行经费：此时低于公用经费的数字仅作提示，高于公用经费的仍报告为警告。（事业单位的
认定：一般公共预算中有`事业运行`或`机构运行`项，概况中列出或写明了下属单位数，或
概况中写有`事业单位4家`、`…中心（事业单位）`。）

## 示例
`机关运行经费财政拨款预算22.36万元`，而表6总计行公用经费列为 22.63。
"#,
    }
}

impl Rule for OperatingCost {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some(cost) = &ctx.doc.other_matters.operating_cost else { return };
        let Some(actual) = wan(Some(cost.amount.value)) else { return };
        let Some((table, part)) = ctx.part(TableKind::GeneralBudgetBasicExpenditure) else { return };
        let Some(row) = part.total_row() else { return };
        let Some(column) = part.column(&Measure::PublicUse) else { return };
        let expected = cell_wan(table, row, column);
        let comparison = ctx.tolerance.same(expected, Some(actual));
        if comparison.agrees() {
            return;
        }
        // A department with public institutions spends 公用经费 that is no
        // 机关运行经费: below the 公用经费 is expected there, above it never.
        let below = expected.is_some_and(|e| actual.value() < e.value());
        let institutions = below && has_public_institutions(ctx);
        let message = format!(
            "机关运行经费情况：机关运行经费写作 {} 万元，但{} “{}”行“公用经费”列为 {} 万元（{}）",
            actual,
            table.display(),
            row.label,
            expected.map_or_else(|| "0（空）".to_owned(), |n| n.to_string()),
            difference_note(&comparison)
        );
        let locations = vec![text_location(&cost.amount.source), cell_location(table, part, row, column)];
        if institutions {
            let message = format!(
                "{message}；本部门含事业单位（一般公共预算支出有“事业运行”“机构运行”科目或概况列有下属事业单位），机关运行经费只含行政单位，低于公用经费属正常"
            );
            out.push_with(ctx.finding(message, Some(&comparison), locations), Severity::Info);
        } else {
            out.push(ctx.finding(message, Some(&comparison), locations));
        }
    }
}

/// Whether the department has public institutions (事业单位): its general
/// budget spends on a `事业运行` or `机构运行` item (the function
/// classification's running costs of public institutions and of research
/// institutes), or its profile lists or counts subordinate units, or its text
/// says how many 事业单位 it has (`事业单位4家`) or marks a unit as one
/// (`…中心（事业单位）`).
fn has_public_institutions(ctx: &Context<'_>) -> bool {
    let runs_institutions = ctx.part(TableKind::GeneralBudgetExpenditure).is_some_and(|(_, part)| {
        part.rows.iter().any(|r| {
            matches!(r.label.trim(), "事业运行" | "机构运行")
                && r.cells.iter().any(|c| c.amount.is_some_and(|a| !a.value().is_zero()))
        })
    });
    let units = &ctx.doc.profile.subordinate_units;
    // (The organisation is told in the profile, or in a section of its own
    // where a template has no profile.)
    let says_so = ctx.prose().iter().any(|t| names_institutions(&t.text));
    runs_institutions || !units.names.is_empty() || units.stated_count.is_some_and(|n| n > 0) || says_so
}

/// `事业单位4家`, `事业单位 2 个`, `…中心（事业单位）`, `（参公事业单位）`.
fn names_institutions(text: &str) -> bool {
    let folded: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    folded.match_indices("事业单位").any(|(at, w)| {
        let after = &folded[at + w.len()..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        let counted = digits > 0 && after[digits..].starts_with(['家', '个']) && !after.starts_with('0');
        let marked = after.starts_with(['）', ')']);
        counted || marked
    })
}

#[cfg(test)]
mod tests {
    use super::names_institutions;

    #[test]
    fn a_profile_naming_its_public_institutions() {
        assert!(names_institutions("本部门中，行政单位1家，参公单位1家，事业单位4家，具体包括："));
        assert!(names_institutions("某市公路管理服务中心（事业单位）、某市交通运输研究中心（参公事业单位）"));
        assert!(!names_institutions("事业单位0家"));
        assert!(!names_institutions("事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。"));
    }
}
