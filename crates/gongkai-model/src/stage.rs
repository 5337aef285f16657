//! The stage of a figure: budgeted, budget as adjusted, or final accounts.
//!
//! A 决算 prints the year's budget beside what was spent (the “三公” table's
//! `预算数 | 决算数`), and its explanation compares them (`支出决算…，完成年初预算的
//! 91.14%`). Which stage a column, a row or a sentence speaks of decides which
//! figure it is compared with.

use serde::{Deserialize, Serialize};

/// Budgeted, adjusted, or final.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 年初预算数 / 预算数: the budget as passed.
    Budget,
    /// 调整预算数 / 全年预算数: the budget as adjusted during the year.
    AdjustedBudget,
    /// 决算数 / 执行数: what was spent (received).
    Final,
}

impl Stage {
    /// The stage a header or row label names as a whole (`预算数`, `决算数`,
    /// `2024年年初预算数`, `全年预算数（A）`); `None` for any other label.
    pub fn of_label(label: &str) -> Option<Stage> {
        // Asked of every header and row a claim is compared with: most name none.
        if !Stage::may_name(label) {
            return None;
        }
        let t: String = label.chars().filter(|c| !c.is_whitespace()).collect();
        // A year before the stage (`2024年`, `2024年度`) and a letter after it (`（A）`).
        let t = t
            .split_once('年')
            .filter(|(y, _)| y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()))
            .map_or(t.as_str(), |(_, rest)| rest.strip_prefix('度').unwrap_or(rest));
        let t = t.split(['（', '(']).next().unwrap_or(t);
        Some(match t {
            "预算数" | "年初预算数" | "年初预算" | "预算" => Stage::Budget,
            "调整预算数" | "调整后预算数" | "全年预算数" | "调整预算" => Stage::AdjustedBudget,
            "决算数" | "决算" | "执行数" | "全年执行数" | "实际支出" | "支出决算" => Stage::Final,
            _ => return None,
        })
    }

    /// The stage a sentence's subject names somewhere in its words (`财政拨款支出
    /// 年初预算`, `公务接待费支出决算`), the final accounts first: `决算` wins over a
    /// `预算` it also says (`预算执行数`). `None` when it names none.
    pub fn named_in(text: &str) -> Option<Stage> {
        if !Stage::may_name(text) {
            return None;
        }
        // The budgets' names are no stage (`一般公共预算财政拨款支出`).
        let mut text = text.to_owned();
        for name in ["一般公共预算", "政府性基金预算", "国有资本经营预算", "预算绩效", "预算单位", "预算资金"]
        {
            text = text.replace(name, "");
        }
        if text.contains("决算") || text.contains("执行数") || text.contains("实际支出") {
            Some(Stage::Final)
        } else if text.contains("调整预算") || text.contains("调整后预算") || text.contains("全年预算") {
            Some(Stage::AdjustedBudget)
        } else if text.contains("预算") {
            Some(Stage::Budget)
        } else {
            None
        }
    }

    /// Whether a text holds a word any stage is named by (算, 执行, 实际).
    fn may_name(text: &str) -> bool {
        text.contains('算') || text.contains("执行") || text.contains("实际")
    }
}

#[cfg(test)]
mod tests {
    use super::Stage;

    #[test]
    fn labels_naming_a_stage() {
        assert_eq!(Stage::of_label("预算数"), Some(Stage::Budget));
        assert_eq!(Stage::of_label("决算数"), Some(Stage::Final));
        assert_eq!(Stage::of_label("2024年年初预算数"), Some(Stage::Budget));
        assert_eq!(Stage::of_label("全年预算数（A）"), Some(Stage::AdjustedBudget));
        assert_eq!(Stage::of_label("全年执行数（B）"), Some(Stage::Final));
        assert_eq!(Stage::of_label("预算数合计"), None);
        assert_eq!(Stage::of_label("一般公共预算"), None);
        assert_eq!(Stage::of_label("2024年"), None);
    }

    #[test]
    fn stages_named_in_a_subject() {
        assert_eq!(Stage::named_in("财政拨款支出年初预算"), Some(Stage::Budget));
        assert_eq!(Stage::named_in("公务接待费支出决算"), Some(Stage::Final));
        assert_eq!(Stage::named_in("全年预算数"), Some(Stage::AdjustedBudget));
        assert_eq!(Stage::named_in("公务接待费"), None);
        assert_eq!(Stage::named_in("一般公共预算财政拨款支出"), None);
        assert_eq!(Stage::named_in("一般公共预算财政拨款支出年初预算"), Some(Stage::Budget));
    }
}
