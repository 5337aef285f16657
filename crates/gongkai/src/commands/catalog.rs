//! `gongkai catalog CODE [--year Y]` and `gongkai catalog --search TEXT`.

use gongkai_catalog::{Catalog, is_well_formed, level_of, parent_of, scheme_of};

use super::Outcome;
use crate::cli::CatalogArgs;

/// Prints what the catalog knows of a code, or the codes whose name matches.
pub fn run(args: &CatalogArgs) -> Outcome {
    let catalog = Catalog::builtin();
    if let Some(text) = &args.search {
        let hits = catalog.search(text);
        if hits.is_empty() {
            println!("没有名称包含“{text}”的已知科目");
        }
        for (code, name) in hits {
            println!("{code}\t{name}");
        }
        return Outcome::Clean;
    }
    let Some(code) = args.code.as_deref() else { return Outcome::Failure };
    if let Err(e) = is_well_formed(code) {
        eprintln!("错误：“{code}”不是科目编码：{}", e.message_zh());
        return Outcome::Failure;
    }
    let scheme = scheme_of(code).map(|s| s.name_zh()).unwrap_or_default();
    let level = level_of(code).map(|l| l.name_zh()).unwrap_or_default();
    println!("{code}  （{scheme} · {level}）");
    let mut parent = parent_of(code);
    while let Some(p) = parent {
        let name = catalog.lookup(p, args.year).and_then(|i| i.names.first().map(|n| n.name.to_string()));
        println!("  上级 {p} {}", name.unwrap_or_else(|| "（未收录）".into()));
        parent = parent_of(p);
    }
    match catalog.lookup(code, args.year) {
        Some(info) => {
            for n in &info.names {
                println!(
                    "  名称 {}  年度 {}  文件数 {}  来源 {}",
                    n.name,
                    n.years,
                    n.documents,
                    n.attestation.name_zh()
                );
            }
        }
        None => println!("  未收录于已核实目录（这不代表该科目不存在）"),
    }
    Outcome::Clean
}
