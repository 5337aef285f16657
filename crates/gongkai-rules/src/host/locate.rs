//! Where plugin files are looked for, in order: the configured `plugin-dirs`
//! (`--plugin-dir`, `gongkai.toml`), the directories of `GONGKAI_PLUGIN_PATH`
//! (separated as `PATH` is), the user's data directory (`~/.local/share/gongkai/plugins`
//! on Linux, its equivalent elsewhere), then a `plugins/` directory next to the
//! executable. Nothing in an input document ever names a file to load.

use std::env::consts::{DLL_PREFIX, DLL_SUFFIX};
use std::path::{Path, PathBuf};

use super::error::PluginError;
use crate::Config;

/// The directories searched, in order.
pub fn search_dirs(config: &Config) -> Vec<PathBuf> {
    let data = directories::ProjectDirs::from("", "", "gongkai").map(|p| p.data_dir().join("plugins"));
    let beside_exe = std::env::current_exe().ok().and_then(|exe| exe.parent().map(|d| d.join("plugins")));
    in_order(config, std::env::var_os("GONGKAI_PLUGIN_PATH"), data, beside_exe)
}

/// The search order, from what the environment gave.
fn in_order(
    config: &Config,
    env_path: Option<std::ffi::OsString>,
    data: Option<PathBuf>,
    beside_exe: Option<PathBuf>,
) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = config.plugin_dirs.iter().map(PathBuf::from).collect();
    if let Some(path) = env_path {
        dirs.extend(std::env::split_paths(&path).filter(|p| !p.as_os_str().is_empty()));
    }
    dirs.extend(data);
    dirs.extend(beside_exe);
    dirs
}

/// The file names a plugin name may have on this platform:
/// `lib<name>.so` and `libgongkai_plugin_<name>.so` (what cargo builds from a
/// package `gongkai-plugin-<name>`), with `.dylib`/`.dll` elsewhere.
pub fn candidate_files(name: &str) -> Vec<String> {
    let snake = name.replace('-', "_");
    let mut out =
        vec![format!("{DLL_PREFIX}{name}{DLL_SUFFIX}"), format!("{DLL_PREFIX}gongkai_plugin_{snake}{DLL_SUFFIX}")];
    if snake != name {
        out.insert(1, format!("{DLL_PREFIX}{snake}{DLL_SUFFIX}"));
    }
    out
}

/// Whether the argument is a path rather than a name.
fn is_path(arg: &str) -> bool {
    arg.contains('/') || arg.contains('\\') || arg.ends_with(DLL_SUFFIX)
}

/// Resolves `--plugin ARG`: a path is taken as it is (it must exist); a name is
/// looked up in [`search_dirs`].
pub fn resolve(arg: &str, config: &Config) -> Result<PathBuf, PluginError> {
    if is_path(arg) {
        let path = PathBuf::from(arg);
        return if path.is_file() { Ok(path) } else { Err(PluginError::MissingLibrary { path }) };
    }
    if arg.is_empty() || !arg.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Err(PluginError::InvalidName(arg.to_owned()));
    }
    let dirs = search_dirs(config);
    let files = candidate_files(arg);
    for dir in &dirs {
        for file in &files {
            let path = dir.join(file);
            if path.is_file() {
                return Ok(path);
            }
        }
    }
    Err(PluginError::NotFound {
        name: arg.to_owned(),
        candidates: files.join(", "),
        dirs: if dirs.is_empty() {
            "(no plugin directory)".to_owned()
        } else {
            dirs.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(", ")
        },
    })
}

/// Every library file in the search directories, in directory order, then by
/// name; a file reachable twice (the same directory configured twice) once.
pub fn library_files(config: &Config) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    let mut seen: Vec<PathBuf> = Vec::new();
    for dir in search_dirs(config) {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut files: Vec<PathBuf> =
            entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| is_library(p)).collect();
        files.sort();
        for file in files {
            let key = file.canonicalize().unwrap_or_else(|_| file.clone());
            if !seen.contains(&key) {
                seen.push(key);
                out.push(file);
            }
        }
    }
    out
}

fn is_library(path: &Path) -> bool {
    path.is_file()
        && path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(DLL_PREFIX) && n.ends_with(DLL_SUFFIX) && n.len() > DLL_SUFFIX.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configured_dirs_come_first_then_the_environments_then_the_users_then_beside_the_executable() {
        let config = Config { plugin_dirs: vec!["conf".into()], ..Config::default() };
        let env = std::env::join_paths(["env1", "env2"]).ok();
        let dirs = in_order(&config, env, Some("data/plugins".into()), Some("bin/plugins".into()));
        let expected: Vec<PathBuf> =
            ["conf", "env1", "env2", "data/plugins", "bin/plugins"].iter().map(PathBuf::from).collect();
        assert_eq!(dirs, expected);
        assert_eq!(in_order(&Config::default(), None, None, None), Vec::<PathBuf>::new());
    }
}
