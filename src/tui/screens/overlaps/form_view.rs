//! Drawing the area's forms with the shell's form widget: a choice shows as `< option >`, a
//! text field as typed; each field's problem goes under it, the core's refusal under the form.

use super::form::{AlertForm, FormKind, FormPhase, Input};
use crate::i18n::{Localize, OverlapsTui as T};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::form::{Field, Focus, Form, Note};
use crate::tui::widgets::text_input::{FieldKind, TextInput};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

/// What each field shows: a choice as a text `< option >`, a text field as it is.
fn shown(form: &AlertForm, ctx: ViewCtx) -> Vec<TextInput> {
    form.fields
        .iter()
        .map(|field| match &field.input {
            Input::Text(input) => input.clone(),
            Input::Choice { options, index } => {
                let label = options
                    .get(*index)
                    .map(|(_, l)| l.text(ctx.lang).into_owned())
                    .unwrap_or_default();
                TextInput::with_value(FieldKind::Text { max: 200 }, &format!("< {label} >"))
            }
        })
        .collect()
}

fn titles(kind: FormKind) -> (T, T) {
    match kind {
        FormKind::Filter => (T::FormFilter, T::FormFilterIntro),
        FormKind::Resolve => (T::FormResolve, T::FormResolveIntro),
        FormKind::Dismiss => (T::FormDismiss, T::FormDismissIntro),
        FormKind::Reject => (T::FormReject, T::FormRejectIntro),
        FormKind::Assign => (T::FormAssign, T::FormAssignIntro),
        FormKind::Note => (T::FormNote, T::FormNoteIntro),
        FormKind::Misuse => (T::FormMisuse, T::FormMisuseIntro),
    }
}

fn widget<'a>(form: &'a AlertForm, inputs: &'a [TextInput], ctx: ViewCtx<'a>) -> Form<'a> {
    let lang = ctx.lang;
    let (title, intro) = titles(form.kind);
    let fields = form
        .fields
        .iter()
        .zip(inputs)
        .map(|(field, input)| Field {
            label: field.label.text(lang),
            input: input.into(),
            note: match (field.error, field.note) {
                (Some(error), _) => Note::Error(error.text(lang)),
                (None, Some(note)) => Note::Hint(note.text(lang)),
                (None, None) => Note::Nothing,
            },
        })
        .collect();
    let (message, focus) = match &form.phase {
        FormPhase::Editing => (Note::Nothing, Focus::Field(form.focus)),
        FormPhase::Saving => (Note::Hint(T::Saving.text(lang)), Focus::Nothing),
        FormPhase::Failed(m) => (Note::Error(m.text(lang)), Focus::Field(form.focus)),
    };
    Form {
        title: title.text(lang),
        intro: intro.text(lang),
        fields,
        button: None,
        message,
        focus,
        max_width: 76,
        label_width: 14,
        theme: ctx.theme,
    }
}

pub(super) fn draw(form: &AlertForm, ctx: ViewCtx, area: Rect, buf: &mut Buffer) {
    let inputs = shown(form, ctx);
    widget(form, &inputs, ctx).render(area, buf);
}

/// The terminal cursor, in a focused text field (a choice shows none).
pub(super) fn cursor(form: &AlertForm, ctx: ViewCtx, area: Rect) -> Option<Position> {
    if form.focused_is_choice() {
        return None;
    }
    let inputs = shown(form, ctx);
    widget(form, &inputs, ctx).cursor(area)
}
