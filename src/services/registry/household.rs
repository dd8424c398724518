//! A household's whole situation across programmes: members, SISFOH class and its validity,
//! community and altitude, every enrolment, the MIDIS ladder, and the roster history.

use crate::domain::dates::age_on;
use crate::domain::dni::Dni;
use crate::domain::sisfoh::{self, Validity};
use crate::services::{Actor, CoreResult, Permission};
use crate::store::household_view::{self, ChangeRow, EnrolmentRow, HouseholdRow};
use crate::store::Store;
use chrono::NaiveDate;

/// A member as the view shows them (DNI masked for roles without access).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: i64,
    pub dni: String,
    pub name: String,
    /// The parts of the name as stored, for a form that corrects them.
    pub paternal: String,
    pub maternal: Option<String>,
    pub given: String,
    /// `YYYY-MM-DD`; `None` when unknown or hidden from the role.
    pub birth_date: Option<String>,
    pub age: Option<u32>,
    pub sex: Option<String>,
    pub pregnant: bool,
    pub version: i64,
}

/// The four steps of the MIDIS ladder and where the household stands on each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    Active,
    Past,
    Never,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HouseholdView {
    pub household: HouseholdRow,
    pub sisfoh_validity: Option<Validity>,
    pub members: Vec<Member>,
    pub enrolments: Vec<EnrolmentRow>,
    /// Juntos, Haku Wiñay, Aliados II, credit.
    pub ladder: [StepState; 4],
    pub history: Vec<ChangeRow>,
}

/// How many roster changes the view lists.
pub const HISTORY_SHOWN: i64 = 50;

pub fn load(store: &Store, actor: &Actor, household: i64) -> CoreResult<HouseholdView> {
    actor.require(Permission::ReadRegistry)?;
    let conn = store.conn();
    let today = store.clock().today();
    let row = household_view::household(conn, household)?;
    let personal = actor.can(Permission::ReadPersonalData);
    let members = household_view::members(conn, household)?
        .into_iter()
        .map(|m| Member {
            id: m.id,
            dni: match (&m.dni, personal) {
                (Some(d), true) => d.clone(),
                (Some(d), false) => Dni::parse(d).map(|p| p.dni.masked()).unwrap_or_default(),
                (None, _) => String::new(),
            },
            name: match &m.maternal {
                Some(mat) => format!("{} {}, {}", m.paternal, mat, m.given),
                None => format!("{}, {}", m.paternal, m.given),
            },
            paternal: m.paternal.clone(),
            maternal: m.maternal.clone(),
            given: m.given.clone(),
            age: m
                .birth_date
                .as_deref()
                .and_then(parse_iso)
                .map(|b| age_on(b, today)),
            birth_date: m.birth_date.filter(|_| personal),
            sex: m.sex,
            pregnant: m.pregnant,
            version: m.version,
        })
        .collect();
    let enrolments = household_view::enrolments(conn, household)?;
    let sisfoh_validity = row
        .sisfoh_date
        .as_deref()
        .and_then(parse_iso)
        .map(|d| sisfoh::validity(d, today));
    Ok(HouseholdView {
        ladder: ladder(&enrolments),
        history: household_view::history(conn, household, HISTORY_SHOWN)?,
        household: row,
        sisfoh_validity,
        members,
        enrolments,
    })
}

fn parse_iso(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Where the household stands on each step: enrolled now, enrolled before, or never.
pub fn ladder(enrolments: &[EnrolmentRow]) -> [StepState; 4] {
    let mut steps = [StepState::Never; 4];
    for e in enrolments {
        let Some(step) = e.ladder_step.filter(|s| (1..=4).contains(s)) else {
            continue;
        };
        let slot = &mut steps[(step - 1) as usize];
        *slot = match (e.end_date.is_none(), *slot) {
            (true, _) => StepState::Active,
            (false, StepState::Active) => StepState::Active,
            (false, _) => StepState::Past,
        };
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enrolment(step: Option<i64>, ended: bool) -> EnrolmentRow {
        EnrolmentRow {
            id: 1,
            person_id: None,
            person_name: None,
            programme: String::new(),
            programme_name: String::new(),
            ladder_step: step,
            activity: None,
            amount_cents: None,
            start_date: "2020-01-01".into(),
            end_date: ended.then(|| "2021-01-01".into()),
            end_reason: None,
            version: 1,
        }
    }

    #[test]
    fn the_ladder_shows_active_past_and_never() {
        let rows = [
            enrolment(Some(1), true),
            enrolment(Some(2), false),
            enrolment(None, false),
            enrolment(Some(1), false),
        ];
        assert_eq!(
            ladder(&rows),
            [
                StepState::Active,
                StepState::Active,
                StepState::Never,
                StepState::Never
            ]
        );
        assert_eq!(ladder(&[enrolment(Some(3), true)])[2], StepState::Past);
    }
}
