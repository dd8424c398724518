//! Alertas: the cross-programme overlaps area. Two views switched with `Tab` — the list of
//! alerts (filtered, paged with the core's keyset cursor) and the programme × programme
//! matrix (a cell opens the households enrolled in both) — plus the detail of an alert (its
//! explanation, facts, history and, for a probable match, the two records side by side), the
//! small forms, and the scan with its progress and then its figures.
//!
//! Like every area, `update` changes state and returns effects (run by
//! `tui::runner::overlaps`, the scan by the worker thread) and drawing only reads. While a
//! scan runs the area keeps the keys: `Esc` asks it to stop, the other keys say it is running,
//! and its progress reports and its figures arrive as actions carrying its id. Confirming or undoing a merge asks first
//! through `Effect::Confirm`. Only roles that may work flags get the keys that change them;
//! the core checks every permission again.

mod actions;
mod detail_view;
pub mod effects;
pub mod form;
mod form_view;
pub mod keys;
pub mod list;
mod list_view;
pub mod matrix;
mod matrix_view;
mod results;
mod view;

pub use keys::{bindings, DetailKeys, Mode, OverlapsCommand, OverlapsConfirm, Stage};
pub use view::OverlapsView;

use super::main::AreaCtx;
use crate::i18n::{OverlapsTui as T, Tui};
use crate::services::matching::scan::ScanKind;
use crate::services::overlaps::report::FlagDetail;
use crate::services::overlaps::scan::ScanStep;
use crate::services::progress::Progress;
use crate::services::{Actor, Permission};
use crate::tui::action::{Action, Command};
use crate::tui::effect::{Effect, Message};
use crate::tui::view::ViewCtx;
#[cfg(test)]
use effects::OverlapsResult;
use effects::{Choices, OverlapsEffect, ScanFigures};
use form::{AlertForm, FormKind};
use list::FlagList;
use matrix::MatrixPanel;
use ratatui::layout::{Position, Rect};

/// Something asked of the core and not yet answered, answered, or refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(Message),
}

impl<T> Load<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Load::Ready(value) => Some(value),
            _ => None,
        }
    }

    fn from(result: Result<T, Message>) -> Load<T> {
        match result {
            Ok(value) => Load::Ready(value),
            Err(message) => Load::Failed(message),
        }
    }
}

/// The view under the detail and the forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    List,
    Matrix,
}

/// An alert opened from the list.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub id: i64,
    pub load: Load<Box<FlagDetail>>,
    /// Lines scrolled off the top.
    pub scroll: u16,
}

/// A scan under way, or its outcome.
#[derive(Debug, Clone, PartialEq)]
pub enum ScanPhase {
    Running(RunningScan),
    Done(ScanFigures),
    Failed(Message),
}

/// A scan on the worker thread.
#[derive(Debug, Clone, PartialEq)]
pub struct RunningScan {
    /// The request's id: progress and figures of any other scan are not this one's.
    pub id: u64,
    pub kind: ScanKind,
    /// The step it reported last and how far that step got; `None` until it reports.
    pub step: Option<(ScanStep, Progress)>,
    /// `Esc` was pressed: the scan was asked to stop and its answer is awaited.
    pub stopping: bool,
}

/// A passing message under the area: good news or what went wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Good(Message),
    Bad(Message),
}

#[derive(Debug, Clone, PartialEq)]
pub struct OverlapsState {
    pub(crate) actor: Actor,
    pub view: View,
    pub list: FlagList,
    pub matrix: MatrixPanel,
    pub detail: Option<Detail>,
    pub form: Option<AlertForm>,
    pub scan: Option<ScanPhase>,
    pub notice: Option<Notice>,
    pub choices: Load<Choices>,
    /// A form asked for before its choices arrived; it opens when they do.
    pub(crate) waiting_form: Option<FormKind>,
    /// The id of the latest scan asked for.
    pub(crate) last_scan: u64,
}

/// The body of an 80×24 terminal, until the area is told its real size.
const DEFAULT_BODY: Rect = Rect::new(0, 1, 80, 21);

/// Alerts on screen at once: two lines each, less the view's tabs, frame and notice lines.
pub fn list_rows(body: Rect) -> usize {
    usize::from(body.height.saturating_sub(4) / 2).max(1)
}

/// Households on screen at once: one line each, less tabs, frame, header and notice.
pub fn household_rows(body: Rect) -> usize {
    usize::from(body.height.saturating_sub(5)).max(1)
}

impl OverlapsState {
    pub fn open(actor: &Actor) -> (OverlapsState, Vec<Effect>) {
        let mut state = OverlapsState {
            actor: actor.clone(),
            view: View::List,
            list: FlagList::new(list_rows(DEFAULT_BODY)),
            matrix: MatrixPanel::new(),
            detail: None,
            form: None,
            scan: None,
            notice: None,
            choices: Load::Loading,
            waiting_form: None,
            last_scan: 0,
        };
        let mut effects = state.list.first_page(actor);
        effects.push(state.load_choices());
        (state, effects)
    }

    /// The actor may change flags, scan and report.
    pub fn can_act(&self) -> bool {
        self.actor.can(Permission::WorkFlags)
    }

    pub fn mode(&self) -> Mode {
        if let Some(form) = &self.form {
            return Mode::Form {
                filter: form.kind == FormKind::Filter,
                choice: form.focused_is_choice(),
            };
        }
        match &self.scan {
            Some(ScanPhase::Running(_)) => return Mode::Scanning,
            Some(_) => return Mode::ScanDone,
            None => {}
        }
        if let Some(detail) = &self.detail {
            return Mode::Detail(self.detail_keys(detail));
        }
        match self.view {
            View::List => Mode::List {
                act: self.can_act(),
            },
            View::Matrix if self.matrix.households.is_some() => Mode::Households,
            View::Matrix => Mode::Matrix,
        }
    }

    fn detail_keys(&self, detail: &Detail) -> DetailKeys {
        let flag = detail.load.ready().map(|d| &d.flag);
        DetailKeys {
            act: self.can_act(),
            matched: flag.is_some_and(|f| f.kind == "probable_same_person"),
            stage: flag.map_or(Stage::Unknown, |f| Stage::of(&f.status)),
        }
    }

    /// Whether leaving now would lose typed text.
    pub fn is_dirty(&self) -> bool {
        self.form.as_ref().is_some_and(AlertForm::is_dirty)
    }

    /// Whether a scan is running (quitting would stop it, and it would save nothing).
    pub fn is_scanning(&self) -> bool {
        matches!(self.scan, Some(ScanPhase::Running(_)))
    }

    /// Whether `command` is one of the keys of the mode on screen: what is not offered (an
    /// action key for a read-only role, confirming a resolved alert) is not done either.
    fn offered(&self, command: OverlapsCommand) -> bool {
        let wanted = crate::tui::keymap::Bound::Command(Command::Overlaps(command));
        bindings(self.mode()).iter().any(|b| b.bound == wanted)
    }

    pub fn update(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        let mut effects = self.fit(ctx.body);
        effects.extend(match action {
            Action::Overlaps(result) => self.result(result),
            Action::Command(command) => {
                self.notice = None;
                self.command(command, ctx)
            }
            Action::Edit(edit) => {
                if let Some(form) = &mut self.form {
                    form.edit(edit, ctx.lang);
                }
                Vec::new()
            }
            _ => Vec::new(),
        });
        effects
    }

    /// Lists hold only what fits: a new window size re-reads the page on screen.
    fn fit(&mut self, body: Rect) -> Vec<Effect> {
        let actor = self.actor.clone();
        let mut effects = self.list.resize(list_rows(body), &actor);
        if let Some(households) = &mut self.matrix.households {
            let rows = household_rows(body);
            if rows != households.limit {
                households.limit = rows;
                effects.extend(households.request(&actor));
            }
        }
        effects
    }

    fn command(&mut self, command: Command, ctx: &AreaCtx) -> Vec<Effect> {
        if let Command::Overlaps(OverlapsCommand::Confirmed(what)) = command {
            return self.confirmed(what);
        }
        if self.form.is_some() {
            return self.form_command(command);
        }
        if self.scan.is_some() {
            return self.scan_command(command);
        }
        if self.detail.is_some() {
            return self.detail_command(command, ctx);
        }
        match self.view {
            View::List => self.list_command(command),
            View::Matrix => self.matrix_command(command, ctx),
        }
    }

    /// The keys while the scan's box is on screen: while it runs, `Esc` asks it to stop (once)
    /// and the other keys say it is running; its figures close with `Esc` or `Enter`.
    fn scan_command(&mut self, command: Command) -> Vec<Effect> {
        let back = command == Command::Overlaps(OverlapsCommand::Back);
        match &mut self.scan {
            Some(ScanPhase::Running(running)) if back && !running.stopping => {
                running.stopping = true;
                vec![Effect::Overlaps(OverlapsEffect::StopScan {
                    id: running.id,
                })]
            }
            Some(ScanPhase::Running(running)) => {
                let busy = if running.stopping {
                    T::ScanStoppingBusy
                } else {
                    T::ScanBusy
                };
                self.notice = Some(Notice::Bad(Message::of(&busy)));
                Vec::new()
            }
            Some(_) if back => {
                self.scan = None;
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn load_choices(&self) -> Effect {
        Effect::Overlaps(OverlapsEffect::LoadChoices {
            actor: self.actor.clone(),
        })
    }

    /// Opens a form that needs the choices, or asks for them first.
    fn open_form(&mut self, kind: FormKind) -> Vec<Effect> {
        let Load::Ready(choices) = &self.choices else {
            self.waiting_form = Some(kind);
            self.notice = Some(Notice::Good(Message::of(&T::ChoicesLoading)));
            return vec![self.load_choices()];
        };
        self.form = Some(match kind {
            FormKind::Filter => AlertForm::filter(&self.list.filter, choices),
            FormKind::Assign => AlertForm::assign(choices),
            FormKind::Misuse => AlertForm::misuse(choices),
            other => AlertForm::reason(other),
        });
        Vec::new()
    }

    /// Where the terminal cursor goes: in the focused text field of a form.
    pub fn cursor(&self, ctx: ViewCtx, area: Rect) -> Option<Position> {
        let form = self.form.as_ref()?;
        form_view::cursor(form, ctx, view::main_area(area))
    }
}

/// The area's tab title and help, for the shell's table of areas.
pub fn title() -> Tui {
    Tui::Overlaps(T::AreaTitle)
}

pub fn help() -> Tui {
    Tui::Overlaps(T::HelpArea)
}

#[cfg(test)]
mod tests;
