//! Reading document numbers (文号) such as `昌州财建〔2024〕161号` out of prose,
//! with the title cited next to them (`《关于…的通知》`). Shared by K103 and F103.

use gongkai_model::{TextRef, fold_width};

use crate::rules::narrative::resolve::norm;

/// A cited document number.
#[derive(Clone, Debug)]
pub struct DocNumber<'a> {
    /// The issuer's abbreviation (`昌州财建`).
    pub issuer: String,
    /// The year (`2024`).
    pub year: String,
    /// The serial number (`161`).
    pub number: String,
    /// The brackets around the year as printed.
    pub open: char,
    /// The closing bracket.
    pub close: char,
    /// The number as printed (`昌州财建[2023]161号`).
    pub raw: String,
    /// The title cited with it, normalised for comparison.
    pub title_key: Option<String>,
    /// The title as printed (without 《》).
    pub title: Option<String>,
    /// The text it stands in.
    pub text: &'a TextRef,
}

impl DocNumber<'_> {
    /// The number written with the standard brackets: `昌州财建〔2023〕161号`.
    pub fn standard(&self) -> String {
        format!("{}〔{}〕{}号", self.issuer, self.year, self.number)
    }
}

const OPEN: [char; 7] = ['〔', '[', '【', '(', '（', '［', '〖'];
const CLOSE: [char; 7] = ['〕', ']', '】', ')', '）', '］', '〗'];

/// Words that precede a 文号 without being part of its issuer.
const LEADING: [&str; 16] = [
    "依据", "根据", "按照", "依照", "参照", "遵照", "执行", "印发", "下达", "转发", "详见", "及", "和", "与", "据",
    "号",
];

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// A title normalised for comparison: brackets, dashes, widths and blanks unified.
pub fn title_key(title: &str) -> String {
    norm(title)
        .chars()
        .map(|c| match c {
            '—' | '–' | '―' | '－' | '~' | '～' | '〜' | '−' => '-',
            c => c,
        })
        .collect()
}

/// Every document number cited in the texts, each text read once.
pub fn document_numbers<'a>(texts: &[&'a TextRef]) -> Vec<DocNumber<'a>> {
    let mut out = Vec::new();
    for text in texts {
        scan(text, &mut out);
    }
    out
}

fn scan<'a>(text: &'a TextRef, out: &mut Vec<DocNumber<'a>>) {
    // Every 文号 ends in 号; most texts have none and are not scanned.
    if !text.text.contains('号') {
        return;
    }
    let raw: Vec<char> = text.text.chars().collect();
    let chars: Vec<char> = raw.iter().map(|c| fold_width(*c)).collect();
    let mut i = 0;
    while i < chars.len() {
        if !OPEN.iter().any(|o| fold_width(*o) == chars[i]) {
            i += 1;
            continue;
        }
        // 〔2024〕
        let year: String = chars.iter().skip(i + 1).take(4).collect();
        let close_at = i + 5;
        if year.len() != 4
            || !year.chars().all(|c| c.is_ascii_digit())
            || close_at >= chars.len()
            || !CLOSE.iter().any(|c| fold_width(*c) == chars[close_at])
        {
            i += 1;
            continue;
        }
        let mut j = close_at + 1;
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        if j == close_at + 1 || j >= chars.len() || chars[j] != '号' {
            i += 1;
            continue;
        }
        // The issuer: the ideographs before the bracket.
        let mut s = i;
        while s > 0 && i - s < 8 && is_cjk(chars[s - 1]) {
            s -= 1;
        }
        // Words before the issuer (`依据奇财预…`, `根据…`), and a stray 号 left from an
        // edit (`、号奇财预〔2024〕6号`), are not part of it.
        'strip: loop {
            for word in LEADING {
                let w: Vec<char> = word.chars().collect();
                if i - s > w.len() && chars[s..s + w.len()] == w[..] {
                    s += w.len();
                    continue 'strip;
                }
            }
            break;
        }
        if s == i {
            i += 1;
            continue;
        }
        let issuer: String = chars[s..i].iter().collect();
        let number: String = chars[close_at + 1..j].iter().collect();
        let printed: String = raw[s..=j].iter().collect();
        // The title: 《…》 right after, or right before (`《…》（奇财预〔2024〕6号）`).
        let mut title = None;
        let mut k = j + 1;
        while k < chars.len() && chars[k] == ' ' {
            k += 1;
        }
        if k < chars.len() && chars[k] == '《' {
            if let Some(end) = chars[k + 1..].iter().position(|c| *c == '》') {
                title = Some(raw[k + 1..k + 1 + end].iter().collect::<String>());
            }
        } else {
            let mut b = s;
            while b > 0 && matches!(chars[b - 1], '(' | ' ') {
                b -= 1;
            }
            if b > 0
                && chars[b - 1] == '》'
                && let Some(start) = chars[..b - 1].iter().rposition(|c| *c == '《')
            {
                title = Some(raw[start + 1..b - 1].iter().collect::<String>());
            }
        }
        out.push(DocNumber {
            issuer,
            year,
            number,
            open: raw[i],
            close: raw[close_at],
            raw: printed,
            title_key: title.as_deref().map(title_key),
            title,
            text,
        });
        i = j + 1;
    }
}
