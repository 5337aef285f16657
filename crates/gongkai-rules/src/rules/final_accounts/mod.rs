//! The `final_accounts` family: identities only a 决算 has (balances carried
//! from year to year, the budget set against the outturn).

mod budget_direction;
mod carry_over_identity;
mod completion_rate;

pub use budget_direction::BudgetDirection;
pub use carry_over_identity::CarryOverIdentity;
pub use completion_rate::CompletionRate;

use crate::Rule;

/// The rules of this family.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&CarryOverIdentity, &BudgetDirection, &CompletionRate]
}
