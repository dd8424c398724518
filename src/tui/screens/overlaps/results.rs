//! What the area does with the core's answers: show pages and details, open a form whose
//! choices arrived, show a scan's figures, and follow up a change — reload what it touched,
//! say what was done, or explain a conflict and show the alert as it now is.

use super::effects::{ChangeKind, OverlapsResult, Refusal};
use super::{Load, Notice, OverlapsState, ScanPhase, View};
use crate::i18n::OverlapsTui as T;
use crate::store::flags::FlagFilter;
use crate::tui::effect::{Effect, Message};

impl OverlapsState {
    pub(super) fn result(&mut self, result: OverlapsResult) -> Vec<Effect> {
        match result {
            OverlapsResult::Page { seq, result } => self.list.loaded(seq, result),
            OverlapsResult::Detail { id, result } => {
                if let Some(detail) = self.detail.as_mut().filter(|d| d.id == id) {
                    detail.load = Load::from(result);
                }
            }
            OverlapsResult::Choices(result) => {
                let failed = result.as_ref().err().cloned();
                self.choices = Load::from(result);
                if let Some(message) = failed {
                    self.waiting_form = None;
                    self.notice = Some(Notice::Bad(message));
                    return Vec::new();
                }
                return self.open_waiting_form();
            }
            OverlapsResult::Matrix(result) => self.matrix.loaded(result),
            OverlapsResult::Households { seq, result } => {
                if let Some(households) = &mut self.matrix.households {
                    households.loaded(seq, result);
                }
            }
            OverlapsResult::ScanProgress { id, step, progress } => {
                if let Some(running) = self.running_scan(id) {
                    running.step = Some((step, progress));
                }
            }
            OverlapsResult::Scanned { id, result } => {
                if self.running_scan(id).is_some() {
                    return self.scanned(result);
                }
            }
            OverlapsResult::Changed { kind, result } => return self.changed(kind, result),
            OverlapsResult::MisuseReported(result) => return self.reported(result),
        }
        Vec::new()
    }

    /// The scan on screen, if it is still running and is the one `id` answers for.
    fn running_scan(&mut self, id: u64) -> Option<&mut super::RunningScan> {
        match &mut self.scan {
            Some(ScanPhase::Running(running)) if running.id == id => Some(running),
            _ => None,
        }
    }

    /// The figures go on screen; the list and the matrix are read again under them.
    fn scanned(&mut self, result: Result<super::effects::ScanFigures, Message>) -> Vec<Effect> {
        self.scan = Some(match result {
            Ok(figures) => ScanPhase::Done(figures),
            Err(message) => ScanPhase::Failed(message),
        });
        self.matrix.stale = true;
        // New districts may have alerts now: the filter's choices are read again.
        let mut effects = vec![self.load_choices()];
        let actor = self.actor.clone();
        effects.extend(self.list.first_page(&actor));
        if self.view == View::Matrix {
            effects.extend(self.matrix.request(&actor));
        }
        effects
    }

    fn changed(&mut self, kind: ChangeKind, result: Result<(), Refusal>) -> Vec<Effect> {
        let Some(id) = self.detail.as_ref().map(|d| d.id) else {
            return Vec::new();
        };
        match result {
            Ok(()) => {
                self.form = None;
                self.notice = Some(Notice::Good(Message::of(&done(kind))));
            }
            Err(refusal) if refusal.conflict => {
                self.form = None;
                self.notice = Some(Notice::Bad(Message::of(&T::Conflict)));
            }
            Err(refusal) => {
                match &mut self.form {
                    Some(form) => form.refused(refusal.message),
                    None => self.notice = Some(Notice::Bad(refusal.message)),
                }
                return Vec::new();
            }
        }
        self.list.stale = true;
        if matches!(kind, ChangeKind::Confirm | ChangeKind::Undo) {
            self.matrix.stale = true;
        }
        vec![self.load_detail(id)]
    }

    /// A misuse report is an alert at once: the list starts again, unfiltered, to show it.
    fn reported(&mut self, result: Result<i64, Message>) -> Vec<Effect> {
        match result {
            Err(message) => {
                if let Some(form) = &mut self.form {
                    form.refused(message);
                }
                Vec::new()
            }
            Ok(_) => {
                self.form = None;
                self.detail = None;
                self.view = View::List;
                self.notice = Some(Notice::Good(Message::of(&T::DoneMisuse)));
                let actor = self.actor.clone();
                self.list.set_filter(FlagFilter::default(), &actor)
            }
        }
    }
}

fn done(kind: ChangeKind) -> T {
    match kind {
        ChangeKind::Acknowledge => T::DoneAcknowledge,
        ChangeKind::Resolve => T::DoneResolve,
        ChangeKind::Dismiss => T::DoneDismiss,
        ChangeKind::Reopen => T::DoneReopen,
        ChangeKind::Assign => T::DoneAssign,
        ChangeKind::Note => T::DoneNote,
        ChangeKind::Confirm => T::DoneConfirm,
        ChangeKind::Undo => T::DoneUndo,
        ChangeKind::Reject => T::DoneReject,
    }
}

#[cfg(test)]
impl OverlapsState {
    /// The form's phase, for tests.
    pub(super) fn form_phase(&self) -> Option<&super::form::FormPhase> {
        self.form.as_ref().map(|f| &f.phase)
    }
}
