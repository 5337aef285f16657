//! Generated budget disclosures for tests, benchmarks and the detection measurement.
//!
//! [`generate`] writes document `index` of corpus `seed`: a realistic, internally
//! consistent 部门预算公开 in the text format the importer reads (the structure of
//! `examples/qitai-2024-budget.txt`), with random units, codes from the catalog,
//! amounts that satisfy every identity after rounding, explanation claims computed from
//! the printed figures, and one of the layout variants real extractions show.
//! [`fault::inject`] changes one thing and says where it must be reported;
//! [`detection`] runs the importer and the national rules and scores the result.
//!
//! [`generate_final`] writes a 部门决算公开 instead (the national nine tables of
//! `examples/某局-2024-final-accounts.txt`, figures from [`final_accounts`]), and
//! [`final_fault::inject`] its faults; [`DocKind`] says which a corpus holds.

pub mod budget;
pub mod detection;
pub mod doc;
pub mod fault;
pub mod final_accounts;
pub mod final_fault;
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
    let (budget, doc, mut rng) = draw(seed, index);
    finish(index, budget, doc, &mut rng)
}

/// Generates document `index` of the faulted corpus `seed` with one fault: the kind
/// cycles through [`fault::FaultKind::ALL`] by index (moving on to the next kind when the
/// document has nothing to inject it into).
pub fn generate_faulted(seed: u64, index: u64) -> (GeneratedDoc, fault::Expected) {
    let (budget, mut doc, mut rng) = draw(seed, index);
    let all = fault::FaultKind::ALL;
    let first = (index % all.len() as u64) as usize;
    let mut injected = None;
    for k in 0..all.len() {
        let kind = all[(first + k) % all.len()];
        let mut attempt = doc.clone();
        if let Some(description) = fault::inject(&mut attempt, kind, &mut rng) {
            doc = attempt;
            injected = Some((kind, description));
            break;
        }
    }
    let generated = finish(index, budget, doc, &mut rng);
    // Every document has a staffing line, so some fault always applies.
    let (fault, description) = injected.unwrap_or((fault::FaultKind::StaffSum, String::from("none applied")));
    let expected = fault::Expected {
        fault: fault::Fault::Budget(fault),
        family: fault.family(),
        rule: fault.rule(),
        lines: generated.doc.expected_lines(),
        description,
    };
    (generated, expected)
}

/// What a corpus holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocKind {
    /// 部门预算公开 ([`generate`]).
    Budget,
    /// 部门决算公开 ([`generate_final`]).
    Final,
}

impl std::str::FromStr for DocKind {
    type Err = String;

    fn from_str(s: &str) -> Result<DocKind, String> {
        match s {
            "budget" => Ok(DocKind::Budget),
            "final" => Ok(DocKind::Final),
            other => Err(format!("unknown kind {other} (budget or final)")),
        }
    }
}

/// One generated 决算.
#[derive(Clone, Debug)]
pub struct GeneratedFinal {
    /// A file name stem (`final-00042`).
    pub name: String,
    /// The text, as it would be written to a `.txt` file.
    pub text: String,
    /// The layout variants applied.
    pub variants: Vec<layout::Variant>,
    /// The figures it was written from.
    pub accounts: final_accounts::FinalAccounts,
    /// The lines, with their marks.
    pub doc: Doc,
}

/// Generates 决算 `index` of the corpus `seed` (clean: no fault).
pub fn generate_final(seed: u64, index: u64) -> GeneratedFinal {
    let (accounts, doc, mut rng) = draw_final(seed, index);
    finish_final(index, accounts, doc, &mut rng)
}

/// Generates 决算 `index` of the faulted corpus `seed` with one fault: the kind cycles
/// through [`final_fault::FinalFault::ALL`] by index (moving on to the next kind when
/// the document has nothing to inject it into).
pub fn generate_final_faulted(seed: u64, index: u64) -> (GeneratedFinal, fault::Expected) {
    use final_fault::FinalFault;
    let (accounts, mut doc, mut rng) = draw_final(seed, index);
    let all = FinalFault::ALL;
    let first = (index % all.len() as u64) as usize;
    let mut injected = None;
    for k in 0..all.len() {
        let kind = all[(first + k) % all.len()];
        let mut attempt = doc.clone();
        if let Some(description) = final_fault::inject(&mut attempt, kind, &mut rng) {
            doc = attempt;
            injected = Some((kind, description));
            break;
        }
    }
    let generated = finish_final(index, accounts, doc, &mut rng);
    // Every 决算 prints its tables, so some fault always applies.
    let (kind, description) = injected.unwrap_or((FinalFault::TableDropped, String::from("none applied")));
    let fault = fault::Fault::Final(kind);
    let expected = fault::Expected {
        fault,
        family: fault.family(),
        rule: fault.rule(),
        lines: generated.doc.expected_lines(),
        description,
    };
    (generated, expected)
}

fn draw_final(seed: u64, index: u64) -> (final_accounts::FinalAccounts, Doc, Rng) {
    let mut rng = Rng::for_document(seed, index);
    let unit = Unit::draw(&mut rng);
    let year = *rng.pick(&pool::YEARS);
    let accounts = final_accounts::FinalAccounts::draw(&mut rng, unit, year);
    let doc = render::render_final(&accounts, &mut rng);
    (accounts, doc, rng)
}

fn finish_final(index: u64, accounts: final_accounts::FinalAccounts, doc: Doc, rng: &mut Rng) -> GeneratedFinal {
    let (doc, variants) = layout::apply_final(doc, rng);
    GeneratedFinal { name: format!("final-{index:05}"), text: doc.text(), variants, accounts, doc }
}

fn draw(seed: u64, index: u64) -> (Budget, Doc, Rng) {
    let mut rng = Rng::for_document(seed, index);
    let unit = Unit::draw(&mut rng);
    let year = *rng.pick(&pool::YEARS);
    let budget = Budget::draw(&mut rng, unit, year);
    let doc = render::render(&budget, &mut rng);
    (budget, doc, rng)
}

fn finish(index: u64, budget: Budget, doc: Doc, rng: &mut Rng) -> GeneratedDoc {
    let (doc, variants) = layout::apply(doc, rng);
    GeneratedDoc { name: format!("doc-{index:05}"), text: doc.text(), variants, budget, doc }
}
