use std::collections::BTreeMap;

use super::docnum::DocNumber;
use crate::context::text_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every cited document number (文号, `昌州财建〔2024〕161号`) is cited the same
    /// way throughout: when the same title (`《…》`, compared with brackets, dashes
    /// and widths normalised) is cited anywhere in the document — profile,
    /// explanation, performance-target goals — with a different year or serial
    /// number, both places are reported. Bracket styles (〔〕, [], 【】) alone are not
    /// a difference here (F103 reports them).
    ///
    /// ## Why it matters
    /// The 文号 is how a reader finds the policy a project rests on; two different
    /// numbers for one document mean at least one citation points at the wrong (or a
    /// non-existent) document.
    ///
    /// ## Example
    /// The project section cites `奇财预〔2024〕6号《关于下达2024年破产企业生活费的通知》`
    /// and the project's target table `奇财预【2024】5号《关于下达2024年破产企业生活费的
    /// 通知》`: one title, two numbers.
    pub struct DocumentNumbers {
        id: "K103", name: "document-numbers", category: Consistency, severity: Warning,
        title_zh: "同一文件名称引用的文号前后一致",
        doc_zh: r#"
## 检查内容
所引文件的文号（如`昌州财建〔2024〕161号`）全文写法一致：同一文件名称（`《…》`，
比较时统一括号、连接号和全角半角）在文中任何地方——概况、情况说明、绩效目标表中的
目标——被引用时，若年份或序号不同，两处都报告。仅括号样式不同（〔〕、[]、【】）在
此不算不同（由 F103 报告）。

## 为何重要
读者凭文号查找项目所依据的政策文件；同一文件有两个不同的文号，说明至少有一处引用
指向了错误的（或并不存在的）文件。

## 示例
项目情况中引用`奇财预〔2024〕6号《关于下达2024年破产企业生活费的通知》`，该项目
的绩效目标表中引用`奇财预【2024】5号《关于下达2024年破产企业生活费的通知》`：同
一文件名称，两个文号。
"#,
    }
}

impl Rule for DocumentNumbers {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let numbers = ctx.document_numbers();
        let mut by_title: BTreeMap<&str, Vec<&DocNumber<'_>>> = BTreeMap::new();
        for n in numbers {
            if let Some(key) = &n.title_key {
                by_title.entry(key.as_str()).or_default().push(n);
            }
        }
        for cited in by_title.values() {
            let first = cited[0];
            let differing: Vec<&&DocNumber<'_>> =
                cited.iter().filter(|n| (&n.year, &n.number) != (&first.year, &first.number)).collect();
            if differing.is_empty() {
                continue;
            }
            let mut places = vec![format!("第{}行写作“{}”", first.text.source.line, first.raw)];
            places.extend(differing.iter().map(|n| format!("第{}行写作“{}”", n.text.source.line, n.raw)));
            let message = format!(
                "文件《{}》的文号前后不一致：{}",
                first.title.as_deref().unwrap_or_default(),
                places.join("，")
            );
            let mut locations = vec![text_location(&first.text.source)];
            for n in cited.iter().skip(1) {
                let at = text_location(&n.text.source);
                if !locations.contains(&at) {
                    locations.push(at);
                }
            }
            let mut finding = ctx.finding(message, None, locations);
            finding.expected = Some(first.raw.clone());
            finding.actual = Some(differing.iter().map(|n| n.raw.as_str()).collect::<Vec<_>>().join("、"));
            out.push(finding);
        }
    }
}
