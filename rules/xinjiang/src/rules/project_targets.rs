use gongkai_plugin::gongkai_model::{Disclosure, Finding, Severity};
use gongkai_plugin::{Years, finding, text::project_key};

use super::support::{project_targets, projects, same_amount, target_total};

gongkai_plugin::rule! {
    /// ## What it checks
    /// Every project of 表7 一般公共预算项目支出情况表 has a 项目支出绩效目标表.
    /// A project counts as covered by a target table whose project name is the
    /// same once qualifiers such as `(县级配套)` and generic words such as `项目`,
    /// `补助` are set aside, or whose 年度预算总额 is the project's amount; each
    /// target table covers one project.
    ///
    /// ## Why it matters
    /// Xinjiang requires a target table for every project funded by fiscal
    /// allocations (非财政拨款 projects may be exempted, with the reason stated
    /// in 其他需说明的事项). A project without one has no declared performance
    /// target and cannot be evaluated.
    ///
    /// ## Example
    /// Qitai 2024: 表7 lists `2024年破产企业生活费(县级配套)` 82.46 and the target
    /// table `2024年破产企业生活费补助项目` 82.46 covers it: no finding here (the
    /// prefecture rule CJ001 of the `changji` plugin reports the differing
    /// name). A second project with no target table is reported as an error.
    pub static PROJECT_TARGET_TABLE = {
        id: "XJ003", name: "project-target-table", title: "每个财政拨款项目都应有项目支出绩效目标表",
        severity: Error, kinds: [Budget], years: Years::from(2024), check: check,
        doc_zh: r#"
## 检查内容
表7“一般公共预算项目支出情况表”中的每个项目都有项目支出绩效目标表。去掉“(县级配套)”
之类的限定语和“项目”“补助”等一般字样后项目名称相同的目标表，或年度预算总额等于该
项目金额的目标表，算作该项目的目标表；一张目标表只对应一个项目。

## 为何重要
新疆要求每个财政拨款项目都有绩效目标表（非财政拨款项目可以不填，但须在“其他需说明
的事项”中说明理由）。没有目标表的项目没有申报绩效目标，无法评价。

## 示例
奇台县 2024 年：表7 列有“2024年破产企业生活费(县级配套)”82.46，目标表
“2024年破产企业生活费补助项目”82.46 与之对应，本规则不报告（名称不同由 `changji`
插件的州级规则 CJ001 报告）。另一个没有目标表的项目报告为错误。
"#,
    };
}

fn check(doc: &Disclosure) -> Vec<Finding> {
    let targets = project_targets(doc);
    let mut used = vec![false; targets.len()];
    let projects = projects(doc);
    let mut covered = vec![false; projects.len()];
    // Names first, so that two projects of equal amount pair with their own tables.
    for (p, project) in projects.iter().enumerate() {
        let key = project_key(&project.name);
        if let Some(t) = (0..targets.len())
            .find(|&t| !used[t] && targets[t].project.as_ref().is_some_and(|n| project_key(&n.text) == key))
        {
            used[t] = true;
            covered[p] = true;
        }
    }
    for (p, project) in projects.iter().enumerate() {
        let Some(amount) = project.amount.filter(|_| !covered[p]) else { continue };
        if let Some(t) = (0..targets.len())
            .find(|&t| !used[t] && target_total(targets[t]).is_some_and(|total| same_amount(total, amount)))
        {
            used[t] = true;
            covered[p] = true;
        }
    }
    projects
        .iter()
        .zip(&covered)
        .filter(|(_, covered)| !**covered)
        .map(|(project, _)| {
            finding(
                Severity::Error,
                format!(
                    "表7项目“{}”（{}万元）没有对应的项目支出绩效目标表",
                    project.name,
                    project.amount.map_or_else(|| "金额空".to_owned(), |a| a.to_string())
                ),
                vec![project.location.clone()],
            )
        })
        .collect()
}
