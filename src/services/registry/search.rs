//! Finding persons: one search box (words in any order, accent- and case-insensitive,
//! prefixes, or a DNI prefix), filters, and pages that never hold more than a screen.

use crate::domain::dni::Dni;
use crate::domain::names::fold_key;
use crate::services::{Actor, CoreResult, Permission};
use crate::store::search::{self, Filters, Matcher, Order, PersonRow};
use crate::store::Store;

/// Above this many name matches, results come in registration order instead of by name:
/// sorting hundreds of thousands of matches on every keystroke would not stay instant.
pub const SORTABLE_MATCHES: i64 = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Name,
    District,
}

/// What the person asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub filters: Filters,
    pub sort: SortBy,
}

/// Where the next page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor(Order);

impl Cursor {
    /// The cursor of a by-name list after the person with this sort key and id (what a page
    /// of results returns; tests of the screens that page build one with it).
    pub fn after_name(name_key: &str, id: i64) -> Cursor {
        Cursor(Order::Name(Some((name_key.to_string(), id))))
    }
}

/// A person as a list shows them, masked for roles that may not see personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonItem {
    pub id: i64,
    pub household_id: i64,
    pub dni: String,
    pub name: String,
    pub birth_date: Option<String>,
    pub sex: Option<String>,
    pub district_ubigeo: String,
    pub district: String,
    pub community: Option<String>,
    pub sisfoh: Option<String>,
    pub programmes: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub items: Vec<PersonItem>,
    pub next: Option<Cursor>,
    /// The matches were too many to sort; they come in registration order.
    pub unsorted: bool,
}

/// Turns the search box's text into a matcher.
pub fn matcher_for(text: &str) -> Matcher {
    let trimmed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !trimmed.is_empty() && trimmed.chars().all(|c| c.is_ascii_digit()) {
        return Matcher::DniPrefix(trimmed.chars().take(8).collect());
    }
    let folded = fold_key(text);
    let words: Vec<&str> = folded
        .split_whitespace()
        .filter(|w| w.chars().all(|c| c.is_ascii_alphanumeric()))
        .collect();
    match words.as_slice() {
        [] => Matcher::All,
        [single] if single.chars().count() == 1 => Matcher::NameKeyPrefix(single.to_string()),
        _ => {
            // Quoted prefix terms: what a person types can never be read as FTS syntax.
            let terms: Vec<String> = words
                .iter()
                .filter(|w| w.len() > 1 || words.len() == 1)
                .map(|w| format!("\"{}\"*", w.to_lowercase()))
                .collect();
            Matcher::Names(terms.join(" "))
        }
    }
}

fn first_order(store: &Store, matcher: &Matcher, sort: SortBy) -> CoreResult<(Order, bool)> {
    if let Matcher::DniPrefix(_) = matcher {
        return Ok((Order::Dni(None), false));
    }
    if let Matcher::Names(q) = matcher {
        if search::count_name_matches(store.conn(), q, SORTABLE_MATCHES + 1)? > SORTABLE_MATCHES {
            return Ok((Order::Id(None), true));
        }
    }
    Ok((
        match sort {
            SortBy::Name => Order::Name(None),
            SortBy::District => Order::District(None),
        },
        false,
    ))
}

fn next_order(order: &Order, last: &PersonRow) -> Order {
    match order {
        Order::Name(_) => Order::Name(Some((last.name_key.clone(), last.id))),
        Order::District(_) => Order::District(Some((
            last.district_ubigeo.clone(),
            last.name_key.clone(),
            last.id,
        ))),
        Order::Id(_) => Order::Id(Some(last.id)),
        Order::Dni(_) => Order::Dni(last.dni.clone()),
    }
}

/// The first page of results (`after` None) or the page after a cursor.
pub fn search(
    store: &Store,
    actor: &Actor,
    query: &Query,
    after: Option<&Cursor>,
    limit: usize,
) -> CoreResult<Page> {
    actor.require(Permission::ReadRegistry)?;
    let matcher = matcher_for(&query.text);
    let (order, unsorted) = match after {
        Some(Cursor(order)) => (order.clone(), matches!(order, Order::Id(_))),
        None => first_order(store, &matcher, query.sort)?,
    };
    let limit = limit.max(1) as i64;
    // One row more than asked tells whether a next page exists without counting.
    let mut rows = search::page(store.conn(), &matcher, &order, &query.filters, limit + 1)?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next = match rows.last() {
        Some(last) if more => Some(Cursor(next_order(&order, last))),
        _ => None,
    };
    let personal = actor.can(Permission::ReadPersonalData);
    let items = rows.into_iter().map(|row| item(row, personal)).collect();
    Ok(Page {
        items,
        next,
        unsorted,
    })
}

fn item(row: PersonRow, personal: bool) -> PersonItem {
    let dni = match (&row.dni, personal) {
        (Some(dni), true) => dni.clone(),
        (Some(dni), false) => Dni::parse(dni)
            .map(|p| p.dni.masked())
            .unwrap_or_else(|_| "********".into()),
        (None, _) => String::new(),
    };
    let name = match &row.maternal {
        Some(m) => format!("{} {}, {}", row.paternal, m, row.given),
        None => format!("{}, {}", row.paternal, row.given),
    };
    PersonItem {
        id: row.id,
        household_id: row.household_id,
        dni,
        name,
        birth_date: if personal { row.birth_date } else { None },
        sex: row.sex,
        district_ubigeo: row.district_ubigeo,
        district: row.district,
        community: row.community,
        sisfoh: row.sisfoh,
        programmes: row.programmes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_box_reads_dnis_names_and_single_letters() {
        assert_eq!(matcher_for("4011 22"), Matcher::DniPrefix("401122".into()));
        assert_eq!(
            matcher_for("quis mar"),
            Matcher::Names("\"quis\"* \"mar\"*".into())
        );
        assert_eq!(matcher_for("Ñahui"), Matcher::Names("\"nahui\"*".into()));
        assert_eq!(matcher_for("m"), Matcher::NameKeyPrefix("M".into()));
        assert_eq!(matcher_for("  "), Matcher::All);
        // Quotes and FTS operators typed by a person are only letters to search for.
        assert_eq!(
            matcher_for("\"OR* NEAR("),
            Matcher::Names("\"or\"* \"near\"*".into())
        );
        assert_eq!(
            matcher_for("quispe m"),
            Matcher::Names("\"quispe\"*".into())
        );
    }
}
