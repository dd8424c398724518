//! Tests of the CLAR areas' `update`: actions in, state and effects out, no terminal and no
//! database.

use super::review::{ReviewPage, ReviewState};
use super::score_form::ScoreForm;
use super::staff::StaffState;
use super::{ClarCommand, ClarConfirm, ClarEffect, ClarResult, ReviewMode, StaffMode};
use crate::domain::clar::{CallKind, CallStatus, Phase};
use crate::domain::money::Money;
use crate::domain::role::Role;
use crate::services::clar::award::RankingView;
use crate::services::clar::ranking::Allocation;
use crate::services::clar::reviewer::{ProposalToScore, ReviewerSession};
use crate::services::clar::rules::BudgetTotals;
use crate::services::clar::scoring::ScoreMatrix;
use crate::services::clar::session::SessionOverview;
use crate::services::Actor;
use crate::store::clar::calls::{CallRow, CriterionRow};
use crate::store::clar::sessions::SessionRow;
use crate::tui::action::{Action, Command, Edit};
use crate::tui::effect::Effect;
use crate::tui::screens::main::AreaCtx;
use crate::tui::widgets::confirm::Confirmable;
use chrono::NaiveDate;
use ratatui::layout::Rect;

fn actor(role: Role) -> Actor {
    Actor {
        user_id: Some(9),
        username: "rosa".into(),
        display_name: "Rosa".into(),
        role,
    }
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 14).unwrap_or_default()
}

fn call(id: i64) -> CallRow {
    CallRow {
        id,
        programme_id: 1,
        programme_code: "ALIADOS_II".into(),
        programme_name: "Aliados II".into(),
        title: format!("Concurso {id}"),
        kind: CallKind::BusinessPlan,
        envelope: Money::from_cents(11_000_000),
        opens_on: day(),
        closes_on: day(),
        min_members: 10,
        max_members: 30,
        max_programme_share_bp: 7_000,
        programme_ceiling: Money::from_cents(9_900_000),
        materials_share_bp: None,
        assistance_share_bp: None,
        field_presence_min_bp: 5_000,
        status: CallStatus::Open,
        version: 1,
    }
}

fn session(closed: bool) -> SessionRow {
    SessionRow {
        id: 40,
        call_id: 1,
        call_title: "Concurso 1".into(),
        acta_number: 1,
        acta_year: 2026,
        held_on: day(),
        place: "Cachi".into(),
        closed,
        closed_at: None,
        version: 3,
    }
}

fn ctx(actor: &Actor) -> AreaCtx<'_> {
    AreaCtx {
        actor,
        body: Rect::new(0, 1, 80, 21),
        lang: crate::i18n::Lang::Es,
    }
}

fn clar(c: ClarCommand) -> Action {
    Action::Command(Command::Clar(c))
}

#[test]
fn the_staff_area_opens_on_the_calls_and_goes_into_a_call() {
    let rosa = actor(Role::Registrador);
    let (mut state, effects) = StaffState::open(&rosa);
    assert_eq!(
        effects,
        [Effect::Clar(ClarEffect::LoadCalls {
            actor: rosa.clone()
        })]
    );
    assert_eq!(state.mode(), StaffMode::Calls);
    let loaded = Action::Clar(ClarResult::Calls(Ok(vec![call(1), call(2)])));
    assert!(state.update(loaded, &ctx(&rosa)).is_empty());
    state.update(Action::Command(Command::Down), &ctx(&rosa));
    let effects = state.update(clar(ClarCommand::Open), &ctx(&rosa));
    assert_eq!(
        effects,
        [Effect::Clar(ClarEffect::LoadProposals {
            actor: rosa.clone(),
            call_id: 2
        })]
    );
    assert_eq!(state.mode(), StaffMode::Proposals);
    state.update(clar(ClarCommand::Back), &ctx(&rosa));
    assert_eq!(state.mode(), StaffMode::Calls);
    // Esc at the bottom of the stack stays there.
    state.update(clar(ClarCommand::Back), &ctx(&rosa));
    assert_eq!(state.mode(), StaffMode::Calls);
}

fn overview() -> SessionOverview {
    SessionOverview {
        session: session(false),
        seats: Vec::new(),
        conflicts: Vec::new(),
        matrix: ScoreMatrix {
            session_id: 40,
            closed: false,
            proposals: Vec::new(),
            members: Vec::new(),
            cells: Vec::new(),
            done: 0,
            expected: 0,
        },
    }
}

fn ranking_view(awarded: bool) -> RankingView {
    RankingView {
        session: session(true),
        call: call(1),
        envelope: Money::from_cents(100),
        rows: Vec::new(),
        allocation: Allocation {
            envelope: Money::from_cents(100),
            decisions: Vec::new(),
            funded_total: Money::zero(),
            remaining: Money::from_cents(100),
        },
        awarded,
    }
}

#[test]
fn closing_a_session_and_awarding_ask_first() {
    let rosa = actor(Role::Admin);
    let (mut state, _) = StaffState::open(&rosa);
    state.update(clar(ClarCommand::Sessions), &ctx(&rosa));
    let sessions = Action::Clar(ClarResult::Sessions(Ok(vec![session(false)])));
    state.update(sessions, &ctx(&rosa));
    state.update(clar(ClarCommand::Open), &ctx(&rosa));
    assert_eq!(state.mode(), StaffMode::Session);
    // Until the session has loaded, `c` does nothing.
    assert!(state
        .update(clar(ClarCommand::CloseSession), &ctx(&rosa))
        .is_empty());
    let loaded = Action::Clar(ClarResult::Session(Ok(Box::new(overview()))));
    state.update(loaded, &ctx(&rosa));
    assert_eq!(
        state.update(clar(ClarCommand::CloseSession), &ctx(&rosa)),
        [Effect::Confirm(Confirmable::Clar(
            ClarConfirm::CloseSession
        ))]
    );
    let confirmed = ClarCommand::Confirmed(ClarConfirm::CloseSession);
    assert_eq!(
        state.update(clar(confirmed), &ctx(&rosa)),
        [Effect::Clar(ClarEffect::CloseSession {
            actor: rosa.clone(),
            session_id: 40,
            version: 3
        })]
    );
    state.update(clar(ClarCommand::Ranking), &ctx(&rosa));
    let ranked = Action::Clar(ClarResult::Ranking(Ok(Box::new(ranking_view(false)))));
    state.update(ranked, &ctx(&rosa));
    assert_eq!(
        state.update(clar(ClarCommand::Award), &ctx(&rosa)),
        [Effect::Confirm(Confirmable::Clar(ClarConfirm::Award))]
    );
    let award = state.update(
        clar(ClarCommand::Confirmed(ClarConfirm::Award)),
        &ctx(&rosa),
    );
    assert_eq!(
        award,
        [Effect::Clar(ClarEffect::Award {
            actor: rosa.clone(),
            session_id: 40
        })]
    );
    let done = Action::Clar(ClarResult::Ranking(Ok(Box::new(ranking_view(true)))));
    state.update(done, &ctx(&rosa));
    assert!(state.notice().is_some(), "the award is announced");
    assert!(
        state
            .update(clar(ClarCommand::Award), &ctx(&rosa))
            .is_empty(),
        "only once"
    );
}

fn criterion(id: i64, phase: Phase, max_points: i64) -> CriterionRow {
    CriterionRow {
        id,
        call_id: 1,
        phase,
        position: id,
        label_es: format!("C{id}"),
        label_en: format!("C{id}"),
        max_points,
        weight_bp: 10_000,
    }
}

fn to_score() -> ReviewerSession {
    ReviewerSession {
        session: session(false),
        call_title: "Concurso 1".into(),
        member_id: 5,
        member_name: "Juana".into(),
        present: true,
        criteria: vec![
            criterion(1, Phase::Field, 20),
            criterion(2, Phase::Presentation, 25),
        ],
        proposals: vec![ProposalToScore {
            proposal_id: 70,
            title: "Cuyes".into(),
            product: "Cuyes".into(),
            description: None,
            association_name: "Huantana".into(),
            association_size: 12,
            lines: Vec::new(),
            totals: BudgetTotals::default(),
            conflict: None,
            my_scores: vec![(2, 20, 4)],
        }],
    }
}

#[test]
fn the_scoring_form_nudges_within_the_scale_and_checks_before_saving() {
    let s = to_score();
    let mut form = ScoreForm::new(&s, &s.proposals[0]);
    assert_eq!(
        ScoreForm::points(&form.rows[1]),
        Some(20),
        "saved scores come back"
    );
    form.nudge(false);
    assert_eq!(ScoreForm::points(&form.rows[0]), Some(0));
    for _ in 0..25 {
        form.nudge(true);
    }
    assert_eq!(
        ScoreForm::points(&form.rows[0]),
        Some(20),
        "never above the maximum"
    );
    form.edit(Edit::Insert('9'));
    assert_eq!(form.out_of_scale(), Some(0));
    assert!(form.sheet().is_err());
    form.edit(Edit::Backspace);
    let sheet = form.sheet().unwrap_or_else(|m| panic!("{m:?}"));
    assert_eq!(sheet.entries.len(), 2);
    assert_eq!(
        sheet.entries[1].expected_version,
        Some(4),
        "the version read is sent back"
    );
    assert_eq!(form.total(), 40);
    assert_eq!(form.maximum(), 45);
}

#[test]
fn reviewer_mode_opens_the_form_only_where_the_member_may_score() {
    let juana = actor(Role::MiembroClar);
    let (mut state, effects) = ReviewState::open(&juana);
    assert_eq!(
        effects,
        [Effect::Clar(ClarEffect::LoadMySessions {
            actor: juana.clone()
        })]
    );
    state.update(
        Action::Clar(ClarResult::Sessions(Ok(vec![session(false)]))),
        &ctx(&juana),
    );
    state.update(clar(ClarCommand::Open), &ctx(&juana));
    let mut conflicted = to_score();
    conflicted.proposals[0].conflict = Some(crate::domain::clar::ConflictKind::Detected);
    state.update(
        Action::Clar(ClarResult::ToScore(Ok(Box::new(conflicted)))),
        &ctx(&juana),
    );
    state.update(clar(ClarCommand::Open), &ctx(&juana));
    assert_eq!(
        state.mode(),
        ReviewMode::Proposals,
        "no form on a conflicted proposal"
    );
    assert!(state.notice().is_some());
    state.update(
        Action::Clar(ClarResult::ToScore(Ok(Box::new(to_score())))),
        &ctx(&juana),
    );
    state.update(clar(ClarCommand::Open), &ctx(&juana));
    assert_eq!(state.mode(), ReviewMode::Scoring);
    assert!(matches!(state.top(), ReviewPage::Scoring(_)));
    state.update(Action::Edit(Edit::Insert('7')), &ctx(&juana));
    assert!(state.is_dirty());
    let effects = state.update(clar(ClarCommand::Save), &ctx(&juana));
    let [Effect::Clar(ClarEffect::SaveScores { sheet, .. })] = effects.as_slice() else {
        panic!("a save expected, got {effects:?}");
    };
    assert_eq!(sheet.entries[0].points, 7);
    let reload = state.update(Action::Clar(ClarResult::Done(Ok(()))), &ctx(&juana));
    assert_eq!(
        reload,
        [Effect::Clar(ClarEffect::LoadToScore {
            actor: juana,
            session_id: 40
        })]
    );
    assert_eq!(state.mode(), ReviewMode::Proposals);
}
