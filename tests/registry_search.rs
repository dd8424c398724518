//! Searching the registry: words in any order, accents and case ignored, prefixes, DNI
//! prefixes, filters, masking, and keyset paging that neither skips nor repeats.

mod common;

use std::path::Path;
use tinkuy::domain::role::Role;
use tinkuy::i18n::Lang;
use tinkuy::services::registry::search::{search, Query, SortBy};
use tinkuy::services::roster::{self, ImportOptions};
use tinkuy::services::Actor;
use tinkuy::store::search::Filters;
use tinkuy::store::Store;

fn import_text(store: &mut Store, admin: &Actor, dir: &Path, programme: &str, text: &str) {
    let path = dir.join(format!("{programme}.csv"));
    std::fs::write(&path, text).unwrap();
    let options = ImportOptions {
        programme: Some(programme.into()),
        ..ImportOptions::default()
    };
    let report = roster::import_file(store, admin, &path, &options, Lang::Es, &mut ()).unwrap();
    assert!(report.imported, "{:?}", report.checked.issues);
}

const HEADER: &str =
    "codigo_origen,dni,apellido_paterno,apellido_materno,nombres,ubigeo,fecha_nacimiento\n";

fn sample() -> (tempfile::TempDir, Store, Actor) {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
    let text = format!(
        "{HEADER}1,40112233,Quispe,Huamán,María,030212,1988-04-12\n\
         2,01234567,Ñahui,Ccori,Saturnina,030212,1990-11-30\n\
         3,40112299,Mamani,Quispe,Marco Antonio,030213,1975-01-01\n\
         4,,Huamán,,José,030213,\n"
    );
    import_text(&mut store, &admin, dir.path(), "JUNTOS", &text);
    (dir, store, admin)
}

fn names(store: &Store, actor: &Actor, text: &str) -> Vec<String> {
    let query = Query {
        text: text.into(),
        ..Query::default()
    };
    search(store, actor, &query, None, 50)
        .unwrap()
        .items
        .into_iter()
        .map(|p| p.name)
        .collect()
}

#[test]
fn words_in_any_order_prefixes_accents_and_case() {
    let (_dir, store, admin) = sample();
    assert_eq!(
        names(&store, &admin, "quis mar"),
        vec!["Mamani Quispe, Marco Antonio", "Quispe Huamán, María",]
    );
    assert_eq!(
        names(&store, &admin, "MARIA huaman"),
        vec!["Quispe Huamán, María"]
    );
    assert_eq!(
        names(&store, &admin, "nahui"),
        vec!["Ñahui Ccori, Saturnina"]
    );
    assert_eq!(names(&store, &admin, "jose"), vec!["Huamán, José"]);
    assert!(names(&store, &admin, "zzz").is_empty());
}

#[test]
fn a_dni_prefix_finds_by_dni_and_leading_zeros_count() {
    let (_dir, store, admin) = sample();
    assert_eq!(names(&store, &admin, "4011").len(), 2);
    assert_eq!(
        names(&store, &admin, "0123"),
        vec!["Ñahui Ccori, Saturnina"]
    );
}

#[test]
fn filters_narrow_the_list() {
    let (_dir, store, admin) = sample();
    let query = Query {
        text: String::new(),
        filters: Filters {
            district: Some("030213".into()),
            ..Filters::default()
        },
        sort: SortBy::Name,
    };
    let page = search(&store, &admin, &query, None, 50).unwrap();
    let got: Vec<&str> = page.items.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(got, vec!["Huamán, José", "Mamani Quispe, Marco Antonio"]);
    let agro: i64 = store
        .conn()
        .query_row(
            "SELECT id FROM programme WHERE code = 'AGRORURAL'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let query = Query {
        filters: Filters {
            programme: Some(agro),
            ..Filters::default()
        },
        ..Query::default()
    };
    assert!(search(&store, &admin, &query, None, 50)
        .unwrap()
        .items
        .is_empty());
}

#[test]
fn roles_without_access_see_masked_dnis_and_no_birth_dates() {
    let (_dir, mut store, admin) = sample();
    let reader = common::user_with_role(&mut store, &admin, "lee", Role::Consulta);
    let query = Query {
        text: "maria".into(),
        ..Query::default()
    };
    let item = &search(&store, &reader, &query, None, 5).unwrap().items[0];
    assert_eq!(item.dni, "****2233");
    assert_eq!(item.birth_date, None);
    let full = &search(&store, &admin, &query, None, 5).unwrap().items[0];
    assert_eq!(
        (full.dni.as_str(), full.birth_date.as_deref()),
        ("40112233", Some("1988-04-12"))
    );
    let clar = common::user_with_role(&mut store, &admin, "clar1", Role::MiembroClar);
    assert!(search(&store, &clar, &query, None, 5).is_err());
}

/// Pages through everything and checks nothing is skipped or repeated, in order.
fn all_pages(store: &Store, actor: &Actor, query: &Query, size: usize) -> (Vec<i64>, bool) {
    let mut ids = Vec::new();
    let mut page = search(store, actor, query, None, size).unwrap();
    let unsorted = page.unsorted;
    loop {
        assert!(page.items.len() <= size);
        ids.extend(page.items.iter().map(|p| p.id));
        match page.next.take() {
            Some(cursor) => page = search(store, actor, query, Some(&cursor), size).unwrap(),
            None => return (ids, unsorted),
        }
    }
}

#[test]
fn keyset_pages_cover_everything_once_in_every_order() {
    let dir = tempfile::tempdir().unwrap();
    let (mut store, admin) = common::initialised_store(&dir.path().join("t.db"));
    let mut text = String::from(HEADER);
    let given = ["Ana", "Rosa", "Luz", "Eva", "Juan", "Wilber"];
    for i in 0..2_100 {
        let district = if i % 3 == 0 { "030212" } else { "030213" };
        text.push_str(&format!(
            "{i},{:08},Quispe,Yauri,{} {},{district},\n",
            20_000_000 + i,
            given[i % 6],
            given[(i / 6) % 6]
        ));
    }
    import_text(&mut store, &admin, dir.path(), "AGRORURAL", &text);
    for (sort, query_text) in [
        (SortBy::Name, ""),
        (SortBy::District, ""),
        (SortBy::Name, "quispe"),
        (SortBy::Name, "ana quis"),
    ] {
        let query = Query {
            text: query_text.into(),
            sort,
            ..Query::default()
        };
        let (ids, unsorted) = all_pages(&store, &admin, &query, 37);
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            ids.len(),
            "no repeats ({sort:?} {query_text:?})"
        );
        let expected: i64 = match query_text {
            "ana quis" => store
                .conn()
                .query_row(
                    "SELECT count(*) FROM person WHERE given_names LIKE '%Ana%'",
                    [],
                    |r| r.get(0),
                )
                .unwrap(),
            _ => 2_100,
        };
        assert_eq!(ids.len() as i64, expected, "{sort:?} {query_text:?}");
        // "quispe" matches all 2 100: too many to sort, so registration order is used.
        assert_eq!(unsorted, query_text == "quispe");
    }
}
