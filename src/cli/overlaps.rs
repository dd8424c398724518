//! `tinkuy overlaps scan|list|matrix|quality|report-misuse` and `tinkuy export matches`.

use super::args::{
    ExportMatchesArgs, ListFormat, OverlapsCommand, OverlapsListArgs, ReportMisuseArgs,
};
use super::progress::TerminalProgress;
use super::{login, Ctx};
use crate::i18n::{overlaps as words, Cli, Localize};
use crate::services::matching::scan::ScanKind;
use crate::services::overlaps::report::{self, MisuseDraft};
use crate::services::overlaps::scan;
use crate::services::CoreError;
use crate::store::flags::FlagFilter;
use std::sync::atomic::AtomicBool;

pub fn run(ctx: &Ctx, command: OverlapsCommand) -> Result<(), CoreError> {
    match command {
        OverlapsCommand::Scan(a) => run_scan(ctx, a.incremental),
        OverlapsCommand::List(a) => list(ctx, a),
        OverlapsCommand::Matrix => matrix(ctx),
        OverlapsCommand::Quality => quality(ctx),
        OverlapsCommand::ReportMisuse(a) => misuse(ctx, a),
    }
}

fn run_scan(ctx: &Ctx, incremental: bool) -> Result<(), CoreError> {
    let mut store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    let kind = if incremental {
        ScanKind::Incremental
    } else {
        ScanKind::Full
    };
    let mut progress = TerminalProgress::new(Cli::CmdOverlapsScan.text(ctx.lang));
    let report = scan::scan(
        &mut store,
        &actor,
        kind,
        &mut progress,
        &AtomicBool::new(false),
    )?;
    progress.finish();
    let lang = ctx.lang;
    if report.cancelled {
        println!("{}", Cli::ScanCancelled.text(lang));
        return Ok(());
    }
    let m = &report.matching;
    println!(
        "{} ({:.1} s)",
        Cli::ScanDone.text(lang),
        report.total_time.as_secs_f64()
    );
    println!(
        "  {} {}, {} {}",
        m.records,
        Cli::ScanRecords.text(lang),
        m.pairs_compared,
        Cli::ScanPairs.text(lang)
    );
    println!(
        "  {} {}, {} {}, {} {}",
        m.probable,
        Cli::ScanProbable.text(lang),
        m.dni_conflicts,
        Cli::ScanConflicts.text(lang),
        report.rule_flags,
        Cli::ScanRules.text(lang)
    );
    println!(
        "  {} {}, {} {}, {} {}",
        report.flags_new,
        Cli::ScanNew.text(lang),
        report.flags_seen,
        Cli::ScanSeen.text(lang),
        report.flags_reopened,
        Cli::ScanReopened.text(lang)
    );
    if m.truncated_blocks > 0 {
        println!("  {} {}", m.truncated_blocks, Cli::ScanTruncated.text(lang));
    }
    Ok(())
}

fn list(ctx: &Ctx, args: OverlapsListArgs) -> Result<(), CoreError> {
    let store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    let filter = FlagFilter {
        kind: args.kind,
        severity: args.severity,
        status: args.status,
        district: args.district,
        programme: None,
    };
    let page = report::list(&store, &actor, &filter, None, args.limit)?;
    let lang = ctx.lang;
    let rows: Vec<[String; 6]> = page
        .flags
        .iter()
        .map(|f| {
            [
                crate::store::ids::display(f.id),
                words::kind(&f.kind, lang).to_string(),
                words::severity(&f.severity, lang).to_string(),
                words::status(&f.status, lang).to_string(),
                f.district_name.clone().unwrap_or_default(),
                words::explain(f, lang),
            ]
        })
        .collect();
    let header = [
        "id",
        "tipo",
        "gravedad",
        "estado",
        "distrito",
        "explicación",
    ];
    match args.format {
        ListFormat::Csv => {
            let io = |e: csv::Error| CoreError::WriteFile {
                path: "-".into(),
                detail: e.to_string(),
            };
            let mut out = csv::Writer::from_writer(std::io::stdout());
            out.write_record(header).map_err(io)?;
            for r in &rows {
                out.write_record(r).map_err(io)?;
            }
            out.flush().map_err(|e| io(e.into()))?;
        }
        ListFormat::Md => {
            println!("| {} |", header.join(" | "));
            println!("|{}", "---|".repeat(header.len()));
            for r in &rows {
                let cells: Vec<String> = r.iter().map(|c| c.replace('|', "\\|")).collect();
                println!("| {} |", cells.join(" | "));
            }
        }
        ListFormat::Table => {
            for r in &rows {
                println!(
                    "{:<16} {:<30} {:<6} {:<12} {}",
                    r[0], r[1], r[2], r[3], r[4]
                );
                println!("    {}", r[5]);
            }
        }
    }
    Ok(())
}

fn matrix(ctx: &Ctx) -> Result<(), CoreError> {
    let store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    for cell in report::matrix(&store, &actor)? {
        println!(
            "{:<11} × {:<11} {:>9} hogares {:>9} personas  {}",
            cell.programme_a,
            cell.programme_b,
            cell.households,
            cell.persons,
            cell.class.unwrap_or_default()
        );
    }
    Ok(())
}

fn quality(ctx: &Ctx) -> Result<(), CoreError> {
    let store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    actor.require(crate::services::Permission::WorkFlags)?;
    let q = crate::services::matching::quality::measure(&store)?;
    println!("{}", Cli::QualityHeader.text(ctx.lang));
    println!(
        "  true pairs {}, predicted {}, correct {}",
        q.true_pairs, q.predicted_pairs, q.correct
    );
    println!("  precision {:.4}, recall {:.4}", q.precision, q.recall);
    println!("  missed by noise kind: {:?}", q.missed_by_kind);
    println!("  wrong by kind: {:?}", q.wrong_by_kind);
    Ok(())
}

fn misuse(ctx: &Ctx, a: ReportMisuseArgs) -> Result<(), CoreError> {
    let mut store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    let household = match &a.household {
        Some(text) => Some(
            crate::store::ids::parse(text).ok_or(CoreError::InvalidValue {
                field: "--household",
                value: text.clone(),
            })?,
        ),
        None => None,
    };
    let today = crate::domain::dates::iso(store.clock().today());
    report::report_misuse(
        &mut store,
        &actor,
        &MisuseDraft {
            reported_on: a.date.unwrap_or(today),
            agency_code: a.agency,
            forced_activity: a.activity,
            description: a.description,
            household,
            community: None,
            reported_by: a.reported_by.unwrap_or_default(),
        },
    )?;
    println!("{}", Cli::MisuseRecorded.text(ctx.lang));
    Ok(())
}

pub fn export_matches(ctx: &Ctx, args: ExportMatchesArgs) -> Result<(), CoreError> {
    let store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    match &args.out {
        Some(path) => {
            let fail = |e: std::io::Error| CoreError::WriteFile {
                path: path.clone(),
                detail: e.to_string(),
            };
            let tmp = path.with_extension("csv.tmp");
            let mut file = std::io::BufWriter::new(std::fs::File::create(&tmp).map_err(fail)?);
            let result = report::write_matches(&store, &actor, &mut file);
            drop(file);
            match result {
                Ok(_) => std::fs::rename(&tmp, path).map_err(fail)?,
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e);
                }
            }
        }
        None => {
            report::write_matches(&store, &actor, &mut std::io::stdout().lock())?;
        }
    }
    Ok(())
}
