//! The explanation text (情况说明) and the numeric claims it makes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{ClassCode, Level, Provenance, Quantity, TableKind};

/// A piece of printed text with where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextRef {
    /// The text (markdown residue such as `**` removed, otherwise as printed).
    pub text: String,
    /// Its first line.
    pub source: Provenance,
    /// Where each of its lines starts, for a text joined from several lines (a
    /// paragraph broken by a line or page end); empty for a text of one line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<TextLine>,
}

/// Where one line of a joined text starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextLine {
    /// The offset, in characters, in the joined text.
    pub offset: u32,
    /// 1-based line in the input.
    pub line: u32,
    /// 1-based page, for a PDF.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// 1-based column of the line's first character.
    pub column: u32,
}

impl TextRef {
    /// Where the characters `[start, start + len)` of the text stand: on the
    /// line holding `start` (to that line's end at most), else — a text whose
    /// lines were not kept — its first line.
    pub fn locate(&self, start: usize, len: usize) -> Provenance {
        let start32 = u32::try_from(start).unwrap_or(u32::MAX);
        let at = self.lines.partition_point(|l| l.offset <= start32);
        let Some(line) = at.checked_sub(1).and_then(|i| self.lines.get(i)) else { return self.source.clone() };
        let line_end = self.lines.get(at).map_or(u32::MAX, |next| next.offset);
        let end = start32.saturating_add(u32::try_from(len).unwrap_or(u32::MAX)).min(line_end);
        Provenance::span(line.line, line.column + (start32 - line.offset), end.saturating_sub(start32))
            .with_page(line.page)
    }
}

/// What an explanation section explains. Sections are recognised by their heading
/// words, not by their printed numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// 收支预算情况的总体说明 (explains the income/expenditure summary table).
    Overview,
    /// 收入预算情况说明.
    Income,
    /// 支出预算情况说明.
    Expenditure,
    /// 财政拨款收支预算情况的总体说明.
    FiscalAllocation,
    /// 一般公共预算当年拨款情况说明.
    GeneralBudget,
    /// 一般公共预算基本支出情况说明.
    BasicExpenditure,
    /// 一般公共预算项目支出情况说明.
    ProjectExpenditure,
    /// 政府性基金预算拨款情况说明.
    GovernmentFund,
    /// 国有资本经营预算拨款情况说明.
    StateCapital,
    /// 财政拨款“三公”经费预算情况说明.
    ThreePublicExpenses,
    /// 上年结转结余预算情况说明.
    CarryOver,
    /// 其他重要事项的情况说明 (its subsections below).
    OtherMatters,
    /// 机关运行经费 (单位运行经费) 情况.
    AgencyOperating,
    /// 政府采购情况.
    Procurement,
    /// 国有资产占用使用情况.
    Assets,
    /// 预算绩效情况.
    Performance,
    /// 其他需说明的事项.
    Miscellaneous,
    /// A subsection of 一般公共预算 (规模变化, 结构, 具体使用情况).
    GeneralBudgetDetail,
    /// Not recognised; see the heading.
    Other,
}

impl SectionKind {
    /// The table a section explains, if it explains one.
    pub fn explains_table(self) -> Option<TableKind> {
        Some(match self {
            SectionKind::Overview => TableKind::IncomeExpenditureSummary,
            SectionKind::Income => TableKind::IncomeSummary,
            SectionKind::Expenditure => TableKind::ExpenditureSummary,
            SectionKind::FiscalAllocation => TableKind::FiscalAllocationSummary,
            SectionKind::GeneralBudget => TableKind::GeneralBudgetExpenditure,
            SectionKind::BasicExpenditure => TableKind::GeneralBudgetBasicExpenditure,
            SectionKind::ProjectExpenditure => TableKind::GeneralBudgetProjectExpenditure,
            SectionKind::GovernmentFund => TableKind::GovernmentFundExpenditure,
            SectionKind::StateCapital => TableKind::StateCapitalExpenditure,
            SectionKind::ThreePublicExpenses => TableKind::ThreePublicExpenses,
            SectionKind::CarryOver => TableKind::CarryOver,
            _ => return None,
        })
    }

    /// The section kinds that explain a table, in template order.
    pub const EXPLAINING: [SectionKind; 11] = [
        SectionKind::Overview,
        SectionKind::Income,
        SectionKind::Expenditure,
        SectionKind::FiscalAllocation,
        SectionKind::GeneralBudget,
        SectionKind::BasicExpenditure,
        SectionKind::ProjectExpenditure,
        SectionKind::GovernmentFund,
        SectionKind::StateCapital,
        SectionKind::ThreePublicExpenses,
        SectionKind::CarryOver,
    ];

    /// The section that explains a table (the inverse of [`SectionKind::explains_table`]).
    pub fn explaining(table: TableKind) -> Option<SectionKind> {
        SectionKind::EXPLAINING.into_iter().find(|k| k.explains_table() == Some(table))
    }

    /// A short Chinese name for messages.
    pub fn name_zh(self) -> &'static str {
        match self {
            SectionKind::Overview => "收支预算总体说明",
            SectionKind::Income => "收入预算说明",
            SectionKind::Expenditure => "支出预算说明",
            SectionKind::FiscalAllocation => "财政拨款收支总体说明",
            SectionKind::GeneralBudget => "一般公共预算当年拨款说明",
            SectionKind::BasicExpenditure => "一般公共预算基本支出说明",
            SectionKind::ProjectExpenditure => "一般公共预算项目支出说明",
            SectionKind::GovernmentFund => "政府性基金预算拨款说明",
            SectionKind::StateCapital => "国有资本经营预算拨款说明",
            SectionKind::ThreePublicExpenses => "“三公”经费预算说明",
            SectionKind::CarryOver => "上年结转结余说明",
            SectionKind::OtherMatters => "其他重要事项说明",
            SectionKind::AgencyOperating => "机关运行经费情况",
            SectionKind::Procurement => "政府采购情况",
            SectionKind::Assets => "国有资产占用使用情况",
            SectionKind::Performance => "预算绩效情况",
            SectionKind::Miscellaneous => "其他需说明的事项",
            SectionKind::GeneralBudgetDetail => "一般公共预算拨款分项说明",
            SectionKind::Other => "其他章节",
        }
    }
}

impl SectionKind {
    /// The name for messages in a document of `kind`: a 决算's sections explain
    /// its final accounts (`“三公”经费决算说明`, not `…预算说明`).
    pub fn name_zh_in(self, kind: crate::DocumentKind) -> &'static str {
        if kind == crate::DocumentKind::Budget {
            return self.name_zh();
        }
        match self {
            SectionKind::Overview => "收支决算总体说明",
            SectionKind::Income => "收入决算说明",
            SectionKind::Expenditure => "支出决算说明",
            SectionKind::FiscalAllocation => "财政拨款收支决算总体说明",
            SectionKind::GeneralBudget => "一般公共预算财政拨款支出决算说明",
            SectionKind::BasicExpenditure => "一般公共预算财政拨款基本支出决算说明",
            SectionKind::GovernmentFund => "政府性基金预算财政拨款支出决算说明",
            SectionKind::StateCapital => "国有资本经营预算财政拨款支出决算说明",
            SectionKind::ThreePublicExpenses => "“三公”经费决算说明",
            SectionKind::GeneralBudgetDetail => "一般公共预算财政拨款支出分项说明",
            other => other.name_zh(),
        }
    }
}

/// One section of the explanation, with its paragraphs and subsections.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// What it explains.
    pub kind: SectionKind,
    /// The printed numbering (`一`, `十二`, `（三）`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<String>,
    /// The heading as printed, without its numbering.
    pub heading: TextRef,
    /// The paragraphs, page-break splits re-joined.
    pub paragraphs: Vec<TextRef>,
    /// Subsections (`（一）…`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subsections: Vec<Section>,
}

/// Increase or decrease, as the text words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 增加 / 增长 / 上升.
    Up,
    /// 减少 / 下降 / 降低.
    Down,
    /// 持平 / 无变化.
    Flat,
}

/// A year-on-year change: `比上年预算增加128.95万元，增长14.65%`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The direction word of the amount (增加/减少).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// The change amount (always printed positive; the direction gives the sign).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Quantity>,
    /// Where the change amount is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_at: Option<Provenance>,
    /// The direction word of the rate (增长/下降).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_direction: Option<Direction>,
    /// The rate (`14.65%`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate: Option<Quantity>,
    /// Where the rate is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_at: Option<Provenance>,
    /// The figure compared with, when the sentence states it
    /// (`比2025年年初预算数1,506,121.45万元减少…`): last year's, the base of the rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior: Option<Quantity>,
    /// Where the compared figure is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_at: Option<Provenance>,
    /// Where the change clause stands.
    pub source: Provenance,
}

/// What kind of statement a claim is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// A total or part amount with optional share and change (`基本支出927.93万元，占91.81%…`).
    Amount,
    /// A per-code paragraph (`…(类)…(款)…(项)：2024年预算数为3.68万元…`).
    CodeParagraph,
    /// A structure line: a 类 with its share of the total (`社会保障和就业支出（类）933.03万元，占92.34%`).
    StructureShare,
    /// A composition statement: an amount that "mainly includes" a list of items
    /// (人员经费 … 主要包括：基本工资、津贴补贴 …).
    Composition,
}

/// What a claim talks about, as the text names it. Resolving the subject to a
/// table cell is the rules' job.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimSubject {
    /// The subject phrase as printed (`一般公共预算`, `基本支出`, `公务接待费`).
    pub label: String,
    /// The classification code, when the text names one or the names identify one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<ClassCode>,
    /// For per-code paragraphs: the names printed with their level markers
    /// (`社会保障和就业支出(类)` → (类, 社会保障和就业支出)).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<LevelName>,
}

/// A classification name printed with its level marker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelName {
    /// 类, 款 or 项.
    pub level: Level,
    /// The name as printed.
    pub name: String,
}

/// A numeric statement of the explanation text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// What kind of statement.
    pub kind: ClaimKind,
    /// The section it stands in.
    pub section: SectionKind,
    /// What it talks about.
    pub subject: ClaimSubject,
    /// The amount claimed (`1,008.93万元`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Quantity>,
    /// Where the amount is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_at: Option<Provenance>,
    /// The share claimed (`占99.82%`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Quantity>,
    /// Where the share is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_at: Option<Provenance>,
    /// The whole the share is of, when the clause names it (`占授予中小企业合同金额的
    /// 55.78%` → `授予中小企业合同金额`); `None` for a bare `占55.78%`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_of: Option<String>,
    /// The year-on-year change claimed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// For compositions: the items listed (`基本工资`, `津贴补贴` …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// The clause as printed.
    pub text: String,
    /// Where the clause stands.
    pub source: Provenance,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text joined from two lines locates a character on the line that holds
    /// it; a text of one line (no lines kept) at its first line.
    #[test]
    fn a_joined_text_locates_each_character_on_its_line() {
        let text = TextRef {
            text: "某局收入预算100万元，其中：一般公共预算100万元。".to_owned(),
            source: Provenance::line(10).with_page(Some(2)),
            lines: vec![
                TextLine { offset: 0, line: 10, page: Some(2), column: 1 },
                TextLine { offset: 15, line: 12, page: Some(3), column: 3 },
            ],
        };
        let first = text.locate(2, 4);
        assert_eq!((first.line, first.column, first.length, first.page), (10, Some(3), Some(4), Some(2)));
        let second = text.locate(17, 2);
        assert_eq!((second.line, second.column, second.length, second.page), (12, Some(5), Some(2), Some(3)));
        // (A span running past its line's end stops there.)
        assert_eq!(text.locate(13, 5).length, Some(2));
        let single = TextRef { lines: Vec::new(), ..text };
        assert_eq!(single.locate(17, 2), single.source);
    }
}
