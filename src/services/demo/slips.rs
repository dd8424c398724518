//! The slips of hand and keyboard behind roster noise: each changes one identity (or DNI) the
//! way a clerk would, and says whether it changed anything, so that only noise that really
//! happened is recorded. Nothing here decides how often a slip happens; see `noise.rs`.

use super::names::{self, has_accent, spellings_of};
use super::noise::Identity;
use super::rng::Rng;

/// Applies `change` to every name part `applies` to; true when something changed.
fn map_names(
    id: &mut Identity,
    applies: impl Fn(&str) -> bool,
    change: impl Fn(&str) -> String,
) -> bool {
    let mut changed = false;
    for part in [
        Some(&mut id.given),
        Some(&mut id.paternal),
        id.maternal.as_mut(),
    ]
    .into_iter()
    .flatten()
    {
        if applies(part) {
            *part = change(part);
            changed = true;
        }
    }
    changed
}

/// Accents dropped from every name part that has them (Ñ kept).
pub fn drop_accents(id: &mut Identity) -> bool {
    map_names(id, has_accent, names::strip_accents)
}

/// Ñ written N in every name part that has one.
pub fn enye_as_n(id: &mut Identity) -> bool {
    map_names(id, |t| t.contains(['ñ', 'Ñ']), names::enye_as_n)
}

/// Replaces one word that has other spellings (a surname or one given name) by one of them.
pub fn respell(rng: &mut Rng, id: &mut Identity) -> bool {
    let mut slots: Vec<(usize, usize)> = Vec::new();
    let parts = [Some(&id.paternal), id.maternal.as_ref(), Some(&id.given)];
    for (p, part) in parts.iter().enumerate() {
        if let Some(text) = part {
            for (w, word) in text.split(' ').enumerate() {
                if spellings_of(word).is_some() {
                    slots.push((p, w));
                }
            }
        }
    }
    let Some(&(p, w)) = rng.pick(&slots) else {
        return false;
    };
    let target = match p {
        0 => &mut id.paternal,
        1 => match id.maternal.as_mut() {
            Some(m) => m,
            None => return false,
        },
        _ => &mut id.given,
    };
    let mut words: Vec<String> = target.split(' ').map(str::to_string).collect();
    let variant = spellings_of(&words[w]).and_then(|v| rng.pick(v)).copied();
    let Some(variant) = variant else {
        return false;
    };
    words[w] = variant.to_string();
    *target = words.join(" ");
    true
}

pub fn drop_second_given(id: &mut Identity) -> bool {
    match id.given.split_once(' ') {
        Some((first, _)) => {
            id.given = first.to_string();
            true
        }
        None => false,
    }
}

pub fn swap_surnames(id: &mut Identity) -> bool {
    match id.maternal.as_mut() {
        Some(m) if *m != id.paternal => {
            std::mem::swap(m, &mut id.paternal);
            true
        }
        _ => false,
    }
}

/// Neighbouring keys on a Spanish keyboard, for substitutions.
fn neighbour(c: char) -> char {
    const ROWS: [&str; 3] = ["qwertyuiop", "asdfghjklñ", "zxcvbnm"];
    let lower = c.to_ascii_lowercase();
    for row in ROWS {
        let keys: Vec<char> = row.chars().collect();
        if let Some(i) = keys.iter().position(|&k| k == lower) {
            // The key to the right, or to the left at the row's end (and instead of Ñ, which
            // would make the slip look like the Ñ noise).
            let next = match keys.get(i + 1) {
                Some(&k) if k != 'ñ' => k,
                _ => keys[i - 1],
            };
            return if c.is_uppercase() {
                next.to_ascii_uppercase()
            } else {
                next
            };
        }
    }
    c
}

/// One slipped key in the paternal surname or the given names: a neighbouring key, a letter
/// left out or a letter typed twice. The first letter is spared, as it mostly is.
pub fn typo(rng: &mut Rng, id: &mut Identity) -> bool {
    let target = if rng.chance(5_000) {
        &mut id.paternal
    } else {
        &mut id.given
    };
    let mut chars: Vec<char> = target.chars().collect();
    let positions: Vec<usize> = (1..chars.len())
        .filter(|&i| chars[i].is_ascii_alphabetic())
        .collect();
    let Some(&at) = rng.pick(&positions) else {
        return false;
    };
    match rng.below(3) {
        0 => chars[at] = neighbour(chars[at]),
        1 => {
            chars.remove(at);
        }
        _ => chars.insert(at, chars[at]),
    }
    let typed: String = chars.into_iter().collect();
    let changed = typed != *target && !typed.trim().is_empty();
    if changed {
        *target = typed;
    }
    changed
}

pub fn wrong_digit(rng: &mut Rng, dni: &str) -> String {
    let mut digits: Vec<u8> = dni.bytes().collect();
    let at = rng.index(digits.len());
    let shift = rng.between(1, 9) as u8;
    digits[at] = b'0' + (digits[at] - b'0' + shift) % 10;
    String::from_utf8_lossy(&digits).into_owned()
}

/// Two adjacent, different digits swapped; `None` when all neighbours are equal.
pub fn swap_digits(rng: &mut Rng, dni: &str) -> Option<String> {
    let mut digits: Vec<u8> = dni.bytes().collect();
    let spots: Vec<usize> = (0..digits.len().saturating_sub(1))
        .filter(|&i| digits[i] != digits[i + 1])
        .collect();
    let &at = rng.pick(&spots)?;
    digits.swap(at, at + 1);
    Some(String::from_utf8_lossy(&digits).into_owned())
}

/// One digit left out; the importer reads the 7 digits with a leading zero.
pub fn drop_digit(rng: &mut Rng, dni: &str) -> String {
    let mut digits: Vec<u8> = dni.bytes().collect();
    digits.remove(rng.index(digits.len()));
    format!("0{}", String::from_utf8_lossy(&digits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sex::Sex;

    fn identity(given: &str, paternal: &str, maternal: &str) -> Identity {
        Identity {
            given: given.into(),
            paternal: paternal.into(),
            maternal: Some(maternal.into()),
            dni: Some("43218765".into()),
            birth: None,
            sex: Sex::F,
        }
    }

    #[test]
    fn dni_slips_change_what_they_say() {
        let mut rng = Rng::new(5, 0);
        for _ in 0..200 {
            let wrong = wrong_digit(&mut rng, "43218765");
            let diffs = wrong
                .bytes()
                .zip("43218765".bytes())
                .filter(|(a, b)| a != b);
            assert_eq!(diffs.count(), 1, "{wrong}");
            let swapped = swap_digits(&mut rng, "43218765").unwrap();
            assert_ne!(swapped, "43218765");
            let mut sorted: Vec<u8> = swapped.bytes().collect();
            sorted.sort();
            assert_eq!(sorted, b"12345678");
            let short = drop_digit(&mut rng, "43218765");
            assert_eq!(short.len(), 8);
            assert!(short.starts_with('0'));
        }
        assert_eq!(swap_digits(&mut rng, "11111111"), None);
    }

    #[test]
    fn name_slips_report_whether_they_applied() {
        let mut rng = Rng::new(6, 0);
        let mut id = identity("María Elena", "Huamán", "Ñahui");
        assert!(respell(&mut rng, &mut id));
        assert!(drop_second_given(&mut id));
        assert_eq!(id.given, "María");
        assert!(!drop_second_given(&mut id));
        assert!(enye_as_n(&mut id));
        assert!(id.maternal.as_deref().unwrap().starts_with('N'));
        assert!(swap_surnames(&mut id));
        let mut plain = identity("Rosa", "Zárate", "Zárate");
        assert!(
            !swap_surnames(&mut plain),
            "equal surnames cannot be swapped"
        );
        assert!(!enye_as_n(&mut plain));
        assert!(drop_accents(&mut plain));
        assert_eq!(plain.paternal, "Zarate");
        assert!(!respell(&mut rng, &mut identity("Rosa", "Zárate", "Lucas")));
    }

    #[test]
    fn a_typo_changes_one_letter_but_not_the_first() {
        let mut rng = Rng::new(7, 0);
        for _ in 0..200 {
            let mut id = identity("Saturnina", "Pariona", "Quispe");
            assert!(typo(&mut rng, &mut id));
            let changed = if id.paternal != "Pariona" {
                &id.paternal
            } else {
                &id.given
            };
            assert!(
                changed.starts_with('P') || changed.starts_with('S'),
                "{changed}"
            );
            assert!(!changed.chars().any(char::is_numeric));
        }
    }
}
