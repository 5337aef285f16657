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
    text.chars()
        .map(fold_width)
        .filter_map(|c| match c {
            '[' | '【' | '〔' | '{' | '〈' | '「' => Some('('),
            ']' | '】' | '〕' | '}' | '〉' | '」' => Some(')'),
            '“' | '”' | '"' | '‘' | '’' | '\'' | '*' => None,
            c if c.is_whitespace() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::comparison_key;

    #[test]
    fn printings_of_one_name_share_a_key() {
        assert_eq!(comparison_key("维修（护）费"), comparison_key("维修(护)费"));
        assert_eq!(comparison_key("财政拨款“三公”经费"), "财政拨款三公经费");
        assert_eq!(comparison_key("昌州财建〔2024〕161号"), comparison_key("昌州财建[2024]161号"));
        assert_eq!(comparison_key("其中：一般 财力"), "其中:一般财力");
        assert_eq!(comparison_key("**表５**"), "表5");
    }
}
