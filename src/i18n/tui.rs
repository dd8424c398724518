//! Texts of the terminal interface: screens, fields, key names, hints and help.
//!
//! [`Tui`] holds the fixed texts; [`TuiMessage`] the few that carry values. Key hints are
//! short (the hints line has 80 columns for a whole screen); help texts say the whole thing.

mod overlaps;

pub use overlaps::{flag_event_note, record_field_label, OverlapsTui, OverlapsTuiMessage};

use super::{owned, Localize};
use crate::services::auth::MIN_PASSWORD_LEN;
use std::borrow::Cow;

mod registry;
mod registry_en;
mod registry_es;
mod registry_messages;

pub use registry::Reg;
pub use registry_messages::RegMessage;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tui {
    // Words of the whole interface
    Loading,
    UnavailableQuit,
    LanguageName,
    StatusDatabase,
    StatusUser,
    StatusLanguage,
    // Key names
    KeySpace,
    KeyBackTab,
    KeyHome,
    KeyEnd,
    KeyPageUp,
    KeyPageDown,
    KeyBackspace,
    KeyDelete,
    // The hints line
    HintField,
    HintNext,
    HintLogin,
    HintHelp,
    HintLanguage,
    HintQuit,
    HintLogout,
    HintRow,
    HintClose,
    HintChoose,
    HintAccept,
    HintCancel,
    // The help overlay
    HelpTitle,
    HelpFooter,
    HelpPrevField,
    HelpNextField,
    HelpSetupSubmit,
    HelpLoginSubmit,
    HelpCursorLeft,
    HelpCursorRight,
    HelpCursorHome,
    HelpCursorEnd,
    HelpBackspace,
    HelpDelete,
    HelpHelp,
    HelpLanguage,
    HelpQuit,
    HelpLogout,
    HelpRowUp,
    HelpRowDown,
    HelpPageUp,
    HelpPageDown,
    HelpTop,
    HelpBottom,
    HelpRefresh,
    HelpAreaOverview,
    HelpClose,
    HelpSwitchChoice,
    HelpPressButton,
    HelpYes,
    HelpNo,
    // First run
    SetupTitle,
    SetupIntro,
    SetupUsername,
    SetupUsernameHint,
    SetupFullName,
    SetupFullNameHint,
    SetupPassword,
    SetupPasswordHint,
    SetupRepeat,
    SetupUbigeo,
    SetupUbigeoHint,
    SetupOffice,
    SetupOfficeHint,
    SetupButton,
    SetupSaving,
    ProblemRequired,
    ProblemUsername,
    ProblemPasswordShort,
    ProblemPasswordsDiffer,
    ProblemUbigeoIncomplete,
    ProblemUbigeoUnknown,
    ProblemUbigeoChecking,
    ProblemOfficeNumber,
    // Login
    LoginTitle,
    LoginIntro,
    LoginUsername,
    LoginPassword,
    LoginChecking,
    LoginNeedUsername,
    LoginNeedPassword,
    LoginWelcome,
    // Changing a password an administrator reset
    PasswordTitle,
    PasswordIntro,
    PasswordNew,
    PasswordRepeat,
    PasswordNeedNew,
    PasswordNeedRepeat,
    PasswordsDiffer,
    PasswordChanged,
    HelpPasswordSubmit,
    HelpPasswordLogout,
    // Areas
    AreaOverview,
    OverviewByProgramme,
    OverviewByDistrict,
    OverviewNoHouseholds,
    OverviewRetry,
    ColUbigeo,
    ColDistrict,
    ColHouseholds,
    ColPersons,
    ColActiveEnrolments,
    // Confirmations
    ConfirmTitle,
    ConfirmQuitQuestion,
    ConfirmQuitYes,
    ConfirmQuitNo,
    /// The committee area's texts, kept in `i18n::committee`.
    Committee(super::CommitteeTui),
    /// The CLAR area's own texts, kept with the CLAR's catalogue.
    Clar(super::ClarTui),
    /// The Padrón area's texts, kept in their own files.
    Reg(Reg),
    /// The Alertas area's texts, kept in `tui/overlaps.rs`.
    Overlaps(OverlapsTui),
}

impl Localize for Tui {
    fn es(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Tui::Clar(text) => return text.es(),
            Tui::Committee(text) => return text.es(),
            Tui::Reg(text) => return text.es(),
            Tui::Overlaps(text) => return text.es(),
            Tui::Loading => "Cargando…",
            Tui::UnavailableQuit => "Pulse q para salir.",
            Tui::LanguageName => "Español",
            Tui::StatusDatabase => "BD:",
            Tui::StatusUser => "Usuario:",
            Tui::StatusLanguage => "Idioma:",
            Tui::KeySpace => "Espacio",
            Tui::KeyBackTab => "Mayús+Tab",
            Tui::KeyHome => "Inicio",
            Tui::KeyEnd => "Fin",
            Tui::KeyPageUp => "RePág",
            Tui::KeyPageDown => "AvPág",
            Tui::KeyBackspace => "Retroceso",
            Tui::KeyDelete => "Supr",
            Tui::HintField => "Campo",
            Tui::HintNext => "Siguiente",
            Tui::HintLogin => "Ingresar",
            Tui::HintHelp => "Ayuda",
            Tui::HintLanguage => "English",
            Tui::HintQuit => "Salir",
            Tui::HintLogout => "Cerrar sesión",
            Tui::HintRow => "Fila",
            Tui::HintClose => "Cerrar",
            Tui::HintChoose => "Elegir",
            Tui::HintAccept => "Aceptar",
            Tui::HintCancel => "Cancelar",
            Tui::HelpTitle => "Ayuda: teclas de esta pantalla",
            Tui::HelpFooter => "Esc cierra esta ayuda.",
            Tui::HelpPrevField => "Ir al campo anterior",
            Tui::HelpNextField => "Ir al campo siguiente",
            Tui::HelpSetupSubmit => "Pasar al campo siguiente; en el botón, crear el administrador",
            Tui::HelpLoginSubmit => "Pasar a la contraseña; desde la contraseña, ingresar",
            Tui::HelpCursorLeft => "Mover el cursor a la izquierda",
            Tui::HelpCursorRight => "Mover el cursor a la derecha",
            Tui::HelpCursorHome => "Ir al inicio del campo",
            Tui::HelpCursorEnd => "Ir al final del campo",
            Tui::HelpBackspace => "Borrar la letra antes del cursor",
            Tui::HelpDelete => "Borrar la letra del cursor",
            Tui::HelpHelp => "Mostrar esta ayuda",
            Tui::HelpLanguage => "Cambiar el idioma (castellano / inglés)",
            Tui::HelpQuit => "Salir de Tinkuy",
            Tui::HelpLogout => "Cerrar sesión y volver al ingreso",
            Tui::HelpRowUp => "Subir una fila",
            Tui::HelpRowDown => "Bajar una fila",
            Tui::HelpPageUp => "Subir una página",
            Tui::HelpPageDown => "Bajar una página",
            Tui::HelpTop => "Ir a la primera fila",
            Tui::HelpBottom => "Ir a la última fila",
            Tui::HelpRefresh => "Volver a leer las cifras",
            Tui::HelpAreaOverview => "Resumen: totales, programas y distritos",
            Tui::HelpClose => "Cerrar esta ventana",
            Tui::HelpSwitchChoice => "Pasar de un botón al otro",
            Tui::HelpPressButton => "Pulsar el botón marcado",
            Tui::HelpYes => "Responder sí",
            Tui::HelpNo => "Responder no",
            Tui::SetupTitle => "Configuración inicial",
            Tui::SetupIntro => "Cree la cuenta del administrador de esta oficina.",
            Tui::SetupUsername => "Usuario",
            Tui::SetupUsernameHint => "Minúsculas y números, sin espacios: ana.quispe",
            Tui::SetupFullName => "Nombre completo",
            Tui::SetupFullNameHint => "Nombres y apellidos del administrador",
            Tui::SetupPassword => "Contraseña",
            Tui::SetupPasswordHint => {
                return owned(format!("Al menos {MIN_PASSWORD_LEN} caracteres"))
            }
            Tui::SetupRepeat => "Repita la contraseña",
            Tui::SetupUbigeo => "UBIGEO del distrito",
            Tui::SetupUbigeoHint => "6 dígitos (INEI), por ejemplo 030212",
            Tui::SetupOffice => "Número de oficina",
            Tui::SetupOfficeHint => "1 a 99; deje 1 si es la única oficina del distrito",
            Tui::SetupButton => "Crear administrador",
            Tui::SetupSaving => "Guardando…",
            Tui::ProblemRequired => "Este dato es obligatorio.",
            Tui::ProblemUsername => "Use de 2 a 40 minúsculas sin tildes, números, . - _",
            Tui::ProblemPasswordShort => {
                return owned(format!(
                    "Muy corta: use al menos {MIN_PASSWORD_LEN} caracteres."
                ))
            }
            Tui::ProblemPasswordsDiffer => "No coincide con la contraseña.",
            Tui::ProblemUbigeoIncomplete => "Escriba los 6 dígitos del UBIGEO.",
            Tui::ProblemUbigeoUnknown => "No hay un distrito con ese UBIGEO (INEI).",
            Tui::ProblemUbigeoChecking => "Buscando el distrito…",
            Tui::ProblemOfficeNumber => "Use un número de 1 a 99.",
            Tui::LoginTitle => "Ingreso",
            Tui::LoginIntro => "Escriba su usuario y su contraseña.",
            Tui::LoginUsername => "Usuario",
            Tui::LoginPassword => "Contraseña",
            Tui::LoginChecking => "Verificando…",
            Tui::LoginNeedUsername => "Escriba su usuario.",
            Tui::LoginNeedPassword => "Escriba su contraseña.",
            Tui::LoginWelcome => "Administrador creado. Ingrese con su contraseña.",
            Tui::PasswordTitle => "Cambiar la contraseña",
            Tui::PasswordIntro => "Un administrador restableció su contraseña: elija una nueva.",
            Tui::PasswordNew => "Contraseña nueva",
            Tui::PasswordRepeat => "Repítala",
            Tui::PasswordNeedNew => "Escriba la contraseña nueva.",
            Tui::PasswordNeedRepeat => "Escriba otra vez la contraseña nueva.",
            Tui::PasswordsDiffer => "No coinciden: escriba la misma en los dos campos.",
            Tui::PasswordChanged => "Contraseña cambiada. Use la nueva desde ahora.",
            Tui::HelpPasswordSubmit => {
                "Pasar a repetirla; desde ahí, cambiar la contraseña e ingresar"
            }
            Tui::HelpPasswordLogout => "Cerrar sesión sin cambiarla y volver al ingreso",
            Tui::AreaOverview => "Resumen",
            Tui::OverviewByProgramme => "Afiliaciones activas por programa",
            Tui::OverviewByDistrict => "Por distrito",
            Tui::OverviewNoHouseholds => "Aún no hay hogares registrados.",
            Tui::OverviewRetry => "Pulse r para volver a intentar.",
            Tui::ColUbigeo => "UBIGEO",
            Tui::ColDistrict => "Distrito",
            Tui::ColHouseholds => "Hogares",
            Tui::ColPersons => "Personas",
            Tui::ColActiveEnrolments => "Afiliaciones activas",
            Tui::ConfirmTitle => "Confirmar",
            Tui::ConfirmQuitQuestion => {
                "El formulario tiene datos sin guardar. ¿Salir de todos modos?"
            }
            Tui::ConfirmQuitYes => "Sí, salir",
            Tui::ConfirmQuitNo => "No, seguir",
        })
    }

    fn en(&self) -> Cow<'static, str> {
        Cow::Borrowed(match self {
            Tui::Clar(text) => return text.en(),
            Tui::Committee(text) => return text.en(),
            Tui::Reg(text) => return text.en(),
            Tui::Overlaps(text) => return text.en(),
            Tui::Loading => "Loading…",
            Tui::UnavailableQuit => "Press q to quit.",
            Tui::LanguageName => "English",
            Tui::StatusDatabase => "DB:",
            Tui::StatusUser => "User:",
            Tui::StatusLanguage => "Language:",
            Tui::KeySpace => "Space",
            Tui::KeyBackTab => "Shift+Tab",
            Tui::KeyHome => "Home",
            Tui::KeyEnd => "End",
            Tui::KeyPageUp => "PgUp",
            Tui::KeyPageDown => "PgDn",
            Tui::KeyBackspace => "Backspace",
            Tui::KeyDelete => "Del",
            Tui::HintField => "Field",
            Tui::HintNext => "Next",
            Tui::HintLogin => "Log in",
            Tui::HintHelp => "Help",
            Tui::HintLanguage => "Español",
            Tui::HintQuit => "Quit",
            Tui::HintLogout => "Log out",
            Tui::HintRow => "Row",
            Tui::HintClose => "Close",
            Tui::HintChoose => "Choose",
            Tui::HintAccept => "OK",
            Tui::HintCancel => "Cancel",
            Tui::HelpTitle => "Help: keys of this screen",
            Tui::HelpFooter => "Esc closes this help.",
            Tui::HelpPrevField => "Go to the previous field",
            Tui::HelpNextField => "Go to the next field",
            Tui::HelpSetupSubmit => "Go to the next field; on the button, create the administrator",
            Tui::HelpLoginSubmit => "Go to the password; from the password, log in",
            Tui::HelpCursorLeft => "Move the cursor left",
            Tui::HelpCursorRight => "Move the cursor right",
            Tui::HelpCursorHome => "Go to the start of the field",
            Tui::HelpCursorEnd => "Go to the end of the field",
            Tui::HelpBackspace => "Delete the character before the cursor",
            Tui::HelpDelete => "Delete the character at the cursor",
            Tui::HelpHelp => "Show this help",
            Tui::HelpLanguage => "Switch the language (Spanish / English)",
            Tui::HelpQuit => "Quit Tinkuy",
            Tui::HelpLogout => "Log out and return to the login screen",
            Tui::HelpRowUp => "Up one row",
            Tui::HelpRowDown => "Down one row",
            Tui::HelpPageUp => "Up one page",
            Tui::HelpPageDown => "Down one page",
            Tui::HelpTop => "Go to the first row",
            Tui::HelpBottom => "Go to the last row",
            Tui::HelpRefresh => "Read the figures again",
            Tui::HelpAreaOverview => "Overview: totals, programmes and districts",
            Tui::HelpClose => "Close this window",
            Tui::HelpSwitchChoice => "Move between the buttons",
            Tui::HelpPressButton => "Press the highlighted button",
            Tui::HelpYes => "Answer yes",
            Tui::HelpNo => "Answer no",
            Tui::SetupTitle => "First-time set-up",
            Tui::SetupIntro => "Create the administrator account for this office.",
            Tui::SetupUsername => "User name",
            Tui::SetupUsernameHint => "Lower case and digits, no spaces: ana.quispe",
            Tui::SetupFullName => "Full name",
            Tui::SetupFullNameHint => "The administrator's names and surnames",
            Tui::SetupPassword => "Password",
            Tui::SetupPasswordHint => {
                return owned(format!("At least {MIN_PASSWORD_LEN} characters"))
            }
            Tui::SetupRepeat => "Repeat the password",
            Tui::SetupUbigeo => "District UBIGEO",
            Tui::SetupUbigeoHint => "6 digits (INEI), for example 030212",
            Tui::SetupOffice => "Office number",
            Tui::SetupOfficeHint => "1 to 99; keep 1 if this is the district's only office",
            Tui::SetupButton => "Create administrator",
            Tui::SetupSaving => "Saving…",
            Tui::ProblemRequired => "This is required.",
            Tui::ProblemUsername => "Use 2 to 40 lower-case letters without accents, digits, . - _",
            Tui::ProblemPasswordShort => {
                return owned(format!(
                    "Too short: use at least {MIN_PASSWORD_LEN} characters."
                ))
            }
            Tui::ProblemPasswordsDiffer => "Does not match the password.",
            Tui::ProblemUbigeoIncomplete => "Type the 6 digits of the UBIGEO.",
            Tui::ProblemUbigeoUnknown => "No district has this (INEI) UBIGEO.",
            Tui::ProblemUbigeoChecking => "Looking up the district…",
            Tui::ProblemOfficeNumber => "Use a number from 1 to 99.",
            Tui::LoginTitle => "Log in",
            Tui::LoginIntro => "Type your user name and your password.",
            Tui::LoginUsername => "User",
            Tui::LoginPassword => "Password",
            Tui::LoginChecking => "Checking…",
            Tui::LoginNeedUsername => "Type your user name.",
            Tui::LoginNeedPassword => "Type your password.",
            Tui::LoginWelcome => "Administrator created. Log in with your password.",
            Tui::PasswordTitle => "Change your password",
            Tui::PasswordIntro => "An administrator reset your password: choose a new one.",
            Tui::PasswordNew => "New password",
            Tui::PasswordRepeat => "Repeat it",
            Tui::PasswordNeedNew => "Type the new password.",
            Tui::PasswordNeedRepeat => "Type the new password again.",
            Tui::PasswordsDiffer => "They differ: type the same one in both fields.",
            Tui::PasswordChanged => "Password changed. Use the new one from now on.",
            Tui::HelpPasswordSubmit => {
                "Go to repeating it; from there, change the password and go in"
            }
            Tui::HelpPasswordLogout => "Log out without changing it and return to the login screen",
            Tui::AreaOverview => "Overview",
            Tui::OverviewByProgramme => "Active enrolments per programme",
            Tui::OverviewByDistrict => "Per district",
            Tui::OverviewNoHouseholds => "No households registered yet.",
            Tui::OverviewRetry => "Press r to try again.",
            Tui::ColUbigeo => "UBIGEO",
            Tui::ColDistrict => "District",
            Tui::ColHouseholds => "Households",
            Tui::ColPersons => "Persons",
            Tui::ColActiveEnrolments => "Active enrolments",
            Tui::ConfirmTitle => "Confirm",
            Tui::ConfirmQuitQuestion => "The form has unsaved data. Quit anyway?",
            Tui::ConfirmQuitYes => "Yes, quit",
            Tui::ConfirmQuitNo => "No, stay",
        })
    }
}

/// Texts of the interface that carry values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TuiMessage {
    EnlargeWindow { width: u16, height: u16 },
    LanguageNotSaved { path: String, reason: String },
    TerminalFailed { reason: String },
}

impl Localize for TuiMessage {
    fn es(&self) -> Cow<'static, str> {
        owned(match self {
            TuiMessage::EnlargeWindow { width, height } => {
                format!("Agrande la ventana: Tinkuy necesita al menos {width}×{height} caracteres.")
            }
            TuiMessage::LanguageNotSaved { path, reason } => format!(
                "No se pudo guardar el idioma en {path} ({reason}); vale solo para esta sesión."
            ),
            TuiMessage::TerminalFailed { reason } => format!(
                "No se pudo usar la terminal ({reason}). Tinkuy necesita una terminal interactiva; para scripts use las órdenes, por ejemplo «tinkuy overview»."
            ),
        })
    }

    fn en(&self) -> Cow<'static, str> {
        owned(match self {
            TuiMessage::EnlargeWindow { width, height } => {
                format!("Enlarge the window: Tinkuy needs at least {width}×{height} characters.")
            }
            TuiMessage::LanguageNotSaved { path, reason } => format!(
                "Could not save the language in {path} ({reason}); it applies to this session only."
            ),
            TuiMessage::TerminalFailed { reason } => format!(
                "Could not use the terminal ({reason}). Tinkuy needs an interactive terminal; for scripts use the commands, for example «tinkuy overview»."
            ),
        })
    }
}
