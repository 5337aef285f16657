//! Entries added at run time by a plugin or caller — typically a province's own
//! names or regional subdivisions — that a [`crate::CatalogView`] consults beside the
//! builtin tables. An overlay only adds evidence; it never hides a builtin name.

use std::num::NonZeroU32;

use crate::code::{Level, MalformedCode, Scheme, is_well_formed, level_of, scheme_of};
use crate::normalize::normalize_name;
use crate::provenance::Attestation;
use crate::years::{YearOutOfRange, YearSet};

/// Why an entry was not added to an overlay.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OverlayError {
    /// The code is not a well-formed classification code.
    #[error("malformed code {code:?}: {reason}")]
    MalformedCode {
        /// The code given.
        code: String,
        /// Why it is malformed.
        reason: MalformedCode,
    },
    /// A year is outside the range a [`YearSet`] holds.
    #[error(transparent)]
    Year(#[from] YearOutOfRange),
    /// No year given: every fact in the catalog is tied to the years it was seen in.
    #[error("entry {code} has no year")]
    NoYears {
        /// The code given.
        code: String,
    },
    /// The name is empty after normalisation.
    #[error("entry {code} has an empty name")]
    EmptyName {
        /// The code given.
        code: String,
    },
    /// Unverified data is never loaded as truth, from data files or from overlays.
    #[error("entry {code}: unverified rows cannot be added to a catalog")]
    Unverified {
        /// The code given.
        code: String,
    },
    /// The overlay already has this code with this (normalised) name.
    #[error("entry {code} {name:?} is already in the overlay")]
    Duplicate {
        /// The code given.
        code: String,
        /// The name given.
        name: String,
    },
}

/// One owned entry of a [`CatalogOverlay`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverlayEntry {
    code: String,
    name: String,
    key: String,
    scheme: Scheme,
    level: Level,
    years: YearSet,
    documents: u32,
    attestation: Attestation,
    sources: Vec<String>,
}

impl OverlayEntry {
    /// The code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The name as given.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The normalised name ([`crate::normalize_name`]).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The classification of the code.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The level of the code.
    pub fn level(&self) -> Level {
        self.level
    }

    /// The years the entry speaks for.
    pub fn years(&self) -> YearSet {
        self.years
    }

    /// The number of documents behind the entry (1 unless set).
    pub fn documents(&self) -> u32 {
        self.documents
    }

    /// The kind of evidence.
    pub fn attestation(&self) -> Attestation {
        self.attestation
    }

    /// Source ids (the overlay's label unless set).
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Sets the number of documents the pair was seen in.
    pub fn with_documents(&mut self, documents: NonZeroU32) -> &mut Self {
        self.documents = documents.get();
        self
    }

    /// Replaces the source ids (by default the overlay's label).
    pub fn with_sources<I, S>(&mut self, sources: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.sources = sources.into_iter().map(Into::into).collect();
        self
    }
}

/// Owned catalog entries added at run time, e.g. a province's regional economic
/// subdivisions. Combine with the builtin catalog through
/// [`crate::Catalog::with_overlay`] or [`crate::CatalogView::with_overlay`].
///
/// Entries are kept sorted by code so that lookups binary-search here too.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CatalogOverlay {
    label: String,
    entries: Vec<OverlayEntry>,
}

impl CatalogOverlay {
    /// An empty overlay. `label` names it in [`crate::Evidence::origin`] (e.g.
    /// `"xinjiang-2024-plugin"`) and is the default source id of its entries.
    pub fn new(label: impl Into<String>) -> CatalogOverlay {
        CatalogOverlay { label: label.into(), entries: Vec::new() }
    }

    /// The overlay's label.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Adds `code` with `name` for `years`, attested as `attestation`; returns the entry
    /// so that its document count and sources can be set. The code must be well formed;
    /// unverified entries are refused.
    pub fn add(
        &mut self,
        code: &str,
        name: &str,
        years: &[u16],
        attestation: Attestation,
    ) -> Result<&mut OverlayEntry, OverlayError> {
        is_well_formed(code).map_err(|reason| OverlayError::MalformedCode { code: code.to_string(), reason })?;
        let (Some(scheme), Some(level)) = (scheme_of(code), level_of(code)) else {
            // Unreachable after is_well_formed; reported rather than unwrapped.
            return Err(OverlayError::MalformedCode { code: code.to_string(), reason: MalformedCode::Empty });
        };
        if !attestation.is_trusted() {
            return Err(OverlayError::Unverified { code: code.to_string() });
        }
        let years = YearSet::from_years(years)?;
        if years.is_empty() {
            return Err(OverlayError::NoYears { code: code.to_string() });
        }
        let key = normalize_name(name);
        if key.is_empty() {
            return Err(OverlayError::EmptyName { code: code.to_string() });
        }
        let position = self.entries.partition_point(|e| (e.code.as_str(), e.key.as_str()) < (code, key.as_str()));
        if self.entries.get(position).is_some_and(|e| e.code == code && e.key == key) {
            return Err(OverlayError::Duplicate { code: code.to_string(), name: name.to_string() });
        }
        self.entries.insert(
            position,
            OverlayEntry {
                code: code.to_string(),
                name: name.trim().to_string(),
                key,
                scheme,
                level,
                years,
                documents: 1,
                attestation,
                sources: vec![self.label.clone()],
            },
        );
        // `position` was just filled, so this index is in bounds.
        Ok(&mut self.entries[position])
    }

    /// All entries, sorted by code and name key.
    pub fn entries(&self) -> &[OverlayEntry] {
        &self.entries
    }

    /// The entries of `code`.
    pub fn entries_for(&self, code: &str) -> &[OverlayEntry] {
        let start = self.entries.partition_point(|e| e.code.as_str() < code);
        let len = self.entries[start..].partition_point(|e| e.code == code);
        &self.entries[start..start + len]
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if the overlay has no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_validated() {
        let mut overlay = CatalogOverlay::new("test");
        assert!(matches!(
            overlay.add("2O8", "x", &[2024], Attestation::Observed),
            Err(OverlayError::MalformedCode { .. })
        ));
        assert!(matches!(overlay.add("30299", "x", &[], Attestation::Observed), Err(OverlayError::NoYears { .. })));
        assert!(matches!(
            overlay.add("30299", "x", &[1990], Attestation::Observed),
            Err(OverlayError::Year(YearOutOfRange(1990)))
        ));
        assert!(matches!(
            overlay.add("30299", " ", &[2024], Attestation::Observed),
            Err(OverlayError::EmptyName { .. })
        ));
        assert!(matches!(
            overlay.add("30299", "x", &[2024], Attestation::Unverified),
            Err(OverlayError::Unverified { .. })
        ));
        assert!(overlay.is_empty());
    }

    #[test]
    fn entries_stay_sorted_and_unique() {
        let mut overlay = CatalogOverlay::new("xj");
        overlay.add("30299", "其他商品和服务支出", &[2024], Attestation::Observed).unwrap();
        overlay
            .add("30101", "基本工资", &[2024], Attestation::HandChecked)
            .unwrap()
            .with_documents(NonZeroU32::new(3).unwrap())
            .with_sources(["xj-template-2024"]);
        assert_eq!(
            overlay.add("30101", "基本工资 ", &[2025], Attestation::Observed),
            Err(OverlayError::Duplicate { code: "30101".into(), name: "基本工资 ".into() })
        );
        let codes: Vec<&str> = overlay.entries().iter().map(OverlayEntry::code).collect();
        assert_eq!(codes, ["30101", "30299"]);
        let entry = &overlay.entries_for("30101")[0];
        assert_eq!(entry.documents(), 3);
        assert_eq!(entry.sources(), ["xj-template-2024"]);
        assert_eq!(entry.scheme(), Scheme::EconomicDepartment);
        assert_eq!(entry.level(), Level::Kuan);
        assert_eq!(overlay.entries_for("30299")[0].sources(), ["xj"]);
        assert!(overlay.entries_for("302").is_empty());
        assert_eq!(overlay.len(), 2);
        assert_eq!(overlay.label(), "xj");
    }
}
