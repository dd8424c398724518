//! Reviewer mode, as state: the member's sessions → the proposals to score → the scoring form,
//! and the question of a conflict of interest. The core refuses what the member may not do
//! (a proposal they have a conflict with, a closed session); this state only avoids asking.

use super::list::{Cursor, ListState, Load};
use super::score_form::ScoreForm;
use super::{ClarCommand, ClarEffect, ClarResult, Notice, ReviewMode};
use crate::domain::clar::ConflictKind;
use crate::i18n::ClarTui;
use crate::services::clar::conflicts::ConflictDraft;
use crate::services::clar::reviewer::{ProposalToScore, ReviewerSession};
use crate::services::Actor;
use crate::store::clar::sessions::SessionRow;
use crate::tui::action::{Action, Command};
use crate::tui::effect::{Effect, Message};
use crate::tui::screens::main::AreaCtx;

/// The kinds of conflict a member declares, in the order the question lists them.
pub const DECLARABLE: [ConflictKind; 3] = [
    ConflictKind::Member,
    ConflictKind::Relative,
    ConflictKind::Other,
];

#[derive(Debug, Clone, PartialEq)]
pub enum ReviewPage {
    Sessions(ListState<SessionRow>),
    Proposals {
        session_id: i64,
        load: Load<Box<ReviewerSession>>,
        cursor: Cursor,
    },
    Declare {
        session_id: i64,
        proposal_id: i64,
        title: String,
        choice: usize,
    },
    Scoring(Box<ScoreForm>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReviewState {
    actor: Actor,
    base: ReviewPage,
    views: Vec<ReviewPage>,
    notice: Option<Notice>,
}

impl ReviewState {
    pub fn open(actor: &Actor) -> (ReviewState, Vec<Effect>) {
        let state = ReviewState {
            actor: actor.clone(),
            base: ReviewPage::Sessions(ListState::loading()),
            views: Vec::new(),
            notice: None,
        };
        let effect = Effect::Clar(ClarEffect::LoadMySessions {
            actor: actor.clone(),
        });
        (state, vec![effect])
    }

    pub fn top(&self) -> &ReviewPage {
        self.views.last().unwrap_or(&self.base)
    }

    fn top_mut(&mut self) -> &mut ReviewPage {
        match self.views.last_mut() {
            Some(view) => view,
            None => &mut self.base,
        }
    }

    /// The proposals list under the view on screen, if any.
    pub fn proposals(&self) -> Option<&ReviewerSession> {
        self.views.iter().rev().find_map(|v| match v {
            ReviewPage::Proposals { load, .. } => load.ready().map(|b| b.as_ref()),
            _ => None,
        })
    }

    pub fn mode(&self) -> ReviewMode {
        match self.top() {
            ReviewPage::Sessions(_) => ReviewMode::Sessions,
            ReviewPage::Proposals { .. } => ReviewMode::Proposals,
            ReviewPage::Declare { .. } => ReviewMode::Declare,
            ReviewPage::Scoring(_) => ReviewMode::Scoring,
        }
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    pub fn is_dirty(&self) -> bool {
        matches!(self.top(), ReviewPage::Scoring(form) if form.is_dirty())
    }

    pub fn update(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        let page = super::staff::page(ctx.body);
        match action {
            Action::Command(command) => {
                self.notice = None;
                self.command(command, page)
            }
            Action::Edit(edit) => {
                if let ReviewPage::Scoring(form) = self.top_mut() {
                    form.edit(edit);
                }
                Vec::new()
            }
            Action::Clar(result) => self.result(result, page),
            _ => Vec::new(),
        }
    }

    fn command(&mut self, command: Command, page: usize) -> Vec<Effect> {
        match (command, self.top_mut()) {
            (Command::Clar(ClarCommand::Back), _) => {
                self.views.pop();
                Vec::new()
            }
            (Command::Refresh, _) => self.reload(),
            (Command::Clar(c), _) => self.clar_command(c),
            (Command::NextField | Command::PrevField, ReviewPage::Scoring(form)) => {
                form.move_focus(command == Command::NextField);
                Vec::new()
            }
            (Command::Up | Command::Down, ReviewPage::Declare { choice, .. }) => {
                *choice = match command {
                    Command::Up => choice.saturating_sub(1),
                    _ => (*choice + 1).min(DECLARABLE.len() - 1),
                };
                Vec::new()
            }
            (_, ReviewPage::Sessions(list)) => {
                list.scroll(command, page);
                Vec::new()
            }
            (_, ReviewPage::Proposals { load, cursor, .. }) => {
                let rows = load.ready().map_or(0, |s| s.proposals.len());
                cursor.apply(command, rows, page);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn clar_command(&mut self, command: ClarCommand) -> Vec<Effect> {
        match (command, self.mode()) {
            (ClarCommand::Open, ReviewMode::Sessions) => self.open_session(),
            (ClarCommand::Open, ReviewMode::Proposals) => self.open_form(),
            (ClarCommand::Declare, ReviewMode::Proposals) => self.ask_conflict(),
            (ClarCommand::Open, ReviewMode::Declare) => self.declare(),
            (ClarCommand::Increase | ClarCommand::Decrease, _) => {
                if let ReviewPage::Scoring(form) = self.top_mut() {
                    form.nudge(command == ClarCommand::Increase);
                }
                Vec::new()
            }
            (ClarCommand::Save, ReviewMode::Scoring) => self.save(),
            _ => Vec::new(),
        }
    }

    fn open_session(&mut self) -> Vec<Effect> {
        let ReviewPage::Sessions(list) = self.top() else {
            return Vec::new();
        };
        let Some(session_id) = list.selected().map(|s| s.id) else {
            return Vec::new();
        };
        self.views.push(ReviewPage::Proposals {
            session_id,
            load: Load::Loading,
            cursor: Cursor::default(),
        });
        let actor = self.actor.clone();
        vec![Effect::Clar(ClarEffect::LoadToScore { actor, session_id })]
    }

    /// The highlighted proposal and the session it is in, when loaded.
    fn highlighted(&self) -> Option<(&ReviewerSession, &ProposalToScore)> {
        let ReviewPage::Proposals {
            load: Load::Ready(s),
            cursor,
            ..
        } = self.top()
        else {
            return None;
        };
        Some((s, s.proposals.get(cursor.selected)?))
    }

    /// The scoring form, unless the member may not score the proposal (then says why).
    fn open_form(&mut self) -> Vec<Effect> {
        let Some((s, p)) = self.highlighted() else {
            return Vec::new();
        };
        let refusal = if s.session.closed {
            Some(ClarTui::SessionIsClosed)
        } else if !s.present {
            Some(ClarTui::NotPresent)
        } else if p.conflict.is_some() {
            Some(ClarTui::YouHaveAConflict)
        } else {
            None
        };
        match refusal {
            Some(text) => self.notice = Some(Notice::Bad(Message::of(&text))),
            None => {
                let form = ScoreForm::new(s, p);
                self.views.push(ReviewPage::Scoring(Box::new(form)));
            }
        }
        Vec::new()
    }

    fn ask_conflict(&mut self) -> Vec<Effect> {
        let Some((s, p)) = self.highlighted() else {
            return Vec::new();
        };
        if s.session.closed || p.conflict.is_some() {
            return Vec::new();
        }
        let view = ReviewPage::Declare {
            session_id: s.session.id,
            proposal_id: p.proposal_id,
            title: p.title.clone(),
            choice: 0,
        };
        self.views.push(view);
        Vec::new()
    }

    fn declare(&mut self) -> Vec<Effect> {
        let ReviewPage::Declare {
            session_id,
            proposal_id,
            choice,
            ..
        } = self.top()
        else {
            return Vec::new();
        };
        let draft = ConflictDraft {
            session_id: *session_id,
            member_id: None,
            proposal_id: *proposal_id,
            kind: DECLARABLE[(*choice).min(DECLARABLE.len() - 1)],
            note: None,
        };
        let actor = self.actor.clone();
        vec![Effect::Clar(ClarEffect::Declare { actor, draft })]
    }

    fn save(&mut self) -> Vec<Effect> {
        let actor = self.actor.clone();
        let ReviewPage::Scoring(form) = self.top_mut() else {
            return Vec::new();
        };
        match form.sheet() {
            Ok(sheet) => vec![Effect::Clar(ClarEffect::SaveScores { actor, sheet })],
            Err(message) => {
                self.notice = Some(Notice::Bad(message));
                Vec::new()
            }
        }
    }

    fn reload(&mut self) -> Vec<Effect> {
        let actor = self.actor.clone();
        let effect = match self.top() {
            ReviewPage::Sessions(_) => ClarEffect::LoadMySessions { actor },
            ReviewPage::Proposals { session_id, .. } => ClarEffect::LoadToScore {
                actor,
                session_id: *session_id,
            },
            ReviewPage::Declare { .. } | ReviewPage::Scoring(_) => return Vec::new(),
        };
        vec![Effect::Clar(effect)]
    }

    fn result(&mut self, result: ClarResult, page: usize) -> Vec<Effect> {
        match (result, self.top_mut()) {
            (ClarResult::Sessions(r), ReviewPage::Sessions(list)) => list.loaded(r, page),
            (ClarResult::ToScore(r), ReviewPage::Proposals { load, cursor, .. }) => {
                *load = Load::from_result(r);
                let rows = load.ready().map_or(0, |s| s.proposals.len());
                cursor.apply(Command::Refresh, rows, page);
            }
            (ClarResult::Done(Err(message)), _) => self.notice = Some(Notice::Bad(message)),
            (ClarResult::Done(Ok(())), ReviewPage::Scoring(_)) => {
                self.views.pop();
                self.notice = Some(Notice::Good(Message::of(&ClarTui::ScoresSaved)));
                return self.reload();
            }
            (ClarResult::Done(Ok(())), ReviewPage::Declare { .. }) => {
                self.views.pop();
                self.notice = Some(Notice::Good(Message::of(&ClarTui::ConflictRecorded)));
                return self.reload();
            }
            _ => {}
        }
        Vec::new()
    }
}
