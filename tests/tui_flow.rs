//! The interface driven end to end without a terminal: a real store in a temporary file,
//! keys through the keymap, effects through the real runner, screens rendered to a
//! `TestBackend`. This is the path a clerk takes, minus the terminal.

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::collections::VecDeque;
use std::path::Path;
use tinkuy::domain::role::Role;
use tinkuy::i18n::Lang;
use tinkuy::services::auth::{self, NewAccount};
use tinkuy::services::setup::{self, InitRequest};
use tinkuy::store::Store;
use tinkuy::tui::app::{App, AppConfig, Screen};
use tinkuy::tui::effect::Effect;
use tinkuy::tui::runner::Runner;
use tinkuy::tui::screens::main::AreaState;
use tinkuy::tui::screens::overview::Load;
use tinkuy::tui::theme::Theme;

/// Runs effects (and the effects their results ask for) until none is left; true on quit.
fn pump(app: &mut App, runner: &mut Runner, effects: Vec<Effect>) -> bool {
    let mut pending: VecDeque<Effect> = effects.into();
    while let Some(effect) = pending.pop_front() {
        if effect == Effect::Quit {
            return true;
        }
        if let Some(result) = runner.run(effect) {
            pending.extend(app.update(result));
        }
    }
    false
}

/// Presses a key and runs what it causes; true on quit.
fn press(app: &mut App, runner: &mut Runner, code: KeyCode) -> bool {
    let key = KeyEvent::new(code, KeyModifiers::NONE);
    let effects = match app.action_for_key(&key) {
        Some(action) => app.update(action),
        None => Vec::new(),
    };
    pump(app, runner, effects)
}

fn type_text(app: &mut App, runner: &mut Runner, text: &str) {
    for c in text.chars() {
        press(app, runner, KeyCode::Char(c));
    }
}

fn screen_text(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| tinkuy::tui::render(app, frame))
        .unwrap();
    let buffer = terminal.backend().buffer();
    (0..24)
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Households straight into the tables (the registry's write paths belong to other work);
/// the counters behind the overview are kept by triggers.
fn seed_households(store: &Store) {
    let conn = store.conn();
    let at = "2026-03-01T10:00:00Z";
    for (id, district) in [(1, "030212"), (2, "030212"), (3, "030212"), (4, "030213")] {
        conn.execute(
            "INSERT INTO household(id, district_ubigeo, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?3)",
            rusqlite::params![id, district, at],
        )
        .unwrap();
    }
    for (id, household, programme) in [(1, 1, "JUNTOS"), (2, 2, "JUNTOS"), (3, 1, "HAKU_WINAY")] {
        conn.execute(
            "INSERT INTO enrolment(id, household_id, programme_id, start_date, created_at,
             updated_at) VALUES (?1, ?2, (SELECT id FROM programme WHERE code = ?3),
             '2025-01-01', ?4, ?4)",
            rusqlite::params![id, household, programme, at],
        )
        .unwrap();
    }
}

/// A set-up office in San Antonio de Cachi whose administrator is ana (`clave123`).
fn office(db: &Path) -> Store {
    let mut store = Store::open(db).unwrap();
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
    store
}

fn new_app(lang: Lang, db: &Path) -> App {
    App::new(AppConfig {
        lang,
        theme: Theme::plain(),
        db_path: db.display().to_string(),
    })
}

#[test]
fn login_then_resumen_over_a_real_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tinkuy.db");
    let config = dir.path().join("config").join("config.txt");
    let store = office(&db);
    seed_households(&store);
    let mut runner = Runner::new(store, Some(config.clone()));
    let mut app = new_app(Lang::Es, &db);
    let start = app.start();
    assert!(!pump(&mut app, &mut runner, start));
    assert!(matches!(app.screen(), Screen::Login(_)));

    // A wrong password is refused with the core's message.
    type_text(&mut app, &mut runner, "ana");
    press(&mut app, &mut runner, KeyCode::Enter);
    type_text(&mut app, &mut runner, "otra");
    press(&mut app, &mut runner, KeyCode::Enter);
    assert!(screen_text(&app).contains("Usuario o contraseña incorrectos."));

    type_text(&mut app, &mut runner, "clave123");
    press(&mut app, &mut runner, KeyCode::Enter);
    let Screen::Main(main) = app.screen() else {
        panic!("main screen expected, got {:?}", app.screen());
    };
    let AreaState::Overview(overview) = main.current() else {
        panic!(
            "Resumen expected after login, got {:?}",
            main.current().area()
        );
    };
    let Load::Ready(figures) = overview.load() else {
        panic!("figures expected, got {:?}", overview.load());
    };
    assert_eq!(figures.totals.households, 4);
    assert_eq!(figures.totals.active_enrolments, 3);
    let text = screen_text(&app);
    assert!(
        text.contains(" Hogares: 4    Personas: 0    Afiliaciones activas: 3"),
        "{text}"
    );
    assert!(text.contains("│030212 SAN ANTONIO DE CACHI"), "{text}");
    assert!(text.contains("Usuario: ana (Administrador)"), "{text}");

    // The language switch is written to the injected preferences file, not the real one.
    press(&mut app, &mut runner, KeyCode::F(2));
    assert_eq!(tinkuy::config::saved_lang(&config), Some(Lang::En));
    assert!(screen_text(&app).contains(" Households: 4"));

    assert!(press(&mut app, &mut runner, KeyCode::Char('q')));
}

#[test]
fn first_run_creates_the_administrator_then_logs_in() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("nueva.db");
    let mut runner = Runner::new(Store::open(&db).unwrap(), None);
    let mut app = new_app(Lang::En, &db);
    let start = app.start();
    pump(&mut app, &mut runner, start);
    assert!(matches!(app.screen(), Screen::Setup(_)));
    for text in ["rosa", "Rosa Huamán", "quinua7", "quinua7"] {
        type_text(&mut app, &mut runner, text);
        press(&mut app, &mut runner, KeyCode::Enter);
    }
    type_text(&mut app, &mut runner, "030213");
    let text = screen_text(&app);
    assert!(
        text.contains("030213 SAN JERONIMO (ANDAHUAYLAS, APURIMAC)"),
        "{text}"
    );
    press(&mut app, &mut runner, KeyCode::Enter);
    press(&mut app, &mut runner, KeyCode::Enter);
    press(&mut app, &mut runner, KeyCode::Enter);
    assert!(setup::is_initialised(runner.store()).unwrap());
    let text = screen_text(&app);
    assert!(
        text.contains("Administrator created. Log in with your password."),
        "{text}"
    );

    type_text(&mut app, &mut runner, "quinua7");
    press(&mut app, &mut runner, KeyCode::Enter);
    let text = screen_text(&app);
    assert!(text.contains("No households registered yet."), "{text}");
    assert!(text.contains("User: rosa (Administrator)"), "{text}");
    // Logging out goes back to an empty login.
    press(&mut app, &mut runner, KeyCode::Char('x'));
    assert!(matches!(app.screen(), Screen::Login(_)));
}

#[test]
fn a_damaged_database_is_refused_before_the_terminal_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("roto.db");
    std::fs::write(&db, b"esto no es una base de datos, solo texto suelto ....").unwrap();
    let settings = tinkuy::tui::Settings {
        lang: Lang::Es,
        theme: Theme::plain(),
        config_path: None,
    };
    assert_eq!(tinkuy::tui::run_with(&db, settings), 1);
}

/// An office where the administrator (ana) reset rosa's password to "temporal": the login
/// screen, over the real store.
fn after_a_reset(lang: Lang) -> (tempfile::TempDir, App, Runner) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tinkuy.db");
    let mut store = office(&db);
    let ana = auth::authenticate(&store, "ana", "clave123").unwrap();
    let rosa = NewAccount {
        username: "rosa",
        display_name: "Rosa Ccori",
        role: Role::Registrador,
        password: "clave-rosa",
    };
    auth::add_user(&mut store, &ana, &rosa).unwrap();
    auth::reset_password(&mut store, &ana, "rosa", "temporal").unwrap();
    let mut runner = Runner::new(store, None);
    let mut app = new_app(lang, &db);
    let start = app.start();
    pump(&mut app, &mut runner, start);
    (dir, app, runner)
}

fn log_in(app: &mut App, runner: &mut Runner, user: &str, password: &str) {
    type_text(app, runner, user);
    press(app, runner, KeyCode::Enter);
    type_text(app, runner, password);
    press(app, runner, KeyCode::Enter);
}

fn must_change(runner: &Runner, user: &str) -> bool {
    runner
        .store()
        .conn()
        .query_row(
            "SELECT must_change_password FROM app_user WHERE username = ?1",
            [user],
            |r| r.get(0),
        )
        .unwrap()
}

fn screen_lines(app: &App) -> Vec<String> {
    screen_text(app).lines().map(str::to_string).collect()
}

#[test]
fn a_user_whose_password_was_reset_is_asked_for_a_new_one_and_esc_logs_out() {
    let (_dir, mut app, mut runner) = after_a_reset(Lang::Es);
    log_in(&mut app, &mut runner, "rosa", "temporal");
    assert!(
        matches!(app.screen(), Screen::ChangePassword(_)),
        "{:?}",
        app.screen()
    );
    let lines = screen_lines(&app);
    assert_eq!(
        lines[..11],
        [
            " Tinkuy · Cambiar la contraseña                                                 ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "    ┌ Cambiar la contraseña ───────────────────────────────────────────────┐    ",
            "    │Un administrador restableció su contraseña: elija una nueva.          │    ",
            "    │                                                                      │    ",
            "    │Contraseña nueva                                                      │    ",
            "    │                   Al menos 4 caracteres                              │    ",
            "    │Repítala                                                              │    ",
        ]
    );
    assert_eq!(
        lines[23],
        " ↑↓ Campo  Enter Siguiente  F1 Ayuda  Esc Cerrar sesión  Ctrl+C Salir           "
    );
    // The help lists this screen's keys.
    press(&mut app, &mut runner, KeyCode::F(1));
    let help = screen_text(&app);
    for entry in [
        "│ Enter         Pasar a repetirla; desde ahí, cambiar la contraseña e ingresar│",
        "│ Esc           Cerrar sesión sin cambiarla y volver al ingreso ",
    ] {
        assert!(help.contains(entry), "{entry}\n{help}");
    }
    press(&mut app, &mut runner, KeyCode::Esc);
    // The same password again is refused as it is typed, with the core's words.
    type_text(&mut app, &mut runner, "temporal");
    assert!(screen_text(&app).contains("La contraseña nueva es igual a la actual"));
    // Esc logs out: nobody gets in without a new password.
    press(&mut app, &mut runner, KeyCode::Esc);
    assert!(
        matches!(app.screen(), Screen::Login(_)),
        "{:?}",
        app.screen()
    );
    assert!(must_change(&runner, "rosa"));
}

#[test]
fn two_different_new_passwords_are_said_to_differ_and_nothing_changes() {
    let (_dir, mut app, mut runner) = after_a_reset(Lang::Es);
    log_in(&mut app, &mut runner, "rosa", "temporal");
    type_text(&mut app, &mut runner, "quinua-7");
    press(&mut app, &mut runner, KeyCode::Enter);
    type_text(&mut app, &mut runner, "quinua-8");
    let lines = screen_lines(&app);
    assert_eq!(
        lines[10..12],
        [
            "    │Repítala           ********                                           │    ",
            "    │                   No coinciden: escriba la misma en los dos campos.  │    ",
        ]
    );
    press(&mut app, &mut runner, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::ChangePassword(_)));
    assert!(must_change(&runner, "rosa"));
    assert!(auth::authenticate(runner.store(), "rosa", "temporal").is_ok());
}

#[test]
fn once_changed_the_main_screen_opens_and_the_next_log_in_goes_straight_in() {
    let (_dir, mut app, mut runner) = after_a_reset(Lang::En);
    log_in(&mut app, &mut runner, "rosa", "temporal");
    assert!(screen_text(&app).contains("│An administrator reset your password: choose a new one."));
    type_text(&mut app, &mut runner, "ab");
    let text = screen_text(&app);
    assert!(
        text.contains("The password is too short: use at least 4 characters."),
        "{text}"
    );
    type_text(&mut app, &mut runner, "cd-quinua");
    press(&mut app, &mut runner, KeyCode::Enter);
    type_text(&mut app, &mut runner, "abcd-quinua");
    press(&mut app, &mut runner, KeyCode::Enter);
    let Screen::Main(main) = app.screen() else {
        panic!("main screen expected, got {:?}", app.screen());
    };
    assert_eq!(main.actor().username, "rosa");
    let lines = screen_lines(&app);
    assert!(
        lines[0].starts_with(" Tinkuy │ 1 Overview │ 2 Registry"),
        "{}",
        lines[0]
    );
    assert!(
        lines[22].contains("Password changed. Use the new one from now on."),
        "{}",
        lines[22]
    );
    assert!(!must_change(&runner, "rosa"), "the flag is cleared");
    assert!(auth::authenticate(runner.store(), "rosa", "abcd-quinua").is_ok());
    press(&mut app, &mut runner, KeyCode::Char('x'));
    log_in(&mut app, &mut runner, "rosa", "abcd-quinua");
    assert!(
        matches!(app.screen(), Screen::Main(_)),
        "{:?}",
        app.screen()
    );
}
