//! `cargo xtask …`: project automation that is easier to keep in Rust than in shell.
//!
//! - `schemas [--check]`: write (or check) the generated JSON Schemas in `schemas/`.
//! - `ci`: run exactly what CI runs (`.ci/run` calls this).
//! - `dist`: the release archive (stripped binary, plugins, README), checked to run alone.

mod bench_batch;
mod detection;
mod dist;
mod gen_corpus;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// mimalloc: a batch run allocates many small strings per line read (see the
/// workspace manifest for the measurement).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("schemas") => schemas(args.iter().any(|a| a == "--check")),
        Some("ci") => ci(),
        Some("new-plugin") => {
            #[path = "new_plugin.rs"]
            mod new_plugin;
            new_plugin::run(&workspace_root(), &args[1..])
        }
        Some("gen-corpus") => gen_corpus::run(&args[1..]),
        Some("detection") => detection::run(&args[1..]),
        Some("bench-batch") => bench_batch::run(&args[1..]),
        Some("dist") => dist::run(),
        _ => {
            eprintln!(
                "usage: cargo xtask <schemas [--check] | ci | new-plugin | gen-corpus | detection | bench-batch | dist>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Writes the schemas generated from the model into `schemas/`, or with `--check`
/// fails when the checked-in copies differ.
fn schemas(check: bool) -> Result<(), String> {
    let dir = workspace_root().join("schemas");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut stale = Vec::new();
    for (name, text) in gongkai_model::schema::all_schemas() {
        let path = dir.join(name);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == text {
            continue;
        }
        if check {
            stale.push(name);
        } else {
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            println!("wrote {}", path.display());
        }
    }
    if stale.is_empty() {
        Ok(())
    } else {
        Err(format!("schemas out of date: {}; run `cargo xtask schemas`", stale.join(", ")))
    }
}

/// Runs the CI steps in order, stopping at the first failure.
fn ci() -> Result<(), String> {
    let root = workspace_root();
    let steps: &[&[&str]] = &[
        &["fmt", "--all", "--check"],
        &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"],
        &["test", "--workspace"],
    ];
    for step in steps {
        println!("==> cargo {}", step.join(" "));
        let status = Command::new(env!("CARGO"))
            .args(*step)
            .current_dir(&root)
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if !status.success() {
            return Err(format!("`cargo {}` failed", step.join(" ")));
        }
    }
    Ok(())
}
