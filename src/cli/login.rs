//! Who runs a command: `--user` (or TINKUY_USER) and a password from TINKUY_PASSWORD or a
//! prompt on the terminal.

use super::Ctx;
use crate::i18n::{Cli, Localize};
use crate::services::{auth, Actor, CoreError};
use crate::store::Store;
use std::io::{IsTerminal, Write};

/// Asks for a secret on the terminal without echo, or takes it from TINKUY_PASSWORD.
pub fn password(ctx: &Ctx, prompt: Cli) -> Result<String, CoreError> {
    if let Ok(value) = std::env::var("TINKUY_PASSWORD") {
        return Ok(value);
    }
    prompt_secret(ctx, prompt)
}

pub fn prompt_secret(ctx: &Ctx, prompt: Cli) -> Result<String, CoreError> {
    if !std::io::stdin().is_terminal() {
        return Err(CoreError::NoPasswordSource);
    }
    rpassword::prompt_password(prompt.text(ctx.lang).as_ref()).map_err(|e| {
        CoreError::InvalidValue {
            field: "password",
            value: e.to_string(),
        }
    })
}

/// A new password, asked twice on a terminal, or TINKUY_PASSWORD.
pub fn new_password(ctx: &Ctx) -> Result<String, CoreError> {
    if let Ok(value) = std::env::var("TINKUY_PASSWORD") {
        return Ok(value);
    }
    let first = prompt_secret(ctx, Cli::PromptNewPassword)?;
    let second = prompt_secret(ctx, Cli::PromptRepeatPassword)?;
    if first != second {
        return Err(CoreError::InvalidValue {
            field: "password",
            value: Cli::PasswordsDiffer.text(ctx.lang).into_owned(),
        });
    }
    Ok(first)
}

fn username(ctx: &Ctx) -> Result<String, CoreError> {
    if let Some(user) = &ctx.user {
        return Ok(user.clone());
    }
    if !std::io::stdin().is_terminal() {
        return Err(CoreError::NoPasswordSource);
    }
    print!("{}", Cli::PromptUser.text(ctx.lang));
    let _ = std::io::stdout().flush();
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|e| CoreError::InvalidValue {
            field: "user",
            value: e.to_string(),
        })?;
    Ok(line.trim().to_string())
}

/// Logs in the acting user.
pub fn actor(ctx: &Ctx, store: &Store) -> Result<Actor, CoreError> {
    let (user, secret) = credentials(ctx)?;
    auth::authenticate(store, &user, &secret)
}

/// The user name and password given (flags, environment or prompt).
pub fn credentials(ctx: &Ctx) -> Result<(String, String), CoreError> {
    let user = username(ctx)?;
    let secret = password(ctx, Cli::PromptPassword)?;
    Ok((user, secret))
}
