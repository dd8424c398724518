//! The CLAR over a temp-file store: submission rules, review, conflicts and recusal, scoring,
//! closing, ranking and awards, follow-up, and what each role may do.

mod clar_support;
mod common;

use clar_support::*;
use tinkuy::domain::clar::{
    BudgetCategory, CallStatus, ConflictKind, ProposalStatus, TrancheStatus, VisitStatus,
};
use tinkuy::domain::role::Role;
use tinkuy::i18n::{Lang, Localize};
use tinkuy::services::clar::error::ClarError;
use tinkuy::services::clar::proposals::{self, ProposalDraft};
use tinkuy::services::clar::rules::BudgetLine;
use tinkuy::services::clar::scoring::{self, CellState, ScoreEntry, ScoreSheet};
use tinkuy::services::clar::{associations, award, calls, conflicts, followup, reviewer, session};
use tinkuy::services::{CoreError, Permission};
use tinkuy::store::StoreError;

fn clar_err(result: Result<impl std::fmt::Debug, CoreError>) -> ClarError {
    match result {
        Err(CoreError::Clar(e)) => e,
        other => panic!("expected a CLAR error, got {other:?}"),
    }
}

fn is_forbidden<T: std::fmt::Debug>(result: Result<T, CoreError>) -> bool {
    matches!(result, Err(CoreError::Forbidden { .. }))
}

fn one_line_proposal(s: &mut Scenario, programme: i64, counterpart: i64) -> i64 {
    proposals::create_proposal(
        &mut s.store,
        &s.clerk,
        s.call_id,
        &ProposalDraft {
            association_id: s.associations[0],
            title: "Planta de lácteos".into(),
            product: "Queso".into(),
            description: None,
            lines: vec![BudgetLine {
                category: BudgetCategory::Materials,
                description: "Equipos".into(),
                programme: tinkuy::domain::money::Money::from_cents(programme),
                counterpart: tinkuy::domain::money::Money::from_cents(counterpart),
            }],
        },
    )
    .expect("proposal")
}

#[test]
fn one_centimo_over_the_ceiling_cannot_be_submitted_and_the_message_says_so() {
    let mut s = open_call();
    let id = one_line_proposal(&mut s, 9_900_001, 5_000_000);
    let version = s.version(id);
    let err = clar_err(proposals::submit_proposal(
        &mut s.store,
        &s.clerk,
        id,
        version,
    ));
    assert!(
        err.text(Lang::Es).contains(
            "La parte del programa (S/ 99,000.01) supera el tope de la convocatoria (S/ 99,000.00) en S/ 0.01."
        ),
        "{}",
        err.text(Lang::Es)
    );
    assert!(err
        .text(Lang::En)
        .contains("exceeds the call's ceiling (S/ 99,000.00) by S/ 0.01."));
    let detail = proposals::proposal_detail(&s.store, &s.clerk, id).unwrap();
    assert_eq!(detail.proposal.status, ProposalStatus::Draft);
    assert_eq!(detail.violations.len(), 1);
    // At the ceiling it goes through.
    let ok = one_line_proposal(&mut s, 9_900_000, 5_000_000);
    let version = s.version(ok);
    proposals::submit_proposal(&mut s.store, &s.clerk, ok, version).unwrap();
}

#[test]
fn share_above_seventy_percent_is_refused_with_the_counterpart_missing() {
    let mut s = open_call();
    let id = one_line_proposal(&mut s, 700_100, 299_900);
    let version = s.version(id);
    let err = clar_err(proposals::submit_proposal(
        &mut s.store,
        &s.clerk,
        id,
        version,
    ));
    let es = err.text(Lang::Es);
    assert!(es.contains("supera el 70 % permitido en S/ 1.00"), "{es}");
    assert!(es.contains("Aumente la contrapartida en S/ 1.43"), "{es}");
}

#[test]
fn negative_amounts_are_refused_and_nothing_is_saved() {
    let mut s = open_call();
    let before = proposals::list_proposals(&s.store, &s.clerk, s.call_id)
        .unwrap()
        .len();
    let result = proposals::create_proposal(
        &mut s.store,
        &s.clerk,
        s.call_id,
        &ProposalDraft {
            association_id: s.associations[0],
            title: "Mal presupuesto".into(),
            product: "Cuyes".into(),
            description: None,
            lines: plan_budget([(100, 0), (0, -1), (0, 0)]),
        },
    );
    let err = clar_err(result);
    assert_eq!(err.text(Lang::Es), "La línea 2 del presupuesto tiene un monto negativo (S/ -1.00). Los montos van de S/ 0.00 en adelante.");
    assert_eq!(
        proposals::list_proposals(&s.store, &s.clerk, s.call_id)
            .unwrap()
            .len(),
        before
    );
}

#[test]
fn an_association_too_small_for_the_call_cannot_submit() {
    let mut s = open_call();
    let small = associations::create_association(
        &mut s.store,
        &s.clerk,
        &associations::AssociationDraft {
            name: "Grupo de cuyeros Ccoyahuacho".into(),
            kind: tinkuy::domain::clar::AssociationKind::InterestGroup,
            community_id: None,
            legal_status: tinkuy::domain::clar::LegalStatus::Informal,
            ruc: None,
            contact_name: None,
            contact_phone: None,
        },
    )
    .unwrap();
    let id = proposals::create_proposal(
        &mut s.store,
        &s.clerk,
        s.call_id,
        &ProposalDraft {
            association_id: small,
            title: "Cuyes".into(),
            product: "Cuyes".into(),
            description: None,
            lines: plan_budget([(7_000, 3_000), (0, 0), (0, 0)]),
        },
    )
    .unwrap();
    let version = s.version(id);
    let err = clar_err(proposals::submit_proposal(
        &mut s.store,
        &s.clerk,
        id,
        version,
    ));
    assert!(err
        .text(Lang::Es)
        .contains("La asociación tiene 0 socios; la convocatoria pide al menos 10 (faltan 10)."));
}

#[test]
fn a_second_editor_gets_a_version_conflict() {
    let mut s = open_call();
    let id = one_line_proposal(&mut s, 700_000, 300_000);
    let stale = s.version(id);
    let draft = |title: &str| ProposalDraft {
        association_id: s.associations[0],
        title: title.into(),
        product: "Queso".into(),
        description: None,
        lines: plan_budget([(7_000, 3_000), (0, 0), (0, 0)]),
    };
    let (first, second) = (draft("Versión de Rosa"), draft("Versión de Ana"));
    proposals::update_proposal(&mut s.store, &s.clerk, id, stale, &first).unwrap();
    let admin = s.admin.clone();
    let result = proposals::update_proposal(&mut s.store, &admin, id, stale, &second);
    assert!(
        matches!(
            result,
            Err(CoreError::Store(StoreError::Conflict {
                entity: "proposal",
                ..
            }))
        ),
        "{result:?}"
    );
    let detail = proposals::proposal_detail(&s.store, &s.clerk, id).unwrap();
    assert_eq!(detail.proposal.title, "Versión de Rosa");
}

#[test]
fn fewer_than_half_the_families_at_the_visit_makes_it_not_viable() {
    let s = reviewed();
    let weaving = proposals::proposal_detail(&s.store, &s.clerk, s.proposals[3]).unwrap();
    assert_eq!(weaving.proposal.status, ProposalStatus::NotViable);
    let review = weaving.review.unwrap();
    assert_eq!(
        (review.families_listed, review.families_present),
        (Some(12), Some(5))
    );
    let trout = proposals::proposal_detail(&s.store, &s.clerk, s.proposals[1]).unwrap();
    assert_eq!(trout.proposal.status, ProposalStatus::Viable);
}

#[test]
fn every_state_change_is_recorded_with_who_and_when() {
    let s = awarded();
    let detail = proposals::proposal_detail(&s.store, &s.clerk, s.proposals[1]).unwrap();
    let path: Vec<ProposalStatus> = detail.history.iter().map(|t| t.to).collect();
    use ProposalStatus::*;
    assert_eq!(path, [Draft, Submitted, Viable, Scored, Awarded]);
    assert!(detail
        .history
        .iter()
        .all(|t| t.username.as_deref() == Some("rosa")));
    assert_eq!(detail.history[3].at, "2026-05-14T12:00:00Z");
}

#[test]
fn a_detected_conflict_bars_scoring_and_nothing_is_saved() {
    let mut s = in_session();
    let before = scoring::score_matrix(&s.store, &s.clerk, s.session_id)
        .unwrap()
        .done;
    let err = clar_err(s.score(2, 1, [10, 10, 10, 10, 10]));
    assert!(matches!(
        err,
        ClarError::Recused {
            kind: ConflictKind::Detected,
            ..
        }
    ));
    assert!(err.text(Lang::Es).contains("Nilda Condori Ñahui tiene un conflicto de interés con «Engorde de truchas en jaulas» (detectado)"));
    assert!(err.text(Lang::Es).ends_with("No se guardó nada."));
    assert_eq!(
        scoring::score_matrix(&s.store, &s.clerk, s.session_id)
            .unwrap()
            .done,
        before
    );
}

#[test]
fn a_declared_conflict_bars_scoring() {
    let mut s = in_session();
    let err = clar_err(s.score(1, 2, [10, 10, 10, 10, 10]));
    assert!(matches!(
        err,
        ClarError::Recused {
            kind: ConflictKind::Relative,
            ..
        }
    ));
}

#[test]
fn a_conflict_declared_after_scoring_voids_those_scores_in_the_ranking() {
    let mut s = scored();
    let member = s.members[0].0.clone();
    conflicts::declare_conflict(
        &mut s.store,
        &member,
        &conflicts::ConflictDraft {
            session_id: s.session_id,
            member_id: None,
            proposal_id: s.proposals[0],
            kind: ConflictKind::Other,
            note: None,
        },
    )
    .unwrap();
    let version = session_version(&s);
    session::close_session(&mut s.store, &s.clerk, s.session_id, version).unwrap();
    let view = award::ranking(&s.store, &s.clerk, s.session_id).unwrap();
    let cuyes = view
        .rows
        .iter()
        .find(|r| r.proposal.id == s.proposals[0])
        .unwrap();
    assert_eq!(cuyes.ranked.scorers, 2);
    assert_eq!(cuyes.ranked.score_milli, 87_000);
}

#[test]
fn recusal_is_enforced_for_every_role() {
    let mut s = in_session();
    let sheet = ScoreSheet {
        session_id: s.session_id,
        proposal_id: s.proposals[1],
        entries: vec![ScoreEntry {
            criterion_id: s.criteria()[0],
            points: 5,
            expected_version: None,
        }],
    };
    let admin = s.admin.clone();
    for (name, role) in [
        ("ana", Role::Registrador),
        ("coco", Role::Coordinador),
        ("cons", Role::Consulta),
    ] {
        let actor = common::user_with_role(&mut s.store, &admin, name, role);
        assert!(
            is_forbidden(scoring::save_scores(&mut s.store, &actor, &sheet)),
            "{role:?}"
        );
    }
    assert!(is_forbidden(scoring::save_scores(
        &mut s.store,
        &admin,
        &sheet
    )));
    let clerk = s.clerk.clone();
    assert!(is_forbidden(scoring::save_scores(
        &mut s.store,
        &clerk,
        &sheet
    )));
    let conflicted = s.members[2].0.clone();
    assert!(matches!(
        clar_err(scoring::save_scores(&mut s.store, &conflicted, &sheet)),
        ClarError::Recused { .. }
    ));
    let free = s.members[0].0.clone();
    scoring::save_scores(&mut s.store, &free, &sheet).unwrap();
}

#[test]
fn a_score_outside_the_scale_is_refused_and_nothing_is_saved() {
    let mut s = in_session();
    let err = clar_err(s.score(0, 0, [18, 13, 14, 22, 26]));
    assert_eq!(
        err.text(Lang::Es),
        "26 puntos en «Dominio del negocio y respuestas al CLAR» está fuera de la escala (de 0 a 25). No se guardó nada."
    );
    assert!(matches!(
        clar_err(s.score(0, 0, [-1, 0, 0, 0, 0])),
        ClarError::ScoreOutOfScale { points: -1, .. }
    ));
    let mine = reviewer::session_for_member(&s.store, &s.members[0].0, s.session_id).unwrap();
    assert!(mine.proposals.iter().all(|p| p.my_scores.is_empty()));
}

#[test]
fn the_same_score_saved_twice_from_stale_forms_is_a_conflict() {
    let mut s = in_session();
    s.score(0, 0, [18, 13, 14, 22, 21]).unwrap();
    // A second form, loaded before the first save, still thinks the scores are blank.
    let err = s.score(0, 0, [10, 10, 10, 10, 10]);
    assert!(
        matches!(
            err,
            Err(CoreError::Store(StoreError::Conflict {
                entity: "clar_score",
                ..
            }))
        ),
        "{err:?}"
    );
    // With the versions it read, a member corrects their scores.
    let mine = reviewer::session_for_member(&s.store, &s.members[0].0, s.session_id).unwrap();
    let entries = mine.proposals[0]
        .my_scores
        .iter()
        .map(|(criterion_id, _, version)| ScoreEntry {
            criterion_id: *criterion_id,
            points: 10,
            expected_version: Some(*version),
        })
        .collect();
    let member = s.members[0].0.clone();
    let sheet = ScoreSheet {
        session_id: s.session_id,
        proposal_id: s.proposals[0],
        entries,
    };
    scoring::save_scores(&mut s.store, &member, &sheet).unwrap();
    assert!(matches!(
        scoring::save_scores(&mut s.store, &member, &sheet),
        Err(CoreError::Store(StoreError::Conflict { .. }))
    ));
}

#[test]
fn closing_with_unscored_proposals_is_refused_with_the_list() {
    let mut s = in_session();
    s.score(0, 0, [18, 13, 14, 22, 21]).unwrap();
    let version = session_version(&s);
    let err = clar_err(session::close_session(
        &mut s.store,
        &s.clerk,
        s.session_id,
        version,
    ));
    let ClarError::UnscoredProposals(list) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(list.len(), 3);
    assert_eq!(
        list[0].members,
        ["Nilda Condori Ñahui", "Teodoro Huamán Pillaca"]
    );
    assert_eq!(
        list[1].members,
        ["Juana Quispe Ccori", "Teodoro Huamán Pillaca"]
    );
    assert!(err.text(Lang::Es).starts_with(
        "No se puede cerrar la sesión: faltan calificaciones. «Crianza de cuyes mejorados»: falta Nilda Condori Ñahui, Teodoro Huamán Pillaca;"
    ));
    let open = session::list_sessions(&s.store, &s.clerk).unwrap();
    assert!(!open[0].closed);
}

#[test]
fn members_see_only_their_own_scores_until_the_session_closes() {
    let mut s = scored();
    let m0 = s.members[0].0.clone();
    let mine = scoring::score_matrix(&s.store, &m0, s.session_id).unwrap();
    assert_eq!(mine.members.len(), 1);
    assert_eq!(mine.cells[0][0].total_milli, Some(88_000));
    let staff = scoring::score_matrix(&s.store, &s.clerk, s.session_id).unwrap();
    assert_eq!(staff.members.len(), 3);
    assert!(staff
        .cells
        .iter()
        .flatten()
        .all(|c| c.total_milli.is_none()));
    assert_eq!((staff.done, staff.expected), (35, 35));
    // Columns follow the members' names: Juana, Nilda, Teodoro.
    assert!(matches!(staff.cells[1][1].state, CellState::Recused));
    assert!(matches!(staff.cells[2][2].state, CellState::Recused));
    assert!(matches!(
        clar_err(award::ranking(&s.store, &s.clerk, s.session_id)),
        ClarError::SessionOpen
    ));
    let version = session_version(&s);
    session::close_session(&mut s.store, &s.clerk, s.session_id, version).unwrap();
    let all = scoring::score_matrix(&s.store, &m0, s.session_id).unwrap();
    assert_eq!(all.members.len(), 3);
    assert_eq!(all.cells[0][1].total_milli, Some(92_000));
    assert_eq!(all.cells[0][2].total_milli, Some(82_000));
}

#[test]
fn ranking_funds_down_the_list_skipping_what_does_not_fit() {
    let mut s = scored();
    let version = session_version(&s);
    session::close_session(&mut s.store, &s.clerk, s.session_id, version).unwrap();
    let before = award::ranking(&s.store, &s.clerk, s.session_id).unwrap();
    let order: Vec<i64> = before.rows.iter().map(|r| r.proposal.id).collect();
    assert_eq!(order, [s.proposals[1], s.proposals[0], s.proposals[2]]);
    let scores: Vec<i64> = before.rows.iter().map(|r| r.ranked.score_milli).collect();
    assert_eq!(scores, [95_500, 87_333, 78_000]);
    let funded: Vec<bool> = before.rows.iter().map(|r| r.decision.funded).collect();
    assert_eq!(funded, [true, false, true]);
    assert_eq!(before.allocation.remaining, soles(12_000));
    assert!(!before.awarded);
    let after = award::award_session(&mut s.store, &s.clerk, s.session_id).unwrap();
    assert!(after.awarded);
    let outcome = |v: &award::RankingView| -> Vec<_> {
        v.rows
            .iter()
            .map(|r| (r.ranked.clone(), r.decision))
            .collect()
    };
    assert_eq!(
        outcome(&after),
        outcome(&before),
        "the ranking is reproducible"
    );
    assert_eq!(after.allocation, before.allocation);
    assert!(matches!(
        clar_err(award::award_session(&mut s.store, &s.clerk, s.session_id)),
        ClarError::AlreadyAwarded
    ));
    let statuses: Vec<ProposalStatus> = s
        .proposals
        .iter()
        .map(|id| {
            proposals::proposal_detail(&s.store, &s.clerk, *id)
                .unwrap()
                .proposal
                .status
        })
        .collect();
    use ProposalStatus::*;
    assert_eq!(statuses, [NotAwarded, Awarded, Awarded, NotViable]);
    let call = calls::call_detail(&s.store, &s.clerk, s.call_id).unwrap();
    assert_eq!(call.call.status, CallStatus::Awarded);
}

#[test]
fn an_open_call_can_no_longer_be_edited() {
    let mut s = open_call();
    let version = s.call_version();
    let mut draft = calls::CallDraft::preset(
        calls::programme_id(&s.store, "ALIADOS_II")
            .unwrap()
            .unwrap(),
        tinkuy::domain::clar::CallKind::BusinessPlan,
        "Tiny",
        soles(1),
        (day("2026-03-01"), day("2026-04-30")),
    );
    draft.title = "Concurso pequeño".into();
    // An open call can no longer be edited.
    assert!(matches!(
        clar_err(calls::update_call(
            &mut s.store,
            &s.clerk,
            s.call_id,
            version,
            &draft
        )),
        ClarError::CallNotEditable { .. }
    ));
}

#[test]
fn the_second_tranche_waits_for_the_progress_review() {
    let mut s = awarded();
    let trout = s.proposals[1];
    let tranches = followup::tranches(&s.store, &s.clerk, trout).unwrap();
    assert_eq!(tranches.len(), 2);
    assert_eq!(
        (tranches[0].planned, tranches[1].planned),
        (soles(39_200), soles(16_800))
    );
    let clerk = s.clerk.clone();
    let err = clar_err(followup::pay_tranche(
        &mut s.store,
        &clerk,
        tranches[1].id,
        1,
        (soles(16_800), day("2026-06-01")),
    ));
    assert_eq!(
        err.text(Lang::Es),
        "El desembolso 2 necesita antes la revisión de avance del CLAR."
    );
    followup::pay_tranche(
        &mut s.store,
        &clerk,
        tranches[0].id,
        1,
        (soles(39_200), day("2026-06-01")),
    )
    .unwrap();
    assert_eq!(
        proposals::proposal_detail(&s.store, &clerk, trout)
            .unwrap()
            .proposal
            .status,
        ProposalStatus::InExecution
    );
    // The same session cannot review its own award's progress.
    assert!(matches!(
        clar_err(followup::release_tranche(
            &mut s.store,
            &clerk,
            tranches[1].id,
            1,
            s.session_id
        )),
        ClarError::ReviewSessionInvalid
    ));
    set_day(&mut s.store, "2026-11-20");
    let review = session::open_session(
        &mut s.store,
        &clerk,
        &session::SessionDraft {
            call_id: s.call_id,
            held_on: day("2026-11-20"),
            place: "Municipalidad de Cachi".into(),
            member_ids: vec![s.members[0].1],
        },
    )
    .unwrap();
    followup::release_tranche(&mut s.store, &clerk, tranches[1].id, 1, review).unwrap();
    let over = clar_err(followup::pay_tranche(
        &mut s.store,
        &clerk,
        tranches[1].id,
        2,
        (soles(16_801), day("2026-11-25")),
    ));
    assert!(over
        .text(Lang::Es)
        .contains("supera lo programado (S/ 16,800.00) en S/ 1.00"));
    followup::pay_tranche(
        &mut s.store,
        &clerk,
        tranches[1].id,
        2,
        (soles(16_800), day("2026-11-25")),
    )
    .unwrap();
    let t = followup::tranches(&s.store, &clerk, trout).unwrap();
    assert!(t.iter().all(|t| t.status == TrancheStatus::Paid));
    // The second session of the call is numbered next in the year.
    let sessions = session::list_sessions(&s.store, &clerk).unwrap();
    assert_eq!(tinkuy::services::clar::acta_label(&sessions[0]), "2-2026");
}

#[test]
fn follow_up_answers_how_many_still_operate_a_year_later() {
    let mut s = awarded();
    let clerk = s.clerk.clone();
    let visit = |status| followup::VisitDraft {
        visited_on: day("2027-06-01"),
        status,
        notes: None,
    };
    followup::record_visit(
        &mut s.store,
        &clerk,
        s.proposals[1],
        &visit(VisitStatus::Operating),
    )
    .unwrap();
    followup::record_visit(
        &mut s.store,
        &clerk,
        s.proposals[2],
        &visit(VisitStatus::Stopped),
    )
    .unwrap();
    assert!(matches!(
        clar_err(followup::record_visit(
            &mut s.store,
            &clerk,
            s.proposals[0],
            &visit(VisitStatus::Operating)
        )),
        ClarError::NotFunded { .. }
    ));
    let report = followup::followup_report(&s.store, &clerk, day("2027-06-30")).unwrap();
    assert_eq!(report.len(), 1);
    let r = &report[0];
    assert_eq!(
        (r.funded, r.a_year_on, r.operating, r.stopped, r.not_visited),
        (2, 2, 1, 1, 0)
    );
    let early = followup::followup_report(&s.store, &clerk, day("2027-01-01")).unwrap();
    assert_eq!(early[0].a_year_on, 0);
}

#[test]
fn a_clar_member_gets_forbidden_outside_reviewer_mode() {
    let mut s = scored();
    let m = s.members[0].0.clone();
    assert!(is_forbidden(calls::list_calls(&s.store, &m)));
    assert!(is_forbidden(calls::call_detail(&s.store, &m, s.call_id)));
    assert!(is_forbidden(proposals::list_proposals(
        &s.store, &m, s.call_id
    )));
    assert!(is_forbidden(proposals::proposal_detail(
        &s.store,
        &m,
        s.proposals[0]
    )));
    assert!(is_forbidden(associations::list_associations(&s.store, &m)));
    assert!(is_forbidden(associations::members(
        &s.store,
        &m,
        s.associations[0]
    )));
    assert!(is_forbidden(followup::followup_report(
        &s.store,
        &m,
        day("2027-01-01")
    )));
    assert!(is_forbidden(session::close_session(
        &mut s.store,
        &m,
        s.session_id,
        1
    )));
    assert!(is_forbidden(award::award_session(
        &mut s.store,
        &m,
        s.session_id
    )));
    assert!(is_forbidden(
        tinkuy::services::clar::members::list_clar_members(&s.store, &m)
    ));
    assert!(!m.can(Permission::ReadClar));
    // Reviewer mode works, and shows the association's size, not its people.
    let mine = reviewer::session_for_member(&s.store, &m, s.session_id).unwrap();
    assert_eq!(mine.proposals.len(), 3);
    assert_eq!(mine.proposals[0].association_size, 12);
    assert_eq!(mine.proposals[0].totals.programme, soles(63_000));
    // Staff cannot use reviewer mode.
    assert!(is_forbidden(reviewer::session_for_member(
        &s.store,
        &s.clerk,
        s.session_id
    )));
    assert!(is_forbidden(reviewer::my_sessions(&s.store, &s.clerk)));
}

#[test]
fn a_member_sees_only_the_sessions_they_sit_on() {
    let mut s = awarded();
    let clerk = s.clerk.clone();
    set_day(&mut s.store, "2026-11-20");
    session::open_session(
        &mut s.store,
        &clerk,
        &session::SessionDraft {
            call_id: s.call_id,
            held_on: day("2026-11-20"),
            place: "Municipalidad de Cachi".into(),
            member_ids: vec![s.members[0].1],
        },
    )
    .unwrap();
    assert_eq!(session::list_sessions(&s.store, &clerk).unwrap().len(), 2);
    assert_eq!(
        session::list_sessions(&s.store, &s.members[0].0)
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        reviewer::my_sessions(&s.store, &s.members[1].0)
            .unwrap()
            .len(),
        1
    );
    let other = s.members[1].0.clone();
    let second = session::list_sessions(&s.store, &clerk).unwrap()[0].id;
    assert!(matches!(
        clar_err(reviewer::session_for_member(&s.store, &other, second)),
        ClarError::NotOnSession { .. }
    ));
    assert!(matches!(
        clar_err(scoring::score_matrix(&s.store, &other, second)),
        ClarError::NotOnSession { .. }
    ));
}

#[test]
fn a_member_cannot_declare_for_someone_else() {
    let mut s = in_session();
    let m0 = s.members[0].0.clone();
    let result = conflicts::declare_conflict(
        &mut s.store,
        &m0,
        &conflicts::ConflictDraft {
            session_id: s.session_id,
            member_id: Some(s.members[1].1),
            proposal_id: s.proposals[0],
            kind: ConflictKind::Member,
            note: None,
        },
    );
    assert!(is_forbidden(result));
}

#[test]
fn sessions_are_found_by_acta_number_or_id() {
    let s = in_session();
    assert_eq!(
        session::resolve_session(&s.store, "1-2026").unwrap(),
        Some(s.session_id)
    );
    assert_eq!(
        session::resolve_session(&s.store, "Acta N° 1-2026").unwrap(),
        Some(s.session_id)
    );
    let display = tinkuy::store::ids::display(s.session_id);
    assert_eq!(
        session::resolve_session(&s.store, &display).unwrap(),
        Some(s.session_id)
    );
    assert_eq!(session::resolve_session(&s.store, "9-2026").unwrap(), None);
}

#[test]
fn every_clar_write_leaves_an_audit_entry() {
    let s = awarded();
    let rows = tinkuy::store::audit::list(s.store.conn(), &Default::default()).unwrap();
    for action in [
        "create",
        "status",
        "review",
        "open",
        "declare_conflict",
        "score",
        "close",
        "award",
    ] {
        assert!(rows.iter().any(|r| r.action == action), "{action}");
    }
    assert_eq!(tinkuy::store::audit::verify(s.store.conn()).unwrap(), None);
}
