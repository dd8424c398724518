//! What the Padrón asks of the core, and what comes back. The shell's runner runs the effects
//! (`tui::runner::registry`): the quick ones on the interface's thread, searches and roster
//! files as jobs on the worker thread (`tui::worker`). Requests that go to the worker carry an
//! id, so a late reply can be told from the latest one. Nothing here touches the database.

use crate::domain::forms::{EnrolmentDraft, HouseholdDraft, PersonDraft};
use crate::domain::ubigeo::UbigeoScheme;
use crate::i18n::{Lang, Localize, Reg, RegMessage, Tui};
use crate::services::progress::Progress;
use crate::services::registry::choices::Choices;
use crate::services::registry::household::HouseholdView;
use crate::services::registry::search::{Cursor, Page, Query};
use crate::services::roster::{CheckedFile, ImportOptions, ImportReport};
use crate::services::Actor;
use crate::store::rosters::ImportCounts;
use crate::tui::effect::{Message, Shared};
use std::borrow::Cow;
use std::path::PathBuf;

/// One request of the Padrón to the outside world.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistryEffect {
    /// Read what the registry's screens offer to choose from.
    LoadChoices {
        actor: Actor,
    },
    /// One page of persons (a job: on the worker).
    Search(SearchRequest),
    LoadHousehold {
        actor: Actor,
        household_id: i64,
    },
    /// A change typed in a registry form.
    Save(SaveRequest),
    /// Read and check a roster file, writing nothing (a job: on the worker).
    CheckRoster(CheckRequest),
    /// Write a checked roster file (a job: on the worker, with progress reports).
    ImportRoster(ImportRequest),
}

/// What came back: the answer to a [`RegistryEffect`], or a job's progress report.
#[derive(Debug, Clone, PartialEq)]
pub enum RegistryResult {
    ChoicesLoaded(Result<Choices, Message>),
    /// A page of the person search; `id` is the request's.
    SearchDone {
        id: u64,
        result: Result<Page, Message>,
    },
    HouseholdLoaded {
        household_id: i64,
        result: Result<HouseholdView, Message>,
    },
    Saved(Result<Saved, SaveFailure>),
    RosterChecked {
        id: u64,
        result: Result<Shared<CheckedRoster>, Message>,
    },
    /// How far a check or an import of request `id` got, and in which of its stages.
    RosterProgress {
        id: u64,
        stage: RosterStage,
        progress: Progress,
    },
    RosterImported {
        id: u64,
        result: Result<Shared<ImportReport>, Message>,
    },
}

/// The stages of a roster's check and import, each reporting its own progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RosterStage {
    /// Reading and checking the file's rows (`done` counts rows; the total is not known).
    Reading,
    /// The dry run that finds what the import would change (`done` of `total` records).
    Forecasting,
    /// Writing (`done` of `total` records).
    Writing,
}

/// A change saved by the core: the household it belongs to, to show it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub household_id: i64,
}

/// Why a change was not saved. A conflict (someone else saved the row first) is told apart so
/// the form can say what happened and keep what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveFailure {
    Conflict(Message),
    Refused(Message),
}

impl SaveFailure {
    pub fn message(&self) -> &Message {
        match self {
            SaveFailure::Conflict(m) | SaveFailure::Refused(m) => m,
        }
    }
}

/// The Padrón's actions asked about first (`Effect::Confirm`), with what the question says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegistryQuestion {
    /// Close a form whose changes are not saved.
    DiscardForm,
    /// Write a checked roster: its valid rows, for this programme, ending this many records
    /// of the programme that are not in the file.
    Import {
        rows: usize,
        programme: String,
        ended: i64,
    },
}

/// What a "yes" to a [`RegistryQuestion`] tells the area to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistryConfirm {
    DiscardForm,
    Import,
}

impl RegistryQuestion {
    pub fn confirm(&self) -> RegistryConfirm {
        match self {
            RegistryQuestion::DiscardForm => RegistryConfirm::DiscardForm,
            RegistryQuestion::Import { .. } => RegistryConfirm::Import,
        }
    }

    pub fn question(&self, lang: Lang) -> Cow<'static, str> {
        match self {
            RegistryQuestion::DiscardForm => Tui::Reg(Reg::ConfirmDiscardForm).text(lang),
            RegistryQuestion::Import {
                rows,
                programme,
                ended,
            } => RegMessage::ConfirmImport {
                rows: *rows,
                programme: programme.clone(),
                ended: *ended,
            }
            .text(lang),
        }
    }

    pub fn yes(&self) -> Tui {
        match self {
            RegistryQuestion::DiscardForm => Tui::Reg(Reg::ConfirmDiscardYes),
            RegistryQuestion::Import { .. } => Tui::Reg(Reg::ConfirmImportYes),
        }
    }

    pub fn no(&self) -> Tui {
        match self {
            RegistryQuestion::DiscardForm => Tui::Reg(Reg::ConfirmDiscardNo),
            RegistryQuestion::Import { .. } => Tui::Reg(Reg::ConfirmImportNo),
        }
    }
}

/// A page of the person search: the first one (`after` empty) or the one after a cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    pub id: u64,
    pub actor: Actor,
    pub query: Query,
    pub after: Option<Cursor>,
    /// Rows asked for: the rows the list shows at once.
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveRequest {
    pub actor: Actor,
    pub change: Change,
}

/// A change to the registry, as the core's edit functions take it. Updates carry the version
/// that was read, so the core can refuse them when someone else saved first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    AddHousehold {
        district: String,
        draft: HouseholdDraft,
    },
    UpdateHousehold {
        id: i64,
        version: i64,
        draft: HouseholdDraft,
    },
    AddPerson {
        household: i64,
        draft: PersonDraft,
    },
    UpdatePerson {
        household: i64,
        id: i64,
        version: i64,
        draft: PersonDraft,
    },
    AddEnrolment {
        household: i64,
        person: i64,
        programme: String,
        draft: EnrolmentDraft,
    },
    EndEnrolment {
        household: i64,
        id: i64,
        version: i64,
        date: String,
        reason: String,
    },
}

/// How to read a roster file: the import dialog's options.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RosterOptions {
    /// The programme, when the file has no `programa` column.
    pub programme: Option<String>,
    pub scheme: UbigeoScheme,
    pub skip_invalid: bool,
}

impl RosterOptions {
    pub fn import_options(&self) -> ImportOptions {
        ImportOptions {
            programme: self.programme.clone(),
            scheme: self.scheme,
            skip_invalid: self.skip_invalid,
            dry_run: false,
            sheet: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRequest {
    pub id: u64,
    /// Who will import: the forecast is a dry run of the import in their name.
    pub actor: Actor,
    pub path: PathBuf,
    pub options: RosterOptions,
}

/// A roster file read and checked, nothing written, with what importing it would do.
#[derive(Debug, Clone)]
pub struct CheckedRoster {
    pub file: CheckedFile,
    /// The file's errors and warnings, counted once: a file of a million rows may have as many
    /// issues, and the screen reads these counts on every draw.
    pub errors: usize,
    pub warnings: usize,
    /// The counts of a dry run of the import (rolled back): how many records would be new,
    /// updated, unchanged and, above all, ended for not being in the file. `None` when the
    /// file cannot be imported as it is (errors, no programme, no valid row).
    pub forecast: Option<ImportCounts>,
}

impl CheckedRoster {
    pub fn new(file: CheckedFile, forecast: Option<ImportCounts>) -> CheckedRoster {
        let warnings = file.warnings().count();
        CheckedRoster {
            errors: file.issues.len() - warnings,
            warnings,
            file,
            forecast,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRequest {
    pub id: u64,
    pub actor: Actor,
    pub checked: Shared<CheckedRoster>,
    pub options: RosterOptions,
    /// The language of the error file's explanations.
    pub lang: Lang,
}
