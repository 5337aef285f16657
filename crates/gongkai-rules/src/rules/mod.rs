//! The national rules, one module per family, one file per rule.
//!
//! | family | prefix |
//! |---|---|
//! | completeness | C |
//! | arithmetic (inside one table) | A |
//! | cross_table | X |
//! | narrative (text against tables) | N |
//! | profile | P |
//! | consistency | K |
//! | format | F |
//! | catalog | G |
//! | final_accounts (决算 only) | D |

pub mod arithmetic;
pub mod catalog;
pub mod completeness;
pub mod consistency;
pub mod cross_table;
pub mod final_accounts;
pub mod format;
pub mod narrative;
pub mod profile;

use crate::Rule;

/// Every built-in rule.
pub fn all() -> Vec<&'static dyn Rule> {
    let mut rules = Vec::new();
    rules.extend(completeness::rules());
    rules.extend(arithmetic::rules());
    rules.extend(cross_table::rules());
    rules.extend(narrative::rules());
    rules.extend(profile::rules());
    rules.extend(consistency::rules());
    rules.extend(format::rules());
    rules.extend(catalog::rules());
    rules.extend(final_accounts::rules());
    rules
}
