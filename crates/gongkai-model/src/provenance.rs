//! Where a fact came from, so that every finding can point at it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The place in the source a fact was read from.
///
/// `line` is always known (1-based, in the text the importer read; for a PDF the
/// line of the reconstructed page text, for a workbook the sheet row). The other
/// fields are filled where the input has them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// 1-based line number.
    pub line: u32,
    /// 1-based page number (PDF input, or a page break counted in text input).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 1-based character column where the fact starts on its line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// Length in characters of the fact's text on its line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<u32>,
    /// Spreadsheet cell reference, e.g. `表5!E12`, or a table cell position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Provenance {
    /// A whole line.
    pub fn line(line: u32) -> Provenance {
        Provenance { line, ..Provenance::default() }
    }

    /// A span of `length` characters from `column` (1-based) on `line`.
    pub fn span(line: u32, column: u32, length: u32) -> Provenance {
        Provenance { line, column: Some(column), length: Some(length), ..Provenance::default() }
    }

    /// The same place with a page number.
    pub fn with_page(mut self, page: Option<u32>) -> Provenance {
        self.page = page;
        self
    }

    /// The same in English: `p.3 line 120`.
    pub fn describe_en(&self) -> String {
        let mut out = String::new();
        if let Some(page) = self.page {
            out.push_str(&format!("p.{page} "));
        }
        out.push_str(&format!("line {}", self.line));
        if let Some(cell) = &self.cell {
            out.push_str(&format!(" ({cell})"));
        }
        out
    }

    /// A human reading of the place: `第3页 第120行`.
    pub fn describe_zh(&self) -> String {
        let mut out = String::new();
        if let Some(page) = self.page {
            out.push_str(&format!("第{page}页 "));
        }
        out.push_str(&format!("第{}行", self.line));
        if let Some(cell) = &self.cell {
            out.push_str(&format!(" ({cell})"));
        }
        out
    }
}
