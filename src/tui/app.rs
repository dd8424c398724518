//! The application's state and its one entry point for change: `update(action) -> effects`.
//!
//! The screen is an enum (first run, login, main), overlays are a stack whose top takes the
//! keys, and everything that needs the outside world is returned as an [`Effect`]. `update`
//! never does I/O, so it is tested without a terminal or a database (see `tui::tests`).
//! A screen asks a question or shows a notice by returning [`Effect::Confirm`] or
//! [`Effect::Notify`]; `update` keeps those for itself, so the driver never sees them.

use super::action::{Action, Command};
use super::effect::{Effect, Message};
use super::keymap::{self, Context};
use super::screens::clar::ClarCommand;
use super::screens::login::LoginForm;
use super::screens::main::MainState;
use super::screens::overlaps::OverlapsCommand;
use super::screens::password::PasswordForm;
use super::screens::registry::RegistryCommand;
use super::screens::setup::SetupForm;
use super::theme::Theme;
use super::view;
use super::widgets::confirm::{Choice, Confirm, Confirmable};
use crate::i18n::Lang;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

/// What the application starts with.
pub struct AppConfig {
    pub lang: Lang,
    pub theme: Theme,
    /// The database file, as shown in the status line.
    pub db_path: String,
}

/// The screen under any overlays.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// Waiting to learn whether the database is set up.
    Starting,
    /// The database could not be read; the message says why.
    Unavailable(Message),
    /// Boxed: the form is much larger than the other screens' states.
    Setup(Box<SetupForm>),
    Login(LoginForm),
    /// Right after login, when an administrator reset the user's password: a new one first.
    ChangePassword(PasswordForm),
    Main(MainState),
}

/// An overlay. Only the top one receives keys.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    /// The keys of the screen underneath.
    Help,
    Confirm(Confirm),
}

pub struct App {
    lang: Lang,
    theme: Theme,
    db_path: String,
    screen: Screen,
    modals: Vec<Modal>,
    /// A passing message in the status line, cleared by the next key.
    notice: Option<Message>,
    /// The terminal's area, for scrolling by pages; 80×24 until told otherwise.
    size: Rect,
}

impl App {
    pub fn new(config: AppConfig) -> App {
        App {
            lang: config.lang,
            theme: config.theme,
            db_path: config.db_path,
            screen: Screen::Starting,
            modals: Vec::new(),
            notice: None,
            size: Rect::new(0, 0, 80, 24),
        }
    }

    /// The first effects: find out which screen to show.
    pub fn start(&self) -> Vec<Effect> {
        vec![Effect::CheckSetup]
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    pub fn db_path(&self) -> &str {
        &self.db_path
    }

    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    pub fn modals(&self) -> &[Modal] {
        &self.modals
    }

    pub fn notice(&self) -> Option<&Message> {
        self.notice.as_ref()
    }

    /// Where keys go: the top overlay, else the screen.
    pub fn context(&self) -> Context {
        match self.modals.last() {
            Some(Modal::Help) => Context::Help,
            Some(Modal::Confirm(_)) => Context::Confirm,
            None => self.screen_context(),
        }
    }

    /// The keys of the screen itself (what the help overlay lists).
    pub fn screen_context(&self) -> Context {
        match &self.screen {
            Screen::Starting | Screen::Unavailable(_) => Context::Waiting,
            Screen::Setup(_) => Context::Setup,
            Screen::Login(_) => Context::Login,
            Screen::ChangePassword(_) => Context::ChangePassword,
            Screen::Main(main) => main.context(),
        }
    }

    /// The action a key press means here, if any.
    pub fn action_for_key(&self, key: &KeyEvent) -> Option<Action> {
        keymap::resolve(self.context(), key)
    }

    /// Whether quitting now would lose work (typed text, or a roster being written).
    pub fn is_dirty(&self) -> bool {
        self.quit_question().is_some()
    }

    /// What to ask before quitting, when quitting now would lose work.
    fn quit_question(&self) -> Option<Confirmable> {
        match &self.screen {
            Screen::Setup(form) if form.is_dirty() => Some(Confirmable::QuitDiscarding),
            Screen::Main(main) => main.quit_question(),
            _ => None,
        }
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let effects = self.dispatch(action);
        self.absorb(effects)
    }

    /// Takes out the effects meant for the application itself and returns the rest, for the
    /// driver. A screen asks before an action that cannot be undone by returning
    /// `Effect::Confirm`: the question goes on the overlay stack here. `Effect::Notify` puts
    /// a message in the status line until the next key.
    fn absorb(&mut self, effects: Vec<Effect>) -> Vec<Effect> {
        let mut rest = Vec::with_capacity(effects.len());
        for effect in effects {
            match effect {
                Effect::Confirm(subject) => self.modals.push(Modal::Confirm(Confirm::new(subject))),
                Effect::Notify(message) => self.notice = Some(message),
                other => rest.push(other),
            }
        }
        rest
    }

    fn dispatch(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Command(command) => {
                self.notice = None;
                self.command(command)
            }
            Action::Edit(_) if !self.modals.is_empty() => Vec::new(),
            Action::Edit(_) => {
                self.notice = None;
                self.screen_update(action)
            }
            Action::Resize { width, height } => {
                self.size = Rect::new(0, 0, width, height);
                self.screen_update(action)
            }
            Action::SetupChecked(result) => {
                self.screen = match result {
                    Ok(true) => Screen::Login(LoginForm::new()),
                    Ok(false) => Screen::Setup(Box::default()),
                    Err(message) => Screen::Unavailable(message),
                };
                Vec::new()
            }
            Action::AdministratorCreated(Ok(username)) => {
                self.screen = Screen::Login(LoginForm::after_setup(&username));
                Vec::new()
            }
            Action::Authenticated(Ok(actor)) if matches!(self.screen, Screen::Login(_)) => {
                self.open_main(actor)
            }
            // The password just typed is the current one: only the new one is asked for.
            Action::MustChangePassword(actor) => {
                if let Screen::Login(form) = &self.screen {
                    self.screen = Screen::ChangePassword(PasswordForm::new(actor, form.password()));
                }
                Vec::new()
            }
            Action::PasswordChanged(Ok(())) => {
                let Screen::ChangePassword(form) = &self.screen else {
                    return Vec::new();
                };
                let actor = form.actor().clone();
                self.notice = Some(Message::of(&crate::i18n::Tui::PasswordChanged));
                self.open_main(actor)
            }
            Action::LanguageSaved(Err(message)) => {
                self.notice = Some(message);
                Vec::new()
            }
            Action::LanguageSaved(Ok(())) => Vec::new(),
            other => self.screen_update(other),
        }
    }

    fn command(&mut self, command: Command) -> Vec<Effect> {
        if !self.modals.is_empty() {
            return self.modal_command(command);
        }
        match command {
            Command::Help => {
                self.modals.push(Modal::Help);
                Vec::new()
            }
            Command::ToggleLanguage => self.toggle_language(),
            Command::Quit => self.quit(),
            Command::Logout
                if matches!(self.screen, Screen::Main(_) | Screen::ChangePassword(_)) =>
            {
                self.screen = Screen::Login(LoginForm::new());
                Vec::new()
            }
            other => self.screen_update(Action::Command(other)),
        }
    }

    fn modal_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(top) = self.modals.last_mut() else {
            return Vec::new();
        };
        match (top, command) {
            (_, Command::ToggleLanguage) => return self.toggle_language(),
            (Modal::Help, Command::CloseOverlay | Command::Help) => {
                self.modals.pop();
            }
            (Modal::Help, Command::Quit) => return self.quit(),
            (Modal::Confirm(confirm), Command::SwitchChoice) => confirm.switch(),
            (Modal::Confirm(confirm), Command::Submit) => {
                let (subject, choice) = (confirm.subject.clone(), confirm.choice);
                self.modals.pop();
                if choice == Choice::Yes {
                    return self.perform(subject);
                }
            }
            (Modal::Confirm(confirm), Command::Yes) => {
                let subject = confirm.subject.clone();
                self.modals.pop();
                return self.perform(subject);
            }
            (Modal::Confirm(_), Command::No | Command::CloseOverlay) => {
                self.modals.pop();
            }
            // Ctrl+C a second time, on the question whether to quit, means quit.
            (Modal::Confirm(confirm), Command::Quit)
                if matches!(
                    confirm.subject,
                    Confirmable::QuitDiscarding
                        | Confirmable::QuitImporting
                        | Confirmable::QuitScanning
                ) =>
            {
                return vec![Effect::Quit];
            }
            _ => {}
        }
        Vec::new()
    }

    /// Carries out what a confirmation was about: quitting here, anything else by sending
    /// the area that asked its confirmed command.
    fn perform(&mut self, subject: Confirmable) -> Vec<Effect> {
        let command = match subject {
            Confirmable::QuitDiscarding
            | Confirmable::QuitImporting
            | Confirmable::QuitScanning => return vec![Effect::Quit],
            Confirmable::Clar(confirmed) => Command::Clar(ClarCommand::Confirmed(confirmed)),
            Confirmable::Registry(question) => {
                Command::Registry(RegistryCommand::Confirmed(question.confirm()))
            }
            Confirmable::Overlaps(confirmed) => {
                Command::Overlaps(OverlapsCommand::Confirmed(confirmed))
            }
        };
        self.screen_update(Action::Command(command))
    }

    /// Quits at once, or asks first when work would be lost.
    fn quit(&mut self) -> Vec<Effect> {
        match self.quit_question() {
            None => vec![Effect::Quit],
            Some(question) => {
                self.modals.push(Modal::Confirm(Confirm::new(question)));
                Vec::new()
            }
        }
    }

    /// Switches every text at once; the choice is remembered for the next start.
    fn toggle_language(&mut self) -> Vec<Effect> {
        self.lang = self.lang.other();
        vec![Effect::SaveLanguage(self.lang)]
    }

    /// The main screen for `actor`, with the effects that fill its first area.
    fn open_main(&mut self, actor: crate::services::Actor) -> Vec<Effect> {
        let (main, effects) = MainState::open(actor, view::body_area(self.size), self.lang);
        self.screen = Screen::Main(main);
        effects
    }

    fn screen_update(&mut self, action: Action) -> Vec<Effect> {
        let body = view::body_area(self.size);
        match &mut self.screen {
            Screen::Setup(form) => form.update(action),
            Screen::Login(form) => form.update(action),
            Screen::ChangePassword(form) => form.update(action),
            Screen::Main(main) => main.update(action, body, self.lang),
            Screen::Starting | Screen::Unavailable(_) => Vec::new(),
        }
    }
}
