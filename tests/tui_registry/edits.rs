//! The registry's forms and import dialog on screen: a problem said as it is typed, and the
//! check of a roster listing every error before anything is written.

use super::*;

#[test]
fn a_form_says_what_is_wrong_as_the_person_types() {
    let mut app = household_open(Lang::Es);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('e'));
    // The birth date, typed wrong: a day February does not have.
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "31/02/2010");
    let screen = text(&app);
    assert!(
        screen.contains("Corregir: Quispe Huamán, María Eulogia"),
        "{screen}"
    );
    assert!(
        screen.contains("│Fecha de nacimiento    31/02/2010"),
        "{screen}"
    );
    // The whole reason under the form, from the domain's own validation.
    assert!(
        screen.contains("La fecha «31/02/2010» no existe: febrero de 2010 tiene 28 días"),
        "{screen}"
    );
    // Once the field is left, its note line says it too; the form is still open.
    press(&mut app, KeyCode::Tab);
    let screen = text(&app);
    assert!(
        screen.contains("                       La fecha «31/02/2010» no existe"),
        "{screen}"
    );
    assert!(screen.contains("[ Guardar ]"), "{screen}");
    // In English, the same problem in English.
    app.update(Action::Command(
        tinkuy::tui::action::Command::ToggleLanguage,
    ));
    assert!(text(&app).contains("Date of birth"), "{}", text(&app));
}

/// The test data's dates are checked against a fixed day, so the test reads the same in 2031.
fn bad_rows_checked() -> CheckedRoster {
    let mut store = Store::open_in_memory().unwrap();
    store.set_clock(tinkuy::store::Clock::fixed_on(
        NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
    ));
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/bad_rows.csv");
    let file = roster::check_file(&store, &path, &ImportOptions::default(), &mut ()).unwrap();
    CheckedRoster::new(file, None)
}

#[test]
fn the_import_preview_lists_every_error_before_anything_is_written() {
    let (mut app, _) = padron(Lang::Es);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('i'));
    let screen = text(&app);
    assert!(screen.contains("Importar un padrón"), "{screen}");
    assert!(
        screen.contains("Primero se revisa el archivo; nada se guarda hasta que usted confirme."),
        "{screen}"
    );
    type_text(&mut app, "tests/data/bad_rows.csv");
    for _ in 0..4 {
        press(&mut app, KeyCode::Enter);
    }
    let effects = press(&mut app, KeyCode::Enter);
    let Some(Effect::Registry(RegistryEffect::CheckRoster(request))) = effects.first() else {
        panic!("a check expected, got {effects:?}");
    };
    assert!(text(&app).contains("Revisando bad_rows.csv… (no se guarda nada)"));
    app.update(Action::Registry(RegistryResult::RosterChecked {
        id: request.id,
        result: Ok(Shared::new(bad_rows_checked())),
    }));
    let lines: Vec<String> = text(&app).lines().map(str::to_string).collect();
    assert_eq!(
        lines[1],
        "┌ Revisión de bad_rows.csv (aún no se guardó nada) ────────────────────────────┐"
    );
    assert_eq!(
        lines[2],
        "│ JUNTOS · filas 6 · válidas 1 · con errores 5 · avisos 0                      │"
    );
    assert_eq!(
        lines[5],
        "│ Error: fila 2, columna dni, valor «1234567A»: El DNI «1234567A» tiene        │"
    );
    let screen = lines.join("\n");
    assert!(screen.contains("Errores y avisos (8)"), "{screen}");
    assert!(
        screen.contains("Hay errores: no se importará nada. Corrija el archivo"),
        "{screen}"
    );
    // Every error is there, down to the last, by scrolling.
    for _ in 0..10 {
        press(&mut app, KeyCode::Down);
    }
    let screen = text(&app);
    assert!(screen.contains("fila 6, columna fecha_alta"), "{screen}");
    assert!(
        screen.contains("fila 4, columna ubigeo"),
        "the last page is kept full: {screen}"
    );
    // The other part: each column of the file, what it is read as, its first values.
    press(&mut app, KeyCode::Tab);
    let screen = text(&app);
    assert!(
        screen.contains("│ Columna del archivo  Se lee como        Fila 2      Fila 3      Fila 4"),
        "{screen}"
    );
    assert!(
        screen
            .contains("│ dni                  dni                1234567A    123456789   40112299"),
        "{screen}"
    );
}
