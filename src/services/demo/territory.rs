//! Where the demo households live: which districts, and the communities (centros poblados)
//! inside them with their altitude and remoteness.
//!
//! Up to [`PROVINCE_SCALE_LIMIT`] households fill the twenty districts of Andahuaylas province,
//! eight to twenty communities each, as a district office there sees them. Beyond that the demo
//! spreads over every highland district of Peru, communities of about 50–250 households, so a
//! million-household benchmark is national in scale. Higher communities are further from the
//! district capital: remoteness is what decides who gets served.

use super::name_pools::{PLACE_HEADS, PLACE_NAMES, PLACE_SAINTS, PLACE_TAILS};
use super::rng::Rng;
use crate::domain::names::fold_key;
use crate::services::CoreResult;
use crate::store::territory;
use rusqlite::Connection;
use std::collections::HashSet;

/// Andahuaylas province (Apurímac), INEI code.
pub const ANDAHUAYLAS_PROVINCE: &str = "0302";
/// Most households the demo keeps inside Andahuaylas province.
pub const PROVINCE_SCALE_LIMIT: u32 = 60_000;
/// Districts at least this high count as highland for a national-scale demo.
pub const HIGHLAND_MIN_ALTITUDE_M: i64 = 2_500;
/// Typical households per community.
const COMMUNITY_MEAN_HOUSEHOLDS: u32 = 150;
/// Used when the reference data has no altitude for a district.
const DEFAULT_ALTITUDE_M: i64 = 3_300;

/// One district and how many demo households it gets.
#[derive(Debug, Clone)]
pub struct DistrictPlan {
    pub ubigeo: String,
    pub altitude_m: i64,
    pub households: u32,
    /// Part of a national-scale demo (wider altitude range, sizes instead of counts).
    pub national: bool,
}

/// One community to create.
#[derive(Debug, Clone)]
pub struct CommunityPlan {
    pub name: String,
    pub name_key: String,
    pub altitude_m: i64,
    pub travel_minutes: i64,
    pub households: u32,
}

/// Splits `total` into parts proportional to `weights`, exactly (leftovers go to the first).
fn apportion(total: u32, weights: &[u64]) -> Vec<u32> {
    let sum: u64 = weights.iter().sum::<u64>().max(1);
    let mut parts: Vec<u32> = weights
        .iter()
        .map(|w| (u64::from(total) * w / sum) as u32)
        .collect();
    let left = total - parts.iter().sum::<u32>();
    // Flooring loses less than one unit per part, so one pass hands out the rest.
    for part in parts.iter_mut().take(left as usize) {
        *part += 1;
    }
    parts
}

/// The districts of the demo, each with its share of `households`.
pub fn plan_districts(
    conn: &Connection,
    rng: &mut Rng,
    households: u32,
) -> CoreResult<Vec<DistrictPlan>> {
    let national = households > PROVINCE_SCALE_LIMIT;
    let districts = if national {
        territory::highland_districts(conn, HIGHLAND_MIN_ALTITUDE_M)?
    } else {
        territory::districts_of_province(conn, ANDAHUAYLAS_PROVINCE)?
    };
    // Districts differ in size; ±30 % around equal shares is enough to show it.
    let weights: Vec<u64> = districts
        .iter()
        .map(|_| rng.between(70, 130) as u64)
        .collect();
    let shares = apportion(households, &weights);
    Ok(districts
        .into_iter()
        .zip(shares)
        .map(|(d, share)| DistrictPlan {
            ubigeo: d.ubigeo,
            altitude_m: d.altitude_m.unwrap_or(DEFAULT_ALTITUDE_M),
            households: share,
            national,
        })
        .collect())
}

/// How many communities a district's households live in.
fn community_count(district: &DistrictPlan) -> u32 {
    let by_size = district.households / COMMUNITY_MEAN_HOUSEHOLDS;
    // Never communities of a handful of households, even in a small demo.
    let most = (district.households / 25).max(1);
    let count = if district.national {
        by_size.max(1)
    } else {
        by_size.clamp(8, 20)
    };
    count.min(most)
}

/// The communities of one district, with unique names and households summing to its share.
pub fn plan_communities(rng: &mut Rng, district: &DistrictPlan) -> Vec<CommunityPlan> {
    if district.households == 0 {
        return Vec::new();
    }
    let count = community_count(district) as usize;
    let weights: Vec<u64> = (0..count).map(|_| rng.between(35, 165) as u64).collect();
    let sizes = apportion(district.households, &weights);
    let mut used = HashSet::new();
    sizes
        .into_iter()
        .map(|households| {
            let name = unique_name(rng, &mut used);
            let altitude_m = community_altitude(rng, district);
            CommunityPlan {
                name_key: fold_key(&name),
                name,
                altitude_m,
                travel_minutes: travel_minutes(rng, altitude_m),
                households,
            }
        })
        .collect()
}

fn community_altitude(rng: &mut Rng, district: &DistrictPlan) -> i64 {
    let (low, high) = if district.national {
        (HIGHLAND_MIN_ALTITUDE_M, 4_800)
    } else {
        (2_800, 4_300)
    };
    // Communities sit mostly above the district capital, up the valley sides.
    (district.altitude_m + rng.between(-150, 750)).clamp(low, high)
}

/// Minutes to the district capital: the higher, the further, with a spread for the road.
fn travel_minutes(rng: &mut Rng, altitude_m: i64) -> i64 {
    let climb = (altitude_m - 2_800).max(0) * 170 / 1_500;
    (10 + climb + rng.between(-10, 100)).clamp(10, 300)
}

fn candidate_name(rng: &mut Rng) -> String {
    let head = rng.pick(PLACE_HEADS).copied().unwrap_or("Pampa");
    let tail = rng.pick(PLACE_TAILS).copied().unwrap_or("marca");
    match rng.below(10) {
        0..=2 => rng
            .pick(PLACE_NAMES)
            .copied()
            .unwrap_or("Huantana")
            .to_string(),
        3 => {
            let saint = rng.pick(PLACE_SAINTS).copied().unwrap_or("San Juan de");
            format!("{saint} {head}{tail}")
        }
        _ => format!("{head}{tail}"),
    }
}

/// A community name not yet used in the district (compared by matching key).
fn unique_name(rng: &mut Rng, used: &mut HashSet<String>) -> String {
    for _ in 0..20 {
        let name = candidate_name(rng);
        if used.insert(fold_key(&name)) {
            return name;
        }
    }
    // Twenty collisions in a row only happen in a crowded district: number an annex.
    let base = candidate_name(rng);
    let mut n = used.len();
    loop {
        let name = format!("{base} Anexo {n}");
        if used.insert(fold_key(&name)) {
            return name;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn district(households: u32, national: bool) -> DistrictPlan {
        DistrictPlan {
            ubigeo: "030212".into(),
            altitude_m: 3_258,
            households,
            national,
        }
    }

    #[test]
    fn apportion_is_exact() {
        assert_eq!(apportion(10, &[1, 1, 1]), vec![4, 3, 3]);
        assert_eq!(apportion(0, &[5, 5]), vec![0, 0]);
        assert_eq!(apportion(7, &[0, 1]).iter().sum::<u32>(), 7);
    }

    #[test]
    fn province_districts_get_eight_to_twenty_communities() {
        let mut rng = Rng::new(1, 0);
        let communities = plan_communities(&mut rng, &district(3_000, false));
        assert_eq!(communities.len(), 20);
        assert_eq!(communities.iter().map(|c| c.households).sum::<u32>(), 3_000);
        let keys: HashSet<_> = communities.iter().map(|c| c.name_key.clone()).collect();
        assert_eq!(keys.len(), communities.len());
        for c in &communities {
            assert!((2_800..=4_300).contains(&c.altitude_m));
            assert!((10..=300).contains(&c.travel_minutes));
        }
        assert_eq!(plan_communities(&mut rng, &district(300, false)).len(), 8);
        assert_eq!(plan_communities(&mut rng, &district(15, false)).len(), 1);
        assert!(plan_communities(&mut rng, &district(0, false)).is_empty());
    }

    #[test]
    fn national_communities_hold_about_150_households() {
        let mut rng = Rng::new(2, 0);
        let communities = plan_communities(&mut rng, &district(940, true));
        assert_eq!(communities.len(), 6);
        assert!(communities
            .iter()
            .all(|c| (40..=260).contains(&c.households)));
    }
}
