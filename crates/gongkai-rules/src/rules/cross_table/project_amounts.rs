use std::collections::HashMap;

use gongkai_model::{Row, RowRole, Table, TableKind, TablePart, comparison_key};

use crate::rules::cross_table::lookup::{cell, compare, total_column};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A project listed in two project tables (项目支出预算表, 项目支出绩效表,
    /// 一般公共预算项目支出表) has one amount: where two of them each print the
    /// same project once — the same project name under the same row
    /// label (the unit, or the function class it is filed under) — the project's
    /// 合计 (or 金额, 预算数) in one equals its 合计 in the other. A project
    /// printed twice in one table (the same name under one label) is compared
    /// nowhere: which row is meant is not known.
    ///
    /// ## Why it matters
    /// Templates list the projects more than once: the 项目支出预算表 by fund, a
    /// 项目支出绩效表 with each project's amount beside its targets, a 一般公共预算
    /// 项目支出表 by economic class. The amounts are copied from one budget; a
    /// project whose amounts differ was changed in one table only.
    ///
    /// ## Example
    /// 杭州市司法局's 表10 prints `杭州市西郊监狱 | 日常保障运行 | 1,179.00` and its
    /// 表11 项目支出绩效表 `杭州市西郊监狱 | 日常保障运行 | 1,179.00`: they agree. Had
    /// 表11 printed 1,180.00, the finding would point at both cells.
    pub struct ProjectAmounts {
        id: "X110", name: "project-amounts", category: CrossTable, severity: Error,
        title_zh: "同一项目在几张项目表中的金额相同",
        doc_zh: r#"
## 检查内容
列在两张项目表（项目支出预算表、项目支出绩效表、一般公共预算项目支出表）中的同一
个项目只有一个金额：其中两张表各印有同一项目一次——同一行标签（单位，或项目所归
的功能科目）下的同一项目名称——时，该项目在一张表中的合计（或金额、预算数）等于
在另一张表中的合计。同一张表中同一标签下印了两次的项目不作比较：无法知道指的是哪
一行。

## 为何重要
模板会多次列出项目：项目支出预算表按资金来源列示，项目支出绩效表在每个项目的绩效
目标旁列出金额，一般公共预算项目支出表按经济分类列示。这些金额都抄自同一份预算；
金额不一致的项目，说明只在一张表中作了改动。

## 示例
杭州市司法局的表10 印 `杭州市西郊监狱 | 日常保障运行 | 1,179.00`，表11 项目支出
绩效表印 `杭州市西郊监狱 | 日常保障运行 | 1,179.00`：两者一致。若表11 印为
1,180.00，问题将定位到这两个单元格。
"#,
    }
}

impl Rule for ProjectAmounts {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let lists: Vec<ProjectList<'_>> = ctx
            .doc
            .tables
            .iter()
            .filter(|t| matches!(t.kind, TableKind::ProjectExpenditure | TableKind::GeneralBudgetProjectExpenditure))
            .flat_map(|t| t.parts.iter().filter(|p| p.side.is_none()).map(move |p| (t, p)))
            .filter_map(|(t, p)| Some((t, p, total_column(p)?, projects(p))))
            .filter(|(_, _, _, projects)| !projects.is_empty())
            .collect();
        for (i, (ta, pa, ca, a)) in lists.iter().enumerate() {
            for (tb, pb, cb, b) in &lists[i + 1..] {
                let mut keys: Vec<&(String, String)> = a.keys().filter(|k| b.contains_key(*k)).collect();
                keys.sort();
                for key in keys {
                    compare(ctx, out, &cell(ta, pa, a[key], *ca), &[cell(tb, pb, b[key], *cb)]);
                }
            }
        }
    }
}

/// A project table's part, its amount column and its projects.
type ProjectList<'a> = (&'a Table, &'a TablePart, usize, Projects<'a>);

/// Project rows by (label, project name).
type Projects<'a> = HashMap<(String, String), &'a Row>;

/// The project rows of a part printed once each, by (label, project name).
fn projects(part: &TablePart) -> Projects<'_> {
    let mut seen: HashMap<(String, String), Option<&Row>> = HashMap::new();
    for row in part.rows.iter().filter(|r| r.role != RowRole::Total) {
        let Some(project) = row.project.as_deref().filter(|p| !p.trim().is_empty()) else { continue };
        let key = (comparison_key(&row.label), comparison_key(project));
        seen.entry(key).and_modify(|r| *r = None).or_insert(Some(row));
    }
    seen.into_iter().filter_map(|(k, r)| Some((k, r?))).collect()
}
