//! The office's CLAR area, as state: a stack of views (calls → proposals → detail → budget;
//! calls → sessions → session → ranking). `update` changes the state and returns effects;
//! it never reads the database.

use super::budget::BudgetEditor;
use super::list::{Cursor, ListState, Load};
use super::{ClarCommand, ClarConfirm, ClarEffect, ClarResult, Notice, StaffMode};
use crate::i18n::ClarTui;
use crate::services::clar::award::RankingView;
use crate::services::clar::proposals::ProposalDetail;
use crate::services::clar::session::SessionOverview;
use crate::services::Actor;
use crate::store::clar::calls::CallRow;
use crate::store::clar::proposals::ProposalRow;
use crate::store::clar::sessions::SessionRow;
use crate::tui::action::{Action, Command};
use crate::tui::effect::{Effect, Message};
use crate::tui::screens::main::AreaCtx;
use ratatui::layout::Rect;

/// The panels of the session view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Scores,
    Attendance,
    Conflicts,
}

impl Panel {
    pub const ALL: [Panel; 3] = [Panel::Scores, Panel::Attendance, Panel::Conflicts];

    fn next(self) -> Panel {
        match self {
            Panel::Scores => Panel::Attendance,
            Panel::Attendance => Panel::Conflicts,
            Panel::Conflicts => Panel::Scores,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum StaffPage {
    Calls(ListState<CallRow>),
    Proposals {
        call: Option<CallRow>,
        call_id: i64,
        list: ListState<ProposalRow>,
    },
    Detail {
        proposal_id: i64,
        load: Load<Box<ProposalDetail>>,
    },
    Budget(Box<BudgetEditor>),
    Sessions(ListState<SessionRow>),
    Session {
        session_id: i64,
        load: Load<Box<SessionOverview>>,
        panel: Panel,
        cursor: Cursor,
    },
    Ranking {
        session_id: i64,
        load: Load<Box<RankingView>>,
    },
}

impl StaffPage {
    fn mode(&self) -> StaffMode {
        match self {
            StaffPage::Calls(_) => StaffMode::Calls,
            StaffPage::Proposals { .. } => StaffMode::Proposals,
            StaffPage::Detail { .. } => StaffMode::Detail,
            StaffPage::Budget(_) => StaffMode::Budget,
            StaffPage::Sessions(_) => StaffMode::Sessions,
            StaffPage::Session { .. } => StaffMode::Session,
            StaffPage::Ranking { .. } => StaffMode::Ranking,
        }
    }
}

/// A write under way, so its answer can be followed up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pending {
    Budget,
    Present,
    Attendance,
    Close,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StaffState {
    pub(super) actor: Actor,
    /// The calls list, under every other view.
    base: StaffPage,
    /// The views opened from it, the one on screen last.
    views: Vec<StaffPage>,
    pub(super) notice: Option<Notice>,
    pub(super) pending: Option<Pending>,
}

/// Rows of a list on screen in a body of `body`: less the frame, the header and the notice.
pub fn page(body: Rect) -> usize {
    usize::from(body.height.saturating_sub(4)).max(1)
}

impl StaffState {
    pub fn open(actor: &Actor) -> (StaffState, Vec<Effect>) {
        let state = StaffState {
            actor: actor.clone(),
            base: StaffPage::Calls(ListState::loading()),
            views: Vec::new(),
            notice: None,
            pending: None,
        };
        let effects = vec![state.effect(ClarEffect::LoadCalls {
            actor: actor.clone(),
        })];
        (state, effects)
    }

    pub fn top(&self) -> &StaffPage {
        self.views.last().unwrap_or(&self.base)
    }

    fn top_mut(&mut self) -> &mut StaffPage {
        match self.views.last_mut() {
            Some(view) => view,
            None => &mut self.base,
        }
    }

    pub fn mode(&self) -> StaffMode {
        self.top().mode()
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    pub fn is_dirty(&self) -> bool {
        matches!(self.top(), StaffPage::Budget(editor) if editor.is_dirty())
    }

    pub(super) fn effect(&self, effect: ClarEffect) -> Effect {
        Effect::Clar(effect)
    }

    pub fn update(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        match action {
            Action::Command(command) => {
                self.notice = None;
                self.command(command, ctx)
            }
            Action::Edit(edit) => {
                if let StaffPage::Budget(editor) = self.top_mut() {
                    editor.edit(edit);
                }
                Vec::new()
            }
            Action::Clar(result) => self.result(result, ctx),
            Action::Resize { .. } => {
                self.scroll(Command::Refresh, ctx);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn command(&mut self, command: Command, ctx: &AreaCtx) -> Vec<Effect> {
        match command {
            Command::Clar(ClarCommand::Back) => self.back(),
            Command::Clar(ClarCommand::Confirmed(confirmed)) => self.confirmed(confirmed),
            Command::Clar(c) => self.clar_command(c),
            Command::Refresh => self.reload(),
            Command::NextField | Command::PrevField => {
                self.field_move(command);
                Vec::new()
            }
            other => {
                self.scroll(other, ctx);
                Vec::new()
            }
        }
    }

    fn field_move(&mut self, command: Command) {
        match self.top_mut() {
            StaffPage::Budget(editor) => editor.move_focus(command == Command::NextField),
            StaffPage::Session { panel, cursor, .. } if command == Command::NextField => {
                *panel = panel.next();
                *cursor = Cursor::default();
            }
            _ => {}
        }
    }

    fn scroll(&mut self, command: Command, ctx: &AreaCtx) {
        let page = page(ctx.body);
        match self.top_mut() {
            StaffPage::Calls(list) => list.scroll(command, page),
            StaffPage::Proposals { list, .. } => list.scroll(command, page),
            StaffPage::Sessions(list) => list.scroll(command, page),
            StaffPage::Session {
                load,
                panel,
                cursor,
                ..
            } => {
                let rows = match (load.ready(), *panel) {
                    (Some(o), Panel::Attendance) => o.seats.len(),
                    (Some(o), Panel::Conflicts) => o.conflicts.len(),
                    (Some(o), Panel::Scores) => o.matrix.proposals.len(),
                    (None, _) => 0,
                };
                cursor.apply(command, rows, page.saturating_sub(3));
            }
            _ => {}
        }
    }

    fn back(&mut self) -> Vec<Effect> {
        self.views.pop();
        Vec::new()
    }

    fn confirmed(&mut self, confirmed: ClarConfirm) -> Vec<Effect> {
        let actor = self.actor.clone();
        match (confirmed, self.top()) {
            (
                ClarConfirm::CloseSession,
                StaffPage::Session {
                    session_id,
                    load: Load::Ready(o),
                    ..
                },
            ) => {
                let (session_id, version) = (*session_id, o.session.version);
                self.pending = Some(Pending::Close);
                vec![self.effect(ClarEffect::CloseSession {
                    actor,
                    session_id,
                    version,
                })]
            }
            (ClarConfirm::Award, StaffPage::Ranking { session_id, .. }) => {
                let session_id = *session_id;
                vec![self.effect(ClarEffect::Award { actor, session_id })]
            }
            _ => Vec::new(),
        }
    }

    pub(super) fn push(&mut self, view: StaffPage) {
        self.views.push(view);
    }

    /// Reads again what the view on screen shows.
    fn reload(&mut self) -> Vec<Effect> {
        let actor = self.actor.clone();
        let effect = match self.top() {
            StaffPage::Calls(_) => ClarEffect::LoadCalls { actor },
            StaffPage::Proposals { call_id, .. } => ClarEffect::LoadProposals {
                actor,
                call_id: *call_id,
            },
            StaffPage::Detail { proposal_id, .. } => ClarEffect::LoadProposal {
                actor,
                proposal_id: *proposal_id,
            },
            StaffPage::Budget(_) => return Vec::new(),
            StaffPage::Sessions(_) => ClarEffect::LoadSessions { actor },
            StaffPage::Session { session_id, .. } => ClarEffect::LoadSession {
                actor,
                session_id: *session_id,
            },
            StaffPage::Ranking { session_id, .. } => ClarEffect::LoadRanking {
                actor,
                session_id: *session_id,
            },
        };
        vec![self.effect(effect)]
    }

    fn result(&mut self, result: ClarResult, ctx: &AreaCtx) -> Vec<Effect> {
        let page = page(ctx.body);
        match (result, self.top_mut()) {
            (ClarResult::Calls(r), StaffPage::Calls(list)) => list.loaded(r, page),
            (ClarResult::Proposals(r), StaffPage::Proposals { call, list, .. }) => match r {
                Ok((found, rows)) => {
                    *call = Some(found);
                    list.loaded(Ok(rows), page);
                }
                Err(m) => list.loaded(Err(m), page),
            },
            (ClarResult::Proposal(r), StaffPage::Detail { load, .. }) => {
                *load = Load::from_result(r)
            }
            (ClarResult::Sessions(r), StaffPage::Sessions(list)) => list.loaded(r, page),
            (ClarResult::Session(r), StaffPage::Session { load, .. }) => {
                *load = Load::from_result(r)
            }
            (ClarResult::Ranking(r), StaffPage::Ranking { load, .. }) => {
                let was_awarded = load.ready().map(|v| v.awarded);
                let now_awarded = matches!(&r, Ok(view) if view.awarded);
                *load = Load::from_result(r);
                if was_awarded == Some(false) && now_awarded {
                    self.notice = Some(Notice::Good(Message::of(&ClarTui::AwardedNotice)));
                }
            }
            (ClarResult::Done(r), _) => return self.done(r),
            _ => {}
        }
        Vec::new()
    }

    /// A write finished: say so, and show its effect.
    fn done(&mut self, result: Result<(), Message>) -> Vec<Effect> {
        let pending = self.pending.take();
        match result {
            Err(message) => {
                self.notice = Some(Notice::Bad(message));
                Vec::new()
            }
            Ok(()) => {
                let said = match pending {
                    Some(Pending::Budget) => {
                        self.views.pop();
                        Some(ClarTui::BudgetSaved)
                    }
                    Some(Pending::Present) => Some(ClarTui::Presented),
                    Some(Pending::Close) => Some(ClarTui::SessionClosedNotice),
                    Some(Pending::Attendance) | None => None,
                };
                self.notice = said.map(|t| Notice::Good(Message::of(&t)));
                self.reload()
            }
        }
    }
}
