//! The numeric-claim parser on one paragraph; every span it reports must lie
//! inside the paragraph and reprint the figure it holds.
#![no_main]

use gongkai_claims::{parse_paragraph, parse_quantity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(p) = std::str::from_utf8(data) else { return };
    let chars: Vec<char> = p.chars().collect();
    for claim in parse_paragraph(p) {
        assert!(claim.span.start <= claim.span.end && claim.span.end <= chars.len());
        let figures = [&claim.amount, &claim.share]
            .into_iter()
            .chain(claim.change.iter().flat_map(|c| [&c.amount, &c.rate]))
            .flatten();
        for figure in figures {
            assert!(figure.span.start <= figure.span.end && figure.span.end <= chars.len());
            let printed: String = chars[figure.span.clone()].iter().collect();
            assert_eq!(parse_quantity(&printed), Some(figure.value), "{printed:?}");
        }
    }
});
