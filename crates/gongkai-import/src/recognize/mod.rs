//! The recognizer: decides which lines are which part, table, section, claim and
//! maps them to the model. It reads only the [`Layout`], never a file format.
//!
//! The document is read in one pass with a small state machine over its parts
//! (cover, 目录, 单位概况, tables, 情况说明, 名词解释). Parts are recognised by their
//! heading words; tables by title words and aliases; sections by heading words.

mod claim_map;
mod header;
mod matters;
mod names;
mod panels;
mod paragraph;
mod profile;
mod sum_nesting;
mod table;
mod targets;
mod title_number;
mod unit_name;
pub mod vocabulary;

use gongkai_model::{
    Claim, Disclosure, DocumentKind, DocumentPart, GlossaryEntry, Measure, MissingTable, Provenance, RowRole, Section,
    SectionKind, TableKind, TextRef, TocEntry, UnitLevel, Unparsed,
};

pub use table::column_letters;
use vocabulary::{Aliases, TitleKind, normalize, numeral_value, section_kind, split_numbering, table_title};

use crate::error::{Diagnostic, ImportError};
use crate::layout::{Layout, Line};
use paragraph::Paragraph;

/// Options of the recognizer.
#[derive(Clone, Debug, Default)]
pub struct RecognizeOptions {
    /// Extra table-title aliases (from a province plugin's template).
    pub aliases: Aliases,
}

/// Which part of the document a line is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Cover,
    Contents,
    Profile,
    Tables,
    Explanation,
    Glossary,
}

fn part_of_heading(text: &str) -> Option<(Part, DocumentPart)> {
    // Asked of every line: most lines are no part heading, and neither `第` nor
    // `部分` changes in normalisation.
    if !text.contains("部分") || !text.contains('第') {
        return None;
    }
    let t = normalize(text);
    let rest = t.strip_prefix('第')?;
    let end = rest.find("部分")?;
    if !rest[..end].chars().all(|c| "一二三四五六七八九十".contains(c)) {
        return None;
    }
    let title = &rest[end..];
    Some(if title.contains("名词解释") {
        (Part::Glossary, DocumentPart::Glossary)
    } else if title.contains("概况") {
        (Part::Profile, DocumentPart::Profile)
    } else if title.contains("说明") {
        (Part::Explanation, DocumentPart::Explanation)
    } else if title.contains('表') {
        (Part::Tables, DocumentPart::Tables)
    } else {
        (Part::Explanation, DocumentPart::Other)
    })
}

/// A 目录 line without its dot leader and page number (`一、部门职责……2` →
/// `一、部门职责`), and whether it had either: a contents entry of a printed
/// document points at a page, a body heading does not.
fn without_leader(text: &str) -> (&str, bool) {
    let t = text.trim_end();
    let no_page = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let leader = |c: char| matches!(c, '.' | '…' | '·' | '．' | '。' | '-' | '_' | ' ' | '\t');
    let title = no_page.trim_end_matches(leader);
    let leader_chars = no_page.len() - title.len();
    // A page number alone after a heading (`第三部分 说明 16`) or a leader of at
    // least three characters (`……`, `...`).
    let had = leader_chars >= 3 || (no_page.len() < t.len() && leader_chars >= 1);
    if had && !title.is_empty() { (title, true) } else { (t, false) }
}

/// A part heading in a document that does not number its parts `第X部分`: a short
/// line (optionally `一、`-numbered) ending in the part's name — `名词解释`,
/// `…部门预算表`/`…预算公开表`/`表格部分`/`…公开报表`, `…情况说明`/`…编制说明`,
/// `…部门概况`/`…主要职能`.
fn bare_part_heading(text: &str) -> Option<(Part, DocumentPart)> {
    let (numbering, rest) = split_numbering(text);
    let t = normalize(rest);
    let bracketed = text.trim_start().starts_with(['(', '（']);
    if bracketed || t.chars().count() > 40 || numbering.is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    if t.ends_with("名词解释") {
        Some((Part::Glossary, DocumentPart::Glossary))
    } else if ["部门预算表", "预算公开表", "表格部分", "公开报表", "预算报表"].iter().any(|w| t.ends_with(w))
    {
        Some((Part::Tables, DocumentPart::Tables))
    } else if t.ends_with("预算情况说明") || t.ends_with("编制说明") || t.ends_with("安排情况说明") {
        Some((Part::Explanation, DocumentPart::Explanation))
    } else if t.ends_with("部门概况") || t.ends_with("单位概况") || t.ends_with("基本情况") {
        Some((Part::Profile, DocumentPart::Profile))
    } else {
        None
    }
}

/// Whether a table's rows follow line `i` within the next few lines (a title is
/// followed by its notes — unit, 编制单位 — then the header).
fn rows_follow(lines: &[Line], i: usize) -> bool {
    lines[i + 1..].iter().filter(|l| !l.is_blank()).take(4).any(Line::is_tabular)
}

/// A heading about the unit itself (its functions, offices, staff, tasks): the
/// profile's, not the explanation's.
fn is_profile_heading(text: &str) -> bool {
    let t = split_numbering(text).1;
    ["职能", "职责", "机构", "概况", "基本情况", "人员", "编制", "工作任务", "单位构成", "预算单位"]
        .iter()
        .any(|w| t.contains(w))
}

/// A note printed under a table: `注：…`, `说明：…`, `备注：…`.
fn is_note(text: &str) -> bool {
    let t = text.trim_start_matches(['(', '（']);
    ["注：", "注:", "说明：", "说明:", "备注：", "备注:"].iter().any(|p| t.starts_with(p))
}

/// `表 5`, `表5`, `附表5`: a table number line.
/// `公开05表`, `部门公开表1`, `预算02表`, `表一`: the same line in other templates.
pub(crate) fn table_number(text: &str) -> Option<u32> {
    // Asked of every line; `表` does not change in normalisation.
    if !text.contains('表') {
        return None;
    }
    let t = normalize(text);
    let t = ["部门公开", "公开", "预算", "决算"].iter().find_map(|p| t.strip_prefix(p)).unwrap_or(&t);
    let rest = t.strip_prefix("附表").or_else(|| t.strip_prefix('表')).or_else(|| t.strip_suffix('表'))?;
    let rest = rest.trim_end_matches([':', '：']);
    if rest.is_empty() || rest.chars().count() > 3 {
        return None;
    }
    numeral_value(rest)
}

fn is_date(text: &str) -> Option<String> {
    let t = normalize(text);
    let (y, rest) = t.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1990..2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Whether a paragraph begins with its own numbering (`3.`, `（二）`, `一、`).
fn starts_numbered(text: &str) -> bool {
    split_numbering(text.trim_start()).0.is_some()
}

/// The first year printed as `2024年` in a text.
fn year_in(text: &str) -> Option<u16> {
    // Asked of every header cell: a printed year is followed by 年.
    if !text.contains('年') {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len().saturating_sub(3) {
        let digits = &chars[i..i + 4];
        if digits.iter().all(char::is_ascii_digit) && (i == 0 || !chars[i - 1].is_ascii_digit()) {
            let after = chars[i + 4..].iter().find(|c| **c != ' ');
            if after == Some(&'年') && chars.get(i + 4).is_none_or(|c| !c.is_ascii_digit()) {
                let year = digits.iter().filter_map(|c| c.to_digit(10)).fold(0, |y, d| y * 10 + d);
                return u16::try_from(year).ok().filter(|y| (1990..2200).contains(y));
            }
        }
    }
    None
}

/// A level-1 (`一、`) or level-2 (`（一）`) explanation heading.
fn heading_level(text: &str) -> Option<u8> {
    let t = text.trim();
    let (numbering, rest) = split_numbering(t);
    let numbering = numbering?;
    if rest.is_empty() || numbering.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let bracketed = t.trim_start_matches(['-', ' ']).starts_with(['(', '（']);
    // A heading is no sentence, and carries no amounts (`一、本年收入 1,010.70`
    // is not a heading) — unless it runs into a sentence that goes on with
    // amounts, naming a part of the explanation (`（一）收入预算：2026年年初预算
    // 数45,369.18万元…`).
    // (One ending on a comma goes on on the next line: `（三）承担…的责任，` / `承办…`.)
    let sentence = t.chars().count() > 70 || t.ends_with(['。', '；', '，', '、']) || rest.contains("万元");
    if sentence && (!rest.contains("万元") || run_in_section(rest).is_none()) {
        return None;
    }
    Some(if bracketed { 2 } else { 1 })
}

/// The run-in heading opening a line whose sentence goes on with amounts
/// (`收入预算：2026年年初预算数…万元`, `机关运行经费。2026年…`): a short name of a
/// part of the explanation before the first full stop or colon, worded as one
/// (`…预算`, `…情况`, `…说明`, `…经费`) and naming no source of money (a list
/// item `一般公共预算：100万元` is no heading). Its length in bytes.
fn run_in_section(rest: &str) -> Option<usize> {
    let end = rest.find(['。', '：', ':'])?;
    let name = &rest[..end];
    let n = name.chars().count();
    let worded = ["预算", "情况", "说明", "经费"].iter().any(|w| name.ends_with(w));
    let source = matches!(
        vocabulary::measure(name),
        Measure::GeneralBudget
            | Measure::GovernmentFund
            | Measure::StateCapital
            | Measure::FiscalAllocation
            | Measure::FiscalSpecialAccount
            | Measure::UnitFunds
            | Measure::CarryOver
    );
    let named = section_kind(name) != SectionKind::Other;
    ((2..=12).contains(&n) && worded && named && !source && !name.chars().any(|c| c.is_ascii_digit())).then_some(end)
}

/// The words that introduce what follows a colon: a list, its parts, a reason.
const LEAD_INS: [&str; 9] = ["包括", "如下", "分别为", "主要有", "其中", "原因是", "原因为", "原因", "用于"];

/// Whether `next` starts a new item rather than continuing `previous` across a
/// page break: a numbered list item (`2、…`, `1. …`), or a `标签：` line after a
/// sentence that did not end on a comma (nor on a lead-in).
fn starts_new_item(previous: &str, next: &str) -> bool {
    if split_numbering(next).0.is_some() {
        return true;
    }
    // (`…二级预算单位3` / `个:某中心…`: a count goes on with its measure word.)
    let counted = previous.trim_end().ends_with(|c: char| c.is_ascii_digit())
        && next.starts_with(['个', '家', '人', '名', '项', '辆', '万', '元', '%']);
    // A line ending on a comma, or on a lead-in still waiting for what it
    // announces (`…主要用于` / `以下方面：…`), goes on.
    let continues = counted
        || previous.trim_end().ends_with(['，', ',', '、'])
        || LEAD_INS.iter().any(|w| previous.trim_end().ends_with(w));
    let label_len = next.find(['：', ':']).map(|pos| next[..pos].chars().count());
    let label = &next[..next.find(['：', ':']).unwrap_or(0)];
    // A label names something; one with an amount (`6,143.52万元：`) is the end of
    // the sentence before it, and a lead-in — the closed class of words that
    // introduce a list, a part or a reason (`…要包括：`, `…如下：`, `其中：`,
    // `…的主要原因是：`) — is the rest of a sentence broken at the line's end, however
    // the break cut the word (`…，其` / `中：…`, `…下降的主要原` / `因是：…`).
    let tail: String = {
        let before: Vec<char> = previous.trim_end().chars().collect();
        before[before.len().saturating_sub(4)..].iter().collect()
    };
    let joined = format!("{tail}{label}");
    let introduces = LEAD_INS.iter().any(|w| joined.ends_with(w));
    !continues
        && !introduces
        && label_len.is_some_and(|n| (1..=12).contains(&n))
        && !label.contains(['，', '。', '%'])
        && !label.contains('元')
}

/// Recognises a disclosure in a layout.
pub fn recognize(
    layout: &Layout,
    file: &str,
    options: &RecognizeOptions,
) -> Result<(Disclosure, Vec<Diagnostic>), ImportError> {
    let mut r = Recognizer::new(file, options);
    r.run(&layout.lines);
    r.flush_table(&layout.lines);
    r.finish(layout)
}

struct Recognizer<'a> {
    file: &'a str,
    options: &'a RecognizeOptions,
    doc: Disclosure,
    diagnostics: Vec<Diagnostic>,
    part: Part,
    seen_part_titles: Vec<String>,
    toc_part: DocumentPart,
    /// The 目录 printed page numbers (or dot leaders): a line without one ends it.
    toc_has_pages: bool,
    cover: Vec<TextRef>,
    sections: Vec<Section>,
    /// Each paragraph with its section's kind and the index of its top-level section.
    paragraphs_for_claims: Vec<(SectionKind, Paragraph, usize)>,
    /// Top-level sections named by a unit (`一、深圳市住房和建设局（本级）`) that
    /// took their kind from the part above them.
    unit_sections: Vec<usize>,
    profile_heading: Option<String>,
    recognised_anything: bool,
    /// The last table read, for a continuation on the next page.
    last_table: Option<LastTable>,
    /// The document numbers its parts `第X部分`.
    numbered_parts: bool,
    /// The sheet of a workbook's 目录 (its `Line::sheet`): there the 目录 ends
    /// with its sheet, where a text's ends at the part heading it repeats.
    contents_sheet: Option<String>,
    /// The heading of the explanation part, for text before its first section.
    explanation_heading: Option<TextRef>,
    /// How many sections there were when the current explanation part began.
    explanation_start: usize,
    /// The explanation part's sections are numbered `（一）` at the top (its
    /// `一、` heading was the part heading itself): a `（二）` is a sibling.
    bracketed_top: bool,
    /// The 目录's column headings when it is printed as a grid that has a
    /// 是否空表 column (`报表 | 报表名称 | 是否空表 | 公开空表理由`), by cell index.
    toc_columns: Vec<String>,
}

/// A part heading without its `第X部分` (`第三部分部门预算支出具体情况` →
/// `部门预算支出具体情况`).
fn split_part_number(text: &str) -> &str {
    match text.find("部分") {
        Some(p) if text.trim_start().starts_with('第') && p < 20 => text[p + "部分".len()..].trim_start(),
        _ => text,
    }
}

/// A part's name for comparing a body heading with its 目录 entry: without
/// numbering and a leading year (`2026年单位预算编制说明` → `单位预算编制说明`).
fn part_key(text: &str) -> String {
    let t = normalize(split_numbering(text).1);
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits == 4 && t.chars().nth(4) == Some('年') { t.chars().skip(5).collect() } else { t }
}

/// Where the last table was read from (line indices).
#[derive(Clone, Debug)]
struct LastTable {
    title: usize,
    number: Option<u32>,
    kind: TableKind,
    key: String,
    body: Vec<usize>,
    end: usize,
    /// Pages were added to `body` since the table was last built: it is built
    /// again once, when what follows is no further page of it
    /// ([`Recognizer::flush_table`]), not once per page.
    stale: bool,
}

/// A title compared across pages: without its number (`表1`), `（续）` and blanks.
fn table_key(title: &str) -> String {
    let t = normalize(title);
    let t = t.trim_start_matches(|c: char| {
        c == '表' || c == '附' || c.is_ascii_digit() || matches!(c, '.' | ':' | '：' | '、')
    });
    t.replace("续表", "").replace("(续)", "")
}

impl<'a> Recognizer<'a> {
    fn new(file: &'a str, options: &'a RecognizeOptions) -> Self {
        Recognizer {
            file,
            options,
            doc: Disclosure::new(DocumentKind::Budget),
            diagnostics: Vec::new(),
            part: Part::Cover,
            seen_part_titles: Vec::new(),
            toc_part: DocumentPart::Other,
            toc_has_pages: false,
            cover: Vec::new(),
            sections: Vec::new(),
            paragraphs_for_claims: Vec::new(),
            unit_sections: Vec::new(),
            profile_heading: None,
            recognised_anything: false,
            last_table: None,
            numbered_parts: false,
            contents_sheet: None,
            explanation_heading: None,
            toc_columns: Vec::new(),
            explanation_start: 0,
            bracketed_top: false,
        }
    }

    /// A body line naming an explanation part the 目录 lists among the
    /// document's parts (`六、其他相关情况说明` listed; `其他相关情况说明`, or
    /// `2026年单位预算编制说明` for `四、单位预算编制说明`, printed), where the name
    /// alone would not say it is a part.
    fn listed_part_heading(&self, text: &str) -> Option<(Part, DocumentPart)> {
        let key = part_key(text);
        if !key.ends_with("说明") || key.ends_with("名词解释") || key.chars().count() < 4 {
            return None;
        }
        self.doc
            .contents
            .iter()
            .filter(|e| {
                e.table.is_none() && e.numbering.as_deref().is_some_and(|n| n.chars().all(|c| !c.is_ascii_digit()))
            })
            .any(|e| part_key(&e.title) == key)
            .then_some((Part::Explanation, DocumentPart::Explanation))
    }

    fn unparsed(&mut self, line: &Line, reason: &str) {
        self.diagnostics.push(Diagnostic { line: line.number, message: format!("{reason}: {}", line.text.trim()) });
        self.doc.unparsed.push(Unparsed {
            text: line.text.trim().to_owned(),
            reason: reason.to_owned(),
            source: Provenance::line(line.number).with_page(line.page),
        });
    }

    fn run(&mut self, lines: &[Line]) {
        let mut i = 0;
        while i < lines.len() {
            if self.part != Part::Tables {
                self.flush_table(lines);
            }
            let line = &lines[i];
            if line.is_blank() {
                i += 1;
                continue;
            }
            // A workbook's 目录 is a sheet of its own; the sheets after it hold
            // the tables (`sheets.rs` puts it first and leaves other text out).
            if self.part == Part::Contents && self.contents_sheet.is_some() && line.sheet != self.contents_sheet {
                self.part = Part::Tables;
            }
            let text = paragraph::clean_line(line).0;
            let (title, has_page) = without_leader(text);
            // A printed 目录 gives every entry a page; the first line without one
            // is the body's first heading.
            // (A group heading inside the 目录 prints no page of its own: the
            // entries under it do.)
            // Nor does the last entry, right before the body's first heading
            // repeats the 目录's first entry.
            let entry_follows = || {
                lines[i + 1..].iter().find(|l| !l.is_blank()).is_some_and(|next| {
                    let next = paragraph::clean_line(next).0;
                    let (title, paged) = without_leader(next);
                    let key = part_key(title);
                    (paged && next.ends_with(|c: char| c.is_ascii_digit()) && !key.is_empty())
                        || self.doc.contents.first().is_some_and(|e| part_key(without_leader(&e.title).0) == key)
                })
            };
            if self.part == Part::Contents && self.toc_has_pages && !has_page && !line.is_tabular() && !entry_follows()
            {
                self.part = match part_of_heading(title).or_else(|| bare_part_heading(title)) {
                    Some((part, _)) => part,
                    None if table_title(title, &self.options.aliases).is_some() => Part::Tables,
                    None => Part::Profile,
                };
            }
            if self.part == Part::Contents && has_page {
                self.toc_has_pages = true;
            }
            let text = title.to_owned();
            // Part headings switch state. The first part heading after a 目录
            // repeats a title already listed there: that is where the body begins.
            // Documents that do not number their parts `第X部分` name them the same
            // way without the number (`名词解释`), outside a table's body.
            // Only a heading that changes the part counts: `一、…情况说明` inside
            // the explanation is a section of it.
            let heading = part_of_heading(&text).or_else(|| {
                let unnumbered_parts =
                    !self.seen_part_titles.iter().any(|t| t.starts_with('第')) && !self.numbered_parts;
                // A document may number its parts `第X部分` inside a larger
                // division of its own: `一、文字部分` (第一部分 … 第九部分), then
                // `二、表格部分`. A short line naming the tables as a whole ends
                // whatever part came before (the glossary, say) all the same.
                let tables_division = |(part, _): &(Part, DocumentPart)| {
                    unnumbered_parts || (*part == Part::Tables && split_numbering(&text).1.chars().count() <= 12)
                };
                // (Cheap pre-check: a heading of the tables names `表`.)
                (self.part != Part::Cover && !line.is_tabular() && (unnumbered_parts || text.contains('表')))
                    .then(|| bare_part_heading(&text))
                    .flatten()
                    .filter(|(part, _)| *part != self.part)
                    .filter(tables_division)
            });
            let heading = heading.or_else(|| {
                (!matches!(self.part, Part::Cover | Part::Contents | Part::Explanation) && !line.is_tabular())
                    .then(|| self.listed_part_heading(&text))
                    .flatten()
            });
            if part_of_heading(&text).is_some() {
                self.numbered_parts = true;
            }
            if let Some((part, toc_part)) = heading {
                let key = normalize(&text).chars().filter(|c| !c.is_ascii_digit()).collect::<String>();
                let repeated = self.seen_part_titles.contains(&key);
                if self.part == Part::Contents && !repeated {
                    self.seen_part_titles.push(key);
                    self.toc_part = toc_part;
                    self.doc.contents.push(TocEntry {
                        part: toc_part,
                        numbering: None,
                        title: text.clone(),
                        table: None,
                        declared_empty: None,
                        source: Provenance::line(line.number).with_page(line.page),
                    });
                    i += 1;
                    continue;
                }
                self.part = part;
                self.recognised_anything = true;
                if part == Part::Glossary {
                    self.doc.glossary_heading = Some(TextRef {
                        text: text.clone(),
                        source: Provenance::line(line.number).with_page(line.page),
                        lines: Vec::new(),
                    });
                }
                if part == Part::Profile {
                    self.profile_heading = Some(text.clone());
                }
                // Only a heading naming the explanation (`…说明`, or a numbered
                // part `第二部分 部门预算收支总体情况`) names its text.
                let names_text = toc_part == DocumentPart::Explanation || part_of_heading(&text).is_some();
                if part == Part::Explanation && names_text && text.chars().count() <= 40 {
                    self.explanation_heading = Some(TextRef {
                        text: text.clone(),
                        source: Provenance::line(line.number).with_page(line.page),
                        lines: Vec::new(),
                    });
                    self.explanation_start = self.sections.len();
                    self.bracketed_top = false;
                } else {
                    self.explanation_heading = None;
                }
                i += 1;
                continue;
            }
            // `十、专业名词解释` numbered as a section of the explanation part is the
            // glossary all the same.
            if self.part == Part::Explanation
                && heading_level(&text) == Some(1)
                && normalize(split_numbering(&text).1).ends_with("名词解释")
            {
                self.part = Part::Glossary;
                self.doc.glossary_heading = Some(TextRef {
                    text: text.clone(),
                    source: Provenance::line(line.number).with_page(line.page),
                    lines: Vec::new(),
                });
                i += 1;
                continue;
            }
            // A table printed after the glossary or inside the profile (documents
            // that put their tables last, or number no parts) starts the tables.
            if matches!(self.part, Part::Glossary | Part::Profile)
                && !line.is_tabular()
                && (table_number(&text).is_some() || table_title(&text, &self.options.aliases).is_some())
            {
                self.part = Part::Tables;
            }
            // In a document that numbers no parts, the profile is its first
            // `一、` section; the next `一、`-level heading that is not about the unit
            // starts the explanation.
            if self.part == Part::Profile
                && heading_level(&text) == Some(1)
                && !self.doc.contents.iter().any(|e| e.numbering.is_none() && part_of_heading(&e.title).is_some())
                && !is_profile_heading(&text)
                && !self.seen_part_titles.iter().any(|t| t.starts_with('第'))
            {
                self.part = Part::Explanation;
            }
            match self.part {
                Part::Cover => {
                    if matches!(normalize(&text).as_str(), "目录") {
                        self.part = Part::Contents;
                        self.contents_sheet = line.sheet.clone();
                    } else if self.names_the_forms(lines, i, &text) {
                        // A file of performance-target forms alone, titled as a
                        // whole (`某局2026年项目支出绩效目标表`) above its first
                        // form's own title: the cover's line.
                        self.cover.push(TextRef {
                            text,
                            source: Provenance::line(line.number).with_page(line.page),
                            lines: Vec::new(),
                        });
                    } else if table_number(&text).is_some() || table_title(&text, &self.options.aliases).is_some() {
                        // No cover, no parts: a bare list of tables.
                        self.part = Part::Tables;
                        continue;
                    } else if heading_level(&text) == Some(1) && !self.cover.is_empty() {
                        self.part = Part::Explanation;
                        continue;
                    } else {
                        self.cover.push(TextRef {
                            text,
                            source: Provenance::line(line.number).with_page(line.page),
                            lines: Vec::new(),
                        });
                    }
                    i += 1;
                }
                Part::Contents => {
                    self.toc_entry(line, &text);
                    i += 1;
                }
                Part::Profile => i = self.profile_block(lines, i),
                Part::Tables => i = self.table_block(lines, i),
                Part::Explanation => i = self.explanation_block(lines, i),
                Part::Glossary => i = self.glossary_block(lines, i),
            }
        }
    }

    fn toc_entry(&mut self, line: &Line, text: &str) {
        if line.is_tabular() && self.toc_header(line) {
            return;
        }
        if line.is_tabular() && (line.sheet.is_some() || !self.toc_columns.is_empty()) {
            return self.toc_row(line);
        }
        let (numbering, title) = split_numbering(text);
        if title.is_empty() {
            return;
        }
        self.push_toc_entry(line, numbering.map(str::to_owned), title, None);
    }

    /// The header of a 目录 printed as a grid with a column saying whether each
    /// table is empty (`报表 | 报表名称 | 是否空表 | 公开空表理由`): its headings
    /// are kept to read that column of the rows below.
    fn toc_header(&mut self, line: &Line) -> bool {
        let names = |w: &str| line.cells.iter().any(|c| c.text.contains(w));
        // (The column of the tables' names: `名称`, `报表名称`, `内容`.)
        if !(names("空表") && (names("名称") || names("内容")))
            || line.cells.iter().any(|c| table_title(&c.text, &self.options.aliases).is_some())
        {
            return false;
        }
        self.toc_columns = line.cells.iter().map(|c| c.text.trim().to_owned()).collect();
        true
    }

    /// What a 目录 grid row says in its 是否空表 column: `是` (with the reason
    /// printed in the column beside it) declares the table empty.
    fn declared_empty(&self, line: &Line) -> Option<String> {
        let cell = |index: usize| line.cells.get(index).map(|c| c.text.trim()).filter(|t| !t.is_empty());
        let flag = self.toc_columns.iter().position(|h| h.contains("空表") && !h.contains("理由"))?;
        if cell(flag)? != "是" {
            return None;
        }
        let mut statement = format!("{}：是", self.toc_columns[flag]);
        let reason = self.toc_columns.iter().position(|h| h.contains("理由") || h.contains("说明"));
        if let Some((heading, reason)) = reason.and_then(|r| Some((&self.toc_columns[r], cell(r)?))) {
            statement.push_str(&format!("；{heading}：{reason}"));
        }
        Some(statement)
    }

    /// A row of a workbook's 目录 sheet in columns (`1 | 单位收支总体情况表 | 3`):
    /// the entry is the cell naming a table, numbered by the cells before it. A
    /// row naming no table (a header `序号 | 报表名称`) is kept, its cells joined.
    fn toc_row(&mut self, line: &Line) {
        let cells: Vec<(usize, &str)> =
            line.cells.iter().map(|c| c.text.trim()).enumerate().filter(|(_, t)| !t.is_empty()).collect();
        let names_table =
            |t: &str| matches!(table_title(split_numbering(t).1, &self.options.aliases), Some(TitleKind::Table(_)));
        match cells.iter().position(|(_, t)| names_table(t)) {
            Some(k) => {
                let (index, cell) = cells[k];
                let (own, title) = split_numbering(cell);
                let before: String = cells[..k].iter().map(|(_, t)| *t).collect();
                let before = before.trim_end_matches(['、', '.', '．', ' ']);
                let numbering = own.or((!before.is_empty()).then_some(before)).map(str::to_owned);
                let declared_empty = self.declared_empty(line);
                let count = self.doc.contents.len();
                self.push_toc_entry(line, numbering, title, Some(index));
                if self.doc.contents.len() > count
                    && let Some(entry) = self.doc.contents.last_mut()
                {
                    entry.declared_empty = declared_empty;
                }
            }
            None => {
                let title = cells.iter().map(|(_, t)| *t).collect::<Vec<_>>().join(" ");
                self.push_toc_entry(line, None, &title, None);
            }
        }
    }

    /// Records a 目录 entry; `cell` is the column index of its title on a sheet row.
    fn push_toc_entry(&mut self, line: &Line, numbering: Option<String>, title: &str, cell: Option<usize>) {
        // A sheet cell carries its own leader and page (`部门收入预算总表 ……… 3`).
        let mut title = without_leader(title).0;
        if title.is_empty() {
            return;
        }
        // `表1：2026年…收支预算总表`: the number printed with the title.
        let mut numbering = numbering;
        if let Some((n, name)) = title_number::split_title_number(title)
            && table_title(name, &self.options.aliases).is_some()
        {
            numbering = numbering.or_else(|| n.map(|n| format!("表{n}")));
            title = name;
        }
        // A 目录 sheet without part headings is a bare list of the workbook's
        // tables. (A text's 目录 has no sheet to end it, so there only the
        // entries under the tables' part heading name tables.)
        let bare_sheet_list = line.sheet.is_some() && self.seen_part_titles.is_empty();
        // Elsewhere in the 目录, a title naming a table of a known kind is that
        // table, whatever heading it stands under (a template may list its
        // tables under `…预算编制说明`); a title naming only tables in general
        // (`单位预算表`) is not.
        let table = match (self.toc_part, table_title(title, &self.options.aliases)) {
            (DocumentPart::Tables, Some(TitleKind::Table(k))) => Some(k),
            (DocumentPart::Other, Some(TitleKind::Table(k))) if bare_sheet_list => Some(k),
            (DocumentPart::Other | DocumentPart::Explanation, Some(TitleKind::Table(k))) if k != TableKind::Other => {
                Some(k)
            }
            _ => None,
        };
        let mut source = Provenance::line(line.number).with_page(line.page);
        // On a sheet the line number alone is ambiguous: name the cell, or the row
        // (`目录!5:5`) when a one-text row no longer knows its column.
        if let Some(sheet) = &line.sheet {
            source.cell = Some(match cell {
                Some(index) => format!("{sheet}{}{}", column_letters(index), line.number),
                None => format!("{sheet}{n}:{n}", n = line.number),
            });
        }
        self.doc.contents.push(TocEntry {
            part: if table.is_some() { DocumentPart::Tables } else { self.toc_part },
            numbering,
            title: title.to_owned(),
            table,
            declared_empty: None,
            source,
        });
    }

    /// Collects the following paragraphs (until a heading that ends the block).
    fn collect_paragraph(&self, lines: &[Line], i: usize, stop: impl Fn(&str) -> bool) -> (Paragraph, usize) {
        self.continue_paragraph(Paragraph::from_line(&lines[i]), lines, i + 1, stop)
    }

    /// Continues `p` with the lines from `i` while its sentence runs on.
    fn continue_paragraph(
        &self,
        mut p: Paragraph,
        lines: &[Line],
        mut i: usize,
        stop: impl Fn(&str) -> bool,
    ) -> (Paragraph, usize) {
        while !p.is_complete() {
            let Some(next) = (i..lines.len()).find(|k| !lines[*k].is_blank()) else { break };
            let t = paragraph::clean_line(&lines[next]).0;
            if stop(t) || lines[next].is_tabular() || starts_new_item(&p.text, t) {
                break;
            }
            p.push(&lines[next]);
            i = next + 1;
        }
        (p, i)
    }

    fn is_structural(&self, text: &str) -> bool {
        part_of_heading(text).is_some()
            || heading_level(text).is_some()
            || table_number(text).is_some()
            || table_title(text, &self.options.aliases).is_some()
    }

    /// A heading numbered `1.` under the other important matters (`（十）其他重要
    /// 事项的情况说明` / `1.机关运行经费`, `2.政府采购情况`): a short line that names
    /// one of the matters and says nothing more. (Elsewhere a `1.` line is a list
    /// item of its section.)
    fn matter_heading(&self, text: &str) -> Option<u8> {
        let (numbering, rest) = split_numbering(text);
        if !numbering?.chars().all(|c| c.is_ascii_digit()) || rest.chars().count() > 16 {
            return None;
        }
        if rest.contains(['。', '，', '；', '：', ':', ',']) || rest.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let top = self.sections.last()?;
        let under_matters = top.kind == SectionKind::OtherMatters
            || top.subsections.last().is_some_and(|s| s.kind == SectionKind::OtherMatters);
        let matter = matches!(
            section_kind(rest),
            SectionKind::AgencyOperating | SectionKind::Procurement | SectionKind::Assets | SectionKind::Performance
        );
        (under_matters && matter).then_some(3)
    }

    fn profile_block(&mut self, lines: &[Line], i: usize) -> usize {
        let text = paragraph::clean_line(&lines[i]).0;
        if heading_level(text).is_some() {
            self.profile_heading = Some(text.to_owned());
            return i + 1;
        }
        // A row of a list of the department's units (`2 | 西安市出租汽车管理处 |`):
        // the profile names a unit of the department.
        if lines[i].is_tabular() {
            let names: Vec<String> = lines[i].cells.iter().filter_map(|c| unit_name::unit_name(&c.text)).collect();
            if !names.is_empty() {
                self.doc.profile.subordinate_units.names.extend(names);
                return i + 1;
            }
        }
        let (p, next) = self.collect_paragraph(lines, i, |t| self.is_structural(t));
        let heading = self.profile_heading.clone().unwrap_or_default();
        profile::absorb(&mut self.doc.profile, &heading, &p);
        next
    }

    fn table_block(&mut self, lines: &[Line], mut i: usize) -> usize {
        let block_start = i;
        // A list of the tables drawn as a grid (`表1 | 2022年部门综合预算收支总表 |
        // 是否空表`): entries of the 目录, not a table.
        if lines[i].is_tabular()
            && lines[i].cells.first().is_some_and(|c| table_number(&c.text).is_some())
            && lines[i].cells.iter().skip(1).any(|c| table_title(&c.text, &self.options.aliases).is_some())
        {
            let toc_part = std::mem::replace(&mut self.toc_part, DocumentPart::Tables);
            self.toc_row(&lines[i]);
            self.toc_part = toc_part;
            return i + 1;
        }
        if lines[i].is_tabular() && self.toc_header(&lines[i]) {
            return i + 1;
        }
        let text = paragraph::clean_line(&lines[i]).0;
        let mut number = None;
        if let Some(n) = table_number(text) {
            number = Some(n);
            i += 1;
            while i < lines.len() && lines[i].is_blank() {
                i += 1;
            }
            if i >= lines.len() {
                return i;
            }
        }
        let title_line = &lines[i];
        let mut title_text = paragraph::clean_line(title_line).0.to_owned();
        // A long title wrapped over two lines (`…政府采购（资产配置、购买服务）` /
        // `预算表（不含上年结转）`).
        if table_title(&title_text, &self.options.aliases).is_none()
            && !title_line.is_tabular()
            && title_text.chars().any(|c| !c.is_ascii_digit() && !c.is_whitespace())
            && let Some(next) = (i + 1..lines.len()).find(|&k| !lines[k].is_blank())
            && !lines[next].is_tabular()
        {
            let joined = format!("{title_text}{}", paragraph::clean_line(&lines[next]).0);
            if table_title(&joined, &self.options.aliases).is_some() && rows_follow(lines, next) {
                title_text = joined;
                i = next;
            }
        }
        // A bracketed line under the title qualifies it (`（按经济分类科目分）`
        // under `…一般公共预算支出明细表`): it is part of the title, and may
        // change what the table is.
        if let Some(next) = (i + 1..lines.len()).find(|&k| !lines[k].is_blank())
            && !lines[next].is_tabular()
        {
            let sub = paragraph::clean_line(&lines[next]).0.trim();
            if sub.chars().count() > 2 && sub.starts_with(['（', '(']) && sub.ends_with(['）', ')']) {
                title_text.push_str(sub);
                i = next;
            }
        }
        // A number printed on the title's line (`表1：…`, `…（预算表1）`) is the
        // table's number, not part of its name.
        if let Some((n, name)) = title_number::split_title_number(&title_text)
            && table_title(name, &self.options.aliases).is_some()
        {
            number = number.or(n);
            title_text = name.to_owned();
        }
        let title_at = i;
        // A number on its own line under the title (`收入支出决算总表` /
        // `公开01表`, the national 决算 format) is the title's, unless a title
        // follows it: then it is the next table's number printed above its title.
        if number.is_none()
            && table_title(&title_text, &self.options.aliases).is_some()
            && let Some(next) = (i + 1..lines.len()).find(|&k| !lines[k].is_blank())
            && !lines[next].is_tabular()
            && let Some(n) = table_number(paragraph::clean_line(&lines[next]).0)
            && (next + 1..lines.len()).find(|&k| !lines[k].is_blank()).is_none_or(|after| {
                lines[after].is_tabular()
                    || table_title(paragraph::clean_line(&lines[after]).0, &self.options.aliases).is_none()
            })
        {
            number = Some(n);
            i = next;
        }
        let kind = match table_title(&title_text, &self.options.aliases) {
            Some(TitleKind::Table(kind)) => kind,
            Some(TitleKind::OverallTargets | TitleKind::ProjectTargets) => {
                return targets::parse(self, lines, i);
            }
            None => {
                if number.is_some() {
                    self.diagnostics.push(Diagnostic {
                        line: title_line.number,
                        message: format!("table number without a recognisable title: {title_text}"),
                    });
                }
                if title_line.is_tabular() {
                    self.unparsed(title_line, "table row outside any recognised table");
                } else {
                    let (p, next) = self.collect_paragraph(lines, i, |t| self.is_structural(t));
                    let t = p.to_text_ref();
                    self.doc.unparsed.push(Unparsed {
                        text: t.text.clone(),
                        reason: "text in the tables part".into(),
                        source: t.source,
                    });
                    return next;
                }
                return i + 1;
            }
        };
        self.recognised_anything = true;
        // The body: everything up to the next table number, title, or part heading.
        let mut end = i + 1;
        let mut body: Vec<&Line> = Vec::new();
        while end < lines.len() {
            let l = &lines[end];
            // A workbook sheet holds one table: its end is the table's end.
            if l.sheet != title_line.sheet {
                break;
            }
            if !l.is_blank() {
                let t = paragraph::clean_line(l).0;
                // (A title printed in the first header row is a row holding
                // nothing but the title.)
                let only_cell = || {
                    let mut filled = l.cells.iter().map(|c| c.text.trim()).filter(|c| !c.is_empty());
                    filled.next().filter(|_| filled.next().is_none())
                };
                let starts_new = part_of_heading(t).is_some()
                    || table_number(t).is_some()
                    || (!l.is_tabular() && table_title(t, &self.options.aliases).is_some())
                    || (l.is_tabular()
                        && only_cell().is_some_and(|c| {
                            matches!(table_title(c, &self.options.aliases), Some(TitleKind::Table(_)))
                        }))
                    || (!l.is_tabular() && self.listed_part_heading(t).is_some());
                if starts_new {
                    break;
                }
                body.push(l);
                // A footnote (`注：本表反映…`) closes its table: what follows is
                // another table or text, even without a title of its own —
                // except more notes right under it (`说明：…故本表无数据。`).
                if !l.is_tabular() && (t.starts_with("注：") || t.starts_with("注:")) {
                    end += 1;
                    while let Some(next) = lines.get(end).filter(|n| !n.is_blank() && !n.is_tabular()) {
                        if !is_note(paragraph::clean_line(next).0) {
                            break;
                        }
                        body.push(next);
                        end += 1;
                    }
                    break;
                }
            }
            end += 1;
        }
        if body.is_empty() {
            // A title followed by the next title: a list of the tables (a second
            // contents), not a table.
            return end;
        }
        let body_indices: Vec<usize> = (i + 1..end).filter(|&k| !lines[k].is_blank()).collect();
        if let Some(previous) = self.continued_table(lines, block_start, kind, &title_text) {
            // The same table again on the next page, under its repeated title: one
            // table. The header rows it repeats are dropped.
            let repeated = previous
                .body
                .iter()
                .zip(&body_indices)
                .take_while(|(a, b)| lines[**a].text.trim() == lines[**b].text.trim())
                .count();
            let mut all: Vec<usize> = previous.body.clone();
            all.extend(&body_indices[repeated..]);
            self.last_table = Some(LastTable { end, body: all, stale: true, ..previous });
            return end;
        }
        self.flush_table(lines);
        let year = self.year_so_far(title_line);
        let mut table = table::build_table(kind, number, title_line, &body, year, &mut self.diagnostics);
        table.title = title_text.clone();
        self.doc.tables.push(table);
        self.last_table = Some(LastTable {
            title: title_at,
            number,
            kind,
            key: table_key(&title_text),
            body: body_indices,
            end,
            stale: false,
        });
        end
    }

    /// The budget year as far as the document has told it: its cover's, else
    /// the table's title's (which names of a classification code mean depends
    /// on it).
    fn year_so_far(&self, title: &Line) -> Option<u16> {
        self.cover.iter().find_map(|t| year_in(&t.text)).or_else(|| year_in(&title.text))
    }

    /// Builds the last table again from all its pages, if pages were added to
    /// it since it was built.
    fn flush_table(&mut self, lines: &[Line]) {
        let Some(last) = self.last_table.as_mut().filter(|t| t.stale) else { return };
        last.stale = false;
        let (kind, number, title) = (last.kind, last.number, &lines[last.title]);
        let combined: Vec<&Line> = last.body.iter().map(|&k| &lines[k]).collect();
        let year = self.year_so_far(title);
        let mut table = table::build_table(kind, number, title, &combined, year, &mut self.diagnostics);
        // The title as first read (with a wrapped line or a subtitle).
        table.title =
            self.doc.tables.last().map_or_else(|| paragraph::clean_line(title).0.to_owned(), |t| t.title.clone());
        if let Some(last) = self.doc.tables.last_mut() {
            *last = table;
        }
    }

    /// The table this block continues: the last table, of the same kind and
    /// title, ending right before it (nothing but blank lines between).
    fn continued_table(&self, lines: &[Line], start: usize, kind: TableKind, title: &str) -> Option<LastTable> {
        let last = self.last_table.as_ref()?;
        let adjacent = last.end <= start && lines[last.end..start].iter().all(Line::is_blank);
        (adjacent && last.kind == kind && last.key == table_key(title) && self.doc.tables.last()?.kind == kind)
            .then(|| last.clone())
    }

    fn explanation_block(&mut self, lines: &[Line], i: usize) -> usize {
        let line = &lines[i];
        let text = paragraph::clean_line(line).0;
        if !line.is_tabular() {
            match table_title(text, &self.options.aliases) {
                Some(TitleKind::OverallTargets | TitleKind::ProjectTargets) => return targets::parse(self, lines, i),
                // A title before any section, or one followed by a table's rows
                // (documents that print their tables after the explanation).
                Some(TitleKind::Table(_)) if self.sections.is_empty() || rows_follow(lines, i) => {
                    return self.table_block(lines, i);
                }
                _ => {}
            }
            if table_number(text).is_some() {
                return self.table_block(lines, i);
            }
        }
        if let Some(level) = heading_level(text).or_else(|| self.matter_heading(text)) {
            let (numbering, heading) = split_numbering(text);
            // A run-in heading (`（二）政府采购情况。所属各预算单位政府采购预算总额`,
            // `（一）机关运行经费：2025年…机关运行经费`, the sentence going on to the
            // next line): the heading is what stands before the first full stop or
            // colon, the rest of the line opens the section's first paragraph.
            let run_in = heading
                .char_indices()
                .find(|(_, c)| matches!(c, '。' | '：' | ':'))
                .filter(|&(end, c)| end > 0 && !heading[end + c.len_utf8()..].trim().is_empty());
            let heading = run_in.map_or(heading, |(end, _)| &heading[..end]);
            let section = Section {
                kind: section_kind(heading),
                numbering: numbering.map(str::to_owned),
                heading: TextRef {
                    text: heading.to_owned(),
                    source: Provenance::line(line.number).with_page(line.page),
                    lines: Vec::new(),
                },
                paragraphs: Vec::new(),
                subsections: Vec::new(),
            };
            self.recognised_anything = true;
            if level == 1 {
                self.bracketed_top = false;
            } else if level == 2 && self.sections.len() == self.explanation_start {
                self.bracketed_top = true;
            }
            let parent = if level == 2 && self.bracketed_top { None } else { self.sections.last_mut() };
            match (level, parent) {
                (3, Some(parent)) => {
                    let mut section = section;
                    section.kind = subsection_kind(parent.kind, section.kind);
                    match parent.subsections.last_mut() {
                        Some(sub) if sub.kind == SectionKind::OtherMatters => sub.subsections.push(section),
                        _ => parent.subsections.push(section),
                    }
                }
                (2, Some(parent)) => {
                    let mut section = section;
                    section.kind = subsection_kind(parent.kind, section.kind);
                    parent.subsections.push(section)
                }
                // A section naming no kind (`一、深圳市住房和建设局（本级）`) under
                // a part that names one (`第三部分 部门预算支出具体情况`) is of
                // the part's kind.
                _ => {
                    let mut section = section;
                    if section.kind == SectionKind::Other
                        && let Some(part) = &self.explanation_heading
                    {
                        section.kind = section_kind(split_part_number(&part.text));
                        self.unit_sections.push(self.sections.len());
                    }
                    self.sections.push(section)
                }
            }
            let Some((end, stop)) = run_in else { return i + 1 };
            let (cleaned, _) = paragraph::clean_line(line);
            // Amounts after a run-in heading are stated of it (`收入预算：…年初
            // 预算数45,369.18万元`): the paragraph keeps the heading's words, for
            // the claims to take their subject from.
            let keeps_heading = split_numbering(cleaned).1[end..].contains("万元");
            let after = if keeps_heading { 0 } else { end + stop.len_utf8() };
            let rest_start = cleaned.len() - split_numbering(cleaned).1.len() + after;
            let skip = cleaned[..rest_start].chars().count();
            let first = Paragraph::from_line_after(line, skip);
            let (p, next) = self.continue_paragraph(first, lines, i + 1, |t| self.is_structural(t));
            self.add_paragraph(p);
            return next;
        }
        if line.is_tabular() {
            self.unparsed(line, "table row outside any recognised table");
            return i + 1;
        }
        let (p, next) = self.collect_paragraph(lines, i, |t| self.is_structural(t));
        self.add_paragraph(p);
        next
    }

    /// Adds a paragraph of explanation text to the current section. Text
    /// before the first section of a part that has one heading for all its
    /// text (上海's `2026年单位预算编制说明`, no `一、` below it) is a section
    /// under that heading, of the kind it names, else an overview.
    fn add_paragraph(&mut self, p: Paragraph) {
        if self.sections.len() == self.explanation_start
            && let Some(heading) = self.explanation_heading.clone()
        {
            let kind = match section_kind(split_part_number(&heading.text)) {
                SectionKind::Other => SectionKind::Overview,
                kind => kind,
            };
            self.sections.push(Section {
                kind,
                numbering: None,
                heading,
                paragraphs: Vec::new(),
                subsections: Vec::new(),
            });
        }
        let Some(section) = self.current_section_mut() else {
            let t = p.to_text_ref();
            self.doc.unparsed.push(Unparsed {
                text: t.text,
                reason: "text before the first section".into(),
                source: t.source,
            });
            return;
        };
        section.paragraphs.push(p.to_text_ref());
        let kind = section.kind;
        let top = self.sections.len() - 1;
        self.paragraphs_for_claims.push((kind, p, top));
    }

    fn current_section_mut(&mut self) -> Option<&mut Section> {
        let last = self.sections.last_mut()?;
        if last.subsections.is_empty() { Some(last) } else { last.subsections.last_mut() }
    }

    fn glossary_block(&mut self, lines: &[Line], i: usize) -> usize {
        let line = &lines[i];
        let text = paragraph::clean_line(line).0;
        if let Some(date) = is_date(text) {
            self.doc.meta.published = Some(TextRef {
                text: date,
                source: Provenance::line(line.number).with_page(line.page),
                lines: Vec::new(),
            });
            return i + 1;
        }
        if split_numbering(text).0.is_some() {
            let (p, next) =
                self.collect_paragraph(lines, i, |t| split_numbering(t).0.is_some() || is_date(t).is_some());
            let body = split_numbering(&p.text).1.replace("**", "");
            let (term, definition) = match body.find([':', '：']) {
                Some(pos) => (body[..pos].trim().to_owned(), body[pos..].chars().skip(1).collect::<String>()),
                None => (body.clone(), String::new()),
            };
            self.doc.glossary.push(GlossaryEntry {
                term,
                definition: definition.trim().to_owned(),
                source: Provenance::line(line.number).with_page(line.page),
            });
            return next;
        }
        let is_unit = self.cover.iter().any(|u| normalize(&u.text) == normalize(text));
        if !is_unit {
            self.unparsed(line, "text in the glossary part");
        }
        i + 1
    }

    /// Whether line `i`, on the cover, names performance-target forms and is
    /// followed by a title of its own kind: it names the file's forms as a
    /// whole, the next line is the first form's title.
    fn names_the_forms(&self, lines: &[Line], i: usize, text: &str) -> bool {
        let forms = |t: &str| {
            matches!(table_title(t, &self.options.aliases), Some(TitleKind::OverallTargets | TitleKind::ProjectTargets))
        };
        !lines[i].is_tabular()
            && forms(text)
            && lines[i + 1..]
                .iter()
                .find(|l| !l.is_blank())
                .is_some_and(|next| !next.is_tabular() && forms(without_leader(paragraph::clean_line(next).0).0))
    }

    fn finish(mut self, layout: &Layout) -> Result<(Disclosure, Vec<Diagnostic>), ImportError> {
        let known_section = self.sections.iter().any(|s| s.kind != SectionKind::Other);
        // Performance-target forms published as a file of their own (a
        // document in parts, as a file of the explanation alone is): a form
        // read with its indicators is a part of a disclosure.
        let forms = self.doc.performance_targets.iter().any(|t| !t.indicators.is_empty());
        if !self.recognised_anything || (self.doc.tables.is_empty() && !known_section && !forms) {
            return Err(ImportError::file(
                self.file,
                "不是预算公开文件：没有识别出任何公开表或情况说明的部分",
                "not a budget disclosure: no disclosure table and no explanation section was recognised",
            ));
        }
        self.metadata();
        self.claims();
        self.doc.sections = std::mem::take(&mut self.sections);
        self.missing_tables();
        self.empty_by_contents();
        self.empty_by_explanation();
        self.doc.meta.source.pages = layout.pages;
        Ok((self.doc, self.diagnostics))
    }

    fn metadata(&mut self) {
        let cover_text: String = self.cover.iter().map(|t| t.text.as_str()).collect::<Vec<_>>().join("\n");
        // The kind: a cover line naming 决算 (a 决算's cover may mention the
        // budget it closes, a budget's never a 决算), else one naming 预算, else
        // the tables' titles.
        let naming = |word: &str| self.cover.iter().find(|t| t.text.contains(word)).cloned();
        let evidence = match naming("决算") {
            Some(line) => Some((DocumentKind::FinalAccounts, line)),
            None => naming("预算").map(|line| (DocumentKind::Budget, line)),
        }
        .or_else(|| {
            self.doc.tables.iter().find_map(|t| {
                let kind = if t.title.contains("决算") {
                    DocumentKind::FinalAccounts
                } else if t.title.contains("预算") {
                    DocumentKind::Budget
                } else {
                    return None;
                };
                Some((kind, TextRef { text: t.title.clone(), source: t.source.clone(), lines: Vec::new() }))
            })
        });
        if let Some((kind, line)) = evidence {
            self.doc.meta.kind = kind;
            self.doc.meta.kind_evidence = Some(line);
        }
        self.doc.meta.fiscal_year = year_in(&cover_text)
            .or_else(|| self.profile_heading.as_deref().and_then(year_in))
            .or_else(|| self.sections.first().and_then(|s| year_in(&s.heading.text)));
        // The unit: the first cover line that names one (labels, the year and
        // document words taken off, see `unit_name`), else a table's
        // `编制单位`/`部门名称` note; the place it came from is kept.
        self.doc.meta.unit_name = self
            .cover
            .iter()
            .find_map(|t| {
                unit_name::unit_name(&t.text).map(|text| TextRef { text, source: t.source.clone(), lines: Vec::new() })
            })
            .or_else(|| {
                self.doc.tables.iter().find_map(|t| {
                    let text = unit_name::unit_name(t.compiled_by.as_deref()?)?;
                    Some(TextRef { text, source: t.source.clone(), lines: Vec::new() })
                })
            });
        let uses_unit = self.profile_heading.as_deref().is_some_and(|h| h.contains("单位概况"))
            || self.doc.tables.iter().any(|t| t.title.starts_with("单位"));
        self.doc.meta.unit_level = Some(if uses_unit { UnitLevel::Unit } else { UnitLevel::Department });
        if let Some(unit) = &self.doc.meta.unit_name {
            let name = unit.text.as_str();
            for (suffix, slot) in [("县", 2), ("区", 2), ("旗", 2), ("市", 1), ("州", 1), ("盟", 1)] {
                if let Some(pos) = name.find(suffix) {
                    let prefix = &name[..pos + suffix.len()];
                    if prefix.chars().count() <= 8 && prefix.chars().count() >= 2 {
                        match slot {
                            2 => self.doc.meta.region.county = Some(prefix.to_owned()),
                            _ => self.doc.meta.region.prefecture = Some(prefix.to_owned()),
                        }
                        break;
                    }
                }
            }
        }
    }

    fn claims(&mut self) {
        let mut claims: Vec<Claim> = Vec::new();
        // A section named by a unit speaks of that unit: of the whole document
        // only when the tables show no other unit (one unit line, taken as
        // their total); else its figures match no table total, and it names
        // no kind.
        let units = self
            .doc
            .tables
            .iter()
            .filter(|t| matches!(t.kind, TableKind::IncomeSummary | TableKind::ExpenditureSummary))
            .flat_map(|t| &t.parts)
            .map(|p| {
                p.rows.iter().filter(|r| r.role == RowRole::Group && r.code.is_none() && r.amount(0).is_some()).count()
            })
            .max()
            .unwrap_or(0);
        if units > 1 {
            for &k in &self.unit_sections {
                self.sections[k].kind = SectionKind::Other;
            }
            for (kind, _, top) in &mut self.paragraphs_for_claims {
                if self.unit_sections.contains(top) {
                    *kind = SectionKind::Other;
                }
            }
        }
        // A paragraph that is only a numbered title — a chain of names
        // (`2.一般公共服务（类）信访事务（款）一般行政管理事务（项）。`) or a short
        // phrase naming an item (`2．公务用车购置费支出情况说明。`) — titles the
        // figures of the next one (`年初预算为590.53万元，…`): the two are read as one.
        let mut title: Option<(SectionKind, Paragraph)> = None;
        for (section, p, _) in &self.paragraphs_for_claims {
            if gongkai_claims::is_title(&p.text) {
                if let Some((kind, earlier)) = title.replace((*section, p.clone())) {
                    claims.extend(claim_map::claims_of(kind, &earlier));
                }
                continue;
            }
            match title.take() {
                Some((kind, mut joined)) if kind == *section && !starts_numbered(&p.text) => {
                    joined.append(p);
                    claims.extend(claim_map::claims_of(*section, &joined));
                }
                earlier => {
                    if let Some((kind, earlier)) = earlier {
                        claims.extend(claim_map::claims_of(kind, &earlier));
                    }
                    claims.extend(claim_map::claims_of(*section, p));
                }
            }
        }
        if let Some((kind, earlier)) = title {
            claims.extend(claim_map::claims_of(kind, &earlier));
        }
        matters::absorb(&mut self.doc.other_matters, &claims);
        self.doc.claims = claims;
    }

    /// A table without amounts that the 目录 declares empty (its 是否空表
    /// column) carries that statement, as it would a `…为空表。` line printed
    /// with it. The entry is the one of the table's number, else the only one
    /// of its kind.
    fn empty_by_contents(&mut self) {
        for table in &mut self.doc.tables {
            if table.empty_statement.is_some() || !table.has_no_amounts() {
                continue;
            }
            let declared = self.doc.contents.iter().filter(|e| e.declared_empty.is_some());
            let by_number = table.number.and_then(|n| declared.clone().find(|e| e.table_number() == Some(n)));
            let by_kind = || {
                let mut same =
                    declared.clone().filter(|e| table.kind != TableKind::Other && e.table == Some(table.kind));
                same.next().filter(|_| same.next().is_none())
            };
            if let Some(entry) = by_number.or_else(by_kind) {
                let numbering = entry.numbering.as_deref().map(|n| format!("{n} ")).unwrap_or_default();
                let declared = entry.declared_empty.as_deref().unwrap_or_default();
                let text = format!("目录：{numbering}{}（{declared}）", entry.title);
                table.empty_statement = Some(TextRef { text, source: entry.source.clone(), lines: Vec::new() });
            }
        }
    }

    fn missing_tables(&mut self) {
        let present: Vec<TableKind> = self.doc.tables.iter().map(|t| t.kind).collect();
        let mut missing: Vec<MissingTable> = Vec::new();
        for entry in &self.doc.contents {
            if let Some(kind) = entry.table
                && kind != TableKind::Other
                && !present.contains(&kind)
                && !missing.iter().any(|m| m.kind == kind)
            {
                missing.push(MissingTable {
                    kind,
                    listed_as: Some(TextRef {
                        text: entry.title.clone(),
                        source: entry.source.clone(),
                        lines: Vec::new(),
                    }),
                    mentioned_empty: None,
                });
            }
        }
        // A sentence saying a table is empty does not make it present, but it is
        // worth pointing at.
        for (kind, said) in self.said_empty() {
            if let Some(m) = missing.iter_mut().find(|m| m.kind == kind) {
                m.mentioned_empty.get_or_insert(said);
            }
        }
        self.doc.missing_tables = missing;
    }

    /// A table printed without amounts and without a statement of its own (on
    /// its page, or in the 目录) takes the explanation's sentence saying it is
    /// empty (`…政府性基金预算支出表为空表。`, `本单位无…，故…为空表。`): the
    /// statement is made, only elsewhere in the document.
    fn empty_by_explanation(&mut self) {
        let said = self.said_empty();
        for table in &mut self.doc.tables {
            if table.empty_statement.is_some() || table.kind == TableKind::Other || !table.has_no_amounts() {
                continue;
            }
            if let Some((_, said)) = said.iter().find(|(kind, _)| *kind == table.kind) {
                table.empty_statement = Some(said.clone());
            }
        }
    }

    /// The paragraphs of the explanation that say a table is empty, each with
    /// the kind of every table a clause names before its `为空表`
    /// (`…，故国有资本经营预算支出表为空表`, `政府性基金预算支出表、国有资本经营
    /// 预算支出表均为空表`), in reading order.
    fn said_empty(&self) -> Vec<(TableKind, TextRef)> {
        let mut out = Vec::new();
        for section in self.doc.all_sections() {
            for p in &section.paragraphs {
                if !p.text.contains("空表") {
                    continue;
                }
                let mut kinds: Vec<TableKind> = Vec::new();
                for clause in p.text.split(['，', ',', '。', '；', ';']).filter(|s| s.contains("空表")) {
                    let head = clause.split("空表").next().unwrap_or("");
                    let head = head.trim_end_matches(['为', '是', '均', '都', '皆', '亦', '也']);
                    // `…不是空表`, `…并非空表`: the clause says the opposite.
                    if head.ends_with(['不', '非']) {
                        continue;
                    }
                    for name in head.split('、') {
                        if let Some(TitleKind::Table(k)) = table_title(name, &self.options.aliases)
                            && !kinds.contains(&k)
                        {
                            kinds.push(k);
                        }
                    }
                }
                if kinds.is_empty() && normalize(&p.text).contains("结转结余") {
                    kinds.push(TableKind::CarryOver);
                }
                out.extend(kinds.into_iter().map(|k| (k, p.clone())));
            }
        }
        out
    }
}

/// The kind of a subsection: its own words, unless they only say 收入/支出 or
/// nothing (`（一）教育支出（类）` under `五、财政拨款支出预算情况说明`): then
/// it explains part of its parent and is of the parent's kind. The overview's
/// parts (`（一）收入预算总计`, `（二）支出预算总计`) keep their own.
fn subsection_kind(parent: SectionKind, own: SectionKind) -> SectionKind {
    let generic = |k: SectionKind| matches!(k, SectionKind::Other | SectionKind::Income | SectionKind::Expenditure);
    if generic(own) && !generic(parent) && parent != SectionKind::Overview { parent } else { own }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numbered_line_ending_on_a_comma_is_no_heading() {
        assert_eq!(heading_level("（四）综合协调处理跨地区、跨部门的重要信访问题。"), None);
        assert_eq!(heading_level("（三）承担督促检查领导同志有关批示件落实情况的责任，"), None);
        assert_eq!(heading_level("（三）一般公共预算支出情况"), Some(2));
    }

    #[test]
    fn a_line_opening_with_a_label_is_a_new_item_but_not_an_amount() {
        assert!(starts_new_item("机关运行经费情况。", "政府采购：本年无采购。"));
        assert!(!starts_new_item("所属各预算单位政府采购预算总额", "6,143.52万元：政府采购货物预算5,242.52万元"));
        assert!(!starts_new_item("收入合计，", "其中：一般公共预算"));
        assert!(!starts_new_item("下设二级预算单位3", "个:某市服务中心、某市研究中心。"));
        // A lead-in cut by the line's end: the rest of the sentence.
        assert!(!starts_new_item("本部门政府采购预算总额17,367.84万元，其", "中：政府采购货物预算1,438.24万元"));
        assert!(!starts_new_item("较上年减少32.19万元，下降100.00%，下降的", "主要原因是：本年未安排此类业务预算；"));
        assert!(!starts_new_item("决算数小于年初预算数的主要原", "因是：西安市卫生健康委员会（本级）"));
        assert!(!starts_new_item("2024年度财政拨款支出13733.8万元，主要用于", "以下方面：一般公共服务（类）支出"));
        assert!(!starts_new_item(
            "2026年财政拨款收支总预算377,819.25万元。收入包",
            "括：一般公共预算收入366,195.79万元"
        ));
    }

    #[test]
    fn a_subsection_saying_only_spending_is_of_its_parent_kind() {
        use SectionKind::*;
        assert_eq!(subsection_kind(FiscalAllocation, Expenditure), FiscalAllocation);
        assert_eq!(subsection_kind(GeneralBudget, Other), GeneralBudget);
        assert_eq!(subsection_kind(Overview, Income), Income);
        assert_eq!(subsection_kind(FiscalAllocation, ThreePublicExpenses), ThreePublicExpenses);
    }

    /// The tables part named as a whole, in the forms seen: `二、表格部分`
    /// (深圳, after `一、文字部分` that holds 第一部分…第九部分), `…部门预算公开报表`.
    #[test]
    fn a_line_naming_the_tables_as_a_whole_is_the_tables_part() {
        for heading in ["二、表格部分", "表格部分", "2026年部门预算公开报表", "四、2026年预算公开表"]
        {
            assert_eq!(bare_part_heading(heading).map(|(p, _)| p), Some(Part::Tables), "{heading}");
        }
        assert_eq!(bare_part_heading("（二）表格部分"), None, "a bracketed numbering is a section");
        assert_eq!(bare_part_heading("收支总表"), None, "a table title is no part heading");
    }
}
