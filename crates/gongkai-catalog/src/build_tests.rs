//! Tests of the build script's modules (compiled here a second time): the manifest
//! format, the validation of data files, and the promise that a complete official
//! catalog is one data file plus one manifest block away.

#[allow(dead_code)]
#[path = "../build/generate.rs"]
mod generate;
#[allow(dead_code)]
#[path = "../build/manifest.rs"]
mod manifest;
#[allow(dead_code)]
#[path = "../build/rows.rs"]
mod rows;

use std::fs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::years::YearSet;

/// A scratch `data/` directory, removed on drop.
struct DataDir(PathBuf);

impl DataDir {
    fn new(files: &[(&str, &str)]) -> DataDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "gongkai-catalog-build-test-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        fs::create_dir_all(&dir).expect("create scratch dir");
        for (name, text) in files {
            fs::write(dir.join(name), text).expect("write scratch file");
        }
        DataDir(dir)
    }

    fn compile(&self) -> Result<String, String> {
        generate::compile(&self.0)
    }
}

impl Drop for DataDir {
    fn drop(&mut self) {
        // Best effort: a leftover temp dir is harmless.
        let _ = fs::remove_dir_all(&self.0);
    }
}

const SOURCE: &str = r#"
[[source]]
id = "mof2025"
years = [2025]
title = "2025年政府收支分类科目"
location = "test"
"#;

fn file_block(path: &str, attestation: &str, complete: bool) -> String {
    format!(
        "\n[[file]]\npath = \"{path}\"\nscheme = \"function\"\nyears = [2025]\nattestation = \"{attestation}\"\ncomplete = {complete}\nsources = [\"mof2025\"]\n"
    )
}

const OFFICIAL_TSV: &str = "code\tname\tlevel\n208\t社会保障和就业支出\t类\n20805\t行政事业单位养老支出\t款\n2080505\t机关事业单位基本养老保险缴费支出\t项\n";

#[test]
fn year_range_matches_the_library() {
    assert_eq!(manifest::MIN_YEAR, YearSet::MIN_YEAR);
    assert_eq!(manifest::MAX_YEAR, YearSet::MAX_YEAR);
}

#[test]
fn the_shipped_data_compiles() {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data");
    let out = generate::compile(&data).expect("shipped data is valid");
    assert!(out.contains("pub(crate) static COMPLETE: &[(Scheme, u16)] = &[\n];"), "nothing is complete today");
}

#[test]
fn an_official_catalog_drops_in_without_code_changes() {
    let manifest = format!("{SOURCE}{}", file_block("function_2025.tsv", "official", true));
    let dir = DataDir::new(&[("sources.toml", &manifest), ("function_2025.tsv", OFFICIAL_TSV)]);
    let out = dir.compile().expect("valid official catalog");
    assert!(out.contains("(Scheme::Function, 2025),"), "{out}");
    assert!(out.contains("机关事业单位基本养老保险缴费支出"), "the name is in the string blob");
    let official_rows =
        out.lines().filter(|l| l.trim_start().starts_with("Row {") && l.contains("Attestation::Official")).count();
    assert_eq!(official_rows, 3);
}

#[test]
fn only_official_files_can_be_complete() {
    let manifest = format!("{SOURCE}{}", file_block("f.tsv", "hand_checked", true));
    let dir = DataDir::new(&[("sources.toml", &manifest), ("f.tsv", OFFICIAL_TSV)]);
    let err = dir.compile().expect_err("hand-checked data is never complete");
    assert!(err.contains("complete = true needs attestation = \"official\""), "{err}");
}

#[test]
fn bad_rows_stop_the_build_with_a_line_number() {
    let manifest = format!("{SOURCE}{}", file_block("f.tsv", "observed", false));
    let cases = [
        ("code\tname\tlevel\n2O8\t社会保障和就业支出\t类\n", "line 2: code \"2O8\""),
        ("code\tname\tlevel\n208\t社会保障和就业支出\t款\n", "level column says"),
        ("code\tname\tlevel\n301\t工资福利支出\t类\n", "economic_department"),
        ("code\tname\tlevel\n208\t\t类\n", "empty name"),
        ("code\tname\tlevel\n208\t社会保障和就业支出\t类\n208\t社会保障和就业支出（类）\t类\n", "appears twice"),
        ("code\tname\tyears\n208\t社会保障和就业支出\t2019\n", "outside the manifest's years"),
        ("code\tname\n208\t社会保障和就业支出\textra\n", "3 cells, header has 2"),
        ("name\n社会保障和就业支出\n", "no `code` column"),
    ];
    for (tsv, expected) in cases {
        let dir = DataDir::new(&[("sources.toml", &manifest), ("f.tsv", tsv)]);
        let err = dir.compile().expect_err(expected);
        assert!(err.starts_with("f.tsv: ") && err.contains(expected), "{expected}: {err}");
    }
}

#[test]
fn manifest_mistakes_are_reported() {
    let cases = [
        (
            format!("{SOURCE}{}", file_block("f.tsv", "observed", false).replace("complete", "complet")),
            "complete: missing",
        ),
        (format!("{SOURCE}{}extra = 1\n", file_block("f.tsv", "observed", false)), "unknown key \"extra\""),
        (
            format!("{SOURCE}{}", file_block("f.tsv", "observed", false).replace("mof2025", "nobody")),
            "unknown source id",
        ),
        (format!("{SOURCE}{}", file_block("f.tsv", "rumour", false)), "attestation \"rumour\""),
        (
            format!("{SOURCE}{}", file_block("f.tsv", "observed", false).replace("function", "revenue")),
            "scheme \"revenue\"",
        ),
        (format!("{SOURCE}{}", file_block("../f.tsv", "observed", false)), "inside data/"),
        (format!("{SOURCE}\n[[file]]\npath = unquoted\n"), "line 9"),
        (format!("{SOURCE}\n[[table]]\n"), "unknown block"),
        (format!("{SOURCE}{SOURCE}"), "duplicate source id"),
        ("key = 1\n".to_string(), "line 1: key outside"),
        (format!("{SOURCE}\n[[file]]\nyears = [2025, [2026]]\n"), "nested arrays"),
    ];
    for (text, expected) in cases {
        let dir = DataDir::new(&[("sources.toml", &text), ("f.tsv", OFFICIAL_TSV)]);
        let err = dir.compile().expect_err(expected);
        assert!(err.contains(expected), "{expected}: {err}");
    }
}

#[test]
fn manifest_values_parse() {
    let text = "# comment\n[[source]]\nid = \"a\\\"b\" # trailing comment\nyears = [2019, 2_020, ]\ntitle = \"t\"\nlocation = \"l\"\n";
    let parsed = manifest::parse_manifest(text).expect("valid subset");
    let source = parsed.sources.get("a\"b").expect("escaped id");
    assert_eq!(source.years, [2019, 2020]);
}

#[test]
fn row_sources_give_rows_their_years() {
    let manifest = format!(
        "{SOURCE}\n[[source]]\nid = \"old\"\nyears = [2018]\ntitle = \"t\"\nlocation = \"l\"\n\n[[file]]\npath = \"f.tsv\"\nscheme = \"economic_department\"\nyears = [2018, 2025]\nattestation = \"hand_checked\"\ncomplete = false\nsources = [\"mof2025\"]\nrow_sources = \"f.sources.tsv\"\n"
    );
    let dir = DataDir::new(&[
        ("sources.toml", &manifest),
        ("f.tsv", "code\tname\tlevel\n30219\t军队离退休费\t款\n"),
        ("f.sources.tsv", "code\tsources\n30219\told,mof2025\n"),
    ]);
    let out = dir.compile().expect("valid");
    let expected_bits = (1u64 << 18) | (1u64 << 25);
    assert!(out.contains(&format!("years: YearSet::from_bits({expected_bits:#x}), documents: 2")), "{out}");
}
