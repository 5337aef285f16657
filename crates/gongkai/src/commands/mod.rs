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
