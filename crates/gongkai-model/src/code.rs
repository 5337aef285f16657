//! Classification codes (政府收支分类科目) as validated value types.
//!
//! A code is its digits: `208` (类), `20805` (款), `2080505` (项) for the function
//! classification (支出功能分类, first digit 2), `301`/`30101` for the department
//! economic classification (部门预算支出经济分类, first digit 3) and `501`/`50101`
//! for the government economic classification (政府预算支出经济分类, first digit 5).
//! Tables print the parts in separate columns (`208 | 05 | 05`); the importer joins
//! them. Whether a well-formed code *exists* is the catalog's question, not ours.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Which classification a code belongs to; decided by its first digit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    /// 支出功能分类科目 (what the money is for): 类 3, 款 5, 项 7 digits.
    Function,
    /// 部门预算支出经济分类科目 (what kind of spending, department budgets): 类 3, 款 5 digits.
    EconomicDepartment,
    /// 政府预算支出经济分类科目 (government budgets): 类 3, 款 5 digits.
    EconomicGovernment,
}

impl Scheme {
    /// The Chinese name, for messages.
    pub fn name_zh(self) -> &'static str {
        match self {
            Scheme::Function => "支出功能分类",
            Scheme::EconomicDepartment => "部门预算支出经济分类",
            Scheme::EconomicGovernment => "政府预算支出经济分类",
        }
    }
}

/// The level of a code in its hierarchy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
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
}

/// A well-formed classification code.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClassCode(String);

/// Why a string is not a classification code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Contains something other than ASCII digits (e.g. the letter O in `2O8`).
    #[error("classification code `{0}` must consist of digits only")]
    NotDigits(String),
    /// Not 3, 5 or 7 digits long, or 7 digits in an economic scheme.
    #[error("classification code `{0}` has {1} digits; expected 3 (类), 5 (款) or 7 (项, function codes only)")]
    BadLength(String, usize),
    /// First digit is not 2, 3 or 5.
    #[error("classification code `{0}` starts with `{1}`; function codes start with 2, economic codes with 3 or 5")]
    UnknownScheme(String, char),
}

impl ClassCode {
    /// Validates and wraps a code written as one string of digits.
    pub fn new(code: &str) -> Result<ClassCode, CodeError> {
        let owned = || code.chars().take(20).collect::<String>();
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CodeError::NotDigits(owned()));
        }
        let first = code.as_bytes()[0] as char;
        let scheme = match first {
            '2' => Scheme::Function,
            '3' => Scheme::EconomicDepartment,
            '5' => Scheme::EconomicGovernment,
            other => return Err(CodeError::UnknownScheme(owned(), other)),
        };
        match (code.len(), scheme) {
            (3 | 5, _) | (7, Scheme::Function) => Ok(ClassCode(code.to_owned())),
            (n, _) => Err(CodeError::BadLength(owned(), n)),
        }
    }

    /// Joins the parts printed in separate columns: `("208", "05", "05")` → `2080505`.
    /// Empty parts end the code: `("208", "05", "")` → `20805`.
    pub fn from_parts(lei: &str, kuan: &str, xiang: &str) -> Result<ClassCode, CodeError> {
        let mut joined = String::with_capacity(7);
        for part in [lei.trim(), kuan.trim(), xiang.trim()] {
            if part.is_empty() {
                break;
            }
            joined.push_str(part);
        }
        ClassCode::new(&joined)
    }

    /// The digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The classification this code belongs to.
    pub fn scheme(&self) -> Scheme {
        match self.0.as_bytes()[0] {
            b'2' => Scheme::Function,
            b'3' => Scheme::EconomicDepartment,
            _ => Scheme::EconomicGovernment,
        }
    }

    /// 类, 款 or 项, from the length.
    pub fn level(&self) -> Level {
        match self.0.len() {
            3 => Level::Lei,
            5 => Level::Kuan,
            _ => Level::Xiang,
        }
    }

    /// The code one level up (`2080505` → `20805` → `208` → none).
    pub fn parent(&self) -> Option<ClassCode> {
        match self.0.len() {
            7 => Some(ClassCode(self.0[..5].to_owned())),
            5 => Some(ClassCode(self.0[..3].to_owned())),
            _ => None,
        }
    }

    /// The 类 this code falls under (itself for a 类).
    pub fn lei(&self) -> ClassCode {
        ClassCode(self.0[..3].to_owned())
    }

    /// Whether `self` is `other` or lies below it.
    pub fn is_within(&self, other: &ClassCode) -> bool {
        self.0.starts_with(&other.0)
    }
}

impl fmt::Display for ClassCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for ClassCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ClassCode::new(s)
    }
}

impl Serialize for ClassCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ClassCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<'de, str>::deserialize(deserializer)?;
        ClassCode::new(&text).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for ClassCode {
    fn schema_name() -> Cow<'static, str> {
        "ClassCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A classification code as one string of digits: function 2xx/2xxxx/2xxxxxx (类/款/项), economic 3xx/3xxxx or 5xx/5xxxx (类/款).",
            "type": "string",
            "pattern": "^(2[0-9]{2}([0-9]{2}([0-9]{2})?)?|[35][0-9]{2}([0-9]{2})?)$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_and_parents() {
        let c = ClassCode::from_parts("208", "05", "05").unwrap();
        assert_eq!(c.as_str(), "2080505");
        assert_eq!(c.level(), Level::Xiang);
        assert_eq!(c.parent().unwrap().as_str(), "20805");
        assert_eq!(c.parent().unwrap().parent().unwrap().as_str(), "208");
        assert!(c.is_within(&ClassCode::new("208").unwrap()));
        assert_eq!(ClassCode::new("30101").unwrap().scheme(), Scheme::EconomicDepartment);
        assert_eq!(ClassCode::from_parts("301", "", "").unwrap().level(), Level::Lei);
    }

    #[test]
    fn rejects_malformed() {
        assert!(matches!(ClassCode::new("2O8"), Err(CodeError::NotDigits(_))));
        assert!(matches!(ClassCode::new("2080"), Err(CodeError::BadLength(_, 4))));
        assert!(matches!(ClassCode::new("3010101"), Err(CodeError::BadLength(_, 7))));
        assert!(matches!(ClassCode::new("108"), Err(CodeError::UnknownScheme(_, '1'))));
        assert!(serde_json::from_str::<ClassCode>("\"2O8\"").is_err());
    }
}
