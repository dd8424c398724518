//! Screen tests: the application drawn into a `TestBackend` at 80×24, asserting the lines a
//! person would read, in Spanish and in English, and that the plain theme uses no colour.

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::style::{Color, Style};
use ratatui::Terminal;
use tinkuy::domain::role::Role;
use tinkuy::i18n::Lang;
use tinkuy::services::overview::Overview;
use tinkuy::services::{Actor, CoreError};
use tinkuy::store::overview::{DistrictCount, ProgrammeCount, Totals};
use tinkuy::tui::action::{Action, Command, Edit};
use tinkuy::tui::app::{App, AppConfig};
use tinkuy::tui::effect::Message;
use tinkuy::tui::theme::Theme;

const DB: &str = "/home/ana/.local/share/tinkuy/tinkuy.db";

fn app(lang: Lang, theme: Theme) -> App {
    App::new(AppConfig {
        lang,
        theme,
        db_path: DB.into(),
    })
}

/// Draws the app and returns the terminal with every style removed, so
/// `assert_buffer_lines` compares only the text a person reads.
fn draw_text(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            tinkuy::tui::render(app, frame);
            let area = frame.area();
            frame.buffer_mut().set_style(area, Style::reset());
        })
        .unwrap();
    terminal
}

/// Draws the app with its styles.
fn draw_styled(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| tinkuy::tui::render(app, frame))
        .unwrap();
    terminal.backend().buffer().clone()
}

fn lines(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect()
}

fn ana() -> Actor {
    Actor {
        user_id: Some(2),
        username: "ana".into(),
        display_name: "Ana Quispe".into(),
        role: Role::Registrador,
    }
}

fn programme(code: &str, name: &str, active: i64) -> ProgrammeCount {
    ProgrammeCount {
        code: code.into(),
        name: name.into(),
        active_enrolments: active,
    }
}

fn district(ubigeo: &str, name: &str, counts: [i64; 3]) -> DistrictCount {
    DistrictCount {
        ubigeo: ubigeo.into(),
        name: name.into(),
        households: counts[0],
        persons: counts[1],
        active_enrolments: counts[2],
    }
}

fn known_overview() -> Overview {
    Overview {
        totals: Totals {
            households: 1_482,
            persons: 6_035,
            active_enrolments: 2_187,
        },
        programmes: vec![
            programme("JUNTOS", "Juntos", 1_130),
            programme("HAKU_WINAY", "Haku Wiñay", 642),
            programme("AGRORURAL", "Agrorural", 305),
            programme("ALIADOS_II", "Aliados II", 110),
        ],
        districts: vec![
            district("030212", "SAN ANTONIO DE CACHI", [812, 3_301, 1_204]),
            district("030213", "SAN JERONIMO", [530, 2_160, 801]),
            district("030201", "ANDAHUAYLAS", [140, 574, 182]),
        ],
    }
}

/// The Resumen area with the known figures, signed in as a registrar.
fn resumen(lang: Lang, theme: Theme) -> App {
    let mut app = app(lang, theme);
    app.update(Action::SetupChecked(Ok(true)));
    app.update(Action::Authenticated(Ok(ana())));
    app.update(Action::OverviewLoaded(Ok(known_overview())));
    app
}

/// Types text into the focused field, as keys would.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Edit(Edit::Insert(c)));
    }
}

fn command(app: &mut App, command: Command) {
    app.update(Action::Command(command));
}

#[test]
fn resumen_in_spanish() {
    let terminal = draw_text(&resumen(Lang::Es, Theme::coloured()), 80, 24);
    terminal.backend().assert_buffer_lines([
        " Tinkuy │ 1 Resumen │ 2 Padrón │ 3 Comité │ 4 CLAR │ 5 Alertas │                ",
        " Hogares: 1,482    Personas: 6,035    Afiliaciones activas: 2,187               ",
        "┌ Afiliaciones activas por programa ───────────────────────────────────────────┐",
        "│ Juntos     ███████████████████████████████████████████████████████████ 1,130 │",
        "│ Haku Wiñay █████████████████████████████████                             642 │",
        "│ Agrorural  ███████████████                                               305 │",
        "│ Aliados II █████                                                         110 │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        "┌ Por distrito ─────────────────────────────────────────────────────────── 1/3 ┐",
        "│UBIGEO Distrito                         Hogares  Personas Afiliaciones activas│",
        "│030212 SAN ANTONIO DE CACHI                 812     3,301                1,204│",
        "│030213 SAN JERONIMO                         530     2,160                  801│",
        "│030201 ANDAHUAYLAS                          140       574                  182│",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        " BD: …/share/tinkuy/tinkuy.db │ Usuario: ana (Registrador) │ Idioma: Español    ",
        " ↑↓ Fila  ? Ayuda  F2 English  x Cerrar sesión  q Salir                         ",
    ]);
}

#[test]
fn resumen_in_english() {
    let terminal = draw_text(&resumen(Lang::En, Theme::coloured()), 80, 24);
    terminal.backend().assert_buffer_lines([
        " Tinkuy │ 1 Overview │ 2 Registry │ 3 Committee │ 4 CLAR │ 5 Alerts │           ",
        " Households: 1,482    Persons: 6,035    Active enrolments: 2,187                ",
        "┌ Active enrolments per programme ─────────────────────────────────────────────┐",
        "│ Juntos     ███████████████████████████████████████████████████████████ 1,130 │",
        "│ Haku Wiñay █████████████████████████████████                             642 │",
        "│ Agrorural  ███████████████                                               305 │",
        "│ Aliados II █████                                                         110 │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        "┌ Per district ─────────────────────────────────────────────────────────── 1/3 ┐",
        "│UBIGEO District                         Households   Persons Active enrolments│",
        "│030212 SAN ANTONIO DE CACHI                    812     3,301             1,204│",
        "│030213 SAN JERONIMO                            530     2,160               801│",
        "│030201 ANDAHUAYLAS                             140       574               182│",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        " DB: …/.local/share/tinkuy/tinkuy.db │ User: ana (Registrar) │ Language: English",
        " ↑↓ Row  ? Help  F2 Español  x Log out  q Quit                                  ",
    ]);
}

#[test]
fn the_language_switch_redraws_every_text_at_once() {
    let mut app = resumen(Lang::Es, Theme::coloured());
    command(&mut app, Command::ToggleLanguage);
    let english = lines(&draw_text(&app, 80, 24));
    let expected = lines(&draw_text(&resumen(Lang::En, Theme::coloured()), 80, 24));
    assert_eq!(english, expected);
}

#[test]
fn resumen_says_loading_before_the_figures_arrive_and_when_there_are_none() {
    let mut app = app(Lang::Es, Theme::coloured());
    app.update(Action::SetupChecked(Ok(true)));
    app.update(Action::Authenticated(Ok(ana())));
    let screen = lines(&draw_text(&app, 80, 24));
    assert_eq!(screen[11].trim(), "Cargando…");
    app.update(Action::OverviewLoaded(Ok(Overview::default())));
    let screen = lines(&draw_text(&app, 80, 24)).join("\n");
    assert!(
        screen.contains("Aún no hay hogares registrados."),
        "{screen}"
    );
}

#[test]
fn login_screen_masks_the_password_and_puts_the_cursor_after_it() {
    let mut app = app(Lang::Es, Theme::plain());
    app.update(Action::SetupChecked(Ok(true)));
    type_text(&mut app, "ana");
    command(&mut app, Command::Submit);
    type_text(&mut app, "clave");
    let mut terminal = draw_text(&app, 80, 24);
    terminal.backend().assert_buffer_lines([
        " Tinkuy · Ingreso                                                               ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "          ┌ Ingreso ─────────────────────────────────────────────────┐          ",
        "          │Escriba su usuario y su contraseña.                       │          ",
        "          │                                                          │          ",
        "          │Usuario      ana                                          │          ",
        "          │                                                          │          ",
        "          │Contraseña   *****                                        │          ",
        "          │                                                          │          ",
        "          │                                                          │          ",
        "          │                                                          │          ",
        "          │                                                          │          ",
        "          │                                                          │          ",
        "          └──────────────────────────────────────────────────────────┘          ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " BD: /home/ana/.local/share/tinkuy/tinkuy.db │ Usuario: — │ Idioma: Español     ",
        " ↑↓ Campo  Enter Ingresar  F1 Ayuda  F2 English  Esc Salir                      ",
    ]);
    terminal.backend_mut().assert_cursor_position((29, 10));
}

#[test]
fn a_refused_login_says_why_in_the_users_language() {
    let mut app = app(Lang::Es, Theme::plain());
    app.update(Action::SetupChecked(Ok(true)));
    type_text(&mut app, "ana");
    command(&mut app, Command::Submit);
    type_text(&mut app, "mala");
    command(&mut app, Command::Submit);
    app.update(Action::Authenticated(Err(Message::of(
        &CoreError::BadCredentials,
    ))));
    let screen = lines(&draw_text(&app, 80, 24));
    assert_eq!(
        screen[13],
        "          │   Usuario o contraseña incorrectos. Revise e intente de  │          "
    );
    assert!(screen[10].starts_with("          │Contraseña      "));
    command(&mut app, Command::ToggleLanguage);
    let screen = lines(&draw_text(&app, 80, 24)).join("\n");
    assert!(screen.contains("Wrong user name or password."), "{screen}");
}

#[test]
fn help_lists_the_keys_of_the_screen_underneath() {
    let mut app = resumen(Lang::Es, Theme::plain());
    command(&mut app, Command::Help);
    let terminal = draw_text(&app, 80, 24);
    terminal.backend().assert_buffer_lines([
        " Tinkuy │ 1 Resumen │ 2 Padrón │ 3 Comité │ 4 CLAR │ 5 Alertas │                ",
        " Hogares: 1,482    Personas: 6,035    Afiliaciones activas: 2,187               ",
        "┌ Afiliac┌ Ayuda: teclas de esta pantalla ────────────────────────────┐────────┐",
        "│ Juntos │ 1           Resumen: totales, programas y distritos        │# 1,130 │",
        "│ Haku Wi│ 2           Padrón: buscar personas, ver y corregir hogares│    642 │",
        "│ Agrorur│ 3           Comité: reuniones, actas y acuerdos            │    305 │",
        "│ Aliados│ 4           CLAR: concursos, propuestas, sesiones          │    110 │",
        "└────────│ 5           Alertas: cruces entre programas y la matriz    │────────┘",
        "┌ Por dis│ ↑           Subir una fila                                 │─── 1/3 ┐",
        "│UBIGEO D│ ↓           Bajar una fila                                 │ activas│",
        "│030212 S│ RePág       Subir una página                               │   1,204│",
        "│030213 S│ AvPág       Bajar una página                               │     801│",
        "│030201 A│ Inicio      Ir a la primera fila                           │     182│",
        "│        │ Fin         Ir a la última fila                            │        │",
        "│        │ r, F5       Volver a leer las cifras                       │        │",
        "│        │ ?, F1       Mostrar esta ayuda                             │        │",
        "│        │ F2, Ctrl+L  Cambiar el idioma (castellano / inglés)        │        │",
        "│        │ x           Cerrar sesión y volver al ingreso              │        │",
        "│        │ q, Ctrl+C   Salir de Tinkuy                                │        │",
        "│        │                                                            │        │",
        "│        │ Esc cierra esta ayuda.                                     │        │",
        "└────────└────────────────────────────────────────────────────────────┘────────┘",
        " BD: …/share/tinkuy/tinkuy.db │ Usuario: ana (Registrador) │ Idioma: Español    ",
        " Esc Cerrar  F2 English                                                         ",
    ]);
}

/// The first-run form with every field typed and the district found.
fn filled_setup(lang: Lang, theme: Theme) -> App {
    let mut app = app(lang, theme);
    app.update(Action::SetupChecked(Ok(false)));
    for text in ["ana", "Ana Quispe", "clave1", "clave1"] {
        type_text(&mut app, text);
        command(&mut app, Command::NextField);
    }
    type_text(&mut app, "030212");
    app.update(Action::DistrictLookedUp {
        ubigeo: "030212".into(),
        result: Ok(Some("SAN ANTONIO DE CACHI (ANDAHUAYLAS, APURIMAC)".into())),
    });
    app
}

#[test]
fn the_setup_form_names_the_district_as_its_ubigeo_is_typed() {
    let screen = lines(&draw_text(&filled_setup(Lang::Es, Theme::plain()), 80, 24));
    assert_eq!(
        screen[12],
        " │UBIGEO del distrito    030212                                               │ "
    );
    assert_eq!(
        screen[13],
        " │                       030212 SAN ANTONIO DE CACHI (ANDAHUAYLAS, APURIMAC)  │ "
    );
    assert_eq!(
        screen[8].trim_end(),
        " │Contraseña             ******                                               │"
    );
    let english = lines(&draw_text(&filled_setup(Lang::En, Theme::plain()), 80, 24));
    assert!(
        english[12].contains("District UBIGEO        030212"),
        "{}",
        english[12]
    );
    assert!(english[17].contains("[ Create administrator ]"));
}

#[test]
fn the_setup_form_shows_problems_of_fields_already_left() {
    let mut app = app(Lang::En, Theme::plain());
    app.update(Action::SetupChecked(Ok(false)));
    type_text(&mut app, "Ana María");
    command(&mut app, Command::NextField);
    command(&mut app, Command::NextField);
    type_text(&mut app, "abc");
    command(&mut app, Command::NextField);
    let screen = lines(&draw_text(&app, 80, 24));
    assert!(
        screen[5].contains("Use 2 to 40 lower-case letters"),
        "{}",
        screen[5]
    );
    assert!(screen[7].contains("This is required."), "{}", screen[7]);
    assert!(screen[9].contains("Too short: use at least 4 characters."));
    // The field being typed shows its hint, not yet a problem.
    assert!(
        screen[11].trim_matches([' ', '│']).is_empty(),
        "{}",
        screen[11]
    );
}

#[test]
fn quitting_a_half_filled_form_asks_first() {
    let mut app = filled_setup(Lang::Es, Theme::plain());
    command(&mut app, Command::Quit);
    let screen = lines(&draw_text(&app, 80, 24)).join("\n");
    assert!(screen.contains("El formulario tiene datos sin guardar. ¿Salir de todos modos?"));
    assert!(
        screen.contains("[ Sí, salir ]   [ No, seguir ]"),
        "{screen}"
    );
    assert!(
        screen.contains(" ←→ Elegir  Enter Aceptar  Esc Cancelar"),
        "{screen}"
    );
}

#[test]
fn a_window_too_small_asks_to_be_enlarged_and_60_by_16_still_reads() {
    let app = resumen(Lang::Es, Theme::plain());
    let screen = lines(&draw_text(&app, 50, 12)).join("\n");
    assert!(screen.contains("Agrande la ventana"), "{screen}");
    let screen = lines(&draw_text(&app, 60, 16));
    assert!(screen[0].contains("1 Resumen"));
    assert_eq!(screen[1].trim_end(), " Hogares: 1,482    Personas: 6,035");
    assert_eq!(screen[2].trim_end(), " Afiliaciones activas: 2,187");
    // Every programme keeps its bar; the table keeps two rows and scrolls.
    assert!(screen[7].starts_with("│ Aliados II ###"), "{}", screen[7]);
    assert!(
        screen[11].starts_with("│030212 SAN ANTONI "),
        "{}",
        screen[11]
    );
    assert!(screen[15].contains("? Ayuda"));
    let form = lines(&draw_text(&filled_setup(Lang::Es, Theme::plain()), 60, 16));
    assert!(form
        .iter()
        .any(|l| l.contains("030212 SAN ANTONIO DE CACHI")));
}

/// Every screen and overlay, for the colour checks.
fn every_screen(theme: Theme) -> Vec<App> {
    let mut help = resumen(Lang::Es, theme);
    command(&mut help, Command::Help);
    let mut confirm = filled_setup(Lang::Es, theme);
    command(&mut confirm, Command::Quit);
    let mut login = app(Lang::Es, theme);
    login.update(Action::SetupChecked(Ok(true)));
    // A new password after a reset, with one too short typed.
    let mut password = app(Lang::Es, theme);
    password.update(Action::SetupChecked(Ok(true)));
    type_text(&mut password, "ana");
    command(&mut password, Command::Submit);
    type_text(&mut password, "temporal");
    command(&mut password, Command::Submit);
    password.update(Action::MustChangePassword(ana()));
    type_text(&mut password, "ab");
    vec![
        resumen(Lang::Es, theme),
        filled_setup(Lang::Es, theme),
        login,
        password,
        help,
        confirm,
    ]
}

fn has_colour(buffer: &Buffer) -> bool {
    buffer
        .content()
        .iter()
        .any(|cell| cell.fg != Color::Reset || cell.bg != Color::Reset)
}

#[test]
fn no_color_leaves_no_colour_in_the_buffer_and_marks_focus_by_reverse_video() {
    let screens = every_screen(Theme::plain());
    assert!(matches!(
        screens[3].screen(),
        tinkuy::tui::app::Screen::ChangePassword(_)
    ));
    for app in screens {
        let buffer = draw_styled(&app);
        assert!(!has_colour(&buffer), "colour found in {:?}", app.screen());
        for cell in buffer.content() {
            assert_eq!(cell.underline_color, Color::Reset);
        }
    }
    // The selected district row and the status line stand out without colour.
    let buffer = draw_styled(&resumen(Lang::Es, Theme::plain()));
    assert!(buffer[(1, 10)].modifier.contains(Modifier::REVERSED));
    assert!(!buffer[(1, 11)].modifier.contains(Modifier::REVERSED));
    assert!(buffer[(1, 22)].modifier.contains(Modifier::REVERSED));
    assert_eq!(buffer[(13, 3)].symbol(), "#");
}

#[test]
fn the_coloured_theme_does_use_colour() {
    for app in every_screen(Theme::coloured()) {
        assert!(has_colour(&draw_styled(&app)));
    }
}
