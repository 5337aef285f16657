use std::collections::BTreeMap;

use gongkai_model::{Disclosure, Location, Severity, TextRef};

use crate::context::text_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// No placeholder of the template is left in the document: a run of two or
    /// more `X` (or `Ｘ`, `×`) — `上海市XX局`, `XXX万元`, `增长XX%`, `20XX年`,
    /// `主要原因：XXXXXXXX` — or a single `X` standing for a number before a unit of
    /// time or count (年 月 日 个 项 人 辆 台 套 次 家 名 期 批: `X月`, `X辆`); an `X` in a
    /// word of Latin letters (`XML`) or naming a thing (`X射线`) is none. The unit's name, the headings,
    /// the paragraphs, the table titles and the tables' 编制单位 are read. Each
    /// placeholder is reported once, with every place it stands. So is a note of
    /// the template to whoever fills it in, left in brackets (`（此处填写主要职能）`,
    /// `（如持平作持平表述）`, `（不涉及的不列）`): a short bracketed text telling the
    /// writer to write, fill in, list or leave out something (填写, 填列, 填报,
    /// 列示, 表述, 不列, 删除), addressed to the writer by a place or a condition
    /// (此处, 如, 若, 请, 不涉及, 根据实际, 按实际). A note is a warning, not an
    /// error: it is read by its words, and a document's own aside may read like one.
    ///
    /// ## Why it matters
    /// A disclosure drafted on the template and published with a placeholder
    /// left in it states nothing where a figure or a name was due, and shows the
    /// draft was not read through. A blank template itself is reported the same
    /// way: every placeholder is a blank still to fill.
    ///
    /// ## Example
    /// `2024年度收入支出总计XXX万元。与2023年度相比，收入支出总计增加（减少）XXX万元`
    /// leaves the totals unstated: `XXX` is reported, with both places.
    pub struct TemplatePlaceholders {
        id: "C107", name: "template-placeholders", category: Completeness, severity: Error,
        title_zh: "文中没有遗留模板占位符（XX局、XXX万元、20XX年、X月）",
        doc_zh: r#"
## 检查内容
文件中没有遗留模板的占位符：两个或更多连续的 `X`（或 `Ｘ`、`×`）——
`上海市XX局`、`XXX万元`、`增长XX%`、`20XX年`、`主要原因：XXXXXXXX`——或在时间、
数量单位（年、月、日、个、项、人、辆、台、套、次、家、名、期、批）前代替数字的单个 `X`
（`X月`、`X辆`）；拉丁字母单词中的 `X`（`XML`）或表示事物的 `X`（`X射线`）不算。读取的范围包括单位名
称、各级标题、正文段落、表格标题和各表的编制单位。每个占位符报告一次，列出它出现
的所有位置。留在括号中的模板填写说明（`（此处填写主要职能）`、`（如持平作持平表述）`、
`（不涉及的不列）`）同样报告：括号中的短句要求填写人写明、填写、列出或删去某些内容
（填写、填列、填报、列示、表述、不列、删除），并以位置或条件指向填写人（此处、如、
若、请、不涉及、根据实际、按实际）。填写说明报告为警告而不是错误：它是按字词认出的，
文件自己的括注也可能读起来像填写说明。

## 为何重要
按模板起草、发布时仍留有占位符的公开文件，在本应填写数字或名称的地方什么也没有
说，也说明草稿没有通读过。空白模板本身也照样报告：每个占位符都是一处有待填写的空
白。

## 示例
`2024年度收入支出总计XXX万元。与2023年度相比，收入支出总计增加（减少）XXX万元` 没
有写明总计：报告 `XXX`，列出这两处位置。
"#,
    }
}

impl Rule for TemplatePlaceholders {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let mut found: BTreeMap<String, (String, Vec<Location>)> = BTreeMap::new();
        for text in texts(ctx.doc) {
            for (placeholder, example, at) in placeholders(&text.text) {
                let len = placeholder.chars().count();
                let entry = found.entry(placeholder).or_insert_with(|| (example, Vec::new()));
                let location = text_location(&text.locate(at, len));
                if !entry.1.contains(&location) {
                    entry.1.push(location);
                }
            }
        }
        for (placeholder, (example, locations)) in found {
            let message = format!(
                "文中留有模板占位符“{placeholder}”，共 {} 处（如“{example}”）：应填写实际内容",
                locations.len()
            );
            out.push(ctx.finding(message, None, locations));
        }
        let mut notes: BTreeMap<String, Vec<Location>> = BTreeMap::new();
        for text in texts(ctx.doc) {
            for (note, at) in instructions(&text.text) {
                let len = note.chars().count();
                let locations = notes.entry(note).or_default();
                let location = text_location(&text.locate(at, len));
                if !locations.contains(&location) {
                    locations.push(location);
                }
            }
        }
        for (note, locations) in notes {
            let message =
                format!("文中留有模板的填写说明“{note}”，共 {} 处：应按说明写好正文后删去这句说明", locations.len());
            // A warning: a placeholder `XX` is nothing but a blank, while a
            // bracketed note is read by its words, and a document's own aside may
            // read like one.
            out.push_with(ctx.finding(message, None, locations), Severity::Warning);
        }
    }
}

/// The template's notes to whoever fills it in, left in brackets
/// (`（此处填写主要职能）`, `（如持平作持平表述）`, `（不涉及的不列）`): a short
/// bracketed text that tells the writer what to write, fill in, list or leave
/// out — a verb of filling in, under a condition or a place addressed to the
/// writer (此处, 如, 若, 请, 不涉及, 根据实际, 按实际).
fn instructions(text: &str) -> Vec<(String, usize)> {
    const VERBS: [&str; 8] = ["填写", "填列", "填报", "列示", "表述", "不列", "删除", "说明情况"];
    const ADDRESSED: [&str; 7] = ["此处", "如", "若", "请", "不涉及", "根据实际", "按实际"];
    const MAX_CHARS: usize = 40;
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let close = match chars[i] {
            '（' => '）',
            '(' => ')',
            _ => {
                i += 1;
                continue;
            }
        };
        let Some(len) = chars[i + 1..].iter().take(MAX_CHARS + 1).position(|&c| c == close) else {
            i += 1;
            continue;
        };
        let inner: String = chars[i + 1..i + 1 + len].iter().collect();
        if VERBS.iter().any(|v| inner.contains(v))
            && ADDRESSED.iter().any(|a| inner.starts_with(a) || inner.contains(&format!("{a}的")))
        {
            out.push((chars[i..i + len + 2].iter().collect(), i));
        }
        i += len + 2;
    }
    out
}

/// Every text the rule reads: the prose, the tables' titles and 编制单位.
fn texts(doc: &Disclosure) -> Vec<TextRef> {
    let mut out: Vec<TextRef> = doc.prose().into_iter().cloned().collect();
    for table in &doc.tables {
        out.push(TextRef { text: table.title.clone(), source: table.source.clone(), lines: Vec::new() });
        if let Some(by) = &table.compiled_by {
            out.push(TextRef { text: by.clone(), source: table.source.clone(), lines: Vec::new() });
        }
    }
    out
}

/// Whether a document is a blank template: its unit named by a placeholder
/// (`上海市XX局`) and no amount in any table. Its tables are empty by design.
pub fn is_blank_template(doc: &Disclosure) -> bool {
    doc.meta.unit_name.as_ref().is_some_and(|n| !placeholders(&n.text).is_empty())
        && doc.tables.iter().all(gongkai_model::Table::has_no_amounts)
}

/// The placeholders of a text, each with a few characters around it to show
/// where it stands, and its character offset.
fn placeholders(text: &str) -> Vec<(String, String, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let is_x = |c: char| matches!(c, 'X' | 'Ｘ' | '×');
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_x(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_x(chars[i]) {
            i += 1;
        }
        // A year's last digits (`20XX`) belong to the placeholder.
        let mut from = start;
        while from > 0 && chars[from - 1].is_ascii_digit() && start - from < 2 {
            from -= 1;
        }
        let run = i - start;
        let next = chars.get(i).copied();
        let before = start.checked_sub(1).map(|k| chars[k]);
        // Not part of a word in Latin letters (`XML`, `Xeon`), and one `X` only
        // where a number is due (`X月`, not `X射线`, `X光机`).
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        let single_ok = next.is_some_and(|c| "年月日个项人辆台套次家名期批".contains(c));
        if latin(before) || latin(next) || (run < 2 && !single_ok) {
            continue;
        }
        let placeholder: String = chars[from..i].iter().collect();
        let lo = from.saturating_sub(6);
        let hi = (i + 4).min(chars.len());
        let example: String = chars[lo..hi].iter().collect::<String>().trim().to_owned();
        out.push((placeholder, example, from));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    fn found(text: &str) -> Vec<String> {
        placeholders(text).into_iter().map(|(p, ..)| p).collect()
    }

    #[test]
    fn placeholders_of_the_template() {
        assert_eq!(found("上海市XX局2024年度部门决算"), ["XX"]);
        assert_eq!(found("收入支出总计XXX万元，增长XX%。"), ["XXX", "XX"]);
        assert_eq!(found("20XX年X月"), ["20XX", "X"]);
        assert_eq!(found("××局"), ["××"]);
    }

    #[test]
    fn notes_to_whoever_fills_the_template_in() {
        use super::instructions;
        let notes = |t: &str| instructions(t).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        assert_eq!(notes("增长（下降）XX%。主要原因：XXXXXXXX。（如持平作持平表述）"), ["（如持平作持平表述）"]);
        assert_eq!(notes("教育支出（类）XXX万元……（不涉及的不列）"), ["（不涉及的不列）"]);
        assert_eq!(instructions("一、主要职能(此处填写本单位主要职能)"), [("(此处填写本单位主要职能)".to_owned(), 6)]);
        // Brackets of a real document: a direction word, an exclusion, a reference.
        assert!(instructions("收入支出预算增加（减少）5.00万元（不含上年结转）（详见附表）").is_empty());
        assert!(instructions("（如有变动，以财政批复为准）").is_empty());
    }

    #[test]
    fn letters_that_are_no_placeholder() {
        assert!(found("超高端X射线体层摄影设备（CT）").is_empty());
        assert!(found("移动式C型臂X光机购置").is_empty());
        assert!(found("XML格式的XXL文件").is_empty());
        assert!(found("1.5TMRI").is_empty());
    }
}
