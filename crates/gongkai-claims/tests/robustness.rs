//! Long and hostile input: the parser must return (no panic, no quadratic blow-up)
//! and every span it reports must be valid.

use gongkai_claims::{ParsedClaim, parse_paragraph, parse_quantity};

/// Checks the spans of `claims` against `p`.
fn assert_valid(p: &str, claims: &[ParsedClaim]) {
    // Slice a char vector: `span_text` walks the string from its start each time,
    // which would make this check (not the parser) quadratic on a megabyte.
    let chars: Vec<char> = p.chars().collect();
    let n = chars.len();
    for c in claims {
        assert!(c.span.start <= c.span.end && c.span.end <= n);
        let figures =
            [&c.amount, &c.share].into_iter().chain(c.change.iter().flat_map(|ch| [&ch.amount, &ch.rate])).flatten();
        for f in figures {
            let printed: String = chars[f.span.clone()].iter().collect();
            assert_eq!(parse_quantity(&printed), Some(f.value));
        }
    }
}

/// A deterministic xorshift generator (no rand crate needed).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Garbage mixing CJK, digits, units, keywords and punctuation of both widths.
fn garbage(seed: u64, chars: usize) -> String {
    const PIECES: &[&str] = &[
        "万元",
        "元",
        "%",
        "％",
        "占",
        "增加",
        "减少",
        "增长",
        "下降",
        "持平",
        "一致",
        "比上年",
        "包括",
        "主要原因是",
        "其中",
        "：",
        ":",
        "，",
        ",",
        "。",
        "；",
        "、",
        "(类)",
        "（款）",
        "(项)",
        "“三公”",
        "价值",
        "平方米",
        "辆",
        "台",
        "个",
        "以上",
        ">=",
        "-",
        ".",
        "0",
        "1",
        "9",
        "1,010.70",
        "１２３",
        "2024年",
        "\n",
        "\t",
        " ",
        "a",
        "Z",
        "预算数为",
        "基本支出",
        "的",
        "单位",
        "局",
        "〔",
        "〕",
        "号",
        "等",
        "亿元",
        "１，０００．５",
        "1.2.3",
        "12345678901234567890123",
    ];
    let mut rng = XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut out = String::new();
    let mut count = 0;
    while count < chars {
        let r = rng.next();
        let piece = if r.is_multiple_of(5) {
            // A random character from the CJK block or ASCII.
            let c = if r.is_multiple_of(2) { 0x4E00 + (r >> 8) % 0x5000 } else { 0x20 + (r >> 8) % 0x5F };
            char::from_u32(c as u32).unwrap_or('x').to_string()
        } else {
            PIECES[(r >> 3) as usize % PIECES.len()].to_owned()
        };
        count += piece.chars().count();
        out.push_str(&piece);
    }
    out
}

#[test]
fn one_megabyte_of_repeated_claims() {
    let sentence = "基本支出927.93万元，占91.81%，比上年预算增加414.95万元，增长80.89%，主要原因是人员增加。";
    let repeats = 1_000_000 / sentence.len() + 1;
    let p = sentence.repeat(repeats);
    let claims = parse_paragraph(&p);
    assert_eq!(claims.len(), repeats);
    assert!(claims.iter().all(|c| c.subject.label == "基本支出" && c.change.is_some()));
    assert_valid(&p, &claims[..10]);
}

#[test]
fn one_megabyte_without_sentence_ends() {
    // No separator at all: leads are bounded, so this stays linear.
    let p = "基本支出1万元占2%比上年增加3万元增长4%".repeat(50_000);
    let claims = parse_paragraph(&p);
    assert_eq!(claims.len(), 50_000);
    assert_valid(&p, &claims[..10]);
    // A reason that never ends swallows everything after it, quickly.
    let p = format!("基本支出1万元，主要原因是{}", "人员增加1名".repeat(100_000));
    assert_eq!(parse_paragraph(&p).len(), 1);
    let p = "包括".repeat(300_000);
    assert!(parse_paragraph(&p).is_empty());
}

#[test]
fn one_megabyte_of_garbage() {
    let p = garbage(1, 600_000);
    assert!(p.len() >= 1_000_000);
    let claims = parse_paragraph(&p);
    assert_valid(&p, &claims);
}

#[test]
fn many_short_garbage_paragraphs() {
    for seed in 0..3_000 {
        let p = garbage(seed, (seed % 120) as usize);
        let claims = parse_paragraph(&p);
        assert_valid(&p, &claims);
    }
}
