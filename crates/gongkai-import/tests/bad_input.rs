//! Hostile and broken input: each case ends in an error naming the file (and
//! position where there is one) or in a model with the odd parts kept as
//! unparsed text — never a panic, never a hang.

mod common;

use gongkai_import::{Format, ImportOptions, Limits, import_bytes};

fn text(bytes: &[u8]) -> Result<gongkai_import::Imported, gongkai_import::ImportError> {
    import_bytes(bytes, "input.txt", Format::Text, &ImportOptions::default())
}

#[test]
fn empty_and_blank_files() {
    for input in [&b""[..], b"\n\n\n", b"   \t  \n"] {
        let err = text(input).unwrap_err();
        assert_eq!(err.file, "input.txt");
        assert!(err.message.contains("empty") || err.message.contains("not a budget disclosure"), "{err}");
    }
}

#[test]
fn binary_garbage_is_refused_with_an_offset() {
    let mut garbage = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..4096 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        garbage.push((x >> 16) as u8);
    }
    let err = text(&garbage).unwrap_err();
    assert!(err.message.contains("offset"), "{err}");
}

#[test]
fn invalid_utf8_that_is_not_gbk_either() {
    // 0x80 alone is invalid in UTF-8 and in GB18030 as a lead byte followed by 0x20.
    let err = text(b"\xe5\xa5\x87\xe5\x8f\xb0\n\x80\x20\xff").unwrap_err();
    assert!(err.message.contains("offset"), "{err}");
}

#[test]
fn inputs_over_the_size_limit_name_the_option() {
    let options = ImportOptions { limits: Limits { max_input_bytes: 1024 }, ..Default::default() };
    let big = vec![b'a'; 2048];
    let err = import_bytes(&big, "big.txt", Format::Text, &options).unwrap_err();
    assert!(err.message.contains("--max-input-mb"), "{err}");
}

#[test]
fn a_very_long_single_line_is_not_a_disclosure_and_returns() {
    let line = "一般公共预算1,008.93万元，占99.82%，".repeat(200_000); // ~6 MB, one line
    let err = text(line.as_bytes()).unwrap_err();
    assert!(err.message.contains("not a budget disclosure"), "{err}");
}

#[test]
fn a_long_unpunctuated_explanation_is_linear() {
    // 20,000 lines joined into one paragraph (no sentence end): must return.
    let mut doc = String::from(
        "某单位\n2024年部门预算公开\n\n第三部分 2024年单位预算情况说明\n\n一、关于某单位2024年收入预算情况说明\n\n",
    );
    for i in 0..20_000 {
        doc.push_str(&format!("第{i}行文字没有句号基本支出1.00万元\n"));
    }
    let imported = text(doc.as_bytes()).unwrap();
    assert_eq!(imported.document.sections.len(), 1);
    assert!(imported.document.claims.len() >= 20_000);
}

#[test]
fn deeply_nested_json_is_an_error_with_a_position() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let err = import_bytes(deep.as_bytes(), "deep.json", Format::Json, &ImportOptions::default()).unwrap_err();
    assert_eq!(err.file, "deep.json");
    assert!(err.message.contains("not valid JSON") && err.line.is_some(), "{err}");
}

#[test]
fn numbers_with_forty_digits_or_exponents_stay_text() {
    let example = common::example_text();
    let changed =
        example.replacen("1,010.70\t927.93\t82.77", "1234567890123456789012345678901234567890.00\t9.2e2\t82.77", 1);
    let doc = common::import(&changed).document;
    let table = doc.table(gongkai_model::TableKind::ExpenditureSummary).unwrap();
    let total = table.main().unwrap().total_row().unwrap();
    assert_eq!(total.cells[0].amount, None);
    assert_eq!(total.cells[0].text.as_deref(), Some("1234567890123456789012345678901234567890.00"));
    assert_eq!(total.cells[1].text.as_deref(), Some("9.2e2"));
}

#[test]
fn a_row_with_more_cells_than_its_header_keeps_them() {
    let example = common::example_text();
    // The 表3 row (the line ends after its three amount cells).
    let row = "\n221\t02\t01\t住房公积金\t40.96\t40.96\t\n";
    assert!(example.contains(row));
    let changed = example.replacen(row, "\n221\t02\t01\t住房公积金\t40.96\t40.96\t\t9.99\t8.88\n", 1);
    let imported = common::import(&changed);
    assert!(
        imported.diagnostics.iter().any(|d| d.message.contains("more cells than its header")),
        "{:#?}",
        imported.diagnostics
    );
}

#[test]
fn duplicate_rows_and_negative_amounts_import() {
    let example = common::example_text();
    let row = "\n208\t08\t01\t死亡抚恤\t0.58\t0.58\t\n";
    assert!(example.contains(row));
    let changed =
        example.replacen(row, "\n208\t08\t01\t死亡抚恤\t0.58\t0.58\t\n208\t08\t01\t死亡抚恤\t-0.58\t-0.58\t\n", 1);
    let doc = common::import(&changed).document;
    let t = doc.table(gongkai_model::TableKind::ExpenditureSummary).unwrap();
    let rows: Vec<_> =
        t.main().unwrap().rows.iter().filter(|r| r.code.as_ref().is_some_and(|c| c.as_str() == "2080801")).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].cells[0].amount.map(|n| n.to_string()).as_deref(), Some("-0.58"));
}

#[test]
fn truncated_example_still_imports_what_is_there() {
    let example = common::example_text();
    for cut in [500, 5_000, 12_000, 20_000] {
        let truncated: String = example.chars().take(cut).collect();
        match text(truncated.as_bytes()) {
            Ok(imported) => assert!(!imported.document.tables.is_empty() || !imported.document.sections.is_empty()),
            Err(e) => assert!(e.message.contains("not a budget disclosure"), "{e}"),
        }
    }
}
