//! `cargo xtask detection [--kind budget|final] [--count N] [--seed S]`: generates a
//! clean and a faulted corpus of budget disclosures (the default) or of 决算, runs
//! import + the national rules on each and prints the detection table (per fault
//! kind, then false positives on the clean documents).

use rayon::prelude::*;

use gongkai_corpus::DocKind;
use gongkai_corpus::detection::{Checker, Report, faulted_seed, score_clean_of, score_faulted_of};

use crate::gen_corpus::option;

/// Runs the subcommand; fails when a target is missed (a false positive, a
/// generated claim not resolved, or a fault kind under 99% detection), so CI
/// can run it.
pub fn run(args: &[String]) -> Result<(), String> {
    let count: u64 = option(args, "--count", 1000)?;
    let seed: u64 = option(args, "--seed", 1)?;
    let kind: DocKind = option(args, "--kind", DocKind::Budget)?;
    let checker = Checker::new()?;
    // Documents are independent: score them in parallel chunks and merge in order.
    let chunks: Vec<Report> = (0..count)
        .collect::<Vec<_>>()
        .par_chunks(50)
        .map(|chunk| {
            let mut r = Report::default();
            for &i in chunk {
                score_clean_of(&mut r, &checker, kind, seed, i);
                score_faulted_of(&mut r, &checker, kind, faulted_seed(seed), i);
            }
            r
        })
        .collect();
    let mut report = Report { seed, count, ..Report::default() };
    for r in chunks {
        for (fault, s) in r.kinds {
            let e = report.kinds.entry(fault).or_default();
            e.documents += s.documents;
            e.detected += s.detected;
            e.missed.extend(s.missed);
        }
        report.false_positives.extend(r.false_positives);
        report.import_errors.extend(r.import_errors);
        report.claims.0 += r.claims.0;
        report.claims.1 += r.claims.1;
        report.claims.2 += r.claims.2;
        report.unresolved.extend(r.unresolved);
    }
    let what = if kind == DocKind::Final { " 决算" } else { "" };
    println!("Detection, seed {seed}, {count} clean + {count} faulted{what} documents:\n");
    print!("{}", report.markdown());
    if report.false_positives.is_empty()
        && report.import_errors.is_empty()
        && report.unresolved.is_empty()
        && report.worst_rate() >= 99.0
    {
        Ok(())
    } else {
        Err("detection targets missed".into())
    }
}
