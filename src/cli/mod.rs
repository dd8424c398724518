//! The command line: parses arguments, opens the store, calls the core, prints results.
//! Subcommands and flags are English and stable for scripts; help and messages follow the
//! user's language. Errors print one line and exit non-zero.

mod args;
mod clar;
mod committee;
mod demo;
mod help;
mod init;
mod login;
mod maintenance;
mod overlaps;
mod overview;
mod persons;
mod progress;
mod roster;
mod users;

pub use args::{Cli, Command};
use args::{ExportCommand, ImportCommand, PersonsCommand};

use crate::i18n::{Lang, Localize};
use crate::services::CoreError;
use crate::store::Store;
use std::ffi::OsString;
use std::path::PathBuf;

/// What `main` does after parsing: run a subcommand, or hand over to the TUI.
pub enum Parsed {
    Tui { db: PathBuf, lang: Lang },
    Done(i32),
}

/// Parses `argv` in the user's language and runs the subcommand, if any.
pub fn run(argv: Vec<OsString>) -> Parsed {
    let lang = help::startup_lang(&argv);
    let cli = match help::parse(argv, lang) {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return Parsed::Done(code);
        }
    };
    let Some(db) = cli.db.clone().or_else(crate::store::default_path) else {
        eprintln!("{}", crate::i18n::Cli::NoDataDir.text(lang));
        return Parsed::Done(1);
    };
    let Some(command) = cli.command.clone() else {
        return Parsed::Tui { db, lang };
    };
    let ctx = Ctx {
        db,
        lang,
        user: cli.user.clone(),
    };
    match dispatch(&ctx, command) {
        Ok(()) => Parsed::Done(0),
        // The command has already said what went wrong.
        Err(CoreError::NothingImported | CoreError::Reported) => Parsed::Done(1),
        Err(err) => {
            eprintln!(
                "{}: {}",
                crate::i18n::Cli::ErrorPrefix.text(lang),
                err.text(lang)
            );
            Parsed::Done(1)
        }
    }
}

/// What every subcommand needs.
pub(crate) struct Ctx {
    pub db: PathBuf,
    pub lang: Lang,
    pub user: Option<String>,
}

impl Ctx {
    pub fn open(&self) -> Result<Store, CoreError> {
        crate::services::maintenance::open(&self.db)
    }
}

/// A command that printed its own report of a problem exits non-zero without another line.
fn failed_unless(ok: bool) -> Result<(), CoreError> {
    if ok {
        Ok(())
    } else {
        Err(CoreError::Reported)
    }
}

fn dispatch(ctx: &Ctx, command: Command) -> Result<(), CoreError> {
    match command {
        Command::Init(a) => init::run(ctx, a),
        Command::Users(a) => users::run(ctx, a),
        Command::Demo(a) => demo::run(ctx, a),
        Command::Overview(a) => overview::run(ctx, a),
        Command::Agency(a) => committee::run_agency(ctx, a),
        Command::Committee(a) => committee::run_committee(ctx, a),
        Command::Meeting(a) => committee::run_meeting(ctx, a),
        Command::Agreements(a) => committee::run_agreements(ctx, a),
        Command::Clar(a) => clar::run(ctx, a),
        Command::Import(ImportCommand::Roster(a)) => match roster::import(ctx, a)? {
            true => Ok(()),
            false => Err(CoreError::NothingImported),
        },
        Command::Export(ExportCommand::Roster(a)) => roster::export(ctx, a),
        Command::Persons(PersonsCommand::Search(a)) => persons::search(ctx, a),
        Command::Overlaps(c) => overlaps::run(ctx, c),
        Command::Backup(a) => maintenance::backup(ctx, a),
        Command::Restore(a) => maintenance::restore(ctx, a),
        Command::Check => failed_unless(maintenance::check(ctx)?),
        Command::Audit(a) => failed_unless(maintenance::audit(ctx, a)?),
        Command::Export(ExportCommand::Matches(a)) => overlaps::export_matches(ctx, a),
    }
}
