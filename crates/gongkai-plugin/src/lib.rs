//! The plugin ABI of gongkai, shared by the host (`gongkai_rules::host`) and by
//! rule plugins (province and prefecture rule packs built as `cdylib`s).
//!
//! # The boundary
//!
//! A plugin is a dynamic library exporting four `extern "C"` symbols
//! ([`abi::SYMBOL_ABI_VERSION`] …). Everything that crosses them is bytes of JSON,
//! so the host and the plugin may be built by different compilers and only the
//! *data model* has to agree (checked through [`Manifest::model_version`]):
//!
//! | symbol | signature | what |
//! |---|---|---|
//! | `gongkai_plugin_abi_version` | `() -> u32` | the ABI version; cannot fail |
//! | `gongkai_plugin_manifest` | `() -> Buffer` | the [`Manifest`] as JSON |
//! | `gongkai_plugin_check` | `(*const u8, usize) -> Buffer` | a [`CheckRequest`] in, a [`CheckResponse`] out |
//! | `gongkai_plugin_free` | `(Buffer)` | frees a buffer the plugin returned |
//!
//! Memory: whoever allocates frees. The request bytes belong to the host and are
//! only borrowed for the call; every [`abi::Buffer`] the plugin returns is freed
//! by the host calling the plugin's own `gongkai_plugin_free` (the two sides may
//! use different allocators).
//!
//! Faults: every export runs inside `catch_unwind` (a panic unwinding across
//! `extern "C"` would abort the host), with a quiet panic hook so nothing is
//! printed; a panic becomes a buffer with [`abi::STATUS_ERROR`] and the panic
//! message, which the host reports as a `plugin failed` finding.
//!
//! # Writing a plugin
//!
//! Rules are ordinary functions `fn(&Disclosure) -> Vec<Finding>` declared with
//! [`rule!`]; [`export_plugin!`] exports them:
//!
//! ```ignore
//! gongkai_plugin::rule! {
//!     /// ## What it checks
//!     /// …
//!     pub static MY_RULE = {
//!         id: "XX001", name: "my-rule", title: "…", severity: Warning,
//!         kinds: [Budget], years: gongkai_plugin::Years::ALL, check: my_check,
//!     };
//! }
//! fn plugin() -> gongkai_plugin::Plugin { /* id, regions, template, rules */ }
//! gongkai_plugin::export_plugin!(plugin);
//! ```
//!
//! See `docs/plugins.md` for building, testing, pinning and shipping.

pub mod abi;
mod export;
mod manifest;
mod protocol;
mod rule;
pub mod runtime;
pub mod text;

pub use abi::{ABI_VERSION, Buffer};
pub use manifest::{Manifest, RegionLevel, RegionSpec, RuleInfo, TemplateSpec, TemplateTableSpec, Years};
pub use protocol::{CheckRequest, CheckRequestRef, CheckResponse};
pub use rule::{Rule, finding};
pub use runtime::Plugin;

// Re-exported so that plugins and the macros can name the model without a
// separate dependency line.
pub use gongkai_model;
