use std::collections::BTreeMap;

use gongkai_model::{Location, fold_width};

use crate::context::{table_location, text_location};
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The unit is named the same way throughout: the 编制单位 of every table, the
    /// unit named in the performance-target tables, and the unit names inside the
    /// profile and the explanation (headings, paragraphs) are compared with the name
    /// on the cover. A trailing `单位` / `（单位）`, a scope (`（本级）`, `（汇总）`) and
    /// blanks are ignored. In the text a name is recognised by the cover name's
    /// beginning (region and the first words of the name) followed by an
    /// organisation ending (局, 中心, 所, 站 …); names of subordinate units listed in
    /// the profile or printed as rows of a table by unit are not variants. Each distinct
    /// variant is reported once, with every place it occurs.
    ///
    /// ## Why it matters
    /// A disclosure is published by one legal unit. A second name — often the unit's
    /// other plate (挂牌) or a name from before a reorganisation — leaves the reader
    /// unsure whose budget and whose targets these are, and performance targets filed
    /// under another unit's name may not be the ones approved for this budget.
    ///
    /// ## Example
    /// The cover names `奇台县社会保险管理局`, while the profile (`奇台县社会保险中心负责…`),
    /// the project section (`项目承担单位：奇台县社会保险中心`) and both target tables
    /// name `奇台县社会保险中心`: reported once, with the four places.
    pub struct UnitName {
        id: "K101", name: "unit-name", category: Consistency, severity: Warning,
        title_zh: "单位名称全文一致",
        doc_zh: r#"
## 检查内容
单位名称全文写法一致：每张表的编制单位、绩效目标表中所写的单位，以及概况和情况说
明（标题、段落）中出现的单位名称，都与封面上的单位名称比较。末尾的“单位”或“（单
位）”、范围说明（`（本级）`、`（汇总）`）和空格不计。正文中的单位名称按封面名称
的开头（地区及名称的前几个字）加机构名称的结尾（局、中心、所、站……）识别；概况中
列出的下属单位，以及按单位分列的表中作为行列示的单位，其名称不算另一种写法。每种
不同写法只报告一次，并列出其出现的所有位置。

## 为何重要
一份公开文件由一个法人单位发布。出现第二个名称——往往是单位挂牌的另一块牌子，或机
构改革前的旧名称——会让读者弄不清这是谁的预算、谁的绩效目标；以其他单位名称填报的
绩效目标，也可能并不是为本预算批复的目标。

## 示例
封面为`奇台县社会保险管理局`，而概况（`奇台县社会保险中心负责…`）、项目情况（`项
目承担单位：奇台县社会保险中心`）和两张绩效目标表都写作`奇台县社会保险中心`：报
告一次，列出这四处位置。
"#,
    }
}

/// A unit name without blanks, quotes and a trailing `单位` / `（单位）`, or a
/// scope in brackets (`（本级）`, `（汇总）`: the same unit).
fn normalise(name: &str) -> String {
    let mut n: String = name.chars().map(fold_width).filter(|c| !c.is_whitespace()).collect();
    loop {
        let before = n.len();
        for suffix in ["(单位)", "单位", "(本级)", "(汇总)", "(本部)"] {
            if let Some(s) = n.strip_suffix(suffix) {
                n = s.to_owned();
            }
        }
        if n.len() == before {
            return n;
        }
    }
}

const ENDINGS: [&str; 13] = ["委员会", "办公室", "中心", "局", "所", "站", "院", "队", "厅", "馆", "处", "委", "办"];

/// Words that begin with an organisation ending (`委员`, `所属`, `处理` …): the
/// ending character there is no end of a name.
const NOT_ENDINGS: [[char; 2]; 16] = [
    ['委', '员'],
    ['委', '托'],
    ['所', '属'],
    ['所', '有'],
    ['所', '需'],
    ['所', '在'],
    ['所', '得'],
    ['处', '理'],
    ['处', '置'],
    ['局', '面'],
    ['站', '点'],
    ['院', '校'],
    ['办', '理'],
    ['办', '法'],
    ['办', '公'],
    ['队', '伍'],
];

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Names in `text` that begin like `cover` (its first `prefix` characters) and end
/// like an organisation, other than the cover name itself.
fn variants_in(text: &str, cover: &[char], prefix: usize) -> Vec<String> {
    // Most texts do not contain the cover's first character at all. Only an ASCII
    // character has other printings (full-width) that fold to it.
    if let Some(&first) = cover.first()
        && !first.is_ascii()
        && !text.contains(first)
    {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().map(fold_width).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + prefix <= chars.len() {
        if chars[i..i + prefix] != cover[..prefix] {
            i += 1;
            continue;
        }
        if chars.len() >= i + cover.len() && chars[i..i + cover.len()] == *cover {
            i += cover.len();
            continue;
        }
        let mut found = None;
        let limit = (i + cover.len() + 4).min(chars.len());
        for j in i + prefix + 1..=limit {
            if !is_cjk(chars[j - 1]) {
                break;
            }
            let name: String = chars[i..j].iter().collect();
            // An ending that begins a word with the next character is no
            // ending (`…专家委员交流`, `…所属`, `…处理`).
            let word_goes_on = chars.get(j).is_some_and(|&next| NOT_ENDINGS.contains(&[chars[j - 1], next]));
            if j >= i + prefix + 2 && ENDINGS.iter().any(|e| name.ends_with(e)) && !word_goes_on {
                found = Some((name, j));
                break;
            }
        }
        // A name in brackets right after another organisation's name is that
        // organisation's other name (`某市水利局（某市海事局）` in a
        // subordinate centre's profile), not this unit's.
        let aliases_another = i > 0 && matches!(chars[i - 1], '(' | '（') && {
            let before: String = chars[..i - 1].iter().collect();
            ENDINGS.iter().any(|e| before.ends_with(e)) && !before.ends_with(&cover.iter().collect::<String>())
        };
        match found {
            Some((_, j)) if aliases_another => i = j,
            Some((name, j)) => {
                out.push(name);
                i = j;
            }
            None => i += 1,
        }
    }
    out
}

impl Rule for UnitName {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let doc = ctx.doc;
        let Some(cover_ref) = &doc.meta.unit_name else { return };
        let cover = normalise(&cover_ref.text);
        if cover.chars().count() < 4 {
            return;
        }
        // Other units of the department: those the profile lists, and those the
        // tables name as rows (a table by unit prints each unit's name and
        // figures): a unit the document itself lists is not a second name.
        let mut subordinate: Vec<String> = doc.profile.subordinate_units.names.iter().map(|n| normalise(n)).collect();
        subordinate.extend(
            doc.tables
                .iter()
                .flat_map(|t| &t.parts)
                .flat_map(|p| &p.rows)
                .filter(|r| r.code.is_none() && ENDINGS.iter().any(|e| r.label.trim_end().ends_with(e)))
                .map(|r| normalise(&r.label)),
        );
        // variant → places, in document order.
        let mut variants: BTreeMap<String, Vec<Location>> = BTreeMap::new();
        let mut note = |name: &str, at: Location| {
            let n = normalise(name);
            if n.is_empty() || n == cover || subordinate.contains(&n) {
                return;
            }
            let places = variants.entry(n).or_default();
            if !places.contains(&at) {
                places.push(at);
            }
        };
        for table in &doc.tables {
            if let Some(by) = &table.compiled_by {
                note(by, table_location(table));
            }
        }
        for t in &doc.performance_targets {
            if let Some(unit) = &t.unit_name {
                note(unit, text_location(&t.title.source));
            }
        }
        // Names inside the prose.
        let cover_chars: Vec<char> = cover.chars().collect();
        let county =
            doc.meta.region.county.as_deref().filter(|c| cover.starts_with(*c)).map_or(0, |c| c.chars().count());
        let prefix = (county + 2).max(4).min(cover_chars.len());
        for text in ctx.prose() {
            if std::ptr::eq(*text, cover_ref) {
                continue;
            }
            for name in variants_in(&text.text, &cover_chars, prefix) {
                note(&name, text_location(&text.source));
            }
        }
        for (variant, mut places) in variants {
            places.sort();
            let lines: Vec<String> = places.iter().map(|l| l.at.line.to_string()).collect();
            let message = format!(
                "单位名称不一致：封面为“{}”，但有 {} 处写作“{}”（第{}行）",
                cover_ref.text.trim(),
                places.len(),
                variant,
                lines.join("、")
            );
            places.push(text_location(&cover_ref.source));
            let mut finding = ctx.finding(message, None, places);
            finding.expected = Some(cover.clone());
            finding.actual = Some(variant);
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::variants_in;

    fn variants(text: &str, cover: &str) -> Vec<String> {
        let cover: Vec<char> = cover.chars().collect();
        variants_in(text, &cover, 4)
    }

    #[test]
    fn an_ending_that_begins_a_word_ends_no_name() {
        assert_eq!(variants("促进某市交通治理专家委员交流", "某市交通运输局"), Vec::<String>::new());
        assert_eq!(variants("某市交通运输委员会负责", "某市交通运输局"), ["某市交通运输委员会"]);
        assert_eq!(variants("某市交通运输办公室", "某市交通运输局"), ["某市交通运输办公室"]);
        assert_eq!(variants("奇台县社会保险中心负责", "奇台县社会保险管理局"), ["奇台县社会保险中心"]);
        // Another organisation's other name, in brackets after it, is not this unit's …
        assert_eq!(variants("承办某市水利局（某市海洋局）交办的事项", "某市海洋监测中心"), Vec::<String>::new());
        // … but this unit's own other plate is.
        assert_eq!(
            variants("奇台县社会保险管理局（奇台县社会保险中心）", "奇台县社会保险管理局"),
            ["奇台县社会保险中心"]
        );
    }
}
