//! `tinkuy backup`, `tinkuy restore`, `tinkuy check`, `tinkuy audit [verify]`.

use super::args::{AuditArgs, AuditCommand, BackupArgs, RestoreArgs};
use super::{login, Ctx};
use crate::i18n::{Cli, Localize};
use crate::services::{maintenance, CoreError, Permission};
use crate::store::audit;

pub fn backup(ctx: &Ctx, args: BackupArgs) -> Result<(), CoreError> {
    let mut store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    if let Some(keep) = args.keep {
        maintenance::set_backup_keep(&mut store, &actor, keep)?;
        println!("{}: {keep}", Cli::BackupKeep.text(ctx.lang));
    }
    actor
        .require(Permission::WriteRegistry)
        .or_else(|_| actor.require(Permission::ManageUsers))?;
    let path = maintenance::backup(&store, args.out.as_deref())?;
    println!("{}: {}", Cli::BackupDone.text(ctx.lang), path.display());
    Ok(())
}

pub fn restore(ctx: &Ctx, args: RestoreArgs) -> Result<(), CoreError> {
    // Who may restore is asked of the current database, or, when it is damaged, of the backup.
    match ctx.open() {
        Ok(store) => {
            let actor = login::actor(ctx, &store)?;
            actor.require(Permission::ManageUsers)?;
        }
        Err(CoreError::Damaged { .. }) => {
            let (user, password) = login::credentials(ctx)?;
            let actor = crate::services::auth::authenticate_in_file(&args.file, &user, &password)?;
            actor.require(Permission::ManageUsers)?;
        }
        Err(e) => return Err(e),
    }
    let kept = maintenance::restore(&ctx.db, &args.file)?;
    println!("{}: {}", Cli::RestoreDone.text(ctx.lang), kept.display());
    Ok(())
}

pub fn check(ctx: &Ctx) -> Result<bool, CoreError> {
    let store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    let findings = maintenance::check(&store, &actor)?;
    if findings.is_empty() {
        println!("{}", Cli::CheckOk.text(ctx.lang));
        return Ok(true);
    }
    println!("{}:", Cli::CheckProblems.text(ctx.lang));
    for f in findings {
        println!("  - {}", f.text(ctx.lang));
    }
    Ok(false)
}

pub fn audit(ctx: &Ctx, args: AuditArgs) -> Result<bool, CoreError> {
    let store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    actor.require(Permission::ManageUsers)?;
    if let Some(AuditCommand::Verify) = args.command {
        return match audit::verify(store.conn())? {
            None => {
                println!(
                    "{} ({} {}).",
                    Cli::AuditIntact.text(ctx.lang),
                    audit::count(store.conn())?,
                    Cli::AuditEntries.text(ctx.lang)
                );
                Ok(true)
            }
            Some(seq) => {
                println!(
                    "{}",
                    crate::services::maintenance::Finding::AuditBroken { seq }.text(ctx.lang)
                );
                Ok(false)
            }
        };
    }
    let rows = audit::list(
        store.conn(),
        &audit::Filter {
            since: args.since,
            username: args.of_user,
            entity: None,
            limit: args.limit,
        },
    )?;
    for r in rows {
        let id = r
            .entity_id
            .map(crate::store::ids::display)
            .unwrap_or_default();
        println!(
            "{:>6}  {}  {:<14} {:<9} {:<20} {:<16} {}",
            r.seq, r.at, r.username, r.action, r.entity, id, r.details
        );
    }
    Ok(true)
}
