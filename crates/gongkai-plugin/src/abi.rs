//! The raw boundary: symbol names, the buffer type, status codes and the function
//! pointer types the host resolves.
//!
//! Only `#[repr(C)]` plain data crosses; the content is JSON (or a UTF-8 error
//! message when the status says so).

/// The ABI version this crate implements. Bumped when a symbol, the buffer layout
/// or the meaning of a status changes; JSON fields are added compatibly instead.
pub const ABI_VERSION: u32 = 1;

/// `extern "C" fn() -> u32`: the plugin's ABI version. Must not fail.
pub const SYMBOL_ABI_VERSION: &str = "gongkai_plugin_abi_version";
/// `extern "C" fn() -> Buffer`: the manifest as JSON.
pub const SYMBOL_MANIFEST: &str = "gongkai_plugin_manifest";
/// `unsafe extern "C" fn(*const u8, usize) -> Buffer`: checks a document.
pub const SYMBOL_CHECK: &str = "gongkai_plugin_check";
/// `unsafe extern "C" fn(Buffer)`: frees a buffer the plugin returned.
pub const SYMBOL_FREE: &str = "gongkai_plugin_free";

/// The buffer holds the JSON answer.
pub const STATUS_OK: u32 = 0;
/// The buffer holds a UTF-8 error message (a panic, an unreadable request).
pub const STATUS_ERROR: u32 = 1;

/// Bytes owned by the plugin, handed to the host until it calls the plugin's
/// `gongkai_plugin_free` with the same value.
#[repr(C)]
#[derive(Debug)]
pub struct Buffer {
    /// What the bytes are ([`STATUS_OK`] or [`STATUS_ERROR`]).
    pub status: u32,
    /// The first byte; null for an empty buffer.
    pub ptr: *mut u8,
    /// The number of bytes.
    pub len: usize,
}

impl Buffer {
    /// Moves bytes out to the host. The allocation is a boxed slice, so that
    /// [`Buffer::free`] can rebuild it from `ptr` and `len` alone.
    pub fn new(status: u32, bytes: Vec<u8>) -> Buffer {
        let boxed: Box<[u8]> = bytes.into_boxed_slice();
        let len = boxed.len();
        let ptr = Box::into_raw(boxed).cast::<u8>();
        Buffer { status, ptr, len }
    }

    /// An error buffer with a message.
    pub fn error(message: &str) -> Buffer {
        Buffer::new(STATUS_ERROR, message.as_bytes().to_vec())
    }

    /// Frees the allocation. Plugin side only: the host must call the plugin's
    /// exported free function instead, because the allocator is the plugin's.
    ///
    /// # Safety
    /// `self` must come from [`Buffer::new`] in this same library and not have
    /// been freed before.
    pub unsafe fn free(self) {
        if self.ptr.is_null() {
            return;
        }
        let slice = std::ptr::slice_from_raw_parts_mut(self.ptr, self.len);
        // SAFETY: by the contract above, `ptr`/`len` are exactly a leaked `Box<[u8]>`.
        drop(unsafe { Box::from_raw(slice) });
    }

    /// Copies the bytes out without taking ownership (host side).
    ///
    /// # Safety
    /// `ptr` must point at `len` readable bytes (or be null), as the plugin promises.
    pub unsafe fn to_vec(&self) -> Vec<u8> {
        if self.ptr.is_null() || self.len == 0 {
            return Vec::new();
        }
        // SAFETY: by the contract above.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }.to_vec()
    }
}

/// The type of [`SYMBOL_ABI_VERSION`].
pub type AbiVersionFn = unsafe extern "C" fn() -> u32;
/// The type of [`SYMBOL_MANIFEST`].
pub type ManifestFn = unsafe extern "C" fn() -> Buffer;
/// The type of [`SYMBOL_CHECK`].
pub type CheckFn = unsafe extern "C" fn(*const u8, usize) -> Buffer;
/// The type of [`SYMBOL_FREE`].
pub type FreeFn = unsafe extern "C" fn(Buffer);
