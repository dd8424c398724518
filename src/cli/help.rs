//! Puts clap's help in the user's language: every command's `about`, every argument's help,
//! and the headings, all from the catalogue.

use super::args::Cli as Args;
use crate::i18n::{Clar, Cli, Lang, Localize};
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};
use std::ffi::OsString;

/// The language before parsing: `--lang` in argv, then TINKUY_LANG, the config file, Spanish.
pub fn startup_lang(argv: &[OsString]) -> Lang {
    let mut flag = None;
    let mut iter = argv.iter().map(|a| a.to_string_lossy().into_owned());
    while let Some(arg) = iter.next() {
        if let Some(value) = arg.strip_prefix("--lang=") {
            flag = Some(value.to_string());
        } else if arg == "--lang" {
            flag = iter.next();
        }
    }
    let env = std::env::var("TINKUY_LANG").ok();
    let file = crate::config::default_path();
    crate::config::startup_lang(flag.as_deref(), env.as_deref(), file.as_deref())
}

pub fn parse(argv: Vec<OsString>, lang: Lang) -> Result<Args, clap::Error> {
    let command = localize(Args::command(), lang);
    let matches = command.try_get_matches_from(argv)?;
    Args::from_arg_matches(&matches)
}

/// (path of subcommands, argument id or "" for the command itself, text)
const TEXTS: &[(&str, &str, Cli)] = &[
    ("", "", Cli::About),
    ("", "db", Cli::ArgDb),
    ("", "lang", Cli::ArgLang),
    ("", "user", Cli::ArgUser),
    ("init", "", Cli::CmdInit),
    ("init", "admin", Cli::ArgInitAdmin),
    ("init", "district", Cli::ArgInitDistrict),
    ("init", "office", Cli::ArgInitOffice),
    ("init", "name", Cli::ArgInitName),
    ("users", "", Cli::CmdUsers),
    ("users add", "", Cli::CmdUsersAdd),
    ("users add", "username", Cli::ArgUsersAddName),
    ("users add", "role", Cli::ArgUsersAddRole),
    ("users add", "name", Cli::ArgUsersAddDisplay),
    ("users list", "", Cli::CmdUsersList),
    ("users passwd", "", Cli::CmdUsersPasswd),
    ("users passwd", "username", Cli::ArgUsersPasswdName),
    ("demo", "", Cli::CmdDemo),
    ("demo", "households", Cli::ArgDemoHouseholds),
    ("demo", "seed", Cli::ArgDemoSeed),
    ("overview", "", Cli::CmdOverview),
    ("overview", "format", Cli::ArgFormat),
    ("persons", "", Cli::CmdPersons),
    ("persons search", "", Cli::CmdPersonsSearch),
    ("persons search", "text", Cli::ArgSearchText),
    ("persons search", "limit", Cli::ArgLimit),
    ("persons search", "format", Cli::ArgFormat),
    ("persons search", "district", Cli::ArgFilterDistrict),
    ("persons search", "programme", Cli::ArgFilterProgramme),
    ("persons search", "sisfoh", Cli::ArgFilterSisfoh),
    ("persons search", "enrolment", Cli::ArgFilterEnrolment),
    ("persons search", "sort", Cli::ArgSort),
    ("overlaps", "", Cli::CmdOverlaps),
    ("overlaps scan", "", Cli::CmdOverlapsScan),
    ("overlaps scan", "incremental", Cli::ArgIncremental),
    ("overlaps list", "", Cli::CmdOverlapsList),
    ("overlaps list", "kind", Cli::ArgFlagKind),
    ("overlaps list", "status", Cli::ArgFlagStatus),
    ("overlaps list", "severity", Cli::ArgFlagSeverity),
    ("overlaps list", "district", Cli::ArgFilterDistrict),
    ("overlaps list", "format", Cli::ArgFormat),
    ("overlaps list", "limit", Cli::ArgLimit),
    ("overlaps matrix", "", Cli::CmdOverlapsMatrix),
    ("overlaps quality", "", Cli::CmdOverlapsQuality),
    ("overlaps report-misuse", "", Cli::CmdReportMisuse),
    ("overlaps report-misuse", "agency", Cli::ArgMisuseAgency),
    ("overlaps report-misuse", "activity", Cli::ArgMisuseActivity),
    (
        "overlaps report-misuse",
        "description",
        Cli::ArgMisuseDescription,
    ),
    ("overlaps report-misuse", "date", Cli::ArgMisuseDate),
    (
        "overlaps report-misuse",
        "household",
        Cli::ArgMisuseHousehold,
    ),
    (
        "overlaps report-misuse",
        "reported_by",
        Cli::ArgMisuseReporter,
    ),
    ("export matches", "", Cli::CmdExportMatches),
    ("export matches", "format", Cli::ArgFormat),
    ("export matches", "out", Cli::ArgOut),
    ("backup", "", Cli::CmdBackup),
    ("backup", "out", Cli::ArgBackupOut),
    ("backup", "keep", Cli::ArgBackupKeep),
    ("restore", "", Cli::CmdRestore),
    ("restore", "file", Cli::ArgRestoreFile),
    ("check", "", Cli::CmdCheck),
    ("audit", "", Cli::CmdAudit),
    ("audit", "since", Cli::ArgAuditSince),
    ("audit", "of_user", Cli::ArgAuditUser),
    ("audit", "limit", Cli::ArgLimit),
    ("audit verify", "", Cli::CmdAuditVerify),
    ("import", "", Cli::CmdImport),
    ("import roster", "", Cli::CmdImportRoster),
    ("import roster", "file", Cli::ArgImportFile),
    ("import roster", "programme", Cli::ArgImportProgramme),
    ("import roster", "ubigeo_scheme", Cli::ArgImportScheme),
    ("import roster", "skip_invalid", Cli::ArgImportSkipInvalid),
    ("import roster", "dry_run", Cli::ArgImportDryRun),
    ("import roster", "sheet", Cli::ArgImportSheet),
    ("export", "", Cli::CmdExport),
    ("export roster", "", Cli::CmdExportRoster),
    ("export roster", "programme", Cli::ArgExportProgramme),
    ("export roster", "format", Cli::ArgFormat),
    ("export roster", "out", Cli::ArgOut),
    (
        "export roster",
        "include_personal_data",
        Cli::ArgIncludePersonal,
    ),
];

/// The `clar` commands' rows, kept with the CLAR's own catalogue.
const CLAR_TEXTS: &[(&str, &str, Clar)] = &[
    ("clar", "", Clar::CmdClar),
    ("clar sessions", "", Clar::CmdClarSessions),
    ("clar ranking", "", Clar::CmdClarRanking),
    ("clar ranking", "session", Clar::ArgSession),
    ("clar acta", "", Clar::CmdClarActa),
    ("clar acta", "session", Clar::ArgSession),
    ("clar acta", "format", Clar::ArgActaFormat),
    ("clar acta", "out", Clar::ArgOut),
    ("clar followup", "", Clar::CmdClarFollowup),
    ("clar followup", "as_of", Clar::ArgAsOf),
    ("clar session close", "session", Clar::ArgSession),
    ("clar conflict", "session", Clar::ArgSession),
    ("clar score", "session", Clar::ArgSession),
    ("clar award", "session", Clar::ArgSession),
];

pub fn localize(command: Command, lang: Lang) -> Command {
    let mut command = dress(command, lang);
    let rows = TEXTS
        .iter()
        .map(|(path, arg, key)| (*path, *arg, key.text(lang).into_owned()))
        .chain(
            CLAR_TEXTS
                .iter()
                .map(|(path, arg, key)| (*path, *arg, key.text(lang).into_owned())),
        );
    for (path, arg, text) in rows {
        let words: Vec<&str> = path.split_whitespace().collect();
        command = apply(command, &words, arg, text);
    }
    let command = super::clar::localize_help(command, lang);
    super::committee::localize(command, lang)
}

pub(super) fn apply(command: Command, path: &[&str], arg: &str, text: String) -> Command {
    match path.split_first() {
        Some((first, rest)) => command.mut_subcommand(*first, |sub| apply(sub, rest, arg, text)),
        None if arg.is_empty() => command.about(text),
        None => command.mut_arg(arg, |a| a.help(text)),
    }
}

/// Headings, and the help/version flags, in the user's language, on every subcommand.
fn dress(command: Command, lang: Lang) -> Command {
    let template = format!(
        "{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        Cli::HeadingUsage.text(lang)
    );
    let is_root = command.get_name() == "tinkuy";
    let mut command = command
        .help_template(template)
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .mut_args(|a| {
            a.hide_env_values(true)
                .help_heading(Cli::HeadingOptions.text(lang).into_owned())
        })
        .next_help_heading(Cli::HeadingOptions.text(lang).into_owned())
        .subcommand_help_heading(Cli::HeadingCommands.text(lang).into_owned())
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(Cli::HelpFlag.text(lang).into_owned()),
        );
    if is_root {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(Cli::VersionFlag.text(lang).into_owned()),
        );
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, |sub| dress(sub, lang));
    }
    command
}
