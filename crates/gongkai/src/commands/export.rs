//! `gongkai export FILE --to xlsx -o OUT.xlsx`: a disclosure's tables as a
//! workbook in the template layout (one sheet per table), which `gongkai
//! validate` and `gongkai import` read back.

use gongkai_import::ImportOptions;

use super::Outcome;
use crate::cli::{ExportArgs, ExportFormat};
use crate::output::write_atomic;
use crate::report;

/// Imports one document and writes its tables.
pub fn run(args: &ExportArgs) -> Outcome {
    let input = match crate::inputs::one_document(&args.file) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("error: {e}");
            return Outcome::Failure;
        }
    };
    let path = input.path.to_string_lossy().into_owned();
    let options = ImportOptions {
        limits: args.limits.limits(),
        // --text names the explanation; a folder may pair one itself.
        explanation: args.text.clone().or(input.text),
        ..Default::default()
    };
    let imported = match gongkai_import::import_file(&path, &options) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return Outcome::Failure;
        }
    };
    for d in &imported.diagnostics {
        eprintln!("{path}:{}: {}", d.line, d.message);
    }
    if imported.document.tables.is_empty() {
        eprintln!("error: {path}: the document has no tables to export");
        return Outcome::Failure;
    }
    let bytes = match args.to {
        ExportFormat::Xlsx => report::xlsx::tables_workbook(&imported.document),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: cannot build the workbook of {path}: {e}");
            return Outcome::Failure;
        }
    };
    if let Err(e) = write_atomic(&args.output, &bytes) {
        eprintln!("error: {}: {e}", args.output.display());
        return Outcome::Failure;
    }
    Outcome::Clean
}
