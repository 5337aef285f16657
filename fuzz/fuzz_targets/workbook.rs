//! The sheet readers: workbooks (.xlsx, .xls, through calamine and our guards)
//! and CSV exchanges, each followed by the recognizer. The same bytes go to
//! both: CSV needs text, a workbook needs a zip or a compound file, and the
//! fuzzer keeps whichever finds new paths.
#![no_main]

use gongkai_import::{Format, ImportOptions, import_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ImportOptions::default();
    let _ = import_bytes(data, "fuzz.xlsx", Format::Workbook, &options);
    let _ = import_bytes(data, "fuzz.csv", Format::Csv, &options);
});
