//! The terminal interface: opens the database, sets up the terminal, and runs the event loop
//! that turns key presses into actions, actions into effects, and effects into results.
//!
//! The loop is idle when nothing happens: it blocks on `crossterm::event::read()` and draws
//! only after an event or an effect's result (ratatui then sends just the changed cells,
//! which matters over a slow SSH link). It never polls on a timer.
//!
//! Only this module and its children use ratatui and crossterm; the core knows nothing of
//! terminals. The terminal is put back as it was on every exit: normal, error, or panic.

pub mod action;
pub mod app;
pub mod effect;
pub mod keymap;
pub mod runner;
pub mod screens;
pub mod theme;
pub mod view;
pub mod widgets;

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
use theme::Theme;

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
    let store = match Store::open(db) {
        Ok(store) => store,
        Err(err) => return fail(lang, &err),
    };
    let app = App::new(AppConfig {
        lang,
        theme: settings.theme,
        db_path: db.display().to_string(),
    });
    let runner = Runner::new(store, settings.config_path);
    match drive(app, runner) {
        Ok(()) => 0,
        Err(err) => fail(
            lang,
            &TuiMessage::TerminalFailed {
                reason: err.to_string(),
            },
        ),
    }
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

fn drive(mut app: App, mut runner: Runner) -> std::io::Result<()> {
    let _guard = TerminalGuard;
    let mut terminal = ratatui::try_init()?;
    event_loop(&mut terminal, &mut app, &mut runner)
}

/// Draw, run one pending effect or wait for one event, update, repeat. Effects run one at a
/// time with a draw before each, so "Cargando…" is on screen before a query starts.
fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    runner: &mut Runner,
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
        let action = next_action(app)?;
        pending.extend(app.update(action));
    }
}

/// Blocks until an event that means something here: a bound key, a typed character, or a
/// resize. Other events (key releases, focus, mouse) do not wake the screen.
fn next_action(app: &App) -> std::io::Result<Action> {
    loop {
        let action = match event::read()? {
            Event::Key(key) => app.action_for_key(&key),
            Event::Resize(width, height) => Some(Action::Resize { width, height }),
            _ => None,
        };
        if let Some(action) = action {
            return Ok(action);
        }
    }
}
