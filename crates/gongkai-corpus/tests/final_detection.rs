//! A small detection run on generated 决算 (50 clean + 50 faulted documents): fails
//! when a fault kind is detected below 99%, a clean 决算 gets an error or warning
//! finding, or a claim of a clean 决算 is not understood.

use gongkai_corpus::DocKind;
use gongkai_corpus::detection::{Checker, Report, faulted_seed, score_clean_of, score_faulted_of};
use gongkai_corpus::final_fault::FinalFault;

const SEED: u64 = 20_250_630;
const COUNT: u64 = 50;

#[test]
fn final_accounts_detection_meets_targets_on_a_small_corpus() {
    let checker = Checker::new().expect("national rules");
    let mut report = Report { seed: SEED, count: COUNT, ..Report::default() };
    for i in 0..COUNT {
        score_clean_of(&mut report, &checker, DocKind::Final, SEED, i);
        score_faulted_of(&mut report, &checker, DocKind::Final, faulted_seed(SEED), i);
    }
    println!("{}", report.markdown());
    assert!(report.import_errors.is_empty(), "import errors: {:?}", report.import_errors);
    // Every kind of fault was injected somewhere.
    assert_eq!(report.kinds.len(), FinalFault::ALL.len(), "{:?}", report.kinds.keys().collect::<Vec<_>>());
    for (kind, score) in &report.kinds {
        let rate = score.detected as f64 * 100.0 / score.documents as f64;
        assert!(rate >= 99.0, "{}: {rate:.1}% detected, missed {:?}", kind.id(), score.missed);
    }
    assert!(report.false_positives.is_empty(), "false positives on clean 决算: {:#?}", report.false_positives);
    assert!(report.unresolved.is_empty(), "claims not understood: {:?}", report.unresolved);
    assert!(report.claims.1 > 0, "no claim compared: {:?}", report.claims);
}

#[test]
fn final_accounts_generation_is_deterministic() {
    assert_eq!(gongkai_corpus::generate_final(7, 3).text, gongkai_corpus::generate_final(7, 3).text);
    assert_ne!(gongkai_corpus::generate_final(7, 3).text, gongkai_corpus::generate_final(7, 4).text);
    let (a, ea) = gongkai_corpus::generate_final_faulted(7, 5);
    let (b, eb) = gongkai_corpus::generate_final_faulted(7, 5);
    assert_eq!(a.text, b.text);
    assert_eq!(ea.lines, eb.lines);
}

/// The figures carry over in every 项 and every kind of money, and the two sides
/// of the summary agree: what the tables print follows from them.
#[test]
fn the_balances_carry_over() {
    use gongkai_corpus::final_accounts::Money;
    for i in 0..200 {
        let a = gongkai_corpus::generate_final(3, i).accounts;
        for l in &a.lines {
            for m in Money::ALL {
                let k = m.index();
                assert_eq!(l.opening[k] + l.income(m), l.spending(m) + l.closing[k], "{i} {}", l.code.code);
                assert!(l.income(m) >= 0 && l.opening[k] >= 0 && l.closing[k] >= 0, "{i} {}", l.code.code);
            }
        }
        let spent: i64 = Money::ALL.iter().map(|m| a.spending(*m) + a.closing(*m)).sum();
        assert_eq!(a.grand_total(), spent, "{i}");
        assert_eq!(a.basic(), a.personnel() + a.public_use(), "{i}");
    }
}
