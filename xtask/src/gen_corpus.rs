//! `cargo xtask gen-corpus --count N --seed S --out DIR [--faults]`: writes N generated
//! disclosures (`doc-00000.txt` …); with `--faults`, each with one injected fault and
//! its `doc-00000.expected.json` beside it.

use std::path::PathBuf;

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<(), String> {
    let count: u64 = option(args, "--count", 100)?;
    let seed: u64 = option(args, "--seed", 1)?;
    let out: PathBuf = option(args, "--out", PathBuf::from("target/corpus"))?;
    let faults = args.iter().any(|a| a == "--faults");
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let write = |name: String, text: &str| {
        let path = out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    for index in 0..count {
        if faults {
            let (doc, expected) = gongkai_corpus::generate_faulted(seed, index);
            write(format!("{}.txt", doc.name), &doc.text)?;
            let json = serde_json::to_string_pretty(&expected).map_err(|e| e.to_string())?;
            write(format!("{}.expected.json", doc.name), &json)?;
        } else {
            let doc = gongkai_corpus::generate(seed, index);
            write(format!("{}.txt", doc.name), &doc.text)?;
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
