//! The household view and hand edits: validation, conflicts between two clerks, the audit log.

mod common;

use std::path::Path;
use tinkuy::domain::forms::{EnrolmentDraft, HouseholdDraft, PersonDraft};
use tinkuy::domain::role::Role;
use tinkuy::i18n::{Lang, Localize};
use tinkuy::services::registry::edit;
use tinkuy::services::registry::household::{self, StepState};
use tinkuy::services::roster::{self, ImportOptions};
use tinkuy::services::CoreError;
use tinkuy::store::{audit, StoreError};

fn data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn household_of(store: &tinkuy::store::Store, dni: &str) -> i64 {
    store
        .conn()
        .query_row(
            "SELECT household_id FROM person WHERE dni = ?1",
            [dni],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn the_view_shows_members_enrolments_ladder_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
    store.set_clock(tinkuy::store::Clock::fixed_on(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    ));
    let options = |p: Option<&str>| ImportOptions {
        programme: p.map(str::to_string),
        ..ImportOptions::default()
    };
    roster::import_file(
        &mut store,
        &admin,
        &data("juntos_cachi.csv"),
        &options(None),
        Lang::Es,
        &mut (),
    )
    .unwrap();
    roster::import_file(
        &mut store,
        &admin,
        &data("haku_winay_bom.csv"),
        &options(Some("HAKU_WINAY")),
        Lang::Es,
        &mut (),
    )
    .unwrap();
    let id = household_of(&store, "40112233");
    let view = household::load(&store, &admin, id).unwrap();
    let names: Vec<&str> = view.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            "Huamán Taipe, Jerónimo",
            "Quispe Huamán, María Eulogia",
            "Quispe Huamán, Rosa"
        ]
    );
    assert_eq!(view.members[0].age, Some(41));
    assert_eq!(view.household.community.as_deref(), Some("Huantana"));
    assert_eq!(view.household.sisfoh.as_deref(), Some("PE"));
    let programmes: Vec<&str> = view
        .enrolments
        .iter()
        .map(|e| e.programme.as_str())
        .collect();
    assert_eq!(
        programmes,
        vec!["JUNTOS", "JUNTOS", "HAKU_WINAY", "HAKU_WINAY"]
    );
    assert_eq!(
        view.ladder,
        [
            StepState::Active,
            StepState::Active,
            StepState::Never,
            StepState::Never
        ]
    );
    assert_eq!(view.history.len(), 4);
    // A read-only user sees masked DNIs.
    let reader = common::user_with_role(&mut store, &admin, "lee", Role::Consulta);
    let masked = household::load(&store, &reader, id).unwrap();
    assert_eq!(masked.members[1].dni, "****2233");
}

#[test]
fn hand_edits_are_validated_audited_and_conflicts_detected() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
    let clerk = common::user_with_role(&mut store, &admin, "rosa", Role::Registrador);
    let draft = HouseholdDraft {
        community: "Huantana".into(),
        sisfoh: "PE".into(),
        sisfoh_date: "2024-05-01".into(),
        ..HouseholdDraft::default()
    };
    let household = edit::add_household(&mut store, &clerk, "030212", &draft).unwrap();
    let person = PersonDraft {
        dni: "40112233".into(),
        paternal: "Quispe".into(),
        given: "Ana".into(),
        birth_date: "01/02/1990".into(),
        sex: "F".into(),
        ..PersonDraft::default()
    };
    let ana = edit::add_person(&mut store, &clerk, household, &person).unwrap();
    // The same DNI for someone else is refused with an explanation.
    let twin = edit::add_person(
        &mut store,
        &clerk,
        household,
        &PersonDraft {
            given: "Otra".into(),
            ..person.clone()
        },
    )
    .unwrap_err();
    assert!(matches!(twin, CoreError::DniTaken(_)));
    // An invalid form saves nothing and names the field.
    let bad = edit::add_person(
        &mut store,
        &clerk,
        household,
        &PersonDraft {
            paternal: "".into(),
            given: "X".into(),
            ..PersonDraft::default()
        },
    )
    .unwrap_err();
    assert!(
        bad.text(Lang::Es).contains("paternal"),
        "{}",
        bad.text(Lang::Es)
    );
    // Two clerks read version 1; the second save is refused, the first one stands.
    let first = PersonDraft {
        given: "Ana María".into(),
        ..person.clone()
    };
    let second = PersonDraft {
        given: "Anita".into(),
        ..person.clone()
    };
    edit::update_person(&mut store, &clerk, ana, 1, &first).unwrap();
    let clash = edit::update_person(&mut store, &admin, ana, 1, &second).unwrap_err();
    assert!(matches!(
        clash,
        CoreError::Store(StoreError::Conflict { .. })
    ));
    assert!(clash.text(Lang::Es).contains("Otra persona guardó cambios"));
    let given: String = store
        .conn()
        .query_row("SELECT given_names FROM person WHERE id = ?1", [ana], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(given, "Ana María");
    // Enrol, then end with a reason; the history keeps it.
    let enrolment = edit::add_enrolment(
        &mut store,
        &clerk,
        ana,
        "AGRORURAL",
        &EnrolmentDraft {
            start_date: "2025-01-10".into(),
            activity: "semillas".into(),
            amount: "350".into(),
        },
    )
    .unwrap();
    let early = edit::end_enrolment(&mut store, &clerk, enrolment, 1, "2024-12-31", "Se mudó");
    assert!(early.is_err());
    edit::end_enrolment(
        &mut store,
        &clerk,
        enrolment,
        1,
        "2025-06-30",
        "Se mudó a otro distrito",
    )
    .unwrap();
    let view = household::load(&store, &clerk, household).unwrap();
    assert_eq!(
        view.enrolments[0].end_reason.as_deref(),
        Some("Se mudó a otro distrito")
    );
    // Every change is in the audit log under the clerk's name.
    let rows = audit::list(
        store.conn(),
        &audit::Filter {
            username: Some("rosa".into()),
            ..audit::Filter::default()
        },
    )
    .unwrap();
    let actions: Vec<(String, String)> = rows
        .iter()
        .rev()
        .map(|r| (r.action.clone(), r.entity.clone()))
        .collect();
    let pair = |a: &str, e: &str| (a.to_string(), e.to_string());
    assert_eq!(
        actions,
        vec![
            pair("create", "household"),
            pair("create", "person"),
            pair("update", "person"),
            pair("create", "enrolment"),
            pair("end", "enrolment")
        ]
    );
    // A read-only user cannot edit.
    let reader = common::user_with_role(&mut store, &admin, "lee", Role::Consulta);
    assert!(edit::update_person(&mut store, &reader, ana, 2, &first).is_err());
}
