//! Binary-size probe: looks up, checks and searches so that every table and query is
//! linked in. `cargo run --release --example size_with_catalog -- 20805 行政事业单位离退休`

use gongkai_catalog::{Catalog, NameCheck};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = args.first().map_or("2080505", String::as_str);
    let name = args.get(1).map_or("机关事业单位基本养老保险缴费支出", String::as_str);
    let catalog = Catalog::builtin();
    match catalog.name_matches(code, name, Some(2024)) {
        NameCheck::Matches => println!("{code} {name}: matches"),
        NameCheck::Mismatch { attested, .. } => {
            let names: Vec<&str> = attested.iter().map(|a| a.name).collect();
            println!("{code} {name}: mismatch, attested {names:?}");
        }
        NameCheck::Unknown => println!("{code}: not in the data (unknown, not wrong)"),
    }
    if let Some(names) = catalog.names_for_year(code, 2024) {
        println!("2024 names: {:?} ({:?})", names.names.iter().map(|n| n.name).collect::<Vec<_>>(), names.basis);
    }
    println!("search: {} hits; {} candidates", catalog.search(name).len(), catalog.unverified_candidates(code).len());
}
