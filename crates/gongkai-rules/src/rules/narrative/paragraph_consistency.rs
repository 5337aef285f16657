use std::collections::HashMap;

use gongkai_model::{Claim, Section, Stage, TextRef};

use super::resolve::{amount_location, claim_stage, subject_name, wan};
use crate::context::difference_note;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// A paragraph states each figure of its subject once: two amounts of the
    /// same subject at the same stage in one paragraph agree within rounding
    /// (`行政运行（01项）376.61万元。主要用于…。本年预算安排376.16万元` says two
    /// things of one line). The subject is the one the claims parser gives each
    /// amount — a measure word with no subject of its own (`本年预算安排`,
    /// `合计`) is of the paragraph's topic, the subject of its first amount;
    /// amounts of different stages (`年初预算…，支出决算…`) or of different
    /// subjects are not compared, nor an amount after `其中` (a part's figure under
    /// the same words: the general budget's procurement listed after the whole's). Whether either agrees with the tables is N101's
    /// question: this rule needs no table, so it also checks an explanation
    /// published without its tables.
    ///
    /// ## Why it matters
    /// A paragraph that contradicts itself cannot be right twice; reviewers
    /// return it whichever figure the table has, since the reader of the text
    /// alone does not know which to believe.
    ///
    /// ## Example
    /// `行政运行（01项）376.61万元。主要用于单位运行。本年预算安排376.16万元。`
    /// is reported: 376.61 against 376.16, a difference of 0.45.
    pub struct ParagraphConsistency {
        id: "N114", name: "paragraph-consistency", category: Narrative, severity: Error,
        title_zh: "同一段落对同一事项的同一金额前后一致",
        doc_zh: r#"
## 检查内容
一个段落对其事项的每个数字只说一个值：同一段落中同一事项、同一阶段的两个金额，在
四舍五入误差内相等（`行政运行（01项）376.61万元。主要用于…。本年预算安排376.16万元`
对同一行说了两个数）。事项按说明数字的解析结果确定：本身不带事项的计量词（`本年
预算安排`、`合计`）属于该段的主题，即该段第一个金额的事项；不同阶段的金额（`年初
预算…，支出决算…`）或不同事项的金额不相互比较；“其中”之后的金额（用同样字样列出的
部分数，如总额之后列出的一般公共预算拨款的政府采购）也不比较。两个数中哪一个与表相符由 N101 判断：
本规则不需要表，因此没有附表的说明也能检查。

## 为何重要
自相矛盾的段落不可能两处都对；不论表中是哪个数，审核人员都会退回，因为只读文字的
读者无从判断该信哪一个。

## 示例
`行政运行（01项）376.61万元。主要用于单位运行。本年预算安排376.16万元。`予以报告：
376.61 与 376.16，相差 0.45。
"#,
    }
}

impl Rule for ParagraphConsistency {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        let (paragraph_of, paragraphs) = paragraphs_by_line(&ctx.doc.sections);
        // The first amount of each subject and stage in each paragraph.
        let mut first: HashMap<(usize, String, Stage), &Claim> = HashMap::new();
        for claim in &ctx.doc.claims {
            let Some(actual) = wan(claim.amount) else { continue };
            let Some(&paragraph) = claim.amount_at.as_ref().and_then(|at| paragraph_of.get(&at.line)) else {
                continue;
            };
            if claim.subject.label.is_empty() || super::is_unit_slip(ctx, claim) {
                continue;
            }
            let names = claim.subject.names.iter().map(|n| n.name.as_str()).collect::<Vec<_>>().join("/");
            let key = (paragraph, format!("{}|{names}", claim.subject.label), claim_stage(ctx.doc, claim));
            let Some(earlier) = first.get(&key) else {
                first.insert(key, claim);
                continue;
            };
            let Some(stated) = wan(earlier.amount) else { continue };
            if !restates(&paragraphs[paragraph].text, earlier, claim) {
                continue;
            }
            let comparison = ctx.tolerance.same(Some(stated), Some(actual));
            if comparison.agrees() {
                continue;
            }
            let message = format!(
                "{}：同一段落中“{}”先写作 {} 万元，后又写作 {} 万元（{}）",
                ctx.section_name(claim.section),
                subject_name(claim),
                stated,
                actual,
                difference_note(&comparison)
            );
            let mut finding = ctx.finding(message, None, vec![amount_location(claim), amount_location(earlier)]);
            finding.expected = Some(stated.to_string());
            finding.actual = Some(actual.to_string());
            out.push(finding);
        }
    }
}

/// Whether the later claim states the earlier one's figure again, rather than
/// that of a part named after `其中` (`采购预算总额…：货物预算486.50万元…；其中
/// 一般公共预算拨款政府采购…：货物预算480.50万元` lists the general budget's part
/// under the same words). Both are found in the paragraph's text in order, else
/// nothing is said.
fn restates(paragraph: &str, earlier: &Claim, later: &Claim) -> bool {
    let Some(a) = paragraph.find(&earlier.text) else { return false };
    let from = a + earlier.text.len();
    let Some(b) = paragraph.get(from..).and_then(|rest| rest.find(&later.text)) else { return false };
    !paragraph[a..from + b].contains("其中")
}

/// Every line of the explanation's paragraphs, with the paragraph it belongs to
/// (its index in reading order, into the paragraphs returned): a paragraph
/// joined from several lines holds each of them.
fn paragraphs_by_line(sections: &[Section]) -> (HashMap<u32, usize>, Vec<&TextRef>) {
    fn walk<'a>(sections: &'a [Section], by_line: &mut HashMap<u32, usize>, all: &mut Vec<&'a TextRef>) {
        for s in sections {
            for p in &s.paragraphs {
                by_line.insert(p.source.line, all.len());
                for l in &p.lines {
                    by_line.insert(l.line, all.len());
                }
                all.push(p);
            }
            walk(&s.subsections, by_line, all);
        }
    }
    let (mut by_line, mut all) = (HashMap::new(), Vec::new());
    walk(sections, &mut by_line, &mut all);
    (by_line, all)
}
