//! The bundled example imports completely: every number of every table lands in
//! the model at its line and column, nothing is left unparsed, and the JSON form
//! validates against the checked-in schema and round-trips.

mod common;

use common::{example_text, import};
use gongkai_model::{Disclosure, Number};

#[test]
fn every_table_number_is_in_the_model_at_its_line_and_column() {
    let text = example_text();
    let doc = import(&text).document;
    let mut checked = 0;
    for (index, line) in text.split('\n').enumerate() {
        if !line.contains('\t') {
            continue;
        }
        let number = index as u32 + 1;
        let mut column = 1u32;
        for cell in line.split('\t') {
            let trimmed = cell.trim();
            let lead = cell.chars().take_while(|c| c.is_whitespace()).count() as u32;
            if let Some(value) = Number::parse_printed(trimmed).filter(|_| trimmed.contains('.')) {
                let at_column = column + lead;
                assert!(
                    holds(&doc, number, at_column, value),
                    "line {number} column {at_column}: `{trimmed}` is not in the model"
                );
                checked += 1;
            }
            column += cell.chars().count() as u32 + 1;
        }
    }
    assert!(checked > 250, "only {checked} numbers checked");
}

/// Whether the model holds `value` at that line and column: a table cell, a
/// funding line of a target table, an indicator weight, or a ※ column index.
fn holds(doc: &Disclosure, line: u32, column: u32, value: Number) -> bool {
    let in_tables = doc.tables.iter().flat_map(|t| &t.parts).any(|p| {
        p.rows.iter().filter(|r| r.source.line == line).any(|r| {
            r.cells.iter().any(|c| c.amount == Some(value) && c.at.as_ref().is_some_and(|a| a.column == Some(column)))
        }) || p.columns.iter().any(|c| c.index.as_deref() == Some(&value.to_string()))
    });
    let in_targets = doc.performance_targets.iter().any(|t| {
        t.funding.iter().any(|f| f.amount.source.line == line && f.amount.value.value == value)
            || t.indicators.iter().any(|i| i.source.line == line && i.weight == Some(value))
    });
    in_tables || in_targets
}

#[test]
fn nothing_is_unparsed_and_every_paragraph_is_kept() {
    let text = example_text();
    let imported = import(&text);
    let doc = &imported.document;
    assert!(doc.unparsed.is_empty(), "unparsed: {:#?}", doc.unparsed);
    assert!(imported.diagnostics.is_empty(), "diagnostics: {:#?}", imported.diagnostics);
    // Every prose line of the explanation part is inside some kept paragraph.
    let prose: Vec<String> = doc.prose().iter().map(|t| t.text.replace(' ', "")).collect();
    let glossary: Vec<String> = doc
        .glossary
        .iter()
        .map(|g| format!("{}:{}", g.term, g.definition).replace(' ', "").replace('：', ":"))
        .collect();
    let start = text.find("第三部分 2024年单位预算情况说明").expect("explanation part");
    for line in text[start..].lines().skip(1) {
        let l = line.trim().trim_start_matches("- ").replace("**", "").replace(' ', "");
        if l.is_empty() || line.contains('\t') || l.starts_with("第四部分") || l.starts_with('(') && l.ends_with("年)")
        {
            continue;
        }
        let kept = prose.iter().chain(glossary.iter()).any(|p| p.contains(&l))
            || doc.performance_targets.iter().any(|t| t.title.text.replace(' ', "").contains(&l))
            || doc.meta.published.is_some() && l.ends_with('日')
            || l == "奇台县社会保险管理局";
        let l_no_num = if l.starts_with(['（', '(']) {
            l.split_once(['）', ')']).map_or(l.as_str(), |(_, r)| r).to_owned()
        } else {
            l.split_once(['、', '.']).map_or(l.as_str(), |(_, r)| r).to_owned()
        };
        let kept = kept
            || prose.iter().any(|p| p.contains(&l_no_num))
            || glossary.iter().any(|g| g.contains(&l_no_num.replace('：', ":")));
        assert!(kept, "lost line: {line}");
    }
}

#[test]
fn json_validates_against_the_checked_in_schema_and_round_trips() {
    let doc = import(&example_text()).document;
    let json = serde_json::to_value(&doc).unwrap();
    let schema_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schemas/disclosure.schema.json");
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&json).map(|e| format!("{}: {e}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let text = serde_json::to_string(&doc).unwrap();
    let back = gongkai_import::json::read_json(&text, "example.json").unwrap();
    assert_eq!(back, doc);
}

#[test]
fn invalid_json_is_rejected_with_pointers() {
    let doc = import(&example_text()).document;
    let mut json = serde_json::to_value(&doc).unwrap();
    json["tables"][1]["parts"][0]["rows"][1]["code"] = serde_json::json!("2O8");
    json["meta"]["fiscal_year"] = serde_json::json!("2024");
    json["tables"][0].as_object_mut().unwrap().remove("kind");
    let err = gongkai_import::json::read_json(&json.to_string(), "bad.json").unwrap_err();
    let message = err.to_string();
    assert!(message.contains("/tables/1/parts/0/rows/1/code"), "{message}");
    assert!(message.contains("/meta/fiscal_year"), "{message}");
    assert!(message.contains("/tables/0") && message.contains("kind"), "{message}");
}

#[test]
fn text_that_is_not_a_disclosure_is_an_error() {
    let options = gongkai_import::ImportOptions::default();
    for text in ["", "hello world\nthis is a shopping list\n", "一、苹果\n二、香蕉\n"] {
        let err = gongkai_import::import_text(text, "notes.txt", &options).unwrap_err();
        assert!(err.to_string().contains("not a budget disclosure") || err.to_string().contains("empty"), "{err}");
    }
}

#[test]
fn snapshot_of_the_example_model() {
    let doc = import(&example_text()).document;
    insta::assert_json_snapshot!("example_model", doc);
}
