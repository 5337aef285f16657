//! The detection measurement: import + national rules over a clean and a faulted
//! corpus, scored per fault kind.
//!
//! A fault counts as detected when some finding of its rule family has a location on
//! one of the expected lines (the primary location or any other: cross-table and
//! consistency findings point at every place involved). On a clean document any
//! finding of warning or error severity is a false positive.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use gongkai_import::{ImportOptions, import_text};
use gongkai_model::{Coverage, Finding, Severity, UnresolvedReason};
use gongkai_rules::{Config, Engine};

use crate::fault::{Expected, Fault};
use crate::{DocKind, generate, generate_faulted, generate_final, generate_final_faulted};

/// Import options and the national rule engine, built once.
pub struct Checker {
    engine: Engine,
    options: ImportOptions,
}

impl Checker {
    /// The national rules with the default configuration.
    pub fn new() -> Result<Checker, String> {
        let engine = Engine::new(Config::default()).map_err(|e| e.to_string())?;
        Ok(Checker { engine, options: ImportOptions::default() })
    }

    /// Imports and checks one text.
    pub fn check(&self, text: &str, name: &str) -> Result<Vec<Finding>, String> {
        let imported = import_text(text, name, &self.options).map_err(|e| e.to_string())?;
        Ok(self.engine.check(&imported.document))
    }

    /// Imports and checks one text, with what the check reached.
    pub fn check_with_coverage(&self, text: &str, name: &str) -> Result<(Vec<Finding>, Coverage), String> {
        let imported = import_text(text, name, &self.options).map_err(|e| e.to_string())?;
        Ok(self.engine.check_with_coverage(&imported.document))
    }
}

/// Whether `findings` report the expected fault.
pub fn detects(findings: &[Finding], expected: &Expected) -> bool {
    findings.iter().any(|f| {
        f.category.id() == expected.family
            && expected.rule.is_none_or(|rule| f.rule == rule)
            && f.locations.iter().any(|l| expected.lines.contains(&l.at.line))
    })
}

/// The findings that make a clean document a false positive.
pub fn false_positives(findings: &[Finding]) -> Vec<&Finding> {
    findings.iter().filter(|f| f.severity >= Severity::Warning).collect()
}

/// Per fault kind: documents, detected, and the names of the missed ones.
#[derive(Clone, Debug, Default)]
pub struct KindScore {
    /// Documents with this fault.
    pub documents: usize,
    /// Detected.
    pub detected: usize,
    /// Names of the missed documents.
    pub missed: Vec<String>,
}

/// The result of a run.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Seed and count.
    pub seed: u64,
    /// Documents per corpus.
    pub count: u64,
    /// Scores by fault kind.
    pub kinds: BTreeMap<Fault, KindScore>,
    /// `(document, rule, line, message)` for every false positive on a clean document.
    pub false_positives: Vec<(String, String, u32, String)>,
    /// Documents the importer refused, with the error.
    pub import_errors: Vec<(String, String)>,
    /// Claims stating an amount on the clean documents; of those compared with
    /// a table figure; and of those naming figures that differ (a project
    /// name printed twice with different amounts, 一般公共预算拨款 beside a
    /// different 一般财力: the text may mean either).
    pub claims: (u32, u32, u32),
    /// `(document, count)` for the claims of a clean document whose subject was
    /// not understood: each generated claim states a figure of its tables or
    /// one no table prints, so the resolver must know it.
    pub unresolved: Vec<(String, u32)>,
}

/// Scores one faulted budget document into `report`.
pub fn score_faulted(report: &mut Report, checker: &Checker, seed: u64, index: u64) {
    score_faulted_of(report, checker, DocKind::Budget, seed, index);
}

/// Scores one clean budget document into `report`.
pub fn score_clean(report: &mut Report, checker: &Checker, seed: u64, index: u64) {
    score_clean_of(report, checker, DocKind::Budget, seed, index);
}

/// Scores one faulted document of `kind` into `report`.
pub fn score_faulted_of(report: &mut Report, checker: &Checker, kind: DocKind, seed: u64, index: u64) {
    let (name, text, expected) = match kind {
        DocKind::Budget => {
            let (doc, expected) = generate_faulted(seed, index);
            (doc.name, doc.text, expected)
        }
        DocKind::Final => {
            let (doc, expected) = generate_final_faulted(seed, index);
            (doc.name, doc.text, expected)
        }
    };
    let entry = report.kinds.entry(expected.fault).or_default();
    entry.documents += 1;
    match checker.check(&text, &name) {
        Ok(findings) if detects(&findings, &expected) => entry.detected += 1,
        Ok(_) => entry.missed.push(name),
        Err(e) => {
            entry.missed.push(name.clone());
            report.import_errors.push((name, e));
        }
    }
}

/// Scores one clean document of `kind` into `report`.
pub fn score_clean_of(report: &mut Report, checker: &Checker, kind: DocKind, seed: u64, index: u64) {
    let (name, text) = match kind {
        DocKind::Budget => {
            let doc = generate(seed, index);
            (doc.name, doc.text)
        }
        DocKind::Final => {
            let doc = generate_final(seed, index);
            (doc.name, doc.text)
        }
    };
    match checker.check_with_coverage(&text, &name) {
        Ok((findings, coverage)) => {
            for f in false_positives(&findings) {
                report.false_positives.push((name.clone(), f.rule.clone(), f.primary_line(), f.message.clone()));
            }
            let claims = &coverage.claims;
            report.claims.0 += claims.with_amount;
            report.claims.1 += claims.resolved;
            for u in &claims.unresolved {
                match u.reason {
                    UnresolvedReason::SubjectUnknown => report.unresolved.push((name.clone(), u.count)),
                    UnresolvedReason::Ambiguous => report.claims.2 += u.count,
                    _ => {}
                }
            }
        }
        Err(e) => report.import_errors.push((name, e)),
    }
}

/// The seed of the faulted corpus: different documents from the clean one.
pub fn faulted_seed(seed: u64) -> u64 {
    seed ^ 0xFA01_7ED0_0000_0001
}

/// Runs `count` clean and `count` faulted budget documents.
pub fn run(seed: u64, count: u64) -> Result<Report, String> {
    run_of(DocKind::Budget, seed, count)
}

/// Runs `count` clean and `count` faulted documents of `kind`.
pub fn run_of(kind: DocKind, seed: u64, count: u64) -> Result<Report, String> {
    let checker = Checker::new()?;
    let mut report = Report { seed, count, ..Report::default() };
    for i in 0..count {
        score_clean_of(&mut report, &checker, kind, seed, i);
        score_faulted_of(&mut report, &checker, kind, faulted_seed(seed), i);
    }
    Ok(report)
}

impl Report {
    /// The lowest detection rate over the fault kinds, in percent.
    pub fn worst_rate(&self) -> f64 {
        self.kinds.values().map(|k| rate(k.detected, k.documents)).fold(100.0, f64::min)
    }

    /// The table as Markdown.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "| fault | family | documents | detected | missed | rate |");
        let _ = writeln!(out, "|---|---|---:|---:|---:|---:|");
        for (kind, s) in &self.kinds {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {:.1}% |",
                kind.id(),
                kind.family(),
                s.documents,
                s.detected,
                s.documents - s.detected,
                rate(s.detected, s.documents)
            );
        }
        let total: usize = self.kinds.values().map(|k| k.documents).sum();
        let detected: usize = self.kinds.values().map(|k| k.detected).sum();
        let _ = writeln!(
            out,
            "| **all** | | {total} | {detected} | {} | {:.1}% |",
            total - detected,
            rate(detected, total)
        );
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "False positives (error or warning findings) on {} clean documents: {}",
            self.count,
            self.false_positives.len()
        );
        for (doc, rule, line, message) in &self.false_positives {
            let _ = writeln!(out, "- {doc}:{line} {rule} {message}");
        }
        let _ = writeln!(
            out,
            "Claims stating an amount on the clean documents: {}; compared with a table figure: {}; \
             naming differing figures: {}; not understood: {}",
            self.claims.0,
            self.claims.1,
            self.claims.2,
            self.unresolved.iter().map(|(_, n)| n).sum::<u32>()
        );
        for (doc, count) in &self.unresolved {
            let _ = writeln!(out, "- {doc}: {count} claims not understood");
        }
        for (kind, s) in &self.kinds {
            if !s.missed.is_empty() {
                let _ = writeln!(out, "- missed {}: {}", kind.id(), s.missed.join(", "));
            }
        }
        for (doc, e) in &self.import_errors {
            let _ = writeln!(out, "- import error {doc}: {e}");
        }
        out
    }
}

fn rate(detected: usize, documents: usize) -> f64 {
    if documents == 0 { 100.0 } else { detected as f64 * 100.0 / documents as f64 }
}
