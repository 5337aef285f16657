//! The `completeness` family: required tables and sections are present.

mod anchor;
mod empty_table_statement;
mod explanation_sections;
mod forms;
mod glossary;
mod reading_coverage;
mod required_table;
mod table_numbering;

pub use empty_table_statement::EmptyTableStatement;
pub use explanation_sections::ExplanationSections;
pub use glossary::Glossary;
pub use reading_coverage::ReadingCoverage;
pub use required_table::RequiredTable;
pub use table_numbering::TableNumbering;

use crate::Rule;

/// The rules of this family.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&RequiredTable, &TableNumbering, &ExplanationSections, &Glossary, &EmptyTableStatement, &ReadingCoverage]
}
