//! The sheet readers: workbooks (.xlsx, .xls, through calamine and our guards)
//! and CSV exchanges, each followed by the recognizer. The same bytes go to
//! both: CSV needs text, a workbook needs a zip or a compound file, and the
//! fuzzer keeps whichever finds new paths.
//!
//! A panic inside calamine is caught by the workbook reader and becomes an
//! `ImportError`, which is fine; libfuzzer-sys's panic hook would abort on it
//! all the same, so the hook is silenced here and only a panic that escapes
//! the reader counts (printed, then aborted on).
#![no_main]

use std::sync::Once;

use gongkai_import::{Format, ImportOptions, import_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    static QUIET: Once = Once::new();
    QUIET.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let options = ImportOptions::default();
    let run = std::panic::catch_unwind(|| {
        let _ = import_bytes(data, "fuzz.xlsx", Format::Workbook, &options);
        let _ = import_bytes(data, "fuzz.csv", Format::Csv, &options);
    });
    if let Err(payload) = run {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("a panic escaped the readers: {message}");
        std::process::abort();
    }
});
