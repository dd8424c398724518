//! What the Alertas area asks of the core, and what comes back. The shell's runner runs the
//! effects (`tui::runner::overlaps`); nothing here touches the database.
//!
//! Every effect is plain data carrying the actor. The scan (seconds at 100 000 records, half a
//! minute at a million) runs on the worker thread (`tui::jobs`): it carries an id, reports its
//! progress with that id, and can be asked to stop. Paged requests carry a sequence number; an
//! answer whose number is not the latest is dropped.

use crate::services::matching::scan::ScanKind;
use crate::services::overlaps::report::{FlagDetail, FlagPage, HouseholdPage, MatrixCell};
use crate::services::overlaps::scan::ScanStep;
use crate::services::overlaps::workflow::Step;
use crate::services::progress::Progress;
use crate::services::Actor;
use crate::store::flags::FlagFilter;
use crate::tui::effect::Message;

/// A change to one flag, read at a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlagChange {
    Step { step: Step, note: String },
    Assign { agency: i64, note: String },
    Note(String),
    Confirm,
    Undo,
    Reject(String),
}

impl FlagChange {
    pub fn kind(&self) -> ChangeKind {
        match self {
            FlagChange::Step {
                step: Step::Acknowledge,
                ..
            } => ChangeKind::Acknowledge,
            FlagChange::Step {
                step: Step::Resolve,
                ..
            } => ChangeKind::Resolve,
            FlagChange::Step {
                step: Step::Dismiss,
                ..
            } => ChangeKind::Dismiss,
            FlagChange::Step {
                step: Step::Reopen, ..
            } => ChangeKind::Reopen,
            FlagChange::Assign { .. } => ChangeKind::Assign,
            FlagChange::Note(_) => ChangeKind::Note,
            FlagChange::Confirm => ChangeKind::Confirm,
            FlagChange::Undo => ChangeKind::Undo,
            FlagChange::Reject(_) => ChangeKind::Reject,
        }
    }
}

/// Which change came back, to say what was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Acknowledge,
    Resolve,
    Dismiss,
    Reopen,
    Assign,
    Note,
    Confirm,
    Undo,
    Reject,
}

/// The misuse report as typed (the core's `MisuseDraft`, comparable for tests).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MisuseInput {
    pub reported_on: String,
    pub agency_code: String,
    pub forced_activity: String,
    pub description: String,
    pub reported_by: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverlapsEffect {
    LoadPage {
        seq: u64,
        actor: Actor,
        filter: FlagFilter,
        after: Option<(i64, i64)>,
        limit: usize,
    },
    LoadDetail {
        actor: Actor,
        id: i64,
    },
    /// Agencies, programmes and districts for the forms, and today's date.
    LoadChoices {
        actor: Actor,
    },
    LoadMatrix {
        actor: Actor,
    },
    LoadHouseholds {
        seq: u64,
        actor: Actor,
        programmes: (String, String),
        after: Option<i64>,
        limit: usize,
    },
    /// A scan (a job: on the worker); `id` comes back with its progress and its figures.
    Scan {
        id: u64,
        actor: Actor,
        kind: ScanKind,
    },
    /// Ask scan `id` to stop; it answers with its figures, marked cancelled if it stopped in
    /// time (it cannot once it writes).
    StopScan {
        id: u64,
    },
    Change {
        actor: Actor,
        id: i64,
        version: i64,
        change: FlagChange,
    },
    ReportMisuse {
        actor: Actor,
        input: MisuseInput,
    },
}

/// What the forms offer to choose from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choices {
    /// (id, code, name) of the active agencies.
    pub agencies: Vec<(i64, String, String)>,
    /// (id, code) of the programmes.
    pub programmes: Vec<(i64, String)>,
    /// (UBIGEO, name) of the districts that have alerts.
    pub districts: Vec<(String, String)>,
    /// The office's today, `YYYY-MM-DD`: the misuse report's default date.
    pub today: String,
}

/// A scan's figures, as the summary shows them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScanFigures {
    pub incremental: bool,
    pub records: usize,
    pub pairs: u64,
    pub probable: usize,
    pub dni_conflicts: usize,
    pub rule_flags: usize,
    pub new: i64,
    pub known: i64,
    pub reopened: i64,
    pub cancelled: bool,
}

/// A change the core refused; a conflict (someone else changed the flag first) is told apart
/// so the screen reloads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub conflict: bool,
    pub message: Message,
}

#[derive(Debug, Clone, PartialEq)]
pub enum OverlapsResult {
    Page {
        seq: u64,
        result: Result<FlagPage, Message>,
    },
    Detail {
        id: i64,
        result: Result<Box<FlagDetail>, Message>,
    },
    Choices(Result<Choices, Message>),
    Matrix(Result<Vec<MatrixCell>, Message>),
    Households {
        seq: u64,
        result: Result<HouseholdPage, Message>,
    },
    /// How far scan `id` got, and in which of its steps.
    ScanProgress {
        id: u64,
        step: ScanStep,
        progress: Progress,
    },
    Scanned {
        id: u64,
        result: Result<ScanFigures, Message>,
    },
    Changed {
        kind: ChangeKind,
        result: Result<(), Refusal>,
    },
    MisuseReported(Result<i64, Message>),
}
