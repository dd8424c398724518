//! Demo data (being built): the building blocks come first.

#![allow(dead_code)]

mod dni;
mod households;
mod name_pools;
mod names;
mod rng;
mod territory;

use super::progress::ProgressSink;
use super::{Actor, CoreResult};
use crate::store::Store;

pub struct DemoRequest {
    pub households: u32,
    pub seed: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub households: u64,
    pub persons: u64,
    pub enrolments: u64,
}

pub fn generate(
    _store: &mut Store,
    _actor: &Actor,
    _request: &DemoRequest,
    _progress: &mut dyn ProgressSink,
) -> CoreResult<DemoSummary> {
    Ok(DemoSummary::default())
}
