//! `tinkuy users add|list|passwd`.

use super::args::{UsersAddArgs, UsersCommand, UsersPasswdArgs};
use super::{login, Ctx};
use crate::domain::role::Role;
use crate::i18n::{Cli, Common, Localize};
use crate::services::auth::{self, NewAccount};
use crate::services::CoreError;

pub fn run(ctx: &Ctx, command: UsersCommand) -> Result<(), CoreError> {
    match command {
        UsersCommand::Add(args) => add(ctx, args),
        UsersCommand::List => list(ctx),
        UsersCommand::Passwd(args) => passwd(ctx, args),
    }
}

fn add(ctx: &Ctx, args: UsersAddArgs) -> Result<(), CoreError> {
    let mut store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    let role = Role::parse(&args.role).map_err(|_| CoreError::InvalidValue {
        field: "role",
        value: args.role.clone(),
    })?;
    actor.require(auth::Permission::ManageUsers)?;
    let password = new_password_for_other(ctx)?;
    auth::add_user(
        &mut store,
        &actor,
        &NewAccount {
            username: &args.username,
            display_name: args.name.as_deref().unwrap_or(&args.username),
            role,
            password: &password,
        },
    )?;
    println!("{}", Cli::UserAdded.text(ctx.lang));
    Ok(())
}

/// The new user's password: TINKUY_NEW_PASSWORD for scripts, else asked twice.
fn new_password_for_other(ctx: &Ctx) -> Result<String, CoreError> {
    match std::env::var("TINKUY_NEW_PASSWORD") {
        Ok(value) => Ok(value),
        Err(_) => {
            let first = login::prompt_secret(ctx, Cli::PromptNewPassword)?;
            let second = login::prompt_secret(ctx, Cli::PromptRepeatPassword)?;
            if first != second {
                return Err(CoreError::InvalidValue {
                    field: "password",
                    value: Cli::PasswordsDiffer.text(ctx.lang).into_owned(),
                });
            }
            Ok(first)
        }
    }
}

fn list(ctx: &Ctx) -> Result<(), CoreError> {
    let store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    let users = auth::list_users(&store, &actor)?;
    let lang = ctx.lang;
    println!(
        "{:<16} {:<28} {:<18} {}",
        Cli::ColUser.text(lang),
        Cli::ColName.text(lang),
        Cli::ColRole.text(lang),
        Cli::ColActive.text(lang)
    );
    for user in users {
        let role = Role::parse(&user.role)
            .ok()
            .map(|r| r.text(lang).into_owned())
            .unwrap_or(user.role);
        let active = if user.active { Common::Yes } else { Common::No };
        println!(
            "{:<16} {:<28} {:<18} {}",
            user.username,
            user.display_name,
            role,
            active.text(lang)
        );
    }
    Ok(())
}

fn passwd(ctx: &Ctx, args: UsersPasswdArgs) -> Result<(), CoreError> {
    let mut store = ctx.open()?;
    let actor = login::actor(ctx, &store)?;
    match args
        .username
        .filter(|u| u.trim().to_lowercase() != actor.username)
    {
        Some(other) => {
            let password = new_password_for_other(ctx)?;
            auth::reset_password(&mut store, &actor, &other, &password)?;
        }
        None => {
            let old = std::env::var("TINKUY_PASSWORD")
                .or_else(|_| login::prompt_secret(ctx, Cli::PromptOldPassword))?;
            let new = new_password_for_other(ctx)?;
            auth::change_own_password(&mut store, &actor, &old, &new)?;
        }
    }
    println!("{}", Cli::PasswordChanged.text(ctx.lang));
    Ok(())
}
