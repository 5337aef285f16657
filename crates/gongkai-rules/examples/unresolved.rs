//! Lists the claims of a disclosure whose amount is not compared with exactly
//! one table figure, with the reason (a developer's view of the coverage
//! figures): `cargo run --release -p gongkai-rules --example unresolved FILE…`.
use gongkai_rules::coverage::resolution;
use gongkai_rules::rules::narrative::parts_checked;
use gongkai_rules::rules::narrative::resolve::{self, resolve};
use gongkai_rules::{Context, Template, tolerance::Tolerance};

fn main() {
    let template = Template::national();
    for path in std::env::args().skip(1) {
        let imported = match gongkai_import::import_file(&path, &Default::default()) {
            Ok(imported) => imported,
            Err(e) => {
                eprintln!("{e}");
                continue;
            }
        };
        let doc = &imported.document;
        let ctx = Context::new(doc, &template, Tolerance::default());
        println!("## {path}");
        let parts = parts_checked(&ctx);
        for claim in doc.claims.iter().filter(|c| resolve::wan(c.amount).is_some()) {
            let Some(reason) = resolution(&ctx, claim, &parts) else { continue };
            let candidates = resolve(&ctx, claim);
            let verdict = match candidates.first() {
                None => format!("{reason:?}"),
                Some(_) => format!(
                    "ambiguous [{}]",
                    candidates
                        .iter()
                        .map(|c| format!("{} = {}", c.describe(), c.shown()))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            };
            let amount =
                claim.amount.as_ref().map(|q| format!("{:?}{:?}", q.value.value(), q.unit)).unwrap_or_default();
            println!(
                "{verdict}\t{:?}\t{:?}\t{amount}\t{}",
                claim.section,
                claim.subject,
                claim.text.replace('\n', " ")
            );
        }
    }
}
