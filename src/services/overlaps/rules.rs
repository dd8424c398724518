//! The overlap rules besides record matching: several programmes in one household, double
//! funding, two agencies doing the same in one community, targeting drift, expired SISFOH
//! classifications, households that look eligible for Juntos and are not in it, and reports of
//! Juntos conditionality misuse. Each rule turns facts from the store into flags whose
//! evidence (JSON) lets the screen explain them in the user's language.

use crate::services::CoreResult;
use crate::store::flags::Found;
use crate::store::{office, overlaps as q};
use chrono::{Months, NaiveDate};
use rusqlite::Connection;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// Thresholds, read from the office's settings (with the study's values as defaults).
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    pub seed_min_altitude_m: i64,
    pub shed_max_herd: i64,
    pub double_funding_months: i64,
    pub sisfoh_validity_years: u32,
    pub juntos_min_poverty_pct: f64,
}

impl Thresholds {
    pub fn load(conn: &Connection) -> CoreResult<Thresholds> {
        let get = |key: &str, default: i64| -> CoreResult<i64> {
            Ok(office::setting(conn, key)?
                .and_then(|v| v.parse().ok())
                .unwrap_or(default))
        };
        Ok(Thresholds {
            seed_min_altitude_m: get("targeting.seed_min_altitude_m", 3500)?,
            shed_max_herd: get("targeting.shed_max_herd", 100)?,
            double_funding_months: get("double_funding.period_months", 36)?,
            sisfoh_validity_years: get("sisfoh.validity_years", 3)? as u32,
            juntos_min_poverty_pct: get("targeting.juntos_min_poverty_pct", 40)? as f64,
        })
    }
}

fn flag(
    kind: &'static str,
    severity: &'static str,
    fingerprint: String,
    evidence: Value,
) -> Found<'static> {
    let text = evidence.to_string();
    Found {
        kind,
        severity,
        fingerprint,
        evidence_hash: format!("{:x}", Sha256::digest(text.as_bytes())),
        evidence: text,
        ..Found::default()
    }
}

/// Every rule's flags.
pub fn all(conn: &Connection, t: &Thresholds, today: NaiveDate) -> CoreResult<Vec<Found<'static>>> {
    let mut out = Vec::new();
    multi_programme(conn, &mut out)?;
    targeting(conn, t, today, &mut out)?;
    activity_overlap(conn, &mut out)?;
    double_funding(conn, t, &mut out)?;
    misuse(conn, &mut out)?;
    Ok(out)
}

fn multi_programme(conn: &Connection, out: &mut Vec<Found<'static>>) -> CoreResult<()> {
    for m in q::multi_programme(conn)? {
        let severity = if m.class == "duplication" {
            "high"
        } else {
            "medium"
        };
        let mut f = flag(
            "multi_programme",
            severity,
            format!(
                "multi_programme:{}:{}:{}",
                m.household, m.programme_a, m.programme_b
            ),
            json!({ "class": m.class }),
        );
        f.household = Some(m.household);
        f.district = Some(m.district);
        f.community = m.community;
        f.programme_a = Some(m.programme_a);
        f.programme_b = Some(m.programme_b);
        out.push(f);
    }
    Ok(())
}

fn enrolment_flag(
    kind: &'static str,
    severity: &'static str,
    e: q::EnrolmentFact,
    evidence: Value,
) -> Found<'static> {
    let mut f = flag(kind, severity, format!("{kind}:{}", e.enrolment), evidence);
    f.household = Some(e.household);
    f.person_a = e.person;
    f.programme_a = Some(e.programme);
    f.district = Some(e.district);
    f.community = e.community;
    f
}

fn targeting(
    conn: &Connection,
    t: &Thresholds,
    today: NaiveDate,
    out: &mut Vec<Found<'static>>,
) -> CoreResult<()> {
    for e in q::seeds_below(conn, t.seed_min_altitude_m)? {
        let evidence = json!({ "altitude_m": e.value, "threshold_m": t.seed_min_altitude_m });
        out.push(enrolment_flag(
            "targeting_seed_altitude",
            "medium",
            e,
            evidence,
        ));
    }
    for e in q::sheds_to_large_herds(conn, t.shed_max_herd)? {
        let evidence = json!({ "herd": e.value, "threshold": t.shed_max_herd });
        out.push(enrolment_flag("targeting_shed_herd", "medium", e, evidence));
    }
    let expired_before = today
        .checked_sub_months(Months::new(12 * t.sisfoh_validity_years))
        .unwrap_or(today);
    for e in q::expired_sisfoh(conn, &expired_before.format("%Y-%m-%d").to_string())? {
        let evidence = json!({ "sisfoh_date": e.date, "valid_years": t.sisfoh_validity_years });
        let mut f = enrolment_flag("targeting_sisfoh_expired", "low", e.clone(), evidence);
        f.fingerprint = format!(
            "targeting_sisfoh_expired:{}:{}:{}",
            e.household,
            e.programme,
            e.date.unwrap_or_default()
        );
        out.push(f);
    }
    for d in q::targeting_drift(conn)? {
        let evidence = json!({ "non_poor_served": d.non_poor_served, "extreme_poor_unserved": d.extreme_poor_unserved });
        let mut f = flag(
            "targeting_non_poor",
            "medium",
            format!("targeting_non_poor:{}", d.community),
            evidence,
        );
        f.community = Some(d.community);
        f.district = Some(d.district);
        out.push(f);
    }
    let born_after = today
        .checked_sub_months(Months::new(12 * 19))
        .unwrap_or(today);
    let valid_since = expired_before.format("%Y-%m-%d").to_string();
    for h in q::juntos_eligible_missing(
        conn,
        &valid_since,
        &born_after.format("%Y-%m-%d").to_string(),
        t.juntos_min_poverty_pct,
    )? {
        let evidence =
            json!({ "sisfoh": h.sisfoh, "pregnant": h.pregnant, "children_under_19": h.children });
        let mut f = flag(
            "targeting_juntos_missing",
            "low",
            format!("targeting_juntos_missing:{}", h.household),
            evidence,
        );
        f.household = Some(h.household);
        f.district = Some(h.district);
        f.community = h.community;
        out.push(f);
    }
    Ok(())
}

fn activity_overlap(conn: &Connection, out: &mut Vec<Found<'static>>) -> CoreResult<()> {
    for o in q::activity_overlaps(conn)? {
        let same = o.activity_a == o.activity_b;
        let evidence = json!({
            "agency_a": o.agency_code_a, "agency_b": o.agency_code_b, "activity_a": o.activity_a,
            "activity_b": o.activity_b, "group": o.group,
            "intervention_a": o.intervention_a, "intervention_b": o.intervention_b,
        });
        let severity = if same { "medium" } else { "low" };
        let mut f = flag(
            "activity_overlap",
            severity,
            format!("activity_overlap:{}:{}", o.intervention_a, o.intervention_b),
            evidence,
        );
        f.community = Some(o.community);
        f.district = Some(o.district);
        out.push(f);
    }
    Ok(())
}

fn double_funding(
    conn: &Connection,
    t: &Thresholds,
    out: &mut Vec<Found<'static>>,
) -> CoreResult<()> {
    for d in q::double_funding(conn, t.double_funding_months)? {
        let same_association = d.association_a == d.association_b;
        let smaller = d.members_a.min(d.members_b).max(1);
        // "Mostly the same members": at least half of the smaller association.
        if !same_association && d.shared_members * 2 < smaller {
            continue;
        }
        let evidence = json!({
            "product": d.product, "same_association": same_association,
            "shared_members": d.shared_members, "members_a": d.members_a, "members_b": d.members_b,
            "award_a": d.award_a, "award_b": d.award_b,
            "association_a": d.association_a, "association_b": d.association_b,
        });
        let mut f = flag(
            "double_funding",
            "high",
            format!("double_funding:{}:{}", d.award_a, d.award_b),
            evidence,
        );
        f.association = Some(d.association_a);
        f.programme_a = Some(d.programme_a);
        f.programme_b = Some(d.programme_b);
        f.community = d.community;
        out.push(f);
    }
    Ok(())
}

/// The flags of every conditionality-misuse report.
pub fn misuse_flags(conn: &Connection) -> CoreResult<Vec<Found<'static>>> {
    let mut out = Vec::new();
    misuse(conn, &mut out)?;
    Ok(out)
}

fn misuse(conn: &Connection, out: &mut Vec<Found<'static>>) -> CoreResult<()> {
    for r in q::misuse_reports(conn)? {
        let evidence = json!({ "agency": r.agency_code, "forced_activity": r.forced_activity, "reported_on": r.reported_on, "report": r.id });
        let mut f = flag(
            "conditionality_misuse",
            "high",
            format!("conditionality_misuse:{}", r.id),
            evidence,
        );
        f.household = r.household;
        f.community = r.community;
        f.district = r.district;
        out.push(f);
    }
    Ok(())
}
