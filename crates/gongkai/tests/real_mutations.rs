//! Mutation on real documents: in every budget PDF of the shared corpus, one
//! printed amount of a recognised table is raised (`1,234.56` → `1,235.56`) in
//! the text the PDF reader rebuilt — before recognition — and the changed text
//! is read and checked again. A change is *detected* when a finding the
//! unchanged document does not have points at the changed cell's page.
//!
//! The change is the issue's +1.00 on a figure printed with two decimals (a
//! hundred units of its last digit, far beyond any rounding gap). A figure
//! printed with fewer decimals (whole 元) gets the same hundred units (`+100`):
//! +1 on a whole number is within the rounding tolerance of every identity it is
//! part of (a total and `n` parts may differ by `½ + n·½`, two figures that must
//! be equal by `½ + ½`), so no rule may report it — see [`step`].
//!
//! The cells are drawn from every amount cell of every recognised table, in
//! model order, by a fixed-seed generator mixed with the file name (so adding a
//! document does not move another's sample): [`PER_DOCUMENT`] per document.
//!
//! The target is [`TARGET_PERCENT`]% of the changes detected in every
//! document. Today's reader and rules are far from it, so the test that runs is
//! a ratchet: [`FLOORS`] holds, per document, the number detected when the floor
//! was last set; a document falling below its floor fails, and a floor is raised
//! when detection improves. The target itself is the ignored test
//! `every_document_meets_the_95_percent_target`, to be un-ignored when it passes.
//!
//! The corpus is `shared/corpus` beside the repository (CI clones `shared/`
//! there); `GONGKAI_CORPUS_DIR` points elsewhere. A missing folder fails the test.
//! Budget PDFs are the `YS*` files (`JS` final accounts and `TPL` templates are
//! not budgets); a scan without a text layer must be refused by the importer
//! ([`SCANS`]) and is not counted, nor is a document that prints no tables
//! ([`NO_TABLES`]), nor is a file that is no budget disclosure ([`NOT_BUDGETS`]).
//!
//! `cargo test -p gongkai --test real_mutations -- --nocapture` prints the table,
//! per document: the amount cells drawn from; the recognised tables without an
//! amount (printed blank, or rows not read) and the listed tables not found
//! (`missing`), whose cells no draw can reach; changes made and detected; the misses that raised a
//! new finding, but on another page (`elsewhere`); and the misses by table kind
//! (`*` marks a table that prints no classification codes). Then the same by
//! table kind over the corpus. `GONGKAI_MUTATION_MISSES=1` lists every miss.

#[path = "../../gongkai-rules/tests/raise/mod.rs"]
mod raise;

mod corpus_dir;
use corpus_dir::corpus_dir;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use gongkai_import::ImportOptions;
use gongkai_model::{Decimal, Disclosure, Finding, Number, Provenance, TableKind};
use gongkai_rules::{Config, Engine};

/// The generator's seed (fixed: the sample is part of the test).
const SEED: u64 = 0x2025_0101_6D75_7461;

/// Cells changed per document (one at a time).
const PER_DOCUMENT: usize = 40;

/// The target: changes detected in every document, in percent.
const TARGET_PERCENT: usize = 95;

/// Budget PDFs that are scans (no text layer): the import must refuse them.
const SCANS: &[&str] = &["YS2026_湖南_长沙市公安局交通警察局_部门预算.pdf"];

/// Budget PDFs that print no tables: 北京 publishes the explanation (第一部分)
/// as one file and the tables it lists (第二部分) as another. The import must
/// recognise no table in them (their 目录's tables are `missing_tables`).
const NO_TABLES: &[&str] =
    &["YS2026_北京_北京市交通委员会_部门预算.pdf", "YS2026_北京_北京市卫生健康委员会_部门预算.pdf"];

/// Files named as budgets that are not budget disclosures: 长沙国资委's holds a
/// 2020 项目支出绩效评价报告 (see `pdf_corpus.rs`). Not counted: the target is
/// about budgets; its one table (the evaluated project's funds) has no
/// identity to break.
const NOT_BUDGETS: &[&str] = &["YS2026_湖南_长沙市国有资产监督管理委员会_部门预算.pdf"];

/// The ratchet: per document, the least number of the [`PER_DOCUMENT`] changes
/// that must be detected (today's figures). Raise a floor when detection
/// improves; never lower one to make the test pass.
const FLOORS: &[(&str, usize)] = &[
    // Set anew when the sample became a hash of each cell's place (a change to
    // how other cells are read no longer redraws it). The one floor lowered
    // before that, with its reason: 西安市公安局 and 审计局, whose 政府采购 list
    // A101 summed as if it were a hierarchy (every row prints the same function
    // code; fund, unit and item rows added together make 3× the total — 19
    // false errors), most of its cells drawn being code digits read as amounts.
    ("YS2022_陕西_西安市交通运输局_部门综合预算.pdf", 40),
    ("YS2025_上海_普陀区万里街道办事处_区级部门预算.pdf", 40),
    ("YS2025_江苏_无锡市发展和改革委员会_部门预算公开.pdf", 40),
    ("YS2025_湖南_长沙市公安局_本级_部门预算公开.pdf", 40),
    ("YS2026_上海_上海市医疗保障局_部门预算.pdf", 40),
    ("YS2026_上海_上海市水务局_部门预算.pdf", 40),
    ("YS2026_中央_国家信访局_部门预算.pdf", 40),
    ("YS2026_广东_广州市工业和信息化局_部门预算.pdf", 40),
    ("YS2026_广东_广州市政务服务和数据管理局_部门预算.pdf", 39),
    ("YS2026_广东_广州市统计局_部门预算.pdf", 40),
    ("YS2026_广东_深圳市住房和建设局_部门预算.pdf", 40),
    ("YS2026_广东_深圳市生态环境局_部门预算.pdf", 38),
    ("YS2026_江苏_无锡市应急管理局_部门预算.pdf", 40),
    ("YS2026_江苏_无锡市教育局_部门预算.pdf", 40),
    ("YS2026_浙江_杭州市交通运输局_部门预算.pdf", 39),
    ("YS2026_浙江_杭州市公安局_部门预算.pdf", 40),
    ("YS2026_浙江_杭州市司法局_部门预算.pdf", 38),
    ("YS2026_重庆_重庆市商务委员会_部门预算情况说明.pdf", 39),
    ("YS2026_重庆_重庆市委宣传部_部门预算.pdf", 40),
    ("YS2026_重庆_重庆市科学技术局_部门预算.pdf", 38),
    ("YS2026_陕西_西安市公安局_部门预算.pdf", 40),
    ("YS2026_陕西_西安市审计局_部门预算.pdf", 40),
];

/// SplitMix64: a few lines, and the same stream on every platform and version.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The change made to a figure printed with `decimals` decimals: +1.00 on two
/// (or more) decimals, otherwise the same hundred units of the last printed digit
/// (`+10.0`, `+100`).
fn step(decimals: u32) -> Decimal {
    Decimal::from(10i64.pow(2u32.saturating_sub(decimals)))
}

/// FNV-1a of the file name, to give each document its own stream.
fn fnv(name: &str) -> u64 {
    name.bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3))
}

/// The budget PDFs of the corpus, by name.
fn budget_pdfs(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("YS") && name.to_ascii_lowercase().ends_with(".pdf"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no budget PDF (YS*.pdf) in {}", dir.display());
    files
}

/// One amount cell of a recognised table.
struct Target {
    at: Provenance,
    amount: Number,
    kind: TableKind,
    /// Whether the cell's table part prints classification codes.
    coded: bool,
}

/// Every amount cell of every recognised table, in model order.
fn targets(doc: &Disclosure) -> Vec<Target> {
    let mut out = Vec::new();
    for table in &doc.tables {
        for part in &table.parts {
            let coded = part.rows.iter().any(|r| r.code.is_some());
            for row in &part.rows {
                // A value the reader inferred (a number joined from pieces on two
                // lines) is not a printed figure to change in one place.
                for cell in row.cells.iter().filter(|c| c.inferred.is_none()) {
                    if let (Some(amount), Some(at)) = (cell.amount, &cell.at) {
                        out.push(Target { at: at.clone(), amount, kind: table.kind, coded });
                    }
                }
            }
        }
    }
    out
}

/// The characters at `at` on its line.
fn printed_at(lines: &[&str], at: &Provenance) -> Option<String> {
    let line = lines.get((at.line as usize).checked_sub(1)?)?;
    let start = at.column? as usize - 1;
    Some(line.chars().skip(start).take(at.length? as usize).collect())
}

fn import(text: &str, path: &str) -> Result<Disclosure, gongkai_import::ImportError> {
    gongkai_import::import_text(text, path, &ImportOptions::default()).map(|i| i.document)
}

fn key(f: &Finding) -> (String, u32, String) {
    (f.rule.clone(), f.primary_line(), f.message.clone())
}

/// A table kind, and whether it prints codes.
type Group = (TableKind, bool);

fn group_name((kind, coded): Group) -> String {
    format!("{}{}", kind.id(), if coded { "" } else { "*" })
}

#[derive(Default)]
struct Outcome {
    file: String,
    /// Amount cells in the recognised tables.
    cells: usize,
    /// Recognised tables with no amount cell that do not say they are empty:
    /// printed blank (a department with no fund budget), or their rows were not
    /// read. Either way no cell of theirs can be drawn.
    without_amounts: usize,
    /// Tables the 目录 lists that were not found (nor drawn from).
    missing: usize,
    sampled: usize,
    detected: usize,
    /// Per group: (changed, detected).
    groups: BTreeMap<Group, (usize, usize)>,
    /// Changes that made the import fail (counted as not detected).
    refused_after_change: Vec<String>,
    /// Cells whose provenance does not point at their printed figure (not changed).
    misplaced: Vec<String>,
    /// The changes not detected.
    missed: Vec<String>,
    /// Of those, the ones that raised a new finding on another page only.
    elsewhere: usize,
}

enum Measured {
    Refused(String),
    Read(Outcome),
}

fn measure(dir: &Path, file: &str) -> Measured {
    let path = dir.join(file);
    let name = path.to_string_lossy().into_owned();
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let text = match gongkai_import::layout::pdf::read_pdf(&bytes, &name) {
        Ok(pdf) => pdf.text,
        Err(e) => return Measured::Refused(e.to_string()),
    };
    let doc = match import(&text, &name) {
        Ok(doc) => doc,
        Err(e) => return Measured::Refused(e.to_string()),
    };
    let engine = Engine::new(Config::default()).expect("the national rules");
    let baseline: BTreeSet<_> = engine.check(&doc).iter().map(key).collect();
    let lines: Vec<&str> = text.split('\n').collect();

    let mut pool = targets(&doc);
    let without_amounts = doc
        .tables
        .iter()
        .filter(|t| t.empty_statement.is_none())
        .filter(|t| t.parts.iter().all(|p| p.rows.iter().all(|r| r.cells.iter().all(|c| c.amount.is_none()))))
        .count();
    let mut outcome = Outcome {
        file: file.to_owned(),
        cells: pool.len(),
        without_amounts,
        missing: doc.missing_tables.len(),
        ..Outcome::default()
    };
    // Drawn in the order of a hash of each cell's place (seeded per document),
    // until enough cells have been changed: a cell's turn depends on where it
    // is printed only, so a change to how other cells are read (one joined,
    // one more recognised) does not redraw the whole sample.
    let stream = SEED ^ fnv(file);
    pool.sort_by_key(|t| {
        let place = (u64::from(t.at.line) << 32) | u64::from(t.at.column.unwrap_or(0));
        (Rng(stream ^ place.wrapping_mul(0x9E37_79B9_7F4A_7C15)).next_u64(), t.at.line, t.at.column)
    });
    let mut drawn = 0;
    while outcome.sampled < PER_DOCUMENT && drawn < pool.len() {
        let target = &pool[drawn];
        drawn += 1;
        let printed = printed_at(&lines, &target.at);
        if printed.as_deref().and_then(Number::parse_printed) != Some(target.amount) {
            outcome.misplaced.push(format!("{:?} holds {printed:?}, not {}", target.at, target.amount));
            continue;
        }
        let Some((mutated, description)) = raise::mutate_by(&text, &target.at, step(target.amount.decimals())) else {
            outcome.misplaced.push(format!("{:?}: {printed:?} cannot be raised", target.at));
            continue;
        };
        let page = target.at.page.expect("a PDF cell knows its page");
        let group = (target.kind, target.coded);
        outcome.sampled += 1;
        let entry = outcome.groups.entry(group).or_default();
        entry.0 += 1;
        let new: Vec<Finding> = match import(&mutated, &name) {
            Ok(changed) => engine.check(&changed).into_iter().filter(|f| !baseline.contains(&key(f))).collect(),
            Err(e) => {
                outcome.refused_after_change.push(format!("{description}: {e}"));
                Vec::new()
            }
        };
        if new.iter().any(|f| f.locations.iter().any(|l| l.at.page == Some(page))) {
            outcome.detected += 1;
            entry.1 += 1;
        } else {
            let pages: BTreeSet<u32> = new.iter().flat_map(|f| f.locations.iter().filter_map(|l| l.at.page)).collect();
            if !new.is_empty() {
                outcome.elsewhere += 1;
            }
            let column = target.at.column.unwrap_or_default();
            outcome.missed.push(format!(
                "p.{page} {} {description} (column {column}); new findings on pages {pages:?}",
                group_name(group)
            ));
        }
    }
    Measured::Read(outcome)
}

/// Every budget PDF measured; panics on a scan that is read or a text PDF that
/// is refused.
fn measure_corpus() -> Vec<Outcome> {
    let dir = corpus_dir();
    let files = budget_pdfs(&dir);
    for scan in SCANS {
        assert!(files.iter().any(|f| f == scan), "{scan}: not in the corpus");
    }
    let mut outcomes = Vec::new();
    for file in files {
        match measure(&dir, &file) {
            Measured::Refused(error) => {
                assert!(SCANS.contains(&file.as_str()), "{file}: refused by the import: {error}");
                println!("{file}: refused by the import, as a scan must be ({error})");
            }
            Measured::Read(outcome) => {
                assert!(!SCANS.contains(&file.as_str()), "{file} is a scan, yet the import read it");
                let no_tables = NO_TABLES.contains(&file.as_str());
                assert_eq!(
                    outcome.cells == 0,
                    no_tables,
                    "{file}: {} amount cells in recognised tables{}",
                    outcome.cells,
                    if no_tables { ", yet it is listed in NO_TABLES" } else { "" }
                );
                if no_tables {
                    println!("{file}: prints no tables (none recognised), not counted");
                } else if NOT_BUDGETS.contains(&file.as_str()) {
                    println!("{file}: not a budget disclosure, not counted");
                } else {
                    outcomes.push(outcome);
                }
            }
        }
    }
    println!("{}", table(&outcomes));
    outcomes
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 * 100.0 / whole as f64 }
}

/// The report: per document, then per table kind over the corpus.
fn table(outcomes: &[Outcome]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\nchanges detected ({PER_DOCUMENT} cells per document, seed {SEED:#x}; * = table prints no codes)"
    );
    let _ = writeln!(
        out,
        "| document | cells | tables without amounts | missing | sampled | detected | % | floor | elsewhere | misses by table kind |"
    );
    let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    let (mut sampled, mut detected) = (0, 0);
    let mut groups: BTreeMap<Group, (usize, usize)> = BTreeMap::new();
    for o in outcomes {
        sampled += o.sampled;
        detected += o.detected;
        let misses: Vec<String> = o
            .groups
            .iter()
            .filter(|(_, (n, d))| n > d)
            .map(|(g, (n, d))| format!("{} {}", group_name(*g), n - d))
            .collect();
        for (g, (n, d)) in &o.groups {
            let total = groups.entry(*g).or_default();
            total.0 += n;
            total.1 += d;
        }
        let floor = floor(&o.file).map_or_else(|| "—".to_owned(), |f| f.to_string());
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {:.0}% | {floor} | {} | {} |",
            o.file.trim_end_matches(".pdf"),
            o.cells,
            o.without_amounts,
            o.missing,
            o.sampled,
            o.detected,
            percent(o.detected, o.sampled),
            o.elsewhere,
            misses.join(", ")
        );
    }
    let elsewhere: usize = outcomes.iter().map(|o| o.elsewhere).sum();
    let _ = writeln!(
        out,
        "| **total** ({} documents) | | | | {sampled} | {detected} | {:.1}% | | {elsewhere} | |",
        outcomes.len(),
        percent(detected, sampled)
    );
    let _ = writeln!(out, "\nby table kind, over the corpus");
    let _ = writeln!(out, "| table kind | changed | detected | % |");
    let _ = writeln!(out, "|---|---:|---:|---:|");
    for (g, (n, d)) in &groups {
        let _ = writeln!(out, "| {} | {n} | {d} | {:.0}% |", group_name(*g), percent(*d, *n));
    }
    for o in outcomes {
        for line in o.misplaced.iter().chain(&o.refused_after_change) {
            let _ = writeln!(out, "{}: {line}", o.file);
        }
    }
    if std::env::var_os("GONGKAI_MUTATION_MISSES").is_some() {
        for o in outcomes {
            for miss in &o.missed {
                let _ = writeln!(out, "{}: missed {miss}", o.file);
            }
        }
    }
    out
}

fn floor(file: &str) -> Option<usize> {
    FLOORS.iter().find(|(f, _)| *f == file).map(|(_, n)| *n)
}

/// The ratchet: no document detects fewer changes than its floor.
#[test]
fn changed_table_amounts_are_detected_no_less_than_before() {
    let outcomes = measure_corpus();
    let mut failures = Vec::new();
    for o in &outcomes {
        if o.sampled < PER_DOCUMENT {
            failures.push(format!("{}: only {} of {PER_DOCUMENT} cells could be changed", o.file, o.sampled));
        }
        if !o.misplaced.is_empty() {
            failures.push(format!("{}: {} cells not at their printed figure", o.file, o.misplaced.len()));
        }
        match floor(&o.file) {
            None => failures.push(format!("{}: no floor; add it to FLOORS with {} detected", o.file, o.detected)),
            Some(f) if o.detected < f => failures
                .push(format!("{}: {} of {} changes detected, below the floor of {f}", o.file, o.detected, o.sampled)),
            Some(f) if o.detected > f => {
                println!("{}: {} detected, above the floor of {f}: raise it", o.file, o.detected);
            }
            Some(_) => {}
        }
    }
    for (file, _) in FLOORS {
        if !outcomes.iter().any(|o| o.file == *file) {
            failures.push(format!("{file}: has a floor but is not in the corpus"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The target: at least 95% of the changes detected in every document.
/// Not met yet (see the table the ratchet prints); un-ignore when it is.
#[test]
#[ignore = "the target is not met yet: the ratchet above holds today's figures"]
fn every_document_meets_the_95_percent_target() {
    let outcomes = measure_corpus();
    let below: Vec<String> = outcomes
        .iter()
        .filter(|o| o.detected * 100 < o.sampled * TARGET_PERCENT)
        .map(|o| format!("{}: {} of {}", o.file, o.detected, o.sampled))
        .collect();
    assert!(below.is_empty(), "below {TARGET_PERCENT}%:\n{}", below.join("\n"));
}
