//! The `final_accounts` family: identities only a 决算 has (balances carried
//! from year to year, the budget set against the outturn).

mod budget_direction;
mod carry_over_identity;
mod completion_rate;
mod difference_reason;

pub use budget_direction::BudgetDirection;
pub use carry_over_identity::CarryOverIdentity;
pub use completion_rate::CompletionRate;
pub use difference_reason::DifferenceReason;

use crate::Rule;

/// The rules of this family.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&CarryOverIdentity, &BudgetDirection, &CompletionRate, &DifferenceReason]
}
