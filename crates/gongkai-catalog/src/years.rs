//! A small set of budget years, stored as one bit per year so that the generated
//! tables hold a `u64` per row instead of a slice.

use std::fmt;

/// A set of budget years between [`YearSet::MIN_YEAR`] and [`YearSet::MAX_YEAR`].
///
/// The range covers the current classification (the economic classifications were
/// reformed for 2018; the data starts in 2018) with decades to spare; the build script
/// rejects data outside it rather than silently dropping a year.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct YearSet(u64);

/// A year outside [`YearSet::MIN_YEAR`]..=[`YearSet::MAX_YEAR`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("year {0} is outside {min}..={max}", min = YearSet::MIN_YEAR, max = YearSet::MAX_YEAR)]
pub struct YearOutOfRange(pub u16);

impl YearSet {
    /// The first year a set can hold.
    pub const MIN_YEAR: u16 = 2000;
    /// The last year a set can hold.
    pub const MAX_YEAR: u16 = YearSet::MIN_YEAR + 63;
    /// The empty set.
    pub const EMPTY: YearSet = YearSet(0);

    /// Builds the set from raw bits (bit `i` = year `MIN_YEAR + i`); used by the
    /// generated tables.
    pub(crate) const fn from_bits(bits: u64) -> YearSet {
        YearSet(bits)
    }

    /// Builds a set from a list of years.
    pub fn from_years(years: &[u16]) -> Result<YearSet, YearOutOfRange> {
        let mut set = YearSet::EMPTY;
        for &year in years {
            set.insert(year)?;
        }
        Ok(set)
    }

    /// Adds a year.
    pub fn insert(&mut self, year: u16) -> Result<(), YearOutOfRange> {
        let bit = Self::bit(year).ok_or(YearOutOfRange(year))?;
        self.0 |= bit;
        Ok(())
    }

    /// True if `year` is in the set.
    pub fn contains(self, year: u16) -> bool {
        Self::bit(year).is_some_and(|bit| self.0 & bit != 0)
    }

    /// True if the set holds no year.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The number of years.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The union of two sets.
    pub fn union(self, other: YearSet) -> YearSet {
        YearSet(self.0 | other.0)
    }

    /// The years in ascending order.
    pub fn iter(self) -> impl Iterator<Item = u16> {
        (0..64u16).filter(move |i| self.0 & (1u64 << i) != 0).map(|i| YearSet::MIN_YEAR + i)
    }

    /// The years as a vector, ascending.
    pub fn to_vec(self) -> Vec<u16> {
        self.iter().collect()
    }

    /// The year of the set closest to `year`; on a tie the earlier one, because a
    /// catalog name stays in force until the Ministry renames it, so an earlier year's
    /// name is the better guess for a later year than the reverse. `None` if empty.
    pub fn nearest(self, year: u16) -> Option<u16> {
        self.iter().min_by_key(|&y| (y.abs_diff(year), y))
    }

    fn bit(year: u16) -> Option<u64> {
        let offset = year.checked_sub(YearSet::MIN_YEAR)?;
        (offset < 64).then(|| 1u64 << offset)
    }
}

/// Prints `2019,2021-2026`.
impl fmt::Display for YearSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let years = self.to_vec();
        let mut first = true;
        let mut i = 0;
        while i < years.len() {
            let start = years[i];
            let mut end = start;
            while i + 1 < years.len() && years[i + 1] == end + 1 {
                i += 1;
                end = years[i];
            }
            if !first {
                f.write_str(",")?;
            }
            first = false;
            if end > start {
                write!(f, "{start}-{end}")?;
            } else {
                write!(f, "{start}")?;
            }
            i += 1;
        }
        Ok(())
    }
}

impl fmt::Debug for YearSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "YearSet({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_contains_iterate() {
        let set = YearSet::from_years(&[2026, 2019, 2021, 2022, 2023]).unwrap();
        assert!(set.contains(2019) && set.contains(2026));
        assert!(!set.contains(2020) && !set.contains(1999) && !set.contains(9999));
        assert_eq!(set.to_vec(), vec![2019, 2021, 2022, 2023, 2026]);
        assert_eq!(set.len(), 5);
        assert_eq!(set.to_string(), "2019,2021-2023,2026");
        assert!(YearSet::EMPTY.is_empty());
    }

    #[test]
    fn range_limits() {
        assert!(YearSet::from_years(&[YearSet::MIN_YEAR, YearSet::MAX_YEAR]).is_ok());
        assert_eq!(YearSet::from_years(&[1999]), Err(YearOutOfRange(1999)));
        assert_eq!(YearSet::from_years(&[YearSet::MAX_YEAR + 1]), Err(YearOutOfRange(YearSet::MAX_YEAR + 1)));
    }

    #[test]
    fn nearest_prefers_earlier_on_tie() {
        let set = YearSet::from_years(&[2019, 2021, 2026]).unwrap();
        assert_eq!(set.nearest(2020), Some(2019));
        assert_eq!(set.nearest(2024), Some(2026));
        assert_eq!(set.nearest(2021), Some(2021));
        assert_eq!(YearSet::EMPTY.nearest(2024), None);
    }

    #[test]
    fn union() {
        let a = YearSet::from_years(&[2019]).unwrap();
        let b = YearSet::from_years(&[2026]).unwrap();
        assert_eq!(a.union(b).to_vec(), vec![2019, 2026]);
    }
}
