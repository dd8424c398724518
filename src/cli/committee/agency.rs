//! `tinkuy agency list|add|edit|deactivate|activate|delete|reps|add-rep`.

use super::args::{AgencyCommand, AgencyFieldsArgs, AgencyListArgs, CodeArg, RepAddArgs};
use super::{open, print_csv, print_table, Ctx};
use crate::cli::args::TableFormat;
use crate::domain::committee::{Level, Sector};
use crate::i18n::{CommitteeReport as R, Common, Lang, Localize};
use crate::services::committee::agencies::{self, AgencyInput, AgencyListing, RepresentativeInput};
use crate::services::committee::{CommitteeError, RequiredText};
use crate::services::CoreError;
use crate::store::committee::agencies::AgencyRow;
use crate::store::ids;

pub fn run(ctx: &Ctx, command: AgencyCommand) -> Result<(), CoreError> {
    match command {
        AgencyCommand::List(args) => list(ctx, &args),
        AgencyCommand::Add(args) => add(ctx, &args),
        AgencyCommand::Edit(args) => edit(ctx, &args),
        AgencyCommand::Deactivate(CodeArg { code }) => set_active(ctx, &code, R::AgencyDeactivated),
        AgencyCommand::Activate(CodeArg { code }) => set_active(ctx, &code, R::AgencyActivated),
        AgencyCommand::Delete(CodeArg { code }) => delete(ctx, &code),
        AgencyCommand::Reps(CodeArg { code }) => reps(ctx, &code),
        AgencyCommand::AddRep(args) => add_rep(ctx, &args),
    }
}

fn row_cells(agency: &AgencyRow, lang: Lang) -> Vec<String> {
    let sector = Sector::parse(&agency.sector).map(|s| s.text(lang).into_owned());
    let level = Level::parse(&agency.level).map(|l| l.text(lang).into_owned());
    let active = if agency.active {
        Common::Yes
    } else {
        Common::No
    };
    vec![
        agency.code.clone(),
        agency.name.clone(),
        sector.unwrap_or_else(|_| agency.sector.clone()),
        level.unwrap_or_else(|_| agency.level.clone()),
        active.text(lang).into_owned(),
        agency.phone.clone().unwrap_or_default(),
        agency.address.clone().unwrap_or_default(),
    ]
}

fn list(ctx: &Ctx, args: &AgencyListArgs) -> Result<(), CoreError> {
    let (store, actor) = open(ctx)?;
    let listing = if args.all {
        AgencyListing::All
    } else {
        AgencyListing::Active
    };
    let rows: Vec<Vec<String>> = agencies::list_agencies(&store, &actor, listing)?
        .iter()
        .map(|a| row_cells(a, ctx.lang))
        .collect();
    let headings: Vec<String> = [
        R::ColCode,
        R::ColName,
        R::ColSector,
        R::ColLevel,
        R::ColActive,
        R::ColPhone,
        R::ColAddress,
    ]
    .iter()
    .map(|h| h.text(ctx.lang).into_owned())
    .collect();
    match args.format {
        TableFormat::Table => print_table(&headings, &rows),
        TableFormat::Csv => print_csv(&headings, &rows),
    }
    Ok(())
}

fn parse_sector(text: Option<&str>, old: Option<&str>) -> Result<Sector, CoreError> {
    let text = text.or(old).unwrap_or_default();
    Ok(Sector::parse(text).map_err(CommitteeError::from)?)
}

fn parse_level(text: Option<&str>, old: Option<&str>) -> Result<Level, CoreError> {
    let text = text.or(old).unwrap_or_default();
    Ok(Level::parse(text).map_err(CommitteeError::from)?)
}

fn add(ctx: &Ctx, args: &AgencyFieldsArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let Some(name) = args.name.as_deref() else {
        return Err(CommitteeError::Missing(RequiredText::AgencyName).into());
    };
    let input = AgencyInput {
        name,
        sector: parse_sector(args.sector.as_deref(), None)?,
        level: parse_level(args.level.as_deref(), None)?,
        district_ubigeo: args.district.as_deref(),
        address: args.address.as_deref(),
        phone: args.phone.as_deref(),
    };
    agencies::add_agency(&mut store, &actor, &args.code, &input)?;
    println!(
        "{}: {}",
        R::AgencyAdded.text(ctx.lang),
        args.code.trim().to_uppercase()
    );
    Ok(())
}

fn edit(ctx: &Ctx, args: &AgencyFieldsArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let old = agencies::find_agency(&store, &actor, &args.code)?;
    let input = AgencyInput {
        name: args.name.as_deref().unwrap_or(&old.name),
        sector: parse_sector(args.sector.as_deref(), Some(&old.sector))?,
        level: parse_level(args.level.as_deref(), Some(&old.level))?,
        district_ubigeo: args.district.as_deref().or(old.district_ubigeo.as_deref()),
        address: args.address.as_deref().or(old.address.as_deref()),
        phone: args.phone.as_deref().or(old.phone.as_deref()),
    };
    agencies::update_agency(&mut store, &actor, old.id, old.version, &input)?;
    println!("{}: {}", R::AgencyUpdated.text(ctx.lang), old.code);
    Ok(())
}

fn set_active(ctx: &Ctx, code: &str, report: R) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let agency = agencies::find_agency(&store, &actor, code)?;
    if report == R::AgencyActivated {
        agencies::activate_agency(&mut store, &actor, agency.id, agency.version)?;
    } else {
        agencies::deactivate_agency(&mut store, &actor, agency.id, agency.version)?;
    }
    println!("{}: {}", report.text(ctx.lang), agency.code);
    Ok(())
}

fn delete(ctx: &Ctx, code: &str) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let agency = agencies::find_agency(&store, &actor, code)?;
    agencies::delete_agency(&mut store, &actor, agency.id)?;
    println!("{}: {}", R::AgencyDeleted.text(ctx.lang), agency.code);
    Ok(())
}

fn reps(ctx: &Ctx, code: &str) -> Result<(), CoreError> {
    let (store, actor) = open(ctx)?;
    let agency = agencies::find_agency(&store, &actor, code)?;
    let rows: Vec<Vec<String>> = agencies::representatives(&store, &actor, agency.id)?
        .into_iter()
        .map(|r| {
            let active = if r.active { Common::Yes } else { Common::No };
            vec![
                ids::display(r.id),
                r.name,
                r.position.unwrap_or_default(),
                r.phone.unwrap_or_default(),
                r.email.unwrap_or_default(),
                active.text(ctx.lang).into_owned(),
            ]
        })
        .collect();
    let headings: Vec<String> = [
        R::ColId,
        R::ColName,
        R::ColPosition,
        R::ColPhone,
        R::ColEmail,
        R::ColActive,
    ]
    .iter()
    .map(|h| h.text(ctx.lang).into_owned())
    .collect();
    print_table(&headings, &rows);
    Ok(())
}

fn add_rep(ctx: &Ctx, args: &RepAddArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let agency = agencies::find_agency(&store, &actor, &args.code)?;
    let input = RepresentativeInput {
        name: &args.name,
        position: args.position.as_deref(),
        phone: args.phone.as_deref(),
        email: args.email.as_deref(),
    };
    let id = agencies::add_representative(&mut store, &actor, agency.id, &input)?;
    println!(
        "{}: {} ({})",
        R::RepresentativeAdded.text(ctx.lang),
        ids::display(id),
        agency.code
    );
    Ok(())
}
