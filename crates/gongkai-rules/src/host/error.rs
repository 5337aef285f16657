//! Why a plugin was refused. Every variant names the file (or the name looked up)
//! so that the message alone tells the user what to fix.

use std::path::PathBuf;

/// A plugin that could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PluginError {
    /// A name was not found in any plugin directory.
    #[error("plugin `{name}` not found: looked for {candidates} in {dirs}")]
    NotFound {
        /// The name asked for.
        name: String,
        /// The file names tried.
        candidates: String,
        /// The directories searched.
        dirs: String,
    },
    /// A name that could be read as a path fragment (only `[A-Za-z0-9_-]` is allowed).
    #[error("`{0}` is not a plugin name (letters, digits, `-` and `_`) nor a path to a library")]
    InvalidName(String),
    /// A path that does not exist.
    #[error("plugin library {} does not exist", path.display())]
    MissingLibrary {
        /// The path.
        path: PathBuf,
    },
    /// The file could not be read for hashing.
    #[error("cannot read plugin library {}: {message}", path.display())]
    Read {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        message: String,
    },
    /// Pinning is on (`plugin-lock` is not empty) and the file has no entry.
    #[error("plugin library {} is not pinned in plugin-lock (sha256 {actual}); add `\"{file}\" = \"{actual}\"` if you trust it", path.display())]
    NotPinned {
        /// The path.
        path: PathBuf,
        /// Its file name (the lock key).
        file: String,
        /// Its sha256.
        actual: String,
    },
    /// The file's sha256 differs from the pinned one; it was not loaded.
    #[error("plugin library {} does not match its pinned sha256: expected {expected}, found {actual}; not loaded", path.display())]
    HashMismatch {
        /// The path.
        path: PathBuf,
        /// The pinned digest.
        expected: String,
        /// The file's digest.
        actual: String,
    },
    /// The dynamic loader refused the file.
    #[error("cannot load plugin library {}: {message}", path.display())]
    Load {
        /// The path.
        path: PathBuf,
        /// The loader's message.
        message: String,
    },
    /// A required export is missing: not a gongkai plugin.
    #[error("{} is not a gongkai plugin: it does not export `{symbol}`", path.display())]
    MissingSymbol {
        /// The path.
        path: PathBuf,
        /// The symbol.
        symbol: &'static str,
    },
    /// The plugin speaks another ABI version.
    #[error("plugin {} uses plugin ABI version {found}; this gongkai supports versions {min}–{max}; rebuild the plugin against a matching gongkai-plugin", path.display())]
    AbiVersion {
        /// The path.
        path: PathBuf,
        /// The plugin's version.
        found: u32,
        /// The oldest version supported.
        min: u32,
        /// The newest version supported.
        max: u32,
    },
    /// The manifest could not be read or is invalid.
    #[error("plugin {} has a malformed manifest: {message}", path.display())]
    Manifest {
        /// The path.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The plugin was built against another major version of the data model.
    #[error("plugin {} was built for data model {found}; this gongkai uses {expected}", path.display())]
    ModelVersion {
        /// The path.
        path: PathBuf,
        /// The plugin's model version.
        found: String,
        /// The host's.
        expected: String,
    },
}
