//! Ranking a session's proposals and funding them down the ranking. Pure functions: the same
//! scores always give the same ranking and the same awards.
//!
//! **Score.** Each eligible member's total for a proposal is the weighted sum of their points
//! (points × weight, weight 10 000 bp = once). The proposal's score is the mean of those totals
//! over the members who scored it (present, not recused), kept in thousandths and rounded down
//! (`score_milli`), which is what the acta prints and what the ranking compares.
//!
//! **Tie-break**, in order: higher score; higher presentation-phase score; lower programme
//! amount (more proposals fit the envelope); earlier submission; lower id.
//!
//! **Envelope.** Going down the ranking, a proposal is funded when its programme amount fits
//! in what remains; one that does not fit is skipped and the next that fits is funded. The
//! remainder is reported. No sequence of decisions can spend more than the envelope.

use crate::domain::clar::Phase;
use crate::domain::money::Money;
use std::cmp::Ordering;

/// What the ranking needs of a criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CriterionSpec {
    pub id: i64,
    pub phase: Phase,
    pub weight_bp: i64,
}

/// One member's points on one proposal: (criterion id, points).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberSheet {
    pub member_id: i64,
    pub points: Vec<(i64, i64)>,
}

/// A proposal to rank, with the sheets of the members allowed to score it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub proposal_id: i64,
    /// ISO instant; compares in time order as text.
    pub submitted_at: String,
    pub programme: Money,
    pub sheets: Vec<MemberSheet>,
}

/// A proposal's place in the ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub proposal_id: i64,
    pub rank: i64,
    pub score_milli: i64,
    pub field_milli: i64,
    pub presentation_milli: i64,
    pub scorers: i64,
    pub programme: Money,
    pub submitted_at: String,
}

/// Ranks the candidates (see the module documentation).
pub fn rank(criteria: &[CriterionSpec], candidates: &[Candidate]) -> Vec<Ranked> {
    let mut rows: Vec<Ranked> = candidates.iter().map(|c| score(criteria, c)).collect();
    rows.sort_by(compare);
    for (index, row) in rows.iter_mut().enumerate() {
        row.rank = i64::try_from(index).unwrap_or(i64::MAX - 1) + 1;
    }
    rows
}

/// The ranking order: best first.
pub fn compare(a: &Ranked, b: &Ranked) -> Ordering {
    b.score_milli
        .cmp(&a.score_milli)
        .then(b.presentation_milli.cmp(&a.presentation_milli))
        .then(a.programme.cmp(&b.programme))
        .then(a.submitted_at.cmp(&b.submitted_at))
        .then(a.proposal_id.cmp(&b.proposal_id))
}

fn score(criteria: &[CriterionSpec], candidate: &Candidate) -> Ranked {
    let scorers = candidate.sheets.len() as i64;
    let phase_units = |phase: Option<Phase>| -> i128 {
        candidate
            .sheets
            .iter()
            .flat_map(|s| s.points.iter())
            .filter_map(|(criterion_id, points)| {
                let c = criteria.iter().find(|c| c.id == *criterion_id)?;
                let wanted = phase.is_none_or(|p| p == c.phase);
                wanted.then(|| i128::from(*points) * i128::from(c.weight_bp))
            })
            .sum()
    };
    Ranked {
        proposal_id: candidate.proposal_id,
        rank: 0,
        score_milli: mean_milli(phase_units(None), scorers),
        field_milli: mean_milli(phase_units(Some(Phase::Field)), scorers),
        presentation_milli: mean_milli(phase_units(Some(Phase::Presentation)), scorers),
        scorers,
        programme: candidate.programme,
        submitted_at: candidate.submitted_at.clone(),
    }
}

/// `units` are points × basis points (10 000 units = 1 point); the mean over `scorers`, in
/// thousandths of a point, rounded down. No scorers gives 0.
fn mean_milli(units: i128, scorers: i64) -> i64 {
    if scorers <= 0 {
        return 0;
    }
    let milli = units.div_euclid(10 * i128::from(scorers));
    i64::try_from(milli).unwrap_or(i64::MAX)
}

/// The decision for one ranked proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    pub proposal_id: i64,
    pub rank: i64,
    pub funded: bool,
    pub programme: Money,
}

/// What the envelope funds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allocation {
    pub envelope: Money,
    pub decisions: Vec<Decision>,
    pub funded_total: Money,
    pub remaining: Money,
}

/// Funds down the ranking (see the module documentation).
pub fn allocate(envelope: Money, ranked: &[Ranked]) -> Allocation {
    let mut remaining = envelope.max(Money::zero());
    let mut decisions = Vec::with_capacity(ranked.len());
    for row in ranked {
        let fits = row.programme <= remaining;
        if fits {
            remaining = remaining
                .checked_sub(row.programme)
                .unwrap_or(Money::zero());
        }
        decisions.push(Decision {
            proposal_id: row.proposal_id,
            rank: row.rank,
            funded: fits,
            programme: row.programme,
        });
    }
    let start = envelope.max(Money::zero());
    Allocation {
        envelope: start,
        funded_total: start.checked_sub(remaining).unwrap_or(Money::zero()),
        remaining,
        decisions,
    }
}

/// A score in thousandths as people read it: `78.333`.
pub fn milli_text(milli: i64) -> String {
    let sign = if milli < 0 { "-" } else { "" };
    let abs = milli.unsigned_abs();
    format!("{sign}{}.{:03}", abs / 1000, abs % 1000)
}

#[cfg(test)]
#[path = "ranking_tests.rs"]
mod tests;
