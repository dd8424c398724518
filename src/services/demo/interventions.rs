//! What each agency does in a community over a period, with the duplications the committee
//! should see: Agrorural and the regional agrarian branch (DRA) both giving technical
//! assistance to the same farmers, the provincial municipality running healthy-housing and
//! small-animal projects where Haku Wiñay runs its own.

use super::enrolments::{Programme, JUNTOS_YEARLY_CENTS};
use super::rng::Rng;
use super::sink::Sink;
use crate::domain::dates::iso;
use crate::services::CoreResult;
use crate::store::demo::groups::InterventionRow;
use chrono::{Days, Months, NaiveDate};

/// Agency and programme ids the interventions refer to.
#[derive(Debug, Clone, Copy)]
pub struct Agencies {
    pub juntos: i64,
    pub foncodes: i64,
    pub agrorural: i64,
    pub dra: i64,
    pub muni_prov: i64,
    pub muni_dist: i64,
    /// Programme ids in [`Programme::ALL`] order.
    pub programmes: [i64; 4],
}

/// What happened in a community, as far as interventions care.
#[derive(Debug, Clone, Copy, Default)]
pub struct CommunityWork {
    pub community_id: i64,
    pub altitude_m: i64,
    pub haku_winay_cycle: Option<NaiveDate>,
    pub agrorural: bool,
    /// Households enrolled, per programme in [`Programme::ALL`] order.
    pub households: [i64; 4],
}

/// One intervention to write.
struct Work {
    agency: i64,
    programme: Option<Programme>,
    activity: &'static str,
    description: &'static str,
}

/// When an intervention runs; `end` is `None` while it goes on.
struct Period {
    start: NaiveDate,
    end: Option<NaiveDate>,
}

/// Its size: households planned and budget in céntimos.
struct Size {
    households: i64,
    budget_cents: i64,
}

/// Writes one community's interventions.
pub struct Planner<'s, 'c> {
    pub sink: &'s mut Sink<'c>,
    pub rng: &'s mut Rng,
    pub agencies: &'s Agencies,
    pub today: NaiveDate,
}

impl Planner<'_, '_> {
    pub fn write(&mut self, work: &CommunityWork) -> CoreResult<()> {
        let [juntos, _, _, _] = work.households;
        if juntos > 0 {
            let w = Work {
                agency: self.agencies.juntos,
                programme: Some(Programme::Juntos),
                activity: "transferencia",
                description: "Transferencias monetarias bimestrales a hogares afiliados",
            };
            let start = self.days_ago((5 * 365, 10 * 365));
            let size = Size {
                households: juntos,
                budget_cents: juntos * JUNTOS_YEARLY_CENTS,
            };
            self.insert(work, &w, Period { start, end: None }, size)?;
        }
        if let Some(cycle) = work.haku_winay_cycle {
            self.haku_winay(work, cycle)?;
        }
        if work.agrorural {
            self.agriculture(work)?;
        }
        if self.rng.chance(2_500) {
            let w = Work {
                agency: self.agencies.muni_dist,
                programme: None,
                activity: if self.rng.chance(5_000) {
                    "riego"
                } else {
                    "plantones"
                },
                description: "Obra municipal de apoyo a la producción",
            };
            self.occasional(work, &w, (90, 400))?;
        }
        Ok(())
    }

    /// A day between `lo` and `hi` days ago.
    fn days_ago(&mut self, (lo, hi): (i64, i64)) -> NaiveDate {
        let days = self.rng.between(lo, hi).max(0) as u64;
        self.today
            .checked_sub_days(Days::new(days))
            .unwrap_or(self.today)
    }

    /// The end of a period started on `start` lasting `lo` to `hi` days, if already over.
    fn ended(&mut self, start: NaiveDate, (lo, hi): (i64, i64)) -> Option<NaiveDate> {
        let days = self.rng.between(lo, hi).max(0) as u64;
        start
            .checked_add_days(Days::new(days))
            .filter(|end| *end <= self.today)
    }

    /// A smaller intervention of an agency without a roster here, started in the last
    /// two and a half years and lasting `(shortest, longest)` days.
    fn occasional(
        &mut self,
        work: &CommunityWork,
        w: &Work,
        (shortest, longest): (i64, i64),
    ) -> CoreResult<()> {
        let start = self.days_ago((30, 900));
        let end = self.ended(start, (shortest, longest));
        let size = Size {
            households: self.rng.between(15, 80),
            budget_cents: self.rng.between(8_000, 150_000) * 100,
        };
        self.insert(work, w, Period { start, end }, size)
    }

    /// Haku Wiñay's packages over its three-year cycle, and the provincial municipality doing
    /// the same kind of thing in two of five of its communities.
    fn haku_winay(&mut self, work: &CommunityWork, cycle: NaiveDate) -> CoreResult<()> {
        let households = work.households[Programme::HakuWinay.index()];
        let end = cycle
            .checked_add_months(Months::new(36))
            .filter(|end| *end <= self.today);
        let packages = [
            ("riego", "Riego por aspersión (Haku Wiñay)"),
            ("animales_menores", "Crianza de cuyes (Haku Wiñay)"),
            (
                "vivienda_saludable",
                "Cocinas mejoradas y agua segura (Haku Wiñay)",
            ),
            (
                "capacitacion_financiera",
                "Educación financiera (Haku Wiñay)",
            ),
            (
                "emprendimiento",
                "Fondos concursables para emprendimientos (Haku Wiñay)",
            ),
        ];
        for (activity, description) in packages {
            let w = Work {
                agency: self.agencies.foncodes,
                programme: Some(Programme::HakuWinay),
                activity,
                description,
            };
            let size = Size {
                households,
                budget_cents: households * self.rng.between(300, 1_200) * 100,
            };
            self.insert(work, &w, Period { start: cycle, end }, size)?;
        }
        if self.rng.chance(4_000) {
            let w = Work {
                agency: self.agencies.muni_prov,
                programme: None,
                activity: if self.rng.chance(5_000) {
                    "vivienda_saludable"
                } else {
                    "animales_menores"
                },
                description: "Proyecto municipal de vivienda saludable y crianzas",
            };
            self.occasional(work, &w, (300, 700))?;
        }
        Ok(())
    }

    /// Agrorural's technical assistance and campaigns, and the regional agrarian branch giving
    /// the same assistance in almost half of Agrorural's communities.
    fn agriculture(&mut self, work: &CommunityWork) -> CoreResult<()> {
        let mut activities = vec![
            ("asistencia_tecnica", "Asistencia técnica a productores"),
            (
                "sanidad_animal",
                "Campaña de sanidad animal (ovinos y alpacas)",
            ),
        ];
        // Seeds are for plots above 3 500 m; one community in ten below gets them anyway.
        if work.altitude_m >= 3_500 || self.rng.chance(1_000) {
            activities.push(("semillas", "Distribución de semillas certificadas"));
        }
        let households = work.households[Programme::Agrorural.index()].max(10);
        for (activity, description) in activities {
            let w = Work {
                agency: self.agencies.agrorural,
                programme: Some(Programme::Agrorural),
                activity,
                description,
            };
            let start = self.days_ago((30, 700));
            let end = self.ended(start, (60, 365));
            let size = Size {
                households,
                budget_cents: self.rng.between(10_000, 80_000) * 100,
            };
            self.insert(work, &w, Period { start, end }, size)?;
        }
        if self.rng.chance(4_500) {
            let w = Work {
                agency: self.agencies.dra,
                programme: None,
                activity: "asistencia_tecnica",
                description: "Asistencia técnica agropecuaria (Dirección Regional Agraria)",
            };
            self.occasional(work, &w, (120, 500))?;
        }
        Ok(())
    }

    fn insert(
        &mut self,
        work: &CommunityWork,
        w: &Work,
        period: Period,
        size: Size,
    ) -> CoreResult<()> {
        let id = self.sink.id()?;
        let start = iso(period.start);
        let end = period.end.map(iso);
        self.sink.groups.intervention(&InterventionRow {
            id,
            agency_id: w.agency,
            programme_id: w.programme.map(|p| self.agencies.programmes[p.index()]),
            activity_code: w.activity,
            community_id: work.community_id,
            start_date: &start,
            end_date: end.as_deref(),
            households_planned: size.households,
            budget_cents: size.budget_cents,
            description: w.description,
        })?;
        self.sink.counts.interventions += 1;
        Ok(())
    }
}
