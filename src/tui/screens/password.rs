//! Changing a password an administrator reset: shown right after such a user logs in, before
//! the main screen. The current password is the one just typed at login, so only the new one
//! is asked for, twice. It is checked as it is typed with the core's own rules
//! (`auth::check_new_password`: its length, and not the current one again); the two must be
//! the same. Only when the core has changed it does the main screen open; `Esc` logs out.

use crate::i18n::{Localize, Tui};
use crate::services::auth;
use crate::services::Actor;
use crate::tui::action::{Action, Command};
use crate::tui::effect::{Effect, Message, Secret};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::form::{Field, Focus, Form, Note};
use crate::tui::widgets::text_input::{FieldKind, TextInput};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordField {
    New,
    Repeat,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasswordPhase {
    Editing,
    /// Sent to the core; its answer is awaited.
    Saving,
    /// The core refused (its message says why); the fields stay as typed.
    Failed(Message),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordForm {
    actor: Actor,
    /// The password typed at login, which the core needs to change it.
    current: Secret,
    new: TextInput,
    repeat: TextInput,
    focus: PasswordField,
    phase: PasswordPhase,
    /// What is wrong with the new password by the core's rules, as typed.
    new_problem: Option<Message>,
    /// The two differ (said once the second one is as long as the first, or on Enter).
    differ: bool,
    /// Enter was pressed: empty fields are now said to be missing.
    tried: bool,
}

impl PasswordForm {
    pub fn new(actor: Actor, current: Secret) -> PasswordForm {
        PasswordForm {
            actor,
            current,
            new: TextInput::new(FieldKind::Password),
            repeat: TextInput::new(FieldKind::Password),
            focus: PasswordField::New,
            phase: PasswordPhase::Editing,
            new_problem: None,
            differ: false,
            tried: false,
        }
    }

    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    pub fn focus(&self) -> PasswordField {
        self.focus
    }

    pub fn phase(&self) -> &PasswordPhase {
        &self.phase
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if self.phase == PasswordPhase::Saving {
            if let Action::PasswordChanged(Err(message)) = action {
                self.phase = PasswordPhase::Failed(message);
            }
            return Vec::new();
        }
        match action {
            Action::Edit(edit) => {
                let input = match self.focus {
                    PasswordField::New => &mut self.new,
                    PasswordField::Repeat => &mut self.repeat,
                };
                if input.edit(edit) {
                    self.phase = PasswordPhase::Editing;
                    self.check();
                }
            }
            Action::Command(Command::NextField | Command::PrevField) => {
                self.focus = match self.focus {
                    PasswordField::New => PasswordField::Repeat,
                    PasswordField::Repeat => PasswordField::New,
                };
            }
            Action::Command(Command::Submit) => return self.submit(),
            _ => {}
        }
        Vec::new()
    }

    /// Checks what is typed: the new password by the core's rules, and whether the second
    /// one differs (once it is as long as the first, so typing it is not interrupted).
    fn check(&mut self) {
        let (new, repeat) = (self.new.value(), self.repeat.value());
        self.new_problem = if new.is_empty() {
            None
        } else {
            auth::check_new_password(self.current.expose(), &new)
                .err()
                .map(|e| Message::of(&e))
        };
        let typed_all = repeat.chars().count() >= new.chars().count();
        self.differ = !repeat.is_empty() && repeat != new && (typed_all || self.tried);
    }

    /// Enter: from the new password go to the second one; from the second, change it.
    fn submit(&mut self) -> Vec<Effect> {
        let new_ok = !self.new.is_empty() && self.new_problem.is_none();
        if self.focus == PasswordField::New && new_ok {
            self.focus = PasswordField::Repeat;
            return Vec::new();
        }
        self.tried = true;
        self.check();
        if !new_ok {
            self.focus = PasswordField::New;
            return Vec::new();
        }
        if self.repeat.is_empty() || self.differ {
            self.focus = PasswordField::Repeat;
            return Vec::new();
        }
        self.phase = PasswordPhase::Saving;
        vec![Effect::ChangePassword {
            actor: self.actor.clone(),
            current: self.current.clone(),
            new: Secret::new(self.new.value()),
        }]
    }

    fn form<'a>(&'a self, ctx: ViewCtx<'a>) -> Form<'a> {
        let lang = ctx.lang;
        // The core's words can be long: they go under the form, where they wrap; the field
        // keeps its short hint until the password is right.
        let new_note = match (&self.new_problem, self.new.is_empty()) {
            (None, true) if self.tried => Note::Error(Tui::PasswordNeedNew.text(lang)),
            (None, false) => Note::Nothing,
            _ => Note::Hint(Tui::SetupPasswordHint.text(lang)),
        };
        let repeat_note = if self.differ {
            Note::Error(Tui::PasswordsDiffer.text(lang))
        } else if self.tried && self.repeat.is_empty() {
            Note::Error(Tui::PasswordNeedRepeat.text(lang))
        } else {
            Note::Nothing
        };
        let message = match &self.phase {
            PasswordPhase::Editing => match &self.new_problem {
                Some(problem) => Note::Error(problem.text(lang)),
                None => Note::Nothing,
            },
            PasswordPhase::Saving => Note::Hint(Tui::SetupSaving.text(lang)),
            PasswordPhase::Failed(message) => Note::Error(message.text(lang)),
        };
        let focus = match (&self.phase, self.focus) {
            (PasswordPhase::Saving, _) => Focus::Nothing,
            (_, PasswordField::New) => Focus::Field(0),
            (_, PasswordField::Repeat) => Focus::Field(1),
        };
        Form {
            title: Tui::PasswordTitle.text(lang),
            intro: Tui::PasswordIntro.text(lang),
            fields: vec![
                Field {
                    label: Tui::PasswordNew.text(lang),
                    input: (&self.new).into(),
                    note: new_note,
                },
                Field {
                    label: Tui::PasswordRepeat.text(lang),
                    input: (&self.repeat).into(),
                    note: repeat_note,
                },
            ],
            button: None,
            message,
            focus,
            max_width: 72,
            label_width: 18,
            theme: ctx.theme,
        }
    }

    pub fn cursor(&self, ctx: ViewCtx, area: Rect) -> Option<Position> {
        self.form(ctx).cursor(area)
    }
}

pub struct PasswordView<'a> {
    pub form: &'a PasswordForm,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &PasswordView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.form.form(self.ctx).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::role::Role;
    use crate::tui::action::Edit;

    fn form() -> PasswordForm {
        let actor = Actor {
            user_id: Some(5),
            username: "rosa".into(),
            display_name: "Rosa".into(),
            role: Role::Registrador,
        };
        PasswordForm::new(actor, Secret::new("temporal"))
    }

    fn type_text(form: &mut PasswordForm, text: &str) {
        for c in text.chars() {
            form.update(Action::Edit(Edit::Insert(c)));
        }
    }

    fn enter(form: &mut PasswordForm) -> Vec<Effect> {
        form.update(Action::Command(Command::Submit))
    }

    #[test]
    fn the_core_rules_are_checked_as_the_password_is_typed() {
        let mut f = form();
        type_text(&mut f, "ab");
        assert!(f.new_problem.is_some(), "too short");
        assert!(enter(&mut f).is_empty());
        assert_eq!(f.focus(), PasswordField::New, "stays on the field to fix");
        type_text(&mut f, "cd");
        assert_eq!(f.new_problem, None);
        for _ in 0..4 {
            f.update(Action::Edit(Edit::Backspace));
        }
        type_text(&mut f, "temporal");
        assert_eq!(
            f.new_problem,
            Some(Message::of(&crate::services::CoreError::PasswordUnchanged))
        );
    }

    #[test]
    fn two_different_passwords_are_not_sent_and_the_same_two_are() {
        let mut f = form();
        type_text(&mut f, "nueva-clave");
        assert!(enter(&mut f).is_empty());
        assert_eq!(f.focus(), PasswordField::Repeat);
        type_text(&mut f, "nueva");
        assert!(!f.differ, "not said while the second is still being typed");
        assert!(enter(&mut f).is_empty());
        assert!(f.differ, "said on Enter");
        type_text(&mut f, "-clave");
        assert!(!f.differ);
        let effects = enter(&mut f);
        assert_eq!(
            effects,
            [Effect::ChangePassword {
                actor: f.actor().clone(),
                current: Secret::new("temporal"),
                new: Secret::new("nueva-clave"),
            }]
        );
        assert_eq!(f.phase(), &PasswordPhase::Saving);
        f.update(Action::PasswordChanged(Err(Message::same("no"))));
        assert_eq!(f.phase(), &PasswordPhase::Failed(Message::same("no")));
    }
}
