//! Amounts in 万元 as integer hundredths (the printed precision), percentages as
//! integer hundredths of a percent, and their Chinese-document formatting.
//!
//! Everything is integer arithmetic: the generator draws the detail with four
//! decimals (`Fine`), rounds each printed figure half-up to 0.01, and derives totals
//! from the *rounded* parts, which is what the budget systems do; so sums in tables
//! are exact and the rounding shows up where it does in real documents — in shares
//! that do not add to 100.00%.

/// An amount in hundredths of 万元 (`1,010.70` is `101070`).
pub type Cents = i64;

/// Rounds an amount given in ten-thousandths of 万元 half-up (away from zero) to cents.
pub fn round_fine(fine: i64) -> Cents {
    let sign = if fine < 0 { -1 } else { 1 };
    sign * ((fine.abs() + 50) / 100)
}

/// `num / den` as a percentage in hundredths of a percent, rounded half-up
/// (`share(100893, 101070)` is 9982, printed `99.82%`). Zero when `den` is zero.
pub fn percent(num: Cents, den: Cents) -> i64 {
    if den == 0 {
        return 0;
    }
    let n = i128::from(num) * 10_000;
    let d = i128::from(den);
    let sign = if (n < 0) != (d < 0) { -1 } else { 1 };
    let (n, d) = (n.abs(), d.abs());
    let q = (2 * n + d) / (2 * d);
    (sign * q) as i64
}

/// `1,010.70` (thousands separators, two decimals).
pub fn fmt_amount(c: Cents) -> String {
    let neg = c < 0;
    let c = c.abs();
    let int = (c / 100).to_string();
    let mut grouped = String::with_capacity(int.len() + int.len() / 3 + 4);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{}{}.{:02}", if neg { "-" } else { "" }, grouped, c % 100)
}

/// A table cell: empty for zero, as real tables print it.
pub fn fmt_cell(c: Cents) -> String {
    if c == 0 { String::new() } else { fmt_amount(c) }
}

/// `99.82` for 9982 (the caller appends `%`).
pub fn fmt_percent(p: i64) -> String {
    let neg = p < 0;
    let p = p.abs();
    format!("{}{}.{:02}", if neg { "-" } else { "" }, p / 100, p % 100)
}

/// A year-on-year change of `current` against `prior`, as the explanation prints it:
/// `增加128.95万元，增长14.65%` / `减少0.99万元，下降40.41%`; a new item (prior zero) is
/// `增长100.00%` by convention and an unchanged one `增加0.00万元，增长0.00%`.
/// The rate of a change alone, its word and figure (`下降3.02%`).
pub fn rate_phrase(current: Cents, prior: Cents) -> String {
    let diff = current - prior;
    let rate = if prior == 0 { if current == 0 { 0 } else { 10_000 } } else { percent(diff.abs(), prior) };
    format!("{}{}%", if diff < 0 { "下降" } else { "增长" }, fmt_percent(rate))
}

pub fn change_phrase(current: Cents, prior: Cents) -> String {
    let diff = current - prior;
    let rate = if prior == 0 { if current == 0 { 0 } else { 10_000 } } else { percent(diff.abs(), prior) };
    if diff < 0 {
        format!("比上年预算减少{}万元，下降{}%", fmt_amount(-diff), fmt_percent(rate))
    } else {
        format!("比上年预算增加{}万元，增长{}%", fmt_amount(diff), fmt_percent(rate))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_like_the_example() {
        assert_eq!(fmt_amount(101070), "1,010.70");
        assert_eq!(fmt_amount(31), "0.31");
        assert_eq!(fmt_amount(123456789), "1,234,567.89");
        assert_eq!(fmt_percent(percent(100893, 101070)), "99.82");
        assert_eq!(change_phrase(100893, 100893 - 12895), "比上年预算增加128.95万元，增长14.65%");
        assert_eq!(change_phrase(146, 245), "比上年预算减少0.99万元，下降40.41%");
        assert_eq!(rate_phrase(146, 245), "下降40.41%");
        assert_eq!(rate_phrase(58, 0), "增长100.00%");
        assert_eq!(round_fine(12345), 123);
        assert_eq!(round_fine(12350), 124);
    }
}
