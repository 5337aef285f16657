//! Printed numbers: exact decimals that remember how many decimals were printed.
//!
//! Every amount, share and rate in a disclosure is a rounded, printed figure. The
//! rounding tolerance of a comparison (DOMAIN.md §5) depends on how many decimals
//! each figure was printed with, so the scale must survive import, JSON exchange
//! and export. `rust_decimal::Decimal` keeps its scale (`1.10` stays `1.10`), and we
//! exchange it as a JSON *string*: a JSON number would pass through `f64` and lose
//! the scale (PATTERNS.md §Serde).

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An exact decimal as printed, e.g. `1010.70` (scale 2) or `12` (scale 0).
///
/// Thousands separators are not part of the value; the scale is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Number(pub Decimal);

/// The pattern every serialised [`Number`] matches.
pub const NUMBER_PATTERN: &str = r"^-?[0-9]{1,20}(\.[0-9]{1,8})?$";

impl Number {
    /// The zero printed without decimals.
    pub const ZERO: Number = Number(Decimal::ZERO);

    /// The exact value.
    pub fn value(self) -> Decimal {
        self.0
    }

    /// How many decimals were printed (`1,010.70` → 2).
    pub fn decimals(self) -> u32 {
        self.0.scale()
    }

    /// Half a unit in the last printed place (`1.08` → 0.005, `12` → 0.5): the
    /// rounding a printed figure may hide (DOMAIN.md §5). The one definition,
    /// used by the rules' tolerance and by the importer where a structure is
    /// read from sums.
    pub fn half_unit(self) -> Decimal {
        let mut h = Decimal::new(5, 1);
        // 0.5 · 10^-scale: shift the decimal point; never fails for scale ≤ 27.
        let _ = h.set_scale(1 + self.decimals().min(26));
        h
    }

    /// Whether `parts` add up to this total within the rounding of every
    /// printed figure: `|T − Σvᵢ| ≤ ½·10^(−d_T) + Σ ½·10^(−dᵢ)`.
    pub fn adds_up(self, parts: &[Number]) -> bool {
        let sum: Decimal = parts.iter().map(|p| p.value()).sum();
        let allowed: Decimal = self.half_unit() + parts.iter().map(|p| p.half_unit()).sum::<Decimal>();
        (self.value() - sum).abs() <= allowed
    }

    /// Parses a plain decimal (`-12.50`), the form used in JSON. Printed forms with
    /// separators or full-width digits are the importer's business.
    pub fn parse(text: &str) -> Result<Number, NumberError> {
        let bytes = text.as_bytes();
        let digits = text.strip_prefix('-').unwrap_or(text);
        let (int, frac) = match digits.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (digits, None),
        };
        let ok_int = !int.is_empty() && int.len() <= 20 && int.bytes().all(|b| b.is_ascii_digit());
        let ok_frac = frac.is_none_or(|f| !f.is_empty() && f.len() <= 8 && f.bytes().all(|b| b.is_ascii_digit()));
        if bytes.is_empty() || !ok_int || !ok_frac {
            return Err(NumberError(text.chars().take(40).collect()));
        }
        Decimal::from_str(text).map(Number).map_err(|_| NumberError(text.chars().take(40).collect()))
    }
}

/// Folds a full-width ASCII variant (`１`, `，`, `．`, `－`) to its half-width form;
/// other characters are returned unchanged. One character in, one out, so that
/// character columns stay valid.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

impl Number {
    /// Parses a figure as printed in a disclosure: optional sign, thousands
    /// separators (`1,010.70`), full-width digits (`１０１０．７０`) and surrounding
    /// blanks are accepted; anything else (units, words, a lone `-`) is not a number.
    ///
    /// Separators must group by three so that `1,01` (a list of two numbers) is not
    /// read as 101.
    pub fn parse_printed(text: &str) -> Option<Number> {
        // Asked of every cell, most of them words: anything but digits, signs,
        // separators and blanks ends the parse at once. The longest valid figure
        // (20 digits with separators, 8 decimals, a sign) fits the buffer, so the
        // parse allocates nothing.
        let mut buffer = [0u8; 48];
        let mut len = 0;
        for c in text.trim().chars().map(fold_width) {
            if c == ' ' {
                continue;
            }
            if !(c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '+')) || len == buffer.len() {
                return None;
            }
            buffer[len] = c as u8;
            len += 1;
        }
        let folded = std::str::from_utf8(&buffer[..len]).ok()?;
        let (negative, body) = match folded.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, folded.strip_prefix('+').unwrap_or(folded)),
        };
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        if int.contains(',') {
            let mut groups = int.split(',');
            let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
            if !first_ok || groups.any(|g| g.len() != 3) {
                return None;
            }
        }
        let mut plain = [0u8; 48];
        let mut at = 0;
        let mut put = |b: u8| {
            plain[at] = b;
            at += 1;
        };
        if negative {
            put(b'-');
        }
        int.bytes().filter(|b| *b != b',').for_each(&mut put);
        if let Some(f) = frac {
            put(b'.');
            f.bytes().for_each(&mut put);
        }
        Number::parse(std::str::from_utf8(&plain[..at]).ok()?).ok()
    }
}

impl From<Decimal> for Number {
    fn from(value: Decimal) -> Self {
        Number(value)
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// A string that is not a plain decimal number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a decimal number: `{0}` (expected digits with an optional `.` and at most 8 decimals)")]
pub struct NumberError(pub String);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        Number::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Number {
    fn schema_name() -> Cow<'static, str> {
        "Number".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An exact decimal as printed, as a string so that its scale survives (\"1010.70\").",
            "type": "string",
            "pattern": NUMBER_PATTERN
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_scale_through_json() {
        let n = Number::parse("1010.70").unwrap();
        assert_eq!(n.decimals(), 2);
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(json, "\"1010.70\"");
        let back: Number = serde_json::from_str(&json).unwrap();
        assert_eq!(back.decimals(), 2);
        assert_eq!(back, n);
    }

    #[test]
    fn rejects_json_numbers_and_garbage() {
        assert!(serde_json::from_str::<Number>("1010.7").is_err());
        for bad in ["", "-", "1.", ".5", "1,010.70", "1e5", "１２", "12.123456789"] {
            assert!(Number::parse(bad).is_err(), "{bad}");
        }
        assert!(Number::parse("-0.5").is_ok());
    }

    #[test]
    fn parses_printed_forms() {
        let n = |s| Number::parse_printed(s).map(|n| n.to_string());
        assert_eq!(n("1,010.70").as_deref(), Some("1010.70"));
        assert_eq!(n(" １，０１０．７０ ").as_deref(), Some("1010.70"));
        assert_eq!(n("-3.5").as_deref(), Some("-3.5"));
        assert_eq!(n("0.00").as_deref(), Some("0.00"));
        assert_eq!(n("1,01"), None);
        assert_eq!(n("12万元"), None);
        assert_eq!(n("-"), None);
        assert_eq!(n(""), None);
        assert_eq!(n("+5").as_deref(), Some("5"));
        assert_eq!(n("1 000.5").as_deref(), Some("1000.5"));
        assert_eq!(n("12,345,678,901,234,567,890.12345678").as_deref(), Some("12345678901234567890.12345678"));
        assert_eq!(Number::parse_printed(&"9".repeat(60)), None);
        assert_eq!(n("1.2.3"), None);
        assert_eq!(n("--1"), None);
    }
}
