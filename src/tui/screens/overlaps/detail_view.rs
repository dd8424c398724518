//! Drawing an alert: its severity and status, the plain explanation with the evidence, for a
//! probable match the two roster records side by side (each differing field marked `≠` and its
//! values highlighted — reverse and bold without colour), the facts, and the history with who
//! did what and when. The text scrolls with ↑ ↓.

use super::view::{diff_style, fit, pad, severity, titled, waiting};
use super::Detail;
use crate::domain::names::fold_key;
use crate::i18n::{flag_event_note, overlaps as words, record_field_label};
use crate::i18n::{Lang, Localize, OverlapsTui as T};
use crate::services::overlaps::report::{FlagDetail, RecordSide};
use crate::store::flags::EventRow;
use crate::store::ids;
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::tui::view::ViewCtx;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

/// Width of the field names' column of the comparison.
const LABEL: usize = 19;

pub(super) fn draw(ctx: ViewCtx, detail: &Detail, area: Rect, buf: &mut Buffer) {
    let Some(d) = detail.load.ready() else {
        let block = titled(ctx, &ids::display(detail.id));
        let inner = block.inner(area);
        block.render(area, buf);
        waiting(ctx, &detail.load, inner, buf);
        return;
    };
    let title = format!(
        "{} · {}",
        words::kind(&d.flag.kind, ctx.lang),
        ids::display(d.flag.id)
    );
    let block = titled(ctx, &title);
    let inner = block.inner(area);
    block.render(area, buf);
    let lines = content(ctx, d, usize::from(inner.width));
    let most = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(inner.height);
    Paragraph::new(lines)
        .scroll((detail.scroll.min(most), 0))
        .render(inner, buf);
}

/// How far the text can scroll in a frame of `area` (for `update`, which has no theme).
pub(super) fn max_scroll(d: &FlagDetail, lang: Lang, area: Rect) -> u16 {
    let inner = Block::bordered().inner(area);
    let ctx = ViewCtx {
        lang,
        theme: &Theme::plain(),
    };
    let lines = content(ctx, d, usize::from(inner.width)).len();
    u16::try_from(lines)
        .unwrap_or(u16::MAX)
        .saturating_sub(inner.height)
}

fn content(ctx: ViewCtx, d: &FlagDetail, width: usize) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let flag = &d.flag;
    let mut head = vec![
        severity(&flag.severity, ctx),
        Span::raw(format!(" · {}", words::status(&flag.status, lang))),
    ];
    if let Some(agency) = &flag.assigned_agency {
        head.push(Span::raw(format!(
            " · {} {agency}",
            T::AssignedEvent.text(lang)
        )));
    }
    let mut lines = vec![Line::from(head), Line::raw("")];
    lines.extend(
        wrap(&words::explain(flag, lang), width)
            .into_iter()
            .map(Line::raw),
    );
    lines.push(Line::raw(""));
    if let Some((a, b)) = &d.sides {
        lines.extend(comparison(ctx, a, b, width));
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        T::Evidence.text(lang).into_owned(),
        ctx.theme.title,
    ));
    lines.extend(facts(d, lang));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        T::History.text(lang).into_owned(),
        ctx.theme.title,
    ));
    if d.events.is_empty() {
        lines.push(Line::styled(
            T::NoEvents.text(lang).into_owned(),
            ctx.theme.muted,
        ));
    }
    for event in &d.events {
        let text = event_text(event, lang);
        lines.extend(wrap(&text, width).into_iter().map(Line::raw));
    }
    lines
}

/// The two records side by side: a heading with each programme and code, then a row per
/// field; a field whose values differ (ignoring case and accents) is marked.
fn comparison(ctx: ViewCtx, a: &RecordSide, b: &RecordSide, width: usize) -> Vec<Line<'static>> {
    let side = width.saturating_sub(LABEL + 1) / 2;
    let heading = |r: &RecordSide| pad(&format!("{} · {}", r.programme, r.source_code), side);
    let mut lines = vec![Line::styled(
        format!("{}{} {}", " ".repeat(LABEL), heading(a), heading(b)),
        ctx.theme.title,
    )];
    for (name, left) in &a.fields {
        let right = b
            .fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("");
        let differs = fold_key(left) != fold_key(right);
        let label = record_field_label(name, ctx.lang);
        let mark = if differs { "≠ " } else { "  " };
        let value = |text: &str| {
            let shown = fit(text, side.saturating_sub(1));
            let gap = " ".repeat(side.saturating_sub(text::width(&shown)));
            if differs {
                vec![Span::styled(shown, diff_style(ctx.theme)), Span::raw(gap)]
            } else {
                vec![Span::raw(shown), Span::raw(gap)]
            }
        };
        let mut spans = vec![Span::raw(pad(&format!("{mark}{label}"), LABEL))];
        spans.extend(value(left));
        spans.push(Span::raw(" "));
        spans.extend(value(right));
        lines.push(Line::from(spans));
    }
    lines.push(Line::styled(
        T::DiffLegend.text(ctx.lang).into_owned(),
        ctx.theme.muted,
    ));
    lines
}

/// Where the alert is and what it concerns.
fn facts(d: &FlagDetail, lang: Lang) -> Vec<Line<'static>> {
    let flag = &d.flag;
    let programmes: Vec<&str> = [&flag.programme_a, &flag.programme_b]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let rows = [
        (T::FieldDistrict, flag.district_name.clone()),
        (T::FieldCommunity, flag.community.clone()),
        (
            T::FieldProgrammes,
            Some(programmes.join(", ")).filter(|p| !p.is_empty()),
        ),
        (T::FieldHousehold, flag.household.map(ids::display)),
        (T::FieldAssigned, flag.assigned_agency.clone()),
        (T::FieldUpdated, Some(when(&flag.updated_at))),
    ];
    rows.into_iter()
        .filter_map(|(label, value)| value.map(|v| Line::raw(format!("{}: {v}", label.text(lang)))))
        .collect()
}

/// `2026-10-02 14:03` from a stored timestamp.
fn when(at: &str) -> String {
    at.chars()
        .take(16)
        .map(|c| if c == 'T' { ' ' } else { c })
        .collect()
}

/// One entry of the history: when, who, the change of status or assignment, the note.
fn event_text(e: &EventRow, lang: Lang) -> String {
    let who = e
        .username
        .clone()
        .unwrap_or_else(|| T::ByScan.text(lang).into_owned());
    let mut text = format!("{}  {who}:", when(&e.at));
    if let (Some(from), Some(to)) = (&e.from, &e.to) {
        let (from, to) = (words::status(from, lang), words::status(to, lang));
        text.push_str(&format!(" {from} → {to}"));
    }
    if let Some(agency) = &e.agency {
        text.push_str(&format!(" {} {agency}", T::AssignedEvent.text(lang)));
    }
    if let Some(note) = &e.note {
        text.push_str(&format!(" «{}»", flag_event_note(note, lang)));
    }
    text
}

/// Words wrapped to `width` columns (a word longer than a line is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed = text::width(&line) + usize::from(!line.is_empty()) + text::width(word);
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&fit(word, width));
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
