//! A table's number printed on its title's own line.
//!
//! Templates put the number in many places: on a line of its own above the
//! title (`表1`, read by `table_number`), or on the title's line — before the
//! name (`表1：2026年市级部门收支预算总表`, `附表3 …`, `预算01表 …`, `表2-1 …`) or
//! after it in brackets (`部门收支总表（预算表1）`, `…(表1)`). Either way the
//! number is no part of the name: the name is what identifies the table and is
//! shown in messages; the number is kept apart (`Table::number`).

/// The number and the name of a title printing its number on its own line, or
/// `None` when it prints none there. A sub-number (`表2-1`) is taken off the
/// name but gives no number (`Table::number` counts whole tables).
pub fn split_title_number(title: &str) -> Option<(Option<u32>, &str)> {
    leading(title).or_else(|| trailing(title))
}

/// `表1：名称`, `表1 名称`, `附表3、名称`, `预算01表 名称`, `表2-1 名称`.
fn leading(title: &str) -> Option<(Option<u32>, &str)> {
    let t = title.trim_start();
    let (number, rest) = if let Some(rest) = t.strip_prefix("附表").or_else(|| t.strip_prefix('表')) {
        let (digits, rest) = digits(rest)?;
        let (sub, rest) = sub_number(rest);
        (if sub { None } else { Some(digits) }, rest)
    } else {
        // `预算01表`, `部门预算02表`: a form number before the name.
        let start = t.find(|c: char| c.is_ascii_digit())?;
        let prefix = &t[..start];
        if prefix.is_empty() || prefix.chars().count() > 4 || !prefix.ends_with("预算") && !prefix.ends_with("决算")
        {
            return None;
        }
        let (digits, rest) = digits(&t[start..])?;
        let (sub, rest) = sub_number(rest);
        let rest = rest.strip_prefix('表')?;
        (if sub { None } else { Some(digits) }, rest)
    };
    // The name follows a separator; a name glued to the number must not start
    // with a digit of a year (`表12026年…` is ambiguous and left alone).
    let name = match rest.strip_prefix([':', '：', '、', '.', '．', ' ', '\t', '\u{3000}']) {
        Some(name) => name,
        None if !rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
        None => return None,
    };
    let name = name.trim_start_matches([' ', '\t', '\u{3000}', ':', '：']);
    (!name.is_empty()).then_some((number, name))
}

/// `名称（预算表1）`, `名称(表1)`, `名称（附表3）`.
fn trailing(title: &str) -> Option<(Option<u32>, &str)> {
    let t = title.trim_end();
    let (head, inner) = [('（', '）'), ('(', ')')].iter().find_map(|&(open, close)| {
        let body = t.strip_suffix(close)?;
        let at = body.rfind(open)?;
        Some((&body[..at], &body[at + open.len_utf8()..]))
    })?;
    let inner = inner.trim();
    let rest = ["预算表", "决算表", "附表", "表"].iter().find_map(|p| inner.strip_prefix(p))?;
    let (digits, rest) = digits(rest)?;
    let (sub, rest) = sub_number(rest);
    let head = head.trim_end();
    (rest.is_empty() && !head.is_empty()).then_some((if sub { None } else { Some(digits) }, head))
}

/// Leading ASCII digits as a number (at most three), and the rest.
fn digits(text: &str) -> Option<(u32, &str)> {
    let end = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    if end == 0 || end > 3 {
        return None;
    }
    Some((text[..end].parse().ok()?, &text[end..]))
}

/// A sub-number after the number (`-1`, `—1`, `.1` before a separator).
fn sub_number(text: &str) -> (bool, &str) {
    for dash in ['-', '－', '—'] {
        if let Some(rest) = text.strip_prefix(dash)
            && let Some((_, rest)) = digits(rest)
        {
            return (true, rest);
        }
    }
    (false, text)
}

#[cfg(test)]
mod tests {
    use super::split_title_number;

    #[test]
    fn numbers_before_the_name() {
        assert_eq!(
            split_title_number("表1：2026年市级部门收支预算总表"),
            Some((Some(1), "2026年市级部门收支预算总表"))
        );
        assert_eq!(split_title_number("表10 部门项目支出预算表"), Some((Some(10), "部门项目支出预算表")));
        assert_eq!(split_title_number("附表3、政府采购预算表"), Some((Some(3), "政府采购预算表")));
        assert_eq!(split_title_number("表2-1 收入预算表"), Some((None, "收入预算表")));
        assert_eq!(split_title_number("预算01表 部门收支总表"), Some((Some(1), "部门收支总表")));
        assert_eq!(split_title_number("部门预算02表：收入总表"), Some((Some(2), "收入总表")));
        assert_eq!(split_title_number("表3部门支出总表"), Some((Some(3), "部门支出总表")));
    }

    #[test]
    fn numbers_after_the_name() {
        assert_eq!(split_title_number("部门收支总表（预算表1）"), Some((Some(1), "部门收支总表")));
        assert_eq!(split_title_number("部门收入总表(表2)"), Some((Some(2), "部门收入总表")));
        assert_eq!(split_title_number("收入预算表（表2-1）"), Some((None, "收入预算表")));
    }

    #[test]
    fn titles_without_a_number_of_their_own() {
        assert_eq!(split_title_number("2026年部门收支总表"), None);
        assert_eq!(split_title_number("财政拨款支出表（功能科目）"), None);
        assert_eq!(split_title_number("表格部分"), None);
        // A year glued to the number is ambiguous.
        assert_eq!(split_title_number("表12026年部门收支总表"), None);
        assert_eq!(split_title_number("表1"), None);
        assert_eq!(split_title_number("预算2026年表"), None);
    }
}
