//! The store: creating, upgrading and refusing database files.

mod common;

use rusqlite::Connection;
use std::path::Path;
use tinkuy::domain::role::Role;
use tinkuy::i18n::{Lang, Localize};
use tinkuy::store::migrate::{self, Outcome, APPLICATION_ID};
use tinkuy::store::{Store, StoreError};

/// A digest of the file, so a failing comparison prints a line, not the whole file.
fn file_bytes(path: &Path) -> String {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(path).expect("read file");
    format!("{:x} ({} bytes)", Sha256::digest(&bytes), bytes.len())
}

#[test]
fn a_new_database_gets_the_schema_and_every_district_of_peru() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("tinkuy.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.outcome(), Outcome::Created);
    let conn = store.conn();
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    assert_eq!(count("SELECT count(*) FROM region"), 25);
    assert_eq!(count("SELECT count(*) FROM province"), 196);
    assert_eq!(count("SELECT count(*) FROM district"), 1892);
    assert_eq!(count("SELECT count(*) FROM programme"), 4);
    assert_eq!(count("SELECT count(*) FROM activity_type"), 13);
    assert_eq!(count("PRAGMA application_id"), APPLICATION_ID);
    assert_eq!(count("PRAGMA user_version"), migrate::latest_version());
    assert_eq!(count("PRAGMA foreign_keys"), 1);
    let cachi: (String, Option<String>, Option<i64>) = conn
        .query_row(
            "SELECT name, reniec_ubigeo, altitude_m FROM district WHERE ubigeo = '030212'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(cachi.0, "SAN ANTONIO DE CACHI");
    assert_eq!(cachi.1.as_deref(), Some("030309"));
    assert!(cachi.2.unwrap() > 3000);
}

#[cfg(unix)]
#[test]
fn a_new_database_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tinkuy.db");
    drop(Store::open(&path).unwrap());
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn reopening_a_current_database_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    drop(common::initialised_store(&path));
    let store = Store::open(&path).unwrap();
    assert_eq!(store.outcome(), Outcome::Current);
}

#[test]
fn schema_sql_equals_the_initial_schema_plus_every_step() {
    let fresh = Connection::open_in_memory().unwrap();
    fresh.execute_batch(migrate::SCHEMA).unwrap();
    let mut stepped = Connection::open_in_memory().unwrap();
    migrate::create_at_version(&mut stepped, migrate::latest_version()).unwrap();
    let dump = |c: &Connection| -> Vec<(String, String)> {
        let mut stmt = c
            .prepare("SELECT name, coalesce(sql, '') FROM sqlite_schema ORDER BY name")
            .unwrap();
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
        rows.map(|r| r.unwrap()).collect()
    };
    assert_eq!(dump(&fresh), dump(&stepped));
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("padron.xlsx");
    std::fs::write(
        &path,
        b"PK\x03\x04 this is a spreadsheet, not a database".repeat(40),
    )
    .unwrap();
    let before = file_bytes(&path);
    let err = Store::open(&path).expect_err("refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn another_programs_sqlite_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE cosas(x INTEGER); INSERT INTO cosas VALUES (1);")
            .unwrap();
    }
    let before = file_bytes(&path);
    let err = Store::open(&path).expect_err("refused");
    assert!(matches!(err, StoreError::NotTinkuy { .. }), "{err:?}");
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn a_database_from_a_newer_program_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    drop(common::initialised_store(&path));
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", migrate::latest_version() + 1)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = file_bytes(&path);
    let err = Store::open(&path).expect_err("refused");
    match err {
        StoreError::TooNew {
            found, supported, ..
        } => {
            assert_eq!(found, supported + 1);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(file_bytes(&path), before);
}

/// An office's database at an older version upgrades in place and keeps its rows.
#[test]
fn an_older_database_is_upgraded_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    drop(common::initialised_store(&path));
    let steps = ["ALTER TABLE app_user ADD COLUMN phone TEXT;"];
    let mut conn = Connection::open(&path).unwrap();
    let outcome = migrate::migrate_with(&mut conn, &path, &steps).unwrap();
    assert_eq!(outcome, Outcome::Upgraded { from: 1 });
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);
    let (name, phone): (String, Option<String>) = conn
        .query_row("SELECT username, phone FROM app_user", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((name.as_str(), phone), ("admin", None));
    assert_eq!(
        migrate::migrate_with(&mut conn, &path, &steps).unwrap(),
        Outcome::Current
    );
}

#[test]
fn a_failed_upgrade_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    drop(common::initialised_store(&path));
    let steps = [
        "ALTER TABLE app_user ADD COLUMN phone TEXT;",
        "ALTER TABLE no_such_table ADD COLUMN x TEXT;",
    ];
    let mut conn = Connection::open(&path).unwrap();
    let err = migrate::migrate_with(&mut conn, &path, &steps).expect_err("fails");
    assert!(
        matches!(err, StoreError::Migration { version: 3, .. }),
        "{err:?}"
    );
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
    let has_phone: i64 = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_info('app_user') WHERE name = 'phone'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(has_phone, 0);
}

#[test]
fn ids_of_two_offices_never_collide() {
    use tinkuy::store::ids;
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = common::initialised_store(&dir.path().join("a.db"));
    let mut b = Store::open(&dir.path().join("b.db")).unwrap();
    tinkuy::services::setup::init(
        &mut b,
        &tinkuy::services::setup::InitRequest {
            admin_username: "admin",
            admin_display_name: "",
            admin_password: "clave",
            district_ubigeo: "030212",
            office_number: 2,
        },
    )
    .unwrap();
    let id = |s: &Store| -> i64 {
        s.conn()
            .query_row("SELECT id FROM app_user", [], |r| r.get(0))
            .unwrap()
    };
    assert_ne!(id(&a), id(&b));
    assert_eq!(ids::display(id(&a)), "03021201-1");
    assert_eq!(ids::display(id(&b)), "03021202-1");
}

/// Two clerks, one shared file: both work; the second of two conflicting edits is refused and
/// the first one stands.
#[test]
fn two_instances_on_one_database_both_work_and_conflicts_are_refused() {
    use tinkuy::domain::forms::{HouseholdDraft, PersonDraft};
    use tinkuy::services::registry::edit;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let (mut first, admin) = common::initialised_store(&path);
    let mut second = Store::open(&path).unwrap();
    let household =
        edit::add_household(&mut first, &admin, "030212", &HouseholdDraft::default()).unwrap();
    let draft = PersonDraft {
        paternal: "Quispe".into(),
        given: "Ana".into(),
        ..PersonDraft::default()
    };
    let person = edit::add_person(&mut second, &admin, household, &draft).unwrap();
    // Both read version 1; the first save wins, the second is refused.
    edit::update_person(
        &mut first,
        &admin,
        person,
        1,
        &PersonDraft {
            given: "Ana María".into(),
            ..draft.clone()
        },
    )
    .unwrap();
    let clash = edit::update_person(
        &mut second,
        &admin,
        person,
        1,
        &PersonDraft {
            given: "Anita".into(),
            ..draft.clone()
        },
    );
    assert!(matches!(
        clash,
        Err(tinkuy::services::CoreError::Store(
            StoreError::Conflict { .. }
        ))
    ));
    let given: String = second
        .conn()
        .query_row(
            "SELECT given_names FROM person WHERE id = ?1",
            [person],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(given, "Ana María");
    // While either is open, a restore is refused.
    let copy = dir.path().join("copy.db");
    tinkuy::services::maintenance::backup(&first, Some(&copy)).unwrap();
    let refused = tinkuy::services::maintenance::restore(&path, &copy);
    assert!(matches!(
        refused,
        Err(tinkuy::services::CoreError::Store(StoreError::InUse))
    ));
}

#[test]
fn the_automatic_backup_is_made_once_a_day_and_only_the_newest_are_kept() {
    use tinkuy::services::maintenance::{
        auto_backup, backup_keep, backups_dir, list_backups, set_backup_keep,
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let (mut store, admin) = common::initialised_store(&path);
    assert!(auto_backup(&store).unwrap().is_some());
    assert!(auto_backup(&store).unwrap().is_none(), "one a day");
    // Only an administrator changes how many are kept, within 1..=365, and it is audited.
    assert_eq!(backup_keep(&store).unwrap(), 14);
    let clerk = common::user_with_role(&mut store, &admin, "rosa", Role::Registrador);
    assert!(set_backup_keep(&mut store, &clerk, 3).is_err());
    let zero = set_backup_keep(&mut store, &admin, 0).unwrap_err();
    assert!(zero.text(Lang::Es).contains("de 1 a 365"), "{zero}");
    assert_eq!(backup_keep(&store).unwrap(), 14, "refusals change nothing");
    set_backup_keep(&mut store, &admin, 3).unwrap();
    assert_eq!(backup_keep(&store).unwrap(), 3);
    let filter = tinkuy::store::audit::Filter {
        since: None,
        username: Some("admin".into()),
        entity: Some("setting".into()),
        limit: 10,
    };
    let entries = tinkuy::store::audit::list(store.conn(), &filter).unwrap();
    assert_eq!(entries.len(), 1, "audited once: {entries:?}");
    // Older days' backups beyond the setting are removed, newest first kept.
    for day in ["2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04"] {
        std::fs::write(
            backups_dir(&path).join(format!("tinkuy-{day}-080000.db")),
            b"old",
        )
        .unwrap();
    }
    auto_backup(&store).unwrap();
    let kept: Vec<String> = list_backups(&path)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(kept.len(), 3, "{kept:?}");
    assert!(
        kept[1].starts_with("tinkuy-2026-01-04") && kept[2].starts_with("tinkuy-2026-01-03"),
        "{kept:?}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(backups_dir(&path))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o700);
    }
}
