//! `tinkuy demo [--households N] [--seed S]`: deterministic demo data for Andahuaylas.

use super::args::DemoArgs;
use super::progress::TerminalProgress;
use super::{login, Ctx};
use crate::i18n::{Cli, Localize};
use crate::services::{demo, setup, Actor, CoreError};

pub fn run(ctx: &Ctx, args: DemoArgs) -> Result<(), CoreError> {
    let mut store = ctx.open()?;
    // A fresh database needs no log-in: demo sets it up. An office's real database does.
    let actor = if setup::is_initialised(&store)? {
        login::actor(ctx, &store)?
    } else {
        Actor::system()
    };
    let mut progress = TerminalProgress::new(Cli::DemoGenerating.text(ctx.lang));
    let request = demo::DemoRequest {
        households: args.households,
        seed: args.seed,
    };
    let summary = demo::generate(&mut store, &actor, &request, &mut progress)?;
    progress.finish();
    let lang = ctx.lang;
    println!(
        "{}: {} {}, {} {}, {} {}; {} {}, {} {}.",
        Cli::DemoDone.text(lang),
        summary.households,
        Cli::ColHouseholds.text(lang),
        summary.persons,
        Cli::ColPersons.text(lang),
        summary.active_enrolments,
        Cli::ColActiveEnrolments.text(lang),
        summary.roster_records,
        Cli::DemoRosterRecords.text(lang),
        summary.duplicate_persons,
        Cli::DemoDuplicates.text(lang),
    );
    let users: Vec<&str> = demo::DEMO_USERS.iter().map(|u| u.0).collect();
    println!("{}: {}.", Cli::DemoUsers.text(lang), users.join(", "));
    Ok(())
}
