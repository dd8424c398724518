//! Rows of `attendance`: one per meeting and member agency.

use crate::store::error::StoreResult;
use rusqlite::{params, Connection};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceRow {
    pub agency_id: i64,
    pub status: String,
    pub representative_id: Option<i64>,
    pub representative_name: Option<String>,
    pub attendee_name: Option<String>,
}

/// Who came for an agency, and whether it was there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceFields<'a> {
    pub status: &'a str,
    pub representative_id: Option<i64>,
    pub attendee_name: Option<&'a str>,
}

/// Records (or replaces) an agency's attendance at a meeting.
pub fn put(
    conn: &Connection,
    meeting_id: i64,
    agency_id: i64,
    f: &AttendanceFields,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO attendance(meeting_id, agency_id, status, representative_id, attendee_name)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(meeting_id, agency_id) DO UPDATE SET status = excluded.status,
             representative_id = excluded.representative_id,
             attendee_name = excluded.attendee_name",
        params![
            meeting_id,
            agency_id,
            f.status,
            f.representative_id,
            f.attendee_name
        ],
    )?;
    Ok(())
}

/// Forgets an agency's attendance at a meeting (back to "not recorded").
pub fn clear(conn: &Connection, meeting_id: i64, agency_id: i64) -> StoreResult<()> {
    conn.execute(
        "DELETE FROM attendance WHERE meeting_id = ?1 AND agency_id = ?2",
        params![meeting_id, agency_id],
    )?;
    Ok(())
}

/// The attendance recorded for a meeting, by agency id.
pub fn for_meeting(conn: &Connection, meeting_id: i64) -> StoreResult<Vec<AttendanceRow>> {
    let mut stmt = conn.prepare(
        "SELECT t.agency_id, t.status, t.representative_id, r.name, t.attendee_name
         FROM attendance t LEFT JOIN agency_representative r ON r.id = t.representative_id
         WHERE t.meeting_id = ?1 ORDER BY t.agency_id",
    )?;
    let rows = stmt.query_map([meeting_id], |r| {
        Ok(AttendanceRow {
            agency_id: r.get(0)?,
            status: r.get(1)?,
            representative_id: r.get(2)?,
            representative_name: r.get(3)?,
            attendee_name: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
