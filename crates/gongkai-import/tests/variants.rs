//! Real disclosures differ from the example. Each variant here is the example with
//! one transformation a real document shows (DOMAIN.md §6); each must import to
//! the same facts (models compared, not text).

mod common;

use std::collections::BTreeSet;

use common::{example_text, facts, import, is_row};
use gongkai_model::{Number, TableKind};

fn same_facts(variant: &str, what: &str) {
    let original = facts(&import(&example_text()).document);
    let imported = import(variant);
    assert!(imported.document.unparsed.is_empty(), "{what}: unparsed {:#?}", imported.document.unparsed);
    let got = facts(&imported.document);
    let missing: Vec<&String> = original.difference(&got).collect();
    let extra: Vec<&String> = got.difference(&original).collect();
    assert!(missing.is_empty() && extra.is_empty(), "{what}:\nmissing {missing:#?}\nextra {extra:#?}");
}

#[test]
fn spaces_instead_of_tabs() {
    same_facts(&example_text().replace('\t', "  "), "tabs replaced by two spaces");
    same_facts(&example_text().replace('\t', "    "), "tabs replaced by four spaces");
}

#[test]
fn page_break_blank_lines_inside_tables_and_sentences() {
    let text = example_text();
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        // A blank line inside tables every 5 rows, and sentences broken before 主要原因.
        if is_row(line) && i % 5 == 0 {
            out.push(String::new());
        }
        out.push(line.replacen("，主要原因", "，\n\n主要原因", 1));
    }
    same_facts(&out.join("\n"), "page-break blank lines");
}

/// `（二）政府采购情况。2024年，…采购` with the sentence going on below: the
/// heading is the first sentence, the rest of the line opens the paragraph.
#[test]
fn run_in_heading() {
    let text = example_text();
    let heading = "(二) 政府采购情况\n\n2024年，奇台县社会保险管理局单位采购预算10.89万元，其中：";
    assert!(text.contains(heading));
    let run_in = "(二) 政府采购情况。2024年，奇台县社会保险管理局单位采购预算\n10.89万元，其中：";
    same_facts(&text.replacen(heading, run_in, 1), "run-in heading");
}

#[test]
fn missing_table_numbers() {
    let original = example_text();
    let joined = original.split('\n').filter(|l| !l.starts_with("表 ")).collect::<Vec<_>>().join("\n");
    let doc = import(&joined).document;
    assert!(doc.tables.iter().all(|t| t.number.is_none()));
    same_facts(&joined, "table numbers removed");
}

#[test]
fn tables_in_yuan() {
    let text = example_text();
    let mut out = Vec::new();
    for line in text.split('\n') {
        if line == "单位：万元" {
            out.push("单位：元".to_owned());
        } else if is_row(line) && !is_target_funding_line(line) {
            let cells: Vec<String> = line
                .split('\t')
                .map(|c| match Number::parse_printed(c).filter(|_| c.contains('.')) {
                    Some(n) => {
                        let yuan = (n.value() * gongkai_model::Decimal::from(10_000)).round_dp(2);
                        format_thousands(&format!("{yuan:.2}"))
                    }
                    None => c.to_owned(),
                })
                .collect();
            out.push(cells.join("\t"));
        } else {
            out.push(line.to_owned());
        }
    }
    same_facts(&out.join("\n"), "tables in 元");
}

/// Funding lines of performance-target tables are in 万元 whatever the tables use.
fn is_target_funding_line(line: &str) -> bool {
    ["资金（万元）", "本级资金", "合计：", "年度预算总额"].iter().any(|w| line.contains(w))
}

fn format_thousands(plain: &str) -> String {
    let (int, frac) = plain.split_once('.').unwrap_or((plain, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{grouped}.{frac}")
}

#[test]
fn full_width_digits() {
    let text: String = example_text()
        .chars()
        .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 + 0xFEE0).unwrap_or(c) } else { c })
        .collect();
    same_facts(&text, "full-width digits");
}

#[test]
fn reordered_sections() {
    let text = example_text();
    let eight = text.find("八、关于奇台县社会保险管理局单位2024年政府性基金").unwrap();
    let nine = text.find("九、关于奇台县社会保险管理局单位2024年国有资本").unwrap();
    let ten = text.find("十、关于奇台县社会保险管理局单位2024年财政拨款").unwrap();
    let swapped = format!("{}{}{}{}", &text[..eight], &text[nine..ten], &text[eight..nine], &text[ten..]);
    same_facts(&swapped, "sections 八 and 九 swapped");
}

#[test]
fn a_dropped_table_is_recorded_missing_and_nothing_else_changes() {
    let text = example_text();
    let start = text.find("表 3\n").unwrap();
    let end = text.find("表 4\n").unwrap();
    let dropped = format!("{}{}", &text[..start], &text[end..]);
    let doc = import(&dropped).document;
    assert!(doc.table(TableKind::ExpenditureSummary).is_none());
    assert!(doc.missing_tables.iter().any(|m| m.kind == TableKind::ExpenditureSummary));
    let original = facts(&import(&text).document);
    let got = facts(&doc);
    let lost: BTreeSet<&String> = original.difference(&got).collect();
    assert!(
        lost.iter().all(|f| f.starts_with("ExpenditureSummary/") || f.starts_with("table ExpenditureSummary")),
        "{lost:#?}"
    );
    let gained: Vec<&String> = got.difference(&original).collect();
    assert_eq!(gained, vec!["missing ExpenditureSummary"]);
}

#[test]
fn gbk_and_utf16_bytes() {
    let text = example_text();
    let original = facts(&import(&text).document);
    let (gbk, _, had_errors) = encoding_rs::GB18030.encode(&text);
    assert!(!had_errors);
    let options = gongkai_import::ImportOptions::default();
    let imported = gongkai_import::import_bytes(&gbk, "gbk.txt", gongkai_import::Format::Text, &options).unwrap();
    assert_eq!(imported.document.meta.source.encoding.as_deref(), Some("gb18030"));
    assert_eq!(facts(&imported.document), original);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let imported = gongkai_import::import_bytes(&utf16, "u16.txt", gongkai_import::Format::Text, &options).unwrap();
    assert_eq!(facts(&imported.document), original);
}

#[test]
fn markdown_residue_and_half_width_punctuation() {
    let text = example_text()
        .replace('：', ":")
        .replace('（', "(")
        .replace('）', ")")
        .replace("\n一、主要职能", "\n**一、主要职能**");
    let doc = import(&text).document;
    assert!(doc.unparsed.is_empty(), "{:#?}", doc.unparsed);
    assert_eq!(doc.tables.len(), import(&example_text()).document.tables.len());
    assert_eq!(doc.profile.offices.stated_count, Some(9));
}

/// The table number printed on the title's own line (`表1：…`, `附表1 …`,
/// `…（预算表1）`) instead of on a line above it: the same tables, with their
/// numbers.
#[test]
fn table_numbers_on_the_title_line() {
    let original = import(&example_text()).document;
    let numbers: Vec<Option<u32>> = original.tables.iter().map(|t| t.number).collect();
    for style in 0..3 {
        let text = example_text();
        let lines: Vec<&str> = text.lines().collect();
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let number = lines[i].trim().strip_prefix("表 ").and_then(|n| n.parse::<u32>().ok());
            let title = (i + 1..lines.len()).find(|&k| !lines[k].trim().is_empty());
            match (number, title) {
                (Some(n), Some(t)) => {
                    let name = lines[t].trim();
                    out.push(match style {
                        0 => format!("表{n}：{name}"),
                        1 => format!("附表{n} {name}"),
                        _ => format!("{name}（预算表{n}）"),
                    });
                    i = t + 1;
                }
                _ => {
                    out.push(lines[i].to_owned());
                    i += 1;
                }
            }
        }
        let variant = out.join("\n");
        same_facts(&variant, &format!("numbers on the title line, style {style}"));
        let got: Vec<Option<u32>> = import(&variant).document.tables.iter().map(|t| t.number).collect();
        assert_eq!(got, numbers, "style {style}");
    }
}
