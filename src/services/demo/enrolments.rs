//! Which programmes serve a demo household, and with what: enrolment plans at the rates and
//! with the overlaps the FAO study found in Andahuaylas.
//!
//! Juntos pays the mother of half the poor households with children; Haku Wiñay works in the
//! less remote communities and mostly with Juntos households; Agrorural leans towards bigger
//! herds, higher plots and the better-off, with a little targeting drift (seeds below 3 500 m,
//! sheds to herds of 100 or more, benefits to non-poor households); Aliados II and Haku Wiñay's
//! challenge funds reach members of producer associations. Plans are pure data: the roster
//! module turns them into records, persons and enrolments.

use super::households::Household;
use super::rng::Rng;
use crate::domain::sisfoh::SisfohClass;
use chrono::{Days, Months, NaiveDate};

/// The four programmes of the demo, in the order their rosters are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Programme {
    Juntos,
    HakuWinay,
    Agrorural,
    Aliados,
}

impl Programme {
    pub const ALL: [Programme; 4] = [
        Programme::Juntos,
        Programme::HakuWinay,
        Programme::Agrorural,
        Programme::Aliados,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Programme::Juntos => "JUNTOS",
            Programme::HakuWinay => "HAKU_WINAY",
            Programme::Agrorural => "AGRORURAL",
            Programme::Aliados => "ALIADOS_II",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// Juntos: S/ 200 every two months, S/ 1 200 a year.
pub const JUNTOS_YEARLY_CENTS: i64 = 120_000;

/// Haku Wiñay's technology packages: (activity, value per household in céntimos).
const HAKU_WINAY_PACKAGES: [(&str, i64); 5] = [
    ("riego", 120_000),
    ("animales_menores", 70_000),
    ("vivienda_saludable", 80_000),
    ("capacitacion_financiera", 25_000),
    ("biohuerto", 35_000),
];

const JUNTOS_END_REASONS: [&str; 4] = [
    "sin miembros objetivo",
    "incumplimiento de corresponsabilidades",
    "renuncia voluntaria",
    "cambio de domicilio",
];

/// A grant to an association that reaches each member's household.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grant {
    pub programme: Programme,
    pub activity: &'static str,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub per_member_cents: i64,
}

/// One enrolment to create: who, in what, from when, and whether it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub programme: Programme,
    /// Index into the household's persons.
    pub person: usize,
    pub activity: &'static str,
    pub amount_cents: Option<i64>,
    pub start: NaiveDate,
    pub end: Option<(NaiveDate, &'static str)>,
}

/// What the programmes do in the household's community.
#[derive(Debug, Clone, Copy)]
pub struct Reach {
    /// Haku Wiñay's three-year cycle in the community, if it works there.
    pub haku_winay_cycle: Option<NaiveDate>,
    pub agrorural: bool,
    pub altitude_m: i64,
    pub travel_minutes: i64,
}

fn before(today: NaiveDate, days: i64) -> NaiveDate {
    today
        .checked_sub_days(Days::new(days.max(0) as u64))
        .unwrap_or(today)
}

fn after(date: NaiveDate, days: i64, today: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(days.max(0) as u64))
        .unwrap_or(date)
        .min(today)
        .max(date)
}

/// Every enrolment of one household.
pub fn plan_household(
    rng: &mut Rng,
    household: &Household,
    reach: &Reach,
    grants: &[Grant],
    today: NaiveDate,
) -> Vec<Plan> {
    let mut plans = Vec::new();
    let juntos = juntos(rng, household, today);
    let juntos_titular = juntos.as_ref().map(|plan| plan.person);
    plans.extend(juntos);
    if let Some(cycle) = reach.haku_winay_cycle {
        let join = Cycle {
            start: cycle,
            juntos_titular,
        };
        haku_winay(rng, household, join, today, &mut plans);
    }
    if reach.agrorural {
        agrorural(rng, household, reach, today, &mut plans);
    }
    // Association members are household heads.
    for grant in grants {
        plans.push(Plan {
            programme: grant.programme,
            person: 0,
            activity: grant.activity,
            amount_cents: Some(grant.per_member_cents),
            start: grant.start,
            end: grant.end.map(|d| (d, "proyecto concluido")),
        });
    }
    plans
}

fn juntos(rng: &mut Rng, household: &Household, today: NaiveDate) -> Option<Plan> {
    let needs = household.has_child_under(19, today) || household.has_pregnant_woman();
    let rate = match household.class() {
        _ if !needs => 0,
        Some(SisfohClass::PobreExtremo) => 6_200,
        Some(SisfohClass::Pobre) => 5_000,
        // A little leakage to non-poor households, for the targeting flag to find.
        Some(SisfohClass::NoPobre) => 300,
        None => 0,
    };
    if !rng.chance(rate) {
        return None;
    }
    let mother = household.titular(today);
    let adult_since = household.persons[mother]
        .birth
        .checked_add_months(Months::new(18 * 12))
        .unwrap_or(today);
    let start = before(today, rng.between(60, 9 * 365))
        .max(adult_since)
        .min(today);
    let end = if rng.chance(800) {
        let reason = rng
            .pick(&JUNTOS_END_REASONS)
            .copied()
            .unwrap_or("renuncia voluntaria");
        Some((after(start, rng.between(180, 2_000), today), reason))
    } else {
        None
    };
    Some(Plan {
        programme: Programme::Juntos,
        person: mother,
        activity: "transferencia",
        amount_cents: Some(JUNTOS_YEARLY_CENTS),
        start,
        end,
    })
}

/// A household's place in Haku Wiñay's cycle: when it started in the community, and the
/// Juntos mother if the household has one (Haku Wiñay works with her first).
struct Cycle {
    start: NaiveDate,
    juntos_titular: Option<usize>,
}

/// Haku Wiñay: two or three packages for a household of the community's cycle.
fn haku_winay(
    rng: &mut Rng,
    household: &Household,
    cycle: Cycle,
    today: NaiveDate,
    plans: &mut Vec<Plan>,
) {
    let rate = match household.class() {
        _ if cycle.juntos_titular.is_some() => 4_500,
        Some(SisfohClass::PobreExtremo | SisfohClass::Pobre) => 600,
        _ => 100,
    };
    if !rng.chance(rate) {
        return;
    }
    let titular = cycle.juntos_titular.unwrap_or(0);
    let cycle_end = cycle
        .start
        .checked_add_months(Months::new(36))
        .unwrap_or(cycle.start);
    let first = rng.index(HAKU_WINAY_PACKAGES.len());
    let count = rng.between(2, 3) as usize;
    for k in 0..count {
        let (activity, cents) = HAKU_WINAY_PACKAGES[(first + k * 2) % HAKU_WINAY_PACKAGES.len()];
        let start = after(cycle.start, rng.between(0, 120), today);
        let end = if cycle_end <= today {
            Some((cycle_end.max(start), "fin del ciclo de intervención"))
        } else if rng.chance(300) {
            Some((
                after(start, rng.between(30, 400), today),
                "retiro voluntario",
            ))
        } else {
            None
        };
        plans.push(Plan {
            programme: Programme::HakuWinay,
            person: titular,
            activity,
            amount_cents: Some(cents),
            start,
            end,
        });
    }
}

/// How likely Agrorural serves a household: better-off, bigger herds, higher, nearer.
fn agrorural_rate(household: &Household, reach: &Reach) -> u32 {
    let class: u32 = match household.class() {
        Some(SisfohClass::NoPobre) => 2_800,
        Some(SisfohClass::Pobre) => 2_000,
        Some(SisfohClass::PobreExtremo) => 1_400,
        None => 1_000,
    };
    let herd = match household.herd {
        100.. => 1_500,
        30..=99 => 1_000,
        10..=29 => 400,
        _ => 0,
    };
    let high = if reach.altitude_m >= 3_500 { 600 } else { 0 };
    let remote = if reach.travel_minutes > 180 { 800 } else { 0 };
    (class + herd + high).saturating_sub(remote)
}

/// The activities Agrorural gives a household, each with its chance in basis points.
fn agrorural_activities(rng: &mut Rng, household: &Household) -> Vec<&'static str> {
    let herd = household.herd;
    let chances = [
        // Seeds are for plots above 3 500 m; a few go lower (targeting drift).
        (
            "semillas",
            if household.altitude_m >= 3_500 {
                5_500
            } else {
                350
            },
        ),
        ("sanidad_animal", if herd > 0 { 5_000 } else { 0 }),
        // Sheds are meant for small herders; some go to herds of 100+ (targeting drift).
        (
            "cobertizo",
            match herd {
                20..=99 => 2_000,
                100.. => 1_500,
                _ => 0,
            },
        ),
        ("plantones", 800),
        ("riego", 400),
        ("asistencia_tecnica", 1_500),
    ];
    let mut chosen: Vec<&str> = chances
        .iter()
        .filter(|(_, bp)| rng.chance(*bp))
        .map(|(code, _)| *code)
        .collect();
    if chosen.is_empty() {
        chosen.push(if herd > 0 {
            "sanidad_animal"
        } else {
            "asistencia_tecnica"
        });
    }
    chosen
}

fn agrorural_value(activity: &str) -> Option<i64> {
    match activity {
        "semillas" => Some(45_000),
        "sanidad_animal" => Some(6_000),
        "cobertizo" => Some(350_000),
        "plantones" => Some(12_000),
        "riego" => Some(80_000),
        _ => None,
    }
}

fn agrorural(
    rng: &mut Rng,
    household: &Household,
    reach: &Reach,
    today: NaiveDate,
    plans: &mut Vec<Plan>,
) {
    if !rng.chance(agrorural_rate(household, reach)) {
        return;
    }
    for activity in agrorural_activities(rng, household) {
        let start = before(today, rng.between(30, 3 * 365));
        // Most deliveries are one campaign that closes within weeks.
        let end = rng
            .chance(5_500)
            .then(|| (after(start, rng.between(0, 60), today), "campaña concluida"));
        plans.push(Plan {
            programme: Programme::Agrorural,
            person: 0,
            activity,
            amount_cents: agrorural_value(activity),
            start,
            end,
        });
    }
}
