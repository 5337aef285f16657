//! The `format` family: precision and typography.

mod amount_precision;
mod broken_punctuation;
mod document_number_brackets;
mod percent_precision;
mod precision;
mod unreadable_text;

pub use amount_precision::AmountPrecision;
pub use broken_punctuation::BrokenPunctuation;
pub use document_number_brackets::DocumentNumberBrackets;
pub use percent_precision::PercentPrecision;
pub use unreadable_text::UnreadableCharacters;

use crate::Rule;

/// The rules of this family.
pub fn rules() -> Vec<&'static dyn Rule> {
    vec![&PercentPrecision, &AmountPrecision, &DocumentNumberBrackets, &BrokenPunctuation, &UnreadableCharacters]
}
