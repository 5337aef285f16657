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
    if let Some(count) = subordinate_count(&p.text) {
        profile.subordinate_units.stated_count = Some(count);
        profile.subordinate_units.text = Some(text.clone());
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

/// `下设9个处室，分别是：办公室、…。`
fn offices(text: &str) -> Option<CountedList> {
    let (count, _) = count_before(text, &["个处室", "个科室", "个内设机构", "个股室", "个职能科室", "个部门"])?;
    let names = text
        .split_once("分别是")
        .or_else(|| text.split_once("包括"))
        .map(|(_, rest)| {
            rest.trim_start_matches([':', '：'])
                .trim_end_matches(['。', '；', ';'])
                .split(['、', '，', ','])
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default();
    Some(CountedList { stated_count: Some(count), names, text: None })
}

fn subordinate_count(text: &str) -> Option<u32> {
    if text.contains("无下属") || text.contains("没有下属") {
        return Some(0);
    }
    count_before(text, &["个下属", "家下属", "个二级预算单位", "个所属单位"]).map(|(n, _)| n)
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
