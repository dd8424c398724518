//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod ui;

use tinkuy::domain::role::Role;
use tinkuy::services::auth::{self, NewAccount};
use tinkuy::services::{setup, Actor};
use tinkuy::store::Store;

pub const ADMIN_PASSWORD: &str = "clave-admin";

/// A set-up store (office in San Antonio de Cachi) and its administrator.
pub fn initialised_store(path: &std::path::Path) -> (Store, Actor) {
    let mut store = Store::open(path).expect("open");
    setup::init(
        &mut store,
        &setup::InitRequest {
            admin_username: "admin",
            admin_display_name: "Administradora",
            admin_password: ADMIN_PASSWORD,
            district_ubigeo: "030212",
            office_number: 1,
        },
    )
    .expect("init");
    let admin = auth::authenticate(&store, "admin", ADMIN_PASSWORD).expect("login");
    (store, admin)
}

/// Adds a user with `role` (password "clave") and logs them in.
pub fn user_with_role(store: &mut Store, admin: &Actor, name: &str, role: Role) -> Actor {
    auth::add_user(
        store,
        admin,
        &NewAccount {
            username: name,
            display_name: name,
            role,
            password: "clave",
        },
    )
    .expect("add user");
    auth::authenticate(store, name, "clave").expect("login")
}
