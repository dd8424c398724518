//! The alert list as state: the filter, the page on screen and the cursors of the pages before
//! it. A page holds only the rows that fit on screen; the next one is asked of the core with
//! its keyset cursor (never an offset), and going back re-asks the page from its own cursor.

use super::effects::OverlapsEffect;
use super::Load;
use crate::services::overlaps::report::FlagPage;
use crate::services::Actor;
use crate::store::flags::{FlagFilter, FlagRow};
use crate::tui::action::Command;
use crate::tui::effect::{Effect, Message};

/// Where a page starts: after this (severity rank, id), or at the top.
pub type After = Option<(i64, i64)>;

#[derive(Debug, Clone, PartialEq)]
pub struct FlagList {
    pub filter: FlagFilter,
    pub load: Load<FlagPage>,
    /// The cursor of every page from the first to the one on screen.
    pub pages: Vec<After>,
    pub selected: usize,
    /// Rows asked for: the alerts that fit on screen.
    pub limit: usize,
    /// The latest request; older answers are dropped.
    pub seq: u64,
    /// A change was made elsewhere (the detail, a scan): read the page again on return.
    pub stale: bool,
    /// After going back a page by moving up, the cursor goes on its last row.
    select_last: bool,
}

impl FlagList {
    pub fn new(limit: usize) -> FlagList {
        FlagList {
            filter: FlagFilter::default(),
            load: Load::Loading,
            pages: vec![None],
            selected: 0,
            limit: limit.max(1),
            seq: 0,
            stale: false,
            select_last: false,
        }
    }

    pub fn rows(&self) -> &[FlagRow] {
        match &self.load {
            Load::Ready(page) => &page.flags,
            _ => &[],
        }
    }

    pub fn selected_flag(&self) -> Option<&FlagRow> {
        self.rows().get(self.selected)
    }

    /// The page on screen, counting from 1.
    pub fn page_number(&self) -> usize {
        self.pages.len()
    }

    pub fn has_next(&self) -> bool {
        matches!(&self.load, Load::Ready(page) if page.next.is_some())
    }

    fn request(&mut self, actor: &Actor) -> Vec<Effect> {
        self.seq += 1;
        self.stale = false;
        vec![Effect::Overlaps(OverlapsEffect::LoadPage {
            seq: self.seq,
            actor: actor.clone(),
            filter: self.filter.clone(),
            after: self.pages.last().copied().flatten(),
            limit: self.limit,
        })]
    }

    /// The first page, with the filter as it is now.
    pub fn first_page(&mut self, actor: &Actor) -> Vec<Effect> {
        self.pages = vec![None];
        self.selected = 0;
        self.select_last = false;
        self.load = Load::Loading;
        self.request(actor)
    }

    /// A new filter starts again at page 1.
    pub fn set_filter(&mut self, filter: FlagFilter, actor: &Actor) -> Vec<Effect> {
        self.filter = filter;
        self.first_page(actor)
    }

    /// The page on screen, read again (after a change, or with a new page size).
    pub fn reload(&mut self, actor: &Actor) -> Vec<Effect> {
        self.request(actor)
    }

    pub fn next_page(&mut self, actor: &Actor) -> Vec<Effect> {
        let next = match &self.load {
            Load::Ready(page) => page.next,
            _ => None,
        };
        let Some(cursor) = next else {
            return Vec::new();
        };
        self.pages.push(Some(cursor));
        self.selected = 0;
        self.select_last = false;
        self.load = Load::Loading;
        self.request(actor)
    }

    pub fn prev_page(&mut self, actor: &Actor, select_last: bool) -> Vec<Effect> {
        if self.pages.len() < 2 {
            self.selected = 0;
            return Vec::new();
        }
        self.pages.pop();
        self.selected = 0;
        self.select_last = select_last;
        self.load = Load::Loading;
        self.request(actor)
    }

    /// A new page size (the window changed): read the page on screen again if it differs.
    pub fn resize(&mut self, limit: usize, actor: &Actor) -> Vec<Effect> {
        let limit = limit.max(1);
        if limit == self.limit {
            return Vec::new();
        }
        self.limit = limit;
        self.reload(actor)
    }

    /// ↑ ↓ move within the page and turn it at the edges.
    pub fn move_by(&mut self, command: Command, actor: &Actor) -> Vec<Effect> {
        let count = self.rows().len();
        match command {
            Command::Down if self.selected + 1 >= count => self.next_page(actor),
            Command::Down => {
                self.selected += 1;
                Vec::new()
            }
            Command::Up if self.selected == 0 => self.prev_page(actor, true),
            Command::Up => {
                self.selected -= 1;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// The answer to a page request; an answer to an older request is dropped.
    pub fn loaded(&mut self, seq: u64, result: Result<FlagPage, Message>) {
        if seq != self.seq {
            return;
        }
        self.load = match result {
            Ok(page) => {
                let last = page.flags.len().saturating_sub(1);
                self.selected = if self.select_last {
                    last
                } else {
                    self.selected.min(last)
                };
                Load::Ready(page)
            }
            Err(message) => Load::Failed(message),
        };
        self.select_last = false;
    }
}
