//! The main screen after login: a line of tabs, one per [`Area`], and the area on screen.
//! It owns the signed-in [`Actor`], which every effect of an area carries to the core.

use super::overview::{OverviewState, OverviewView};
use super::registry::{RegistryState, RegistryView};
use super::Area;
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

/// The state of the area on screen; one variant per [`Area`].
#[derive(Debug, Clone, PartialEq)]
pub enum AreaState {
    Overview(OverviewState),
    /// Boxed: the registry keeps a page of results, a household and maybe a form.
    Registry(Box<RegistryState>),
}

impl AreaState {
    /// Opens an area afresh, with the effects that fetch what it shows.
    fn open(area: Area, ctx: &AreaCtx) -> (AreaState, Vec<Effect>) {
        match area {
            Area::Overview => {
                let (state, effects) = OverviewState::open(ctx.actor);
                (AreaState::Overview(state), effects)
            }
            Area::Registry => {
                let (state, effects) = RegistryState::open(ctx);
                (AreaState::Registry(Box::new(state)), effects)
            }
        }
    }

    pub fn area(&self) -> Area {
        match self {
            AreaState::Overview(_) => Area::Overview,
            AreaState::Registry(_) => Area::Registry,
        }
    }

    /// Where the keys go inside the area.
    pub fn context(&self) -> Context {
        match self {
            AreaState::Overview(_) => Context::Main(Area::Overview),
            AreaState::Registry(state) => Context::Registry(state.keys()),
        }
    }

    fn update(&mut self, action: Action, ctx: &AreaCtx) -> Vec<Effect> {
        match self {
            AreaState::Overview(state) => state.update(action, ctx),
            AreaState::Registry(state) => state.update(action, ctx),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MainState {
    actor: Actor,
    current: AreaState,
}

impl MainState {
    /// The main screen right after login: the first area, loading.
    pub fn open(actor: Actor, body: Rect, lang: Lang) -> (MainState, Vec<Effect>) {
        let ctx = AreaCtx {
            actor: &actor,
            body,
            lang,
        };
        let (current, effects) = AreaState::open(Area::ALL[0], &ctx);
        (MainState { actor, current }, effects)
    }

    /// What to ask before quitting, when quitting now would lose work.
    pub fn quit_question(&self) -> Option<Confirmable> {
        match &self.current {
            AreaState::Registry(state) => state.quit_question(),
            AreaState::Overview(_) => None,
        }
    }

    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    pub fn current(&self) -> &AreaState {
        &self.current
    }

    pub fn update(&mut self, action: Action, body: Rect, lang: Lang) -> Vec<Effect> {
        match action {
            Action::Command(Command::GoToArea(area)) if area != self.current.area() => {
                let ctx = AreaCtx {
                    actor: &self.actor,
                    body,
                    lang,
                };
                let (current, effects) = AreaState::open(area, &ctx);
                self.current = current;
                effects
            }
            Action::Command(Command::GoToArea(_)) => Vec::new(),
            other => {
                let ctx = AreaCtx {
                    actor: &self.actor,
                    body,
                    lang,
                };
                self.current.update(other, &ctx)
            }
        }
    }
}

/// The body of the main screen: the area on screen.
pub struct MainView<'a> {
    pub state: &'a MainState,
    pub ctx: ViewCtx<'a>,
}

impl MainView<'_> {
    /// Where the terminal cursor goes when the body is drawn in `area`.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        match &self.state.current {
            AreaState::Overview(_) => None,
            AreaState::Registry(state) => RegistryView {
                state,
                ctx: self.ctx,
            }
            .cursor(area),
        }
    }
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
            AreaState::Registry(state) => {
                let view = RegistryView {
                    state,
                    ctx: self.ctx,
                };
                view.render(area, buf);
            }
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
        for (i, &tab) in Area::ALL.iter().enumerate() {
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
