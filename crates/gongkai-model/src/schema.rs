//! JSON Schema generation for the exchange formats.
//!
//! We publish the *serialize* contract (what we write), which is the strict one:
//! draft 2020-12, unknown fields rejected. `cargo xtask schemas` writes these into
//! `schemas/`, and a test fails when the checked-in files drift from the code.

use schemars::generate::SchemaSettings;

use crate::{Disclosure, FindingsReport};

fn generator() -> schemars::SchemaGenerator {
    SchemaSettings::draft2020_12().for_serialize().into_generator()
}

/// The schema of a disclosure document, pretty-printed with a trailing newline.
pub fn disclosure_schema_json() -> String {
    let schema = generator().into_root_schema_for::<Disclosure>();
    pretty(&schema)
}

/// The schema of the findings report, pretty-printed with a trailing newline.
pub fn findings_schema_json() -> String {
    let schema = generator().into_root_schema_for::<FindingsReport>();
    pretty(&schema)
}

fn pretty(schema: &schemars::Schema) -> String {
    // Serialising a `serde_json::Value` cannot fail.
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The generated schemas with their file names under `schemas/`.
pub fn all_schemas() -> Vec<(&'static str, String)> {
    vec![("disclosure.schema.json", disclosure_schema_json()), ("findings.schema.json", findings_schema_json())]
}
