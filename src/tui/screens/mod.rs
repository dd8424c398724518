//! The screens: first-run set-up, login, and the main screen with its areas.
//!
//! The main screen shows one area at a time, chosen with the number keys. Adding an area is
//! adding a variant to [`Area`] (its title, its keys) and to `main::AreaState`, plus its own
//! module here; the tabs, the `1`–`9` keys, the hints and the help follow from the table.
//! There are no placeholder screens: an area exists here once it is built.

pub mod login;
pub mod main;
pub mod overview;
pub mod registry;
pub mod setup;

use crate::i18n::{Reg, Tui};
use crate::tui::action::Command;
use crate::tui::keymap::{Binding, Bound, Key};

/// The areas of the main screen, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// Resumen: totals, enrolments per programme, households per district.
    Overview,
    /// Padrón: find a person, open their household, correct it, import a roster.
    Registry,
}

/// The number keys that open areas: `1` for the first tab, and so on.
static AREA_KEYS: [[Key; 1]; 9] = [
    [Key::char('1')],
    [Key::char('2')],
    [Key::char('3')],
    [Key::char('4')],
    [Key::char('5')],
    [Key::char('6')],
    [Key::char('7')],
    [Key::char('8')],
    [Key::char('9')],
];

impl Area {
    pub const ALL: &'static [Area] = &[Area::Overview, Area::Registry];

    pub fn title(self) -> Tui {
        match self {
            Area::Overview => Tui::AreaOverview,
            Area::Registry => Tui::Reg(Reg::AreaTitle),
        }
    }

    /// What the help overlay says the area's number key opens.
    fn help(self) -> Tui {
        match self {
            Area::Overview => Tui::HelpAreaOverview,
            Area::Registry => Tui::Reg(Reg::HelpArea),
        }
    }

    /// The position of the area's tab, from 0.
    pub fn index(self) -> usize {
        Area::ALL.iter().position(|&a| a == self).unwrap_or(0)
    }

    /// The key that opens the area: its tab number. It has no entry in the hints line: the
    /// tabs on the top line already show each area's number.
    pub fn binding(self) -> Binding {
        let keys: &'static [Key] = match AREA_KEYS.get(self.index()) {
            Some(keys) => keys,
            None => &[],
        };
        Binding {
            keys,
            bound: Bound::Command(Command::GoToArea(self)),
            help: self.help(),
            hint: None,
        }
    }

    /// The area's own keys, besides the ones every area shares.
    pub fn bindings(self) -> Vec<Binding> {
        match self {
            Area::Overview => overview::bindings(),
            // Its keys depend on what is on screen: see `keymap::Context::Registry`.
            Area::Registry => Vec::new(),
        }
    }
}
