//! Writing a [`crate::budget::Budget`] or a [`FinalAccounts`] as the text the importer reads.

pub mod final_narrative;
pub mod final_tables;
pub mod narrative;
pub mod tables;

use crate::budget::Budget;
use crate::doc::Doc;
use crate::final_accounts::FinalAccounts;
use crate::rng::Rng;

/// The whole document, in the example's order and layout (tabs, no variants yet).
pub fn render(b: &Budget, rng: &mut Rng) -> Doc {
    let mut doc = Doc::default();
    narrative::write_front(&mut doc, b);
    tables::write_tables(&mut doc, b);
    narrative::write_explanation(&mut doc, b, rng);
    narrative::write_back(&mut doc, b, rng);
    doc
}

/// A 决算 in the national format (`examples/某局-2024-final-accounts.txt`'s order and
/// layout).
pub fn render_final(a: &FinalAccounts, rng: &mut Rng) -> Doc {
    let mut doc = Doc::default();
    final_narrative::write_front(&mut doc, a);
    final_tables::write_tables(&mut doc, a);
    final_narrative::write_explanation(&mut doc, a, rng);
    final_narrative::write_back(&mut doc);
    doc
}
