//! The classification codes a generated document may use, drawn from the catalog.
//!
//! Only codes whose name is attested *for the document's year* are used (with the
//! name attested most often), and a 项 only when its 款 and 类 are attested too, so a
//! clean document never prints a name the catalog rules could doubt. The pool is built
//! once per year and cached.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use gongkai_catalog::{Catalog, Level, Scheme, YearBasis, level_of, scheme_of};

/// One usable code and its name for the year.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Coded {
    /// The full code (`2080505`).
    pub code: &'static str,
    /// The attested name.
    pub name: &'static str,
}

/// The codes of one year.
#[derive(Debug, Default)]
pub struct Pool {
    /// Function 类 by code.
    pub lei: BTreeMap<&'static str, &'static str>,
    /// Function 款 by code.
    pub kuan: BTreeMap<&'static str, &'static str>,
    /// Function 项 whose parents are in `kuan` and `lei`.
    pub xiang: Vec<Coded>,
    /// Economic 款 under 301, 302, 303 with their 类 names.
    pub economic: BTreeMap<&'static str, Vec<Coded>>,
    /// Economic 类 names (301, 302, 303).
    pub economic_lei: BTreeMap<&'static str, &'static str>,
}

/// The years the generator writes documents for.
pub const YEARS: [u16; 3] = [2023, 2024, 2025];

/// The pool for `year` (built on first use).
pub fn pool(year: u16) -> &'static Pool {
    static POOLS: OnceLock<Vec<(u16, Pool)>> = OnceLock::new();
    let pools = POOLS.get_or_init(|| YEARS.iter().map(|&y| (y, build(y))).collect());
    pools.iter().find(|(y, _)| *y == year).map(|(_, p)| p).unwrap_or_else(|| &pools[0].1)
}

/// A name the claim parser and the table reader take as one plain label: CJK text and
/// brackets only (the observed data has a few names with digits or slashes).
fn plain(name: &str) -> bool {
    !name.is_empty()
        && name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || "（）()、".contains(c))
        && !name.contains("(项)")
        && !name.contains("（项）")
}

fn same_year_name(catalog: &Catalog, code: &str, year: u16) -> Option<&'static str> {
    let names = catalog.names_for_year(code, year)?;
    if names.basis != YearBasis::SameYear {
        return None;
    }
    let first = names.names.first()?;
    // A code with two competing names in one year would make either choice doubtful.
    if names.names.len() > 1 {
        return None;
    }
    plain(first.name).then_some(first.name)
}

fn build(year: u16) -> Pool {
    let catalog = Catalog::builtin();
    let mut pool = Pool::default();
    let mut xiang = Vec::new();
    for code in catalog.codes() {
        let Some(name) = same_year_name(catalog, code, year) else { continue };
        match (scheme_of(code), level_of(code)) {
            (Some(Scheme::Function), Some(Level::Lei))
                if crate::render::tables::LEI_LIST.iter().any(|(c, _)| *c == code) =>
            {
                pool.lei.insert(code, name);
            }
            (Some(Scheme::Function), Some(Level::Kuan)) => {
                pool.kuan.insert(code, name);
            }
            (Some(Scheme::Function), Some(Level::Xiang)) => xiang.push(Coded { code, name }),
            (Some(Scheme::EconomicDepartment), Some(Level::Lei)) if ["301", "302", "303"].contains(&code) => {
                pool.economic_lei.insert(code, name);
            }
            (Some(Scheme::EconomicDepartment), Some(Level::Kuan)) => {
                let lei = &code[..3];
                if ["301", "302", "303"].contains(&lei) && !code.ends_with("99") {
                    pool.economic.entry(catalog_lei(lei)).or_default().push(Coded { code, name });
                }
            }
            _ => {}
        }
    }
    pool.xiang = xiang
        .into_iter()
        .filter(|x| pool.kuan.contains_key(&x.code[..5]) && pool.lei.contains_key(&x.code[..3]))
        .collect();
    pool
}

/// The static spelling of an economic 类 code (the map keys must be `'static`).
fn catalog_lei(lei: &str) -> &'static str {
    match lei {
        "301" => "301",
        "302" => "302",
        _ => "303",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_year_has_enough_codes() {
        for year in YEARS {
            let p = pool(year);
            eprintln!(
                "{year}: 类 {} 款 {} 项 {} econ {:?}",
                p.lei.len(),
                p.kuan.len(),
                p.xiang.len(),
                p.economic.iter().map(|(k, v)| (k, v.len())).collect::<Vec<_>>()
            );
            assert!(p.xiang.len() >= 10, "{year}");
            assert!(p.economic.len() == 3, "{year}");
        }
    }
}
