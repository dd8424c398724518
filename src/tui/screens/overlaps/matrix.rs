//! The matrix as state: the programme × programme cells the core counted, the cell under the
//! cursor, and the households of a chosen cell, paged by household id like the alert list.

use super::effects::OverlapsEffect;
use super::Load;
use crate::services::overlaps::report::{HouseholdPage, MatrixCell};
use crate::services::Actor;
use crate::tui::action::Command;
use crate::tui::effect::{Effect, Message};

/// A move of the cursor in the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Up,
    Down,
    Left,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MatrixPanel {
    pub load: Load<Vec<MatrixCell>>,
    /// The cell under the cursor: (row, column) in [`MatrixPanel::programmes`], row < column.
    pub at: (usize, usize),
    pub households: Option<HouseholdList>,
    /// Not read yet, or changed since (a scan, a merge).
    pub stale: bool,
}

impl MatrixPanel {
    pub fn new() -> MatrixPanel {
        MatrixPanel {
            load: Load::Loading,
            at: (0, 1),
            households: None,
            stale: true,
        }
    }

    /// The programmes in the order of the core's cells (rows and columns of the grid).
    pub fn programmes(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        if let Load::Ready(cells) = &self.load {
            for cell in cells {
                for code in [cell.programme_a.as_str(), cell.programme_b.as_str()] {
                    if !out.contains(&code) {
                        out.push(code);
                    }
                }
            }
        }
        out
    }

    pub fn cell(&self, row: usize, column: usize) -> Option<&MatrixCell> {
        let programmes = self.programmes();
        let (a, b) = (programmes.get(row)?, programmes.get(column)?);
        match &self.load {
            Load::Ready(cells) => cells
                .iter()
                .find(|c| c.programme_a == *a && c.programme_b == *b),
            _ => None,
        }
    }

    pub fn selected(&self) -> Option<&MatrixCell> {
        self.cell(self.at.0, self.at.1)
    }

    /// Arrows move between the cells above the diagonal.
    pub fn move_cell(&mut self, dir: Dir) {
        let n = self.programmes().len();
        let (row, column) = self.at;
        self.at = match dir {
            Dir::Left if column > row + 1 => (row, column - 1),
            Dir::Right if column + 1 < n => (row, column + 1),
            Dir::Up if row > 0 => (row - 1, column),
            Dir::Down if row + 1 < column => (row + 1, column),
            _ => (row, column),
        };
    }

    pub fn loaded(&mut self, result: Result<Vec<MatrixCell>, Message>) {
        self.load = match result {
            Ok(cells) => Load::Ready(cells),
            Err(message) => Load::Failed(message),
        };
        let n = self.programmes().len();
        if self.at.1 >= n || self.at.0 >= self.at.1 {
            self.at = (0, 1);
        }
    }

    pub fn request(&mut self, actor: &Actor) -> Vec<Effect> {
        self.stale = false;
        vec![Effect::Overlaps(OverlapsEffect::LoadMatrix {
            actor: actor.clone(),
        })]
    }
}

impl Default for MatrixPanel {
    fn default() -> Self {
        MatrixPanel::new()
    }
}

/// The households of one cell, a page at a time.
#[derive(Debug, Clone, PartialEq)]
pub struct HouseholdList {
    pub programmes: (String, String),
    pub load: Load<HouseholdPage>,
    /// The cursor of every page from the first to the one on screen.
    pub pages: Vec<Option<i64>>,
    pub selected: usize,
    pub limit: usize,
    pub seq: u64,
}

impl HouseholdList {
    pub fn open(cell: &MatrixCell, limit: usize, actor: &Actor) -> (HouseholdList, Vec<Effect>) {
        let mut list = HouseholdList {
            programmes: (cell.programme_a.clone(), cell.programme_b.clone()),
            load: Load::Loading,
            pages: vec![None],
            selected: 0,
            limit: limit.max(1),
            seq: 0,
        };
        let effects = list.request(actor);
        (list, effects)
    }

    pub fn request(&mut self, actor: &Actor) -> Vec<Effect> {
        self.seq += 1;
        vec![Effect::Overlaps(OverlapsEffect::LoadHouseholds {
            seq: self.seq,
            actor: actor.clone(),
            programmes: self.programmes.clone(),
            after: self.pages.last().copied().flatten(),
            limit: self.limit,
        })]
    }

    fn rows(&self) -> usize {
        match &self.load {
            Load::Ready(page) => page.households.len(),
            _ => 0,
        }
    }

    pub fn next_page(&mut self, actor: &Actor) -> Vec<Effect> {
        let Load::Ready(HouseholdPage {
            next: Some(next), ..
        }) = &self.load
        else {
            return Vec::new();
        };
        self.pages.push(Some(*next));
        self.selected = 0;
        self.load = Load::Loading;
        self.request(actor)
    }

    pub fn prev_page(&mut self, actor: &Actor) -> Vec<Effect> {
        if self.pages.len() < 2 {
            return Vec::new();
        }
        self.pages.pop();
        self.selected = 0;
        self.load = Load::Loading;
        self.request(actor)
    }

    pub fn first_page(&mut self, actor: &Actor) -> Vec<Effect> {
        self.pages = vec![None];
        self.selected = 0;
        self.load = Load::Loading;
        self.request(actor)
    }

    pub fn move_by(&mut self, command: Command, actor: &Actor) -> Vec<Effect> {
        match command {
            Command::Down if self.selected + 1 >= self.rows() => self.next_page(actor),
            Command::Down => {
                self.selected += 1;
                Vec::new()
            }
            Command::Up if self.selected == 0 => self.prev_page(actor),
            Command::Up => {
                self.selected -= 1;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    pub fn loaded(&mut self, seq: u64, result: Result<HouseholdPage, Message>) {
        if seq != self.seq {
            return;
        }
        self.load = match result {
            Ok(page) => {
                self.selected = self.selected.min(page.households.len().saturating_sub(1));
                Load::Ready(page)
            }
            Err(message) => Load::Failed(message),
        };
    }
}
