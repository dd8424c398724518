//! First run: the database has no office yet, so this form creates the administrator and
//! names the office's district. Each field is checked as it is left, the district's name
//! appears as its UBIGEO is typed, and nothing is saved while a field is wrong.

use crate::i18n::{Localize, Tui};
use crate::services::auth::valid_username;
use crate::services::auth::MIN_PASSWORD_LEN;
use crate::tui::action::{Action, Command};
use crate::tui::effect::{Effect, Message, Secret, SetupRequest};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::form::{Field, Focus, Form, Note};
use crate::tui::widgets::text_input::{FieldKind, TextInput};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupField {
    Username,
    FullName,
    Password,
    Repeat,
    Ubigeo,
    Office,
}

impl SetupField {
    pub const ALL: [SetupField; 6] = [
        SetupField::Username,
        SetupField::FullName,
        SetupField::Password,
        SetupField::Repeat,
        SetupField::Ubigeo,
        SetupField::Office,
    ];

    fn index(self) -> usize {
        self as usize
    }

    fn kind(self) -> FieldKind {
        match self {
            SetupField::Username => FieldKind::Username,
            SetupField::FullName => FieldKind::Text { max: 80 },
            SetupField::Password | SetupField::Repeat => FieldKind::Password,
            SetupField::Ubigeo => FieldKind::Digits { max: 6 },
            SetupField::Office => FieldKind::Digits { max: 2 },
        }
    }

    fn label(self) -> Tui {
        match self {
            SetupField::Username => Tui::SetupUsername,
            SetupField::FullName => Tui::SetupFullName,
            SetupField::Password => Tui::SetupPassword,
            SetupField::Repeat => Tui::SetupRepeat,
            SetupField::Ubigeo => Tui::SetupUbigeo,
            SetupField::Office => Tui::SetupOffice,
        }
    }

    fn hint(self) -> Option<Tui> {
        match self {
            SetupField::Username => Some(Tui::SetupUsernameHint),
            SetupField::FullName => Some(Tui::SetupFullNameHint),
            SetupField::Password => Some(Tui::SetupPasswordHint),
            SetupField::Repeat => None,
            SetupField::Ubigeo => Some(Tui::SetupUbigeoHint),
            SetupField::Office => Some(Tui::SetupOfficeHint),
        }
    }
}

/// What has the focus: a field, or the button that saves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupFocus {
    Field(SetupField),
    Save,
}

/// What is known about the district of the UBIGEO typed so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum District {
    /// Fewer than 6 digits: nothing to look up yet.
    Incomplete,
    Looking(String),
    Found {
        ubigeo: String,
        label: String,
    },
    NotFound(String),
    Failed(Message),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SetupPhase {
    Editing,
    Saving,
    /// The core refused the request (or the database failed); the form stays as typed.
    Failed(Message),
}

/// Why a field cannot be saved as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    Username,
    PasswordShort,
    PasswordsDiffer,
    UbigeoIncomplete,
    UbigeoUnknown,
    UbigeoChecking,
    Lookup(Message),
    OfficeNumber,
}

impl Problem {
    fn text(&self, lang: crate::i18n::Lang) -> String {
        let key = match self {
            Problem::Lookup(message) => return message.text(lang).into_owned(),
            Problem::Required => Tui::ProblemRequired,
            Problem::Username => Tui::ProblemUsername,
            Problem::PasswordShort => Tui::ProblemPasswordShort,
            Problem::PasswordsDiffer => Tui::ProblemPasswordsDiffer,
            Problem::UbigeoIncomplete => Tui::ProblemUbigeoIncomplete,
            Problem::UbigeoUnknown => Tui::ProblemUbigeoUnknown,
            Problem::UbigeoChecking => Tui::ProblemUbigeoChecking,
            Problem::OfficeNumber => Tui::ProblemOfficeNumber,
        };
        key.text(lang).into_owned()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupForm {
    inputs: [TextInput; 6],
    focus: SetupFocus,
    /// Fields left at least once (or all, after a try to save): their problems are shown.
    touched: [bool; 6],
    district: District,
    phase: SetupPhase,
}

/// The office number proposed: most districts have a single office.
const DEFAULT_OFFICE: &str = "1";

impl Default for SetupForm {
    fn default() -> Self {
        SetupForm::new()
    }
}

impl SetupForm {
    pub fn new() -> SetupForm {
        let inputs = SetupField::ALL.map(|f| match f {
            SetupField::Office => TextInput::with_value(f.kind(), DEFAULT_OFFICE),
            other => TextInput::new(other.kind()),
        });
        SetupForm {
            inputs,
            focus: SetupFocus::Field(SetupField::Username),
            touched: [false; 6],
            district: District::Incomplete,
            phase: SetupPhase::Editing,
        }
    }

    pub fn focus(&self) -> SetupFocus {
        self.focus
    }

    pub fn phase(&self) -> &SetupPhase {
        &self.phase
    }

    pub fn district(&self) -> &District {
        &self.district
    }

    pub fn value(&self, field: SetupField) -> String {
        self.inputs[field.index()].value()
    }

    /// Whether quitting would lose something typed.
    pub fn is_dirty(&self) -> bool {
        SetupField::ALL.iter().any(|&f| match f {
            SetupField::Office => self.value(f) != DEFAULT_OFFICE,
            other => !self.inputs[other.index()].is_empty(),
        })
    }

    /// What is wrong with a field's current value, if anything.
    pub fn problem(&self, field: SetupField) -> Option<Problem> {
        let value = self.value(field);
        let trimmed = value.trim();
        match field {
            SetupField::Username if trimmed.is_empty() => Some(Problem::Required),
            SetupField::Username if !valid_username(trimmed) => Some(Problem::Username),
            SetupField::FullName if trimmed.is_empty() => Some(Problem::Required),
            SetupField::Password if value.chars().count() < MIN_PASSWORD_LEN => {
                Some(Problem::PasswordShort)
            }
            SetupField::Repeat if value != self.value(SetupField::Password) => {
                Some(Problem::PasswordsDiffer)
            }
            SetupField::Ubigeo => self.ubigeo_problem(&value),
            SetupField::Office => match value.parse::<i64>() {
                Ok(n) if (1..=99).contains(&n) => None,
                _ => Some(Problem::OfficeNumber),
            },
            _ => None,
        }
    }

    fn ubigeo_problem(&self, value: &str) -> Option<Problem> {
        if value.len() != 6 {
            return Some(Problem::UbigeoIncomplete);
        }
        match &self.district {
            District::Found { ubigeo, .. } if ubigeo == value => None,
            District::Failed(message) => Some(Problem::Lookup(message.clone())),
            District::NotFound(_) => Some(Problem::UbigeoUnknown),
            _ => Some(Problem::UbigeoChecking),
        }
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if self.phase == SetupPhase::Saving {
            // Keys typed while saving would change a form that is no longer the one saved.
            if let Action::AdministratorCreated(Err(message)) = action {
                self.phase = SetupPhase::Failed(message);
            }
            return Vec::new();
        }
        match action {
            Action::Edit(edit) => return self.edit(edit),
            Action::Command(Command::NextField) => self.move_focus(1),
            Action::Command(Command::PrevField) => self.move_focus(-1),
            Action::Command(Command::Submit) => match self.focus {
                SetupFocus::Field(_) => self.move_focus(1),
                SetupFocus::Save => return self.submit(),
            },
            Action::DistrictLookedUp { ubigeo, result } => self.district_found(ubigeo, result),
            _ => {}
        }
        Vec::new()
    }

    fn edit(&mut self, edit: crate::tui::action::Edit) -> Vec<Effect> {
        let SetupFocus::Field(field) = self.focus else {
            return Vec::new();
        };
        if !self.inputs[field.index()].edit(edit) {
            return Vec::new();
        }
        if matches!(self.phase, SetupPhase::Failed(_)) {
            self.phase = SetupPhase::Editing;
        }
        if field != SetupField::Ubigeo {
            return Vec::new();
        }
        let ubigeo = self.value(SetupField::Ubigeo);
        if ubigeo.len() == 6 {
            self.district = District::Looking(ubigeo.clone());
            vec![Effect::LookupDistrict { ubigeo }]
        } else {
            self.district = District::Incomplete;
            Vec::new()
        }
    }

    fn district_found(&mut self, ubigeo: String, result: Result<Option<String>, Message>) {
        // A reply for a code that has since been edited is stale: drop it.
        if ubigeo != self.value(SetupField::Ubigeo) {
            return;
        }
        self.district = match result {
            Ok(Some(label)) => District::Found { ubigeo, label },
            Ok(None) => District::NotFound(ubigeo),
            Err(message) => District::Failed(message),
        };
    }

    /// Moves the focus through the fields and the button, in a ring. Leaving a field marks it
    /// touched, so its problem shows from then on but not while it is first being typed.
    fn move_focus(&mut self, step: isize) {
        if let SetupFocus::Field(field) = self.focus {
            self.touched[field.index()] = true;
        }
        let stops = SetupField::ALL.len() + 1;
        let at = match self.focus {
            SetupFocus::Field(f) => f.index(),
            SetupFocus::Save => SetupField::ALL.len(),
        };
        let next = (at as isize + step).rem_euclid(stops as isize) as usize;
        self.focus = SetupField::ALL
            .get(next)
            .map_or(SetupFocus::Save, |&f| SetupFocus::Field(f));
    }

    fn submit(&mut self) -> Vec<Effect> {
        self.touched = [true; 6];
        if let Some(&wrong) = SetupField::ALL.iter().find(|&&f| self.problem(f).is_some()) {
            self.focus = SetupFocus::Field(wrong);
            return Vec::new();
        }
        let Ok(office_number) = self.value(SetupField::Office).parse::<i64>() else {
            return Vec::new();
        };
        self.phase = SetupPhase::Saving;
        vec![Effect::CreateAdministrator(SetupRequest {
            username: self.value(SetupField::Username).trim().to_string(),
            full_name: self.value(SetupField::FullName).trim().to_string(),
            password: Secret::new(self.value(SetupField::Password)),
            ubigeo: self.value(SetupField::Ubigeo),
            office_number,
        })]
    }

    /// The note under a field: its problem once touched, the district found, or a hint.
    fn note(&self, field: SetupField, lang: crate::i18n::Lang) -> Note<'static> {
        let problem = self.problem(field);
        if let (SetupField::Ubigeo, District::Found { ubigeo, label }) = (field, &self.district) {
            if problem.is_none() {
                return Note::Good(format!("{ubigeo} {label}").into());
            }
        }
        // An unknown district is said at once: the person has typed all six digits.
        let show = self.touched[field.index()] || problem == Some(Problem::UbigeoUnknown);
        match problem {
            Some(p) if show => Note::Error(p.text(lang).into()),
            _ => field
                .hint()
                .map_or(Note::Nothing, |h| Note::Hint(h.text(lang))),
        }
    }

    fn form<'a>(&'a self, ctx: ViewCtx<'a>) -> Form<'a> {
        let lang = ctx.lang;
        let message = match &self.phase {
            SetupPhase::Editing => Note::Nothing,
            SetupPhase::Saving => Note::Hint(Tui::SetupSaving.text(lang)),
            SetupPhase::Failed(message) => Note::Error(message.text(lang)),
        };
        let focus = match (&self.phase, self.focus) {
            (SetupPhase::Saving, _) => Focus::Nothing,
            (_, SetupFocus::Field(f)) => Focus::Field(f.index()),
            (_, SetupFocus::Save) => Focus::Button,
        };
        Form {
            title: Tui::SetupTitle.text(lang),
            intro: Tui::SetupIntro.text(lang),
            fields: SetupField::ALL
                .iter()
                .map(|&f| Field {
                    label: f.label().text(lang),
                    input: (&self.inputs[f.index()]).into(),
                    note: self.note(f, lang),
                })
                .collect(),
            button: Some(Tui::SetupButton.text(lang)),
            message,
            focus,
            max_width: 78,
            label_width: 22,
            theme: ctx.theme,
        }
    }

    /// Where the terminal cursor goes when the form is drawn in `area`.
    pub fn cursor(&self, ctx: ViewCtx, area: Rect) -> Option<Position> {
        self.form(ctx).cursor(area)
    }
}

pub struct SetupView<'a> {
    pub form: &'a SetupForm,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &SetupView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let form = self.form.form(self.ctx);
        form.render(area, buf);
    }
}
