//! `tinkuy init --admin NAME --district UBIGEO`: the first administrator and the office.

use super::args::InitArgs;
use super::{login, Ctx};
use crate::i18n::{Cli, Localize};
use crate::services::{setup, CoreError};

pub fn run(ctx: &Ctx, args: InitArgs) -> Result<(), CoreError> {
    let mut store = ctx.open()?;
    if setup::is_initialised(&store)? {
        return Err(crate::store::StoreError::AlreadyInitialised.into());
    }
    let password = login::new_password(ctx)?;
    setup::init(
        &mut store,
        &setup::InitRequest {
            admin_username: &args.admin,
            admin_display_name: args.name.as_deref().unwrap_or(&args.admin),
            admin_password: &password,
            district_ubigeo: &args.district,
            office_number: args.office,
        },
    )?;
    println!("{}", Cli::InitDone.text(ctx.lang));
    Ok(())
}
