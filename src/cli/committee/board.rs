//! `tinkuy committee create|show|edit|add-member|remove-member|schedule`: the committee
//! itself (its board of member agencies), named `board` to differ from the parent module.

use super::args::{CommitteeCommand, CommitteeCreateArgs, CommitteeEditArgs, ScheduleArgs};
use super::args::{MemberSinceArgs, MemberUntilArgs};
use super::{agency_id, open, optional_agency, print_table, today, Ctx};
use crate::domain::committee::schedule::MonthlyRule;
use crate::i18n::{Committee, CommitteeReport as R, Localize};
use crate::services::committee::committees::{self, CommitteeInput};
use crate::services::committee::schedule::{self, PlanRequest};
use crate::services::CoreError;

pub fn run(ctx: &Ctx, command: CommitteeCommand) -> Result<(), CoreError> {
    match command {
        CommitteeCommand::Create(args) => create(ctx, &args),
        CommitteeCommand::Show => show(ctx),
        CommitteeCommand::Edit(args) => edit(ctx, &args),
        CommitteeCommand::AddMember(args) => add_member(ctx, &args),
        CommitteeCommand::RemoveMember(args) => remove_member(ctx, &args),
        CommitteeCommand::Schedule(args) => plan(ctx, &args),
    }
}

fn create(ctx: &Ctx, args: &CommitteeCreateArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let input = CommitteeInput {
        name: &args.name,
        district_ubigeo: args.district.as_deref(),
        monthly_rule: args.rule.as_deref(),
        quorum_percent: args.quorum.as_deref(),
    };
    committees::create_committee(&mut store, &actor, &input)?;
    println!(
        "{}: {}",
        R::CommitteeCreated.text(ctx.lang),
        args.name.trim()
    );
    Ok(())
}

fn show(ctx: &Ctx) -> Result<(), CoreError> {
    let (store, actor) = open(ctx)?;
    let lang = ctx.lang;
    let committee = committees::current_committee(&store, &actor)?;
    println!(
        "{} ({} {})",
        committee.name, committee.district_name, committee.district_ubigeo
    );
    let rule = committee
        .monthly_rule
        .as_deref()
        .and_then(|r| MonthlyRule::parse(r).ok())
        .map(|r| r.text(lang).into_owned())
        .unwrap_or_else(|| "-".into());
    println!("{}: {rule}", Committee::Rule.text(lang));
    let separator = if lang == crate::i18n::Lang::Es {
        ','
    } else {
        '.'
    };
    let (whole, hundredths) = (committee.quorum_bp / 100, committee.quorum_bp % 100);
    println!(
        "{}: {whole}{separator}{hundredths:02} %",
        Committee::Quorum.text(lang)
    );
    println!("\n{}:", Committee::Members.text(lang));
    let rows: Vec<Vec<String>> = committees::members(&store, &actor, committee.id)?
        .into_iter()
        .map(|m| vec![m.code, m.name, m.since, m.until.unwrap_or_default()])
        .collect();
    let headings: Vec<String> = [R::ColCode, R::ColName, R::ColSince, R::ColUntil]
        .iter()
        .map(|h| h.text(lang).into_owned())
        .collect();
    print_table(&headings, &rows);
    Ok(())
}

fn edit(ctx: &Ctx, args: &CommitteeEditArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let old = committees::current_committee(&store, &actor)?;
    let quorum = args
        .quorum
        .clone()
        .unwrap_or_else(|| format!("{}.{:02}", old.quorum_bp / 100, old.quorum_bp % 100));
    let input = CommitteeInput {
        name: args.name.as_deref().unwrap_or(&old.name),
        district_ubigeo: Some(&old.district_ubigeo),
        monthly_rule: args.rule.as_deref().or(old.monthly_rule.as_deref()),
        quorum_percent: Some(&quorum),
    };
    committees::update_committee(&mut store, &actor, old.id, old.version, &input)?;
    println!("{}", R::CommitteeUpdated.text(ctx.lang));
    Ok(())
}

fn add_member(ctx: &Ctx, args: &MemberSinceArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let committee = committees::current_committee(&store, &actor)?;
    let agency = agency_id(&store, &actor, &args.code)?;
    let since = args.since.clone().unwrap_or_else(|| today(&store));
    committees::add_member(&mut store, &actor, committee.id, agency, &since)?;
    println!(
        "{}: {}",
        R::MemberAdded.text(ctx.lang),
        args.code.trim().to_uppercase()
    );
    Ok(())
}

fn remove_member(ctx: &Ctx, args: &MemberUntilArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let committee = committees::current_committee(&store, &actor)?;
    let agency = agency_id(&store, &actor, &args.code)?;
    let until = args.until.clone().unwrap_or_else(|| today(&store));
    committees::end_membership(&mut store, &actor, committee.id, agency, &until)?;
    println!(
        "{}: {}",
        R::MemberRemoved.text(ctx.lang),
        args.code.trim().to_uppercase()
    );
    Ok(())
}

fn plan(ctx: &Ctx, args: &ScheduleArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let committee = committees::current_committee(&store, &actor)?;
    let from = args.from.clone().unwrap_or_else(|| today(&store));
    if args.dry_run {
        for day in schedule::proposed_days(&store, &actor, committee.id, &from, args.months)? {
            println!("{day}  {}", R::ScheduleDryRun.text(ctx.lang));
        }
        return Ok(());
    }
    let convened_by = optional_agency(&store, &actor, args.convened_by.as_deref())?;
    let request = PlanRequest {
        committee_id: committee.id,
        from: &from,
        months: args.months,
        place: &args.place,
        starts_at: args.time.as_deref(),
        convened_by,
    };
    for day in schedule::plan_meetings(&mut store, &actor, &request)? {
        let what = if day.created {
            R::ScheduleCreated
        } else {
            R::ScheduleExisting
        };
        println!(
            "{}  {}  {}",
            day.date,
            crate::store::ids::display(day.meeting_id),
            what.text(ctx.lang)
        );
    }
    Ok(())
}
