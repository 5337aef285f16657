//! Builds the real plugins and the deliberately broken test plugins as dynamic
//! libraries, once per test process, with the cargo that runs the tests.
//!
//! They go to a separate target directory (`target/plugin-tests`): the outer
//! `cargo test` may hold the lock of the main one, and waiting for it would
//! deadlock.

use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Which cargo profile to build.
#[derive(Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // the tests use Debug, the benchmark Release
pub enum Profile {
    Debug,
    Release,
}

fn cargo(args: &[&str], profile: Profile) {
    let root = workspace_root();
    let mut command = Command::new(env!("CARGO"));
    command.current_dir(&root).env("CARGO_TARGET_DIR", root.join("target/plugin-tests")).arg("build").args(args);
    if profile == Profile::Release {
        command.arg("--release");
    }
    let output = command.output().unwrap_or_else(|e| panic!("cannot run cargo: {e}"));
    assert!(
        output.status.success(),
        "`cargo build {}` failed:\n{}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Builds everything (once) and returns the directory holding the libraries.
pub fn plugin_dir(profile: Profile) -> &'static Path {
    static DEBUG: OnceLock<PathBuf> = OnceLock::new();
    static RELEASE: OnceLock<PathBuf> = OnceLock::new();
    let cell = if profile == Profile::Debug { &DEBUG } else { &RELEASE };
    cell.get_or_init(|| {
        cargo(&["-p", "gongkai-plugin-xinjiang", "-p", "gongkai-plugin-changji"], profile);
        cargo(&["--manifest-path", "crates/gongkai-plugin/test-plugins/Cargo.toml"], profile);
        let sub = if profile == Profile::Debug { "debug" } else { "release" };
        workspace_root().join("target/plugin-tests").join(sub)
    })
}

/// The path of a built library by crate name (`gongkai_plugin_xinjiang`).
pub fn library(profile: Profile, crate_name: &str) -> PathBuf {
    plugin_dir(profile).join(format!("{DLL_PREFIX}{crate_name}{DLL_SUFFIX}"))
}
