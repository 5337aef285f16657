//! The rule engine and the national rule set.
//!
//! A rule is one file under `rules/<family>/` with a stable id, a doc comment
//! that is its documentation (*What it checks*, *Why it matters*, *Example*) and
//! snapshot tests on a passing and a failing fixture. The [`Engine`] runs the
//! selected rules over a [`gongkai_model::Disclosure`] and returns findings in a
//! deterministic order. Every numeric comparison goes through [`tolerance`], the
//! one place that knows how rounding works.

pub mod certainty;
pub mod config;
pub mod context;
pub mod coverage;
mod engine;
pub mod host;
mod rule;
pub mod rules;
pub mod template;
pub mod tolerance;

pub use config::{Config, ConfigError};
pub use context::Context;
pub use engine::{Engine, ExternalCheck, sort_findings};
pub use rule::{Findings, Rule, RuleMeta};
pub use template::{Template, TemplateTable};

/// Every built-in rule's metadata, in id order.
pub fn rule_metas() -> Vec<&'static RuleMeta> {
    let mut metas: Vec<&'static RuleMeta> = rules::all().into_iter().map(|r| r.meta()).collect();
    metas.sort_by_key(|m| m.id);
    metas
}

/// The metadata of one rule by id.
pub fn rule_meta(id: &str) -> Option<&'static RuleMeta> {
    rules::all().into_iter().map(|r| r.meta()).find(|m| m.id.eq_ignore_ascii_case(id) || m.name == id)
}
