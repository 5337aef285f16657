use gongkai_catalog::NameCheck;
use gongkai_model::Severity;

use super::common::{attested_list, catalog, checkable, coded_rows, evidence_is_strong, expected_names, years_zh};
use crate::context::row_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The name printed beside a classification code (科目名称) is one of the names
    /// the catalog attests for that code in the document's budget year, ignoring
    /// full/half-width forms, bracket styles, blanks and a trailing `（类）` marker.
    /// Every coded row of every table is checked; a code the catalog does not know is
    /// left alone (G105 lists it), and so is a code of the wrong scheme (G104).
    ///
    /// ## Why it matters
    /// 科目名称 are fixed by the Ministry of Finance for each year. A changed name
    /// (`行政运营` for `行政运行`) is a typing error, an outdated template or a code
    /// typed in the wrong row; readers and auditors match spending across units by
    /// code *and* name, and a wrong name breaks that.
    ///
    /// The catalog shipped today is a partial, attested subset: the finding cites the
    /// attested name(s) with their years and document counts. It is a warning when an
    /// expected name is hand-checked or official or seen in at least two documents,
    /// information when it rests on a single extracted document.
    ///
    /// ## Example
    /// 表5 prints `208 01 01 行政运营`; the 2024 catalog name of `2080101` is
    /// `行政运行` (hand-checked, 2024): the row is reported with both names.
    pub struct NameMismatch {
        id: "G101", name: "name-mismatch", category: Catalog, severity: Warning,
        title_zh: "表中的科目名称与该年度目录中的名称一致",
        doc_zh: r#"
## 检查内容
科目编码旁印出的名称（科目名称）须是科目目录中该编码在文件预算年度有据可查的名称
之一；比较时不计全角与半角、括号样式、空格以及末尾的 `（类）` 标记。所有表中带编
码的每一行都核对；科目目录中没有的编码不在此核对（由 G105 列出），不属于该表分类
的编码也不在此核对（由 G104 报告）。

## 为何重要
科目名称由财政部逐年确定。名称被改动（把`行政运行`写成`行政运营`），可能是录入错
误、模板过时，或把编码录到了错误的行；读者和审计人员同时按编码和名称比对各单位的
支出，名称错了就对应不上。

目前随程序提供的科目目录只是有据可查的一部分科目：问题中会列出有据可查的名称及其
年度和文件份数。应有的名称经过人工核对、来自官方目录或至少在两份文件中出现的，报
为警告；仅依据一份自动提取的文件的，报为提示。

## 示例
表5 印有 `208 01 01 行政运营`；`2080101` 在 2024 年科目目录中的名称是 `行政运行`
（人工核对，2024 年）：报告该行，并列出两个名称。
"#,
    }
}

impl Rule for NameMismatch {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let year = ctx.doc.meta.fiscal_year;
        for (table, part, row, code) in coded_rows(ctx.doc) {
            if !checkable(table, code) || row.label.trim().is_empty() {
                continue;
            }
            let NameCheck::Mismatch { attested, printed_years } =
                catalog().name_matches(code.as_str(), &row.label, year)
            else {
                continue;
            };
            let basis = match year {
                Some(y) if attested.iter().any(|a| a.expected && a.years.contains(y)) => format!("{y}年的"),
                Some(y) => format!("各年度的（目录中无{y}年记录）"),
                None => "各年度的（文件未载明预算年度）".to_owned(),
            };
            let mut message = format!(
                "{} {} 行的科目名称印为“{}”，与已核实目录中该科目{}名称不符，应为{}",
                table.display(),
                code,
                row.label,
                basis,
                attested_list(&attested)
            );
            if !printed_years.is_empty() {
                message.push_str(&format!(
                    "；印出的名称是该科目{}使用的名称，可能沿用了其他年度的科目名称",
                    years_zh(printed_years)
                ));
            }
            let mut finding = ctx.finding(message, None, vec![row_location(table, part, row)]);
            finding.expected = Some(expected_names(&attested));
            finding.actual = Some(row.label.clone());
            if evidence_is_strong(&attested) {
                out.push(finding);
            } else {
                out.push_with(finding, Severity::Info);
            }
        }
    }
}
