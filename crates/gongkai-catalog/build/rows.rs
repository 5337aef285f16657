//! The TSV data files: reading, validating and turning rows into [`Row`]s.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use super::manifest::{FileEntry, MAX_YEAR, MIN_YEAR, Result, Source, year_from_int};
use crate::code::{self, Level, Scheme};
use crate::normalize;

pub(crate) fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))
}

pub(crate) struct Row {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) key: String,
    pub(crate) scheme: Scheme,
    pub(crate) level: Level,
    pub(crate) years: u64,
    pub(crate) documents: u32,
    pub(crate) attestation: String,
    pub(crate) sources: Vec<String>,
    pub(crate) file: u16,
    /// Columns the tables do not use, as `column=value; …` (kept for unverified rows).
    pub(crate) detail: String,
}

/// Column names that mean something to the build; everything else is `detail`.
const KNOWN_COLUMNS: [&str; 8] = ["code", "name", "level", "year", "years", "documents", "source", "sources"];

pub(crate) fn load_file(
    data_dir: &Path,
    file: &FileEntry,
    file_index: u16,
    sources: &BTreeMap<String, Source>,
) -> Result<Vec<Row>> {
    let text = read(&data_dir.join(&file.path))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("empty file")?.split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name);
    let code_col = column("code").ok_or("no `code` column")?;
    let name_col = column("name").ok_or("no `name` column")?;
    let level_col = column("level");
    let years_col = column("years").or_else(|| column("year"));
    let documents_col = column("documents");
    let sources_col = column("sources").or_else(|| column("source"));

    let side_sources = match &file.row_sources {
        Some(path) => Some(load_row_sources(data_dir, path)?),
        None => None,
    };
    let file_years = years_bits(&file.years)?;
    let trusted = file.attestation != "unverified";

    let mut rows = Vec::new();
    let mut seen = BTreeSet::new();
    for (index, line) in lines.enumerate() {
        let line_no = index + 2;
        if line.trim().is_empty() {
            continue;
        }
        let ctx = |e: String| format!("line {line_no}: {e}");
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() != header.len() {
            return Err(ctx(format!("{} cells, header has {}", cells.len(), header.len())));
        }
        let code = cells[code_col].trim();
        let name = cells[name_col].trim();
        code::is_well_formed(code).map_err(|e| ctx(format!("code {code:?}: {e}")))?;
        let scheme = code::scheme_of(code).ok_or_else(|| ctx("no scheme".to_string()))?;
        let level = code::level_of(code).ok_or_else(|| ctx("no level".to_string()))?;
        if !file.schemes.contains(&scheme) {
            return Err(ctx(format!(
                "code {code} belongs to {}, which the manifest does not list for this file",
                scheme.id()
            )));
        }
        if let Some(col) = level_col
            && cells[col].trim() != level.name_zh()
        {
            return Err(ctx(format!("level column says {:?}, code {code} is a {}", cells[col], level.name_zh())));
        }
        let key = normalize::normalize_name(name);
        if key.is_empty() {
            return Err(ctx("empty name".to_string()));
        }

        let row_sources: Vec<String> = match (&side_sources, sources_col) {
            (Some(side), _) => side
                .get(code)
                .cloned()
                .ok_or_else(|| ctx(format!("code {code} missing from {:?}", file.row_sources)))?,
            (None, Some(col)) => split_list(cells[col]),
            (None, None) => Vec::new(),
        };
        for id in &row_sources {
            if !sources.contains_key(id) {
                return Err(ctx(format!("unknown source id {id:?}")));
            }
        }

        let years = if let Some(col) = years_col {
            let list = split_list(cells[col])
                .iter()
                .map(|y| y.parse::<i64>().map_err(|_| format!("bad year {y:?}")).and_then(year_from_int))
                .collect::<Result<Vec<_>>>()
                .map_err(ctx)?;
            years_bits(&list)?
        } else if !row_sources.is_empty() {
            let list: Vec<u16> =
                row_sources.iter().filter_map(|id| sources.get(id)).flat_map(|s| s.years.iter().copied()).collect();
            years_bits(&list)?
        } else {
            file_years
        };
        if years & !file_years != 0 {
            return Err(ctx(format!("row years fall outside the manifest's years {:?}", file.years)));
        }
        if trusted && years == 0 {
            return Err(ctx("no year for this row".to_string()));
        }

        let documents = match documents_col {
            Some(col) => {
                cells[col].trim().parse::<u32>().map_err(|_| ctx(format!("bad document count {:?}", cells[col])))?
            }
            // Without a count, each distinct cited source is one document.
            None => u32::try_from(if row_sources.is_empty() { file.sources.len() } else { row_sources.len() })
                .map_err(|_| ctx("too many sources".to_string()))?,
        };
        if trusted && documents == 0 {
            return Err(ctx("document count 0".to_string()));
        }

        if !seen.insert((code.to_string(), key.clone())) {
            return Err(ctx(format!("code {code} with name {name:?} appears twice (after normalisation)")));
        }
        let detail = header
            .iter()
            .zip(&cells)
            .filter(|(h, _)| !KNOWN_COLUMNS.contains(h))
            .map(|(h, c)| format!("{h}={}", c.trim()))
            .collect::<Vec<_>>()
            .join("; ");
        rows.push(Row {
            code: code.to_string(),
            name: name.to_string(),
            key,
            scheme,
            level,
            years,
            documents,
            attestation: file.attestation.clone(),
            sources: if row_sources.is_empty() { file.sources.clone() } else { row_sources },
            file: file_index,
            detail,
        });
    }
    if rows.is_empty() {
        return Err("no rows".to_string());
    }
    Ok(rows)
}

fn load_row_sources(data_dir: &Path, path: &str) -> Result<BTreeMap<String, Vec<String>>> {
    let text = read(&data_dir.join(path))?;
    let mut lines = text.lines();
    let header = lines.next().ok_or_else(|| format!("{path}: empty"))?;
    if header.split('\t').collect::<Vec<_>>() != ["code", "sources"] {
        return Err(format!("{path}: header must be `code<TAB>sources`"));
    }
    let mut map = BTreeMap::new();
    for (index, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (code, list) =
            line.split_once('\t').ok_or_else(|| format!("{path} line {}: expected two cells", index + 2))?;
        map.insert(code.trim().to_string(), split_list(list));
    }
    Ok(map)
}

fn split_list(cell: &str) -> Vec<String> {
    cell.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

pub(crate) fn years_bits(years: &[u16]) -> Result<u64> {
    years.iter().try_fold(0u64, |bits, &y| {
        if (MIN_YEAR..=MAX_YEAR).contains(&y) {
            Ok(bits | 1u64 << (y - MIN_YEAR))
        } else {
            Err(format!("year {y} is outside {MIN_YEAR}..={MAX_YEAR}"))
        }
    })
}
