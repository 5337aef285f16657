use gongkai_model::{DocumentKind, TextRef};

use super::fiscal_year::budget_years;
use crate::context::text_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The years the explanation's sentences name fit the document's year Y:
    /// - a year-on-year comparison (`比2023年预算增加…`, `较2023年…`, `与2023年相比`;
    ///   `与` and `同` only with `相比`) names the year before, Y − 1 (in a 决算 also
    ///   Y itself: the outturn against the year's own 年初预算; in a budget also
    ///   Y − 2's 决算, the latest published when the budget was drafted);
    /// - no sentence gives a budget or outturn of a year still to come (in a
    ///   budget a year after Y, in a 决算 one after Y + 1, the year it is
    ///   published in) — the year followed, in its clause, by 预算 or 决算.
    ///
    /// Dates, ranges (`2024年4月-2025年3月`), a 文号's bracketed year and earlier
    /// years stated for what they are (`2022年及以往`) are not comparisons and
    /// are not read. Headings and titles are K102's.
    ///
    /// ## Why it matters
    /// The explanation is written on last year's text; a year left over from it
    /// makes the sentence compare with the wrong year or state a budget that
    /// cannot exist yet, and the reader cannot tell which figure is meant.
    ///
    /// ## Example
    /// In a 2024 budget, `基本支出927.93万元，比2022年预算增加414.95万元`: the
    /// comparison names 2022, where the year before is 2023.
    pub struct StrayYear {
        id: "K104", name: "stray-year", category: Consistency, severity: Warning,
        title_zh: "说明中比较的年份和提到的预算年份与本文件年度相符",
        doc_zh: r#"
## 检查内容
情况说明各句中写的年份与本文件的年度 Y 相符：
- 与上年的比较（`比2023年预算增加…`、`较2023年…`、`与2023年相比`；“与”“同”须配
  “相比”）写的是上一年 Y − 1（决算中也可以是 Y 本身：决算数与当年年初预算相比；预算
  中也可以是 Y − 2 年的决算，即编制预算时已公布的最近一年决算）；
- 没有哪一句写出尚未到来的年度的预算或决算（预算中晚于 Y 的年份，决算中晚于其公
  开当年 Y + 1 的年份）——即年份后面在同一分句中跟着“预算”或“决算”。

日期、起止期间（`2024年4月-2025年3月`）、文号括号中的年份，以及说明所指的以往年
度（`2022年及以往`）不是比较，不读取。标题和表名由 K102 检查。

## 为何重要
情况说明往往在上年的文字上修改；遗留的年份会让句子与错误的年度比较，或写出一个还
不可能存在的预算，读者无法判断说的是哪个数字。

## 示例
2024 年预算中的 `基本支出927.93万元，比2022年预算增加414.95万元`：比较的年份是
2022 年，而上一年应是 2023 年。
"#,
    }
}

impl Rule for StrayYear {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let doc = ctx.doc;
        let Some(year) = doc.meta.fiscal_year else { return };
        let is_final = doc.meta.kind == DocumentKind::FinalAccounts;
        let kind = if is_final { "决算" } else { "预算" };
        for text in doc.all_sections().into_iter().flat_map(|s| &s.paragraphs) {
            for (compared, at, outturn) in comparison_years(&text.text) {
                // A budget may also compare with the latest 决算 published when it
                // was drafted, the year before last's.
                if compared + 1 == year
                    || (is_final && compared == year)
                    || (!is_final && outturn && compared + 2 == year)
                {
                    continue;
                }
                let message = format!(
                    "“{}”与 {compared} 年比较：本文件是 {year} 年{kind}，与上年比较应为 {} 年",
                    excerpt(text, at),
                    year - 1
                );
                push(ctx, out, text, at, message, year - 1, compared);
            }
            let latest = if is_final { year + 1 } else { year };
            for (named, at) in budget_years(&text.text) {
                if named <= latest {
                    continue;
                }
                let message = format!(
                    "“{}”写的是 {named} 年的预算或决算：本文件是 {year} 年{kind}，{named} 年尚未到来，年份可能有误",
                    excerpt(text, at)
                );
                push(ctx, out, text, at, message, year, named);
            }
        }
    }
}

fn push(ctx: &Context<'_>, out: &mut Findings, text: &TextRef, at: usize, message: String, expected: u16, actual: u16) {
    let mut finding = ctx.finding(message, None, vec![text_location(&text.locate(at, 5))]);
    finding.expected = Some(expected.to_string());
    finding.actual = Some(actual.to_string());
    out.push(finding);
}

/// The years a comparison names (`比2023年`, `较2023年度`, `与2023年相比`), with
/// the character offset of each year and whether it compares with that
/// year's 决算. `与` and `同` (and `和`) compare only with a `相比` in the same
/// clause (`参与2023年度…` is no comparison).
fn comparison_years(text: &str) -> Vec<(u16, usize, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if !matches!(c, '比' | '较' | '与' | '同' | '和') {
            continue;
        }
        let digits = &chars[i + 1..(i + 5).min(chars.len())];
        if digits.len() != 4 || !digits.iter().all(char::is_ascii_digit) || chars.get(i + 5) != Some(&'年') {
            continue;
        }
        let clause: String = chars[i + 6..].iter().take_while(|c| !"，。；,;".contains(**c)).collect();
        if matches!(c, '与' | '同' | '和') && !clause.contains("相比") {
            continue;
        }
        if let Ok(y) = digits.iter().collect::<String>().parse::<u16>() {
            out.push((y, i + 1, clause.contains("决算")));
        }
    }
    out
}

/// The words around offset `at`, for the message.
fn excerpt(text: &TextRef, at: usize) -> String {
    text.text.chars().skip(at.saturating_sub(12)).take(30).collect::<String>().trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::comparison_years;

    #[test]
    fn the_years_comparisons_name() {
        assert_eq!(comparison_years("927.93万元，比2022年预算增加414.95万元"), [(2022, 10, false)]);
        assert_eq!(comparison_years("与2023年相比，较2023年度增加"), [(2023, 1, false), (2023, 10, false)]);
        assert_eq!(comparison_years("比2024年决算数增加5.00万元"), [(2024, 1, true)]);
        // A year not compared with, a comparison without a year.
        assert!(comparison_years("2023年预算数，比上年增加，〔2024〕3号").is_empty());
        assert!(comparison_years("本单位参与2023年度专项审计，同2022年签订的合同").is_empty());
    }
}
