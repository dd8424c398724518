//! The area's small forms: the list's filter, the reason to resolve, dismiss or reject, the
//! agency to assign, a note, and the misuse report. A field is a choice (← → change it, a
//! typed letter jumps to the next option starting with it) or a line of text. Values are
//! checked here before anything is sent — a reason that is required, a date — and each
//! problem is said under its field; what was typed stays when the core refuses it.

use super::effects::Choices;
use crate::domain::dates;
use crate::i18n::{overlaps as words, Lang, Localize, OverlapsTui as T};
use crate::tui::action::Edit;
use crate::tui::effect::Message;
use crate::tui::widgets::text_input::{FieldKind, TextInput};
use std::borrow::Cow;

/// What a form is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    Filter,
    Resolve,
    Dismiss,
    Reject,
    Assign,
    Note,
    Misuse,
}

/// How an option of a choice is said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionLabel {
    /// No value: "(todos)" in a filter, "(elija)" where a value is required.
    Any,
    Choose,
    Kind(&'static str),
    Severity(&'static str),
    Status(&'static str),
    Text(String),
}

impl OptionLabel {
    pub fn text(&self, lang: Lang) -> Cow<'_, str> {
        match self {
            OptionLabel::Any => T::Any.text(lang),
            OptionLabel::Choose => T::Choose.text(lang),
            OptionLabel::Kind(k) => Cow::Borrowed(words::kind(k, lang)),
            OptionLabel::Severity(s) => Cow::Borrowed(words::severity(s, lang)),
            OptionLabel::Status(s) => Cow::Borrowed(words::status(s, lang)),
            OptionLabel::Text(t) => Cow::Borrowed(t),
        }
    }
}

/// One option: the value sent to the core (`None`: no value) and its label.
pub type Opt = (Option<String>, OptionLabel);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Choice { options: Vec<Opt>, index: usize },
    Text(TextInput),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    pub label: T,
    pub note: Option<T>,
    pub input: Input,
    pub required: bool,
    pub error: Option<T>,
}

impl FormField {
    fn choice(label: T, options: Vec<Opt>, selected: Option<&str>, required: bool) -> FormField {
        let index = options
            .iter()
            .position(|(v, _)| v.as_deref() == selected)
            .unwrap_or(0);
        FormField {
            label,
            note: Some(T::NoteChoice),
            input: Input::Choice { options, index },
            required,
            error: None,
        }
    }

    fn text(label: T, note: Option<T>, value: &str, required: bool) -> FormField {
        FormField {
            label,
            note,
            input: Input::Text(TextInput::with_value(FieldKind::Text { max: 300 }, value)),
            required,
            error: None,
        }
    }

    /// The value: the chosen option's, or the text trimmed (`None` when empty).
    pub fn value(&self) -> Option<String> {
        match &self.input {
            Input::Choice { options, index } => options.get(*index).and_then(|(v, _)| v.clone()),
            Input::Text(input) => Some(input.value().trim().to_string()).filter(|v| !v.is_empty()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPhase {
    Editing,
    Saving,
    Failed(Message),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertForm {
    pub kind: FormKind,
    pub fields: Vec<FormField>,
    pub focus: usize,
    pub phase: FormPhase,
    /// Something was typed or chosen.
    pub touched: bool,
}

const KINDS: [&str; 12] = [
    "probable_same_person",
    "dni_conflict",
    "multi_programme",
    "double_funding",
    "activity_overlap",
    "conditionality_misuse",
    "targeting_seed_altitude",
    "targeting_shed_herd",
    "targeting_non_poor",
    "targeting_juntos_missing",
    "targeting_sisfoh_expired",
    "household_disagreement",
];

fn with_any(first: OptionLabel, rest: impl Iterator<Item = Opt>) -> Vec<Opt> {
    std::iter::once((None, first)).chain(rest).collect()
}

fn agencies(choices: &Choices) -> Vec<Opt> {
    with_any(
        OptionLabel::Choose,
        choices.agencies.iter().map(|(id, code, name)| {
            (
                Some(format!("{id}:{code}")),
                OptionLabel::Text(format!("{code} – {name}")),
            )
        }),
    )
}

impl AlertForm {
    fn new(kind: FormKind, fields: Vec<FormField>) -> AlertForm {
        AlertForm {
            kind,
            fields,
            focus: 0,
            phase: FormPhase::Editing,
            touched: false,
        }
    }

    /// The filter form, showing the filter in force.
    pub fn filter(current: &crate::store::flags::FlagFilter, choices: &Choices) -> AlertForm {
        let fixed = |f: fn(&'static str) -> OptionLabel, values: &[&'static str]| {
            let rest: Vec<Opt> = values.iter().map(|v| (Some(v.to_string()), f(v))).collect();
            with_any(OptionLabel::Any, rest.into_iter())
        };
        let districts = with_any(
            OptionLabel::Any,
            choices
                .districts
                .iter()
                .map(|(u, n)| (Some(u.clone()), OptionLabel::Text(n.clone()))),
        );
        let programmes = with_any(
            OptionLabel::Any,
            choices
                .programmes
                .iter()
                .map(|(id, code)| (Some(id.to_string()), OptionLabel::Text(code.clone()))),
        );
        let programme = current.programme.map(|p| p.to_string());
        AlertForm::new(
            FormKind::Filter,
            vec![
                FormField::choice(
                    T::FieldKind,
                    fixed(OptionLabel::Kind, &KINDS),
                    current.kind.as_deref(),
                    false,
                ),
                FormField::choice(
                    T::FieldSeverity,
                    fixed(OptionLabel::Severity, &["high", "medium", "low"]),
                    current.severity.as_deref(),
                    false,
                ),
                FormField::choice(
                    T::FieldStatus,
                    fixed(
                        OptionLabel::Status,
                        &["open", "acknowledged", "resolved", "dismissed"],
                    ),
                    current.status.as_deref(),
                    false,
                ),
                FormField::choice(
                    T::FieldDistrict,
                    districts,
                    current.district.as_deref(),
                    false,
                ),
                FormField::choice(T::FieldProgramme, programmes, programme.as_deref(), false),
            ],
        )
    }

    /// A one-line reason (resolve, dismiss, reject) or a note: required.
    pub fn reason(kind: FormKind) -> AlertForm {
        let label = if kind == FormKind::Note {
            T::FieldNote
        } else {
            T::FieldReason
        };
        AlertForm::new(kind, vec![FormField::text(label, None, "", true)])
    }

    pub fn assign(choices: &Choices) -> AlertForm {
        AlertForm::new(
            FormKind::Assign,
            vec![
                FormField::choice(T::FieldAgency, agencies(choices), None, true),
                FormField::text(T::FieldNote, Some(T::NoteOptional), "", false),
            ],
        )
    }

    pub fn misuse(choices: &Choices) -> AlertForm {
        AlertForm::new(
            FormKind::Misuse,
            vec![
                FormField::choice(T::FieldAgency, agencies(choices), None, true),
                FormField::text(T::FieldActivity, Some(T::NoteActivity), "", true),
                FormField::text(T::FieldDescription, None, "", true),
                FormField::text(T::FieldDate, Some(T::NoteDate), &choices.today, true),
                FormField::text(T::FieldReportedBy, Some(T::NoteOptional), "", false),
            ],
        )
    }

    pub fn focused_is_choice(&self) -> bool {
        matches!(
            self.fields.get(self.focus).map(|f| &f.input),
            Some(Input::Choice { .. })
        )
    }

    pub fn is_dirty(&self) -> bool {
        self.touched && self.kind != FormKind::Filter
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1).min(self.fields.len().saturating_sub(1));
    }

    pub fn prev_field(&mut self) {
        self.focus = self.focus.saturating_sub(1);
    }

    pub fn on_last_field(&self) -> bool {
        self.focus + 1 >= self.fields.len()
    }

    /// ← → on a choice: the option before or after.
    pub fn step_choice(&mut self, forward: bool) {
        if let Some(Input::Choice { options, index }) =
            self.fields.get_mut(self.focus).map(|f| &mut f.input)
        {
            let n = options.len().max(1);
            *index = if forward {
                (*index + 1) % n
            } else {
                (*index + n - 1) % n
            };
            self.touched = true;
            self.clear_error();
        }
    }

    /// Typing: into a text field, or on a choice, to the next option starting with the letter.
    pub fn edit(&mut self, edit: Edit, lang: Lang) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        let changed = match (&mut field.input, edit) {
            (Input::Text(input), edit) => input.edit(edit),
            (Input::Choice { options, index }, Edit::Insert(c)) => jump(options, index, c, lang),
            (Input::Choice { .. }, _) => false,
        };
        if changed {
            self.touched = true;
            self.clear_error();
        }
    }

    fn clear_error(&mut self) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            field.error = None;
        }
        if matches!(self.phase, FormPhase::Failed(_)) {
            self.phase = FormPhase::Editing;
        }
    }

    /// The values when every field is fine; otherwise each problem goes under its field, the
    /// focus to the first one, and nothing is returned.
    pub fn validate(&mut self, today: &str) -> Option<Vec<Option<String>>> {
        for field in &mut self.fields {
            field.error = check(field, today);
        }
        if let Some(first) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = first;
            self.phase = FormPhase::Failed(Message::of(&T::ErrFix));
            return None;
        }
        Some(self.fields.iter().map(FormField::value).collect())
    }

    /// The core refused the values: its words go under the form, the values stay.
    pub fn refused(&mut self, message: Message) {
        self.phase = FormPhase::Failed(message);
    }
}

fn check(field: &FormField, today: &str) -> Option<T> {
    let value = field.value();
    match (&field.input, value) {
        (Input::Choice { .. }, None) if field.required => Some(T::ErrChoose),
        (Input::Text(_), None) if field.required => Some(T::ErrRequired),
        (Input::Text(_), Some(text)) if field.label == T::FieldDate => {
            match dates::parse_date(&text) {
                Err(_) => Some(T::ErrDate),
                Ok(date) if dates::iso(date).as_str() > today && !today.is_empty() => {
                    Some(T::ErrFuture)
                }
                Ok(_) => None,
            }
        }
        _ => None,
    }
}

/// Moves a choice to the next option whose label starts with `c` (case-blind).
fn jump(options: &[Opt], index: &mut usize, c: char, lang: Lang) -> bool {
    let n = options.len();
    let wanted: String = c.to_lowercase().collect();
    let found = (1..=n).map(|step| (*index + step) % n).find(|&i| {
        options
            .get(i)
            .map(|(_, label)| label.text(lang).to_lowercase().starts_with(&wanted))
            .unwrap_or(false)
    });
    match found {
        Some(i) if i != *index => {
            *index = i;
            true
        }
        _ => false,
    }
}
