//! PDF input beyond the corpus: encrypted files, a scan without a text layer,
//! damaged files. Each opens or ends in an error naming the file, never a
//! panic. (The corpus documents themselves: `crates/gongkai/tests/pdf_corpus.rs`.)
//!
//! Fixtures in `tests/pdf-bad/` (made once, kept): `encrypted-empty-password.pdf`
//! is the 上海 corpus PDF encrypted by `qpdf --encrypt "" owner-secret 128
//! --use-aes=y`; `encrypted-password.pdf` its first page with `qpdf --encrypt
//! user-secret owner-secret 256`; `scanned.pdf` a hand-written one-page PDF that
//! draws only a grey image.

use std::path::PathBuf;

use gongkai_import::{Format, ImportOptions, import_bytes, layout::pdf::read_pdf};

fn fixture(dir: &str, name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join(dir).join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const SHANGHAI: &str = "YS2025_上海_普陀区万里街道办事处_区级部门预算.pdf";

#[test]
fn an_encrypted_pdf_with_an_empty_user_password_opens() {
    let plain = read_pdf(&fixture("pdf", SHANGHAI), "plain.pdf").unwrap();
    let encrypted = read_pdf(&fixture("pdf-bad", "encrypted-empty-password.pdf"), "encrypted.pdf").unwrap();
    assert_eq!(encrypted.text, plain.text);
    assert_eq!(encrypted.pages, 31);
}

#[test]
fn a_pdf_that_needs_a_password_is_refused() {
    let err = read_pdf(&fixture("pdf-bad", "encrypted-password.pdf"), "locked.pdf").unwrap_err();
    assert_eq!(err.file, "locked.pdf");
    assert!(err.message.contains("password"), "{err}");
}

#[test]
fn a_scan_without_a_text_layer_is_refused() {
    let err = import_bytes(&fixture("pdf-bad", "scanned.pdf"), "scan.pdf", Format::Pdf, &ImportOptions::default())
        .unwrap_err();
    assert_eq!(err.file, "scan.pdf");
    assert!(err.message.contains("no text layer") && err.message.contains("OCR"), "{err}");
}

#[test]
fn damaged_pdfs_end_in_an_error_or_what_could_be_read() {
    let whole = fixture("pdf", SHANGHAI);
    let mut cases: Vec<(String, Vec<u8>)> = vec![
        ("empty".into(), Vec::new()),
        ("not a pdf".into(), b"%PDF-1.7\nthis is not a PDF at all".to_vec()),
        ("header only".into(), b"%PDF-1.4\n".to_vec()),
    ];
    for percent in [10, 40, 60, 90] {
        cases.push((format!("truncated to {percent}%"), whole[..whole.len() * percent / 100].to_vec()));
    }
    let mut flipped = whole.clone();
    let mut x: u32 = 7;
    for _ in 0..200 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let at = (x as usize) % flipped.len();
        flipped[at] ^= 0x5a;
    }
    cases.push(("200 bytes flipped".into(), flipped));
    for (what, bytes) in cases {
        // Either an import error naming the file, or a document from what was
        // readable; never a panic (read_pdf also guards the parser).
        match import_bytes(&bytes, "damaged.pdf", Format::Pdf, &ImportOptions::default()) {
            Ok(imported) => {
                assert!(!imported.document.tables.is_empty() || !imported.document.sections.is_empty(), "{what}")
            }
            Err(err) => assert_eq!(err.file, "damaged.pdf", "{what}: {err}"),
        }
    }
}

#[test]
fn pages_are_form_feeds_and_page_furniture_is_gone() {
    let pdf = read_pdf(&fixture("pdf", "YS2025_江苏_无锡市发展和改革委员会_部门预算公开.pdf"), "js.pdf").unwrap();
    assert_eq!(pdf.pages, 41);
    assert_eq!(pdf.text.matches('\u{c}').count(), 40);
    // The running head (`无锡市发展和改革委员会 2025 年度部门预算公开`) and the
    // `- 10 -` footers are removed on every page.
    assert!(!pdf.text.contains("年度部门预算公开\n\u{c}"), "running head kept");
    assert!(!pdf.text.lines().any(|l| l.trim() == "- 10 -"), "page number kept");
    // A table row: cells by the drawn rulings, empty cells kept.
    assert!(
        pdf.text.contains("302002\t无锡市发展改革研究中心\t1,188.86\t1,188.86\t1,188.86\t"),
        "{}",
        &pdf.text[..2000]
    );
    // A name wrapped inside its cell is one cell.
    assert!(pdf.text.contains("\t无锡市发展和改革委员会（本级）\t"));
}
