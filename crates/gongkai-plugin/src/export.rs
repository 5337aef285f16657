//! [`export_plugin!`](crate::export_plugin!): the four exported symbols of a plugin.

/// Exports a plugin: pass a function `fn() -> gongkai_plugin::Plugin`.
///
/// Generates `gongkai_plugin_abi_version`, `gongkai_plugin_manifest`,
/// `gongkai_plugin_check` and `gongkai_plugin_free`, each guarded by
/// `catch_unwind` (see [`runtime`](crate::runtime)). The crate must be built with
/// `crate-type = ["cdylib", "rlib"]` (the `rlib` lets its own tests call the rules
/// directly) and a panic strategy of `unwind`.
///
/// One plugin per library: the symbol names are fixed, and a plugin must not
/// depend on another plugin's `rlib` (their symbols would clash).
#[macro_export]
macro_rules! export_plugin {
    ($plugin:path) => {
        /// The ABI version (cannot fail).
        #[unsafe(no_mangle)]
        pub extern "C" fn gongkai_plugin_abi_version() -> u32 {
            $crate::ABI_VERSION
        }

        /// The manifest as JSON.
        #[unsafe(no_mangle)]
        pub extern "C" fn gongkai_plugin_manifest() -> $crate::Buffer {
            $crate::runtime::export_manifest($plugin)
        }

        /// Checks a document: a JSON `CheckRequest` in, a JSON `CheckResponse` out.
        ///
        /// # Safety
        /// `ptr` must point at `len` readable bytes for the duration of the call.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn gongkai_plugin_check(ptr: *const u8, len: usize) -> $crate::Buffer {
            // SAFETY: forwarded contract.
            unsafe { $crate::runtime::export_check($plugin, ptr, len) }
        }

        /// Frees a buffer returned by this library.
        ///
        /// # Safety
        /// `buffer` must come from this library and not have been freed.
        #[unsafe(no_mangle)]
        pub unsafe extern "C" fn gongkai_plugin_free(buffer: $crate::Buffer) {
            // SAFETY: forwarded contract.
            unsafe { $crate::runtime::export_free(buffer) }
        }
    };
}
