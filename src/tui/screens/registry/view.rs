//! Drawing the Padrón area: the list or the household under whatever is open over them (the
//! filters, a form, the import dialog), and where the terminal cursor goes. Reads the state;
//! never changes it, never touches the database.

use super::household_view::HouseholdDraw;
use super::import_view::ImportDraw;
use super::list_view::ListView;
use super::{Overlay, RegistryState};
use crate::tui::view::ViewCtx;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Clear, Widget};

pub struct RegistryView<'a> {
    pub state: &'a RegistryState,
    pub ctx: ViewCtx<'a>,
}

impl RegistryView<'_> {
    fn list(&self) -> ListView<'_> {
        ListView {
            list: &self.state.list,
            choices: self.state.choices(),
            ctx: self.ctx,
        }
    }

    /// Where the terminal cursor goes when the area is drawn in `area`.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        match &self.state.overlay {
            Some(Overlay::Form(form)) => form.cursor(self.ctx, area),
            Some(Overlay::Import(dialog)) => dialog.cursor(self.ctx, area),
            Some(Overlay::Filters(_)) => None,
            None if self.state.household.is_some() => None,
            None => self.list().cursor(area),
        }
    }
}

impl Widget for &RegistryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        match &self.state.household {
            Some(household) => {
                let view = HouseholdDraw {
                    state: household,
                    choices: self.state.choices(),
                    ctx: self.ctx,
                };
                view.render(area, buf);
            }
            None => self.list().render(area, buf),
        }
        match &self.state.overlay {
            Some(Overlay::Filters(form)) => form.form(self.ctx).render(area, buf),
            Some(Overlay::Form(form)) => {
                // A form takes the whole width; what lies under it would only show as a second
                // frame around it.
                Clear.render(area, buf);
                form.form(self.ctx).render(area, buf)
            }
            Some(Overlay::Import(dialog)) => {
                let view = ImportDraw {
                    dialog,
                    ctx: self.ctx,
                };
                view.render(area, buf);
            }
            None => {}
        }
    }
}
