//! Import errors: the input could not be read as a disclosure at all.

use std::fmt;

/// Why an input could not be imported. Always names the file and, where it
/// applies, the line (or byte offset) — the CLI turns it into exit code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file.
    pub file: String,
    /// The 1-based line, when the problem has one.
    pub line: Option<u32>,
    /// What is wrong, for a person.
    pub message: String,
}

impl ImportError {
    /// An error about a whole file.
    pub fn file(file: &str, message: impl Into<String>) -> ImportError {
        ImportError { file: file.to_owned(), line: None, message: message.into() }
    }

    /// An error at a line.
    pub fn at(file: &str, line: u32, message: impl Into<String>) -> ImportError {
        ImportError { file: file.to_owned(), line: Some(line), message: message.into() }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// Something the importer noticed but could recover from (an unknown part kept as
/// unparsed text, a header it could not map). Printed on stderr by the CLI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The 1-based line.
    pub line: u32,
    /// What happened.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}
