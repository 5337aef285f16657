//! A small deterministic PRNG (SplitMix64).
//!
//! The corpus must be byte-identical for a given seed on every platform and every
//! version of the dependencies, so it does not use the `rand` crate (whose streams are
//! allowed to change between releases). SplitMix64 passes BigCrush and is a few lines.

/// SplitMix64 state.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator for document `index` of the corpus `seed`: the two are mixed so that
    /// neighbouring indices give unrelated streams.
    pub fn for_document(seed: u64, index: u64) -> Rng {
        let mut r = Rng(seed ^ 0x6A09_E667_F3BC_C908);
        let mixed = r.next_u64() ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        Rng(mixed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value in `lo..=hi` (`lo` when the range is empty).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo) as u64 + 1;
        lo + (self.next_u64() % span) as i64
    }

    /// An index below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next_u64() % n as u64) as usize }
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One element of a non-empty slice (the first when empty is impossible by construction).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A subset of `items` keeping their order, each kept with probability `percent`/100,
    /// at least `min` of them.
    pub fn subset<T: Clone>(&mut self, items: &[T], percent: u64, min: usize) -> Vec<T> {
        let mut keep: Vec<bool> = items.iter().map(|_| self.chance(percent)).collect();
        let mut kept = keep.iter().filter(|k| **k).count();
        let mut i = 0;
        while kept < min.min(items.len()) {
            if !keep[i] && self.chance(50) {
                keep[i] = true;
                kept += 1;
            }
            i = (i + 1) % items.len();
        }
        items.iter().zip(keep).filter(|(_, k)| *k).map(|(t, _)| t.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;

    #[test]
    fn same_seed_same_stream() {
        let a: Vec<u64> = (0..5).map(|_| Rng::for_document(7, 3).next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        assert_ne!(Rng::for_document(7, 3).next_u64(), Rng::for_document(7, 4).next_u64());
    }
}
