//! Login: a user name and a masked password. A refusal is said in the core's own words
//! (`CoreError`'s message), the same the command line prints.

use crate::i18n::{Localize, Tui};
use crate::tui::action::{Action, Command};
use crate::tui::effect::{Effect, Message, Secret};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::form::{Field, Focus, Form, Note};
use crate::tui::widgets::text_input::{FieldKind, TextInput};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginField {
    Username,
    Password,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginPhase {
    Editing,
    /// Enter was pressed with this field empty.
    Missing(LoginField),
    Checking,
    Failed(Message),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginForm {
    username: TextInput,
    password: TextInput,
    focus: LoginField,
    phase: LoginPhase,
    /// Said once after the first-run form: the administrator exists, now log in.
    welcome: bool,
}

impl Default for LoginForm {
    fn default() -> Self {
        LoginForm::new()
    }
}

impl LoginForm {
    pub fn new() -> LoginForm {
        LoginForm {
            username: TextInput::new(FieldKind::Username),
            password: TextInput::new(FieldKind::Password),
            focus: LoginField::Username,
            phase: LoginPhase::Editing,
            welcome: false,
        }
    }

    /// Right after set-up: the administrator's name filled in, the password to type.
    pub fn after_setup(username: &str) -> LoginForm {
        LoginForm {
            username: TextInput::with_value(FieldKind::Username, username),
            focus: LoginField::Password,
            welcome: true,
            ..LoginForm::new()
        }
    }

    pub fn focus(&self) -> LoginField {
        self.focus
    }

    pub fn phase(&self) -> &LoginPhase {
        &self.phase
    }

    pub fn username(&self) -> String {
        self.username.value()
    }

    /// The password as typed: the current one, when the user must change it right away.
    pub fn password(&self) -> Secret {
        Secret::new(self.password.value())
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if self.phase == LoginPhase::Checking {
            if let Action::Authenticated(Err(message)) = action {
                // The password is cleared so the next try starts from an empty field.
                self.password.clear();
                self.focus = LoginField::Password;
                self.phase = LoginPhase::Failed(message);
            }
            return Vec::new();
        }
        match action {
            Action::Edit(edit) => {
                let input = match self.focus {
                    LoginField::Username => &mut self.username,
                    LoginField::Password => &mut self.password,
                };
                if input.edit(edit) && matches!(self.phase, LoginPhase::Missing(_)) {
                    self.phase = LoginPhase::Editing;
                }
            }
            Action::Command(Command::NextField | Command::PrevField) => {
                self.focus = match self.focus {
                    LoginField::Username => LoginField::Password,
                    LoginField::Password => LoginField::Username,
                };
            }
            Action::Command(Command::Submit) => return self.submit(),
            _ => {}
        }
        Vec::new()
    }

    /// Enter: from the user name go to the password; from the password, log in.
    fn submit(&mut self) -> Vec<Effect> {
        let username = self.username.value().trim().to_string();
        if self.focus == LoginField::Username && !username.is_empty() {
            self.focus = LoginField::Password;
            return Vec::new();
        }
        let missing = if username.is_empty() {
            Some(LoginField::Username)
        } else if self.password.is_empty() {
            Some(LoginField::Password)
        } else {
            None
        };
        if let Some(field) = missing {
            self.focus = field;
            self.phase = LoginPhase::Missing(field);
            return Vec::new();
        }
        self.phase = LoginPhase::Checking;
        self.welcome = false;
        vec![Effect::Authenticate {
            username,
            password: Secret::new(self.password.value()),
        }]
    }

    fn form<'a>(&'a self, ctx: ViewCtx<'a>) -> Form<'a> {
        let lang = ctx.lang;
        let message = match &self.phase {
            LoginPhase::Editing if self.welcome => Note::Good(Tui::LoginWelcome.text(lang)),
            LoginPhase::Editing => Note::Nothing,
            LoginPhase::Missing(LoginField::Username) => {
                Note::Error(Tui::LoginNeedUsername.text(lang))
            }
            LoginPhase::Missing(LoginField::Password) => {
                Note::Error(Tui::LoginNeedPassword.text(lang))
            }
            LoginPhase::Checking => Note::Hint(Tui::LoginChecking.text(lang)),
            LoginPhase::Failed(message) => Note::Error(message.text(lang)),
        };
        let focus = match (&self.phase, self.focus) {
            (LoginPhase::Checking, _) => Focus::Nothing,
            (_, LoginField::Username) => Focus::Field(0),
            (_, LoginField::Password) => Focus::Field(1),
        };
        let field = |label: Tui, input: &'a TextInput| Field {
            label: label.text(lang),
            input: input.into(),
            note: Note::Nothing,
        };
        Form {
            title: Tui::LoginTitle.text(lang),
            intro: Tui::LoginIntro.text(lang),
            fields: vec![
                field(Tui::LoginUsername, &self.username),
                field(Tui::LoginPassword, &self.password),
            ],
            button: None,
            message,
            focus,
            max_width: 60,
            label_width: 12,
            theme: ctx.theme,
        }
    }

    pub fn cursor(&self, ctx: ViewCtx, area: Rect) -> Option<Position> {
        self.form(ctx).cursor(area)
    }
}

pub struct LoginView<'a> {
    pub form: &'a LoginForm,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &LoginView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let form = self.form.form(self.ctx);
        form.render(area, buf);
    }
}
