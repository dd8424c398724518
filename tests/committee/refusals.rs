//! Bad input is refused with a message that says what is wrong and how to fix it, and
//! nothing is written.

use crate::fixture::{day, three_meetings, Setup};
use tinkuy::domain::committee::{AgendaKind, AttendanceStatus, Level, Sector};
use tinkuy::domain::dates::DateError;
use tinkuy::domain::role::Role;
use tinkuy::i18n::{Lang, Localize};
use tinkuy::services::committee::agencies::{self, AgencyInput};
use tinkuy::services::committee::agenda;
use tinkuy::services::committee::agreements::{self, AgreementInput, StatusChange};
use tinkuy::services::committee::attendance::{self, AttendanceInput};
use tinkuy::services::committee::detail::load_meeting;
use tinkuy::services::committee::meetings::{self, MeetingInput};
use tinkuy::services::committee::{minutes, CommitteeError, DateField};
use tinkuy::services::CoreError;
use tinkuy::store::{audit, StoreError};

fn committee_error(err: CoreError) -> CommitteeError {
    match err {
        CoreError::Committee(e) => e,
        other => panic!("expected a committee error, got {other:?}"),
    }
}

#[test]
fn a_meeting_on_a_day_that_does_not_exist_is_refused_with_the_month_named() {
    let mut s = Setup::new(day(2026, 3, 10));
    let before = audit::count(s.store.conn()).unwrap();
    let input = MeetingInput {
        held_on: "31/02/2026",
        place: "Local comunal",
        ..MeetingInput::default()
    };
    let err =
        meetings::create_meeting(&mut s.store, &s.coordinator, s.committee, &input).unwrap_err();
    assert_eq!(
        err.text(Lang::Es),
        "Fecha de la reunión: La fecha «31/02/2026» no existe: febrero de 2026 tiene 28 días, no \
         hay día 31. Revise el día y el mes."
    );
    assert!(matches!(
        committee_error(err),
        CommitteeError::InvalidDate {
            field: DateField::MeetingDate,
            source: DateError::DayNotInMonth { .. }
        }
    ));
    for (date, time) in [
        ("2026-13-01", "09:00"),
        ("03/03/26", "09:00"),
        ("2026-03-03", "25:00"),
    ] {
        let input = MeetingInput {
            held_on: date,
            starts_at: Some(time),
            place: "x",
            convened_by: None,
        };
        let err = meetings::create_meeting(&mut s.store, &s.coordinator, s.committee, &input);
        assert!(err.is_err(), "{date} {time}");
    }
    assert_eq!(
        audit::count(s.store.conn()).unwrap(),
        before,
        "nothing written"
    );
}

#[test]
fn a_meeting_cannot_be_held_before_its_day_nor_doubled_on_one_day() {
    let mut s = Setup::new(day(2026, 3, 10));
    let april = s.meeting("2026-04-07");
    let err = meetings::mark_held(&mut s.store, &s.coordinator, april, 1).unwrap_err();
    assert!(matches!(
        committee_error(err),
        CommitteeError::HeldInFuture { .. }
    ));
    let input = MeetingInput {
        held_on: "07/04/2026",
        place: "Otro local",
        ..MeetingInput::default()
    };
    let err =
        meetings::create_meeting(&mut s.store, &s.coordinator, s.committee, &input).unwrap_err();
    assert!(err
        .text(Lang::En)
        .contains("already has a meeting on 2026-04-07"));
    // A cancelled meeting frees its day.
    meetings::cancel_meeting(&mut s.store, &s.coordinator, april, 1).unwrap();
    meetings::create_meeting(&mut s.store, &s.coordinator, s.committee, &input).unwrap();
    let juntos = s.agency("JUNTOS");
    let input = AgreementInput {
        description: "x",
        responsible: Some(juntos),
        due_on: Some("2026-05-01"),
        item_id: None,
    };
    let err = agreements::add_agreement(&mut s.store, &s.coordinator, april, &input).unwrap_err();
    assert!(matches!(
        committee_error(err),
        CommitteeError::MeetingCancelled { .. }
    ));
}

#[test]
fn an_agreement_needs_an_owner_and_a_due_date() {
    let mut s = Setup::new(day(2026, 3, 10));
    let march = s.meeting("2026-03-03");
    let juntos = s.agency("JUNTOS");
    let cases = [
        (AgreementInput { description: "Informe", responsible: None, due_on: Some("2026-04-01"), item_id: None },
         "Todo acuerdo necesita una institución responsable: indique su código, por ejemplo AGRORURAL."),
        (AgreementInput { description: "Informe", responsible: Some(juntos), due_on: None, item_id: None },
         "Todo acuerdo necesita una fecha límite: escríbala como DD/MM/AAAA."),
        (AgreementInput { description: "Informe", responsible: Some(juntos), due_on: Some("  "), item_id: None },
         "Todo acuerdo necesita una fecha límite: escríbala como DD/MM/AAAA."),
        (AgreementInput { description: " ", responsible: Some(juntos), due_on: Some("2026-04-01"), item_id: None },
         "Falta la descripción del acuerdo: escriba qué se acordó hacer."),
        (AgreementInput { description: "Informe", responsible: Some(juntos), due_on: Some("2026-02-01"), item_id: None },
         "La fecha límite 2026-02-01 es anterior a la reunión del 2026-03-03: revise el año y el mes."),
    ];
    for (input, message) in cases {
        let err =
            agreements::add_agreement(&mut s.store, &s.coordinator, march, &input).unwrap_err();
        assert_eq!(err.text(Lang::Es), message);
    }
    let detail = load_meeting(&s.store, &s.coordinator, march).unwrap();
    assert!(detail.agreements.is_empty());
}

#[test]
fn dropping_needs_a_note_and_closing_cannot_precede_the_agreement() {
    let mut f = three_meetings();
    let s = &mut f.setup;
    let version = agreements::find_agreement(&s.store, &s.coordinator, &f.campaign.to_string())
        .unwrap()
        .version;
    let drop = StatusChange {
        status: tinkuy::domain::committee::AgreementStatus::Dropped,
        note: Some(" "),
        on: None,
    };
    let err =
        agreements::set_agreement_status(&mut s.store, &s.coordinator, f.campaign, version, &drop)
            .unwrap_err();
    assert!(matches!(
        committee_error(err),
        CommitteeError::DropNeedsNote
    ));
    let done = StatusChange {
        status: tinkuy::domain::committee::AgreementStatus::Done,
        note: None,
        on: Some("2025-12-31"),
    };
    let err =
        agreements::set_agreement_status(&mut s.store, &s.coordinator, f.campaign, version, &done)
            .unwrap_err();
    assert!(matches!(
        committee_error(err),
        CommitteeError::ClosedBeforeMade { .. }
    ));
}

#[test]
fn an_agency_with_agreements_is_deactivated_not_deleted() {
    let mut f = three_meetings();
    let s = &mut f.setup;
    let agrorural = agencies::find_agency(&s.store, &s.coordinator, "agrorural").unwrap();
    let err = agencies::delete_agency(&mut s.store, &s.coordinator, agrorural.id).unwrap_err();
    assert_eq!(
        err.text(Lang::Es),
        "No se puede borrar AGRORURAL: es responsable de 2 acuerdo(s), que deben seguir en el \
         historial. Desactívela con «tinkuy agency deactivate AGRORURAL»."
    );
    agencies::deactivate_agency(
        &mut s.store,
        &s.coordinator,
        agrorural.id,
        agrorural.version,
    )
    .unwrap();
    let active =
        agencies::list_agencies(&s.store, &s.coordinator, agencies::AgencyListing::Active).unwrap();
    assert!(active.iter().all(|a| a.code != "AGRORURAL"));
    // Its agreements are still there, and new ones cannot be given to it.
    let march = load_meeting(&s.store, &s.coordinator, f.march).unwrap();
    assert_eq!(march.agreements[1].row.agency_code, "AGRORURAL");
    let input = AgreementInput {
        description: "x",
        responsible: Some(agrorural.id),
        due_on: Some("2026-04-01"),
        item_id: None,
    };
    let err = agreements::add_agreement(&mut s.store, &s.coordinator, f.march, &input).unwrap_err();
    assert!(
        matches!(committee_error(err), CommitteeError::AgencyInactive(code) if code == "AGRORURAL")
    );
}

#[test]
fn only_an_agency_nothing_refers_to_can_be_deleted() {
    let mut s = Setup::new(day(2026, 3, 10));
    let input = AgencyInput {
        name: "ONG Allin Kawsay",
        sector: Sector::Ngo,
        level: Level::NonGovernmental,
        district_ubigeo: Some("030212"),
        address: Some("Jr. Ayacucho 120"),
        phone: None,
    };
    let ong = agencies::add_agency(&mut s.store, &s.coordinator, "ong-allin", &input).unwrap();
    let err = agencies::add_agency(&mut s.store, &s.coordinator, "ONG_ALLIN", &input).unwrap_err();
    assert!(matches!(
        committee_error(err),
        CommitteeError::AgencyExists(_)
    ));
    let rep = tinkuy::services::committee::agencies::RepresentativeInput {
        name: "Ana Pari",
        position: None,
        phone: Some("983 111 222"),
        email: None,
    };
    agencies::add_representative(&mut s.store, &s.coordinator, ong, &rep).unwrap();
    agencies::delete_agency(&mut s.store, &s.coordinator, ong).unwrap();
    assert!(agencies::find_agency(&s.store, &s.coordinator, "ONG_ALLIN").is_err());
    // A seeded agency runs programmes: it cannot be deleted either.
    let juntos = s.agency("JUNTOS");
    let err = agencies::delete_agency(&mut s.store, &s.coordinator, juntos).unwrap_err();
    assert!(matches!(
        committee_error(err),
        CommitteeError::AgencyInUse { .. }
    ));
}

#[test]
fn two_coordinators_saving_the_same_minutes_conflict_and_nothing_is_lost() {
    let mut f = three_meetings();
    let s = &mut f.setup;
    let other = crate::common::user_with_role(&mut s.store, &s.admin, "coord2", Role::Coordinador);
    let detail = load_meeting(&s.store, &s.coordinator, f.march).unwrap();
    let item = detail
        .items
        .iter()
        .find(|i| i.kind == AgendaKind::Flags)
        .unwrap();
    // Both opened the item at the same version.
    let read_version = item.row.version;
    let first = "Texto de la primera coordinadora.";
    let second = "Texto del segundo coordinador.";
    let new_version = minutes::save_item_notes(
        &mut s.store,
        &s.coordinator,
        item.row.id,
        read_version,
        first,
    )
    .unwrap();
    assert_eq!(new_version, read_version + 1);
    let err = minutes::save_item_notes(&mut s.store, &other, item.row.id, read_version, second)
        .unwrap_err();
    assert!(matches!(
        err,
        CoreError::Store(StoreError::Conflict {
            entity: "agenda_item",
            ..
        })
    ));
    assert!(err.text(Lang::Es).contains("Otra persona guardó cambios"));
    // The first text is kept; the second is still the caller's to save again.
    let after = load_meeting(&s.store, &s.coordinator, f.march).unwrap();
    let notes = &after
        .items
        .iter()
        .find(|i| i.row.id == item.row.id)
        .unwrap()
        .row
        .notes;
    assert_eq!(notes, first);
    let merged = format!("{first}\n{second}");
    minutes::save_item_notes(&mut s.store, &other, item.row.id, new_version, &merged).unwrap();
    // The same holds for the general notes.
    let version = after.meeting.version;
    minutes::save_general_notes(&mut s.store, &s.coordinator, f.march, version, "A").unwrap();
    let err = minutes::save_general_notes(&mut s.store, &other, f.march, version, "B").unwrap_err();
    assert!(matches!(
        err,
        CoreError::Store(StoreError::Conflict {
            entity: "meeting",
            ..
        })
    ));
}

#[test]
fn attendance_is_for_member_agencies_and_their_own_representatives() {
    let mut s = Setup::new(day(2026, 3, 10));
    let march = s.meeting("2026-03-03");
    let ugel = s.agency("UGEL");
    let input = AttendanceInput {
        agency_id: ugel,
        status: AttendanceStatus::Present,
        representative_id: None,
        attendee_name: None,
    };
    let err =
        attendance::record_attendance(&mut s.store, &s.coordinator, march, &input).unwrap_err();
    assert!(err
        .text(Lang::Es)
        .starts_with("UGEL no era miembro del comité el 2026-03-03"));
    let rep = agencies::RepresentativeInput {
        name: "Luz Palomino",
        position: Some("Gestora local"),
        phone: None,
        email: None,
    };
    let juntos = s.agency("JUNTOS");
    let juntos_rep =
        agencies::add_representative(&mut s.store, &s.coordinator, juntos, &rep).unwrap();
    let input = AttendanceInput {
        agency_id: s.agency("SALUD"),
        status: AttendanceStatus::Present,
        representative_id: Some(juntos_rep),
        attendee_name: None,
    };
    let err =
        attendance::record_attendance(&mut s.store, &s.coordinator, march, &input).unwrap_err();
    assert!(matches!(
        committee_error(err),
        CommitteeError::RepresentativeOfOtherAgency { .. }
    ));
    let input = AttendanceInput {
        agency_id: s.agency("JUNTOS"),
        ..input
    };
    attendance::record_attendance(&mut s.store, &s.coordinator, march, &input).unwrap();
    let detail = load_meeting(&s.store, &s.coordinator, march).unwrap();
    let line = detail
        .attendance
        .iter()
        .find(|l| l.code == "JUNTOS")
        .unwrap();
    assert_eq!(line.who.as_deref(), Some("Luz Palomino"));
}

#[test]
fn follow_up_items_are_not_removed_by_hand_and_unknown_flags_are_refused() {
    let mut f = three_meetings();
    let s = &mut f.setup;
    let april = s.meeting("2026-04-07");
    let detail = load_meeting(&s.store, &s.coordinator, april).unwrap();
    let follow_up = &detail.items[0];
    let err = agenda::remove_item(&mut s.store, &s.coordinator, follow_up.row.id).unwrap_err();
    assert!(matches!(
        committee_error(err),
        CommitteeError::FollowUpItemIsAutomatic { position: 1 }
    ));
    let err = agenda::link_flag(&mut s.store, &s.coordinator, follow_up.row.id, 42).unwrap_err();
    assert!(matches!(
        committee_error(err),
        CommitteeError::UnknownFlag(_)
    ));
}

#[test]
fn a_read_only_user_may_read_the_committee_but_not_change_it() {
    let mut f = three_meetings();
    let s = &mut f.setup;
    let reader = crate::common::user_with_role(&mut s.store, &s.admin, "lectora", Role::Consulta);
    assert!(load_meeting(&s.store, &reader, f.march).is_ok());
    let err = minutes::save_general_notes(&mut s.store, &reader, f.march, 1, "x").unwrap_err();
    assert!(err
        .text(Lang::Es)
        .contains("no permite modificar reuniones del comité"));
}
