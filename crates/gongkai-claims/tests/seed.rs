//! The seed document's explanation part (第三部分), paragraph by paragraph: a
//! reviewed snapshot of every claim, a coverage check of every 万元 and % figure,
//! and a round trip of every figure span.

mod common;

use common::{explanation_paragraphs, figure_spans, view};
use gongkai_claims::{parse_paragraph, parse_quantity, span_text};
use serde_json::json;

#[test]
fn snapshot_of_seed_claims() {
    let paragraphs: Vec<_> = explanation_paragraphs()
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let claims = parse_paragraph(p);
            (!claims.is_empty()).then(|| {
                let claims: Vec<_> = claims.iter().map(|c| view(p, c)).collect();
                json!({ "paragraph": i, "claims": claims })
            })
        })
        .collect();
    insta::assert_json_snapshot!("seed_explanation_claims", paragraphs);
}

/// Why a printed 万元 or % figure is deliberately not a claim, if it is not.
fn skip_reason(chars: &[char], start: usize, end: usize) -> Option<&'static str> {
    let after: String = chars[end..].iter().take(2).collect();
    if after == "以上" || after == "以下" {
        return Some("threshold qualifying a noun (单位价值50万元以上大型设备)");
    }
    let before: String = chars[start.saturating_sub(2)..start].iter().collect();
    if before.ends_with('=') || before.ends_with('<') || before.ends_with('>') || before.ends_with("达到") {
        return Some("performance target (=100%, >=80%, 达到80%), not a budget figure");
    }
    None
}

/// Every `\d+(,\d{3})*(\.\d+)?` directly followed by 万元 or %, found by a scan
/// independent of the parser: (start, end) in chars, unit included.
fn money_and_percent_figures(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for k in 0..chars.len() {
        let unit_len = if chars[k..].starts_with(&['万', '元']) {
            2
        } else if chars[k] == '%' {
            1
        } else {
            continue;
        };
        let mut s = k;
        while s > 0 && (chars[s - 1].is_ascii_digit() || matches!(chars[s - 1], '.' | ',')) {
            s -= 1;
        }
        while s < k && !chars[s].is_ascii_digit() {
            s += 1;
        }
        if s < k {
            out.push((s, k + unit_len));
        }
    }
    out
}

#[test]
fn every_money_and_percent_figure_is_claimed_once() {
    let mut checked = 0;
    let mut skipped = Vec::new();
    for p in explanation_paragraphs() {
        let chars: Vec<char> = p.chars().collect();
        let claims = parse_paragraph(&p);
        let spans: Vec<_> = claims.iter().flat_map(figure_spans).map(|s| s.span.clone()).collect();
        let expected = money_and_percent_figures(&chars);
        for &(s, e) in &expected {
            let text: String = chars[s..e].iter().collect();
            let covering = spans.iter().filter(|span| span.start == s && span.end == e).count();
            match skip_reason(&chars, s, e) {
                Some(reason) => {
                    assert_eq!(covering, 0, "`{text}` skipped ({reason}) but claimed in: {p}");
                    skipped.push((text, reason));
                }
                None => {
                    assert_eq!(covering, 1, "`{text}` claimed {covering} times in: {p}");
                    checked += 1;
                }
            }
        }
        // And the other way round: no 万元/% claim figure the scan did not find.
        let money_or_percent = claims
            .iter()
            .flat_map(figure_spans)
            .filter(|f| matches!(f.value.unit, gongkai_model::Unit::WanYuan | gongkai_model::Unit::Percent))
            .count();
        let kept = expected.iter().filter(|&&(s, e)| skip_reason(&chars, s, e).is_none()).count();
        assert_eq!(money_or_percent, kept, "unexpected figures in: {p}");
    }
    assert!(checked > 100, "only {checked} figures checked");
    // The seed's thresholds (50/100万元以上) and performance targets (80%, 100% …).
    assert!(skipped.iter().any(|(t, _)| t == "50万元"));
    assert!(skipped.iter().any(|(t, _)| t == "80%"));
}

#[test]
fn every_figure_span_parses_back_to_its_quantity() {
    for p in explanation_paragraphs() {
        for claim in parse_paragraph(&p) {
            assert!(claim.span.start <= claim.span.end && claim.span.end <= p.chars().count());
            for figure in figure_spans(&claim) {
                let printed = span_text(&p, &figure.span);
                assert_eq!(parse_quantity(&printed), Some(figure.value), "`{printed}` in {p}");
                assert!(figure.span.start >= claim.span.start && figure.span.end <= claim.span.end);
            }
        }
    }
}
