use gongkai_model::{ClassCode, Location, Severity};

use super::common::{catalog, coded_rows};
use crate::context::row_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Every well-formed code printed in a table is looked up in the catalog. A code
    /// the attested data does not contain is listed once, with every row that prints
    /// it, as information: 未收录于已核实目录（不代表该科目不存在）.
    ///
    /// ## Why it matters
    /// The catalog shipped today is partial, so absence is not non-existence: the
    /// finding only tells the reviewer which codes could not be checked by G101 and
    /// are worth a look in the year's 政府收支分类科目. It becomes an error only when a
    /// complete official catalog of the code's scheme and year is in the data
    /// (the Ministry of Finance's full list for that year), which then proves the code does not exist — never
    /// the case today.
    ///
    /// ## Example
    /// 表5 prints `208 99 98 其他社会保障和就业支出`; `2089998` is in no attested
    /// source, so the row is listed as information, not as an error.
    pub struct NotInCatalog {
        id: "G105", name: "not-in-catalog", category: Catalog, severity: Info,
        title_zh: "表中的科目编码在已核实目录中查不到时提示",
        doc_zh: r#"
## 检查内容
表中印出的每个格式正确的编码都在科目目录中查找。有据可查的数据中没有的编码列出一
次，附上印有该编码的所有行，作为提示：未收录于已核实目录（不代表该科目不存在）。

## 为何重要
目前随程序提供的科目目录并不完整，查不到不等于不存在：本提示只告诉审核人员哪些编
码无法由 G101 核对，值得对照当年的《政府收支分类科目》看一看。只有当数据中有该编
码所属分类和年度的完整官方目录（财政部当年的完整科目表），能够证明该编码不存在
时，才报为错误——目前尚无这种情况。

## 示例
表5 印有 `208 99 98 其他社会保障和就业支出`；`2089998` 不见于任何有据可查的来
源，因此该行作为提示列出，而不报为错误。
"#,
    }
}

impl Rule for NotInCatalog {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let year = ctx.doc.meta.fiscal_year;
        // Distinct unknown codes in order of first appearance, with their rows.
        let mut unknown: Vec<(&ClassCode, String, Vec<String>, Vec<Location>)> = Vec::new();
        for (table, part, row, code) in coded_rows(ctx.doc) {
            if gongkai_catalog::is_well_formed(code.as_str()).is_err() {
                continue; // G104 reports malformed codes.
            }
            if let Some(entry) = unknown.iter_mut().find(|e| e.0 == code) {
                if !entry.2.contains(&table.display()) {
                    entry.2.push(table.display());
                }
                entry.3.push(row_location(table, part, row));
                continue;
            }
            if catalog().knows(code.as_str()) {
                continue;
            }
            unknown.push((code, row.label.clone(), vec![table.display()], vec![row_location(table, part, row)]));
        }
        for (code, label, tables, locations) in unknown {
            let absent = year.is_some_and(|y| catalog().known_absent(code.as_str(), y));
            let message = if absent {
                format!(
                    "{} {}（见{}）：{}年完整的官方目录中没有该科目编码",
                    code,
                    label,
                    tables.join("、"),
                    year.unwrap_or_default()
                )
            } else {
                format!("{} {}（见{}）：未收录于已核实目录（不代表该科目不存在）", code, label, tables.join("、"))
            };
            let mut finding = ctx.finding(message, None, locations);
            finding.actual = Some(code.to_string());
            out.push_with(finding, if absent { Severity::Error } else { Severity::Info });
        }
    }
}
