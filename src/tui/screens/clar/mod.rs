//! The CLAR on screen. Two areas: [`staff`] for the office (calls, proposals with their
//! budget, sessions with attendance, conflicts and the score matrix, ranking and awards) and
//! [`review`] for a CLAR member (their sessions, the proposals to score, the large scoring
//! form, their conflicts). Each area is a small stack of views; `Enter` goes in, `Esc` comes
//! back. States change only in `update`, which returns [`ClarEffect`]s; drawing only reads.
//!
//! The keys of each view are data ([`staff_bindings`], [`review_bindings`]), so the hints line
//! and the `?` help always say what the keys do in the view on screen.

pub mod budget;
mod detail_view;
mod keys;
pub mod list;
pub mod review;
pub mod review_view;
pub mod score_form;
mod session_panels;
pub mod staff;
mod staff_actions;
pub mod staff_view;

pub use keys::{review_bindings, staff_bindings};

use crate::i18n::ClarTui;
use crate::services::clar::award::RankingView;
use crate::services::clar::conflicts::ConflictDraft;
use crate::services::clar::proposals::{ProposalDetail, ProposalDraft};
use crate::services::clar::reviewer::ReviewerSession;
use crate::services::clar::scoring::ScoreSheet;
use crate::services::clar::session::SessionOverview;
use crate::services::Actor;
use crate::store::clar::calls::CallRow;
use crate::store::clar::proposals::ProposalRow;
use crate::store::clar::sessions::SessionRow;
use crate::tui::effect::Message;

/// The CLAR areas' own commands (the shared ones, such as moving in a list, are the shell's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClarCommand {
    /// Enter: open the selected row.
    Open,
    /// Esc: back to the previous view, leaving a form unsaved.
    Back,
    /// Edit the budget of a draft.
    Edit,
    /// Present (submit) a draft to its call.
    Present,
    /// Go to the sessions.
    Sessions,
    /// Mark the selected member present or absent.
    Attendance,
    CloseSession,
    Ranking,
    Award,
    /// Declare a conflict of interest on the selected proposal.
    Declare,
    /// Enter in a form: save.
    Save,
    /// `+` / `-` in the scoring form.
    Increase,
    Decrease,
    /// The person said yes to a question asked before an action.
    Confirmed(ClarConfirm),
}

/// The CLAR actions asked about first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClarConfirm {
    CloseSession,
    Award,
}

impl ClarConfirm {
    pub fn question(self) -> ClarTui {
        match self {
            ClarConfirm::CloseSession => ClarTui::ConfirmCloseQuestion,
            ClarConfirm::Award => ClarTui::ConfirmAwardQuestion,
        }
    }

    pub fn yes(self) -> ClarTui {
        match self {
            ClarConfirm::CloseSession => ClarTui::ConfirmCloseYes,
            ClarConfirm::Award => ClarTui::ConfirmAwardYes,
        }
    }

    pub fn no(self) -> ClarTui {
        ClarTui::ConfirmNotYet
    }
}

/// What the CLAR areas ask the core to do. Each carries the acting user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClarEffect {
    LoadCalls {
        actor: Actor,
    },
    LoadProposals {
        actor: Actor,
        call_id: i64,
    },
    LoadProposal {
        actor: Actor,
        proposal_id: i64,
    },
    SaveBudget {
        actor: Actor,
        proposal_id: i64,
        version: i64,
        draft: ProposalDraft,
    },
    Present {
        actor: Actor,
        proposal_id: i64,
        version: i64,
    },
    LoadSessions {
        actor: Actor,
    },
    LoadSession {
        actor: Actor,
        session_id: i64,
    },
    SetAttendance {
        actor: Actor,
        session_id: i64,
        member_id: i64,
        present: bool,
    },
    CloseSession {
        actor: Actor,
        session_id: i64,
        version: i64,
    },
    LoadRanking {
        actor: Actor,
        session_id: i64,
    },
    Award {
        actor: Actor,
        session_id: i64,
    },
    LoadMySessions {
        actor: Actor,
    },
    LoadToScore {
        actor: Actor,
        session_id: i64,
    },
    SaveScores {
        actor: Actor,
        sheet: ScoreSheet,
    },
    Declare {
        actor: Actor,
        draft: ConflictDraft,
    },
}

/// What came back. A write answers `Done`; the view that asked knows what to reload.
#[derive(Debug, Clone, PartialEq)]
pub enum ClarResult {
    Calls(Result<Vec<CallRow>, Message>),
    Proposals(Result<(CallRow, Vec<ProposalRow>), Message>),
    Proposal(Result<Box<ProposalDetail>, Message>),
    Sessions(Result<Vec<SessionRow>, Message>),
    Session(Result<Box<SessionOverview>, Message>),
    Ranking(Result<Box<RankingView>, Message>),
    ToScore(Result<Box<ReviewerSession>, Message>),
    Done(Result<(), Message>),
}

/// The staff area's views, for their keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffMode {
    Calls,
    Proposals,
    Detail,
    Budget,
    Sessions,
    Session,
    Ranking,
}

impl StaffMode {
    pub fn takes_text(self) -> bool {
        self == StaffMode::Budget
    }
}

/// The reviewer area's views, for their keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewMode {
    Sessions,
    Proposals,
    Declare,
    Scoring,
}

impl ReviewMode {
    pub fn takes_text(self) -> bool {
        self == ReviewMode::Scoring
    }
}

/// A passing message under a view: good news or what went wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Good(Message),
    Bad(Message),
}

#[cfg(test)]
mod tests;
