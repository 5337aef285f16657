//! The `completeness` family: required tables and sections are present.

mod anchor;
mod empty_table_statement;
mod explanation_sections;
mod forms;
mod glossary;
mod reading_coverage;
mod required_table;
mod stray_pages;
mod table_numbering;
mod template_placeholders;

pub use empty_table_statement::EmptyTableStatement;
pub use explanation_sections::ExplanationSections;
pub use glossary::Glossary;
pub use reading_coverage::ReadingCoverage;
pub use required_table::RequiredTable;
pub use stray_pages::StrayPages;
pub use table_numbering::TableNumbering;
pub use template_placeholders::{TemplatePlaceholders, is_blank_template};

use gongkai_model::TableKind;

use crate::{Context, Rule};

/// Whether a table of `kind` is published (一般公共预算项目支出表 and a 项目支出表
/// covering all funds stand in for each other).
fn present(ctx: &Context<'_>, kind: TableKind) -> bool {
    let project = [TableKind::GeneralBudgetProjectExpenditure, TableKind::ProjectExpenditure];
    ctx.doc.tables.iter().any(|t| t.kind == kind || (project.contains(&kind) && project.contains(&t.kind)))
}

/// Whether the file holds none of the template's tables.
fn no_template_table(ctx: &Context<'_>) -> bool {
    !ctx.template.tables.iter().any(|t| present(ctx, t.kind))
}

/// Whether the file shows nothing of a disclosure: none of the template's
/// tables and no part of an explanation (a 绩效评价报告 filed as a budget,
/// whatever table of its own it prints). C101 says so once; the rules that
/// look for a part of the explanation have nothing to look in.
fn nothing_of_a_disclosure(ctx: &Context<'_>) -> bool {
    no_template_table(ctx) && ctx.doc.sections.is_empty()
}

/// The rules of this family.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &RequiredTable,
        &TableNumbering,
        &ExplanationSections,
        &Glossary,
        &EmptyTableStatement,
        &ReadingCoverage,
        &TemplatePlaceholders,
        &StrayPages,
    ]
}
