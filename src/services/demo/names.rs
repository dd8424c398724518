//! Drawing demo names with realistic frequencies, and the spelling changes roster noise uses.
//!
//! Given names follow the generation a person was born in (Eulogia and Jerónimo for the
//! grandparents, Yeny and Wilber for their children, Milagros and Brayan after 1995). Surnames
//! follow a Zipf law over the ranked list in [`super::name_pools`]. Only the frequency tables
//! are kept, never the names drawn.

use super::name_pools::{
    FEMALE_MIDDLE, FEMALE_OLD, FEMALE_YOUNG, MALE_MIDDLE, MALE_OLD, MALE_YOUNG, SPELLINGS, SURNAMES,
};
use super::rng::{Rng, Weighted};
use crate::domain::sex::Sex;

/// Share of persons with two given names (basis points).
const TWO_GIVEN_NAMES_BP: u32 = 3_500;

/// A list of names and its frequency table.
struct Pool {
    words: &'static [&'static str],
    weights: Weighted,
}

impl Pool {
    fn new(words: &'static [&'static str], offset: u64) -> Pool {
        Pool {
            words,
            weights: Weighted::zipf(words.len(), offset),
        }
    }

    fn draw(&self, rng: &mut Rng) -> &'static str {
        self.words
            .get(self.weights.pick(rng))
            .copied()
            .unwrap_or("María")
    }
}

/// The frequency tables, built once per demo run.
pub struct NamePools {
    surnames: Pool,
    female: [Pool; 3],
    male: [Pool; 3],
}

impl Default for NamePools {
    fn default() -> Self {
        NamePools::new()
    }
}

impl NamePools {
    pub fn new() -> NamePools {
        NamePools {
            // An offset of 2 gives Quispe about 8 % of all surnames, as in Apurímac.
            surnames: Pool::new(SURNAMES, 2),
            female: [
                Pool::new(FEMALE_OLD, 1),
                Pool::new(FEMALE_MIDDLE, 1),
                Pool::new(FEMALE_YOUNG, 1),
            ],
            male: [
                Pool::new(MALE_OLD, 1),
                Pool::new(MALE_MIDDLE, 1),
                Pool::new(MALE_YOUNG, 1),
            ],
        }
    }

    pub fn surname(&self, rng: &mut Rng) -> &'static str {
        self.surnames.draw(rng)
    }

    /// One or two given names for someone of `sex` born in `birth_year`.
    pub fn given(&self, rng: &mut Rng, sex: Sex, birth_year: i32) -> String {
        let generation = match birth_year {
            ..1970 => 0,
            1970..1995 => 1,
            _ => 2,
        };
        let pool = match sex {
            Sex::F => &self.female[generation],
            Sex::M => &self.male[generation],
        };
        let first = pool.draw(rng);
        if !rng.chance(TWO_GIVEN_NAMES_BP) {
            return first.to_string();
        }
        let second = pool.draw(rng);
        if second == first {
            return first.to_string();
        }
        format!("{first} {second}")
    }
}

/// Other spellings of one word (a surname or a single given name), if rosters know any.
pub fn spellings_of(word: &str) -> Option<&'static [&'static str]> {
    SPELLINGS
        .iter()
        .find(|(canonical, _)| *canonical == word)
        .map(|(_, variants)| *variants)
}

/// True when a text has an accented vowel (Ñ does not count: it is a letter of its own).
pub fn has_accent(text: &str) -> bool {
    text.chars().any(|c| "áéíóúüÁÉÍÓÚÜ".contains(c))
}

/// Drops accents from vowels as a keyboard without them does, keeping Ñ.
pub fn strip_accents(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' | 'ü' => 'u',
            'Á' => 'A',
            'É' => 'E',
            'Í' => 'I',
            'Ó' => 'O',
            'Ú' | 'Ü' => 'U',
            _ => c,
        })
        .collect()
}

/// Writes Ñ as N, as rosters typed on a foreign keyboard do.
pub fn enye_as_n(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'ñ' => 'n',
            'Ñ' => 'N',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_enye_are_dropped_separately() {
        assert_eq!(
            strip_accents("Jerónimo Ñahui Huamán"),
            "Jeronimo Ñahui Huaman"
        );
        assert_eq!(enye_as_n("Ñusta Peña"), "Nusta Pena");
        assert!(has_accent("Túpac"));
        assert!(!has_accent("Ñahui"));
    }

    #[test]
    fn surnames_are_skewed_and_given_names_follow_generation() {
        let pools = NamePools::new();
        let mut rng = Rng::new(1, 0);
        let quispes = (0..10_000)
            .filter(|_| pools.surname(&mut rng) == "Quispe")
            .count();
        assert!((500..1_200).contains(&quispes), "{quispes}");
        for _ in 0..200 {
            let young = pools.given(&mut rng, Sex::F, 2005);
            let first = young.split(' ').next().unwrap();
            assert!(FEMALE_YOUNG.contains(&first), "{young}");
        }
    }

    #[test]
    fn spellings_are_found_for_known_words_only() {
        assert!(spellings_of("Huamán").unwrap().contains(&"Waman"));
        assert!(spellings_of("Zárate").is_none());
        for (canonical, variants) in SPELLINGS {
            assert!(!variants.contains(canonical));
        }
    }
}
