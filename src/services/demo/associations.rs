//! Producer associations of one community: planned before its households are drawn, joined by
//! household heads as the households stream past, written when the community is done.
//!
//! An association has 10–30 members (Aliados II's rule), a product (trout, cuyes, quinoa,
//! textiles…), and maybe a grant: an Aliados II business plan or a Haku Wiñay challenge fund,
//! which becomes an enrolment of each member. A few associations share most of their members
//! with another of the same community and product, funded by the other programme: the double
//! funding the overlap scan must flag. Members are chosen by selection sampling, so an
//! association gets exactly its planned size without looking ahead.

use super::enrolments::{Grant, Programme};
use super::households::Household;
use super::rng::Rng;
use super::sink::Sink;
use crate::domain::dates::iso;
use crate::domain::names::fold_key;
use crate::services::CoreResult;
use crate::store::demo::groups::{AssociationRow, MemberRow};
use chrono::{Days, NaiveDate};

/// (product, how the association names its members).
const PRODUCTS: &[(&str, &str)] = &[
    ("truchas", "Productores de Truchas"),
    ("cuyes", "Criadores de Cuyes"),
    ("quinua", "Productores de Quinua"),
    ("textiles", "Artesanas Textiles"),
    ("lácteos", "Productores Lácteos"),
    ("papa nativa", "Productores de Papa Nativa"),
    ("miel", "Apicultores"),
    ("tarwi", "Productores de Tarwi"),
    ("alpacas", "Criadores de Alpacas"),
    ("calzado", "Productores de Calzado"),
];

const PATRONS: &[&str] = &[
    "Señor de Huanca",
    "Virgen de Cocharcas",
    "Los Andes",
    "Nueva Esperanza",
    "Sumaq Kawsay",
    "Allin Llank'ay",
    "Inti Raymi",
    "Santa Rosa",
    "Virgen del Carmen",
    "Qori Tika",
];

/// Share of communities with associations where two of them share most members.
const PAIR_BP: u32 = 1_500;

/// Aliados II's limits on an association's size.
const MIN_MEMBERS: u32 = 10;
const MAX_MEMBERS: usize = 30;

const ROLES: [&str; 3] = ["presidente", "tesorero", "secretario"];

struct Member {
    person_id: i64,
    dni: Option<String>,
    full_name: String,
    joined_on: NaiveDate,
}

/// An association's part in a sharing pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Alone,
    /// Funded by Aliados II.
    PairFirst,
    /// Shares most members with the first, funded by the other programme.
    PairSecond,
}

struct Association {
    name: String,
    product: usize,
    legal_status: &'static str,
    ruc: Option<String>,
    phone: Option<String>,
    target: u32,
    /// Index of the association whose members this one mostly shares.
    shares_with: Option<usize>,
    grant: Option<Grant>,
    members: Vec<Member>,
}

/// The associations of the community being generated.
pub struct CommunityAssociations {
    list: Vec<Association>,
    households: u32,
    seen: u32,
}

/// What an association plan needs to know about its community.
pub struct Setting<'a> {
    pub community: &'a str,
    pub households: u32,
    pub haku_winay: bool,
    pub today: NaiveDate,
}

impl CommunityAssociations {
    /// About one association per 80 households (at most three, plus a twin), none in hamlets.
    pub fn plan(rng: &mut Rng, setting: &Setting) -> CommunityAssociations {
        let hundredths = u64::from(setting.households) * 100 / 80;
        let extra = rng.chance((hundredths % 100 * 100) as u32);
        // A community too small to fill an association at 60 % membership has none.
        let count = match setting.households * 6 / 10 {
            ..MIN_MEMBERS => 0,
            _ => (hundredths / 100 + u64::from(extra)).min(3) as usize,
        };
        // Now and then the first association has a twin with most of the same members.
        let paired = count >= 1 && rng.chance(PAIR_BP);
        let mut list: Vec<Association> = Vec::new();
        for k in 0..count + usize::from(paired) {
            let role = match (paired, k) {
                (true, 0) => Role::PairFirst,
                (true, 1) => Role::PairSecond,
                _ => Role::Alone,
            };
            // The pair shares members and product: the same venture funded twice.
            let (product, target) = match (role, list.first()) {
                (Role::PairSecond, Some(first)) => (first.product, first.target),
                _ => {
                    let target = rng.between(i64::from(MIN_MEMBERS), MAX_MEMBERS as i64) as u32;
                    (
                        rng.index(PRODUCTS.len()),
                        target.min(setting.households * 6 / 10),
                    )
                }
            };
            let association = Association {
                name: name(rng, setting.community, product),
                product,
                legal_status: legal_status(rng),
                ruc: None,
                phone: rng
                    .chance(6_000)
                    .then(|| format!("9{:08}", rng.below(100_000_000))),
                target,
                shares_with: (role == Role::PairSecond).then_some(0),
                grant: grant(rng, setting, role, target),
                members: Vec::new(),
            };
            list.push(association);
        }
        for association in &mut list {
            if association.legal_status == "registered" {
                association.ruc = Some(format!("20{:09}", rng.below(1_000_000_000)));
            }
        }
        CommunityAssociations {
            list,
            households: setting.households,
            seen: 0,
        }
    }

    /// Which associations the next household's head joins, and the grants that reach them.
    pub fn join(&mut self, rng: &mut Rng, household: &Household, today: NaiveDate) -> Vec<Grant> {
        let remaining = u64::from(self.households.saturating_sub(self.seen)).max(1);
        self.seen += 1;
        let mut joined = vec![false; self.list.len()];
        for k in 0..self.list.len() {
            let association = &self.list[k];
            let need = u64::from(
                association
                    .target
                    .saturating_sub(association.members.len() as u32),
            );
            joined[k] = match association.shares_with {
                // Most of the partner's members, and a few others.
                _ if association.members.len() >= MAX_MEMBERS => false,
                Some(partner) if joined[partner] => rng.chance(8_500),
                Some(_) => rng.chance(500),
                None => rng.below(remaining) < need,
            };
        }
        let head = &household.persons[0];
        let mut grants = Vec::new();
        for (association, _) in self.list.iter_mut().zip(&joined).filter(|(_, j)| **j) {
            association.members.push(Member {
                person_id: head.id,
                dni: head.dni.clone(),
                full_name: format!("{} {}, {}", head.paternal, head.maternal, head.given),
                joined_on: today
                    .checked_sub_days(Days::new(rng.between(100, 2_000) as u64))
                    .unwrap_or(today),
            });
            grants.extend(association.grant);
        }
        grants
    }

    /// Writes the associations that found members, with their member lists.
    pub fn write(self, sink: &mut Sink, community_id: i64) -> CoreResult<()> {
        for association in self.list.into_iter().filter(|a| !a.members.is_empty()) {
            let id = sink.id()?;
            sink.groups.association(&AssociationRow {
                id,
                name: &association.name,
                name_key: &fold_key(&association.name),
                community_id,
                legal_status: association.legal_status,
                ruc: association.ruc.as_deref(),
                contact_name: association.members.first().map(|m| m.full_name.as_str()),
                contact_phone: association.phone.as_deref(),
            })?;
            sink.counts.associations += 1;
            for (position, member) in association.members.iter().enumerate() {
                let member_id = sink.id()?;
                sink.groups.member(&MemberRow {
                    id: member_id,
                    association_id: id,
                    person_id: member.person_id,
                    dni: member.dni.as_deref(),
                    full_name: &member.full_name,
                    role: ROLES.get(position).copied().unwrap_or("socio"),
                    joined_on: &iso(member.joined_on),
                })?;
                sink.counts.association_members += 1;
            }
        }
        Ok(())
    }
}

fn name(rng: &mut Rng, community: &str, product: usize) -> String {
    let members = PRODUCTS
        .get(product)
        .map_or("Productores Agropecuarios", |p| p.1);
    match rng.pick(PATRONS) {
        Some(patron) if rng.chance(7_000) => {
            format!("Asociación de {members} {patron} de {community}")
        }
        _ => format!("Asociación de {members} de {community}"),
    }
}

fn legal_status(rng: &mut Rng) -> &'static str {
    match rng.below(100) {
        0..=39 => "registered",
        40..=64 => "in_process",
        _ => "informal",
    }
}

/// The grant of a new association of `members` members. The first of a sharing pair has an
/// Aliados II plan; the second a Haku Wiñay challenge fund where Haku Wiñay works, else a second
/// Aliados II plan.
fn grant(rng: &mut Rng, setting: &Setting, role: Role, members: u32) -> Option<Grant> {
    let programme = match role {
        Role::PairFirst => Programme::Aliados,
        Role::PairSecond if setting.haku_winay => Programme::HakuWinay,
        Role::PairSecond => Programme::Aliados,
        Role::Alone => match rng.below(100) {
            0..=39 => Programme::Aliados,
            40..=59 if setting.haku_winay => Programme::HakuWinay,
            _ => return None,
        },
    };
    let (activity, soles) = match programme {
        // A business plan: the programme's share, up to S/ 99 000.
        Programme::Aliados => ("plan_negocio", rng.between(40_000, 99_000)),
        // A challenge fund for a small venture, about S/ 7 000.
        _ => ("emprendimiento", rng.between(5_000, 9_000)),
    };
    let start = setting
        .today
        .checked_sub_days(Days::new(rng.between(60, 900) as u64))?;
    let end = start
        .checked_add_days(Days::new(540))
        .filter(|end| *end <= setting.today);
    Some(Grant {
        programme,
        activity,
        start,
        end,
        // Each member's share, as the roster lists it.
        per_member_cents: soles * 100 / i64::from(members.max(1)),
    })
}
