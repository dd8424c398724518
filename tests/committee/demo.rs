//! The committee's demo data: a year of meetings around today, every agreement state, the
//! same data for the same seed, and summaries that stay small.

use crate::fixture::day;
use std::collections::BTreeSet;
use tinkuy::domain::committee::{AgreementStatus, MeetingStatus};
use tinkuy::i18n::Lang;
use tinkuy::services::committee::demo::demo_seed;
use tinkuy::services::committee::pending::{self, AgreementFilter, StatusFilter};
use tinkuy::services::committee::summary::{self, Format};
use tinkuy::services::committee::{committees, meetings};
use tinkuy::services::{write, Actor, Permission};
use tinkuy::store::{Clock, Store};

fn seeded(seed: u64) -> (tempfile::TempDir, Store, Actor) {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = crate::common::initialised_store(&dir.path().join("t.db"));
    store.set_clock(Clock::fixed_on(day(2026, 3, 10)));
    for (n, kind) in [
        "double_funding",
        "activity_overlap",
        "targeting_seed_altitude",
    ]
    .iter()
    .enumerate()
    {
        store
            .conn()
            .execute(
                "INSERT INTO overlap_flag(id, kind, severity, fingerprint, evidence_hash,
                 created_at, updated_at) VALUES (?1, ?2, 'high', ?3, 'h', 'x', 'x')",
                rusqlite::params![30_212_010_000_009_000_i64 + n as i64, kind, format!("f{n}")],
            )
            .unwrap();
    }
    write(
        &mut store,
        &Actor::system(),
        Permission::WriteCommittee,
        |tx, ctx| demo_seed(tx, ctx, seed),
    )
    .unwrap();
    (dir, store, admin)
}

fn all_summaries(store: &Store, actor: &Actor) -> Vec<String> {
    let committee = committees::current_committee(store, actor).unwrap();
    meetings::list_meetings(store, actor, committee.id)
        .unwrap()
        .iter()
        .map(|m| summary::summary(store, actor, m.id, Format::Text, Lang::Es).unwrap())
        .collect()
}

#[test]
fn a_year_of_meetings_around_today_with_every_agreement_state() {
    let (_dir, store, admin) = seeded(7);
    let committee = committees::current_committee(&store, &admin).unwrap();
    assert_eq!(
        committee.name,
        "Comité Multisectorial Distrital de San Antonio de Cachi"
    );
    let list = meetings::list_meetings(&store, &admin, committee.id).unwrap();
    assert_eq!(list.len(), 12);
    for m in &list {
        let held_on = chrono::NaiveDate::parse_from_str(&m.held_on, "%Y-%m-%d").unwrap();
        let expected = if held_on <= day(2026, 3, 10) {
            MeetingStatus::Held
        } else {
            MeetingStatus::Planned
        };
        assert_eq!(m.status, expected.code(), "{}", m.held_on);
    }
    assert_eq!(list[0].held_on, "2025-05-06");
    assert!(list.iter().filter(|m| m.status == "planned").count() >= 1);
    let all = pending::list_agreements(
        &store,
        &admin,
        committee.id,
        &AgreementFilter {
            status: StatusFilter::All,
            agency: None,
        },
    )
    .unwrap();
    let states: BTreeSet<AgreementStatus> = all.agreements.iter().map(|a| a.status).collect();
    assert_eq!(states.len(), 3, "pending, done and dropped");
    assert!(all.agreements.iter().any(|a| a.is_overdue()));
    assert!(all
        .agreements
        .iter()
        .any(|a| a.status == AgreementStatus::Pending && !a.is_overdue()));
    // The next meeting already carries what is pending.
    let next = list.iter().find(|m| m.status == "planned").unwrap();
    let detail =
        tinkuy::services::committee::detail::load_meeting(&store, &admin, next.id).unwrap();
    assert!(!detail.carried.is_empty());
    assert_eq!(
        detail.items.len(),
        detail.carried.len(),
        "only follow-ups on a planned agenda"
    );
}

#[test]
fn the_same_seed_gives_the_same_minutes_and_another_seed_does_not() {
    let (_a, store_a, admin_a) = seeded(7);
    let (_b, store_b, admin_b) = seeded(7);
    let (_c, store_c, admin_c) = seeded(8);
    let a = all_summaries(&store_a, &admin_a);
    assert_eq!(a, all_summaries(&store_b, &admin_b));
    assert_ne!(a, all_summaries(&store_c, &admin_c));
}

#[test]
fn every_demo_meeting_fits_a_phone_message_and_discusses_flags() {
    let (_dir, store, admin) = seeded(11);
    let texts = all_summaries(&store, &admin);
    for text in &texts {
        assert!(text.len() < 4096, "{} bytes:\n{text}", text.len());
    }
    assert!(texts.iter().any(|t| t.contains("ALERTAS TRATADAS")));
}
