//! A labelled set of tricky pairs: each kind of roster noise (must match) and homonyms and
//! near-namesakes (must not), judged against a background population where Quispe, Huamán
//! and Mamani are common and Ccoyllo is rare.

use tinkuy::services::matching::compare::compare;
use tinkuy::services::matching::frequency::Frequencies;
use tinkuy::services::matching::record::{MatchRecord, RawRecord};

#[allow(clippy::too_many_arguments)] // a row of the labelled table, read left to right
fn rec(
    id: i64,
    dni: &str,
    paternal: &str,
    maternal: &str,
    given: &str,
    birth: &str,
    sex: &str,
    community: i64,
) -> MatchRecord {
    MatchRecord::from_raw(RawRecord {
        id,
        person_id: id,
        programme_id: 1,
        dni: Some(dni.to_string()).filter(|d| !d.is_empty()),
        paternal: paternal.into(),
        maternal: Some(maternal.to_string()).filter(|m| !m.is_empty()),
        given: given.into(),
        birth_date: Some(birth.to_string()).filter(|b| !b.is_empty()),
        sex: Some(sex.to_string()).filter(|s| !s.is_empty()),
        district: "030212".into(),
        community: Some(community),
        pending: true,
    })
}

fn background() -> Frequencies {
    let mut people = Vec::new();
    let common = [
        "Quispe", "Huamán", "Mamani", "Condori", "Huamán", "Quispe", "Quispe", "Mamani",
    ];
    let given = [
        "María",
        "José",
        "Juan",
        "Rosa",
        "Luz",
        "Ana",
        "Eva",
        "Wilber",
        "Saturnina",
        "Jerónimo",
    ];
    for i in 0..4_000 {
        let p = common[i % common.len()];
        let m = common[(i / 3) % common.len()];
        let g = given[(i / 7) % given.len()];
        people.push(rec(i as i64, "", p, m, g, "", "F", 1));
    }
    people.push(rec(9_000, "", "Ccoyllo", "Yauri", "Túpac", "", "M", 1));
    Frequencies::from_records(&people)
}

struct Case {
    name: &'static str,
    a: MatchRecord,
    b: MatchRecord,
    same: bool,
}

fn cases() -> Vec<Case> {
    let maria = || {
        rec(
            1,
            "40112233",
            "Quispe",
            "Huamán",
            "María Eulogia",
            "1988-04-12",
            "F",
            7,
        )
    };
    vec![
        Case {
            name: "accents dropped",
            a: maria(),
            b: rec(
                2,
                "40112233",
                "QUISPE",
                "HUAMAN",
                "MARIA EULOGIA",
                "1988-04-12",
                "F",
                7,
            ),
            same: true,
        },
        Case {
            name: "Ñ written N",
            a: rec(
                1,
                "01234567",
                "Ñahui",
                "Ccori",
                "Saturnina",
                "1990-11-30",
                "F",
                7,
            ),
            b: rec(
                2,
                "01234567",
                "Nahui",
                "Ccori",
                "Saturnina",
                "1990-11-30",
                "F",
                7,
            ),
            same: true,
        },
        Case {
            name: "maternal surname missing",
            a: maria(),
            b: rec(2, "", "Quispe", "", "María Eulogia", "1988-04-12", "F", 7),
            same: true,
        },
        Case {
            name: "second given name missing",
            a: maria(),
            b: rec(2, "", "Quispe", "Huamán", "María", "1988-04-12", "F", 7),
            same: true,
        },
        Case {
            name: "surnames swapped",
            a: maria(),
            b: rec(
                2,
                "",
                "Huamán",
                "Quispe",
                "María Eulogia",
                "1988-04-12",
                "F",
                7,
            ),
            same: true,
        },
        Case {
            name: "Quechua spelling",
            a: maria(),
            b: rec(
                2,
                "",
                "Qespe",
                "Waman",
                "María Eulogia",
                "1988-04-12",
                "F",
                7,
            ),
            same: true,
        },
        Case {
            name: "Willka / Vilca",
            a: rec(1, "", "Willka", "Taipe", "Rosa", "1975-02-02", "F", 3),
            b: rec(2, "", "Vilca", "Taipe", "Rosa", "1975-02-02", "F", 3),
            same: true,
        },
        Case {
            name: "one-letter typo",
            a: maria(),
            b: rec(
                2,
                "",
                "Quispe",
                "Huamán",
                "Marîa Eulogya",
                "1988-04-12",
                "F",
                7,
            ),
            same: true,
        },
        Case {
            name: "DNI one wrong digit, no birth date",
            a: maria(),
            b: rec(
                2,
                "40112283",
                "Quispe",
                "Huamán",
                "María Eulogia",
                "",
                "F",
                7,
            ),
            same: true,
        },
        Case {
            name: "DNI digits swapped",
            a: maria(),
            b: rec(
                2,
                "40121233",
                "Quispe",
                "Huamán",
                "María",
                "1988-04-12",
                "F",
                7,
            ),
            same: true,
        },
        Case {
            name: "DNI digit missing",
            a: maria(),
            b: rec(
                2,
                "04012233",
                "Quispe",
                "Huamán",
                "María Eulogia",
                "1988-04-12",
                "F",
                7,
            ),
            same: true,
        },
        Case {
            name: "birth day and month swapped",
            a: rec(1, "", "Mamani", "Condori", "Juan", "1990-03-07", "M", 2),
            b: rec(2, "", "Mamani", "Condori", "Juan", "1990-07-03", "M", 2),
            same: true,
        },
        Case {
            name: "birth year off by one",
            a: rec(1, "", "Mamani", "Condori", "Juan", "1990-03-07", "M", 2),
            b: rec(2, "", "Mamani", "Condori", "Juan", "1991-03-07", "M", 2),
            same: true,
        },
        Case {
            name: "rare name, nothing else",
            a: rec(1, "", "Ccoyllo", "Yauri", "Túpac", "", "M", 4),
            b: rec(2, "", "Ccoyllo", "Yauri", "Túpac", "", "", 4),
            same: true,
        },
        Case {
            name: "homonyms with different DNIs and births",
            a: rec(
                1,
                "40112233",
                "Quispe",
                "Mamani",
                "Juan",
                "1970-01-01",
                "M",
                7,
            ),
            b: rec(
                2,
                "45556677",
                "Quispe",
                "Mamani",
                "Juan",
                "1995-06-06",
                "M",
                7,
            ),
            same: false,
        },
        Case {
            name: "homonyms, different births, no DNIs",
            a: rec(1, "", "Quispe", "Mamani", "Juan", "1970-01-01", "M", 7),
            b: rec(2, "", "Quispe", "Mamani", "Juan", "1995-06-06", "M", 7),
            same: false,
        },
        Case {
            name: "mother and daughter, same names but birth",
            a: rec(1, "", "Huamán", "Quispe", "Rosa", "1960-05-05", "F", 7),
            b: rec(2, "", "Huamán", "Quispe", "Rosa", "1999-05-05", "F", 7),
            same: false,
        },
        Case {
            name: "siblings",
            a: rec(
                1,
                "40112233",
                "Quispe",
                "Huamán",
                "Juan",
                "1980-01-01",
                "M",
                7,
            ),
            b: rec(
                2,
                "40112234",
                "Quispe",
                "Huamán",
                "José",
                "1982-05-05",
                "M",
                7,
            ),
            same: false,
        },
        Case {
            name: "common surnames, other given name",
            a: maria(),
            b: rec(2, "", "Quispe", "Huamán", "Luz", "", "F", 7),
            same: false,
        },
        Case {
            name: "same name, other sex and birth",
            a: rec(1, "", "Mamani", "Condori", "Luz", "1985-01-01", "F", 2),
            b: rec(2, "", "Mamani", "Condori", "Luz", "1985-01-02", "M", 2),
            same: false,
        },
    ]
}

#[test]
fn every_labelled_pair_gets_the_expected_decision() {
    let freq = background();
    let mut wrong = Vec::new();
    for case in cases() {
        let evidence = compare(&case.a, &case.b, &freq);
        if evidence.is_match() != case.same {
            wrong.push(format!(
                "{}: weight {:.1}, {:?}",
                case.name, evidence.weight, evidence
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_common_surname_counts_less_than_a_rare_one() {
    let freq = background();
    assert!(freq.surname_rarity("QUISPE") < freq.surname_rarity("CCOYLLO"));
    let common = compare(
        &rec(1, "", "Quispe", "", "Ana", "", "", 1),
        &rec(2, "", "Quispe", "", "Ana", "", "", 1),
        &freq,
    );
    let rare = compare(
        &rec(1, "", "Ccoyllo", "", "Ana", "", "", 1),
        &rec(2, "", "Ccoyllo", "", "Ana", "", "", 1),
        &freq,
    );
    assert!(
        rare.weight > common.weight + 2.0,
        "{} vs {}",
        rare.weight,
        common.weight
    );
}
