//! Drawing the alert list: two lines per alert — its severity (marked so it reads without
//! colour), kind, status and district, then its one-line explanation — and the page in the
//! frame's title.

use super::list::FlagList;
use super::view::{fit, pad, severity, titled, waiting};
use crate::i18n::{overlaps as words, Localize, OverlapsTui as T, OverlapsTuiMessage};
use crate::store::flags::FlagRow;
use crate::tui::view::ViewCtx;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub(super) fn draw(ctx: ViewCtx, list: &FlagList, can_act: bool, area: Rect, buf: &mut Buffer) {
    let page = OverlapsTuiMessage::Page {
        page: list.page_number(),
        more: list.has_next(),
    };
    let title = format!("{} · {}", T::ListTitle.text(ctx.lang), page.text(ctx.lang));
    let block = titled(ctx, &title);
    if waiting(ctx, &list.load, area, buf) {
        return;
    }
    let inner = block.inner(area);
    block.render(area, buf);
    if list.rows().is_empty() {
        let empty = if can_act { T::NoFlagsScan } else { T::NoFlags };
        Paragraph::new(Line::styled(empty.text(ctx.lang), ctx.theme.muted))
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    }
    let width = usize::from(inner.width);
    let mut y = inner.y;
    for (i, flag) in list.rows().iter().enumerate() {
        if y + 1 >= inner.bottom() {
            break;
        }
        let selected = i == list.selected;
        let [first, second] = flag_lines(ctx, flag, width);
        for (line, row) in [(first, y), (second, y + 1)] {
            let rect = Rect::new(inner.x, row, inner.width, 1);
            let line = if selected {
                line.patch_style(ctx.theme.selected)
            } else {
                line
            };
            if selected {
                buf.set_style(rect, ctx.theme.selected);
            }
            line.render(rect, buf);
        }
        y += 2;
    }
}

/// An alert's two lines at `width` columns.
fn flag_lines(ctx: ViewCtx, flag: &FlagRow, width: usize) -> [Line<'static>; 2] {
    let lang = ctx.lang;
    let status_width = 12;
    let district_width = (width / 5).max(10);
    let kind_width = width.saturating_sub(11 + status_width + district_width + 2);
    let district = flag
        .district_name
        .clone()
        .or_else(|| flag.community.clone())
        .unwrap_or_default();
    let mut sev = severity(&flag.severity, ctx);
    sev.content = pad(&sev.content, 11).into();
    let first = Line::from(vec![
        sev,
        Span::raw(pad(words::kind(&flag.kind, lang), kind_width)),
        Span::raw(" "),
        Span::raw(pad(words::status(&flag.status, lang), status_width)),
        Span::raw(" "),
        Span::raw(fit(&district, district_width)),
    ]);
    let explanation = words::explain(flag, lang);
    let second = Line::from(Span::styled(
        format!("   {}", fit(&explanation, width.saturating_sub(3))),
        Style::new(),
    ));
    [first, second]
}
