use gongkai_plugin::gongkai_model::{Disclosure, Finding, Severity};
use gongkai_plugin::{Years, finding};

use super::support::{at, target_name};

gongkai_plugin::rule! {
    /// ## What it checks
    /// Every indicator that has a 三级指标 gives its 指标值 as a comparison and a
    /// target: `=12次`, `>=80%`, `<=257人`, or `=好` for a qualitative one.
    ///
    /// ## Why it matters
    /// The target is what the unit will be evaluated against at year end. A bare
    /// `80%` does not say whether 79% fails, and an empty value cannot be
    /// evaluated at all; Xinjiang's forms require the comparison sign.
    ///
    /// ## Example
    /// `领取社会保险待遇资格线上认证率  >=80%` passes. `80%` is reported
    /// (comparison missing), and so is a row with no 指标值.
    pub static INDICATOR_VALUE_FORM = {
        id: "XJ002", name: "indicator-value-form", title: "指标值应写成比较符加目标值（如 =12次、>=80%）",
        severity: Warning, kinds: [Budget], years: Years::from(2024), check: check,
        doc_zh: r#"
## 检查内容
有三级指标的每个指标，其指标值都写成比较符加目标值：“=12次”“>=80%”“<=257人”，
定性指标写作“=好”。

## 为何重要
指标值是年终评价该单位所依据的目标。只写“80%”说不清 79% 算不算未完成，空着的指标值
则根本无法评价；新疆的表样要求写明比较符。

## 示例
“领取社会保险待遇资格线上认证率  >=80%”通过；“80%”被报告（缺比较符），没有指标值
的行也被报告。
"#,
    };
}

fn check(doc: &Disclosure) -> Vec<Finding> {
    let mut out = Vec::new();
    for table in &doc.performance_targets {
        for indicator in table.indicators.iter().filter(|i| !i.level3.trim().is_empty()) {
            let problem = match &indicator.value {
                None => Some("没有填写指标值".to_owned()),
                Some(v) if v.comparison.is_none() => Some(format!("指标值“{}”缺少比较符（=、>=、<=、>、<）", v.raw)),
                Some(v) if v.number.is_none() && qualitative_target(&v.raw).is_empty() => {
                    Some(format!("指标值“{}”只有比较符，没有目标值", v.raw))
                }
                Some(_) => None,
            };
            if let Some(problem) = problem {
                let mut f = finding(
                    Severity::Warning,
                    format!("{}的三级指标“{}”{}", target_name(table), indicator.level3, problem),
                    vec![at(&indicator.source)],
                );
                f.actual = indicator.value.as_ref().map(|v| v.raw.clone());
                out.push(f);
            }
        }
    }
    out
}

/// What follows the comparison sign of a qualitative value (`=好` → `好`).
fn qualitative_target(raw: &str) -> &str {
    raw.trim().trim_start_matches(['=', '>', '<', '≥', '≤', '＝', '＞', '＜']).trim()
}
