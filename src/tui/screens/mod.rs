//! The screens: first-run set-up, login, changing a password an administrator reset, and the
//! main screen with its areas.
//!
//! The main screen shows one area at a time, chosen with the number keys among the areas of
//! the signed-in role ([`Area::for_role`]). Adding an area is adding a variant to [`Area`]
//! (its title, its keys) and to `main::AreaState`, plus its own module here; an area whose
//! keys depend on what it shows adds an [`AreaMode`] too (with its [`Frame`]). The tabs, the
//! `1`–`9` keys, the hints and the help follow from these tables. There are no placeholder
//! screens: an area exists here once it is built.

pub mod clar;
pub mod committee;
pub mod login;
pub mod main;
pub mod overlaps;
pub mod overview;
pub mod password;
pub mod registry;
pub mod setup;

use crate::domain::role::Role;
use crate::i18n::{ClarTui, Reg, Tui};
use crate::tui::action::Command;
use crate::tui::keymap::{Binding, Bound, Key};

/// The areas of the main screen, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Area {
    /// Resumen: totals, enrolments per programme, households per district.
    Overview,
    /// Padrón: find a person, open their household, correct it, import a roster.
    Registry,
    /// Comité: the multisector committee's meetings, minutes and agreements.
    Committee,
    /// CLAR for office staff: calls, proposals, sessions, ranking and awards.
    Clar,
    /// CLAR for its members (reviewer mode): their sessions and the scoring form.
    ClarReview,
    /// Alertas: cross-programme overlaps, their workflow and the programme matrix.
    Overlaps,
}

/// The mode an area is in, when its keys depend on what it shows (a list, a tab of a
/// detail, a form). The keymap asks the mode for its bindings and whether it takes text, so
/// the hints line and the `?` help always describe the view on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AreaMode {
    Registry(registry::RegistryMode),
    Committee(committee::keys::Mode),
    Clar(clar::StaffMode),
    ClarReview(clar::ReviewMode),
    Overlaps(overlaps::Mode),
}

/// What the shell puts around a mode's own keys (`keymap::Context::Area`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Browsing: the tab keys first, then the mode's keys, then the main screen's globals
    /// (`?` help, `F2` language, `x` log out, `q` quit).
    Browse,
    /// Typing in a field: letters and digits are typed. The mode's keys, the shared editing
    /// keys it does not bind itself, then the typing globals (`F1` help, `F2` language,
    /// `Ctrl+C` quit; `Esc` is the mode's own).
    Typing,
    /// A dialog that keeps the keys until it closes (the Padrón's filters and import steps,
    /// the Alertas filter form and scan): its own keys and the typing globals, no tab keys.
    /// Letters are typed only where the mode takes text.
    Dialog,
}

impl AreaMode {
    pub fn area(self) -> Area {
        match self {
            AreaMode::Registry(_) => Area::Registry,
            AreaMode::Committee(_) => Area::Committee,
            AreaMode::Clar(_) => Area::Clar,
            AreaMode::ClarReview(_) => Area::ClarReview,
            AreaMode::Overlaps(_) => Area::Overlaps,
        }
    }

    /// Whether letters and digits are typed into a field in this mode.
    pub fn takes_text(self) -> bool {
        match self {
            AreaMode::Registry(mode) => mode.takes_text(),
            AreaMode::Committee(mode) => mode.takes_text(),
            AreaMode::Clar(mode) => mode.takes_text(),
            AreaMode::ClarReview(mode) => mode.takes_text(),
            AreaMode::Overlaps(mode) => mode.takes_text(),
        }
    }

    /// What the shell adds to the mode's keys: a mode that takes text is typed in, any other
    /// is browsed, unless the area says it is a dialog.
    pub fn frame(self) -> Frame {
        match self {
            AreaMode::Registry(mode) => mode.frame(),
            AreaMode::Overlaps(mode) => mode.frame(),
            other if other.takes_text() => Frame::Typing,
            _ => Frame::Browse,
        }
    }

    /// The area's own keys in this mode, most used first.
    pub fn bindings(self) -> Vec<Binding> {
        match self {
            AreaMode::Registry(mode) => registry::bindings(mode),
            AreaMode::Committee(mode) => committee::bindings(mode),
            AreaMode::Clar(mode) => clar::staff_bindings(mode),
            AreaMode::ClarReview(mode) => clar::review_bindings(mode),
            AreaMode::Overlaps(mode) => overlaps::bindings(mode),
        }
    }
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
    /// The tabs of office staff.
    const STAFF: &'static [Area] = &[
        Area::Overview,
        Area::Registry,
        Area::Committee,
        Area::Clar,
        Area::Overlaps,
    ];
    /// The tabs of a CLAR member, who sees nothing of the registry or the committee (the core
    /// refuses them the registry anyway).
    const REVIEWER: &'static [Area] = &[Area::ClarReview];

    /// The areas a role works in, in tab order; the first opens after login.
    pub fn for_role(role: Role) -> &'static [Area] {
        match role {
            Role::MiembroClar => Area::REVIEWER,
            _ => Area::STAFF,
        }
    }

    /// The areas shown as tabs beside this one.
    pub fn peers(self) -> &'static [Area] {
        match self {
            Area::ClarReview => Area::REVIEWER,
            Area::Overview | Area::Registry | Area::Committee | Area::Clar | Area::Overlaps => {
                Area::STAFF
            }
        }
    }

    pub fn title(self) -> Tui {
        match self {
            Area::Overview => Tui::AreaOverview,
            Area::Registry => Tui::Reg(Reg::AreaTitle),
            Area::Committee => committee::title(),
            Area::Clar => Tui::Clar(ClarTui::AreaClar),
            Area::ClarReview => Tui::Clar(ClarTui::AreaReview),
            Area::Overlaps => overlaps::title(),
        }
    }

    /// What the help overlay says the area's number key opens.
    fn help(self) -> Tui {
        match self {
            Area::Overview => Tui::HelpAreaOverview,
            Area::Registry => Tui::Reg(Reg::HelpArea),
            Area::Committee => committee::help(),
            Area::Clar => Tui::Clar(ClarTui::HelpAreaClar),
            Area::ClarReview => Tui::Clar(ClarTui::HelpAreaReview),
            Area::Overlaps => overlaps::help(),
        }
    }

    /// The position of the area's tab among its peers, from 0.
    pub fn index(self) -> usize {
        self.peers().iter().position(|&a| a == self).unwrap_or(0)
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
            Area::Registry => {
                registry::bindings(registry::RegistryMode::Results { can_write: false })
            }
            Area::Committee => committee::bindings(committee::keys::Mode::List),
            Area::Clar => clar::staff_bindings(clar::StaffMode::Calls),
            Area::ClarReview => clar::review_bindings(clar::ReviewMode::Sessions),
            Area::Overlaps => overlaps::bindings(overlaps::Mode::List { act: false }),
        }
    }
}
