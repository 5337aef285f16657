//! 单位概况: functions, organisation and staffing.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Provenance, TextRef};

/// A count with its stated change (`在职29人，增加0人`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HeadCount {
    /// The count.
    pub count: u32,
    /// The stated change against last year (negative for 减少).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<i64>,
    /// Where the count is printed.
    pub source: Provenance,
}

/// Staffing (人员情况).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Staffing {
    /// 编制数 (authorised posts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorized: Option<HeadCount>,
    /// 实有人数 (actual persons) = 在职 + 退休 + 离休.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<HeadCount>,
    /// 在职.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_service: Option<HeadCount>,
    /// 退休.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<HeadCount>,
    /// 离休.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired_veteran: Option<HeadCount>,
    /// The sentence the counts come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextRef>,
}

/// A list stated with its count (`下设9个处室，分别是：办公室、…`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CountedList {
    /// The count the text states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_count: Option<u32>,
    /// The names listed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// The sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextRef>,
}

/// 单位概况.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitProfile {
    /// 主要职能, paragraph by paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub functions: Vec<TextRef>,
    /// Internal offices (内设机构 / 处室 / 科室).
    #[serde(default)]
    pub offices: CountedList,
    /// Subordinate (budget) units (下属单位).
    #[serde(default)]
    pub subordinate_units: CountedList,
    /// Staffing.
    #[serde(default)]
    pub staffing: Staffing,
    /// Other paragraphs of the profile, kept verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other: Vec<TextRef>,
}
