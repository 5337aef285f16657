//! `cargo xtask bench-batch [--count N] [--threads T] [--seed S] [--dir DIR]`: the batch
//! throughput of import + national rules over N generated documents on T threads
//! (always measured on a release build: a debug `cargo xtask` re-runs itself with
//! `--release`).
//!
//! The corpus is written to disk first (once per count and seed) and then read back
//! file by file, as a user's batch run would; each document is dropped after it is
//! checked, so peak memory must not depend on N. Prints wall time, documents and MB per
//! second, the same files' plain read loop for comparison, and VmHWM (peak resident set)
//! from /proc/self/status at the end.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;

use gongkai_corpus::detection::Checker;

use crate::gen_corpus::option;

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<(), String> {
    // `cargo xtask` builds without optimisation, and a throughput figure of an
    // unoptimised build means nothing: run the same subcommand from a release build.
    if cfg!(debug_assertions) {
        return in_release_build(args);
    }
    let count: u64 = option(args, "--count", 10_000)?;
    let threads: usize = option(args, "--threads", 2)?;
    let seed: u64 = option(args, "--seed", 1)?;
    let dir: PathBuf = option(args, "--dir", PathBuf::from(format!("target/bench-corpus/{seed}-{count}")))?;
    let files = ensure_corpus(&dir, seed, count)?;

    // A plain read of the same bytes: the floor any batch run stands on.
    let started = Instant::now();
    let mut bytes = 0u64;
    for f in &files {
        bytes += std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?.len() as u64;
    }
    let read_secs = started.elapsed().as_secs_f64();

    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().map_err(|e| e.to_string())?;
    let checker = Checker::new()?;
    let started = Instant::now();
    let findings: Result<usize, String> = pool.install(|| {
        files
            .par_iter()
            .map(|f| {
                let text = std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?;
                Ok(checker.check(&text, &f.to_string_lossy())?.len())
            })
            .sum()
    });
    let findings = findings?;
    let secs = started.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    println!("documents        {count} ({mb:.1} MB, {findings} findings)");
    println!("threads          {threads}");
    println!("wall time        {secs:.2} s");
    println!("documents/s      {:.0}", count as f64 / secs);
    println!("MB/s             {:.1} ({:.1} per thread)", mb / secs, mb / secs / threads as f64);
    println!("plain read       {read_secs:.3} s ({:.0} MB/s); batch / read = {:.0}×", mb / read_secs, secs / read_secs);
    println!("peak memory      {} (VmHWM)", vm_hwm().unwrap_or_else(|| "unknown".into()));
    Ok(())
}

/// `cargo run --release -p xtask -- bench-batch ARGS`.
fn in_release_build(args: &[String]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    eprintln!("bench-batch: building xtask with --release first");
    let status = std::process::Command::new(cargo)
        .args(["run", "--quiet", "--release", "--package", "xtask", "--", "bench-batch"])
        .args(args)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("the release build's bench-batch failed ({status})")) }
}

/// The corpus files, generating them when the directory is missing or incomplete.
fn ensure_corpus(dir: &Path, seed: u64, count: u64) -> Result<Vec<PathBuf>, String> {
    let files: Vec<PathBuf> = (0..count).map(|i| dir.join(format!("doc-{i:05}.txt"))).collect();
    if !files.iter().all(|f| f.exists()) {
        let dir_arg = dir.to_string_lossy().into_owned();
        crate::gen_corpus::run(&[
            "--count".into(),
            count.to_string(),
            "--seed".into(),
            seed.to_string(),
            "--out".into(),
            dir_arg,
        ])?;
    }
    Ok(files)
}

/// `VmHWM` from /proc/self/status (Linux), e.g. `45 MB`.
fn vm_hwm() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: u64 = status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.1} MB", kb as f64 / 1024.0))
}
