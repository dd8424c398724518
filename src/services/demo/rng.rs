//! The demo's own random number generator: xoshiro256** seeded through SplitMix64.
//!
//! The demo promises that the same seed gives the same data, for ever. A generator from a crate
//! may change its algorithm in a new version and silently change every demo database, so the
//! few lines of a well-known generator live here instead. Probabilities are integers (basis
//! points, 10 000 = 100 %) so no floating-point rounding can make two machines disagree.
//! Nothing here may read the clock or the operating system's entropy.

/// Basis points in a whole: `chance(10_000)` is always true.
pub const WHOLE_BP: u32 = 10_000;

/// SplitMix64: turns any seed (even 0) into well-mixed state words.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256** (Blackman and Vigna, 2018).
#[derive(Debug, Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// A generator for `seed` and a named `stream`, so that separate aspects of the demo
    /// (population, programmes, noise) draw from separate sequences: tuning one does not
    /// reshuffle the others.
    pub fn new(seed: u64, stream: u64) -> Rng {
        let mut state = seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let s = [
            splitmix64(&mut state),
            splitmix64(&mut state),
            splitmix64(&mut state),
            splitmix64(&mut state),
        ];
        Rng { s }
    }

    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A number in `0..n` (0 when `n` is 0). Multiply-shift: the bias is below 2^-32 for
    /// every `n` the demo uses, and it needs no loop.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// An index into a slice of length `len`.
    pub fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// A number in `lo..=hi` (`lo` when the range is empty).
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo) as u64 + 1;
        lo + self.below(span) as i64
    }

    /// True with probability `bp` / 10 000.
    pub fn chance(&mut self, bp: u32) -> bool {
        self.below(u64::from(WHOLE_BP)) < u64::from(bp)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            return None;
        }
        items.get(self.index(items.len()))
    }
}

/// Picks indices with given integer weights in O(log n), from a table built once.
#[derive(Debug, Clone)]
pub struct Weighted {
    cumulative: Vec<u64>,
}

impl Weighted {
    pub fn new(weights: impl IntoIterator<Item = u64>) -> Weighted {
        let mut total = 0;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Weighted { cumulative }
    }

    /// Zipf-Mandelbrot weights (1 / (rank + offset)) for `len` items ranked by frequency: a
    /// few very common ones and a long tail of rare ones, as surnames and given names are. A
    /// larger `offset` flattens the head. Integers only, so every platform gets the same table.
    pub fn zipf(len: usize, offset: u64) -> Weighted {
        Weighted::new((1..=len as u64).map(|rank| 1_000_000_000 / (rank + offset)))
    }

    fn len(&self) -> usize {
        self.cumulative.len()
    }

    pub fn pick(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0);
        let target = rng.below(total);
        self.cumulative
            .partition_point(|&c| c <= target)
            .min(self.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_sequence_and_streams_differ() {
        let mut a = Rng::new(42, 1);
        let mut b = Rng::new(42, 1);
        let mut c = Rng::new(42, 2);
        let xs: Vec<u64> = (0..8).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..8).map(|_| b.next_u64()).collect();
        let zs: Vec<u64> = (0..8).map(|_| c.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs, zs);
    }

    #[test]
    fn output_is_frozen() {
        // If this changes, every demo database changes: the algorithm must stay as it is.
        let mut rng = Rng::new(7, 0);
        let first = [rng.next_u64(), rng.next_u64()];
        let mut again = Rng::new(7, 0);
        assert_eq!(first, [again.next_u64(), again.next_u64()]);
        assert_eq!(Rng::new(0, 0).next_u64(), 11_091_344_671_253_066_420);
    }

    #[test]
    fn ranges_hold() {
        let mut rng = Rng::new(1, 0);
        for _ in 0..10_000 {
            let v = rng.between(-3, 5);
            assert!((-3..=5).contains(&v));
            assert!(rng.below(7) < 7);
        }
        assert_eq!(rng.between(4, 4), 4);
        assert_eq!(rng.below(0), 0);
        assert!(rng.pick::<u8>(&[]).is_none());
    }

    #[test]
    fn chance_is_close_to_its_rate() {
        let mut rng = Rng::new(3, 0);
        let hits = (0..100_000).filter(|_| rng.chance(2_500)).count();
        assert!((24_000..26_000).contains(&hits), "{hits}");
        assert!(!rng.chance(0));
        assert!(rng.chance(WHOLE_BP));
    }

    #[test]
    fn weighted_follows_weights() {
        let table = Weighted::new([1, 0, 3]);
        let mut rng = Rng::new(9, 0);
        let mut counts = [0; 3];
        for _ in 0..40_000 {
            counts[table.pick(&mut rng)] += 1;
        }
        assert_eq!(counts[1], 0);
        assert!((9_000..11_000).contains(&counts[0]), "{counts:?}");
        let zipf = Weighted::zipf(100, 0);
        let firsts = (0..10_000).filter(|_| zipf.pick(&mut rng) == 0).count();
        assert!(firsts > 1_500, "the most common item dominates: {firsts}");
    }
}
