//! Agenda items: a title, the agency that presents it and a time; an item may put overlap
//! flags found in the data on the table (by flag id) or a CLAR call or proposal.
//!
//! Follow-up items are put and taken away by carry-forward (`follow_ups`), never by hand: a
//! pending agreement comes back until it is done or dropped.

use super::agencies::{entry, get_active};
use super::meetings::{clean_time, get_open};
use super::{fail, require_read, required, CommitteeError, RequiredText, TimeField};
use crate::domain::committee::AgendaKind;
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::committee::agenda::{self, ItemFields, ItemLinks, ItemRow, NewItem};
use crate::store::{ids, Store};
use rusqlite::{Connection, Transaction};
use serde_json::json;

/// What a person fills in for an agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ItemInput<'a> {
    pub title: &'a str,
    pub presenter: Option<i64>,
    /// `HH:MM`; blank for none.
    pub starts_at: Option<&'a str>,
}

/// What a new item is linked to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemLinksInput {
    pub flags: Vec<i64>,
    pub clar_call: Option<i64>,
    pub proposal: Option<i64>,
}

struct CleanItem {
    title: String,
    presenter: Option<i64>,
    starts_at: Option<String>,
}

impl CleanItem {
    fn new(conn: &Connection, input: &ItemInput) -> CoreResult<CleanItem> {
        if let Some(agency) = input.presenter {
            get_active(conn, agency)?;
        }
        Ok(CleanItem {
            title: required(input.title, RequiredText::ItemTitle)?,
            presenter: input.presenter,
            starts_at: clean_time(input.starts_at, TimeField::ItemStart)?,
        })
    }

    fn fields(&self) -> ItemFields<'_> {
        ItemFields {
            title: &self.title,
            presenter_agency_id: self.presenter,
            starts_at: self.starts_at.as_deref(),
        }
    }
}

/// Adds an item at the end of a meeting's agenda.
pub fn add_item(
    store: &mut Store,
    actor: &Actor,
    meeting_id: i64,
    input: &ItemInput,
    links: &ItemLinksInput,
) -> CoreResult<i64> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        add_item_in(tx, ctx, meeting_id, input, links)
    })
}

pub fn add_item_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    meeting_id: i64,
    input: &ItemInput,
    links: &ItemLinksInput,
) -> CoreResult<i64> {
    get_open(tx, meeting_id)?;
    let clean = CleanItem::new(tx, input)?;
    let (clar_call, proposal) = checked_clar(tx, links.clar_call, links.proposal)?;
    for flag in &links.flags {
        checked_flag(tx, *flag)?;
    }
    let kind = if clar_call.is_some() {
        AgendaKind::Clar
    } else if links.flags.is_empty() {
        AgendaKind::Regular
    } else {
        AgendaKind::Flags
    };
    let position = agenda::items(tx, meeting_id)?
        .iter()
        .map(|i| i.position)
        .max()
        .unwrap_or(0)
        + 1;
    let id = ids::next(tx)?;
    let item_links = ItemLinks {
        kind: kind.code(),
        follows_agreement_id: None,
        clar_call_id: clar_call,
        proposal_id: proposal,
    };
    agenda::insert(
        tx,
        &NewItem {
            id,
            meeting_id,
            position,
            fields: clean.fields(),
            links: item_links,
            at: &ctx.at,
        },
    )?;
    for flag in &links.flags {
        agenda::link_flag(tx, id, *flag)?;
    }
    let details = json!({ "meeting": meeting_id, "title": clean.title, "kind": kind.code(),
        "flags": links.flags, "clar_call": clar_call, "proposal": proposal });
    ctx.audit(tx, entry("create", "agenda_item", id, details))?;
    Ok(id)
}

/// A CLAR link that exists: a proposal brings its call along.
fn checked_clar(
    conn: &Connection,
    call: Option<i64>,
    proposal: Option<i64>,
) -> CoreResult<(Option<i64>, Option<i64>)> {
    if let Some(proposal) = proposal {
        let Some(call_of_proposal) = agenda::proposal_call(conn, proposal)? else {
            return fail(CommitteeError::UnknownProposal(ids::display(proposal)));
        };
        return Ok((Some(call_of_proposal), Some(proposal)));
    }
    if let Some(call) = call {
        if !agenda::clar_call_exists(conn, call)? {
            return fail(CommitteeError::UnknownClarCall(ids::display(call)));
        }
    }
    Ok((call, None))
}

fn checked_flag(conn: &Connection, flag: i64) -> CoreResult<()> {
    if agenda::flag(conn, flag)?.is_none() {
        return fail(CommitteeError::UnknownFlag(ids::display(flag)));
    }
    Ok(())
}

/// Changes an item's title, presenter or time, if nobody did since `expected_version`.
pub fn update_item(
    store: &mut Store,
    actor: &Actor,
    item_id: i64,
    expected_version: i64,
    input: &ItemInput,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        let item = get(tx, item_id)?;
        get_open(tx, item.meeting_id)?;
        let clean = CleanItem::new(tx, input)?;
        agenda::update(tx, item_id, expected_version, &clean.fields(), &ctx.at)?;
        ctx.audit(
            tx,
            entry(
                "update",
                "agenda_item",
                item_id,
                json!({ "title": clean.title }),
            ),
        )
    })
}

/// Takes an item off the agenda. Refused for follow-up items (close or drop the agreement
/// instead) and for items under which agreements were made.
pub fn remove_item(store: &mut Store, actor: &Actor, item_id: i64) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        let item = get(tx, item_id)?;
        get_open(tx, item.meeting_id)?;
        if item.kind == AgendaKind::FollowUp.code() {
            return fail(CommitteeError::FollowUpItemIsAutomatic {
                position: item.position,
            });
        }
        let count = agenda::agreement_count(tx, item_id)?;
        if count > 0 {
            return fail(CommitteeError::ItemHasAgreements {
                position: item.position,
                count,
            });
        }
        agenda::delete(tx, item_id, item.meeting_id)?;
        let details =
            json!({ "meeting": item.meeting_id, "title": item.title, "notes": item.notes });
        ctx.audit(tx, entry("delete", "agenda_item", item_id, details))
    })
}

/// Which way an item moves in the agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

/// Moves an item one place up or down (nothing happens at either end).
pub fn move_item(
    store: &mut Store,
    actor: &Actor,
    item_id: i64,
    direction: Move,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        let item = get(tx, item_id)?;
        get_open(tx, item.meeting_id)?;
        let items = agenda::items(tx, item.meeting_id)?;
        let index = items
            .iter()
            .position(|i| i.id == item_id)
            .unwrap_or_default();
        let other = match direction {
            Move::Up => index.checked_sub(1).and_then(|i| items.get(i)),
            Move::Down => items.get(index + 1),
        };
        if let Some(other) = other {
            agenda::swap_positions(tx, &item, other)?;
        }
        let details = json!({ "direction": format!("{direction:?}").to_lowercase() });
        ctx.audit(tx, entry("move", "agenda_item", item_id, details))
    })
}

/// Puts an overlap flag on the table under an item (an ordinary item becomes a flags item).
pub fn link_flag(store: &mut Store, actor: &Actor, item_id: i64, flag_id: i64) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        link_flag_in(tx, ctx, item_id, flag_id)
    })
}

pub fn link_flag_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    item_id: i64,
    flag_id: i64,
) -> CoreResult<()> {
    let item = get(tx, item_id)?;
    get_open(tx, item.meeting_id)?;
    checked_flag(tx, flag_id)?;
    agenda::link_flag(tx, item_id, flag_id)?;
    if item.kind == AgendaKind::Regular.code() {
        let links = ItemLinks {
            kind: AgendaKind::Flags.code(),
            follows_agreement_id: item.follows_agreement_id,
            clar_call_id: item.clar_call_id,
            proposal_id: item.proposal_id,
        };
        agenda::set_links(tx, item_id, &links, &ctx.at)?;
    }
    ctx.audit(
        tx,
        entry(
            "link_flag",
            "agenda_item",
            item_id,
            json!({ "flag": flag_id }),
        ),
    )
}

pub fn unlink_flag(store: &mut Store, actor: &Actor, item_id: i64, flag_id: i64) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        let item = get(tx, item_id)?;
        get_open(tx, item.meeting_id)?;
        agenda::unlink_flag(tx, item_id, flag_id)?;
        ctx.audit(
            tx,
            entry(
                "unlink_flag",
                "agenda_item",
                item_id,
                json!({ "flag": flag_id }),
            ),
        )
    })
}

/// Links an item to a CLAR call, or to a proposal (and so its call).
pub fn link_clar(
    store: &mut Store,
    actor: &Actor,
    item_id: i64,
    call: Option<i64>,
    proposal: Option<i64>,
) -> CoreResult<()> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        let item = get(tx, item_id)?;
        get_open(tx, item.meeting_id)?;
        let (call, proposal) = checked_clar(tx, call, proposal)?;
        let kind = match item.kind.as_str() {
            "regular" | "clar" => AgendaKind::Clar.code(),
            other => AgendaKind::parse(other)
                .map_err(CommitteeError::from)?
                .code(),
        };
        let links = ItemLinks {
            kind,
            follows_agreement_id: item.follows_agreement_id,
            clar_call_id: call,
            proposal_id: proposal,
        };
        agenda::set_links(tx, item_id, &links, &ctx.at)?;
        let details = json!({ "clar_call": call, "proposal": proposal });
        ctx.audit(tx, entry("link_clar", "agenda_item", item_id, details))
    })
}

/// An item of a meeting by its position in the agenda (1, 2, 3…).
pub fn find_item(
    store: &Store,
    actor: &Actor,
    meeting_id: i64,
    position: i64,
) -> CoreResult<ItemRow> {
    require_read(actor)?;
    agenda::items(store.conn(), meeting_id)?
        .into_iter()
        .find(|i| i.position == position)
        .ok_or_else(|| CommitteeError::UnknownItem(position.to_string()).into())
}

/// An agenda item by its id.
pub fn find_item_by_id(store: &Store, actor: &Actor, item_id: i64) -> CoreResult<ItemRow> {
    require_read(actor)?;
    get(store.conn(), item_id)
}

pub(crate) fn get(conn: &Connection, id: i64) -> CoreResult<ItemRow> {
    agenda::by_id(conn, id)?.ok_or_else(|| CommitteeError::UnknownItem(ids::display(id)).into())
}
