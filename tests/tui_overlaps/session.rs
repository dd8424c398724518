//! The Alertas screens' test harness: a temporary store with two rosters that share two
//! misspelt persons, an administrator and a read-only user, the real runner, and the screen
//! drawn at 80×24.

use crate::common;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;
use tinkuy::domain::role::Role;
use tinkuy::i18n::Lang;
use tinkuy::services::roster::{self, ImportOptions};
use tinkuy::services::Actor;
use tinkuy::store::Store;
use tinkuy::tui::action::Action;
use tinkuy::tui::app::{App, AppConfig};
use tinkuy::tui::effect::Effect;
use tinkuy::tui::runner::Runner;
use tinkuy::tui::theme::Theme;
use tinkuy::tui::worker::Worker;

const HEADER: &str = "codigo_origen,hogar,dni,apellido_paterno,apellido_materno,nombres,fecha_nacimiento,sexo,ubigeo,centro_poblado,actividad,altitud_msnm,cabezas_ganado\n";

fn import(store: &mut Store, admin: &Actor, dir: &std::path::Path, programme: &str, rows: &str) {
    let path = dir.join(format!("{programme}.csv"));
    std::fs::write(&path, format!("{HEADER}{rows}")).unwrap();
    let options = ImportOptions {
        programme: Some(programme.into()),
        ..ImportOptions::default()
    };
    let report = roster::import_file(store, admin, &path, &options, Lang::Es, &mut ()).unwrap();
    assert!(report.imported, "{:?}", report.checked.issues);
}

pub struct Session {
    pub app: App,
    pub runner: Runner,
    /// A `consulta` user of the same store.
    reader: Actor,
    /// The replies of the worker thread, once there is one.
    replies: Option<Receiver<Action>>,
    dir: tempfile::TempDir,
}

impl Session {
    /// [`Session::opened`], and a full scan run from the area.
    pub fn scanned(lang: Lang, theme: Theme) -> Session {
        let mut session = Session::opened(lang, theme);
        session.press(KeyCode::Char('s'));
        session
    }

    /// Juntos and Agrorural rosters where two people appear under misspelt names and DNIs,
    /// the administrator signed in and the Alertas area open, with no scan run yet.
    pub fn opened(lang: Lang, theme: Theme) -> Session {
        let dir = tempfile::tempdir().unwrap();
        let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
        import(&mut store, &admin, dir.path(), "JUNTOS",
            "J1,H1,40112233,Quispe,Huamán,María Eulogia,1988-04-12,F,030212,Huantana,transferencia,,\n\
             J2,H2,41223344,Ccoyllo,Yauri,Wilber,1979-09-09,M,030212,Poltocha,transferencia,,\n\
             J3,H3,42334455,Mamani,Condori,Juan,1970-01-01,M,030212,Huantana,transferencia,,\n");
        import(
            &mut store,
            &admin,
            dir.path(),
            "AGRORURAL",
            "A1,F1,40112283,QUISPE,HUAMAN,MARIA,1988-04-12,F,030212,Huantana,semillas,3200,\n\
             A2,F2,,Coyllo,Yauri,Wilber,1979-09-09,M,030212,Poltocha,cobertizo,3900,150\n\
             A3,F3,45556677,Mamani,Condori,Juan,1995-06-06,M,030212,Huantana,semillas,3900,\n\
             A4,H3,42334455,Mamani,Condori,Juan,1970-01-01,M,030212,Huantana,semillas,3900,\n",
        );
        let reader = common::user_with_role(&mut store, &admin, "lee", Role::Consulta);
        let mut session = Session {
            reader,
            app: App::new(AppConfig {
                lang,
                theme,
                db_path: "/datos/tinkuy.db".into(),
            }),
            runner: Runner::new(store, None),
            replies: None,
            dir,
        };
        session.app.update(Action::SetupChecked(Ok(true)));
        let effects = session.app.update(Action::Authenticated(Ok(admin)));
        session.pump(effects);
        session.press(KeyCode::Char('5'));
        session
    }

    /// The database file, for a second connection.
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("t.db")
    }

    /// From now on jobs (the scan) run on a worker thread with its own connection, as in the
    /// real program; [`Session::wait_until`] feeds its replies to the app.
    pub fn with_worker(self) -> Session {
        let (sender, receiver) = mpsc::channel();
        let worker = Worker::start(self.db(), move |action| {
            let _ = sender.send(action);
        })
        .unwrap();
        Session {
            runner: self.runner.with_worker(worker),
            replies: Some(receiver),
            ..self
        }
    }

    /// Takes the worker's replies, updating the app with each (and running what it asks),
    /// until one satisfies `last`; returns them all.
    pub fn wait_until(&mut self, last: impl Fn(&Action) -> bool) -> Vec<Action> {
        let mut seen = Vec::new();
        loop {
            let action = self
                .replies
                .as_ref()
                .expect("a worker")
                .recv_timeout(Duration::from_secs(60))
                .expect("the worker answers");
            let done = last(&action);
            seen.push(action.clone());
            let effects = self.app.update(action);
            self.pump(effects);
            if done {
                return seen;
            }
        }
    }

    /// The same store, with the read-only user signed in instead.
    pub fn reader(mut self) -> Session {
        self.app
            .update(Action::Command(tinkuy::tui::action::Command::Logout));
        let effects = self
            .app
            .update(Action::Authenticated(Ok(self.reader.clone())));
        self.pump(effects);
        self
    }

    pub fn pump(&mut self, effects: Vec<Effect>) {
        let mut pending: VecDeque<Effect> = effects.into();
        while let Some(effect) = pending.pop_front() {
            if let Some(result) = self.runner.run(effect) {
                pending.extend(self.app.update(result));
            }
        }
    }

    pub fn key(&mut self, key: KeyEvent) {
        let effects = match self.app.action_for_key(&key) {
            Some(action) => self.app.update(action),
            None => Vec::new(),
        };
        self.pump(effects);
    }

    /// Presses a key and returns the effects it asks for, without running them (a job on its
    /// way to the worker, say).
    pub fn press_held(&mut self, code: KeyCode) -> Vec<Effect> {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        match self.app.action_for_key(&key) {
            Some(action) => self.app.update(action),
            None => Vec::new(),
        }
    }

    /// Gives the app an action (a reply, as the event loop would) and runs what it asks for.
    pub fn update(&mut self, action: Action) {
        let effects = self.app.update(action);
        self.pump(effects);
    }

    pub fn press(&mut self, code: KeyCode) {
        self.key(KeyEvent::new(code, KeyModifiers::NONE));
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
    }

    pub fn buffer(&self) -> Buffer {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal
            .draw(|frame| tinkuy::tui::render(&self.app, frame))
            .unwrap();
        terminal.backend().buffer().clone()
    }

    pub fn lines(&self) -> Vec<String> {
        let buffer = self.buffer();
        (0..24)
            .map(|y| (0..80).map(|x| buffer[(x, y)].symbol()).collect::<String>())
            .collect()
    }

    pub fn screen(&self) -> String {
        self.lines().join("\n")
    }
}

/// The cells of row `y` from column `x`, `len` of them.
pub fn cells(buffer: &Buffer, x: u16, y: u16, len: u16) -> Vec<ratatui::buffer::Cell> {
    (x..x + len).map(|x| buffer[(x, y)].clone()).collect()
}

/// Where `text` starts on a screen line (as a column), if it does.
pub fn column_of(line: &str, text: &str) -> u16 {
    let byte = line.find(text).expect("on the line");
    u16::try_from(line[..byte].chars().count()).unwrap()
}

/// An alert as a scan leaves it: id, status, version, last scan.
pub type FlagState = (i64, String, i64, Option<i64>);

/// What a scan writes, as it stands: every alert, the number of scan runs and of audit
/// entries, and the records not yet scanned.
pub fn written(s: &Session) -> (Vec<FlagState>, i64, i64, i64) {
    let conn = s.runner.store().conn();
    let mut statement = conn
        .prepare("SELECT id, status, version, last_scan_id FROM overlap_flag ORDER BY id")
        .unwrap();
    let flags = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    (
        flags,
        count("SELECT count(*) FROM scan_run"),
        count("SELECT count(*) FROM audit_log"),
        count("SELECT count(*) FROM roster_record WHERE match_scanned_at IS NULL"),
    )
}

pub fn persons(s: &Session) -> i64 {
    s.runner
        .store()
        .conn()
        .query_row(
            "SELECT count(*) FROM person WHERE merged_into_id IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap()
}
