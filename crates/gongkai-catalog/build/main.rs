//! Compiles `data/sources.toml` and the data files it lists into static tables
//! (`$OUT_DIR/catalog_tables.rs`, included by `src/catalog.rs`).
//!
//! Everything is validated here, with the same code-shape and name-normalisation rules
//! the library uses at run time (`src/code.rs` and `src/normalize.rs` are compiled into
//! this script), so a bad data file stops the build instead of reaching a user. Plain
//! `std` only: the manifest is a strict TOML subset, the data files are TSV.
//!
//! The modules below are also compiled into the library's unit tests
//! (`src/build_tests.rs`), which is why they reach each other through `super::` and the
//! shared files through `crate::code` / `crate::normalize`.

use std::path::PathBuf;
use std::{env, fs};

#[allow(dead_code)]
#[path = "../src/code.rs"]
mod code;
mod generate;
mod manifest;
#[allow(dead_code)]
#[path = "../src/normalize.rs"]
mod normalize;
mod rows;

fn main() {
    if let Err(message) = run() {
        // A plain message is easier to read in cargo's output than a panic.
        eprintln!("gongkai-catalog data error: {message}");
        std::process::exit(1);
    }
}

fn run() -> manifest::Result<()> {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    println!("cargo::rerun-if-changed=data");
    println!("cargo::rerun-if-changed=src/code.rs");
    println!("cargo::rerun-if-changed=src/normalize.rs");
    let out = generate::compile(&manifest_dir.join("data"))?;
    let out_path = PathBuf::from(env::var("OUT_DIR").map_err(|e| e.to_string())?).join("catalog_tables.rs");
    fs::write(&out_path, out).map_err(|e| format!("writing {}: {e}", out_path.display()))
}
