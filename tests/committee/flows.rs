//! What a coordinator relies on: pending agreements come back, overdue ones are marked at
//! the right day, the quorum counts the right agencies, and every write is audited.

use crate::fixture::{day, three_meetings, Setup};
use tinkuy::domain::committee::{AgendaKind, AgreementStatus, AttendanceStatus};
use tinkuy::services::committee::detail::load_meeting;
use tinkuy::services::committee::pending::{self, AgreementFilter, StatusFilter};
use tinkuy::services::committee::schedule::{self, PlanRequest};
use tinkuy::store::audit;

fn follow_ups(s: &Setup, meeting: i64) -> Vec<i64> {
    let detail = load_meeting(&s.store, &s.coordinator, meeting).unwrap();
    detail
        .items
        .iter()
        .filter(|i| i.kind == AgendaKind::FollowUp)
        .map(|i| i.row.follows_agreement_id.unwrap())
        .collect()
}

#[test]
fn pending_agreements_are_carried_to_every_later_meeting_until_closed() {
    let f = three_meetings();
    let s = &f.setup;
    assert_eq!(follow_ups(s, f.january), Vec::<i64>::new());
    // February: Juntos' list was closed before the meeting, so only two came back.
    assert_eq!(follow_ups(s, f.february), [f.campaign, f.irrigation]);
    // March: the health talks, dropped at March's meeting, are still discussed there.
    assert_eq!(
        follow_ups(s, f.march),
        [f.campaign, f.irrigation, f.health_talks]
    );
    let march = load_meeting(&s.store, &s.coordinator, f.march).unwrap();
    let carried: Vec<i64> = march.carried.iter().map(|a| a.row.id).collect();
    assert_eq!(carried, [f.campaign, f.irrigation, f.health_talks]);
    // Follow-ups come first, presented by the agency responsible.
    assert_eq!(march.items[0].kind, AgendaKind::FollowUp);
    assert_eq!(
        march.items[0].row.presenter_name.as_deref(),
        Some("Agrorural (MIDAGRI)")
    );
    assert_eq!(march.items[3].kind, AgendaKind::Flags);
    assert_eq!(march.items[3].row.position, 4);
}

#[test]
fn a_new_meeting_gets_the_pending_ones_and_a_closed_one_leaves_planned_meetings() {
    let mut f = three_meetings();
    let april = f.setup.meeting("2026-04-07");
    let visit = f.setup.agree(f.march, "x", "FONCODES", "2026-03-31");
    let carried = follow_ups(&f.setup, april);
    assert!(
        carried.contains(&f.campaign) && carried.contains(&visit),
        "{carried:?}"
    );
    assert!(!carried.contains(&f.health_talks), "dropped before April");
    // Done before April's meeting: its follow-up item goes away from the planned meeting…
    f.setup
        .close(f.campaign, AgreementStatus::Done, "2026-03-15", None);
    assert!(!follow_ups(&f.setup, april).contains(&f.campaign));
    // …but stays in March's record, which was held.
    assert!(follow_ups(&f.setup, f.march).contains(&f.campaign));
    // Reopened, it comes back.
    f.setup
        .close(f.campaign, AgreementStatus::Pending, "", None);
    assert!(follow_ups(&f.setup, april).contains(&f.campaign));
}

#[test]
fn overdue_is_counted_from_the_day_after_the_due_date() {
    let f = three_meetings();
    let s = &f.setup;
    let march = load_meeting(&s.store, &s.coordinator, f.march).unwrap();
    let campaign = march
        .carried
        .iter()
        .find(|a| a.row.id == f.campaign)
        .unwrap();
    // Due 15 February, seen at the meeting of 3 March: 16 days late.
    assert_eq!(campaign.days_overdue, 16);
    let irrigation = march
        .carried
        .iter()
        .find(|a| a.row.id == f.irrigation)
        .unwrap();
    assert!(!irrigation.is_overdue());
    // The coordinator's view counts as of today (10 March); the visit due 20 March is not
    // late, nor is one due today.
    let mut s = f.setup;
    let today = s.agree(f.march, "Due today", "JUNTOS", "2026-03-10");
    let view = pending::pending_by_agency(&s.store, &s.coordinator, s.committee).unwrap();
    assert_eq!(view.as_of, day(2026, 3, 10));
    assert_eq!((view.pending, view.overdue), (5, 1));
    let juntos = view.agencies.iter().find(|a| a.code == "JUNTOS").unwrap();
    assert_eq!(juntos.agreements[0].row.id, today);
    assert!(!juntos.agreements[0].is_overdue());
    s.set_today(day(2026, 3, 11));
    let view = pending::pending_by_agency(&s.store, &s.coordinator, s.committee).unwrap();
    assert_eq!(view.overdue, 2);
    let overdue = pending::list_agreements(
        &s.store,
        &s.coordinator,
        s.committee,
        &AgreementFilter {
            status: StatusFilter::Overdue,
            agency: None,
        },
    )
    .unwrap();
    let codes: Vec<&str> = overdue
        .agreements
        .iter()
        .map(|a| a.row.agency_code.as_str())
        .collect();
    assert_eq!(codes, ["AGRORURAL", "JUNTOS"]);
}

#[test]
fn pending_view_groups_by_agency_with_overdue_counts() {
    let f = three_meetings();
    let s = &f.setup;
    let view = pending::pending_by_agency(&s.store, &s.coordinator, s.committee).unwrap();
    let summary: Vec<(&str, usize, usize)> = view
        .agencies
        .iter()
        .map(|a| (a.code.as_str(), a.agreements.len(), a.overdue))
        .collect();
    assert_eq!(
        summary,
        [("AGRORURAL", 2, 1), ("FONCODES", 1, 0), ("MUNI_DIST", 1, 0)]
    );
}

#[test]
fn quorum_counts_present_member_agencies_only() {
    let f = three_meetings();
    let s = &f.setup;
    let march = load_meeting(&s.store, &s.coordinator, f.march).unwrap();
    assert_eq!(
        (
            march.quorum.present,
            march.quorum.members,
            march.quorum.required
        ),
        (5, 7, 4)
    );
    assert!(march.quorum.reached);
    let february = load_meeting(&s.store, &s.coordinator, f.february).unwrap();
    assert_eq!(february.quorum.present, 0);
    assert!(!february.quorum.reached);
    assert_eq!(
        february.attendance.len(),
        7,
        "every member is listed, recorded or not"
    );
    assert!(february.attendance.iter().all(|l| l.status.is_none()));
}

#[test]
fn an_agency_that_left_does_not_count_for_later_quorums() {
    let mut s = Setup::new(day(2026, 3, 10));
    let dra = s.agency("DRA");
    tinkuy::services::committee::committees::end_membership(
        &mut s.store,
        &s.coordinator,
        s.committee,
        dra,
        "2026-02-28",
    )
    .unwrap();
    let march = s.meeting("2026-03-03");
    for code in ["AGRORURAL", "FONCODES", "JUNTOS"] {
        s.attend(march, code, AttendanceStatus::Present, None);
    }
    let detail = load_meeting(&s.store, &s.coordinator, march).unwrap();
    assert_eq!(
        (
            detail.quorum.present,
            detail.quorum.members,
            detail.quorum.required
        ),
        (3, 6, 4)
    );
    assert!(!detail.quorum.reached);
    s.attend(march, "SALUD", AttendanceStatus::Present, None);
    assert!(
        load_meeting(&s.store, &s.coordinator, march)
            .unwrap()
            .quorum
            .reached
    );
}

#[test]
fn the_schedule_helper_plans_first_tuesdays_and_skips_existing_meetings() {
    let mut s = Setup::new(day(2026, 3, 10));
    let existing = s.meeting("2026-05-05");
    let request = PlanRequest {
        committee_id: s.committee,
        from: "2026-03-10",
        months: 4,
        place: "Municipalidad",
        starts_at: Some("9:30"),
        convened_by: None,
    };
    let plan = schedule::plan_meetings(&mut s.store, &s.coordinator, &request).unwrap();
    let days: Vec<String> = plan.iter().map(|p| p.date.to_string()).collect();
    assert_eq!(
        days,
        ["2026-04-07", "2026-05-05", "2026-06-02", "2026-07-07"]
    );
    assert_eq!(plan[1].meeting_id, existing);
    assert!(!plan[1].created && plan[0].created);
    let list =
        tinkuy::services::committee::meetings::list_meetings(&s.store, &s.coordinator, s.committee)
            .unwrap();
    assert_eq!(list.len(), 4);
    assert_eq!(list[0].starts_at.as_deref(), Some("09:30"));
}

#[test]
fn every_committee_write_leaves_an_audit_entry_with_its_user() {
    let f = three_meetings();
    let s = &f.setup;
    let filter = audit::Filter {
        entity: Some("agreement".into()),
        ..audit::Filter::default()
    };
    let rows: Vec<audit::Row> = audit::list(s.store.conn(), &filter)
        .unwrap()
        .into_iter()
        .filter(|r| r.entity_id == Some(f.juntos_list))
        .collect();
    let actions: Vec<&str> = rows.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(actions, ["status", "create"]);
    assert!(rows.iter().all(|r| r.username == "coord"));
    assert!(audit::verify(s.store.conn()).unwrap().is_none());
}
