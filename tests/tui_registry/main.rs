//! Screen tests of the Padrón area: drawn into a `TestBackend` at 80×24, asserting what a
//! person reads — the results of a search (in Spanish and English), a household, a form that
//! says what is wrong, the check of a roster with its errors — and the area driven end to end
//! over a real store.

use chrono::NaiveDate;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui::Terminal;
use std::collections::VecDeque;
use std::path::Path;
use tinkuy::domain::role::Role;
use tinkuy::domain::sisfoh::Validity;
use tinkuy::i18n::Lang;
use tinkuy::services::registry::choices::Choices;
use tinkuy::services::registry::household::{HouseholdView, Member, StepState};
use tinkuy::services::registry::search::{Cursor, Page, PersonItem};
use tinkuy::services::roster::{self, ImportOptions};
use tinkuy::services::setup::{self, InitRequest};
use tinkuy::services::Actor;
use tinkuy::store::choices::{ActivityChoice, DistrictChoice, ProgrammeChoice};
use tinkuy::store::household_view::{ChangeRow, EnrolmentRow, HouseholdRow};
use tinkuy::store::Store;
use tinkuy::tui::action::Action;
use tinkuy::tui::app::{App, AppConfig};
use tinkuy::tui::effect::{Effect, Shared};
use tinkuy::tui::runner::Runner;
use tinkuy::tui::screens::registry::effects::{CheckedRoster, RegistryEffect, RegistryResult};
use tinkuy::tui::theme::Theme;

const DB: &str = "/home/rosa/tinkuy.db";

fn rosa() -> Actor {
    Actor {
        user_id: Some(2),
        username: "rosa".into(),
        display_name: "Rosa Ccori".into(),
        role: Role::Registrador,
    }
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    match app.action_for_key(&KeyEvent::new(code, KeyModifiers::NONE)) {
        Some(action) => app.update(action),
        None => Vec::new(),
    }
}

fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| press(app, KeyCode::Char(c)))
        .collect()
}

/// Draws the app with every style removed: only the text a person reads is compared.
fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|frame| {
            tinkuy::tui::render(app, frame);
            let area = frame.area();
            frame.buffer_mut().set_style(area, Style::reset());
        })
        .unwrap();
    terminal
}

fn text(app: &App) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    (0..24)
        .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The id of the latest search among `effects`.
fn search_id(effects: &[Effect]) -> u64 {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Registry(RegistryEffect::Search(request)) => Some(request.id),
            _ => None,
        })
        .next_back()
        .expect("a search")
}

fn choices() -> Choices {
    let programme = |id, code: &str, name: &str| ProgrammeChoice {
        id,
        code: code.into(),
        name: name.into(),
    };
    Choices {
        today: NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        office_district: Some(DistrictChoice {
            ubigeo: "030212".into(),
            name: "SAN ANTONIO DE CACHI".into(),
        }),
        districts: Vec::new(),
        communities: Vec::new(),
        programmes: vec![
            programme(9, "JUNTOS", "Juntos"),
            programme(10, "HAKU_WINAY", "Haku Wiñay"),
            programme(11, "AGRORURAL", "Agrorural"),
        ],
        activities: vec![ActivityChoice {
            code: "semillas".into(),
            name_es: "Semillas".into(),
            name_en: "Seeds".into(),
        }],
    }
}

/// Signed in as a registrar, on the Padrón, its lists read; returns the opening search's id.
fn padron(lang: Lang) -> (App, u64) {
    let mut app = App::new(AppConfig {
        lang,
        theme: Theme::plain(),
        db_path: DB.into(),
    });
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app.update(Action::SetupChecked(Ok(true)));
    app.update(Action::Authenticated(Ok(rosa())));
    let effects = press(&mut app, KeyCode::Char('2'));
    app.update(Action::Registry(RegistryResult::ChoicesLoaded(Ok(
        choices(),
    ))));
    (app, search_id(&effects))
}

fn person(id: i64, dni: &str, name: &str, community: &str, programmes: &str) -> PersonItem {
    PersonItem {
        id,
        household_id: 100 + id,
        dni: dni.into(),
        name: name.into(),
        birth_date: None,
        sex: None,
        district_ubigeo: "030212".into(),
        district: "SAN ANTONIO DE CACHI".into(),
        community: Some(community.into()),
        sisfoh: Some("PE".into()),
        programmes: programmes.into(),
    }
}

fn results() -> Page {
    Page {
        items: vec![
            person(
                1,
                "40112299",
                "Mamani Quispe, Marco Antonio",
                "Chullisana",
                "JUNTOS",
            ),
            person(
                2,
                "40112233",
                "Quispe Huamán, María Eulogia",
                "Huantana",
                "JUNTOS,HAKU_WINAY",
            ),
            person(
                3,
                "40998877",
                "Quispe Taipe, Mariano",
                "Poltocha",
                "AGRORURAL",
            ),
        ],
        next: Some(Cursor::after_name("QUISPE TAIPE MARIANO", 3)),
        unsorted: false,
    }
}

/// "quis mar" typed and its results shown, the second row marked.
fn searched(lang: Lang) -> App {
    let (mut app, _) = padron(lang);
    let id = search_id(&type_text(&mut app, "quis mar"));
    app.update(Action::Registry(RegistryResult::SearchDone {
        id,
        result: Ok(results()),
    }));
    press(&mut app, KeyCode::Down);
    app
}

#[test]
fn the_search_list_in_spanish() {
    draw(&searched(Lang::Es)).backend().assert_buffer_lines([
        " Tinkuy │ 1 Resumen │ 2 Padrón │ 3 Comité │ 4 CLAR │ 5 Alertas │                ",
        " Buscar: quis mar                                                               ",
        " Filtros: ninguno · Orden: por nombre                                           ",
        "┌ Personas ────────────────────────────────────────────────── página 1, fila 2 ┐",
        "│DNI      Nombre                              Centro poblado Programas vigentes│",
        "│40112299 Mamani Quispe, Marco Antonio        Chullisana     Juntos            │",
        "│40112233 Quispe Huamán, María Eulogia        Huantana       Juntos, Haku Wiñay│",
        "│40998877 Quispe Taipe, Mariano               Poltocha       Agrorural         │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        " BD: /home/rosa/tinkuy.db │ Usuario: rosa (Registrador) │ Idioma: Español      ",
        " Enter Abrir  F3 Filtros  Tab Lista  F1 Ayuda  F2 English                       ",
    ]);
}

#[test]
fn the_search_list_in_english_with_the_list_keys() {
    let mut app = searched(Lang::En);
    press(&mut app, KeyCode::Tab);
    draw(&app).backend().assert_buffer_lines([
        " Tinkuy │ 1 Overview │ 2 Registry │ 3 Committee │ 4 CLAR │ 5 Alerts │           ",
        " Search: quis mar                                     / to type                 ",
        " Filters: none · Order: by name                                                 ",
        "┌ Persons ────────────────────────────────────────────────────── page 1, row 2 ┐",
        "│DNI      Name                                Community      Active programmes │",
        "│40112299 Mamani Quispe, Marco Antonio        Chullisana     Juntos            │",
        "│40112233 Quispe Huamán, María Eulogia        Huantana       Juntos, Haku Wiñay│",
        "│40998877 Quispe Taipe, Mariano               Poltocha       Agrorural         │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "│                                                                              │",
        "└──────────────────────────────────────────────────────────────────────────────┘",
        " DB: /home/rosa/tinkuy.db │ User: rosa (Registrar) │ Language: English          ",
        " Enter Open  / Search  f Filters  n New household  i Import  ? Help  q Quit     ",
    ]);
}

fn member(id: i64, dni: &str, name: [&str; 3], age: Option<u32>, sex: Option<&str>) -> Member {
    Member {
        id,
        dni: dni.into(),
        name: format!("{} {}, {}", name[0], name[1], name[2]),
        paternal: name[0].into(),
        maternal: Some(name[1].into()),
        given: name[2].into(),
        birth_date: None,
        age,
        sex: sex.map(str::to_string),
        pregnant: false,
        version: 1,
    }
}

fn enrolment(
    id: i64,
    programme: [&str; 2],
    dates: [Option<&str>; 2],
    money: Option<i64>,
) -> EnrolmentRow {
    EnrolmentRow {
        id,
        person_id: Some(2),
        person_name: Some("María Eulogia Quispe".into()),
        programme: programme[0].into(),
        programme_name: programme[1].into(),
        ladder_step: None,
        activity: Some("semillas".into()).filter(|_| programme[0] == "AGRORURAL"),
        amount_cents: money,
        start_date: dates[0].unwrap_or_default().into(),
        end_date: dates[1].map(str::to_string),
        end_reason: dates[1].map(|_| "Egresó".to_string()),
        version: 1,
    }
}

/// A household of three with enrolments in three programmes and a SISFOH about to expire.
fn household() -> HouseholdView {
    let mut pregnant = member(
        2,
        "40112233",
        ["Quispe", "Huamán", "María Eulogia"],
        Some(38),
        Some("F"),
    );
    pregnant.pregnant = true;
    HouseholdView {
        household: HouseholdRow {
            id: 30_212_010_000_000_042,
            district_ubigeo: "030212".into(),
            district: "SAN ANTONIO DE CACHI".into(),
            community_id: Some(1),
            community: Some("Huantana".into()),
            community_altitude_m: Some(3650),
            altitude_m: None,
            herd_size: Some(12),
            sisfoh: Some("PE".into()),
            sisfoh_date: Some("2024-01-15".into()),
            address: None,
            version: 4,
        },
        sisfoh_validity: Some(Validity::ExpiringSoon {
            expires: NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
            days_left: 48,
        }),
        members: vec![
            member(
                1,
                "40112234",
                ["Huamán", "Taipe", "Jerónimo"],
                Some(41),
                Some("M"),
            ),
            pregnant,
            member(3, "", ["Quispe", "Huamán", "Rosa"], Some(9), None),
        ],
        enrolments: vec![
            enrolment(
                1,
                ["JUNTOS", "Juntos"],
                [Some("2022-03-01"), None],
                Some(120_000),
            ),
            enrolment(
                2,
                ["AGRORURAL", "Agrorural"],
                [Some("2025-06-10"), None],
                Some(35_050),
            ),
            enrolment(
                3,
                ["HAKU_WINAY", "Haku Wiñay"],
                [Some("2021-05-10"), Some("2024-05-09")],
                None,
            ),
        ],
        ladder: [
            StepState::Active,
            StepState::Past,
            StepState::Never,
            StepState::Never,
        ],
        history: vec![ChangeRow {
            at: "2026-03-01T10:00:00Z".into(),
            programme: "JUNTOS".into(),
            source_code: "JU-0001".into(),
            kind: "updated".into(),
            changed_fields: "[\"monto\"]".into(),
        }],
    }
}

fn household_open(lang: Lang) -> App {
    let mut app = searched(lang);
    let effects = press(&mut app, KeyCode::Enter);
    assert!(
        effects.contains(&Effect::Registry(RegistryEffect::LoadHousehold {
            actor: rosa(),
            household_id: 102
        }))
    );
    app.update(Action::Registry(RegistryResult::HouseholdLoaded {
        household_id: 102,
        result: Ok(household()),
    }));
    app
}

#[test]
fn the_household_view_tells_its_whole_situation() {
    draw(&household_open(Lang::Es))
        .backend()
        .assert_buffer_lines([
            " Tinkuy │ 1 Resumen │ 2 Padrón │ 3 Comité │ 4 CLAR │ 5 Alertas │                ",
            "┌ Hogar 03021201-42 · SAN ANTONIO DE CACHI ────────────────────────────────────┐",
            "│ Centro poblado: Huantana · 3,650 m s. n. m. · ganado: 12 cabezas             │",
            "│ SISFOH: Pobre extremo, vence el 15/01/2027 (en 48 días): pida otra evaluación│",
            "│ Escalera: Juntos [sí] → Haku Wiñay [antes] → Aliados II [no] → Crédito [no]  │",
            "│ Miembros (3)                                                                 │",
            "│   40112234  Huamán Taipe, Jerónimo               41 años  Masculino          │",
            "│   40112233  Quispe Huamán, María Eulogia         38 años  Femenino · gestante│",
            "│   —         Quispe Huamán, Rosa                   9 años  —                  │",
            "│ Afiliaciones (3)                                                             │",
            "│   Juntos     01/03/2022 – vigente     —               S/ 1,200.00  María Eul…│",
            "│   Agrorural  10/06/2025 – vigente     Semillas          S/ 350.50  María Eul…│",
            "│   Haku Wiñay 10/05/2021 – 09/05/2024  —                         —  María Eul…│",
            "│ Historial del padrón (1)                                                     │",
            "│   01/03/2026  JUNTOS JU-0001  actualizado: monto                             │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "│                                                                              │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            " BD: /home/rosa/tinkuy.db │ Usuario: rosa (Registrador) │ Idioma: Español       ",
            " Esc Volver  e Corregir  a Agregar  n Afiliar  t Terminar  ? Ayuda  q Salir     ",
        ]);
}

#[test]
fn broad_matches_come_unsorted_and_the_list_says_so() {
    let (mut app, _) = padron(Lang::Es);
    let id = search_id(&type_text(&mut app, "ma"));
    let mut page = results();
    page.unsorted = true;
    app.update(Action::Registry(RegistryResult::SearchDone {
        id,
        result: Ok(page),
    }));
    let lines: Vec<String> = text(&app).lines().map(str::to_string).collect();
    assert_eq!(
        lines[21],
        "└ Más de 2000 coincidencias, en orden de registro: escriba más para ordenar ───┘"
    );
}

#[test]
fn a_read_only_role_is_offered_no_key_that_changes_the_registry() {
    let mut app = App::new(AppConfig {
        lang: Lang::Es,
        theme: Theme::plain(),
        db_path: DB.into(),
    });
    app.update(Action::SetupChecked(Ok(true)));
    app.update(Action::Authenticated(Ok(Actor {
        role: Role::Consulta,
        ..rosa()
    })));
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Tab);
    let hints = text(&app).lines().last().unwrap_or_default().to_string();
    assert_eq!(
        hints.trim_end(),
        " Enter Abrir  / Buscar  f Filtros  ? Ayuda  F2 English  q Salir"
    );
    assert!(press(&mut app, KeyCode::Char('n')).is_empty());
    assert!(press(&mut app, KeyCode::Char('i')).is_empty());
    assert!(!text(&app).contains("Importar un padrón"));
}

#[test]
fn a_marked_ended_enrolment_says_why_it_ended() {
    let mut app = household_open(Lang::Es);
    for _ in 0..5 {
        press(&mut app, KeyCode::Down);
    }
    let lines: Vec<String> = text(&app).lines().map(str::to_string).collect();
    assert_eq!(
        lines[21],
        "└ Terminó el 09/05/2024: Egresó ───────────────────────────────────────────────┘"
    );
}

mod edits;
mod flow;
