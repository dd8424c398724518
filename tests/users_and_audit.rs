//! Users, roles and the audit log: permissions are enforced in the core, and every write is
//! recorded with its user in the same transaction.

mod common;

use tinkuy::domain::role::Role;
use tinkuy::i18n::{Lang, Localize};
use tinkuy::services::auth::{self, NewAccount, Permission};
use tinkuy::services::{overview, CoreError};
use tinkuy::store::{audit, users};

fn account(name: &str, role: Role) -> NewAccount<'_> {
    NewAccount {
        username: name,
        display_name: name,
        role,
        password: "otra-clave",
    }
}

#[test]
fn a_clar_member_and_a_read_only_user_are_refused_writes_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
    let clar = common::user_with_role(&mut store, &admin, "clar1", Role::MiembroClar);
    let reader = common::user_with_role(&mut store, &admin, "lectora", Role::Consulta);
    let users_before = users::count(store.conn()).unwrap();
    let audit_before = audit::count(store.conn()).unwrap();
    for actor in [&clar, &reader] {
        let err = auth::add_user(&mut store, actor, &account("intrusa", Role::Admin))
            .expect_err("refused");
        assert!(matches!(
            err,
            CoreError::Forbidden {
                permission: Permission::ManageUsers,
                ..
            }
        ));
        let err = auth::reset_password(&mut store, actor, "admin", "x-y-z-w").expect_err("no");
        assert!(matches!(err, CoreError::Forbidden { .. }));
    }
    assert_eq!(users::count(store.conn()).unwrap(), users_before);
    assert_eq!(audit::count(store.conn()).unwrap(), audit_before);
    // The administrator's password still works: the refused reset changed nothing.
    assert!(auth::authenticate(&store, "admin", common::ADMIN_PASSWORD).is_ok());
}

#[test]
fn a_clar_member_cannot_read_registry_figures() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
    let clar = common::user_with_role(&mut store, &admin, "clar1", Role::MiembroClar);
    let reader = common::user_with_role(&mut store, &admin, "lectora", Role::Consulta);
    assert!(matches!(
        overview::load(&store, &clar, 10),
        Err(CoreError::Forbidden {
            permission: Permission::ReadRegistry,
            ..
        })
    ));
    assert!(overview::load(&store, &reader, 10).is_ok());
}

#[test]
fn every_write_is_in_the_audit_log_with_its_user_and_the_chain_holds() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
    auth::add_user(&mut store, &admin, &account("rosa", Role::Registrador)).unwrap();
    auth::reset_password(&mut store, &admin, "rosa", "nueva-clave").unwrap();
    let rosa = auth::authenticate(&store, "rosa", "nueva-clave").unwrap();
    auth::change_own_password(&mut store, &rosa, "nueva-clave", "mi-clave").unwrap();
    let rows = audit::list(store.conn(), &audit::Filter::default()).unwrap();
    let seen: Vec<(String, String, String)> = rows
        .iter()
        .rev()
        .map(|r| (r.username.clone(), r.action.clone(), r.entity.clone()))
        .collect();
    let expect = |u: &str, a: &str, e: &str| (u.to_string(), a.to_string(), e.to_string());
    assert_eq!(
        seen,
        vec![
            expect("tinkuy", "init", "office"),
            expect("tinkuy", "create", "app_user"),
            expect("admin", "create", "app_user"),
            expect("admin", "password", "app_user"),
            expect("rosa", "password", "app_user"),
        ]
    );
    assert_eq!(audit::verify(store.conn()).unwrap(), None);
    // No secret ever reaches the log.
    assert!(rows.iter().all(|r| !r.details.contains("clave")));
}

#[test]
fn the_audit_log_cannot_be_altered_and_an_edit_behind_its_back_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let (mut store, admin) = common::initialised_store(&path);
    auth::add_user(&mut store, &admin, &account("rosa", Role::Registrador)).unwrap();
    let update = store
        .conn()
        .execute("UPDATE audit_log SET username = 'x' WHERE seq = 2", []);
    assert!(update.is_err(), "the triggers refuse updates");
    assert!(store.conn().execute("DELETE FROM audit_log", []).is_err());
    // Someone with the sqlite3 tool drops the trigger and edits a row.
    store
        .conn()
        .execute_batch(
            "DROP TRIGGER audit_log_no_update;
             UPDATE audit_log SET username = 'otra' WHERE seq = 2;",
        )
        .unwrap();
    assert_eq!(audit::verify(store.conn()).unwrap(), Some(2));
}

#[test]
fn a_wrong_password_and_an_unknown_user_get_the_same_answer() {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = common::initialised_store(&dir.path().join("t.db"));
    let wrong = auth::authenticate(&store, "admin", "equivocada")
        .err()
        .unwrap();
    let unknown = auth::authenticate(&store, "nadie", "equivocada")
        .err()
        .unwrap();
    assert_eq!(wrong.text(Lang::Es), unknown.text(Lang::Es));
    assert!(matches!(wrong, CoreError::BadCredentials));
}

#[test]
fn bad_user_names_short_passwords_and_duplicates_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
    let bad = auth::add_user(&mut store, &admin, &account("José Pérez", Role::Consulta));
    assert!(matches!(bad, Err(CoreError::InvalidUsername(_))));
    let short = auth::add_user(
        &mut store,
        &admin,
        &NewAccount {
            password: "abc",
            ..account("rosa", Role::Consulta)
        },
    );
    let message = short.err().unwrap().text(Lang::Es).into_owned();
    assert!(message.contains("al menos 4"), "{message}");
    auth::add_user(&mut store, &admin, &account("rosa", Role::Consulta)).unwrap();
    let twice = auth::add_user(&mut store, &admin, &account("ROSA", Role::Consulta));
    assert!(matches!(twice, Err(CoreError::UserExists(_))));
}

#[test]
fn refusals_explain_themselves_in_both_languages() {
    let err = CoreError::Forbidden {
        role: Role::Consulta,
        permission: Permission::WriteRegistry,
    };
    assert_eq!(
        err.text(Lang::Es),
        "Su rol (Consulta) no permite modificar el padrón. Pida a un administrador que lo haga o que cambie su rol."
    );
    assert!(err
        .text(Lang::En)
        .starts_with("Your role (Read-only) may not change the registry."));
}

#[test]
fn a_reset_password_must_be_changed_before_any_other_change() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
    auth::add_user(&mut store, &admin, &account("beto", Role::Admin)).unwrap();
    auth::reset_password(&mut store, &admin, "beto", "temporal").unwrap();
    let signed = auth::sign_in(&store, "beto", "temporal").unwrap();
    assert!(signed.must_change_password);
    let beto = signed.actor;
    let refused = auth::add_user(&mut store, &beto, &account("ciro", Role::Consulta));
    assert!(
        matches!(&refused, Err(CoreError::MustChangePassword(u)) if u == "beto"),
        "{refused:?}"
    );
    assert!(
        auth::list_users(&store, &beto).is_ok(),
        "reading is allowed"
    );
    assert!(matches!(
        auth::change_own_password(&mut store, &beto, "temporal", "temporal"),
        Err(CoreError::PasswordUnchanged)
    ));
    assert!(matches!(
        auth::change_own_password(&mut store, &beto, "temporal", "abc"),
        Err(CoreError::PasswordTooShort { .. })
    ));
    auth::change_own_password(&mut store, &beto, "temporal", "mi-clave").unwrap();
    assert!(
        !auth::sign_in(&store, "beto", "mi-clave")
            .unwrap()
            .must_change_password
    );
    auth::add_user(&mut store, &beto, &account("ciro", Role::Consulta)).unwrap();
    // An administrator resetting their own password is not asked to change it again.
    auth::reset_password(&mut store, &beto, "beto", "otra-clave").unwrap();
    assert!(
        !auth::sign_in(&store, "beto", "otra-clave")
            .unwrap()
            .must_change_password
    );
}
