//! `update` tests of the Alertas area: state and effects, no terminal, no database.

use super::effects::{ChangeKind, FlagChange, Refusal};
use super::form::FormKind;
use super::*;
use crate::domain::role::Role;
use crate::i18n::{Lang, Localize};
use crate::services::overlaps::report::FlagPage;
use crate::services::overlaps::workflow::Step;
use crate::store::flags::{FlagFilter, FlagRow};
use crate::tui::action::Edit;
use crate::tui::widgets::confirm::Confirmable;
use OverlapsCommand as C;

fn actor(role: Role) -> Actor {
    Actor {
        user_id: Some(3),
        username: "rosa".into(),
        display_name: "Rosa".into(),
        role,
    }
}

fn ctx(actor: &Actor) -> AreaCtx<'_> {
    AreaCtx {
        actor,
        body: DEFAULT_BODY,
        lang: Lang::Es,
    }
}

fn flag(id: i64, kind: &str, status: &str) -> FlagRow {
    FlagRow {
        id,
        kind: kind.into(),
        severity: "high".into(),
        status: status.into(),
        evidence: "{}".into(),
        score_milli: Some(870),
        district: Some("030212".into()),
        district_name: Some("San Antonio de Cachi".into()),
        community: None,
        programme_a: Some("JUNTOS".into()),
        programme_b: Some("AGRORURAL".into()),
        household: None,
        person_a: Some(1),
        person_b: Some(2),
        record_a: Some(10),
        record_b: Some(20),
        association: None,
        assigned_agency: None,
        updated_at: "2026-10-02T10:00:00".into(),
        version: 4,
    }
}

fn page(flags: Vec<FlagRow>, next: Option<(i64, i64)>) -> OverlapsResult {
    OverlapsResult::Page {
        seq: 1,
        result: Ok(FlagPage { flags, next }),
    }
}

fn command(c: C) -> Action {
    Action::Command(Command::Overlaps(c))
}

fn choices() -> OverlapsResult {
    OverlapsResult::Choices(Ok(Choices {
        agencies: vec![(7, "SALUD".into(), "Centro de Salud".into())],
        programmes: vec![(1, "JUNTOS".into()), (4, "AGRORURAL".into())],
        districts: vec![("030212".into(), "San Antonio de Cachi".into())],
        today: "2026-10-05".into(),
    }))
}

/// The area open on a first page of eight alerts with more after it.
fn listed(actor: &Actor) -> OverlapsState {
    let (mut state, _) = OverlapsState::open(actor);
    let flags = (1..=8)
        .rev()
        .map(|id| flag(id, "multi_programme", "open"))
        .collect();
    state.update(Action::Overlaps(page(flags, Some((0, 1)))), &ctx(actor));
    state.update(Action::Overlaps(choices()), &ctx(actor));
    state
}

/// The detail of a probable match, loaded.
fn detail(actor: &Actor, status: &str) -> OverlapsState {
    let mut state = listed(actor);
    state.update(command(C::Open), &ctx(actor));
    let loaded = FlagDetail {
        flag: flag(8, "probable_same_person", status),
        sides: None,
        events: Vec::new(),
    };
    let result = OverlapsResult::Detail {
        id: 8,
        result: Ok(Box::new(loaded)),
    };
    state.update(Action::Overlaps(result), &ctx(actor));
    state
}

/// What a page request asks: the filter, where the page starts, how many rows.
type PageAsked<'a> = (&'a FlagFilter, Option<(i64, i64)>, usize);

fn load_page(effects: &[Effect]) -> Option<PageAsked<'_>> {
    match effects {
        [Effect::Overlaps(OverlapsEffect::LoadPage {
            filter,
            after,
            limit,
            ..
        })] => Some((filter, *after, *limit)),
        _ => None,
    }
}

#[test]
fn the_area_asks_for_one_screen_of_alerts_and_the_choices() {
    let rosa = actor(Role::Registrador);
    let (state, effects) = OverlapsState::open(&rosa);
    assert_eq!(state.mode(), Mode::List { act: true });
    assert_eq!(
        load_page(&effects[..1]),
        Some((&FlagFilter::default(), None, 8))
    );
    assert_eq!(
        effects[1],
        Effect::Overlaps(OverlapsEffect::LoadChoices { actor: rosa })
    );
}

#[test]
fn paging_uses_the_cursor_and_stale_pages_are_dropped() {
    let rosa = actor(Role::Registrador);
    let mut state = listed(&rosa);
    for _ in 0..7 {
        assert!(state.update(Command::Down.into(), &ctx(&rosa)).is_empty());
    }
    // ↓ on the last row asks for the page after the last alert's cursor.
    let effects = state.update(Command::Down.into(), &ctx(&rosa));
    assert_eq!(load_page(&effects).map(|p| p.1), Some(Some((0, 1))));
    assert_eq!(state.list.page_number(), 2);
    // An answer to the first request, arriving late, is not shown.
    state.update(
        Action::Overlaps(page(vec![flag(99, "dni_conflict", "open")], None)),
        &ctx(&rosa),
    );
    assert_eq!(state.list.load, Load::Loading);
    let effects = state.update(command(C::PrevPage), &ctx(&rosa));
    assert_eq!(load_page(&effects).map(|p| p.1), Some(None));
}

#[test]
fn a_new_filter_asks_for_page_one() {
    let rosa = actor(Role::Registrador);
    let mut state = listed(&rosa);
    state.update(command(C::NextPage), &ctx(&rosa));
    assert_eq!(state.list.page_number(), 2);
    state.update(command(C::Filter), &ctx(&rosa));
    assert_eq!(
        state.mode(),
        Mode::Form {
            filter: true,
            choice: true
        }
    );
    // Severity: the option after "(todos)" is "alta".
    state.update(Command::NextField.into(), &ctx(&rosa));
    state.update(command(C::Right), &ctx(&rosa));
    // A typed letter jumps to the district starting with it.
    state.update(Command::NextField.into(), &ctx(&rosa));
    state.update(Command::NextField.into(), &ctx(&rosa));
    state.update(Action::Edit(Edit::Insert('s')), &ctx(&rosa));
    let effects = state.update(command(C::Open), &ctx(&rosa));
    let expected = FlagFilter {
        severity: Some("high".into()),
        district: Some("030212".into()),
        ..FlagFilter::default()
    };
    assert_eq!(load_page(&effects), Some((&expected, None, 8)));
    assert_eq!(state.list.page_number(), 1);
    assert!(state.form.is_none());
}

#[test]
fn confirming_a_match_asks_first_and_the_yes_merges_at_the_version_read() {
    let rosa = actor(Role::Registrador);
    let mut state = detail(&rosa, "open");
    let effects = state.update(command(C::ConfirmMatch), &ctx(&rosa));
    assert_eq!(
        effects,
        [Effect::Confirm(Confirmable::Overlaps(
            OverlapsConfirm::Merge
        ))]
    );
    let effects = state.update(command(C::Confirmed(OverlapsConfirm::Merge)), &ctx(&rosa));
    assert_eq!(
        effects,
        [Effect::Overlaps(OverlapsEffect::Change {
            actor: rosa.clone(),
            id: 8,
            version: 4,
            change: FlagChange::Confirm,
        })]
    );
}

#[test]
fn dismissing_without_a_reason_is_refused_in_the_form() {
    let rosa = actor(Role::Coordinador);
    let mut state = detail(&rosa, "acknowledged");
    assert!(state.update(command(C::Dismiss), &ctx(&rosa)).is_empty());
    assert_eq!(state.form.as_ref().map(|f| f.kind), Some(FormKind::Dismiss));
    for c in "  ".chars() {
        state.update(Action::Edit(Edit::Insert(c)), &ctx(&rosa));
    }
    assert!(state.update(Command::Submit.into(), &ctx(&rosa)).is_empty());
    let form = state.form.as_ref().expect("the form stays open");
    assert_eq!(form.fields[0].error, Some(T::ErrRequired));
    assert!(matches!(
        state.form_phase(),
        Some(form::FormPhase::Failed(_))
    ));
    for c in "Cobertizo comunal".chars() {
        state.update(Action::Edit(Edit::Insert(c)), &ctx(&rosa));
    }
    let effects = state.update(Command::Submit.into(), &ctx(&rosa));
    let Some(Effect::Overlaps(OverlapsEffect::Change { change, .. })) = effects.first() else {
        panic!("{effects:?}");
    };
    assert_eq!(
        change,
        &FlagChange::Step {
            step: Step::Dismiss,
            note: "Cobertizo comunal".into()
        }
    );
}

#[test]
fn a_conflict_is_explained_and_the_alert_reloaded() {
    let rosa = actor(Role::Registrador);
    let mut state = detail(&rosa, "open");
    let effects = state.update(command(C::Acknowledge), &ctx(&rosa));
    assert_eq!(effects.len(), 1);
    let refusal = Refusal {
        conflict: true,
        message: Message::of(&T::Conflict),
    };
    let effects = state.update(
        Action::Overlaps(OverlapsResult::Changed {
            kind: ChangeKind::Acknowledge,
            result: Err(refusal),
        }),
        &ctx(&rosa),
    );
    assert_eq!(
        effects,
        [Effect::Overlaps(OverlapsEffect::LoadDetail {
            actor: rosa.clone(),
            id: 8
        })]
    );
    assert_eq!(state.notice, Some(Notice::Bad(Message::of(&T::Conflict))));
    // Back on the list, the page on screen is read again.
    let effects = state.update(command(C::Back), &ctx(&rosa));
    assert!(load_page(&effects).is_some());
}

#[test]
fn a_read_only_user_reads_but_gets_no_action_keys() {
    let lee = actor(Role::Consulta);
    let mut state = detail(&lee, "open");
    let Mode::Detail(keys) = state.mode() else {
        panic!("{:?}", state.mode());
    };
    assert!(!keys.act);
    assert_eq!(bindings(state.mode()).len(), 4, "Esc, ↑, ↓ and F5 only");
    for c in [
        C::ConfirmMatch,
        C::Acknowledge,
        C::Dismiss,
        C::Note,
        C::Assign,
    ] {
        assert!(state.update(command(c), &ctx(&lee)).is_empty());
        assert!(state.form.is_none());
    }
    state.update(command(C::Back), &ctx(&lee));
    assert_eq!(state.mode(), Mode::List { act: false });
    assert!(state.update(command(C::Scan), &ctx(&lee)).is_empty());
    assert!(state.scan.is_none());
}

#[test]
fn a_scan_says_it_is_searching_then_shows_its_figures_over_page_one() {
    let rosa = actor(Role::Admin);
    let mut state = listed(&rosa);
    let effects = state.update(command(C::ScanIncremental), &ctx(&rosa));
    assert_eq!(
        effects,
        [Effect::Overlaps(OverlapsEffect::Scan {
            id: 1,
            actor: rosa.clone(),
            kind: ScanKind::Incremental
        })]
    );
    assert_eq!(state.mode(), Mode::Scanning);
    let figures = ScanFigures {
        probable: 2,
        ..ScanFigures::default()
    };
    // The figures of another scan (an older request) are not this one's.
    let stale = state.update(
        Action::Overlaps(OverlapsResult::Scanned {
            id: 7,
            result: Ok(figures),
        }),
        &ctx(&rosa),
    );
    assert!(stale.is_empty());
    assert_eq!(state.mode(), Mode::Scanning);
    let effects = state.update(
        Action::Overlaps(OverlapsResult::Scanned {
            id: 1,
            result: Ok(figures),
        }),
        &ctx(&rosa),
    );
    assert_eq!(state.mode(), Mode::ScanDone);
    assert!(effects
        .iter()
        .any(|e| load_page(std::slice::from_ref(e)).is_some_and(|p| p.1.is_none())));
    state.update(command(C::Back), &ctx(&rosa));
    assert_eq!(state.mode(), Mode::List { act: true });
}

#[test]
fn a_running_scan_follows_its_steps_stops_once_on_esc_and_other_keys_say_it_runs() {
    use crate::services::overlaps::scan::ScanStep;
    use crate::services::progress::Progress;
    let rosa = actor(Role::Admin);
    let mut state = listed(&rosa);
    state.update(command(C::Scan), &ctx(&rosa));
    let comparing = Progress {
        done: 250,
        total: 1_000,
    };
    for (id, done) in [(1, 250), (9, 900)] {
        state.update(
            Action::Overlaps(OverlapsResult::ScanProgress {
                id,
                step: ScanStep::Comparing,
                progress: Progress { done, total: 1_000 },
            }),
            &ctx(&rosa),
        );
    }
    let Some(ScanPhase::Running(running)) = &state.scan else {
        panic!("{:?}", state.scan);
    };
    assert_eq!(
        running.step,
        Some((ScanStep::Comparing, comparing)),
        "only scan 1's report counts"
    );
    // A key of the list says a scan is running, and does nothing else.
    assert!(state.update(command(C::Busy), &ctx(&rosa)).is_empty());
    assert!(
        matches!(&state.notice, Some(Notice::Bad(m)) if m.text(Lang::Es).starts_with("Hay una búsqueda en curso"))
    );
    assert_eq!(
        state.update(command(C::Back), &ctx(&rosa)),
        [Effect::Overlaps(OverlapsEffect::StopScan { id: 1 })]
    );
    assert!(
        state.update(command(C::Back), &ctx(&rosa)).is_empty(),
        "asked once"
    );
    assert_eq!(state.mode(), Mode::Scanning, "until the scan answers");
    let cancelled = ScanFigures {
        cancelled: true,
        ..ScanFigures::default()
    };
    state.update(
        Action::Overlaps(OverlapsResult::Scanned {
            id: 1,
            result: Ok(cancelled),
        }),
        &ctx(&rosa),
    );
    assert_eq!(state.scan, Some(ScanPhase::Done(cancelled)));
}
