//! Use cases that span tables: setting up, users, demo data, and (later) imports, matching,
//! CLAR, the committee and exports. Every write goes through [`write`], which checks the
//! actor's permission, runs in one transaction and refuses to commit without an audit entry.

pub mod auth;
pub mod clar;
pub mod committee;
pub mod demo;
pub mod error;
pub mod maintenance;
pub mod matching;
pub mod overlaps;
pub mod overview;
pub mod progress;
pub mod registry;
pub mod roster;
pub mod setup;

pub use auth::{Actor, Permission};
pub use error::{CoreError, CoreResult};

use crate::store::audit::{self, Author, Entry};
use crate::store::Store;
use rusqlite::Transaction;
use std::cell::Cell;

/// What a write needs besides the transaction: when it happens and who does it.
pub struct WriteCtx<'a> {
    pub at: String,
    pub today: chrono::NaiveDate,
    author: Author,
    actor: &'a Actor,
    audited: Cell<usize>,
}

impl<'a> WriteCtx<'a> {
    fn new(store: &Store, actor: &'a Actor) -> WriteCtx<'a> {
        let clock = store.clock();
        WriteCtx {
            at: clock.now_text(),
            today: clock.today(),
            author: Author {
                user_id: actor.user_id,
                username: actor.username.clone(),
            },
            actor,
            audited: Cell::new(0),
        }
    }

    pub fn actor(&self) -> &Actor {
        self.actor
    }

    /// Appends an audit entry in the same transaction as the change it describes.
    pub fn audit(&self, tx: &Transaction, entry: Entry) -> CoreResult<()> {
        audit::append(tx, &self.at, &self.author, &entry)?;
        self.audited.set(self.audited.get() + 1);
        Ok(())
    }
}

/// Runs `work` like [`write`] but rolls everything back at the end: a dry run shows what a
/// write would do, exactly, without doing it.
pub fn dry_run<T>(
    store: &mut Store,
    actor: &Actor,
    permission: Permission,
    work: impl FnOnce(&Transaction, &WriteCtx) -> CoreResult<T>,
) -> CoreResult<T> {
    actor.require(permission)?;
    let ctx = WriteCtx::new(store, actor);
    let tx = store.begin()?;
    let value = work(&tx, &ctx)?;
    tx.rollback()
        .map_err(crate::store::StoreError::from_sqlite)?;
    Ok(value)
}

/// Runs `work` as one audited transaction on behalf of `actor`, if their role allows
/// `permission` and they need not change a password an administrator reset first
/// ([`auth::may_write`]). Nothing is written when either is refused or `work` fails.
pub fn write<T>(
    store: &mut Store,
    actor: &Actor,
    permission: Permission,
    work: impl FnOnce(&Transaction, &WriteCtx) -> CoreResult<T>,
) -> CoreResult<T> {
    actor.require(permission)?;
    auth::may_write(store.conn(), actor, permission)?;
    let ctx = WriteCtx::new(store, actor);
    let tx = store.begin()?;
    let value = work(&tx, &ctx)?;
    if ctx.audited.get() == 0 {
        return Err(CoreError::Unaudited);
    }
    tx.commit().map_err(crate::store::StoreError::from_sqlite)?;
    Ok(value)
}
