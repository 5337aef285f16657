//! The engine: runs the selected rules over a document and returns the findings
//! in a deterministic order.

use gongkai_model::{Coverage, Disclosure, Finding, RuleChecks};

use crate::certainty::Certainty;
use crate::config::{Config, ConfigError};
use crate::context::Context;
use crate::rule::{Findings, Rule};
use crate::template::Template;
use crate::tolerance::{Tolerance, evaluations};

/// What one run over a document produced.
struct Run {
    findings: Vec<Finding>,
    by_rule: Vec<RuleChecks>,
    /// The rule ids of the findings lowered for inferred facts.
    lowered: Vec<String>,
}

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
        self.run(&ctx).findings
    }

    /// Checks one document and says what the check reached ([`Coverage`]).
    pub fn check_with_coverage(&self, doc: &Disclosure) -> (Vec<Finding>, Coverage) {
        let ctx = Context::new(doc, &self.template, self.tolerance);
        let run = self.run(&ctx);
        let coverage = crate::coverage::build(&ctx, run.by_rule, &run.lowered);
        (run.findings, coverage)
    }

    /// Runs every rule and plugin; an error resting on an inferred fact is
    /// lowered to a warning ([`Certainty`]), whoever reported it.
    fn run(&self, ctx: &Context<'_>) -> Run {
        let certainty = Certainty::of(ctx.doc);
        let mut out = Vec::new();
        let mut by_rule = Vec::new();
        for rule in &self.rules {
            let meta = rule.meta();
            let before = evaluations();
            let mut sink = Findings { meta, severity: self.config.severity_of(meta), out: &mut out };
            rule.check(ctx, &mut sink);
            let evaluated = evaluations().wrapping_sub(before);
            if evaluated > 0 {
                by_rule.push(RuleChecks { rule: meta.id.to_owned(), evaluated });
            }
        }
        for external in &self.external {
            out.extend(external.check(ctx.doc).into_iter().filter(|f| self.external_enabled(f)));
        }
        let mut lowered = Vec::new();
        if !certainty.is_empty() {
            for finding in &mut out {
                if certainty.settle(finding) {
                    lowered.push(finding.rule.clone());
                }
            }
        }
        sort_findings(&mut out);
        Run { findings: out, by_rule, lowered }
    }

    fn external_enabled(&self, f: &Finding) -> bool {
        self.config.is_enabled_rule(&f.rule, "", f.category)
    }
}

/// The deterministic order: by primary line, then rule id, then message.
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}
