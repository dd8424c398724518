//! Ids that never collide between offices: office_code × 10^10 + a sequence of this office.
//!
//! Every table's id comes from here, so two offices can later exchange rows without clashes.
//! Reference rows shipped with the program use office code 0.

use super::error::StoreResult;
use rusqlite::Connection;

/// How many ids one office can issue.
pub const SEQUENCE_SPAN: i64 = 10_000_000_000;

/// Takes the next `count` ids of this office; returns the first. Must run inside the caller's
/// transaction so ids are never handed out twice or lost on rollback.
pub fn reserve(conn: &Connection, count: i64) -> StoreResult<i64> {
    let (code, next): (i64, i64) = conn.query_row(
        "UPDATE office SET next_sequence = next_sequence + ?1
         RETURNING code, next_sequence - ?1",
        [count],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    Ok(code * SEQUENCE_SPAN + next)
}

/// One new id.
pub fn next(conn: &Connection) -> StoreResult<i64> {
    reserve(conn, 1)
}

/// The id shown to people: `03021201-42` (office code, dash, sequence). Reference rows
/// (office 0) and office codes themselves show as plain numbers.
pub fn display(id: i64) -> String {
    if id < SEQUENCE_SPAN {
        return id.to_string();
    }
    format!("{:08}-{}", id / SEQUENCE_SPAN, id % SEQUENCE_SPAN)
}

/// Reads an id typed by a person: the displayed form or the raw number.
pub fn parse(text: &str) -> Option<i64> {
    let text = text.trim();
    match text.split_once('-') {
        Some((office, seq)) => {
            let office: i64 = office.parse().ok()?;
            let seq: i64 = seq.parse().ok()?;
            if !(0..100_000_000).contains(&office) || !(0..SEQUENCE_SPAN).contains(&seq) {
                return None;
            }
            Some(office * SEQUENCE_SPAN + seq)
        }
        None => text.parse().ok().filter(|id: &i64| *id > 0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_and_parse_round_trip() {
        let id = 3_021_201 * SEQUENCE_SPAN + 42;
        assert_eq!(display(id), "03021201-42");
        assert_eq!(parse("03021201-42"), Some(id));
        assert_eq!(parse(&id.to_string()), Some(id));
        assert_eq!(parse("x-1"), None);
        assert_eq!(parse("-5"), None);
    }
}
