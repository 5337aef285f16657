//! SARIF 2.1.0 output, so findings show up in code-review systems: the tool with
//! every rule and its documentation, results with physical locations (file, line,
//! column) and the other places involved as related locations.

use gongkai_model::{DocumentFindings, Location, Severity};
use serde_json::{Value, json};

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn physical(file: &str, loc: &Location) -> Value {
    let mut region = json!({ "startLine": loc.at.line.max(1) });
    if let (Some(col), Some(len)) = (loc.at.column, loc.at.length) {
        region["startColumn"] = json!(col);
        region["endColumn"] = json!(col + len);
    }
    json!({ "physicalLocation": { "artifactLocation": { "uri": uri(file) }, "region": region } })
}

/// A relative path as a URI reference (spaces and non-ASCII percent-encoded).
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The SARIF log for a run.
pub fn render(docs: &[DocumentFindings]) -> String {
    let metas = gongkai_rules::rule_metas();
    let rules: Vec<Value> = metas
        .iter()
        .map(|m| {
            json!({
                "id": m.id,
                "name": m.name,
                "shortDescription": { "text": m.summary() },
                "fullDescription": { "text": m.doc },
                "help": { "text": m.doc, "markdown": m.doc },
                "defaultConfiguration": { "level": level(m.severity) },
                "properties": { "category": m.category.id() }
            })
        })
        .collect();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for doc in docs {
        let file = doc.files.first().map(String::as_str).unwrap_or("");
        if let Some(error) = &doc.error {
            notifications.push(json!({
                "level": "error",
                "message": { "text": error },
                "locations": [ { "physicalLocation": { "artifactLocation": { "uri": uri(file) } } } ]
            }));
        }
        for f in &doc.findings {
            let mut result = json!({
                "ruleId": f.rule,
                "level": level(f.severity),
                "message": { "text": f.message },
                "locations": f.locations.first().map(|l| vec![physical(file, l)]).unwrap_or_default(),
            });
            if let Some(index) = metas.iter().position(|m| m.id == f.rule) {
                result["ruleIndex"] = json!(index);
            }
            if f.locations.len() > 1 {
                result["relatedLocations"] = Value::Array(
                    f.locations[1..]
                        .iter()
                        .enumerate()
                        .map(|(i, l)| {
                            let mut v = physical(file, l);
                            v["id"] = json!(i + 1);
                            v
                        })
                        .collect(),
                );
            }
            let mut props = serde_json::Map::new();
            props.insert("category".into(), json!(f.category.id()));
            if let Some(e) = &f.expected {
                props.insert("expected".into(), json!(e));
            }
            if let Some(a) = &f.actual {
                props.insert("actual".into(), json!(a));
            }
            if let Some(p) = &f.plugin {
                props.insert("plugin".into(), json!(p));
            }
            result["properties"] = Value::Object(props);
            results.push(result);
        }
    }
    let log = json!({
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": { "driver": {
                "name": "gongkai",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://gongkai.invalid/",
                "rules": rules
            }},
            "invocations": [{ "executionSuccessful": notifications.is_empty(), "toolExecutionNotifications": notifications }],
            "results": results
        }]
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}
