//! The argument grammar. Help texts are filled in per language by `help.rs`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Clone, Parser)]
#[command(name = "tinkuy", version)]
pub struct Cli {
    #[arg(long, global = true, env = "TINKUY_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    #[arg(long, global = true, value_name = "es|en")]
    pub lang: Option<String>,
    #[arg(long, global = true, env = "TINKUY_USER", value_name = "USER")]
    pub user: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    Init(InitArgs),
    #[command(subcommand)]
    Users(UsersCommand),
    Demo(DemoArgs),
    Overview(OverviewArgs),
    #[command(subcommand)]
    Agency(super::committee::AgencyCommand),
    #[command(subcommand)]
    Committee(super::committee::CommitteeCommand),
    #[command(subcommand)]
    Meeting(super::committee::MeetingCommand),
    Agreements(super::committee::AgreementsArgs),
    #[command(subcommand)]
    Clar(super::clar::ClarCommand),
    #[command(subcommand)]
    Persons(PersonsCommand),
    #[command(subcommand)]
    Overlaps(OverlapsCommand),
    #[command(subcommand)]
    Import(ImportCommand),
    Backup(BackupArgs),
    Restore(RestoreArgs),
    Check,
    Audit(AuditArgs),
    #[command(subcommand)]
    Export(ExportCommand),
}

#[derive(Debug, Clone, Subcommand)]
pub enum ImportCommand {
    Roster(ImportRosterArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemeArg {
    Inei,
    Reniec,
}

#[derive(Debug, Clone, Args)]
pub struct ImportRosterArgs {
    pub file: PathBuf,
    #[arg(long, value_name = "CODE")]
    pub programme: Option<String>,
    #[arg(long, value_enum, default_value_t = SchemeArg::Inei)]
    pub ubigeo_scheme: SchemeArg,
    #[arg(long)]
    pub skip_invalid: bool,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum ExportCommand {
    Roster(ExportRosterArgs),
    Matches(ExportMatchesArgs),
}

#[derive(Debug, Clone, Args)]
pub struct ExportMatchesArgs {
    #[arg(long, value_enum, default_value_t = MatchFormat::Csv)]
    pub format: MatchFormat,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MatchFormat {
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

#[derive(Debug, Clone, Args)]
pub struct ExportRosterArgs {
    #[arg(long, value_name = "CODE")]
    pub programme: String,
    #[arg(long)]
    pub include_personal_data: bool,
    #[arg(long, value_enum, default_value_t = FileFormat::Csv)]
    pub format: FileFormat,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct InitArgs {
    #[arg(long, value_name = "NAME")]
    pub admin: String,
    #[arg(long, value_name = "UBIGEO")]
    pub district: String,
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub office: i64,
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum UsersCommand {
    Add(UsersAddArgs),
    List,
    Passwd(UsersPasswdArgs),
}

#[derive(Debug, Clone, Args)]
pub struct UsersAddArgs {
    pub username: String,
    #[arg(long, value_name = "ROLE")]
    pub role: String,
    #[arg(long, value_name = "TEXT")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct UsersPasswdArgs {
    pub username: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    #[arg(long, default_value_t = 2_000, value_name = "N")]
    pub households: u32,
    #[arg(long, default_value_t = 7, value_name = "S")]
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Table,
    Csv,
}

#[derive(Debug, Clone, Args)]
pub struct OverviewArgs {
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

#[derive(Debug, Clone, Subcommand)]
pub enum PersonsCommand {
    Search(PersonsSearchArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EnrolmentState {
    Any,
    Active,
    Ended,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortArg {
    Name,
    District,
}

#[derive(Debug, Clone, Args)]
pub struct PersonsSearchArgs {
    pub text: String,
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    #[arg(long, value_name = "UBIGEO")]
    pub district: Option<String>,
    #[arg(long, value_name = "CODE")]
    pub programme: Option<String>,
    #[arg(long, value_name = "PE|P|NP")]
    pub sisfoh: Option<String>,
    #[arg(long, value_enum, default_value_t = EnrolmentState::Any)]
    pub enrolment: EnrolmentState,
    #[arg(long, value_enum, default_value_t = SortArg::Name)]
    pub sort: SortArg,
}

#[derive(Debug, Clone, Subcommand)]
pub enum OverlapsCommand {
    Scan(OverlapsScanArgs),
    List(OverlapsListArgs),
    Matrix,
    Quality,
    ReportMisuse(ReportMisuseArgs),
}

#[derive(Debug, Clone, Args)]
pub struct OverlapsScanArgs {
    #[arg(long)]
    pub incremental: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Csv,
    Md,
}

#[derive(Debug, Clone, Args)]
pub struct OverlapsListArgs {
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    #[arg(long, value_name = "SEVERITY")]
    pub severity: Option<String>,
    #[arg(long, value_name = "UBIGEO")]
    pub district: Option<String>,
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: usize,
}

#[derive(Debug, Clone, Args)]
pub struct ReportMisuseArgs {
    #[arg(long, value_name = "CODE")]
    pub agency: String,
    #[arg(long, value_name = "TEXT")]
    pub activity: String,
    #[arg(long, value_name = "TEXT")]
    pub description: String,
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[arg(long, value_name = "ID")]
    pub household: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub reported_by: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct BackupArgs {
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[arg(long, value_name = "N")]
    pub keep: Option<usize>,
}

#[derive(Debug, Clone, Args)]
pub struct RestoreArgs {
    pub file: PathBuf,
}

#[derive(Debug, Clone, Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub command: Option<AuditCommand>,
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    #[arg(long = "of-user", value_name = "USER")]
    pub of_user: Option<String>,
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub limit: i64,
}

#[derive(Debug, Clone, Subcommand)]
pub enum AuditCommand {
    Verify,
}
