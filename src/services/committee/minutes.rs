//! Minutes: the notes of each agenda item and the meeting's general notes.
//!
//! Two coordinators may have the same minutes open. Each save names the version it was
//! read at; when someone else saved in between, the save is refused with
//! `StoreError::Conflict` and nothing is written, so the refused text is still the caller's
//! (the screen keeps it in the editor; the command line prints it back) and the first
//! person's text is not overwritten.

use super::agencies::entry;
use super::clean_multiline;
use super::meetings::{get, get_open};
use crate::services::{write, Actor, CoreResult, Permission, WriteCtx};
use crate::store::committee::{agenda, meetings};
use crate::store::Store;
use rusqlite::Transaction;
use serde_json::json;

/// Saves an agenda item's notes read at `expected_version`; returns the new version.
pub fn save_item_notes(
    store: &mut Store,
    actor: &Actor,
    item_id: i64,
    expected_version: i64,
    text: &str,
) -> CoreResult<i64> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        save_item_notes_in(tx, ctx, item_id, expected_version, text)
    })
}

pub fn save_item_notes_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    item_id: i64,
    expected_version: i64,
    text: &str,
) -> CoreResult<i64> {
    let item = super::agenda::get(tx, item_id)?;
    get_open(tx, item.meeting_id)?;
    let notes = clean_multiline(text);
    agenda::set_notes(tx, item_id, expected_version, &notes, &ctx.at)?;
    let details = json!({ "meeting": item.meeting_id, "chars": notes.chars().count() });
    ctx.audit(tx, entry("notes", "agenda_item", item_id, details))?;
    Ok(expected_version + 1)
}

/// Saves the meeting's general notes read at `expected_version`; returns the new version.
/// A cancelled meeting may still get notes (why it was called off).
pub fn save_general_notes(
    store: &mut Store,
    actor: &Actor,
    meeting_id: i64,
    expected_version: i64,
    text: &str,
) -> CoreResult<i64> {
    write(store, actor, Permission::WriteCommittee, |tx, ctx| {
        save_general_notes_in(tx, ctx, meeting_id, expected_version, text)
    })
}

pub fn save_general_notes_in(
    tx: &Transaction,
    ctx: &WriteCtx,
    meeting_id: i64,
    expected_version: i64,
    text: &str,
) -> CoreResult<i64> {
    get(tx, meeting_id)?;
    let notes = clean_multiline(text);
    meetings::set_general_notes(tx, meeting_id, expected_version, &notes, &ctx.at)?;
    ctx.audit(
        tx,
        entry(
            "notes",
            "meeting",
            meeting_id,
            json!({ "chars": notes.chars().count() }),
        ),
    )?;
    Ok(expected_version + 1)
}
