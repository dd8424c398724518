//! The overview's counters, kept by triggers, always equal a direct count — through inserts,
//! moves between districts, ended enrolments and merged persons.

use rusqlite::{params, Connection};
use tinkuy::store::Store;

const AT: &str = "2026-01-01T00:00:00Z";

fn household(c: &Connection, id: i64, ubigeo: &str) {
    c.execute(
        "INSERT INTO household(id, district_ubigeo, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        params![id, ubigeo, AT],
    )
    .unwrap();
}

fn person(c: &Connection, id: i64, household: i64) {
    c.execute(
        "INSERT INTO person(id, household_id, district_ubigeo, paternal_surname, given_names,
         name_key, created_at, updated_at) VALUES (?1, ?2,
         (SELECT district_ubigeo FROM household WHERE id = ?2), 'QUISPE', 'María',
         'QUISPE MARIA', ?3, ?3)",
        params![id, household, AT],
    )
    .unwrap();
}

fn enrol(c: &Connection, id: i64, household: i64, person: i64, programme: i64) {
    c.execute(
        "INSERT INTO enrolment(id, household_id, person_id, programme_id, start_date,
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, '2025-01-01', ?5, ?5)",
        params![id, household, person, programme, AT],
    )
    .unwrap();
}

/// (counters, direct counts) for households, persons and active enrolments per district.
/// (district, households, persons, active enrolments)
type Row = (String, i64, i64, i64);

fn both(c: &Connection) -> (Vec<Row>, Vec<Row>) {
    let read = |sql: &str| -> Vec<Row> {
        let mut stmt = c.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)));
        rows.unwrap().map(|r| r.unwrap()).collect()
    };
    let counters = read(
        "SELECT s.district_ubigeo, s.households, s.persons,
                (SELECT coalesce(sum(active), 0) FROM stat_enrolment e
                 WHERE e.district_ubigeo = s.district_ubigeo)
         FROM stat_district s
         WHERE s.households + s.persons > 0 ORDER BY 1",
    );
    let direct = read(
        "SELECT h.district_ubigeo, count(*),
                (SELECT count(*) FROM person p JOIN household h2 ON h2.id = p.household_id
                 WHERE h2.district_ubigeo = h.district_ubigeo AND p.merged_into_id IS NULL),
                (SELECT count(*) FROM enrolment e JOIN household h3 ON h3.id = e.household_id
                 WHERE h3.district_ubigeo = h.district_ubigeo AND e.end_date IS NULL)
         FROM household h GROUP BY h.district_ubigeo ORDER BY 1",
    );
    (counters, direct)
}

#[test]
fn counters_follow_every_kind_of_change() {
    let store = Store::open_in_memory().unwrap();
    let c = store.conn();
    let juntos: i64 = c
        .query_row("SELECT id FROM programme WHERE code = 'JUNTOS'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let agro: i64 = c
        .query_row(
            "SELECT id FROM programme WHERE code = 'AGRORURAL'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    household(c, 1, "030212");
    household(c, 2, "030212");
    household(c, 3, "030213");
    for (id, h) in [(10, 1), (11, 1), (12, 2), (13, 3), (14, 3)] {
        person(c, id, h);
    }
    enrol(c, 100, 1, 10, juntos);
    enrol(c, 101, 1, 11, agro);
    enrol(c, 102, 3, 13, juntos);
    let (counters, direct) = both(c);
    assert_eq!(counters, direct);
    assert_eq!(counters[0], ("030212".to_string(), 2, 3, 2));

    // An enrolment ends; a household moves district; a person moves household; two merge.
    c.execute(
        "UPDATE enrolment SET end_date = '2026-01-01', end_reason = 'egreso' WHERE id = 101",
        [],
    )
    .unwrap();
    c.execute(
        "UPDATE household SET district_ubigeo = '030213' WHERE id = 1",
        [],
    )
    .unwrap();
    c.execute("UPDATE person SET household_id = 2 WHERE id = 11", [])
        .unwrap();
    c.execute("UPDATE person SET merged_into_id = 13 WHERE id = 14", [])
        .unwrap();
    let (counters, direct) = both(c);
    assert_eq!(counters, direct);
    let per_programme: i64 = c
        .query_row("SELECT active FROM stat_enrolment WHERE district_ubigeo = '030213' AND programme_id = ?1", [juntos], |r| r.get(0))
        .unwrap();
    assert_eq!(per_programme, 2);

    // Undoing the merge and deleting rows keeps them equal too.
    c.execute("UPDATE person SET merged_into_id = NULL WHERE id = 14", [])
        .unwrap();
    c.execute("DELETE FROM enrolment WHERE id = 102", [])
        .unwrap();
    let (counters, direct) = both(c);
    assert_eq!(counters, direct);
    // Every person carries their household's district.
    let stray: i64 = c
        .query_row(
            "SELECT count(*) FROM person p JOIN household h ON h.id = p.household_id
             WHERE p.district_ubigeo <> h.district_ubigeo",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stray, 0);
}
