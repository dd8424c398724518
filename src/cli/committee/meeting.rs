//! `tinkuy meeting list|add|edit|held|cancel|item|notes|attend|agree|export`.

use super::args::{AgreeArgs, AttendArgs, ExportArgs, ItemArgs, MeetingCommand, MeetingEditArgs};
use super::args::{MeetingFieldsArgs, MeetingListArgs, NotesArgs, SummaryFormat};
use super::{agency_id, open, optional_agency, print_csv, print_table, Ctx};
use crate::cli::args::TableFormat;
use crate::domain::committee::{AttendanceStatus, MeetingStatus};
use crate::i18n::{CommitteeReport as R, Localize};
use crate::services::committee::agenda::{self, ItemInput, ItemLinksInput};
use crate::services::committee::agreements::{self, AgreementInput};
use crate::services::committee::attendance::{self, AttendanceInput};
use crate::services::committee::meetings::{self, MeetingInput};
use crate::services::committee::summary::{self, Format};
use crate::services::committee::{committees, export, minutes, parse_id, CommitteeError};
use crate::services::CoreError;
use crate::store::ids;

pub fn run(ctx: &Ctx, command: MeetingCommand) -> Result<(), CoreError> {
    match command {
        MeetingCommand::List(args) => list(ctx, &args),
        MeetingCommand::Add(args) => add(ctx, &args),
        MeetingCommand::Edit(args) => edit(ctx, &args),
        MeetingCommand::Held(args) => set_status(ctx, &args.id, MeetingStatus::Held),
        MeetingCommand::Cancel(args) => set_status(ctx, &args.id, MeetingStatus::Cancelled),
        MeetingCommand::Item(args) => item(ctx, &args),
        MeetingCommand::Notes(args) => notes(ctx, &args),
        MeetingCommand::Attend(args) => attend(ctx, &args),
        MeetingCommand::Agree(args) => agree(ctx, &args),
        MeetingCommand::Export(args) => export_summary(ctx, &args),
    }
}

fn list(ctx: &Ctx, args: &MeetingListArgs) -> Result<(), CoreError> {
    let (store, actor) = open(ctx)?;
    let committee = committees::current_committee(&store, &actor)?;
    let rows: Vec<Vec<String>> = meetings::list_meetings(&store, &actor, committee.id)?
        .into_iter()
        .map(|m| {
            let status = MeetingStatus::parse(&m.status).map(|s| s.text(ctx.lang).into_owned());
            vec![
                ids::display(m.id),
                m.held_on,
                m.starts_at.unwrap_or_default(),
                status.unwrap_or(m.status),
                m.agreement_count.to_string(),
                m.place,
            ]
        })
        .collect();
    let headings: Vec<String> = [
        R::ColMeeting,
        R::ColDate,
        R::ColTime,
        R::ColStatus,
        R::ColAgreements,
        R::ColPlace,
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

fn add(ctx: &Ctx, args: &MeetingFieldsArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let committee = committees::current_committee(&store, &actor)?;
    let input = MeetingInput {
        held_on: &args.date,
        starts_at: args.time.as_deref(),
        place: &args.place,
        convened_by: optional_agency(&store, &actor, args.convened_by.as_deref())?,
    };
    let id = meetings::create_meeting(&mut store, &actor, committee.id, &input)?;
    println!("{}: {}", R::MeetingCreated.text(ctx.lang), ids::display(id));
    Ok(())
}

fn edit(ctx: &Ctx, args: &MeetingEditArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let old = meetings::find_meeting(&store, &actor, &args.id)?;
    let convened_by = match args.convened_by.as_deref() {
        Some(code) => Some(agency_id(&store, &actor, code)?),
        None => old.convened_by_agency_id,
    };
    let input = MeetingInput {
        held_on: args.date.as_deref().unwrap_or(&old.held_on),
        starts_at: args.time.as_deref().or(old.starts_at.as_deref()),
        place: args.place.as_deref().unwrap_or(&old.place),
        convened_by,
    };
    meetings::update_meeting(&mut store, &actor, old.id, old.version, &input)?;
    println!(
        "{}: {}",
        R::MeetingUpdated.text(ctx.lang),
        ids::display(old.id)
    );
    Ok(())
}

fn set_status(ctx: &Ctx, id: &str, status: MeetingStatus) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let meeting = meetings::find_meeting(&store, &actor, id)?;
    let report = if status == MeetingStatus::Held {
        meetings::mark_held(&mut store, &actor, meeting.id, meeting.version)?;
        R::MeetingHeld
    } else {
        meetings::cancel_meeting(&mut store, &actor, meeting.id, meeting.version)?;
        R::MeetingCancelled
    };
    println!("{}: {}", report.text(ctx.lang), ids::display(meeting.id));
    Ok(())
}

fn id_of(text: &str, unknown: fn(String) -> CommitteeError) -> Result<i64, CoreError> {
    parse_id(text).ok_or_else(|| unknown(text.trim().to_string()).into())
}

fn item(ctx: &Ctx, args: &ItemArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let meeting = meetings::find_meeting(&store, &actor, &args.id)?;
    let input = ItemInput {
        title: &args.title,
        presenter: optional_agency(&store, &actor, args.presenter.as_deref())?,
        starts_at: args.time.as_deref(),
    };
    let flags = args
        .flags
        .iter()
        .map(|f| id_of(f, CommitteeError::UnknownFlag))
        .collect::<Result<Vec<i64>, CoreError>>()?;
    let links = ItemLinksInput {
        flags,
        clar_call: args
            .clar_call
            .as_deref()
            .map(|c| id_of(c, CommitteeError::UnknownClarCall))
            .transpose()?,
        proposal: args
            .proposal
            .as_deref()
            .map(|p| id_of(p, CommitteeError::UnknownProposal))
            .transpose()?,
    };
    let id = agenda::add_item(&mut store, &actor, meeting.id, &input, &links)?;
    let position = agenda::find_item_by_id(&store, &actor, id)?.position;
    println!("{}: {position}", R::ItemAdded.text(ctx.lang));
    Ok(())
}

/// Saves notes against the version the user read (`--expect-version`), or the current one.
/// When someone saved in between, the core refuses and the text stays where it came from
/// (the command line or the file).
fn notes(ctx: &Ctx, args: &NotesArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let meeting = meetings::find_meeting(&store, &actor, &args.id)?;
    let text = match (&args.text, &args.file) {
        (Some(text), _) => text.clone(),
        (None, Some(path)) => {
            std::fs::read_to_string(path).map_err(|e| CoreError::InvalidValue {
                field: "file",
                value: format!("{}: {e}", path.display()),
            })?
        }
        (None, None) => String::new(),
    };
    let version = match args.item {
        Some(position) => {
            let item = agenda::find_item(&store, &actor, meeting.id, position)?;
            let expected = args.expect_version.unwrap_or(item.version);
            minutes::save_item_notes(&mut store, &actor, item.id, expected, &text)?
        }
        None => {
            let expected = args.expect_version.unwrap_or(meeting.version);
            minutes::save_general_notes(&mut store, &actor, meeting.id, expected, &text)?
        }
    };
    println!(
        "{} ({} {version})",
        R::NotesSaved.text(ctx.lang),
        R::Version.text(ctx.lang)
    );
    Ok(())
}

fn attend(ctx: &Ctx, args: &AttendArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let meeting = meetings::find_meeting(&store, &actor, &args.id)?;
    let status = AttendanceStatus::parse(&args.status).map_err(CommitteeError::from)?;
    let input = AttendanceInput {
        agency_id: agency_id(&store, &actor, &args.agency)?,
        status,
        representative_id: args
            .rep
            .as_deref()
            .map(|r| id_of(r, CommitteeError::UnknownRepresentative))
            .transpose()?,
        attendee_name: args.name.as_deref(),
    };
    attendance::record_attendance(&mut store, &actor, meeting.id, &input)?;
    println!(
        "{}: {} ({})",
        R::AttendanceRecorded.text(ctx.lang),
        args.agency.trim().to_uppercase(),
        status.text(ctx.lang)
    );
    Ok(())
}

fn agree(ctx: &Ctx, args: &AgreeArgs) -> Result<(), CoreError> {
    let (mut store, actor) = open(ctx)?;
    let meeting = meetings::find_meeting(&store, &actor, &args.id)?;
    let item_id = match args.item {
        Some(position) => Some(agenda::find_item(&store, &actor, meeting.id, position)?.id),
        None => None,
    };
    let input = AgreementInput {
        description: &args.description,
        responsible: optional_agency(&store, &actor, args.responsible.as_deref())?,
        due_on: args.due.as_deref(),
        item_id,
    };
    let id = agreements::add_agreement(&mut store, &actor, meeting.id, &input)?;
    println!("{}: {}", R::AgreementAdded.text(ctx.lang), ids::display(id));
    Ok(())
}

fn export_summary(ctx: &Ctx, args: &ExportArgs) -> Result<(), CoreError> {
    let (store, actor) = open(ctx)?;
    let meeting = meetings::find_meeting(&store, &actor, &args.id)?;
    let format = match args.format {
        SummaryFormat::Md => Format::Markdown,
        SummaryFormat::Txt => Format::Text,
        SummaryFormat::Html => Format::Html,
    };
    let text = summary::summary(&store, &actor, meeting.id, format, ctx.lang)?;
    match &args.out {
        Some(path) => {
            export::write_atomically(path, text.as_bytes())?;
            eprintln!("{}: {}", R::Written.text(ctx.lang), path.display());
        }
        None => print!("{text}"),
    }
    Ok(())
}
