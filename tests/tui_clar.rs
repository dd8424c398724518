//! The CLAR's screens drawn at 80×24 over a real store, driven by keys through the real
//! keymap and runner: what a clerk and a CLAR member see, the scoring form above all.

mod clar_support;
mod common;

use clar_support::*;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Style;
use ratatui::Terminal;
use std::collections::VecDeque;
use tinkuy::i18n::Lang;
use tinkuy::services::Actor;
use tinkuy::tui::action::Action;
use tinkuy::tui::app::{App, AppConfig};
use tinkuy::tui::effect::Effect;
use tinkuy::tui::runner::Runner;
use tinkuy::tui::theme::Theme;

struct Ui {
    app: App,
    runner: Runner,
    _dir: tempfile::TempDir,
}

impl Ui {
    /// Signs `actor` in over the scenario's store, as the login screen would.
    fn new(s: Scenario, actor: Actor, lang: Lang) -> Ui {
        let mut app = App::new(AppConfig {
            lang,
            theme: Theme::plain(),
            db_path: "/home/rosa/tinkuy.db".into(),
        });
        app.update(Action::SetupChecked(Ok(true)));
        let effects = app.update(Action::Authenticated(Ok(actor)));
        let mut ui = Ui {
            app,
            runner: Runner::new(s.store, None),
            _dir: s.dir,
        };
        ui.pump(effects);
        ui
    }

    fn pump(&mut self, effects: Vec<Effect>) {
        let mut pending: VecDeque<Effect> = effects.into();
        while let Some(effect) = pending.pop_front() {
            if let Some(result) = self.runner.run(effect) {
                pending.extend(self.app.update(result));
            }
        }
    }

    fn key(&mut self, code: KeyCode) -> &mut Ui {
        let event = KeyEvent::new(code, KeyModifiers::NONE);
        let effects = match self.app.action_for_key(&event) {
            Some(action) => self.app.update(action),
            None => Vec::new(),
        };
        self.pump(effects);
        self
    }

    fn keys(&mut self, text: &str) -> &mut Ui {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
        self
    }

    fn screen(&self) -> Vec<String> {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|frame| {
                tinkuy::tui::render(&self.app, frame);
                let area = frame.area();
                frame.buffer_mut().set_style(area, Style::reset());
            })
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..24)
            .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect())
            .collect()
    }
}

fn contains(screen: &[String], text: &str) -> bool {
    screen.iter().any(|line| line.contains(text))
}

fn assert_shows(ui: &Ui, text: &str) {
    let screen = ui.screen();
    assert!(
        contains(&screen, text),
        "{text:?} not on screen:\n{}",
        screen.join("\n")
    );
}

/// A CLAR member in today's session, on the scoring form of the first proposal.
fn on_the_scoring_form(lang: Lang) -> Ui {
    let s = in_session();
    let member = s.members[0].0.clone();
    let mut ui = Ui::new(s, member, lang);
    ui.key(KeyCode::Enter).key(KeyCode::Enter);
    ui
}

#[test]
fn the_scoring_form_is_large_and_plain_at_80_by_24() {
    let mut ui = on_the_scoring_form(Lang::Es);
    ui.keys("18").key(KeyCode::Down).keys("13");
    assert_eq!(
        ui.screen(),
        [
            " Tinkuy │ 1 Calificar │                                                         ",
            " Calificar: Crianza de cuyes mejorados                                          ",
            " Asociación de Productores Agropecuarios Huantana · 12 socios                   ",
            " Aporte del programa: S/ 63,000.00 · Total S/ 90,000.00                         ",
            "                                                                                ",
            "┌ Criterios ───────────────────────────────────────────────────────────────────┐",
            "│Evaluación de campo                                                           │",
            "│  Participación de las familias                                  [ 18 ] de 20 │",
            "│▶ La organización                                                [ 13 ] de 15 │",
            "│  Coherencia del plan                                            [    ] de 15 │",
            "│Presentación pública                                                          │",
            "│  Claridad de la exposición                                      [    ] de 25 │",
            "│  Dominio del negocio y respuestas al CLAR                       [    ] de 25 │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            " Total: 31 de 100                                                               ",
            " Escriba el puntaje · ↑↓ criterio · +/- ajustan · Enter guarda · Esc vuelve     ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            " BD: /home/rosa/tinkuy.db │ Usuario: clar1 (Miembro del CLAR) │ Idioma: Español ",
            " ↑↓ Campo  Enter Guardar  Esc Volver  F1 Ayuda  F2 English                      ",
        ]
    );
}

#[test]
fn the_scoring_form_in_english() {
    let ui = on_the_scoring_form(Lang::En);
    assert_shows(&ui, " Scoring: Crianza de cuyes mejorados");
    assert_shows(&ui, "│Field evaluation");
    assert_shows(&ui, "│▶ Family participation");
    assert_shows(&ui, "] out of 20");
    assert_shows(
        &ui,
        " Type the points · ↑↓ criterion · +/- adjust · Enter saves · Esc goes back",
    );
}

#[test]
fn scores_typed_and_saved_mark_the_proposal_done() {
    let mut ui = on_the_scoring_form(Lang::Es);
    ui.keys("18")
        .key(KeyCode::Down)
        .keys("13")
        .key(KeyCode::Tab)
        .keys("14");
    ui.key(KeyCode::Down)
        .keys("22")
        .key(KeyCode::Down)
        .keys("2")
        .key(KeyCode::Char('+'));
    assert_shows(&ui, "[ 3  ] de 25");
    ui.key(KeyCode::Backspace).keys("21").key(KeyCode::Enter);
    assert_shows(
        &ui,
        "│Crianza de cuyes mejorados    Asociación de Produ     12  63,000.00 ✓ listo",
    );
    assert_shows(&ui, " Calificación guardada.");
    // Opening it again shows what was saved, ready to correct.
    ui.key(KeyCode::Enter);
    assert_shows(
        &ui,
        "│▶ Participación de las familias                                  [ 18 ] de 20",
    );
    assert_shows(&ui, " Total: 88 de 100");
}

#[test]
fn a_score_above_the_maximum_is_caught_on_the_form_and_nothing_is_saved() {
    let mut ui = on_the_scoring_form(Lang::Es);
    ui.keys("21").key(KeyCode::Enter);
    assert_shows(
        &ui,
        " 21 puntos supera el máximo de 20 de este criterio; no se guardó nada.",
    );
    assert_shows(&ui, " Calificar: Crianza de cuyes mejorados");
    ui.key(KeyCode::Esc);
    assert_shows(&ui, "63,000.00 0 de 5");
}

#[test]
fn a_member_with_a_conflict_cannot_open_the_form_and_can_declare_one() {
    let s = in_session();
    let nilda = s.members[2].0.clone();
    let mut ui = Ui::new(s, nilda, Lang::Es);
    ui.key(KeyCode::Enter).key(KeyCode::Down);
    assert_shows(
        &ui,
        "│Engorde de truchas en jaulas  Asociación de Truch     12  56,000.00 Conflicto",
    );
    ui.key(KeyCode::Enter);
    assert_shows(
        &ui,
        " Usted tiene un conflicto de interés con esta propuesta y no puede calificarla.",
    );
    ui.key(KeyCode::Up).key(KeyCode::Char('d'));
    assert_shows(&ui, "┌ Declarar conflicto de interés");
    assert_shows(&ui, "│▶ Soy socio de la asociación");
    assert_shows(&ui, " ↑↓ Fila  Enter Declarar  Esc Volver");
    ui.key(KeyCode::Down).key(KeyCode::Enter);
    assert_shows(
        &ui,
        " Conflicto de interés registrado: no calificará esa propuesta.",
    );
    assert_shows(
        &ui,
        "│Crianza de cuyes mejorados    Asociación de Produ     12  63,000.00 Conflicto",
    );
}

#[test]
fn a_clar_member_sees_only_the_scoring_tab() {
    let s = in_session();
    let member = s.members[0].0.clone();
    let mut ui = Ui::new(s, member, Lang::Es);
    let screen = ui.screen();
    assert_eq!(screen[0].trim_end(), " Tinkuy │ 1 Calificar │");
    assert!(!contains(&screen, "Resumen"));
    ui.key(KeyCode::Char('2'));
    assert_eq!(ui.screen(), screen, "no second tab to go to");
    ui.key(KeyCode::Char('3'));
    assert_eq!(ui.screen(), screen, "no committee tab to go to");
    ui.key(KeyCode::Char('4'));
    assert_eq!(ui.screen(), screen, "no staff CLAR tab to go to");
    ui.key(KeyCode::Char('?'));
    assert_shows(
        &ui,
        "Calificar: sus sesiones del CLAR y las propuestas por calificar",
    );
}

#[test]
fn the_session_screen_shows_progress_not_scores_until_it_is_closed() {
    let s = scored();
    let clerk = s.clerk.clone();
    let mut ui = Ui::new(s, clerk, Lang::Es);
    ui.key(KeyCode::Char('4'))
        .key(KeyCode::Char('s'))
        .key(KeyCode::Enter);
    let screen = ui.screen();
    assert_eq!(
        screen[1..9],
        [
            " Acta N° 1-2026 · 2026-05-14 · Local comunal de San Antonio de Cachi · Abierta  ",
            " Calificaciones: 35 de 35 (100 %)                                               ",
            " Calificaciones   Asistencia   Conflictos                                       ",
            "┌ Calificaciones ───────────────────────────────────────────────────────── 1/3 ┐",
            "│Propuesta                                                  JQC     NCÑ     THP│",
            "│Crianza de cuyes mejorados                                 5/5     5/5     5/5│",
            "│Engorde de truchas en jaulas                               5/5       —     5/5│",
            "│Quinua orgánica para el mercado                            5/5     5/5       —│",
        ]
    );
    assert_shows(
        &ui,
        " JQC Juana Quispe Ccori · NCÑ Nilda Condori Ñahui · THP Teodoro Huamán Pillaca",
    );
    ui.key(KeyCode::Char('c'));
    assert_shows(
        &ui,
        "¿Cerrar la sesión? Después nadie podrá cambiar calificaciones y",
    );
    ui.key(KeyCode::Char('s'));
    assert_shows(
        &ui,
        "│Crianza de cuyes mejorados                              88.000  92.000  82.000│",
    );
    assert_shows(
        &ui,
        " Sesión cerrada. Ya puede ver el orden de mérito (tecla o).",
    );
}

#[test]
fn closing_too_early_says_who_has_not_scored_what() {
    let s = in_session();
    let clerk = s.clerk.clone();
    let mut ui = Ui::new(s, clerk, Lang::Es);
    ui.key(KeyCode::Char('4'))
        .key(KeyCode::Char('s'))
        .key(KeyCode::Enter);
    assert_shows(&ui, " Calificaciones: 0 de 35 (0 %)");
    ui.key(KeyCode::Char('c')).key(KeyCode::Char('s'));
    assert_shows(
        &ui,
        " No se puede cerrar la sesión: faltan calificaciones. «Crianza de cuyes",
    );
    assert_shows(&ui, "· Abierta");
}

#[test]
fn attendance_and_conflicts_have_their_panels() {
    let s = in_session();
    let clerk = s.clerk.clone();
    let mut ui = Ui::new(s, clerk, Lang::Es);
    ui.key(KeyCode::Char('4'))
        .key(KeyCode::Char('s'))
        .key(KeyCode::Enter)
        .key(KeyCode::Tab);
    assert_shows(
        &ui,
        "│Teodoro Huamán Pillaca      Comunidad Campesina de Huantana           Sí      │",
    );
    ui.key(KeyCode::Down)
        .key(KeyCode::Down)
        .key(KeyCode::Char(' '));
    assert_shows(
        &ui,
        "│Teodoro Huamán Pillaca      Comunidad Campesina de Huantana           No      │",
    );
    assert_shows(&ui, " Calificaciones: 0 de 25 (0 %)");
    ui.key(KeyCode::Tab);
    assert_shows(
        &ui,
        "│Nilda Condori Ñahui   Engorde de truchas en Detectado    su DNI figura en la l│",
    );
}

#[test]
fn ranking_and_award_from_the_screen() {
    let mut s = scored();
    let version = session_version(&s);
    tinkuy::services::clar::session::close_session(&mut s.store, &s.clerk, s.session_id, version)
        .unwrap();
    let clerk = s.clerk.clone();
    let mut ui = Ui::new(s, clerk, Lang::Es);
    ui.key(KeyCode::Char('4'))
        .key(KeyCode::Char('s'))
        .key(KeyCode::Enter)
        .key(KeyCode::Char('o'));
    assert_eq!(
        ui.screen()[1..12],
        [
            " Acta N° 1-2026 · Concurso de planes de negocio 2026 – Cachi                    ",
            "┌ Orden de mérito ─────────────────────────────────────────────────────────────┐",
            "│ N° Propuesta                          Puntaje     Programa Resultado         │",
            "│  1 Engorde de truchas en jaulas        95.500    56,000.00 Financiada        │",
            "│  2 Crianza de cuyes mejorados          87.333    63,000.00 No alcanza        │",
            "│  3 Quinua orgánica para el mercado     78.000    42,000.00 Financiada        │",
            "└──────────────────────────────────────────────────────────────────────────────┘",
            " Fondo disponible: S/ 110,000.00                                                ",
            " Asignado: S/ 98,000.00                                                         ",
            " Saldo: S/ 12,000.00                                                            ",
            " Aún no adjudicado: pulse a para adjudicar.                                     ",
        ]
    );
    // The question comes first, with "no" chosen: Enter by habit awards nothing.
    ui.key(KeyCode::Char('a')).key(KeyCode::Enter);
    assert_shows(&ui, " Aún no adjudicado: pulse a para adjudicar.");
    ui.key(KeyCode::Char('a')).key(KeyCode::Char('s'));
    assert_shows(&ui, " Resultados adjudicados.");
    assert_shows(&ui, " Fondo adjudicado según el orden de mérito.");
}

#[test]
fn the_budget_editor_checks_the_call_rules_as_amounts_are_typed() {
    let mut s = open_call();
    let draft = tinkuy::services::clar::proposals::ProposalDraft {
        association_id: s.associations[0],
        title: "Planta de quesos".into(),
        product: "Quesos".into(),
        description: None,
        lines: plan_budget([(80_000, 40_000), (12_000, 5_000), (7_000, 3_000)]),
    };
    let clerk = s.clerk.clone();
    tinkuy::services::clar::proposals::create_proposal(&mut s.store, &clerk, s.call_id, &draft)
        .unwrap();
    let mut ui = Ui::new(s, clerk, Lang::Es);
    ui.key(KeyCode::Char('4'))
        .key(KeyCode::Enter)
        .key(KeyCode::Enter);
    assert_shows(&ui, " Planta de quesos  [Borrador]");
    assert_shows(&ui, "✓ Cumple las reglas de la convocatoria.");
    ui.key(KeyCode::Char('e'));
    assert_shows(
        &ui,
        "│Materiales y activos Galpón y equipos              80,000.00     40,000.00    │",
    );
    // One céntimo more on the materials: S/ 99,000.01 in all.
    ui.key(KeyCode::End).key(KeyCode::Backspace).keys("1");
    assert_shows(
        &ui,
        " ✗ La parte del programa (S/ 99,000.01) supera el tope de la convocatoria (S/",
    );
    assert_shows(&ui, "99,000.00) en S/ 0.01.");
    ui.keys("x");
    assert_shows(&ui, "✗ Línea 1: El monto «80,000.01x» tiene letras");
    ui.key(KeyCode::Backspace).key(KeyCode::Enter);
    assert_shows(&ui, " Presupuesto guardado.");
    ui.key(KeyCode::Char('p'));
    assert_shows(
        &ui,
        " La propuesta no cumple la convocatoria y no se presentó. La parte del programa",
    );
    assert_shows(&ui, " Planta de quesos  [Borrador]");
}

#[test]
fn the_help_overlay_lists_the_scoring_keys() {
    let mut ui = on_the_scoring_form(Lang::Es);
    ui.key(KeyCode::F(1));
    assert_shows(&ui, "Un punto más");
    assert_shows(&ui, "Volver sin guardar");
    ui.key(KeyCode::Esc);
    assert_shows(&ui, " Calificar: Crianza de cuyes mejorados");
}
