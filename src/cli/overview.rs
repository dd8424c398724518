//! `tinkuy overview`: the same figures as the Resumen screen, for scripts.

use super::args::{OverviewArgs, TableFormat};
use super::{login, Ctx};
use crate::i18n::{Cli, Localize};
use crate::services::{overview, CoreError};

pub fn run(ctx: &Ctx, args: OverviewArgs) -> Result<(), CoreError> {
    let store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    let data = overview::load(&store, &actor, 1_000)?;
    let lang = ctx.lang;
    match args.format {
        TableFormat::Csv => {
            println!("tipo,codigo,nombre,hogares,personas,afiliaciones_activas");
            for p in &data.programmes {
                println!(
                    "programa,{},{},,,{}",
                    p.code,
                    csv_field(&p.name),
                    p.active_enrolments
                );
            }
            for d in &data.districts {
                println!(
                    "distrito,{},{},{},{},{}",
                    d.ubigeo,
                    csv_field(&d.name),
                    d.households,
                    d.persons,
                    d.active_enrolments
                );
            }
        }
        TableFormat::Table => {
            println!(
                "{}: {}   {}: {}   {}: {}",
                Cli::ColHouseholds.text(lang),
                data.totals.households,
                Cli::ColPersons.text(lang),
                data.totals.persons,
                Cli::ColActiveEnrolments.text(lang),
                data.totals.active_enrolments
            );
            println!();
            println!(
                "{:<24} {:>12}",
                Cli::ColProgramme.text(lang),
                Cli::ColActiveEnrolments.text(lang)
            );
            for p in &data.programmes {
                println!("{:<24} {:>12}", p.name, p.active_enrolments);
            }
            println!();
            println!(
                "{:<8} {:<24} {:>10} {:>10} {:>12}",
                "UBIGEO",
                Cli::ColDistrict.text(lang),
                Cli::ColHouseholds.text(lang),
                Cli::ColPersons.text(lang),
                Cli::ColActiveEnrolments.text(lang)
            );
            for d in &data.districts {
                println!(
                    "{:<8} {:<24} {:>10} {:>10} {:>12}",
                    d.ubigeo, d.name, d.households, d.persons, d.active_enrolments
                );
            }
        }
    }
    Ok(())
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}
