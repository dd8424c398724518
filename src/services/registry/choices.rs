//! What the registry's screens offer to choose from (districts, communities, programmes,
//! activities) and the day the core validates dates against, read once when the area opens.
//! Forms validate as the person types with the same `today` the core will use when saving.

use crate::services::{Actor, CoreResult, Permission};
use crate::store::choices::ProgrammeChoice;
use crate::store::choices::{self, ActivityChoice, CommunityChoice, DistrictChoice};
use crate::store::{office, territory, Store};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choices {
    /// The store's today (its clock), for validating dates as they are typed.
    pub today: NaiveDate,
    /// The office's own district: where new households go unless another is chosen.
    pub office_district: Option<DistrictChoice>,
    /// Districts with households, by name.
    pub districts: Vec<DistrictChoice>,
    pub communities: Vec<CommunityChoice>,
    pub programmes: Vec<ProgrammeChoice>,
    pub activities: Vec<ActivityChoice>,
}

pub fn load(store: &Store, actor: &Actor) -> CoreResult<Choices> {
    actor.require(Permission::ReadRegistry)?;
    let conn = store.conn();
    let office_district = match office::get(conn)? {
        Some(office) => {
            territory::district(conn, &office.district_ubigeo)?.map(|d| DistrictChoice {
                ubigeo: d.ubigeo,
                name: d.name,
            })
        }
        None => None,
    };
    Ok(Choices {
        today: store.clock().today(),
        office_district,
        districts: choices::districts_in_use(conn)?,
        communities: choices::communities(conn)?,
        programmes: choices::programmes(conn)?,
        activities: choices::activities(conn)?,
    })
}
