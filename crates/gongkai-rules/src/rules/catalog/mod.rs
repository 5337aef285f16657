//! The `catalog` family: classification codes and names against the catalog of
//! 政府收支分类科目 (`gongkai-catalog`). The catalog is partial, so a code missing
//! from it is never reported as non-existent (see G105).

mod common;
mod missing_parent;
mod name_mismatch;
mod narrative_names;
mod not_in_catalog;
mod wrong_parent;
mod wrong_scheme;

pub use missing_parent::MissingParent;
pub use name_mismatch::NameMismatch;
pub use narrative_names::NarrativeNames;
pub use not_in_catalog::NotInCatalog;
pub use wrong_parent::WrongParent;
pub use wrong_scheme::WrongScheme;

use crate::Rule;

/// The rules of this family.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&NameMismatch, &MissingParent, &WrongParent, &WrongScheme, &NotInCatalog, &NarrativeNames]
}
