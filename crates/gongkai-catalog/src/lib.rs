//! The classification catalogs (政府收支分类科目) that Chinese budget disclosures cite:
//!
//! * 支出功能分类 ([`Scheme::Function`]): 类 3 digits (`208`), 款 5 (`20805`),
//!   项 7 (`2080505`), first digit 2;
//! * 部门预算支出经济分类 ([`Scheme::EconomicDepartment`]): 类 `301`..`399`, 款 5 digits;
//! * 政府预算支出经济分类 ([`Scheme::EconomicGovernment`]): 类 `5xx`, 款 `5xxxx`.
//!
//! The data is compiled into the binary: the build script (`build/`) reads `data/sources.toml` and the
//! TSV files it lists, validates them and generates static arrays sorted by code (plus
//! an index sorted by normalised name). Every query is a binary search; nothing is
//! parsed or initialised at run time.
//!
//! # Provenance
//!
//! The Ministry of Finance's complete catalogs were not available when this crate was
//! written. What ships is every code/name pair that could be *attested*, each row tagged
//! with the kind of evidence ([`Attestation`]), the years it was printed in, the number
//! of documents and the source ids ([`Catalog::sources`] describes them):
//!
//! * `hand_checked`: small subsets read by a person from named documents (the 2024
//!   Qitai seed, a 2026 Shanghai budget, economic-classification tables of 2018–2024);
//! * `observed`: about a thousand pairs extracted from 227 published documents of
//!   2019–2026 (heavily weighted to 2026), with per-row years and document counts;
//! * `unverified`: candidates from nobody's source. They are kept in a separate table
//!   ([`Catalog::unverified_candidates`]) and never used by lookups, name checks or
//!   search.
//!
//! `data/PROVENANCE.md` tells where each source came from and how it was read.
//!
//! # Absence is not non-existence
//!
//! No (scheme, year) is complete today ([`Catalog::is_complete`] is false everywhere).
//! So a code missing from the data is *unknown*, never "does not exist":
//! [`Catalog::name_matches`] answers [`NameCheck::Unknown`] and only
//! [`Catalog::known_absent`] may ever say a code does not exist — once a complete
//! official catalog is dropped into `data/` (one TSV file plus one `[[file]]` block with
//! `attestation = "official"` and `complete = true`; no code change). Conversely, a
//! name that differs from the attested ones *is* worth reporting, with the evidence
//! that [`NameCheck::Mismatch`] carries.
//!
//! # Example
//!
//! ```
//! use gongkai_catalog::{Catalog, NameCheck};
//!
//! let catalog = Catalog::builtin();
//! assert!(catalog.name_matches("30213", "维修(护)费", Some(2024)).is_match());
//! assert!(matches!(
//!     catalog.name_matches("20805", "行政事业单位离退休", Some(2024)),
//!     NameCheck::Mismatch { .. }
//! ));
//! assert_eq!(catalog.name_matches("2089998", "任意", Some(2024)), NameCheck::Unknown);
//! ```

#![warn(missing_docs)]

#[cfg(test)]
mod build_tests;
mod catalog;
mod code;
mod normalize;
mod overlay;
mod provenance;
mod view;
mod years;

pub use catalog::{Candidate, Catalog, CatalogStats};
pub use code::{Level, MalformedCode, Scheme, is_well_formed, join_code, level_of, parent_of, scheme_of};
pub use normalize::{normalize_name, same_name};
pub use overlay::{CatalogOverlay, OverlayEntry, OverlayError};
pub use provenance::{Attestation, DataFile, SourceInfo};
pub use view::{AttestedName, CatalogView, CodeInfo, Evidence, NameCheck, NameInfo, YearBasis, YearNames};
pub use years::{YearOutOfRange, YearSet};
