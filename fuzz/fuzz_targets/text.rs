//! The text reader: decoding (UTF-8, UTF-16, GB18030), layout and recognizer.
#![no_main]

use gongkai_import::{Format, ImportOptions, import_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // An error is a fine answer; a panic, a hang or a blow-up is not.
    let _ = import_bytes(data, "fuzz.txt", Format::Text, &ImportOptions::default());
});
