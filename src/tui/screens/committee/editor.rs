//! The meeting editor: one meeting in four tabs — agenda, attendance, minutes (notes per
//! item and general notes) and agreements — plus the preview of its minutes for export.
//! Every change is an effect to the core; the meeting is read again after each one, so the
//! screen always shows what is stored.

use super::effects::{CommitteeEffect, NotesTarget};
use super::forms::{FormKind, SmallForm};
use super::keys::{CommitteeCommand as C, Tab};
use super::notes::{NotesEditor, NotesPhase};
use super::Load;
use crate::domain::committee::{AgreementStatus, AttendanceStatus};
use crate::i18n::{CommitteeTui as T, Lang, Localize};
use crate::services::committee::agreements::AgreementView;
use crate::services::committee::detail::MeetingDetail;
use crate::services::committee::summary::Format;
use crate::services::Actor;
use crate::tui::action::{Action, Command};
use crate::tui::effect::Effect;

/// The minutes preview: its format and how far it is scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportState {
    pub format: Format,
    pub scroll: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeetingEditor {
    pub meeting: i64,
    pub load: Load<Box<MeetingDetail>>,
    pub tab: Tab,
    pub selected: usize,
    pub notes: Option<NotesEditor>,
    pub export: Option<ExportState>,
}

/// What the editor asks of the area around it.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    None,
    Back,
    Form(SmallForm),
}

/// What one update of the editor gives back.
pub struct Outcome {
    pub effects: Vec<Effect>,
    pub request: Request,
}

impl Outcome {
    fn effects(effects: Vec<Effect>) -> Outcome {
        Outcome {
            effects,
            request: Request::None,
        }
    }

    fn nothing() -> Outcome {
        Outcome::effects(Vec::new())
    }

    fn form(form: SmallForm) -> Outcome {
        Outcome {
            effects: Vec::new(),
            request: Request::Form(form),
        }
    }
}

/// What the effects of an update need besides the editor.
pub struct EditorCtx<'a> {
    pub actor: &'a Actor,
    pub lang: Lang,
    /// Rows visible at once, to move by pages.
    pub page: usize,
}

pub fn load(actor: &Actor, meeting: i64) -> Effect {
    Effect::Committee(CommitteeEffect::LoadMeeting {
        actor: actor.clone(),
        meeting,
    })
}

impl MeetingEditor {
    pub fn open(meeting: i64, actor: &Actor) -> (MeetingEditor, Vec<Effect>) {
        let editor = MeetingEditor {
            meeting,
            load: Load::Loading,
            tab: Tab::Agenda,
            selected: 0,
            notes: None,
            export: None,
        };
        (editor, vec![load(actor, meeting)])
    }

    pub fn detail(&self) -> Option<&MeetingDetail> {
        match &self.load {
            Load::Ready(detail) => Some(detail),
            _ => None,
        }
    }

    /// The rows of the current tab.
    pub fn row_count(&self) -> usize {
        let Some(d) = self.detail() else { return 0 };
        match self.tab {
            Tab::Agenda => d.items.len(),
            Tab::Attendance => d.attendance.len(),
            Tab::Minutes => d.items.len() + 1,
            Tab::Agreements => d.agreements.len() + d.carried.len(),
        }
    }

    /// The agreement on the selected row of the agreements tab.
    pub fn selected_agreement(&self) -> Option<&AgreementView> {
        let d = self.detail()?;
        d.agreements
            .iter()
            .chain(d.carried.iter())
            .nth(self.selected)
    }

    /// A fresh read of the meeting. A notes editor refused for a conflict now shows the
    /// other person's text and saves over the version just read.
    pub fn loaded(&mut self, detail: Box<MeetingDetail>) {
        if let Some(notes) = &mut self.notes {
            if let NotesPhase::Conflict { theirs } = &mut notes.phase {
                let (text, version) = current_notes(&detail, notes.target);
                *theirs = text;
                notes.version = version;
            }
        }
        self.load = Load::Ready(detail);
        self.selected = self.selected.min(self.row_count().saturating_sub(1));
    }

    pub fn update(&mut self, action: Action, ctx: &EditorCtx) -> Outcome {
        if self.notes.is_some() {
            return self.notes_update(action, ctx);
        }
        if self.export.is_some() {
            return self.export_update(action, ctx);
        }
        match action {
            Action::Command(Command::Committee(command)) => self.command(command, ctx),
            Action::Command(Command::Refresh) => {
                Outcome::effects(vec![load(ctx.actor, self.meeting)])
            }
            Action::Command(command) => {
                self.selected = super::moved(self.selected, self.row_count(), command, ctx.page);
                Outcome::nothing()
            }
            _ => Outcome::nothing(),
        }
    }

    fn command(&mut self, command: C, ctx: &EditorCtx) -> Outcome {
        match command {
            C::Back => Outcome {
                effects: Vec::new(),
                request: Request::Back,
            },
            C::NextTab | C::PrevTab => {
                self.tab = if command == C::NextTab {
                    self.tab.next()
                } else {
                    self.tab.prev()
                };
                self.selected = 0;
                Outcome::nothing()
            }
            C::Export if self.detail().is_some() => {
                self.export = Some(ExportState {
                    format: Format::Text,
                    scroll: 0,
                });
                Outcome::nothing()
            }
            C::Held => self.held(ctx),
            C::Open => {
                self.open_notes(ctx.lang);
                Outcome::nothing()
            }
            C::New => self.new_form(),
            C::Present => self.attend(AttendanceStatus::Present, ctx),
            C::Absent => self.attend(AttendanceStatus::Absent, ctx),
            C::Excused => self.attend(AttendanceStatus::Excused, ctx),
            C::Done => self.set_status(AgreementStatus::Done, ctx),
            C::Reopen => self.set_status(AgreementStatus::Pending, ctx),
            C::Drop => match self
                .selected_agreement()
                .filter(|_| self.tab == Tab::Agreements)
            {
                Some(a) => Outcome::form(SmallForm::new(
                    FormKind::Drop {
                        agreement: a.row.id,
                        version: a.row.version,
                    },
                    &[],
                )),
                None => Outcome::nothing(),
            },
            _ => Outcome::nothing(),
        }
    }

    /// `n`: a new item on the agenda tab, a new agreement on the agreements tab.
    fn new_form(&self) -> Outcome {
        let kind = match self.tab {
            Tab::Agenda => FormKind::NewItem {
                meeting: self.meeting,
            },
            Tab::Agreements => FormKind::NewAgreement {
                meeting: self.meeting,
            },
            Tab::Attendance | Tab::Minutes => return Outcome::nothing(),
        };
        Outcome::form(SmallForm::new(kind, &[]))
    }

    fn held(&self, ctx: &EditorCtx) -> Outcome {
        let Some(d) = self.detail() else {
            return Outcome::nothing();
        };
        let effect = CommitteeEffect::MarkHeld {
            actor: ctx.actor.clone(),
            meeting: self.meeting,
            version: d.meeting.version,
        };
        Outcome::effects(vec![Effect::Committee(effect)])
    }

    fn attend(&self, status: AttendanceStatus, ctx: &EditorCtx) -> Outcome {
        let line = self.detail().and_then(|d| d.attendance.get(self.selected));
        let Some(line) = line.filter(|_| self.tab == Tab::Attendance) else {
            return Outcome::nothing();
        };
        let effect = CommitteeEffect::Attend {
            actor: ctx.actor.clone(),
            meeting: self.meeting,
            agency: line.agency_id,
            status,
        };
        Outcome::effects(vec![Effect::Committee(effect)])
    }

    fn set_status(&self, status: AgreementStatus, ctx: &EditorCtx) -> Outcome {
        let Some(a) = self
            .selected_agreement()
            .filter(|_| self.tab == Tab::Agreements)
        else {
            return Outcome::nothing();
        };
        let effect = CommitteeEffect::SetStatus {
            actor: ctx.actor.clone(),
            agreement: a.row.id,
            version: a.row.version,
            status,
            note: String::new(),
        };
        Outcome::effects(vec![Effect::Committee(effect)])
    }

    /// Opens the notes of the selected row: an agenda item (agenda tab), or on the minutes
    /// tab the general notes (first row) or an item.
    fn open_notes(&mut self, lang: Lang) {
        let Some(d) = self.detail() else { return };
        let item = match self.tab {
            Tab::Agenda => d.items.get(self.selected),
            Tab::Minutes if self.selected == 0 => {
                let label = T::GeneralNotes.text(lang).into_owned();
                let target = NotesTarget::General(self.meeting);
                let editor =
                    NotesEditor::new(target, label, d.meeting.version, &d.meeting.general_notes);
                self.notes = Some(editor);
                return;
            }
            Tab::Minutes => d.items.get(self.selected - 1),
            Tab::Attendance | Tab::Agreements => None,
        };
        if let Some(item) = item {
            let label = format!("{}. {}", item.row.position, item.row.title);
            let target = NotesTarget::Item(item.row.id);
            self.notes = Some(NotesEditor::new(
                target,
                label,
                item.row.version,
                &item.row.notes,
            ));
        }
    }

    fn notes_update(&mut self, action: Action, ctx: &EditorCtx) -> Outcome {
        let Some(notes) = &mut self.notes else {
            return Outcome::nothing();
        };
        if notes.phase == NotesPhase::Saving {
            return Outcome::nothing();
        }
        match action {
            Action::Edit(edit) => notes.edit(edit),
            Action::Command(Command::Submit) => notes.new_line(),
            Action::Command(Command::Up) => notes.up(),
            Action::Command(Command::Down) => notes.down(),
            Action::Command(Command::Committee(C::Save)) => {
                let effect = CommitteeEffect::SaveNotes {
                    actor: ctx.actor.clone(),
                    target: notes.target,
                    version: notes.version,
                    text: notes.text(),
                };
                notes.phase = NotesPhase::Saving;
                return Outcome::effects(vec![Effect::Committee(effect)]);
            }
            Action::Command(Command::Committee(C::Back)) => {
                if notes.is_dirty() && notes.phase != NotesPhase::ConfirmDiscard {
                    notes.phase = NotesPhase::ConfirmDiscard;
                } else {
                    self.notes = None;
                }
            }
            _ => {}
        }
        Outcome::nothing()
    }

    fn export_update(&mut self, action: Action, ctx: &EditorCtx) -> Outcome {
        let Some(export) = &mut self.export else {
            return Outcome::nothing();
        };
        match action {
            Action::Command(Command::Committee(C::Back)) => self.export = None,
            Action::Command(Command::Committee(C::NextFormat)) => {
                export.format = match export.format {
                    Format::Text => Format::Markdown,
                    Format::Markdown => Format::Html,
                    Format::Html => Format::Text,
                };
                export.scroll = 0;
            }
            Action::Command(Command::Committee(C::SaveFile)) => {
                let format = export.format;
                let Some(d) = self.detail() else {
                    return Outcome::nothing();
                };
                let name = super::effects::default_file_name(d.held_on, format);
                let kind = FormKind::SaveFile {
                    meeting: self.meeting,
                    format,
                    lang: ctx.lang,
                };
                return Outcome::form(SmallForm::new(kind, &[&name]));
            }
            Action::Command(command) => {
                let lines = match &self.load {
                    Load::Ready(d) => super::export::preview(d, export.format, ctx.lang)
                        .lines()
                        .count(),
                    _ => 0,
                };
                export.scroll = super::moved(export.scroll, lines, command, ctx.page);
            }
            _ => {}
        }
        Outcome::nothing()
    }
}

/// The notes a target has in a meeting just read, and their version.
fn current_notes(detail: &MeetingDetail, target: NotesTarget) -> (String, i64) {
    match target {
        NotesTarget::General(_) => (detail.meeting.general_notes.clone(), detail.meeting.version),
        NotesTarget::Item(id) => detail
            .items
            .iter()
            .find(|i| i.row.id == id)
            .map(|i| (i.row.notes.clone(), i.row.version))
            .unwrap_or_default(),
    }
}
