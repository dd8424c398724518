//! The Padrón driven end to end over a real store: keys through the keymap, effects through
//! the real runner (jobs run in place, as without the worker thread), screens drawn at 80×24.

use super::*;
use tinkuy::services::registry::edit;

/// Runs effects (and the effects their results ask for) until none is left.
fn pump(app: &mut App, runner: &mut Runner, effects: Vec<Effect>) {
    let mut pending: VecDeque<Effect> = effects.into();
    while let Some(effect) = pending.pop_front() {
        if let Some(result) = runner.run(effect) {
            pending.extend(app.update(result));
        }
    }
}

fn key(app: &mut App, runner: &mut Runner, code: KeyCode) {
    let effects = press(app, code);
    pump(app, runner, effects);
}

fn typed(app: &mut App, runner: &mut Runner, text: &str) {
    for c in text.chars() {
        key(app, runner, KeyCode::Char(c));
    }
}

fn data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

/// A store with Juntos' roster of San Antonio de Cachi, and the app signed in on the Padrón.
fn signed_in(dir: &Path) -> (App, Runner) {
    signed_in_as(dir, None)
}

/// As [`signed_in`], by a new user with `role` (password `clave-lectora`) when one is given.
fn signed_in_as(dir: &Path, role: Option<Role>) -> (App, Runner) {
    let db = dir.join("padron.db");
    let mut store = Store::open(&db).unwrap();
    setup::init(
        &mut store,
        &InitRequest {
            admin_username: "ana",
            admin_display_name: "Ana Quispe",
            admin_password: "clave123",
            district_ubigeo: "030212",
            office_number: 1,
        },
    )
    .unwrap();
    let admin = tinkuy::services::auth::authenticate(&store, "ana", "clave123").unwrap();
    let options = ImportOptions::default();
    let path = data("juntos_cachi.csv");
    roster::import_file(&mut store, &admin, &path, &options, Lang::Es, &mut ()).unwrap();
    let (user, password) = match role {
        Some(role) => {
            let account = tinkuy::services::auth::NewAccount {
                username: "lectora",
                display_name: "Lectora",
                role,
                password: "clave-lectora",
            };
            tinkuy::services::auth::add_user(&mut store, &admin, &account).unwrap();
            ("lectora", "clave-lectora")
        }
        None => ("ana", "clave123"),
    };
    let mut runner = Runner::new(store, None);
    let mut app = App::new(AppConfig {
        lang: Lang::Es,
        theme: Theme::plain(),
        db_path: db.display().to_string(),
    });
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    let start = app.start();
    pump(&mut app, &mut runner, start);
    typed(&mut app, &mut runner, user);
    key(&mut app, &mut runner, KeyCode::Enter);
    typed(&mut app, &mut runner, password);
    key(&mut app, &mut runner, KeyCode::Enter);
    key(&mut app, &mut runner, KeyCode::Char('2'));
    (app, runner)
}

#[test]
fn find_a_person_open_the_household_and_correct_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = signed_in(dir.path());
    // Everyone, by name, as the area opens.
    let screen = text(&app);
    assert!(
        screen.contains("│40112234 Huamán Taipe, Jerónimo"),
        "{screen}"
    );
    // Words in any order, accents ignored.
    typed(&mut app, &mut runner, "maria quis");
    let screen = text(&app);
    assert!(
        screen.contains("│40112233 Quispe Huamán, María Eulogia"),
        "{screen}"
    );
    assert!(!screen.contains("Jerónimo"), "{screen}");
    key(&mut app, &mut runner, KeyCode::Enter);
    let screen = text(&app);
    assert!(screen.contains("Centro poblado: Huantana"), "{screen}");
    assert!(screen.contains("Escalera: Juntos [sí]"), "{screen}");
    assert!(screen.contains("S/ 1,200.00"), "{screen}");
    // María is the second member (by birth date); correct her given names.
    key(&mut app, &mut runner, KeyCode::Down);
    key(&mut app, &mut runner, KeyCode::Char('e'));
    for _ in 0..3 {
        key(&mut app, &mut runner, KeyCode::Tab);
    }
    key(&mut app, &mut runner, KeyCode::End);
    typed(&mut app, &mut runner, " Rosa");
    for _ in 0..4 {
        key(&mut app, &mut runner, KeyCode::Tab);
    }
    key(&mut app, &mut runner, KeyCode::Enter);
    let screen = text(&app);
    assert!(
        screen.contains("Quispe Huamán, María Eulogia Rosa"),
        "{screen}"
    );
    assert!(screen.contains(" Guardado."), "{screen}");
    // Back in the list, the page is read again and shows the correction.
    key(&mut app, &mut runner, KeyCode::Esc);
    let screen = text(&app);
    assert!(screen.contains("María Eulogia Rosa"), "{screen}");
}

#[test]
fn someone_else_saving_first_is_explained_and_the_form_keeps_the_typing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = signed_in(dir.path());
    typed(&mut app, &mut runner, "40112233");
    key(&mut app, &mut runner, KeyCode::Enter);
    key(&mut app, &mut runner, KeyCode::Down);
    key(&mut app, &mut runner, KeyCode::Char('e'));
    // Meanwhile another clerk saves the same person (version 1 read by both).
    let other = tinkuy::services::auth::authenticate(runner.store(), "ana", "clave123").unwrap();
    let mut store = Store::open(&dir.path().join("padron.db")).unwrap();
    let draft = tinkuy::domain::forms::PersonDraft {
        dni: "40112233".into(),
        paternal: "Quispe".into(),
        maternal: "Huamán".into(),
        given: "María".into(),
        ..Default::default()
    };
    let person: i64 = store
        .conn()
        .query_row("SELECT id FROM person WHERE dni = '40112233'", [], |r| {
            r.get(0)
        })
        .unwrap();
    edit::update_person(&mut store, &other, person, 1, &draft).unwrap();
    // Our clerk's change is refused, explained, and still on screen.
    for _ in 0..3 {
        key(&mut app, &mut runner, KeyCode::Tab);
    }
    key(&mut app, &mut runner, KeyCode::End);
    typed(&mut app, &mut runner, " Rosa");
    for _ in 0..4 {
        key(&mut app, &mut runner, KeyCode::Tab);
    }
    key(&mut app, &mut runner, KeyCode::Enter);
    let screen = text(&app);
    assert!(screen.contains("María Eulogia Rosa"), "{screen}");
    assert!(
        screen.contains("Otra persona guardó cambios en este registro"),
        "{screen}"
    );
}

#[test]
fn a_role_without_access_to_personal_data_sees_dnis_masked_in_list_and_household() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, mut runner) = signed_in_as(dir.path(), Some(Role::Consulta));
    let screen = text(&app);
    assert!(
        screen.contains("│****2234 Huamán Taipe, Jerónimo"),
        "{screen}"
    );
    assert!(!screen.contains("40112234"), "{screen}");
    typed(&mut app, &mut runner, "maria quis");
    key(&mut app, &mut runner, KeyCode::Enter);
    let screen = text(&app);
    assert!(screen.contains("****2233"), "{screen}");
    assert!(!screen.contains("40112233"), "{screen}");
    // Beside it, the same household as the clerk sees it, to show the mask is the role's.
    let clerk_dir = tempfile::tempdir().unwrap();
    let (mut clerk, mut clerk_runner) = signed_in(clerk_dir.path());
    typed(&mut clerk, &mut clerk_runner, "maria quis");
    key(&mut clerk, &mut clerk_runner, KeyCode::Enter);
    assert!(text(&clerk).contains("40112233"), "{}", text(&clerk));
}
