//! Findings: what the rules (built-in and plugins) report, and the report format.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Coverage, Measure, Provenance, Side, TableKind};

/// The `$id` of the published findings schema.
pub const FINDINGS_SCHEMA_ID: &str = "https://gongkai.invalid/schemas/1.0.0/findings.schema.json";

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Worth knowing; not a defect by itself.
    Info,
    /// Probably wrong; a reviewer should look.
    Warning,
    /// Wrong: an identity fails or a figure contradicts another.
    Error,
}

impl Severity {
    /// 错误 / 警告 / 提示.
    pub fn name_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }

    /// `error` / `warning` / `info`.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// Parses [`Severity::id`].
    pub fn from_id(id: &str) -> Option<Severity> {
        match id {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// The family a rule belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Required tables and sections are present.
    Completeness,
    /// Sums inside one table.
    Arithmetic,
    /// Identities between tables.
    CrossTable,
    /// The explanation text against the tables.
    Narrative,
    /// Staffing and organisation.
    Profile,
    /// Names, years and references used the same way throughout.
    Consistency,
    /// Precision and typography.
    Format,
    /// Classification codes and names.
    Catalog,
    /// The identities of final accounts (决算): balances carried over, budget against outturn.
    FinalAccounts,
    /// Reported by a plugin (or about a plugin).
    Plugin,
    /// About reading the input.
    Import,
}

impl Category {
    /// The snake_case id.
    pub fn id(self) -> &'static str {
        match self {
            Category::Completeness => "completeness",
            Category::Arithmetic => "arithmetic",
            Category::CrossTable => "cross_table",
            Category::Narrative => "narrative",
            Category::Profile => "profile",
            Category::Consistency => "consistency",
            Category::Format => "format",
            Category::Catalog => "catalog",
            Category::FinalAccounts => "final_accounts",
            Category::Plugin => "plugin",
            Category::Import => "import",
        }
    }

    /// Every category.
    pub const ALL: [Category; 11] = [
        Category::Completeness,
        Category::Arithmetic,
        Category::CrossTable,
        Category::Narrative,
        Category::Profile,
        Category::Consistency,
        Category::Format,
        Category::Catalog,
        Category::FinalAccounts,
        Category::Plugin,
        Category::Import,
    ];

    /// Parses [`Category::id`].
    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }
}

/// One place involved in a finding.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Where in the source (line, and page / column / cell where known).
    #[serde(flatten)]
    pub at: Provenance,
    /// The input file, when the report covers several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The table involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<TableKind>,
    /// The side of a two-sided table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    /// The row: its code or label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<String>,
    /// What the column measures (the character column is `column`, from `at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    /// The column header as printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column_header: Option<String>,
}

/// A problem (or a note) about a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The rule's stable id (`A101`, `XJ001` …).
    pub rule: String,
    /// How serious.
    pub severity: Severity,
    /// The rule family.
    pub category: Category,
    /// For the reviewer, in Chinese: names the table, row, column and both values.
    pub message: String,
    /// The value an identity requires, where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// The value printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// Every place involved; the first is the primary one.
    pub locations: Vec<Location>,
    /// The plugin that reported it, for plugin findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plugin: Option<String>,
}

impl Finding {
    /// The primary line, for sorting.
    pub fn primary_line(&self) -> u32 {
        self.locations.first().map_or(0, |l| l.at.line)
    }

    /// The deterministic order of findings: by primary line, then rule, then message.
    pub fn sort_key(&self) -> (u32, &str, &str) {
        (self.primary_line(), &self.rule, &self.message)
    }
}

/// Counts per severity.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// Errors.
    pub errors: u32,
    /// Warnings.
    pub warnings: u32,
    /// Infos.
    pub infos: u32,
}

impl Counts {
    /// Counts the findings.
    pub fn of(findings: &[Finding]) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            match f.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
}

/// The findings for one document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentFindings {
    /// The input file(s).
    pub files: Vec<String>,
    /// The unit, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_name: Option<String>,
    /// The fiscal year, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fiscal_year: Option<u16>,
    /// When the document could not be read: why (the findings are then empty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The findings in deterministic order.
    pub findings: Vec<Finding>,
    /// Counts per severity.
    pub counts: Counts,
    /// What was checked and what could not be (absent when the document could
    /// not be read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
}

/// The JSON output of `gongkai validate --format json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("$id" = FINDINGS_SCHEMA_ID))]
pub struct FindingsReport {
    /// The exchange-format version.
    pub schema_version: String,
    /// The tool and its version (`gongkai 0.1.0`).
    pub tool: String,
    /// One entry per document, in input order.
    pub documents: Vec<DocumentFindings>,
    /// Totals over all documents.
    pub counts: Counts,
}
