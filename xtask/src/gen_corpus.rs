//! `cargo xtask gen-corpus --count N --seed S --out DIR [--faults] [--kind budget|final]`:
//! writes N generated disclosures (`doc-00000.txt` …, or 决算 `final-00000.txt` …); with
//! `--faults`, each with one injected fault and its `….expected.json` beside it.

use gongkai_corpus::DocKind;

use std::path::PathBuf;

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<(), String> {
    let count: u64 = option(args, "--count", 100)?;
    let seed: u64 = option(args, "--seed", 1)?;
    let out: PathBuf = option(args, "--out", PathBuf::from("target/corpus"))?;
    let faults = args.iter().any(|a| a == "--faults");
    let kind: DocKind = option(args, "--kind", DocKind::Budget)?;
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let write = |name: String, text: &str| {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    for index in 0..count {
        let (name, text, expected) = match (kind, faults) {
            (DocKind::Budget, true) => {
                let (doc, expected) = gongkai_corpus::generate_faulted(seed, index);
                (doc.name, doc.text, Some(expected))
            }
            (DocKind::Budget, false) => {
                let doc = gongkai_corpus::generate(seed, index);
                (doc.name, doc.text, None)
            }
            (DocKind::Final, true) => {
                let (doc, expected) = gongkai_corpus::generate_final_faulted(seed, index);
                (doc.name, doc.text, Some(expected))
            }
            (DocKind::Final, false) => {
                let doc = gongkai_corpus::generate_final(seed, index);
                (doc.name, doc.text, None)
            }
        };
        write(format!("{name}.txt"), &text)?;
        if let Some(expected) = expected {
            let json = serde_json::to_string_pretty(&expected).map_err(|e| e.to_string())?;
            write(format!("{name}.expected.json"), &json)?;
        }
    }
    println!("wrote {count} documents to {}", out.display());
    Ok(())
}

/// The value after `--name`, parsed; `default` when absent.
pub fn option<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> Result<T, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(default),
        Some(i) => args
            .get(i + 1)
            .ok_or_else(|| format!("{name} needs a value"))?
            .parse()
            .map_err(|_| format!("{name}: not a valid value: {}", args[i + 1])),
    }
}
