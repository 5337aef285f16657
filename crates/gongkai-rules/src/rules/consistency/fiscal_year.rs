use gongkai_model::{Location, Provenance, Table, fold_width};

use crate::context::{table_location, text_location};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// Years that name the budget year in headings and titles — the table of
    /// contents, the explanation headings, the table titles and the
    /// performance-target titles (`关于…2024年收入预算情况说明`, `2024年部门预算公开表`)
    /// — equal the document's fiscal year. A year counts when `预算` (or `决算`)
    /// follows it in the same clause; dates (`2024年2月21日`), ranges
    /// (`2024年4月-2025年3月`), years inside a 文号's brackets and `上年` are ignored.
    ///
    /// ## Why it matters
    /// Headings are copied from last year's document; a stale year in a heading makes
    /// the reader wonder which year's figures the section holds.
    ///
    /// ## Example
    /// In a 2024 disclosure, the heading `三、关于奇台县社会保险管理局单位2023年支出预算
    /// 情况说明` is reported: it names 2023, not 2024.
    pub struct FiscalYear {
        id: "K102", name: "fiscal-year", category: Consistency, severity: Warning,
        title_zh: "标题和目录中的预算年度一致",
        doc_zh: r#"
## 检查内容
标题中指称预算年度的年份——目录、情况说明各部分标题、表名和绩效目标表标题
（`关于…2024年收入预算情况说明`、`2024年部门预算公开表`）——与本文件的预算年度一
致。年份之后在同一分句中出现“预算”（或“决算”）的，才算指称预算年度；日期
（`2024年2月21日`）、起止期间（`2024年4月-2025年3月`）、文号括号内的年份以及“上
年”不在检查之列。

## 为何重要
标题常从上年文件中照搬；标题中的年份没有更新，会让读者疑惑这一部分到底是哪一年的
数字。

## 示例
在2024年的公开文件中，标题`三、关于奇台县社会保险管理局单位2023年支出预算情况说
明`会被报告：它写的是2023年，而不是2024年。
"#,
    }
}

/// The years in `text` that name a budget year, each with its character offset.
pub(super) fn budget_years(text: &str) -> Vec<(u16, usize)> {
    // A year is followed by 年: a text without one names none.
    if !text.contains('年') {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().map(fold_width).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= chars.len() {
        let is_year = chars[i..i + 4].iter().all(char::is_ascii_digit)
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        if !is_year {
            i += 1;
            continue;
        }
        let year: String = chars[i..i + 4].iter().collect();
        let before = if i > 0 { Some(chars[i - 1]) } else { None };
        let mut j = i + 4;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        let ranged = matches!(before, Some('-' | '—' | '–' | '至' | '~' | '～' | '〔' | '[' | '【' | '(' | '（'));
        if ranged || chars.get(j) != Some(&'年') {
            i += 4;
            continue;
        }
        let mut k = j + 1;
        while k < chars.len() && chars[k] == ' ' {
            k += 1;
        }
        if chars.get(k).is_some_and(char::is_ascii_digit)
            || matches!(chars.get(k), Some('-' | '—' | '至' | '底' | '末'))
        {
            i = k;
            continue;
        }
        let clause: String = chars[k..].iter().take_while(|c| !"，。；：、,;:".contains(**c)).take(30).collect();
        if (clause.contains("预算") || clause.contains("决算"))
            && let Ok(y) = year.parse::<u16>()
        {
            out.push((y, i));
        }
        i = k;
    }
    out
}

/// Where a title stands: a line of text, or a table's title line.
#[derive(Clone, Copy)]
enum Place<'a> {
    Text(&'a Provenance),
    Table(&'a Table),
}

impl Place<'_> {
    fn location(self) -> Location {
        match self {
            Place::Text(source) => text_location(source),
            Place::Table(table) => table_location(table),
        }
    }
}

impl Rule for FiscalYear {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let doc = ctx.doc;
        let Some(fiscal) = doc.meta.fiscal_year else { return };
        // Titles and headings with where they stand; a location is built only
        // for a finding.
        let mut texts: Vec<(&str, Place<'_>, &str)> = Vec::new();
        for e in &doc.contents {
            texts.push((&e.title, Place::Text(&e.source), "目录"));
        }
        for s in doc.all_sections() {
            texts.push((&s.heading.text, Place::Text(&s.heading.source), "标题"));
        }
        for t in &doc.tables {
            texts.push((&t.title, Place::Table(t), "表名"));
        }
        for t in &doc.performance_targets {
            texts.push((&t.title.text, Place::Text(&t.title.source), "绩效目标表标题"));
        }
        for (text, at, what) in texts {
            for (year, _) in budget_years(text) {
                if year == fiscal {
                    continue;
                }
                let message =
                    format!("{}“{}”写的是 {} 年，与本文件的预算年度 {} 年不一致", what, text.trim(), year, fiscal);
                let mut finding = ctx.finding(message, None, vec![at.location()]);
                finding.expected = Some(fiscal.to_string());
                finding.actual = Some(year.to_string());
                out.push(finding);
            }
        }
    }
}
