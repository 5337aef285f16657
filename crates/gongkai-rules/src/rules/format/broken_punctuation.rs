use gongkai_model::{Disclosure, Section, TextRef};

use crate::context::text_location;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// The punctuation of the explanation text and the unit profile is whole:
    /// - no two sentence marks in a row (`增加144.81%，。`, `人数800人，；`): one
    ///   of them is left over from an edit;
    /// - no lead-in left empty (`主要原因是。`, `主要用于：；`): the reason or use
    ///   the sentence announces was never written (a lead-in ending its
    ///   paragraph, `具体包括：`, introduces the lines that follow and is fine);
    /// - no sentence of the explanation left unfinished: a paragraph ending on a
    ///   comma or a 、, or on a lead-in with nothing after it (`…主要原因是`), and a
    ///   section ending on a reason's lead-in and colon (`主要原因是：`, nothing
    ///   after it in the section) — a sentence broken at a line's or a page's end
    ///   is joined to its next line by the reader, so what ends so was cut short;
    /// - paired marks balanced within a section of the explanation (its heading
    ///   and paragraphs read as one text, so that a bracket opened before a line
    ///   or page break and closed after it counts as closed): `（…）` (either
    ///   width), `【…】`, `《…》`, `“…”`. A closing mark with no opening one
    ///   before it, and an opening one never closed, are reported. Straight
    ///   quotes (`"`) are not read: they open and close alike. The unit profile
    ///   is not checked for pairs: the reader cuts it by item, and a bracket may
    ///   open in one item and close in the next.
    ///
    /// Three alike marks or more (`。。。`) stand for an ellipsis or a blank to
    /// fill in, not for a mark left over.
    ///
    /// ## Why it matters
    /// Reviewers return these to the department as a matter of course: a
    /// published explanation with a reason left blank or a stray bracket reads as
    /// a draft, and a reason announced but not given is missing information.
    ///
    /// ## Example
    /// `因公出国（境）费24万元，比上年增加0万元，增长0%，主要原因是与上年持平，无增减
    /// 变化）；` has a `）` that no `（` opens: reported, with the words around it.
    pub struct BrokenPunctuation {
        id: "F104", name: "broken-punctuation", category: Format, severity: Warning,
        title_zh: "标点完整：不连用句读标点，引导语后有内容，括号、引号、书名号成对",
        doc_zh: r#"
## 检查内容
情况说明和单位概况的标点完整：
- 不连用两个句读标点（`增加144.81%，。`、`人数800人，；`）：其中一个是修改时留下的；
- 引导语后不空着（`主要原因是。`、`主要用于：；`）：句子引出的原因或用途没有写出
  （段末的引导语，如`具体包括：`，引出下面各行，不算）；
- 情况说明的句子写完整：段落不以逗号、顿号结束，也不以后面什么都没有的引导语结束
  （`…主要原因是`）；一部分的最后一段不以原因的引导语加冒号结束（`主要原因是：`，
  该部分后面再无内容）——在行末或页末断开的句子，读取时已与下一行连起来，这样结束的
  段落是被标题或表格截断了；
- 成对的标点在情况说明的同一部分内配对（该部分的标题和各段连起来读，换行或换页前
  开、之后闭的括号算作已闭合）：`（…）`（全角半角均可）、`【…】`、`《…》`、`“…”`。
  前面没有左半的右半、始终没有右半的左半，都予以报告。直引号（`"`）开闭同形，不检查。
  单位概况不检查配对：读取时按条目切分，括号可能在一条中开、在下一条中闭。

三个以上相同的标点连写（`。。。`）表示省略或模板中待填的空白，不算多余的标点。

## 为何重要
审核人员照例把这类问题退回部门：公开的说明里原因空着或多出半个括号，读起来像草稿；
写了“主要原因是”却没有原因，是缺了应有的内容。

## 示例
`因公出国（境）费24万元，比上年增加0万元，增长0%，主要原因是与上年持平，无增减
变化）；`中的`）`前面没有对应的`（`：予以报告，并引出其前后的文字。
"#,
    }
}

/// Sentence marks that end or split a sentence (two in a row are one too many),
/// strongest first.
const SENTENCE_MARKS: [char; 6] = ['。', '！', '？', '；', '，', '、'];

/// Words that announce what follows (a reason, a use, a list).
const LEAD_INS: [&str; 7] = ["原因是", "原因为", "主要用于", "用于", "包括", "主要有", "具体如下"];

/// Paired marks: opening, closing. `（` and `(` are one pair (mixed widths are
/// common and no fault of balance).
const PAIRS: [(char, char); 4] = [('（', '）'), ('【', '】'), ('《', '》'), ('“', '”')];

impl Rule for BrokenPunctuation {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for text in ctx.doc.prose() {
            for (at, what) in doubled_marks(&text.text).into_iter().chain(empty_lead_ins(&text.text)) {
                let message = format!("{what}：“{}”", excerpt(&text.text, at));
                out.push(ctx.finding(message, None, vec![text_location(&text.locate(at, 1))]));
            }
        }
        for (text, at, what) in unfinished(ctx.doc) {
            let message = format!("{what}：“{}”", excerpt(&text.text, at));
            out.push(ctx.finding(message, None, vec![text_location(&text.locate(at, 1))]));
        }
        for group in balance_groups(ctx.doc) {
            for (text, at, what) in unbalanced(&group) {
                let message = format!("{what}：“{}”", excerpt(&text.text, at));
                out.push(ctx.finding(message, None, vec![text_location(&text.locate(at, 1))]));
            }
        }
    }
}

/// Two sentence marks in a row, by character index, with what is wrong.
fn doubled_marks(text: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for i in 1..chars.len() {
        let (a, b) = (chars[i - 1], chars[i]);
        // (Three alike or more, `。。。`, stand for an ellipsis or a template's
        // blank to fill in: no mark left over from an edit.)
        let run = |k: usize| chars.get(k).is_some_and(|c| *c == a);
        if a == b && ((i >= 2 && run(i - 2)) || run(i + 1)) {
            continue;
        }
        if SENTENCE_MARKS.contains(&a) && SENTENCE_MARKS.contains(&b) {
            // The stronger mark stays (`，。` keeps the full stop).
            let rank = |c: char| SENTENCE_MARKS.iter().position(|m| *m == c).map_or(0, |p| usize::MAX - p);
            let drop = if rank(a) >= rank(b) { b } else { a };
            out.push((i, format!("连用了两个标点“{a}{b}”，应删去多余的“{drop}”")));
        }
    }
    out
}

/// A lead-in followed by nothing but a mark that ends the sentence.
fn empty_lead_ins(text: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for word in LEAD_INS {
        let w: Vec<char> = word.chars().collect();
        for i in 0..chars.len().saturating_sub(w.len() - 1) {
            if chars[i..i + w.len()] != w[..] {
                continue;
            }
            let mut j = i + w.len();
            if matches!(chars.get(j), Some('：' | ':')) {
                j += 1;
            }
            // (`用于` inside `主要用于` is the same lead-in: reported once.)
            let inside_longer = word == "用于" && i >= 2 && chars[i - 2..i] == ['主', '要'];
            if matches!(chars.get(j), Some('。' | '；' | ';')) && !inside_longer {
                out.push((j, format!("“{word}”之后没有内容，句子就结束了")));
            }
        }
    }
    out
}

/// The explanation's sentences left unfinished: a paragraph ending on a comma
/// or a 、, or on a lead-in with nothing after it (`…主要原因是`), and a
/// section whose last paragraph ends on a reason's lead-in and its colon
/// (`…主要原因是：` and the section ends). (The reader joins a sentence broken
/// at a line's or a page's end to its next line, so a paragraph ending this
/// way is one a heading or a table cut short.)
fn unfinished(doc: &Disclosure) -> Vec<(&TextRef, usize, String)> {
    let mut out = Vec::new();
    for section in doc.all_sections() {
        for (k, text) in section.paragraphs.iter().enumerate() {
            let trimmed = text.text.trim_end();
            let Some(last) = trimmed.chars().last() else { continue };
            let at = trimmed.chars().count() - 1;
            if matches!(last, '，' | ',' | '、') {
                out.push((text, at, format!("句子没有写完，段落以“{last}”结束")));
            } else if let Some(word) = LEAD_INS.iter().find(|w| trimmed.ends_with(*w)) {
                out.push((text, at, format!("“{word}”之后没有内容，段落就结束了")));
            } else if k + 1 == section.paragraphs.len()
                && section.subsections.is_empty()
                && let Some(word) = ["原因是", "原因为", "原因"]
                    .iter()
                    .find(|w| trimmed.strip_suffix(['：', ':']).is_some_and(|t| t.ends_with(*w)))
            {
                out.push((text, at, format!("“{word}：”之后没有内容，这一部分就结束了")));
            }
        }
    }
    out
}

/// The texts whose paired marks must balance together: each section's heading
/// and paragraphs (its subsections their own). (The unit profile's texts are
/// cut by item — its duties, offices, staffing — wherever the reader found one,
/// and a bracket may open in one and close in another, or in a heading the
/// model does not keep: they are not checked for pairs.)
fn balance_groups(doc: &Disclosure) -> Vec<Vec<&TextRef>> {
    fn of_section<'a>(s: &'a Section, out: &mut Vec<Vec<&'a TextRef>>) {
        let mut group = vec![&s.heading];
        group.extend(s.paragraphs.iter());
        out.push(group);
        for sub in &s.subsections {
            of_section(sub, out);
        }
    }
    let mut out = Vec::new();
    for s in &doc.sections {
        of_section(s, &mut out);
    }
    out
}

/// The unbalanced marks of a group: the text, the character index, and what is wrong.
fn unbalanced<'a>(group: &[&'a TextRef]) -> Vec<(&'a TextRef, usize, String)> {
    let pair_of = |c: char| {
        let c = match c {
            '(' => '（',
            ')' => '）',
            other => other,
        };
        PAIRS
            .iter()
            .position(|(o, _)| *o == c)
            .map(|k| (k, true))
            .or_else(|| PAIRS.iter().position(|(_, cl)| *cl == c).map(|k| (k, false)))
    };
    let mut open: Vec<(usize, &'a TextRef, usize)> = Vec::new();
    let mut out = Vec::new();
    for text in group {
        for (i, c) in text.text.chars().enumerate() {
            match pair_of(c) {
                Some((k, true)) => open.push((k, text, i)),
                Some((k, false)) => match open.iter().rposition(|(o, _, _)| *o == k) {
                    // (Closing an outer pair closes what was left open inside.)
                    Some(at) => {
                        for (inner, t, j) in open.drain(at..).skip(1) {
                            out.push((t, j, format!("“{}”没有对应的“{}”", PAIRS[inner].0, PAIRS[inner].1)));
                        }
                    }
                    None => out.push((*text, i, format!("“{c}”前面没有对应的“{}”", PAIRS[k].0))),
                },
                None => {}
            }
        }
    }
    for (k, text, i) in open {
        out.push((text, i, format!("“{}”没有对应的“{}”", PAIRS[k].0, PAIRS[k].1)));
    }
    out
}

/// About twenty characters of `text` around character `at`.
fn excerpt(text: &str, at: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let start = at.saturating_sub(16);
    let end = (at + 6).min(chars.len());
    let mut s: String = chars[start..end].iter().collect();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < chars.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubled_marks_and_the_one_to_drop() {
        assert_eq!(doubled_marks("增加144.81%，。").len(), 1);
        assert!(doubled_marks("增加144.81%，。")[0].1.contains("删去多余的“，”"));
        assert!(doubled_marks("人数800人，；培训费").len() == 1);
        assert!(doubled_marks("见附表……。").is_empty());
        assert!(doubled_marks("一、二、三。").is_empty());
        assert!(doubled_marks("4\t。。。").is_empty());
        assert_eq!(doubled_marks("预警预报、、滨海").len(), 1);
    }

    #[test]
    fn a_lead_in_needs_what_it_announces() {
        assert_eq!(empty_lead_ins("增长5%，主要原因是。").len(), 1);
        assert_eq!(empty_lead_ins("主要用于：；").len(), 1);
        assert!(empty_lead_ins("具体包括：").is_empty());
        assert!(empty_lead_ins("主要原因是人员增加。").is_empty());
    }

    #[test]
    fn paired_marks_balance_across_a_sections_texts() {
        let t = |s: &str| TextRef { text: s.to_owned(), source: Default::default(), lines: Vec::new() };
        let (a, b) = (t("决算数小于（大"), t("于）预算数。"));
        assert!(unbalanced(&[&a, &b]).is_empty());
        let c = t("增长0%，主要原因是与上年持平，无增减变化）；");
        let found = unbalanced(&[&c]);
        assert_eq!(found.len(), 1);
        assert!(found[0].2.contains("前面没有对应的“（”"));
        assert!(unbalanced(&[&t("建设工程（地方配套)等支出")]).is_empty());
        assert_eq!(unbalanced(&[&t("依据《关于某事的通知，")]).len(), 1);
    }
}
