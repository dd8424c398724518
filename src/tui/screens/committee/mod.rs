//! Comité: the multisector committee's area. A list of meetings (upcoming and past), the
//! meeting editor with tabs for agenda, attendance, minutes and agreements, the pending
//! agreements of every meeting by agency, and the minutes' preview and export.
//!
//! Like every area, `update` changes state and returns effects (run by
//! `tui::runner::committee`) and drawing only reads. Small forms and the notes editor take
//! the keys while open (`keys::Mode`, the committee's `AreaMode`); their text survives a
//! refusal by the core.

pub mod editor;
mod editor_view;
pub mod effects;
mod export;
pub mod forms;
pub mod keys;
mod list;
pub mod notes;
mod pending;

use super::main::AreaCtx;
use crate::i18n::{CommitteeTui as T, Localize, Tui};
use crate::services::Actor;
use crate::tui::action::{Action, Command};
use crate::tui::effect::{Effect, Message};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::centred;
use editor::{EditorCtx, MeetingEditor, Request};
use effects::{CommitteeEffect, Loaded};
use forms::{FormKind, FormPhase, SmallForm};
use keys::{CommitteeCommand as C, Mode};
use list::{MeetingList, MeetingListView};
use notes::NotesPhase;
use pending::{PendingList, PendingListView};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub use keys::bindings;

/// Something asked of the core and not yet answered, answered, or refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(Message),
}

/// What is on screen under any form.
#[derive(Debug, Clone, PartialEq)]
pub enum View {
    List(MeetingList),
    Pending(PendingList),
    Editor(Box<MeetingEditor>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct CommitteeState {
    pub view: View,
    pub form: Option<SmallForm>,
    /// What the last change did (or why it failed), until the next key.
    pub notice: Option<Message>,
}

fn load_meetings(actor: &Actor) -> Effect {
    Effect::Committee(CommitteeEffect::LoadMeetings {
        actor: actor.clone(),
    })
}

impl CommitteeState {
    pub fn open(actor: &Actor) -> (CommitteeState, Vec<Effect>) {
        let state = CommitteeState {
            view: View::List(MeetingList::loading()),
            form: None,
            notice: None,
        };
        (state, vec![load_meetings(actor)])
    }

    pub fn mode(&self) -> Mode {
        if self.form.is_some() {
            return Mode::Form;
        }
        match &self.view {
            View::List(_) => Mode::List,
            View::Pending(_) => Mode::Pending,
            View::Editor(e) if e.notes.is_some() => Mode::Notes,
            View::Editor(e) if e.export.is_some() => Mode::Export,
            View::Editor(e) => Mode::Editor(e.tab),
        }
    }

    /// Whether leaving now would lose typed text.
    pub fn is_dirty(&self) -> bool {
        let form = self.form.as_ref().is_some_and(SmallForm::is_dirty);
        let notes = match &self.view {
            View::Editor(e) => e.notes.as_ref().is_some_and(|n| n.is_dirty()),
            _ => false,
        };
        form || notes
    }

    pub fn update(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        if matches!(action, Action::Command(_) | Action::Edit(_)) {
            self.notice = None;
        }
        match action {
            Action::Committee(loaded) => self.loaded(loaded, ctx.actor),
            action if self.form.is_some() => self.form_update(action, ctx.actor),
            action => self.view_update(action, ctx),
        }
    }

    fn form_update(&mut self, action: Action, actor: &Actor) -> Vec<Effect> {
        let Some(form) = &mut self.form else {
            return Vec::new();
        };
        if action == Action::Command(Command::Committee(C::Back)) && form.phase != FormPhase::Saving
        {
            self.form = None;
            return Vec::new();
        }
        form.update(action, actor)
    }

    fn view_update(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        let page = page_height(ctx.body);
        match &mut self.view {
            View::List(list) => match action {
                Action::Command(Command::Committee(C::Open)) => match list.selected_meeting() {
                    Some(meeting) => self.open_meeting(meeting, ctx.actor),
                    None => Vec::new(),
                },
                Action::Command(Command::Committee(C::New)) => {
                    self.form = Some(SmallForm::new(FormKind::NewMeeting, &[]));
                    Vec::new()
                }
                Action::Command(Command::Committee(C::Pending)) => {
                    self.view = View::Pending(PendingList::loading());
                    vec![Effect::Committee(CommitteeEffect::LoadPending {
                        actor: ctx.actor.clone(),
                    })]
                }
                Action::Command(Command::Refresh) => vec![load_meetings(ctx.actor)],
                Action::Command(command) => {
                    list.move_by(command, page);
                    Vec::new()
                }
                _ => Vec::new(),
            },
            View::Pending(list) => match action {
                Action::Command(Command::Committee(C::Back)) => self.back_to_list(ctx.actor),
                Action::Command(Command::Refresh) => {
                    vec![Effect::Committee(CommitteeEffect::LoadPending {
                        actor: ctx.actor.clone(),
                    })]
                }
                Action::Command(command) => {
                    list.move_by(command, page);
                    Vec::new()
                }
                _ => Vec::new(),
            },
            View::Editor(editor) => {
                let editor_ctx = EditorCtx {
                    actor: ctx.actor,
                    lang: ctx.lang,
                    page,
                };
                let outcome = editor.update(action, &editor_ctx);
                match outcome.request {
                    Request::None => {}
                    Request::Back => return self.back_to_list(ctx.actor),
                    Request::Form(form) => self.form = Some(form),
                }
                outcome.effects
            }
        }
    }

    fn open_meeting(&mut self, meeting: i64, actor: &Actor) -> Vec<Effect> {
        let (editor, effects) = MeetingEditor::open(meeting, actor);
        self.view = View::Editor(Box::new(editor));
        effects
    }

    fn back_to_list(&mut self, actor: &Actor) -> Vec<Effect> {
        self.view = View::List(MeetingList::loading());
        vec![load_meetings(actor)]
    }

    /// The answer of an effect: new data, or a change that went through or was refused.
    fn loaded(&mut self, loaded: Loaded, actor: &Actor) -> Vec<Effect> {
        match (loaded, &mut self.view) {
            (Loaded::Meetings(result), View::List(list)) => {
                list.load = into_load(result);
                list.selected = 0;
            }
            (Loaded::Pending(result), View::Pending(list)) => list.load = into_load(result),
            (Loaded::Meeting(Ok(detail)), View::Editor(editor))
                if editor.meeting == detail.meeting.id =>
            {
                editor.loaded(detail);
            }
            (Loaded::Meeting(Err(message)), View::Editor(editor)) => {
                editor.load = Load::Failed(message)
            }
            (Loaded::NotesSaved(result), View::Editor(editor)) => {
                if result.is_ok() {
                    self.notice = Some(Message::of(&crate::i18n::CommitteeReport::NotesSaved));
                }
                return notes_saved(editor, result, actor);
            }
            (Loaded::Saved(result), _) => return self.saved(result, actor),
            _ => {}
        }
        Vec::new()
    }

    fn saved(
        &mut self,
        result: Result<(Message, Option<i64>), Message>,
        actor: &Actor,
    ) -> Vec<Effect> {
        match result {
            Err(message) => {
                match &mut self.form {
                    Some(form) => form.refused(message),
                    None => self.notice = Some(message),
                }
                Vec::new()
            }
            Ok((notice, meeting)) => {
                let was_new_meeting = matches!(
                    self.form.as_ref().map(|f| &f.kind),
                    Some(FormKind::NewMeeting)
                );
                self.form = None;
                self.notice = Some(notice);
                match (&self.view, meeting) {
                    (View::List(_), Some(id)) if was_new_meeting => self.open_meeting(id, actor),
                    (View::Editor(editor), _) => vec![editor::load(actor, editor.meeting)],
                    (View::List(_), _) => vec![load_meetings(actor)],
                    (View::Pending(_), _) => Vec::new(),
                }
            }
        }
    }

    /// Where the terminal cursor goes: in a form's field, or in the notes being edited.
    pub fn cursor(&self, ctx: ViewCtx, area: Rect) -> Option<Position> {
        let [body, _] = split(area, self.notice.is_some());
        if let Some(form) = &self.form {
            return form.cursor(ctx, body);
        }
        match &self.view {
            View::Editor(editor) => editor_view::notes_cursor(editor, body),
            _ => None,
        }
    }
}

fn notes_saved(
    editor: &mut MeetingEditor,
    result: Result<i64, effects::NotesRefusal>,
    actor: &Actor,
) -> Vec<Effect> {
    let Some(notes) = &mut editor.notes else {
        return Vec::new();
    };
    match result {
        Ok(_) => editor.notes = None,
        Err(refusal) if refusal.conflict => {
            notes.phase = NotesPhase::Conflict {
                theirs: String::new(),
            }
        }
        Err(refusal) => {
            notes.phase = NotesPhase::Failed(refusal.message);
            return Vec::new();
        }
    }
    vec![editor::load(actor, editor.meeting)]
}

fn into_load<T>(result: Result<T, Message>) -> Load<T> {
    match result {
        Ok(value) => Load::Ready(value),
        Err(message) => Load::Failed(message),
    }
}

/// Rows of a list visible at once in the area's body (less frame, header, and the lines
/// the editor keeps above its tabs).
fn page_height(body: Rect) -> usize {
    usize::from(body.height.saturating_sub(6)).max(1)
}

/// A position moved by a command within `count` rows.
pub(crate) fn moved(position: usize, count: usize, command: Command, page: usize) -> usize {
    let last = count.saturating_sub(1);
    match command {
        Command::Up => position.saturating_sub(1),
        Command::Down => position + 1,
        Command::PageUp => position.saturating_sub(page),
        Command::PageDown => position + page,
        Command::Top => 0,
        Command::Bottom => last,
        _ => position,
    }
    .min(last)
}

/// "Cargando…" or the reason the data could not be read.
fn render_load<T>(load: &Load<T>, ctx: ViewCtx, area: Rect, buf: &mut Buffer) {
    let line = match load {
        Load::Failed(message) => Line::styled(message.text(ctx.lang), ctx.theme.error),
        _ => Line::styled(Tui::Loading.text(ctx.lang), ctx.theme.muted),
    };
    Paragraph::new(line)
        .centered()
        .wrap(Wrap { trim: true })
        .render(centred(area, area.width.saturating_sub(4), 4), buf);
}

/// The area's body and, when there is a notice, a line for it at the bottom.
fn split(area: Rect, notice: bool) -> [Rect; 2] {
    let height = u16::from(notice);
    area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
    ]))
}

/// Draws the area.
pub struct CommitteeView<'a> {
    pub state: &'a CommitteeState,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &CommitteeView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ctx = self.ctx;
        let [body, notice] = split(area, self.state.notice.is_some());
        match &self.state.view {
            View::List(list) => MeetingListView { list, ctx }.render(body, buf),
            View::Pending(list) => PendingListView { list, ctx }.render(body, buf),
            View::Editor(editor) => editor_view::EditorView { editor, ctx }.render(body, buf),
        }
        if let Some(form) = &self.state.form {
            form.form(ctx).render(body, buf);
        }
        if let Some(message) = &self.state.notice {
            Line::styled(format!(" {}", message.text(ctx.lang)), ctx.theme.success)
                .render(notice, buf);
        }
    }
}

/// The area's tab title and help, for the shell's table of areas.
pub fn title() -> Tui {
    Tui::Committee(T::AreaTitle)
}

pub fn help() -> Tui {
    Tui::Committee(T::HelpArea)
}

#[cfg(test)]
mod tests;
