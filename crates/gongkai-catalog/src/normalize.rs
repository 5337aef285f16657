//! The comparison key for classification names.
//!
//! The same catalog name reaches us in several spellings that mean the same thing:
//! `维修（护）费` in official documents, `维修(护)费` from other budget software, a space
//! or line break left by PDF extraction inside a table cell, `社会保障和就业支出（类）` in a
//! narrative paragraph. Two names are the same name when their keys are equal.
//!
//! This file is also compiled into the build script (`build/main.rs` includes it with
//! `#[path]`), which stores the key of every catalog name in the generated tables; the
//! run-time key of a printed name is therefore computed by the very same code. That is
//! why it uses nothing but `std`.

/// The bracket pair every bracket style is folded to. Full-width, because that is how
/// official documents print them, so keys stay readable.
const OPEN: char = '（';
const CLOSE: char = '）';

/// Level markers that narrative text appends to a name: `社会保障和就业支出（类）`.
const LEVEL_SUFFIXES: [&str; 3] = ["（类）", "（款）", "（项）"];

/// Returns the comparison key of a classification name:
///
/// * full-width ASCII forms (letters, digits, punctuation, U+FF01–U+FF5E) become their
///   ASCII counterparts;
/// * every bracket style — `（）` `()` `〔〕` `[]` `［］` `【】` `〖〗` — becomes `（）`;
/// * whitespace of any kind (including the ideographic space U+3000) and zero-width
///   characters are removed, since extraction inserts them at random;
/// * one trailing `（类）`, `（款）` or `（项）` is removed.
///
/// Names that differ only by these variants have equal keys. Nothing else changes: a
/// different character (`维护费` vs `维修费`) is a different name.
pub fn normalize_name(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_whitespace() || is_zero_width(c) {
            continue;
        }
        let c = fold_width(c);
        key.push(fold_bracket(c));
    }
    for suffix in LEVEL_SUFFIXES {
        if let Some(stripped_len) = key.strip_suffix(suffix).map(str::len) {
            key.truncate(stripped_len);
            break;
        }
    }
    key
}

/// True when two printed names have the same comparison key.
pub fn same_name(a: &str, b: &str) -> bool {
    normalize_name(a) == normalize_name(b)
}

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

/// U+FF01..=U+FF5E are the full-width forms of ASCII U+0021..=U+007E, at a fixed offset.
fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

fn fold_bracket(c: char) -> char {
    match c {
        '(' | '[' | '〔' | '【' | '〖' | '（' => OPEN,
        ')' | ']' | '〕' | '】' | '〗' | '）' => CLOSE,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracket_styles_are_one() {
        let key = normalize_name("维修（护）费");
        for variant in ["维修(护)费", "维修〔护〕费", "维修[护]费", "维修【护】费", "维修［护］费", "维修(护）费"]
        {
            assert_eq!(normalize_name(variant), key, "{variant}");
        }
        assert_eq!(key, "维修（护）费");
    }

    #[test]
    fn width_of_letters_and_digits() {
        assert_eq!(normalize_name("ＰＰＰ项目１２"), "PPP项目12");
        assert_eq!(normalize_name("PPP项目12"), "PPP项目12");
        // Case is not folded: only width variants are the same name.
        assert_ne!(normalize_name("ppp"), normalize_name("PPP"));
    }

    #[test]
    fn whitespace_is_removed() {
        assert_eq!(normalize_name(" 机关事业单位基本养老保险\n缴费支出\u{3000}"), "机关事业单位基本养老保险缴费支出");
        assert_eq!(normalize_name("行政\u{200B}运行"), "行政运行");
    }

    #[test]
    fn trailing_level_marker_is_removed() {
        assert_eq!(normalize_name("社会保障和就业支出（类）"), "社会保障和就业支出");
        assert_eq!(normalize_name("行政事业单位养老支出(款)"), "行政事业单位养老支出");
        assert_eq!(normalize_name("行政单位离退休 ( 项 )"), "行政单位离退休");
        // Only at the end, and only once.
        assert_eq!(normalize_name("（类）支出"), "（类）支出");
        assert_eq!(normalize_name("支出（款）（项）"), "支出（款）");
        // Other trailing brackets are part of the name.
        assert_eq!(normalize_name("资本性支出(基本建设)"), "资本性支出（基本建设）");
    }

    #[test]
    fn different_characters_stay_different() {
        assert!(!same_name("维修（护）费", "维护（护）费"));
        assert!(same_name("因公出国(境)费用", "因公出国（境）费用"));
    }
}
