use gongkai_model::{Level, Measure, Row, RowRole, Scheme, TableKind};

use crate::rules::cross_table::lookup::{Term, cell, compare, total_column};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// In the basic-expenditure table (一般公共预算基本支出表, 表6), the 总计 row's
    /// 人员经费 equals the 合计 of the economic 类 rows 301 工资福利支出 + 303 对个人和
    /// 家庭的补助, and its 公用经费 equals the 合计 of the other 类 rows (302 商品和服务
    /// 支出, and 310 资本性支出 etc. where present). Only department economic codes
    /// (3xx) are read; a table in another classification is left alone, and so is
    /// one whose own rows split a class otherwise (a 302 row with 人员经费: a
    /// province's definition of personnel costs, not the national one). A table
    /// printed in panels side by side (人员经费 | 公用经费, the 决算 template's)
    /// has no such columns but a line of each panel's own total
    /// (`人员经费合计`, `公用经费合计`): those lines are held to the same classes.
    ///
    /// ## Why it matters
    /// 人员经费 and 公用经费 are defined by economic class; a split that does not
    /// follow the classes misstates personnel costs, which the explanation and the
    /// 机关运行经费 figure repeat.
    ///
    /// ## Example
    /// 表6 prints 人员经费 905.30 and 公用经费 22.63. Changing 303 对个人和家庭的补助 to
    /// 399.32 makes 301 + 303 = 905.39, 0.09 more than 人员经费.
    pub struct PersonnelPublicSplit {
        id: "X106", name: "personnel-public-split", category: CrossTable, severity: Error,
        title_zh: "基本支出表中人员经费、公用经费与经济分类各类的合计一致",
        doc_zh: r#"
## 检查内容
在一般公共预算基本支出表（表6）中，总计行的人员经费 = 经济分类 301 工资福利支
出、303 对个人和家庭的补助两个类行的合计之和，公用经费 = 其他各类行（302 商品和
服务支出，以及列有的 310 资本性支出等）的合计之和。只读取部门预算支出经济分类编
码（3 开头）；采用其他分类的表不作检查；表中各行自身对某类另有划分的（如 302 行
列有人员经费：这是某省自己的人员经费口径，不是全国口径），也不作检查。分栏并排印
出的表（人员经费 | 公用经费，决算模板的格式）没有这两列，而是各栏有自己的合计行
（`人员经费合计`、`公用经费合计`）：这些行按同样的类核对。

## 为何重要
人员经费和公用经费按经济分类界定；不按分类划分，就会错报人员经费，而情况说明和机
关运行经费都会重复这个数字。

## 示例
表6 印人员经费 905.30、公用经费 22.63。把 303 对个人和家庭的补助改为 399.32，则
301 + 303 = 905.39，比人员经费多 0.09。
"#,
    }
}

impl Rule for PersonnelPublicSplit {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let Some((t, p)) = ctx.part(TableKind::GeneralBudgetBasicExpenditure) else { return };
        let Some(c) = total_column(p) else { return };
        let lei: Vec<&Row> = p
            .rows
            .iter()
            .filter(|r| {
                r.code.as_ref().is_some_and(|c| c.level() == Level::Lei && c.scheme() == Scheme::EconomicDepartment)
            })
            .collect();
        if lei.is_empty()
            || lei.iter().any(|r| r.code.as_ref().is_some_and(|c| c.scheme() != Scheme::EconomicDepartment))
        {
            return;
        }
        let personnel = |r: &Row| r.code.as_ref().is_some_and(|c| matches!(c.as_str(), "301" | "303"));
        let people: Vec<Term> = lei.iter().filter(|r| personnel(r)).map(|r| cell(t, p, r, c)).collect();
        let public: Vec<Term> = lei.iter().filter(|r| !personnel(r)).map(|r| cell(t, p, r, c)).collect();
        let (Some(total), Some(pe), Some(pu)) =
            (p.total_row(), p.column(&Measure::Personnel), p.column(&Measure::PublicUse))
        else {
            // Panels: each panel's total line against its classes.
            let line = |m: Measure| p.rows.iter().find(|r| r.role == RowRole::Line && r.measure == Some(m.clone()));
            for (m, terms) in [(Measure::Personnel, &people), (Measure::PublicUse, &public)] {
                if let Some(row) = line(m) {
                    compare(ctx, out, &cell(t, p, row, c), terms);
                }
            }
            return;
        };
        // A table whose own rows put money of a 公用 class under 人员经费 (陕西
        // counts part of 302 as personnel) or the reverse splits by another
        // definition than the national one: it is not this rule's to judge.
        let nonzero = |r: &Row, col: usize| r.amount(col).is_some_and(|n| !n.value().is_zero());
        if lei.iter().any(|r| if personnel(r) { nonzero(r, pu) } else { nonzero(r, pe) }) {
            return;
        }
        compare(ctx, out, &cell(t, p, total, pe), &people);
        compare(ctx, out, &cell(t, p, total, pu), &public);
    }
}
