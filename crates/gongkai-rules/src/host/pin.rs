//! sha256 pinning: a plugin file is hashed and compared with `plugin-lock`
//! *before* it is opened, because opening a library runs its code.

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::error::PluginError;
use crate::Config;

/// The lowercase hex sha256 of a file, read in chunks.
pub fn sha256_file(path: &Path) -> Result<String, PluginError> {
    let read_error = |e: std::io::Error| PluginError::Read { path: path.to_path_buf(), message: e.to_string() };
    let mut file = std::fs::File::open(path).map_err(read_error)?;
    let mut hasher = Sha256::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut chunk).map_err(read_error)?;
        if n == 0 {
            break;
        }
        hasher.update(&chunk[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Checks a file against the lock. With an empty lock pinning is off; otherwise
/// every plugin file must be listed under its file name with its digest
/// (`sha256:` prefix and letter case are ignored).
pub fn verify(path: &Path, config: &Config) -> Result<(), PluginError> {
    if config.plugin_lock.is_empty() {
        return Ok(());
    }
    let actual = sha256_file(path)?;
    let file = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
    match config.plugin_lock.get(&file) {
        None => Err(PluginError::NotPinned { path: path.to_path_buf(), file, actual }),
        Some(expected) => {
            let expected = expected.trim();
            let expected = expected.strip_prefix("sha256:").unwrap_or(expected).to_ascii_lowercase();
            if expected == actual {
                Ok(())
            } else {
                Err(PluginError::HashMismatch { path: path.to_path_buf(), expected, actual })
            }
        }
    }
}
