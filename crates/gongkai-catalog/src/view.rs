//! Queries over the builtin catalog plus any run-time overlays, and their result types.
//!
//! All query logic lives here, on [`CatalogView`]; [`Catalog`]'s methods are a view
//! without overlays. Evidence from the two places is first brought to one borrowed shape
//! ([`Record`]) so that every rule below is written once.

use std::cmp::Reverse;

use crate::catalog::{Catalog, Row};
use crate::code::{Level, Scheme, level_of, scheme_of};
use crate::normalize::normalize_name;
use crate::overlay::{CatalogOverlay, OverlayEntry};
use crate::provenance::Attestation;
use crate::years::YearSet;

/// One piece of evidence that a document (or catalog) prints `code` as `name`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence<'a> {
    /// The kind of evidence.
    pub attestation: Attestation,
    /// The budget years it covers.
    pub years: YearSet,
    /// The number of documents behind it.
    pub documents: u32,
    /// Source ids ([`Catalog::source`] describes the builtin ones).
    pub sources: Vec<&'a str>,
    /// The data file (builtin) or overlay label it comes from.
    pub origin: &'a str,
}

/// One attested name of a code, with all its evidence merged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameInfo<'a> {
    /// The name as printed by the strongest piece of evidence.
    pub name: &'a str,
    /// Its comparison key ([`crate::normalize_name`]).
    pub key: &'a str,
    /// Every year any evidence prints it in.
    pub years: YearSet,
    /// The largest document count of any one piece of evidence. Counts are not added up
    /// because the sources overlap (the same document may be behind several files), so
    /// this is a lower bound on the number of distinct documents.
    pub documents: u32,
    /// The strongest kind of evidence for the name.
    pub attestation: Attestation,
    /// Each piece of evidence, strongest first.
    pub evidence: Vec<Evidence<'a>>,
}

/// Everything the data says about one code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeInfo<'a> {
    /// The code.
    pub code: &'a str,
    /// Its classification.
    pub scheme: Scheme,
    /// Its level.
    pub level: Level,
    /// Its attested names; with a year, those attested in that year first, then by
    /// document count.
    pub names: Vec<NameInfo<'a>>,
}

/// Which year the names returned by [`CatalogView::names_for_year`] come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearBasis {
    /// Attested in the requested year itself (only the official names, when an official
    /// catalog of that year lists the code).
    SameYear,
    /// Nothing is attested for the requested year; these are the names of this year,
    /// the nearest attested one (the earlier on a tie).
    NearestYear(u16),
}

/// The names of a code for one year, and where they come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearNames<'a> {
    /// Whether the names are the requested year's own or a fallback.
    pub basis: YearBasis,
    /// The names, by document count, most first.
    pub names: Vec<NameInfo<'a>>,
}

/// One attested name in a [`NameCheck::Mismatch`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttestedName<'a> {
    /// The name.
    pub name: &'a str,
    /// Documents behind it (lower bound, see [`NameInfo::documents`]).
    pub documents: u32,
    /// The years it is printed in.
    pub years: YearSet,
    /// Its strongest evidence.
    pub attestation: Attestation,
    /// True if the printed name was compared with this one, i.e. it is a name of the
    /// checked year (or, when that year has none, of any year).
    pub expected: bool,
}

/// The verdict on a printed name: what a rule calls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameCheck<'a> {
    /// The printed name equals (after normalisation) an expected name of the code.
    Matches,
    /// The code is known, and the printed name is none of its expected names.
    Mismatch {
        /// Every attested name of the code, the expected ones first, then by documents.
        attested: Vec<AttestedName<'a>>,
        /// The years in which the printed name itself is attested for this code (empty if
        /// never): non-empty means the document uses another year's name, e.g. the 2019
        /// name of a code renamed since.
        printed_years: YearSet,
    },
    /// The code is not in the data. This says nothing about the name, nor about whether
    /// the code exists (see [`CatalogView::known_absent`]).
    Unknown,
}

impl NameCheck<'_> {
    /// True for [`NameCheck::Matches`].
    pub fn is_match(&self) -> bool {
        matches!(self, NameCheck::Matches)
    }
}

/// The builtin catalog combined with zero or more [`CatalogOverlay`]s. Every query sees
/// the union of their evidence.
#[derive(Clone, Debug)]
pub struct CatalogView<'a> {
    base: Catalog,
    overlays: Vec<&'a CatalogOverlay>,
}

/// Evidence in one borrowed shape, whether from the static tables or an overlay.
#[derive(Clone, Copy)]
struct Record<'a> {
    code: &'a str,
    name: &'a str,
    key: &'a str,
    years: YearSet,
    documents: u32,
    attestation: Attestation,
    sources: SourceIds<'a>,
    origin: &'a str,
}

#[derive(Clone, Copy)]
enum SourceIds<'a> {
    Static(&'static [&'static str]),
    Owned(&'a [String]),
}

impl<'a> SourceIds<'a> {
    fn to_vec(self) -> Vec<&'a str> {
        match self {
            SourceIds::Static(ids) => ids.to_vec(),
            SourceIds::Owned(ids) => ids.iter().map(String::as_str).collect(),
        }
    }
}

impl<'a> Record<'a> {
    fn from_row(catalog: &Catalog, row: &'static Row) -> Record<'a> {
        Record {
            code: row.code(),
            name: row.name(),
            key: row.key(),
            years: row.years,
            documents: row.documents,
            attestation: row.attestation,
            sources: SourceIds::Static(row.sources()),
            origin: catalog.file_path(row.file),
        }
    }

    fn from_entry(overlay: &'a CatalogOverlay, entry: &'a OverlayEntry) -> Record<'a> {
        Record {
            code: entry.code(),
            name: entry.name(),
            key: entry.key(),
            years: entry.years(),
            documents: entry.documents(),
            attestation: entry.attestation(),
            sources: SourceIds::Owned(entry.sources()),
            origin: overlay.label(),
        }
    }

    fn evidence(&self) -> Evidence<'a> {
        Evidence {
            attestation: self.attestation,
            years: self.years,
            documents: self.documents,
            sources: self.sources.to_vec(),
            origin: self.origin,
        }
    }
}

/// The evidence for one code: the builtin rows (found once) and the overlays' entries.
struct CodeEvidence<'v, 'a> {
    view: &'v CatalogView<'a>,
    code: &'v str,
    rows: &'static [Row],
}

impl<'a> CodeEvidence<'_, 'a> {
    /// Builtin rows first, then each overlay's entries.
    fn iter(&self) -> impl Iterator<Item = Record<'a>> + '_ {
        let base = self.view.base;
        let builtin = self.rows.iter().map(move |row| Record::from_row(&base, row));
        let overlays = self.view.overlays.iter().flat_map(move |&overlay| {
            overlay.entries_for(self.code).iter().map(move |entry| Record::from_entry(overlay, entry))
        });
        builtin.chain(overlays)
    }

    fn is_empty(&self) -> bool {
        self.rows.is_empty() && self.view.overlays.iter().all(|o| o.entries_for(self.code).is_empty())
    }
}

/// Which evidence counts as "the names of the year" for a check or a listing.
#[derive(Clone, Copy)]
enum Reference {
    /// Official evidence for this year exists: only it counts.
    Official(u16),
    /// Any evidence printed in this year.
    Year(u16),
    /// Any evidence at all.
    All,
}

impl Reference {
    fn admits(self, record: &Record<'_>) -> bool {
        match self {
            Reference::Official(y) => record.attestation == Attestation::Official && record.years.contains(y),
            Reference::Year(y) => record.years.contains(y),
            Reference::All => true,
        }
    }

    fn admits_name(self, name: &NameInfo<'_>) -> bool {
        match self {
            Reference::Official(y) => {
                name.evidence.iter().any(|e| e.attestation == Attestation::Official && e.years.contains(y))
            }
            Reference::Year(y) => name.years.contains(y),
            Reference::All => true,
        }
    }
}

impl<'a> CatalogView<'a> {
    /// A view of `base` without overlays.
    pub fn new(base: Catalog) -> CatalogView<'a> {
        CatalogView { base, overlays: Vec::new() }
    }

    /// Adds an overlay; later queries see its entries beside the builtin ones.
    pub fn with_overlay(mut self, overlay: &'a CatalogOverlay) -> CatalogView<'a> {
        self.overlays.push(overlay);
        self
    }

    /// The evidence for `code`: one binary search of the builtin rows now; overlays
    /// (usually none or one, each small) are searched when iterated.
    fn evidence<'s>(&'s self, code: &'s str) -> CodeEvidence<'s, 'a> {
        CodeEvidence { view: self, code, rows: self.base.rows_for(code) }
    }

    /// The reference set for `year`: official names of the year if the code has any,
    /// else all names printed in the year, else (no year, or nothing seen in it) every name.
    fn reference(evidence: &CodeEvidence<'_, 'a>, year: Option<u16>) -> Reference {
        let Some(year) = year else {
            return Reference::All;
        };
        let mut in_year = false;
        for record in evidence.iter() {
            if record.years.contains(year) {
                if record.attestation == Attestation::Official {
                    return Reference::Official(year);
                }
                in_year = true;
            }
        }
        if in_year { Reference::Year(year) } else { Reference::All }
    }

    /// The names of `code` with merged evidence, or `None` if the code has no evidence.
    fn names(evidence: &CodeEvidence<'_, 'a>) -> Option<Vec<NameInfo<'a>>> {
        let mut records: Vec<Record<'a>> = evidence.iter().collect();
        if records.is_empty() {
            return None;
        }
        // Strongest evidence first within a name, so its spelling represents the name.
        records.sort_by(|a, b| {
            (a.key, a.attestation, Reverse(a.documents)).cmp(&(b.key, b.attestation, Reverse(b.documents)))
        });
        let mut names: Vec<NameInfo<'a>> = Vec::new();
        for record in records {
            match names.last_mut() {
                Some(last) if last.key == record.key => {
                    last.years = last.years.union(record.years);
                    last.documents = last.documents.max(record.documents);
                    last.evidence.push(record.evidence());
                }
                _ => names.push(NameInfo {
                    name: record.name,
                    key: record.key,
                    years: record.years,
                    documents: record.documents,
                    attestation: record.attestation,
                    evidence: vec![record.evidence()],
                }),
            }
        }
        Some(names)
    }

    /// Everything known about `code`: each attested name with its years, document
    /// count, evidence kinds and sources. With `year`, names attested in that year come
    /// first; then by document count. `None` if the code is not in the data, which
    /// does not mean it does not exist (see [`CatalogView::known_absent`]).
    pub fn lookup(&self, code: &str, year: Option<u16>) -> Option<CodeInfo<'a>> {
        let evidence = self.evidence(code);
        let mut names = Self::names(&evidence)?;
        let (scheme, level) = (scheme_of(code)?, level_of(code)?);
        names
            .sort_by_key(|n| (Reverse(year.is_some_and(|y| n.years.contains(y))), Reverse(n.documents), n.attestation));
        // The code as stored, so that the result borrows nothing from the caller.
        let stored_code = evidence.iter().next()?.code;
        Some(CodeInfo { code: stored_code, scheme, level, names })
    }

    /// Whether `code` is in the data: [`CatalogView::lookup`] would answer, without
    /// gathering and sorting its names (a rule asks this of every coded row).
    pub fn knows(&self, code: &str) -> bool {
        scheme_of(code).is_some() && level_of(code).is_some() && !self.evidence(code).is_empty()
    }

    /// The names of `code` for `year`: those attested in `year` itself (only the
    /// official ones, if an official catalog of that year lists the code), else those of
    /// the nearest year that has any, the earlier on a tie; [`YearNames::basis`] says
    /// which. `None` if the code is not in the data.
    pub fn names_for_year(&self, code: &str, year: u16) -> Option<YearNames<'a>> {
        let evidence = self.evidence(code);
        let names = Self::names(&evidence)?;
        let all_years = names.iter().fold(YearSet::EMPTY, |acc, n| acc.union(n.years));
        let (basis, used) = if all_years.contains(year) {
            (YearBasis::SameYear, year)
        } else {
            let nearest = all_years.nearest(year)?;
            (YearBasis::NearestYear(nearest), nearest)
        };
        let reference = Self::reference(&evidence, Some(used));
        let mut chosen: Vec<NameInfo<'a>> = names.into_iter().filter(|n| reference.admits_name(n)).collect();
        chosen.sort_by_key(|n| (Reverse(n.documents), n.attestation));
        Some(YearNames { basis, names: chosen })
    }

    /// Checks the name a document of `year` prints for `code`.
    ///
    /// The printed name is normalised ([`crate::normalize_name`]) and compared with the
    /// code's expected names:
    /// * if an official catalog of `year` lists the code, its names for that year;
    /// * else the names printed in documents of `year`;
    /// * else (no evidence for `year`, or no year given) every attested name: renames
    ///   are rare and the data cannot tell when one happened, so a name of another year
    ///   is not reported against a year nobody has seen.
    ///
    /// [`NameCheck::Mismatch`] carries all attested names with their evidence so that
    /// the rule can weigh it (e.g. a name attested by one document only).
    pub fn name_matches(&self, code: &str, printed_name: &str, year: Option<u16>) -> NameCheck<'a> {
        let evidence = self.evidence(code);
        if evidence.is_empty() {
            return NameCheck::Unknown;
        }
        let key = normalize_name(printed_name);
        let reference = Self::reference(&evidence, year);
        if evidence.iter().any(|r| reference.admits(&r) && r.key == key) {
            return NameCheck::Matches;
        }
        let names = Self::names(&evidence).unwrap_or_default();
        let printed_years = names.iter().filter(|n| n.key == key).fold(YearSet::EMPTY, |acc, n| acc.union(n.years));
        let mut attested: Vec<AttestedName<'a>> = names
            .iter()
            .map(|n| AttestedName {
                name: n.name,
                documents: n.documents,
                years: n.years,
                attestation: n.attestation,
                expected: reference.admits_name(n),
            })
            .collect();
        attested.sort_by_key(|a| (Reverse(a.expected), Reverse(a.documents), a.attestation));
        NameCheck::Mismatch { attested, printed_years }
    }

    /// Codes whose normalised name contains the normalised `text`, as `(code, name)`
    /// sorted by code (one entry per code and name). An empty query finds nothing.
    ///
    /// Substring search cannot use the sorted name index, so this scans every row; the
    /// tables are small (about a thousand rows).
    pub fn search(&self, text: &str) -> Vec<(&'a str, &'a str)> {
        let needle = normalize_name(text);
        if needle.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(&'a str, &'a str, &'a str)> = self
            .base
            .rows
            .iter()
            .filter(|r| r.key().contains(needle.as_str()))
            .map(|r| (r.code(), r.key(), r.name()))
            .collect();
        for overlay in &self.overlays {
            hits.extend(
                overlay
                    .entries()
                    .iter()
                    .filter(|e| e.key().contains(needle.as_str()))
                    .map(|e| (e.code(), e.key(), e.name())),
            );
        }
        // Stable sort keeps builtin spellings (strongest evidence first) ahead.
        hits.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        hits.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        hits.into_iter().map(|(code, _, name)| (code, name)).collect()
    }

    /// Codes that carry exactly this name (after normalisation), ascending.
    pub fn codes_named(&self, name: &str) -> Vec<&'a str> {
        let key = normalize_name(name);
        let mut codes: Vec<&'a str> = self.base.rows_named(&key).map(|r| r.code()).collect();
        for overlay in &self.overlays {
            codes.extend(overlay.entries().iter().filter(|e| e.key() == key).map(OverlayEntry::code));
        }
        codes.sort_unstable();
        codes.dedup();
        codes
    }

    /// True only if a complete official catalog of `scheme` for `year` is in the builtin
    /// data (overlays never make a catalog complete).
    pub fn is_complete(&self, scheme: Scheme, year: u16) -> bool {
        self.base.is_complete(scheme, year)
    }

    /// True only when the data proves that `code` does not exist in `year`: the year's
    /// catalog of its scheme is complete and has no official row for the code.
    pub fn known_absent(&self, code: &str, year: u16) -> bool {
        self.base.code_scheme_complete(code, year)
            && !self.evidence(code).iter().any(|r| r.attestation == Attestation::Official && r.years.contains(year))
    }
}
