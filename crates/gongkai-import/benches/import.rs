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

fn corpus_pdf(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/pdf/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// PDF pages per second: the 41-page 无锡 document, text layer rebuilt into
/// lines and cells (extraction, rulings, grids, page furniture).
#[divan::bench(sample_count = 20)]
fn pdf_layout_41_pages(bencher: Bencher) {
    let bytes = corpus_pdf("YS2025_江苏_无锡市发展和改革委员会_部门预算公开.pdf");
    bencher
        .counter(divan::counter::ItemsCount::new(41usize))
        .bench(|| gongkai_import::layout::pdf::read_pdf(black_box(&bytes), "wuxi.pdf"));
}

/// The same document imported to the model (PDF layout + recognize + claims).
#[divan::bench(sample_count = 20)]
fn pdf_import_41_pages(bencher: Bencher) {
    let bytes = corpus_pdf("YS2025_江苏_无锡市发展和改革委员会_部门预算公开.pdf");
    let options = gongkai_import::ImportOptions::default();
    bencher
        .counter(divan::counter::ItemsCount::new(41usize))
        .bench(|| gongkai_import::import_bytes(black_box(&bytes), "wuxi.pdf", gongkai_import::Format::Pdf, &options));
}
