//! Reviewer mode: what a CLAR member (role `miembro_clar`) sees. Only the sessions they sit
//! on; for each, the proposals to score with a summary, the budget and the association's size
//! (never household or personal data), their own scores and their conflicts. Anyone else
//! calling these gets `Forbidden`, as a CLAR member calling any staff use case does.

use super::conflicts::{conflict_of, own_member, require_seat};
use super::proposals::budget;
use super::rules::BudgetTotals;
use super::session::proposals_of;
use super::{load_call, load_session};
use crate::domain::clar::ConflictKind;
use crate::services::{Actor, CoreResult, Permission};
use crate::store::clar::associations as association_store;
use crate::store::clar::calls::{self as call_store, CriterionRow};
use crate::store::clar::proposals::LineRow;
use crate::store::clar::scores;
use crate::store::clar::sessions::{self as session_store, SessionRow};
use crate::store::Store;

/// The sessions the acting CLAR member sits on, the most recent first.
pub fn my_sessions(store: &Store, actor: &Actor) -> CoreResult<Vec<SessionRow>> {
    actor.require(Permission::ScoreClar)?;
    own_member(store.conn(), actor)?;
    Ok(session_store::sessions(store.conn(), actor.user_id)?)
}

/// One proposal as the scoring form shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalToScore {
    pub proposal_id: i64,
    pub title: String,
    pub product: String,
    pub description: Option<String>,
    pub association_name: String,
    /// How many members the association has (its size, not who they are).
    pub association_size: i64,
    pub lines: Vec<LineRow>,
    pub totals: BudgetTotals,
    /// The member's conflict on it, if any: then it cannot be scored.
    pub conflict: Option<ConflictKind>,
    /// The member's own scores: (criterion id, points, version).
    pub my_scores: Vec<(i64, i64, i64)>,
}

impl ProposalToScore {
    /// Every criterion scored.
    pub fn is_complete(&self, criteria: usize) -> bool {
        self.my_scores.len() >= criteria
    }
}

/// A session as its member sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewerSession {
    pub session: SessionRow,
    pub call_title: String,
    pub member_id: i64,
    pub member_name: String,
    pub present: bool,
    pub criteria: Vec<CriterionRow>,
    pub proposals: Vec<ProposalToScore>,
}

/// The proposals the acting member scores in a session they sit on.
pub fn session_for_member(
    store: &Store,
    actor: &Actor,
    session_id: i64,
) -> CoreResult<ReviewerSession> {
    actor.require(Permission::ScoreClar)?;
    let conn = store.conn();
    let member_id = own_member(conn, actor)?;
    let session = load_session(conn, session_id)?;
    let seat = require_seat(conn, &session, member_id)?;
    let call = load_call(conn, session.call_id)?;
    let mine = scores::for_session(conn, session.id, Some(member_id))?;
    let mut proposals = Vec::new();
    for p in proposals_of(conn, &session)? {
        let (lines, totals) = budget(conn, p.id)?;
        proposals.push(ProposalToScore {
            association_size: association_store::active_members(conn, p.association_id)?.len()
                as i64,
            conflict: conflict_of(conn, session.id, member_id, p.id)?,
            my_scores: mine
                .iter()
                .filter(|s| s.proposal_id == p.id)
                .map(|s| (s.criterion_id, s.points, s.version))
                .collect(),
            proposal_id: p.id,
            title: p.title,
            product: p.product,
            description: p.description,
            association_name: p.association_name,
            lines,
            totals,
        });
    }
    Ok(ReviewerSession {
        call_title: call.title,
        criteria: call_store::criteria(conn, session.call_id)?,
        member_id,
        member_name: seat.member.full_name,
        present: seat.present,
        session,
        proposals,
    })
}
