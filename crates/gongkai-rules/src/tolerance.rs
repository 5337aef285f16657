//! The rounding tolerance: one function, derived from what was printed.
//!
//! Every printed figure is rounded. A value `v` printed with `d` decimals stands
//! for the interval `v ± ½·10⁻ᵈ` (DOMAIN.md §5, PATTERNS.md §Rounding, after XBRL
//! Calculations 1.1). A total `T` and its parts `vᵢ` agree when their intervals
//! overlap:
//!
//! ```text
//! |T − Σvᵢ| ≤ ½·10^(−d_T) + Σ ½·10^(−dᵢ)
//! ```
//!
//! For two-decimal 万元 figures and `n` parts that is `0.005·(n+1)`: a 0.01 gap on
//! a two-part sum is a real rounding gap (allowed 0.015), a 0.02 gap is an error.
//! Each parent is checked against its direct children only; tolerance never
//! accumulates across levels. An empty cell is an exact zero (nothing was
//! rounded), so it adds nothing. Percentages are checked by interval division.
//!
//! A user may widen every comparison by a fixed `slack` (`--tolerance`, or
//! `tolerance = "0.01"` in `gongkai.toml`); the default is none.

use std::cell::Cell;

use gongkai_model::{Decimal, Number};

thread_local! {
    /// Comparisons evaluated on this thread: every rule's comparison goes
    /// through this module, so counting here counts them all without any rule
    /// having to report it (the engine reads it before and after each rule; a
    /// document is checked on one thread).
    static EVALUATED: Cell<u32> = const { Cell::new(0) };
}

fn counted() {
    EVALUATED.with(|c| c.set(c.get().wrapping_add(1)));
}

/// Comparisons evaluated on this thread so far (a running count: take the
/// difference around the work to be measured).
pub fn evaluations() -> u32 {
    EVALUATED.with(Cell::get)
}

/// Half a unit in the last printed place: `1.08` → 0.005, `12` → 0.5.
pub fn half_unit(value: Number) -> Decimal {
    value.half_unit()
}

/// The tolerance settings of a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tolerance {
    /// Added to every computed tolerance (default 0).
    pub slack: Decimal,
}

/// The outcome of comparing a printed figure with what an identity requires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// The value the identity requires (for a sum: the sum of the parts).
    pub expected: Decimal,
    /// The printed value.
    pub actual: Decimal,
    /// `actual − expected`.
    pub difference: Decimal,
    /// The largest difference rounding can explain.
    pub allowed: Decimal,
}

impl Comparison {
    /// Whether the difference is within rounding.
    pub fn agrees(&self) -> bool {
        self.difference.abs() <= self.allowed
    }
}

impl Tolerance {
    /// Compares a printed total with printed parts. `None` parts are empty cells
    /// (exact zeros).
    pub fn sum(&self, total: Option<Number>, parts: &[Option<Number>]) -> Comparison {
        counted();
        let t = total.map_or(Decimal::ZERO, Number::value);
        let mut expected = Decimal::ZERO;
        let mut allowed = total.map_or(Decimal::ZERO, half_unit) + self.slack;
        for p in parts.iter().flatten() {
            expected += p.value();
            allowed += half_unit(*p);
        }
        Comparison { expected, actual: t, difference: t - expected, allowed }
    }

    /// Compares a printed balance with what it must be, `plus` less `minus`
    /// (年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出): the allowance is half a
    /// printed unit of every figure, as for a sum. `None` figures are empty cells
    /// (exact zeros).
    pub fn balance(&self, printed: Option<Number>, plus: &[Option<Number>], minus: &[Option<Number>]) -> Comparison {
        let mut c = self.sum(printed, plus);
        for m in minus.iter().flatten() {
            c.expected -= m.value();
            c.allowed += half_unit(*m);
        }
        c.difference = c.actual - c.expected;
        c
    }

    /// Compares two printings of what should be the same figure (the same cell in
    /// two tables, a claim and its table cell). Their intervals must overlap.
    pub fn same(&self, expected: Option<Number>, actual: Option<Number>) -> Comparison {
        self.sum(actual, &[expected])
    }

    /// Whether a printed percentage agrees with `part / whole` given that all three
    /// are rounded: the interval of the printed percentage must meet the interval
    /// of the quotient of the amounts' intervals. A whole of zero agrees with
    /// nothing but an empty claim.
    pub fn share(&self, part: Number, whole: Number, percent: Number) -> bool {
        counted();
        let (plo, phi) = interval(part, self.slack);
        let (wlo, whi) = interval(whole, self.slack);
        if whi <= Decimal::ZERO {
            return false;
        }
        let hundred = Decimal::ONE_HUNDRED;
        let lo = if phi <= Decimal::ZERO { Decimal::ZERO } else { plo.max(Decimal::ZERO) * hundred / whi };
        let hi = if wlo <= Decimal::ZERO { Decimal::MAX } else { phi * hundred / wlo };
        let (rlo, rhi) = interval(percent, Decimal::ZERO);
        rlo <= hi && rhi >= lo
    }

    /// Whether a printed growth rate agrees with `change / prior`, where the prior
    /// year is `current − change` (DOMAIN.md §4). A new item (prior 0) is written
    /// 100% by convention; no change is 0% whatever the prior.
    pub fn rate(&self, current: Number, change: Number, rate: Number) -> bool {
        counted();
        let (clo, chi) = interval(change, self.slack);
        let (rlo, rhi) = interval(rate, Decimal::ZERO);
        let hundred = Decimal::ONE_HUNDRED;
        if clo <= Decimal::ZERO && chi >= Decimal::ZERO && rlo <= Decimal::ZERO {
            return true; // a zero change and a zero rate
        }
        let prior = current.value() - change.value();
        let prior_half = half_unit(current) + half_unit(change) + self.slack;
        if prior.abs() <= prior_half {
            // New item: nothing last year.
            return rlo <= hundred && rhi >= hundred;
        }
        let (plo, phi) = (prior - prior_half, prior + prior_half);
        if phi < Decimal::ZERO {
            return false; // an increase larger than the amount itself
        }
        if plo <= Decimal::ZERO {
            return true; // the prior year is too small to say anything
        }
        let (c_lo, c_hi) = (clo.abs().min(chi.abs()), clo.abs().max(chi.abs()));
        let lo = c_lo * hundred / phi;
        let hi = c_hi * hundred / plo;
        rlo <= hi && rhi >= lo
    }
}

fn interval(value: Number, slack: Decimal) -> (Decimal, Decimal) {
    let h = half_unit(value) + slack;
    (value.value() - h, value.value() + h)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Number {
        Number::parse(s).unwrap()
    }

    #[test]
    fn half_units() {
        assert_eq!(half_unit(n("1.08")).to_string(), "0.005");
        assert_eq!(half_unit(n("12")).to_string(), "0.5");
        assert_eq!(half_unit(n("10.2")).to_string(), "0.05");
    }

    #[test]
    fn a_cent_on_two_parts_is_rounding_two_cents_is_not() {
        let t = Tolerance::default();
        assert!(t.sum(Some(n("1.01")), &[Some(n("0.50")), Some(n("0.50"))]).agrees());
        assert!(!t.sum(Some(n("1.02")), &[Some(n("0.50")), Some(n("0.50"))]).agrees());
        assert!(t.sum(Some(n("0.00")), &[None, None]).agrees());
        assert_eq!(t.sum(Some(n("933.34")), &[Some(n("850.57")), Some(n("82.77"))]).difference, Decimal::ZERO);
    }

    #[test]
    fn shares_by_interval_division() {
        let t = Tolerance::default();
        assert!(t.share(n("1008.93"), n("1010.70"), n("99.82")));
        assert!(t.share(n("0.31"), n("1010.70"), n("0.03")));
        assert!(!t.share(n("0.31"), n("1010.70"), n("0.05")));
        assert!(t.share(n("36.40"), n("1010.39"), n("3.60")));
    }

    #[test]
    fn rates_from_the_prior_year() {
        let t = Tolerance::default();
        assert!(t.rate(n("1008.93"), n("128.95"), n("14.65")));
        assert!(!t.rate(n("1008.93"), n("128.95"), n("14.75")));
        assert!(t.rate(n("40.96"), n("3.79"), n("10.2")));
        assert!(t.rate(n("24.91"), n("24.91"), n("100.00")));
        assert!(t.rate(n("0.23"), n("0.00"), n("0.00")));
        // A decrease is passed as a negative change.
        assert!(t.rate(n("82.77"), n("-321.07"), n("79.50")));
        assert!(!t.rate(n("82.77"), n("321.07"), n("79.50")));
    }
}
