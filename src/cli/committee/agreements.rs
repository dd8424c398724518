//! `tinkuy agreements [--status …] [--agency CODE] [--format table|csv] [--out FILE]` and
//! `tinkuy agreements set ID --status done|dropped|pending [--note …] [--on DATE]`.

use super::args::{AgreementSetArgs, AgreementsArgs, AgreementsCommand, StatusArg};
use super::{open, optional_agency, print_table, Ctx};
use crate::cli::args::TableFormat;
use crate::domain::committee::AgreementStatus;
use crate::i18n::{CommitteeReport as R, Localize};
use crate::services::committee::agreements::{self, StatusChange};
use crate::services::committee::pending::{self, AgreementFilter, StatusFilter};
use crate::services::committee::summary::csv::agreements_csv;
use crate::services::committee::{committees, export, CommitteeError};
use crate::services::CoreError;
use crate::store::ids;

pub fn run(ctx: &Ctx, args: AgreementsArgs) -> Result<(), CoreError> {
    match &args.command {
        Some(AgreementsCommand::Set(set)) => set_status(ctx, set),
        None => list(ctx, &args),
    }
}

fn filter(status: StatusArg) -> StatusFilter {
    match status {
        StatusArg::Pending => StatusFilter::Pending,
        StatusArg::Overdue => StatusFilter::Overdue,
        StatusArg::Done => StatusFilter::Done,
        StatusArg::Dropped => StatusFilter::Dropped,
        StatusArg::All => StatusFilter::All,
    }
}

fn list(ctx: &Ctx, args: &AgreementsArgs) -> Result<(), CoreError> {
    let (store, actor) = open(ctx)?;
    let committee = committees::current_committee(&store, &actor)?;
    let filter = AgreementFilter {
        status: filter(args.status),
        agency: optional_agency(&store, &actor, args.agency.as_deref())?,
    };
    let list = pending::list_agreements(&store, &actor, committee.id, &filter)?;
    let text = match args.format {
        TableFormat::Csv => agreements_csv(&list, ctx.lang),
        TableFormat::Table => {
            let rows: Vec<Vec<String>> = list
                .agreements
                .iter()
                .map(|a| {
                    vec![
                        ids::display(a.row.id),
                        a.row.agency_code.clone(),
                        a.due_on.to_string(),
                        a.status.text(ctx.lang).into_owned(),
                        if a.is_overdue() {
                            a.days_overdue.to_string()
                        } else {
                            String::new()
                        },
                        a.row.description.clone(),
                    ]
                })
                .collect();
            let headings: Vec<String> = [
                R::ColAgreement,
                R::ColAgency,
                R::ColDue,
                R::ColStatus,
                R::ColOverdue,
                R::ColDescription,
            ]
            .iter()
            .map(|h| h.text(ctx.lang).into_owned())
            .collect();
            if args.out.is_none() {
                print_table(&headings, &rows);
                return Ok(());
            }
            super::table_text(&headings, &rows)
        }
    };
    match &args.out {
        Some(path) => {
            export::write_atomically(path, text.as_bytes())?;
            eprintln!("{}: {}", R::Written.text(ctx.lang), path.display());
        }
        None => print!("{text}"),
    }
    Ok(())
}

fn set_status(ctx: &Ctx, args: &AgreementSetArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let agreement = agreements::find_agreement(&store, &actor, &args.id)?;
    let status = AgreementStatus::parse(&args.status).map_err(CommitteeError::from)?;
    let change = StatusChange {
        status,
        note: args.note.as_deref(),
        on: args.on.as_deref(),
    };
    agreements::set_agreement_status(&mut store, &actor, agreement.id, agreement.version, &change)?;
    println!(
        "{}: {} ({})",
        R::AgreementUpdated.text(ctx.lang),
        ids::display(agreement.id),
        status.text(ctx.lang)
    );
    Ok(())
}
