//! `tinkuy demo`: deterministic, realistic demo data for Andahuaylas (Apurímac), and at scale
//! for the whole Peruvian highlands.
//!
//! On a database without an office the demo sets one up (district 030201, office 1); it adds
//! one account per role with the password `demo`; then it streams households community by
//! community — members, SISFOH class, herd — enrols them in the four programmes at the
//! study's rates, writes each agency's roster with the identity noise of real lists, forms
//! producer associations and records the agencies' interventions. Everything is one audited
//! transaction: a crash leaves all of it or none. The same seed and size give the same data on
//! the same day (dates are relative to the store clock's today). Memory stays bounded: only one
//! community is held at a time. It refuses a database that already holds households.

mod accounts;
mod associations;
mod dni;
mod enrolments;
mod generator;
mod households;
mod interventions;
mod name_pools;
mod names;
pub mod noise;
mod rng;
mod roster_fields;
mod rosters;
mod sink;
mod slips;
mod territory;

pub use accounts::{DEMO_PASSWORD, DEMO_USERS};
pub use noise::{NoiseKind, NoiseProfile};

use super::progress::ProgressSink;
use super::{setup, write, Actor, CoreError, CoreResult, Permission};
use crate::store::audit::Entry;
use crate::store::{self, Store};
use serde_json::json;

/// The district whose office a fresh demo database belongs to: Andahuaylas.
pub const DEMO_DISTRICT: &str = "030201";
/// The office number within that district (part of every id the demo issues).
pub const DEMO_OFFICE_NUMBER: i64 = 1;
/// Most households one demo can hold (DNIs and ids stay far from their limits).
pub const MAX_HOUSEHOLDS: u32 = 1_500_000;
/// Page cache during the load, in KiB: a 100 000-household demo fits whole; a larger one
/// spills finished pages to the file and keeps the index pages it still writes to.
const BULK_CACHE_KIB: i64 = 256 * 1024;

pub struct DemoRequest {
    pub households: u32,
    pub seed: u64,
}

/// What a demo run wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoSummary {
    /// Households, including those the rosters' duplicates live in.
    pub households: u64,
    /// Persons, including the duplicates made from noisy roster records.
    pub persons: u64,
    /// Enrolments, active and ended.
    pub enrolments: u64,
    pub active_enrolments: u64,
    pub communities: u64,
    pub roster_records: u64,
    /// Records carrying at least one kind of noise.
    pub noisy_records: u64,
    /// Persons created from records the importer could not link (the duplicates to find).
    pub duplicate_persons: u64,
    pub dni_conflicts: u64,
    pub homonyms: u64,
    pub associations: u64,
    pub association_members: u64,
    pub interventions: u64,
    pub users_created: u64,
}

/// Generates demo data with the realistic noise profile.
pub fn generate(
    store: &mut Store,
    actor: &Actor,
    request: &DemoRequest,
    progress: &mut dyn ProgressSink,
) -> CoreResult<DemoSummary> {
    generate_with_noise(store, actor, request, &NoiseProfile::default(), progress)
}

/// Generates demo data with a chosen noise profile (to measure record matching against more or
/// less noise on the same population).
pub fn generate_with_noise(
    store: &mut Store,
    actor: &Actor,
    request: &DemoRequest,
    noise: &NoiseProfile,
    progress: &mut dyn ProgressSink,
) -> CoreResult<DemoSummary> {
    if request.households > MAX_HOUSEHOLDS {
        return Err(CoreError::DemoTooLarge {
            asked: request.households,
            max: MAX_HOUSEHOLDS,
        });
    }
    // Checked here as well as by `write`, so a refused actor does not retune the connection.
    actor.require(Permission::ManageUsers)?;
    let office = match setup::is_initialised(store)? {
        true => None,
        false => Some(setup::plan_office(
            store.conn(),
            DEMO_DISTRICT,
            DEMO_OFFICE_NUMBER,
        )?),
    };
    let tuning = store::demo::begin_bulk(store.conn(), BULK_CACHE_KIB)?;
    let result = write(store, actor, Permission::ManageUsers, |tx, ctx| {
        if store::demo::has_households(tx)? {
            return Err(CoreError::DemoNeedsEmptyRegistry);
        }
        if let Some(office) = &office {
            setup::create_office(tx, ctx, office, DEMO_OFFICE_NUMBER)?;
        }
        let (users_created, admin_id) = accounts::add_missing(tx, ctx)?;
        let user_id = ctx.actor().user_id.or(admin_id);
        let plan = generator::Plan {
            request,
            noise,
            user_id,
            today: ctx.today,
            at: &ctx.at,
        };
        let mut summary = generator::run(tx, &plan, progress)?;
        summary.users_created = users_created;
        // The other capabilities' demo data, built on the registry just generated.
        crate::services::clar::demo::demo_seed(tx, ctx, request.seed)?;
        crate::services::committee::demo::demo_seed(tx, ctx, request.seed)?;
        ctx.audit(
            tx,
            Entry {
                action: "demo",
                entity: "database",
                entity_id: None,
                details: details(request, noise, &summary),
            },
        )?;
        Ok(summary)
    });
    // The tuning was for the load only; the result of the load matters more than a failure
    // to undo it (the next open sets the journal mode again anyway).
    let _ = store::demo::end_bulk(store.conn(), &tuning);
    result
}

fn details(request: &DemoRequest, noise: &NoiseProfile, s: &DemoSummary) -> serde_json::Value {
    let profile = if *noise == NoiseProfile::default() {
        "default"
    } else {
        "custom"
    };
    json!({
        "seed": request.seed,
        "noise_profile": profile,
        "households_requested": request.households,
        "households": s.households,
        "persons": s.persons,
        "enrolments": s.enrolments,
        "active_enrolments": s.active_enrolments,
        "communities": s.communities,
        "roster_records": s.roster_records,
        "noisy_records": s.noisy_records,
        "duplicate_persons": s.duplicate_persons,
        "dni_conflicts": s.dni_conflicts,
        "homonyms": s.homonyms,
        "associations": s.associations,
        "association_members": s.association_members,
        "interventions": s.interventions,
        "users_created": s.users_created,
    })
}
