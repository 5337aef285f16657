//! Text helpers rules commonly need: comparing names the way a reviewer would.

/// Removes what does not change a name's meaning (blanks, quotes, bracket style
/// and width, markdown emphasis): the model's shared comparison key, so a plugin
/// compares names exactly as the host does.
pub use gongkai_model::comparison_key as normalize;

/// A project name reduced to what identifies the project: normalised, without
/// bracketed qualifiers (`(县级配套)`) and without generic trailing words
/// (`项目`, `补助`, `资金`, `经费`), which tables add or drop freely.
///
/// `2024年破产企业生活费(县级配套)` and `2024年破产企业生活费补助项目` both become
/// `2024年破产企业生活费`.
pub fn project_key(name: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in normalize(name).chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    const GENERIC: [&str; 5] = ["项目", "补助", "资金", "经费", "专项"];
    loop {
        let before = out.len();
        for word in GENERIC {
            if let Some(stripped) = out.strip_suffix(word) {
                out.truncate(stripped.len());
            }
        }
        if out.len() == before {
            return out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_keys_drop_qualifiers_and_generic_words() {
        assert_eq!(project_key("2024年破产企业生活费(县级配套)"), "2024年破产企业生活费");
        assert_eq!(project_key("2024年破产企业生活费补助项目"), "2024年破产企业生活费");
        assert_eq!(project_key(" 社保 经费（专项） "), "社保");
        assert_eq!(normalize("昌吉回族 自治州"), "昌吉回族自治州");
    }
}
