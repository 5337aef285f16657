//! Validating the bundled example: import alone, the built-in rules alone, and
//! both (what `gongkai validate` does per document).
//! `cargo bench -p gongkai-rules --bench validate`

use divan::{Bencher, black_box, counter::BytesCount};
use gongkai_rules::{Config, Engine};

fn main() {
    divan::main();
}

fn example() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/qitai-2024-budget.txt")).unwrap()
}

#[divan::bench]
fn import_and_all_rules(bencher: Bencher) {
    let text = example();
    let engine = Engine::new(Config::default()).unwrap();
    let options = gongkai_import::ImportOptions::default();
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let imported = gongkai_import::import_text(black_box(&text), "example.txt", &options).unwrap();
        engine.check(&imported.document)
    });
}

#[divan::bench]
fn all_rules_only(bencher: Bencher) {
    let doc = gongkai_import::import_text(&example(), "example.txt", &Default::default()).unwrap().document;
    let engine = Engine::new(Config::default()).unwrap();
    bencher.bench(|| engine.check(black_box(&doc)));
}
