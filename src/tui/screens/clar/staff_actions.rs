//! What the CLAR commands do in each view of the office's area: open the highlighted row,
//! edit or present a draft, mark attendance, and ask before closing a session or awarding.

use super::budget::BudgetEditor;
use super::list::{Cursor, ListState, Load};
use super::staff::{Panel, Pending, StaffPage, StaffState};
use super::{ClarCommand, ClarConfirm, ClarEffect, Notice};
use crate::domain::clar::ProposalStatus;
use crate::i18n::ClarTui;
use crate::tui::effect::{Effect, Message};
use crate::tui::widgets::confirm::Confirmable;

impl StaffState {
    /// Acts on the view on screen; a command that means nothing there does nothing.
    pub(super) fn clar_command(&mut self, command: ClarCommand) -> Vec<Effect> {
        match command {
            ClarCommand::Open => self.open_selected(),
            ClarCommand::Sessions => self.open_sessions(),
            ClarCommand::Edit => self.edit_budget(),
            ClarCommand::Present => self.present(),
            ClarCommand::Save => self.save_budget(),
            ClarCommand::Attendance => self.toggle_attendance(),
            ClarCommand::CloseSession | ClarCommand::Award => self.ask(command),
            ClarCommand::Ranking => self.open_ranking(),
            _ => Vec::new(),
        }
    }

    /// Enter on a list: the call's proposals, the proposal's detail, or the session.
    fn open_selected(&mut self) -> Vec<Effect> {
        let actor = self.actor.clone();
        let (page, effect) = match self.top() {
            StaffPage::Calls(list) => {
                let Some(call) = list.selected() else {
                    return Vec::new();
                };
                let page = StaffPage::Proposals {
                    call: Some(call.clone()),
                    call_id: call.id,
                    list: ListState::loading(),
                };
                (
                    page,
                    ClarEffect::LoadProposals {
                        actor,
                        call_id: call.id,
                    },
                )
            }
            StaffPage::Proposals { list, .. } => {
                let Some(proposal_id) = list.selected().map(|p| p.id) else {
                    return Vec::new();
                };
                let page = StaffPage::Detail {
                    proposal_id,
                    load: Load::Loading,
                };
                (page, ClarEffect::LoadProposal { actor, proposal_id })
            }
            StaffPage::Sessions(list) => {
                let Some(session_id) = list.selected().map(|s| s.id) else {
                    return Vec::new();
                };
                let page = StaffPage::Session {
                    session_id,
                    load: Load::Loading,
                    panel: Panel::Scores,
                    cursor: Cursor::default(),
                };
                (page, ClarEffect::LoadSession { actor, session_id })
            }
            _ => return Vec::new(),
        };
        self.push(page);
        vec![self.effect(effect)]
    }

    fn open_sessions(&mut self) -> Vec<Effect> {
        if !matches!(self.top(), StaffPage::Calls(_)) {
            return Vec::new();
        }
        self.push(StaffPage::Sessions(ListState::loading()));
        vec![self.effect(ClarEffect::LoadSessions {
            actor: self.actor.clone(),
        })]
    }

    fn edit_budget(&mut self) -> Vec<Effect> {
        let StaffPage::Detail {
            load: Load::Ready(d),
            ..
        } = self.top()
        else {
            return Vec::new();
        };
        if d.proposal.status != ProposalStatus::Draft {
            self.notice = Some(Notice::Bad(Message::of(&ClarTui::OnlyDraftsEdited)));
            return Vec::new();
        }
        let editor = BudgetEditor::new(d);
        self.push(StaffPage::Budget(Box::new(editor)));
        Vec::new()
    }

    fn present(&mut self) -> Vec<Effect> {
        let StaffPage::Detail {
            load: Load::Ready(d),
            ..
        } = self.top()
        else {
            return Vec::new();
        };
        let (proposal_id, version) = (d.proposal.id, d.proposal.version);
        self.pending = Some(Pending::Present);
        let actor = self.actor.clone();
        vec![self.effect(ClarEffect::Present {
            actor,
            proposal_id,
            version,
        })]
    }

    fn save_budget(&mut self) -> Vec<Effect> {
        let StaffPage::Budget(editor) = self.top() else {
            return Vec::new();
        };
        match editor.draft() {
            Ok(draft) => {
                let (proposal_id, version) = editor.target();
                self.pending = Some(Pending::Budget);
                let actor = self.actor.clone();
                vec![self.effect(ClarEffect::SaveBudget {
                    actor,
                    proposal_id,
                    version,
                    draft,
                })]
            }
            Err(message) => {
                self.notice = Some(Notice::Bad(message));
                Vec::new()
            }
        }
    }

    /// Space on the attendance panel of an open session: present ↔ absent.
    fn toggle_attendance(&mut self) -> Vec<Effect> {
        let StaffPage::Session {
            session_id,
            load: Load::Ready(o),
            panel: Panel::Attendance,
            cursor,
        } = self.top()
        else {
            return Vec::new();
        };
        let Some(seat) = o.seats.get(cursor.selected).filter(|_| !o.session.closed) else {
            return Vec::new();
        };
        let effect = ClarEffect::SetAttendance {
            actor: self.actor.clone(),
            session_id: *session_id,
            member_id: seat.member.id,
            present: !seat.present,
        };
        self.pending = Some(Pending::Attendance);
        vec![self.effect(effect)]
    }

    /// Closing a session and awarding cannot be undone: ask first.
    fn ask(&self, command: ClarCommand) -> Vec<Effect> {
        let subject = match (command, self.top()) {
            (
                ClarCommand::CloseSession,
                StaffPage::Session {
                    load: Load::Ready(o),
                    ..
                },
            ) if !o.session.closed => ClarConfirm::CloseSession,
            (
                ClarCommand::Award,
                StaffPage::Ranking {
                    load: Load::Ready(r),
                    ..
                },
            ) if !r.awarded => ClarConfirm::Award,
            _ => return Vec::new(),
        };
        vec![Effect::Confirm(Confirmable::Clar(subject))]
    }

    fn open_ranking(&mut self) -> Vec<Effect> {
        let StaffPage::Session { session_id, .. } = self.top() else {
            return Vec::new();
        };
        let session_id = *session_id;
        self.push(StaffPage::Ranking {
            session_id,
            load: Load::Loading,
        });
        vec![self.effect(ClarEffect::LoadRanking {
            actor: self.actor.clone(),
            session_id,
        })]
    }
}
