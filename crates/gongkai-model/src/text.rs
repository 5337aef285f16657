//! Comparing printed names the way a reviewer does.

use crate::fold_width;

/// The comparison key of a printed name or title: full-width ASCII folded to
/// half-width, every kind of bracket made `()`, blanks, quotes and markdown
/// emphasis removed. Two printings that differ only in these are the same name
/// (`维修（护）费` = `维修(护)费`, `“三公”经费` = `三公经费`).
///
/// The one normaliser shared by the importer (table titles, headers), the rules
/// (claim subjects, row names) and plugins (region and project names).
pub fn comparison_key(text: &str) -> String {
    // Most names need no change: copy the runs of unchanged text whole instead of
    // rebuilding the string a character at a time (this runs for every title,
    // header and cell the importer reads).
    let mut key = String::with_capacity(text.len());
    let mut run_start = 0;
    for (at, c) in text.char_indices() {
        let folded = key_char(c);
        if folded == Some(c) {
            continue;
        }
        key.push_str(&text[run_start..at]);
        key.extend(folded);
        run_start = at + c.len_utf8();
    }
    key.push_str(&text[run_start..]);
    key
}

/// Whether two printed names have the same [`comparison_key`], built for neither
/// (rules compare every row label of a table with a name from the prose).
pub fn same_name(a: &str, b: &str) -> bool {
    a.chars().filter_map(key_char).eq(b.chars().filter_map(key_char))
}

/// What one character becomes in a [`comparison_key`]: itself, another, or nothing.
fn key_char(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() || ('\u{4E00}'..='\u{9FFF}').contains(&c) {
        // Letters, digits and CJK ideographs: the common case, kept as they are.
        return Some(c);
    }
    match fold_width(c) {
        '[' | '【' | '〔' | '{' | '〈' | '「' => Some('('),
        ']' | '】' | '〕' | '}' | '〉' | '」' => Some(')'),
        '“' | '”' | '"' | '‘' | '’' | '\'' | '*' => None,
        c if c.is_whitespace() => None,
        c => Some(c),
    }
}

#[cfg(test)]
mod tests {
    use super::{comparison_key, same_name};

    #[test]
    fn printings_of_one_name_share_a_key() {
        assert_eq!(comparison_key("维修（护）费"), comparison_key("维修(护)费"));
        assert_eq!(comparison_key("财政拨款“三公”经费"), "财政拨款三公经费");
        assert_eq!(comparison_key("昌州财建〔2024〕161号"), comparison_key("昌州财建[2024]161号"));
        assert_eq!(comparison_key("其中：一般 财力"), "其中:一般财力");
        assert_eq!(comparison_key("**表５**"), "表5");
    }

    #[test]
    fn same_name_agrees_with_the_keys() {
        let names =
            ["维修（护）费", "维修(护)费", "维修费", "“三公”经费", "三公经费", "三公经费 ", "", " ", "表５", "表5"];
        for a in names {
            for b in names {
                assert_eq!(same_name(a, b), comparison_key(a) == comparison_key(b), "{a} / {b}");
                // A key is its own key: a name compared with a ready key.
                assert_eq!(same_name(a, &comparison_key(b)), comparison_key(a) == comparison_key(b), "{a} / {b}");
            }
        }
    }
}
