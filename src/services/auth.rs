//! Who is acting and what they may do. Passwords are hashed with Argon2id; permissions are
//! checked here, in the core, so no face of the program can skip them.

use super::error::{CoreError, CoreResult};
use super::{write, WriteCtx};
use crate::domain::role::Role;
use crate::store::audit::Entry;
use crate::store::users::{self, NewUser, PasswordChange, UserRow};
use crate::store::{ids, Store};
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use rusqlite::Transaction;
use serde_json::json;

pub const MIN_PASSWORD_LEN: usize = 4;

/// Something a role may or may not do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    ReadRegistry,
    ReadPersonalData,
    WriteRegistry,
    ManageUsers,
    /// May see CLAR calls, proposals, sessions and results (staff, not CLAR members).
    ReadClar,
    WriteClar,
    ScoreClar,
    WriteCommittee,
    WorkFlags,
    /// Every user may change their own password (knowing the old one).
    ChangeOwnPassword,
}

impl Permission {
    pub fn allowed_for(self, role: Role) -> bool {
        match self {
            Permission::ReadRegistry => role.can_read_registry(),
            Permission::ReadPersonalData => role.can_read_personal_data(),
            Permission::WriteRegistry => role.can_write_registry(),
            Permission::ManageUsers => role.can_manage_users(),
            Permission::ReadClar => role.can_read_clar(),
            Permission::WriteClar => role.can_write_clar(),
            Permission::ScoreClar => role.can_score_clar(),
            Permission::WriteCommittee => role.can_write_committee(),
            Permission::WorkFlags => role.can_work_flags(),
            Permission::ChangeOwnPassword => true,
        }
    }
}

/// The person on whose behalf the core acts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

impl Actor {
    /// The program itself, for set-up and demo generation before any user exists.
    pub fn system() -> Actor {
        Actor {
            user_id: None,
            username: "tinkuy".into(),
            display_name: "Tinkuy".into(),
            role: Role::Admin,
        }
    }

    pub fn can(&self, permission: Permission) -> bool {
        permission.allowed_for(self.role)
    }

    pub fn require(&self, permission: Permission) -> CoreResult<()> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(CoreError::Forbidden {
                role: self.role,
                permission,
            })
        }
    }

    fn from_row(row: &UserRow) -> CoreResult<Actor> {
        let role = Role::parse(&row.role).map_err(|_| CoreError::InvalidValue {
            field: "role",
            value: row.role.clone(),
        })?;
        Ok(Actor {
            user_id: Some(row.id),
            username: row.username.clone(),
            display_name: row.display_name.clone(),
            role,
        })
    }
}

/// The rules every password follows: at least [`MIN_PASSWORD_LEN`] characters.
pub fn check_password(password: &str) -> CoreResult<()> {
    if password.chars().count() < MIN_PASSWORD_LEN {
        return Err(CoreError::PasswordTooShort {
            min: MIN_PASSWORD_LEN,
        });
    }
    Ok(())
}

/// The rules a password chosen to replace `current` follows: those of every password, and not
/// the current one again (after a reset, the administrator knows the current one). Forms call
/// this as the person types; [`change_own_password`] checks it again.
pub fn check_new_password(current: &str, new: &str) -> CoreResult<()> {
    check_password(new)?;
    if new == current {
        return Err(CoreError::PasswordUnchanged);
    }
    Ok(())
}

pub fn hash_password(password: &str) -> CoreResult<String> {
    check_password(password)?;
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| CoreError::Hashing(e.to_string()))
}

fn password_matches(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Checks a user name and password; the same answer for an unknown user and a wrong password,
/// so the message does not reveal which accounts exist.
pub fn authenticate(store: &Store, username: &str, password: &str) -> CoreResult<Actor> {
    authenticate_on(store.conn(), username, password).map(|signed| signed.actor)
}

/// Someone whose user name and password were right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub actor: Actor,
    /// An administrator reset the password: the user must choose a new one
    /// ([`change_own_password`]) before any other change is allowed (see [`may_write`]).
    pub must_change_password: bool,
}

/// [`authenticate`], also saying whether the user must change their password first.
pub fn sign_in(store: &Store, username: &str, password: &str) -> CoreResult<SignedIn> {
    authenticate_on(store.conn(), username, password)
}

/// Refuses a change on behalf of a user whose password was reset by an administrator and not
/// yet changed: only changing it is allowed. Every write checks this (`services::write`).
pub fn may_write(
    conn: &rusqlite::Connection,
    actor: &Actor,
    permission: Permission,
) -> CoreResult<()> {
    if permission == Permission::ChangeOwnPassword {
        return Ok(());
    }
    let Some(id) = actor.user_id else {
        return Ok(());
    };
    match users::by_id(conn, id)? {
        Some(row) if row.must_change_password => Err(CoreError::MustChangePassword(row.username)),
        _ => Ok(()),
    }
}

/// Checks credentials against the users of a database file opened read-only, without
/// changing it: restoring over a damaged database authenticates against the backup.
pub fn authenticate_in_file(
    path: &std::path::Path,
    username: &str,
    password: &str,
) -> CoreResult<Actor> {
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    authenticate_on(&conn, username, password).map(|signed| signed.actor)
}

fn authenticate_on(
    conn: &rusqlite::Connection,
    username: &str,
    password: &str,
) -> CoreResult<SignedIn> {
    let username = username.trim().to_lowercase();
    let row = users::by_username(conn, &username)?.ok_or(CoreError::BadCredentials)?;
    if !password_matches(password, &row.password_hash) {
        return Err(CoreError::BadCredentials);
    }
    if !row.active {
        return Err(CoreError::UserInactive(row.username));
    }
    Ok(SignedIn {
        actor: Actor::from_row(&row)?,
        must_change_password: row.must_change_password,
    })
}

/// A new account to create.
pub struct NewAccount<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub password: &'a str,
}

pub fn valid_username(name: &str) -> bool {
    (2..=40).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
}

/// Inserts an account inside an existing write (set-up and demo use this directly).
pub(crate) fn insert_account(
    tx: &Transaction,
    ctx: &WriteCtx,
    account: &NewAccount,
) -> CoreResult<i64> {
    let username = account.username.trim().to_lowercase();
    if !valid_username(&username) {
        return Err(CoreError::InvalidUsername(account.username.to_string()));
    }
    if users::by_username(tx, &username)?.is_some() {
        return Err(CoreError::UserExists(username));
    }
    let hash = hash_password(account.password)?;
    let id = ids::next(tx)?;
    let display = if account.display_name.trim().is_empty() {
        &username
    } else {
        account.display_name
    };
    users::insert(
        tx,
        &NewUser {
            id,
            username: &username,
            display_name: display,
            role: account.role.code(),
            password_hash: &hash,
            must_change_password: false,
            at: &ctx.at,
        },
    )?;
    ctx.audit(
        tx,
        Entry {
            action: "create",
            entity: "app_user",
            entity_id: Some(id),
            details: json!({ "username": username, "role": account.role.code() }),
        },
    )?;
    Ok(id)
}

pub fn add_user(store: &mut Store, actor: &Actor, account: &NewAccount) -> CoreResult<i64> {
    write(store, actor, Permission::ManageUsers, |tx, ctx| {
        insert_account(tx, ctx, account)
    })
}

pub fn list_users(store: &Store, actor: &Actor) -> CoreResult<Vec<UserRow>> {
    actor.require(Permission::ManageUsers)?;
    Ok(users::list(store.conn())?)
}

/// Changes a password: anyone may change their own (giving the old one, and choosing another:
/// [`check_new_password`]); this clears a reset's demand to change it. An administrator may
/// reset anyone's, and the user must then change it at next log-in.
pub fn change_own_password(
    store: &mut Store,
    actor: &Actor,
    old: &str,
    new: &str,
) -> CoreResult<()> {
    let row = users::by_username(store.conn(), &actor.username)?
        .ok_or_else(|| CoreError::UnknownUser(actor.username.clone()))?;
    if !password_matches(old, &row.password_hash) {
        return Err(CoreError::BadCredentials);
    }
    check_new_password(old, new)?;
    let hash = hash_password(new)?;
    write(store, actor, Permission::ChangeOwnPassword, |tx, ctx| {
        set_hash(tx, ctx, &row, &hash, false)
    })
}

pub fn reset_password(
    store: &mut Store,
    actor: &Actor,
    username: &str,
    new: &str,
) -> CoreResult<()> {
    actor.require(Permission::ManageUsers)?;
    let row = users::by_username(store.conn(), &username.trim().to_lowercase())?
        .ok_or_else(|| CoreError::UnknownUser(username.to_string()))?;
    let hash = hash_password(new)?;
    let must_change = row.id != actor.user_id.unwrap_or_default();
    write(store, actor, Permission::ManageUsers, |tx, ctx| {
        set_hash(tx, ctx, &row, &hash, must_change)
    })
}

fn set_hash(
    tx: &Transaction,
    ctx: &WriteCtx,
    row: &UserRow,
    hash: &str,
    must_change: bool,
) -> CoreResult<()> {
    users::set_password(
        tx,
        &PasswordChange {
            id: row.id,
            expected_version: row.version,
            password_hash: hash,
            must_change_password: must_change,
            at: &ctx.at,
        },
    )?;
    ctx.audit(
        tx,
        Entry {
            action: "password",
            entity: "app_user",
            entity_id: Some(row.id),
            details: json!({ "username": row.username, "reset": must_change }),
        },
    )
}
