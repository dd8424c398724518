//! The queries behind the overlap rules: each returns the facts a flag is made of, and the
//! rule (in `services::overlaps`) decides severity and words. Thresholds are parameters.

use super::error::StoreResult;
use rusqlite::{params, Connection, Row};

fn collect<T>(
    conn: &Connection,
    sql: &str,
    args: impl rusqlite::Params,
    map: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> StoreResult<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map(args, map)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A household with active enrolments in two programmes whose pair is not complementary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MultiProgramme {
    pub household: i64,
    pub district: String,
    pub community: Option<i64>,
    pub programme_a: i64,
    pub programme_b: i64,
    pub class: String,
}

pub fn multi_programme(conn: &Connection) -> StoreResult<Vec<MultiProgramme>> {
    collect(
        conn,
        "SELECT h.id, h.district_ubigeo, h.community_id, m.programme_a_id, m.programme_b_id, m.class
         FROM overlap_matrix m
         JOIN (SELECT DISTINCT household_id, programme_id FROM enrolment WHERE end_date IS NULL) a
              ON a.programme_id = m.programme_a_id
         JOIN (SELECT DISTINCT household_id, programme_id FROM enrolment WHERE end_date IS NULL) b
              ON b.programme_id = m.programme_b_id AND b.household_id = a.household_id
         JOIN household h ON h.id = a.household_id
         WHERE m.class <> 'complementary'
         ORDER BY h.id, m.programme_a_id, m.programme_b_id",
        [],
        |r| Ok(MultiProgramme { household: r.get(0)?, district: r.get(1)?, community: r.get(2)?, programme_a: r.get(3)?, programme_b: r.get(4)?, class: r.get(5)? }),
    )
}

/// One active enrolment whose targeting looks wrong, with the facts that say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrolmentFact {
    pub enrolment: i64,
    pub household: i64,
    pub person: Option<i64>,
    pub programme: i64,
    pub district: String,
    pub community: Option<i64>,
    pub value: Option<i64>,
    pub date: Option<String>,
}

fn enrolment_fact(r: &Row) -> rusqlite::Result<EnrolmentFact> {
    Ok(EnrolmentFact {
        enrolment: r.get(0)?,
        household: r.get(1)?,
        person: r.get(2)?,
        programme: r.get(3)?,
        district: r.get(4)?,
        community: r.get(5)?,
        value: r.get(6)?,
        date: r.get(7)?,
    })
}

/// Seeds given where the plot (or, failing that, the community) lies below `min_altitude`.
pub fn seeds_below(conn: &Connection, min_altitude: i64) -> StoreResult<Vec<EnrolmentFact>> {
    collect(
        conn,
        "SELECT e.id, e.household_id, e.person_id, e.programme_id, h.district_ubigeo, h.community_id,
                coalesce(h.altitude_m, c.altitude_m), e.start_date
         FROM enrolment e JOIN household h ON h.id = e.household_id
         LEFT JOIN community c ON c.id = h.community_id
         WHERE e.end_date IS NULL AND e.activity_code = 'semillas'
           AND coalesce(h.altitude_m, c.altitude_m) < ?1",
        [min_altitude],
        enrolment_fact,
    )
}

/// Sheds given to households whose herd is `max_herd` head or more.
pub fn sheds_to_large_herds(conn: &Connection, max_herd: i64) -> StoreResult<Vec<EnrolmentFact>> {
    collect(
        conn,
        "SELECT e.id, e.household_id, e.person_id, e.programme_id, h.district_ubigeo, h.community_id,
                h.herd_size, e.start_date
         FROM enrolment e JOIN household h ON h.id = e.household_id
         WHERE e.end_date IS NULL AND e.activity_code = 'cobertizo' AND h.herd_size >= ?1",
        [max_herd],
        enrolment_fact,
    )
}

/// Active enrolments in Juntos or Haku Wiñay whose household's SISFOH class expired.
pub fn expired_sisfoh(conn: &Connection, expired_before: &str) -> StoreResult<Vec<EnrolmentFact>> {
    collect(
        conn,
        "SELECT min(e.id), e.household_id, NULL, e.programme_id, h.district_ubigeo, h.community_id,
                NULL, h.sisfoh_date
         FROM enrolment e JOIN household h ON h.id = e.household_id
         JOIN programme g ON g.id = e.programme_id
         WHERE e.end_date IS NULL AND g.code IN ('JUNTOS', 'HAKU_WINAY')
           AND h.sisfoh_date IS NOT NULL AND h.sisfoh_date < ?1
         GROUP BY e.household_id, e.programme_id",
        [expired_before],
        enrolment_fact,
    )
}

/// A community where agricultural programmes serve non-poor households while extreme-poor
/// ones get nothing from them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DriftCommunity {
    pub community: i64,
    pub district: String,
    pub non_poor_served: i64,
    pub extreme_poor_unserved: i64,
}

pub fn targeting_drift(conn: &Connection) -> StoreResult<Vec<DriftCommunity>> {
    collect(
        conn,
        "WITH agri AS (
             SELECT DISTINCT e.household_id FROM enrolment e JOIN programme g ON g.id = e.programme_id
             WHERE e.end_date IS NULL AND g.sector = 'agriculture')
         SELECT h.community_id, h.district_ubigeo,
                sum(h.sisfoh_class = 'NP' AND a.household_id IS NOT NULL),
                sum(h.sisfoh_class = 'PE' AND a.household_id IS NULL)
         FROM household h LEFT JOIN agri a ON a.household_id = h.id
         WHERE h.community_id IS NOT NULL
         GROUP BY h.community_id
         HAVING sum(h.sisfoh_class = 'NP' AND a.household_id IS NOT NULL) > 0
            AND sum(h.sisfoh_class = 'PE' AND a.household_id IS NULL) > 0",
        [],
        |r| Ok(DriftCommunity { community: r.get(0)?, district: r.get(1)?, non_poor_served: r.get(2)?, extreme_poor_unserved: r.get(3)? }),
    )
}

/// Households that look eligible for Juntos and are not in it: poor or extreme poor with a
/// valid class, with a pregnant woman or a child under 19, in a district at least
/// `min_poverty`% poor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Eligible {
    pub household: i64,
    pub district: String,
    pub community: Option<i64>,
    pub sisfoh: String,
    pub pregnant: i64,
    pub children: i64,
}

pub fn juntos_eligible_missing(
    conn: &Connection,
    valid_since: &str,
    born_after: &str,
    min_poverty: f64,
) -> StoreResult<Vec<Eligible>> {
    collect(
        conn,
        "SELECT h.id, h.district_ubigeo, h.community_id, h.sisfoh_class,
                (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.merged_into_id IS NULL AND p.pregnant = 1),
                (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.merged_into_id IS NULL AND p.birth_date > ?2)
         FROM household h JOIN district d ON d.ubigeo = h.district_ubigeo
         WHERE h.sisfoh_class IN ('PE', 'P') AND h.sisfoh_date >= ?1
           AND coalesce(d.poverty_total_pct, 0) >= ?3
           AND EXISTS (SELECT 1 FROM person p WHERE p.household_id = h.id AND p.merged_into_id IS NULL
                       AND (p.pregnant = 1 OR p.birth_date > ?2))
           AND NOT EXISTS (SELECT 1 FROM enrolment e JOIN programme g ON g.id = e.programme_id
                           WHERE e.household_id = h.id AND g.code = 'JUNTOS' AND e.end_date IS NULL)",
        params![valid_since, born_after, min_poverty],
        |r| Ok(Eligible { household: r.get(0)?, district: r.get(1)?, community: r.get(2)?, sisfoh: r.get(3)?, pregnant: r.get(4)?, children: r.get(5)? }),
    )
}

/// Two agencies delivering related activities in one community over overlapping periods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityOverlap {
    pub intervention_a: i64,
    pub intervention_b: i64,
    pub agency_a: i64,
    pub agency_b: i64,
    pub community: i64,
    pub district: String,
    pub group: String,
    pub activity_a: String,
    pub activity_b: String,
    pub agency_code_a: String,
    pub agency_code_b: String,
}

pub fn activity_overlaps(conn: &Connection) -> StoreResult<Vec<ActivityOverlap>> {
    collect(
        conn,
        "SELECT a.id, b.id, a.agency_id, b.agency_id, a.community_id, c.district_ubigeo,
                ta.overlap_group, a.activity_code, b.activity_code, ga.code, gb.code
         FROM intervention a JOIN intervention b
              ON b.community_id = a.community_id AND b.id > a.id AND b.agency_id <> a.agency_id
         JOIN activity_type ta ON ta.code = a.activity_code
         JOIN activity_type tb ON tb.code = b.activity_code AND tb.overlap_group = ta.overlap_group
         JOIN community c ON c.id = a.community_id
         JOIN agency ga ON ga.id = a.agency_id JOIN agency gb ON gb.id = b.agency_id
         WHERE a.start_date <= coalesce(b.end_date, '9999-12-31')
           AND b.start_date <= coalesce(a.end_date, '9999-12-31')
           AND ta.overlap_group <> 'transfer'",
        [],
        |r| {
            Ok(ActivityOverlap {
                intervention_a: r.get(0)?,
                intervention_b: r.get(1)?,
                agency_a: r.get(2)?,
                agency_b: r.get(3)?,
                community: r.get(4)?,
                district: r.get(5)?,
                group: r.get(6)?,
                activity_a: r.get(7)?,
                activity_b: r.get(8)?,
                agency_code_a: r.get(9)?,
                agency_code_b: r.get(10)?,
            })
        },
    )
}

/// Two awards by different programmes for the same product to one association, or to two
/// associations sharing most members, within the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoubleFunding {
    pub award_a: i64,
    pub award_b: i64,
    pub association_a: i64,
    pub association_b: i64,
    pub programme_a: i64,
    pub programme_b: i64,
    pub product: String,
    pub shared_members: i64,
    pub members_a: i64,
    pub members_b: i64,
    pub community: Option<i64>,
}

pub fn double_funding(conn: &Connection, months: i64) -> StoreResult<Vec<DoubleFunding>> {
    collect(
        conn,
        "WITH funded AS (
             SELECT w.id AS award, p.association_id AS assoc, c.programme_id AS prog,
                    lower(trim(p.product)) AS product, w.decided_at AS at
             FROM award w JOIN proposal p ON p.id = w.proposal_id
             JOIN clar_call c ON c.id = p.call_id WHERE w.funded = 1),
         members AS (
             SELECT association_id AS assoc, coalesce(CAST(person_id AS TEXT), dni, full_name) AS who
             FROM association_member WHERE left_on IS NULL)
         SELECT a.award, b.award, a.assoc, b.assoc, a.prog, b.prog, a.product,
                (SELECT count(*) FROM members ma JOIN members mb ON mb.who = ma.who
                 WHERE ma.assoc = a.assoc AND mb.assoc = b.assoc),
                (SELECT count(*) FROM members WHERE assoc = a.assoc),
                (SELECT count(*) FROM members WHERE assoc = b.assoc),
                (SELECT community_id FROM association WHERE id = a.assoc)
         FROM funded a JOIN funded b ON b.award > a.award AND b.prog <> a.prog
              AND b.product = a.product
         WHERE abs(julianday(a.at) - julianday(b.at)) <= ?1 * 30.44",
        [months],
        |r| Ok(DoubleFunding { award_a: r.get(0)?, award_b: r.get(1)?, association_a: r.get(2)?, association_b: r.get(3)?, programme_a: r.get(4)?, programme_b: r.get(5)?, product: r.get(6)?, shared_members: r.get(7)?, members_a: r.get(8)?, members_b: r.get(9)?, community: r.get(10)? }),
    )
}

/// Reports of conditionality misuse, to surface as flags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MisuseReport {
    pub id: i64,
    pub household: Option<i64>,
    pub community: Option<i64>,
    pub district: Option<String>,
    pub agency: i64,
    pub agency_code: String,
    pub forced_activity: String,
    pub reported_on: String,
}

pub fn misuse_reports(conn: &Connection) -> StoreResult<Vec<MisuseReport>> {
    collect(
        conn,
        "SELECT r.id, r.household_id, r.community_id,
                coalesce(h.district_ubigeo, c.district_ubigeo), r.accused_agency_id,
                r.forced_activity, r.reported_on, g.code
         FROM conditionality_report r JOIN agency g ON g.id = r.accused_agency_id
         LEFT JOIN household h ON h.id = r.household_id
         LEFT JOIN community c ON c.id = r.community_id",
        [],
        |r| {
            Ok(MisuseReport {
                id: r.get(0)?,
                household: r.get(1)?,
                community: r.get(2)?,
                district: r.get(3)?,
                agency: r.get(4)?,
                agency_code: r.get(7)?,
                forced_activity: r.get(5)?,
                reported_on: r.get(6)?,
            })
        },
    )
}

/// Programme × programme: households and persons with active enrolments in both.
pub fn matrix(conn: &Connection) -> StoreResult<Vec<(i64, i64, i64, i64)>> {
    collect(
        conn,
        "WITH active AS (SELECT DISTINCT household_id, person_id, programme_id FROM enrolment
                         WHERE end_date IS NULL)
         SELECT a.programme_id, b.programme_id, count(DISTINCT a.household_id),
                count(DISTINCT CASE WHEN a.person_id = b.person_id THEN a.person_id END)
         FROM active a JOIN active b ON b.household_id = a.household_id
              AND b.programme_id > a.programme_id
         GROUP BY a.programme_id, b.programme_id",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )
}

pub fn agency_id(conn: &Connection, code: &str) -> StoreResult<Option<i64>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row("SELECT id FROM agency WHERE code = ?1", [code], |r| {
            r.get(0)
        })
        .optional()?)
}

pub struct NewMisuse<'a> {
    pub reported_on: &'a str,
    pub household: Option<i64>,
    pub community: Option<i64>,
    pub agency: i64,
    pub forced_activity: &'a str,
    pub description: &'a str,
    pub reported_by: Option<&'a str>,
    pub user: Option<i64>,
    pub at: &'a str,
}

pub fn insert_misuse(conn: &Connection, m: &NewMisuse) -> StoreResult<i64> {
    let id = super::ids::next(conn)?;
    conn.execute(
        "INSERT INTO conditionality_report(id, reported_on, household_id, community_id,
         accused_agency_id, forced_activity, description, reported_by, user_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![id, m.reported_on, m.household, m.community, m.agency, m.forced_activity, m.description, m.reported_by, m.user, m.at],
    )?;
    Ok(id)
}

/// The configured class of each programme pair (smaller id first).
pub fn matrix_classes(conn: &Connection) -> StoreResult<Vec<(i64, i64, String)>> {
    collect(
        conn,
        "SELECT programme_a_id, programme_b_id, class FROM overlap_matrix",
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
}

/// A household enrolled (actively) in both programmes of a matrix cell, as its list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedHousehold {
    pub id: i64,
    pub district: String,
    pub community: Option<String>,
    /// The head of the household, or else its first member: given names and surname.
    pub person: Option<String>,
    pub members: i64,
}

/// A page of the households enrolled in both programmes, by id after `after`.
pub fn shared_households(
    conn: &Connection,
    programmes: (i64, i64),
    after: Option<i64>,
    limit: i64,
) -> StoreResult<Vec<SharedHousehold>> {
    collect(
        conn,
        "SELECT h.id, d.name, c.name,
           (SELECT p.given_names || ' ' || p.paternal_surname FROM person p
            WHERE p.household_id = h.id AND p.merged_into_id IS NULL
            ORDER BY p.relationship IS 'head' DESC, p.id LIMIT 1),
           (SELECT count(*) FROM person p WHERE p.household_id = h.id AND p.merged_into_id IS NULL)
         FROM household h JOIN district d ON d.ubigeo = h.district_ubigeo
         LEFT JOIN community c ON c.id = h.community_id
         WHERE h.id IN (SELECT a.household_id FROM enrolment a
                        WHERE a.programme_id = ?1 AND a.end_date IS NULL
                          AND (?3 IS NULL OR a.household_id > ?3)
                          AND EXISTS (SELECT 1 FROM enrolment b
                                      WHERE b.household_id = a.household_id
                                        AND b.programme_id = ?2 AND b.end_date IS NULL))
         ORDER BY h.id LIMIT ?4",
        params![programmes.0, programmes.1, after, limit],
        |r| {
            Ok(SharedHousehold {
                id: r.get(0)?,
                district: r.get(1)?,
                community: r.get(2)?,
                person: r.get(3)?,
                members: r.get(4)?,
            })
        },
    )
}

/// The districts that have flags, by name: what the alert list can be filtered by.
pub fn flag_districts(conn: &Connection) -> StoreResult<Vec<(String, String)>> {
    collect(
        conn,
        "SELECT d.ubigeo, d.name FROM district d
         WHERE d.ubigeo IN (SELECT DISTINCT district_ubigeo FROM overlap_flag
                            WHERE district_ubigeo IS NOT NULL)
         ORDER BY d.name",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}
