use gongkai_model::{ClassCode, Measure, TableKind};

use crate::rules::cross_table::lookup::{Term, absent, cell, codes, compare, prints_level, row_of, total_column};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The general-budget project table (一般公共预算项目支出表, 表7) rolls up by
    /// function code to the 项目支出 column of the general-budget table (表5): for
    /// every function code printed in either table, 表5's 项目支出 equals 表7's row of
    /// that code (its printed subtotal), or — where 表7 prints only project rows —
    /// the sum of the 项目支出合计 of the projects under that code.
    ///
    /// ## Why it matters
    /// 表7 lists the projects behind 表5's project money; a code whose projects do
    /// not add up to 表5 has a project missing, duplicated or filed under the wrong
    /// function code.
    ///
    /// ## Example
    /// 表7's project `2024年破产企业生活费(县级配套)` under 2080699 prints 82.64 while 表5
    /// gives 2080699 项目支出 82.46.
    pub struct ProjectRollup {
        id: "X107", name: "project-rollup", category: CrossTable, severity: Error,
        title_zh: "项目支出表按功能科目汇总，等于一般公共预算支出表的项目支出",
        doc_zh: r#"
## 检查内容
一般公共预算项目支出表（表7）按功能科目汇总，应等于一般公共预算支出表（表5）的项
目支出列：对两张表中任一张印出的每个功能科目编码，表5 的项目支出 = 表7 中该编码
的行（其印出的小计），或者——表7 只列项目行时——该编码下各项目的项目支出合计之
和。

## 为何重要
表7 列出表5 项目支出背后的各个项目；某个科目下各项目之和与表5 不符，说明漏列、重
列了项目，或项目归错了功能科目。

## 示例
表7 中 2080699 下的项目 `2024年破产企业生活费(县级配套)` 印为 82.64，而表5 中
2080699 的项目支出为 82.46。
"#,
    }
}

impl Rule for ProjectRollup {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let (Some((t5, p5)), Some((t7, p7))) =
            (ctx.part(TableKind::GeneralBudgetExpenditure), ctx.part(TableKind::GeneralBudgetProjectExpenditure))
        else {
            return;
        };
        let (Some(c5), Some(c7)) = (p5.column(&Measure::Project), total_column(p7)) else { return };
        let mut all: Vec<&ClassCode> = codes(p5);
        let project_codes = p7.rows.iter().filter(|r| r.project.is_some()).filter_map(|r| r.code.as_ref());
        for code in codes(p7).into_iter().chain(project_codes) {
            if !all.contains(&code) {
                all.push(code);
            }
        }
        for code in all {
            if code.scheme() != gongkai_model::Scheme::Function {
                continue;
            }
            let five = match row_of(p5, code) {
                Some(row) => cell(t5, p5, row, c5),
                None if prints_level(p5, code) => absent(t5, code, "科目"),
                None => continue,
            };
            let seven: Vec<Term> = match row_of(p7, code) {
                Some(row) => vec![cell(t7, p7, row, c7)],
                None => {
                    let projects: Vec<Term> = p7
                        .rows
                        .iter()
                        .filter(|r| r.project.is_some() && r.code.as_ref().is_some_and(|c| c.is_within(code)))
                        .map(|r| cell(t7, p7, r, c7))
                        .collect();
                    if projects.is_empty() { vec![absent(t7, code, "科目的项目")] } else { projects }
                }
            };
            compare(ctx, out, &five, &seven);
        }
    }
}
