//! The `profile` family: staffing and organisation.

mod office_count;
mod staffing_sum;

pub use office_count::OfficeCount;
pub use staffing_sum::StaffingSum;

use crate::Rule;

/// The rules of this family.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&StaffingSum, &OfficeCount]
}
