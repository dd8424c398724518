//! Reference data written into every new database: Peru's territory (INEI and RENIEC codes,
//! altitude, poverty), the four programmes and the usual agencies, activity types, SISFOH
//! classes, the default overlap matrix and thresholds. Reference rows use office code 0, so
//! their ids are the same in every office.

use super::error::{StoreError, StoreResult};
use rusqlite::{params, Connection};

const REGIONS: &str = include_str!("../../data/ubigeo/ubigeo_departamento.csv");
const PROVINCES: &str = include_str!("../../data/ubigeo/ubigeo_provincia.csv");
const DISTRICTS: &str = include_str!("../../data/ubigeo/ubigeo_distrito.csv");

/// The instant stamped on reference rows: fixed, so every office has identical rows.
const SEEDED_AT: &str = "2026-01-01T00:00:00Z";

/// (code, name, sector, level)
pub const AGENCIES: &[(&str, &str, &str, &str)] = &[
    (
        "JUNTOS",
        "Programa Juntos (MIDIS)",
        "social_protection",
        "national",
    ),
    (
        "FONCODES",
        "FONCODES – Haku Wiñay (MIDIS)",
        "social_protection",
        "national",
    ),
    (
        "AGRORURAL",
        "Agrorural (MIDAGRI)",
        "agriculture",
        "national",
    ),
    ("ALIADOS", "Aliados II (MIDAGRI)", "agriculture", "national"),
    (
        "DRA",
        "Dirección Regional Agraria (Gobierno Regional)",
        "agriculture",
        "regional",
    ),
    (
        "MUNI_PROV",
        "Municipalidad Provincial",
        "local_government",
        "provincial",
    ),
    (
        "MUNI_DIST",
        "Municipalidad Distrital",
        "local_government",
        "district",
    ),
    ("SALUD", "Centro de Salud (MINSA)", "health", "district"),
    (
        "UGEL",
        "UGEL / institución educativa (MINEDU)",
        "education",
        "provincial",
    ),
];

/// (code, name, agency code, sector, ladder step)
pub const PROGRAMMES: &[(&str, &str, &str, &str, Option<i64>)] = &[
    ("JUNTOS", "Juntos", "JUNTOS", "social_protection", Some(1)),
    (
        "HAKU_WINAY",
        "Haku Wiñay",
        "FONCODES",
        "social_protection",
        Some(2),
    ),
    ("AGRORURAL", "Agrorural", "AGRORURAL", "agriculture", None),
    (
        "ALIADOS_II",
        "Aliados II",
        "ALIADOS",
        "agriculture",
        Some(3),
    ),
];

/// (code, Spanish, English, category, overlap group)
pub const ACTIVITY_TYPES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "transferencia",
        "Transferencia monetaria",
        "Cash transfer",
        "transfer",
        "transfer",
    ),
    ("semillas", "Semillas", "Seeds", "agriculture", "crops"),
    (
        "sanidad_animal",
        "Sanidad animal",
        "Animal health",
        "livestock",
        "livestock",
    ),
    (
        "cobertizo",
        "Cobertizo",
        "Livestock shed",
        "livestock",
        "livestock",
    ),
    (
        "plantones",
        "Plantones",
        "Saplings",
        "agriculture",
        "forestry",
    ),
    ("riego", "Riego", "Irrigation", "agriculture", "irrigation"),
    (
        "asistencia_tecnica",
        "Asistencia técnica",
        "Technical assistance",
        "training",
        "assistance",
    ),
    (
        "vivienda_saludable",
        "Vivienda saludable",
        "Healthy housing",
        "housing",
        "housing",
    ),
    (
        "biohuerto",
        "Biohuerto",
        "Vegetable garden",
        "agriculture",
        "crops",
    ),
    (
        "animales_menores",
        "Animales menores",
        "Small animals",
        "livestock",
        "small_animals",
    ),
    (
        "capacitacion_financiera",
        "Capacitación financiera",
        "Financial training",
        "finance",
        "finance",
    ),
    (
        "plan_negocio",
        "Plan de negocio",
        "Business plan",
        "enterprise",
        "enterprise",
    ),
    (
        "emprendimiento",
        "Emprendimiento",
        "Small venture",
        "enterprise",
        "enterprise",
    ),
];

/// (programme a, programme b, class): how two programmes serving one household are read.
pub const OVERLAP_MATRIX: &[(&str, &str, &str)] = &[
    ("JUNTOS", "HAKU_WINAY", "complementary"),
    ("JUNTOS", "ALIADOS_II", "complementary"),
    ("JUNTOS", "AGRORURAL", "complementary"),
    ("HAKU_WINAY", "ALIADOS_II", "review"),
    ("HAKU_WINAY", "AGRORURAL", "review"),
    ("AGRORURAL", "ALIADOS_II", "duplication"),
];

/// Default thresholds, all changeable per office.
pub const SETTINGS: &[(&str, &str)] = &[
    ("targeting.seed_min_altitude_m", "3500"),
    ("targeting.shed_max_herd", "100"),
    ("double_funding.period_months", "36"),
    ("sisfoh.validity_years", "3"),
    ("backup.keep", "14"),
];

pub fn reference(conn: &Connection) -> StoreResult<()> {
    territory(conn)?;
    sisfoh_classes(conn)?;
    activity_types(conn)?;
    agencies_and_programmes(conn)?;
    overlap_matrix(conn)?;
    for (key, value) in SETTINGS {
        conn.execute(
            "INSERT INTO setting(key, value, updated_at) VALUES (?1, ?2, ?3)",
            params![key, value, SEEDED_AT],
        )?;
    }
    Ok(())
}

fn reader(text: &'static str) -> csv::Reader<&'static [u8]> {
    csv::ReaderBuilder::new().from_reader(text.as_bytes())
}

fn bad(what: &'static str, err: impl std::fmt::Display) -> StoreError {
    StoreError::ReferenceData {
        what,
        detail: err.to_string(),
    }
}

/// The source writes missing values as `NA`.
fn optional<T: std::str::FromStr>(field: Option<&str>) -> Option<T> {
    field
        .filter(|v| !v.is_empty() && *v != "NA")
        .and_then(|v| v.parse().ok())
}

fn altitude(field: Option<&str>) -> Option<i64> {
    optional::<f64>(field).map(|v| v.round() as i64)
}

fn territory(conn: &Connection) -> StoreResult<()> {
    let mut insert = conn.prepare(
        "INSERT INTO region(code, reniec_code, name, capital, altitude_m, poverty_total_pct,
         poverty_extreme_pct) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for row in reader(REGIONS).records() {
        let r = row.map_err(|e| bad("regions", e))?;
        insert.execute(params![
            &r[0][..2],
            &r[1][..2],
            &r[2],
            &r[5],
            altitude(r.get(8)),
            optional::<f64>(r.get(14)),
            optional::<f64>(r.get(15))
        ])?;
    }
    let mut insert = conn.prepare(
        "INSERT INTO province(code, reniec_code, region_code, name, capital, altitude_m,
         poverty_total_pct, poverty_extreme_pct) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for row in reader(PROVINCES).records() {
        let r = row.map_err(|e| bad("provinces", e))?;
        insert.execute(params![
            &r[0][..4],
            &r[1][..4],
            &r[0][..2],
            &r[3],
            &r[9],
            altitude(r.get(12)),
            optional::<f64>(r.get(18)),
            optional::<f64>(r.get(19))
        ])?;
    }
    let mut insert = conn.prepare(
        "INSERT INTO district(ubigeo, reniec_ubigeo, province_code, name, capital, altitude_m,
         poverty_total_pct, poverty_extreme_pct, idh_2019, food_vulnerability, latitude,
         longitude) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for row in reader(DISTRICTS).records() {
        let r = row.map_err(|e| bad("districts", e))?;
        // One source row has a RENIEC code but no INEI code: it cannot be keyed, so it is
        // left out (every INEI district is present).
        if r[0].len() != 6 || &r[0] == "NA" {
            continue;
        }
        let reniec = optional::<String>(r.get(1));
        let capital = optional::<String>(r.get(10)).map(|c| c.replace('\n', " "));
        insert.execute(params![
            &r[0],
            reniec,
            &r[0][..4],
            &r[4],
            capital,
            altitude(r.get(13)),
            optional::<f64>(r.get(18)),
            optional::<f64>(r.get(19)),
            optional::<f64>(r.get(17)),
            optional::<f64>(r.get(16)),
            optional::<f64>(r.get(14)),
            optional::<f64>(r.get(15))
        ])?;
    }
    Ok(())
}

fn sisfoh_classes(conn: &Connection) -> StoreResult<()> {
    let classes = [
        ("PE", "Pobre extremo", "Extreme poor", 1),
        ("P", "Pobre", "Poor", 2),
        ("NP", "No pobre", "Non-poor", 3),
    ];
    for (code, es, en, rank) in classes {
        conn.execute(
            "INSERT INTO sisfoh_class(code, name_es, name_en, rank) VALUES (?1, ?2, ?3, ?4)",
            params![code, es, en, rank],
        )?;
    }
    Ok(())
}

fn activity_types(conn: &Connection) -> StoreResult<()> {
    for (code, es, en, category, group) in ACTIVITY_TYPES {
        conn.execute(
            "INSERT INTO activity_type(code, name_es, name_en, category, overlap_group)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![code, es, en, category, group],
        )?;
    }
    Ok(())
}

fn agencies_and_programmes(conn: &Connection) -> StoreResult<()> {
    let mut id = 0_i64;
    for (code, name, sector, level) in AGENCIES {
        id += 1;
        conn.execute(
            "INSERT INTO agency(id, code, name, sector, level, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
            params![id, code, name, sector, level, SEEDED_AT],
        )?;
    }
    for (code, name, agency, sector, step) in PROGRAMMES {
        id += 1;
        conn.execute(
            "INSERT INTO programme(id, code, name, agency_id, sector, ladder_step, created_at,
             updated_at)
             VALUES (?1, ?2, ?3, (SELECT id FROM agency WHERE code = ?4), ?5, ?6, ?7, ?7)",
            params![id, code, name, agency, sector, step, SEEDED_AT],
        )?;
    }
    Ok(())
}

fn overlap_matrix(conn: &Connection) -> StoreResult<()> {
    for (a, b, class) in OVERLAP_MATRIX {
        conn.execute(
            "INSERT INTO overlap_matrix(programme_a_id, programme_b_id, class)
             SELECT min(pa.id, pb.id), max(pa.id, pb.id), ?3
             FROM programme pa, programme pb WHERE pa.code = ?1 AND pb.code = ?2",
            params![a, b, class],
        )?;
    }
    Ok(())
}
