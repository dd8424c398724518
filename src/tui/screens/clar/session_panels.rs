//! The session view: a heading with the progress of scoring, and one of three panels — the
//! score matrix (proposals by members), attendance, or conflicts — switched with `Tab`.

use super::list::Cursor;
use super::staff::Panel;
use super::staff_view::{t, ListTable};
use crate::i18n::{detected_reason, ClarTui, Localize};
use crate::services::clar::ranking::milli_text;
use crate::services::clar::scoring::{Cell, CellState};
use crate::services::clar::session::SessionOverview;
use crate::tui::text::{fit, width as cells};
use crate::tui::view::ViewCtx;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub(super) fn draw(
    ctx: ViewCtx,
    o: &SessionOverview,
    panel: Panel,
    cursor: Cursor,
    area: Rect,
    buf: &mut Buffer,
) {
    let [head, body, legend] = area.layout(&Layout::vertical([
        Constraint::Length(3),
        Constraint::Fill(1),
        Constraint::Length(2),
    ]));
    heading(ctx, o, panel, head, buf);
    match panel {
        Panel::Scores => {
            matrix(ctx, o, cursor, body, buf);
            let names: Vec<String> = o
                .matrix
                .members
                .iter()
                .map(|(_, name)| format!("{} {name}", initials(name)))
                .collect();
            Paragraph::new(Line::styled(
                format!(" {}", names.join(" · ")),
                ctx.theme.muted,
            ))
            .wrap(Wrap { trim: false })
            .render(legend, buf);
        }
        Panel::Attendance => attendance(ctx, o, cursor, body, buf),
        Panel::Conflicts => conflicts(ctx, o, cursor, body, buf),
    }
}

fn heading(ctx: ViewCtx, o: &SessionOverview, panel: Panel, area: Rect, buf: &mut Buffer) {
    let s = &o.session;
    let status = if s.closed {
        ClarTui::Closed
    } else {
        ClarTui::Open
    };
    let m = &o.matrix;
    let percent = if m.expected > 0 {
        m.done * 100 / m.expected
    } else {
        100
    };
    let tabs: Vec<Span> = Panel::ALL
        .iter()
        .flat_map(|p| {
            let style = if *p == panel {
                ctx.theme.tab_active
            } else {
                ctx.theme.muted
            };
            [
                Span::styled(format!(" {} ", t(ctx, panel_title(*p))), style),
                Span::raw(" "),
            ]
        })
        .collect();
    // A long place is cut so the session's state stays in view.
    let start = format!(
        " {} {} · {} · ",
        t(ctx, ClarTui::Acta),
        crate::services::clar::acta_label(s),
        crate::domain::dates::iso(s.held_on),
    );
    let end = format!(" · {}", t(ctx, status));
    let room = usize::from(area.width).saturating_sub(cells(&start) + cells(&end));
    let lines = vec![
        Line::styled(
            format!("{start}{}{end}", fit(&s.place, room)),
            ctx.theme.title,
        ),
        Line::raw(format!(
            " {}: {} {} {} ({percent} %)",
            t(ctx, ClarTui::ScoresProgress),
            m.done,
            t(ctx, ClarTui::Of),
            m.expected
        )),
        Line::from(tabs),
    ];
    Paragraph::new(lines).render(area, buf);
}

fn panel_title(panel: Panel) -> ClarTui {
    match panel {
        Panel::Scores => ClarTui::PanelScores,
        Panel::Attendance => ClarTui::PanelAttendance,
        Panel::Conflicts => ClarTui::PanelConflicts,
    }
}

/// `Juana Quispe Ccori` → `JQC`.
pub(super) fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next())
        .take(3)
        .flat_map(char::to_uppercase)
        .collect()
}

fn cell_text(ctx: ViewCtx, cell: &Cell) -> String {
    match (cell.state, cell.total_milli) {
        (CellState::Recused, _) => "—".into(),
        (CellState::Absent, _) => t(ctx, ClarTui::AbsentShort),
        (CellState::Progress { .. }, Some(total)) => milli_text(total),
        (CellState::Progress { done, of }, None) => format!("{done}/{of}"),
    }
}

fn matrix(ctx: ViewCtx, o: &SessionOverview, cursor: Cursor, area: Rect, buf: &mut Buffer) {
    let m = &o.matrix;
    let mut head = vec![t(ctx, ClarTui::ColProposal)];
    head.extend(m.members.iter().map(|(_, name)| initials(name)));
    let mut widths = vec![Constraint::Fill(1)];
    widths.extend(m.members.iter().map(|_| Constraint::Length(7)));
    let rows = m
        .proposals
        .iter()
        .zip(&m.cells)
        .map(|((_, title), cells)| {
            let mut row = vec![title.clone()];
            row.extend(cells.iter().map(|c| cell_text(ctx, c)));
            row
        })
        .collect();
    let right: Vec<usize> = (1..=m.members.len()).collect();
    ListTable {
        title: t(ctx, ClarTui::PanelScores),
        head,
        widths,
        rows,
        right: &right,
        cursor: Some(cursor),
        empty: t(ctx, ClarTui::NoProposalsToScore),
    }
    .draw(ctx, area, buf);
}

fn attendance(ctx: ViewCtx, o: &SessionOverview, cursor: Cursor, area: Rect, buf: &mut Buffer) {
    let rows = o
        .seats
        .iter()
        .map(|s| {
            let present = if s.present { ClarTui::Yes } else { ClarTui::No };
            vec![
                s.member.full_name.clone(),
                s.member.represents.clone(),
                t(ctx, present),
            ]
        })
        .collect();
    ListTable {
        title: t(ctx, ClarTui::PanelAttendance),
        head: vec![
            t(ctx, ClarTui::ColMember),
            t(ctx, ClarTui::ColRepresents),
            t(ctx, ClarTui::ColPresent),
        ],
        widths: vec![
            Constraint::Fill(2),
            Constraint::Fill(3),
            Constraint::Length(8),
        ],
        rows,
        right: &[],
        cursor: Some(cursor),
        empty: t(ctx, ClarTui::NoMembers),
    }
    .draw(ctx, area, buf);
}

fn conflicts(ctx: ViewCtx, o: &SessionOverview, cursor: Cursor, area: Rect, buf: &mut Buffer) {
    let rows = o
        .conflicts
        .iter()
        .map(|c| {
            let note = match (c.kind, c.note.as_deref()) {
                (crate::domain::clar::ConflictKind::Detected, Some(n)) => {
                    detected_reason(n, ctx.lang).into_owned()
                }
                (_, n) => n.unwrap_or("").to_string(),
            };
            vec![
                c.member.clone(),
                c.proposal.clone(),
                c.kind.text(ctx.lang).into_owned(),
                note,
            ]
        })
        .collect();
    ListTable {
        title: t(ctx, ClarTui::PanelConflicts),
        head: vec![
            t(ctx, ClarTui::ColMember),
            t(ctx, ClarTui::ColProposal),
            t(ctx, ClarTui::ColKind),
            t(ctx, ClarTui::ColNote),
        ],
        widths: vec![
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Length(12),
            Constraint::Fill(2),
        ],
        rows,
        right: &[],
        cursor: Some(cursor),
        empty: t(ctx, ClarTui::NoConflicts),
    }
    .draw(ctx, area, buf);
}
