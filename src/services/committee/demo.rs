//! Demo data for the committee: the district's multisector committee with the agencies the
//! study found working in Andahuaylas (Agrorural, the regional agrarian branch, FONCODES –
//! Haku Wiñay, Juntos, the health centre, the provincial and district municipalities), their
//! representatives, and a year of monthly meetings (first Tuesdays) dated around
//! `ctx.today`: held ones with agenda, attendance, minutes and agreements, and the next ones
//! planned. Agreements end up in every state: pending, overdue, done and dropped.
//!
//! The same seed and the same day give the same data. Everything is written through the
//! committee's own use cases, so every row is validated and audited like a person's work.
//! The demo generator (`services::demo`) calls [`demo_seed`] inside its transaction.

use super::agencies::{add_representative_in, update_agency_in, AgencyInput, RepresentativeInput};
use super::agenda::{add_item_in, ItemInput, ItemLinksInput};
use super::agreements::{add_agreement_in, set_agreement_status_in, AgreementInput, StatusChange};
use super::attendance::{record_attendance_in, AttendanceInput};
use super::committees::{add_member_in, create_committee_in, CommitteeInput};
use super::meetings::{create_meeting_in, mark_held_in, MeetingInput};
use super::minutes::{save_general_notes_in, save_item_notes_in};
use super::{detail, CommitteeError};
use crate::domain::committee::schedule::MonthlyRule;
use crate::domain::committee::{AgreementStatus, AttendanceStatus, Level, Sector};
use crate::domain::dates::iso;
use crate::services::{CoreResult, WriteCtx};
use crate::store::committee::{agencies, agenda};
use crate::store::{office, territory, StoreError};
use chrono::{Datelike, Days, Months, NaiveDate};
use rusqlite::Transaction;

mod texts;
use texts::{AGENCIES, AGREEMENTS, NOTES, TOPICS};

/// SplitMix64: a tiny, well-mixed generator; the same seed gives the same sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }

    /// A roll in 0..100.
    fn percent(&mut self) -> usize {
        self.below(100)
    }
}

/// Creates the committee's demo data inside the caller's transaction.
pub fn demo_seed(tx: &Transaction, ctx: &WriteCtx, seed: u64) -> CoreResult<()> {
    let mut rng = Rng(seed ^ 0xC0_4417_7EE5);
    let district = office::get(tx)?
        .ok_or(StoreError::NotInitialised)?
        .district_ubigeo;
    let name = territory::district(tx, &district)?
        .map(|d| d.name)
        .unwrap_or_default();
    let committee = create_committee_in(
        tx,
        ctx,
        &CommitteeInput {
            name: &format!("Comité Multisectorial Distrital de {}", title_case(&name)),
            district_ubigeo: Some(&district),
            monthly_rule: Some("first-tue"),
            quorum_percent: None,
        },
    )?;
    let first_month = first_of_month(ctx.today, 10)?;
    let since = iso(first_of_month(ctx.today, 12)?);
    let mut members = Vec::new();
    for (code, address, phone, reps) in AGENCIES {
        let agency = agencies::by_code(tx, code)?
            .ok_or_else(|| CommitteeError::UnknownAgency(code.to_string()))?;
        let input = agency_input(&agency, address, phone)?;
        update_agency_in(tx, ctx, agency.id, agency.version, &input)?;
        for (rep, position) in *reps {
            let rep_input = RepresentativeInput {
                name: rep,
                position: Some(position),
                phone: None,
                email: None,
            };
            add_representative_in(tx, ctx, agency.id, &rep_input)?;
        }
        add_member_in(tx, ctx, committee, agency.id, &since)?;
        members.push(agency.id);
    }
    let rule = MonthlyRule::parse("first-tue").map_err(CommitteeError::from)?;
    let flags = agenda::flags_worth_discussing(tx, 6)?;
    let mut demo = Demo {
        tx,
        ctx,
        rng: &mut rng,
        committee,
        members,
        flags,
        made: 0,
        first_three: Vec::new(),
    };
    for (n, day) in rule.dates_from(first_month, 12).into_iter().enumerate() {
        demo.meeting(n, day)?;
    }
    Ok(())
}

fn agency_input<'a>(
    agency: &'a agencies::AgencyRow,
    address: &'a str,
    phone: &'a str,
) -> CoreResult<AgencyInput<'a>> {
    Ok(AgencyInput {
        name: &agency.name,
        sector: Sector::parse(&agency.sector).map_err(CommitteeError::from)?,
        level: Level::parse(&agency.level).map_err(CommitteeError::from)?,
        district_ubigeo: agency.district_ubigeo.as_deref(),
        address: Some(address),
        phone: Some(phone),
    })
}

/// The first day of the month `back` months before `today`'s.
fn first_of_month(today: NaiveDate, back: u32) -> CoreResult<NaiveDate> {
    today
        .with_day(1)
        .and_then(|d| d.checked_sub_months(Months::new(back)))
        .ok_or_else(|| crate::services::CoreError::InvalidValue {
            field: "today",
            value: iso(today),
        })
}

/// "SAN ANTONIO DE CACHI" → "San Antonio de Cachi".
fn title_case(name: &str) -> String {
    name.split_whitespace()
        .map(|word| {
            let lower = word.to_lowercase();
            if ["de", "del", "la", "las", "los", "y"].contains(&lower.as_str()) {
                return lower;
            }
            let mut chars = lower.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

struct Demo<'a> {
    tx: &'a Transaction<'a>,
    ctx: &'a WriteCtx<'a>,
    rng: &'a mut Rng,
    committee: i64,
    members: Vec<i64>,
    flags: Vec<i64>,
    /// Agreements made so far.
    made: usize,
    /// The ids of the first three agreements, whose fates are fixed.
    first_three: Vec<i64>,
}

impl Demo<'_> {
    fn agency(&self, code: &str) -> CoreResult<i64> {
        Ok(agencies::by_code(self.tx, code)?
            .map(|a| a.id)
            .unwrap_or_default())
    }

    fn meeting(&mut self, n: usize, day: NaiveDate) -> CoreResult<()> {
        let held_on = iso(day);
        let input = MeetingInput {
            held_on: &held_on,
            starts_at: Some(if n % 3 == 2 { "10:00" } else { "09:00" }),
            place: if n % 4 == 1 {
                "Auditorio de la Municipalidad Distrital"
            } else {
                "Local comunal"
            },
            convened_by: Some(self.agency("MUNI_DIST")?),
        };
        let meeting = create_meeting_in(self.tx, self.ctx, self.committee, &input)?;
        if day > self.ctx.today {
            return Ok(());
        }
        self.follow_ups(meeting, day)?;
        self.items(n, meeting)?;
        self.attendance(meeting)?;
        self.agreements(meeting, day)?;
        let version = super::meetings::get(self.tx, meeting)?.version;
        let notes = format!(
            "Reunión ordinaria del {}. Se leyó y aprobó el acta anterior.",
            held_on
        );
        let version = save_general_notes_in(self.tx, self.ctx, meeting, version, &notes)?;
        mark_held_in(self.tx, self.ctx, meeting, version)
    }

    /// Closes some of the agreements carried to this meeting, with notes on their items.
    fn follow_ups(&mut self, meeting: i64, day: NaiveDate) -> CoreResult<()> {
        let detail = detail::load_in(self.tx, meeting, self.ctx.today)?;
        for item in detail.items.iter().filter(|i| i.follows.is_some()) {
            let Some(view) = &item.follows else { continue };
            // The first three agreements ever made have fixed fates, so every state is
            // shown: the first stays pending (and overdue), the second is dropped, the
            // third done.
            let fate = match self.first_three.iter().position(|id| *id == view.row.id) {
                Some(0) => None,
                Some(1) => Some(AgreementStatus::Dropped),
                Some(_) => Some(AgreementStatus::Done),
                None => match self.rng.percent() {
                    0..=39 => Some(AgreementStatus::Done),
                    40..=49 => Some(AgreementStatus::Dropped),
                    _ => None,
                },
            };
            let note = NOTES[self.rng.below(NOTES.len())];
            save_item_notes_in(self.tx, self.ctx, item.row.id, item.row.version, note)?;
            if let Some(status) = fate {
                let dropped_note = AGREEMENTS
                    .iter()
                    .find(|(d, _)| *d == view.row.description)
                    .map(|(_, n)| *n);
                let note = if status == AgreementStatus::Dropped {
                    dropped_note
                } else {
                    Some("Cumplido; se presentó evidencia")
                };
                let change = StatusChange {
                    status,
                    note,
                    on: Some(&iso(day)),
                };
                set_agreement_status_in(self.tx, self.ctx, view.row.id, view.row.version, &change)?;
            }
        }
        Ok(())
    }

    fn items(&mut self, n: usize, meeting: i64) -> CoreResult<()> {
        let count = 1 + self.rng.below(2);
        for k in 0..count {
            let (title, presenter) = TOPICS[(n * 2 + k) % TOPICS.len()];
            let flags: Vec<i64> = if k == 0 && n % 3 == 1 {
                self.flags
                    .iter()
                    .skip(n / 3 % 3 * 2)
                    .take(2)
                    .copied()
                    .collect()
            } else {
                Vec::new()
            };
            let input = ItemInput {
                title,
                presenter: Some(self.agency(presenter)?),
                starts_at: None,
            };
            let links = ItemLinksInput {
                flags,
                ..ItemLinksInput::default()
            };
            let item = add_item_in(self.tx, self.ctx, meeting, &input, &links)?;
            let note = NOTES[self.rng.below(NOTES.len())];
            save_item_notes_in(self.tx, self.ctx, item, 1, note)?;
        }
        Ok(())
    }

    fn attendance(&mut self, meeting: i64) -> CoreResult<()> {
        for agency in self.members.clone() {
            let status = match self.rng.percent() {
                0..=74 => AttendanceStatus::Present,
                75..=86 => AttendanceStatus::Excused,
                _ => AttendanceStatus::Absent,
            };
            let reps = agencies::representatives(self.tx, agency)?;
            let representative_id = match status {
                AttendanceStatus::Present if !reps.is_empty() => {
                    Some(reps[self.rng.below(reps.len())].id)
                }
                _ => None,
            };
            let input = AttendanceInput {
                agency_id: agency,
                status,
                representative_id,
                attendee_name: None,
            };
            record_attendance_in(self.tx, self.ctx, meeting, &input)?;
        }
        Ok(())
    }

    fn agreements(&mut self, meeting: i64, day: NaiveDate) -> CoreResult<()> {
        let count = if self.made == 0 {
            3
        } else {
            1 + self.rng.below(3)
        };
        for _ in 0..count {
            let (description, _) = AGREEMENTS[self.made % AGREEMENTS.len()];
            let owner = self.members[self.rng.below(self.members.len())];
            let due = day + Days::new(14 + 7 * (self.rng.below(5) as u64));
            let input = AgreementInput {
                description,
                responsible: Some(owner),
                due_on: Some(&iso(due)),
                item_id: None,
            };
            let id = add_agreement_in(self.tx, self.ctx, meeting, &input)?;
            if self.first_three.len() < 3 {
                self.first_three.push(id);
            }
            self.made += 1;
        }
        Ok(())
    }
}
