use gongkai_model::Location;

use crate::context::{table_location, text_location};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A document names its level — 部门 (a department, with its units) or 单位
    /// (one unit) — the same way throughout each kind of title: every table
    /// title that opens with the level (`部门收支总表`, `单位收入总体情况表`) uses one
    /// word, and so does every explanation heading that names the level's
    /// budget or outturn (`…部门2024年预算情况说明`, `…单位预算`). Where both
    /// words stand in one kind of title, those in the minority are reported,
    /// with the word the rest use. The two kinds are judged apart: regional
    /// templates publish a 部门预算 whose tables are titled by 单位 (上海's
    /// 市级单位预算), and neither word is wrong by itself.
    ///
    /// ## Why it matters
    /// A title worded for the other level was copied from the other level's
    /// template (a unit's disclosure built on its department's, or the
    /// reverse); the reader cannot tell whether the table holds the unit's
    /// figures or the whole department's.
    ///
    /// ## Example
    /// Ten tables titled `单位…表` and one `部门支出总体情况表`: the last is reported,
    /// the other titles saying 单位.
    pub struct LevelWording {
        id: "K105", name: "level-wording", category: Consistency, severity: Warning,
        title_zh: "表名和标题中的“部门”“单位”用法一致",
        doc_zh: r#"
## 检查内容
文件在同一类标题中对其级次——部门（一个部门及其所属单位）或单位（一个单位）——的称
呼一致：凡以级次开头的表名（`部门收支总表`、`单位收入总体情况表`）用同一个词，凡说到
该级次预算或决算的情况说明标题（`…部门2024年预算情况说明`、`…单位预算`）也用同一个
词。同一类标题中两个词并存的，报告用得少的那些，并指出其余标题所用的词。两类标题分
开判断：有的地区模板在部门预算中以“单位”为表名（上海的市级单位预算），两个词本身都
不算错。

## 为何重要
用了另一级次措辞的标题，是从另一级次的模板抄来的（单位的公开文件套用了部门的模板，
或者相反）；读者无法判断表中是单位的数字还是整个部门的数字。

## 示例
十张表的表名为`单位…表`，一张为`部门支出总体情况表`：报告后者，并指出其余表名用的是
“单位”。
"#,
    }
}

/// The two words, in the order the messages name them.
const WORDS: [&str; 2] = ["部门", "单位"];

impl Rule for LevelWording {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let doc = ctx.doc;
        let tables: Vec<(usize, &str, Location)> = doc
            .tables
            .iter()
            .filter_map(|t| Some((table_word(&t.title)?, t.title.as_str(), table_location(t))))
            .collect();
        let headings: Vec<(usize, &str, Location)> = doc
            .all_sections()
            .into_iter()
            .filter_map(|s| {
                Some((heading_word(&s.heading.text)?, s.heading.text.as_str(), text_location(&s.heading.source)))
            })
            .collect();
        for (what, found) in [("表名", tables), ("情况说明标题", headings)] {
            let count = |w: usize| found.iter().filter(|(k, ..)| *k == w).count();
            let (parts, units) = (count(0), count(1));
            if parts == 0 || units == 0 || parts == units {
                continue;
            }
            let (major, minor) = if parts > units { (0, 1) } else { (1, 0) };
            for (_, title, location) in found.iter().filter(|(k, ..)| *k == minor) {
                let message = format!(
                    "{what}“{}”用的是“{}”，而其余 {} 个{what}都用“{}”：同一文件的{what}应当一致，请确认是否套用了另一级次的模板",
                    title.trim(),
                    WORDS[minor],
                    count(major),
                    WORDS[major]
                );
                let mut finding = ctx.finding(message, None, vec![location.clone()]);
                finding.expected = Some(WORDS[major].to_owned());
                finding.actual = Some(WORDS[minor].to_owned());
                out.push(finding);
            }
        }
    }
}

/// The level word a table title opens its name with, at its start or right
/// after its year (`部门收支总表`, `某局2026年单位收入总体情况表`; not the
/// `预算单位` of `预算单位基本支出表`): 0 for 部门, 1 for 单位.
fn table_word(title: &str) -> Option<usize> {
    const NEXT: [&str; 12] =
        ["收", "支", "财政", "一般", "政府", "国有", "项目", "基本", "预算", "决算", "综合", "“三公”"];
    let title = title.trim();
    let after_year = title.find('年').map_or(title, |i| {
        let rest = &title[i + '年'.len_utf8()..];
        rest.strip_prefix('度').unwrap_or(rest)
    });
    [title, after_year].into_iter().find_map(|t| {
        WORDS.iter().position(|w| t.strip_prefix(w).is_some_and(|rest| NEXT.iter().any(|n| rest.starts_with(n))))
    })
}

/// The level word a heading names a budget or an outturn with (`…部门2024年预算`,
/// `…单位预算情况说明`, `部门决算`).
fn heading_word(heading: &str) -> Option<usize> {
    first_word(heading, |rest| {
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
        let rest = rest.strip_prefix("年度").or_else(|| rest.strip_prefix('年')).unwrap_or(rest);
        let rest = rest.strip_prefix("综合").unwrap_or(rest);
        rest.starts_with("预算") || rest.starts_with("决算")
    })
}

fn first_word(text: &str, followed: impl Fn(&str) -> bool) -> Option<usize> {
    text.char_indices()
        .find_map(|(i, _)| WORDS.iter().position(|w| text[i..].starts_with(w) && followed(&text[i + w.len()..])))
}

#[cfg(test)]
mod tests {
    use super::{heading_word, table_word};

    #[test]
    fn the_level_a_title_names() {
        assert_eq!(table_word("单位收支总体情况表"), Some(1));
        assert_eq!(table_word("2026年部门财政拨款收支总表"), Some(0));
        assert_eq!(table_word("预算单位基本支出表"), None);
        assert_eq!(heading_word("三、关于某局单位2024年支出预算情况说明"), None);
        assert_eq!(heading_word("关于某局2024年部门预算情况说明"), Some(0));
        assert_eq!(heading_word("第三部分 2024 年单位预算情况说明"), Some(1));
        assert_eq!(heading_word("一、单位基本情况"), None);
    }
}
