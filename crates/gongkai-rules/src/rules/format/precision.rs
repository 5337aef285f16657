//! Shared by F101 and F102: the majority number of decimals of a set of figures.

use std::collections::BTreeMap;

/// The number of decimals most figures are printed with (ties: the larger
/// number of decimals); `None` without figures.
pub fn majority(decimals: impl IntoIterator<Item = u32>) -> Option<(u32, usize)> {
    let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
    for d in decimals {
        *counts.entry(d).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(d, n)| (*n, *d))
}
