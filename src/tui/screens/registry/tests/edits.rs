//! Tests of the Padrón's forms and import dialog: validation before saving, conflicts,
//! confirmations, and the checked file handed to the worker.

use super::*;

fn member() -> Member {
    Member {
        id: 5,
        dni: "40112233".into(),
        name: "Quispe Huamán, María".into(),
        paternal: "Quispe".into(),
        maternal: Some("Huamán".into()),
        given: "María".into(),
        birth_date: Some("1988-04-12".into()),
        age: Some(38),
        sex: Some("F".into()),
        pregnant: false,
        version: 3,
    }
}

fn household() -> HouseholdView {
    HouseholdView {
        household: HouseholdRow {
            id: 100,
            district_ubigeo: "030212".into(),
            district: "SAN ANTONIO DE CACHI".into(),
            community_id: Some(1),
            community: Some("Huantana".into()),
            community_altitude_m: Some(3650),
            altitude_m: None,
            herd_size: Some(12),
            sisfoh: Some("PE".into()),
            sisfoh_date: Some("2024-03-01".into()),
            address: None,
            version: 2,
        },
        sisfoh_validity: None,
        members: vec![member()],
        enrolments: Vec::new(),
        ladder: [StepState::Never; 4],
        history: Vec::new(),
    }
}

/// The Padrón with a household open and the choice lists read, as a registrar.
fn household_open() -> App {
    let (mut app, _) = padron(Role::Registrador);
    app.update(Action::Registry(RegistryResult::ChoicesLoaded(Ok(
        choices(),
    ))));
    let id = searches(&press(&mut app, KeyCode::Char('x')))
        .first()
        .map(|r| r.id);
    if let Some(id) = id {
        app.update(Action::Registry(RegistryResult::SearchDone {
            id,
            result: Ok(page(1..2, None)),
        }));
    }
    press(&mut app, KeyCode::Enter);
    app.update(Action::Registry(RegistryResult::HouseholdLoaded {
        household_id: 101,
        result: Ok(household()),
    }));
    app
}

fn form_of(app: &App) -> &crate::tui::screens::registry::RecordForm {
    match registry(app).overlay() {
        Some(Overlay::Form(form)) => form,
        other => panic!("a form expected, got {other:?}"),
    }
}

#[test]
fn a_form_with_a_wrong_field_saves_nothing_and_goes_to_that_field() {
    let mut app = household_open();
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(form_of(&app).value("dni"), "40112233");
    assert_eq!(form_of(&app).value("birth_date"), "12/04/1988");
    // A letter in the DNI: the domain's validation says so at once, and saving is refused.
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "x");
    let problems = form_of(&app).problems();
    assert!(problems.get("dni").is_some());
    press(&mut app, KeyCode::BackTab);
    assert_eq!(form_of(&app).focus(), FormFocus::Save);
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert_eq!(form_of(&app).focus(), FormFocus::Field(0));
    assert_eq!(form_of(&app).phase(), &FormPhase::Editing);
    // Fixed, it saves, with the version it was read at.
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "3");
    press(&mut app, KeyCode::BackTab);
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::Registry(RegistryEffect::Save(request))] = effects.as_slice() else {
        panic!("one save expected, got {effects:?}");
    };
    let Change::UpdatePerson {
        id, version, draft, ..
    } = &request.change
    else {
        panic!("a person's update expected");
    };
    assert_eq!((*id, *version, draft.dni.as_str()), (5, 3, "40112233"));
}

#[test]
fn a_conflict_is_explained_and_keeps_what_was_typed() {
    let mut app = household_open();
    press(&mut app, KeyCode::Char('e'));
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::End);
    type_text(&mut app, " Eulogia");
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(form_of(&app).focus(), FormFocus::Save);
    assert_eq!(press(&mut app, KeyCode::Enter).len(), 1);
    let conflict = Message::of(&crate::services::CoreError::Store(
        crate::store::StoreError::Conflict {
            entity: "person",
            id: 5,
            expected: 3,
        },
    ));
    app.update(Action::Registry(RegistryResult::Saved(Err(
        SaveFailure::Conflict(conflict.clone()),
    ))));
    let form = form_of(&app);
    assert_eq!(form.value("given"), "María Eulogia");
    assert_eq!(
        form.phase(),
        &FormPhase::Failed(SaveFailure::Conflict(conflict))
    );
    // Closing it now asks first: what was typed would be lost.
    press(&mut app, KeyCode::Esc);
    assert!(matches!(
        app.modals(),
        [Modal::Confirm(c)] if c.subject == Confirmable::Registry(RegistryQuestion::DiscardForm)
    ));
    let effects = press(&mut app, KeyCode::Char('s'));
    assert!(registry(&app).overlay().is_none());
    // The household is read again, so the version saved by the other person shows.
    assert!(matches!(
        effects.as_slice(),
        [Effect::Registry(RegistryEffect::LoadHousehold { .. })]
    ));
}

#[test]
fn a_saved_form_closes_and_the_household_is_read_again() {
    let mut app = household_open();
    press(&mut app, KeyCode::Char('a'));
    assert!(matches!(
        form_of(&app).kind(),
        FormKind::AddPerson { household: 101 }
    ));
    let effects = app.update(Action::Registry(RegistryResult::Saved(Ok(Saved {
        household_id: 101,
    }))));
    assert!(registry(&app).overlay().is_none());
    assert_eq!(
        effects,
        [Effect::Registry(RegistryEffect::LoadHousehold {
            actor: actor(Role::Registrador),
            household_id: 101
        })]
    );
    assert_eq!(
        app.notice().map(|m| m.text(Lang::Es).into_owned()),
        Some("Guardado.".into())
    );
}

#[test]
fn quitting_with_a_form_half_typed_asks_first() {
    let mut app = household_open();
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "4011");
    // In a form `q` is a letter; Ctrl+C quits, and asks because of what was typed.
    let key = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let effects = app.action_for_key(&key).map(|a| app.update(a));
    assert_eq!(effects, Some(Vec::new()));
    assert!(matches!(
        app.modals(),
        [Modal::Confirm(c)] if c.subject == Confirmable::QuitDiscarding
    ));
}

fn bad_rows() -> CheckedRoster {
    let mut store = crate::store::Store::open_in_memory().unwrap_or_else(|e| panic!("{e:?}"));
    let today = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default();
    store.set_clock(crate::store::Clock::fixed_on(today));
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad_rows.csv");
    let file = roster::check_file(&store, &path, &ImportOptions::default(), &mut ())
        .unwrap_or_else(|e| panic!("{e:?}"));
    CheckedRoster::new(file, None)
}

/// The import dialog open on `tests/data/bad_rows.csv`, checked; returns the check's id.
fn import_checked(app: &mut App) -> u64 {
    app.update(Action::Registry(RegistryResult::ChoicesLoaded(Ok(
        choices(),
    ))));
    press(app, KeyCode::Tab);
    press(app, KeyCode::Char('i'));
    type_text(app, "tests/data/bad_rows.csv");
    for _ in 0..4 {
        press(app, KeyCode::Enter);
    }
    let effects = press(app, KeyCode::Enter);
    let [Effect::Registry(RegistryEffect::CheckRoster(check))] = effects.as_slice() else {
        panic!("a check expected, got {effects:?}");
    };
    assert!(!check.options.skip_invalid);
    check.id
}

#[test]
fn errors_block_an_import_until_rows_in_error_may_be_skipped() {
    let (mut app, _) = padron(Role::Registrador);
    let id = import_checked(&mut app);
    app.update(Action::Registry(RegistryResult::RosterChecked {
        id,
        result: Ok(Shared::new(bad_rows())),
    }));
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(app.modals().is_empty());
    // Back to the options, choose to skip rows in error, check again.
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::Registry(RegistryEffect::CheckRoster(again))] = effects.as_slice() else {
        panic!("a second check expected, got {effects:?}");
    };
    assert!(again.options.skip_invalid);
    // The first check's late reply is stale: the dialog still waits for the second.
    app.update(Action::Registry(RegistryResult::RosterChecked {
        id,
        result: Err(Message::same("tarde")),
    }));
    let Some(Overlay::Import(dialog)) = registry(&app).overlay() else {
        panic!("the import dialog expected");
    };
    assert!(matches!(dialog.phase(), ImportPhase::Checking { id, .. } if *id == again.id));
}

#[test]
fn an_import_starts_only_after_a_confirmation_that_carries_it() {
    let (mut app, _) = padron(Role::Registrador);
    import_checked(&mut app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Enter);
    let effects = press(&mut app, KeyCode::Enter);
    let [Effect::Registry(RegistryEffect::CheckRoster(check))] = effects.as_slice() else {
        panic!("a check expected, got {effects:?}");
    };
    let mut roster = bad_rows();
    roster.forecast = Some(ImportCounts {
        new: 1,
        ended: 3,
        ..ImportCounts::default()
    });
    let checked = Shared::new(roster);
    app.update(Action::Registry(RegistryResult::RosterChecked {
        id: check.id,
        result: Ok(checked.clone()),
    }));
    // Enter asks; the question carries what it confirms; "yes" sends the checked rows.
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    let [Modal::Confirm(confirm)] = app.modals() else {
        panic!("a confirmation expected");
    };
    assert_eq!(
        confirm.subject,
        Confirmable::Registry(RegistryQuestion::Import {
            rows: 1,
            programme: "JUNTOS".into(),
            ended: 3
        })
    );
    let effects = press(&mut app, KeyCode::Char('s'));
    let [Effect::Registry(RegistryEffect::ImportRoster(import))] = effects.as_slice() else {
        panic!("an import expected, got {effects:?}");
    };
    assert_eq!(import.checked, checked);
    assert!(app.is_dirty(), "quitting during an import asks first");
}
