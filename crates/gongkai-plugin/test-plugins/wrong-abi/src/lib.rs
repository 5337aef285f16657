//! A plugin built for a future ABI: the host must refuse it by its version alone.

use gongkai_plugin::{Buffer, Plugin};

fn plugin() -> Plugin {
    Plugin {
        id: "wrong-abi",
        name: "wrong ABI",
        version: "0.0.0",
        regions: Vec::new(),
        template: None,
        rules: Vec::new(),
    }
}

/// A version no host supports.
#[unsafe(no_mangle)]
pub extern "C" fn gongkai_plugin_abi_version() -> u32 {
    999
}

/// The manifest (never read: the version check comes first).
#[unsafe(no_mangle)]
pub extern "C" fn gongkai_plugin_manifest() -> Buffer {
    gongkai_plugin::runtime::export_manifest(plugin)
}

/// Check.
///
/// # Safety
/// As the ABI says.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gongkai_plugin_check(ptr: *const u8, len: usize) -> Buffer {
    unsafe { gongkai_plugin::runtime::export_check(plugin, ptr, len) }
}

/// Free.
///
/// # Safety
/// As the ABI says.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gongkai_plugin_free(buffer: Buffer) {
    unsafe { gongkai_plugin::runtime::export_free(buffer) }
}
