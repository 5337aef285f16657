use gongkai_plugin::gongkai_model::{Decimal, Disclosure, Finding, Severity};
use gongkai_plugin::{Years, finding, text::normalize};

use super::support::{at, target_name};

gongkai_plugin::rule! {
    /// ## What it checks
    /// In every performance-target table (整体绩效目标申报表 and each
    /// 项目支出绩效目标表), the indicator weights (分值权重 / 指标分值权重) add up
    /// to 90 — or to 100 when the table itself lists a 预算执行率 indicator.
    ///
    /// ## Why it matters
    /// Xinjiang scores targets out of 100 and reserves 10 points for the budget
    /// execution rate (预算执行率), which is scored from the accounts, not from
    /// the table; the indicators a unit writes therefore carry 90. A total other
    /// than 90 means an indicator or a weight was dropped or mistyped, and the
    /// later self-evaluation cannot be scored as declared.
    ///
    /// ## Example
    /// The Qitai 2024 overall table weights its five indicators 20+20+20+15+15
    /// = 90, and its project table 10+10+10+10+20+20+10 = 90: no finding. A
    /// table whose weights add up to 85 is reported with `expected` 90 and
    /// `actual` 85.
    pub static INDICATOR_WEIGHTS = {
        id: "XJ001", name: "indicator-weights", title: "绩效指标分值权重合计应为90（预算执行率另计10分）",
        severity: Warning, kinds: [Budget], years: Years::from(2024), check: check,
        doc_zh: r#"
## 检查内容
每张绩效目标表（整体绩效目标申报表和每张项目支出绩效目标表）中，各指标的分值权重
（分值权重 / 指标分值权重）合计为 90；表中自己列有“预算执行率”指标的，合计为 100。

## 为何重要
新疆按百分制评分，其中 10 分留给预算执行率，由账务数据计分，不在表中填写；单位填写的
指标因此合计 90 分。合计不是 90，说明漏填或填错了某个指标或权重，日后的自评无法按申报
的内容计分。

## 示例
奇台县 2024 年整体绩效目标表五个指标权重为 20+20+20+15+15 = 90，项目表为
10+10+10+10+20+20+10 = 90，不报告。权重合计为 85 的表被报告，应为 90，实为 85。
"#,
    };
}

/// What the indicator weights of a table must add up to.
const EXPECTED: u32 = 90;
/// The points reserved for 预算执行率.
const EXECUTION_RATE: u32 = 10;

fn check(doc: &Disclosure) -> Vec<Finding> {
    let mut out = Vec::new();
    for table in &doc.performance_targets {
        let weights: Vec<Decimal> = table.indicators.iter().filter_map(|i| i.weight.map(|w| w.value())).collect();
        if weights.is_empty() {
            // Nothing declared: XJ002/XJ004 report the empty indicators.
            continue;
        }
        let sum: Decimal = weights.iter().sum();
        let lists_execution_rate = table.indicators.iter().any(|i| normalize(&i.level3).contains("预算执行率"));
        let expected = Decimal::from(if lists_execution_rate { EXPECTED + EXECUTION_RATE } else { EXPECTED });
        if sum != expected {
            let mut f = finding(
                Severity::Warning,
                format!(
                    "{}的指标分值权重合计为{}，新疆绩效目标表应为{}（预算执行率另计{}分）",
                    target_name(table),
                    sum.normalize(),
                    expected,
                    EXECUTION_RATE
                ),
                vec![at(&table.title.source)],
            );
            f.expected = Some(expected.to_string());
            f.actual = Some(sum.normalize().to_string());
            out.push(f);
        }
    }
    out
}
