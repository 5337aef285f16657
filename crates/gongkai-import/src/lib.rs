//! Readers that turn a disclosure input into the [`gongkai_model::Disclosure`].
//!
//! Two layers (see ARCHITECTURE.md): [`layout`] turns an input into numbered lines
//! of cells with provenance; [`recognize`] decides what those lines are. Text
//! (UTF-8, GB18030/GBK, UTF-16) goes through both; so do workbooks (.xlsx, .xls)
//! and CSV exchanges, one sheet per table ([`sheets`]); JSON is validated against
//! the published schema and deserialised. [`import_combined`] joins a workbook of
//! tables with a text file of the explanation.
//!
//! Bad input never panics: it is an [`ImportError`] naming the file (and line or
//! byte offset), or a [`Diagnostic`] with the text kept in `unparsed`.

mod combine;
mod error;
pub mod json;
pub mod layout;
mod limits;
mod pages;
pub mod recognize;
mod sheets;
mod sniff;

pub use error::{Diagnostic, ImportError, set_chinese};
pub use recognize::RecognizeOptions;

use std::path::Path;

use gongkai_model::Disclosure;

/// Limits a user can raise, each with its command-line option. An input past one
/// is an [`ImportError`] naming the limit and the option, never a crash or an
/// exhausted machine. The defaults are far above any real disclosure and far
/// below what would hurt a batch run on a small machine.
#[derive(Clone, Debug)]
pub struct Limits {
    /// The largest input accepted, in bytes (`--max-input-mb`, default 64 MB: a
    /// large department's disclosure is a few hundred KB). A workbook's unpacked
    /// content (the sum of its zip entries) is held to the same limit, so that a
    /// small zip bomb cannot inflate past what an unpacked input could be.
    pub max_input_bytes: u64,
    /// The most cells of one table or sheet, rows × columns of its used range
    /// (`--max-table-cells`, default 10,000,000). Real tables hold a few thousand
    /// cells. The workbook reader allocates a sheet's used range whole (about 32
    /// bytes a cell), so the default keeps a sheet under about 320 MB while still
    /// reading a table with a stray cell a million rows below it; without a
    /// limit, one cell at `XFD1048576` asks for 17 billion cells.
    pub max_table_cells: u64,
    /// The deepest nesting of JSON arrays and objects (`--max-json-depth`,
    /// default 32: a disclosure nests about a dozen levels; kept below
    /// serde_json's own limit of 128 so that ours, with its option, is the one
    /// reported).
    pub max_json_depth: u32,
    /// The most elements of one JSON array (`--max-json-array`, default
    /// 1,000,000: the longest arrays, a table's rows or the claims, hold
    /// thousands; each element costs tens of bytes as a parsed value and one
    /// schema check).
    pub max_json_array: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
            max_table_cells: 10_000_000,
            max_json_depth: 32,
            max_json_array: 1_000_000,
        }
    }
}

/// Import options.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// Recognizer options (table-title aliases).
    pub recognize: RecognizeOptions,
    /// Input limits.
    pub limits: Limits,
    /// A text file holding the explanation, to combine with the tables of a
    /// workbook or CSV input (`gongkai validate --tables book.xlsx --text
    /// notes.txt`): when set, [`import_file`] of such an input reads both, as
    /// [`import_combined`] does.
    pub explanation: Option<std::path::PathBuf>,
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
    /// For a document read from two files: the kind and title of each table
    /// read from the tables' file (reports name that file for its tables).
    pub tables_file: Vec<(gongkai_model::TableKind, String)>,
}

/// The input formats we read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Extracted text.
    Text,
    /// The JSON exchange format.
    Json,
    /// An Excel workbook (.xlsx, .xlsm, .xls), one sheet per table.
    Workbook,
    /// A CSV exchange: one table per file, or a `table` column.
    Csv,
    /// A published PDF (its text layer).
    Pdf,
}

impl Format {
    /// The format of a path, by extension.
    pub fn of_path(path: &str) -> Option<Format> {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".json") {
            Some(Format::Json)
        } else if lower.ends_with(".txt") || lower.ends_with(".md") || lower.ends_with(".text") {
            Some(Format::Text)
        } else if lower.ends_with(".xlsx") || lower.ends_with(".xlsm") || lower.ends_with(".xls") {
            Some(Format::Workbook)
        } else if lower.ends_with(".csv") {
            Some(Format::Csv)
        } else if lower.ends_with(".pdf") {
            Some(Format::Pdf)
        } else {
            None
        }
    }
}

/// A size in MB with one decimal, for messages.
fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// Reads a file.
pub fn import_file(path: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| ImportError::io(path, &e))?;
    if meta.is_dir() {
        return Err(ImportError::file(path, "这是文件夹，不是文件", "is a folder, not a file"));
    }
    if meta.len() > options.limits.max_input_bytes {
        let (size, limit) = (megabytes(meta.len()), megabytes(options.limits.max_input_bytes));
        return Err(ImportError::file(
            path,
            format!("文件大小 {size} MB，超过上限 {limit} MB（可用 --max-input-mb 调高）"),
            format!("the file is {size} MB, over the limit of {limit} MB (raise it with --max-input-mb)"),
        ));
    }
    let format = Format::of_path(path).unwrap_or(Format::Text);
    if let (Some(text), Format::Workbook | Format::Csv | Format::Pdf) = (&options.explanation, format) {
        return import_combined(Path::new(path), text, options);
    }
    let bytes = std::fs::read(path).map_err(|e| ImportError::io(path, &e))?;
    import_bytes(&bytes, path, format, options)
}

/// Reads bytes of a known format.
pub fn import_bytes(
    bytes: &[u8],
    path: &str,
    format: Format,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    if bytes.len() as u64 > options.limits.max_input_bytes {
        return Err(ImportError::file(
            path,
            "文件超过大小上限（可用 --max-input-mb 调高）",
            "input over the size limit (raise it with --max-input-mb)",
        ));
    }
    if let Some((zh, en)) = sniff::mismatch(bytes, format) {
        return Err(ImportError::file(path, zh, en));
    }
    if format == Format::Workbook {
        let (sheets, diagnostics) = layout::workbook::read_workbook(bytes, path, &options.limits)?;
        let name = if path.to_ascii_lowercase().ends_with(".xls") { "xls" } else { "xlsx" };
        return import_sheets(sheets, diagnostics, path, name, options);
    }
    if format == Format::Pdf {
        return import_pdf(bytes, path, options);
    }
    let decoded = layout::decode(bytes)
        .map_err(|e| ImportError::file(path, format!("无法识别文本的编码（不是 UTF-8、GB18030 或 UTF-16：{e}）"), e))?;
    match format {
        Format::Csv => {
            let stem =
                Path::new(path).file_stem().map_or_else(|| path.to_owned(), |s| s.to_string_lossy().into_owned());
            let (sheets, diagnostics) = layout::csv::read_csv(&decoded.text, &stem);
            limits::check_sheets(&sheets, path, options.limits.max_table_cells)?;
            let mut imported = import_sheets(sheets, diagnostics, path, "csv", options)?;
            imported.document.meta.source.encoding = Some(decoded.encoding.to_owned());
            Ok(imported)
        }
        Format::Json => {
            let document = json::read_json_limited(&decoded.text, path, &options.limits)?;
            Ok(Imported { document, diagnostics: Vec::new(), source_text: None, tables_file: Vec::new() })
        }
        // Read above: a workbook or a PDF is not text.
        Format::Text | Format::Workbook | Format::Pdf => {
            let mut imported = import_text(&decoded.text, path, options)?;
            imported.document.meta.source.encoding = Some(decoded.encoding.to_owned());
            Ok(imported)
        }
    }
}

/// Reads decoded text.
pub fn import_text(text: &str, path: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::file(path, "文件没有内容，不是预算公开文件", "empty input: not a budget disclosure"));
    }
    let layout = layout::layout_text(text);
    limits::check_text_tables(&layout, path, options.limits.max_table_cells)?;
    let (mut document, diagnostics) = recognize::recognize(&layout, path, &options.recognize)?;
    (document.meta.source.blank_pages, document.meta.source.repeated_pages) = pages::page_facts(&layout);
    document.meta.source.unreadable = pages::unreadable(&layout);
    document.meta.source.files = vec![path.to_owned()];
    document.meta.source.format = Some("text".into());
    Ok(Imported { document, diagnostics, source_text: Some(text.to_owned()), tables_file: Vec::new() })
}

/// Reads a PDF: its text layer rebuilt as text ([`layout::pdf`]), then recognised
/// like text. Line numbers are those of the rebuilt text (`gongkai import --text`
/// prints it); every line knows its page.
fn import_pdf(bytes: &[u8], path: &str, options: &ImportOptions) -> Result<Imported, ImportError> {
    let pdf = layout::pdf::read_pdf(bytes, path)?;
    let mut imported = import_text(&pdf.text, path, options)?;
    imported.document.meta.source.format = Some("pdf".into());
    imported.document.meta.source.pages = Some(pdf.pages);
    imported.document.meta.source.pages_without_text.clone_from(&pdf.pages_without_text);
    // A PDF page without text may hold a picture (an organisation chart): blank
    // only where it draws nothing at all.
    imported.document.meta.source.blank_pages.retain(|p| p.page.is_some_and(|n| pdf.blank_pages.contains(&n)));
    if !pdf.pages_without_text.is_empty() {
        let pages: Vec<String> = pdf.pages_without_text.iter().map(u32::to_string).collect();
        imported.diagnostics.push(Diagnostic {
            line: 1,
            message: format!(
                "pages without a text layer (scanned?), not read: {}; OCR is not supported",
                pages.join(", ")
            ),
        });
    }
    Ok(imported)
}

/// Recognises the tables of a workbook's (or CSV exchange's) sheets.
fn import_sheets(
    sheets: Vec<layout::Sheet>,
    mut diagnostics: Vec<Diagnostic>,
    path: &str,
    format: &str,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let tables = sheets::table_layout(sheets, &options.recognize.aliases);
    if tables.layout.lines.is_empty() {
        return Err(ImportError::file(
            path,
            "不是预算公开文件：没有一个工作表是公开表（按前几行的表名或工作表名识别）",
            "not a budget disclosure: no sheet holds a disclosure table (recognised by the title in its first rows or by its name)",
        ));
    }
    let (mut document, found) = recognize::recognize(&tables.layout, path, &options.recognize)?;
    document.unparsed.extend(tables.unplaced);
    document.meta.source.unreadable = pages::unreadable(&tables.layout);
    document.meta.source.files = vec![path.to_owned()];
    document.meta.source.format = Some(format.to_owned());
    diagnostics.extend(tables.diagnostics);
    diagnostics.extend(found);
    Ok(Imported { document, diagnostics, source_text: None, tables_file: Vec::new() })
}

/// Reads one document from two files: the tables from `tables` (a workbook or a
/// CSV exchange) and everything else from `text` (the explanation as text). The
/// text's own tables, if it has any, yield to the workbook's of the same kind.
pub fn import_combined(tables: &Path, text: &Path, options: &ImportOptions) -> Result<Imported, ImportError> {
    let tables_name = tables.to_string_lossy().into_owned();
    let text_name = text.to_string_lossy().into_owned();
    let alone = ImportOptions { explanation: None, ..options.clone() };
    let from_book = import_file(&tables_name, &alone)?;
    let from_text = import_file(&text_name, &alone)?;
    Ok(combine::combine(from_book, from_text, &tables_name))
}
