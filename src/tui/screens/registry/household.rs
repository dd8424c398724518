//! One household's whole situation, as `services::registry::household::load` returns it, and
//! the row the person has selected: a member (to correct or enrol), an enrolment (to end), or a
//! line of the roster history (only to read). The rows scroll in sections under a fixed header.

use super::effects::{RegistryEffect, RegistryResult};
use crate::services::registry::household::{HouseholdView, Member};
use crate::services::Actor;
use crate::store::household_view::EnrolmentRow;
use crate::tui::action::{Action, Command};
use crate::tui::effect::{Effect, Message};

/// Something still being fetched.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    Loading,
    Ready(T),
    Failed(Message),
}

/// The sections of the household view, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Members,
    Enrolments,
    History,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Members, Section::Enrolments, Section::History];
}

/// A line of the scrolling part of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HouseholdLine {
    /// A section's title (with its count).
    Title(Section),
    /// "None yet" under an empty section.
    Empty(Section),
    Member(usize),
    Enrolment(usize),
    History(usize),
}

impl HouseholdLine {
    fn selectable(self) -> bool {
        matches!(
            self,
            HouseholdLine::Member(_) | HouseholdLine::Enrolment(_) | HouseholdLine::History(_)
        )
    }

    fn section(self) -> Section {
        match self {
            HouseholdLine::Title(s) | HouseholdLine::Empty(s) => s,
            HouseholdLine::Member(_) => Section::Members,
            HouseholdLine::Enrolment(_) => Section::Enrolments,
            HouseholdLine::History(_) => Section::History,
        }
    }
}

/// The lines of the scrolling part, in order: each section's title, then its rows.
pub fn lines(view: &HouseholdView) -> Vec<HouseholdLine> {
    let mut out = Vec::new();
    let counts = [
        view.members.len(),
        view.enrolments.len(),
        view.history.len(),
    ];
    for (section, count) in Section::ALL.into_iter().zip(counts) {
        out.push(HouseholdLine::Title(section));
        if count == 0 {
            out.push(HouseholdLine::Empty(section));
        }
        out.extend((0..count).map(|i| match section {
            Section::Members => HouseholdLine::Member(i),
            Section::Enrolments => HouseholdLine::Enrolment(i),
            Section::History => HouseholdLine::History(i),
        }));
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
pub struct HouseholdState {
    household_id: i64,
    load: Loaded<HouseholdView>,
    /// The selected line (always a selectable one when there is any).
    selected: usize,
    /// The first line on screen.
    offset: usize,
}

impl HouseholdState {
    pub fn open(actor: &Actor, household_id: i64) -> (HouseholdState, Vec<Effect>) {
        let state = HouseholdState {
            household_id,
            load: Loaded::Loading,
            selected: 0,
            offset: 0,
        };
        (state, vec![load(actor, household_id)])
    }

    pub fn household_id(&self) -> i64 {
        self.household_id
    }

    pub fn load(&self) -> &Loaded<HouseholdView> {
        &self.load
    }

    pub fn view(&self) -> Option<&HouseholdView> {
        match &self.load {
            Loaded::Ready(view) => Some(view),
            _ => None,
        }
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    fn selected_line(&self) -> Option<HouseholdLine> {
        lines(self.view()?).get(self.selected).copied()
    }

    pub fn selected_member(&self) -> Option<&Member> {
        match self.selected_line()? {
            HouseholdLine::Member(i) => self.view()?.members.get(i),
            _ => None,
        }
    }

    pub fn selected_enrolment(&self) -> Option<&EnrolmentRow> {
        match self.selected_line()? {
            HouseholdLine::Enrolment(i) => self.view()?.enrolments.get(i),
            _ => None,
        }
    }

    /// Reads the household again (after a save, or on `r`); what is on screen stays meanwhile.
    pub fn reload(&self, actor: &Actor) -> Vec<Effect> {
        vec![load(actor, self.household_id)]
    }

    /// `page` is the number of lines the scrolling part shows.
    pub fn update(&mut self, action: Action, actor: &Actor, page: usize) -> Vec<Effect> {
        match action {
            Action::Command(Command::Refresh) => return self.reload(actor),
            Action::Command(command) => self.scroll(command, page),
            Action::Resize { .. } => self.scroll(Command::Refresh, page),
            Action::Registry(RegistryResult::HouseholdLoaded {
                household_id,
                result,
            }) if household_id == self.household_id => {
                self.load = match result {
                    Ok(view) => Loaded::Ready(view),
                    Err(message) => Loaded::Failed(message),
                };
                self.scroll(Command::Refresh, page);
            }
            _ => {}
        }
        Vec::new()
    }

    /// Moves the selection over selectable lines, then keeps it (and its section's title,
    /// when there is room) on screen.
    fn scroll(&mut self, command: Command, page: usize) {
        let Some(view) = self.view() else {
            return;
        };
        let all = lines(view);
        let selectable: Vec<usize> = (0..all.len()).filter(|&i| all[i].selectable()).collect();
        let Some(&last) = selectable.last() else {
            self.selected = 0;
            self.offset = 0;
            return;
        };
        let at = selectable
            .iter()
            .position(|&i| i >= self.selected)
            .unwrap_or(0);
        let page = page.max(1);
        let target = match command {
            Command::Up => at.saturating_sub(1),
            Command::Down => at + 1,
            Command::PageUp => at.saturating_sub(page),
            Command::PageDown => at + page,
            Command::Top => 0,
            Command::Bottom => selectable.len() - 1,
            Command::NextField => section_start(&all, &selectable, at, 1),
            Command::PrevField => section_start(&all, &selectable, at, -1),
            _ => at,
        };
        self.selected = selectable.get(target).copied().unwrap_or(last);
        // The first row of a section brings its title into view with it.
        let section_title = match self.selected.checked_sub(1).and_then(|i| all.get(i)) {
            Some(HouseholdLine::Title(_)) => self.selected - 1,
            _ => self.selected,
        };
        if section_title < self.offset {
            self.offset = section_title;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
        self.offset = self.offset.min(all.len().saturating_sub(page));
    }
}

/// The position (among selectable lines) of the first row of the next (`step` 1) or previous
/// (`step` -1) section that has rows, or `at` when there is none.
fn section_start(all: &[HouseholdLine], selectable: &[usize], at: usize, step: isize) -> usize {
    let current = all[selectable[at]].section();
    let index = |s: Section| Section::ALL.iter().position(|&x| x == s).unwrap_or(0) as isize;
    let mut wanted = index(current) + step;
    while (0..3).contains(&wanted) {
        let section = Section::ALL[wanted as usize];
        if let Some(p) = selectable.iter().position(|&i| all[i].section() == section) {
            return p;
        }
        wanted += step;
    }
    at
}

fn load(actor: &Actor, household_id: i64) -> Effect {
    Effect::Registry(RegistryEffect::LoadHousehold {
        actor: actor.clone(),
        household_id,
    })
}
