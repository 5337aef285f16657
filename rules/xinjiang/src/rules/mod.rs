//! The Xinjiang rules, one file per rule. Ids: `XJ` + three digits, never reused.
//!
//! | id | name | what |
//! |---|---|---|
//! | XJ001 | indicator-weights | a target table's indicator weights sum to 90 |
//! | XJ002 | indicator-value-form | 指标值 is a comparison and a value (`=12次`, `>=80%`) |
//! | XJ003 | project-target-table | every project of 表7 has a project target table |
//! | XJ004 | template-tables | the 11 tables of the template are published |
//! | XJ005 | template-sections | the explanation sections and the 名词解释 are there |
//! | XJ006 | indicator-levels | every indicator has its 一级/二级/三级 names |

mod indicator_levels;
mod indicator_values;
mod indicator_weights;
mod project_targets;
pub mod support;
mod template_sections;
mod template_tables;

use gongkai_plugin::Rule;

pub use indicator_levels::INDICATOR_LEVELS;
pub use indicator_values::INDICATOR_VALUE_FORM;
pub use indicator_weights::INDICATOR_WEIGHTS;
pub use project_targets::PROJECT_TARGET_TABLE;
pub use template_sections::TEMPLATE_SECTIONS;
pub use template_tables::TEMPLATE_TABLES;

/// Every rule, in id order.
pub fn all() -> Vec<&'static Rule> {
    vec![
        &INDICATOR_WEIGHTS,
        &INDICATOR_VALUE_FORM,
        &PROJECT_TARGET_TABLE,
        &TEMPLATE_TABLES,
        &TEMPLATE_SECTIONS,
        &INDICATOR_LEVELS,
    ]
}
