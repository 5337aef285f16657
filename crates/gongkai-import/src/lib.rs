//! Readers that turn a disclosure input into the [`gongkai_model::Disclosure`].
//!
//! Two layers (see ARCHITECTURE.md): [`layout`] turns an input into numbered lines
//! of cells with provenance; [`recognize`] decides what those lines are. Text
//! (UTF-8, GB18030/GBK, UTF-16) goes through both; JSON is validated against the
//! published schema and deserialised.
//!
//! Bad input never panics: it is an [`ImportError`] naming the file (and line or
//! byte offset), or a [`Diagnostic`] with the text kept in `unparsed`.

mod error;
pub mod json;
pub mod layout;
pub mod recognize;

pub use error::{Diagnostic, ImportError};
pub use recognize::RecognizeOptions;

use gongkai_model::Disclosure;

/// Limits a user can raise (`--max-input-mb`).
#[derive(Clone, Debug)]
pub struct Limits {
    /// The largest input accepted, in bytes.
    pub max_input_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_input_bytes: 64 * 1024 * 1024 }
    }
}

/// Import options.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Recognizer options (table-title aliases).
    pub recognize: RecognizeOptions,
    /// Input limits.
    pub limits: Limits,
}

/// An imported document.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The model.
    pub document: Disclosure,
    /// What the importer noticed and recovered from.
    pub diagnostics: Vec<Diagnostic>,
    /// The decoded source text (for quoting lines in reports), when the input was text.
    pub source_text: Option<String>,
}

/// The input formats we read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Extracted text.
    Text,
    /// The JSON exchange format.
    Json,
}

impl Format {
    /// The format of a path, by extension.
    pub fn of_path(path: &str) -> Option<Format> {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".json") {
            Some(Format::Json)
        } else if lower.ends_with(".txt") || lower.ends_with(".md") || lower.ends_with(".text") {
            Some(Format::Text)
        } else {
            None
        }
    }
}

/// Reads a file.
pub fn import_file(path: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| ImportError::file(path, format!("cannot read: {e}")))?;
    if meta.len() > options.limits.max_input_bytes {
        return Err(ImportError::file(
            path,
            format!(
                "input is {} bytes, over the limit of {} bytes (raise it with --max-input-mb)",
                meta.len(),
                options.limits.max_input_bytes
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| ImportError::file(path, format!("cannot read: {e}")))?;
    import_bytes(&bytes, path, Format::of_path(path).unwrap_or(Format::Text), options)
}

/// Reads bytes of a known format.
pub fn import_bytes(
    bytes: &[u8],
    path: &str,
    format: Format,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    if bytes.len() as u64 > options.limits.max_input_bytes {
        return Err(ImportError::file(path, "input over the size limit (raise it with --max-input-mb)"));
    }
    let decoded = layout::decode(bytes).map_err(|e| ImportError::file(path, e))?;
    match format {
        Format::Json => {
            let document = json::read_json(&decoded.text, path)?;
            Ok(Imported { document, diagnostics: Vec::new(), source_text: None })
        }
        Format::Text => {
            let mut imported = import_text(&decoded.text, path, options)?;
            imported.document.meta.source.encoding = Some(decoded.encoding.to_owned());
            Ok(imported)
        }
    }
}

/// Reads decoded text.
pub fn import_text(text: &str, path: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::file(path, "empty input: not a budget disclosure"));
    }
    let layout = layout::layout_text(text);
    let (mut document, diagnostics) = recognize::recognize(&layout, path, &options.recognize)?;
    document.meta.source.files = vec![path.to_owned()];
    document.meta.source.format = Some("text".into());
    Ok(Imported { document, diagnostics, source_text: Some(text.to_owned()) })
}
