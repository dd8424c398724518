//! Drawing reviewer mode: the member's sessions, the proposals to score with how far they
//! got, the question of a conflict, and the scoring form — large and plain: one criterion a
//! line, its number in a wide box, its maximum beside it, the total underneath.

use super::list::Load;
use super::review::{ReviewPage as View, ReviewState, DECLARABLE};
use super::score_form::ScoreForm;
use super::staff_view::{
    amount, draw_notice, draw_waiting, session_table, split_notice, t, titled, ListTable,
};
use crate::domain::clar::{ConflictKind, Phase};
use crate::i18n::{ClarTui, Lang, Localize};
use crate::services::clar::reviewer::ReviewerSession;
use crate::tui::text::{fit, width as cells};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::centred;
use crate::tui::widgets::text_input::InputView;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

pub struct ReviewView<'a> {
    pub state: &'a ReviewState,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &ReviewView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ctx = self.ctx;
        let (main, notice) = split_notice(area);
        match self.state.top() {
            View::Sessions(list) => {
                if !draw_waiting(ctx, &list.load, main, buf) {
                    session_table(ctx, list, main, buf);
                }
            }
            View::Proposals { load, cursor, .. } => {
                if !draw_waiting(ctx, load, main, buf) {
                    if let Load::Ready(s) = load {
                        proposals(ctx, s, *cursor, main, buf);
                    }
                }
            }
            View::Declare { title, choice, .. } => {
                if let Some(s) = self.state.proposals() {
                    proposals(ctx, s, super::list::Cursor::default(), main, buf);
                }
                declare(ctx, title, *choice, main, buf);
            }
            View::Scoring(form) => scoring(ctx, form, main, buf),
        }
        draw_notice(ctx, self.state.notice(), notice, buf);
    }
}

fn progress(
    ctx: ViewCtx,
    s: &ReviewerSession,
    p: &crate::services::clar::reviewer::ProposalToScore,
) -> String {
    let of = s.criteria.len();
    match p.conflict {
        Some(_) => t(ctx, ClarTui::Conflict),
        None if p.is_complete(of) => format!("✓ {}", t(ctx, ClarTui::Done)),
        None => format!("{} {} {of}", p.my_scores.len(), t(ctx, ClarTui::Of)),
    }
}

fn proposals(
    ctx: ViewCtx,
    s: &ReviewerSession,
    cursor: super::list::Cursor,
    area: Rect,
    buf: &mut Buffer,
) {
    let [head, table] = area.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
    ]));
    Paragraph::new(session_heading(ctx, s)).render(head, buf);
    to_score_table(ctx, s, cursor).draw(ctx, table, buf);
}

/// The session, and whether the member is marked present.
fn session_heading(ctx: ViewCtx, s: &ReviewerSession) -> Vec<Line<'static>> {
    let presence = match s.present {
        true => ClarTui::PresentYou,
        false => ClarTui::AbsentYou,
    };
    let status = match s.session.closed {
        true => ClarTui::Closed,
        false => ClarTui::Open,
    };
    let title = format!(
        " {} {} · {} · {}",
        t(ctx, ClarTui::Acta),
        crate::services::clar::acta_label(&s.session),
        s.call_title,
        t(ctx, status)
    );
    vec![
        Line::styled(title, ctx.theme.title),
        Line::raw(format!(" {} ({})", s.member_name, t(ctx, presence))),
    ]
}

/// Each proposal with the association's size (not its people) and how far the member got.
fn to_score_table(
    ctx: ViewCtx,
    s: &ReviewerSession,
    cursor: super::list::Cursor,
) -> ListTable<'static> {
    let rows = s
        .proposals
        .iter()
        .map(|p| {
            vec![
                p.title.clone(),
                p.association_name.clone(),
                p.association_size.to_string(),
                amount(p.totals.programme),
                progress(ctx, s, p),
            ]
        })
        .collect();
    let head = [
        ClarTui::ColProposal,
        ClarTui::ColAssociation,
        ClarTui::ColSize,
        ClarTui::ColProgramme,
        ClarTui::ColProgress,
    ];
    ListTable {
        title: t(ctx, ClarTui::ToScoreTitle),
        head: head.iter().map(|h| t(ctx, *h)).collect(),
        widths: vec![
            Constraint::Fill(3),
            Constraint::Fill(2),
            Constraint::Length(6),
            Constraint::Length(10),
            Constraint::Length(10),
        ],
        rows,
        right: &[2, 3],
        cursor: Some(cursor),
        empty: t(ctx, ClarTui::NoProposalsToScore),
    }
}

fn declare(ctx: ViewCtx, title: &str, choice: usize, area: Rect, buf: &mut Buffer) {
    let box_area = centred(area, 66, 9);
    Clear.render(box_area, buf);
    let block = titled(ctx, &t(ctx, ClarTui::DeclareTitle)).border_style(ctx.theme.overlay_border);
    let inner = block.inner(box_area);
    block.render(box_area, buf);
    let mut lines = vec![Line::raw(format!("«{title}»")), Line::raw("")];
    for (i, kind) in DECLARABLE.iter().enumerate() {
        let marker = if i == choice { "▶" } else { " " };
        let text = format!("{marker} {} ", declare_text(ctx.lang, *kind));
        let style = if i == choice {
            ctx.theme.focus
        } else {
            ratatui::style::Style::new()
        };
        lines.push(Line::styled(text, style));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        t(ctx, ClarTui::DeclareWarning),
        ctx.theme.muted,
    ));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

fn declare_text(lang: Lang, kind: ConflictKind) -> String {
    let key = match kind {
        ConflictKind::Member => ClarTui::DeclareMember,
        ConflictKind::Relative => ClarTui::DeclareRelative,
        ConflictKind::Other | ConflictKind::Detected => ClarTui::DeclareOther,
    };
    key.text(lang).into_owned()
}

/// The scoring form: the proposal in two lines, then a line per criterion grouped by phase.
fn scoring(ctx: ViewCtx, form: &ScoreForm, area: Rect, buf: &mut Buffer) {
    // A line per criterion, a heading per phase, and the frame.
    let mut phases: Vec<Phase> = form.rows.iter().map(|r| r.criterion.phase).collect();
    phases.dedup();
    let rows = u16::try_from(form.rows.len() + phases.len()).unwrap_or(0);
    let [head, body, total] = area.layout(&Layout::vertical([
        Constraint::Length(4),
        Constraint::Length(rows + 2),
        Constraint::Fill(1),
    ]));
    Paragraph::new(form_heading(ctx, form, usize::from(head.width))).render(head, buf);
    let block = titled(ctx, &t(ctx, ClarTui::Rubric));
    let inner = block.inner(body);
    block.render(body, buf);
    let mut y = inner.y;
    let mut phase: Option<Phase> = None;
    for (i, row) in form.rows.iter().enumerate() {
        if phase != Some(row.criterion.phase) {
            phase = Some(row.criterion.phase);
            let name = row.criterion.phase.text(ctx.lang).into_owned();
            Line::styled(name, ctx.theme.title).render(Rect::new(inner.x, y, inner.width, 1), buf);
            y += 1;
        }
        criterion_line(ctx, form, i, Rect::new(inner.x, y, inner.width, 1), buf);
        y += 1;
    }
    let total_line = Line::from(vec![
        Span::raw(format!(" {}: ", t(ctx, ClarTui::Total))),
        Span::styled(format!("{}", form.total()), ctx.theme.figure),
        Span::raw(format!(" {} {}", t(ctx, ClarTui::Of), form.maximum())),
    ]);
    let help = Line::styled(
        format!(" {}", t(ctx, ClarTui::ScoringHelp)),
        ctx.theme.muted,
    );
    Paragraph::new(vec![total_line, help])
        .wrap(Wrap { trim: false })
        .render(total, buf);
}

/// What is being scored: the proposal, its association's size, what the programme pays. A
/// long association name is cut so its size stays in view.
fn form_heading(ctx: ViewCtx, form: &ScoreForm, width: usize) -> Vec<Line<'static>> {
    let p = &form.proposal;
    let size = format!(" · {} {}", p.association_size, t(ctx, ClarTui::Members));
    let room = width.saturating_sub(1 + cells(&size));
    vec![
        Line::styled(
            format!(" {}: {}", t(ctx, ClarTui::Scoring), p.title),
            ctx.theme.title,
        ),
        Line::raw(format!(" {}{size}", fit(&p.association_name, room))),
        Line::raw(format!(
            " {}: {} · {} {}",
            t(ctx, ClarTui::ProgrammePart),
            p.totals.programme,
            t(ctx, ClarTui::Total),
            p.totals.total
        )),
    ]
}

/// Room for ` de 100` / ` out of 100` after a score's box.
fn scale_width(ctx: ViewCtx) -> u16 {
    u16::try_from(t(ctx, ClarTui::OutOf).chars().count() + 5).unwrap_or(10)
}

fn criterion_line(ctx: ViewCtx, form: &ScoreForm, i: usize, area: Rect, buf: &mut Buffer) {
    let row = &form.rows[i];
    let label = match ctx.lang {
        Lang::Es => &row.criterion.label_es,
        Lang::En => &row.criterion.label_en,
    };
    let [name, open, input, close, max] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(2),
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(scale_width(ctx)),
    ]));
    let focused = i == form.focus;
    let marker = if focused { "▶ " } else { "  " };
    Line::raw(format!("{marker}{label}")).render(name, buf);
    Line::raw("[ ").render(open, buf);
    InputView {
        input: &row.input,
        focused,
        theme: ctx.theme,
    }
    .render(input, buf);
    Line::raw("]").render(close, buf);
    let over = ScoreForm::points(row).is_some_and(|p| p > row.criterion.max_points);
    let style = if over {
        ctx.theme.error
    } else {
        ctx.theme.muted
    };
    let scale = format!(" {} {}", t(ctx, ClarTui::OutOf), row.criterion.max_points);
    Line::styled(scale, style).render(max, buf);
}
