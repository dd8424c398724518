//! What the area's commands do in each view: move and page, open an alert or a cell, filter,
//! scan, and — in the detail — ask, open a form, or send a change at the version on screen.

use super::effects::{FlagChange, MisuseInput, OverlapsEffect};
use super::form::FormKind;
use super::matrix::{Dir, HouseholdList};
use super::{household_rows, Detail, Load, OverlapsCommand as C, OverlapsConfirm, OverlapsState};
use super::{RunningScan, ScanPhase, View};
use crate::services::matching::scan::ScanKind;
use crate::services::overlaps::workflow::Step;
use crate::store::flags::FlagFilter;
use crate::tui::action::Command;
use crate::tui::effect::Effect;
use crate::tui::screens::main::AreaCtx;
use crate::tui::widgets::confirm::Confirmable;

impl OverlapsState {
    pub(super) fn list_command(&mut self, command: Command) -> Vec<Effect> {
        let actor = self.actor.clone();
        match command {
            Command::Up | Command::Down => self.list.move_by(command, &actor),
            Command::Refresh => self.list.reload(&actor),
            Command::Overlaps(C::NextPage) => self.list.next_page(&actor),
            Command::Overlaps(C::PrevPage) => self.list.prev_page(&actor, false),
            Command::Overlaps(C::FirstPage) => self.list.first_page(&actor),
            Command::Overlaps(C::Open) => match self.list.selected_flag().map(|f| f.id) {
                Some(id) => self.open_detail(id),
                None => Vec::new(),
            },
            Command::Overlaps(C::Filter) => self.open_form(FormKind::Filter),
            Command::Overlaps(C::Misuse) if self.offered(C::Misuse) => {
                self.open_form(FormKind::Misuse)
            }
            Command::Overlaps(c @ (C::Scan | C::ScanIncremental)) if self.offered(c) => {
                let kind = if c == C::Scan {
                    ScanKind::Full
                } else {
                    ScanKind::Incremental
                };
                self.last_scan += 1;
                let id = self.last_scan;
                self.scan = Some(ScanPhase::Running(RunningScan {
                    id,
                    kind,
                    step: None,
                    stopping: false,
                }));
                vec![Effect::Overlaps(OverlapsEffect::Scan { id, actor, kind })]
            }
            Command::Overlaps(C::SwitchView) => {
                self.view = View::Matrix;
                if self.matrix.stale {
                    return self.matrix.request(&actor);
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn open_detail(&mut self, id: i64) -> Vec<Effect> {
        self.detail = Some(Detail {
            id,
            load: Load::Loading,
            scroll: 0,
        });
        vec![self.load_detail(id)]
    }

    pub(super) fn load_detail(&self, id: i64) -> Effect {
        Effect::Overlaps(OverlapsEffect::LoadDetail {
            actor: self.actor.clone(),
            id,
        })
    }

    pub(super) fn matrix_command(&mut self, command: Command, ctx: &AreaCtx) -> Vec<Effect> {
        let actor = self.actor.clone();
        if let Some(households) = &mut self.matrix.households {
            return match command {
                Command::Up | Command::Down => households.move_by(command, &actor),
                Command::Overlaps(C::NextPage) => households.next_page(&actor),
                Command::Overlaps(C::PrevPage) => households.prev_page(&actor),
                Command::Overlaps(C::FirstPage) => households.first_page(&actor),
                Command::Refresh => households.request(&actor),
                Command::Overlaps(C::Back) => {
                    self.matrix.households = None;
                    Vec::new()
                }
                _ => Vec::new(),
            };
        }
        let dir = match command {
            Command::Up => Some(Dir::Up),
            Command::Down => Some(Dir::Down),
            Command::Overlaps(C::Left) => Some(Dir::Left),
            Command::Overlaps(C::Right) => Some(Dir::Right),
            _ => None,
        };
        if let Some(dir) = dir {
            self.matrix.move_cell(dir);
            return Vec::new();
        }
        match command {
            Command::Overlaps(C::SwitchView) => {
                self.view = View::List;
                if self.list.stale {
                    return self.list.reload(&actor);
                }
                Vec::new()
            }
            Command::Refresh => self.matrix.request(&actor),
            Command::Overlaps(C::Open) => match self.matrix.selected() {
                Some(cell) => {
                    let (list, effects) =
                        HouseholdList::open(cell, household_rows(ctx.body), &actor);
                    self.matrix.households = Some(list);
                    effects
                }
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    pub(super) fn detail_command(&mut self, command: Command, ctx: &AreaCtx) -> Vec<Effect> {
        let Some(detail) = &mut self.detail else {
            return Vec::new();
        };
        match command {
            Command::Up => detail.scroll = detail.scroll.saturating_sub(1),
            Command::Down => {
                let most = detail.load.ready().map_or(0, |d| {
                    super::detail_view::max_scroll(d, ctx.lang, super::view::main_area(ctx.body))
                });
                detail.scroll = detail.scroll.saturating_add(1).min(most);
            }
            Command::Refresh => {
                let id = detail.id;
                return vec![self.load_detail(id)];
            }
            Command::Overlaps(C::Back) => {
                self.detail = None;
                if self.list.stale {
                    let actor = self.actor.clone();
                    return self.list.reload(&actor);
                }
            }
            Command::Overlaps(c) if self.offered(c) => return self.detail_action(c),
            _ => {}
        }
        Vec::new()
    }

    /// A key of the detail that acts on the alert (only offered ones get here).
    fn detail_action(&mut self, command: C) -> Vec<Effect> {
        match command {
            C::ConfirmMatch => vec![Effect::Confirm(Confirmable::Overlaps(
                OverlapsConfirm::Merge,
            ))],
            C::UndoMatch => vec![Effect::Confirm(Confirmable::Overlaps(
                OverlapsConfirm::UndoMerge,
            ))],
            C::Acknowledge => self.change(FlagChange::Step {
                step: Step::Acknowledge,
                note: String::new(),
            }),
            C::RejectMatch => self.open_form(FormKind::Reject),
            C::Resolve => self.open_form(FormKind::Resolve),
            C::Dismiss => self.open_form(FormKind::Dismiss),
            C::Note => self.open_form(FormKind::Note),
            C::Assign => self.open_form(FormKind::Assign),
            _ => Vec::new(),
        }
    }

    /// The person said yes: merge, or undo the merge, at the version on screen.
    pub(super) fn confirmed(&mut self, what: OverlapsConfirm) -> Vec<Effect> {
        let wanted = match what {
            OverlapsConfirm::Merge => C::ConfirmMatch,
            OverlapsConfirm::UndoMerge => C::UndoMatch,
        };
        if self.form.is_some() || !self.offered(wanted) {
            return Vec::new();
        }
        self.change(match what {
            OverlapsConfirm::Merge => FlagChange::Confirm,
            OverlapsConfirm::UndoMerge => FlagChange::Undo,
        })
    }

    /// A change to the alert on screen, at the version read.
    fn change(&self, change: FlagChange) -> Vec<Effect> {
        let Some(flag) = self
            .detail
            .as_ref()
            .and_then(|d| d.load.ready())
            .map(|d| &d.flag)
        else {
            return Vec::new();
        };
        vec![Effect::Overlaps(OverlapsEffect::Change {
            actor: self.actor.clone(),
            id: flag.id,
            version: flag.version,
            change,
        })]
    }

    pub(super) fn form_command(&mut self, command: Command) -> Vec<Effect> {
        let Some(form) = &mut self.form else {
            return Vec::new();
        };
        if form.phase == super::form::FormPhase::Saving {
            return Vec::new();
        }
        match command {
            Command::Overlaps(C::Back) => self.form = None,
            Command::NextField => form.next_field(),
            Command::PrevField => form.prev_field(),
            Command::Overlaps(C::Left) => form.step_choice(false),
            Command::Overlaps(C::Right) => form.step_choice(true),
            Command::Submit if !form.on_last_field() => form.next_field(),
            Command::Submit | Command::Overlaps(C::Open) => return self.submit(),
            _ => {}
        }
        Vec::new()
    }

    /// Checks the form and sends what it asks for; a problem stays on the form.
    fn submit(&mut self) -> Vec<Effect> {
        let today = self
            .choices
            .ready()
            .map(|c| c.today.clone())
            .unwrap_or_default();
        let Some(form) = &mut self.form else {
            return Vec::new();
        };
        let Some(values) = form.validate(&today) else {
            return Vec::new();
        };
        let kind = form.kind;
        let at = |i: usize| values.get(i).cloned().flatten().unwrap_or_default();
        if kind == FormKind::Filter {
            return self.apply_filter(&values);
        }
        let effects = match kind {
            FormKind::Resolve | FormKind::Dismiss => {
                let step = if kind == FormKind::Resolve {
                    Step::Resolve
                } else {
                    Step::Dismiss
                };
                self.change(FlagChange::Step { step, note: at(0) })
            }
            FormKind::Reject => self.change(FlagChange::Reject(at(0))),
            FormKind::Note => self.change(FlagChange::Note(at(0))),
            FormKind::Assign => match agency(&at(0)) {
                Some((agency, _)) => self.change(FlagChange::Assign {
                    agency,
                    note: at(1),
                }),
                None => Vec::new(),
            },
            FormKind::Misuse | FormKind::Filter => {
                let input = MisuseInput {
                    agency_code: agency(&at(0)).map(|(_, c)| c).unwrap_or_default(),
                    forced_activity: at(1),
                    description: at(2),
                    reported_on: at(3),
                    reported_by: at(4),
                };
                vec![Effect::Overlaps(OverlapsEffect::ReportMisuse {
                    actor: self.actor.clone(),
                    input,
                })]
            }
        };
        if let (Some(form), false) = (&mut self.form, effects.is_empty()) {
            form.phase = super::form::FormPhase::Saving;
        }
        effects
    }

    fn apply_filter(&mut self, values: &[Option<String>]) -> Vec<Effect> {
        let at = |i: usize| values.get(i).cloned().flatten();
        let filter = FlagFilter {
            kind: at(0),
            severity: at(1),
            status: at(2),
            district: at(3),
            programme: at(4).and_then(|p| p.parse().ok()),
        };
        self.form = None;
        let actor = self.actor.clone();
        self.list.set_filter(filter, &actor)
    }

    /// Opens a form once its choices are known (they were asked for when it was wanted).
    pub(super) fn open_waiting_form(&mut self) -> Vec<Effect> {
        match self.waiting_form.take() {
            Some(kind) => {
                self.notice = None;
                self.open_form(kind)
            }
            None => Vec::new(),
        }
    }
}

/// The id and code of an agency option (`"id:CODE"`).
fn agency(value: &str) -> Option<(i64, String)> {
    let (id, code) = value.split_once(':')?;
    Some((id.parse().ok()?, code.to_string()))
}
