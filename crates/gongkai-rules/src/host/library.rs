//! Opening a plugin library and resolving its four symbols.
//!
//! Libraries are never unloaded: their handles are kept in a process-wide list
//! for the life of the process, because unloading code whose thread-local
//! destructors may still run crashes (PATTERNS.md §Plugins). Loading the same
//! file twice is cheap (the loader counts references).

use std::path::Path;
use std::sync::Mutex;

use gongkai_plugin::abi::{self, AbiVersionFn, Buffer, CheckFn, FreeFn, ManifestFn};
use libloading::Library;

use super::error::PluginError;

/// Every library opened by this process, kept so that none is ever closed.
static OPEN_LIBRARIES: Mutex<Vec<Library>> = Mutex::new(Vec::new());

/// The resolved entry points of one library. Plain function pointers: valid for
/// the process lifetime because the library is never closed.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    pub abi_version: AbiVersionFn,
    pub manifest: ManifestFn,
    pub check: CheckFn,
    pub free: FreeFn,
}

/// Opens a library (which runs its initialisers: pinning must be checked
/// before) and resolves the entry points.
pub fn open(path: &Path) -> Result<Entry, PluginError> {
    // SAFETY: loading a library runs its code; the caller has checked the pin,
    // and plugin directories are chosen by the user, never by a document.
    let library = unsafe { Library::new(path) }
        .map_err(|e| PluginError::Load { path: path.to_path_buf(), message: e.to_string() })?;
    let entry = resolve(&library, path);
    // Kept whether or not the symbols resolved: the library's code has run.
    match OPEN_LIBRARIES.lock() {
        Ok(mut open) => open.push(library),
        Err(poisoned) => poisoned.into_inner().push(library),
    }
    entry
}

fn resolve(library: &Library, path: &Path) -> Result<Entry, PluginError> {
    fn symbol<T: Copy>(library: &Library, path: &Path, name: &'static str) -> Result<T, PluginError> {
        // SAFETY: the symbol types are the ABI's (gongkai_plugin::abi); a plugin
        // exporting these names with other types is outside the contract.
        unsafe { library.get::<T>(name.as_bytes()) }
            .map(|s| *s)
            .map_err(|_| PluginError::MissingSymbol { path: path.to_path_buf(), symbol: name })
    }
    Ok(Entry {
        abi_version: symbol(library, path, abi::SYMBOL_ABI_VERSION)?,
        manifest: symbol(library, path, abi::SYMBOL_MANIFEST)?,
        check: symbol(library, path, abi::SYMBOL_CHECK)?,
        free: symbol(library, path, abi::SYMBOL_FREE)?,
    })
}

/// What a plugin call answered, copied into host memory.
pub enum Answer {
    /// JSON.
    Ok(Vec<u8>),
    /// An error message from the plugin (a caught panic, a bad request).
    Error(String),
    /// A status this host does not know.
    Unknown(u32),
}

impl Entry {
    /// Copies a returned buffer and hands it back to the plugin's free function:
    /// the plugin's allocator made it, so only the plugin may free it.
    fn take(&self, buffer: Buffer) -> Answer {
        // SAFETY: the plugin returned `ptr`/`len` describing its own allocation.
        let bytes = unsafe { buffer.to_vec() };
        let status = buffer.status;
        // SAFETY: the buffer came from this plugin and is freed exactly once.
        unsafe { (self.free)(buffer) };
        match status {
            abi::STATUS_OK => Answer::Ok(bytes),
            abi::STATUS_ERROR => Answer::Error(String::from_utf8_lossy(&bytes).into_owned()),
            other => Answer::Unknown(other),
        }
    }

    /// Calls the ABI-version function (it cannot fail).
    pub fn abi_version(&self) -> u32 {
        // SAFETY: an ABI symbol with the ABI's signature.
        unsafe { (self.abi_version)() }
    }

    /// Calls the manifest function.
    pub fn manifest(&self) -> Answer {
        // SAFETY: as above.
        let buffer = unsafe { (self.manifest)() };
        self.take(buffer)
    }

    /// Calls the check function; the request stays owned by the host.
    pub fn check(&self, request: &[u8]) -> Answer {
        // SAFETY: `request` is valid for the duration of the call.
        let buffer = unsafe { (self.check)(request.as_ptr(), request.len()) };
        self.take(buffer)
    }
}
