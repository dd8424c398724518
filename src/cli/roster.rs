//! `tinkuy import roster` and `tinkuy export roster`.

use super::args::{ExportRosterArgs, FileFormat, ImportRosterArgs, SchemeArg};
use super::progress::TerminalProgress;
use super::{login, Ctx};
use crate::domain::ubigeo::UbigeoScheme;
use crate::i18n::{Cli, Localize};
use crate::services::roster::{self, export, ImportOptions, ImportReport};
use crate::services::CoreError;

/// How many warnings are printed before they are only counted.
const WARNINGS_SHOWN: usize = 20;

/// Imports; returns whether anything was imported (the exit status depends on it).
pub fn import(ctx: &Ctx, args: ImportRosterArgs) -> Result<bool, CoreError> {
    let mut store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    let options = ImportOptions {
        programme: args.programme,
        scheme: match args.ubigeo_scheme {
            SchemeArg::Inei => UbigeoScheme::Inei,
            SchemeArg::Reniec => UbigeoScheme::Reniec,
        },
        skip_invalid: args.skip_invalid,
        dry_run: args.dry_run,
        sheet: args.sheet,
    };
    let mut progress = TerminalProgress::new(Cli::CmdImportRoster.text(ctx.lang));
    let report = roster::import_file(
        &mut store,
        &actor,
        &args.file,
        &options,
        ctx.lang,
        &mut progress,
    )?;
    progress.finish();
    print_report(ctx, &report);
    Ok(report.imported || (report.dry_run && !report.checked.has_errors()))
}

fn print_report(ctx: &Ctx, report: &ImportReport) {
    let lang = ctx.lang;
    let c = &report.counts;
    println!(
        "{}: {} {}, {} {}, {} {}, {} {}, {} {}",
        Cli::ImportSummary.text(lang),
        c.new,
        Cli::ImportNew.text(lang),
        c.updated,
        Cli::ImportUpdated.text(lang),
        c.unchanged,
        Cli::ImportUnchanged.text(lang),
        c.ended,
        Cli::ImportEnded.text(lang),
        c.rejected,
        Cli::ImportRejected.text(lang),
    );
    let errors: Vec<_> = report.checked.errors().collect();
    if !errors.is_empty() {
        println!("{}:", Cli::ImportErrors.text(lang));
        for issue in errors {
            println!("  {}", issue.text(lang));
        }
    }
    let warnings: Vec<_> = report.checked.warnings().collect();
    if !warnings.is_empty() {
        println!("{}:", Cli::ImportWarnings.text(lang));
        for issue in warnings.iter().take(WARNINGS_SHOWN) {
            println!("  {}", issue.text(lang));
        }
        if warnings.len() > WARNINGS_SHOWN {
            println!(
                "  … {} {}",
                warnings.len() - WARNINGS_SHOWN,
                Cli::ImportMoreWarnings.text(lang)
            );
        }
    }
    if !report.disagreements.is_empty() {
        println!(
            "{}: {}",
            Cli::ImportDisagreements.text(lang),
            report.disagreements.len()
        );
    }
    if let Some(path) = &report.error_file {
        println!("{}: {}", Cli::ImportErrorFile.text(lang), path.display());
    }
    if report.dry_run {
        println!("{}", Cli::ImportDryRun.text(lang));
    } else if !report.imported {
        println!("{}", Cli::ImportNothing.text(lang));
    }
}

pub fn export(ctx: &Ctx, args: ExportRosterArgs) -> Result<(), CoreError> {
    let mut store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    let personal = if args.include_personal_data {
        export::PersonalData::Include
    } else {
        export::PersonalData::Mask
    };
    let rows = match (args.format, &args.out) {
        (FileFormat::Xlsx, None) => {
            return Err(CoreError::InvalidValue {
                field: "--out",
                value: Cli::XlsxNeedsOut.text(ctx.lang).into_owned(),
            })
        }
        (FileFormat::Xlsx, Some(path)) => {
            export::write_xlsx(&store, &actor, &args.programme, personal, path)?
        }
        (FileFormat::Csv, Some(path)) => {
            write_csv_file(&store, &actor, &args.programme, personal, path)?
        }
        (FileFormat::Csv, None) => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            export::write_csv(&store, &actor, &args.programme, personal, &mut lock)?
        }
    };
    export::record_export(&mut store, &actor, &args.programme, personal, rows)?;
    if args.out.is_some() {
        eprintln!("{rows} {}", Cli::ExportDone.text(ctx.lang));
    }
    Ok(())
}

/// Writes beside the target and renames, so a failed export leaves no half-written file.
fn write_csv_file(
    store: &crate::store::Store,
    actor: &crate::services::Actor,
    programme: &str,
    personal: export::PersonalData,
    path: &std::path::Path,
) -> Result<u64, CoreError> {
    let fail = |e: std::io::Error| CoreError::WriteFile {
        path: path.to_path_buf(),
        detail: e.to_string(),
    };
    let tmp = path.with_extension("csv.tmp");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&tmp).map_err(fail)?);
    let written = export::write_csv(store, actor, programme, personal, &mut file);
    drop(file);
    match written {
        Ok(rows) => {
            std::fs::rename(&tmp, path).map_err(fail)?;
            Ok(rows)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}
