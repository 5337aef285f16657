//! The data model of a Chinese government budget disclosure (部门预算公开) and of
//! the findings reported about it.
//!
//! Everything a disclosure says has a place here: metadata, the unit profile, every
//! table (identified by [`TableKind`], rows keyed by [`ClassCode`] or line label,
//! columns by [`Measure`]), the explanation sections with their numeric [`Claim`]s,
//! other important matters, performance-target tables and the glossary. Every fact
//! keeps its [`Provenance`] so that a finding can point at it.
//!
//! Invariants: money is an exact decimal ([`Number`]) that keeps its printed scale;
//! an empty cell is distinct from a printed zero; the JSON form is lossless and is
//! described by the schemas in [`schema`]. This crate depends on no other crate of
//! the workspace.

mod certainty;
mod code;
mod coverage;
mod document;
mod finding;
mod glossary;
mod matters;
mod narrative;
mod number;
mod performance;
mod profile;
mod provenance;
pub mod schema;
mod stage;
mod table;
mod text;
mod unit;

pub use certainty::Inference;
pub use code::{ClassCode, CodeError, Level, Scheme};
pub use coverage::{
    CheckCoverage, ClaimCoverage, Coverage, NotChecked, NotCheckedReason, PageCoverage, RuleChecks, TableCoverage,
    Unresolved, UnresolvedReason,
};
pub use document::{
    DISCLOSURE_SCHEMA_ID, Disclosure, DocumentKind, DocumentPart, Metadata, Region, RepeatedPage, SCHEMA_VERSION,
    SourceInfo, TocEntry, UnitLevel, Unparsed, UnreadableText,
};
pub use finding::{
    Category, Counts, DocumentFindings, FINDINGS_SCHEMA_ID, Finding, FindingsReport, Location, Severity,
};
pub use glossary::GlossaryEntry;
pub use matters::{
    AssetLine, Assets, Figure, OperatingCost, OtherMatters, PerformanceOverview, Procurement, PurchaseKind,
};
pub use narrative::{
    Change, Claim, ClaimKind, ClaimSubject, Direction, LevelName, Section, SectionKind, TextLine, TextRef,
};
pub use number::{NUMBER_PATTERN, Number, NumberError, fold_width};
pub use performance::{Comparison, FundingLine, Indicator, IndicatorValue, PerformanceTargets, TargetScope};
pub use profile::{CountedList, HeadCount, Staffing, UnitProfile};
pub use provenance::Provenance;
pub use rust_decimal::Decimal;
pub use stage::Stage;
pub use table::{Cell, Column, Measure, MissingTable, Row, RowRole, Side, Source, Table, TableKind, TablePart};
pub use text::{comparison_key, same_name};
pub use unit::{Quantity, Unit};
