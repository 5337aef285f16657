//! The JSON exchange format: validated against the published schema *before* it is
//! deserialised, so that a county's system gets every violation with its JSON
//! pointer rather than serde's first error.

use std::sync::OnceLock;

use gongkai_model::Disclosure;

use crate::error::ImportError;

fn validator() -> Result<&'static jsonschema::Validator, String> {
    static VALIDATOR: OnceLock<Result<jsonschema::Validator, String>> = OnceLock::new();
    VALIDATOR
        .get_or_init(|| {
            let schema: serde_json::Value = serde_json::from_str(&gongkai_model::schema::disclosure_schema_json())
                .map_err(|e| format!("built-in schema is not JSON: {e}"))?;
            jsonschema::draft202012::new(&schema).map_err(|e| format!("built-in schema does not compile: {e}"))
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Every schema violation of a JSON value, as `pointer: message`, sorted.
pub fn schema_violations(value: &serde_json::Value) -> Result<Vec<String>, String> {
    let validator = validator()?;
    let mut out: Vec<String> = validator
        .iter_errors(value)
        .map(|e| {
            let pointer = e.instance_path().to_string();
            let pointer = if pointer.is_empty() { "/".to_owned() } else { pointer };
            format!("{pointer}: {e}")
        })
        .collect();
    out.sort();
    Ok(out)
}

/// Reads a disclosure from JSON text.
pub fn read_json(text: &str, file: &str) -> Result<Disclosure, ImportError> {
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| ImportError::at(file, u32::try_from(e.line()).unwrap_or(0), format!("not valid JSON: {e}")))?;
    let violations = schema_violations(&value).map_err(|e| ImportError::file(file, e))?;
    if !violations.is_empty() {
        let shown: Vec<&str> = violations.iter().take(20).map(String::as_str).collect();
        let more =
            if violations.len() > 20 { format!("\n  … and {} more", violations.len() - 20) } else { String::new() };
        return Err(ImportError::file(
            file,
            format!(
                "does not match the disclosure schema ({} violation(s)):\n  {}{more}",
                violations.len(),
                shown.join("\n  ")
            ),
        ));
    }
    serde_json::from_value(value).map_err(|e| ImportError::file(file, format!("invalid disclosure: {e}")))
}
