//! `gongkai import FILE_OR_DIR [-o OUT.json]`.

use gongkai_import::ImportOptions;

use super::Outcome;
use crate::cli::ImportArgs;
use crate::output::write_atomic;

/// Imports one document (a file, or a folder holding a workbook and its text) and
/// prints or writes its JSON.
pub fn run(args: &ImportArgs) -> Outcome {
    let input = match crate::inputs::one_document(&args.file) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("error: {e}");
            return Outcome::Failure;
        }
    };
    let path = input.path.to_string_lossy().into_owned();
    let options = ImportOptions { limits: args.limits.limits(), explanation: input.text, ..Default::default() };
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
    let mut json = match serde_json::to_string_pretty(&imported.document) {
        Ok(j) => j,
        Err(e) => {
            eprintln!("error: cannot serialise {path}: {e}");
            return Outcome::Failure;
        }
    };
    json.push('\n');
    match &args.output {
        Some(out) => {
            if let Err(e) = write_atomic(out, json.as_bytes()) {
                eprintln!("error: {}: {e}", out.display());
                return Outcome::Failure;
            }
        }
        None => print!("{json}"),
    }
    Outcome::Clean
}
