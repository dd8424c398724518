//! Drawing the whole application from its state: a header line, the screen's body, the
//! status bar, and overlays on top. Drawing only reads the state; it never changes it and
//! never touches the database.

use super::app::{App, Modal, Screen};
use super::keymap;
use super::screens::login::LoginView;
use super::screens::main::{MainView, Tabs, TitleBar};
use super::screens::password::PasswordView;
use super::screens::setup::SetupView;
use super::theme::Theme;
use super::widgets::centred;
use super::widgets::confirm::ConfirmView;
use super::widgets::help::HelpOverlay;
use super::widgets::status_bar::{StatusBar, User};
use crate::i18n::{Lang, Localize, Tui, TuiMessage};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

/// What every view needs besides its own state.
#[derive(Debug, Clone, Copy)]
pub struct ViewCtx<'a> {
    pub lang: Lang,
    pub theme: &'a Theme,
}

/// Below this size the screens cannot be drawn readably; a short message asks for more room.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Header line, body, and the two status lines.
fn split(area: Rect) -> [Rect; 3] {
    area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(2),
    ]))
}

/// The rectangle the screen's body is drawn in, for a terminal of `size`.
pub fn body_area(size: Rect) -> Rect {
    split(size)[1]
}

/// Draws the application into a frame, then makes every cell safe for the terminal (see
/// [`super::text`]): the one place where text from the store and the keyboard is sanitised.
pub fn render(app: &App, frame: &mut Frame) {
    draw(app, frame);
    super::text::clean_buffer(frame.buffer_mut());
}

fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let ctx = ViewCtx {
        lang: app.lang(),
        theme: app.theme(),
    };
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        render_too_small(ctx, area, frame);
        return;
    }
    let [header, body, status] = split(area);
    render_header(app, ctx, header, frame);
    render_body(app, ctx, body, frame);
    render_status(app, ctx, status, frame);
    for modal in app.modals() {
        render_modal(app, modal, ctx, frame);
    }
}

fn render_too_small(ctx: ViewCtx, area: Rect, frame: &mut Frame) {
    let text = TuiMessage::EnlargeWindow {
        width: MIN_WIDTH,
        height: MIN_HEIGHT,
    }
    .text(ctx.lang);
    let paragraph = Paragraph::new(text.into_owned())
        .centered()
        .wrap(Wrap { trim: true });
    frame.render_widget(paragraph, centred(area, area.width, 3));
}

fn render_header(app: &App, ctx: ViewCtx, area: Rect, frame: &mut Frame) {
    let title = match app.screen() {
        Screen::Main(main) => {
            let tabs = Tabs {
                current: main.current().area(),
                ctx,
            };
            frame.render_widget(&tabs, area);
            return;
        }
        Screen::Setup(_) => Some(Tui::SetupTitle),
        Screen::Login(_) => Some(Tui::LoginTitle),
        Screen::ChangePassword(_) => Some(Tui::PasswordTitle),
        Screen::Starting | Screen::Unavailable(_) => None,
    };
    frame.render_widget(&TitleBar { title, ctx }, area);
}

/// The screen's body, and the terminal cursor in the focused field when no overlay hides it.
fn render_body(app: &App, ctx: ViewCtx, area: Rect, frame: &mut Frame) {
    let cursor = match app.screen() {
        Screen::Starting => {
            let text = Line::styled(Tui::Loading.text(ctx.lang), ctx.theme.muted);
            frame.render_widget(text.centered(), centred(area, area.width, 1));
            None
        }
        Screen::Unavailable(message) => {
            let lines = vec![
                Line::styled(message.text(ctx.lang), ctx.theme.error),
                Line::raw(""),
                Line::raw(Tui::UnavailableQuit.text(ctx.lang)),
            ];
            let paragraph = Paragraph::new(lines).centered().wrap(Wrap { trim: true });
            frame.render_widget(paragraph, centred(area, area.width.saturating_sub(4), 8));
            None
        }
        Screen::Setup(form) => {
            frame.render_widget(&SetupView { form, ctx }, area);
            form.cursor(ctx, area)
        }
        Screen::Login(form) => {
            frame.render_widget(&LoginView { form, ctx }, area);
            form.cursor(ctx, area)
        }
        Screen::ChangePassword(form) => {
            frame.render_widget(&PasswordView { form, ctx }, area);
            form.cursor(ctx, area)
        }
        Screen::Main(state) => {
            frame.render_widget(&MainView { state, ctx }, area);
            state.cursor(ctx, area)
        }
    };
    if let (Some(position), true) = (cursor, app.modals().is_empty()) {
        frame.set_cursor_position(position);
    }
}

fn render_status(app: &App, ctx: ViewCtx, area: Rect, frame: &mut Frame) {
    let user = match app.screen() {
        Screen::Main(main) => Some(User {
            username: &main.actor().username,
            role: main.actor().role,
        }),
        _ => None,
    };
    let bar = StatusBar {
        db_path: app.db_path(),
        user,
        lang: ctx.lang,
        hints: keymap::hints(app.context(), ctx.lang),
        notice: app.notice().map(|m| m.text(ctx.lang).into_owned()),
        theme: ctx.theme,
    };
    frame.render_widget(&bar, area);
}

fn render_modal(app: &App, modal: &Modal, ctx: ViewCtx, frame: &mut Frame) {
    let area = frame.area();
    match modal {
        Modal::Help => {
            let overlay = HelpOverlay {
                title: Tui::HelpTitle.text(ctx.lang),
                entries: keymap::help_entries(app.screen_context(), ctx.lang),
                footer: Tui::HelpFooter.text(ctx.lang),
                theme: ctx.theme,
            };
            frame.render_widget(&overlay, area);
        }
        Modal::Confirm(confirm) => {
            let view = ConfirmView {
                confirm,
                lang: ctx.lang,
                theme: ctx.theme,
            };
            frame.render_widget(&view, area);
        }
    }
}
