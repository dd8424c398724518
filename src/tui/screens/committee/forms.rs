//! The committee's small forms: a new meeting, a new agenda item, a new agreement, the
//! reason to drop one, and the file to save the minutes in. Values are checked by the core
//! when saved; a refusal is shown under the form in the core's words, and what was typed
//! stays, so it can be corrected rather than typed again.

use super::effects::CommitteeEffect;
use crate::i18n::{CommitteeTui as T, Lang, Localize};
use crate::services::committee::summary::Format;
use crate::services::Actor;
use crate::tui::action::{Action, Command, Edit};
use crate::tui::effect::{Effect, Message};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::form::{Field, Focus, Form, Note};
use crate::tui::widgets::text_input::{FieldKind, TextInput};
use ratatui::layout::{Position, Rect};

/// What the form is for, with what it needs to build its effect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    NewMeeting,
    NewItem {
        meeting: i64,
    },
    NewAgreement {
        meeting: i64,
    },
    Drop {
        agreement: i64,
        version: i64,
    },
    SaveFile {
        meeting: i64,
        format: Format,
        lang: Lang,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPhase {
    Editing,
    Saving,
    Failed(Message),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmallForm {
    pub kind: FormKind,
    inputs: Vec<TextInput>,
    focus: usize,
    pub phase: FormPhase,
}

/// (label, note under the field, kind of input)
type FieldSpec = (T, T, FieldKind);

const TEXT: FieldKind = FieldKind::Text { max: 200 };
const SHORT: FieldKind = FieldKind::Text { max: 20 };

fn specs(kind: &FormKind) -> &'static [FieldSpec] {
    match kind {
        FormKind::NewMeeting => &[
            (T::FieldDate, T::NoteDate, SHORT),
            (T::FieldTime, T::NoteTime, SHORT),
            (T::FieldPlace, T::FieldPlace, TEXT),
        ],
        FormKind::NewItem { .. } => &[
            (T::FieldTitle, T::FieldTitle, TEXT),
            (T::FieldPresenter, T::NoteOptionalAgency, SHORT),
            (T::FieldTime, T::NoteTime, SHORT),
        ],
        FormKind::NewAgreement { .. } => &[
            (T::FieldDescription, T::FieldDescription, TEXT),
            (T::FieldResponsible, T::NoteAgencyCode, SHORT),
            (T::FieldDue, T::NoteDate, SHORT),
        ],
        FormKind::Drop { .. } => &[(T::FieldNote, T::FieldNote, TEXT)],
        FormKind::SaveFile { .. } => &[(T::FieldPath, T::NotePath, FieldKind::Text { max: 400 })],
    }
}

impl SmallForm {
    /// A form with its fields filled with `values` (missing ones empty).
    pub fn new(kind: FormKind, values: &[&str]) -> SmallForm {
        let inputs = specs(&kind)
            .iter()
            .enumerate()
            .map(|(i, (_, _, field))| {
                TextInput::with_value(*field, values.get(i).copied().unwrap_or(""))
            })
            .collect();
        SmallForm {
            kind,
            inputs,
            focus: 0,
            phase: FormPhase::Editing,
        }
    }

    pub fn values(&self) -> Vec<String> {
        self.inputs.iter().map(TextInput::value).collect()
    }

    /// Whether anything was typed.
    pub fn is_dirty(&self) -> bool {
        self.inputs.iter().any(|i| !i.is_empty())
    }

    /// Handles typing and moving; returns the effect to run when Enter is pressed on the
    /// last field.
    pub fn update(&mut self, action: Action, actor: &Actor) -> Vec<Effect> {
        if self.phase == FormPhase::Saving {
            return Vec::new();
        }
        let last = self.inputs.len().saturating_sub(1);
        match action {
            Action::Edit(edit) => self.edit(edit),
            Action::Command(Command::NextField) => self.focus = (self.focus + 1).min(last),
            Action::Command(Command::PrevField) => self.focus = self.focus.saturating_sub(1),
            Action::Command(Command::Submit) if self.focus < last => self.focus += 1,
            Action::Command(Command::Submit) => {
                self.phase = FormPhase::Saving;
                return vec![Effect::Committee(self.effect(actor))];
            }
            _ => {}
        }
        Vec::new()
    }

    fn edit(&mut self, edit: Edit) {
        if let Some(input) = self.inputs.get_mut(self.focus) {
            if input.edit(edit) {
                self.phase = FormPhase::Editing;
            }
        }
    }

    /// The save was refused: the message goes under the form, the values stay.
    pub fn refused(&mut self, message: Message) {
        self.phase = FormPhase::Failed(message);
    }

    fn effect(&self, actor: &Actor) -> CommitteeEffect {
        let v = self.values();
        let at = |i: usize| v.get(i).cloned().unwrap_or_default();
        let actor = actor.clone();
        match &self.kind {
            FormKind::NewMeeting => CommitteeEffect::CreateMeeting {
                actor,
                date: at(0),
                time: at(1),
                place: at(2),
            },
            FormKind::NewItem { meeting } => CommitteeEffect::AddItem {
                actor,
                meeting: *meeting,
                title: at(0),
                presenter: at(1),
                time: at(2),
            },
            FormKind::NewAgreement { meeting } => CommitteeEffect::AddAgreement {
                actor,
                meeting: *meeting,
                description: at(0),
                responsible: at(1),
                due: at(2),
            },
            FormKind::Drop { agreement, version } => CommitteeEffect::SetStatus {
                actor,
                agreement: *agreement,
                version: *version,
                status: crate::domain::committee::AgreementStatus::Dropped,
                note: at(0),
            },
            FormKind::SaveFile {
                meeting,
                format,
                lang,
            } => CommitteeEffect::WriteSummary {
                actor,
                meeting: *meeting,
                format: *format,
                lang: *lang,
                path: at(0),
            },
        }
    }

    fn title(&self) -> (T, T) {
        match self.kind {
            FormKind::NewMeeting => (T::FormNewMeeting, T::FormIntroMeeting),
            FormKind::NewItem { .. } => (T::FormNewItem, T::FormIntroItem),
            FormKind::NewAgreement { .. } => (T::FormNewAgreement, T::FormIntroAgreement),
            FormKind::Drop { .. } => (T::FormDrop, T::FormIntroDrop),
            FormKind::SaveFile { .. } => (T::FormSave, T::FormIntroSave),
        }
    }

    /// The shell's form widget, filled in.
    pub fn form<'a>(&'a self, ctx: ViewCtx<'a>) -> Form<'a> {
        let lang = ctx.lang;
        let (title, intro) = self.title();
        let fields = specs(&self.kind)
            .iter()
            .zip(&self.inputs)
            .map(|((label, note, _), input)| Field {
                label: label.text(lang),
                input: input.into(),
                note: if note == label {
                    Note::Nothing
                } else {
                    Note::Hint(note.text(lang))
                },
            })
            .collect();
        let message = match &self.phase {
            FormPhase::Editing => Note::Nothing,
            FormPhase::Saving => Note::Hint(T::Saving.text(lang)),
            FormPhase::Failed(message) => Note::Error(message.text(lang)),
        };
        let focus = if self.phase == FormPhase::Saving {
            Focus::Nothing
        } else {
            Focus::Field(self.focus)
        };
        Form {
            title: title.text(lang),
            intro: intro.text(lang),
            fields,
            button: None,
            message,
            focus,
            max_width: 76,
            label_width: 12,
            theme: ctx.theme,
        }
    }

    pub fn cursor(&self, ctx: ViewCtx, area: Rect) -> Option<Position> {
        self.form(ctx).cursor(area)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::role::Role;

    fn coordinator() -> Actor {
        Actor {
            user_id: Some(5),
            username: "coord".into(),
            display_name: "C".into(),
            role: Role::Coordinador,
        }
    }

    #[test]
    fn enter_moves_on_then_asks_the_core_to_save() {
        let mut form = SmallForm::new(FormKind::NewAgreement { meeting: 9 }, &[]);
        for c in "Visita".chars() {
            form.update(Action::Edit(Edit::Insert(c)), &coordinator());
        }
        assert!(form
            .update(Command::Submit.into(), &coordinator())
            .is_empty());
        assert!(form
            .update(Command::Submit.into(), &coordinator())
            .is_empty());
        let effects = form.update(Command::Submit.into(), &coordinator());
        let Some(Effect::Committee(CommitteeEffect::AddAgreement {
            description,
            responsible,
            ..
        })) = effects.first()
        else {
            panic!("{effects:?}");
        };
        assert_eq!((description.as_str(), responsible.as_str()), ("Visita", ""));
        assert_eq!(form.phase, FormPhase::Saving);
        form.refused(Message::of(
            &crate::services::committee::CommitteeError::MissingResponsible,
        ));
        assert_eq!(form.values()[0], "Visita", "what was typed stays");
    }
}
