//! Tests of `App::update`: actions in, state and effects out, with no terminal and no
//! database. Keys go through the real keymap, so these also pin what each key does.

use super::action::Action;
use super::app::{App, AppConfig, Modal, Screen};
use super::effect::{Effect, Message, Secret, SetupRequest};
use super::screens::login::{LoginField, LoginPhase};
use super::screens::main::AreaState;
use super::screens::setup::{District, SetupField, SetupFocus, SetupPhase};
use super::theme::Theme;
use super::widgets::confirm::Confirmable;
use crate::domain::role::Role;
use crate::i18n::{Lang, Localize};
use crate::services::overview::Overview;
use crate::services::{Actor, CoreError};
use crate::store::overview::DistrictCount;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn new_app() -> App {
    App::new(AppConfig {
        lang: Lang::Es,
        theme: Theme::plain(),
        db_path: "/tmp/tinkuy.db".into(),
    })
}

/// Presses a key as the driver would: through the keymap of the current context.
fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    press_with(app, code, KeyModifiers::NONE)
}

fn press_with(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> Vec<Effect> {
    match app.action_for_key(&KeyEvent::new(code, modifiers)) {
        Some(action) => app.update(action),
        None => Vec::new(),
    }
}

fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| press(app, KeyCode::Char(c)))
        .collect()
}

fn actor() -> Actor {
    Actor {
        user_id: Some(7),
        username: "ana".into(),
        display_name: "Ana Quispe".into(),
        role: Role::Registrador,
    }
}

fn login_screen() -> App {
    let mut app = new_app();
    app.update(Action::SetupChecked(Ok(true)));
    app
}

fn setup_screen() -> App {
    let mut app = new_app();
    app.update(Action::SetupChecked(Ok(false)));
    app
}

fn main_screen() -> App {
    let mut app = login_screen();
    app.update(Action::Authenticated(Ok(actor())));
    app
}

#[test]
fn starts_by_asking_whether_the_database_is_set_up() {
    let app = new_app();
    assert_eq!(app.start(), [Effect::CheckSetup]);
    assert_eq!(app.screen(), &Screen::Starting);
    assert!(matches!(setup_screen().screen(), Screen::Setup(_)));
    assert!(matches!(login_screen().screen(), Screen::Login(_)));
}

#[test]
fn login_submit_asks_the_core_to_authenticate() {
    let mut app = login_screen();
    assert!(type_text(&mut app, "Ana").is_empty());
    // Enter on the user name goes to the password; it does not log in yet.
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    type_text(&mut app, "clave?q");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(
        effects,
        [Effect::Authenticate {
            username: "ana".into(),
            password: Secret::new("clave?q"),
        }]
    );
}

#[test]
fn a_failed_login_shows_the_core_message_and_clears_the_password() {
    let mut app = login_screen();
    type_text(&mut app, "ana");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "mala");
    press(&mut app, KeyCode::Enter);
    let refusal = Message::of(&CoreError::BadCredentials);
    assert!(app
        .update(Action::Authenticated(Err(refusal.clone())))
        .is_empty());
    let Screen::Login(form) = app.screen() else {
        panic!("still on the login screen");
    };
    assert_eq!(form.phase(), &LoginPhase::Failed(refusal));
    assert_eq!(form.focus(), LoginField::Password);
    assert!(
        matches!(form.phase(), LoginPhase::Failed(m) if m.text(Lang::Es).contains("incorrectos"))
    );
    // An empty password is caught before asking the core.
    assert!(press(&mut app, KeyCode::Enter).is_empty());
}

#[test]
fn a_successful_login_opens_the_overview_and_loads_it() {
    let mut app = login_screen();
    let effects = app.update(Action::Authenticated(Ok(actor())));
    assert_eq!(effects, [Effect::LoadOverview { actor: actor() }]);
    let Screen::Main(main) = app.screen() else {
        panic!("main screen expected");
    };
    assert_eq!(main.actor(), &actor());
    assert!(matches!(main.current(), AreaState::Overview(_)));
}

#[test]
fn question_mark_opens_help_where_nothing_is_typed_and_esc_closes_it() {
    let mut app = main_screen();
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.modals(), [Modal::Help]);
    // Keys go to the overlay only: q closes it instead of quitting.
    assert!(press(&mut app, KeyCode::Char('q')).is_empty());
    assert!(app.modals().is_empty());
    press(&mut app, KeyCode::F(1));
    press(&mut app, KeyCode::Esc);
    assert!(app.modals().is_empty());
}

#[test]
fn in_a_form_question_mark_is_typed_and_f1_opens_help() {
    let mut app = setup_screen();
    press(&mut app, KeyCode::Char('?'));
    assert!(app.modals().is_empty());
    press(&mut app, KeyCode::F(1));
    assert_eq!(app.modals(), [Modal::Help]);
}

#[test]
fn the_language_switches_at_once_and_is_remembered() {
    let mut app = main_screen();
    assert_eq!(
        press(&mut app, KeyCode::F(2)),
        [Effect::SaveLanguage(Lang::En)]
    );
    assert_eq!(app.lang(), Lang::En);
    let effects = press_with(&mut app, KeyCode::Char('l'), KeyModifiers::CONTROL);
    assert_eq!(effects, [Effect::SaveLanguage(Lang::Es)]);
    assert_eq!(app.lang(), Lang::Es);
}

#[test]
fn a_language_that_cannot_be_saved_is_said_in_the_status_line_until_the_next_key() {
    let mut app = main_screen();
    let problem = Message::of(&crate::i18n::Tui::Loading);
    app.update(Action::LanguageSaved(Err(problem.clone())));
    assert_eq!(app.notice(), Some(&problem));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.notice(), None);
}

#[test]
fn quitting_with_nothing_typed_is_immediate() {
    assert_eq!(
        press(&mut main_screen(), KeyCode::Char('q')),
        [Effect::Quit]
    );
    assert_eq!(press(&mut login_screen(), KeyCode::Esc), [Effect::Quit]);
    assert_eq!(press(&mut setup_screen(), KeyCode::Esc), [Effect::Quit]);
}

#[test]
fn quitting_a_half_filled_setup_form_asks_first_and_defaults_to_no() {
    let mut app = setup_screen();
    type_text(&mut app, "ana");
    assert!(app.is_dirty());
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert!(matches!(
        app.modals(),
        [Modal::Confirm(c)] if c.subject == Confirmable::QuitDiscarding
    ));
    // Enter presses the focused button, which starts on "No".
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    assert!(app.modals().is_empty());
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Left);
    assert_eq!(press(&mut app, KeyCode::Enter), [Effect::Quit]);
}

#[test]
fn ctrl_c_twice_quits_a_dirty_form_and_s_or_y_confirm() {
    let mut app = setup_screen();
    type_text(&mut app, "ana");
    assert!(press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL).is_empty());
    let effects = press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(effects, [Effect::Quit]);
    let mut app = setup_screen();
    type_text(&mut app, "ana");
    press(&mut app, KeyCode::Esc);
    assert_eq!(press(&mut app, KeyCode::Char('s')), [Effect::Quit]);
}

#[test]
fn logging_out_returns_to_an_empty_login() {
    let mut app = main_screen();
    assert!(press(&mut app, KeyCode::Char('x')).is_empty());
    let Screen::Login(form) = app.screen() else {
        panic!("login expected");
    };
    assert_eq!(form.username(), "");
}

/// Fills the set-up form through the keyboard, the district found for `ubigeo`.
fn fill_setup(app: &mut App, repeat: &str, ubigeo: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for text in ["ana", "Ana Quispe", "clave1", repeat] {
        type_text(app, text);
        press(app, KeyCode::Enter);
    }
    effects.extend(type_text(app, ubigeo));
    effects
}

#[test]
fn the_district_is_looked_up_when_six_digits_are_typed_and_stale_replies_are_dropped() {
    let mut app = setup_screen();
    let effects = fill_setup(&mut app, "clave1", "030212");
    assert_eq!(
        effects,
        [Effect::LookupDistrict {
            ubigeo: "030212".into()
        }]
    );
    app.update(Action::DistrictLookedUp {
        ubigeo: "030299".into(),
        result: Ok(None),
    });
    let Screen::Setup(form) = app.screen() else {
        panic!("set-up expected");
    };
    assert_eq!(form.district(), &District::Looking("030212".into()));
    app.update(Action::DistrictLookedUp {
        ubigeo: "030212".into(),
        result: Ok(Some("SAN ANTONIO DE CACHI (ANDAHUAYLAS, APURIMAC)".into())),
    });
    let Screen::Setup(form) = app.screen() else {
        panic!("set-up expected");
    };
    assert!(matches!(form.district(), District::Found { .. }));
    assert_eq!(form.problem(SetupField::Ubigeo), None);
}

#[test]
fn nothing_is_saved_while_a_field_is_wrong() {
    let mut app = setup_screen();
    fill_setup(&mut app, "otra", "030212");
    app.update(Action::DistrictLookedUp {
        ubigeo: "030212".into(),
        result: Ok(Some("SAN ANTONIO DE CACHI (ANDAHUAYLAS, APURIMAC)".into())),
    });
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    // On the button now: saving is refused and the focus goes to the wrong field.
    assert!(press(&mut app, KeyCode::Enter).is_empty());
    let Screen::Setup(form) = app.screen() else {
        panic!("set-up expected");
    };
    assert_eq!(form.focus(), SetupFocus::Field(SetupField::Repeat));
    assert_eq!(form.phase(), &SetupPhase::Editing);
}

#[test]
fn a_valid_setup_form_creates_the_administrator_then_goes_to_login() {
    let mut app = setup_screen();
    fill_setup(&mut app, "clave1", "030212");
    app.update(Action::DistrictLookedUp {
        ubigeo: "030212".into(),
        result: Ok(Some("SAN ANTONIO DE CACHI (ANDAHUAYLAS, APURIMAC)".into())),
    });
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(
        effects,
        [Effect::CreateAdministrator(SetupRequest {
            username: "ana".into(),
            full_name: "Ana Quispe".into(),
            password: Secret::new("clave1"),
            ubigeo: "030212".into(),
            office_number: 1,
        })]
    );
    app.update(Action::AdministratorCreated(Ok("ana".into())));
    let Screen::Login(form) = app.screen() else {
        panic!("login expected");
    };
    assert_eq!(form.username(), "ana");
    assert_eq!(form.focus(), LoginField::Password);
}

fn overview_with(districts: i64) -> Overview {
    Overview {
        districts: (0..districts)
            .map(|i| DistrictCount {
                ubigeo: format!("{:06}", 30_201 + i),
                name: format!("DISTRITO {i}"),
                households: 100 - i,
                persons: 300,
                active_enrolments: 50,
            })
            .collect(),
        ..Overview::default()
    }
}

#[test]
fn the_district_table_scrolls_by_rows_and_pages_within_its_bounds() {
    let mut app = main_screen();
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app.update(Action::OverviewLoaded(Ok(overview_with(40))));
    let position = |app: &App| match app.screen() {
        Screen::Main(main) => match main.current() {
            AreaState::Overview(o) => (o.selected(), o.offset()),
            AreaState::Registry(_) => panic!("the overview expected"),
        },
        _ => panic!("main screen expected"),
    };
    press(&mut app, KeyCode::Up);
    assert_eq!(position(&app), (0, 0));
    press(&mut app, KeyCode::PageDown);
    let (selected, offset) = position(&app);
    assert!(selected > 0 && offset > 0, "{selected} {offset}");
    press(&mut app, KeyCode::End);
    let (selected, offset) = position(&app);
    assert_eq!(selected, 39);
    press(&mut app, KeyCode::Down);
    assert_eq!(position(&app), (39, offset));
    press(&mut app, KeyCode::Home);
    assert_eq!(position(&app), (0, 0));
    assert_eq!(
        press(&mut app, KeyCode::Char('r')),
        [Effect::LoadOverview { actor: actor() }]
    );
}
