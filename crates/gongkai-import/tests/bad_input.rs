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
        assert!(
            err.message_zh.contains("0 字节")
                || err.message.contains("empty")
                || err.message.contains("not a budget disclosure"),
            "{err}"
        );
    }
    // A file of no bytes says so, whatever its name.
    for format in [Format::Text, Format::Pdf, Format::Workbook, Format::Csv, Format::Json] {
        let err = import_bytes(b"", "input", format, &ImportOptions::default()).unwrap_err();
        assert_eq!(err.message_zh, "文件为空（0 字节）", "{format:?}");
        assert_eq!(err.message_in(false), "the file is empty (0 bytes)", "{format:?}");
    }
}

/// A picture or a Word file under the name of a PDF or a text is named for
/// what it is, with what to give instead.
#[test]
fn a_file_that_is_not_what_its_name_says_is_named_for_what_it_is() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    let err = import_bytes(png, "scan.pdf", Format::Pdf, &ImportOptions::default()).unwrap_err();
    assert_eq!(
        (err.file.as_str(), err.message_zh.as_str()),
        ("scan.pdf", "这是 PNG 图片，不是 PDF；请提供 PDF、Excel 工作簿或文本文件")
    );
    assert_eq!(err.message, "this is a PNG image, not a PDF: give a PDF, an Excel workbook or a text file");
    let doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0";
    let err = text(doc).unwrap_err();
    assert!(err.message_zh.contains("Word 或 Excel 97-2003 文档"), "{err}");
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
    let options = ImportOptions { limits: Limits { max_input_bytes: 1024, ..Limits::default() }, ..Default::default() };
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
    // 10^5 levels: refused at the 33rd, before anything is built, naming our
    // limit and its option (serde_json's own limit of 128 would name neither).
    let deep = "{\"a\":\n".to_owned() + &"[".repeat(100_000) + &"]".repeat(100_000) + "}";
    let err = import_bytes(deep.as_bytes(), "deep.json", Format::Json, &ImportOptions::default()).unwrap_err();
    assert_eq!((err.file.as_str(), err.line), ("deep.json", Some(2)), "{err}");
    assert!(err.message.starts_with("column 32: JSON nested deeper than the limit of 32 levels"), "{err}");
    assert!(err.message.contains("--max-json-depth"), "{err}");
    // Raised past serde_json's limit, serde_json's error (with its line) is what remains.
    let options =
        ImportOptions { limits: Limits { max_json_depth: 1_000_000, ..Limits::default() }, ..Default::default() };
    let err = import_bytes(deep.as_bytes(), "deep.json", Format::Json, &options).unwrap_err();
    assert!(err.message.contains("not valid JSON") && err.line.is_some(), "{err}");
}

#[test]
fn a_huge_json_array_is_an_error_with_a_position() {
    // 1,000,001 elements (2 MB): refused at the comma that crosses the limit.
    let huge = format!("{{\n\"tables\": [{}0]}}", "0,".repeat(1_000_000));
    let start = std::time::Instant::now();
    let err = import_bytes(huge.as_bytes(), "huge.json", Format::Json, &ImportOptions::default()).unwrap_err();
    assert!(start.elapsed() < std::time::Duration::from_secs(10), "took {:?}", start.elapsed());
    assert_eq!((err.file.as_str(), err.line), ("huge.json", Some(2)), "{err}");
    assert!(err.message.starts_with("column 2000011: JSON array longer than the limit of 1000000 elements"), "{err}");
    assert!(err.message.contains("--max-json-array"), "{err}");
    // Strings holding brackets and commas are not structure.
    let options = ImportOptions { limits: Limits { max_json_array: 2, ..Limits::default() }, ..Default::default() };
    let quoted = r#"{"unparsed": ["[,,,\"]", "{,", ","]}"#;
    let err = import_bytes(quoted.as_bytes(), "q.json", Format::Json, &options).unwrap_err();
    assert!(err.message.starts_with("column 30: JSON array longer than the limit of 2"), "{err}");
}

#[test]
fn a_schema_violation_per_element_is_counted_not_kept() {
    // Every element violates the schema: the count is exact, the list is short.
    let json = format!("{{\"tables\": [{}1]}}", "1,".repeat(200_000));
    let err = import_bytes(json.as_bytes(), "many.json", Format::Json, &ImportOptions::default()).unwrap_err();
    assert!(err.message.contains("violation(s)"), "{err}");
    assert!(err.message.lines().count() < 30, "{}", err.message.lines().count());
}

#[test]
fn a_text_table_over_the_cell_limit_names_the_option() {
    let options =
        ImportOptions { limits: Limits { max_table_cells: 1_000, ..Limits::default() }, ..Default::default() };
    let mut doc = String::from("某单位\n2024年部门预算公开\n\n单位支出总体情况表\n");
    for i in 0..101 {
        doc.push_str(&format!("{i}{}\n", "\t1.00".repeat(9)));
    }
    let err = import_bytes(doc.as_bytes(), "wide.txt", Format::Text, &options).unwrap_err();
    assert_eq!(err.line, Some(5), "{err}");
    assert!(err.message.contains("101 rows × 10 columns = 1010 cells"), "{err}");
    assert!(err.message.contains("over the limit of 1000 cells per table (raise it with --max-table-cells)"), "{err}");
}

#[test]
fn a_csv_table_over_the_cell_limit_names_the_option() {
    let options =
        ImportOptions { limits: Limits { max_table_cells: 1_000, ..Limits::default() }, ..Default::default() };
    let csv = "单位支出总体情况表\n".to_owned() + &"a,1,2,3,4,5,6,7,8,9\n".repeat(101);
    let err = import_bytes(csv.as_bytes(), "表3.csv", Format::Csv, &options).unwrap_err();
    assert!(err.message.starts_with("sheet 表3 has 102 rows × 10 columns"), "{err}");
    assert!(err.message.contains("--max-table-cells"), "{err}");
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

// Workbooks: calamine allocates what a file claims (a sheet's whole used range,
// reserved sizes, every inflated byte), and a failed allocation aborts rather
// than panics, so these must be refused before calamine sees them.

fn workbook_fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn workbook(bytes: &[u8], name: &str) -> Result<gongkai_import::Imported, gongkai_import::ImportError> {
    import_bytes(bytes, name, Format::Workbook, &ImportOptions::default())
}

/// Fails the test when `f` takes longer than `seconds`.
fn quickly<T>(seconds: u64, f: impl FnOnce() -> T) -> T {
    let start = std::time::Instant::now();
    let out = f();
    assert!(start.elapsed() < std::time::Duration::from_secs(seconds), "took {:?}", start.elapsed());
    out
}

/// A zip of one entry of `size` zero bytes (deflated, about a thousandth of it).
fn zip_of_zeros(entry: &str, size: usize) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file(entry, options).unwrap();
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..size / chunk.len() {
        zip.write_all(&chunk).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// Writes `value` as the uncompressed size of every entry, in the local headers
/// and the central directory: the sizes a bomb lies about.
fn lie_about_sizes(zip: &mut [u8], value: u32) {
    for at in 0..zip.len().saturating_sub(30) {
        let offset = match &zip[at..at + 4] {
            b"PK\x03\x04" => 22,
            b"PK\x01\x02" => 24,
            _ => continue,
        };
        zip[at + offset..at + offset + 4].copy_from_slice(&value.to_le_bytes());
    }
}

#[test]
fn a_zip_bomb_given_as_xlsx_is_refused_by_its_declared_size() {
    let bomb = zip_of_zeros("xl/worksheets/sheet1.xml", 300 << 20);
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let err = quickly(2, || workbook(&bomb, "bomb.xlsx")).unwrap_err();
    assert_eq!(err.file, "bomb.xlsx");
    assert!(err.message.contains("declares 314572800 bytes of unpacked content"), "{err}");
    assert!(err.message.contains("--max-input-mb"), "{err}");
}

#[test]
fn a_zip_bomb_that_lies_about_its_size_is_refused_quickly() {
    let mut bomb = zip_of_zeros("xl/worksheets/sheet1.xml", 300 << 20);
    lie_about_sizes(&mut bomb, 1_000);
    // The zip reader stops at the declared size (an error, not 300 MB); the
    // guard inflates each entry with the limit as its cap all the same.
    let err = quickly(5, || workbook(&bomb, "liar.xlsx")).unwrap_err();
    assert!(err.to_string().starts_with("liar.xlsx: not a readable"), "{err}");
    // Declared truthfully but under a lowered limit: refused while inflating.
    let bomb = zip_of_zeros("xl/worksheets/sheet1.xml", 8 << 20);
    let options =
        ImportOptions { limits: Limits { max_input_bytes: 4 << 20, ..Limits::default() }, ..Default::default() };
    let err = import_bytes(&bomb, "big.xlsx", Format::Workbook, &options).unwrap_err();
    assert!(err.message.contains("declares 8388608 bytes"), "{err}");
}

#[test]
fn a_shared_string_count_past_the_table_is_refused() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("xl/sharedStrings.xml", zip::write::SimpleFileOptions::default()).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><sst count = '1' uniqueCount = '99999999999'><si><t>a</t></si></sst>"#)
        .unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    let err = quickly(2, || workbook(&bytes, "strings.xlsx")).unwrap_err();
    assert!(err.message.contains("xl/sharedStrings.xml claims 99999999999 strings"), "{err}");
}

#[test]
fn a_stray_cell_at_the_last_row_and_column_of_an_xlsx_is_refused() {
    // A1 and XFD1048576: a used range of 17 billion cells from a tiny file.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("表3").unwrap();
    sheet.write_string(0, 0, "单位支出总体情况表").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let err = quickly(5, || workbook(&bytes, "stray.xlsx")).unwrap_err();
    assert!(
        err.message.starts_with("sheet 表3 (its cells reach XFD1048576) has 1048576 rows × 16384 columns"),
        "{err}"
    );
    assert!(err.message.contains("cells per table (raise it with --max-table-cells)"), "{err}");
}

/// The offset of the first BIFF record of `kind` with `len` bytes of data.
fn biff_record(xls: &[u8], kind: u16, len: u16) -> usize {
    let mut head = kind.to_le_bytes().to_vec();
    head.extend(len.to_le_bytes());
    xls.windows(4).position(|w| w == head).expect("a record")
}

#[test]
fn an_xls_dimensions_record_of_billions_of_cells_is_refused() {
    let mut xls = workbook_fixture("qitai-libreoffice.xls");
    let at = biff_record(&xls, 0x0200, 14);
    xls[at + 8..at + 12].copy_from_slice(&0x7FFF_FFFFu32.to_le_bytes()); // last row + 1
    let err = quickly(5, || workbook(&xls, "dims.xls")).unwrap_err();
    assert!(err.message.contains("cells per table (raise it with --max-table-cells)"), "{err}");
}

#[test]
fn an_xls_cell_far_from_the_others_is_refused() {
    let mut xls = workbook_fixture("qitai-libreoffice.xls");
    // A number cell moved to row 65536, column IV: a 16.7-million-cell grid.
    let at = biff_record(&xls, 0x0203, 14);
    xls[at + 4..at + 8].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0x00]);
    let err = quickly(5, || workbook(&xls, "far.xls")).unwrap_err();
    assert!(err.message.contains("--max-table-cells"), "{err}");
}

#[test]
fn an_xls_whose_directory_chain_loops_is_refused() {
    // calamine follows the directory's sector chain until it ends: pointing the
    // directory's sector at itself in the allocation table would never end.
    let mut xls = workbook_fixture("qitai-libreoffice.xls");
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap()) as usize;
    let directory = u32_at(&xls, 48);
    let fat = u32_at(&xls, 76);
    let entry = (fat + 1) * 512 + 4 * directory;
    xls[entry..entry + 4].copy_from_slice(&(directory as u32).to_le_bytes());
    let err = quickly(5, || workbook(&xls, "loop.xls")).unwrap_err();
    assert!(err.message.contains("sector chain loops back"), "{err}");
}

#[test]
fn a_truncated_xls_is_an_error_naming_the_file() {
    let xls = workbook_fixture("qitai-libreoffice.xls");
    for cut in [0, 100, 600, xls.len() / 2] {
        let err = workbook(&xls[..cut], "cut.xls").expect_err("a truncated workbook is refused");
        assert!(err.to_string().starts_with("cut.xls: "), "{err}");
    }
    // Cut in its unused tail, it still reads.
    assert!(workbook(&xls[..xls.len() - 100], "cut.xls").is_ok());
}

#[test]
fn an_xls_number_row_record_whose_last_column_is_before_its_first_is_an_error() {
    // Found by the `workbook` fuzz target: calamine subtracts the columns of a
    // MulRk record unchecked (a panic in a debug build, a wrong length in a
    // release one); either way the workbook is an error naming the file.
    let mut xls = workbook_fixture("qitai-libreoffice.xls");
    let at = biff_record(&xls, 0x00BD, 30) + 4;
    xls[at + 28..at + 30].copy_from_slice(&1u16.to_le_bytes()); // last column B, first E
    let err = workbook(&xls, "mulrk.xls").unwrap_err();
    assert!(err.to_string().starts_with("mulrk.xls: not a readable"), "{err}");
}
