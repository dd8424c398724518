//! The terminal interface: opens the database, sets up the terminal, and runs the event loop
//! that turns key presses into actions, actions into effects, and effects into results.
//!
//! Two threads feed the loop through one channel: an input thread that blocks on
//! `crossterm::event::read()`, and the worker that runs searches and roster files (see
//! `worker`). The loop blocks on that channel, so it is idle when nothing happens and wakes at
//! once for a key or a worker's reply; it draws only after one (ratatui then sends just the
//! changed cells, which matters over a slow SSH link). It never polls on a timer.
//!
//! Only this module and its children use ratatui and crossterm; the core knows nothing of
//! terminals. The terminal is put back as it was on every exit: normal, error, or panic.

pub mod action;
pub mod app;
pub mod effect;
pub mod jobs;
pub mod keymap;
pub mod runner;
pub mod screens;
pub mod text;
pub mod theme;
pub mod view;
pub mod widgets;
pub mod worker;

#[cfg(test)]
mod tests;

pub use view::render;

use crate::config;
use crate::i18n::{Cli, Lang, Localize, TuiMessage};
use crate::store::Store;
use action::Action;
use app::{App, AppConfig};
use effect::Effect;
use ratatui::crossterm::event::{self, Event};
use ratatui::DefaultTerminal;
use runner::Runner;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, Sender};
use theme::Theme;
use worker::Worker;

/// Everything the interface starts from; `run` fills it from the environment.
pub struct Settings {
    pub lang: Lang,
    pub theme: Theme,
    /// Where the language choice is remembered (`None`: nowhere).
    pub config_path: Option<PathBuf>,
}

/// Runs the interface on the database at `db`; returns the process exit code.
pub fn run(db: &Path, lang: Lang) -> i32 {
    let settings = Settings {
        lang,
        theme: Theme::from_env(),
        config_path: config::default_path(),
    };
    run_with(db, settings)
}

/// Like [`run`], with the settings given.
pub fn run_with(db: &Path, settings: Settings) -> i32 {
    let lang = settings.lang;
    // The database is opened before the terminal is taken over, so a newer or damaged file
    // is reported as one plain line on a normal terminal.
    let store = match crate::services::maintenance::open(db) {
        Ok(store) => store,
        Err(err) => return fail(lang, &err),
    };
    let app = App::new(AppConfig {
        lang,
        theme: settings.theme,
        db_path: with_last_backup(db, &store, lang),
    });
    let runner = Runner::new(store, settings.config_path);
    match drive(app, runner, db) {
        Ok(()) => 0,
        Err(err) => fail(
            lang,
            &TuiMessage::TerminalFailed {
                reason: err.to_string(),
            },
        ),
    }
}

/// Makes the day's backup if none was made today, and says in the status line when the last
/// one was made. A failed backup does not stop the office from working; the line says so.
fn with_last_backup(db: &Path, store: &Store, lang: Lang) -> String {
    let made = crate::services::maintenance::auto_backup(store);
    let newest = crate::services::maintenance::newest_backup(db);
    let when = newest
        .as_ref()
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .and_then(|n| {
            n.strip_prefix("tinkuy-")
                .map(|r| r.chars().take(10).collect::<String>())
        });
    let label = match (made, when) {
        (Err(_), _) | (_, None) => Cli::NoBackup.text(lang).into_owned(),
        (Ok(_), Some(day)) => format!("{} {day}", Cli::LastBackup.text(lang)),
    };
    format!("{} · {label}", db.display())
}

fn fail(lang: Lang, err: &impl Localize) -> i32 {
    eprintln!("{}: {}", Cli::ErrorPrefix.text(lang), err.text(lang));
    1
}

/// Puts the terminal back when dropped: on return, on `?`, and while unwinding a panic.
/// (`ratatui::try_init` also installs a panic hook that restores the terminal before the panic
/// message is printed, so the message is readable.)
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

/// What wakes the event loop.
enum Incoming {
    Input(Event),
    /// A worker's result or progress report (boxed: some results are large).
    Reply(Box<Action>),
    /// The terminal could not be read any more.
    InputFailed(std::io::Error),
}

fn drive(mut app: App, runner: Runner, db: &Path) -> std::io::Result<()> {
    let _guard = TerminalGuard;
    let mut terminal = ratatui::try_init()?;
    let (sender, receiver) = mpsc::channel();
    spawn_input(sender.clone())?;
    let replies = sender;
    // Without a worker thread the jobs run on this one: slower to type, but it works.
    let mut runner = match Worker::start(db.to_path_buf(), move |action| {
        let _ = replies.send(Incoming::Reply(Box::new(action)));
    }) {
        Ok(worker) => runner.with_worker(worker),
        Err(_) => runner,
    };
    event_loop(&mut terminal, &mut app, &mut runner, &receiver)
}

/// Reads the terminal on its own thread, so the loop can wait for keys and replies at once.
/// The thread ends with the process (it is blocked in `read` when the interface quits).
fn spawn_input(sender: Sender<Incoming>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("tinkuy-input".into())
        .spawn(move || loop {
            let incoming = match event::read() {
                Ok(event) => Incoming::Input(event),
                Err(err) => Incoming::InputFailed(err),
            };
            let failed = matches!(incoming, Incoming::InputFailed(_));
            if sender.send(incoming).is_err() || failed {
                return;
            }
        })?;
    Ok(())
}

/// Draw, run one pending effect or wait for what comes next, update, repeat. Effects run one
/// at a time with a draw before each, so "Cargando…" is on screen before a query starts.
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    runner: &mut Runner,
    receiver: &Receiver<Incoming>,
) -> std::io::Result<()> {
    let size = terminal.size()?;
    let mut pending: VecDeque<Effect> = VecDeque::new();
    pending.extend(app.update(Action::Resize {
        width: size.width,
        height: size.height,
    }));
    pending.extend(app.start());
    loop {
        terminal.draw(|frame| render(app, frame))?;
        if let Some(effect) = pending.pop_front() {
            if effect == Effect::Quit {
                return Ok(());
            }
            if let Some(result) = runner.run(effect) {
                pending.extend(app.update(result));
            }
            continue;
        }
        if !wait(app, receiver, &mut pending)? {
            return Ok(());
        }
    }
}

/// Blocks until something that means an action arrives; then takes whatever else has already
/// arrived (a paste, a burst of progress) before the loop draws once for all of it. Events that
/// mean nothing here do not wake the screen. `false` when nothing can arrive any more.
fn wait(
    app: &mut App,
    receiver: &Receiver<Incoming>,
    pending: &mut VecDeque<Effect>,
) -> std::io::Result<bool> {
    loop {
        let Ok(first) = receiver.recv() else {
            return Ok(false);
        };
        let mut woke = false;
        for incoming in std::iter::once(first).chain(receiver.try_iter()) {
            let action = match incoming {
                Incoming::Input(event) => action_for_event(app, event),
                Incoming::Reply(action) => Some(*action),
                Incoming::InputFailed(err) => return Err(err),
            };
            if let Some(action) = action {
                woke = true;
                pending.extend(app.update(action));
            }
        }
        if woke {
            return Ok(true);
        }
    }
}

/// The action an event means here: a bound key, a typed character, or a resize. Other events
/// (key releases, focus, mouse) mean nothing and do not wake the screen.
fn action_for_event(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => app.action_for_key(&key),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}
