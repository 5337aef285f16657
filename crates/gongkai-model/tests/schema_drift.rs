//! The checked-in schemas in `schemas/` must be exactly what the code generates.
//! When this fails, run `cargo xtask schemas` and review the diff.

use std::path::Path;

#[test]
fn checked_in_schemas_match_the_code() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas");
    for (name, generated) in gongkai_model::schema::all_schemas() {
        let path = dir.join(name);
        let checked_in = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e}; run `cargo xtask schemas`", path.display()));
        assert!(
            checked_in == generated,
            "{name} is out of date with the model; run `cargo xtask schemas` and commit the result"
        );
    }
}

#[test]
fn schemas_carry_versioned_ids() {
    for (name, generated) in gongkai_model::schema::all_schemas() {
        let value: serde_json::Value = serde_json::from_str(&generated).unwrap();
        let id = value["$id"].as_str().unwrap_or_default();
        assert!(id.contains(gongkai_model::SCHEMA_VERSION) && id.ends_with(name), "{name}: $id = {id}");
        assert_eq!(value["$schema"], "https://json-schema.org/draft/2020-12/schema");
    }
}

/// The schemas are read by people writing exchange files: their descriptions
/// carry no rustdoc links (`[`Foo`]`) nor Rust paths (`Foo::Bar`).
#[test]
fn schema_descriptions_speak_no_rust() {
    for (name, generated) in gongkai_model::schema::all_schemas() {
        let value: serde_json::Value = serde_json::from_str(&generated).unwrap();
        let mut descriptions = Vec::new();
        collect_descriptions(&value, &mut descriptions);
        for d in descriptions {
            assert!(!d.contains("[`") && !d.contains("`]"), "{name}: rustdoc link in `{d}`");
            assert!(!d.contains("::"), "{name}: Rust path in `{d}`");
        }
    }
}

fn collect_descriptions<'v>(value: &'v serde_json::Value, out: &mut Vec<&'v str>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                if key == "description"
                    && let Some(text) = v.as_str()
                {
                    out.push(text);
                }
                collect_descriptions(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_descriptions(v, out)),
        _ => {}
    }
}
