//! Report formats.

pub mod html;
pub mod sarif;
pub mod summary_csv;
pub mod text;
pub mod xlsx;
