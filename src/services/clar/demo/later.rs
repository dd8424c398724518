//! The demo's follow-up of funded plans: the first tranche soon after the award, a progress
//! review session seven months on that releases the second tranche of the ventures still
//! going, and visits a year and more later (fewer than half still operate, as in Cachi).

use super::dated;
use super::day_before;
use super::pipeline::Demo;
use crate::domain::clar::{ProposalStatus, TrancheStatus, VisitStatus};
use crate::services::clar::followup::{pay_in, record_visit_in, release_in, VisitDraft};
use crate::services::clar::proposals::transition;
use crate::services::clar::session::{close_session_in, open_session_in, SessionDraft};
use crate::services::clar::{load_proposal, load_session};
use crate::services::CoreResult;
use crate::store::clar::{awards, followup as store};

/// How the ventures are found at the visit a year on, in turn.
const A_YEAR_ON: [VisitStatus; 4] = [
    VisitStatus::Operating,
    VisitStatus::Stopped,
    VisitStatus::Struggling,
    VisitStatus::Stopped,
];

impl Demo<'_, '_> {
    pub(super) fn follow_up(&mut self, call_id: i64, awarding: i64) -> CoreResult<()> {
        let funded: Vec<awards::AwardRow> = awards::for_session(self.tx, awarding)?
            .into_iter()
            .filter(|a| a.funded)
            .collect();
        let paid = dated(self.ctx, 440);
        for award in &funded {
            if let Some(t) = store::tranches(self.tx, award.id)?.first() {
                pay_in(self.tx, &paid, t.id, t.version, (t.planned, paid.today))?;
            }
            let status = *self.rng.pick(&[
                VisitStatus::Operating,
                VisitStatus::Operating,
                VisitStatus::Struggling,
            ]);
            self.visit(400, award.proposal_id, status)?;
        }
        let review_id = self.progress_review(call_id)?;
        let shift = usize::try_from(self.rng.range(0, 3)).unwrap_or(0);
        for (index, award) in funded.iter().enumerate() {
            let status = A_YEAR_ON[(index + shift) % A_YEAR_ON.len()];
            if status != VisitStatus::Stopped {
                self.second_tranche(award.id, review_id)?;
            }
            self.visit(90, award.proposal_id, status)?;
            if index == 0 && status == VisitStatus::Operating {
                let p = load_proposal(self.tx, award.proposal_id)?;
                let note = Some("Ejecución concluida");
                transition(
                    self.tx,
                    &dated(self.ctx, 80),
                    &p,
                    ProposalStatus::Closed,
                    note,
                )?;
            }
        }
        Ok(())
    }

    fn visit(&self, days_ago: u64, proposal_id: i64, status: VisitStatus) -> CoreResult<()> {
        let notes = (status == VisitStatus::Stopped)
            .then(|| "Los socios dejaron la actividad por falta de mercado.".to_string());
        let visit = VisitDraft {
            visited_on: day_before(self.ctx, days_ago),
            status,
            notes,
        };
        record_visit_in(self.tx, &dated(self.ctx, days_ago), proposal_id, &visit)?;
        Ok(())
    }

    /// The CLAR's second look at the funded plans, seven months after the award.
    fn progress_review(&self, call_id: i64) -> CoreResult<i64> {
        let held = dated(self.ctx, 300);
        let review_id = open_session_in(
            self.tx,
            &held,
            &SessionDraft {
                call_id,
                held_on: held.today,
                place: "Local comunal".into(),
                member_ids: self.cast.clar_members[..3].to_vec(),
            },
        )?;
        let version = load_session(self.tx, review_id)?.version;
        close_session_in(self.tx, &held, review_id, version)?;
        Ok(review_id)
    }

    fn second_tranche(&self, award_id: i64, review_id: i64) -> CoreResult<()> {
        let Some(t) = store::tranches(self.tx, award_id)?.into_iter().nth(1) else {
            return Ok(());
        };
        if t.status != TrancheStatus::Planned {
            return Ok(());
        }
        release_in(self.tx, &dated(self.ctx, 300), t.id, t.version, review_id)?;
        let paid = dated(self.ctx, 290);
        pay_in(self.tx, &paid, t.id, t.version + 1, (t.planned, paid.today))
    }
}
