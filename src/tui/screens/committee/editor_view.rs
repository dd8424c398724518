//! Drawing the meeting editor: a line about the meeting, the tabs, and the tab's content; or
//! the notes editor, or the minutes preview, in the content's place. Drawing only reads.

use super::editor::MeetingEditor;
use super::export::ExportView;
use super::keys::Tab;
use super::notes::NotesPanel;
use super::Load;
use crate::domain::committee::AgendaKind;
use crate::i18n::Lang;
use crate::i18n::{CommitteeTui as T, Localize};
use crate::services::committee::agreements::AgreementView;
use crate::services::committee::detail::ItemDetail;
use crate::services::committee::detail::MeetingDetail;
use crate::services::committee::summary::{
    agreement_state, flag_line, item_facts, quorum_line, when,
};
use crate::store::ids;
use crate::tui::view::ViewCtx;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap,
};

/// The parts of the editor: the meeting's line, the tabs, the content.
pub fn parts(area: Rect) -> [Rect; 3] {
    area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]))
}

/// Where the terminal cursor goes while notes are edited in `area` (the editor's area).
pub fn notes_cursor(editor: &MeetingEditor, area: Rect) -> Option<Position> {
    let notes = editor.notes.as_ref()?;
    Some(notes.cursor_position(NotesPanel::text_area(parts(area)[2])))
}

pub struct EditorView<'a> {
    pub editor: &'a MeetingEditor,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &EditorView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Load::Ready(detail) = &self.editor.load else {
            super::render_load(&self.editor.load, self.ctx, area, buf);
            return;
        };
        let [heading, tabs, content] = parts(area);
        self.heading(detail, heading, buf);
        self.tabs(tabs, buf);
        if let Some(export) = self.editor.export {
            ExportView {
                detail,
                export,
                ctx: self.ctx,
            }
            .render(content, buf);
        } else if let Some(editor) = &self.editor.notes {
            NotesPanel {
                editor,
                ctx: self.ctx,
            }
            .render(content, buf);
        } else {
            match self.editor.tab {
                Tab::Agenda => self.agenda(detail, content, buf),
                Tab::Attendance => self.attendance(detail, content, buf),
                Tab::Minutes => self.minutes(detail, content, buf),
                Tab::Agreements => self.agreements(detail, content, buf),
            }
        }
    }
}

impl EditorView<'_> {
    fn heading(&self, d: &MeetingDetail, area: Rect, buf: &mut Buffer) {
        let lang = self.ctx.lang;
        let text = format!(
            " {} {} · {} · {} · {}",
            crate::i18n::Committee::Meeting.text(lang),
            ids::display(d.meeting.id),
            when(d),
            d.status.text(lang),
            d.meeting.place
        );
        Line::styled(text, self.ctx.theme.title).render(area, buf);
    }

    fn tabs(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        let mut spans = vec![Span::raw(" ")];
        for tab in Tab::ALL {
            let style = if tab == self.editor.tab {
                theme.tab_active
            } else {
                Style::new()
            };
            spans.push(Span::raw("│"));
            spans.push(Span::styled(
                format!(" {} ", tab.title().text(self.ctx.lang)),
                style,
            ));
        }
        spans.push(Span::raw("│"));
        Line::from(spans).render(area, buf);
    }

    fn block(&self, title: String) -> Block<'static> {
        Block::bordered().title(Line::styled(format!(" {title} "), self.ctx.theme.title))
    }

    fn table(&self, spec: TableSpec, area: Rect, buf: &mut Buffer) {
        let mut table = Table::new(spec.rows, spec.widths)
            .block(spec.block)
            .row_highlight_style(self.ctx.theme.selected);
        if !spec.header.is_empty() {
            table = table.header(Row::new(spec.header).style(self.ctx.theme.title));
        }
        let mut state = TableState::new().with_selected(spec.selected);
        StatefulWidget::render(table, area, buf, &mut state);
    }

    fn agenda(&self, d: &MeetingDetail, area: Rect, buf: &mut Buffer) {
        let lang = self.ctx.lang;
        if d.items.is_empty() {
            let empty = Line::styled(T::EmptyAgenda.text(lang), self.ctx.theme.muted);
            Paragraph::new(empty)
                .block(self.block(T::TabAgenda.text(lang).into_owned()))
                .render(area, buf);
            return;
        }
        let [list, facts] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(3),
        ]));
        let rows = d.items.iter().map(|item| agenda_row(item, lang));
        let header = vec![
            "#".into(),
            T::ColTime.text(lang).into_owned(),
            T::ColItem.text(lang).into_owned(),
            T::ColPresenter.text(lang).into_owned(),
        ];
        let widths = vec![
            Constraint::Length(2),
            Constraint::Length(5),
            Constraint::Fill(3),
            Constraint::Fill(1),
        ];
        let block = self.block(T::TabAgenda.text(lang).into_owned());
        let selected = Some(self.editor.selected);
        self.table(
            TableSpec {
                rows: rows.collect(),
                widths,
                header,
                block,
                selected,
            },
            list,
            buf,
        );
        if let Some(item) = d.items.get(self.editor.selected) {
            Paragraph::new(item_details(item, lang))
                .wrap(Wrap { trim: false })
                .render(facts, buf);
        }
    }

    fn attendance(&self, d: &MeetingDetail, area: Rect, buf: &mut Buffer) {
        let lang = self.ctx.lang;
        let rows = d.attendance.iter().map(|line| {
            let status = match line.status {
                Some(s) => s.text(lang).into_owned(),
                None => T::NotRecorded.text(lang).into_owned(),
            };
            Row::new([
                Cell::from(line.name.clone()),
                Cell::from(status),
                Cell::from(line.who.clone().unwrap_or_default()),
            ])
        });
        let header = vec![
            T::ColAgency.text(lang).into_owned(),
            T::ColStatus.text(lang).into_owned(),
            T::ColWho.text(lang).into_owned(),
        ];
        let widths = vec![
            Constraint::Fill(3),
            Constraint::Length(13),
            Constraint::Fill(2),
        ];
        let block = self.block(quorum_line(d, lang));
        let selected = Some(self.editor.selected);
        self.table(
            TableSpec {
                rows: rows.collect(),
                widths,
                header,
                block,
                selected,
            },
            area,
            buf,
        );
    }

    fn minutes(&self, d: &MeetingDetail, area: Rect, buf: &mut Buffer) {
        let lang = self.ctx.lang;
        let [list, text] = area.layout(&Layout::horizontal([
            Constraint::Percentage(40),
            Constraint::Fill(1),
        ]));
        let mut labels = vec![T::GeneralNotes.text(lang).into_owned()];
        labels.extend(
            d.items
                .iter()
                .map(|i| format!("{}. {}", i.row.position, item_title_plain(i, lang))),
        );
        let rows = labels.into_iter().map(|l| Row::new([Cell::from(l)]));
        let block = self.block(T::TabMinutes.text(lang).into_owned());
        let spec = TableSpec {
            rows: rows.collect(),
            widths: vec![Constraint::Fill(1)],
            header: Vec::new(),
            block,
            selected: Some(self.editor.selected),
        };
        self.table(spec, list, buf);
        let notes = match self.editor.selected {
            0 => &d.meeting.general_notes,
            n => d
                .items
                .get(n - 1)
                .map(|i| &i.row.notes)
                .unwrap_or(&d.meeting.general_notes),
        };
        let lines: Vec<Line> = if notes.is_empty() {
            vec![Line::styled(T::NoNotes.text(lang), self.ctx.theme.muted)]
        } else {
            // Minutes keep tabs and whatever else was written; ratatui would drop them
            // silently and run the words together.
            notes
                .lines()
                .map(|l| Line::raw(crate::tui::text::clean(l).into_owned()))
                .collect()
        };
        Paragraph::new(lines)
            .block(Block::bordered())
            .wrap(Wrap { trim: false })
            .render(text, buf);
    }

    fn agreements(&self, d: &MeetingDetail, area: Rect, buf: &mut Buffer) {
        let lang = self.ctx.lang;
        let block = self.block(T::TabAgreements.text(lang).into_owned());
        if d.agreements.is_empty() && d.carried.is_empty() {
            let empty = Line::styled(T::NoAgreementsYet.text(lang), self.ctx.theme.muted);
            Paragraph::new(empty).block(block).render(area, buf);
            return;
        }
        let [list_area, facts] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(2),
        ]));
        let mut rows = Vec::new();
        let mut selected = None;
        let mut index = 0;
        for (heading, list) in [(T::MadeHere, &d.agreements), (T::CarriedHere, &d.carried)] {
            if list.is_empty() {
                continue;
            }
            rows.push(
                Row::new([Cell::from(heading.text(lang).into_owned())]).style(self.ctx.theme.title),
            );
            for view in list {
                if index == self.editor.selected {
                    selected = Some(rows.len());
                }
                rows.push(self.agreement_row(view));
                index += 1;
            }
        }
        let (header, widths) = agreement_columns(lang);
        self.table(
            TableSpec {
                rows,
                widths,
                header,
                block,
                selected,
            },
            list_area,
            buf,
        );
        if let Some(view) = self.editor.selected_agreement() {
            let text = format!(
                " {} {} · {} {} · {}",
                crate::i18n::Committee::Agreement.text(lang),
                ids::display(view.row.id),
                crate::i18n::Committee::AgreedOn.text(lang),
                view.made_on,
                agreement_state(view, lang)
            );
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .render(facts, buf);
        }
    }

    fn agreement_row(&self, view: &AgreementView) -> Row<'static> {
        let lang = self.ctx.lang;
        let state = if view.is_overdue() {
            crate::i18n::Committee::OverdueBy(view.days_overdue)
                .text(lang)
                .into_owned()
        } else {
            match view.closed_on {
                Some(day) => format!("{} {day}", view.status.text(lang)),
                None => view.status.text(lang).into_owned(),
            }
        };
        let style = if view.is_overdue() {
            self.ctx.theme.error
        } else {
            Style::new()
        };
        Row::new([
            Cell::from(view.row.description.clone()),
            Cell::from(view.row.agency_code.clone()),
            Cell::from(view.due_on.to_string()),
            Cell::from(Span::styled(state, style)),
        ])
    }
}

/// An agenda item's row: number, time, title (marked `⚑n` when it puts flags on the
/// table) and presenter.
fn agenda_row(item: &ItemDetail, lang: Lang) -> Row<'static> {
    let mark = if item.flags.is_empty() {
        String::new()
    } else {
        format!("⚑{} ", item.flags.len())
    };
    Row::new([
        Cell::from(item.row.position.to_string()),
        Cell::from(item.row.starts_at.clone().unwrap_or_default()),
        Cell::from(format!("{mark}{}", item_title_plain(item, lang))),
        Cell::from(item.row.presenter_name.clone().unwrap_or_default()),
    ])
}

/// What the table cannot show of the chosen item: a follow-up's due date and state, a CLAR
/// link, and each flag (the presenter is in the table already).
fn item_details(item: &ItemDetail, lang: Lang) -> Vec<Line<'static>> {
    let presenter = crate::i18n::Committee::PresentedBy.text(lang);
    let mut lines: Vec<Line> = item_facts(item, lang)
        .into_iter()
        .filter(|(label, _)| *label != presenter)
        .map(|(label, value)| Line::raw(format!(" {label}: {value}")))
        .collect();
    lines.extend(
        item.flags
            .iter()
            .map(|f| Line::raw(format!(" ⚑ {}", flag_line(f, lang)))),
    );
    lines
}

/// The agreements table's headings and widths: the description takes what is left.
fn agreement_columns(lang: Lang) -> (Vec<String>, Vec<Constraint>) {
    let header = [T::ColAgreement, T::ColResponsible, T::ColDue, T::ColStatus]
        .map(|h| h.text(lang).into_owned())
        .to_vec();
    let widths = vec![
        Constraint::Fill(3),
        Constraint::Length(10),
        Constraint::Length(10),
        Constraint::Length(26),
    ];
    (header, widths)
}

/// A table to draw: its rows, column widths, headings, frame and selected row.
struct TableSpec {
    rows: Vec<Row<'static>>,
    widths: Vec<Constraint>,
    header: Vec<String>,
    block: Block<'static>,
    selected: Option<usize>,
}

/// An item's title on one line, without its time (the table has a column for it); a
/// follow-up is marked `↻` before its agreement's words.
fn item_title_plain(item: &ItemDetail, _lang: Lang) -> String {
    match (&item.kind, &item.follows) {
        (AgendaKind::FollowUp, Some(view)) => format!("↻ {}", view.row.description),
        _ => item.row.title.clone(),
    }
}
