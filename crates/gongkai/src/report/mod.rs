//! Report formats.

pub mod sarif;
pub mod summary_csv;
pub mod text;
