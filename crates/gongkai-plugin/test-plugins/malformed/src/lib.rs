//! A plugin whose check answers bytes that are not a check response.

use gongkai_plugin::abi::STATUS_OK;
use gongkai_plugin::gongkai_model::{Disclosure, Finding};
use gongkai_plugin::{Buffer, Plugin, Years};

fn nothing(_: &Disclosure) -> Vec<Finding> {
    Vec::new()
}

gongkai_plugin::rule! {
    /// ## What it checks
    /// Nothing; its plugin answers garbage.
    pub static NOTHING = {
        id: "TM001", name: "nothing", title: "garbage", severity: Error,
        kinds: [], years: Years::ALL, check: nothing,
    };
}

fn plugin() -> Plugin {
    Plugin {
        id: "malformed",
        name: "garbage",
        version: "0.0.0",
        regions: Vec::new(),
        template: None,
        rules: vec![&NOTHING],
    }
}

/// The ABI version.
#[unsafe(no_mangle)]
pub extern "C" fn gongkai_plugin_abi_version() -> u32 {
    gongkai_plugin::ABI_VERSION
}

/// A valid manifest.
#[unsafe(no_mangle)]
pub extern "C" fn gongkai_plugin_manifest() -> Buffer {
    gongkai_plugin::runtime::export_manifest(plugin)
}

/// Answers "OK" with bytes that are not JSON.
///
/// # Safety
/// As the ABI says.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gongkai_plugin_check(_ptr: *const u8, _len: usize) -> Buffer {
    Buffer::new(STATUS_OK, b"{\"findings\": [ not json".to_vec())
}

/// Free.
///
/// # Safety
/// As the ABI says.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn gongkai_plugin_free(buffer: Buffer) {
    unsafe { gongkai_plugin::runtime::export_free(buffer) }
}
