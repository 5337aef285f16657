//! Every code printed in the tables of the 2024 seed disclosure resolves, with a
//! matching name, for 2024. The codes are derived from the fixture, not listed by hand.
//!
//! The fixture is a byte copy of `shared/seed/000_ef8a97d7800bc6c6.txt` (sha256
//! bb0c3d8c5bc202b0ad660b36fc55c8837beb1bd8798991a1d42abc370d7422e3).

use std::collections::BTreeSet;

use gongkai_catalog::{Catalog, NameCheck, Scheme, join_code, scheme_of};

const SEED: &str = include_str!("fixtures/000_ef8a97d7800bc6c6.txt");

/// A table row whose first cells are a code printed in parts: `208 | 05 | 05 | name`
/// (function tables) or `301 | 01 | name` (economic tables). After the 3-digit 类 cell,
/// up to two cells that are empty or two digits are 款/项 parts; the next cell is the
/// name. Returns (code, name) or `None` for any other line.
fn code_row(line: &str) -> Option<(String, String)> {
    let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
    let lei = *cells.first()?;
    if lei.len() != 3 || !lei.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let is_part = |cell: &str| cell.is_empty() || (cell.len() == 2 && cell.bytes().all(|b| b.is_ascii_digit()));
    let parts: Vec<&str> = cells[1..].iter().take(2).take_while(|c| is_part(c)).copied().collect();
    let name = cells.get(1 + parts.len()).filter(|n| !n.is_empty())?;
    let kuan = parts.first().copied().unwrap_or("");
    let xiang = parts.get(1).copied().unwrap_or("");
    let code = join_code(lei, kuan, xiang).unwrap_or_else(|e| panic!("malformed code in {line:?}: {e}"));
    Some((code, (*name).to_string()))
}

fn seed_rows() -> Vec<(String, String)> {
    SEED.lines().filter_map(code_row).collect()
}

#[test]
fn the_row_parser_reads_the_seed_tables() {
    let rows = seed_rows();
    let codes: BTreeSet<&str> = rows.iter().map(|(c, _)| c.as_str()).collect();
    // Tables 2, 3, 5 and 7 repeat the function codes; table 6 lists the economic ones.
    assert!(rows.len() > 80, "{} rows", rows.len());
    let function = codes.iter().filter(|c| scheme_of(c) == Some(Scheme::Function)).count();
    let economic = codes.iter().filter(|c| scheme_of(c) == Some(Scheme::EconomicDepartment)).count();
    // 23 function codes; 24 economic 款 plus their 3 类.
    assert_eq!((function, economic), (23, 27), "{codes:?}");
    assert!(rows.contains(&("2080505".to_string(), "机关事业单位基本养老保险缴费支出".to_string())));
    assert!(rows.contains(&("30213".to_string(), "维修（护）费".to_string())));
    assert!(rows.contains(&("208".to_string(), "社会保障和就业支出".to_string())));
}

#[test]
fn every_seed_code_matches_its_2024_name() {
    let catalog = Catalog::builtin();
    let mut failures = Vec::new();
    for (code, name) in seed_rows() {
        match catalog.name_matches(&code, &name, Some(2024)) {
            NameCheck::Matches => {}
            other => failures.push(format!("{code} {name}: {other:?}")),
        }
        let info = catalog.lookup(&code, Some(2024)).expect("matched codes resolve");
        assert!(info.names[0].years.contains(2024), "{code}: first name is not a 2024 name");
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn table_1_class_list_matches_too() {
    // Table 1 prints `201 一般公共服务支出` in one cell: the template's complete 类 list.
    let catalog = Catalog::builtin();
    let mut seen = BTreeSet::new();
    for cell in SEED.lines().flat_map(|line| line.split('\t')) {
        let Some((code, name)) = cell.trim().split_once(' ') else { continue };
        if code.len() == 3 && scheme_of(code) == Some(Scheme::Function) {
            assert!(catalog.name_matches(code, name, Some(2024)).is_match(), "{code} {name}");
            seen.insert(code);
        }
    }
    // Tables 1 and 4 both print the list.
    assert_eq!(seen.len(), 30);
}
