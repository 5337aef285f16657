//! Compiler-style diagnostics: the rule id, severity, the Chinese message and the
//! source lines quoted with the offending figures marked (annotate-snippets), one
//! document after another, then a summary.

use std::ops::Range;

use crate::lang::Lang;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use gongkai_model::{Category, DocumentFindings, Finding, Location, Severity};

/// Byte offsets of line starts, to turn (line, char column) into a byte span.
pub struct SourceIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> SourceIndex<'a> {
    /// Indexes a source text.
    pub fn new(text: &'a str) -> SourceIndex<'a> {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceIndex { text, starts }
    }

    /// The byte span of a location: its figure when the column is known, else the
    /// line's text.
    pub fn span(&self, loc: &Location) -> Option<Range<usize>> {
        let line = usize::try_from(loc.at.line).ok()?.checked_sub(1)?;
        let start = *self.starts.get(line)?;
        let end = self.starts.get(line + 1).map_or(self.text.len(), |e| e - 1);
        let line_text = self.text.get(start..end)?;
        let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
        match (loc.at.column, loc.at.length) {
            (Some(col), Some(len)) if len > 0 => {
                let mut chars = line_text.char_indices().skip(col.saturating_sub(1) as usize);
                let (s, _) = chars.next()?;
                let e = line_text.char_indices().nth((col - 1 + len) as usize).map_or(line_text.len(), |(i, _)| i);
                Some(start + s..start + e.max(s))
            }
            _ => {
                let lead = line_text.len() - line_text.trim_start().len();
                let trimmed = line_text.trim_end().len();
                Some(start + lead..start + trimmed.max(lead))
            }
        }
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::NOTE,
    }
}

/// Renders one document's findings. `source` is the text of the document's last
/// file (the explanation of a workbook + text pair): only locations in that file
/// are quoted from it; the others (a pair's sheet cells) are named in a note.
pub fn render_document(doc: &DocumentFindings, source: Option<&str>, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let path = doc.files.join(" + ");
    let mut out = String::new();
    if let Some(error) = &doc.error {
        let unreadable = Lang::current().pick("无法读取：", "could not be read: ");
        out.push_str(&format!("{path}: {unreadable}{}\n\n", reason(error, &path)));
        return out;
    }
    let source = source.map(|text| (doc.files.last().map_or(path.as_str(), String::as_str), text));
    let index = source.map(|(_, text)| SourceIndex::new(text));
    for finding in &doc.findings {
        out.push_str(&render_finding(&renderer, finding, &path, source, index.as_ref()));
        out.push('\n');
    }
    out
}

fn render_finding(
    renderer: &Renderer,
    finding: &Finding,
    path: &str,
    source: Option<(&str, &str)>,
    index: Option<&SourceIndex<'_>>,
) -> String {
    let title = level(finding.severity).primary_title(finding.message.as_str()).id(finding.rule.as_str());
    let mut group = Group::with_title(title);
    let in_source = |l: &&Location| match (source, l.file.as_deref()) {
        (Some((file, _)), Some(at)) => at == file,
        (Some(_), None) => true,
        (None, _) => false,
    };
    let (quoted, named): (Vec<&Location>, Vec<&Location>) = finding.locations.iter().partition(in_source);
    let note = |locations: &[&Location]| {
        let places: Vec<String> =
            locations.iter().map(|l| format!("{}:{}", l.file.as_deref().unwrap_or(path), l.at.describe_zh())).collect();
        Level::NOTE.message(places.join("; "))
    };
    match (source, index) {
        // (A finding without locations gets the bare snippet, as it always has.)
        (Some((file, src)), Some(index)) if !quoted.is_empty() || named.is_empty() => {
            let mut snippet = Snippet::source(src).line_start(1).path(file).fold(true);
            for (i, loc) in quoted.iter().enumerate().take(12) {
                let Some(span) = index.span(loc) else { continue };
                let kind = if i == 0 { AnnotationKind::Primary } else { AnnotationKind::Context };
                let label = location_label(loc);
                snippet = snippet.annotation(kind.span(span).label(label));
            }
            group = group.element(snippet);
            if !named.is_empty() {
                group = group.element(note(&named));
            }
        }
        _ => group = group.element(note(&finding.locations.iter().collect::<Vec<_>>())),
    }
    if let (Some(expected), Some(actual)) = (&finding.expected, &finding.actual) {
        group = group.element(Level::HELP.message(format!("应为 {expected}，实为 {actual}")));
    }
    if let Some(plugin) = &finding.plugin {
        group = group.element(Level::NOTE.message(format!("来自插件 {plugin}")));
    }
    renderer.render(&[group]).to_string()
}

fn location_label(loc: &Location) -> String {
    let mut parts = Vec::new();
    if let Some(page) = loc.at.page {
        parts.push(format!("第{page}页"));
    }
    if let Some(table) = loc.table {
        parts.push(table.name_zh().to_owned());
    }
    if let Some(row) = &loc.row {
        parts.push(row.clone());
    }
    if let Some(header) = &loc.column_header {
        parts.push(header.rsplit('/').next().unwrap_or(header).to_owned());
    }
    parts.join(" · ")
}

/// The summary after all documents: documents, errors, warnings by family.
pub fn summary(docs: &[DocumentFindings]) -> String {
    let mut out = String::new();
    let unreadable = docs.iter().filter(|d| d.error.is_some()).count();
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    // (In the families' own order, whatever their names in the language.)
    let mut by_family: std::collections::BTreeMap<Category, (u32, u32, u32)> = Default::default();
    for f in docs.iter().flat_map(|d| &d.findings) {
        let entry = by_family.entry(f.category).or_default();
        match f.severity {
            Severity::Error => {
                errors += 1;
                entry.0 += 1;
            }
            Severity::Warning => {
                warnings += 1;
                entry.1 += 1;
            }
            Severity::Info => {
                infos += 1;
                entry.2 += 1;
            }
        }
    }
    let n = docs.len();
    out.push_str(&match Lang::current() {
        Lang::Zh => format!(
            "共检查 {n} 份文件：错误 {errors} 个，警告 {warnings} 个，提示 {infos} 个{}\n",
            if unreadable > 0 { format!("，{unreadable} 份无法读取") } else { String::new() }
        ),
        Lang::En => format!(
            "Checked {n} file(s): {errors} error(s), {warnings} warning(s), {infos} note(s){}\n",
            if unreadable > 0 { format!(", {unreadable} could not be read") } else { String::new() }
        ),
    });
    for (family, (e, w, i)) in by_family {
        let family = category_name(family);
        // (Padded by display width: a Chinese character takes two columns.)
        let pad = 12usize.saturating_sub(unicode_width::UnicodeWidthStr::width(family));
        let line = match Lang::current() {
            Lang::Zh => format!("  {family}{:pad$} 错误 {e:>3}  警告 {w:>3}  提示 {i:>3}\n", ""),
            Lang::En => format!("  {family}{:pad$} errors {e:>3}  warnings {w:>3}  notes {i:>3}\n", ""),
        };
        out.push_str(&line);
    }
    if let [d] = docs
        && let Some(coverage) = &d.coverage
    {
        let line = match Lang::current() {
            Lang::Zh => format!("  检查范围：{}\n", coverage.line_zh()),
            Lang::En => format!("  Checked: {}\n", coverage.line_en()),
        };
        out.push_str(&line);
    }
    if docs.len() > 1 {
        let lang = Lang::current();
        out.push_str(lang.pick(
            "\n  文件                                       错误  警告  提示\n",
            "\n  file                                      errors warnings notes\n",
        ));
        for d in docs {
            let name = d.files.join(" + ");
            // (An unreadable file says why on its row too: the reason printed
            // before the summary scrolls away in a long batch.)
            let status = match &d.error {
                Some(error) => format!("  {}{}", lang.pick("无法读取：", "could not be read: "), reason(error, &name)),
                None => format!("{:>6}{:>6}{:>6}", d.counts.errors, d.counts.warnings, d.counts.infos),
            };
            out.push_str(&format!("  {name:<42}{status}\n"));
            if let Some(coverage) = &d.coverage {
                let line = match lang {
                    Lang::Zh => format!("    检查范围：{}\n", coverage.line_zh()),
                    Lang::En => format!("    checked: {}\n", coverage.line_en()),
                };
                out.push_str(&line);
            }
        }
    }
    out
}

/// An import error's reason without the file name it starts with (the row
/// names the file).
fn reason<'e>(error: &'e str, name: &str) -> &'e str {
    error.strip_prefix(name).map_or(error, |rest| rest.trim_start_matches([':', '：', ' ']))
}

/// The full coverage of each document (`gongkai validate --coverage`): what was
/// checked, and what was not and why.
pub fn coverage(docs: &[DocumentFindings]) -> String {
    let mut out = String::new();
    for d in docs {
        out.push_str(&format!("\n检查范围：{}\n", d.files.join(" + ")));
        let Some(c) = &d.coverage else {
            let unreadable = Lang::current().pick("未能读取：", "could not be read: ");
            out.push_str(&format!("  {unreadable}{}\n", d.error.as_deref().unwrap_or("")));
            continue;
        };
        let (found, listed) = c.tables_ratio();
        let t = &c.tables;
        let listed_part = if t.listed > 0 {
            format!("目录列出 {} 张，识别 {found}/{listed}", t.listed)
        } else {
            "目录未列出各表（或未能读取）".to_owned()
        };
        out.push_str(&format!(
            "  表：{listed_part}；共识别 {} 张已知类型的表，绩效目标表 {} 张\n",
            t.recognised.len(),
            t.performance_forms
        ));
        for title in &t.listed_not_found {
            out.push_str(&format!("    目录列出但未找到：{title}\n"));
        }
        for title in &t.unknown_kind {
            out.push_str(&format!("    找到但类型未知（未参与表间核对）：{title}\n"));
        }
        for title in &t.with_inferred_facts {
            out.push_str(&format!("    含推定读取的数字（相关问题只作警告）：{title}\n"));
        }
        out.push_str(&format!("  核对：共 {} 项", c.checks.evaluated));
        if !c.checks.by_rule.is_empty() {
            let rules: Vec<String> = c.checks.by_rule.iter().map(|r| format!("{} {}", r.rule, r.evaluated)).collect();
            out.push_str(&format!("（{}）", rules.join("，")));
        }
        out.push('\n');
        for n in &c.checks.not_checked {
            out.push_str(&format!("    未核对：{}——{}\n", n.what, n.reason.name_zh()));
        }
        let k = &c.claims;
        out.push_str(&format!(
            "  说明：解析出 {} 处数字表述，其中金额 {} 处，与表中数字比对 {} 处；含金额的段落 {} 段\n",
            k.parsed, k.with_amount, k.resolved, k.paragraphs_with_figures
        ));
        for u in &k.unresolved {
            out.push_str(&format!("    未比对 {} 处：{}\n", u.count, u.reason.name_zh()));
        }
        if let Some(total) = c.pages.total {
            out.push_str(&format!("  页：共 {total} 页"));
            if !c.pages.without_text.is_empty() {
                let pages: Vec<String> = c.pages.without_text.iter().map(u32::to_string).collect();
                out.push_str(&format!("，无文字层（未读取）：第 {} 页", pages.join("、")));
            }
            out.push('\n');
        }
    }
    out
}

/// The family name used in summaries: Chinese, or the English id with `--lang en`.
pub fn category_name(c: Category) -> &'static str {
    let zh = match c {
        Category::Completeness => "完整性",
        Category::Arithmetic => "算术",
        Category::CrossTable => "表间",
        Category::Narrative => "说明",
        Category::Profile => "概况",
        Category::Consistency => "一致性",
        Category::Format => "格式",
        Category::Catalog => "科目",
        Category::FinalAccounts => "决算",
        Category::Plugin => "插件",
        Category::Import => "读取",
    };
    Lang::current().pick(zh, c.id())
}
