//! Rows of `agenda_item` and `agenda_item_flag`, and the few facts about overlap flags, CLAR
//! calls and proposals an agenda shows (those tables belong to other capabilities; this
//! module only reads them).

use super::one_row_or_conflict;
use crate::store::error::StoreResult;
use rusqlite::{params, Connection, OptionalExtension};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    pub id: i64,
    pub meeting_id: i64,
    pub position: i64,
    pub title: String,
    pub kind: String,
    pub presenter_agency_id: Option<i64>,
    pub presenter_name: Option<String>,
    pub starts_at: Option<String>,
    pub follows_agreement_id: Option<i64>,
    pub clar_call_id: Option<i64>,
    pub clar_call_title: Option<String>,
    pub proposal_id: Option<i64>,
    pub proposal_title: Option<String>,
    pub notes: String,
    pub version: i64,
}

const COLUMNS: &str = "i.id, i.meeting_id, i.position, i.title, i.kind, i.presenter_agency_id,
    a.name, i.starts_at, i.follows_agreement_id, i.clar_call_id, c.title, i.proposal_id,
    p.title, i.notes, i.version
    FROM agenda_item i LEFT JOIN agency a ON a.id = i.presenter_agency_id
    LEFT JOIN clar_call c ON c.id = i.clar_call_id LEFT JOIN proposal p ON p.id = i.proposal_id";

fn from_row(r: &rusqlite::Row) -> rusqlite::Result<ItemRow> {
    Ok(ItemRow {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        position: r.get(2)?,
        title: r.get(3)?,
        kind: r.get(4)?,
        presenter_agency_id: r.get(5)?,
        presenter_name: r.get(6)?,
        starts_at: r.get(7)?,
        follows_agreement_id: r.get(8)?,
        clar_call_id: r.get(9)?,
        clar_call_title: r.get(10)?,
        proposal_id: r.get(11)?,
        proposal_title: r.get(12)?,
        notes: r.get(13)?,
        version: r.get(14)?,
    })
}

/// What a person edits on an item: its title, who presents it and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemFields<'a> {
    pub title: &'a str,
    pub presenter_agency_id: Option<i64>,
    pub starts_at: Option<&'a str>,
}

/// What an item is about besides its text: its kind and what it links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemLinks<'a> {
    pub kind: &'a str,
    pub follows_agreement_id: Option<i64>,
    pub clar_call_id: Option<i64>,
    pub proposal_id: Option<i64>,
}

/// A new item at `position` of `meeting_id`.
pub struct NewItem<'a> {
    pub id: i64,
    pub meeting_id: i64,
    pub position: i64,
    pub fields: ItemFields<'a>,
    pub links: ItemLinks<'a>,
    pub at: &'a str,
}

pub fn insert(conn: &Connection, item: &NewItem) -> StoreResult<()> {
    let (f, l) = (&item.fields, &item.links);
    conn.execute(
        "INSERT INTO agenda_item(id, meeting_id, position, title, kind, presenter_agency_id,
         starts_at, follows_agreement_id, clar_call_id, proposal_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params![
            item.id,
            item.meeting_id,
            item.position,
            f.title,
            l.kind,
            f.presenter_agency_id,
            f.starts_at,
            l.follows_agreement_id,
            l.clar_call_id,
            l.proposal_id,
            item.at
        ],
    )?;
    Ok(())
}

pub fn by_id(conn: &Connection, id: i64) -> StoreResult<Option<ItemRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE i.id = ?1");
    Ok(conn.query_row(&sql, [id], from_row).optional()?)
}

/// A meeting's items in agenda order.
pub fn items(conn: &Connection, meeting_id: i64) -> StoreResult<Vec<ItemRow>> {
    let sql = format!("SELECT {COLUMNS} WHERE i.meeting_id = ?1 ORDER BY i.position, i.id");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([meeting_id], from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn update(
    conn: &Connection,
    id: i64,
    expected: i64,
    f: &ItemFields,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE agenda_item SET title = ?1, presenter_agency_id = ?2, starts_at = ?3,
         updated_at = ?4, version = version + 1 WHERE id = ?5 AND version = ?6",
        params![
            f.title,
            f.presenter_agency_id,
            f.starts_at,
            at,
            id,
            expected
        ],
    )?;
    one_row_or_conflict(updated, "agenda_item", id, expected)
}

/// Changes what the item links to. The version is not bumped: the links are not the text a
/// person is editing, so someone writing the item's notes is not interrupted.
pub fn set_links(conn: &Connection, id: i64, links: &ItemLinks, at: &str) -> StoreResult<()> {
    conn.execute(
        "UPDATE agenda_item SET kind = ?1, follows_agreement_id = ?2, clar_call_id = ?3,
         proposal_id = ?4, updated_at = ?5 WHERE id = ?6",
        params![
            links.kind,
            links.follows_agreement_id,
            links.clar_call_id,
            links.proposal_id,
            at,
            id
        ],
    )?;
    Ok(())
}

/// Saves an item's minutes if nobody saved since `expected`.
pub fn set_notes(
    conn: &Connection,
    id: i64,
    expected: i64,
    notes: &str,
    at: &str,
) -> StoreResult<()> {
    let updated = conn.execute(
        "UPDATE agenda_item SET notes = ?1, updated_at = ?2, version = version + 1
         WHERE id = ?3 AND version = ?4",
        params![notes, at, id, expected],
    )?;
    one_row_or_conflict(updated, "agenda_item", id, expected)
}

/// Removes an item and its flag links, then closes the gap in the positions.
pub fn delete(conn: &Connection, id: i64, meeting_id: i64) -> StoreResult<()> {
    conn.execute(
        "DELETE FROM agenda_item_flag WHERE agenda_item_id = ?1",
        [id],
    )?;
    conn.execute("DELETE FROM agenda_item WHERE id = ?1", [id])?;
    renumber(conn, meeting_id)
}

/// Numbers a meeting's items 1, 2, 3… in their current order.
pub fn renumber(conn: &Connection, meeting_id: i64) -> StoreResult<()> {
    conn.execute(
        "UPDATE agenda_item SET position = (SELECT count(*) FROM agenda_item b
             WHERE b.meeting_id = agenda_item.meeting_id
               AND (b.position < agenda_item.position
                    OR (b.position = agenda_item.position AND b.id <= agenda_item.id)))
         WHERE meeting_id = ?1",
        [meeting_id],
    )?;
    Ok(())
}

/// Makes room at `position`: items there and after move one down.
pub fn make_room_at(conn: &Connection, meeting_id: i64, position: i64) -> StoreResult<()> {
    conn.execute(
        "UPDATE agenda_item SET position = position + 1 WHERE meeting_id = ?1 AND position >= ?2",
        params![meeting_id, position],
    )?;
    Ok(())
}

/// Swaps the positions of two items of one meeting.
pub fn swap_positions(conn: &Connection, a: &ItemRow, b: &ItemRow) -> StoreResult<()> {
    conn.execute(
        "UPDATE agenda_item SET position = ?1 WHERE id = ?2",
        params![b.position, a.id],
    )?;
    conn.execute(
        "UPDATE agenda_item SET position = ?1 WHERE id = ?2",
        params![a.position, b.id],
    )?;
    Ok(())
}

/// How many agreements were made under the item.
pub fn agreement_count(conn: &Connection, item_id: i64) -> StoreResult<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM agreement WHERE agenda_item_id = ?1",
        [item_id],
        |r| r.get(0),
    )?)
}

/// An overlap flag as the agenda shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagRow {
    pub id: i64,
    pub kind: String,
    pub severity: String,
    pub status: String,
}

pub fn flag(conn: &Connection, id: i64) -> StoreResult<Option<FlagRow>> {
    Ok(conn
        .query_row(
            "SELECT id, kind, severity, status FROM overlap_flag WHERE id = ?1",
            [id],
            |r| {
                Ok(FlagRow {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    severity: r.get(2)?,
                    status: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Links a flag to an item (linking twice changes nothing).
pub fn link_flag(conn: &Connection, item_id: i64, flag_id: i64) -> StoreResult<()> {
    conn.execute(
        "INSERT OR IGNORE INTO agenda_item_flag(agenda_item_id, flag_id) VALUES (?1, ?2)",
        params![item_id, flag_id],
    )?;
    Ok(())
}

pub fn unlink_flag(conn: &Connection, item_id: i64, flag_id: i64) -> StoreResult<()> {
    conn.execute(
        "DELETE FROM agenda_item_flag WHERE agenda_item_id = ?1 AND flag_id = ?2",
        params![item_id, flag_id],
    )?;
    Ok(())
}

/// The flags linked to a meeting's items, as (item id, flag), by item then flag id.
pub fn meeting_flags(conn: &Connection, meeting_id: i64) -> StoreResult<Vec<(i64, FlagRow)>> {
    let mut stmt = conn.prepare(
        "SELECT l.agenda_item_id, f.id, f.kind, f.severity, f.status
         FROM agenda_item_flag l JOIN agenda_item i ON i.id = l.agenda_item_id
         JOIN overlap_flag f ON f.id = l.flag_id
         WHERE i.meeting_id = ?1 ORDER BY i.position, f.id",
    )?;
    let rows = stmt.query_map([meeting_id], |r| {
        Ok((
            r.get(0)?,
            FlagRow {
                id: r.get(1)?,
                kind: r.get(2)?,
                severity: r.get(3)?,
                status: r.get(4)?,
            },
        ))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Up to `limit` flags, highest severity first, then oldest: the ones worth a meeting's time.
pub fn flags_worth_discussing(conn: &Connection, limit: i64) -> StoreResult<Vec<i64>> {
    let mut stmt = conn.prepare(
        "SELECT id FROM overlap_flag WHERE status IN ('open', 'acknowledged')
         ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, id
         LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| r.get(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn clar_call_exists(conn: &Connection, id: i64) -> StoreResult<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM clar_call WHERE id = ?1", [id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The call a proposal belongs to, if the proposal exists.
pub fn proposal_call(conn: &Connection, id: i64) -> StoreResult<Option<i64>> {
    Ok(conn
        .query_row("SELECT call_id FROM proposal WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?)
}
