//! The interface driven without a terminal, for screen tests over a real store: keys through
//! the keymap, effects through the real runner (jobs run in place, as without the worker
//! thread), and the screen drawn into a `TestBackend` of the size the app was told.

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Position;
use ratatui::Terminal;
use std::collections::VecDeque;
use tinkuy::i18n::Lang;
use tinkuy::services::Actor;
use tinkuy::store::Store;
use tinkuy::tui::action::Action;
use tinkuy::tui::app::{App, AppConfig};
use tinkuy::tui::effect::Effect;
use tinkuy::tui::runner::Runner;
use tinkuy::tui::theme::Theme;

/// One drawn frame: every cell, and the terminal cursor when it is shown.
pub struct Frame {
    pub buffer: Buffer,
    pub cursor: Option<Position>,
}

impl Frame {
    /// The text of every row.
    pub fn lines(&self) -> Vec<String> {
        let area = self.buffer.area;
        (0..area.height)
            .map(|y| {
                (0..area.width)
                    .map(|x| self.buffer[(x, y)].symbol())
                    .collect()
            })
            .collect()
    }

    pub fn text(&self) -> String {
        self.lines().join("\n")
    }
}

pub struct Ui {
    pub app: App,
    pub runner: Runner,
    width: u16,
    height: u16,
}

impl Ui {
    /// The app in the plain theme over `store`, told its window is `width`×`height`, on the
    /// login screen (the store is set up).
    pub fn new(store: Store, lang: Lang, (width, height): (u16, u16)) -> Ui {
        let mut app = App::new(AppConfig {
            lang,
            theme: Theme::plain(),
            db_path: "/datos/tinkuy.db".into(),
        });
        app.update(Action::Resize { width, height });
        app.update(Action::SetupChecked(Ok(true)));
        Ui {
            app,
            runner: Runner::new(store, None),
            width,
            height,
        }
    }

    /// Like [`Ui::new`], with `actor` signed in as the login screen would (its opening
    /// effects run).
    pub fn signed_in(store: Store, actor: Actor, lang: Lang, size: (u16, u16)) -> Ui {
        let mut ui = Ui::new(store, lang, size);
        let effects = ui.app.update(Action::Authenticated(Ok(actor)));
        ui.pump(effects);
        ui
    }

    /// Runs effects, and the effects their results ask for, until none is left.
    pub fn pump(&mut self, effects: Vec<Effect>) {
        let mut pending: VecDeque<Effect> = effects.into();
        while let Some(effect) = pending.pop_front() {
            if let Some(result) = self.runner.run(effect) {
                pending.extend(self.app.update(result));
            }
        }
    }

    pub fn key(&mut self, key: KeyEvent) -> &mut Ui {
        let effects = match self.app.action_for_key(&key) {
            Some(action) => self.app.update(action),
            None => Vec::new(),
        };
        self.pump(effects);
        self
    }

    pub fn press(&mut self, code: KeyCode) -> &mut Ui {
        self.key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    /// Types `text` one key at a time, as a person (or a terminal's paste) would.
    pub fn type_text(&mut self, text: &str) -> &mut Ui {
        for c in text.chars() {
            self.press(KeyCode::Char(c));
        }
        self
    }

    /// Draws the app at the size it was told.
    pub fn frame(&self) -> Frame {
        let mut terminal = Terminal::new(TestBackend::new(self.width, self.height)).unwrap();
        terminal
            .draw(|frame| tinkuy::tui::render(&self.app, frame))
            .unwrap();
        let backend = terminal.backend();
        Frame {
            buffer: backend.buffer().clone(),
            cursor: backend.cursor_visible().then(|| backend.cursor_position()),
        }
    }
}
