//! A library that looks like a plugin but lacks `gongkai_plugin_check`.

use gongkai_plugin::{Buffer, Plugin};

fn plugin() -> Plugin {
    Plugin {
        id: "no-check",
        name: "no check",
        version: "0.0.0",
        regions: Vec::new(),
        template: None,
        rules: Vec::new(),
    }
}

/// The ABI version.
#[unsafe(no_mangle)]
pub extern "C" fn gongkai_plugin_abi_version() -> u32 {
    gongkai_plugin::ABI_VERSION
}

/// The manifest.
#[unsafe(no_mangle)]
pub extern "C" fn gongkai_plugin_manifest() -> Buffer {
    gongkai_plugin::runtime::export_manifest(plugin)
}

/// Free.
///
/// # Safety
/// As the ABI says.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gongkai_plugin_free(buffer: Buffer) {
    unsafe { gongkai_plugin::runtime::export_free(buffer) }
}
