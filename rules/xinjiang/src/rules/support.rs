//! What several rules need: locations, the projects of 表7 and the project
//! target tables with their amounts.

use gongkai_plugin::gongkai_model::{
    Disclosure, Location, Measure, Number, PerformanceTargets, Provenance, RowRole, TableKind, TargetScope,
};

/// A location in the text.
pub fn at(source: &Provenance) -> Location {
    Location { at: source.clone(), ..Location::default() }
}

/// How a target table is named in messages.
pub fn target_name(t: &PerformanceTargets) -> String {
    match &t.project {
        Some(p) => format!("“{}”的{}", p.text, t.title.text),
        None => format!("“{}”", t.title.text),
    }
}

/// A project of the project-expenditure table.
#[derive(Clone, Debug)]
pub struct ProjectRow {
    /// 项目名称.
    pub name: String,
    /// 项目支出合计, in 万元 when the table is in 万元.
    pub amount: Option<Number>,
    /// Where the row is.
    pub location: Location,
}

/// The projects of 表7 (一般公共预算项目支出情况表, or an all-funds project
/// table): item rows with a project name.
pub fn projects(doc: &Disclosure) -> Vec<ProjectRow> {
    let table =
        doc.table(TableKind::GeneralBudgetProjectExpenditure).or_else(|| doc.table(TableKind::ProjectExpenditure));
    let Some(table) = table else { return Vec::new() };
    let Some(part) = table.main() else { return Vec::new() };
    let total_column = part.column(&Measure::Total).unwrap_or(0);
    part.rows
        .iter()
        .filter(|r| r.role == RowRole::Item)
        .filter_map(|r| {
            let name = r.project.clone()?;
            Some(ProjectRow {
                name: name.clone(),
                amount: r.amount(total_column),
                location: Location {
                    at: r.source.clone(),
                    table: Some(table.kind),
                    row: Some(match &r.code {
                        Some(code) => format!("{code}/{name}"),
                        None => name,
                    }),
                    ..Location::default()
                },
            })
        })
        .collect()
}

/// The project target tables.
pub fn project_targets(doc: &Disclosure) -> Vec<&PerformanceTargets> {
    doc.performance_targets.iter().filter(|t| t.scope == TargetScope::Project).collect()
}

/// A target table's total (年度预算总额 / 合计), in 万元.
pub fn target_total(t: &PerformanceTargets) -> Option<Number> {
    t.funding.iter().find(|f| f.is_total).and_then(|f| f.amount.value.in_wan_yuan())
}

/// Whether two printed amounts are the same figure (exact decimals: `82.46` and
/// `82.460` are equal).
pub fn same_amount(a: Number, b: Number) -> bool {
    a.value() == b.value()
}
