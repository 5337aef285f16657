//! Layout variants that real text extractions show and the importer supports.
pub use crate::doc::Doc;
use crate::rng::Rng;

/// A layout variant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum Variant {}

/// Applies a random selection of variants.
pub fn apply(doc: Doc, _rng: &mut Rng) -> (Doc, Vec<Variant>) {
    (doc, Vec::new())
}
