//! The Alertas area's keys, per mode, as data: what a key does, its line in the `?` help and
//! its word in the hints line. The detail shows only the keys that work on the alert on screen
//! (a match has `c`, `u`, `r`; a resolved alert has no `v`), and a role that cannot work flags
//! gets no action key at all.
//!
//! Letters follow the Spanish words and never change with the language: `f` filtro, `s`
//! buscar (`S` solo lo nuevo), `m` mal uso, `c` confirmar, `u` deshacer (undo), `r` rechazar,
//! `a` atender (en revisión), `v` resolver, `d` descartar, `g` asignar, `n` nota.

use crate::i18n::{OverlapsTui as T, Tui};
use crate::tui::action::Command;
use crate::tui::keymap::{Binding, Bound, Key};
use crate::tui::screens::Frame;
use ratatui::crossterm::event::KeyCode;

/// The area's own intents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverlapsCommand {
    /// Enter: open the alert, the cell's households, or apply/save a form.
    Open,
    /// Esc: back to the previous view, or close a form without saving.
    Back,
    Filter,
    Scan,
    ScanIncremental,
    Misuse,
    /// Tab: the list ↔ the matrix.
    SwitchView,
    NextPage,
    PrevPage,
    FirstPage,
    /// ← → on a choice field, and in the matrix.
    Left,
    Right,
    ConfirmMatch,
    UndoMatch,
    RejectMatch,
    Acknowledge,
    Resolve,
    Dismiss,
    Assign,
    Note,
    /// The person said yes to a question asked before an action.
    Confirmed(OverlapsConfirm),
    /// A key pressed while a scan runs: the area says so.
    Busy,
}

/// What the area asks before doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverlapsConfirm {
    Merge,
    UndoMerge,
}

impl OverlapsConfirm {
    pub fn question(self) -> T {
        match self {
            OverlapsConfirm::Merge => T::ConfirmMergeQuestion,
            OverlapsConfirm::UndoMerge => T::ConfirmUndoQuestion,
        }
    }

    pub fn yes(self) -> T {
        match self {
            OverlapsConfirm::Merge => T::ConfirmMergeYes,
            OverlapsConfirm::UndoMerge => T::ConfirmUndoYes,
        }
    }

    pub fn no(self) -> T {
        T::ConfirmNo
    }
}

/// Where a flag is in its workflow, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Not loaded yet (or failed to load): only leaving works.
    Unknown,
    Open,
    Acknowledged,
    Resolved,
    Dismissed,
}

impl Stage {
    pub fn of(status: &str) -> Stage {
        match status {
            "open" => Stage::Open,
            "acknowledged" => Stage::Acknowledged,
            "resolved" => Stage::Resolved,
            "dismissed" => Stage::Dismissed,
            _ => Stage::Unknown,
        }
    }
}

/// What the detail's keys depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetailKeys {
    /// The actor may work flags.
    pub act: bool,
    /// A probable same person: confirm, undo, reject.
    pub matched: bool,
    pub stage: Stage,
}

/// What the area is doing, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The list of alerts; `act`: the actor may scan and report.
    List {
        act: bool,
    },
    Detail(DetailKeys),
    Matrix,
    Households,
    /// A form; `filter` applies at once, `choice`: the focused field is a choice.
    Form {
        filter: bool,
        choice: bool,
    },
    /// A scan under way: `Esc` stops it; keys that would leave or start something say that it
    /// is running.
    Scanning,
    /// The scan's figures on screen.
    ScanDone,
}

impl Mode {
    /// Forms take the keys as typing, so a letter never switches areas or quits.
    pub fn takes_text(self) -> bool {
        matches!(self, Mode::Form { .. })
    }

    /// What the shell adds to the mode's keys. The filter form (all its fields are choices
    /// that bind their own keys) and the scan keep the keys until they close, as the Padrón's
    /// filters and import steps do: no number key leaves the area with a scan under way or
    /// its figures unread.
    pub fn frame(self) -> Frame {
        match self {
            Mode::List { .. } | Mode::Detail(_) | Mode::Matrix | Mode::Households => Frame::Browse,
            Mode::Form { filter: false, .. } => Frame::Typing,
            Mode::Form { filter: true, .. } | Mode::Scanning | Mode::ScanDone => Frame::Dialog,
        }
    }
}

const fn cmd(keys: &'static [Key], c: OverlapsCommand, help: T, hint: Option<T>) -> Binding {
    Binding {
        keys,
        bound: Bound::Command(Command::Overlaps(c)),
        help: Tui::Overlaps(help),
        hint: match hint {
            Some(h) => Some(Tui::Overlaps(h)),
            None => None,
        },
    }
}

const fn shell(keys: &'static [Key], c: Command, help: T, hint: Option<Tui>) -> Binding {
    Binding {
        keys,
        bound: Bound::Command(c),
        help: Tui::Overlaps(help),
        hint,
    }
}

use OverlapsCommand as C;

const ENTER: Key = Key::plain(KeyCode::Enter);
const ESC: Key = Key::plain(KeyCode::Esc);
const TAB: Key = Key::plain(KeyCode::Tab);
const BACK_TAB: Key = Key::plain(KeyCode::BackTab);
const UP: Key = Key::plain(KeyCode::Up);
const DOWN: Key = Key::plain(KeyCode::Down);
const LEFT: Key = Key::plain(KeyCode::Left);
const RIGHT: Key = Key::plain(KeyCode::Right);

const ROW_UP: Binding = shell(&[UP], Command::Up, T::HelpRows, Some(Tui::HintRow));
const ROW_DOWN: Binding = shell(&[DOWN], Command::Down, T::HelpRows, Some(Tui::HintRow));
const PAGES: [Binding; 3] = [
    cmd(
        &[Key::plain(KeyCode::PageUp)],
        C::PrevPage,
        T::HelpPages,
        Some(T::HintPage),
    ),
    cmd(
        &[Key::plain(KeyCode::PageDown)],
        C::NextPage,
        T::HelpPages,
        Some(T::HintPage),
    ),
    cmd(
        &[Key::plain(KeyCode::Home)],
        C::FirstPage,
        T::HelpFirstPage,
        None,
    ),
];
const REFRESH: Binding = shell(
    &[Key::char('r'), Key::plain(KeyCode::F(5))],
    Command::Refresh,
    T::HelpReload,
    None,
);
const BACK: Binding = cmd(&[ESC], C::Back, T::HelpBack, Some(T::HintBack));

const LIST_ACTIONS: [Binding; 3] = [
    cmd(&[Key::char('s')], C::Scan, T::HelpScan, Some(T::HintScan)),
    cmd(
        &[Key::char('S')],
        C::ScanIncremental,
        T::HelpScanIncremental,
        None,
    ),
    cmd(
        &[Key::char('m')],
        C::Misuse,
        T::HelpMisuse,
        Some(T::HintMisuse),
    ),
];
const OPEN: Binding = cmd(&[ENTER], C::Open, T::HelpOpen, Some(T::HintOpen));
const FILTER: Binding = cmd(
    &[Key::char('f')],
    C::Filter,
    T::HelpFilter,
    Some(T::HintFilter),
);
const TO_MATRIX: Binding = cmd(&[TAB], C::SwitchView, T::HelpMatrix, Some(T::HintMatrix));
const TO_LIST: Binding = cmd(&[TAB], C::SwitchView, T::HelpList, Some(T::HintList));

const CONFIRM: Binding = cmd(
    &[Key::char('c')],
    C::ConfirmMatch,
    T::HelpConfirm,
    Some(T::HintConfirm),
);
const REJECT: Binding = cmd(
    &[Key::char('r')],
    C::RejectMatch,
    T::HelpReject,
    Some(T::HintReject),
);
const UNDO: Binding = cmd(
    &[Key::char('u')],
    C::UndoMatch,
    T::HelpUndo,
    Some(T::HintUndo),
);
const ACKNOWLEDGE: Binding = cmd(
    &[Key::char('a')],
    C::Acknowledge,
    T::HelpAcknowledge,
    Some(T::HintAcknowledge),
);
const RESOLVE: Binding = cmd(
    &[Key::char('v')],
    C::Resolve,
    T::HelpResolve,
    Some(T::HintResolve),
);
const DISMISS: Binding = cmd(
    &[Key::char('d')],
    C::Dismiss,
    T::HelpDismiss,
    Some(T::HintDismiss),
);
const ASSIGN: Binding = cmd(
    &[Key::char('g')],
    C::Assign,
    T::HelpAssign,
    Some(T::HintAssign),
);
const NOTE: Binding = cmd(&[Key::char('n')], C::Note, T::HelpNote, Some(T::HintNote));
const DETAIL_MOVES: [Binding; 3] = [
    shell(&[UP], Command::Up, T::HelpScroll, None),
    shell(&[DOWN], Command::Down, T::HelpScroll, None),
    shell(
        &[Key::plain(KeyCode::F(5))],
        Command::Refresh,
        T::HelpReload,
        None,
    ),
];

const CELL: Option<Tui> = Some(Tui::Overlaps(T::HintCell));
const MATRIX: [Binding; 7] = [
    shell(&[UP], Command::Up, T::HelpCells, CELL),
    shell(&[DOWN], Command::Down, T::HelpCells, CELL),
    cmd(&[LEFT], C::Left, T::HelpCells, Some(T::HintCell)),
    cmd(&[RIGHT], C::Right, T::HelpCells, Some(T::HintCell)),
    cmd(
        &[ENTER],
        C::Open,
        T::HelpHouseholds,
        Some(T::HintHouseholds),
    ),
    TO_LIST,
    REFRESH,
];

const FIELD: Option<Tui> = Some(Tui::Overlaps(T::HintField));
const FORM_MOVES: [Binding; 2] = [
    shell(&[DOWN, TAB], Command::NextField, T::HelpFormNext, FIELD),
    shell(&[UP, BACK_TAB], Command::PrevField, T::HelpFormPrev, FIELD),
];
const FORM_CHOICE: [Binding; 2] = [
    cmd(&[LEFT], C::Left, T::HelpChoose, Some(T::HintChoose)),
    cmd(&[RIGHT], C::Right, T::HelpChoose, Some(T::HintChoose)),
];
const APPLY: Binding = cmd(&[ENTER], C::Open, T::HelpApply, Some(T::HintApply));
const SUBMIT: Binding = shell(
    &[ENTER],
    Command::Submit,
    T::HelpFormSubmit,
    Some(Tui::Overlaps(T::HintSave)),
);
const CANCEL: Binding = cmd(&[ESC], C::Back, T::HelpFormCancel, Some(T::HintCancel));
const STOP_SCAN: Binding = cmd(&[ESC], C::Back, T::HelpStopScan, Some(T::HintStop));
/// While a scan runs, `?` opens the help as on the list (`F1` does everywhere).
const SCAN_HELP: Binding = Binding {
    keys: &[Key::char('?')],
    bound: Bound::Command(Command::Help),
    help: Tui::HelpHelp,
    hint: None,
};
/// The keys a person may press out of habit while a scan runs: quit, log out, the tabs, and
/// the list's own. They only say that a scan is running and how to stop it.
const BUSY: [Binding; 2] = [
    cmd(
        &[
            Key::char('q'),
            Key::char('x'),
            Key::char('1'),
            Key::char('2'),
            Key::char('3'),
            Key::char('4'),
            Key::char('5'),
        ],
        C::Busy,
        T::HelpBusyLeave,
        None,
    ),
    cmd(
        &[
            Key::char('s'),
            Key::char('S'),
            Key::char('f'),
            Key::char('m'),
            ENTER,
            TAB,
        ],
        C::Busy,
        T::HelpBusyList,
        None,
    ),
];
const CLOSE_FIGURES: Binding = cmd(
    &[ENTER, ESC],
    C::Back,
    T::HelpCloseFigures,
    Some(T::HintClose),
);

/// The list: rows and pages, open, filter, the matrix; scanning and reporting when allowed.
fn list(act: bool) -> Vec<Binding> {
    let mut table = vec![ROW_UP, ROW_DOWN, OPEN];
    if act {
        table.push(LIST_ACTIONS[0]);
    }
    table.push(FILTER);
    if act {
        table.extend_from_slice(&LIST_ACTIONS[1..]);
    }
    table.push(TO_MATRIX);
    table.extend(PAGES);
    table.push(REFRESH);
    table
}

/// The detail: only the keys that work on the alert on screen.
fn detail(keys: DetailKeys) -> Vec<Binding> {
    let mut table = Vec::new();
    if keys.act {
        let open = matches!(keys.stage, Stage::Open | Stage::Acknowledged);
        if keys.matched && open {
            table.extend([CONFIRM, REJECT]);
        }
        if keys.matched && keys.stage == Stage::Resolved {
            table.push(UNDO);
        }
        if keys.stage == Stage::Open {
            table.push(ACKNOWLEDGE);
        }
        if open {
            table.extend([RESOLVE, DISMISS]);
        }
        if keys.stage != Stage::Unknown {
            table.extend([ASSIGN, NOTE]);
        }
    }
    table.push(BACK);
    table.extend(DETAIL_MOVES);
    table
}

fn households() -> Vec<Binding> {
    let mut table = vec![ROW_UP, ROW_DOWN];
    table.extend(PAGES);
    table.extend([BACK, REFRESH]);
    table
}

fn form(filter: bool, choice: bool) -> Vec<Binding> {
    let mut table = FORM_MOVES.to_vec();
    if choice {
        table.extend(FORM_CHOICE);
    }
    table.push(if filter { APPLY } else { SUBMIT });
    table.push(CANCEL);
    table
}

/// The area's own bindings in `mode`, most used first.
pub fn bindings(mode: Mode) -> Vec<Binding> {
    match mode {
        Mode::List { act } => list(act),
        Mode::Detail(keys) => detail(keys),
        Mode::Matrix => MATRIX.to_vec(),
        Mode::Households => households(),
        Mode::Form { filter, choice } => form(filter, choice),
        Mode::Scanning => vec![STOP_SCAN, BUSY[0], BUSY[1], SCAN_HELP],
        Mode::ScanDone => vec![CLOSE_FIGURES],
    }
}
