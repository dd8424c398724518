//! Runs the CLAR areas' effects against the core and reports each outcome as a result. The
//! core checks every permission: a CLAR member asking for a staff view gets its refusal here
//! like anyone else.

use crate::services::clar::{
    award, calls, conflicts, members, proposals, reviewer, scoring, session,
};
use crate::services::CoreError;
use crate::store::Store;
use crate::tui::effect::Message;
use crate::tui::screens::clar::{ClarEffect, ClarResult};

fn said<T>(result: Result<T, CoreError>) -> Result<T, Message> {
    result.map_err(|e| Message::of(&e))
}

pub(super) fn run(store: &mut Store, effect: ClarEffect) -> ClarResult {
    match effect {
        ClarEffect::LoadCalls { actor } => {
            ClarResult::Calls(said(calls::list_calls(store, &actor)))
        }
        ClarEffect::LoadProposals { actor, call_id } => ClarResult::Proposals(said(
            calls::call_detail(store, &actor, call_id).and_then(|detail| {
                Ok((
                    detail.call,
                    proposals::list_proposals(store, &actor, call_id)?,
                ))
            }),
        )),
        ClarEffect::LoadProposal { actor, proposal_id } => ClarResult::Proposal(said(
            proposals::proposal_detail(store, &actor, proposal_id).map(Box::new),
        )),
        ClarEffect::SaveBudget {
            actor,
            proposal_id,
            version,
            draft,
        } => ClarResult::Done(said(proposals::update_proposal(
            store,
            &actor,
            proposal_id,
            version,
            &draft,
        ))),
        ClarEffect::Present {
            actor,
            proposal_id,
            version,
        } => ClarResult::Done(said(proposals::submit_proposal(
            store,
            &actor,
            proposal_id,
            version,
        ))),
        ClarEffect::LoadSessions { actor } => {
            ClarResult::Sessions(said(session::list_sessions(store, &actor)))
        }
        ClarEffect::LoadSession { actor, session_id } => ClarResult::Session(said(
            session::session_overview(store, &actor, session_id).map(Box::new),
        )),
        ClarEffect::SetAttendance {
            actor,
            session_id,
            member_id,
            present,
        } => ClarResult::Done(said(members::set_attendance(
            store, &actor, session_id, member_id, present,
        ))),
        ClarEffect::CloseSession {
            actor,
            session_id,
            version,
        } => ClarResult::Done(said(session::close_session(
            store, &actor, session_id, version,
        ))),
        ClarEffect::LoadRanking { actor, session_id } => ClarResult::Ranking(said(
            award::ranking(store, &actor, session_id).map(Box::new),
        )),
        ClarEffect::Award { actor, session_id } => ClarResult::Ranking(said(
            award::award_session(store, &actor, session_id).map(Box::new),
        )),
        ClarEffect::LoadMySessions { actor } => {
            ClarResult::Sessions(said(reviewer::my_sessions(store, &actor)))
        }
        ClarEffect::LoadToScore { actor, session_id } => ClarResult::ToScore(said(
            reviewer::session_for_member(store, &actor, session_id).map(Box::new),
        )),
        ClarEffect::SaveScores { actor, sheet } => {
            ClarResult::Done(said(scoring::save_scores(store, &actor, &sheet)))
        }
        ClarEffect::Declare { actor, draft } => {
            ClarResult::Done(said(conflicts::declare_conflict(store, &actor, &draft)))
        }
    }
}
