//! The committee area as a coordinator sees it: a real store with three meetings, keys
//! through the keymap, effects through the real runner, screens drawn at 80×24.
#![allow(dead_code)] // the shared fixture offers more than these tests use

#[path = "common/mod.rs"]
mod common;
#[path = "committee/fixture.rs"]
mod fixture;

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::collections::VecDeque;
use tinkuy::i18n::Lang;
use tinkuy::tui::action::Action;
use tinkuy::tui::app::{App, AppConfig};
use tinkuy::tui::effect::Effect;
use tinkuy::tui::runner::Runner;
use tinkuy::tui::theme::Theme;

struct Session {
    app: App,
    runner: Runner,
    dir: tempfile::TempDir,
}

impl Session {
    /// A coordinator signed in over the fixture's three meetings and a planned April one,
    /// with the committee area open.
    fn open(lang: Lang) -> Session {
        let mut f = fixture::three_meetings();
        f.setup.meeting("2026-04-07");
        let fixture::Setup {
            store,
            coordinator,
            _dir,
            ..
        } = f.setup;
        let mut session = Session {
            app: App::new(AppConfig {
                lang,
                theme: Theme::plain(),
                db_path: "/datos/tinkuy.db".into(),
            }),
            runner: Runner::new(store, None),
            dir: _dir,
        };
        session.app.update(Action::SetupChecked(Ok(true)));
        let effects = session.app.update(Action::Authenticated(Ok(coordinator)));
        session.pump(effects);
        session.press(KeyCode::Char('3'));
        session
    }

    fn pump(&mut self, effects: Vec<Effect>) {
        let mut pending: VecDeque<Effect> = effects.into();
        while let Some(effect) = pending.pop_front() {
            if let Some(result) = self.runner.run(effect) {
                pending.extend(self.app.update(result));
            }
        }
    }

    fn key(&mut self, key: KeyEvent) {
        let effects = match self.app.action_for_key(&key) {
            Some(action) => self.app.update(action),
            None => Vec::new(),
        };
        self.pump(effects);
    }

    fn press(&mut self, code: KeyCode) {
        self.key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    fn ctrl(&mut self, c: char) {
        self.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    fn lines(&self) -> Vec<String> {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|frame| tinkuy::tui::render(&self.app, frame))
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..24)
            .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>())
            .collect()
    }

    fn screen(&self) -> String {
        self.lines().join("\n")
    }
}

/// Opens the March meeting (second in the list: April is upcoming).
fn march(lang: Lang) -> Session {
    let mut s = Session::open(lang);
    s.press(KeyCode::Down);
    s.press(KeyCode::Enter);
    s
}

#[test]
fn the_meetings_list_shows_upcoming_then_past_meetings() {
    let s = Session::open(Lang::Es);
    let lines = s.lines();
    assert_eq!(
        lines[..9],
        [
            " Tinkuy │ 1 Resumen │ 2 Padrón │ 3 Comité │ 4 CLAR │ 5 Alertas │                ",
            "┌ Reuniones del comité · Comité Multisectorial de San Antonio de Cachi ────────┐",
            "│             Fecha      Hora  Estado     Acuerdos   Lugar                     │",
            "│Próximas                                                                      │",
            "│03021201-20  2026-04-07 09:00 programada          0 Local comunal de San Anton│",
            "│Pasadas                                                                       │",
            "│03021201-13  2026-03-03 09:00 realizada           2 Local comunal de San Anton│",
            "│03021201-8   2026-02-03 09:00 realizada           1 Local comunal de San Anton│",
            "│03021201-4   2026-01-06 09:00 realizada           3 Local comunal de San Anton│",
        ]
    );
    assert_eq!(
        lines[23],
        " ↑↓ Fila  Enter Abrir  n Nuevo  v Pendientes  ? Ayuda  F2 English  q Salir      "
    );
}

#[test]
fn the_meeting_editor_opens_on_its_agenda_with_follow_ups_first() {
    let s = march(Lang::Es);
    let expected = [
        " Tinkuy │ 1 Resumen │ 2 Padrón │ 3 Comité │ 4 CLAR │ 5 Alertas │                ",
        " Reunión 03021201-13 · 2026-03-03 09:00 · realizada · Local comunal de San Anton",
        " │ Agenda │ Asistencia │ Acta │ Acuerdos │                                      ",
        "┌ Agenda ──────────────────────────────────────────────────────────────────────┐",
        "│#  Hora  Tema                                                Presenta         │",
        "│1        ↻ Campaña de sanidad animal en Huantana y Chullisan Agrorural (MIDAGR│",
        "│2        ↻ Presentar el plan de riego tecnificado de Champac Municipalidad Dis│",
        "│3        ↻ Charlas de nutrición en las escuelas de Poltocha  Centro de Salud (│",
        "│4  10:15 ⚑2 Cruces de datos: doble financiamiento y asistenc FONCODES – Haku W│",
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
        " Vence: 2026-02-15                                                              ",
        " Estado: pendiente, VENCIDO hace 16 días                                        ",
        "                                                                                ",
        " BD: /datos/tinkuy.db │ Usuario: coord (Coordinador) │ Idioma: Español          ",
        " ←→ Pestaña  ↑↓ Fila  Enter Editar  n Nuevo  e Acta  ? Ayuda  q Salir           ",
    ];
    assert_eq!(s.lines(), expected);
}

#[test]
fn the_agenda_marks_items_with_flags_and_lists_them_under_the_table() {
    let mut s = march(Lang::Es);
    s.press(KeyCode::End);
    let lines = s.lines();
    assert_eq!(
        lines[8],
        "│4  10:15 ⚑2 Cruces de datos: doble financiamiento y asistenc FONCODES – Haku W│"
    );
    assert_eq!(
        lines[19],
        " ⚑ 03021201-9001: doble financiamiento (alta, abierta)                          "
    );
    assert_eq!(
        lines[20],
        " ⚑ 03021201-9002: misma actividad, dos instituciones (media, abierta)           "
    );
}

#[test]
fn attendance_in_english_with_the_quorum_in_the_frame() {
    let mut s = march(Lang::En);
    s.press(KeyCode::Right);
    let expected = [
        " Tinkuy │ 1 Overview │ 2 Registry │ 3 Committee │ 4 CLAR │ 5 Alerts │           ",
        " Meeting 03021201-13 · 2026-03-03 09:00 · held · Local comunal de San Antonio de",
        " │ Agenda │ Attendance │ Minutes │ Agreements │                                 ",
        "┌ 5 of 7 agencies present; quorum reached (4 needed) ──────────────────────────┐",
        "│Agency                                 Status        Who came                 │",
        "│Agrorural (MIDAGRI)                    present       Juan Quispe              │",
        "│Centro de Salud (MINSA)                present                                │",
        "│Dirección Regional Agraria (Gobierno R excused                                │",
        "│FONCODES – Haku Wiñay (MIDIS)          present       Rosa Huamán              │",
        "│Municipalidad Distrital                present       Alcalde Pedro Soto       │",
        "│Municipalidad Provincial               absent                                 │",
        "│Programa Juntos (MIDIS)                present       Elena Ccori              │",
    ];
    assert_eq!(s.lines()[..12], expected);
    assert_eq!(
        s.lines()[23],
        " ←→ Tab  ↑↓ Row  p Present  a Absent  j Excused  e Minutes  ? Help  q Quit      "
    );
}

#[test]
fn marking_an_absent_agency_present_updates_the_quorum() {
    let mut s = march(Lang::Es);
    s.press(KeyCode::Right);
    for _ in 0..5 {
        s.press(KeyCode::Down);
    }
    s.press(KeyCode::Char('p'));
    let lines = s.lines();
    assert!(
        lines[3].starts_with("┌ 6 de 7 instituciones presentes; con quórum (se necesitan 4) "),
        "{}",
        lines[3]
    );
    assert!(
        lines[10].starts_with("│Municipalidad Provincial               presente"),
        "{}",
        lines[10]
    );
    assert!(
        lines[21].starts_with(" Asistencia registrada"),
        "{}",
        lines[21]
    );
}
/// The notes of agenda item `position` of the March meeting, read from another connection.
fn stored_item_notes(s: &Session, position: i64) -> String {
    let store = tinkuy::store::Store::open(&s.dir.path().join("t.db")).unwrap();
    let admin =
        tinkuy::services::auth::authenticate(&store, "admin", common::ADMIN_PASSWORD).unwrap();
    let list = tinkuy::services::committee::meetings::list_meetings(&store, &admin, {
        tinkuy::services::committee::committees::current_committee(&store, &admin)
            .unwrap()
            .id
    })
    .unwrap();
    let march = list.iter().find(|m| m.held_on == "2026-03-03").unwrap();
    tinkuy::services::committee::agenda::find_item(&store, &admin, march.id, position)
        .unwrap()
        .notes
}

#[test]
fn notes_are_written_in_the_minutes_tab_and_saved_with_ctrl_s() {
    let mut s = march(Lang::Es);
    s.press(KeyCode::Right);
    s.press(KeyCode::Right);
    s.press(KeyCode::End);
    s.press(KeyCode::Enter);
    s.type_text(" Se acordó visitar.");
    s.press(KeyCode::Enter);
    s.type_text("Segunda línea");
    let lines = s.lines();
    assert!(
        lines[3].starts_with("┌ Editando · 4. Cruces de datos"),
        "{}",
        lines[3]
    );
    assert_eq!(
        lines[5],
        "│Se revisará en campo. Se acordó visitar.                                      │"
    );
    assert_eq!(
        lines[6],
        "│Segunda línea                                                                 │"
    );
    assert_eq!(
        lines[23],
        " Ctrl+S Guardar  Esc Cancelar  F1 Ayuda  F2 English                             "
    );
    s.ctrl('s');
    assert_eq!(
        stored_item_notes(&s, 4),
        "FONCODES y Aliados II financian a la misma asociación de cuyes.\nSe revisará en campo. Se acordó visitar.\nSegunda línea"
    );
    let lines = s.lines();
    assert!(
        lines[3].starts_with("┌ Acta "),
        "back to the tab: {}",
        lines[3]
    );
    assert!(lines[21].starts_with(" Notas guardadas"), "{}", lines[21]);
}

#[test]
fn esc_with_unsaved_notes_asks_once_and_ctrl_c_asks_before_quitting() {
    let mut s = march(Lang::Es);
    s.press(KeyCode::Enter);
    s.type_text("borrador");
    s.press(KeyCode::Esc);
    assert!(s.lines()[18]
        .starts_with("Hay cambios sin guardar: Ctrl+S los guarda; Esc otra vez los descarta."));
    s.ctrl('c');
    assert!(
        s.screen().contains("¿Salir de todos modos?"),
        "{}",
        s.screen()
    );
    s.press(KeyCode::Char('n'));
    s.press(KeyCode::Esc);
    assert!(
        s.lines()[3].starts_with("┌ Agenda "),
        "the draft was discarded: {}",
        s.lines()[3]
    );
}

#[test]
fn two_coordinators_on_the_same_notes_keep_both_texts() {
    let mut s = march(Lang::Es);
    s.press(KeyCode::End);
    s.press(KeyCode::Enter);
    s.type_text(" (texto de Ana)");
    // Meanwhile another coordinator saves the same item from another computer.
    {
        let mut store = tinkuy::store::Store::open(&s.dir.path().join("t.db")).unwrap();
        let admin =
            tinkuy::services::auth::authenticate(&store, "admin", common::ADMIN_PASSWORD).unwrap();
        let committee =
            tinkuy::services::committee::committees::current_committee(&store, &admin).unwrap();
        let meetings =
            tinkuy::services::committee::meetings::list_meetings(&store, &admin, committee.id)
                .unwrap();
        let march = meetings.iter().find(|m| m.held_on == "2026-03-03").unwrap();
        let item =
            tinkuy::services::committee::agenda::find_item(&store, &admin, march.id, 4).unwrap();
        tinkuy::services::committee::minutes::save_item_notes(
            &mut store,
            &admin,
            item.id,
            item.version,
            "Texto de Luis.",
        )
        .unwrap();
    }
    s.ctrl('s');
    let screen = s.screen();
    assert!(
        screen.contains("Otra persona guardó estas notas mientras usted escribía."),
        "{screen}"
    );
    assert!(
        screen.contains("Guardado por la otra persona: Texto de Luis."),
        "{screen}"
    );
    assert!(
        screen.contains("Se revisará en campo. (texto de Ana)"),
        "her text is still in the editor: {screen}"
    );
    assert_eq!(
        stored_item_notes(&s, 4),
        "Texto de Luis.",
        "nothing was overwritten"
    );
    // Having seen both, she saves hers over it.
    s.ctrl('s');
    assert!(stored_item_notes(&s, 4).ends_with("Se revisará en campo. (texto de Ana)"));
}

#[test]
fn an_agreement_without_an_owner_is_refused_in_the_form_and_nothing_typed_is_lost() {
    let mut s = march(Lang::Es);
    for _ in 0..3 {
        s.press(KeyCode::Right);
    }
    s.press(KeyCode::Char('n'));
    s.type_text("Informe de padrones");
    s.press(KeyCode::Enter);
    s.press(KeyCode::Enter);
    s.type_text("30/04/2026");
    s.press(KeyCode::Enter);
    let screen = s.screen();
    assert!(
        screen.contains("Todo acuerdo necesita una institución responsable: indique su"),
        "{screen}"
    );
    assert!(
        screen.contains("│Acuerdo      Informe de padrones"),
        "{screen}"
    );
    assert!(screen.contains("│Vence        30/04/2026"), "{screen}");
    s.press(KeyCode::Up);
    s.type_text("juntos");
    s.press(KeyCode::Enter);
    s.press(KeyCode::Enter);
    let lines = s.lines();
    assert!(
        lines[21].starts_with(" Acuerdo registrado: 03021201-"),
        "{}",
        lines[21]
    );
    let screen = s.screen();
    assert!(
        screen.contains(
            "│Informe de padrones           JUNTOS     2026-04-30 pendiente                 │"
        ),
        "{screen}"
    );
}

#[test]
fn an_agreement_is_marked_done_and_dropped_with_a_reason() {
    let mut s = march(Lang::Es);
    for _ in 0..3 {
        s.press(KeyCode::Right);
    }
    s.press(KeyCode::Char('d'));
    assert!(
        s.screen()
            .contains("FONCODES   2026-03-20 cumplido 2026-03-10"),
        "{}",
        s.screen()
    );
    s.press(KeyCode::Down);
    s.press(KeyCode::Char('b'));
    s.press(KeyCode::Enter);
    assert!(
        s.screen().contains("Para desestimar un acuerdo"),
        "{}",
        s.screen()
    );
    s.type_text("La DRA no asistirá");
    s.press(KeyCode::Enter);
    let screen = s.screen();
    assert!(
        screen.contains("AGRORURAL  2026-04-07 desestimado 2026-03-10"),
        "{screen}"
    );
    assert!(
        screen.contains("Acordado el 2026-03-03 · desestimado el 2026-03-10: La DRA"),
        "{screen}"
    );
}

#[test]
fn the_pending_view_groups_agreements_by_agency_with_overdue_ones_marked() {
    let mut s = Session::open(Lang::Es);
    s.press(KeyCode::Char('v'));
    let lines = s.lines();
    assert_eq!(
        lines[1..9],
        [
            "┌ Acuerdos pendientes por institución · al 2026-03-10 · 4 pendientes, 1 vencido┐",
            "│Agrorural (MIDAGRI) · 2 pendientes, 1 vencido                                 │",
            "│  2026-02-15  VENCIDO hace 23 días · Campaña de sanidad animal en Huantana y C│",
            "│  2026-04-07  Acordar con la DRA un solo calendario de asistencia técnica     │",
            "│FONCODES – Haku Wiñay (MIDIS) · 1 pendiente, 0 vencidos                       │",
            "│  2026-03-20  Visita conjunta a la asociación de cuyes de Huantana            │",
            "│Municipalidad Distrital · 1 pendiente, 0 vencidos                             │",
            "│  2026-03-31  Presentar el plan de riego tecnificado de Champacocha           │",
        ]
    );
    s.press(KeyCode::Esc);
    assert!(s.lines()[1].starts_with("┌ Reuniones del comité"));
}

#[test]
fn the_minutes_preview_switches_format_and_saves_to_a_file() {
    let mut s = march(Lang::Es);
    s.press(KeyCode::Char('e'));
    let lines = s.lines();
    assert_eq!(
        lines[3],
        "┌ Vista previa del acta · Formato: txt · 2215 bytes ───────────────────────────┐"
    );
    assert_eq!(
        lines[4],
        "│ACTA DE REUNIÓN DEL COMITÉ MULTISECTORIAL                                     │"
    );
    s.press(KeyCode::Char('f'));
    assert!(s.lines()[4].starts_with("│# Acta de reunión del comité multisectorial"));
    s.press(KeyCode::Char('f'));
    assert!(s.lines()[4].starts_with("│<!DOCTYPE html>"));
    s.press(KeyCode::Char('s'));
    assert!(
        s.screen().contains("│Archivo      acta-2026-03-03.html"),
        "{}",
        s.screen()
    );
    // A folder that does not exist: said plainly, and the form stays.
    for _ in 0.."acta-2026-03-03.html".len() {
        s.press(KeyCode::Backspace);
    }
    let missing = s.dir.path().join("no-existe").join("acta.html");
    s.type_text(missing.to_str().unwrap());
    s.press(KeyCode::Enter);
    assert!(s.screen().contains("la carpeta no"), "{}", s.screen());
    for _ in 0..missing.to_str().unwrap().chars().count() {
        s.press(KeyCode::Backspace);
    }
    let target = s.dir.path().join("acta.html");
    s.type_text(target.to_str().unwrap());
    s.press(KeyCode::Enter);
    let written = std::fs::read_to_string(&target).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>\n<html lang=\"es\">"));
    assert!(
        s.lines()[21].starts_with(" Archivo escrito: "),
        "{}",
        s.lines()[21]
    );
}

#[test]
fn a_new_meeting_is_planned_from_the_list_and_opens_with_its_follow_ups() {
    let mut s = Session::open(Lang::Es);
    s.press(KeyCode::Char('n'));
    s.type_text("31/04/2026");
    s.press(KeyCode::Enter);
    s.type_text("09:00");
    s.press(KeyCode::Enter);
    s.type_text("Municipalidad");
    s.press(KeyCode::Enter);
    assert!(
        s.screen()
            .contains("La fecha «31/04/2026» no existe: abril de 2026 tiene"),
        "{}",
        s.screen()
    );
    s.press(KeyCode::Up);
    s.press(KeyCode::Up);
    s.press(KeyCode::Backspace);
    s.press(KeyCode::Backspace);
    s.press(KeyCode::Backspace);
    s.press(KeyCode::Backspace);
    s.press(KeyCode::Backspace);
    s.press(KeyCode::Backspace);
    s.press(KeyCode::Backspace);
    s.press(KeyCode::Backspace);
    s.press(KeyCode::Backspace);
    s.press(KeyCode::Backspace);
    s.type_text("05/05/2026");
    s.press(KeyCode::Enter);
    s.press(KeyCode::Enter);
    s.press(KeyCode::Enter);
    let lines = s.lines();
    assert!(
        lines[1].starts_with(" Reunión 03021201-")
            && lines[1].contains("2026-05-05 09:00 · programada"),
        "{}",
        lines[1]
    );
    assert!(
        lines[5].contains("↻ Campaña de sanidad animal"),
        "{}",
        lines[5]
    );
    assert!(
        lines[21].starts_with(" Reunión programada: 03021201-"),
        "{}",
        lines[21]
    );
}
