//! The CLAR's demo data: what it creates, that it obeys the rules, and that a seed always
//! gives the same data.

mod common;

use chrono::NaiveDate;
use std::collections::BTreeSet;
use tinkuy::domain::clar::ProposalStatus;
use tinkuy::domain::role::Role;
use tinkuy::i18n::Lang;
use tinkuy::services::clar::acta::{self, ActaFormat};
use tinkuy::services::clar::demo::demo_seed;
use tinkuy::services::clar::{calls, followup, proposals, reviewer, session};
use tinkuy::services::{write, Permission};
use tinkuy::store::{Clock, Store};

fn seeded(dir: &std::path::Path, seed: u64) -> (Store, tinkuy::services::Actor) {
    let (mut store, admin) = common::initialised_store(&dir.join("demo.db"));
    store.set_clock(Clock::fixed_on(
        NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
    ));
    common::user_with_role(&mut store, &admin, "clar1", Role::MiembroClar);
    write(&mut store, &admin, Permission::WriteClar, |tx, ctx| {
        demo_seed(tx, ctx, seed)
    })
    .expect("demo");
    (store, admin)
}

/// Everything a person would see of the demo, as text.
fn fingerprint(store: &Store, admin: &tinkuy::services::Actor) -> Vec<String> {
    let mut out = Vec::new();
    for call in calls::list_calls(store, admin).unwrap() {
        out.push(format!(
            "{} {:?} {}",
            call.title, call.status, call.envelope
        ));
        for p in proposals::list_proposals(store, admin, call.id).unwrap() {
            out.push(format!(
                "  {} {:?} {} {}",
                p.title, p.status, p.programme, p.counterpart
            ));
        }
    }
    for s in session::list_sessions(store, admin).unwrap() {
        out.push(format!(
            "{} {} {}",
            tinkuy::services::clar::acta_label(&s),
            s.held_on,
            s.closed
        ));
        if s.closed {
            out.push(acta::acta(store, admin, s.id, ActaFormat::Text, Lang::Es).unwrap());
        }
    }
    out
}

#[test]
fn demo_creates_a_call_with_a_dozen_proposals_in_every_state() {
    let dir = tempfile::tempdir().unwrap();
    let (store, admin) = seeded(dir.path(), 7);
    let all = calls::list_calls(&store, &admin).unwrap();
    assert_eq!(all.len(), 2);
    let plans = all
        .iter()
        .find(|c| c.title.starts_with("Concurso de planes"))
        .unwrap();
    let list = proposals::list_proposals(&store, &admin, plans.id).unwrap();
    assert_eq!(list.len(), 12);
    let states: BTreeSet<ProposalStatus> = list.iter().map(|p| p.status).collect();
    use ProposalStatus::*;
    for wanted in [
        Draft,
        Submitted,
        NotViable,
        Awarded,
        NotAwarded,
        InExecution,
    ] {
        assert!(
            states.contains(&wanted) || (wanted == Awarded && states.contains(&Closed)),
            "{wanted:?} missing from {states:?}"
        );
    }
    // The draft one céntimo over the ceiling says so.
    let over = &list[1];
    let detail = proposals::proposal_detail(&store, &admin, over.id).unwrap();
    assert_eq!(detail.proposal.status, Draft);
    assert_eq!(detail.violations.len(), 1);
    // Three sessions: the award, the progress review, and today's, still open.
    let sessions = session::list_sessions(&store, &admin).unwrap();
    assert_eq!(sessions.iter().filter(|s| s.closed).count(), 2);
    assert_eq!(sessions.iter().filter(|s| !s.closed).count(), 1);
    // The follow-up can answer how many still operate a year later.
    let report = followup::followup_report(
        &store,
        &admin,
        NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
    )
    .unwrap();
    let first = report.iter().find(|r| r.call_id == plans.id).unwrap();
    assert!(first.a_year_on > 0 && first.a_year_on == first.funded);
    assert_eq!(first.not_visited, 0);
    assert!(first.operating * 2 < first.a_year_on, "{first:?}");
}

#[test]
fn clar1_has_proposals_waiting_in_todays_session() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = seeded(dir.path(), 7);
    let clar1 = tinkuy::services::auth::authenticate(&store, "clar1", "clave").unwrap();
    let mine = reviewer::my_sessions(&store, &clar1).unwrap();
    assert_eq!(mine.len(), 3, "sits on all three");
    let today = mine.iter().find(|s| !s.closed).unwrap();
    let view = reviewer::session_for_member(&store, &clar1, today.id).unwrap();
    assert_eq!(view.proposals.len(), 4);
    assert!(view.proposals.iter().all(|p| p.my_scores.is_empty()));
    assert!(view.present);
}

#[test]
fn the_same_seed_gives_the_same_data_and_another_seed_other_data() {
    let (a, b, c) = (
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
        tempfile::tempdir().unwrap(),
    );
    let (sa, admin_a) = seeded(a.path(), 7);
    let (sb, admin_b) = seeded(b.path(), 7);
    let (sc, admin_c) = seeded(c.path(), 8);
    let fa = fingerprint(&sa, &admin_a);
    assert_eq!(fa, fingerprint(&sb, &admin_b));
    assert_ne!(fa, fingerprint(&sc, &admin_c));
}

/// Persons straight into the registry's tables (the registry's write paths are other work).
fn seed_persons(store: &Store, count: i64) {
    let conn = store.conn();
    let at = "2026-01-10T10:00:00Z";
    for i in 1..=count {
        let household = 900_000 + (i + 1) / 2;
        conn.execute(
            "INSERT OR IGNORE INTO household(id, district_ubigeo, created_at, updated_at)
             VALUES (?1, '030212', ?2, ?2)",
            rusqlite::params![household, at],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO person(id, household_id, district_ubigeo, dni, paternal_surname,
             given_names, name_key, created_at, updated_at)
             VALUES (?1, ?2, '030212', ?3, 'QUISPE', ?4, ?5, ?6, ?6)",
            rusqlite::params![
                800_000 + i,
                household,
                format!("{:08}", 45_000_000 + i),
                format!("PERSONA {i}"),
                format!("QUISPE PERSONA {i}"),
                at
            ],
        )
        .unwrap();
    }
}

#[test]
fn demo_members_come_from_the_registry_when_it_has_persons() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("demo.db"));
    store.set_clock(Clock::fixed_on(
        NaiveDate::from_ymd_opt(2026, 6, 15).unwrap(),
    ));
    seed_persons(&store, 400);
    write(&mut store, &admin, Permission::WriteClar, |tx, ctx| {
        demo_seed(tx, ctx, 3)
    })
    .expect("demo");
    let associations =
        tinkuy::services::clar::associations::list_associations(&store, &admin).unwrap();
    assert_eq!(associations.len(), 12);
    let members =
        tinkuy::services::clar::associations::members(&store, &admin, associations[0].id).unwrap();
    assert!(members.iter().all(|m| m.person_id.is_some()), "{members:?}");
    // The member who belongs to an association is found by person, not by a typed DNI.
    let first = session::list_sessions(&store, &admin)
        .unwrap()
        .into_iter()
        .filter(|s| s.closed)
        .min_by_key(|s| s.held_on)
        .unwrap();
    let acta = acta::acta(&store, &admin, first.id, ActaFormat::Markdown, Lang::Es).unwrap();
    assert!(
        acta.contains("| Detectado | figura en la lista de socios |"),
        "{acta}"
    );
}
