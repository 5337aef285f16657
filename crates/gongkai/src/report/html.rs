//! A self-contained HTML report (no network, no CDN): a summary per document, each
//! document's tables rendered with the cells involved in a finding highlighted and
//! linked from the findings list, and the explanation text with the figure of each
//! narrative finding marked.
//!
//! Links are anchors inside the one file. A small inline script checks on load
//! that every finding link has its target (a broken one is marked and logged to
//! the console, which the browser test watches) and highlights a target when its
//! finding is clicked.

use crate::lang::Lang;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

use gongkai_model::{Disclosure, DocumentFindings, Finding, Location, Severity, Table};

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A text of the report's frame in the run's language.
fn t(zh: &'static str, en: &'static str) -> &'static str {
    Lang::current().pick(zh, en)
}

/// A severity as the report names it (错误 / error …).
fn severity_name(s: Severity) -> &'static str {
    match Lang::current() {
        Lang::Zh => s.name_zh(),
        Lang::En => match s {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "note",
        },
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// Anchor ids of one document: cells by (line, column), rows by line, text marks.
struct Anchors {
    doc: usize,
    /// (line, column) of every rendered cell.
    cells: BTreeSet<(u32, u32)>,
    /// Lines of every rendered row.
    rows: BTreeSet<u32>,
    /// Lines that start a rendered paragraph, with the lines the paragraph covers.
    paragraphs: BTreeMap<u32, u32>,
    /// The document's PDF files (as the report names them) and the link to
    /// each from the report's folder.
    pdf: Vec<(String, String)>,
}

/// The documents' PDF files with the link to each from `report_dir`: a
/// relative path (`../公开/某局.pdf`), percent-encoded where a URL needs it.
fn pdf_links(files: &[String], report_dir: &Path) -> Vec<(String, String)> {
    files
        .iter()
        .filter(|f| f.to_ascii_lowercase().ends_with(".pdf"))
        .filter_map(|f| {
            // (Resolved, so that `..` in either does not stay in the link.)
            let resolve = |p: &Path| std::fs::canonicalize(p).or_else(|_| std::path::absolute(p)).ok();
            let target = resolve(Path::new(f))?;
            let base = resolve(report_dir)?;
            let relative = pathdiff::diff_paths(&target, &base)?;
            let href: Vec<String> =
                relative.components().map(|c| url_segment(&c.as_os_str().to_string_lossy())).collect();
            Some((f.clone(), href.join("/")))
        })
        .collect()
}

/// A path segment as a URL writes it: characters a URL reserves (and spaces)
/// percent-encoded, the rest (Chinese too) as they are.
fn url_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for c in segment.chars() {
        match c {
            ' ' | '#' | '?' | '%' | '"' | '<' | '>' | '\\' => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

impl Anchors {
    /// The link to the PDF a location is in: its own file, else the
    /// document's one PDF.
    fn pdf_of(&self, l: &Location) -> Option<&str> {
        let by_file =
            |file: &str| self.pdf.iter().find(|(f, _)| f == file || f.ends_with(file)).map(|(_, h)| h.as_str());
        match &l.file {
            Some(file) => by_file(file),
            None => match self.pdf.as_slice() {
                [(_, href)] => Some(href.as_str()),
                _ => None,
            },
        }
    }

    fn cell_id(&self, line: u32, column: u32) -> String {
        format!("d{}-c{line}-{column}", self.doc)
    }

    fn row_id(&self, line: u32) -> String {
        format!("d{}-r{line}", self.doc)
    }

    fn text_id(&self, line: u32, column: u32) -> String {
        format!("d{}-x{line}-{column}", self.doc)
    }

    fn para_id(&self, line: u32) -> String {
        format!("d{}-p{line}", self.doc)
    }

    /// The anchor a location links to, if the report renders it.
    fn target(&self, loc: &Location) -> Option<String> {
        let line = loc.at.line;
        if let Some(col) = loc.at.column
            && self.cells.contains(&(line, col))
        {
            return Some(self.cell_id(line, col));
        }
        if self.rows.contains(&line) {
            return Some(self.row_id(line));
        }
        let (&start, &end) = self.paragraphs.range(..=line).next_back()?;
        (line <= end).then(|| match loc.at.column {
            Some(col) if loc.at.length.is_some() => self.text_id(line, col),
            _ => self.para_id(start),
        })
    }
}

/// Renders one document's section of the report.
/// What the check reached: the one-line summary, then what was not checked
/// and why, so that a document read only in part never looks clean.
fn render_coverage(out: &mut String, c: &gongkai_model::Coverage) {
    let zh = Lang::current() == Lang::Zh;
    let line = if zh { c.line_zh() } else { c.line_en() };
    let _ = write!(out, "<p class=\"coverage\">{}{}</p>", t("检查范围：", "Checked: "), esc(&line));
    let mut gaps: Vec<String> = Vec::new();
    let say = |zh_text: String, en_text: String| if zh { zh_text } else { en_text };
    gaps.extend(
        c.tables
            .listed_not_found
            .iter()
            .map(|t| say(format!("目录列出但未找到：{t}"), format!("listed but not found: {t}"))),
    );
    gaps.extend(c.tables.unknown_kind.iter().map(|t| {
        say(
            format!("找到但类型未知（未参与表间核对）：{t}"),
            format!("found, of unknown kind (no cross-table check): {t}"),
        )
    }));
    gaps.extend(c.tables.with_inferred_facts.iter().map(|t| {
        say(
            format!("含推定读取的数字（相关问题只作警告）：{t}"),
            format!("figures read by inference (warnings only): {t}"),
        )
    }));
    gaps.extend(c.checks.not_checked.iter().map(|n| {
        say(
            format!("未核对：{}——{}", n.what, n.reason.name_zh()),
            format!("not checked: {} — {}", n.what, n.reason.name_en()),
        )
    }));
    gaps.extend(c.claims.unresolved.iter().map(|u| {
        say(
            format!("说明中 {} 处数字未比对：{}", u.count, u.reason.name_zh()),
            format!("{} figures of the text not compared: {}", u.count, u.reason.name_en()),
        )
    }));
    if !c.pages.without_text.is_empty() {
        let pages: Vec<String> = c.pages.without_text.iter().map(u32::to_string).collect();
        gaps.push(say(
            format!("无文字层（未读取）：第 {} 页", pages.join("、")),
            format!("no text layer (not read): pages {}", pages.join(", ")),
        ));
    }
    if !gaps.is_empty() {
        let _ = write!(
            out,
            "<details class=\"coverage\"><summary>{}</summary><ul>",
            t("未检查的内容", "What was not checked")
        );
        for gap in gaps {
            let _ = write!(out, "<li>{}</li>", esc(&gap));
        }
        out.push_str("</ul></details>");
    }
}

pub fn render_document(
    index: usize,
    result: &DocumentFindings,
    doc: Option<&Disclosure>,
    source: Option<&str>,
    report_dir: &Path,
) -> String {
    let mut out = String::new();
    let title = result.unit_name.clone().unwrap_or_else(|| result.files.join(" + "));
    let _ = write!(
        out,
        "<section class=\"doc\" id=\"d{index}\"><h2>{}</h2><p class=\"file\">{}</p>",
        esc(&title),
        esc(&result.files.join(" + "))
    );
    if let Some(error) = &result.error {
        let _ = write!(
            out,
            "<p class=\"unreadable\">{}{}</p></section>",
            t("无法读取：", "Could not be read: "),
            esc(error)
        );
        return out;
    }
    let _ = write!(
        out,
        "<p class=\"counts\"><span class=\"error\">{} {}</span> <span class=\"warning\">{} {}</span> <span class=\"info\">{} {}</span></p>",
        severity_name(Severity::Error),
        result.counts.errors,
        severity_name(Severity::Warning),
        result.counts.warnings,
        severity_name(Severity::Info),
        result.counts.infos
    );
    if let Some(coverage) = &result.coverage {
        render_coverage(&mut out, coverage);
    }
    let mut anchors = Anchors {
        doc: index,
        cells: BTreeSet::new(),
        rows: BTreeSet::new(),
        paragraphs: BTreeMap::new(),
        pdf: pdf_links(&result.files, report_dir),
    };
    let mut body = String::new();
    if let Some(doc) = doc {
        let involved: BTreeSet<(u32, u32)> =
            result.findings.iter().flat_map(|f| &f.locations).filter_map(|l| Some((l.at.line, l.at.column?))).collect();
        for table in &doc.tables {
            render_table(&mut body, table, &involved, &mut anchors);
        }
        render_text(&mut body, doc, result, source, &mut anchors);
    }
    let _ = write!(out, "<h3>{}</h3>", t("发现的问题", "Findings"));
    if result.findings.is_empty() {
        let _ = write!(out, "<p>{}</p>", t("未发现问题。", "No findings."));
    } else {
        render_filter(&mut out, index, &result.findings);
    }
    // Errors first, then warnings, then notes; in the rules' order within each.
    let mut findings: Vec<&Finding> = result.findings.iter().collect();
    findings.sort_by_key(|f| match f.severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    });
    out.push_str("<ol class=\"findings\">");
    for (n, f) in findings.into_iter().enumerate() {
        render_finding(&mut out, n, f, &anchors);
    }
    out.push_str("</ol>");
    out.push_str(&body);
    out.push_str("</section>");
    out
}

/// The filter over a document's findings (by severity and family; the script
/// applies it) and the count of findings per rule.
fn render_filter(out: &mut String, doc: usize, findings: &[Finding]) {
    let _ = write!(out, "<form class=\"filter\" data-doc=\"{doc}\">{}", t("显示：", "Show: "));
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let count = findings.iter().filter(|f| f.severity == severity).count();
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" name=\"severity\" value=\"{}\" checked> {} {count}</label> ",
            severity_class(severity),
            severity_name(severity)
        );
    }
    let families: BTreeSet<gongkai_model::Category> = findings.iter().map(|f| f.category).collect();
    let _ = write!(out, "<select name=\"family\"><option value=\"\">{}</option>", t("全部类别", "All families"));
    for family in families {
        let _ =
            write!(out, "<option value=\"{}\">{}</option>", family.id(), crate::report::text::category_name(family));
    }
    out.push_str("</select></form>");
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for f in findings {
        *by_rule.entry(f.rule.as_str()).or_default() += 1;
    }
    let counts: Vec<String> = by_rule.iter().map(|(rule, n)| format!("<code>{}</code> {n}", esc(rule))).collect();
    let _ = write!(out, "<p class=\"by-rule\">{}{}</p>", t("按规则：", "By rule: "), counts.join(" · "));
}

fn render_finding(out: &mut String, n: usize, f: &Finding, anchors: &Anchors) {
    let class = severity_class(f.severity);
    let _ = write!(
        out,
        "<li class=\"{class}\" id=\"d{}-f{n}\" data-severity=\"{class}\" data-family=\"{}\"><span class=\"badge {class}\">{}</span> <code>{}</code> {}",
        anchors.doc,
        f.category.id(),
        severity_name(f.severity),
        esc(&f.rule),
        esc(&f.message)
    );
    let links: Vec<String> = f
        .locations
        .iter()
        .map(|l| {
            let label = esc(&if Lang::current() == Lang::Zh { l.at.describe_zh() } else { l.at.describe_en() });
            let place = match anchors.target(l) {
                Some(id) => format!("<a class=\"loc\" href=\"#{id}\">{label}</a>"),
                None => format!("<span class=\"loc\">{label}</span>"),
            };
            // The printed page itself, in the PDF beside the report.
            match (l.at.page, anchors.pdf_of(l)) {
                (Some(page), Some(href)) => {
                    let text = match Lang::current() {
                        Lang::Zh => format!("（原文第{page}页）"),
                        Lang::En => format!(" (PDF p.{page})"),
                    };
                    format!("{place}<a class=\"pdf\" href=\"{}#page={page}\">{text}</a>", esc(href))
                }
                _ => place,
            }
        })
        .collect();
    let _ = write!(out, "<div class=\"locs\">{}</div></li>", links.join(" "));
}

fn render_table(out: &mut String, table: &Table, involved: &BTreeSet<(u32, u32)>, anchors: &mut Anchors) {
    let _ = write!(
        out,
        "<h3 class=\"table-title\">{} <small>{}{}{}</small></h3>",
        esc(&table.display()),
        t("（单位：", "(unit: "),
        table.unit.name_zh(),
        t("）", ")")
    );
    if let Some(statement) = &table.empty_statement {
        let _ = write!(out, "<p class=\"empty\">{}</p>", esc(&statement.text));
    }
    for part in &table.parts {
        if part.rows.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<div class=\"scroll\"><table><thead><tr><th>{}</th><th>{}</th><th>{}</th>",
            t("行", "line"),
            t("编码", "code"),
            t("名称", "name")
        );
        for c in &part.columns {
            let _ = write!(out, "<th>{}</th>", esc(c.header.rsplit('/').next().unwrap_or(&c.header)));
        }
        out.push_str("</tr></thead><tbody>");
        for row in &part.rows {
            let row_id = anchors.row_id(row.source.line);
            let first = anchors.rows.insert(row.source.line);
            let id_attr = if first { format!(" id=\"{row_id}\"") } else { String::new() };
            let name = match &row.project {
                Some(p) => format!("{} / {}", row.label, p),
                None => row.label.clone(),
            };
            let _ = write!(
                out,
                "<tr{id_attr}><td class=\"ln\">{}</td><td>{}</td><td class=\"name\">{}</td>",
                row.source.line,
                row.code.as_ref().map(|c| c.as_str()).unwrap_or(""),
                esc(&name)
            );
            for cell in &row.cells {
                let text = cell.amount.map(|a| a.to_string()).or_else(|| cell.text.clone()).unwrap_or_default();
                match cell.at.as_ref().and_then(|a| Some((a.line, a.column?))) {
                    Some((line, col)) => {
                        let hit = if involved.contains(&(line, col)) { " class=\"hit\"" } else { "" };
                        anchors.cells.insert((line, col));
                        let _ = write!(out, "<td id=\"{}\"{hit}>{}</td>", anchors.cell_id(line, col), esc(&text));
                    }
                    None => {
                        let _ = write!(out, "<td>{}</td>", esc(&text));
                    }
                }
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table></div>");
    }
}

/// The explanation text, paragraph by paragraph, with each located figure of a
/// finding wrapped in a mark.
fn render_text(
    out: &mut String,
    doc: &Disclosure,
    result: &DocumentFindings,
    source: Option<&str>,
    anchors: &mut Anchors,
) {
    let lines: Vec<&str> = source.map(|s| s.split('\n').collect()).unwrap_or_default();
    let sections = doc.all_sections();
    if sections.is_empty() {
        return;
    }
    // Paragraph line ranges: from its first line to the line before the next.
    let mut starts: Vec<u32> = sections.iter().flat_map(|s| s.paragraphs.iter().map(|p| p.source.line)).collect();
    starts.sort_unstable();
    out.push_str("<h3>情况说明</h3><div class=\"text\">");
    for section in sections {
        let _ = write!(
            out,
            "<h4>{}{}</h4>",
            section.numbering.as_deref().map(|n| format!("{n}、")).unwrap_or_default(),
            esc(&section.heading.text)
        );
        for p in &section.paragraphs {
            let start = p.source.line;
            let next = starts.iter().find(|l| **l > start).copied().unwrap_or(u32::MAX);
            let end = next.saturating_sub(1).min(start + 40);
            anchors.paragraphs.insert(start, end);
            // Marks: located figures of findings on this paragraph's lines.
            let mut marks: Vec<(u32, u32, String)> = Vec::new();
            for f in &result.findings {
                for l in &f.locations {
                    if let (Some(col), Some(len)) = (l.at.column, l.at.length)
                        && (start..=end).contains(&l.at.line)
                        && let Some(line) = lines.get(l.at.line as usize - 1)
                    {
                        let printed: String = line.chars().skip(col as usize - 1).take(len as usize).collect();
                        if !printed.trim().is_empty() && !marks.iter().any(|m| m.0 == l.at.line && m.1 == col) {
                            marks.push((l.at.line, col, printed));
                        }
                    }
                }
            }
            let mut html = esc(&p.text);
            let mut ids = Vec::new();
            for (line, col, printed) in &marks {
                let needle = esc(printed);
                let id = anchors.text_id(*line, *col);
                if let Some(pos) = html.find(&needle).filter(|_| !html.contains(&format!("id=\"{id}\""))) {
                    html.replace_range(pos..pos + needle.len(), &format!("<mark id=\"{id}\">{needle}</mark>"));
                } else {
                    ids.push(id);
                }
            }
            // Figures that could not be found in the cleaned text still get an anchor.
            let extra: String = ids.iter().map(|id| format!("<a id=\"{id}\"></a>")).collect();
            let class = if marks.is_empty() { "" } else { " class=\"marked\"" };
            let _ = write!(out, "<p id=\"{}\"{class}>{extra}{html}</p>", anchors.para_id(start));
        }
    }
    out.push_str("</div>");
}

const STYLE: &str = r#"
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif;margin:2em;color:#222;line-height:1.6}
h1{font-size:1.6em}h2{border-bottom:2px solid #444;margin-top:2em}
.file{color:#666;font-family:monospace}
.counts span{display:inline-block;padding:.1em .6em;border-radius:.3em;margin-right:.5em;color:#fff}
a.pdf{margin-left:.3em;font-size:.9em;color:#555}
.filter{margin:.5em 0}.filter label{margin-right:.8em}.by-rule{color:#555;font-size:.9em}
td span.error{color:#fff;padding:0 .4em;border-radius:.3em}
@media print{form.filter{display:none}}
span.error,.badge.error{background:#c0392b}span.warning,.badge.warning{background:#d68910}span.info,.badge.info{background:#2874a6}
.badge{color:#fff;padding:0 .4em;border-radius:.3em;font-size:.85em}
.findings li{margin:.4em 0}.locs{font-size:.85em;color:#555}.locs a{margin-right:.8em}
.scroll{overflow-x:auto}table{border-collapse:collapse;margin:.5em 0 1.5em;font-size:.9em}
th,td{border:1px solid #bbb;padding:.2em .5em}td{text-align:right;font-variant-numeric:tabular-nums}
td.name{text-align:left}td.ln{color:#999;font-size:.8em}thead th{background:#eee}
td.hit{background:#fadbd8;outline:2px solid #c0392b}
mark{background:#f9e79f}p.marked{border-left:4px solid #d68910;padding-left:.6em}
:target{animation:flash 1.5s}@keyframes flash{from{background:#f4d03f}to{background:inherit}}
a.broken{color:#c0392b;text-decoration:line-through}
.summary td,.summary th{text-align:left}
"#;

const SCRIPT: &str = r#"
document.addEventListener('DOMContentLoaded', function () {
  var links = document.querySelectorAll('a.loc');
  var ok = 0;
  links.forEach(function (a) {
    var id = decodeURIComponent(a.getAttribute('href').slice(1));
    if (document.getElementById(id)) { ok++; } else { a.classList.add('broken'); console.error('broken finding link: ' + id); }
  });
  document.body.setAttribute('data-links', String(links.length));
  document.body.setAttribute('data-links-ok', String(ok));
  // The findings filter: severities ticked and the family chosen; the page's
  // address may preset it (`report.html#only=error`, `#only=warning,info`).
  var preset = /only=([a-z,]+)/.exec(decodeURIComponent(location.hash));
  var shown = 0;
  document.querySelectorAll('form.filter').forEach(function (form) {
    var list = form.parentNode.querySelector('ol.findings');
    var boxes = form.querySelectorAll('input[name=severity]');
    if (preset) {
      var wanted = preset[1].split(',');
      boxes.forEach(function (b) { b.checked = wanted.indexOf(b.value) >= 0; });
    }
    function apply() {
      var on = {};
      boxes.forEach(function (b) { on[b.value] = b.checked; });
      var family = form.querySelector('select[name=family]').value;
      var visible = 0;
      list.querySelectorAll('li[data-severity]').forEach(function (li) {
        var show = on[li.getAttribute('data-severity')] && (!family || li.getAttribute('data-family') === family);
        li.style.display = show ? '' : 'none';
        if (show) { visible++; }
      });
      list.setAttribute('data-shown', String(visible));
      return visible;
    }
    form.addEventListener('change', apply);
    shown += apply();
  });
  document.body.setAttribute('data-findings-shown', String(shown));
});
"#;

/// Wraps the document sections into the whole page with the run summary.
pub fn page(docs: &[DocumentFindings], sections: &[String]) -> String {
    let mut out = String::from("<!DOCTYPE html><html lang=\"");
    out.push_str(t("zh-CN", "en"));
    let _ = write!(
        out,
        "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>",
        t("gongkai 检查报告", "gongkai report")
    );
    out.push_str(STYLE);
    let _ =
        write!(out, "</style></head><body><h1>{}</h1>", t("部门预算公开检查报告", "Budget disclosure check report"));
    let _ = match Lang::current() {
        Lang::Zh => write!(out, "<p>gongkai {} · 共检查 {} 份文件</p>", env!("CARGO_PKG_VERSION"), docs.len()),
        Lang::En => write!(out, "<p>gongkai {} · {} file(s) checked</p>", env!("CARGO_PKG_VERSION"), docs.len()),
    };
    let _ = write!(
        out,
        "<table class=\"summary\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        t("文件", "file"),
        t("单位", "unit"),
        t("年度", "year"),
        t("状态", "status"),
        severity_name(Severity::Error),
        severity_name(Severity::Warning),
        severity_name(Severity::Info)
    );
    for (i, d) in docs.iter().enumerate() {
        // 通过: nothing of error severity; 无法读取 with its reason.
        let status = match &d.error {
            Some(error) => {
                format!("<span class=\"error\">{}{}</span>", t("无法读取：", "could not be read: "), esc(error))
            }
            None if d.counts.errors > 0 => format!("<span class=\"error\">{}</span>", t("需修改", "to correct")),
            None => t("通过", "passed").to_owned(),
        };
        let _ = write!(
            out,
            "<tr><td><a href=\"#d{i}\">{}</a></td><td>{}</td><td>{}</td><td>{status}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&d.files.join(" + ")),
            esc(d.unit_name.as_deref().unwrap_or("")),
            d.fiscal_year.map(|y| y.to_string()).unwrap_or_default(),
            d.counts.errors,
            d.counts.warnings,
            d.counts.infos
        );
    }
    out.push_str("</tbody></table>");
    for s in sections {
        out.push_str(s);
    }
    out.push_str("<script>");
    out.push_str(SCRIPT);
    out.push_str("</script></body></html>\n");
    out
}

#[cfg(test)]
mod pdf_link_tests {
    use super::*;

    #[test]
    fn a_pdf_is_linked_relative_to_the_report_with_its_reserved_characters_encoded() {
        let links = pdf_links(&["公开/某局 预算#1.pdf".to_owned(), "说明.txt".to_owned()], Path::new("报告"));
        assert_eq!(links, [("公开/某局 预算#1.pdf".to_owned(), "../公开/某局%20预算%231.pdf".to_owned())]);
    }

    #[test]
    fn a_location_takes_its_own_files_link_or_the_documents_one_pdf() {
        let anchors = |pdf: Vec<(String, String)>| Anchors {
            doc: 0,
            cells: BTreeSet::new(),
            rows: BTreeSet::new(),
            paragraphs: BTreeMap::new(),
            pdf,
        };
        let at = |file: Option<&str>| Location { file: file.map(str::to_owned), ..Location::default() };
        let one = anchors(vec![("a.pdf".into(), "x/a.pdf".into())]);
        assert_eq!(one.pdf_of(&at(None)), Some("x/a.pdf"));
        let two = anchors(vec![("a.pdf".into(), "x/a.pdf".into()), ("b.pdf".into(), "x/b.pdf".into())]);
        assert_eq!(two.pdf_of(&at(Some("b.pdf"))), Some("x/b.pdf"));
        assert_eq!(two.pdf_of(&at(None)), None);
    }
}
