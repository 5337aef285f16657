//! The `cross_table` family: identities between tables.

mod basic_project_totals;
mod empty_fund_tables;
mod fiscal_summary;
mod general_budget_per_code;
mod income_expenditure_per_code;
mod lookup;
pub(crate) use lookup::in_carry_over;
mod personnel_public_split;
mod project_amounts;
mod project_rollup;
mod summary_totals;
mod vehicle_operation;

pub use basic_project_totals::BasicProjectTotals;
pub use empty_fund_tables::EmptyFundTables;
pub use fiscal_summary::FiscalSummary;
pub use general_budget_per_code::GeneralBudgetPerCode;
pub use income_expenditure_per_code::IncomeExpenditurePerCode;
pub use personnel_public_split::PersonnelPublicSplit;
pub use project_amounts::ProjectAmounts;
pub use project_rollup::ProjectRollup;
pub use summary_totals::SummaryTotals;
pub use vehicle_operation::VehicleOperation;

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
        &ProjectRollup,
        &VehicleOperation,
        &EmptyFundTables,
        &ProjectAmounts,
    ]
}
