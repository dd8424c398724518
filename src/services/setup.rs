//! Setting up a new database: the office's own district and the first administrator.

use super::auth::{insert_account, NewAccount};
use super::error::{CoreError, CoreResult};
use super::{write, Actor, Permission};
use crate::domain::role::Role;
use crate::store::audit::Entry;
use crate::store::office::{self, Office};
use crate::store::territory::{self, District};
use crate::store::{Store, StoreError};
use serde_json::json;

/// What `tinkuy init` (or the first-run screen) asks for.
pub struct InitRequest<'a> {
    pub admin_username: &'a str,
    pub admin_display_name: &'a str,
    pub admin_password: &'a str,
    pub district_ubigeo: &'a str,
    /// Distinguishes two offices in one district (1–99); part of every id they issue.
    pub office_number: i64,
}

pub fn is_initialised(store: &Store) -> CoreResult<bool> {
    Ok(office::get(store.conn())?.is_some())
}

/// The district with this (INEI) UBIGEO, if there is one. Reference data only, so it needs no
/// user: the first-run form calls it as the code is typed, before any account exists.
pub fn find_district(store: &Store, ubigeo: &str) -> CoreResult<Option<District>> {
    Ok(territory::district(store.conn(), ubigeo.trim())?)
}

/// How a district is named to people: `SAN ANTONIO DE CACHI (ANDAHUAYLAS, APURIMAC)`.
pub fn district_label(district: &District) -> String {
    format!(
        "{} ({}, {})",
        district.name, district.province, district.region
    )
}

/// Creates the office and its administrator in one transaction. Returns the admin's user id.
pub fn init(store: &mut Store, request: &InitRequest) -> CoreResult<i64> {
    if is_initialised(store)? {
        return Err(StoreError::AlreadyInitialised.into());
    }
    if !(1..=99).contains(&request.office_number) {
        return Err(CoreError::InvalidOfficeNumber(request.office_number));
    }
    let ubigeo = request.district_ubigeo.trim();
    let district = territory::district(store.conn(), ubigeo)?
        .ok_or_else(|| CoreError::UnknownDistrict(ubigeo.to_string()))?;
    let code = ubigeo
        .parse::<i64>()
        .map_err(|_| CoreError::UnknownDistrict(ubigeo.into()))?
        * 100
        + request.office_number;
    let name = district_label(&district);
    let office = Office {
        code,
        district_ubigeo: ubigeo.to_string(),
        name,
    };
    write(
        store,
        &Actor::system(),
        Permission::ManageUsers,
        |tx, ctx| {
            office::insert(tx, &office, &ctx.at)?;
            ctx.audit(
                tx,
                Entry {
                    action: "init",
                    entity: "office",
                    entity_id: Some(code),
                    details: json!({ "district": ubigeo, "office_number": request.office_number }),
                },
            )?;
            insert_account(
                tx,
                ctx,
                &NewAccount {
                    username: request.admin_username,
                    display_name: request.admin_display_name,
                    role: Role::Admin,
                    password: request.admin_password,
                },
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_district_by_its_ubigeo_and_names_it_with_province_and_region() {
        let store = Store::open_in_memory().unwrap();
        let district = find_district(&store, " 030212 ").unwrap().unwrap();
        assert_eq!(
            district_label(&district),
            "SAN ANTONIO DE CACHI (ANDAHUAYLAS, APURIMAC)"
        );
        assert!(find_district(&store, "999999").unwrap().is_none());
    }
}
