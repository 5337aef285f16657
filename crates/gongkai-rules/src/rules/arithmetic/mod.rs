//! The `arithmetic` family: sums inside one table.

mod columns;
mod hierarchy_sum;
mod row_identity;
mod summary_balance;
mod three_public_structure;

pub use hierarchy_sum::HierarchySum;
pub use row_identity::RowIdentity;
pub use summary_balance::SummaryBalance;
pub use three_public_structure::ThreePublicStructure;

use crate::Rule;

/// The rules of this family.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&HierarchySum, &RowIdentity, &SummaryBalance, &ThreePublicStructure]
}
