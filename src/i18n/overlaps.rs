//! Words for flags: their kinds, severities and states, and the plain explanation of each
//! flag built from the evidence it carries.

use super::Lang;
use crate::store::flags::FlagRow;
use serde_json::Value;

pub fn kind(kind: &str, lang: Lang) -> &'static str {
    let es = lang == Lang::Es;
    match kind {
        "multi_programme" => {
            if es {
                "Varios programas"
            } else {
                "Several programmes"
            }
        }
        "probable_same_person" => {
            if es {
                "Posible misma persona"
            } else {
                "Probable same person"
            }
        }
        "dni_conflict" => {
            if es {
                "DNI en conflicto"
            } else {
                "DNI conflict"
            }
        }
        "double_funding" => {
            if es {
                "Doble financiamiento"
            } else {
                "Double funding"
            }
        }
        "activity_overlap" => {
            if es {
                "Misma actividad, dos instituciones"
            } else {
                "Same activity, two agencies"
            }
        }
        "targeting_seed_altitude" => {
            if es {
                "Semillas bajo 3 500 m"
            } else {
                "Seeds below 3,500 m"
            }
        }
        "targeting_shed_herd" => {
            if es {
                "Cobertizo a hato grande"
            } else {
                "Shed to a large herd"
            }
        }
        "targeting_non_poor" => {
            if es {
                "Apoyo a no pobres"
            } else {
                "Help to the non-poor"
            }
        }
        "targeting_juntos_missing" => {
            if es {
                "¿Elegible para Juntos?"
            } else {
                "Eligible for Juntos?"
            }
        }
        "targeting_sisfoh_expired" => {
            if es {
                "SISFOH vencido"
            } else {
                "Expired SISFOH"
            }
        }
        "conditionality_misuse" => {
            if es {
                "Mal uso de Juntos"
            } else {
                "Juntos misuse"
            }
        }
        "household_disagreement" => {
            if es {
                "Hogar en disputa"
            } else {
                "Household disagreement"
            }
        }
        _ => "?",
    }
}

pub fn severity(severity: &str, lang: Lang) -> &'static str {
    match (severity, lang) {
        ("high", Lang::Es) => "alta",
        ("high", Lang::En) => "high",
        ("medium", Lang::Es) => "media",
        ("medium", Lang::En) => "medium",
        (_, Lang::Es) => "baja",
        (_, Lang::En) => "low",
    }
}

pub fn status(status: &str, lang: Lang) -> &'static str {
    match (status, lang) {
        ("open", Lang::Es) => "abierta",
        ("open", Lang::En) => "open",
        ("acknowledged", Lang::Es) => "en revisión",
        ("acknowledged", Lang::En) => "acknowledged",
        ("resolved", Lang::Es) => "resuelta",
        ("resolved", Lang::En) => "resolved",
        ("dismissed", Lang::Es) => "descartada",
        (_, Lang::En) => "dismissed",
        (_, Lang::Es) => "descartada",
    }
}

fn s(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Null) | None => "?".into(),
        Some(other) => other.to_string(),
    }
}

/// One sentence (or a few) saying why the flag was raised, with its evidence.
pub fn explain(flag: &FlagRow, lang: Lang) -> String {
    let v: Value = serde_json::from_str(&flag.evidence).unwrap_or(Value::Null);
    let es = lang == Lang::Es;
    let a = flag.programme_a.clone().unwrap_or_default();
    let b = flag.programme_b.clone().unwrap_or_default();
    match flag.kind.as_str() {
        "probable_same_person" | "dni_conflict" => match_text(flag, &v, lang),
        "multi_programme" => {
            let class = s(&v, "class");
            match (es, class.as_str()) {
                (true, "duplication") => format!("El hogar recibe {a} y {b} a la vez; la matriz de cruces marca esa combinación como duplicación."),
                (true, _) => format!("El hogar recibe {a} y {b} a la vez; la matriz de cruces pide revisar esa combinación."),
                (false, "duplication") => format!("The household receives {a} and {b} at once; the overlap matrix marks that pair as duplication."),
                (false, _) => format!("The household receives {a} and {b} at once; the overlap matrix asks to review that pair."),
            }
        }
        "targeting_seed_altitude" => {
            if es {
                format!("Semillas de {a} entregadas a {} m de altitud; la regla es entregarlas por encima de {} m.", s(&v, "altitude_m"), s(&v, "threshold_m"))
            } else {
                format!(
                    "Seeds from {a} given at {} m; the rule is to give them above {} m.",
                    s(&v, "altitude_m"),
                    s(&v, "threshold_m")
                )
            }
        }
        "targeting_shed_herd" => {
            if es {
                format!("Materiales de cobertizo de {a} para un hogar con {} cabezas de ganado (umbral: {}).", s(&v, "herd"), s(&v, "threshold"))
            } else {
                format!("Shed materials from {a} for a household with {} head of livestock (threshold: {}).", s(&v, "herd"), s(&v, "threshold"))
            }
        }
        "targeting_sisfoh_expired" => {
            if es {
                format!("La afiliación a {a} se apoya en una clasificación SISFOH del {}, ya vencida (vale {} años).", s(&v, "sisfoh_date"), s(&v, "valid_years"))
            } else {
                format!("The {a} enrolment rests on a SISFOH classification of {}, now expired (valid {} years).", s(&v, "sisfoh_date"), s(&v, "valid_years"))
            }
        }
        "targeting_non_poor" => {
            if es {
                format!("En este centro poblado {} hogares no pobres reciben apoyo agrícola mientras {} hogares en pobreza extrema no reciben ninguno.", s(&v, "non_poor_served"), s(&v, "extreme_poor_unserved"))
            } else {
                format!("In this community {} non-poor households get agricultural help while {} extreme-poor households get none.", s(&v, "non_poor_served"), s(&v, "extreme_poor_unserved"))
            }
        }
        "targeting_juntos_missing" => {
            if es {
                format!("Hogar {} con {} gestante(s) y {} menor(es) de 19 años en un distrito pobre, que no está en Juntos.", s(&v, "sisfoh"), s(&v, "pregnant"), s(&v, "children_under_19"))
            } else {
                format!("Household {} with {} pregnant woman/women and {} child(ren) under 19 in a poor district, not in Juntos.", s(&v, "sisfoh"), s(&v, "pregnant"), s(&v, "children_under_19"))
            }
        }
        "activity_overlap" => {
            if es {
                format!("{} ({}) y {} ({}) trabajan en el mismo centro poblado en periodos que se cruzan: una oportunidad de coordinar en el comité.", s(&v, "agency_a"), s(&v, "activity_a"), s(&v, "agency_b"), s(&v, "activity_b"))
            } else {
                format!("{} ({}) and {} ({}) work in the same community over overlapping periods: a chance to coordinate at the committee.", s(&v, "agency_a"), s(&v, "activity_a"), s(&v, "agency_b"), s(&v, "activity_b"))
            }
        }
        "double_funding" => {
            let same = v
                .get("same_association")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            match (es, same) {
                (true, true) => format!("{a} y {b} financian «{}» a la misma asociación.", s(&v, "product")),
                (true, false) => format!("{a} y {b} financian «{}» a dos asociaciones que comparten {} de sus socios ({} y {}).", s(&v, "product"), s(&v, "shared_members"), s(&v, "members_a"), s(&v, "members_b")),
                (false, true) => format!("{a} and {b} both fund «{}» for the same association.", s(&v, "product")),
                (false, false) => format!("{a} and {b} fund «{}» for two associations sharing {} members ({} and {}).", s(&v, "product"), s(&v, "shared_members"), s(&v, "members_a"), s(&v, "members_b")),
            }
        }
        "conditionality_misuse" => {
            if es {
                format!("Se reportó el {} que {} amenazó con suspender la transferencia de Juntos para obligar a participar en «{}». Juntos solo exige controles de salud y asistencia escolar.", s(&v, "reported_on"), s(&v, "agency"), s(&v, "forced_activity"))
            } else {
                format!("Reported on {}: {} threatened to suspend the Juntos transfer to force participation in «{}». Juntos only requires health check-ups and school attendance.", s(&v, "reported_on"), s(&v, "agency"), s(&v, "forced_activity"))
            }
        }
        "household_disagreement" => {
            if es {
                format!("{a} agrupa a esta persona con otro hogar (código {}); sigue en su hogar hasta que alguien lo revise.", s(&v, "household_code"))
            } else {
                format!("{a} groups this person with another household (code {}); they stay in theirs until someone checks.", s(&v, "household_code"))
            }
        }
        _ => String::new(),
    }
}

fn match_text(flag: &FlagRow, v: &Value, lang: Lang) -> String {
    let e = v.get("evidence").cloned().unwrap_or(Value::Null);
    let es = lang == Lang::Es;
    let mut parts: Vec<&str> = Vec::new();
    let field = |k: &str| e.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let dni = field("dni");
    parts.push(match (dni.as_str(), es) {
        ("same", true) => "mismo DNI",
        ("same", false) => "same DNI",
        ("one_digit", true) => "DNI con un dígito distinto",
        ("one_digit", false) => "DNI one digit apart",
        ("transposed", true) => "DNI con dos dígitos vecinos invertidos",
        ("transposed", false) => "DNI with two adjacent digits swapped",
        ("digit_missing", true) => "DNI con un dígito de menos",
        ("digit_missing", false) => "DNI missing a digit",
        ("different", true) => "DNI distintos",
        ("different", false) => "different DNIs",
        (_, true) => "sin DNI en uno de los registros",
        (_, false) => "no DNI on one record",
    });
    parts.push(match (field("birth").as_str(), es) {
        ("same", true) => "misma fecha de nacimiento",
        ("same", false) => "same birth date",
        ("day_month_swapped", true) => "día y mes de nacimiento invertidos",
        ("day_month_swapped", false) => "birth day and month swapped",
        ("year_off_by_one", true) => "año de nacimiento con un año de diferencia",
        ("year_off_by_one", false) => "birth year one apart",
        ("different", true) => "fechas de nacimiento distintas",
        ("different", false) => "different birth dates",
        (_, true) => "sin fecha de nacimiento en uno",
        (_, false) => "no birth date on one",
    });
    let swapped = e
        .get("surnames_swapped")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    parts.push(match (field("paternal").as_str(), swapped, es) {
        (_, true, true) => "apellidos invertidos",
        (_, true, false) => "surnames swapped",
        ("same", _, true) => "mismo apellido paterno",
        ("same", _, false) => "same paternal surname",
        ("same_sound", _, true) => "apellido escrito de otra forma (quechua/castellano)",
        ("same_sound", _, false) => "surname spelt another way (Quechua/Spanish)",
        ("typo", _, true) => "apellido con una letra distinta",
        ("typo", _, false) => "surname one letter apart",
        (_, _, true) => "apellidos distintos",
        (_, _, false) => "different surnames",
    });
    if e.get("given_missing_word")
        .and_then(Value::as_bool)
        .unwrap_or(false)
    {
        parts.push(if es {
            "falta un segundo nombre"
        } else {
            "a second given name missing"
        });
    }
    if field("community") == "same" {
        parts.push(if es {
            "mismo centro poblado"
        } else {
            "same community"
        });
    }
    let score = flag.score_milli.map(|s| s as f64 / 1000.0).unwrap_or(0.0);
    let head = match (flag.kind.as_str(), es) {
        ("dni_conflict", true) => {
            "El mismo DNI está en registros de personas que parecen distintas".to_string()
        }
        ("dni_conflict", false) => "One DNI is on records of people who look different".to_string(),
        (_, true) => format!("Podría ser la misma persona (puntaje {score:.2})"),
        (_, false) => format!("May be the same person (score {score:.2})"),
    };
    format!("{head}: {}.", parts.join(", "))
}
