//! A small detection run (50 clean + 50 faulted documents): fails when a fault kind is
//! detected below 99%, a clean document gets an error or warning finding, or a
//! claim of a clean document is not understood.

use gongkai_corpus::detection::{Checker, Report, faulted_seed, score_clean, score_faulted};

const SEED: u64 = 20_240_221;
const COUNT: u64 = 50;

#[test]
fn detection_meets_targets_on_a_small_corpus() {
    let checker = Checker::new().expect("national rules");
    let mut report = Report { seed: SEED, count: COUNT, ..Report::default() };
    for i in 0..COUNT {
        score_clean(&mut report, &checker, SEED, i);
        score_faulted(&mut report, &checker, faulted_seed(SEED), i);
    }
    println!("{}", report.markdown());
    assert!(report.import_errors.is_empty(), "import errors: {:?}", report.import_errors);
    for (kind, score) in &report.kinds {
        let rate = score.detected as f64 * 100.0 / score.documents as f64;
        assert!(rate >= 99.0, "{}: {rate:.1}% detected, missed {:?}", kind.id(), score.missed);
    }
    assert!(report.false_positives.is_empty(), "false positives on clean documents: {:#?}", report.false_positives);
    // Every generated claim names a figure the resolver knows (or one no
    // table prints).
    assert!(report.unresolved.is_empty(), "claims not understood: {:?}", report.unresolved);
    assert!(report.claims.1 > 0, "no claim compared: {:?}", report.claims);
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(gongkai_corpus::generate(7, 3).text, gongkai_corpus::generate(7, 3).text);
    assert_ne!(gongkai_corpus::generate(7, 3).text, gongkai_corpus::generate(7, 4).text);
    let (a, ea) = gongkai_corpus::generate_faulted(7, 5);
    let (b, eb) = gongkai_corpus::generate_faulted(7, 5);
    assert_eq!(a.text, b.text);
    assert_eq!(ea.lines, eb.lines);
}
