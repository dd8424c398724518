//! Words used everywhere: yes/no, save, cancel, and the like.

use super::Localize;
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Common {
    Yes,
    No,
    Save,
    Cancel,
    Quit,
}

impl Localize for Common {
    fn es(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Common::Yes => "Sí",
            Common::No => "No",
            Common::Save => "Guardar",
            Common::Cancel => "Cancelar",
            Common::Quit => "Salir",
        })
    }

    fn en(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Common::Yes => "Yes",
            Common::No => "No",
            Common::Save => "Save",
            Common::Cancel => "Cancel",
            Common::Quit => "Quit",
        })
    }
}
