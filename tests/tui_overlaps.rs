//! The Alertas area as a registrar sees it: two rosters imported into a temporary store and a
//! scan run through the real runner (in place, or on the worker thread), keys through the
//! keymap, screens drawn at 80×24. A scan in progress is shown from its progress reports,
//! given to the app as the event loop would.

mod common;
#[path = "tui_overlaps/session.rs"]
mod session;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};
use session::{cells, column_of, persons, written, Session};
use tinkuy::i18n::Lang;
use tinkuy::services::matching::scan::ScanKind;
use tinkuy::services::overlaps::scan::ScanStep;
use tinkuy::services::progress::Progress;
use tinkuy::services::roster::{self, ImportOptions};
use tinkuy::services::Actor;
use tinkuy::store::Store;
use tinkuy::tui::action::Action;
use tinkuy::tui::effect::Effect;
use tinkuy::tui::jobs::{self, Job, ScanJob, StopFlag};
use tinkuy::tui::screens::overlaps::effects::{OverlapsEffect, OverlapsResult};
use tinkuy::tui::theme::Theme;

#[test]
fn a_scan_shows_its_figures_then_the_alerts_in_spanish() {
    let mut s = Session::scanned(Lang::Es, Theme::plain());
    let screen = s.screen();
    assert!(
        screen.contains("┌ Búsqueda completa terminada "),
        "{screen}"
    );
    for figure in [
        "│Registros revisados                    7",
        "│Pares comparados                       5",
        "│Posibles mismas personas               2",
        "│DNI en conflicto                       0",
        "│Alertas nuevas                         4",
    ] {
        assert!(screen.contains(figure), "{figure}\n{screen}");
    }
    s.press(KeyCode::Esc);
    let lines = s.lines();
    assert_eq!(
        lines[..11],
        [
            " Tinkuy │ 1 Resumen │ 2 Padrón │ 3 Comité │ 4 CLAR │ 5 Alertas │                ",
            " │ Lista │ Matriz │ Filtro: ninguno (f para filtrar)                            ",
            "┌ Alertas · página 1 ──────────────────────────────────────────────────────────┐",
            "│!!! alta   Posible misma persona                  abierta      SAN ANTONIO DE…│",
            "│   Podría ser la misma persona (puntaje 0.99): DNI con un dígito distinto, mi…│",
            "│!!  media  Posible misma persona                  abierta      SAN ANTONIO DE…│",
            "│   Podría ser la misma persona (puntaje 0.88): sin DNI en uno de los registro…│",
            "│!!  media  Cobertizo a hato grande                abierta      SAN ANTONIO DE…│",
            "│   Materiales de cobertizo de AGRORURAL para un hogar con 150 cabezas de gana…│",
            "│!!  media  Semillas bajo 3 500 m                  abierta      SAN ANTONIO DE…│",
            "│   Semillas de AGRORURAL entregadas a 3200 m de altitud; la regla es entregar…│",
        ]
    );
    assert_eq!(
        lines[23],
        " ↑↓ Fila  Enter Abrir  s Buscar  f Filtro  m Reportar  ? Ayuda  q Salir         "
    );
}

#[test]
fn the_alert_list_in_english() {
    let mut s = Session::scanned(Lang::En, Theme::plain());
    s.press(KeyCode::Enter);
    let lines = s.lines();
    assert_eq!(
        lines[1..7],
        [
            " │ List │ Matrix │ Filter: none (f to filter)                                   ",
            "┌ Alerts · page 1 ─────────────────────────────────────────────────────────────┐",
            "│!!! high   Probable same person                   open         SAN ANTONIO DE…│",
            "│   May be the same person (score 0.99): DNI one digit apart, same birth date,…│",
            "│!!  medium Probable same person                   open         SAN ANTONIO DE…│",
            "│   May be the same person (score 0.88): no DNI on one record, same birth date…│",
        ]
    );
    assert_eq!(
        lines[7],
        "│!!  medium Shed to a large herd                   open         SAN ANTONIO DE…│"
    );
}

#[test]
fn a_filter_chosen_with_arrows_shows_page_one_of_what_matches() {
    let mut s = Session::scanned(Lang::Es, Theme::plain());
    s.press(KeyCode::Esc);
    s.press(KeyCode::Char('f'));
    s.press(KeyCode::Down);
    s.press(KeyCode::Right);
    assert!(
        s.screen().contains("│Gravedad       < alta >"),
        "{}",
        s.screen()
    );
    s.press(KeyCode::Enter);
    let lines = s.lines();
    assert_eq!(
        lines[1],
        " │ Lista │ Matriz │ Filtro: alta                                                "
    );
    assert!(lines[3].starts_with("│!!! alta   Posible misma persona"));
    assert_eq!(
        lines[5],
        format!("│{}│", " ".repeat(78)),
        "only one alert is high"
    );
}

#[test]
fn a_probable_match_shows_both_records_side_by_side_with_the_differences_marked() {
    let mut s = Session::scanned(Lang::Es, Theme::plain());
    s.press(KeyCode::Esc);
    s.press(KeyCode::Enter);
    let lines = s.lines();
    assert_eq!(
        lines[2..19],
        [
            "│!!! alta · abierta                                                            │",
            "│                                                                              │",
            "│Podría ser la misma persona (puntaje 0.99): DNI con un dígito distinto, misma │",
            "│fecha de nacimiento, mismo apellido paterno, falta un segundo nombre, mismo   │",
            "│centro poblado.                                                               │",
            "│                                                                              │",
            "│                   JUNTOS · J1                   AGRORURAL · A1               │",
            "│≠ DNI              40112233                      40112283                     │",
            "│  Ap. paterno      Quispe                        QUISPE                       │",
            "│  Ap. materno      Huamán                        HUAMAN                       │",
            "│≠ Nombres          María Eulogia                 MARIA                        │",
            "│  Nacimiento       1988-04-12                    1988-04-12                   │",
            "│  Sexo             F                             F                            │",
            "│  Distrito         SAN ANTONIO DE CACHI          SAN ANTONIO DE CACHI         │",
            "│  Centro poblado   Huantana                      Huantana                     │",
            "│≠ Código hogar     H1                            F1                           │",
            "│≠ marca lo que difiere entre los dos registros.                               │",
        ]
    );
    assert_eq!(
        lines[23],
        " c Confirmar  r Rechazar  a Revisar  v Resolver  d Descartar  ? Ayuda  q Salir  "
    );
    // Without colour the differing values are reverse and bold; equal ones are plain.
    let buffer = s.buffer();
    let marked = Modifier::REVERSED | Modifier::BOLD;
    let (dni, birth) = (9u16, 13u16);
    for text in ["40112233", "40112283"] {
        let x = column_of(&lines[usize::from(dni)], text);
        for cell in cells(&buffer, x, dni, 8) {
            assert!(cell.modifier.contains(marked), "{text}: {cell:?}");
        }
    }
    let x = column_of(&lines[12], "María Eulogia");
    assert!(cells(&buffer, x, 12, 13)
        .iter()
        .all(|c| c.modifier.contains(marked)));
    for cell in cells(
        &buffer,
        column_of(&lines[usize::from(birth)], "1988"),
        birth,
        10,
    ) {
        assert!(!cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    }
    // With colour, the same cells are highlighted in yellow.
    let mut coloured = Session::scanned(Lang::Es, Theme::coloured());
    coloured.press(KeyCode::Esc);
    coloured.press(KeyCode::Enter);
    let buffer = coloured.buffer();
    let x = column_of(&lines[usize::from(dni)], "40112283");
    assert!(cells(&buffer, x, dni, 8)
        .iter()
        .all(|c| c.bg == Color::Yellow));
    let x = column_of(&lines[usize::from(birth)], "1988");
    assert!(cells(&buffer, x, birth, 10)
        .iter()
        .all(|c| c.bg != Color::Yellow));
}

#[test]
fn confirming_a_match_asks_first_merges_and_can_be_undone() {
    let mut s = Session::scanned(Lang::Es, Theme::plain());
    s.press(KeyCode::Esc);
    s.press(KeyCode::Enter);
    let before = persons(&s);
    s.press(KeyCode::Char('c'));
    let screen = s.screen();
    assert!(screen.contains("¿Son la misma persona?"), "{screen}");
    assert!(screen.contains("[ Sí, unir ]"), "{screen}");
    assert_eq!(persons(&s), before, "nothing is merged before the yes");
    s.press(KeyCode::Char('s'));
    assert_eq!(persons(&s), before - 1);
    let lines = s.lines();
    assert_eq!(lines[2], format!("│!!! alta · resuelta{}│", " ".repeat(59)));
    assert!(lines[21].starts_with(" Coincidencia confirmada: las dos personas son ahora una"));
    assert!(lines[23].contains("u Deshacer"), "{}", lines[23]);
    s.press(KeyCode::Char('u'));
    assert!(s.screen().contains("¿Deshacer la unión"));
    s.press(KeyCode::Enter);
    assert_eq!(
        persons(&s),
        before - 1,
        "Enter on the focused «No» does nothing"
    );
    s.press(KeyCode::Char('u'));
    s.press(KeyCode::Char('s'));
    assert_eq!(persons(&s), before);
    assert!(s.lines()[21].starts_with(" Unión deshecha"));
}

#[test]
fn dismissing_needs_a_reason_typed_in_the_form() {
    let mut s = Session::scanned(Lang::Es, Theme::plain());
    s.press(KeyCode::Esc);
    s.press(KeyCode::Down);
    s.press(KeyCode::Down);
    s.press(KeyCode::Enter);
    assert!(s.lines()[1].contains("Cobertizo a hato grande"));
    s.press(KeyCode::Char('d'));
    s.press(KeyCode::Enter);
    let screen = s.screen();
    assert!(screen.contains("Descartar la alerta"), "{screen}");
    assert!(screen.contains("Escriba este dato."), "{screen}");
    s.type_text("Cobertizo comunal");
    s.press(KeyCode::Enter);
    let lines = s.lines();
    assert_eq!(lines[21], format!(" Alerta descartada.{}", " ".repeat(61)));
    assert!(
        lines[2].starts_with("│!!  media · descartada"),
        "{}",
        lines[2]
    );
    assert!(s
        .screen()
        .contains("admin: abierta → descartada «Cobertizo comunal»"));
}

#[test]
fn a_misuse_report_is_a_high_alert_at_the_top_at_once() {
    let mut s = Session::scanned(Lang::Es, Theme::plain());
    s.press(KeyCode::Esc);
    s.press(KeyCode::Char('m'));
    for _ in 0..4 {
        s.press(KeyCode::Down);
    }
    s.press(KeyCode::Enter);
    let screen = s.screen();
    assert!(screen.contains("Elija una opción."), "{screen}");
    assert!(screen.contains("Escriba este dato."), "{screen}");
    assert!(screen.contains("Corrija lo marcado."), "{screen}");
    // The focus went back to the first problem, the agency; a letter finds it.
    s.type_text("S");
    assert!(s.screen().contains("< SALUD – "), "{}", s.screen());
    s.press(KeyCode::Enter);
    s.type_text("faena comunal");
    s.press(KeyCode::Enter);
    s.type_text("Dijeron en la posta que quitarían Juntos a quien no vaya");
    for _ in 0..3 {
        s.press(KeyCode::Enter);
    }
    let lines = s.lines();
    assert!(
        lines[3].starts_with("│!!! alta   Mal uso de Juntos"),
        "{}",
        s.screen()
    );
    assert!(lines[4].contains("SALUD amenazó con suspender la transferencia"));
    assert!(lines[21].starts_with(" Reporte guardado"));
}

#[test]
fn the_matrix_counts_shared_households_and_opens_them() {
    let mut s = Session::scanned(Lang::Es, Theme::plain());
    s.press(KeyCode::Esc);
    s.press(KeyCode::Tab);
    s.press(KeyCode::Right);
    let lines = s.lines();
    assert_eq!(
        lines[3..6],
        [
            "│                HAKU_WINAY       AGRORURAL      ALIADOS_II                    │",
            "│JUNTOS               0/0 C           1/1 C           0/0 C                    │",
            "│HAKU_WINAY                           0/0 R           0/0 R                    │",
        ]
    );
    assert!(lines[8]
        .starts_with("│JUNTOS × AGRORURAL: en ambos, hogares 1 y personas 1 — complementario."));
    s.press(KeyCode::Enter);
    let lines = s.lines();
    assert!(lines[2].starts_with("┌ Hogares en JUNTOS y AGRORURAL · página 1 "));
    assert!(
        lines[4].contains("Huantana        Juan Mamani"),
        "{}",
        lines[4]
    );
}

#[test]
fn a_read_only_user_reads_alerts_but_has_no_action_keys() {
    let mut s = Session::scanned(Lang::Es, Theme::plain()).reader();
    s.press(KeyCode::Char('5'));
    let lines = s.lines();
    assert!(lines[3].starts_with("│!!! alta   Posible misma persona"));
    assert_eq!(
        lines[23],
        " ↑↓ Fila  Enter Abrir  f Filtro  Tab Matriz  ? Ayuda  q Salir                   "
    );
    s.press(KeyCode::Char('s'));
    assert!(!s.screen().contains("Buscando"));
    s.press(KeyCode::Enter);
    let lines = s.lines();
    assert!(
        lines[9].starts_with("│≠ DNI              ****2233"),
        "{}",
        lines[9]
    );
    assert!(!lines[23].contains("Confirmar"), "{}", lines[23]);
    s.press(KeyCode::Char('c'));
    assert!(!s.screen().contains("¿Son la misma persona?"));
}

/// The Scan effect `s` asks for (held, not run): its id and who asks.
fn held_scan(effects: &[Effect]) -> (u64, Actor) {
    match effects {
        [Effect::Overlaps(OverlapsEffect::Scan {
            id,
            actor,
            kind: ScanKind::Full,
        })] => (*id, actor.clone()),
        other => panic!("{other:?}"),
    }
}

fn progress(id: u64, step: ScanStep, done: u64, total: u64) -> Action {
    Action::Overlaps(OverlapsResult::ScanProgress {
        id,
        step,
        progress: Progress { done, total },
    })
}

#[test]
fn a_running_scan_shows_its_step_and_bar_and_esc_asks_it_to_stop() {
    let mut s = Session::opened(Lang::Es, Theme::plain());
    let (id, _) = held_scan(&s.press_held(KeyCode::Char('s')));
    assert!(s.screen().contains("│Empezando…"), "{}", s.screen());
    s.update(progress(id, ScanStep::Comparing, 250_000, 1_000_000));
    let lines = s.lines();
    assert_eq!(
        lines[6..16],
        [
            "│         ┌ Búsqueda completa ───────────────────────────────────────┐         │",
            "│         │Buscando… Se comparan todos los padrones: tarda unos      │         │",
            "│         │segundos (medio minuto con un millón de registros).       │         │",
            "│         │                                                          │         │",
            "│         │Paso 2 de 4: comparando los registros                     │         │",
            "│         │#######------------------------  25 %  250,000 / 1,000,000│         │",
            "│         │                                                          │         │",
            "│         │Esc detiene la búsqueda; no se guarda nada a medias.      │         │",
            "│         └──────────────────────────────────────────────────────────┘         │",
            "│                                                                              │",
        ],
        "{}",
        s.screen()
    );
    assert_eq!(
        lines[23],
        " Esc Detener  F1 Ayuda  F2 English                                              "
    );
    // The help lists the keys of the running scan.
    s.press(KeyCode::Char('?'));
    let help = s.screen();
    for line in [
        "│ Esc                     Detiene la búsqueda; no se guarda nada de ella",
        "│ q, x, 1, 2, 3, 4, 5     No salen: avisan que hay una búsqueda en curso",
        "│ s, S, f, m, Enter, Tab  Teclas de la lista: avisan que hay una búsqueda",
        "│ ?, F1, Ctrl+G           Mostrar esta ayuda",
    ] {
        assert!(help.contains(line), "{line}\n{help}");
    }
    s.press(KeyCode::Esc);
    // The keys of the list only say that a scan is running.
    assert!(s.press_held(KeyCode::Char('f')).is_empty());
    assert!(
        s.lines()[21].starts_with(" Hay una búsqueda en curso: espere a que termine o pulse Esc")
    );
    // Quitting asks first: the scan would stop and save nothing.
    s.key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(
        s.screen().contains("Hay una búsqueda de cruces en curso"),
        "{}",
        s.screen()
    );
    s.press(KeyCode::Esc);
    assert_eq!(
        s.press_held(KeyCode::Esc),
        [Effect::Overlaps(OverlapsEffect::StopScan { id })]
    );
    let screen = s.screen();
    assert!(
        screen.contains("│Deteniendo la búsqueda… No se guardará nada."),
        "{screen}"
    );
    // The worker's next report still moves the bar: the scan answers when it has stopped.
    s.update(progress(id, ScanStep::Comparing, 500_000, 1_000_000));
    assert!(
        s.screen().contains(" 50 %  500,000 / 1,000,000"),
        "{}",
        s.screen()
    );
}

#[test]
fn a_running_scan_in_english_names_its_step() {
    let mut s = Session::opened(Lang::En, Theme::plain());
    let (id, _) = held_scan(&s.press_held(KeyCode::Char('s')));
    s.update(progress(id, ScanStep::Writing, 0, 40));
    let screen = s.screen();
    assert!(screen.contains("┌ Full search "), "{screen}");
    assert!(
        screen.contains("│Step 4 of 4: saving the alerts (cannot be stopped now)"),
        "{screen}"
    );
    assert!(screen.contains("  0 %  0 / 40│"), "{screen}");
}

#[test]
fn when_the_scan_answers_its_figures_show_and_the_list_is_read_again() {
    let mut s = Session::opened(Lang::Es, Theme::plain());
    assert!(
        s.lines()[3].starts_with("│No hay alertas con este filtro. Pulse s"),
        "{}",
        s.screen()
    );
    let held = s.press_held(KeyCode::Char('s'));
    let (id, _) = held_scan(&held);
    s.update(progress(id, ScanStep::Rules, 0, 1));
    assert!(s
        .screen()
        .contains("│Paso 3 de 4: aplicando las reglas de cruce"));
    // The worker's answer: here the runner runs the scan in place and the answer comes back.
    s.pump(held);
    let screen = s.screen();
    assert!(
        screen.contains("┌ Búsqueda completa terminada "),
        "{screen}"
    );
    assert!(
        screen.contains("│Alertas nuevas                         4"),
        "{screen}"
    );
    s.press(KeyCode::Esc);
    let lines = s.lines();
    assert!(
        lines[3].starts_with("│!!! alta   Posible misma persona"),
        "{}",
        s.screen()
    );
    assert!(lines[7].starts_with("│!!  media  Cobertizo a hato grande"));
}

#[test]
fn a_scan_on_the_worker_thread_reports_each_step_then_its_figures() {
    let mut s = Session::opened(Lang::Es, Theme::plain()).with_worker();
    s.press(KeyCode::Char('s'));
    assert!(s.screen().contains("│Empezando…"), "{}", s.screen());
    let replies = s.wait_until(|a| matches!(a, Action::Overlaps(OverlapsResult::Scanned { .. })));
    let mut steps: Vec<ScanStep> = replies
        .iter()
        .filter_map(|a| match a {
            Action::Overlaps(OverlapsResult::ScanProgress { id: 1, step, .. }) => Some(*step),
            _ => None,
        })
        .collect();
    steps.dedup();
    assert_eq!(
        steps,
        [
            ScanStep::Loading,
            ScanStep::Comparing,
            ScanStep::Rules,
            ScanStep::Writing
        ],
        "each step's start gets through the thinning"
    );
    let screen = s.screen();
    assert!(
        screen.contains("│Alertas nuevas                         4"),
        "{screen}"
    );
    s.press(KeyCode::Esc);
    assert!(s.lines()[3].starts_with("│!!! alta   Posible misma persona"));
}

#[test]
fn a_stopped_scan_saves_nothing_and_says_so() {
    let mut s = Session::scanned(Lang::Es, Theme::plain());
    s.press(KeyCode::Esc);
    s.press(KeyCode::Enter);
    s.press(KeyCode::Char('a'));
    s.press(KeyCode::Esc);
    let before = written(&s);
    assert!(
        before.0.iter().any(|f| f.1 == "acknowledged"),
        "{:?}",
        before.0
    );
    // New records: a scan would compare them, mark them scanned and write a scan run.
    let mut store = Store::open(&s.db()).unwrap();
    let admin =
        tinkuy::services::auth::authenticate(&store, "admin", common::ADMIN_PASSWORD).unwrap();
    let path = s.db().with_file_name("haku.csv");
    std::fs::write(
        &path,
        "codigo_origen,hogar,dni,apellido_paterno,apellido_materno,nombres,fecha_nacimiento,sexo,ubigeo,centro_poblado\n\
         K1,K1,40112233,Quispe,Huaman,Maria,1988-04-12,F,030212,Huantana\n",
    )
    .unwrap();
    let options = ImportOptions {
        programme: Some("HAKU_WINAY".into()),
        ..ImportOptions::default()
    };
    roster::import_file(&mut store, &admin, &path, &options, Lang::Es, &mut ()).unwrap();
    let before = written(&s);
    assert_eq!(before.3, 1, "one record waits for a scan");
    let (id, actor) = held_scan(&s.press_held(KeyCode::Char('s')));
    assert_eq!(
        s.press_held(KeyCode::Esc),
        [Effect::Overlaps(OverlapsEffect::StopScan { id })]
    );
    // The worker's job with its stop flag raised, as the runner raises it on that effect.
    let stop = StopFlag::default();
    stop.raise();
    let job = Job::Scan(ScanJob {
        id,
        actor,
        kind: ScanKind::Full,
        stop,
    });
    let reply = jobs::run(&mut store, job, &mut |_| {});
    s.update(reply);
    assert_eq!(written(&s), before, "nothing written");
    let screen = s.screen();
    assert!(
        screen.contains("│La búsqueda se interrumpió; no se guardó nada."),
        "{screen}"
    );
    s.press(KeyCode::Esc);
    assert!(s.lines()[3].starts_with("│!!! alta   Posible misma persona"));
}
