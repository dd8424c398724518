//! The person list of the Padrón: a search box whose every change asks the worker for the
//! first page of results, and a list that holds one page, never more than fits on screen.
//!
//! Paging is by keyset cursor: moving past the last row asks for the page after it; moving
//! above the first row asks again for the page before it, whose starting cursor was kept on a
//! small stack. Each request gets a fresh id; a reply with any other id is stale (the person
//! typed on, or moved on) and is dropped. Nothing here does I/O: requests are effects.

use super::effects::{RegistryEffect, RegistryResult, SearchRequest};
use super::keys::RegistryCommand as C;
use crate::services::registry::search::{Cursor, Page, PersonItem, Query, SortBy};
use crate::services::Actor;
use crate::store::search::Filters;
use crate::tui::action::{Action, Command, Edit};
use crate::tui::effect::{Effect, Message};
use crate::tui::widgets::text_input::{FieldKind, TextInput};

/// What has the keys in the list view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListFocus {
    /// Letters are typed into the search box; arrows and Enter work on the results.
    SearchBox,
    /// Letters are commands (filters, new household, import, areas, quit).
    Rows,
}

/// The page on screen and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The cursor the page was asked with (`None`: the first page).
    pub start: Option<Cursor>,
    /// The starting cursors of the pages before this one, nearest last.
    pub back: Vec<Option<Cursor>>,
    pub page: Page,
}

/// Which row to select when a requested page arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Select {
    First,
    Last,
    Keep(usize),
}

/// A request on its way; it becomes the page on screen only if its reply comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pending {
    id: u64,
    start: Option<Cursor>,
    back: Vec<Option<Cursor>>,
    select: Select,
}

/// The longest text the search box takes (a full name with both surnames fits).
const SEARCH_MAX: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListState {
    search: TextInput,
    focus: ListFocus,
    filters: Filters,
    sort: SortBy,
    /// The id of the latest request; any reply with another id is stale.
    last_id: u64,
    pending: Option<Pending>,
    shown: Option<Shown>,
    failed: Option<Message>,
    selected: usize,
    /// Rows asked for at a time: the rows the list shows.
    limit: usize,
}

impl ListState {
    pub fn new(limit: usize) -> ListState {
        ListState {
            search: TextInput::new(FieldKind::Text { max: SEARCH_MAX }),
            focus: ListFocus::SearchBox,
            filters: Filters::default(),
            sort: SortBy::Name,
            last_id: 0,
            pending: None,
            shown: None,
            failed: None,
            selected: 0,
            limit: limit.max(1),
        }
    }

    pub fn search_box(&self) -> &TextInput {
        &self.search
    }

    pub fn focus(&self) -> ListFocus {
        self.focus
    }

    pub fn filters(&self) -> &Filters {
        &self.filters
    }

    pub fn sort(&self) -> SortBy {
        self.sort
    }

    pub fn shown(&self) -> Option<&Shown> {
        self.shown.as_ref()
    }

    pub fn failed(&self) -> Option<&Message> {
        self.failed.as_ref()
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Whether a request is on its way (the list says "Buscando…").
    pub fn is_searching(&self) -> bool {
        self.pending.is_some()
    }

    /// The page number on screen, from 1.
    pub fn page_number(&self) -> usize {
        self.shown.as_ref().map_or(1, |s| s.back.len() + 1)
    }

    pub fn selected_item(&self) -> Option<&PersonItem> {
        self.shown.as_ref()?.page.items.get(self.selected)
    }

    pub fn query(&self) -> Query {
        Query {
            text: self.search.value(),
            filters: self.filters.clone(),
            sort: self.sort,
        }
    }

    /// The first page of the current query.
    pub fn first_page(&mut self, actor: &Actor) -> Vec<Effect> {
        self.request(actor, None, Vec::new(), Select::First)
    }

    /// The page on screen again (after a save, or with a new number of rows).
    pub fn reload(&mut self, actor: &Actor) -> Vec<Effect> {
        let (start, back) = match &self.shown {
            Some(shown) => (shown.start.clone(), shown.back.clone()),
            None => (None, Vec::new()),
        };
        self.request(actor, start, back, Select::Keep(self.selected))
    }

    /// New filters or order: the list starts again from its first page.
    pub fn set_filters(&mut self, actor: &Actor, filters: Filters, sort: SortBy) -> Vec<Effect> {
        self.filters = filters;
        self.sort = sort;
        self.first_page(actor)
    }

    /// A new height: the same page, as many rows as now fit.
    pub fn resize(&mut self, actor: &Actor, limit: usize) -> Vec<Effect> {
        let limit = limit.max(1);
        if limit == self.limit {
            return Vec::new();
        }
        self.limit = limit;
        self.reload(actor)
    }

    pub fn update(&mut self, action: Action, actor: &Actor) -> Vec<Effect> {
        match action {
            Action::Edit(edit) if self.focus == ListFocus::SearchBox => {
                return self.type_in(edit, actor)
            }
            Action::Command(command) => return self.command(command, actor),
            Action::Registry(RegistryResult::SearchDone { id, result }) => self.receive(id, result),
            _ => {}
        }
        Vec::new()
    }

    /// Every change of the search box asks for the first page of its new text.
    fn type_in(&mut self, edit: Edit, actor: &Actor) -> Vec<Effect> {
        if self.search.edit(edit) {
            return self.first_page(actor);
        }
        Vec::new()
    }

    fn command(&mut self, command: Command, actor: &Actor) -> Vec<Effect> {
        match command {
            Command::Down => return self.down(actor),
            Command::Up => return self.up(actor),
            Command::PageDown => return self.page_down(actor),
            Command::PageUp => return self.page_up(actor),
            Command::Top => return self.first_page(actor),
            Command::Refresh => return self.reload(actor),
            Command::Registry(C::ToggleSort) => {
                let sort = match self.sort {
                    SortBy::Name => SortBy::District,
                    SortBy::District => SortBy::Name,
                };
                return self.set_filters(actor, self.filters.clone(), sort);
            }
            Command::Registry(C::ClearSearch) if !self.search.is_empty() => {
                self.search.clear();
                return self.first_page(actor);
            }
            Command::Registry(C::ClearSearch) | Command::NextField => self.focus = ListFocus::Rows,
            Command::Registry(C::FocusSearch) => self.focus = ListFocus::SearchBox,
            _ => {}
        }
        Vec::new()
    }

    /// Asks for a page; the state changes only when its reply arrives.
    fn request(
        &mut self,
        actor: &Actor,
        start: Option<Cursor>,
        back: Vec<Option<Cursor>>,
        select: Select,
    ) -> Vec<Effect> {
        self.last_id += 1;
        let id = self.last_id;
        self.pending = Some(Pending {
            id,
            start: start.clone(),
            back,
            select,
        });
        vec![Effect::Registry(RegistryEffect::Search(SearchRequest {
            id,
            actor: actor.clone(),
            query: self.query(),
            after: start,
            limit: self.limit,
        }))]
    }

    fn receive(&mut self, id: u64, result: Result<Page, Message>) {
        let Some(pending) = self.pending.take_if(|p| p.id == id) else {
            // Stale: an older request, overtaken by a newer one.
            return;
        };
        match result {
            Ok(page) => {
                let last = page.items.len().saturating_sub(1);
                self.selected = match pending.select {
                    Select::First => 0,
                    Select::Last => last,
                    Select::Keep(row) => row.min(last),
                };
                self.failed = None;
                self.shown = Some(Shown {
                    start: pending.start,
                    back: pending.back,
                    page,
                });
            }
            Err(message) => self.failed = Some(message),
        }
    }

    /// Moves are ignored while a page is on its way, so a held arrow key does not pile up
    /// requests for pages the person has not seen.
    fn settled(&self) -> Option<&Shown> {
        match self.pending {
            Some(_) => None,
            None => self.shown.as_ref(),
        }
    }

    fn down(&mut self, actor: &Actor) -> Vec<Effect> {
        let Some(shown) = self.settled() else {
            return Vec::new();
        };
        if self.selected + 1 < shown.page.items.len() {
            self.selected += 1;
            return Vec::new();
        }
        self.next_page(actor, Select::First)
    }

    fn up(&mut self, actor: &Actor) -> Vec<Effect> {
        if self.settled().is_none() {
            return Vec::new();
        }
        if self.selected > 0 {
            self.selected -= 1;
            return Vec::new();
        }
        self.previous_page(actor, Select::Last)
    }

    fn page_down(&mut self, actor: &Actor) -> Vec<Effect> {
        let Some(shown) = self.settled() else {
            return Vec::new();
        };
        if shown.page.next.is_none() {
            self.selected = shown.page.items.len().saturating_sub(1);
            return Vec::new();
        }
        self.next_page(actor, Select::Keep(self.selected))
    }

    fn page_up(&mut self, actor: &Actor) -> Vec<Effect> {
        let Some(shown) = self.settled() else {
            return Vec::new();
        };
        if shown.back.is_empty() {
            self.selected = 0;
            return Vec::new();
        }
        self.previous_page(actor, Select::Keep(self.selected))
    }

    fn next_page(&mut self, actor: &Actor, select: Select) -> Vec<Effect> {
        let Some(shown) = self.settled() else {
            return Vec::new();
        };
        let Some(next) = shown.page.next.clone() else {
            return Vec::new();
        };
        let mut back = shown.back.clone();
        back.push(shown.start.clone());
        self.request(actor, Some(next), back, select)
    }

    fn previous_page(&mut self, actor: &Actor, select: Select) -> Vec<Effect> {
        let Some(shown) = self.settled() else {
            return Vec::new();
        };
        let mut back = shown.back.clone();
        let Some(start) = back.pop() else {
            return Vec::new();
        };
        self.request(actor, start, back, select)
    }
}
