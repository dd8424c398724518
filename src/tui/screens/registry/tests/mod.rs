//! Tests of the Padrón area's `update`, through the whole application and the real keymap:
//! actions in, state and effects out, no terminal, no database.

use super::effects::{
    Change, CheckedRoster, RegistryEffect, RegistryQuestion, RegistryResult, SaveFailure, Saved,
    SearchRequest,
};
use super::{FormFocus, FormKind, FormPhase, ImportPhase, ListFocus, Overlay, RegistryState};
use crate::domain::role::Role;
use crate::i18n::{Lang, Localize};
use crate::services::registry::choices::Choices;
use crate::services::registry::household::{HouseholdView, Member, StepState};
use crate::services::registry::search::{Cursor, Page, PersonItem};
use crate::services::roster::{self, ImportOptions};
use crate::services::Actor;
use crate::store::choices::{DistrictChoice, ProgrammeChoice};
use crate::store::household_view::HouseholdRow;
use crate::store::rosters::ImportCounts;
use crate::tui::action::Action;
use crate::tui::app::{App, AppConfig, Modal, Screen};
use crate::tui::effect::{Effect, Message, Shared};
use crate::tui::screens::main::AreaState;
use crate::tui::theme::Theme;
use crate::tui::widgets::confirm::Confirmable;
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn actor(role: Role) -> Actor {
    Actor {
        user_id: Some(7),
        username: "rosa".into(),
        display_name: "Rosa Ccori".into(),
        role,
    }
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    match app.action_for_key(&KeyEvent::new(code, KeyModifiers::NONE)) {
        Some(action) => app.update(action),
        None => Vec::new(),
    }
}

fn type_text(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .flat_map(|c| press(app, KeyCode::Char(c)))
        .collect()
}

/// Signed in with `role`, on the Padrón (`2`), at 80×24; returns the effects of opening it.
fn padron(role: Role) -> (App, Vec<Effect>) {
    let mut app = App::new(AppConfig {
        lang: Lang::Es,
        theme: Theme::plain(),
        db_path: "/tmp/t.db".into(),
    });
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app.update(Action::SetupChecked(Ok(true)));
    app.update(Action::Authenticated(Ok(actor(role))));
    let effects = press(&mut app, KeyCode::Char('2'));
    (app, effects)
}

fn registry(app: &App) -> &RegistryState {
    match app.screen() {
        Screen::Main(main) => match main.current() {
            AreaState::Registry(state) => state,
            other => panic!("the Padrón expected, not {:?}", other.area()),
        },
        other => panic!("the main screen expected, got {other:?}"),
    }
}

fn searches(effects: &[Effect]) -> Vec<&SearchRequest> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Registry(RegistryEffect::Search(request)) => Some(request),
            _ => None,
        })
        .collect()
}

fn person(id: i64, name: &str) -> PersonItem {
    PersonItem {
        id,
        household_id: 100 + id,
        dni: format!("{:08}", 40_000_000 + id),
        name: name.into(),
        birth_date: None,
        sex: Some("F".into()),
        district_ubigeo: "030212".into(),
        district: "SAN ANTONIO DE CACHI".into(),
        community: Some("Huantana".into()),
        sisfoh: Some("PE".into()),
        programmes: "JUNTOS".into(),
    }
}

fn page(ids: std::ops::Range<i64>, next: Option<Cursor>) -> Page {
    Page {
        items: ids.map(|i| person(i, &format!("QUISPE {i}"))).collect(),
        next,
        unsorted: false,
    }
}

fn choices() -> Choices {
    Choices {
        today: NaiveDate::from_ymd_opt(2026, 11, 28).unwrap_or_default(),
        office_district: Some(DistrictChoice {
            ubigeo: "030212".into(),
            name: "SAN ANTONIO DE CACHI".into(),
        }),
        districts: Vec::new(),
        communities: Vec::new(),
        programmes: vec![ProgrammeChoice {
            id: 2,
            code: "JUNTOS".into(),
            name: "Juntos".into(),
        }],
        activities: Vec::new(),
    }
}

#[test]
fn opening_the_area_asks_for_its_lists_and_a_screenful_of_persons() {
    let (app, effects) = padron(Role::Registrador);
    assert!(
        effects.contains(&Effect::Registry(RegistryEffect::LoadChoices {
            actor: actor(Role::Registrador)
        }))
    );
    let first = searches(&effects);
    assert_eq!(first.len(), 1);
    // 24 lines: header, search, filters, table frame and heading, two status lines.
    assert_eq!(first[0].limit, 16);
    assert_eq!(first[0].after, None);
    assert_eq!(registry(&app).list().focus(), ListFocus::SearchBox);
}

#[test]
fn typing_asks_for_a_search_with_a_fresh_id_each_time() {
    let (mut app, opening) = padron(Role::Registrador);
    let opened = searches(&opening)[0].id;
    let effects = type_text(&mut app, "qu");
    let requests = searches(&effects);
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].query.text, "q");
    assert_eq!(requests[1].query.text, "qu");
    assert!(opened < requests[0].id && requests[0].id < requests[1].id);
    // Digits are typed too (a DNI prefix), not taken as the area keys.
    let effects = type_text(&mut app, "4");
    assert_eq!(searches(&effects)[0].query.text, "qu4");
}

#[test]
fn a_stale_reply_is_dropped_and_the_latest_is_shown() {
    let (mut app, _) = padron(Role::Registrador);
    let first = searches(&type_text(&mut app, "q"))[0].id;
    let second = searches(&type_text(&mut app, "u"))[0].id;
    app.update(Action::Registry(RegistryResult::SearchDone {
        id: first,
        result: Ok(page(1..4, None)),
    }));
    assert!(registry(&app).list().shown().is_none(), "stale reply shown");
    assert!(registry(&app).list().is_searching());
    app.update(Action::Registry(RegistryResult::SearchDone {
        id: second,
        result: Ok(page(10..12, None)),
    }));
    let shown = registry(&app).list().shown().map(|s| s.page.items.len());
    assert_eq!(shown, Some(2));
    assert!(!registry(&app).list().is_searching());
}

#[test]
fn moving_past_the_last_row_asks_for_the_next_page_and_back_up_for_the_one_before() {
    let (mut app, opening) = padron(Role::Registrador);
    let id = searches(&opening)[0].id;
    let cursor = Cursor::after_name("QUISPE 16", 16);
    app.update(Action::Registry(RegistryResult::SearchDone {
        id,
        result: Ok(page(1..17, Some(cursor.clone()))),
    }));
    for _ in 0..15 {
        assert!(press(&mut app, KeyCode::Down).is_empty());
    }
    let effects = press(&mut app, KeyCode::Down);
    let next = searches(&effects);
    assert_eq!(next.len(), 1);
    assert_eq!(next[0].after, Some(cursor));
    // Only the page on screen is kept, plus where the pages before it start.
    app.update(Action::Registry(RegistryResult::SearchDone {
        id: next[0].id,
        result: Ok(page(17..33, None)),
    }));
    let list = registry(&app).list();
    assert_eq!(list.page_number(), 2);
    assert_eq!(list.selected(), 0);
    assert_eq!(list.shown().map(|s| s.page.items[0].id), Some(17));
    let effects = press(&mut app, KeyCode::Up);
    let back = searches(&effects);
    assert_eq!(back[0].after, None, "the first page starts at no cursor");
    app.update(Action::Registry(RegistryResult::SearchDone {
        id: back[0].id,
        result: Ok(page(1..17, None)),
    }));
    assert_eq!(registry(&app).list().selected(), 15);
    assert_eq!(registry(&app).list().page_number(), 1);
}

#[test]
fn enter_opens_the_household_of_the_marked_person() {
    let (mut app, opening) = padron(Role::Consulta);
    let id = searches(&opening)[0].id;
    app.update(Action::Registry(RegistryResult::SearchDone {
        id,
        result: Ok(page(1..3, None)),
    }));
    press(&mut app, KeyCode::Down);
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(
        effects,
        [Effect::Registry(RegistryEffect::LoadHousehold {
            actor: actor(Role::Consulta),
            household_id: 102
        })]
    );
    // A read-only role gets no editing key: `e` does nothing at all.
    assert!(press(&mut app, KeyCode::Char('e')).is_empty());
    assert!(registry(&app).overlay().is_none());
}

mod edits;
