//! Prints the JSON model of a disclosure: `cargo run -p gongkai-import --example dump FILE`.
fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    match gongkai_import::import_file(&path, &Default::default()) {
        Ok(imported) => {
            for d in &imported.diagnostics {
                eprintln!("{path}:{d}");
            }
            println!("{}", serde_json::to_string_pretty(&imported.document).unwrap_or_default());
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
