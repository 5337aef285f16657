//! The `consistency` family: names, years and references used the same way
//! throughout the document.

pub(crate) mod docnum;
mod document_numbers;
mod fiscal_year;
mod level_wording;
mod stray_year;
mod unit_name;

pub use document_numbers::DocumentNumbers;
pub use fiscal_year::FiscalYear;
pub use level_wording::LevelWording;
pub use stray_year::StrayYear;
pub use unit_name::UnitName;

use crate::Rule;

/// The rules of this family.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&UnitName, &FiscalYear, &DocumentNumbers, &StrayYear, &LevelWording]
}
