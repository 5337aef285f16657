//! Generated budget disclosures for tests, benchmarks and the detection measurement.
//!
//! [`generate`] writes document `index` of corpus `seed`: a realistic, internally
//! consistent 部门预算公开 in the text format the importer reads (the structure of
//! `examples/qitai-2024-budget.txt`), with random units, codes from the catalog,
//! amounts that satisfy every identity after rounding, explanation claims computed from
//! the printed figures, and one of the layout variants real extractions show.
//! [`fault::inject`] changes one thing and says where it must be reported;
//! [`detection`] runs the importer and the national rules and scores the result.

pub mod budget;
pub mod detection;
pub mod doc;
pub mod fault;
pub mod layout;
pub mod money;
pub mod pool;
pub mod render;
pub mod rng;
pub mod unit;

use budget::Budget;
use doc::Doc;
use rng::Rng;
use unit::Unit;

/// One generated document.
#[derive(Clone, Debug)]
pub struct GeneratedDoc {
    /// A file name stem (`doc-00042`).
    pub name: String,
    /// The text, as it would be written to a `.txt` file.
    pub text: String,
    /// The layout variants applied.
    pub variants: Vec<layout::Variant>,
    /// The figures it was written from.
    pub budget: Budget,
    /// The lines, with their marks (what the fault injector works on).
    pub doc: Doc,
}

/// Generates document `index` of the corpus `seed` (clean: no fault).
pub fn generate(seed: u64, index: u64) -> GeneratedDoc {
    let mut rng = Rng::for_document(seed, index);
    let unit = Unit::draw(&mut rng);
    let year = *rng.pick(&pool::YEARS);
    let budget = Budget::draw(&mut rng, unit, year);
    let doc = render::render(&budget, &mut rng);
    let (doc, variants) = layout::apply(doc, &mut rng);
    GeneratedDoc { name: format!("doc-{index:05}"), text: doc.text(), variants, budget, doc }
}
