//! Import throughput on the bundled example: decode + layout + recognize (+ claims).
//! `cargo bench -p gongkai-import --bench import`

use divan::{Bencher, black_box, counter::BytesCount};

fn main() {
    divan::main();
}

fn example() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/qitai-2024-budget.txt")).unwrap()
}

#[divan::bench]
fn import_example(bencher: Bencher) {
    let text = example();
    let options = gongkai_import::ImportOptions::default();
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        gongkai_import::import_bytes(black_box(text.as_bytes()), "example.txt", gongkai_import::Format::Text, &options)
    });
}

#[divan::bench]
fn layout_only(bencher: Bencher) {
    let text = example();
    bencher.counter(BytesCount::new(text.len())).bench(|| gongkai_import::layout::layout_text(black_box(&text)));
}

/// The floor: decoding (UTF-8 validation and a copy) of the same bytes.
#[divan::bench]
fn decode_only(bencher: Bencher) {
    let text = example();
    bencher.counter(BytesCount::new(text.len())).bench(|| gongkai_import::layout::decode(black_box(text.as_bytes())));
}
