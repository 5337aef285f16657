//! What was checked of a document, and what could not be — so that a document
//! read only in part is never mistaken for a clean one.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::TableKind;

/// The coverage of one document's check.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// The tables: listed, recognised, missing, unknown.
    pub tables: TableCoverage,
    /// The identities and comparisons the rules evaluated, and what they could not.
    pub checks: CheckCoverage,
    /// The claims of the explanation: parsed, resolved to a table figure, or not.
    pub claims: ClaimCoverage,
    /// The pages read.
    pub pages: PageCoverage,
}

/// The tables of a document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableCoverage {
    /// Disclosure tables the document's table of contents (目录) lists.
    pub listed: u32,
    /// Of those, how many were found and recognised.
    pub listed_recognised: u32,
    /// Titles the 目录 lists that no table of the document matches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub listed_not_found: Vec<String>,
    /// The kinds of the tables recognised, in printed order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recognised: Vec<TableKind>,
    /// Titles of tables found whose kind is not known (read, but checked by no
    /// identity of a known table).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown_kind: Vec<String>,
    /// Titles of tables holding facts that were inferred rather than read exactly
    /// (a finding on such a fact is never an error).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with_inferred_facts: Vec<String>,
    /// Performance-target forms read.
    pub performance_forms: u32,
}

/// The identities evaluated.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckCoverage {
    /// Comparisons evaluated by all rules (a sum, a pair of cells, a claim and
    /// its figure, a share, a rate: one each).
    pub evaluated: u32,
    /// Per rule that evaluated any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_rule: Vec<RuleChecks>,
    /// Findings reported as warnings rather than errors because a fact they
    /// involve was inferred.
    pub lowered: u32,
    /// What could not be checked, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_checked: Vec<NotChecked>,
}

/// The comparisons one rule evaluated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleChecks {
    /// The rule id.
    pub rule: String,
    /// Comparisons evaluated.
    pub evaluated: u32,
}

/// Why something was not checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotCheckedReason {
    /// A table the identities need is not in the document (or was not recognised).
    TableAbsent,
    /// A fact involved was inferred: the finding is a warning, not an error.
    FactInferred,
}

impl NotCheckedReason {
    /// The reason in Chinese.
    pub fn name_zh(self) -> &'static str {
        match self {
            NotCheckedReason::TableAbsent => "缺少相关表（或未能识别）",
            NotCheckedReason::FactInferred => "涉及推定读取的数字，只作警告",
        }
    }

    /// The reason in English.
    pub fn name_en(self) -> &'static str {
        match self {
            NotCheckedReason::TableAbsent => "a table the identities need is absent (or not recognised)",
            NotCheckedReason::FactInferred => "involves an inferred fact: reported as a warning only",
        }
    }
}

/// Something not checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotChecked {
    /// Why.
    pub reason: NotCheckedReason,
    /// What, in the reviewer's words (a table's name, a finding's rule).
    pub what: String,
}

/// The claims of the explanation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimCoverage {
    /// Claims parsed from the explanation text.
    pub parsed: u32,
    /// Of those, claims stating an amount.
    pub with_amount: u32,
    /// Of those, claims whose subject resolves to a table figure (compared).
    pub resolved: u32,
    /// Claims stating an amount that were not compared, by reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unresolved: Vec<Unresolved>,
    /// Paragraphs outside the tables that print an amount (`…万元`): of the
    /// explanation, and text not placed in any part of the document.
    pub paragraphs_with_figures: u32,
}

/// Why a claim was not compared with a table figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnresolvedReason {
    /// The file holds no table to compare it with (the tables are published
    /// separately, or were not read).
    NoTables,
    /// It states a figure the file's tables do not print (performance-target
    /// funds, asset values, procurement without a procurement table, 机关运行经费
    /// without its table, 会议费 or 培训费 no table prints, a class of a
    /// classification no table prints, a class of nothing this year left out
    /// of the tables, a kind of purchase where the procurement table prints
    /// items some of which have no catalogue code, an amount in the reason
    /// given for a change): nothing to compare it with, by the document's make.
    NotPrinted,
    /// A part listed under a whole (`项目支出…，具体包括：1.甲工作…`) in more
    /// detail than the tables print: compared with the whole as the sum of
    /// its parts (N113), not with a table figure.
    PartOfListedWhole,
    /// Its subject names no figure of the tables read.
    SubjectUnknown,
    /// Its subject names figures that differ from each other: compared with
    /// whichever agrees, so a wrong amount may pass.
    Ambiguous,
}

impl UnresolvedReason {
    /// The reason in Chinese.
    pub fn name_zh(self) -> &'static str {
        match self {
            UnresolvedReason::NoTables => "本文件没有可对照的表（表格可能另行公开或未能读取）",
            UnresolvedReason::NotPrinted => {
                "本文件的表中没有这一数字（绩效、资产、政府采购或机关运行经费没有对应的表，表中没有该分类或为零未列的科目，或为增减变化原因中的金额）"
            }
            UnresolvedReason::PartOfListedWhole => "是所列总额的分项，表中没有这一层级的数字（已与总额核对合计）",
            UnresolvedReason::SubjectUnknown => "所述对象在已读取的表中找不到对应数字",
            UnresolvedReason::Ambiguous => "所述对象对应多个不同的数字",
        }
    }

    /// The reason in English.
    pub fn name_en(self) -> &'static str {
        match self {
            UnresolvedReason::NoTables => {
                "the file holds no table to compare it with (published separately, or not read)"
            }
            UnresolvedReason::NotPrinted => {
                "the file prints no such figure (no table of performance, assets, procurement or operating costs; a classification or a zero class no table prints; an amount in the reason for a change)"
            }
            UnresolvedReason::PartOfListedWhole => {
                "a part listed under a whole in more detail than the tables print (checked as a sum with the whole)"
            }
            UnresolvedReason::SubjectUnknown => "its subject names no figure of the tables read",
            UnresolvedReason::Ambiguous => "its subject names several different figures",
        }
    }
}

/// A count of claims not compared for one reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unresolved {
    /// Why.
    pub reason: UnresolvedReason,
    /// How many claims.
    pub count: u32,
}

/// The pages of the input.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageCoverage {
    /// Pages in the input (PDF), or page breaks counted in text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// Pages without a text layer (scanned images): not read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub without_text: Vec<u32>,
}

impl Coverage {
    /// Tables recognised of those listed, as `(recognised, listed)`; without a
    /// 目录, the tables recognised of themselves.
    pub fn tables_ratio(&self) -> (u32, u32) {
        if self.tables.listed > 0 {
            (self.tables.listed_recognised, self.tables.listed)
        } else {
            let n = u32::try_from(self.tables.recognised.len()).unwrap_or(u32::MAX);
            (n, n)
        }
    }

    /// One line for a summary: `表 9/9 · 核对 412 项 · 说明数字 88/95` (tables
    /// recognised of those the 目录 lists; `表 9（目录未列出各表）` without a list).
    pub fn line_zh(&self) -> String {
        self.line(&LineWords {
            tables: |t| format!("表 {t}"),
            no_list: "（目录未列出各表）",
            checks: |n| format!("核对 {n} 项"),
            figures: |r, a| format!("说明数字 {r}/{a}"),
            lowered: |n| format!("推定读取降级 {n} 项"),
            without_text: |n| format!("无文字层页 {n}"),
        })
    }

    /// The same line in English.
    pub fn line_en(&self) -> String {
        self.line(&LineWords {
            tables: |t| format!("tables {t}"),
            no_list: " (no list in the contents)",
            checks: |n| format!("{n} checks"),
            figures: |r, a| format!("text figures {r}/{a}"),
            lowered: |n| format!("{n} lowered (inferred facts)"),
            without_text: |n| format!("{n} pages without text"),
        })
    }

    fn line(&self, w: &LineWords) -> String {
        let (found, listed) = self.tables_ratio();
        let tables = if self.tables.listed > 0 { format!("{found}/{listed}") } else { format!("{found}{}", w.no_list) };
        let mut parts = vec![
            (w.tables)(&tables),
            (w.checks)(self.checks.evaluated),
            (w.figures)(self.claims.resolved, self.claims.with_amount),
        ];
        if self.checks.lowered > 0 {
            parts.push((w.lowered)(self.checks.lowered));
        }
        if !self.pages.without_text.is_empty() {
            parts.push((w.without_text)(self.pages.without_text.len()));
        }
        parts.join(" · ")
    }
}

/// The words of the summary line in one language.
struct LineWords {
    tables: fn(&str) -> String,
    no_list: &'static str,
    checks: fn(u32) -> String,
    figures: fn(u32, u32) -> String,
    lowered: fn(u32) -> String,
    without_text: fn(usize) -> String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_lines_in_both_languages() {
        let mut c = Coverage::default();
        c.tables.listed = 11;
        c.tables.listed_recognised = 9;
        c.checks.evaluated = 418;
        c.claims = ClaimCoverage { parsed: 79, with_amount: 58, resolved: 39, ..ClaimCoverage::default() };
        assert_eq!(c.line_zh(), "表 9/11 · 核对 418 项 · 说明数字 39/58");
        assert_eq!(c.line_en(), "tables 9/11 · 418 checks · text figures 39/58");
        c.tables.listed = 0;
        c.tables.recognised = vec![TableKind::IncomeSummary; 3];
        c.checks.lowered = 2;
        c.pages.without_text = vec![4];
        assert_eq!(
            c.line_zh(),
            "表 3（目录未列出各表） · 核对 418 项 · 说明数字 39/58 · 推定读取降级 2 项 · 无文字层页 1"
        );
        assert!(c.line_en().starts_with("tables 3 (no list in the contents)"));
    }
}
