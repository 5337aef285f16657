//! Code arithmetic: which classification a code belongs to, its level, its parent and
//! whether it is well formed at all. Nothing here looks at the catalog data: a code can
//! be well formed and still not exist, and this module cannot tell.
//!
//! This file is also compiled into the build script (`build/main.rs` includes it with
//! `#[path]`) so that the data files are validated with exactly the rules the library
//! applies at run time. That is why it uses nothing but `std`.

use std::fmt;

/// Which classification (政府收支分类科目) a code belongs to. The first digit decides;
/// the three ranges do not overlap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scheme {
    /// 支出功能分类科目 (what the money is for): first digit 2; 类 3, 款 5, 项 7 digits.
    Function,
    /// 部门预算支出经济分类科目 (kind of spending, department budgets): first digit 3;
    /// 类 3 digits (301..399), 款 5 digits.
    EconomicDepartment,
    /// 政府预算支出经济分类科目 (kind of spending, government budgets): first digit 5;
    /// 类 3 digits (501..599), 款 5 digits.
    EconomicGovernment,
}

impl Scheme {
    /// Every scheme, in code order (2…, 3…, 5…).
    pub const ALL: [Scheme; 3] = [Scheme::Function, Scheme::EconomicDepartment, Scheme::EconomicGovernment];

    /// The Chinese name, for messages.
    pub fn name_zh(self) -> &'static str {
        match self {
            Scheme::Function => "支出功能分类",
            Scheme::EconomicDepartment => "部门预算支出经济分类",
            Scheme::EconomicGovernment => "政府预算支出经济分类",
        }
    }

    /// The identifier used in `data/sources.toml`: `function`, `economic_department`,
    /// `economic_government`.
    pub fn id(self) -> &'static str {
        match self {
            Scheme::Function => "function",
            Scheme::EconomicDepartment => "economic_department",
            Scheme::EconomicGovernment => "economic_government",
        }
    }

    /// The inverse of [`Scheme::id`].
    pub fn from_id(id: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The deepest level the scheme has: 项 for the function classification, 款 for the
    /// two economic classifications.
    pub fn deepest_level(self) -> Level {
        match self {
            Scheme::Function => Level::Xiang,
            Scheme::EconomicDepartment | Scheme::EconomicGovernment => Level::Kuan,
        }
    }

    fn from_first_digit(digit: u8) -> Option<Scheme> {
        match digit {
            b'2' => Some(Scheme::Function),
            b'3' => Some(Scheme::EconomicDepartment),
            b'5' => Some(Scheme::EconomicGovernment),
            _ => None,
        }
    }
}

/// The level of a code in its hierarchy; decided by its length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// 类: 3 digits.
    Lei,
    /// 款: 5 digits.
    Kuan,
    /// 项: 7 digits (function classification only).
    Xiang,
}

impl Level {
    /// `类`, `款` or `项`.
    pub fn name_zh(self) -> &'static str {
        match self {
            Level::Lei => "类",
            Level::Kuan => "款",
            Level::Xiang => "项",
        }
    }

    /// The number of digits a code of this level has.
    pub fn code_len(self) -> usize {
        match self {
            Level::Lei => 3,
            Level::Kuan => 5,
            Level::Xiang => 7,
        }
    }

    fn from_len(len: usize) -> Option<Level> {
        match len {
            3 => Some(Level::Lei),
            5 => Some(Level::Kuan),
            7 => Some(Level::Xiang),
            _ => None,
        }
    }
}

/// Why a string is not a classification code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MalformedCode {
    /// The string is empty.
    Empty,
    /// A character that is not an ASCII digit, e.g. the letter O in `2O8`. `position`
    /// counts characters from 0.
    NotADigit {
        /// Character position (0-based).
        position: usize,
        /// The offending character.
        found: char,
    },
    /// Codes have 3 (类), 5 (款) or 7 (项) digits; e.g. `2080` or `5010` has 4.
    BadLength {
        /// The number of digits found.
        len: usize,
    },
    /// The first digit is not 2 (function), 3 (department economic) or 5 (government
    /// economic).
    UnknownScheme {
        /// The first digit.
        first: char,
    },
    /// A 7-digit code in an economic classification, which stops at 款.
    TooDeep {
        /// The scheme the first digit selects.
        scheme: Scheme,
    },
    /// A part printed in its own column has the wrong width (类 3 digits, 款 and 项 2);
    /// only [`join_code`] reports this.
    PartWidth {
        /// The level of the part.
        level: Level,
        /// Its length in characters.
        len: usize,
    },
    /// A 项 part without a 款 part; only [`join_code`] reports this.
    XiangWithoutKuan,
    /// A two-digit part is `00`: 类 `200`, 款 `20800`, 项 `2080100` do not exist
    /// (tables use 00 only for subtotal rows, which are not codes).
    ZeroPart {
        /// The level whose part is `00`.
        level: Level,
    },
}

impl MalformedCode {
    /// What is wrong, in Chinese (for the command line's messages).
    pub fn message_zh(&self) -> String {
        match self {
            MalformedCode::Empty => "编码为空".to_owned(),
            MalformedCode::NotADigit { position, found } => format!("第 {} 个字符“{found}”不是数字", position + 1),
            MalformedCode::BadLength { len } => format!("有 {len} 位；科目编码为 3 位（类）、5 位（款）或 7 位（项）"),
            MalformedCode::UnknownScheme { first } => {
                format!("首位 {first} 不是 2（支出功能分类）、3（部门预算支出经济分类）或 5（政府预算支出经济分类）")
            }
            MalformedCode::TooDeep { scheme } => format!("{}只有类、款两级，没有 7 位的项", scheme.name_zh()),
            MalformedCode::PartWidth { level, len } => format!(
                "{}这一段有 {len} 个字符，应为 {} 位",
                level.name_zh(),
                if *level == Level::Lei { 3 } else { 2 }
            ),
            MalformedCode::XiangWithoutKuan => "有项没有款".to_owned(),
            MalformedCode::ZeroPart { level } => format!("{}这一段为 00，不是科目", level.name_zh()),
        }
    }
}

impl fmt::Display for MalformedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MalformedCode::Empty => write!(f, "empty code"),
            MalformedCode::NotADigit { position, found } => {
                write!(f, "character {found:?} at position {position} is not a digit")
            }
            MalformedCode::BadLength { len } => write!(f, "{len} digits; a code has 3 (类), 5 (款) or 7 (项) digits"),
            MalformedCode::UnknownScheme { first } => write!(
                f,
                "first digit {first} is none of 2 (支出功能分类), 3 (部门预算支出经济分类), 5 (政府预算支出经济分类)"
            ),
            MalformedCode::TooDeep { scheme } => {
                write!(f, "{} has 类 and 款 only, no 7-digit 项", scheme.name_zh())
            }
            MalformedCode::PartWidth { level, len } => write!(
                f,
                "the {} part has {len} characters, expected {}",
                level.name_zh(),
                if *level == Level::Lei { 3 } else { 2 }
            ),
            MalformedCode::XiangWithoutKuan => write!(f, "a 项 part without a 款 part"),
            MalformedCode::ZeroPart { level } => {
                write!(f, "the {} part is 00, which no code uses", level.name_zh())
            }
        }
    }
}

// Implemented by hand rather than with `thiserror` so that this file needs nothing
// but `std` and can be shared with the build script.
impl std::error::Error for MalformedCode {}

/// Checks that `code` has the shape of a classification code: ASCII digits only, 3/5/7
/// long, first digit 2, 3 or 5, no 项 in the economic classifications, no `00` part.
/// Does not check that the code exists.
pub fn is_well_formed(code: &str) -> Result<(), MalformedCode> {
    if code.is_empty() {
        return Err(MalformedCode::Empty);
    }
    if let Some((position, found)) = code.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        return Err(MalformedCode::NotADigit { position, found });
    }
    // All characters are ASCII digits from here on, so byte length = digit count and
    // byte slicing cannot split a character.
    let level = Level::from_len(code.len()).ok_or(MalformedCode::BadLength { len: code.len() })?;
    let bytes = code.as_bytes();
    let scheme =
        Scheme::from_first_digit(bytes[0]).ok_or(MalformedCode::UnknownScheme { first: char::from(bytes[0]) })?;
    if level > scheme.deepest_level() {
        return Err(MalformedCode::TooDeep { scheme });
    }
    // Parts: 类 = digits 1..3 (after the scheme digit), 款 = 3..5, 项 = 5..7.
    for (part_level, range) in [(Level::Lei, 1..3), (Level::Kuan, 3..5), (Level::Xiang, 5..7)] {
        if range.end <= bytes.len() && &bytes[range] == b"00" {
            return Err(MalformedCode::ZeroPart { level: part_level });
        }
    }
    Ok(())
}

/// The scheme of a well-formed code; `None` if the code is malformed.
pub fn scheme_of(code: &str) -> Option<Scheme> {
    is_well_formed(code).ok()?;
    Scheme::from_first_digit(*code.as_bytes().first()?)
}

/// The level of a well-formed code (类/款/项 from its length); `None` if malformed.
pub fn level_of(code: &str) -> Option<Level> {
    is_well_formed(code).ok()?;
    Level::from_len(code.len())
}

/// The parent of a well-formed code by pure code arithmetic: `2080505` → `20805` →
/// `208` → `None`. Malformed codes have no parent. Whether the parent exists in the
/// catalog is a separate question.
pub fn parent_of(code: &str) -> Option<&str> {
    match level_of(code)? {
        Level::Lei => None,
        Level::Kuan => code.get(..3),
        Level::Xiang => code.get(..5),
    }
}

/// Joins the parts that tables print in separate columns (`208 | 05 | 05`) into one
/// code (`2080505`) and checks it. Parts are trimmed; an empty 款 or 项 part means the
/// row is of a higher level. A 项 without a 款 is malformed.
pub fn join_code(lei: &str, kuan: &str, xiang: &str) -> Result<String, MalformedCode> {
    let (lei, kuan, xiang) = (lei.trim(), kuan.trim(), xiang.trim());
    if kuan.is_empty() && !xiang.is_empty() {
        // Joining would silently turn `208 | | 05` into the 款 `20805`.
        return Err(MalformedCode::XiangWithoutKuan);
    }
    // Each part must have its own width, or `2 | 080 | 5` would pass as `20805`.
    for (level, part, width) in [(Level::Lei, lei, 3), (Level::Kuan, kuan, 2), (Level::Xiang, xiang, 2)] {
        let len = part.chars().count();
        if len != width && !(level != Level::Lei && len == 0) {
            return Err(MalformedCode::PartWidth { level, len });
        }
    }
    let code = [lei, kuan, xiang].concat();
    is_well_formed(&code)?;
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_codes_pass() {
        for code in ["208", "20805", "2080505", "301", "30101", "399", "501", "50101"] {
            assert_eq!(is_well_formed(code), Ok(()), "{code}");
        }
    }

    #[test]
    fn letter_o_instead_of_zero() {
        assert_eq!(is_well_formed("2O8"), Err(MalformedCode::NotADigit { position: 1, found: 'O' }));
        // A full-width digit is not an ASCII digit either.
        assert!(matches!(is_well_formed("２08"), Err(MalformedCode::NotADigit { position: 0, .. })));
    }

    #[test]
    fn wrong_lengths() {
        assert_eq!(is_well_formed("2080"), Err(MalformedCode::BadLength { len: 4 }));
        assert_eq!(is_well_formed("5010"), Err(MalformedCode::BadLength { len: 4 }));
        assert_eq!(is_well_formed("20"), Err(MalformedCode::BadLength { len: 2 }));
        assert_eq!(is_well_formed(""), Err(MalformedCode::Empty));
        assert_eq!(is_well_formed("208050501"), Err(MalformedCode::BadLength { len: 9 }));
    }

    #[test]
    fn unknown_first_digit() {
        assert_eq!(is_well_formed("101"), Err(MalformedCode::UnknownScheme { first: '1' }));
        assert_eq!(is_well_formed("40101"), Err(MalformedCode::UnknownScheme { first: '4' }));
    }

    #[test]
    fn economic_codes_have_no_xiang() {
        assert_eq!(is_well_formed("3010101"), Err(MalformedCode::TooDeep { scheme: Scheme::EconomicDepartment }));
        assert_eq!(is_well_formed("5010101"), Err(MalformedCode::TooDeep { scheme: Scheme::EconomicGovernment }));
    }

    #[test]
    fn zero_parts_are_rejected() {
        assert_eq!(is_well_formed("300"), Err(MalformedCode::ZeroPart { level: Level::Lei }));
        assert_eq!(is_well_formed("20800"), Err(MalformedCode::ZeroPart { level: Level::Kuan }));
        assert_eq!(is_well_formed("2080100"), Err(MalformedCode::ZeroPart { level: Level::Xiang }));
    }

    #[test]
    fn malformed_reasons_are_readable() {
        let text = is_well_formed("2O8").map_err(|e| e.to_string());
        assert_eq!(text, Err("character 'O' at position 1 is not a digit".to_string()));
        let Err(e) = is_well_formed("2080") else { panic!("2080 must be malformed") };
        assert!(e.to_string().contains("4 digits"));
    }

    #[test]
    fn schemes() {
        assert_eq!(scheme_of("2080505"), Some(Scheme::Function));
        assert_eq!(scheme_of("30101"), Some(Scheme::EconomicDepartment));
        assert_eq!(scheme_of("502"), Some(Scheme::EconomicGovernment));
        assert_eq!(scheme_of("2O8"), None);
        assert_eq!(scheme_of("5010"), None);
        for s in Scheme::ALL {
            assert_eq!(Scheme::from_id(s.id()), Some(s));
        }
        assert_eq!(Scheme::from_id("revenue"), None);
    }

    #[test]
    fn levels() {
        assert_eq!(level_of("208"), Some(Level::Lei));
        assert_eq!(level_of("20801"), Some(Level::Kuan));
        assert_eq!(level_of("2080101"), Some(Level::Xiang));
        assert_eq!(level_of("30101"), Some(Level::Kuan));
        assert_eq!(level_of("2080"), None);
        for level in [Level::Lei, Level::Kuan, Level::Xiang] {
            assert_eq!(Level::from_len(level.code_len()), Some(level));
        }
    }

    #[test]
    fn parent_chain() {
        assert_eq!(parent_of("2080101"), Some("20801"));
        assert_eq!(parent_of("20801"), Some("208"));
        assert_eq!(parent_of("208"), None);
        assert_eq!(parent_of("30101"), Some("301"));
        assert_eq!(parent_of("2080"), None);
        assert_eq!(parent_of("3010101"), None);
    }

    #[test]
    fn joining_printed_parts() {
        assert_eq!(join_code("208", "05", "05"), Ok("2080505".to_string()));
        assert_eq!(join_code("208", "05", ""), Ok("20805".to_string()));
        assert_eq!(join_code(" 301 ", "01", ""), Ok("30101".to_string()));
        assert_eq!(join_code("208", "", ""), Ok("208".to_string()));
        assert_eq!(join_code("208", "", "05"), Err(MalformedCode::XiangWithoutKuan));
        assert_eq!(join_code("2", "080", "5"), Err(MalformedCode::PartWidth { level: Level::Lei, len: 1 }));
        assert!(join_code("2O8", "01", "").is_err());
    }
}
