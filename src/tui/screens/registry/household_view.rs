//! Drawing a household: a header (community and altitude, SISFOH class and whether it is still
//! valid, the MIDIS ladder as one line) and, under it, the sections that scroll: members,
//! enrolments across programmes, and the roster history. Money is written as `S/ 1,200.50`,
//! dates as `DD/MM/YYYY`. Reads the state only.

use super::household::{lines, HouseholdLine, HouseholdState, Loaded, Section};
use crate::domain::dates::dmy;
use crate::domain::money::Money;
use crate::domain::sisfoh::{SisfohClass, Validity};
use crate::i18n::{Lang, Localize, Reg, RegMessage, Tui};
use crate::services::registry::choices::Choices;
use crate::services::registry::household::{HouseholdView, Member, StepState};
use crate::store::household_view::{ChangeRow, EnrolmentRow};
use crate::tui::text::{pad, width as cells};
use crate::tui::view::ViewCtx;
use crate::tui::widgets::{centred, count};
use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

/// Lines of the fixed header: place, SISFOH, ladder.
const HEADER_LINES: u16 = 3;

fn split(body: Rect) -> (Rect, Rect) {
    let inner = Block::bordered().inner(body);
    let [header, rows] = inner.layout(&Layout::vertical([
        Constraint::Length(HEADER_LINES),
        Constraint::Fill(1),
    ]));
    (header, rows)
}

/// Lines of the scrolling part visible at once.
pub fn page_rows(body: Rect) -> usize {
    usize::from(split(body).1.height).max(1)
}

pub struct HouseholdDraw<'a> {
    pub state: &'a HouseholdState,
    pub choices: Option<&'a Choices>,
    pub ctx: ViewCtx<'a>,
}

impl Widget for &HouseholdDraw<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (lang, theme) = (self.ctx.lang, self.ctx.theme);
        let view = match self.state.load() {
            Loaded::Ready(view) => view,
            Loaded::Loading => {
                let text = Line::styled(Tui::Loading.text(lang), theme.muted);
                text.centered().render(centred(area, area.width, 1), buf);
                return;
            }
            Loaded::Failed(message) => {
                let lines = vec![
                    Line::styled(message.text(lang), theme.error),
                    Line::raw(""),
                    Line::styled(Tui::Reg(Reg::HouseholdBackHint).text(lang), theme.muted),
                ];
                Paragraph::new(lines)
                    .centered()
                    .wrap(Wrap { trim: true })
                    .render(centred(area, area.width.saturating_sub(4), 6), buf);
                return;
            }
        };
        let title = RegMessage::HouseholdTitle {
            id: crate::store::ids::display(view.household.id),
            district: view.household.district.clone(),
        };
        let mut block =
            Block::bordered().title(Line::styled(format!(" {} ", title.text(lang)), theme.title));
        // An ended enrolment's reason has no room on its line: the frame says it when marked.
        let ended = self.state.selected_enrolment().and_then(|e| {
            let reason = e.end_reason.clone()?;
            Some(RegMessage::EndedBecause {
                date: iso_dmy(e.end_date.as_deref()?),
                reason,
            })
        });
        if let Some(ended) = ended {
            block = block.title_bottom(Line::raw(format!(" {} ", ended.text(lang))));
        }
        block.render(area, buf);
        let (header, rows) = split(area);
        Paragraph::new(self.header_lines(view)).render(header, buf);
        self.render_rows(view, rows, buf);
    }
}

impl HouseholdDraw<'_> {
    fn header_lines(&self, view: &HouseholdView) -> Vec<Line<'static>> {
        let (lang, theme) = (self.ctx.lang, self.ctx.theme);
        let h = &view.household;
        let mut place = vec![
            Span::raw(format!(" {}: ", Tui::Reg(Reg::FieldCommunity).text(lang))),
            Span::styled(
                h.community.clone().unwrap_or_else(|| "—".into()),
                theme.figure,
            ),
        ];
        if let Some(metres) = h.altitude_m.or(h.community_altitude_m) {
            let altitude = RegMessage::Altitude {
                metres: count(metres),
            };
            place.push(Span::raw(format!(" · {}", altitude.text(lang))));
        }
        if let Some(herd) = h.herd_size {
            let herd = RegMessage::Herd { heads: count(herd) };
            place.push(Span::raw(format!(" · {}", herd.text(lang))));
        }
        vec![
            Line::from(place),
            self.sisfoh_line(view),
            ladder_line(view, lang, self.ctx),
        ]
    }

    fn sisfoh_line(&self, view: &HouseholdView) -> Line<'static> {
        let (lang, theme) = (self.ctx.lang, self.ctx.theme);
        let label = Span::raw(" SISFOH: ");
        let class = view
            .household
            .sisfoh
            .as_deref()
            .and_then(|c| SisfohClass::parse(c).ok());
        let Some(class) = class else {
            return Line::from(vec![
                label,
                Span::styled(Tui::Reg(Reg::SisfohNone).text(lang), theme.muted),
            ]);
        };
        let class = class.text(lang).into_owned();
        let (text, style) = match view.sisfoh_validity {
            Some(Validity::Valid { expires }) => (
                RegMessage::SisfohValid {
                    class,
                    expires: dmy(expires),
                },
                theme.success,
            ),
            Some(Validity::ExpiringSoon { expires, days_left }) => (
                RegMessage::SisfohExpiring {
                    class,
                    days: days_left,
                    expires: dmy(expires),
                },
                theme.figure,
            ),
            Some(Validity::Expired { expired_on }) => (
                RegMessage::SisfohExpired {
                    class,
                    since: dmy(expired_on),
                },
                theme.error,
            ),
            None => (RegMessage::SisfohUndated { class }, theme.muted),
        };
        Line::from(vec![
            label,
            Span::styled(text.text(lang).into_owned(), style),
        ])
    }

    fn render_rows(&self, view: &HouseholdView, area: Rect, buf: &mut Buffer) {
        let all = lines(view);
        let (offset, selected) = (self.state.offset(), self.state.selected());
        // The offset kept by `update` is re-checked here: a resize can change the page.
        let page = usize::from(area.height).max(1);
        let offset = if selected >= offset + page {
            selected + 1 - page
        } else {
            offset
        };
        for (row, (index, line)) in all.iter().enumerate().skip(offset).take(page).enumerate() {
            let y = area.y + u16::try_from(row).unwrap_or(0);
            let rect = Rect::new(area.x, y, area.width, 1);
            let text = self.line(view, *line, usize::from(area.width));
            let style = if index == selected {
                self.ctx.theme.selected
            } else {
                Style::new()
            };
            buf.set_style(rect, style);
            text.style(style).render(rect, buf);
        }
    }

    fn line(&self, view: &HouseholdView, line: HouseholdLine, width: usize) -> Line<'static> {
        let (lang, theme) = (self.ctx.lang, self.ctx.theme);
        match line {
            HouseholdLine::Title(section) => {
                let (title, count) = match section {
                    Section::Members => (Reg::SectionMembers, view.members.len()),
                    Section::Enrolments => (Reg::SectionEnrolments, view.enrolments.len()),
                    Section::History => (Reg::SectionHistory, view.history.len()),
                };
                let text = format!(" {} ({count})", Tui::Reg(title).text(lang));
                Line::styled(text, theme.title)
            }
            HouseholdLine::Empty(_) => Line::styled(
                format!("   {}", Tui::Reg(Reg::SectionEmpty).text(lang)),
                theme.muted,
            ),
            HouseholdLine::Member(i) => view
                .members
                .get(i)
                .map_or_else(Line::default, |m| member_line(m, lang)),
            HouseholdLine::Enrolment(i) => view.enrolments.get(i).map_or_else(Line::default, |e| {
                enrolment_line(e, self.choices, lang, width)
            }),
            HouseholdLine::History(i) => view
                .history
                .get(i)
                .map_or_else(Line::default, |c| history_line(c, lang)),
        }
    }
}

/// `Juntos [sí] → Haku Wiñay [antes] → Aliados II [no] → Crédito [no]`: words say it, colours
/// only help, so it reads the same with NO_COLOR.
fn ladder_line(view: &HouseholdView, lang: Lang, ctx: ViewCtx) -> Line<'static> {
    let steps = [
        Reg::StepJuntos,
        Reg::StepHakuWinay,
        Reg::StepAliados,
        Reg::StepCredit,
    ];
    let mut spans = vec![Span::raw(format!(
        " {}: ",
        Tui::Reg(Reg::LadderLabel).text(lang)
    ))];
    for (i, (step, state)) in steps.iter().zip(view.ladder).enumerate() {
        if i > 0 {
            spans.push(Span::raw(" → "));
        }
        let (mark, style) = match state {
            StepState::Active => (Reg::StepNow, ctx.theme.success),
            StepState::Past => (Reg::StepBefore, ctx.theme.figure),
            StepState::Never => (Reg::StepNever, ctx.theme.muted),
        };
        let text = format!(
            "{} [{}]",
            Tui::Reg(*step).text(lang),
            Tui::Reg(mark).text(lang)
        );
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}

fn member_line(m: &Member, lang: Lang) -> Line<'static> {
    let age = match m.age {
        Some(years) => RegMessage::Age { years }.text(lang).into_owned(),
        None => "—".into(),
    };
    let sex = match m
        .sex
        .as_deref()
        .and_then(|s| crate::domain::sex::Sex::parse(s).ok())
    {
        Some(sex) => sex.text(lang).into_owned(),
        None => "—".into(),
    };
    let dni = if m.dni.is_empty() { "—" } else { &m.dni };
    let mut text = format!("   {dni:<8}  {}  {age:>8}  {sex}", pad(&m.name, 34));
    if m.pregnant {
        text.push_str(&format!(" · {}", Tui::Reg(Reg::Pregnant).text(lang)));
    }
    Line::raw(text)
}

fn iso_dmy(iso: &str) -> String {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d").map_or_else(|_| iso.to_string(), dmy)
}

/// Programme, dates, activity, amount, then the person in whatever room is left of `width`.
fn enrolment_line(
    e: &EnrolmentRow,
    choices: Option<&Choices>,
    lang: Lang,
    width: usize,
) -> Line<'static> {
    let until = match &e.end_date {
        Some(end) => iso_dmy(end),
        None => Tui::Reg(Reg::EnrolmentActive).text(lang).into_owned(),
    };
    let activity = e.activity.as_deref().map_or("—".to_string(), |code| {
        choices
            .and_then(|c| c.activities.iter().find(|a| a.code == code))
            .map_or(code.to_string(), |a| match lang {
                Lang::Es => a.name_es.clone(),
                Lang::En => a.name_en.clone(),
            })
    });
    let amount = e
        .amount_cents
        .map_or("—".to_string(), |c| Money::from_cents(c).to_string());
    let text = format!(
        "   {} {} – {}  {} {:>12}  ",
        pad(&e.programme_name, 10),
        iso_dmy(&e.start_date),
        pad(&until, 10),
        pad(&activity, 14),
        amount,
    );
    let room = width.saturating_sub(cells(&text)).max(1);
    let person = pad(e.person_name.as_deref().unwrap_or(""), room);
    Line::raw(format!("{text}{}", person.trim_end()))
}

fn history_line(c: &ChangeRow, lang: Lang) -> Line<'static> {
    let day = iso_dmy(c.at.get(..10).unwrap_or(&c.at));
    let kind = match c.kind.as_str() {
        "new" => Reg::ChangeNew,
        "updated" => Reg::ChangeUpdated,
        "ended" => Reg::ChangeEnded,
        _ => Reg::ChangeReactivated,
    };
    let fields: Vec<String> = serde_json::from_str(&c.changed_fields).unwrap_or_default();
    let mut text = format!(
        "   {day}  {} {}  {}",
        c.programme,
        c.source_code,
        Tui::Reg(kind).text(lang)
    );
    if !fields.is_empty() {
        text.push_str(&format!(": {}", fields.join(", ")));
    }
    Line::raw(text)
}
