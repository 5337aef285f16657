//! The `narrative` family: the explanation text (情况说明) against the tables.

mod amount_unit;
mod asset_breakdown;
mod change_rate;
mod claim_amount;
mod claim_share;
mod code_paragraph_names;
mod composition_items;
mod direction_words;
mod listed_parts;
pub use listed_parts::parts_checked;
mod operating_cost;
mod paragraph_consistency;
mod performance_targets;
mod procurement_parts;
pub mod resolve;
mod structure_shares_total;

pub use amount_unit::{AmountUnit, is_unit_slip};
pub use asset_breakdown::AssetBreakdown;
pub use change_rate::ChangeRate;
pub use claim_amount::ClaimAmount;
pub use claim_share::{ClaimShare, percent};
pub use code_paragraph_names::CodeParagraphNames;
pub use composition_items::CompositionItems;
pub use direction_words::DirectionWords;
pub use listed_parts::ListedParts;
pub use operating_cost::OperatingCost;
pub use paragraph_consistency::ParagraphConsistency;
pub use performance_targets::PerformanceTargetsRule;
pub use procurement_parts::ProcurementParts;
pub use structure_shares_total::StructureSharesTotal;

use crate::Rule;

/// The rules of this family.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![
        &ClaimAmount,
        &ClaimShare,
        &ChangeRate,
        &DirectionWords,
        &CodeParagraphNames,
        &StructureSharesTotal,
        &CompositionItems,
        &OperatingCost,
        &ProcurementParts,
        &PerformanceTargetsRule,
        &AssetBreakdown,
        &AmountUnit,
        &ListedParts,
        &ParagraphConsistency,
    ]
}
