//! Helpers shared by the integration tests: the seed's explanation paragraphs and a
//! readable view of parsed claims.

#![allow(dead_code)]

use gongkai_claims::{ParsedClaim, Spanned, span_text};
use gongkai_model::Quantity;
use serde_json::{Map, Value, json};

/// The seed document.
pub const SEED: &str = include_str!("../fixtures/seed.txt");

/// The paragraphs of the seed's 第三部分 (the body, not the table of contents),
/// split at blank lines.
pub fn explanation_paragraphs() -> Vec<String> {
    let lines: Vec<&str> = SEED.lines().collect();
    let start = lines.iter().rposition(|l| l.starts_with("第三部分")).expect("第三部分 heading");
    let end = lines.iter().rposition(|l| l.starts_with("第四部分")).expect("第四部分 heading");
    assert!(start < end, "第三部分 before 第四部分");
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in &lines[start + 1..end] {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs
}

fn quantity(paragraph: &str, q: &Option<Spanned<Quantity>>) -> Option<Value> {
    q.as_ref().map(|q| json!({ "value": q.value.value, "unit": q.value.unit, "text": span_text(paragraph, &q.span) }))
}

fn put(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        map.insert(key.to_owned(), v);
    }
}

/// A claim as JSON, with the printed text of every span instead of the offsets.
pub fn view(paragraph: &str, claim: &ParsedClaim) -> Value {
    let mut m = Map::new();
    m.insert("kind".into(), json!(claim.kind));
    m.insert("label".into(), json!(claim.subject.label));
    if !claim.subject.names.is_empty() {
        let names: Vec<Value> = claim.subject.names.iter().map(|n| json!([n.level, n.name])).collect();
        m.insert("names".into(), Value::Array(names));
    }
    put(&mut m, "amount", quantity(paragraph, &claim.amount));
    put(&mut m, "share", quantity(paragraph, &claim.share));
    if let Some(c) = &claim.change {
        let mut ch = Map::new();
        put(&mut ch, "direction", c.direction.as_ref().map(|d| json!([d.value, span_text(paragraph, &d.span)])));
        put(&mut ch, "amount", quantity(paragraph, &c.amount));
        put(
            &mut ch,
            "rate_direction",
            c.rate_direction.as_ref().map(|d| json!([d.value, span_text(paragraph, &d.span)])),
        );
        put(&mut ch, "rate", quantity(paragraph, &c.rate));
        ch.insert("text".into(), json!(span_text(paragraph, &c.span)));
        m.insert("change".into(), Value::Object(ch));
    }
    if !claim.items.is_empty() {
        m.insert("items".into(), json!(claim.items));
    }
    m.insert("text".into(), json!(span_text(paragraph, &claim.span)));
    Value::Object(m)
}

/// Every figure span of a claim (amount, share, change amount, change rate) with its value.
pub fn figure_spans(claim: &ParsedClaim) -> Vec<&Spanned<Quantity>> {
    let mut out: Vec<&Spanned<Quantity>> = Vec::new();
    out.extend(claim.amount.as_ref());
    out.extend(claim.share.as_ref());
    if let Some(c) = &claim.change {
        out.extend(c.amount.as_ref());
        out.extend(c.rate.as_ref());
    }
    out
}
