//! `tinkuy demo` end to end on temporary databases: determinism, rates, noise and its ground
//! truth, accounts, refusals, and the overview counters.

use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::BTreeMap;
use tinkuy::domain::role::Role;
use tinkuy::services::auth::{self, NewAccount};
use tinkuy::services::demo::{self, DemoRequest, NoiseKind, NoiseProfile, DEMO_PASSWORD};
use tinkuy::services::progress::Progress;
use tinkuy::services::setup::{self, InitRequest};
use tinkuy::services::{Actor, CoreError};
use tinkuy::store::{overview, Clock, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).unwrap()
}

fn fresh_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.set_clock(Clock::fixed_on(today()));
    store
}

fn demo_store(households: u32, seed: u64) -> Store {
    let mut store = fresh_store();
    let request = DemoRequest { households, seed };
    demo::generate(&mut store, &Actor::system(), &request, &mut ()).unwrap();
    store
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Every row of a query, each row's columns joined, for comparing databases.
fn dump(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    let columns = stmt.column_count();
    let rows = stmt
        .query_map([], |r| {
            let cells: Vec<String> = (0..columns)
                .map(|i| match r.get_ref(i).unwrap() {
                    rusqlite::types::ValueRef::Null => "∅".to_string(),
                    rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                    rusqlite::types::ValueRef::Real(v) => v.to_string(),
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into(),
                    rusqlite::types::ValueRef::Blob(_) => "blob".to_string(),
                })
                .collect();
            Ok(cells.join("|"))
        })
        .unwrap();
    rows.map(Result::unwrap).collect()
}

/// The content of the demo's main tables, ids and timestamps left out.
fn content(conn: &Connection) -> Vec<Vec<String>> {
    [
        "SELECT h.district_ubigeo, c.name, h.address, h.sisfoh_class, h.sisfoh_date,
                h.herd_size, h.altitude_m
         FROM household h LEFT JOIN community c ON c.id = h.community_id ORDER BY h.id",
        "SELECT p.dni, p.paternal_surname, p.maternal_surname, p.given_names, p.name_key,
                p.birth_date, p.sex, p.pregnant, p.pregnancy_noted_on, p.relationship
         FROM person p ORDER BY p.id",
        "SELECT pr.code, e.activity_code, e.amount_cents, e.start_date, e.end_date, e.end_reason,
                p.name_key, p.dni
         FROM enrolment e JOIN programme pr ON pr.id = e.programme_id
         JOIN person p ON p.id = e.person_id ORDER BY e.id",
        "SELECT pr.code, r.source_code, r.household_code, r.dni, r.paternal_surname,
                r.maternal_surname, r.given_names, r.birth_date, r.sex, r.district_ubigeo,
                r.sisfoh_class, r.start_date, r.activity_code, r.amount_cents, r.altitude_m,
                r.herd_size, r.status, r.ended_on, r.content_hash, d.noise
         FROM roster_record r JOIN programme pr ON pr.id = r.programme_id
         JOIN demo_identity d ON d.roster_record_id = r.id ORDER BY r.id",
    ]
    .iter()
    .map(|sql| dump(conn, sql))
    .collect()
}

#[test]
fn same_seed_and_size_give_the_same_content() {
    let a = demo_store(300, 42);
    let b = demo_store(300, 42);
    let (ca, cb) = (content(a.conn()), content(b.conn()));
    assert!(ca.iter().all(|table| !table.is_empty()));
    assert_eq!(ca, cb);
    // On a fresh database the ids match too.
    let ids = "SELECT group_concat(id) FROM (SELECT id FROM person ORDER BY id)";
    let id_list = |s: &Store| -> String { s.conn().query_row(ids, [], |r| r.get(0)).unwrap() };
    assert_eq!(id_list(&a), id_list(&b));
}

#[test]
fn different_seeds_give_different_content() {
    let a = demo_store(300, 1);
    let b = demo_store(300, 2);
    let (ca, cb) = (content(a.conn()), content(b.conn()));
    assert_ne!(ca[1], cb[1], "persons differ");
    assert_ne!(ca[3], cb[3], "roster records differ");
}

/// The household each record's true person lives in, per programme code.
const TRUTH: &str = "CREATE TEMP VIEW truth AS
    SELECT r.id AS record_id, pr.code AS programme, p.household_id AS household,
           r.person_id AS linked, d.true_person, d.noise, r.dni AS record_dni, p.dni AS true_dni
    FROM roster_record r JOIN demo_identity d ON d.roster_record_id = r.id
    JOIN person p ON p.id = d.true_person JOIN programme pr ON pr.id = r.programme_id";

fn ratio(conn: &Connection, part: &str, whole: &str) -> f64 {
    count(conn, part) as f64 / count(conn, whole).max(1) as f64
}

/// A 2 000-household demo with views of the truth: generated households, households eligible
/// for Juntos, and the true households of Juntos and Haku Wiñay records.
fn rates_store() -> Store {
    let store = demo_store(2_000, 7);
    store.conn().execute_batch(TRUTH).unwrap();
    store
        .conn()
        .execute_batch(
            "CREATE TEMP VIEW real_household AS SELECT * FROM household WHERE address IS NOT NULL;
             CREATE TEMP VIEW eligible AS SELECT h.id FROM real_household h
             WHERE h.sisfoh_class IN ('PE', 'P') AND EXISTS (SELECT 1 FROM person p
               WHERE p.household_id = h.id AND (p.pregnant = 1 OR (p.relationship IN
               ('child', 'grandchild') AND p.birth_date > '2007-03-15')));
             CREATE TEMP VIEW juntos AS SELECT DISTINCT household FROM truth
             WHERE programme = 'JUNTOS';
             CREATE TEMP VIEW haku AS SELECT DISTINCT household FROM truth
             WHERE programme = 'HAKU_WINAY';",
        )
        .unwrap();
    store
}

#[test]
fn households_look_like_the_highlands() {
    let store = rates_store();
    let conn = store.conn();
    let all = "SELECT count(*) FROM real_household";
    let size = ratio(
        conn,
        "SELECT count(*) FROM person WHERE household_id IN (SELECT id FROM real_household)",
        all,
    );
    assert!((3.6..4.6).contains(&size), "mean household size {size}");
    let pe = ratio(
        conn,
        "SELECT count(*) FROM real_household WHERE sisfoh_class = 'PE'",
        all,
    );
    assert!((0.28..0.42).contains(&pe), "PE share {pe}");
    let np = ratio(
        conn,
        "SELECT count(*) FROM real_household WHERE sisfoh_class = 'NP'",
        all,
    );
    assert!((0.14..0.26).contains(&np), "NP share {np}");
    let expired = ratio(
        conn,
        "SELECT count(*) FROM real_household WHERE sisfoh_date < '2023-03-15'",
        all,
    );
    assert!((0.15..0.35).contains(&expired), "SISFOH expired {expired}");
    let big_herds = ratio(
        conn,
        "SELECT count(*) FROM real_household WHERE herd_size >= 50",
        all,
    );
    assert!(
        (0.03..0.20).contains(&big_herds),
        "herds of 50+ {big_herds}"
    );
    let pregnant = count(conn, "SELECT count(*) FROM person WHERE pregnant = 1");
    assert!(pregnant > 0);
}

#[test]
fn juntos_and_haku_winay_overlap_by_design() {
    let store = rates_store();
    let conn = store.conn();
    let juntos = ratio(
        conn,
        "SELECT count(*) FROM eligible WHERE id IN juntos",
        "SELECT count(*) FROM eligible",
    );
    assert!(
        (0.45..0.60).contains(&juntos),
        "Juntos among eligible {juntos}"
    );
    let haku_in_juntos = ratio(
        conn,
        "SELECT count(*) FROM haku WHERE household IN juntos",
        "SELECT count(*) FROM haku",
    );
    assert!(
        haku_in_juntos > 0.65,
        "Haku Wiñay households in Juntos {haku_in_juntos}"
    );
    let juntos_reached = ratio(
        conn,
        "SELECT count(*) FROM juntos WHERE household IN haku",
        "SELECT count(*) FROM juntos",
    );
    assert!(
        (0.18..0.45).contains(&juntos_reached),
        "Juntos with Haku Wiñay {juntos_reached}"
    );
    let juntos_amounts = count(
        conn,
        "SELECT count(*) FROM enrolment e JOIN programme p ON p.id = e.programme_id
         WHERE p.code = 'JUNTOS'
           AND (e.amount_cents <> 120000 OR e.activity_code <> 'transferencia')",
    );
    assert_eq!(juntos_amounts, 0);
    let paid_to_women = ratio(
        conn,
        "SELECT count(*) FROM truth t JOIN person p ON p.id = t.true_person
         WHERE t.programme = 'JUNTOS' AND p.sex = 'F'",
        "SELECT count(*) FROM truth WHERE programme = 'JUNTOS'",
    );
    assert!(paid_to_women > 0.9, "Juntos pays mothers: {paid_to_women}");
}

#[test]
fn agriculture_leans_to_the_better_off_with_some_drift() {
    let store = rates_store();
    let conn = store.conn();
    let agrorural = |class: &str| {
        ratio(
            conn,
            &format!(
                "SELECT count(DISTINCT household) FROM truth t JOIN household h
                 ON h.id = t.household WHERE programme = 'AGRORURAL' AND h.sisfoh_class = '{class}'"
            ),
            &format!("SELECT count(*) FROM real_household WHERE sisfoh_class = '{class}'"),
        )
    };
    assert!(
        agrorural("NP") > agrorural("PE"),
        "Agrorural leans to the better-off"
    );
    let drift_seeds = count(
        conn,
        "SELECT count(*) FROM roster_record WHERE activity_code = 'semillas' AND altitude_m < 3500",
    );
    let drift_sheds = count(
        conn,
        "SELECT count(*) FROM roster_record WHERE activity_code = 'cobertizo' AND herd_size >= 100",
    );
    assert!(
        drift_seeds > 0 && drift_sheds > 0,
        "targeting drift is planted"
    );
    let ended = count(
        conn,
        "SELECT count(*) FROM enrolment WHERE end_date IS NOT NULL",
    );
    assert!(ended > 0);
    let inconsistent = count(
        conn,
        "SELECT count(*) FROM enrolment WHERE (end_date IS NULL) <> (end_reason IS NULL)",
    );
    assert_eq!(inconsistent, 0);
}

#[test]
fn every_noise_kind_appears_and_every_record_is_labelled() {
    let store = demo_store(2_000, 11);
    let conn = store.conn();
    conn.execute_batch(TRUTH).unwrap();
    assert_eq!(
        count(conn, "SELECT count(*) FROM roster_record"),
        count(conn, "SELECT count(*) FROM demo_identity")
    );
    assert_eq!(
        count(conn, "SELECT count(*) FROM roster_record"),
        count(conn, "SELECT count(*) FROM enrolment")
    );
    let labels = dump(conn, "SELECT noise FROM demo_identity WHERE noise <> ''");
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for label in labels.iter().flat_map(|l| l.split(',')) {
        *seen.entry(label.to_string()).or_default() += 1;
    }
    for kind in NoiseKind::ALL {
        assert!(
            seen.contains_key(kind.code()),
            "{} missing: {seen:?}",
            kind.code()
        );
    }
    assert!(seen.contains_key("homonym"), "{seen:?}");
    let noisy = ratio(
        conn,
        "SELECT count(*) FROM truth WHERE programme <> 'JUNTOS' AND noise NOT IN ('', 'homonym')",
        "SELECT count(*) FROM truth WHERE programme <> 'JUNTOS'",
    );
    assert!(
        (0.18..0.32).contains(&noisy),
        "non-Juntos noise share {noisy}"
    );
    let juntos_noisy = ratio(
        conn,
        "SELECT count(*) FROM truth WHERE programme = 'JUNTOS' AND noise NOT IN ('', 'homonym')",
        "SELECT count(*) FROM truth WHERE programme = 'JUNTOS'",
    );
    assert!(juntos_noisy < 0.08, "Juntos is cleaner: {juntos_noisy}");
}

#[test]
fn records_are_linked_as_the_importer_links_them() {
    let store = demo_store(2_000, 13);
    let conn = store.conn();
    conn.execute_batch(TRUTH).unwrap();
    // A record with its person's own DNI is that person.
    assert_eq!(
        count(
            conn,
            "SELECT count(*) FROM truth WHERE record_dni = true_dni AND linked <> true_person"
        ),
        0
    );
    // A record without a usable DNI made a person of its own: the duplicate to find.
    assert_eq!(
        count(
            conn,
            "SELECT count(*) FROM truth WHERE record_dni IS NULL AND linked = true_person"
        ),
        0
    );
    // ... and each such record its own, as each imported row without a DNI does.
    assert_eq!(
        count(
            conn,
            "SELECT count(*) - count(DISTINCT linked) FROM truth WHERE record_dni IS NULL"
        ),
        0
    );
    let duplicates = count(
        conn,
        "SELECT count(*) FROM truth WHERE linked <> true_person",
    );
    assert!(duplicates > 20, "{duplicates}");
    // A planted conflict carries someone else's DNI and is linked to that someone.
    let conflicts = dump(
        conn,
        "SELECT t.record_dni = p.dni, t.linked <> t.true_person,
                (SELECT paternal_surname FROM person WHERE id = t.true_person) <> p.paternal_surname
         FROM truth t JOIN person p ON p.id = t.linked WHERE t.noise LIKE '%dni_conflict%'",
    );
    assert!(!conflicts.is_empty());
    assert!(conflicts.iter().all(|row| row == "1|1|1"), "{conflicts:?}");
}

#[test]
fn homonyms_are_planted_and_every_person_is_searchable() {
    let store = demo_store(2_000, 13);
    let conn = store.conn();
    // Homonyms: two true persons with one full name in one community, never the same person.
    let homonyms = count(
        conn,
        "SELECT count(*) FROM person a JOIN person b ON a.name_key = b.name_key AND a.id < b.id
         JOIN household ha ON ha.id = a.household_id JOIN household hb ON hb.id = b.household_id
         WHERE ha.community_id = hb.community_id AND a.relationship IN ('head', 'spouse')
           AND b.relationship IN ('head', 'spouse') AND a.dni <> b.dni",
    );
    assert!(homonyms > 0);
    // Every person is searchable by name.
    assert_eq!(
        count(conn, "SELECT count(*) FROM person"),
        count(conn, "SELECT count(*) FROM person_fts")
    );
    assert!(
        count(
            conn,
            "SELECT count(*) FROM person_fts WHERE person_fts MATCH 'quispe'"
        ) > 0
    );
    // Each programme's record codes are its own, and every record has a change row.
    assert_eq!(
        count(
            conn,
            "SELECT count(*) FROM roster_record_change WHERE kind = 'new'"
        ),
        count(conn, "SELECT count(*) FROM roster_record")
    );
    assert_eq!(
        count(
            conn,
            "SELECT count(*) FROM roster_import WHERE rows_total > 0"
        ),
        4
    );
}

#[test]
fn associations_and_interventions_carry_the_planted_overlaps() {
    let store = demo_store(6_000, 5);
    let conn = store.conn();
    let sizes = dump(
        conn,
        "SELECT count(*) FROM association_member GROUP BY association_id",
    );
    assert!(!sizes.is_empty());
    for size in &sizes {
        let n: i64 = size.parse().unwrap();
        assert!((1..=30).contains(&n), "{n} members");
    }
    let shared = count(
        conn,
        "SELECT count(*) FROM association a JOIN association b
           ON a.community_id = b.community_id AND a.id < b.id
         WHERE (SELECT count(*) FROM association_member x JOIN association_member y
                  ON x.person_id = y.person_id
                WHERE x.association_id = a.id AND y.association_id = b.id)
               * 2 > (SELECT count(*) FROM association_member WHERE association_id = a.id)",
    );
    assert!(shared > 0, "some associations share most members");
    let agrarian_overlap = count(
        conn,
        "SELECT count(*) FROM intervention a JOIN intervention b
           ON a.community_id = b.community_id AND a.activity_code = b.activity_code
         JOIN agency x ON x.id = a.agency_id JOIN agency y ON y.id = b.agency_id
         WHERE a.activity_code = 'asistencia_tecnica' AND x.code = 'AGRORURAL' AND y.code = 'DRA'",
    );
    assert!(agrarian_overlap > 0);
    let housing_overlap = count(
        conn,
        "SELECT count(*) FROM intervention a JOIN intervention b ON a.community_id = b.community_id
         JOIN agency x ON x.id = a.agency_id JOIN agency y ON y.id = b.agency_id
         WHERE x.code = 'FONCODES' AND y.code = 'MUNI_PROV' AND a.activity_code = b.activity_code",
    );
    assert!(housing_overlap > 0);
}

#[test]
fn demo_users_log_in_with_the_demo_password() {
    let store = demo_store(50, 1);
    for (username, _, role) in demo::DEMO_USERS {
        let actor = auth::authenticate(&store, username, DEMO_PASSWORD).unwrap();
        assert_eq!(actor.role, role);
    }
    let office: String = store
        .conn()
        .query_row("SELECT district_ubigeo FROM office", [], |r| r.get(0))
        .unwrap();
    assert_eq!(office, demo::DEMO_DISTRICT);
    let audit = count(
        store.conn(),
        "SELECT count(*) FROM audit_log WHERE action = 'demo'",
    );
    assert_eq!(audit, 1);
}

#[test]
fn a_second_run_is_refused_and_changes_nothing() {
    let mut store = demo_store(100, 3);
    let before = content(store.conn());
    let audit = count(store.conn(), "SELECT count(*) FROM audit_log");
    let admin = auth::authenticate(&store, "admin", DEMO_PASSWORD).unwrap();
    let request = DemoRequest {
        households: 100,
        seed: 4,
    };
    let err = demo::generate(&mut store, &admin, &request, &mut ()).unwrap_err();
    assert!(matches!(err, CoreError::DemoNeedsEmptyRegistry), "{err:?}");
    assert_eq!(content(store.conn()), before);
    assert_eq!(count(store.conn(), "SELECT count(*) FROM audit_log"), audit);
}

fn initialised_store() -> Store {
    let mut store = fresh_store();
    setup::init(
        &mut store,
        &InitRequest {
            admin_username: "jefa",
            admin_display_name: "Jefa de oficina",
            admin_password: "secreta",
            district_ubigeo: "030212",
            office_number: 2,
        },
    )
    .unwrap();
    store
}

#[test]
fn a_non_admin_on_a_set_up_database_is_refused() {
    let mut store = initialised_store();
    let admin = auth::authenticate(&store, "jefa", "secreta").unwrap();
    let clerk = NewAccount {
        username: "ana",
        display_name: "Ana",
        role: Role::Registrador,
        password: "clave1",
    };
    auth::add_user(&mut store, &admin, &clerk).unwrap();
    let ana = auth::authenticate(&store, "ana", "clave1").unwrap();
    let (users, audit) = (
        count(store.conn(), "SELECT count(*) FROM app_user"),
        count(store.conn(), "SELECT count(*) FROM audit_log"),
    );
    let request = DemoRequest {
        households: 50,
        seed: 1,
    };
    let err = demo::generate(&mut store, &ana, &request, &mut ()).unwrap_err();
    assert!(matches!(err, CoreError::Forbidden { .. }), "{err:?}");
    assert_eq!(count(store.conn(), "SELECT count(*) FROM household"), 0);
    assert_eq!(count(store.conn(), "SELECT count(*) FROM app_user"), users);
    assert_eq!(count(store.conn(), "SELECT count(*) FROM audit_log"), audit);
}

#[test]
fn an_admin_on_a_set_up_database_gets_the_missing_demo_users_only() {
    let mut store = initialised_store();
    let admin = auth::authenticate(&store, "jefa", "secreta").unwrap();
    let request = DemoRequest {
        households: 50,
        seed: 1,
    };
    let summary = demo::generate(&mut store, &admin, &request, &mut ()).unwrap();
    assert_eq!(summary.users_created, 5);
    assert!(auth::authenticate(&store, "jefa", "secreta").is_ok());
    // Ids carry this office's code (030212, office 2), as every row of the office does.
    let min_id = count(store.conn(), "SELECT min(id) FROM household");
    assert_eq!(min_id / 10_000_000_000, 3_021_202);
    let imports_by = count(
        store.conn(),
        "SELECT count(*) FROM roster_import i JOIN app_user u ON u.id = i.user_id
         WHERE u.username = 'jefa'",
    );
    assert_eq!(imports_by, 4);
}

#[test]
fn the_overview_counters_equal_the_rows() {
    let store = demo_store(1_500, 9);
    let conn = store.conn();
    let totals = overview::totals(conn).unwrap();
    assert_eq!(
        totals.households,
        count(conn, "SELECT count(*) FROM household")
    );
    assert_eq!(
        totals.persons,
        count(
            conn,
            "SELECT count(*) FROM person WHERE merged_into_id IS NULL"
        )
    );
    assert_eq!(
        totals.active_enrolments,
        count(
            conn,
            "SELECT count(*) FROM enrolment WHERE end_date IS NULL"
        )
    );
    let by_programme = overview::by_programme(conn).unwrap();
    for row in by_programme {
        let direct = count(
            conn,
            &format!(
                "SELECT count(*) FROM enrolment e JOIN programme p ON p.id = e.programme_id
                 WHERE p.code = '{}' AND e.end_date IS NULL",
                row.code
            ),
        );
        assert_eq!(row.active_enrolments, direct, "{}", row.code);
    }
}

#[test]
fn the_summary_matches_the_rows_and_progress_is_reported() {
    let mut store = fresh_store();
    let mut reports: Vec<Progress> = Vec::new();
    let mut sink = |p: Progress| reports.push(p);
    let request = DemoRequest {
        households: 2_500,
        seed: 21,
    };
    let summary = demo::generate(&mut store, &Actor::system(), &request, &mut sink).unwrap();
    let conn = store.conn();
    assert_eq!(
        summary.households as i64,
        count(conn, "SELECT count(*) FROM household")
    );
    assert_eq!(
        summary.persons as i64,
        count(conn, "SELECT count(*) FROM person")
    );
    assert_eq!(
        summary.enrolments as i64,
        count(conn, "SELECT count(*) FROM enrolment")
    );
    assert_eq!(
        summary.roster_records as i64,
        count(conn, "SELECT count(*) FROM roster_record")
    );
    // The generated households, plus those the importer made for persons it could not place.
    let real = count(
        conn,
        "SELECT count(*) FROM household WHERE address IS NOT NULL",
    );
    assert_eq!(real, 2_500);
    let imported = count(conn, "SELECT count(*) FROM household WHERE address IS NULL");
    assert_eq!(summary.households as i64, real + imported);
    let made_up = count(
        conn,
        "SELECT count(*) FROM person WHERE relationship IS NULL",
    );
    assert_eq!(summary.duplicate_persons as i64, made_up);
    let done: Vec<u64> = reports.iter().map(|p| p.done).collect();
    assert_eq!(done, vec![1_000, 2_000, 2_500]);
    assert!(reports.iter().all(|p| p.total == 2_500));
}

#[test]
fn a_clean_profile_makes_no_duplicates_and_oversized_demos_are_refused() {
    let mut store = fresh_store();
    let request = DemoRequest {
        households: 500,
        seed: 2,
    };
    let noise = NoiseProfile::clean();
    let summary =
        demo::generate_with_noise(&mut store, &Actor::system(), &request, &noise, &mut ()).unwrap();
    assert_eq!(summary.duplicate_persons, 0);
    assert_eq!(summary.noisy_records, 0);
    assert_eq!(
        count(
            store.conn(),
            "SELECT count(*) FROM demo_identity WHERE noise NOT IN ('', 'homonym')"
        ),
        0
    );
    let mut other = fresh_store();
    let huge = DemoRequest {
        households: demo::MAX_HOUSEHOLDS + 1,
        seed: 1,
    };
    let err = demo::generate(&mut other, &Actor::system(), &huge, &mut ()).unwrap_err();
    assert!(matches!(err, CoreError::DemoTooLarge { .. }), "{err:?}");
    assert_eq!(count(other.conn(), "SELECT count(*) FROM office"), 0);
}
