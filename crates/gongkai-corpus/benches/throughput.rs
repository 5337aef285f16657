//! Throughput of import, the national rules, and a whole-corpus batch over generated
//! documents, against a plain pass over the same bytes.
//!
//! `cargo bench -p gongkai-corpus --bench throughput`; divan prints bytes/s for each
//! bench (the corpus is 100 documents, about 2.4 MB). Peak memory and the 10,000-document
//! wall time are measured by `cargo xtask bench-batch`.

use divan::{Bencher, black_box, counter::BytesCount};
use gongkai_corpus::detection::Checker;
use gongkai_import::{ImportOptions, import_text};
use gongkai_rules::{Config, Engine};

/// The CLI's allocator, so that the figures are the tool's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const DOCS: u64 = 100;

fn corpus() -> Vec<String> {
    (0..DOCS).map(|i| gongkai_corpus::generate(1, i).text).collect()
}

fn total_bytes(docs: &[String]) -> usize {
    docs.iter().map(String::len).sum()
}

/// The floor: touching every byte once (a checksum, so the loop is not optimised away).
#[divan::bench]
fn raw_read(bencher: Bencher) {
    let docs = corpus();
    bencher.counter(BytesCount::new(total_bytes(&docs))).bench(|| {
        docs.iter().map(|d| d.bytes().fold(0u64, |a, b| a.wrapping_add(u64::from(b)))).fold(0u64, u64::wrapping_add)
    });
}

/// Text → lines of cells (the layout layer alone).
#[divan::bench]
fn layout(bencher: Bencher) {
    let docs = corpus();
    bencher.counter(BytesCount::new(total_bytes(&docs))).bench(|| {
        for d in &docs {
            black_box(gongkai_import::layout::layout_text(d));
        }
    });
}

/// Text → model.
#[divan::bench]
fn import(bencher: Bencher) {
    let docs = corpus();
    let options = ImportOptions::default();
    bencher.counter(BytesCount::new(total_bytes(&docs))).bench(|| {
        for d in &docs {
            black_box(import_text(d, "bench.txt", &options).ok());
        }
    });
}

/// The national rules over already imported models.
#[divan::bench]
fn national_rules(bencher: Bencher) {
    let docs = corpus();
    let options = ImportOptions::default();
    let models: Vec<_> = docs.iter().filter_map(|d| import_text(d, "bench.txt", &options).ok()).collect();
    let engine = Engine::new(Config::default()).expect("default config");
    bencher.counter(BytesCount::new(total_bytes(&docs))).bench(|| {
        for m in &models {
            black_box(engine.check(&m.document));
        }
    });
}

/// Import + rules for every document, one thread (the per-core figure).
#[divan::bench]
fn batch(bencher: Bencher) {
    let docs = corpus();
    let checker = Checker::new().expect("default config");
    bencher.counter(BytesCount::new(total_bytes(&docs))).bench(|| {
        for d in &docs {
            black_box(checker.check(d, "bench.txt").ok());
        }
    });
}
