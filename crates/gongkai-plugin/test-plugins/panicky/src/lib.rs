//! A plugin whose rule panics: the host must turn that into a `plugin failed`
//! finding and go on.

use gongkai_plugin::gongkai_model::{Disclosure, Finding};
use gongkai_plugin::{Plugin, Years};

fn boom(doc: &Disclosure) -> Vec<Finding> {
    let tables = doc.tables.len();
    panic!("rule bug: index {tables} out of range");
}

gongkai_plugin::rule! {
    /// ## What it checks
    /// Nothing: it panics.
    pub static BOOM = {
        id: "TP001", name: "boom", title: "panics", severity: Error,
        kinds: [], years: Years::ALL, check: boom,
    };
}

fn plugin() -> Plugin {
    Plugin { id: "panicky", name: "panics", version: "0.0.0", regions: Vec::new(), template: None, rules: vec![&BOOM] }
}

gongkai_plugin::export_plugin!(plugin);
