//! CLAR demo data, for the demo generator to call inside its own write: associations (from
//! the registry's persons when there are any), CLAR members (one linked to the user `clar1`
//! when it exists), an Aliados II business-plan call a year and a half back with a dozen
//! proposals in every state, its closed and awarded session with conflicts and scores, a
//! progress-review session, disbursements and follow-up visits; and a Haku Wiñay call whose
//! session is open today, for reviewer mode.
//!
//! Every step goes through the same `_in` functions as the real use cases, so demo data obeys
//! every rule (a proposal that breaks its call's rules stays a draft). The same seed on the
//! same database gives the same data: the only randomness is [`Rng`], and dates are counted
//! from the write's own date.

mod later;
mod people;
mod pipeline;

use super::audit;
use crate::services::{CoreResult, WriteCtx};
use chrono::{Days, NaiveDate};
use rusqlite::Transaction;
use serde_json::json;
use std::cell::Cell;

/// Fills the CLAR's tables with demo data (see the module documentation).
pub fn demo_seed(tx: &Transaction, ctx: &WriteCtx, seed: u64) -> CoreResult<()> {
    let mut rng = Rng::new(seed);
    let cast = people::cast(tx, ctx, &mut rng)?;
    let mut demo = pipeline::Demo {
        tx,
        ctx,
        rng: &mut rng,
        cast: &cast,
    };
    let first = demo.business_plans()?;
    let second = demo.open_ventures_call()?;
    audit(
        tx,
        ctx,
        "demo_seed",
        "clar_call",
        first,
        json!({ "seed": seed, "calls": [first, second] }),
    )
}

/// A write context dated `days_ago` days before `ctx`'s own date, at noon: the demo's history
/// is written as if each step happened on its day.
fn dated<'a>(ctx: &WriteCtx<'a>, days_ago: u64) -> WriteCtx<'a> {
    let today = ctx
        .today
        .checked_sub_days(Days::new(days_ago))
        .unwrap_or(ctx.today);
    WriteCtx {
        at: format!("{}T12:00:00Z", crate::domain::dates::iso(today)),
        today,
        author: ctx.author.clone(),
        actor: ctx.actor,
        audited: Cell::new(0),
    }
}

fn day_before(ctx: &WriteCtx, days_ago: u64) -> NaiveDate {
    ctx.today
        .checked_sub_days(Days::new(days_ago))
        .unwrap_or(ctx.today)
}

/// SplitMix64: small, well known and fixed here, so a library update cannot change the demo.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0xC1A2_0000_5EED_0001)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `low..=high`.
    fn range(&mut self, low: i64, high: i64) -> i64 {
        let span = u64::try_from(high - low + 1).unwrap_or(1).max(1);
        low + i64::try_from(self.next() % span).unwrap_or(0)
    }

    /// One of `items`.
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let index = self.range(0, items.len() as i64 - 1);
        &items[usize::try_from(index).unwrap_or(0)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_fixed_for_a_seed() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let xs: Vec<i64> = (0..20).map(|_| a.range(1, 6)).collect();
        let ys: Vec<i64> = (0..20).map(|_| b.range(1, 6)).collect();
        assert_eq!(xs, ys);
        assert!(xs.iter().all(|x| (1..=6).contains(x)));
        let mut c = Rng::new(8);
        assert_ne!(xs, (0..20).map(|_| c.range(1, 6)).collect::<Vec<_>>());
    }
}
