//! Drawing the import dialog: its options (a form), the wait while the file is checked, the
//! check's report (the file's columns with their first values, and every error and warning,
//! one part at a time), the progress of the import, and its summary. Reads the state only.

use super::effects::{CheckedRoster, RosterStage};
use super::import::{ImportDialog, ImportPhase, PreviewSection};
use crate::i18n::{Lang, Localize, Reg, RegMessage, Tui};
use crate::services::progress::Progress;
use crate::services::roster::{CheckedFile, ImportReport};
use crate::tui::text::pad;
use crate::tui::view::ViewCtx;
use crate::tui::widgets::centred;
use crate::tui::widgets::progress::ProgressBar;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

pub struct ImportDraw<'a> {
    pub dialog: &'a ImportDialog,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &ImportDraw<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        match self.dialog.phase() {
            ImportPhase::Editing { .. } => {
                Clear.render(area, buf);
                self.dialog.form(self.ctx).render(area, buf)
            }
            ImportPhase::Checking { progress, .. } => self.render_checking(*progress, area, buf),
            ImportPhase::Preview {
                checked,
                section,
                scroll,
            } => self.render_preview(checked, *section, *scroll, area, buf),
            ImportPhase::Importing { progress, .. } => {
                let text = Tui::Reg(Reg::ImportRunning).text(self.ctx.lang);
                let lines = vec![Line::raw(text.into_owned())];
                let frame = self.small_box(Reg::ImportRunningTitle, lines, area, buf);
                let progress = progress.unwrap_or(Progress { done: 0, total: 0 });
                self.render_bar(frame, progress, buf);
            }
            ImportPhase::Done(result) => self.render_done(result.as_ref().map(|r| &**r), area, buf),
        }
    }
}

impl ImportDraw<'_> {
    fn file_name(&self) -> String {
        let path = self.dialog.path();
        std::path::Path::new(path.trim())
            .file_name()
            .map_or(path.clone(), |n| n.to_string_lossy().into_owned())
    }

    /// Reading the file: rows read so far. Then the dry run: a bar of records done.
    fn render_checking(
        &self,
        progress: Option<(RosterStage, Progress)>,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let lang = self.ctx.lang;
        let file = self.file_name();
        let second = match progress {
            Some((RosterStage::Forecasting | RosterStage::Writing, _)) => {
                Tui::Reg(Reg::Forecasting).text(lang).into_owned()
            }
            Some((RosterStage::Reading, p)) => RegMessage::RowsRead { rows: p.done }
                .text(lang)
                .into_owned(),
            None => String::new(),
        };
        let lines = vec![
            Line::raw(RegMessage::Checking { file }.text(lang).into_owned()),
            Line::raw(second),
        ];
        let frame = self.small_box(Reg::ImportTitle, lines, area, buf);
        if let Some((RosterStage::Forecasting, p)) = progress {
            self.render_bar(frame, p, buf);
        }
    }

    /// A progress bar on the last line inside `frame`.
    fn render_bar(&self, frame: Rect, progress: Progress, buf: &mut Buffer) {
        let inner = Block::bordered().inner(frame);
        let bar = Rect::new(
            inner.x + 1,
            inner.bottom().saturating_sub(1),
            inner.width.saturating_sub(2),
            1,
        );
        let bar_view = ProgressBar {
            done: progress.done,
            total: progress.total,
            theme: self.ctx.theme,
        };
        (&bar_view).render(bar, buf);
    }

    /// A centred box of `lines` with room for a progress bar under them; returns its frame.
    fn small_box(
        &self,
        title: Reg,
        lines: Vec<Line<'static>>,
        area: Rect,
        buf: &mut Buffer,
    ) -> Rect {
        let height = u16::try_from(lines.len() + 4).unwrap_or(u16::MAX);
        let frame = centred(area, 70, height);
        Clear.render(frame, buf);
        let block = self.block(Tui::Reg(title).text(self.ctx.lang).into_owned(), frame);
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(block)
            .render(frame, buf);
        frame
    }

    fn block(&self, title: String, _frame: Rect) -> Block<'static> {
        Block::bordered()
            .border_style(self.ctx.theme.overlay_border)
            .title(Line::styled(format!(" {title} "), self.ctx.theme.title))
    }

    fn render_preview(
        &self,
        checked: &CheckedRoster,
        section: PreviewSection,
        scroll: [usize; 2],
        area: Rect,
        buf: &mut Buffer,
    ) {
        let (lang, theme) = (self.ctx.lang, self.ctx.theme);
        let file = &checked.file;
        Clear.render(area, buf);
        let title = RegMessage::PreviewTitle {
            file: self.file_name(),
        }
        .text(lang)
        .into_owned();
        let block = self.block(title, area);
        let inner = block.inner(area);
        block.render(area, buf);
        let [summary, forecast, tabs, body, _gap, footer] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(2),
        ]));
        self.render_summary(checked, [summary, forecast], buf);
        self.render_tabs(file, section, tabs, buf);
        let body = body.inner(Margin::new(1, 0));
        match section {
            PreviewSection::Columns => {
                // The heading takes a line; the last page is kept full.
                let rows = usize::from(body.height.saturating_sub(1));
                let first = scroll[0].min(file.mapping.len().saturating_sub(rows));
                columns(file, first, lang, self.ctx).render(body, buf)
            }
            PreviewSection::Issues => {
                let first = last_page_start(file, scroll[1], body, lang);
                issues(file, first, lang, self.ctx).render(body, buf)
            }
        }
        let (text, style) = match self.dialog.blocker(checked) {
            Some(reason) => (Tui::Reg(reason).text(lang).into_owned(), theme.error),
            None => (
                RegMessage::ReadyToImport {
                    rows: file.records.len(),
                }
                .text(lang)
                .into_owned(),
                theme.success,
            ),
        };
        Paragraph::new(Line::styled(text, style))
            .wrap(Wrap { trim: true })
            .render(footer.inner(Margin::new(1, 0)), buf);
    }

    /// What the check found, and what the import's dry run says it would do.
    fn render_summary(&self, checked: &CheckedRoster, lines: [Rect; 2], buf: &mut Buffer) {
        let (lang, theme) = (self.ctx.lang, self.ctx.theme);
        let file = &checked.file;
        let summary = RegMessage::CheckSummary {
            rows: file.rows_total,
            valid: file.records.len(),
            rejected: file.rejected.len(),
            warnings: checked.warnings,
            programme: file.programme.clone(),
        };
        Line::styled(format!(" {}", summary.text(lang)), theme.figure).render(lines[0], buf);
        if let Some(counts) = checked.forecast {
            let text = RegMessage::Forecast {
                new: counts.new,
                updated: counts.updated,
                unchanged: counts.unchanged,
                ended: counts.ended,
            };
            // Records that would be ended are what a clerk must not miss.
            let style = if counts.ended > 0 {
                theme.error
            } else {
                theme.figure
            };
            Line::styled(format!(" {}", text.text(lang)), style).render(lines[1], buf);
        }
    }

    fn render_tabs(
        &self,
        checked: &CheckedFile,
        section: PreviewSection,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let (lang, theme) = (self.ctx.lang, self.ctx.theme);
        let tab = |label: String, on: bool| {
            let style = if on { theme.tab_active } else { theme.muted };
            Span::styled(format!(" {label} "), style)
        };
        let columns = Tui::Reg(Reg::PreviewColumns).text(lang).into_owned();
        let issues = RegMessage::PreviewIssues {
            count: checked.issues.len(),
        }
        .text(lang)
        .into_owned();
        Line::from(vec![
            Span::raw(" "),
            tab(columns, section == PreviewSection::Columns),
            Span::raw(" "),
            tab(issues, section == PreviewSection::Issues),
            Span::styled(
                format!("  {}", Tui::Reg(Reg::PreviewTabHint).text(lang)),
                theme.muted,
            ),
        ])
        .render(area, buf);
    }

    fn render_done(
        &self,
        result: Result<&ImportReport, &crate::tui::effect::Message>,
        area: Rect,
        buf: &mut Buffer,
    ) {
        let (lang, theme) = (self.ctx.lang, self.ctx.theme);
        let report = match result {
            Ok(report) => report,
            Err(message) => {
                let lines = vec![Line::styled(message.text(lang).into_owned(), theme.error)];
                self.small_box(Reg::ImportFailedTitle, lines, area, buf);
                return;
            }
        };
        let lines = self.summary_lines(report);
        self.small_box(Reg::ImportDoneTitle, lines, area, buf);
    }

    /// The import's summary: each count, the error file, the persons two programmes disagree
    /// about.
    fn summary_lines(&self, report: &ImportReport) -> Vec<Line<'static>> {
        let (lang, theme) = (self.ctx.lang, self.ctx.theme);
        let c = &report.counts;
        let figure = |label: Reg, n: i64| {
            Line::from(vec![
                Span::raw(format!(" {:<24}", Tui::Reg(label).text(lang))),
                Span::styled(crate::tui::widgets::count(n), theme.figure),
            ])
        };
        let done_for = RegMessage::DoneFor {
            programme: report.checked.programme.clone().unwrap_or_default(),
            file: self.file_name(),
        };
        let mut lines = vec![
            Line::raw(done_for.text(lang).into_owned()),
            Line::raw(""),
            figure(Reg::CountNew, c.new),
            figure(Reg::CountUpdated, c.updated),
            figure(Reg::CountUnchanged, c.unchanged),
            figure(Reg::CountEnded, c.ended),
            figure(Reg::CountRejected, c.rejected),
        ];
        if let Some(path) = &report.error_file {
            let path = path.display().to_string();
            lines.push(Line::raw(
                RegMessage::ErrorFile { path }.text(lang).into_owned(),
            ));
        }
        if !report.disagreements.is_empty() {
            let count = report.disagreements.len();
            let text = RegMessage::Disagreements { count }.text(lang).into_owned();
            lines.push(Line::styled(text, theme.figure));
        }
        if !report.imported {
            let text = Tui::Reg(Reg::NothingImported).text(lang);
            lines.push(Line::styled(text, theme.error));
        }
        lines
    }
}

/// The file's columns, one per line: its header, what Tinkuy reads it as, and its first values.
fn columns<'a>(
    checked: &'a CheckedFile,
    first: usize,
    lang: Lang,
    ctx: ViewCtx<'a>,
) -> Paragraph<'a> {
    const HEADER: usize = 20;
    const MAPPED: usize = 18;
    const VALUE: usize = 11;
    let row_label = |i: usize| {
        RegMessage::RowNumber { row: i as u64 + 2 }
            .text(lang)
            .into_owned()
    };
    let mut head = format!(
        "{:<HEADER$} {:<MAPPED$}",
        Tui::Reg(Reg::ColFileColumn).text(lang),
        Tui::Reg(Reg::ColReadAs).text(lang)
    );
    for i in 0..checked.preview.len() {
        head.push_str(&format!(" {:<VALUE$}", row_label(i)));
    }
    let mut lines = vec![Line::styled(head, ctx.theme.title)];
    for (index, (header, column)) in checked.mapping.iter().enumerate().skip(first) {
        let (mapped, style) = match column {
            Some(c) => (c.name().to_string(), Style::new()),
            None => (
                Tui::Reg(Reg::ColumnIgnored).text(lang).into_owned(),
                ctx.theme.muted,
            ),
        };
        let mut text = format!("{} {}", pad(header, HEADER), pad(&mapped, MAPPED));
        for row in &checked.preview {
            text.push_str(&format!(
                " {}",
                pad(row.get(index).map_or("", String::as_str), VALUE)
            ));
        }
        lines.push(Line::styled(text, style));
    }
    Paragraph::new(lines)
}

/// Every error and warning from `first` on, each wrapped whole.
fn issues<'a>(
    checked: &'a CheckedFile,
    first: usize,
    lang: Lang,
    ctx: ViewCtx<'a>,
) -> Paragraph<'a> {
    if checked.issues.is_empty() {
        return Paragraph::new(Line::styled(
            Tui::Reg(Reg::NoIssues).text(lang),
            ctx.theme.success,
        ));
    }
    let lines: Vec<Line> = checked
        .issues
        .iter()
        .skip(first)
        .take(40)
        .map(|issue| {
            let (kind, style) = if issue.problem.is_warning() {
                (Reg::IssueWarning, ctx.theme.figure)
            } else {
                (Reg::IssueError, ctx.theme.error)
            };
            Line::from(vec![
                Span::styled(format!("{}: ", Tui::Reg(kind).text(lang)), style),
                Span::raw(issue.text(lang).into_owned()),
            ])
        })
        .collect();
    Paragraph::new(Text::from(lines)).wrap(Wrap { trim: false })
}

/// Where the list of issues starts so that scrolling to the last one still fills the area:
/// at most `first`, and early enough that the issues from there on cover the area's height
/// (each one's lines estimated from its length; word wrapping may take a line more).
fn last_page_start(file: &CheckedFile, first: usize, area: Rect, lang: Lang) -> usize {
    let width = usize::from(area.width).max(1);
    let mut lines = 0;
    let mut start = file.issues.len();
    for (index, issue) in file.issues.iter().enumerate().rev() {
        // "Error: " or "Aviso: " and the issue's own text.
        lines += (issue.text(lang).chars().count() + 8).div_ceil(width);
        if lines > usize::from(area.height) {
            break;
        }
        start = index;
    }
    first.min(start)
}
