//! 名词解释.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Provenance;

/// One glossary entry (`一、**财政拨款**:指…`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    /// The term.
    pub term: String,
    /// Its definition (continuation lines joined).
    pub definition: String,
    /// The entry's first line.
    pub source: Provenance,
}
