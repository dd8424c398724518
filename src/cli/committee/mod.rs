//! The committee's commands: `agency`, `committee`, `meeting` and `agreements`. Each opens
//! the store, logs the user in, calls `services::committee` and prints the result; writes of
//! files go through the core's atomic export.

mod agency;
mod agreements;
pub mod args;
mod board;
mod meeting;

use super::{login, Ctx};
use crate::i18n::{CommitteeCli as C, Localize};
use crate::services::committee::agencies;
use crate::services::{Actor, CoreError};
use crate::store::Store;
use clap::Command;

pub use args::{AgencyCommand, AgreementsArgs, CommitteeCommand, MeetingCommand};

pub fn run_agency(ctx: &Ctx, command: AgencyCommand) -> Result<(), CoreError> {
    agency::run(ctx, command)
}

pub fn run_committee(ctx: &Ctx, command: CommitteeCommand) -> Result<(), CoreError> {
    board::run(ctx, command)
}

pub fn run_meeting(ctx: &Ctx, command: MeetingCommand) -> Result<(), CoreError> {
    meeting::run(ctx, command)
}

pub fn run_agreements(ctx: &Ctx, args: AgreementsArgs) -> Result<(), CoreError> {
    agreements::run(ctx, args)
}

/// Opens the store and logs the user in.
fn open(ctx: &Ctx) -> Result<(Store, Actor), CoreError> {
    let store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    Ok((store, actor))
}

/// An agency's id from its code (or displayed id).
fn agency_id(store: &Store, actor: &Actor, code: &str) -> Result<i64, CoreError> {
    Ok(agencies::find_agency(store, actor, code)?.id)
}

fn optional_agency(
    store: &Store,
    actor: &Actor,
    code: Option<&str>,
) -> Result<Option<i64>, CoreError> {
    code.map(|c| agency_id(store, actor, c)).transpose()
}

/// Today as the store's clock says, ISO.
fn today(store: &Store) -> String {
    crate::domain::dates::iso(store.clock().today())
}

/// Rows under headings, columns padded by characters (not bytes, for accents).
fn table_text(headings: &[String], rows: &[Vec<String>]) -> String {
    let columns = headings.len();
    let mut widths: Vec<usize> = headings.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(columns) {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let width = widths.get(i).copied().unwrap_or(0);
                if i + 1 == cells.len() {
                    c.clone()
                } else {
                    format!("{c}{}", " ".repeat(width.saturating_sub(c.chars().count())))
                }
            })
            .collect();
        padded.join("  ").trim_end().to_string() + "\n"
    };
    let mut out = line(headings);
    for row in rows {
        out.push_str(&line(row));
    }
    out
}

fn print_table(headings: &[String], rows: &[Vec<String>]) {
    print!("{}", table_text(headings, rows));
}

/// Prints rows as CSV for scripts and spreadsheets.
fn print_csv(headings: &[String], rows: &[Vec<String>]) {
    let line = |cells: &[String]| {
        cells
            .iter()
            .map(|c| crate::services::committee::summary::csv::field(c))
            .collect::<Vec<_>>()
            .join(",")
    };
    println!("{}", line(headings));
    for row in rows {
        println!("{}", line(row));
    }
}

/// (path of subcommands, argument id or "" for the command itself, text)
const TEXTS: &[(&str, &str, C)] = &[
    ("agency", "", C::CmdAgency),
    ("agency list", "", C::CmdAgencyList),
    ("agency list", "all", C::ArgAll),
    ("agency list", "format", C::ArgTableFormat),
    ("agency add", "", C::CmdAgencyAdd),
    ("agency edit", "", C::CmdAgencyEdit),
    ("agency deactivate", "", C::CmdAgencyDeactivate),
    ("agency deactivate", "code", C::ArgAgencyCode),
    ("agency activate", "", C::CmdAgencyActivate),
    ("agency activate", "code", C::ArgAgencyCode),
    ("agency delete", "", C::CmdAgencyDelete),
    ("agency delete", "code", C::ArgAgencyCode),
    ("agency reps", "", C::CmdAgencyReps),
    ("agency reps", "code", C::ArgAgencyCode),
    ("agency add-rep", "", C::CmdAgencyAddRep),
    ("agency add-rep", "code", C::ArgAgencyCode),
    ("agency add-rep", "name", C::ArgRepName),
    ("agency add-rep", "position", C::ArgPosition),
    ("agency add-rep", "phone", C::ArgPhone),
    ("agency add-rep", "email", C::ArgEmail),
    ("committee", "", C::CmdCommittee),
    ("committee create", "", C::CmdCommitteeCreate),
    ("committee create", "name", C::ArgCommitteeName),
    ("committee create", "district", C::ArgCommitteeDistrict),
    ("committee create", "rule", C::ArgRule),
    ("committee create", "quorum", C::ArgQuorum),
    ("committee show", "", C::CmdCommitteeShow),
    ("committee edit", "", C::CmdCommitteeEdit),
    ("committee edit", "name", C::ArgCommitteeName),
    ("committee edit", "rule", C::ArgRule),
    ("committee edit", "quorum", C::ArgQuorum),
    ("committee add-member", "", C::CmdAddMember),
    ("committee add-member", "code", C::ArgMemberCode),
    ("committee add-member", "since", C::ArgSince),
    ("committee remove-member", "", C::CmdRemoveMember),
    ("committee remove-member", "code", C::ArgMemberCode),
    ("committee remove-member", "until", C::ArgUntil),
    ("committee schedule", "", C::CmdSchedule),
    ("committee schedule", "from", C::ArgFrom),
    ("committee schedule", "months", C::ArgMonths),
    ("committee schedule", "place", C::ArgPlace),
    ("committee schedule", "time", C::ArgTime),
    ("committee schedule", "convened_by", C::ArgConvenedBy),
    ("committee schedule", "dry_run", C::ArgDryRun),
    ("meeting", "", C::CmdMeeting),
    ("meeting list", "", C::CmdMeetingList),
    ("meeting list", "format", C::ArgTableFormat),
    ("meeting add", "", C::CmdMeetingAdd),
    ("meeting edit", "", C::CmdMeetingEdit),
    ("meeting edit", "id", C::ArgMeetingId),
    ("meeting held", "", C::CmdMeetingHeld),
    ("meeting held", "id", C::ArgMeetingId),
    ("meeting cancel", "", C::CmdMeetingCancel),
    ("meeting cancel", "id", C::ArgMeetingId),
    ("meeting item", "", C::CmdMeetingItem),
    ("meeting item", "id", C::ArgMeetingId),
    ("meeting item", "title", C::ArgTitle),
    ("meeting item", "presenter", C::ArgPresenter),
    ("meeting item", "time", C::ArgItemTime),
    ("meeting item", "flags", C::ArgFlag),
    ("meeting item", "clar_call", C::ArgClarCall),
    ("meeting item", "proposal", C::ArgProposal),
    ("meeting notes", "", C::CmdMeetingNotes),
    ("meeting notes", "id", C::ArgMeetingId),
    ("meeting notes", "item", C::ArgItem),
    ("meeting notes", "text", C::ArgText),
    ("meeting notes", "file", C::ArgFile),
    ("meeting notes", "expect_version", C::ArgExpectVersion),
    ("meeting attend", "", C::CmdMeetingAttend),
    ("meeting attend", "id", C::ArgMeetingId),
    ("meeting attend", "agency", C::ArgAttendAgency),
    ("meeting attend", "status", C::ArgAttendStatus),
    ("meeting attend", "name", C::ArgAttendee),
    ("meeting attend", "rep", C::ArgRep),
    ("meeting agree", "", C::CmdMeetingAgree),
    ("meeting agree", "id", C::ArgMeetingId),
    ("meeting agree", "description", C::ArgDescription),
    ("meeting agree", "responsible", C::ArgResponsible),
    ("meeting agree", "due", C::ArgDue),
    ("meeting agree", "item", C::ArgItem),
    ("meeting export", "", C::CmdMeetingExport),
    ("meeting export", "id", C::ArgMeetingId),
    ("meeting export", "format", C::ArgSummaryFormat),
    ("meeting export", "out", C::ArgOut),
    ("agreements", "", C::CmdAgreements),
    ("agreements", "status", C::ArgStatusFilter),
    ("agreements", "agency", C::ArgAgencyFilter),
    ("agreements", "format", C::ArgTableFormat),
    ("agreements", "out", C::ArgOut),
    ("agreements set", "", C::CmdAgreementsSet),
    ("agreements set", "id", C::ArgAgreementId),
    ("agreements set", "status", C::ArgAgreementStatus),
    ("agreements set", "note", C::ArgNote),
    ("agreements set", "on", C::ArgOn),
];

/// Arguments shared by `agency add` and `agency edit`, and by `meeting add` and `edit`.
const SHARED: &[(&str, &[&str], &str, C)] = &[
    ("agency", &["add", "edit"], "code", C::ArgAgencyCode),
    ("agency", &["add", "edit"], "name", C::ArgAgencyName),
    ("agency", &["add", "edit"], "sector", C::ArgSector),
    ("agency", &["add", "edit"], "level", C::ArgLevel),
    ("agency", &["add", "edit"], "district", C::ArgAgencyDistrict),
    ("agency", &["add", "edit"], "address", C::ArgAddress),
    ("agency", &["add", "edit"], "phone", C::ArgPhone),
    ("meeting", &["add", "edit"], "date", C::ArgDate),
    ("meeting", &["add", "edit"], "time", C::ArgTime),
    ("meeting", &["add", "edit"], "place", C::ArgPlace),
    ("meeting", &["add", "edit"], "convened_by", C::ArgConvenedBy),
];

/// Puts the committee commands' help in the user's language.
pub fn localize(mut command: Command, lang: crate::i18n::Lang) -> Command {
    let mut texts: Vec<(String, &str, C)> = TEXTS
        .iter()
        .map(|(path, arg, key)| (path.to_string(), *arg, *key))
        .collect();
    for (parent, subs, arg, key) in SHARED {
        for sub in *subs {
            texts.push((format!("{parent} {sub}"), arg, *key));
        }
    }
    for (path, arg, key) in texts {
        let words: Vec<&str> = path.split_whitespace().collect();
        command = super::help::apply(command, &words, arg, key.text(lang).into_owned());
    }
    command
}
