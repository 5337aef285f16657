//! The engine: runs the selected rules over a document and returns the findings
//! in a deterministic order.

use gongkai_model::{Disclosure, Finding};

use crate::config::{Config, ConfigError};
use crate::context::Context;
use crate::rule::{Findings, Rule};
use crate::template::Template;
use crate::tolerance::Tolerance;

/// Something beyond the built-in rules that checks a document (a loaded plugin).
pub trait ExternalCheck: Send + Sync {
    /// A name for messages.
    fn name(&self) -> &str;
    /// The findings; a failure of the checker itself is reported as a finding.
    fn check(&self, doc: &Disclosure) -> Vec<Finding>;
}

/// The configured rule set.
pub struct Engine {
    rules: Vec<&'static dyn Rule>,
    config: Config,
    tolerance: Tolerance,
    template: Template,
    external: Vec<Box<dyn ExternalCheck>>,
}

impl Engine {
    /// The built-in rules under a configuration, judged against the national template.
    pub fn new(config: Config) -> Result<Engine, ConfigError> {
        let tolerance = Tolerance { slack: config.slack()? };
        let rules = crate::rules::all().into_iter().filter(|r| config.is_enabled(r.meta())).collect();
        Ok(Engine { rules, config, tolerance, template: Template::national(), external: Vec::new() })
    }

    /// Judges completeness against another template (a plugin's).
    pub fn with_template(mut self, template: Template) -> Engine {
        self.template = template;
        self
    }

    /// Adds an external checker (a plugin).
    pub fn with_external(mut self, check: Box<dyn ExternalCheck>) -> Engine {
        self.external.push(check);
        self
    }

    /// The active template.
    pub fn template(&self) -> &Template {
        &self.template
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Checks one document.
    pub fn check(&self, doc: &Disclosure) -> Vec<Finding> {
        let ctx = Context::new(doc, &self.template, self.tolerance);
        let mut out = Vec::new();
        for rule in &self.rules {
            let meta = rule.meta();
            let mut sink = Findings { meta, severity: self.config.severity_of(meta), out: &mut out };
            rule.check(&ctx, &mut sink);
        }
        for external in &self.external {
            out.extend(external.check(doc).into_iter().filter(|f| self.external_enabled(f)));
        }
        sort_findings(&mut out);
        out
    }

    fn external_enabled(&self, f: &Finding) -> bool {
        self.config.is_enabled_rule(&f.rule, "", f.category)
    }
}

/// The deterministic order: by primary line, then rule id, then message.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}
