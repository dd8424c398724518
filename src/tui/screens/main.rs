//! The main screen after login: a line of tabs, one per [`Area`] the signed-in role works
//! in, and the area on screen. It owns the signed-in [`Actor`], which every effect of an area
//! carries to the core.
//!
//! Every area plugs into the shell the same way: a variant of [`AreaState`] that opens,
//! updates and draws itself, and — when its keys depend on what it shows — an [`AreaMode`]
//! that the keymap turns into its bindings (`keymap::Context::Area`). Whether leaving would
//! lose work (and what to ask before quitting) and where the terminal cursor goes are asked of
//! the area too.

use super::clar::review::ReviewState;
use super::clar::review_view::ReviewView;
use super::clar::staff::StaffState;
use super::clar::staff_view::StaffView;
use super::committee::{CommitteeState, CommitteeView};
use super::overlaps::{OverlapsState, OverlapsView};
use super::overview::{OverviewState, OverviewView};
use super::registry::{RegistryState, RegistryView};
use super::{Area, AreaMode};
use crate::i18n::{Lang, Localize, Tui};
use crate::services::Actor;
use crate::tui::action::{Action, Command};
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;
use crate::tui::view::ViewCtx;
use crate::tui::widgets::confirm::Confirmable;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// What an area needs to update: who acts, and the rectangle it is drawn in (to scroll by
/// whole pages).
pub struct AreaCtx<'a> {
    pub actor: &'a Actor,
    pub body: Rect,
    /// Some layouts depend on the length of their texts.
    pub lang: Lang,
}

/// The state of the area on screen; one variant per [`Area`]. The larger areas are boxed:
/// the registry keeps a page of results, a household and maybe a form, the committee a whole
/// meeting, the CLAR a stack of views.
#[derive(Debug, Clone, PartialEq)]
pub enum AreaState {
    Overview(OverviewState),
    Registry(Box<RegistryState>),
    Committee(Box<CommitteeState>),
    Clar(Box<StaffState>),
    ClarReview(Box<ReviewState>),
    Overlaps(Box<OverlapsState>),
}

impl AreaState {
    /// Opens an area afresh, with the effects that fetch what it shows (the list of the
    /// Padrón asks for as many rows as the body shows).
    fn open(area: Area, ctx: &AreaCtx) -> (AreaState, Vec<Effect>) {
        let actor = ctx.actor;
        match area {
            Area::Overview => {
                let (state, effects) = OverviewState::open(actor);
                (AreaState::Overview(state), effects)
            }
            Area::Registry => {
                let (state, effects) = RegistryState::open(ctx);
                (AreaState::Registry(Box::new(state)), effects)
            }
            Area::Committee => {
                let (state, effects) = CommitteeState::open(actor);
                (AreaState::Committee(Box::new(state)), effects)
            }
            Area::Clar => {
                let (state, effects) = StaffState::open(actor);
                (AreaState::Clar(Box::new(state)), effects)
            }
            Area::ClarReview => {
                let (state, effects) = ReviewState::open(actor);
                (AreaState::ClarReview(Box::new(state)), effects)
            }
            Area::Overlaps => {
                let (state, effects) = OverlapsState::open(actor);
                (AreaState::Overlaps(Box::new(state)), effects)
            }
        }
    }

    pub fn area(&self) -> Area {
        match self {
            AreaState::Overview(_) => Area::Overview,
            AreaState::Registry(_) => Area::Registry,
            AreaState::Committee(_) => Area::Committee,
            AreaState::Clar(_) => Area::Clar,
            AreaState::ClarReview(_) => Area::ClarReview,
            AreaState::Overlaps(_) => Area::Overlaps,
        }
    }

    /// The area's mode when its keys depend on what it shows; `None` for areas with one set
    /// of keys.
    pub fn mode(&self) -> Option<AreaMode> {
        match self {
            AreaState::Overview(_) => None,
            AreaState::Registry(state) => Some(AreaMode::Registry(state.mode())),
            AreaState::Committee(state) => Some(AreaMode::Committee(state.mode())),
            AreaState::Clar(state) => Some(AreaMode::Clar(state.mode())),
            AreaState::ClarReview(state) => Some(AreaMode::ClarReview(state.mode())),
            AreaState::Overlaps(state) => Some(AreaMode::Overlaps(state.mode())),
        }
    }

    /// Where the area's keys go: its mode's table, or the area's one table.
    pub fn context(&self) -> Context {
        match self.mode() {
            Some(mode) => Context::Area(mode),
            None => Context::Main(self.area()),
        }
    }

    /// Whether leaving now would lose typed work.
    pub fn is_dirty(&self) -> bool {
        match self {
            AreaState::Overview(_) => false,
            AreaState::Registry(state) => state.is_dirty(),
            AreaState::Committee(state) => state.is_dirty(),
            AreaState::Clar(state) => state.is_dirty(),
            AreaState::ClarReview(state) => state.is_dirty(),
            AreaState::Overlaps(state) => state.is_dirty(),
        }
    }

    /// What to ask before quitting, when quitting now would lose work: typed text, a roster
    /// being written (in the Padrón), or a scan under way (in Alertas).
    pub fn quit_question(&self) -> Option<Confirmable> {
        match self {
            AreaState::Registry(state) => state.quit_question(),
            AreaState::Overlaps(state) if state.is_scanning() => Some(Confirmable::QuitScanning),
            other => other.is_dirty().then_some(Confirmable::QuitDiscarding),
        }
    }

    /// Where the terminal cursor goes, when the area shows it in a field being typed in.
    /// The CLAR's forms mark their focused field by style instead.
    fn cursor(&self, ctx: ViewCtx, area: Rect) -> Option<Position> {
        match self {
            AreaState::Registry(state) => RegistryView { state, ctx }.cursor(area),
            AreaState::Committee(state) => state.cursor(ctx, area),
            AreaState::Overlaps(state) => state.cursor(ctx, area),
            AreaState::Overview(_) | AreaState::Clar(_) | AreaState::ClarReview(_) => None,
        }
    }

    fn update(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        match self {
            AreaState::Overview(state) => state.update(action, ctx),
            AreaState::Registry(state) => state.update(action, ctx),
            AreaState::Committee(state) => state.update(action, ctx),
            AreaState::Clar(state) => state.update(action, ctx),
            AreaState::ClarReview(state) => state.update(action, ctx),
            AreaState::Overlaps(state) => state.update(action, ctx),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MainState {
    actor: Actor,
    current: AreaState,
}

impl MainState {
    /// The main screen right after login: the first area of the actor's role, loading.
    pub fn open(actor: Actor, body: Rect, lang: Lang) -> (MainState, Vec<Effect>) {
        let first = Area::for_role(actor.role)
            .first()
            .copied()
            .unwrap_or(Area::Overview);
        let ctx = AreaCtx {
            actor: &actor,
            body,
            lang,
        };
        let (current, effects) = AreaState::open(first, &ctx);
        (MainState { actor, current }, effects)
    }

    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    pub fn current(&self) -> &AreaState {
        &self.current
    }

    /// Where keys go while this screen is on top.
    pub fn context(&self) -> Context {
        self.current.context()
    }

    /// Whether leaving now would lose typed work.
    pub fn is_dirty(&self) -> bool {
        self.current.is_dirty()
    }

    /// What to ask before quitting, when quitting now would lose work.
    pub fn quit_question(&self) -> Option<Confirmable> {
        self.current.quit_question()
    }

    /// Where the terminal cursor goes, when the area has a field being typed in.
    pub fn cursor(&self, ctx: ViewCtx, area: Rect) -> Option<Position> {
        self.current.cursor(ctx, area)
    }

    /// Number keys open only the areas of the actor's role: a CLAR member pressing `2`
    /// stays where they are.
    pub fn update(&mut self, action: Action, body: Rect, lang: Lang) -> Vec<Effect> {
        let ctx = AreaCtx {
            actor: &self.actor,
            body,
            lang,
        };
        match action {
            Action::Command(Command::GoToArea(area))
                if area != self.current.area()
                    && Area::for_role(self.actor.role).contains(&area) =>
            {
                let (current, effects) = AreaState::open(area, &ctx);
                self.current = current;
                effects
            }
            Action::Command(Command::GoToArea(_)) => Vec::new(),
            other => self.current.update(other, &ctx),
        }
    }
}

/// The body of the main screen: the area on screen.
pub struct MainView<'a> {
    pub state: &'a MainState,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &MainView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        match &self.state.current {
            AreaState::Overview(state) => {
                let view = OverviewView {
                    state,
                    ctx: self.ctx,
                };
                view.render(area, buf);
            }
            AreaState::Registry(state) => RegistryView {
                state,
                ctx: self.ctx,
            }
            .render(area, buf),
            AreaState::Committee(state) => CommitteeView {
                state,
                ctx: self.ctx,
            }
            .render(area, buf),
            AreaState::Clar(state) => StaffView {
                state,
                ctx: self.ctx,
            }
            .render(area, buf),
            AreaState::ClarReview(state) => ReviewView {
                state,
                ctx: self.ctx,
            }
            .render(area, buf),
            AreaState::Overlaps(state) => OverlapsView {
                state,
                ctx: self.ctx,
            }
            .render(area, buf),
        }
    }
}

/// The top line of the main screen: the name of the program and a tab per area, each with
/// the number key that opens it.
pub struct Tabs<'a> {
    pub current: Area,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &Tabs<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        buf.set_style(area, theme.header);
        let mut spans = vec![Span::styled(" Tinkuy ", theme.header)];
        for (i, &tab) in self.current.peers().iter().enumerate() {
            let style = if tab == self.current {
                theme.tab_active
            } else {
                theme.header
            };
            spans.push(Span::styled("│", theme.header));
            let title = tab.title().text(self.ctx.lang);
            spans.push(Span::styled(format!(" {} {title} ", i + 1), style));
        }
        spans.push(Span::styled("│", theme.header));
        Line::from(spans).render(area, buf);
    }
}

/// The top line of the screens before login.
pub struct TitleBar<'a> {
    pub title: Option<Tui>,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &TitleBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.ctx.theme.header);
        let text = match self.title {
            Some(title) => format!(" Tinkuy · {}", title.text(self.ctx.lang)),
            None => " Tinkuy".to_string(),
        };
        Line::styled(text, self.ctx.theme.header).render(area, buf);
    }
}
