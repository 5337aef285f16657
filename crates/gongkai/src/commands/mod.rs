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
    verbose: bool,
) -> Option<(String, gongkai_import::Imported)> {
    let input = match crate::inputs::one_document(file) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("{}{e}", crate::lang::Lang::error_prefix());
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
            eprintln!("{}{e}", crate::lang::Lang::error_prefix());
            return None;
        }
    };
    // The importer's notes, one per line it could not place, are a developer's
    // view: listed with --verbose, else counted in one line.
    if verbose {
        for d in &imported.diagnostics {
            eprintln!("{path}:{}: {}", d.line, d.message);
        }
    } else if !imported.diagnostics.is_empty() {
        let n = imported.diagnostics.len();
        eprintln!(
            "{}",
            match crate::lang::Lang::current() {
                crate::lang::Lang::Zh =>
                    format!("{path}：有 {n} 处未能归入任何部分（保存在 unparsed 中；加 --verbose 逐行列出）"),
                crate::lang::Lang::En =>
                    format!("{path}: {n} lines placed in no part (kept in unparsed; --verbose lists them)"),
            }
        );
    }
    Some((path, imported))
}
