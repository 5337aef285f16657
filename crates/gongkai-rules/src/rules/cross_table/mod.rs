//! The `cross_table` family: identities between tables.

mod basic_project_totals;
mod fiscal_summary;
mod general_budget_per_code;
mod income_expenditure_per_code;
mod lookup;
mod personnel_public_split;
mod summary_totals;

pub use basic_project_totals::BasicProjectTotals;
pub use fiscal_summary::FiscalSummary;
pub use general_budget_per_code::GeneralBudgetPerCode;
pub use income_expenditure_per_code::IncomeExpenditurePerCode;
pub use personnel_public_split::PersonnelPublicSplit;
pub use summary_totals::SummaryTotals;

use crate::Rule;

/// The rules of this family.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &SummaryTotals,
        &IncomeExpenditurePerCode,
        &FiscalSummary,
        &GeneralBudgetPerCode,
        &BasicProjectTotals,
        &PersonnelPublicSplit,
    ]
}
