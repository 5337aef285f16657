use gongkai_catalog::{MalformedCode, is_well_formed};

use super::common::{TableScheme, catalog, coded_rows};
use crate::context::{row_location, row_name};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The codes of a table belong to the table's classification: 支出功能分类 codes
    /// (2xx) in the function-coded tables (收入总表, 支出总表, 一般公共预算支出表, fund,
    /// state-capital, project and carry-over tables), 支出经济分类 codes (3xx, 5xx) in
    /// the 一般公共预算基本支出表. Any code in any table must also be well formed (no
    /// `00` part, no 项 in an economic code). When the printed name is the catalog
    /// name of a code of the right scheme, that code is suggested.
    ///
    /// ## Why it matters
    /// Function and economic codes answer different questions (what the money is
    /// for, what kind of spending it is); a row keyed with the other scheme cannot be
    /// summed with its neighbours nor matched with the other tables. The classic case
    /// is `住房公积金`, which is both the function 项 `2210201` and the economic 款
    /// `30113`.
    ///
    /// ## Example
    /// 表5 prints `301 13 住房公积金` instead of `221 02 01 住房公积金`: an economic code
    /// in a function-coded table, reported with the suggestion `2210201`.
    pub struct WrongScheme {
        id: "G104", name: "wrong-scheme", category: Catalog, severity: Error,
        title_zh: "表中的科目编码属于该表的分类（功能分类表为 2 开头，经济分类表为 3 或 5 开头）",
        doc_zh: r#"
## 检查内容
表中的编码属于该表的分类：按功能分类列示的各表（收入总表、支出总表、一般公共预算
支出表，政府性基金、国有资本经营、项目支出和结转结余各表）用支出功能分类编码
（2 开头），一般公共预算基本支出表用支出经济分类编码（3、5 开头）。任何表中的任
何编码还须格式正确（没有为 `00` 的一段，经济分类编码没有项）。印出的名称是正确分
类中某个编码的目录名称的，提示该编码。

## 为何重要
功能分类和经济分类回答的是不同的问题（钱用于什么，属于哪种支出）；用了另一种分类
编码的行，既不能与相邻各行相加，也无法与其他表对应。典型的例子是 `住房公积金`：
它既是功能分类的项 `2210201`，又是经济分类的款 `30113`。

## 示例
表5 印的是 `301 13 住房公积金`，而不是 `221 02 01 住房公积金`：按功能分类列示的
表中出现了经济分类编码，报告时提示 `2210201`。
"#,
    }
}

impl Rule for WrongScheme {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for (table, part, row, code) in coded_rows(ctx.doc) {
            let message = if let Err(why) = is_well_formed(code.as_str()) {
                format!("{} {}：科目编码 {} 格式不正确（{}）", table.display(), row_name(row), code, malformed_zh(&why))
            } else if let Some(scheme) = TableScheme::of(table.kind).filter(|s| !s.admits(code)) {
                let suggested: Vec<&str> = catalog()
                    .codes_named(&row.label)
                    .into_iter()
                    .filter(|c| gongkai_model::ClassCode::new(c).is_ok_and(|c| scheme.admits(&c)))
                    .collect();
                let suggestion = if suggested.is_empty() {
                    String::new()
                } else {
                    format!("；目录中名称为“{}”的{}科目是 {}", row.label, scheme.name_zh(), suggested.join("、"))
                };
                format!(
                    "{} {}：本表按{}列示，但编码 {} 属于{}{}",
                    table.display(),
                    row_name(row),
                    scheme.name_zh(),
                    code,
                    code.scheme().name_zh(),
                    suggestion
                )
            } else {
                continue;
            };
            let mut finding = ctx.finding(message, None, vec![row_location(table, part, row)]);
            finding.actual = Some(code.to_string());
            out.push(finding);
        }
    }
}

/// Why a code is malformed, in Chinese (only the cases a `ClassCode` can reach are
/// worded specifically).
fn malformed_zh(why: &MalformedCode) -> String {
    match why {
        MalformedCode::ZeroPart { level } => format!("{}的两位编码为 00，没有科目使用", level.name_zh()),
        MalformedCode::TooDeep { scheme } => format!("{}只有类、款两级，没有 7 位的项", scheme.name_zh()),
        MalformedCode::BadLength { len } => format!("{len} 位数字；科目编码为 3 位（类）、5 位（款）或 7 位（项）"),
        MalformedCode::UnknownScheme { first } => format!("首位数字 {first} 不是 2、3 或 5"),
        other => other.to_string(),
    }
}
