//! The registry's forms: a household (new or corrected), a person (new or corrected), a new
//! enrolment, and the end of one. Each field has a type (text, date, amount, choice) that
//! edits itself; Tab and Shift+Tab move the focus; every change is validated at once with the
//! domain's own `validate_*` (the function the core runs again before saving), so the person
//! reads what is wrong, in their language, before trying to save, and nothing is sent to the
//! core while a field is wrong. A refused save keeps everything that was typed.

use super::effects::{Change, RegistryEffect, SaveFailure, SaveRequest};
use crate::domain::forms::{
    validate_end, validate_enrolment, validate_household, validate_person, EnrolmentDraft,
    FieldErrors, HouseholdDraft, PersonDraft,
};
use crate::i18n::{Lang, Reg, RegMessage};
use crate::services::Actor;
use crate::tui::action::{Action, Command, Edit};
use crate::tui::effect::{Effect, Message};
use crate::tui::widgets::choice::ChoiceInput;
use crate::tui::widgets::text_input::TextInput;
use chrono::NaiveDate;

/// What the form changes, with the ids and versions it was opened on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    NewHousehold,
    EditHousehold {
        id: i64,
        version: i64,
    },
    AddPerson {
        household: i64,
    },
    EditPerson {
        household: i64,
        id: i64,
        version: i64,
    },
    Enrol {
        household: i64,
        person: i64,
    },
    EndEnrolment {
        household: i64,
        id: i64,
        version: i64,
        start: NaiveDate,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldInput {
    Text(TextInput),
    Choice(ChoiceInput),
}

impl FieldInput {
    pub fn value(&self) -> String {
        match self {
            FieldInput::Text(input) => input.value(),
            FieldInput::Choice(choice) => choice.value(),
        }
    }

    fn edit(&mut self, edit: Edit, lang: Lang) -> bool {
        match self {
            FieldInput::Text(input) => input.edit(edit),
            FieldInput::Choice(choice) => choice.edit(edit, lang),
        }
    }
}

/// One field: its name (as the domain's `FieldErrors` call it), label, hint and input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    pub name: &'static str,
    pub label: Reg,
    pub hint: Option<Reg>,
    pub input: FieldInput,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormFocus {
    Field(usize),
    Save,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPhase {
    Editing,
    Saving,
    /// The core did not save; the form keeps what was typed.
    Failed(SaveFailure),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordForm {
    pub(super) kind: FormKind,
    pub(super) title: Message,
    pub(super) fields: Vec<FormField>,
    pub(super) focus: FormFocus,
    /// Fields left at least once (or all, after a try to save): their problems are shown.
    pub(super) touched: Vec<bool>,
    /// The values the form opened with, to know whether closing it loses anything.
    pub(super) initial: Vec<String>,
    pub(super) phase: FormPhase,
    /// The core's today: dates after it are refused as they are typed.
    pub(super) today: NaiveDate,
}

impl RecordForm {
    pub(super) fn build(
        kind: FormKind,
        title: Message,
        fields: Vec<FormField>,
        today: NaiveDate,
    ) -> RecordForm {
        let initial = fields.iter().map(|f| f.input.value()).collect();
        RecordForm {
            kind,
            title,
            touched: vec![false; fields.len()],
            fields,
            focus: FormFocus::Field(0),
            initial,
            phase: FormPhase::Editing,
            today,
        }
    }

    pub fn kind(&self) -> &FormKind {
        &self.kind
    }

    pub fn focus(&self) -> FormFocus {
        self.focus
    }

    pub fn phase(&self) -> &FormPhase {
        &self.phase
    }

    pub fn value(&self, name: &str) -> String {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.input.value())
            .unwrap_or_default()
    }

    /// Whether closing the form would lose something typed.
    pub fn is_dirty(&self) -> bool {
        self.fields
            .iter()
            .zip(&self.initial)
            .any(|(f, initial)| f.input.value() != *initial)
    }

    /// The household the form's change belongs to (`None` for a new household).
    pub fn household(&self) -> Option<i64> {
        match self.kind {
            FormKind::NewHousehold => None,
            FormKind::EditHousehold { id, .. } => Some(id),
            FormKind::AddPerson { household }
            | FormKind::EditPerson { household, .. }
            | FormKind::Enrol { household, .. }
            | FormKind::EndEnrolment { household, .. } => Some(household),
        }
    }

    fn household_draft(&self) -> HouseholdDraft {
        HouseholdDraft {
            community: self.value("community"),
            address: self.value("address"),
            sisfoh: self.value("sisfoh"),
            sisfoh_date: self.value("sisfoh_date"),
            herd_size: self.value("herd_size"),
            altitude_m: self.value("altitude_m"),
        }
    }

    fn person_draft(&self) -> PersonDraft {
        PersonDraft {
            dni: self.value("dni"),
            paternal: self.value("paternal"),
            maternal: self.value("maternal"),
            given: self.value("given"),
            birth_date: self.value("birth_date"),
            sex: self.value("sex"),
            pregnant: self.value("pregnant") == "1",
        }
    }

    fn enrolment_draft(&self) -> EnrolmentDraft {
        EnrolmentDraft {
            start_date: self.value("start_date"),
            activity: self.value("activity"),
            amount: self.value("amount"),
        }
    }

    /// Every problem of the values typed so far, from the domain's validation.
    pub fn problems(&self) -> FieldErrors {
        let today = self.today;
        let result = match &self.kind {
            FormKind::NewHousehold | FormKind::EditHousehold { .. } => {
                validate_household(&self.household_draft(), today).map(|_| ())
            }
            FormKind::AddPerson { .. } | FormKind::EditPerson { .. } => {
                validate_person(&self.person_draft(), today).map(|_| ())
            }
            FormKind::Enrol { .. } => {
                validate_enrolment(&self.enrolment_draft(), today).map(|_| ())
            }
            FormKind::EndEnrolment { start, .. } => validate_end(
                &self.value("end_date"),
                &self.value("end_reason"),
                *start,
                today,
            )
            .map(|_| ()),
        };
        result.err().unwrap_or_default()
    }

    fn change(&self) -> Change {
        match self.kind.clone() {
            FormKind::NewHousehold => Change::AddHousehold {
                district: self.value("district"),
                draft: self.household_draft(),
            },
            FormKind::EditHousehold { id, version } => Change::UpdateHousehold {
                id,
                version,
                draft: self.household_draft(),
            },
            FormKind::AddPerson { household } => Change::AddPerson {
                household,
                draft: self.person_draft(),
            },
            FormKind::EditPerson {
                household,
                id,
                version,
            } => Change::UpdatePerson {
                household,
                id,
                version,
                draft: self.person_draft(),
            },
            FormKind::Enrol { household, person } => Change::AddEnrolment {
                household,
                person,
                programme: self.value("programme"),
                draft: self.enrolment_draft(),
            },
            FormKind::EndEnrolment {
                household,
                id,
                version,
                ..
            } => Change::EndEnrolment {
                household,
                id,
                version,
                date: self.value("end_date"),
                reason: self.value("end_reason"),
            },
        }
    }

    pub fn update(&mut self, action: Action, actor: &Actor, lang: Lang) -> Vec<Effect> {
        if self.phase == FormPhase::Saving {
            // Keys typed while saving would change a form that is no longer the one saved.
            return Vec::new();
        }
        match action {
            Action::Edit(edit) => self.edit(edit, lang),
            Action::Command(Command::NextField) => self.move_focus(1),
            Action::Command(Command::PrevField) => self.move_focus(-1),
            Action::Command(Command::Submit) => match self.focus {
                FormFocus::Field(_) => self.move_focus(1),
                FormFocus::Save => return self.submit(actor),
            },
            _ => {}
        }
        Vec::new()
    }

    /// The core's answer to a save: the form stays open, as typed, with the reason.
    pub fn failed(&mut self, failure: SaveFailure) {
        self.phase = FormPhase::Failed(failure);
        self.focus = FormFocus::Save;
    }

    fn edit(&mut self, edit: Edit, lang: Lang) {
        let FormFocus::Field(i) = self.focus else {
            return;
        };
        let Some(field) = self.fields.get_mut(i) else {
            return;
        };
        if field.input.edit(edit, lang) && matches!(self.phase, FormPhase::Failed(_)) {
            self.phase = FormPhase::Editing;
        }
    }

    /// Moves the focus through the fields and the save button, in a ring. Leaving a field
    /// marks it touched, so its problem shows from then on.
    fn move_focus(&mut self, step: isize) {
        if let FormFocus::Field(i) = self.focus {
            if let Some(touched) = self.touched.get_mut(i) {
                *touched = true;
            }
        }
        let stops = self.fields.len() + 1;
        let at = match self.focus {
            FormFocus::Field(i) => i,
            FormFocus::Save => self.fields.len(),
        };
        let next = (at as isize + step).rem_euclid(stops as isize) as usize;
        self.focus = if next < self.fields.len() {
            FormFocus::Field(next)
        } else {
            FormFocus::Save
        };
    }

    /// Saves only when every field is right; otherwise shows every problem and goes to the
    /// first wrong field.
    fn submit(&mut self, actor: &Actor) -> Vec<Effect> {
        self.touched.fill(true);
        let problems = self.problems();
        let wrong = self
            .fields
            .iter()
            .position(|f| problems.get(f.name).is_some());
        if let Some(i) = wrong {
            self.focus = FormFocus::Field(i);
            return Vec::new();
        }
        self.phase = FormPhase::Saving;
        vec![Effect::Registry(RegistryEffect::Save(SaveRequest {
            actor: actor.clone(),
            change: self.change(),
        }))]
    }
}

/// The title of a form about someone, in both languages.
pub(super) fn titled(message: RegMessage) -> Message {
    Message::of(&message)
}
