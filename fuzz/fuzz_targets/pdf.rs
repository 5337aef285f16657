//! The PDF reader: parsing (through pdfboss), glyph pieces, ruled grids, page
//! furniture, and the recognizer on the rebuilt text.
#![no_main]

use gongkai_import::{Format, ImportOptions, import_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // An error is a fine answer; a panic that escapes, a hang or a blow-up is not.
    let _ = import_bytes(data, "fuzz.pdf", Format::Pdf, &ImportOptions::default());
});
