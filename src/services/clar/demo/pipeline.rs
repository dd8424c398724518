//! The demo's calls, from opening to awards: every proposal goes as far along its life as its
//! place in the plan says, through the real use cases.

use super::people::{Cast, PRODUCTS};
use super::{dated, day_before, Rng};
use crate::domain::clar::Verdict;
use crate::domain::clar::{BudgetCategory, CallKind, CallStatus, ConflictKind, ProposalStatus};
use crate::domain::money::Money;
use crate::services::clar::award::award_in;
use crate::services::clar::calls::{create_call_in, set_status_in, CallDraft};
use crate::services::clar::conflicts::{conflict_of, declare_in, ConflictDraft};
use crate::services::clar::members::seat_in;
use crate::services::clar::proposals::{create_proposal_in, submit_in, ProposalDraft};
use crate::services::clar::review::{record_review_in, ReviewDraft};
use crate::services::clar::rules::BudgetLine;
use crate::services::clar::scoring::{save_scores_in, ScoreEntry, ScoreSheet};
use crate::services::clar::session::{close_session_in, open_session_in, SessionDraft};
use crate::services::clar::{load_call, load_proposal, load_session, ClarError};
use crate::services::{CoreError, CoreResult, WriteCtx};
use crate::store::clar::associations::MemberRow;
use crate::store::clar::{calls as call_store, not_found};
use chrono::Datelike;
use rusqlite::Transaction;

/// What every step of the demo works with.
pub(super) struct Demo<'a, 'b> {
    pub tx: &'a Transaction<'b>,
    pub ctx: &'a WriteCtx<'a>,
    pub rng: &'a mut Rng,
    pub cast: &'a Cast,
}

pub(super) fn soles(s: i64) -> Money {
    Money::from_cents(s * 100)
}

/// Three lines (materials, technical assistance, training) splitting `programme` and
/// `counterpart` céntimos: the first two take `split` percent of the programme's part.
fn lines(programme: i64, counterpart: i64, split: [i64; 2]) -> Vec<BudgetLine> {
    let part = |total: i64, pct: i64| total * pct / 100;
    let (pm, pt) = (part(programme, split[0]), part(programme, split[1]));
    let (cm, ct) = (part(counterpart, 70), part(counterpart, 20));
    let items = [
        (
            BudgetCategory::Materials,
            "Equipos, insumos e infraestructura",
            pm,
            cm,
        ),
        (
            BudgetCategory::TechnicalAssistance,
            "Asistente técnico",
            pt,
            ct,
        ),
        (
            BudgetCategory::Training,
            "Capacitación y pasantías",
            programme - pm - pt,
            counterpart - cm - ct,
        ),
    ];
    items
        .iter()
        .map(|(category, description, p, c)| BudgetLine {
            category: *category,
            description: description.to_string(),
            programme: Money::from_cents(*p),
            counterpart: Money::from_cents(*c),
        })
        .collect()
}

/// The field visit of a review: who was found, and the technicians' reasons when not viable.
struct Visit<'m> {
    members: &'m [MemberRow],
    present_bp: i64,
    reasons: Option<&'static str>,
}

impl Demo<'_, '_> {
    fn programme(&self, code: &'static str) -> CoreResult<i64> {
        call_store::programme_id(self.tx, code)?.ok_or_else(|| not_found("programme", 0).into())
    }

    /// A business plan's budget within the preset (at most 70 %, S/ 99 000); the second
    /// draft is one céntimo over the ceiling, as people really do.
    fn plan_budget(&mut self, index: usize) -> Vec<BudgetLine> {
        if index == 1 {
            return lines(9_900_001, 4_300_000, [65, 20]);
        }
        let programme = self.rng.range(400, 900) * 10_000;
        let counterpart = (programme * 3 + 6) / 7 + self.rng.range(0, 50) * 10_000;
        lines(programme, counterpart, [65, 20])
    }

    /// Submits, keeping the proposal a draft when its association does not fit the call.
    pub(super) fn try_submit(&self, days_ago: u64, id: i64) -> CoreResult<bool> {
        let p = load_proposal(self.tx, id)?;
        match submit_in(self.tx, &dated(self.ctx, days_ago), id, p.version) {
            Ok(()) => Ok(true),
            Err(CoreError::Clar(ClarError::RulesBroken(_))) => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Reviews a submitted proposal with a field visit.
    fn review(&self, days_ago: u64, id: i64, visit: &Visit) -> CoreResult<()> {
        let p = load_proposal(self.tx, id)?;
        if p.status != ProposalStatus::Submitted {
            return Ok(());
        }
        let ctx = dated(self.ctx, days_ago);
        let present = (visit.members.len() as i64 * visit.present_bp + 9_999) / 10_000;
        let shown = &visit.members[..usize::try_from(present)
            .unwrap_or(0)
            .min(visit.members.len())];
        let draft = ReviewDraft {
            verdict: if visit.reasons.is_some() {
                Verdict::NotViable
            } else {
                Verdict::Viable
            },
            reasons: visit.reasons.unwrap_or("").to_string(),
            field_visit_on: Some(ctx.today),
            present_dnis: shown.iter().filter_map(|m| m.dni.clone()).collect(),
            present_member_ids: shown
                .iter()
                .filter(|m| m.dni.is_none())
                .map(|m| m.id)
                .collect(),
        };
        record_review_in(self.tx, &ctx, &p, &draft)?;
        Ok(())
    }

    /// Reviews a proposal found viable, with most of `association`'s members at the visit.
    fn review_viable(&mut self, days_ago: u64, id: i64, association: usize) -> CoreResult<()> {
        let present_bp = self.rng.range(55, 100) * 100;
        let members = &self.cast.associations[association].1;
        self.review(
            days_ago,
            id,
            &Visit {
                members,
                present_bp,
                reasons: None,
            },
        )
    }

    /// Each of `scorers` free of conflict scores each of `proposals` at its level (percent
    /// of the maximum), with a little disagreement between members.
    fn score_all(
        &mut self,
        ctx: &WriteCtx,
        session_id: i64,
        scorers: &[i64],
        proposals: &[(i64, i64)],
    ) -> CoreResult<()> {
        let session = load_session(self.tx, session_id)?;
        let criteria = call_store::criteria(self.tx, session.call_id)?;
        for (proposal_id, level) in proposals {
            for member_id in scorers {
                if conflict_of(self.tx, session_id, *member_id, *proposal_id)?.is_some() {
                    continue;
                }
                let entries = criteria
                    .iter()
                    .map(|c| ScoreEntry {
                        criterion_id: c.id,
                        points: (c.max_points * level / 100 + self.rng.range(-2, 2))
                            .clamp(0, c.max_points),
                        expected_version: None,
                    })
                    .collect();
                let sheet = ScoreSheet {
                    session_id,
                    proposal_id: *proposal_id,
                    entries,
                };
                save_scores_in(self.tx, ctx, *member_id, &sheet)?;
            }
        }
        Ok(())
    }

    /// Creates the call of `draft` and opens it `opens` days ago.
    fn open_call(&self, draft: &CallDraft, opens: u64) -> CoreResult<i64> {
        let opened = dated(self.ctx, opens);
        let call_id = create_call_in(self.tx, &opened, draft)?;
        set_status_in(
            self.tx,
            &opened,
            &load_call(self.tx, call_id)?,
            CallStatus::Open,
        )?;
        Ok(call_id)
    }

    fn close_call(&self, call_id: i64, days_ago: u64) -> CoreResult<()> {
        let ctx = dated(self.ctx, days_ago);
        set_status_in(
            self.tx,
            &ctx,
            &load_call(self.tx, call_id)?,
            CallStatus::Closed,
        )
    }

    /// The Aliados II call, a year and a half back: twelve proposals, a closed and awarded
    /// session, a progress review, tranches and visits. Returns the call's id.
    pub(super) fn business_plans(&mut self) -> CoreResult<i64> {
        let title = format!(
            "Concurso de planes de negocio {}",
            day_before(self.ctx, 480).year()
        );
        let draft = CallDraft::preset(
            self.programme("ALIADOS_II")?,
            CallKind::BusinessPlan,
            &title,
            soles(400_000),
            (day_before(self.ctx, 540), day_before(self.ctx, 480)),
        );
        let call_id = self.open_call(&draft, 540)?;
        let mut ids = Vec::new();
        for (index, (title, product)) in PRODUCTS.iter().enumerate() {
            let association = index % self.cast.associations.len();
            let proposal = ProposalDraft {
                association_id: self.cast.associations[association].0,
                title: title.to_string(),
                product: product.to_string(),
                description: Some(format!(
                    "Plan de negocio de {} de la asociación.",
                    product.to_lowercase()
                )),
                lines: self.plan_budget(index),
            };
            let created = dated(self.ctx, 530 - 3 * index as u64);
            let id = create_proposal_in(self.tx, &created, call_id, &proposal)?;
            if index >= 2 {
                self.try_submit(500 - index as u64, id)?;
            }
            ids.push((id, association));
        }
        self.close_call(call_id, 478)?;
        for (index, (id, association)) in ids.iter().enumerate().skip(3) {
            let members = &self.cast.associations[*association].1;
            match index {
                3 => self.review(470, *id, &Visit { members, present_bp: 8_000, reasons: Some("El mercado de destino no está identificado y los costos están subestimados.") })?,
                4 => self.review(470, *id, &Visit { members, present_bp: 3_500, reasons: None })?,
                _ => self.review_viable(470, *id, *association)?,
            }
        }
        let proposals: Vec<i64> = ids.iter().map(|(id, _)| *id).collect();
        let session_id = self.first_session(call_id, &proposals)?;
        self.follow_up(call_id, session_id)?;
        Ok(call_id)
    }

    /// The awarding session: four members present, one absent; one declares a conflict and
    /// another's is detected; everyone else scores; closed and awarded the same day.
    fn first_session(&mut self, call_id: i64, ids: &[i64]) -> CoreResult<i64> {
        let held = dated(self.ctx, 460);
        let members = self.cast.clar_members.clone();
        let session_id = open_session_in(
            self.tx,
            &held,
            &SessionDraft {
                call_id,
                held_on: held.today,
                place: "Salón municipal".into(),
                member_ids: members[..4].to_vec(),
            },
        )?;
        seat_in(self.tx, &held, session_id, members[4], false)?;
        let viable: Vec<i64> = ids
            .iter()
            .copied()
            .filter(|id| matches!(load_proposal(self.tx, *id), Ok(p) if p.status == ProposalStatus::Viable))
            .collect();
        if let Some(first) = viable.first() {
            let conflict = ConflictDraft {
                session_id,
                member_id: Some(members[1]),
                proposal_id: *first,
                kind: ConflictKind::Relative,
                note: Some("Su hermano es socio de la asociación.".into()),
            };
            declare_in(self.tx, &held, members[1], &conflict)?;
        }
        let levels: Vec<(i64, i64)> = viable
            .iter()
            .map(|id| (*id, self.rng.range(55, 95)))
            .collect();
        self.score_all(&held, session_id, &members[..4], &levels)?;
        let version = load_session(self.tx, session_id)?.version;
        close_session_in(self.tx, &held, session_id, version)?;
        award_in(self.tx, &held, session_id)?;
        Ok(session_id)
    }

    /// A Haku Wiñay call for small ventures whose CLAR session is open today: four proposals
    /// to score, two members done, `clar1` (the first member) still to start.
    pub(super) fn open_ventures_call(&mut self) -> CoreResult<i64> {
        let title = format!(
            "Fondos concursables para emprendimientos {}",
            day_before(self.ctx, 45).year()
        );
        let mut draft = CallDraft::preset(
            self.programme("HAKU_WINAY")?,
            CallKind::LocalVenture,
            &title,
            soles(28_000),
            (day_before(self.ctx, 45), day_before(self.ctx, 15)),
        );
        draft.rules.max_members = 30;
        let call_id = self.open_call(&draft, 45)?;
        let ids = self.ventures(call_id)?;
        self.close_call(call_id, 14)?;
        for (id, association) in &ids {
            self.review_viable(10, *id, *association)?;
        }
        let today = dated(self.ctx, 0);
        let members = self.cast.clar_members.clone();
        let session_id = open_session_in(
            self.tx,
            &today,
            &SessionDraft {
                call_id,
                held_on: today.today,
                place: "Local comunal".into(),
                member_ids: members[..4].to_vec(),
            },
        )?;
        let levels: Vec<(i64, i64)> = ids
            .iter()
            .map(|(id, _)| (*id, self.rng.range(60, 90)))
            .collect();
        self.score_all(&today, session_id, &members[1..3], &levels)?;
        Ok(call_id)
    }

    /// Four small ventures of the associations at the end of the list, submitted: (proposal
    /// id, association index) of those that fit the call.
    fn ventures(&mut self, call_id: i64) -> CoreResult<Vec<(i64, usize)>> {
        let ventures = [
            ("Biohuerto familiar", "Hortalizas"),
            ("Crianza de gallinas de postura", "Huevos"),
            ("Panadería comunal", "Pan"),
            ("Tejido de chompas", "Textiles"),
        ];
        let mut ids = Vec::new();
        for (index, (title, product)) in ventures.iter().enumerate() {
            let association = (index + 8) % self.cast.associations.len();
            let programme = self.rng.range(60, 70) * 10_000;
            let counterpart = self.rng.range(5, 15) * 10_000;
            let proposal = ProposalDraft {
                association_id: self.cast.associations[association].0,
                title: title.to_string(),
                product: product.to_string(),
                description: Some(format!(
                    "Emprendimiento de {} para la feria local.",
                    product.to_lowercase()
                )),
                lines: lines(programme, counterpart, [60, 30]),
            };
            let id = create_proposal_in(self.tx, &dated(self.ctx, 40), call_id, &proposal)?;
            if self.try_submit(30, id)? {
                ids.push((id, association));
            }
        }
        Ok(ids)
    }
}
