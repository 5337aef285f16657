//! The per-document summary as CSV (`--summary FILE.csv`), for a spreadsheet.

use gongkai_model::DocumentFindings;

fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() }
}

/// The CSV text (UTF-8 with a BOM, which Excel needs to show Chinese correctly).
pub fn render(docs: &[DocumentFindings]) -> String {
    let mut out = String::from(
        "\u{feff}file,unit,year,status,errors,warnings,infos,\
         tables_listed,tables_recognised,checks,claims_with_amount,claims_compared,lowered,pages_without_text\n",
    );
    for d in docs {
        let status = if d.error.is_some() {
            "unreadable"
        } else if d.counts.errors > 0 {
            "errors"
        } else {
            "ok"
        };
        // Coverage columns stay empty for a document that could not be read.
        let coverage = d.coverage.as_ref().map_or_else(
            || ",,,,,,".to_owned(),
            |c| {
                let (found, listed) = c.tables_ratio();
                format!(
                    "{listed},{found},{},{},{},{},{}",
                    c.checks.evaluated,
                    c.claims.with_amount,
                    c.claims.resolved,
                    c.checks.lowered,
                    c.pages.without_text.len()
                )
            },
        );
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{coverage}\n",
            field(&d.files.join(" + ")),
            field(d.unit_name.as_deref().unwrap_or("")),
            d.fiscal_year.map(|y| y.to_string()).unwrap_or_default(),
            status,
            d.counts.errors,
            d.counts.warnings,
            d.counts.infos
        ));
    }
    out
}
