//! The JSON messages of the check call.

use gongkai_model::{Disclosure, Finding};
use serde::{Deserialize, Serialize};

/// What the host sends to `gongkai_plugin_check`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CheckRequest {
    /// The document.
    pub document: Disclosure,
}

/// What the plugin answers.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckResponse {
    /// The findings of the rules that apply to the document.
    pub findings: Vec<Finding>,
}

/// The host serialises from a borrow, so that checking does not clone the
/// document; the JSON is the same as [`CheckRequest`]'s.
#[derive(Serialize)]
pub struct CheckRequestRef<'a> {
    /// The document.
    pub document: &'a Disclosure,
}
