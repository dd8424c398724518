//! `update` tests of the committee area: state and effects, no terminal, no database.

use super::*;
use crate::domain::role::Role;
use crate::i18n::Lang;

fn actor() -> Actor {
    Actor {
        user_id: Some(5),
        username: "coord".into(),
        display_name: "Coordinadora".into(),
        role: Role::Coordinador,
    }
}

fn ctx(actor: &Actor) -> AreaCtx<'_> {
    AreaCtx {
        actor,
        body: Rect::new(0, 1, 80, 21),
        lang: Lang::Es,
    }
}

fn committee_command(c: C) -> Action {
    Action::Command(Command::Committee(c))
}

#[test]
fn the_area_opens_on_the_list_and_asks_for_the_meetings() {
    let actor = actor();
    let (state, effects) = CommitteeState::open(&actor);
    assert_eq!(state.mode(), Mode::List);
    assert_eq!(
        effects,
        [Effect::Committee(CommitteeEffect::LoadMeetings { actor })]
    );
}

#[test]
fn a_form_takes_the_keys_until_esc_and_a_refusal_keeps_it_open() {
    let actor = actor();
    let (mut state, _) = CommitteeState::open(&actor);
    state.update(committee_command(C::New), &ctx(&actor));
    assert_eq!(state.mode(), Mode::Form);
    state.update(
        Action::Edit(crate::tui::action::Edit::Insert('3')),
        &ctx(&actor),
    );
    assert!(state.is_dirty());
    let refusal = Message::of(&crate::services::committee::CommitteeError::NoCommittee);
    if let Some(form) = state.form.as_mut() {
        form.phase = FormPhase::Saving;
    }
    state.update(
        Action::Committee(Loaded::Saved(Err(refusal.clone()))),
        &ctx(&actor),
    );
    assert_eq!(
        state.form.as_ref().map(|f| f.phase.clone()),
        Some(FormPhase::Failed(refusal))
    );
    state.update(committee_command(C::Back), &ctx(&actor));
    assert_eq!(state.mode(), Mode::List);
    assert!(!state.is_dirty());
}

#[test]
fn going_back_from_the_pending_view_reloads_the_list() {
    let actor = actor();
    let (mut state, _) = CommitteeState::open(&actor);
    let effects = state.update(committee_command(C::Pending), &ctx(&actor));
    assert_eq!(state.mode(), Mode::Pending);
    assert_eq!(
        effects,
        [Effect::Committee(CommitteeEffect::LoadPending {
            actor: actor.clone()
        })]
    );
    let effects = state.update(committee_command(C::Back), &ctx(&actor));
    assert_eq!(state.mode(), Mode::List);
    assert_eq!(
        effects,
        [Effect::Committee(CommitteeEffect::LoadMeetings { actor })]
    );
}

#[test]
fn moving_stays_within_the_rows() {
    assert_eq!(moved(0, 5, Command::Up, 3), 0);
    assert_eq!(moved(4, 5, Command::Down, 3), 4);
    assert_eq!(moved(1, 5, Command::PageDown, 3), 4);
    assert_eq!(moved(3, 5, Command::Top, 3), 0);
    assert_eq!(moved(0, 0, Command::Bottom, 3), 0);
}
