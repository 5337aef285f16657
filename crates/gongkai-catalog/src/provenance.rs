//! Where the catalog data came from: the kind of evidence behind a row, the sources it
//! cites and the data files declared in `data/sources.toml`.

use std::fmt;

use crate::code::Scheme;
use crate::years::YearSet;

/// How a code/name pair is known to be right. Declared per data file in
/// `data/sources.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Attestation {
    /// Copied from the Ministry of Finance's complete catalog of a year.
    Official,
    /// Read by a person from named sources that print the code with the name, and
    /// cross-checked where possible (see `data/PROVENANCE.md`).
    HandChecked,
    /// Extracted by program from published documents; the row records in how many
    /// documents the pair was printed.
    Observed,
    /// A candidate nobody found in a source. Never used for lookups, name checks or
    /// search; only [`crate::Catalog::unverified_candidates`] returns these rows.
    Unverified,
}

impl Attestation {
    /// Every kind, strongest first.
    pub const ALL: [Attestation; 4] =
        [Attestation::Official, Attestation::HandChecked, Attestation::Observed, Attestation::Unverified];

    /// The identifier used in `data/sources.toml`.
    pub fn id(self) -> &'static str {
        match self {
            Attestation::Official => "official",
            Attestation::HandChecked => "hand_checked",
            Attestation::Observed => "observed",
            Attestation::Unverified => "unverified",
        }
    }

    /// How the name is known, in Chinese (for the command line).
    pub fn name_zh(self) -> &'static str {
        match self {
            Attestation::Official => "财政部完整目录",
            Attestation::HandChecked => "人工核对（有出处）",
            Attestation::Observed => "公开文件中所见",
            Attestation::Unverified => "未核实",
        }
    }

    /// The inverse of [`Attestation::id`].
    pub fn from_id(id: &str) -> Option<Attestation> {
        Attestation::ALL.into_iter().find(|a| a.id() == id)
    }

    /// False only for [`Attestation::Unverified`]: rows that may be treated as facts.
    pub fn is_trusted(self) -> bool {
        self != Attestation::Unverified
    }
}

impl fmt::Display for Attestation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A source document or collection cited by the data (a `[[source]]` of
/// `data/sources.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceInfo {
    /// Short id used in the data files and in [`crate::Evidence::sources`], e.g. `seed2024`.
    pub id: &'static str,
    /// The budget year(s) of the catalog the source reflects; empty when unknown.
    pub years: YearSet,
    /// What the source is.
    pub title: &'static str,
    /// Where it can be found (file path, repository@commit, or URL).
    pub location: &'static str,
}

/// A data file compiled into the binary (a `[[file]]` of `data/sources.toml`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DataFile {
    /// Path relative to the crate's `data/` directory.
    pub path: &'static str,
    /// The classifications its rows belong to.
    pub schemes: &'static [Scheme],
    /// The budget years it covers.
    pub years: YearSet,
    /// The kind of evidence behind every row of the file.
    pub attestation: Attestation,
    /// True only for an official catalog that lists every code of its schemes for each
    /// of its years; then, and only then, absence from the data means non-existence.
    pub complete: bool,
    /// Source ids cited by the file as a whole (rows may cite more).
    pub sources: &'static [&'static str],
    /// Free-text note from the manifest.
    pub note: &'static str,
}
