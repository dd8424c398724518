//! The demo's people: associations with their member lists (the database's own associations,
//! or new ones made of registry persons, or of names with DNIs when the registry is empty) and
//! the CLAR's members, one of them a member of an association so a conflict is detected.

use super::{dated, Rng};
use crate::domain::clar::{AssociationKind, LegalStatus};
use crate::domain::role::Role;
use crate::services::clar::associations::{add_member_in, create_association_in};
use crate::services::clar::associations::{AssociationDraft, NewMember};
use crate::services::clar::members::{add_clar_member_in, ClarMemberDraft};
use crate::services::{CoreResult, WriteCtx};
use crate::store::clar::associations::{self as store, MemberRow};
use crate::store::clar::sessions as session_store;
use crate::store::users;
use rusqlite::Transaction;

/// Who the demo works with.
pub(super) struct Cast {
    /// (association id, its active members)
    pub associations: Vec<(i64, Vec<MemberRow>)>,
    /// CLAR member ids; the first is linked to `clar1` when that user exists.
    pub clar_members: Vec<i64>,
}

pub(super) const PRODUCTS: [(&str, &str); 12] = [
    ("Crianza de cuyes mejorados", "Cuyes"),
    ("Engorde de truchas en jaulas", "Trucha"),
    ("Quinua orgánica para el mercado", "Quinua"),
    ("Tejidos de fibra de alpaca", "Textiles"),
    ("Calzado artesanal de cuero", "Calzado"),
    ("Miel de abeja de altura", "Miel"),
    ("Papa nativa seleccionada", "Papa nativa"),
    ("Quesos andinos", "Lácteos"),
    ("Hortalizas en fitotoldos", "Hortalizas"),
    ("Tara para exportación", "Tara"),
    ("Cerámica utilitaria", "Cerámica"),
    ("Maíz morado", "Maíz"),
];

const COMMUNITIES: [&str; 6] = [
    "Huantana",
    "Chullisana",
    "Champacocha",
    "Poltocha",
    "Ccoyahuacho",
    "Tancayllo",
];
const GIVEN: [&str; 16] = [
    "Juana",
    "Teodoro",
    "Rosa",
    "Eusebio",
    "Marcelina",
    "Félix",
    "Nilda",
    "Hilario",
    "Agripina",
    "Saturnino",
    "Florencia",
    "Timoteo",
    "Gregoria",
    "Valentín",
    "Dionisia",
    "Celestino",
];
const SURNAMES: [&str; 10] = [
    "Quispe", "Huamán", "Ccori", "Pillaca", "Condori", "Ñahui", "Mendoza", "Palomino", "Cusi",
    "Taipe",
];

/// How many associations the demo wants.
const ASSOCIATIONS: usize = 12;

pub(super) fn cast(tx: &Transaction, ctx: &WriteCtx, rng: &mut Rng) -> CoreResult<Cast> {
    let mut associations = Vec::new();
    for a in store::list(tx)? {
        associations.push((a.id, store::active_members(tx, a.id)?));
    }
    if associations.len() < ASSOCIATIONS {
        associations.extend(new_associations(
            tx,
            ctx,
            rng,
            ASSOCIATIONS - associations.len(),
        )?);
    }
    associations.truncate(ASSOCIATIONS);
    let clar_members = clar_members(tx, ctx, &associations)?;
    Ok(Cast {
        associations,
        clar_members,
    })
}

fn new_associations(
    tx: &Transaction,
    ctx: &WriteCtx,
    rng: &mut Rng,
    count: usize,
) -> CoreResult<Vec<(i64, Vec<MemberRow>)>> {
    let ctx = dated(ctx, 600);
    let communities = store::communities(tx)?;
    let persons = store::some_persons(tx, 4_000)?;
    let mut used = 0_usize;
    let mut out = Vec::new();
    for index in 0..count {
        let (_, product) = PRODUCTS[index % PRODUCTS.len()];
        let place = match communities.get(index % communities.len().max(1)) {
            Some((_, name)) => name.clone(),
            None => COMMUNITIES[index % COMMUNITIES.len()].to_string(),
        };
        let draft = AssociationDraft {
            name: format!("Asociación de Productores de {product} {place}"),
            kind: *rng.pick(&[
                AssociationKind::ProducerAssociation,
                AssociationKind::ProducerAssociation,
                AssociationKind::InterestGroup,
            ]),
            community_id: communities
                .get(index % communities.len().max(1))
                .map(|c| c.0),
            legal_status: *rng.pick(&[
                LegalStatus::Registered,
                LegalStatus::InProcess,
                LegalStatus::Informal,
            ]),
            ruc: None,
            contact_name: Some(person_name(rng)),
            contact_phone: Some(format!("9{:08}", rng.range(10_000_000, 99_999_999))),
        };
        let id = create_association_in(tx, &ctx, &draft)?;
        let size = usize::try_from(rng.range(11, 24)).unwrap_or(12);
        for m in 0..size {
            let member = match persons.get(used) {
                Some((person_id, _, _)) => NewMember::Person {
                    person_id: *person_id,
                    role: (m == 0).then(|| "presidente".to_string()),
                },
                None => NewMember::Listed {
                    full_name: person_name(rng),
                    dni: Some(format!("{:08}", 41_000_000 + index * 1_000 + m)),
                    role: (m == 0).then(|| "presidente".to_string()),
                },
            };
            used += 1;
            add_member_in(tx, &ctx, id, &member)?;
        }
        out.push((id, store::active_members(tx, id)?));
    }
    Ok(out)
}

fn person_name(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        rng.pick(&GIVEN),
        rng.pick(&SURNAMES),
        rng.pick(&SURNAMES)
    )
}

/// (name, whom they represent)
const CLAR: [(&str, &str); 5] = [
    ("Juana Quispe Ccori", "Municipalidad Distrital"),
    ("Teodoro Huamán Pillaca", "Comunidad Campesina de Huantana"),
    (
        "Marcelina Cusi Taipe",
        "Asociación de Mujeres Emprendedoras",
    ),
    ("Hilario Mendoza Palomino", "Gobernación del distrito"),
    ("Gregoria Ñahui Condori", "Comité de Vaso de Leche"),
];

fn clar_members(
    tx: &Transaction,
    ctx: &WriteCtx,
    associations: &[(i64, Vec<MemberRow>)],
) -> CoreResult<Vec<i64>> {
    let ctx = dated(ctx, 560);
    let clar1 = users::by_username(tx, "clar1")?
        .filter(|u| u.role == Role::MiembroClar.code())
        .filter(|u| matches!(session_store::member_for_user(tx, u.id), Ok(None)));
    // The fourth member also belongs to the seventh association, whose plan reaches the
    // session: the program detects the conflict.
    let insider = associations.get(6).and_then(|(_, members)| members.get(3));
    let mut ids = Vec::new();
    for (index, (name, represents)) in CLAR.iter().enumerate() {
        let mut draft = ClarMemberDraft {
            full_name: name.to_string(),
            represents: represents.to_string(),
            ..ClarMemberDraft::default()
        };
        if index == 0 {
            draft.user_id = clar1.as_ref().map(|u| u.id);
        }
        if let (3, Some(m)) = (index, insider) {
            draft.full_name = m.full_name.clone();
            draft.person_id = m.person_id;
            draft.dni = m.dni.clone();
        }
        ids.push(add_clar_member_in(tx, &ctx, &draft)?);
    }
    Ok(ids)
}
