//! Writing a [`crate::budget::Budget`] as the text the importer reads.

pub mod narrative;
pub mod tables;

use crate::budget::Budget;
use crate::doc::Doc;
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
