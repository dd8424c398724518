//! `tinkuy clar …`: a whole CLAR contest from the command line. The clerk registers
//! associations and their members, creates and opens a call, enters proposals with their
//! budgets, submits and reviews them, registers the CLAR's members and opens a session;
//! members declare conflicts and score; the clerk closes the session, awards the funds and
//! follows up. Every step calls `services::clar` (which checks permissions, rules and audits);
//! this module only reads what was typed, names records as the app shows them and prints.

mod args;
mod associations;
mod calls;
mod followup;
mod help;
mod proposals;
mod reports;
mod sessions;

pub use args::ClarCommand;
pub use help::localize as localize_help;

use super::{login, Ctx};
use crate::domain::dates::parse_date;
use crate::domain::money::Money;
use crate::domain::names::fold_key;
use crate::i18n::{ClarCliMessage as M, Cli, Lang, Localize};
use crate::services::clar::{associations as assoc, members, session, ClarError, ClarRecord};
use crate::services::{Actor, CoreError, CoreResult};
use crate::store::{ids, Store, StoreError};
use chrono::NaiveDate;

pub fn run(ctx: &Ctx, command: ClarCommand) -> Result<(), CoreError> {
    use ClarCommand as C;
    match command {
        C::Sessions => reports::sessions(ctx),
        C::Ranking(a) => reports::ranking(ctx, a),
        C::Acta(a) => reports::acta(ctx, a),
        C::Followup(a) => reports::followup(ctx, a),
        C::Association(c) => associations::run(ctx, c),
        C::Call(c) => calls::run(ctx, c),
        C::Proposal(c) => proposals::run(ctx, c),
        C::Review(a) => proposals::review(ctx, a),
        C::Member(c) => sessions::run_member(ctx, c),
        C::Session(c) => sessions::run_session(ctx, c),
        C::Conflict(a) => sessions::conflict(ctx, a),
        C::Score(a) => sessions::score(ctx, a),
        C::Award(a) => sessions::award(ctx, a),
        C::Tranche(c) => followup::run_tranche(ctx, c),
        C::Visit(a) => followup::visit(ctx, a),
    }
}

/// Opens the store and logs the user in.
fn open(ctx: &Ctx) -> CoreResult<(Store, Actor)> {
    let store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    Ok((store, actor))
}

/// Prints one line in the user's language.
fn say(ctx: &Ctx, message: impl Localize) {
    println!("{}", message.text(ctx.lang));
}

/// Reports a problem with what was typed, as one line, and fails without another.
fn refuse(ctx: &Ctx, message: M) -> CoreError {
    eprintln!(
        "{}: {}",
        Cli::ErrorPrefix.text(ctx.lang),
        message.text(ctx.lang)
    );
    CoreError::Reported
}

/// A column heading as the command line prints them: lower case.
fn col(key: impl Localize, lang: Lang) -> String {
    key.text(lang).to_lowercase()
}

/// Says "there is no such association" (…) instead of the store's bare "not found".
fn named<T>(result: CoreResult<T>) -> CoreResult<T> {
    result.map_err(|err| match err {
        CoreError::Store(StoreError::NotFound { entity, id }) => {
            let record = match entity {
                "association" => ClarRecord::Association,
                "clar_call" => ClarRecord::Call,
                "proposal" => ClarRecord::Proposal,
                "clar_member" => ClarRecord::Member,
                "person" => ClarRecord::Person,
                _ => return CoreError::Store(StoreError::NotFound { entity, id }),
            };
            ClarError::UnknownRecord { record, text: id }.into()
        }
        other => other,
    })
}

/// An id as typed (`03021201-57`), or the error naming what was not found.
fn parse_id(record: ClarRecord, text: &str) -> CoreResult<i64> {
    ids::parse(text).ok_or_else(|| {
        ClarError::UnknownRecord {
            record,
            text: text.trim().to_string(),
        }
        .into()
    })
}

fn money(ctx: &Ctx, flag: &'static str, text: &str) -> CoreResult<Money> {
    Money::parse(text).map_err(|error| refuse(ctx, M::BadAmount { flag, error }))
}

fn date(ctx: &Ctx, flag: &'static str, text: &str) -> CoreResult<NaiveDate> {
    parse_date(text).map_err(|error| refuse(ctx, M::BadDate { flag, error }))
}

/// A date given, or today by the store's clock.
fn date_or_today(
    ctx: &Ctx,
    store: &Store,
    flag: &'static str,
    text: Option<&str>,
) -> CoreResult<NaiveDate> {
    match text {
        Some(t) => date(ctx, flag, t),
        None => Ok(store.clock().today()),
    }
}

/// A session by acta number (`7-2026`) or id.
fn session_id(store: &Store, text: &str) -> CoreResult<i64> {
    session::resolve_session(store, text)?.ok_or_else(|| {
        ClarError::UnknownSession {
            text: text.trim().to_string(),
        }
        .into()
    })
}

/// Picks the one record whose code or (folded) name is `text`.
fn pick<T>(
    ctx: &Ctx,
    record: ClarRecord,
    text: &str,
    rows: Vec<T>,
    key: impl Fn(&T) -> (i64, &str),
) -> CoreResult<i64> {
    if let Some(id) = ids::parse(text) {
        if rows.iter().any(|r| key(r).0 == id) {
            return Ok(id);
        }
    }
    let wanted = fold_key(text);
    let found: Vec<i64> = rows
        .iter()
        .map(&key)
        .filter(|(_, name)| fold_key(name) == wanted)
        .map(|(id, _)| id)
        .collect();
    match found.as_slice() {
        [id] => Ok(*id),
        [] => Err(ClarError::UnknownRecord {
            record,
            text: text.trim().to_string(),
        }
        .into()),
        _ => Err(refuse(
            ctx,
            M::AmbiguousName {
                text: text.trim().to_string(),
            },
        )),
    }
}

/// An association by code or name.
fn association_id(ctx: &Ctx, store: &Store, actor: &Actor, text: &str) -> CoreResult<i64> {
    let rows = assoc::list_associations(store, actor)?;
    pick(ctx, ClarRecord::Association, text, rows, |a| {
        (a.id, a.name.as_str())
    })
}

/// A CLAR member by code or name.
fn member_id(ctx: &Ctx, store: &Store, actor: &Actor, text: &str) -> CoreResult<i64> {
    let rows = members::list_clar_members(store, actor)?;
    pick(ctx, ClarRecord::Member, text, rows, |m| {
        (m.id, m.full_name.as_str())
    })
}

/// Prints rows under headings, columns padded by characters (not bytes, for accents).
fn print_table(headings: &[String], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = headings.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate().take(widths.len()) {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            out.push_str(cell);
            if i + 1 < cells.len() {
                let pad = widths[i].saturating_sub(cell.chars().count()) + 2;
                out.push_str(&" ".repeat(pad));
            }
        }
        out.trim_end().to_string()
    };
    println!("{}", line(headings));
    for row in rows {
        println!("{}", line(row));
    }
}
