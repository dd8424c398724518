//! The overview: totals, active enrolments per programme, and per district.

use super::{Actor, CoreResult, Permission};
use crate::store::overview::{self, DistrictCount, ProgrammeCount, Totals};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overview {
    pub totals: Totals,
    pub programmes: Vec<ProgrammeCount>,
    pub districts: Vec<DistrictCount>,
}

/// Reads the overview; counts only, so any role that may read the registry may see it.
pub fn load(store: &Store, actor: &Actor, district_limit: i64) -> CoreResult<Overview> {
    actor.require(Permission::ReadRegistry)?;
    let conn = store.conn();
    Ok(Overview {
        totals: overview::totals(conn)?,
        programmes: overview::by_programme(conn)?,
        districts: overview::by_district(conn, district_limit)?,
    })
}
