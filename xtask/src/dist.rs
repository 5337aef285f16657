//! `cargo xtask dist`: the release archive a reviewer downloads.
//!
//! Builds the CLI and the plugins in the `dist` profile (release, stripped),
//! stages them as `gongkai-VERSION-TARGET/` — the binary, the plugins in
//! `plugins/` beside it (where a document's region finds them without a flag),
//! the README, the examples and the schemas — and writes
//! `target/dist/gongkai-VERSION-TARGET.tar.gz`. Then it proves the archive
//! stands alone: unpacked into an empty folder, with no cargo, no source tree
//! and a bare environment, its binary checks the example and loads the
//! example's regional plugins by itself.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::workspace_root;

/// The plugin packages shipped, as cargo names their libraries.
const PLUGINS: [(&str, &str); 2] =
    [("gongkai-plugin-xinjiang", "gongkai_plugin_xinjiang"), ("gongkai-plugin-changji", "gongkai_plugin_changji")];

/// What goes into the archive besides the binaries, relative to the workspace.
const FILES: [&str; 5] = [
    "README.md",
    "examples/qitai-2024-budget.txt",
    "examples/某局-2024-final-accounts.txt",
    "schemas",
    "docs/plugins.md",
];

/// Runs the subcommand.
pub fn run() -> Result<(), String> {
    let root = workspace_root();
    let mut build = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    build.current_dir(&root).args(["build", "--profile", "dist", "-p", "gongkai"]);
    for (package, _) in PLUGINS {
        build.args(["-p", package]);
    }
    let status = build.status().map_err(|e| format!("cargo build: {e}"))?;
    if !status.success() {
        return Err("cargo build --profile dist failed".into());
    }
    let built = root.join("target/dist");
    let name = format!("gongkai-{}-{}", env!("CARGO_PKG_VERSION"), target_triple());
    let stage = built.join(&name);
    if stage.exists() {
        std::fs::remove_dir_all(&stage).map_err(|e| format!("{}: {e}", stage.display()))?;
    }
    std::fs::create_dir_all(stage.join("plugins")).map_err(|e| format!("{}: {e}", stage.display()))?;
    copy(&built.join(exe("gongkai")), &stage.join(exe("gongkai")))?;
    for (_, library) in PLUGINS {
        let file = format!("{}{library}{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
        copy(&built.join(&file), &stage.join("plugins").join(&file))?;
    }
    for file in FILES {
        copy_tree(&root.join(file), &stage.join(file))?;
    }
    let archive = built.join(format!("{name}.tar.gz"));
    write_archive(&stage, &name, &archive)?;
    let size = std::fs::metadata(&archive).map_err(|e| e.to_string())?.len();
    let binary = std::fs::metadata(stage.join(exe("gongkai"))).map_err(|e| e.to_string())?.len();
    println!("wrote {} ({:.1} MB; the binary {:.1} MB)", archive.display(), mb(size), mb(binary));
    stands_alone(&archive, &name)?;
    println!("checked: unpacked alone, the binary checks the example with its region's plugins");
    Ok(())
}

/// Unpacks the archive into an empty folder and runs its binary there, with a
/// bare environment: the example's two genuine errors (exit 1) and the
/// plugins of its region found beside the binary.
fn stands_alone(archive: &Path, name: &str) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("gongkai-dist-check-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let file = File::open(archive).map_err(|e| format!("{}: {e}", archive.display()))?;
    tar::Archive::new(flate2::read::GzDecoder::new(file)).unpack(&dir).map_err(|e| format!("unpack: {e}"))?;
    let home = dir.join(name);
    let out = Command::new(home.join(exe("gongkai")))
        .current_dir(&home)
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", &dir)
        .env("LANG", "C.UTF-8")
        .args(["validate", "examples/qitai-2024-budget.txt"])
        .output()
        .map_err(|e| format!("run the unpacked binary: {e}"))?;
    let _ = std::fs::remove_dir_all(&dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    if out.status.code() != Some(1) || !stderr.contains("运行的插件：changji、xinjiang") {
        return Err(format!(
            "the unpacked binary did not check the example with its plugins (exit {:?}):\n{stdout}\n{stderr}",
            out.status.code()
        ));
    }
    Ok(())
}

fn write_archive(stage: &Path, name: &str, archive: &Path) -> Result<(), String> {
    let file = File::create(archive).map_err(|e| format!("{}: {e}", archive.display()))?;
    let mut tar = tar::Builder::new(flate2::write::GzEncoder::new(file, flate2::Compression::best()));
    tar.append_dir_all(name, stage).map_err(|e| format!("{}: {e}", archive.display()))?;
    tar.into_inner().and_then(|gz| gz.finish()).map_err(|e| format!("{}: {e}", archive.display()))?;
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("{}: {e}", from.display()))
}

/// Copies a file, or a folder with everything in it.
fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    if from.is_dir() {
        let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {e}", from.display()))?;
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        }
        Ok(())
    } else {
        copy(from, to)
    }
}

fn exe(name: &str) -> PathBuf {
    PathBuf::from(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

/// The target the archive is for (`x86_64-linux`): the platform the binary was built on.
fn target_triple() -> String {
    format!("{}-{}", std::env::consts::ARCH, std::env::consts::OS)
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}
