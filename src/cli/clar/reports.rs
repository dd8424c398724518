//! `tinkuy clar sessions|ranking|acta|followup`: the CLAR's sessions, a closed session's
//! ranking with the funds remaining, its acta (to the screen or, whole or not at all, to a
//! file), and the follow-up of funded ventures per call.

use super::args::{ActaArgs, ActaFormatArg, FollowupArgs, SessionArgs};
use super::{col, open, session_id};
use crate::cli::Ctx;
use crate::domain::dates::parse_date;
use crate::i18n::{Clar, Localize};
use crate::services::clar::acta::{self, file::write_atomically, ActaFormat};
use crate::services::clar::award::RankingView;
use crate::services::clar::ranking::milli_text;
use crate::services::clar::{acta_label, award, followup, session};
use crate::services::CoreError;
use crate::store::ids;

pub fn sessions(ctx: &Ctx) -> Result<(), CoreError> {
    let (store, actor) = open(ctx)?;
    let rows = session::list_sessions(&store, &actor)?;
    let lang = ctx.lang;
    if rows.is_empty() {
        println!("{}", Clar::NoSessions.text(lang));
        return Ok(());
    }
    println!(
        "{:<9} {:<10} {:<8} {:<14} {}",
        col(Clar::ColActa, lang),
        col(Clar::ColDate, lang),
        col(Clar::ColStatus, lang),
        "id",
        col(Clar::ColCall, lang)
    );
    for s in rows {
        let status = if s.closed {
            Clar::SessionClosed
        } else {
            Clar::SessionOpen
        };
        println!(
            "{:<9} {:<10} {:<8} {:<14} {}",
            acta_label(&s),
            crate::domain::dates::iso(s.held_on),
            status.text(lang),
            ids::display(s.id),
            s.call_title
        );
    }
    Ok(())
}

pub fn ranking(ctx: &Ctx, args: SessionArgs) -> Result<(), CoreError> {
    let (store, actor) = open(ctx)?;
    let id = session_id(&store, &args.session)?;
    let view = award::ranking(&store, &actor, id)?;
    print_ranking(ctx, &view);
    Ok(())
}

/// The ranking, what each proposal gets and what remains of the funds.
pub fn print_ranking(ctx: &Ctx, view: &RankingView) {
    let lang = ctx.lang;
    println!(
        "{} {} — {}",
        Clar::ActaNumber.text(lang),
        acta_label(&view.session),
        view.call.title
    );
    println!();
    println!(
        "{:>6} {:>8} {:>19}  {:<20} {}",
        col(Clar::ColRank, lang),
        col(Clar::ColScore, lang),
        col(Clar::ColProgrammeAmount, lang),
        col(Clar::ColResult, lang),
        col(Clar::ColProposal, lang)
    );
    for row in &view.rows {
        let result = if row.decision.funded {
            Clar::Funded
        } else {
            Clar::NotFunded
        };
        println!(
            "{:>6} {:>8} {:>19}  {:<20} {}",
            row.ranked.rank,
            milli_text(row.ranked.score_milli),
            row.proposal.programme.to_string(),
            result.text(lang),
            row.proposal.title
        );
    }
    let a = &view.allocation;
    println!();
    println!("{}: {}", Clar::ActaEnvelope.text(lang), a.envelope);
    println!("{}: {}", Clar::ActaFundedTotal.text(lang), a.funded_total);
    println!("{}: {}", Clar::ActaRemaining.text(lang), a.remaining);
    if !view.awarded {
        println!("{}", Clar::ActaPending.text(lang));
    }
}

pub fn acta(ctx: &Ctx, args: ActaArgs) -> Result<(), CoreError> {
    let (store, actor) = open(ctx)?;
    let id = session_id(&store, &args.session)?;
    let format = match args.format {
        ActaFormatArg::Md => ActaFormat::Markdown,
        ActaFormatArg::Txt => ActaFormat::Text,
        ActaFormatArg::Html => ActaFormat::Html,
    };
    let text = acta::acta(&store, &actor, id, format, ctx.lang)?;
    match args.out {
        Some(path) => {
            write_atomically(&path, text.as_bytes())?;
            println!("{} {}", Clar::ActaWritten.text(ctx.lang), path.display());
        }
        None => print!("{text}"),
    }
    Ok(())
}

pub fn followup(ctx: &Ctx, args: FollowupArgs) -> Result<(), CoreError> {
    let (store, actor) = open(ctx)?;
    let as_of = match args.as_of.as_deref() {
        Some(text) => parse_date(text).map_err(|_| CoreError::InvalidValue {
            field: "--as-of",
            value: text.to_string(),
        })?,
        None => store.clock().today(),
    };
    let report = followup::followup_report(&store, &actor, as_of)?;
    let lang = ctx.lang;
    if report.is_empty() {
        println!("{}", Clar::NoFollowUp.text(lang));
        return Ok(());
    }
    let heads = [
        Clar::ColFunded,
        Clar::ColYearOn,
        Clar::ColOperating,
        Clar::ColStruggling,
        Clar::ColStopped,
        Clar::ColNotVisited,
    ];
    for call in report {
        println!("{}", call.call_title);
        let values = [
            call.funded,
            call.a_year_on,
            call.operating,
            call.struggling,
            call.stopped,
            call.not_visited,
        ];
        for (head, value) in heads.iter().zip(values) {
            println!("  {:<18} {value:>5}", col(*head, lang));
        }
    }
    Ok(())
}
