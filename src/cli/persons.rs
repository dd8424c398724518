//! `tinkuy persons search TEXT`: the search box of the registry, for scripts and quick look-ups.

use super::args::{EnrolmentState, PersonsSearchArgs, SortArg, TableFormat};
use super::{login, Ctx};
use crate::domain::sisfoh::SisfohClass;
use crate::i18n::{Cli, Localize};
use crate::services::registry::search::{self, Query, SortBy};
use crate::services::CoreError;
use crate::store::{rosters, search::Filters};

pub fn search(ctx: &Ctx, args: PersonsSearchArgs) -> Result<(), CoreError> {
    let store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    let programme = match &args.programme {
        Some(code) => Some(
            rosters::programme_id(store.conn(), &code.to_ascii_uppercase())?.ok_or(
                CoreError::InvalidValue {
                    field: "--programme",
                    value: code.clone(),
                },
            )?,
        ),
        None => None,
    };
    let sisfoh = match &args.sisfoh {
        Some(raw) => Some(
            SisfohClass::parse(raw)
                .map_err(|_| CoreError::InvalidValue {
                    field: "--sisfoh",
                    value: raw.clone(),
                })?
                .code()
                .to_string(),
        ),
        None => None,
    };
    let query = Query {
        text: args.text.clone(),
        filters: Filters {
            district: args.district.clone(),
            community: None,
            programme,
            sisfoh,
            enrolment: match args.enrolment {
                EnrolmentState::Any => 0,
                EnrolmentState::Active => 1,
                EnrolmentState::Ended => 2,
            },
        },
        sort: match args.sort {
            SortArg::Name => SortBy::Name,
            SortArg::District => SortBy::District,
        },
    };
    let page = search::search(&store, &actor, &query, None, args.limit)?;
    let lang = ctx.lang;
    match args.format {
        TableFormat::Csv => {
            let mut out = csv::Writer::from_writer(std::io::stdout());
            let header = [
                "dni",
                "nombre",
                "fecha_nacimiento",
                "sexo",
                "ubigeo",
                "distrito",
                "centro_poblado",
                "sisfoh",
                "programas",
            ];
            let io = |e: csv::Error| CoreError::WriteFile {
                path: "-".into(),
                detail: e.to_string(),
            };
            out.write_record(header).map_err(io)?;
            for p in &page.items {
                out.write_record([
                    p.dni.as_str(),
                    &p.name,
                    p.birth_date.as_deref().unwrap_or(""),
                    p.sex.as_deref().unwrap_or(""),
                    &p.district_ubigeo,
                    &p.district,
                    p.community.as_deref().unwrap_or(""),
                    p.sisfoh.as_deref().unwrap_or(""),
                    &p.programmes,
                ])
                .map_err(io)?;
            }
            out.flush().map_err(|e| io(e.into()))?;
        }
        TableFormat::Table => {
            if page.items.is_empty() {
                println!("{}", Cli::SearchNone.text(lang));
            }
            for p in &page.items {
                println!(
                    "{:<8}  {:<40}  {:<10}  {:<22}  {}",
                    p.dni,
                    truncate(&p.name, 40),
                    p.birth_date.as_deref().unwrap_or(""),
                    truncate(&p.district, 22),
                    p.programmes
                );
            }
            if page.unsorted {
                println!("{}", Cli::SearchUnsorted.text(lang));
            }
        }
    }
    Ok(())
}

/// Cuts to `width` characters (not bytes: names carry accents).
fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}
