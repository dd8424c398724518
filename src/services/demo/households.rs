//! One demo household at a time: its members (head, spouse, children, sometimes the head's
//! parents or grandchildren), their names, DNIs and birth dates, and the household's SISFOH
//! class, herd and altitude.
//!
//! Children carry their father's and their mother's first surnames, as Peruvian names do, so a
//! household reads like a family. Nothing here writes to the database or keeps a household once
//! it is returned; the only memory carried between households is the community's list of adult
//! names, from which homonyms are planted.

use super::dni::DniAllocator;
use super::names::NamePools;
use super::rng::{Rng, Weighted};
use crate::domain::dates::age_on;
use crate::domain::sex::Sex;
use crate::domain::sisfoh::SisfohClass;
use chrono::{Days, NaiveDate};

/// Weights of household sizes 1 to 9 (mean about 4.1 persons).
const SIZE_WEIGHTS: [u64; 9] = [9, 14, 18, 19, 16, 11, 7, 4, 2];

/// Share of heads and spouses given the full name of another adult of the community.
const HOMONYM_BP: u32 = 150;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relationship {
    Head,
    Spouse,
    Child,
    Grandchild,
    Parent,
}

impl Relationship {
    pub fn code(self) -> &'static str {
        match self {
            Relationship::Head => "head",
            Relationship::Spouse => "spouse",
            Relationship::Child => "child",
            Relationship::Grandchild => "grandchild",
            Relationship::Parent => "parent",
        }
    }
}

/// A true person of the demo (what RENIEC would say), before any roster's noise.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: i64,
    pub relationship: Relationship,
    pub sex: Sex,
    pub given: String,
    pub paternal: &'static str,
    pub maternal: &'static str,
    pub birth: NaiveDate,
    pub dni: Option<String>,
    pub pregnant_since: Option<NaiveDate>,
    /// Planted with the full name of another adult of the same community.
    pub homonym: bool,
}

#[derive(Debug, Clone)]
pub struct Household {
    pub id: i64,
    pub persons: Vec<Person>,
    pub sisfoh: Option<(SisfohClass, NaiveDate)>,
    pub herd: i64,
    pub altitude_m: i64,
    pub address: &'static str,
}

impl Household {
    /// Who receives Juntos for the household: the mother heading it or married to its head;
    /// failing her, another woman of age (the head's mother, an elder daughter); failing
    /// any, the head.
    pub fn titular(&self, today: NaiveDate) -> usize {
        let persons = &self.persons;
        let of_couple =
            |p: &Person| matches!(p.relationship, Relationship::Head | Relationship::Spouse);
        persons
            .iter()
            .position(|p| p.sex == Sex::F && of_couple(p))
            .or_else(|| {
                persons
                    .iter()
                    .position(|p| p.sex == Sex::F && age_on(p.birth, today) >= 18)
            })
            .unwrap_or(0)
    }

    pub fn has_child_under(&self, years: u32, today: NaiveDate) -> bool {
        self.persons.iter().any(|p| {
            matches!(
                p.relationship,
                Relationship::Child | Relationship::Grandchild
            ) && age_on(p.birth, today) < years
        })
    }

    pub fn has_pregnant_woman(&self) -> bool {
        self.persons.iter().any(|p| p.pregnant_since.is_some())
    }

    pub fn class(&self) -> Option<SisfohClass> {
        self.sisfoh.map(|(class, _)| class)
    }
}

/// What a household draws on from its community.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub altitude_m: i64,
    pub travel_minutes: i64,
}

/// The adults' names seen so far in the current community (the homonym source).
#[derive(Debug, Default)]
pub struct CommunityNames {
    adults: Vec<(Sex, String, &'static str, &'static str)>,
}

impl CommunityNames {
    pub fn clear(&mut self) {
        self.adults.clear();
    }
}

/// Draws households; holds the frequency tables and the DNI sequence.
pub struct Population {
    pools: NamePools,
    sizes: Weighted,
    dnis: DniAllocator,
    today: NaiveDate,
}

const ADDRESSES: &[&str] = &[
    "Barrio Centro",
    "Sector Alto",
    "Sector Bajo",
    "Barrio Pampa",
    "Sector Chacra",
    "Barrio Nuevo",
    "Sector Puquio",
    "Barrio Estadio",
    "Sector Molino",
    "Sector Cruzpata",
];

/// Plain facts of a new person, before names are drawn.
struct Sketch {
    relationship: Relationship,
    sex: Sex,
    age: i64,
}

impl Population {
    pub fn new(seed: u64, today: NaiveDate) -> Population {
        Population {
            pools: NamePools::new(),
            sizes: Weighted::new(SIZE_WEIGHTS),
            dnis: DniAllocator::new(seed),
            today,
        }
    }

    /// A new household (ids left at 0 for the writer to assign).
    pub fn household(
        &mut self,
        rng: &mut Rng,
        place: Place,
        names: &mut CommunityNames,
    ) -> Household {
        let size = self.sizes.pick(rng) + 1;
        let mut persons = Vec::with_capacity(size);
        let head = self.head(rng, names);
        persons.push(head);
        // Most men who head a household live with a partner; most women who do, do not.
        let partnered_bp = match persons[0].sex {
            Sex::M => 8_500,
            Sex::F => 2_500,
        };
        if size > 1 && rng.chance(partnered_bp) {
            let spouse = self.spouse(rng, &persons[0], names);
            persons.push(spouse);
        }
        if size >= persons.len() + 3 && rng.chance(1_800) {
            self.add_parents(rng, &mut persons, size);
        }
        while persons.len() < size {
            let child = self.child(rng, &persons);
            persons.push(child);
        }
        self.mark_pregnancies(rng, &mut persons);
        let sisfoh = self.sisfoh(rng, place);
        Household {
            id: 0,
            herd: herd_size(rng, sisfoh.map(|(c, _)| c), place.altitude_m),
            altitude_m: (place.altitude_m + rng.between(-150, 150)).clamp(2_000, 4_800),
            address: rng.pick(ADDRESSES).copied().unwrap_or("Barrio Centro"),
            persons,
            sisfoh,
        }
    }

    fn birth(&self, rng: &mut Rng, age: i64) -> NaiveDate {
        let days = age * 365 + age / 4 + rng.between(0, 364);
        self.today
            .checked_sub_days(Days::new(days.max(0) as u64))
            .unwrap_or(self.today)
    }

    fn person(
        &mut self,
        rng: &mut Rng,
        sketch: Sketch,
        surnames: (&'static str, &'static str),
    ) -> Person {
        let birth = self.birth(rng, sketch.age);
        let given = self
            .pools
            .given(rng, sketch.sex, chrono::Datelike::year(&birth));
        // Babies are often not yet registered; a few of the oldest never were.
        let undocumented = match sketch.age {
            0 => rng.chance(5_000),
            a if a >= 70 => rng.chance(300),
            _ => false,
        };
        Person {
            id: 0,
            relationship: sketch.relationship,
            sex: sketch.sex,
            given,
            paternal: surnames.0,
            maternal: surnames.1,
            birth,
            dni: if undocumented {
                None
            } else {
                self.dnis.next_dni()
            },
            pregnant_since: None,
            homonym: false,
        }
    }

    /// An adult head or spouse, sometimes a homonym of an adult already in the community.
    fn adult(&mut self, rng: &mut Rng, sketch: Sketch, names: &mut CommunityNames) -> Person {
        let sex = sketch.sex;
        let twin = if rng.chance(HOMONYM_BP) {
            let same_sex: Vec<_> = names.adults.iter().filter(|a| a.0 == sex).collect();
            rng.pick(&same_sex).map(|a| (a.1.clone(), a.2, a.3))
        } else {
            None
        };
        let surnames = (self.pools.surname(rng), self.pools.surname(rng));
        let mut person = self.person(rng, sketch, surnames);
        if let Some((given, paternal, maternal)) = twin {
            person.given = given;
            person.paternal = paternal;
            person.maternal = maternal;
            person.homonym = true;
        }
        names
            .adults
            .push((sex, person.given.clone(), person.paternal, person.maternal));
        person
    }

    fn head(&mut self, rng: &mut Rng, names: &mut CommunityNames) -> Person {
        let sex = if rng.chance(2_200) { Sex::F } else { Sex::M };
        let mut age = 18 + rng.between(0, 29) + rng.between(0, 25);
        if rng.chance(600) {
            age += rng.between(0, 15);
        }
        self.adult(
            rng,
            Sketch {
                relationship: Relationship::Head,
                sex,
                age,
            },
            names,
        )
    }

    fn spouse(&mut self, rng: &mut Rng, head: &Person, names: &mut CommunityNames) -> Person {
        let head_age = i64::from(age_on(head.birth, self.today));
        let (sex, age) = match head.sex {
            Sex::M => (Sex::F, head_age - rng.between(-3, 8)),
            Sex::F => (Sex::M, head_age + rng.between(-3, 8)),
        };
        let sketch = Sketch {
            relationship: Relationship::Spouse,
            sex,
            age: age.max(16),
        };
        self.adult(rng, sketch, names)
    }

    /// The head's father and/or mother, who pass on the head's surnames.
    fn add_parents(&mut self, rng: &mut Rng, persons: &mut Vec<Person>, size: usize) {
        let head_age = i64::from(age_on(persons[0].birth, self.today));
        let (paternal, maternal) = (persons[0].paternal, persons[0].maternal);
        let both = size >= persons.len() + 4 && rng.chance(4_000);
        let mut sexes = vec![if rng.chance(6_500) { Sex::F } else { Sex::M }];
        if both {
            sexes = vec![Sex::M, Sex::F];
        }
        for sex in sexes {
            let age = (head_age + rng.between(20, 34)).min(98);
            let own = match sex {
                Sex::M => (paternal, self.pools.surname(rng)),
                Sex::F => (maternal, self.pools.surname(rng)),
            };
            let sketch = Sketch {
                relationship: Relationship::Parent,
                sex,
                age,
            };
            let parent = self.person(rng, sketch, own);
            persons.push(parent);
        }
    }

    fn child(&mut self, rng: &mut Rng, persons: &[Person]) -> Person {
        // The couple at the head of the household (the head's own parents are grandparents).
        let couple = || {
            persons
                .iter()
                .filter(|p| matches!(p.relationship, Relationship::Head | Relationship::Spouse))
        };
        let father = couple().find(|p| p.sex == Sex::M);
        let mother = couple().find(|p| p.sex == Sex::F);
        let sex = if rng.chance(5_000) { Sex::F } else { Sex::M };
        let head_age = i64::from(age_on(persons[0].birth, self.today));
        if head_age >= 55 && rng.chance(3_000) {
            let paternal = father.map_or_else(|| self.pools.surname(rng), |f| f.paternal);
            let own = (paternal, self.pools.surname(rng));
            let sketch = Sketch {
                relationship: Relationship::Grandchild,
                sex,
                age: rng.between(0, 12),
            };
            return self.person(rng, sketch, own);
        }
        let parent_age = mother
            .or(father)
            .map_or(head_age, |p| i64::from(age_on(p.birth, self.today)));
        let age = rng.between(0, (parent_age - 16).clamp(0, 30));
        let own = (
            father.map_or_else(|| self.pools.surname(rng), |f| f.paternal),
            mother.map_or_else(|| self.pools.surname(rng), |m| m.paternal),
        );
        self.person(
            rng,
            Sketch {
                relationship: Relationship::Child,
                sex,
                age,
            },
            own,
        )
    }

    fn mark_pregnancies(&self, rng: &mut Rng, persons: &mut [Person]) {
        for person in persons.iter_mut().filter(|p| p.sex == Sex::F) {
            let rate = match age_on(person.birth, self.today) {
                15..=17 => 200,
                18..=42 => 600,
                _ => 0,
            };
            if rng.chance(rate) {
                person.pregnant_since = self.today.checked_sub_days(Days::new(rng.below(200) + 10));
            }
        }
    }

    /// About 35 % PE, 45 % P and 20 % NP, poorer further out; a few households never surveyed.
    fn sisfoh(&self, rng: &mut Rng, place: Place) -> Option<(SisfohClass, NaiveDate)> {
        if rng.chance(300) {
            return None;
        }
        let remote = if place.travel_minutes > 150 { 700 } else { 0 };
        let high = if place.altitude_m > 3_800 { 300 } else { 0 };
        let draw = rng.below(10_000) as u32;
        let class = if draw < 3_200 + remote + high {
            SisfohClass::PobreExtremo
        } else if draw < 7_800 + remote / 2 {
            SisfohClass::Pobre
        } else {
            SisfohClass::NoPobre
        };
        // Up to four years old: those beyond three have expired and need a new survey.
        let date = self.today.checked_sub_days(Days::new(rng.below(4 * 365)))?;
        Some((class, date))
    }
}

/// Most herds are small (0–30 animals); a tail of 50–300, mostly among the better-off and the
/// highest households.
fn herd_size(rng: &mut Rng, class: Option<SisfohClass>, altitude_m: i64) -> i64 {
    let tail_bp = match class {
        Some(SisfohClass::NoPobre) => 3_000,
        Some(SisfohClass::Pobre) => 700,
        _ => 300,
    } + if altitude_m > 3_800 { 500 } else { 0 };
    if rng.chance(tail_bp) {
        // Skewed towards the low end: many herds of 50–100, few of 300.
        return 50 + rng.between(0, 250) * rng.between(0, 250) / 250;
    }
    if rng.chance(2_000) {
        0
    } else {
        rng.between(1, 30)
    }
}
