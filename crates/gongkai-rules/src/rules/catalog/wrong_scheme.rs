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
