//! The Xinjiang rules, one file per rule. Ids: `XJ` + three digits, never reused.
//!
//! | id | name | what |
//! |---|---|---|
//! | XJ001 | indicator-weights | a target table's indicator weights sum to 90 |
//! | XJ002 | indicator-value-form | 指标值 is a comparison and a value (`=12次`, `>=80%`) |
//! | XJ003 | project-target-table | every project of 表7 has a project target table |
//! | XJ004 | indicator-levels | every indicator has its 一级/二级/三级 names |
//!
//! Completeness against the Xinjiang template (its 11 tables, sections and
//! 名词解释) is not a plugin rule: the plugin ships the template in its manifest
//! and the built-in completeness rules (C101 required-table, C103
//! explanation-sections, C104 glossary) judge the document against it once the
//! host passes it to `Engine::with_template`.

mod indicator_levels;
mod indicator_values;
mod indicator_weights;
mod project_targets;
pub mod support;

use gongkai_plugin::Rule;

pub use indicator_levels::INDICATOR_LEVELS;
pub use indicator_values::INDICATOR_VALUE_FORM;
pub use indicator_weights::INDICATOR_WEIGHTS;
pub use project_targets::PROJECT_TARGET_TABLE;

/// Every rule, in id order.
pub fn all() -> Vec<&'static Rule> {
    vec![&INDICATOR_WEIGHTS, &INDICATOR_VALUE_FORM, &PROJECT_TARGET_TABLE, &INDICATOR_LEVELS]
}
