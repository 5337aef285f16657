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
