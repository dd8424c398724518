//! The committee commands' grammar: `agency`, `committee`, `meeting`, `agreements`.
//! Values that name the domain's closed sets (sector, attendance, agreement status) are
//! taken as text and read by the core, so a wrong one is explained in the user's language.

use super::super::args::TableFormat;
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Subcommand)]
pub enum AgencyCommand {
    List(AgencyListArgs),
    Add(AgencyFieldsArgs),
    Edit(AgencyFieldsArgs),
    Deactivate(CodeArg),
    Activate(CodeArg),
    Delete(CodeArg),
    Reps(CodeArg),
    AddRep(RepAddArgs),
}

#[derive(Debug, Clone, Args)]
pub struct AgencyListArgs {
    #[arg(long)]
    pub all: bool,
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

#[derive(Debug, Clone, Args)]
pub struct CodeArg {
    #[arg(value_name = "CODE")]
    pub code: String,
}

/// For `add` every field but the address and phone is needed; for `edit` what is not
/// given stays as it was.
#[derive(Debug, Clone, Args)]
pub struct AgencyFieldsArgs {
    #[arg(value_name = "CODE")]
    pub code: String,
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    #[arg(long, value_name = "SECTOR")]
    pub sector: Option<String>,
    #[arg(long, value_name = "LEVEL")]
    pub level: Option<String>,
    #[arg(long, value_name = "UBIGEO")]
    pub district: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub address: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub phone: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct RepAddArgs {
    #[arg(value_name = "CODE")]
    pub code: String,
    #[arg(long, value_name = "TEXT")]
    pub name: String,
    #[arg(long, value_name = "TEXT")]
    pub position: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub phone: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum CommitteeCommand {
    Create(CommitteeCreateArgs),
    Show,
    Edit(CommitteeEditArgs),
    AddMember(MemberSinceArgs),
    RemoveMember(MemberUntilArgs),
    Schedule(ScheduleArgs),
}

#[derive(Debug, Clone, Args)]
pub struct CommitteeCreateArgs {
    #[arg(long, value_name = "TEXT")]
    pub name: String,
    #[arg(long, value_name = "UBIGEO")]
    pub district: Option<String>,
    #[arg(long, value_name = "RULE")]
    pub rule: Option<String>,
    #[arg(long, value_name = "PERCENT")]
    pub quorum: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct CommitteeEditArgs {
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    #[arg(long, value_name = "RULE")]
    pub rule: Option<String>,
    #[arg(long, value_name = "PERCENT")]
    pub quorum: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct MemberSinceArgs {
    #[arg(value_name = "CODE")]
    pub code: String,
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct MemberUntilArgs {
    #[arg(value_name = "CODE")]
    pub code: String,
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ScheduleArgs {
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    #[arg(long, default_value_t = 12, value_name = "N")]
    pub months: u32,
    #[arg(long, value_name = "TEXT", default_value = "")]
    pub place: String,
    #[arg(long, value_name = "HH:MM")]
    pub time: Option<String>,
    #[arg(long, value_name = "CODE")]
    pub convened_by: Option<String>,
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Subcommand)]
pub enum MeetingCommand {
    List(MeetingListArgs),
    Add(MeetingFieldsArgs),
    Edit(MeetingEditArgs),
    Held(MeetingIdArg),
    Cancel(MeetingIdArg),
    Item(ItemArgs),
    Notes(NotesArgs),
    Attend(AttendArgs),
    Agree(AgreeArgs),
    Export(ExportArgs),
}

#[derive(Debug, Clone, Args)]
pub struct MeetingListArgs {
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

#[derive(Debug, Clone, Args)]
pub struct MeetingIdArg {
    #[arg(value_name = "ID")]
    pub id: String,
}

#[derive(Debug, Clone, Args)]
pub struct MeetingFieldsArgs {
    #[arg(long, value_name = "DATE")]
    pub date: String,
    #[arg(long, value_name = "HH:MM")]
    pub time: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub place: String,
    #[arg(long, value_name = "CODE")]
    pub convened_by: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct MeetingEditArgs {
    #[arg(value_name = "ID")]
    pub id: String,
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[arg(long, value_name = "HH:MM")]
    pub time: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub place: Option<String>,
    #[arg(long, value_name = "CODE")]
    pub convened_by: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct ItemArgs {
    #[arg(value_name = "ID")]
    pub id: String,
    #[arg(long, value_name = "TEXT")]
    pub title: String,
    #[arg(long, value_name = "CODE")]
    pub presenter: Option<String>,
    #[arg(long, value_name = "HH:MM")]
    pub time: Option<String>,
    #[arg(long = "flag", value_name = "FLAG")]
    pub flags: Vec<String>,
    #[arg(long, value_name = "CALL")]
    pub clar_call: Option<String>,
    #[arg(long, value_name = "PROPOSAL")]
    pub proposal: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct NotesArgs {
    #[arg(value_name = "ID")]
    pub id: String,
    #[arg(long, value_name = "N")]
    pub item: Option<i64>,
    #[arg(
        long,
        value_name = "TEXT",
        conflicts_with = "file",
        required_unless_present = "file"
    )]
    pub text: Option<String>,
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,
    #[arg(long, value_name = "V")]
    pub expect_version: Option<i64>,
}

#[derive(Debug, Clone, Args)]
pub struct AttendArgs {
    #[arg(value_name = "ID")]
    pub id: String,
    #[arg(value_name = "CODE")]
    pub agency: String,
    #[arg(long, value_name = "STATUS")]
    pub status: String,
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
    #[arg(long, value_name = "REP")]
    pub rep: Option<String>,
}

/// The responsible agency and the due date are optional here so that leaving them out is
/// refused by the core with a message that explains why an agreement needs them.
#[derive(Debug, Clone, Args)]
pub struct AgreeArgs {
    #[arg(value_name = "ID")]
    pub id: String,
    #[arg(long, value_name = "TEXT")]
    pub description: String,
    #[arg(long, value_name = "CODE")]
    pub responsible: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    #[arg(long, value_name = "N")]
    pub item: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    Md,
    Txt,
    Html,
}

#[derive(Debug, Clone, Args)]
pub struct ExportArgs {
    #[arg(value_name = "ID")]
    pub id: String,
    #[arg(long, value_enum, default_value_t = SummaryFormat::Txt)]
    pub format: SummaryFormat,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Pending,
    Overdue,
    Done,
    Dropped,
    All,
}

#[derive(Debug, Clone, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct AgreementsArgs {
    #[command(subcommand)]
    pub command: Option<AgreementsCommand>,
    #[arg(long, value_enum, default_value_t = StatusArg::Pending)]
    pub status: StatusArg,
    #[arg(long, value_name = "CODE")]
    pub agency: Option<String>,
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum AgreementsCommand {
    Set(AgreementSetArgs),
}

#[derive(Debug, Clone, Args)]
pub struct AgreementSetArgs {
    #[arg(value_name = "ID")]
    pub id: String,
    #[arg(long, value_name = "STATUS")]
    pub status: String,
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}
