//! 单位概况: functions, offices, subordinate units and staffing sentences.

use gongkai_model::{CountedList, HeadCount, Provenance, UnitProfile};

use super::paragraph::Paragraph;
use super::vocabulary::numeral_value;

/// Puts one paragraph of the profile where it belongs.
pub fn absorb(profile: &mut UnitProfile, heading: &str, p: &Paragraph) {
    let text = p.to_text_ref();
    if heading.contains("职能") || heading.contains("职责") {
        profile.functions.push(text);
        return;
    }
    let mut used = false;
    if let Some(list) = offices(&p.text) {
        profile.offices = CountedList { text: Some(text.clone()), ..list };
        used = true;
    }
    if let Some((count, _)) = subordinate_count(&p.text) {
        profile.subordinate_units.stated_count = Some(count);
        profile.subordinate_units.text = Some(text.clone());
        profile.subordinate_units.names.extend(unit_lists(&p.text));
        used = true;
    }
    if p.text.contains("编制") || p.text.contains("实有人数") {
        staffing(profile, p);
        profile.staffing.text = Some(text.clone());
        used = true;
    }
    if !used {
        profile.other.push(text);
    }
}

/// A number (Arabic or Chinese) right before one of `words`.
fn count_before(text: &str, words: &[&str]) -> Option<(u32, usize)> {
    for word in words {
        if let Some(pos) = text.find(word) {
            let before: Vec<char> = text[..pos].chars().collect();
            let digits: String = before
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit() || "零一二三四五六七八九十".contains(**c))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if let Some(n) = numeral_value(&digits) {
                return Some((n, pos));
            }
        }
    }
    None
}

/// A number (Arabic or Chinese) right after one of `words`, before `个`/`家`
/// (`下设二级预算单位6个`).
fn count_after(text: &str, words: &[&str]) -> Option<(u32, usize)> {
    for word in words {
        if let Some(pos) = text.find(word) {
            let after = &text[pos + word.len()..];
            let digits: String =
                after.chars().take_while(|c| c.is_ascii_digit() || "零一二三四五六七八九十".contains(*c)).collect();
            let rest = &after[digits.len()..];
            if rest.starts_with(['个', '家'])
                && let Some(n) = numeral_value(&digits)
            {
                return Some((n, pos));
            }
        }
    }
    None
}

/// The names listed after `分别是` / `包括` in a sentence, up to its full stop
/// (`…分别是：办公室、政策法规处。`).
fn listed_names(text: &str) -> Vec<String> {
    let Some((_, rest)) = text.split_once("分别是").or_else(|| text.split_once("包括")) else { return Vec::new() };
    let sentence = rest.split(['。', '；', ';']).next().unwrap_or_default();
    sentence
        .trim_start_matches([':', '：'])
        .split(['、', '，', ','])
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Every list of units in a paragraph about them (`下设二级预算单位6个，分别是：
/// …；下设其他二级预算单位3个：…`, `预算单位共计42家，具体包括：…`), a
/// unit's other name in brackets (`某监测中心（某发展中心）`) as a name too.
fn unit_lists(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in text.match_indices("单位") {
        let rest = &text[at + "单位".len()..];
        // The count, then the list: `6个，分别是：`, `3个:`, `共计42家，具体包括：`.
        // (The count may also stand before: `有2个下属单位，分别是：`.)
        let counted =
            rest.trim_start_matches(|c: char| c.is_ascii_digit() || "共计有零一二三四五六七八九十".contains(c));
        let after = counted.strip_prefix(['个', '家']).unwrap_or(counted);
        let after = after.trim_start_matches([',', '，']);
        let list = ["分别是", "具体包括", "包括", ":", "："].iter().find_map(|w| after.strip_prefix(w));
        let Some(list) = list else { continue };
        for name in listed_names(&format!("分别是{list}")) {
            match name.strip_suffix(['）', ')']).and_then(|n| n.rsplit_once(['（', '('])) {
                Some((own, other)) if other.chars().count() >= 4 => {
                    names.push(own.to_owned());
                    names.push(other.to_owned());
                }
                _ if name.chars().count() >= 4 => names.push(name),
                _ => {}
            }
        }
    }
    names
}

/// `下设9个处室，分别是：办公室、…。`
fn offices(text: &str) -> Option<CountedList> {
    let (count, _) = count_before(text, &["个处室", "个科室", "个内设机构", "个股室", "个职能科室", "个部门"])?;
    Some(CountedList { stated_count: Some(count), names: listed_names(text), text: None })
}

/// The number of subordinate units a sentence states (`下设3个二级预算单位`,
/// `下设二级预算单位6个`), and where it is stated.
fn subordinate_count(text: &str) -> Option<(u32, usize)> {
    if text.contains("无下属") || text.contains("没有下属") {
        return Some((0, 0));
    }
    count_before(text, &["个下属", "家下属", "个二级预算单位", "个所属单位"]).or_else(|| {
        count_after(
            text,
            &["二级预算单位", "下属单位", "所属单位", "下属事业单位", "所属事业单位", "下属预算单位", "预算单位共计"],
        )
    })
}

/// `编制数32，实有人数38人，其中：在职29人，增加0人；退休9人，增加0人；离休0人，增加0人。`
fn staffing(profile: &mut UnitProfile, p: &Paragraph) {
    let text = &p.text;
    let s = &mut profile.staffing;
    s.authorized = number_after(p, text, &["编制数为", "编制数", "核定编制", "编制"]);
    s.actual = number_after(p, text, &["实有人数为", "实有人数", "实有"]);
    s.in_service = number_after(p, text, &["在职人员", "在职"]);
    s.retired = number_after(p, text, &["退休人员", "退休"]);
    s.retired_veteran = number_after(p, text, &["离休人员", "离休"]);
}

/// The number printed right after a keyword, with the change clause that follows
/// (`，增加0人` / `，减少2人`).
fn number_after(p: &Paragraph, text: &str, keys: &[&str]) -> Option<HeadCount> {
    for key in keys {
        let Some(pos) = text.find(key) else { continue };
        let after = &text[pos + key.len()..];
        let after = after.trim_start_matches(['为', ':', '：', ' ']);
        let digits: String = after.chars().take_while(|c| c.is_ascii_digit()).collect();
        let Ok(count) = digits.parse::<u32>() else { continue };
        let start_byte = text.len() - after.len();
        let start = text[..start_byte].chars().count();
        let rest = &after[digits.len()..];
        let rest = rest.trim_start_matches(['人', '名']);
        let clause: String = rest.chars().take_while(|c| !matches!(c, '；' | ';' | '。')).collect();
        let change = ["增加", "减少"].iter().find_map(|w| {
            let at = clause.find(w)?;
            let n: String = clause[at + w.len()..].chars().take_while(|c| c.is_ascii_digit()).collect();
            let n: i64 = n.parse().ok()?;
            Some(if *w == "减少" { -n } else { n })
        });
        let source: Provenance = p.locate(start, start + digits.chars().count());
        return Some(HeadCount { count, change, source });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subordinate_units_counted_either_way_and_named() {
        assert_eq!(subordinate_count("本部门下设3个二级预算单位。").map(|(n, _)| n), Some(3));
        let text = "部机关内设24个职能处室。下设二级预算单位2个，分别是：某市研究中心、某市保护中心。";
        let (count, _) = subordinate_count(text).unwrap();
        assert_eq!(count, 2);
        assert_eq!(unit_lists(text), ["某市研究中心", "某市保护中心"]);
        let text = "下设二级预算单位1个,分别是:某市研究中心;下设其他二级预算单位2个:某市服务中心、某市监测中心（某市发展中心）。";
        assert_eq!(unit_lists(text), ["某市研究中心", "某市服务中心", "某市监测中心", "某市发展中心"]);
        let text = "某局有2个下属单位，分别是：某局普查中心、某局监测中心（某局发展中心）。";
        assert_eq!(unit_lists(text), ["某局普查中心", "某局监测中心", "某局发展中心"]);
        let text = "预算单位共计2家，具体包括：某局（本级）、某局研究院。";
        assert_eq!(subordinate_count(text).map(|(n, _)| n), Some(2));
        assert_eq!(unit_lists(text), ["某局（本级）", "某局研究院"]);
        // The offices' list ends with its sentence.
        let offices = offices("内设2个处室，分别是：办公室、财务处。下设某中心。").unwrap();
        assert_eq!(offices.names, ["办公室", "财务处"]);
    }
}
