//! A spelling-independent key for Andean names, so one person written by different agencies
//! lands in the same block and compares as equal: Huamán/Waman/Guamán, Quispe/Qespe/Qquispe,
//! Willka/Huillca/Vilca, Ccori/Cori. Quechua has three vowels that Spanish spelling writes
//! five ways (i/e, u/o), aspirated and doubled consonants are written inconsistently, and
//! w is written hu, gu or v.

use crate::domain::names::fold_key;

/// The phonetic key of one word (already a name part; spaces are dropped).
pub fn word_key(word: &str) -> String {
    let folded: Vec<char> = fold_key(word)
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    let mut out: Vec<char> = Vec::with_capacity(folded.len());
    let mut i = 0;
    while i < folded.len() {
        let c = folded[i];
        let next = folded.get(i + 1).copied();
        let after = folded.get(i + 2).copied();
        let (sound, used) = match (c, next, after) {
            // hu, gu + vowel and w, v all write the Quechua w.
            ('H', Some('U'), Some(v)) if is_vowel(v) && v != 'U' => ('W', 2),
            ('G', Some('U'), Some(v)) if is_vowel(v) && v != 'E' && v != 'I' => ('W', 2),
            ('G', Some('U'), Some('E' | 'I')) => ('G', 2),
            ('W' | 'V', _, _) => ('W', 1),
            // qu, q, k, cc, c (hard) all write k.
            ('Q', Some('U'), Some('E' | 'I')) => ('K', 2),
            ('Q' | 'K', _, _) => ('K', 1),
            ('C', Some('E' | 'I'), _) => ('S', 1),
            ('C', Some('H'), _) => ('C', 2),
            ('C', _, _) => ('K', 1),
            ('Z' | 'X', _, _) => ('S', 1),
            ('L', Some('L'), _) => ('L', 2),
            ('Y', _, _) if next.is_some_and(is_vowel) => ('L', 1),
            ('Y', _, _) => ('I', 1),
            // Silent h.
            ('H', _, _) => ('\0', 1),
            ('E', _, _) => ('I', 1),
            ('O', _, _) => ('U', 1),
            (other, _, _) => (other, 1),
        };
        if sound != '\0' && out.last() != Some(&sound) {
            out.push(sound);
        }
        i += used;
    }
    out.into_iter().collect()
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'A' | 'E' | 'I' | 'O' | 'U')
}

/// Keys of every word of a name part ("María Eulogia" → ["MARIA", "ULUJIA"]-like keys).
pub fn words(text: &str) -> Vec<String> {
    fold_key(text)
        .split_whitespace()
        .map(word_key)
        .filter(|k| !k.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) {
        assert_eq!(word_key(a), word_key(b), "{a} / {b}");
    }

    #[test]
    fn quechua_and_hispanicised_spellings_share_a_key() {
        same("Huamán", "Waman");
        same("Guamán", "Huaman");
        same("Quispe", "Qespe");
        same("Qquispe", "Quispe");
        same("Willka", "Vilca");
        same("Huillca", "Willka");
        same("Ccori", "Cori");
        same("Ñahui", "Nahui");
        same("Ccoyllo", "Coyllo");
        same("Mamani", "MAMANI");
    }

    #[test]
    fn different_names_keep_different_keys() {
        assert_ne!(word_key("Quispe"), word_key("Mamani"));
        assert_ne!(word_key("Condori"), word_key("Cardenas"));
        assert_ne!(word_key("Taipe"), word_key("Yauri"));
    }
}
