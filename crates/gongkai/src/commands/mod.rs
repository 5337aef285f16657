//! One module per subcommand.

pub mod catalog;
pub mod export;
pub mod import;
pub mod plugins;
pub mod rules;
pub mod validate;

/// How a command ended, as an exit code: 0 clean, 1 errors found, 2 could not
/// read an input or misuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing of error severity.
    Clean,
    /// Findings of error severity.
    Errors,
    /// An input could not be read, or the command was misused.
    Failure,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Errors => 1,
            Outcome::Failure => 2,
        }
    }
}

/// Reads the one document `file` names (a file, or a folder holding one
/// document: a workbook and its text pair themselves), with `explanation`
/// naming the text explicitly. Errors and the importer's diagnostics go to
/// stderr; `None` means the command fails.
pub(crate) fn import_one(
    file: &std::path::Path,
    limits: &crate::cli::LimitArgs,
    explanation: Option<std::path::PathBuf>,
) -> Option<(String, gongkai_import::Imported)> {
    let input = match crate::inputs::one_document(file) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("error: {e}");
            return None;
        }
    };
    let path = input.path.to_string_lossy().into_owned();
    let options = gongkai_import::ImportOptions {
        limits: limits.limits(),
        explanation: explanation.or(input.text),
        ..Default::default()
    };
    let imported = match gongkai_import::import_file(&path, &options) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return None;
        }
    };
    for d in &imported.diagnostics {
        eprintln!("{path}:{}: {}", d.line, d.message);
    }
    Some((path, imported))
}
