//! The demo's user accounts: one per role, all with the password `demo`, so every face of the
//! program can be tried. Only the demo creates them, and never over an existing account.

use crate::domain::role::Role;
use crate::services::auth::{insert_account, NewAccount};
use crate::services::{CoreResult, WriteCtx};
use crate::store::users;
use rusqlite::Transaction;

/// The password of every demo account.
pub const DEMO_PASSWORD: &str = "demo";

/// (user name, display name, role).
pub const DEMO_USERS: [(&str, &str, Role); 5] = [
    ("admin", "Administración (demo)", Role::Admin),
    ("registrador", "Registro (demo)", Role::Registrador),
    ("clar1", "Miembro del CLAR (demo)", Role::MiembroClar),
    ("coordinador", "Coordinación (demo)", Role::Coordinador),
    ("consulta", "Consulta (demo)", Role::Consulta),
];

/// Creates the demo accounts that do not exist yet; returns how many it created and the id of
/// the `admin` account.
pub fn add_missing(tx: &Transaction, ctx: &WriteCtx) -> CoreResult<(u64, Option<i64>)> {
    let mut created = 0;
    for (username, display_name, role) in DEMO_USERS {
        if users::by_username(tx, username)?.is_some() {
            continue;
        }
        let account = NewAccount {
            username,
            display_name,
            role,
            password: DEMO_PASSWORD,
        };
        insert_account(tx, ctx, &account)?;
        created += 1;
    }
    let admin = users::by_username(tx, "admin")?.map(|row| row.id);
    Ok((created, admin))
}
