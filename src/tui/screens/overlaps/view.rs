//! Drawing the Alertas area from its state, nothing else: the view's tabs with the filter in
//! force, the list or the matrix (or an alert's detail over them), the scan's box (its step
//! and progress bar while it runs, its figures after), a form on top, and the notice on the
//! last line.

use super::{detail_view, form_view, list_view, matrix_view};
use super::{Load, Notice, OverlapsState, RunningScan, ScanPhase, View};
use crate::i18n::{overlaps as words, Localize, OverlapsTui as T, OverlapsTuiMessage, Tui};
use crate::services::matching::scan::ScanKind;
use crate::services::overlaps::scan::ScanStep;
use crate::tui::theme::{Palette, Theme};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::progress::ProgressBar;
use crate::tui::widgets::{centred, count};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

pub struct OverlapsView<'a> {
    pub state: &'a OverlapsState,
    pub ctx: ViewCtx<'a>,
}

/// The area less its last line (kept for the notice).
pub(super) fn main_area(area: Rect) -> Rect {
    Rect {
        height: area.height.saturating_sub(1),
        ..area
    }
}

pub(super) use crate::tui::text::{fit, pad};

/// How a difference between the two records is marked: reverse and bold without colour,
/// black on yellow with it.
pub(super) fn diff_style(theme: &Theme) -> Style {
    match theme.palette {
        Palette::Plain => Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED),
        Palette::Coloured => Style::new()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
    }
}

/// A severity marked so it reads without colour: `!!! alta`, `!! media`, `! baja`.
pub(super) fn severity(severity: &str, ctx: ViewCtx) -> Span<'static> {
    let (marks, style) = match severity {
        "high" => ("!!!", ctx.theme.error),
        "medium" => ("!! ", ctx.theme.figure),
        _ => ("!  ", Style::new()),
    };
    Span::styled(
        format!("{marks} {}", words::severity(severity, ctx.lang)),
        style,
    )
}

/// "Cargando…" or the reason it failed, in the middle of `area`; false when ready.
pub(super) fn waiting<T>(ctx: ViewCtx, load: &Load<T>, area: Rect, buf: &mut Buffer) -> bool {
    let line = match load {
        Load::Ready(_) => return false,
        Load::Loading => Line::styled(Tui::Loading.text(ctx.lang), ctx.theme.muted),
        Load::Failed(m) => Line::styled(m.text(ctx.lang), ctx.theme.error),
    };
    Paragraph::new(line)
        .centered()
        .wrap(Wrap { trim: true })
        .render(centred(area, area.width.saturating_sub(2), 3), buf);
    true
}

pub(super) fn titled(ctx: ViewCtx, title: &str) -> Block<'static> {
    Block::bordered().title(Line::styled(format!(" {title} "), ctx.theme.title))
}

impl Widget for &OverlapsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (ctx, state) = (self.ctx, self.state);
        let main = main_area(area);
        if let Some(detail) = &state.detail {
            detail_view::draw(ctx, detail, main, buf);
        } else {
            let [tabs, body] = main.layout(&Layout::vertical([
                Constraint::Length(1),
                Constraint::Fill(1),
            ]));
            draw_tabs(state, ctx, tabs, buf);
            match state.view {
                View::List => list_view::draw(ctx, &state.list, state.can_act(), body, buf),
                View::Matrix => matrix_view::draw(ctx, &state.matrix, body, buf),
            }
        }
        if let Some(scan) = &state.scan {
            draw_scan(ctx, scan, main, buf);
        }
        if let Some(form) = &state.form {
            form_view::draw(form, ctx, main, buf);
        }
        let notice = Rect {
            y: area.bottom().saturating_sub(1),
            height: area.height.min(1),
            ..area
        };
        let line = match &state.notice {
            Some(Notice::Good(m)) => {
                Line::styled(format!(" {}", m.text(ctx.lang)), ctx.theme.success)
            }
            Some(Notice::Bad(m)) => Line::styled(format!(" {}", m.text(ctx.lang)), ctx.theme.error),
            None => return,
        };
        line.render(notice, buf);
    }
}

/// ` │ Lista │ Matriz │ Filtro: …`
fn draw_tabs(state: &OverlapsState, ctx: ViewCtx, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::raw(" ")];
    for (view, title) in [(View::List, T::TabList), (View::Matrix, T::TabMatrix)] {
        let style = if view == state.view {
            ctx.theme.tab_active
        } else {
            Style::new()
        };
        spans.push(Span::raw("│"));
        spans.push(Span::styled(format!(" {} ", title.text(ctx.lang)), style));
    }
    spans.push(Span::raw("│ "));
    if state.view == View::List {
        spans.push(Span::styled(filter_summary(state, ctx), ctx.theme.muted));
    }
    Line::from(spans).render(area, buf);
}

/// The filter in force, in words.
fn filter_summary(state: &OverlapsState, ctx: ViewCtx) -> String {
    let lang = ctx.lang;
    let f = &state.list.filter;
    let choices = state.choices.ready();
    let mut parts: Vec<String> = Vec::new();
    if let Some(kind) = &f.kind {
        parts.push(words::kind(kind, lang).to_string());
    }
    if let Some(s) = &f.severity {
        parts.push(words::severity(s, lang).to_string());
    }
    if let Some(s) = &f.status {
        parts.push(words::status(s, lang).to_string());
    }
    if let Some(d) = &f.district {
        let name = choices.and_then(|c| c.districts.iter().find(|(u, _)| u == d));
        parts.push(name.map_or(d.clone(), |(_, n)| n.clone()));
    }
    if let Some(p) = f.programme {
        let code = choices.and_then(|c| c.programmes.iter().find(|(id, _)| *id == p));
        parts.push(code.map_or(p.to_string(), |(_, c)| c.clone()));
    }
    if parts.is_empty() {
        return T::FilterNone.text(lang).into_owned();
    }
    format!("{} {}", T::FilterLabel.text(lang), parts.join(" · "))
}

/// The running scan's box: what a scan does, the step it is in with a bar of how far that step
/// got, and how to stop it (or that it is stopping).
fn draw_running(ctx: ViewCtx, running: &RunningScan, area: Rect, buf: &mut Buffer) {
    let lang = ctx.lang;
    let title = match running.kind {
        ScanKind::Full => T::ScanFullRunning,
        ScanKind::Incremental => T::ScanIncrementalRunning,
    };
    let frame = centred(area, 60, 9);
    let block = scan_box(ctx, title, frame, buf);
    let inner = block.inner(frame);
    block.render(frame, buf);
    let [about, step, bar, _, stop] = inner.layout(&Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    Paragraph::new(T::Scanning.text(lang).into_owned())
        .wrap(Wrap { trim: true })
        .render(about, buf);
    let step_text = match running.step {
        None => T::ScanStarting.text(lang).into_owned(),
        Some((s, _)) => OverlapsTuiMessage::ScanStep {
            number: s.number(),
            of: ScanStep::COUNT,
            step: step_words(s),
        }
        .text(lang)
        .into_owned(),
    };
    Line::raw(step_text).render(step, buf);
    // Loading and the rules have no count of their own to show.
    if let Some((_, p)) = running.step.filter(|(_, p)| p.total > 1) {
        let bar_view = ProgressBar {
            done: p.done,
            total: p.total,
            theme: ctx.theme,
        };
        bar_view.render(bar, buf);
    }
    let (hint, style) = if running.stopping {
        (T::ScanStopping, ctx.theme.error)
    } else {
        (T::ScanStopHint, ctx.theme.muted)
    };
    Paragraph::new(Line::styled(hint.text(lang).into_owned(), style))
        .wrap(Wrap { trim: true })
        .render(stop, buf);
}

fn step_words(step: ScanStep) -> T {
    match step {
        ScanStep::Loading => T::ScanStepLoading,
        ScanStep::Comparing => T::ScanStepComparing,
        ScanStep::Rules => T::ScanStepRules,
        ScanStep::Writing => T::ScanStepWriting,
    }
}

/// The scan's progress while it runs; its figures when it is done.
fn draw_scan(ctx: ViewCtx, scan: &ScanPhase, area: Rect, buf: &mut Buffer) {
    let lang = ctx.lang;
    let (title, lines) = match scan {
        ScanPhase::Running(running) => return draw_running(ctx, running, area, buf),
        ScanPhase::Failed(message) => (
            T::ScanFailed,
            vec![
                Line::styled(message.text(lang).into_owned(), ctx.theme.error),
                Line::raw(""),
                Line::styled(T::ScanClose.text(lang).into_owned(), ctx.theme.muted),
            ],
        ),
        ScanPhase::Done(f) => {
            let title = if f.incremental {
                T::ScanIncrementalDone
            } else {
                T::ScanFullDone
            };
            (title, figure_lines(ctx, f))
        }
    };
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let frame = centred(area, 60, height.max(5));
    let block = scan_box(ctx, title, frame, buf);
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: true })
        .render(frame, buf);
}

/// The scan's box over the list, cleared, with `title`: the running and the finished scan
/// show in the same place and frame.
fn scan_box(ctx: ViewCtx, title: T, frame: Rect, buf: &mut Buffer) -> Block<'static> {
    Clear.render(frame, buf);
    Block::bordered()
        .border_style(ctx.theme.overlay_border)
        .title(Line::styled(
            format!(" {} ", title.text(ctx.lang)),
            ctx.theme.title,
        ))
}

fn figure_lines(ctx: ViewCtx, f: &super::effects::ScanFigures) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    if f.cancelled {
        return vec![Line::raw(T::ScanCancelled.text(lang).into_owned())];
    }
    let rows = [
        (T::ScanRecords, i64::try_from(f.records).unwrap_or(i64::MAX)),
        (T::ScanPairs, i64::try_from(f.pairs).unwrap_or(i64::MAX)),
        (
            T::ScanProbable,
            i64::try_from(f.probable).unwrap_or(i64::MAX),
        ),
        (
            T::ScanDni,
            i64::try_from(f.dni_conflicts).unwrap_or(i64::MAX),
        ),
        (
            T::ScanRules,
            i64::try_from(f.rule_flags).unwrap_or(i64::MAX),
        ),
        (T::ScanNew, f.new),
        (T::ScanKnown, f.known),
        (T::ScanReopened, f.reopened),
    ];
    let mut lines: Vec<Line<'static>> = rows
        .iter()
        .map(|(label, n)| {
            Line::from(vec![
                Span::raw(format!(" {:<28}", label.text(lang))),
                Span::styled(format!("{:>12}", count(*n)), ctx.theme.figure),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(" {}", T::ScanClose.text(lang)),
        ctx.theme.muted,
    ));
    lines
}
