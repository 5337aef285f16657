//! Performance-target tables (绩效目标表): the unit's overall targets and one table
//! per project, with indicators, values and weights.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Figure, Number, Provenance, TextRef};

/// The comparison of an indicator value (`=12次`, `>=80%`, `<=257人`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// `=`.
    Eq,
    /// `>=` / `≥`.
    Ge,
    /// `<=` / `≤`.
    Le,
    /// `>`.
    Gt,
    /// `<`.
    Lt,
}

/// An indicator value as printed, and its parsed parts when it has them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorValue {
    /// As printed (`>=80%`).
    pub raw: String,
    /// The comparison.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    /// The number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<Number>,
    /// The unit word after the number (`次`, `%`, `人`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// One indicator row (一级/二级/三级指标).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// 一级指标 (carried down from the row above when the cell is blank).
    pub level1: String,
    /// 二级指标.
    pub level2: String,
    /// 三级指标.
    pub level3: String,
    /// 指标值.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<IndicatorValue>,
    /// 指标值设定依据.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// 上年完成值.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prior_value: Option<String>,
    /// 分值权重.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Number>,
    /// 指标赋分规则.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scoring: Option<String>,
    /// 佐证资料.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The row's line.
    pub source: Provenance,
}

/// A funding line of a target table (`上级资金 1.46`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FundingLine {
    /// The label as printed (`财政资金/上级资金`, `合计`, `其中：财政拨款`).
    pub label: String,
    /// The amount.
    pub amount: Figure,
    /// Whether this is the total line.
    pub is_total: bool,
}

/// Which kind of target table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetScope {
    /// 整体绩效目标 (the whole unit).
    Overall,
    /// 项目支出绩效目标 (one project).
    Project,
}

/// A performance-target table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerformanceTargets {
    /// Overall or project.
    pub scope: TargetScope,
    /// The title as printed.
    pub title: TextRef,
    /// The unit named in the table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_name: Option<String>,
    /// The project name (project tables).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<TextRef>,
    /// 项目负责人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager: Option<String>,
    /// The goal text (年度绩效目标 / 项目总体目标).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<TextRef>,
    /// The funding lines, in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<FundingLine>,
    /// The indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
}
