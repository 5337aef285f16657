//! CJ001: each project's target table carries the project's own name and amount.

use gongkai_plugin::gongkai_model::{
    Disclosure, Finding, Location, Measure, Number, PerformanceTargets, RowRole, Severity, TableKind, TargetScope,
};
use gongkai_plugin::text::{normalize, project_key};
use gongkai_plugin::{Years, finding};

gongkai_plugin::rule! {
    /// ## What it checks
    /// Every project of 表7 一般公共预算项目支出情况表 has its own
    /// 项目支出绩效目标表 with the same amount (年度预算总额 = 项目支出合计) and the
    /// same project name once blanks, quotes and bracket width are normalised.
    /// Projects and target tables are paired by name (exact, then ignoring
    /// qualifiers like `(县级配套)` and words like `项目`, `补助`), then by amount.
    ///
    /// | pairing | reported |
    /// |---|---|
    /// | same name, same amount | nothing |
    /// | name differs, amount equal | **warning**: the names should be unified |
    /// | same (or nearly the same) name, amount differs | **error** |
    /// | no target table pairs with the project | **error** |
    ///
    /// ## Why it matters
    /// Changji's finance bureau matches target tables to budget lines by project
    /// name and amount when it reviews and later evaluates them. An equal amount
    /// under another name is most likely the same project retitled (a warning:
    /// the pairing is probable, not proven); a differing amount means the targets
    /// were declared for a different budget than the one published.
    ///
    /// ## Example
    /// Qitai 2024: 表7 has `2024年破产企业生活费(县级配套)` 82.46 and the target
    /// table is titled `2024年破产企业生活费补助项目` 82.46 — one warning, naming
    /// both names and the amount.
    pub static PROJECT_TARGET_MATCH = {
        id: "CJ001", name: "project-target-match", title: "项目支出绩效目标表应与表7项目同名同金额",
        severity: Warning, kinds: [Budget], years: Years::from(2024), check: check,
        doc_zh: r#"
## 检查内容
表7“一般公共预算项目支出情况表”中的每个项目，都有一张自己的项目支出绩效目标表，
金额相同（年度预算总额 = 项目支出合计），项目名称在去掉空格、统一引号和括号宽度后
也相同。项目与目标表先按名称配对（先完全相同，再忽略“(县级配套)”之类的限定语和
“项目”“补助”等字样），再按金额配对。

| 配对情况 | 报告 |
|---|---|
| 名称相同，金额相同 | 不报告 |
| 名称不同，金额相同 | **警告**：名称应统一 |
| 名称相同（或几乎相同），金额不同 | **错误** |
| 没有目标表与该项目配对 | **错误** |

## 为何重要
昌吉州财政局审核以及事后评价时，按项目名称和金额把目标表与预算项目对应起来。
金额相同而名称不同，多半是同一项目换了名称（报警告：配对很可能成立，但不能证明）；
金额不同，说明绩效目标申报所依据的预算与公开的预算不是同一个。

## 示例
奇台县 2024 年：表7 列有“2024年破产企业生活费(县级配套)”82.46，目标表题为
“2024年破产企业生活费补助项目”82.46，报告一条警告，写明两个名称和金额。
"#,
    };
}

/// A project of 表7.
struct Project {
    name: String,
    amount: Option<Number>,
    location: Location,
}

fn projects(doc: &Disclosure) -> Vec<Project> {
    let Some(table) =
        doc.table(TableKind::GeneralBudgetProjectExpenditure).or_else(|| doc.table(TableKind::ProjectExpenditure))
    else {
        return Vec::new();
    };
    let Some(part) = table.main() else { return Vec::new() };
    let total = part.column(&Measure::Total).unwrap_or(0);
    part.rows
        .iter()
        .filter(|r| r.role == RowRole::Item)
        .filter_map(|r| {
            let name = r.project.clone()?;
            let location = Location {
                at: r.cells.get(total).and_then(|c| c.at.clone()).unwrap_or_else(|| r.source.clone()),
                table: Some(table.kind),
                row: Some(r.code.as_ref().map_or_else(|| name.clone(), |c| format!("{c}/{name}"))),
                ..Location::default()
            };
            Some(Project { name, amount: r.amount(total), location })
        })
        .collect()
}

fn total(t: &PerformanceTargets) -> Option<Number> {
    t.funding.iter().find(|f| f.is_total).and_then(|f| f.amount.value.in_wan_yuan())
}

fn name(t: &PerformanceTargets) -> &str {
    t.project.as_ref().map_or("", |p| p.text.as_str())
}

fn target_location(t: &PerformanceTargets) -> Location {
    let at = t.project.as_ref().map_or_else(|| t.title.source.clone(), |p| p.source.clone());
    Location { at, ..Location::default() }
}

fn show(amount: Option<Number>) -> String {
    amount.map_or_else(|| "空".to_owned(), |a| a.to_string())
}

fn same(a: Option<Number>, b: Option<Number>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.value() == b.value())
}

/// A way of pairing a project with a target table.
type Pairing<'a> = &'a dyn Fn(&Project, &PerformanceTargets) -> bool;

fn check(doc: &Disclosure) -> Vec<Finding> {
    let targets: Vec<&PerformanceTargets> =
        doc.performance_targets.iter().filter(|t| t.scope == TargetScope::Project).collect();
    let projects = projects(doc);
    let mut pair: Vec<Option<usize>> = vec![None; projects.len()];
    let mut used = vec![false; targets.len()];
    // Three passes, strictest first, so that a loose pairing never takes the
    // table an exact one needs.
    let passes: [Pairing; 3] = [
        &|p, t| normalize(&p.name) == normalize(name(t)),
        &|p, t| project_key(&p.name) == project_key(name(t)),
        &|p, t| same(p.amount, total(t)),
    ];
    for matches in passes {
        for (i, project) in projects.iter().enumerate() {
            if pair[i].is_some() {
                continue;
            }
            if let Some(j) = (0..targets.len()).find(|&j| !used[j] && matches(project, targets[j])) {
                used[j] = true;
                pair[i] = Some(j);
            }
        }
    }
    let mut out = Vec::new();
    for (project, paired) in projects.iter().zip(pair) {
        let Some(target) = paired.map(|j| targets[j]) else {
            out.push(finding(
                Severity::Error,
                format!("表7项目“{}”（{}万元）没有同名同金额的项目支出绩效目标表", project.name, show(project.amount)),
                vec![project.location.clone()],
            ));
            continue;
        };
        let same_name = normalize(&project.name) == normalize(name(target));
        let same_amount = same(project.amount, total(target));
        let locations = vec![project.location.clone(), target_location(target)];
        let mut f = match (same_name, same_amount) {
            (true, true) => continue,
            (false, true) => finding(
                Severity::Warning,
                format!(
                    "表7项目“{}”与其绩效目标表的项目名称“{}”不一致（金额同为{}万元），应统一项目名称",
                    project.name,
                    name(target),
                    show(project.amount)
                ),
                locations,
            ),
            (_, false) => finding(
                Severity::Error,
                format!(
                    "表7项目“{}”金额{}万元，其绩效目标表“{}”年度预算总额为{}万元，金额不一致",
                    project.name,
                    show(project.amount),
                    name(target),
                    show(total(target))
                ),
                locations,
            ),
        };
        f.expected = Some(if same_amount { project.name.clone() } else { show(project.amount) });
        f.actual = Some(if same_amount { name(target).to_owned() } else { show(total(target)) });
        out.push(f);
    }
    out
}
