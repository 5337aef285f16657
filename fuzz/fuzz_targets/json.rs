//! The JSON reader: shape limits, schema validation, deserialisation.
#![no_main]

use gongkai_import::{Format, ImportOptions, import_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = import_bytes(data, "fuzz.json", Format::Json, &ImportOptions::default());
});
