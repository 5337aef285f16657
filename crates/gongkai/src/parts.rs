//! Which PDFs of one folder are the two parts of one disclosure, by their names.
//!
//! Departments often publish a disclosure as two attachments: the explanation
//! (`…附件1 部门预算情况说明.pdf`) and the tables (`…附件2 部门预算公开表.pdf`).
//! Two PDFs of one folder are one document when their names, without the
//! attachment number and the words naming the part, are the same, and one
//! names the tables (`报表`, `公开表`, `表格`, a name ending in `表`) and the other
//! the explanation (`说明`). Anything less certain (two candidates for one
//! name, a name naming both parts) pairs nothing.

use std::collections::BTreeMap;
use std::path::PathBuf;

/// The words naming the tables' part, longest first (and a name ending in
/// `表`: `某局部门预算表`).
const TABLE_WORDS: [&str; 4] = ["公开报表", "报表", "公开表", "表格"];
/// The words naming the explanation's part, longest first.
const TEXT_WORDS: [&str; 2] = ["情况说明", "说明"];

/// Which part of a disclosure a file's name says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Tables,
    Text,
}

/// The name without its part's words and attachment number, and the part
/// it names; `None` when it names neither part or both.
fn part_of(stem: &str) -> Option<(String, Part)> {
    let trimmed = stem.trim_end_matches(|c: char| " _-—－)）]】".contains(c));
    let ends_in_table = trimmed.ends_with('表').then_some(&"表");
    let tables = TABLE_WORDS.iter().find(|w| stem.contains(*w)).or(ends_in_table);
    let text = TEXT_WORDS.iter().find(|w| stem.contains(*w));
    let (word, part) = match (tables, text) {
        (Some(w), None) => (*w, Part::Tables),
        (None, Some(w)) => (*w, Part::Text),
        _ => return None,
    };
    let mut base = match part {
        // (The last `表`: the one ending the name.)
        Part::Tables if word == "表" => trimmed[..trimmed.len() - word.len()].to_owned(),
        _ => stem.replacen(word, "", 1),
    };
    // `附件1`, `附件二`: the attachment's number differs between the parts.
    if let Some(at) = base.find("附件") {
        let tail = &base[at + "附件".len()..];
        let number: usize = tail
            .chars()
            .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
            .map(char::len_utf8)
            .sum();
        base = format!("{}{}", &base[..at], &tail[number..]);
    }
    let base: String = base.chars().filter(|c| !" _-—－、:：()（）[]【】".contains(*c)).collect();
    (!base.is_empty()).then_some((base, part))
}

/// The pairs of a folder's PDFs that are the parts of one disclosure:
/// tables' file → explanation's file, with a note for each.
pub fn pair_pdfs(pdfs: &[&PathBuf], notes: &mut Vec<String>) -> BTreeMap<PathBuf, PathBuf> {
    let mut by_base: BTreeMap<String, (Vec<&PathBuf>, Vec<&PathBuf>)> = BTreeMap::new();
    for pdf in pdfs {
        let Some(stem) = pdf.file_stem().and_then(|s| s.to_str()) else { continue };
        let Some((base, part)) = part_of(stem) else { continue };
        let entry = by_base.entry(base).or_default();
        match part {
            Part::Tables => entry.0.push(pdf),
            Part::Text => entry.1.push(pdf),
        }
    }
    let mut pairs = BTreeMap::new();
    for (tables, texts) in by_base.values() {
        if let ([tables], [text]) = (tables.as_slice(), texts.as_slice()) {
            notes.push(format!(
                "{} + {}: 两个文件名只差“表”与“说明”，作为同一份公开的报表和情况说明一并检查",
                tables.display(),
                text.display()
            ));
            pairs.insert((*tables).clone(), (*text).clone());
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(names: &[&str]) -> Vec<(String, String)> {
        let paths: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
        let refs: Vec<&PathBuf> = paths.iter().collect();
        let mut notes = Vec::new();
        let found = pair_pdfs(&refs, &mut notes);
        assert_eq!(notes.len(), found.len());
        found.into_iter().map(|(a, b)| (a.display().to_string(), b.display().to_string())).collect()
    }

    #[test]
    fn attachments_naming_tables_and_explanation_are_one_document() {
        let found = pairs(&["某局2026年部门预算（附件1：情况说明）.pdf", "某局2026年部门预算（附件2：公开报表）.pdf"]);
        assert_eq!(
            found,
            [("某局2026年部门预算（附件2：公开报表）.pdf".into(), "某局2026年部门预算（附件1：情况说明）.pdf".into())]
        );
        let found = pairs(&["某局部门预算说明.pdf", "某局部门预算表.pdf"]);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn other_names_and_doubtful_cases_pair_nothing() {
        // Different departments.
        assert!(pairs(&["某局预算说明.pdf", "某委预算报表.pdf"]).is_empty());
        // Two candidate tables for one explanation.
        assert!(pairs(&["某局说明.pdf", "某局报表.pdf", "某局表格.pdf"]).is_empty());
        // Neither part named, or both in one name.
        assert!(pairs(&["某局部门预算.pdf", "某局部门预算公开.pdf"]).is_empty());
        assert!(pairs(&["某局预算表及说明.pdf", "某局说明.pdf"]).is_empty());
    }
}
