//! A committee with three monthly meetings, built through the public use cases with a fixed
//! clock, so ids and dates are the same on every run (the golden files depend on it).

use chrono::NaiveDate;
use tinkuy::domain::committee::{AgreementStatus, AttendanceStatus};
use tinkuy::domain::role::Role;
use tinkuy::services::committee::agencies;
use tinkuy::services::committee::agenda::{self, ItemInput, ItemLinksInput};
use tinkuy::services::committee::agreements::{self, AgreementInput, StatusChange};
use tinkuy::services::committee::attendance::{self, AttendanceInput};
use tinkuy::services::committee::committees::{self, CommitteeInput};
use tinkuy::services::committee::meetings::{self, MeetingInput};
use tinkuy::services::committee::minutes;
use tinkuy::services::Actor;
use tinkuy::store::{Clock, Store};

pub const MEMBERS: [&str; 7] = [
    "AGRORURAL",
    "DRA",
    "FONCODES",
    "JUNTOS",
    "SALUD",
    "MUNI_PROV",
    "MUNI_DIST",
];

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A store with an office in San Antonio de Cachi, a coordinator, and the committee with
/// its seven member agencies; the clock on `today`.
pub struct Setup {
    pub store: Store,
    pub admin: Actor,
    pub coordinator: Actor,
    pub committee: i64,
    pub _dir: tempfile::TempDir,
}

impl Setup {
    pub fn new(today: NaiveDate) -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, admin) = crate::common::initialised_store(&dir.path().join("t.db"));
        store.set_clock(Clock::fixed_on(today));
        let coordinator =
            crate::common::user_with_role(&mut store, &admin, "coord", Role::Coordinador);
        let input = CommitteeInput {
            name: "Comité Multisectorial de San Antonio de Cachi",
            monthly_rule: Some("primer martes"),
            ..CommitteeInput::default()
        };
        let committee = committees::create_committee(&mut store, &coordinator, &input).unwrap();
        let mut setup = Setup {
            store,
            admin,
            coordinator,
            committee,
            _dir: dir,
        };
        for code in MEMBERS {
            let id = setup.agency(code);
            committees::add_member(
                &mut setup.store,
                &setup.coordinator,
                committee,
                id,
                "2025-01-01",
            )
            .unwrap();
        }
        setup
    }

    pub fn agency(&self, code: &str) -> i64 {
        agencies::find_agency(&self.store, &self.coordinator, code)
            .unwrap()
            .id
    }

    pub fn set_today(&mut self, today: NaiveDate) {
        self.store.set_clock(Clock::fixed_on(today));
    }

    pub fn meeting(&mut self, held_on: &str) -> i64 {
        let input = MeetingInput {
            held_on,
            starts_at: Some("09:00"),
            place: "Local comunal de San Antonio de Cachi",
            convened_by: Some(self.agency("MUNI_DIST")),
        };
        meetings::create_meeting(&mut self.store, &self.coordinator, self.committee, &input)
            .unwrap()
    }

    pub fn agree(&mut self, meeting: i64, description: &str, owner: &str, due: &str) -> i64 {
        let input = AgreementInput {
            description,
            responsible: Some(self.agency(owner)),
            due_on: Some(due),
            item_id: None,
        };
        agreements::add_agreement(&mut self.store, &self.coordinator, meeting, &input).unwrap()
    }

    pub fn close(&mut self, agreement: i64, status: AgreementStatus, on: &str, note: Option<&str>) {
        let version =
            agreements::find_agreement(&self.store, &self.coordinator, &agreement.to_string())
                .unwrap()
                .version;
        let change = StatusChange {
            status,
            note,
            on: Some(on),
        };
        agreements::set_agreement_status(
            &mut self.store,
            &self.coordinator,
            agreement,
            version,
            &change,
        )
        .unwrap();
    }

    pub fn attend(
        &mut self,
        meeting: i64,
        code: &str,
        status: AttendanceStatus,
        who: Option<&str>,
    ) {
        let input = AttendanceInput {
            agency_id: self.agency(code),
            status,
            representative_id: None,
            attendee_name: who,
        };
        attendance::record_attendance(&mut self.store, &self.coordinator, meeting, &input).unwrap();
    }

    pub fn hold(&mut self, meeting: i64) {
        let version = meetings::find_meeting(&self.store, &self.coordinator, &meeting.to_string())
            .unwrap()
            .version;
        meetings::mark_held(&mut self.store, &self.coordinator, meeting, version).unwrap();
    }

    /// An overlap flag row, as the overlaps capability would write it.
    pub fn flag(&self, seq: i64, kind: &str, severity: &str) -> i64 {
        let id = 302_120_100_000_000_000 / 10 + seq;
        self.store
            .conn()
            .execute(
                "INSERT INTO overlap_flag(id, kind, severity, fingerprint, evidence_hash,
                 created_at, updated_at) VALUES (?1, ?2, ?3, ?4, 'h', ?5, ?5)",
                rusqlite::params![
                    id,
                    kind,
                    severity,
                    format!("fp-{seq}"),
                    "2026-02-20T10:00:00Z"
                ],
            )
            .unwrap();
        id
    }
}

/// The ids of the fixture's rows, for assertions.
pub struct ThreeMeetings {
    pub setup: Setup,
    pub january: i64,
    pub february: i64,
    pub march: i64,
    /// Agrorural's animal-health campaign, due mid-February: overdue by March.
    pub campaign: i64,
    /// Juntos' list, done before February's meeting.
    pub juntos_list: i64,
    /// The district municipality's irrigation plan, due end of March.
    pub irrigation: i64,
    /// The health centre's talks, dropped at March's meeting.
    pub health_talks: i64,
}

/// Three monthly meetings (6 January, 3 February, 3 March 2026), the last one with a full
/// record: attendance, an item with two flags, notes and two agreements. Today is
/// 10 March 2026.
pub fn three_meetings() -> ThreeMeetings {
    let mut s = Setup::new(day(2026, 3, 10));
    let january = s.meeting("2026-01-06");
    let campaign = s.agree(
        january,
        "Campaña de sanidad animal en Huantana y Chullisana",
        "AGRORURAL",
        "2026-02-15",
    );
    let juntos_list = s.agree(
        january,
        "Compartir el padrón de Juntos con el centro de salud",
        "JUNTOS",
        "2026-01-30",
    );
    let irrigation = s.agree(
        january,
        "Presentar el plan de riego tecnificado de Champacocha",
        "MUNI_DIST",
        "2026-03-31",
    );
    s.hold(january);
    let february = s.meeting("2026-02-03");
    s.close(
        juntos_list,
        AgreementStatus::Done,
        "2026-01-28",
        Some("Entregado en USB"),
    );
    let health_talks = s.agree(
        february,
        "Charlas de nutrición en las escuelas de Poltocha",
        "SALUD",
        "2026-02-27",
    );
    s.hold(february);
    let march = s.meeting("2026-03-03");
    s.close(
        health_talks,
        AgreementStatus::Dropped,
        "2026-03-03",
        Some("La UGEL ya las hace"),
    );
    record_march(&mut s, march);
    ThreeMeetings {
        setup: s,
        january,
        february,
        march,
        campaign,
        juntos_list,
        irrigation,
        health_talks,
    }
}

fn record_march(s: &mut Setup, march: i64) {
    let double = s.flag(9001, "double_funding", "high");
    let overlap = s.flag(9002, "activity_overlap", "medium");
    let (store, coordinator) = (&mut s.store, &s.coordinator);
    let item = ItemInput {
        title: "Cruces de datos: doble financiamiento y asistencia técnica duplicada",
        presenter: Some(
            agencies::find_agency(store, coordinator, "FONCODES")
                .unwrap()
                .id,
        ),
        starts_at: Some("10:15"),
    };
    let links = ItemLinksInput {
        flags: vec![double, overlap],
        ..ItemLinksInput::default()
    };
    let item_id = agenda::add_item(store, coordinator, march, &item, &links).unwrap();
    minutes::save_item_notes(
        store,
        coordinator,
        item_id,
        1,
        "FONCODES y Aliados II financian a la misma asociación de cuyes.\nSe revisará en campo.",
    )
    .unwrap();
    for (code, status, who) in [
        ("AGRORURAL", AttendanceStatus::Present, Some("Juan Quispe")),
        ("FONCODES", AttendanceStatus::Present, Some("Rosa Huamán")),
        ("JUNTOS", AttendanceStatus::Present, Some("Elena Ccori")),
        (
            "MUNI_DIST",
            AttendanceStatus::Present,
            Some("Alcalde Pedro Soto"),
        ),
        ("SALUD", AttendanceStatus::Present, None),
        ("DRA", AttendanceStatus::Excused, None),
        ("MUNI_PROV", AttendanceStatus::Absent, None),
    ] {
        s.attend(march, code, status, who);
    }
    s.agree(
        march,
        "Visita conjunta a la asociación de cuyes de Huantana",
        "FONCODES",
        "2026-03-20",
    );
    s.agree(
        march,
        "Acordar con la DRA un solo calendario de asistencia técnica",
        "AGRORURAL",
        "2026-04-07",
    );
    let version = meetings::find_meeting(&s.store, &s.coordinator, &march.to_string())
        .unwrap()
        .version;
    minutes::save_general_notes(
        &mut s.store,
        &s.coordinator,
        march,
        version,
        "Próxima reunión: martes 7 de abril, 09:00.",
    )
    .unwrap();
    s.hold(march);
}
