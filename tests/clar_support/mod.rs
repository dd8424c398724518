//! A CLAR scenario for the integration and golden tests, built step by step on a temp-file
//! store with a fixed clock: an Aliados II business-plan call with four associations, three
//! CLAR members with accounts, proposals submitted and reviewed, a session, scores, awards.
#![allow(dead_code)]

use crate::common::{initialised_store, user_with_role};
use chrono::NaiveDate;
use tinkuy::domain::clar::{
    AssociationKind, BudgetCategory, CallKind, CallStatus, ConflictKind, LegalStatus, Verdict,
};
use tinkuy::domain::money::Money;
use tinkuy::domain::role::Role;
use tinkuy::services::clar::associations::{self, AssociationDraft, NewMember};
use tinkuy::services::clar::calls::{self, CallDraft};
use tinkuy::services::clar::conflicts::{self, ConflictDraft};
use tinkuy::services::clar::members::{self, ClarMemberDraft};
use tinkuy::services::clar::proposals::{self, ProposalDraft};
use tinkuy::services::clar::review::{self, ReviewDraft};
use tinkuy::services::clar::rules::BudgetLine;
use tinkuy::services::clar::scoring::{self, ScoreEntry, ScoreSheet};
use tinkuy::services::clar::session::{self, SessionDraft};
use tinkuy::services::clar::{award, calls::call_detail};
use tinkuy::services::Actor;
use tinkuy::store::{Clock, Store};

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

pub fn set_day(store: &mut Store, text: &str) {
    store.set_clock(Clock::fixed_on(day(text)));
}

pub fn soles(s: i64) -> Money {
    Money::from_cents(s * 100)
}

/// (association name, community-like prefix for member names, DNI block)
const ASSOCIATIONS: [(&str, u32); 4] = [
    ("Asociación de Productores Agropecuarios Huantana", 1),
    ("Asociación de Truchicultores Chullisana", 2),
    ("Asociación Quinuera Champacocha", 3),
    ("Asociación de Tejedoras Poltocha", 4),
];

const GIVEN: [&str; 12] = [
    "Juana",
    "Teodoro",
    "Rosa",
    "Eusebio",
    "Marcelina",
    "Félix",
    "Nilda",
    "Hilario",
    "Agripina",
    "Saturnino",
    "Florencia",
    "Timoteo",
];
const SURNAMES: [&str; 6] = ["Quispe", "Huamán", "Ccori", "Pillaca", "Condori", "Ñahui"];

/// The DNI of member `m` of association `a` (1-based).
pub fn member_dni(a: u32, m: u32) -> String {
    format!("4{a}{m:06}")
}

pub struct Scenario {
    pub store: Store,
    pub admin: Actor,
    pub clerk: Actor,
    /// (account, clar_member id)
    pub members: Vec<(Actor, i64)>,
    pub call_id: i64,
    pub associations: Vec<i64>,
    pub proposals: Vec<i64>,
    pub session_id: i64,
    /// Keeps the database's folder alive as long as the scenario.
    pub dir: tempfile::TempDir,
}

impl Scenario {
    pub fn version(&self, proposal_id: i64) -> i64 {
        proposals::proposal_detail(&self.store, &self.clerk, proposal_id)
            .expect("detail")
            .proposal
            .version
    }

    pub fn call_version(&self) -> i64 {
        call_detail(&self.store, &self.clerk, self.call_id)
            .expect("call")
            .call
            .version
    }

    pub fn criteria(&self) -> Vec<i64> {
        call_detail(&self.store, &self.clerk, self.call_id)
            .expect("call")
            .criteria
            .iter()
            .map(|c| c.id)
            .collect()
    }

    /// Member `index` scores `proposal` with `points` (one per criterion, in rubric order).
    pub fn score(
        &mut self,
        index: usize,
        proposal: usize,
        points: [i64; 5],
    ) -> tinkuy::services::CoreResult<()> {
        let entries = self
            .criteria()
            .into_iter()
            .zip(points)
            .map(|(criterion_id, points)| ScoreEntry {
                criterion_id,
                points,
                expected_version: None,
            })
            .collect();
        let sheet = ScoreSheet {
            session_id: self.session_id,
            proposal_id: self.proposals[proposal],
            entries,
        };
        let actor = self.members[index].0.clone();
        scoring::save_scores(&mut self.store, &actor, &sheet)
    }
}

/// The budget of a business plan: materials, technical assistance, training, in soles
/// (programme, counterpart).
pub fn plan_budget(parts: [(i64, i64); 3]) -> Vec<BudgetLine> {
    let categories = [
        (BudgetCategory::Materials, "Galpón y equipos"),
        (
            BudgetCategory::TechnicalAssistance,
            "Asistente técnico, 12 meses",
        ),
        (BudgetCategory::Training, "Talleres de gestión"),
    ];
    categories
        .iter()
        .zip(parts)
        .map(|((category, description), (p, c))| BudgetLine {
            category: *category,
            description: description.to_string(),
            programme: soles(p),
            counterpart: soles(c),
        })
        .collect()
}

/// The office, a clerk, three CLAR members with accounts, four associations of 12 members,
/// and an open Aliados II business-plan call (envelope S/ 110,000). The clock is 2026-04-10.
pub fn open_call() -> Scenario {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut store, admin) = initialised_store(&dir.path().join("clar.db"));
    set_day(&mut store, "2026-03-01");
    let clerk = user_with_role(&mut store, &admin, "rosa", Role::Registrador);
    let mut associations_ids = Vec::new();
    for (index, (name, block)) in ASSOCIATIONS.iter().enumerate() {
        let id = associations::create_association(
            &mut store,
            &clerk,
            &AssociationDraft {
                name: name.to_string(),
                kind: AssociationKind::ProducerAssociation,
                community_id: None,
                legal_status: if index % 2 == 0 {
                    LegalStatus::Registered
                } else {
                    LegalStatus::InProcess
                },
                ruc: None,
                contact_name: Some(format!("{} {}", GIVEN[index], SURNAMES[index])),
                contact_phone: Some(format!("98300000{index}")),
            },
        )
        .expect("association");
        for m in 1..=12u32 {
            let full_name = format!(
                "{} {} {}",
                GIVEN[(m as usize + index) % 12],
                SURNAMES[m as usize % 6],
                SURNAMES[(m as usize + *block as usize) % 6]
            );
            associations::add_member(
                &mut store,
                &clerk,
                id,
                &NewMember::Listed {
                    full_name,
                    dni: Some(member_dni(*block, m)),
                    role: None,
                },
            )
            .expect("member");
        }
        associations_ids.push(id);
    }
    let member_specs = [
        (
            "clar1",
            "Juana Quispe Ccori",
            "Municipalidad Distrital de San Antonio de Cachi",
            None,
        ),
        (
            "clar2",
            "Teodoro Huamán Pillaca",
            "Comunidad Campesina de Huantana",
            None,
        ),
        // Also a member of the trout association: a conflict the program detects.
        (
            "clar3",
            "Nilda Condori Ñahui",
            "Asociación de Mujeres Emprendedoras",
            Some(member_dni(2, 5)),
        ),
    ];
    let mut clar_members = Vec::new();
    for (username, name, represents, dni) in member_specs {
        let actor = user_with_role(&mut store, &admin, username, Role::MiembroClar);
        let id = members::add_clar_member(
            &mut store,
            &clerk,
            &ClarMemberDraft {
                full_name: name.into(),
                represents: represents.into(),
                user_id: actor.user_id,
                person_id: None,
                dni,
            },
        )
        .expect("clar member");
        clar_members.push((actor, id));
    }
    let programme = calls::programme_id(&store, "ALIADOS_II")
        .expect("programme")
        .expect("ALIADOS_II");
    let draft = CallDraft::preset(
        programme,
        CallKind::BusinessPlan,
        "Concurso de planes de negocio 2026 – Cachi",
        soles(110_000),
        (day("2026-03-01"), day("2026-04-30")),
    );
    let call_id = calls::create_call(&mut store, &clerk, &draft).expect("call");
    calls::set_call_status(&mut store, &clerk, call_id, 1, CallStatus::Open).expect("open");
    set_day(&mut store, "2026-04-10");
    Scenario {
        store,
        admin,
        clerk,
        members: clar_members,
        call_id,
        associations: associations_ids,
        proposals: Vec::new(),
        session_id: 0,
        dir,
    }
}

/// Four proposals drafted, submitted and reviewed (the weaving one not viable: too few
/// families at the visit); the call closed.
pub fn reviewed() -> Scenario {
    let mut s = open_call();
    let specs = [
        (
            "Crianza de cuyes mejorados",
            "Cuyes",
            [(44_000, 19_000), (12_000, 5_000), (7_000, 3_000)],
        ),
        (
            "Engorde de truchas en jaulas",
            "Trucha",
            [(40_000, 17_200), (10_000, 4_300), (6_000, 2_500)],
        ),
        (
            "Quinua orgánica para el mercado",
            "Quinua",
            [(30_000, 12_900), (8_000, 3_400), (4_000, 1_700)],
        ),
        (
            "Tejidos de fibra de alpaca",
            "Textiles",
            [(25_000, 10_800), (7_000, 3_000), (3_000, 1_200)],
        ),
    ];
    for (index, (title, product, budget)) in specs.iter().enumerate() {
        let id = proposals::create_proposal(
            &mut s.store,
            &s.clerk,
            s.call_id,
            &ProposalDraft {
                association_id: s.associations[index],
                title: title.to_string(),
                product: product.to_string(),
                description: Some(format!("Plan de negocio de {}.", product.to_lowercase())),
                lines: plan_budget(*budget),
            },
        )
        .expect("proposal");
        let version = s.version(id);
        proposals::submit_proposal(&mut s.store, &s.clerk, id, version).expect("submit");
        s.proposals.push(id);
    }
    set_day(&mut s.store, "2026-05-05");
    for (index, id) in s.proposals.clone().into_iter().enumerate() {
        let block = index as u32 + 1;
        let present = if index == 3 { 5 } else { 10 };
        let version = s.version(id);
        review::record_review(
            &mut s.store,
            &s.clerk,
            id,
            version,
            &ReviewDraft {
                verdict: Verdict::Viable,
                reasons: String::new(),
                field_visit_on: Some(day("2026-05-04")),
                present_dnis: (1..=present).map(|m| member_dni(block, m)).collect(),
                present_member_ids: Vec::new(),
            },
        )
        .expect("review");
    }
    let version = s.call_version();
    calls::set_call_status(
        &mut s.store,
        &s.clerk,
        s.call_id,
        version,
        CallStatus::Closed,
    )
    .expect("close call");
    s
}

/// The session of 2026-05-14 in Cachi with the three members present; the second member
/// declares a conflict on the quinoa proposal (a relative is a member).
pub fn in_session() -> Scenario {
    let mut s = reviewed();
    set_day(&mut s.store, "2026-05-14");
    let member_ids = s.members.iter().map(|(_, id)| *id).collect();
    s.session_id = session::open_session(
        &mut s.store,
        &s.clerk,
        &SessionDraft {
            call_id: s.call_id,
            held_on: day("2026-05-14"),
            place: "Local comunal de San Antonio de Cachi".into(),
            member_ids,
        },
    )
    .expect("session");
    let declarer = s.members[1].0.clone();
    conflicts::declare_conflict(
        &mut s.store,
        &declarer,
        &ConflictDraft {
            session_id: s.session_id,
            member_id: None,
            proposal_id: s.proposals[2],
            kind: ConflictKind::Relative,
            note: Some("Mi hermana es socia".into()),
        },
    )
    .expect("declare");
    s
}

/// Every member scores every viable proposal they may score.
pub fn scored() -> Scenario {
    let mut s = in_session();
    s.score(0, 0, [18, 13, 14, 22, 21]).expect("score");
    s.score(1, 0, [17, 12, 13, 20, 20]).expect("score");
    s.score(2, 0, [19, 14, 14, 23, 22]).expect("score");
    s.score(0, 1, [20, 15, 15, 24, 24]).expect("score");
    s.score(1, 1, [19, 14, 14, 23, 23]).expect("score");
    s.score(0, 2, [16, 12, 12, 20, 20]).expect("score");
    s.score(2, 2, [15, 11, 12, 19, 19]).expect("score");
    s
}

/// The session closed and its results adopted.
pub fn awarded() -> Scenario {
    let mut s = scored();
    let version = session_version(&s);
    session::close_session(&mut s.store, &s.clerk, s.session_id, version).expect("close");
    award::award_session(&mut s.store, &s.clerk, s.session_id).expect("award");
    s
}

pub fn session_version(s: &Scenario) -> i64 {
    session::list_sessions(&s.store, &s.clerk)
        .expect("sessions")
        .into_iter()
        .find(|x| x.id == s.session_id)
        .expect("session")
        .version
}
