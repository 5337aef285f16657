use gongkai_model::{Claim, ClaimKind, Number, SectionKind, Severity, TextRef};

use super::resolve::{amount_location, resolve, subject_name, wan};
use crate::context::difference_note;
use crate::{Context, Findings, Rule, declare_rule};

declare_rule! {
    /// ## What it checks
    /// An amount followed in its sentence by a list of the amounts it is made of
    /// (`某类项目300.00万元，主要包括：甲工作120.00万元，主要用于…；乙工作80.00万元，
    /// 主要用于…`): the listed parts never add up to
    /// more than the whole, and a list introduced by `包括` (not `主要包括`, `其中`)
    /// adds up to the whole. Items are the clauses between `；` (the first amount
    /// of each), or, without `；`, every amount of the list; a list holding a list
    /// of its own (`其中` inside it, without `；`) is not read. Where the sentence
    /// ends with its introducer (`项目支出…万元，具体包括：`), the parts are the
    /// numbered paragraphs after it (`1.甲项目…`, `2.乙项目…`), or the next
    /// paragraph's clauses when that one is not numbered; a sentence beginning
    /// with the introducer (`…1,893.48万元。主要包括：…`) lists the parts of the
    /// whole before it. An amount written in 元 that N112 finds a slip for 万元
    /// is read as 万元, and a difference resting on that reading is a warning
    /// (the message says `元（按万元读）`). Only lists with a
    /// part the tables do not print are checked: where every part is a table
    /// figure, N101 compares each with its cell (the parts so checked count in
    /// the coverage as checked with their whole). The procurement budget's
    /// parts are N109's.
    ///
    /// ## Why it matters
    /// The parts of a project category, of a unit's budget or of a category of
    /// spending are often printed nowhere else: their sum against the whole is
    /// the only check a reader has, and a part copied from a draft shows there.
    ///
    /// ## Example
    /// `机关运行经费22.63万元，主要包括：办公费10.00万元、差旅费15.00万元` lists 25.00
    /// 万元 of a 22.63 万元 whole: reported as an error. `包括：办公费10.00万元、差旅费
    /// 12.00万元` lists 22.00 of 22.63: a warning (a part may have been left out).
    pub struct ListedParts {
        id: "N113", name: "listed-parts", category: Narrative, severity: Error,
        title_zh: "说明中总额后列出的分项合计不超过总额（写“包括”时应相等）",
        doc_zh: r#"
## 检查内容
金额之后在同一句中列出其组成金额的（`某类项目300.00万元，主要包括：甲工作120.00
万元，主要用于…；乙工作80.00万元，主要用于…`）：所列分项之和不得超过总额；以“包
括”引出的列表（而不是“主要包括”“其中”）应等于总额。分项为以“；”分隔的各分句（每
个分句取第一个金额），没有“；”的，列表中每个金额都是一个分项；列表中又含有自己的
列表的（其中有“其中”，且没有“；”），不读取。句子以引出词结尾的
（`项目支出…万元，具体包括：`），分项为其后编号的各段（`1.甲项目…`、
`2.乙项目…`），下一段未编号的，则为下一段中的各分句；以引出词开头的句子
（`…1,893.48万元。主要包括：…`）列出的是其前面那个总额的分项。N112 认定为万元笔
误的以元为单位的金额，按万元读取，依此读法得出的差异报告为警告（消息中写作
`元（按万元读）`）。只检查含有表中未列示分项的列表：每个分项都是表中数字的，由
N101 逐一与表中单元格比较（如此核对过的分项，在检查覆盖情况中连同其总额计为已检
查）。政府采购预算的分项由 N109 检查。

## 为何重要
项目类别、单位预算或某类支出的分项，往往在别处都没有列示：分项之和与总额的比较是
读者唯一能做的核对，从草稿中照抄的分项会在这里暴露出来。

## 示例
`机关运行经费22.63万元，主要包括：办公费10.00万元、差旅费15.00万元`列出的分项为
25.00 万元，而总额为 22.63 万元：报告为错误。`包括：办公费10.00万元、差旅费12.00
万元`列出 22.00，总额为 22.63：报告为警告（可能漏列了分项）。
"#,
    }
}

impl Rule for ListedParts {
    fn meta(&self) -> &'static crate::RuleMeta {
        &Self::META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Findings) {
        for (head, list) in lists(ctx) {
            if let Some((whole, parts)) = checkable(ctx, head, &list) {
                check_list(ctx, head, whole, &list, &parts, out);
            }
        }
    }
}

/// The claims this rule compares with the sum they are part of, though no
/// table prints them (the works of a project, a unit's own split of its
/// spending): coverage counts them as checked as parts, not as unknown.
///
/// With them come the paragraphs that state each part again in its place:
/// after a list of n parts, n paragraphs numbered （一）…（n） (or 1.…n.)
/// whose first amounts are the parts' in order (`包括在职人员经费614.78万元、
/// 公用经费61.79万元` and then `（一）人员支出614.78万元，主要是…` `（二）公用经费
/// 61.79万元…`): each restates its part, whatever it calls it.
pub fn parts_checked<'a>(ctx: &Context<'a>) -> Vec<&'a Claim> {
    let prose = ctx.prose();
    let claims = money_claims(&ctx.doc.claims);
    let mut out = Vec::new();
    for (head, list) in lists(ctx) {
        if checkable(ctx, head, &list).is_none() {
            continue;
        }
        out.extend(restated_in_place(&claims, &list.parts, &prose[list.ends + 1..]));
        out.extend(list.parts);
    }
    out
}

/// The first amounts of the paragraphs `after` a list, numbered 1 to n, when
/// each is its part's amount in order; none otherwise.
fn restated_in_place<'a>(claims: &[&'a Claim], parts: &[&'a Claim], after: &[&'a TextRef]) -> Vec<&'a Claim> {
    let mut out = Vec::new();
    for ((n, part), paragraph) in (1u32..).zip(parts).zip(after) {
        if numbered(&paragraph.text, n).or_else(|| numbered_zh(&paragraph.text, n)).is_none() {
            return Vec::new();
        }
        let first = locate(claims, paragraph).into_iter().next().filter(|c| wan(c.claim.amount) == wan(part.amount));
        match first {
            Some(c) => out.push(c.claim),
            None => return Vec::new(),
        }
    }
    if out.len() == parts.len() { out } else { Vec::new() }
}

/// The text after a Chinese numbering `n` (`（一）`, `(一)`, `一、`), n up to 10.
fn numbered_zh(text: &str, n: u32) -> Option<&str> {
    let numeral = "一二三四五六七八九十".chars().nth(usize::try_from(n).ok()?.checked_sub(1)?)?;
    let text = text.trim_start();
    if let Some(rest) = text.strip_prefix(numeral) {
        return rest.strip_prefix('、');
    }
    text.strip_prefix(['（', '('])?.strip_prefix(numeral)?.strip_prefix(['）', ')'])
}

/// Every whole followed by its list of parts in the document's prose.
fn lists<'a>(ctx: &Context<'a>) -> Vec<(&'a Claim, List<'a>)> {
    let prose = ctx.prose();
    let claims = money_claims(&ctx.doc.claims);
    let mut out = Vec::new();
    for (p, paragraph) in prose.iter().enumerate() {
        // (Only a paragraph with a list's introducer holds a whole and its parts.)
        if !INTRODUCERS.iter().any(|(w, _)| paragraph.text.contains(w)) {
            continue;
        }
        let located = locate(&claims, paragraph);
        for (i, head) in located.iter().enumerate() {
            let list = match introducer(paragraph, head) {
                // `项目支出54,693.88万元，具体包括：` ending its paragraph: the parts
                // are the numbered paragraphs after it.
                // (Or, the next paragraph not numbered, its clauses.)
                Some((completeness, rest)) if rest.trim_matches(['：', ':', ' ']).is_empty() => {
                    numbered_parts(&claims, &prose[p + 1..])
                        .map(|parts| List { completeness, ends: p + parts.len(), parts })
                        .or_else(|| {
                            let next = prose.get(p + 1).filter(|next| numbered(&next.text, 1).is_none())?;
                            let parts = parts_in(&next.text, 0, &locate(&claims, next))?;
                            Some(List { completeness, parts, ends: p + 1 })
                        })
                }
                Some(_) => list_after(paragraph, head, &located[i + 1..], p),
                None => None,
            };
            if let Some(list) = list {
                out.push((head.claim, list));
            }
        }
    }
    out
}

/// A claim with a money amount, where its clause stands in a paragraph (byte offsets).
struct Located<'a> {
    claim: &'a Claim,
    start: usize,
    end: usize,
}

/// How a list says it is made: of all its parts, or of the main ones.
#[derive(Clone, Copy, PartialEq)]
enum Completeness {
    /// `包括`, `具体包括`: every part.
    All,
    /// `主要包括`, `其中`: some parts.
    Some,
}

/// A list of parts after a whole.
struct List<'a> {
    completeness: Completeness,
    parts: Vec<&'a Claim>,
    /// The paragraph (of the prose) its last part stands in.
    ends: usize,
}

/// The claims stating money (amounts and compositions), by line.
fn money_claims(claims: &[Claim]) -> Vec<&Claim> {
    let mut out: Vec<&Claim> = claims
        .iter()
        .filter(|c| matches!(c.kind, ClaimKind::Amount | ClaimKind::Composition))
        .filter(|c| wan(c.amount).is_some() && !c.text.is_empty())
        .collect();
    out.sort_by_key(|c| c.source.line);
    out
}

/// The paragraph's claims stating money, in order, each found after the one
/// before (`claims` by line, as [`money_claims`] gives them).
fn locate<'a>(claims: &[&'a Claim], paragraph: &TextRef) -> Vec<Located<'a>> {
    let first = paragraph.source.line;
    let mut out = Vec::new();
    let mut cursor = 0;
    let from = claims.partition_point(|c| c.source.line < first);
    for claim in claims[from..].iter().copied().take_while(|c| c.source.line < first.saturating_add(80)) {
        let Some(at) = paragraph.text[cursor..].find(claim.text.as_str()) else { continue };
        let start = cursor + at;
        cursor = start + claim.text.len();
        out.push(Located { claim, start, end: cursor });
    }
    out
}

/// The words that introduce a list of parts right after a whole, with what
/// they say of it (longest first).
const INTRODUCERS: [(&str, Completeness); 6] = [
    ("具体包括", Completeness::All),
    ("主要包括", Completeness::Some),
    ("主要有", Completeness::Some),
    ("分别为", Completeness::All),
    ("包括", Completeness::All),
    ("其中", Completeness::Some),
];

/// The words introducing a list right after `head`, and the rest of its
/// sentence after them.
fn introducer<'t>(paragraph: &'t TextRef, head: &Located<'_>) -> Option<(Completeness, &'t str)> {
    let after = after_head(&paragraph.text, head);
    let (word, completeness) = INTRODUCERS.iter().find(|(w, _)| after.starts_with(w))?;
    let rest = &after[word.len()..];
    Some((*completeness, &rest[..rest.find('。').unwrap_or(rest.len())]))
}

/// The text after a whole's clause, from its next word: a sentence that
/// begins with a list's introducer (`…1,893.48万元。主要包括：甲工作…`) lists
/// the parts of the whole before it as a clause after it does.
fn after_head<'t>(text: &'t str, head: &Located<'_>) -> &'t str {
    text[head.end..].trim_start_matches(['，', ',', '；', '。', ' '])
}

/// The parts of a whole whose paragraph ends with its list's introducer: the
/// first amount of each following paragraph numbered `1.`, `2.` … (or
/// `（1）`, `1、`), up to the first that is not the next number; none unless
/// every such paragraph starts with its part's amount.
fn numbered_parts<'a>(claims: &[&'a Claim], after: &[&'a TextRef]) -> Option<Vec<&'a Claim>> {
    let mut parts = Vec::new();
    for (n, paragraph) in (1u32..).zip(after) {
        let Some(body) = numbered(&paragraph.text, n) else { break };
        let located = locate(claims, paragraph);
        let first = located.first().filter(|c| c.start == paragraph.text.len() - body.len())?;
        parts.push(first.claim);
    }
    (parts.len() >= 2).then_some(parts)
}

/// The text after the numbering `n` (`1.`, `1．`, `1、`, `（1）`, `(1)`), if it starts so.
fn numbered(text: &str, n: u32) -> Option<&str> {
    let digits = n.to_string();
    let text = text.trim_start();
    if let Some(rest) = text.strip_prefix(digits.as_str()) {
        return ['.', '．', '、'].iter().find_map(|c| rest.strip_prefix(*c));
    }
    let rest = text.strip_prefix(['（', '('])?.strip_prefix(digits.as_str())?;
    rest.strip_prefix(['）', ')'])
}

/// The list of parts printed after `head` in its sentence, when its words
/// introduce one and every part is found.
fn list_after<'a>(paragraph: &TextRef, head: &Located<'a>, rest: &[Located<'a>], at: usize) -> Option<List<'a>> {
    let text = paragraph.text.as_str();
    let after = after_head(text, head);
    let (word, completeness) = INTRODUCERS.iter().find(|(w, _)| after.starts_with(w))?;
    let list_start = text.len() - after.len() + word.len();
    let parts = parts_in(text, list_start, rest)?;
    Some(List { completeness: *completeness, parts, ends: at })
}

/// The parts listed in `text` from byte `list_start` to the end of its
/// sentence, `inside` the claims located there: one part a clause, when every
/// clause has one.
fn parts_in<'a>(text: &str, list_start: usize, inside: &[Located<'a>]) -> Option<Vec<&'a Claim>> {
    // (`其中，基本支出…`, `包括：…`: the punctuation after the word starts no part.)
    let list_start = text.len() - text[list_start..].trim_start_matches(['：', ':', '，', ',', ' ']).len();
    let list_end = text[list_start..].find('。').map_or(text.len(), |p| list_start + p);
    let list = &text[list_start..list_end];
    let inside: Vec<&Located<'a>> =
        inside.iter().filter(|c| c.end > list_start).take_while(|c| c.end <= list_end).collect();
    // The parts are separated by `；` where the list has one, else by `、`,
    // else by `，`: one part a clause, its first amount (a clause's other
    // figures — `（上年25.00万元）`, `，2025年为45.00万元` — are about that part).
    let separator = ['；', '、', '，', ','].into_iter().find(|c| list.contains(*c))?;
    // Without `；`, a list holding a list of its own is not read.
    if separator != '；' && INTRODUCERS.iter().any(|(w, _)| list.contains(w)) {
        return None;
    }
    let mut parts = Vec::new();
    let (mut item_start, mut pos) = (list_start, list_start);
    for clause in list.split(separator) {
        let to = pos + clause.len();
        // (By where its amount ends: a clause's printed text may begin with the
        // punctuation before it, `）、戊工作…`.)
        let first = inside.iter().find(|c| c.end > item_start && c.end <= to);
        pos = to + separator.len_utf8();
        match first {
            Some(c) if names_a_part(c.claim) => {
                parts.push(c.claim);
                item_start = pos;
            }
            // (A name holding `、` (`环境规划、监测管理工作…`): its clause goes on.)
            None if separator == '、' => {}
            // (A clause without a part's amount: the parts are not all known.)
            _ => return None,
        }
    }
    // (Words after the last amount, a part without one: not all parts known.)
    if item_start != pos {
        return None;
    }
    (parts.len() >= 2).then_some(parts)
}

/// Whether a claim names a part of its own: a subject, not a figure about
/// the part before (`（上年25.00万元）`, `2025年为45.00万元`: a subject that is
/// only a year, or nothing). `上年结转…` is a part.
fn names_a_part(claim: &Claim) -> bool {
    let label = claim.subject.label.trim_matches(['（', '(', '）', ')', ' ']);
    !label.is_empty()
        && !matches!(label, "上年" | "去年" | "上年同期" | "上年预算" | "上年预算数" | "上年为" | "去年为")
        && !label.starts_with(|c: char| c.is_ascii_digit())
}

/// The whole and its parts' amounts, when this rule compares them: not the
/// procurement budget's (N109's), every amount read (one whose 元 is a slip
/// for 万元, N112's finding, as 万元: a difference is then a warning),
/// and a part the tables do not print (else N101 compares each with its cell).
fn checkable(ctx: &Context<'_>, head: &Claim, list: &List<'_>) -> Option<(Number, Vec<Number>)> {
    if head.section == SectionKind::Procurement {
        return None;
    }
    let whole = read_wan(ctx, head)?;
    let parts: Vec<Number> = list.parts.iter().map(|c| read_wan(ctx, c)).collect::<Option<_>>()?;
    if list.parts.iter().all(|c| !resolve(ctx, c).is_empty()) {
        return None;
    }
    Some((whole, parts))
}

/// A claim's amount as the messages give it: `50.00 万元`, or `80.00 元（按万元读）`.
fn written(ctx: &Context<'_>, claim: &Claim) -> String {
    match read_wan(ctx, claim) {
        Some(n) if super::is_unit_slip(ctx, claim) => format!("{n} 元（按万元读）"),
        Some(n) => format!("{n} 万元"),
        None => String::new(),
    }
}

/// A claim's amount in 万元; one whose 元 is a slip for 万元 (N112's finding)
/// is read as 万元.
fn read_wan(ctx: &Context<'_>, claim: &Claim) -> Option<Number> {
    if super::is_unit_slip(ctx, claim) { claim.amount.map(|q| q.value) } else { wan(claim.amount) }
}

fn check_list(ctx: &Context<'_>, head: &Claim, whole: Number, list: &List<'_>, parts: &[Number], out: &mut Findings) {
    let comparison = ctx.tolerance.sum(Some(whole), &parts.iter().map(|p| Some(*p)).collect::<Vec<_>>());
    if comparison.agrees() {
        return;
    }
    let sum = comparison.expected;
    let exceeds = sum > whole.value();
    if !exceeds && list.completeness == Completeness::Some {
        return;
    }
    let names: Vec<String> = list
        .parts
        .iter()
        .map(|c| format!("{} {}", subject_name(c), written(ctx, c).trim_end_matches(" 万元")))
        .collect();
    let (listed, verdict) = if exceeds {
        ("但其后列出的分项", "超过总额")
    } else {
        ("其后“包括”的分项", "与总额不符，可能漏列分项")
    };
    // (A figure whose 元 N112 reads as 万元 says so; a finding resting on that
    // reading is a warning.)
    let slip = std::iter::once(head).chain(list.parts.iter().copied()).any(|c| super::is_unit_slip(ctx, c));
    let message = format!(
        "{}：“{}”写作 {}，{listed}（{}）合计 {} 万元，{verdict}（{}）",
        ctx.section_name(head.section),
        subject_name(head),
        written(ctx, head),
        names.join("、"),
        sum,
        difference_note(&comparison)
    );
    let mut locations = vec![amount_location(head)];
    locations.extend(list.parts.iter().map(|c| amount_location(c)));
    let finding = ctx.finding(message, Some(&comparison), locations);
    if exceeds && !slip { out.push(finding) } else { out.push_with(finding, Severity::Warning) }
}
