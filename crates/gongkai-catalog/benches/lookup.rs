//! Cost of the queries a rule makes per table row: `lookup`, `name_matches` and, for
//! comparison, the linear `search`. Run with `cargo bench -p gongkai-catalog`.

use divan::black_box;
use gongkai_catalog::{Catalog, CodeInfo, NameCheck};

fn main() {
    let stats = Catalog::builtin().stats();
    println!(
        "builtin tables: {} rows, {} codes, {} unverified candidates; {} bytes of arrays + {} bytes of strings",
        stats.rows, stats.codes, stats.candidates, stats.table_bytes, stats.string_bytes
    );
    divan::main();
}

#[divan::bench]
fn lookup_hit() -> Option<CodeInfo<'static>> {
    Catalog::builtin().lookup(black_box("2080505"), black_box(Some(2024)))
}

#[divan::bench]
fn lookup_renamed_code() -> Option<CodeInfo<'static>> {
    Catalog::builtin().lookup(black_box("20805"), black_box(Some(2024)))
}

#[divan::bench]
fn lookup_miss() -> Option<CodeInfo<'static>> {
    Catalog::builtin().lookup(black_box("2089998"), black_box(Some(2024)))
}

#[divan::bench]
fn name_matches_exact() -> NameCheck<'static> {
    Catalog::builtin().name_matches(black_box("2080505"), black_box("机关事业单位基本养老保险缴费支出"), Some(2024))
}

#[divan::bench]
fn name_matches_bracket_variant() -> NameCheck<'static> {
    Catalog::builtin().name_matches(black_box("30213"), black_box("维修(护)费"), Some(2024))
}

#[divan::bench]
fn name_matches_mismatch() -> NameCheck<'static> {
    Catalog::builtin().name_matches(black_box("20805"), black_box("行政事业单位离退休"), Some(2024))
}

#[divan::bench]
fn name_matches_unknown() -> NameCheck<'static> {
    Catalog::builtin().name_matches(black_box("2089998"), black_box("任意名称"), Some(2024))
}

#[divan::bench]
fn codes_named() -> Vec<&'static str> {
    Catalog::builtin().codes_named(black_box("行政运行"))
}

#[divan::bench]
fn search_substring() -> Vec<(&'static str, &'static str)> {
    Catalog::builtin().search(black_box("社会保障"))
}
