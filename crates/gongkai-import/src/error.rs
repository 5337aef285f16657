//! Import errors: the input could not be read as a disclosure at all.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

/// Why an input could not be imported. Always names the file and, where it
/// applies, the line (or byte offset) — the CLI turns it into exit code 2.
/// Says what is wrong in both languages: shown in the one the process speaks
/// ([`set_chinese`]; English unless the program says otherwise), the
/// technical detail of a failing library after the words (`（…）`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file.
    pub file: String,
    /// The 1-based line, when the problem has one.
    pub line: Option<u32>,
    /// What is wrong, for a person, in English.
    pub message: String,
    /// The same in Chinese.
    pub message_zh: String,
}

/// Whether errors speak Chinese (set once by the program, read by `Display`).
static CHINESE: AtomicBool = AtomicBool::new(false);

/// Makes every [`ImportError`] display in Chinese (`true`) or English.
pub fn set_chinese(chinese: bool) {
    CHINESE.store(chinese, Ordering::Relaxed);
}

impl ImportError {
    /// An error about a whole file: what is wrong in Chinese and in English.
    pub fn file(file: &str, zh: impl Into<String>, en: impl Into<String>) -> ImportError {
        ImportError { file: file.to_owned(), line: None, message: en.into(), message_zh: zh.into() }
    }

    /// An error at a line.
    pub fn at(file: &str, line: u32, zh: impl Into<String>, en: impl Into<String>) -> ImportError {
        ImportError { file: file.to_owned(), line: Some(line), message: en.into(), message_zh: zh.into() }
    }

    /// A file that cannot be read from disk, said by what is wrong (missing,
    /// not permitted, a folder), not by the system's error number.
    pub fn io(file: &str, error: &std::io::Error) -> ImportError {
        use std::io::ErrorKind as K;
        let (zh, en) = match error.kind() {
            K::NotFound => ("文件不存在".to_owned(), "file not found".to_owned()),
            K::PermissionDenied => ("没有读取该文件的权限".to_owned(), "permission denied".to_owned()),
            K::IsADirectory => ("这是文件夹，不是文件".to_owned(), "is a folder, not a file".to_owned()),
            _ => (format!("无法读取文件（{error}）"), format!("cannot read the file ({error})")),
        };
        ImportError::file(file, zh, en)
    }

    /// What is wrong, in the language asked for.
    pub fn message_in(&self, chinese: bool) -> &str {
        if chinese { &self.message_zh } else { &self.message }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let chinese = CHINESE.load(Ordering::Relaxed);
        let message = self.message_in(chinese);
        match self.line {
            Some(line) if chinese => write!(f, "{}: 第 {line} 行：{message}", self.file),
            Some(line) => write!(f, "{}:{line}: {message}", self.file),
            None => write!(f, "{}: {message}", self.file),
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
