//! The `cross_table` family: identities between tables.

mod general_budget_per_code;
mod income_expenditure_per_code;
mod lookup;
mod summary_totals;

pub use general_budget_per_code::GeneralBudgetPerCode;
pub use income_expenditure_per_code::IncomeExpenditurePerCode;
pub use summary_totals::SummaryTotals;

use crate::Rule;

/// The rules of this family.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&SummaryTotals, &IncomeExpenditurePerCode, &GeneralBudgetPerCode]
}
