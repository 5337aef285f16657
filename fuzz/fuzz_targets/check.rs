//! The national rules on whatever the text reader makes of the input: the
//! resolver, the lists of parts and every rule walk prose and tables by byte
//! offsets and indices, and must not panic on any document.
#![no_main]

use std::sync::OnceLock;

use gongkai_import::{Format, ImportOptions, import_bytes};
use gongkai_rules::{Config, Engine};
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(Config::default()).expect("national rules"))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(imported) = import_bytes(data, "fuzz.txt", Format::Text, &ImportOptions::default()) {
        let _ = engine().check_with_coverage(&imported.document);
    }
});
