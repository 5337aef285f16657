//! Templates: which tables and explanation sections a disclosure must contain.
//!
//! The national minimum is built in; a province plugin supplies its own (the
//! Xinjiang template has 11 tables), and completeness is then judged against it.

use gongkai_model::{SectionKind, TableKind};
use serde::{Deserialize, Serialize};

/// A required table: the plugin ABI's own type, so a plugin's template reaches
/// the engine without a second definition to keep in step.
pub use gongkai_plugin::TemplateTableSpec as TemplateTable;

/// The tables and sections a disclosure must contain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Who defines it (`national`, or a plugin id).
    pub name: String,
    /// The required tables in template order.
    pub tables: Vec<TemplateTable>,
    /// Required explanation sections beyond one per table present.
    pub sections: Vec<SectionKind>,
    /// Whether a glossary (名词解释) is required.
    pub glossary: bool,
}

impl Template {
    /// The national minimum (MoF 《地方预决算公开操作规程》): the eight tables every
    /// budget disclosure publishes, and explanations of the other important matters.
    pub fn national() -> Template {
        let t = |kind: TableKind| TemplateTable {
            kind,
            number: None,
            title: kind.name_zh().to_owned(),
            aliases: Vec::new(),
        };
        Template {
            name: "national".into(),
            tables: vec![
                t(TableKind::IncomeExpenditureSummary),
                t(TableKind::IncomeSummary),
                t(TableKind::ExpenditureSummary),
                t(TableKind::FiscalAllocationSummary),
                t(TableKind::GeneralBudgetExpenditure),
                t(TableKind::GeneralBudgetBasicExpenditure),
                t(TableKind::GovernmentFundExpenditure),
                t(TableKind::ThreePublicExpenses),
            ],
            sections: vec![
                SectionKind::AgencyOperating,
                SectionKind::Procurement,
                SectionKind::Assets,
                SectionKind::Performance,
            ],
            glossary: true,
        }
    }
}
