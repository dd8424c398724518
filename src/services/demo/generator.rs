//! The demo's main loop: districts, then their communities one at a time, then each
//! community's households, streamed straight into the store.
//!
//! Each aspect draws from its own random stream (territory, population, programmes, noise,
//! groups), so a change to the noise profile leaves the population as it was. Only the current
//! community's associations and adult names are held in memory.

use super::associations::{CommunityAssociations, Setting};
use super::enrolments::{plan_household, Programme, Reach};
use super::households::{CommunityNames, Place, Population};
use super::interventions::{Agencies, CommunityWork, Planner};
use super::noise::NoiseProfile;
use super::rng::Rng;
use super::rosters::{Batch, Rosters};
use super::sink::{Sink, Site};
use super::territory::{self, CommunityPlan, DistrictPlan};
use super::{DemoRequest, DemoSummary};
use crate::services::progress::{Progress, ProgressSink};
use crate::services::{CoreError, CoreResult};
use crate::store::demo::{agency_id, programme_id};
use crate::store::territory::{insert_community, NewCommunity};
use chrono::{Days, NaiveDate};
use rusqlite::Connection;

/// The random streams, one per aspect of the data.
const STREAM_TERRITORY: u64 = 1;
const STREAM_POPULATION: u64 = 2;
const STREAM_PROGRAMMES: u64 = 3;
const STREAM_NOISE: u64 = 4;
const STREAM_GROUPS: u64 = 5;

/// Households between two progress reports.
const PROGRESS_EVERY: u64 = 1_000;

/// What one run is asked to do.
pub struct Plan<'a> {
    pub request: &'a DemoRequest,
    pub noise: &'a NoiseProfile,
    /// Who the roster imports are recorded as made by.
    pub user_id: Option<i64>,
    pub today: NaiveDate,
    pub at: &'a str,
}

/// The separate random streams of a run.
struct Streams {
    territory: Rng,
    population: Rng,
    programmes: Rng,
    groups: Rng,
}

struct Run<'p, 'c> {
    sink: Sink<'c>,
    streams: Streams,
    population: Population,
    names: CommunityNames,
    rosters: Rosters,
    agencies: Agencies,
    today: NaiveDate,
    at: String,
    done: u64,
    total: u64,
    progress: &'p mut dyn ProgressSink,
}

/// Generates everything inside the caller's transaction.
pub fn run(
    conn: &Connection,
    plan: &Plan,
    progress: &mut dyn ProgressSink,
) -> CoreResult<DemoSummary> {
    let seed = plan.request.seed;
    let mut sink = Sink::new(conn, plan.at, plan.today)?;
    let agencies = agencies(conn)?;
    let rosters = Rosters::start(
        &mut sink,
        agencies.programmes,
        plan.user_id,
        (plan.noise.clone(), Rng::new(seed, STREAM_NOISE)),
    )?;
    let mut run = Run {
        sink,
        streams: Streams {
            territory: Rng::new(seed, STREAM_TERRITORY),
            population: Rng::new(seed, STREAM_POPULATION),
            programmes: Rng::new(seed, STREAM_PROGRAMMES),
            groups: Rng::new(seed, STREAM_GROUPS),
        },
        population: Population::new(seed, plan.today),
        names: CommunityNames::default(),
        rosters,
        agencies,
        today: plan.today,
        at: plan.at.to_string(),
        done: 0,
        total: u64::from(plan.request.households),
        progress,
    };
    let districts =
        territory::plan_districts(conn, &mut run.streams.territory, plan.request.households)?;
    for district in &districts {
        let communities = territory::plan_communities(&mut run.streams.territory, district);
        for community in &communities {
            run.community(district, community)?;
        }
    }
    run.progress.report(Progress {
        done: run.done,
        total: run.total,
    });
    let Run {
        mut sink, rosters, ..
    } = run;
    rosters.finish(&mut sink)?;
    sink.index_names()?;
    Ok(sink.counts)
}

fn agencies(conn: &Connection) -> CoreResult<Agencies> {
    let agency = |code: &str| -> CoreResult<i64> {
        agency_id(conn, code)?.ok_or_else(|| missing("agency", code))
    };
    let mut programmes = [0; 4];
    for (slot, programme) in programmes.iter_mut().zip(Programme::ALL) {
        *slot = programme_id(conn, programme.code())?
            .ok_or_else(|| missing("programme", programme.code()))?;
    }
    Ok(Agencies {
        juntos: agency("JUNTOS")?,
        foncodes: agency("FONCODES")?,
        agrorural: agency("AGRORURAL")?,
        dra: agency("DRA")?,
        muni_prov: agency("MUNI_PROV")?,
        muni_dist: agency("MUNI_DIST")?,
        programmes,
    })
}

/// The reference data lacks a row the demo relies on (only possible in a damaged database).
fn missing(field: &'static str, code: &str) -> CoreError {
    CoreError::InvalidValue {
        field,
        value: code.to_string(),
    }
}

impl Run<'_, '_> {
    fn community(&mut self, district: &DistrictPlan, plan: &CommunityPlan) -> CoreResult<()> {
        let community_id = self.sink.id()?;
        insert_community(
            self.sink.conn(),
            &NewCommunity {
                id: community_id,
                district_ubigeo: &district.ubigeo,
                name: &plan.name,
                name_key: &plan.name_key,
                altitude_m: Some(plan.altitude_m),
                travel_minutes: Some(plan.travel_minutes),
                at: &self.at,
            },
        )?;
        self.sink.counts.communities += 1;
        let reach = self.reach(plan);
        let setting = Setting {
            community: &plan.name,
            households: plan.households,
            haku_winay: reach.haku_winay_cycle.is_some(),
            today: self.today,
        };
        let mut associations = CommunityAssociations::plan(&mut self.streams.groups, &setting);
        self.names.clear();
        self.rosters.enter_community();
        let site = Site {
            district_ubigeo: &district.ubigeo,
            community_id,
            community_key: &plan.name_key,
        };
        let mut work = CommunityWork {
            community_id,
            altitude_m: plan.altitude_m,
            haku_winay_cycle: reach.haku_winay_cycle,
            agrorural: reach.agrorural,
            households: [0; 4],
        };
        for _ in 0..plan.households {
            self.household(site, &reach, &mut associations, &mut work)?;
        }
        associations.write(&mut self.sink, community_id)?;
        let mut planner = Planner {
            sink: &mut self.sink,
            rng: &mut self.streams.groups,
            agencies: &self.agencies,
            today: self.today,
        };
        planner.write(&work)
    }

    /// Which programmes work in a community. Haku Wiñay skips most of the remotest ones, as
    /// it did in Cachi; Agrorural reaches most, fewer far out.
    fn reach(&mut self, plan: &CommunityPlan) -> Reach {
        let rng = &mut self.streams.programmes;
        let haku_winay_bp = if plan.travel_minutes > 200 {
            1_000
        } else {
            8_000
        };
        let haku_winay_cycle = rng
            .chance(haku_winay_bp)
            .then(|| {
                self.today
                    .checked_sub_days(Days::new(rng.between(100, 5 * 365) as u64))
            })
            .flatten();
        let agrorural_bp = if plan.travel_minutes > 200 {
            5_000
        } else {
            8_500
        };
        Reach {
            haku_winay_cycle,
            agrorural: rng.chance(agrorural_bp),
            altitude_m: plan.altitude_m,
            travel_minutes: plan.travel_minutes,
        }
    }

    fn household(
        &mut self,
        site: Site,
        reach: &Reach,
        associations: &mut CommunityAssociations,
        work: &mut CommunityWork,
    ) -> CoreResult<()> {
        let place = Place {
            altitude_m: reach.altitude_m,
            travel_minutes: reach.travel_minutes,
        };
        let mut household =
            self.population
                .household(&mut self.streams.population, place, &mut self.names);
        self.sink.household(&mut household, site)?;
        let grants = associations.join(&mut self.streams.groups, &household, self.today);
        let plans = plan_household(
            &mut self.streams.programmes,
            &household,
            reach,
            &grants,
            self.today,
        );
        for programme in Programme::ALL {
            if plans.iter().any(|p| p.programme == programme) {
                work.households[programme.index()] += 1;
            }
        }
        let batch = Batch {
            site,
            household: &household,
            plans: &plans,
        };
        self.rosters.household(&mut self.sink, &batch)?;
        self.done += 1;
        if self.done.is_multiple_of(PROGRESS_EVERY) {
            self.progress.report(Progress {
                done: self.done,
                total: self.total,
            });
        }
        Ok(())
    }
}
