//! Raising one printed figure of a document's text, for the mutation tests: this
//! crate's `mutations.rs` (the example, every figure) and the CLI crate's
//! `real_mutations.rs` (the corpus PDFs, sampled table cells) include this file.

#![allow(dead_code)]

use gongkai_model::{Decimal, Number, Provenance};

/// A printed figure raised by one unit of its integer part, keeping its sign,
/// decimals, thousands separators and any unit after it (`-3.00` → `-4.00`: the
/// magnitude grows).
pub fn raised(printed: &str) -> Option<String> {
    raised_by(printed, Decimal::ONE)
}

/// A printed figure raised by `step`, printed as [`raised`] prints it.
pub fn raised_by(printed: &str, step: Decimal) -> Option<String> {
    let (sign, unsigned) = printed.strip_prefix('-').map_or(("", printed), |rest| ("-", rest));
    let digits: String = unsigned.chars().take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.').collect();
    let rest = &unsigned[digits.len()..];
    let n = Number::parse_printed(&digits)?;
    let bigger = n.value() + step;
    let plain = format!("{:.*}", n.decimals() as usize, bigger);
    let formatted = if digits.contains(',') { group(&plain) } else { plain };
    Some(format!("{sign}{formatted}{rest}"))
}

fn group(plain: &str) -> String {
    let (int, frac) = plain.split_once('.').map_or((plain, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{out}.{f}"),
        None => out,
    }
}

/// The text with the figure at `at` (line, column and length) raised by one,
/// and a description of the change (`line 12: 376.92 → 377.92`); `None` when
/// `at` has no column or points at no figure.
pub fn mutate(text: &str, at: &Provenance) -> Option<(String, String)> {
    mutate_by(text, at, Decimal::ONE)
}

/// The text with the figure at `at` raised by `step`, as [`mutate`].
pub fn mutate_by(text: &str, at: &Provenance, step: Decimal) -> Option<(String, String)> {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    let line = lines.get_mut(at.line as usize - 1)?;
    let chars: Vec<char> = line.chars().collect();
    let start = at.column? as usize - 1;
    let end = start + at.length? as usize;
    let printed: String = chars.get(start..end)?.iter().collect();
    let replacement = raised_by(&printed, step)?;
    let new_line: String =
        chars[..start].iter().copied().chain(replacement.chars()).chain(chars[end..].iter().copied()).collect();
    let description = format!("line {}: {printed} → {replacement}", at.line);
    *line = new_line;
    Some((lines.join("\n"), description))
}
