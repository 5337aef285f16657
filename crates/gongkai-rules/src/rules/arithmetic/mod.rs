//! The `arithmetic` family: sums inside one table.

mod hierarchy_sum;

pub use hierarchy_sum::HierarchySum;

use crate::Rule;

/// The rules of this family.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&HierarchySum]
}
