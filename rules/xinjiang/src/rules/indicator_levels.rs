use gongkai_plugin::gongkai_model::{Disclosure, Finding, Severity};
use gongkai_plugin::{Years, finding};

use super::support::{at, target_name};

gongkai_plugin::rule! {
    /// ## What it checks
    /// Every indicator row that declares a value or a weight names all three
    /// levels of the indicator system: 一级指标, 二级指标 and 三级指标.
    ///
    /// ## Why it matters
    /// Xinjiang's targets are a three-level system (e.g. 产出指标 / 数量指标 /
    /// 补助人数); a value without its 三级指标 says nothing measurable, and one
    /// without its 一级/二级 cannot be placed when the targets are scored.
    /// (Blank cells under a merged cell are carried down by the importer, so only
    /// really missing levels are reported.)
    ///
    /// ## Example
    /// `履职效能 | 数量指标 | 指导乡镇社保业务工作次数 | =12次 | 20` passes; a row
    /// `产出指标 | | | =100% | 10` is reported.
    pub static INDICATOR_LEVELS = {
        id: "XJ004", name: "indicator-levels", title: "绩效指标应有一级、二级、三级指标名称",
        severity: Warning, kinds: [Budget], years: Years::from(2024), check: check,
        doc_zh: r#"
## 检查内容
填写了指标值或分值权重的每一行指标，都写明指标体系的三级名称：一级指标、二级指标和
三级指标。

## 为何重要
新疆的绩效目标是三级指标体系（例如 产出指标 / 数量指标 / 补助人数）。没有三级指标的
指标值说不出可衡量的内容；没有一级、二级指标的，评分时无法归类。（合并单元格下的
空白格由导入时向下填充，因此只报告确实缺少的层级。）

## 示例
“履职效能 | 数量指标 | 指导乡镇社保业务工作次数 | =12次 | 20”通过；
“产出指标 | | | =100% | 10”这一行被报告。
"#,
    };
}

fn check(doc: &Disclosure) -> Vec<Finding> {
    let mut out = Vec::new();
    for table in &doc.performance_targets {
        for indicator in table.indicators.iter().filter(|i| i.value.is_some() || i.weight.is_some()) {
            let missing: Vec<&str> =
                [("一级指标", &indicator.level1), ("二级指标", &indicator.level2), ("三级指标", &indicator.level3)]
                    .into_iter()
                    .filter(|(_, name)| name.trim().is_empty())
                    .map(|(level, _)| level)
                    .collect();
            if !missing.is_empty() {
                out.push(finding(
                    Severity::Warning,
                    format!(
                        "{}中指标值为“{}”的一行缺少{}",
                        target_name(table),
                        indicator.value.as_ref().map_or("", |v| v.raw.as_str()),
                        missing.join("、")
                    ),
                    vec![at(&indicator.source)],
                ));
            }
        }
    }
    out
}
