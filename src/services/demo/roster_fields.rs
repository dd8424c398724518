//! What each agency writes in its roster's columns: its own record and household codes, the
//! household facts it keeps, and the record's content hash as the roster importer computes it.

use super::enrolments::Programme;
use super::households::Household;
use super::sink::Facts;
use crate::store::demo::rosters::RecordRow;
use sha2::{Digest, Sha256};

/// What a programme's roster says about the household: Juntos and Haku Wiñay its SISFOH
/// class, Agrorural the herd and the plot's altitude, Haku Wiñay the altitude too.
pub fn facts_of(programme: Programme, household: &Household) -> Facts {
    let class = household.class().map(|c| c.code());
    match programme {
        Programme::Juntos => Facts {
            sisfoh_class: class,
            ..Facts::default()
        },
        Programme::HakuWinay => Facts {
            sisfoh_class: class,
            herd_size: None,
            altitude_m: Some(household.altitude_m),
        },
        Programme::Agrorural => Facts {
            sisfoh_class: None,
            herd_size: Some(household.herd),
            altitude_m: Some(household.altitude_m),
        },
        Programme::Aliados => Facts::default(),
    }
}

/// Each agency numbers its records its own way.
pub fn source_code(programme: Programme, n: u64, ubigeo: &str) -> String {
    match programme {
        Programme::Juntos => format!("JU-{ubigeo}-{n:07}"),
        Programme::HakuWinay => format!("HW{n:08}"),
        Programme::Agrorural => format!("AGR-{n:07}"),
        Programme::Aliados => format!("AL2-{n:06}"),
    }
}

/// Each agency's own household code.
pub fn household_code(programme: Programme, n: u64, ubigeo: &str) -> String {
    match programme {
        Programme::Juntos => format!("HOG-{ubigeo}-{n:06}"),
        Programme::HakuWinay => format!("NE-{n:06}"),
        Programme::Agrorural => format!("PRD-{n:06}"),
        Programme::Aliados => format!("FAM-{n:06}"),
    }
}

/// A hash of the record's content, computed as the roster importer computes it (the same
/// fields, in the same order), so re-importing the same roster finds every record unchanged.
pub fn content_hash(row: &RecordRow, community_key: &str) -> String {
    let amount = row.amount_cents.map(|a| a.to_string());
    let altitude = row.altitude_m.map(|a| a.to_string());
    let herd = row.herd_size.map(|h| h.to_string());
    let fields = [
        Some(row.household_code),
        row.dni,
        Some(row.paternal),
        row.maternal,
        Some(row.given),
        row.birth_date,
        row.sex,
        Some(row.district_ubigeo),
        Some(community_key),
        row.sisfoh_class,
        Some(row.start_date),
        Some(row.activity_code),
        amount.as_deref(),
        altitude.as_deref(),
        herd.as_deref(),
    ];
    let mut hasher = Sha256::new();
    for field in fields {
        hasher.update(field.unwrap_or("").as_bytes());
        hasher.update([0x1f]);
    }
    format!("{:x}", hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_each_agency_s_own() {
        assert_eq!(
            source_code(Programme::Juntos, 12, "030212"),
            "JU-030212-0000012"
        );
        assert_eq!(
            source_code(Programme::HakuWinay, 12, "030212"),
            "HW00000012"
        );
        assert_eq!(
            household_code(Programme::Agrorural, 7, "030212"),
            "PRD-000007"
        );
        assert_eq!(
            household_code(Programme::Aliados, 7, "030212"),
            "FAM-000007"
        );
    }
}
