//! Drawing a registry form: each field with its label and a note under it (its problem once
//! the field has been left, else a hint), the save button, and under it the outcome of a save
//! or the whole text of the focused field's problem, which the note line can only begin.

use super::effects::SaveFailure;
use super::forms::{FieldInput, FormFocus, FormPhase, RecordForm};
use crate::domain::forms::{FieldErrors, FieldProblem};
use crate::i18n::{Lang, Localize, Reg, Tui};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::form::{Field, Focus, Form, InputRef, Note};
use ratatui::layout::{Position, Rect};

impl RecordForm {
    fn problem<'e>(&self, errors: &'e FieldErrors, i: usize) -> Option<&'e FieldProblem> {
        errors.get(self.fields.get(i)?.name)
    }

    /// The message under the form: the save's outcome, or the whole of the focused field's
    /// problem (the line under a field has room for its start only).
    fn message(&self, errors: &FieldErrors, lang: Lang) -> Note<'static> {
        match &self.phase {
            FormPhase::Saving => return Note::Hint(Tui::Reg(Reg::FormSaving).text(lang)),
            FormPhase::Failed(SaveFailure::Conflict(_)) => {
                return Note::Error(Tui::Reg(Reg::FormConflict).text(lang))
            }
            FormPhase::Failed(SaveFailure::Refused(message)) => {
                return Note::Error(message.text(lang))
            }
            FormPhase::Editing => {}
        }
        let FormFocus::Field(i) = self.focus else {
            return Note::Nothing;
        };
        let typed = self
            .fields
            .get(i)
            .is_some_and(|f| matches!(&f.input, FieldInput::Text(t) if !t.is_empty()));
        match self.problem(errors, i) {
            Some(problem) if typed || self.touched[i] => Note::Error(problem.text(lang)),
            _ => Note::Nothing,
        }
    }

    pub fn form<'a>(&'a self, ctx: ViewCtx<'a>) -> Form<'a> {
        let lang = ctx.lang;
        let errors = self.problems();
        let fields = self
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let note = match self.problem(&errors, i) {
                    Some(problem) if self.touched[i] => Note::Error(problem.text(lang)),
                    _ => f
                        .hint
                        .map_or(Note::Nothing, |h| Note::Hint(Tui::Reg(h).text(lang))),
                };
                Field {
                    label: Tui::Reg(f.label).text(lang),
                    input: match &f.input {
                        FieldInput::Text(t) => InputRef::Text(t),
                        FieldInput::Choice(c) => InputRef::Choice(c, lang),
                    },
                    note,
                }
            })
            .collect();
        let focus = match (&self.phase, self.focus) {
            (FormPhase::Saving, _) => Focus::Nothing,
            (_, FormFocus::Field(i)) => Focus::Field(i),
            (_, FormFocus::Save) => Focus::Button,
        };
        Form {
            title: self.title.text(lang),
            intro: "".into(),
            fields,
            button: Some(Tui::Reg(Reg::FormSave).text(lang)),
            message: self.message(&errors, lang),
            focus,
            max_width: 80,
            label_width: 22,
            theme: ctx.theme,
        }
    }

    pub fn cursor(&self, ctx: ViewCtx, area: Rect) -> Option<Position> {
        self.form(ctx).cursor(area)
    }
}
