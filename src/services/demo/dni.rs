//! DNIs for demo persons: unique without remembering them, and never one typing slip away
//! from each other.
//!
//! A million households hold about four million persons; keeping every DNI handed out in a set
//! would break the demo's bounded memory. Instead the n-th person gets an affine permutation of
//! n over the 7-digit bodies 1000000–9999999 (a bijection, so no repeats), followed by a Damm
//! check digit. Damm detects every single wrong digit and every swap of two adjacent digits, so
//! a DNI that roster noise garbled that way is never another demo person's DNI; a DNI with one
//! digit missing is read with a leading zero, which no demo DNI has. The record matching then
//! meets only the identity conflicts the demo plants on purpose. (This is the demo's own rule;
//! real DNIs have no check digit among their 8 digits.)

/// How many distinct DNIs the allocator can hand out.
pub const CAPACITY: u64 = 9_000_000;

const FIRST_BODY: u64 = 1_000_000;

/// Multipliers coprime with 9 000 000 (= 2^6 · 3^2 · 5^6): each makes the map a bijection.
const MULTIPLIERS: [u64; 4] = [7_368_787, 2_654_437, 5_021_111, 3_999_971];

/// The Damm quasigroup of order 10 (weakly totally anti-symmetric).
const DAMM: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

fn damm_interim(digits: &[u8]) -> u8 {
    digits.iter().fold(0, |interim, &d| {
        DAMM[usize::from(interim)][usize::from(d - b'0')]
    })
}

/// True when `dni` has the shape of a DNI this allocator hands out.
#[cfg(test)]
pub fn is_demo_dni(dni: &str) -> bool {
    let bytes = dni.as_bytes();
    bytes.len() == 8
        && bytes.iter().all(u8::is_ascii_digit)
        && bytes[0] != b'0'
        && damm_interim(bytes) == 0
}

/// Hands out the demo's DNIs in a seed-dependent but fixed order.
#[derive(Debug, Clone)]
pub struct DniAllocator {
    issued: u64,
    offset: u64,
    multiplier: u64,
}

impl DniAllocator {
    pub fn new(seed: u64) -> DniAllocator {
        DniAllocator {
            issued: 0,
            offset: seed % CAPACITY,
            multiplier: MULTIPLIERS[(seed % MULTIPLIERS.len() as u64) as usize],
        }
    }

    /// The next DNI, or `None` once all [`CAPACITY`] are used.
    pub fn next_dni(&mut self) -> Option<String> {
        if self.issued >= CAPACITY {
            return None;
        }
        let n = (self.issued + self.offset) % CAPACITY;
        self.issued += 1;
        let body = FIRST_BODY + (n * self.multiplier) % CAPACITY;
        let mut text = body.to_string();
        let check = damm_interim(text.as_bytes());
        text.push(char::from(b'0' + check));
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn dnis_are_unique_and_well_formed() {
        let mut alloc = DniAllocator::new(7);
        let mut seen = HashSet::new();
        for _ in 0..200_000 {
            let dni = alloc.next_dni().unwrap();
            assert!(is_demo_dni(&dni), "{dni}");
            assert!(seen.insert(dni));
        }
    }

    #[test]
    fn a_typing_slip_never_gives_a_demo_dni() {
        let mut alloc = DniAllocator::new(11);
        for _ in 0..2_000 {
            let dni = alloc.next_dni().unwrap();
            let bytes = dni.as_bytes().to_vec();
            for i in 0..8 {
                for d in b'0'..=b'9' {
                    let mut wrong = bytes.clone();
                    if wrong[i] == d {
                        continue;
                    }
                    wrong[i] = d;
                    assert!(!is_demo_dni(std::str::from_utf8(&wrong).unwrap()));
                }
                if i < 7 && bytes[i] != bytes[i + 1] {
                    let mut swapped = bytes.clone();
                    swapped.swap(i, i + 1);
                    assert!(!is_demo_dni(std::str::from_utf8(&swapped).unwrap()));
                }
            }
        }
    }

    #[test]
    fn multipliers_are_coprime_with_the_capacity() {
        fn gcd(a: u64, b: u64) -> u64 {
            if b == 0 {
                a
            } else {
                gcd(b, a % b)
            }
        }
        for m in MULTIPLIERS {
            assert_eq!(gcd(m, CAPACITY), 1, "{m}");
        }
    }
}
