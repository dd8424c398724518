//! `tinkuy clar association add|member|list|members`: the associations that submit
//! proposals and their member lists (what the field visit and conflict detection check).

use super::args::{
    AssociationAddArgs, AssociationCommand, AssociationKindArg, AssociationMemberArgs,
    AssociationRef, LegalStatusArg,
};
use super::{association_id, col, named, open, print_table, say};
use crate::cli::Ctx;
use crate::domain::clar::{AssociationKind, LegalStatus};
use crate::i18n::{ClarCli as T, ClarCliMessage as M, Localize};
use crate::services::clar::associations::{self as service, AssociationDraft, NewMember};
use crate::services::CoreResult;
use crate::store::ids;

pub fn run(ctx: &Ctx, command: AssociationCommand) -> CoreResult<()> {
    match command {
        AssociationCommand::Add(a) => add(ctx, a),
        AssociationCommand::Member(a) => member(ctx, a),
        AssociationCommand::List => list(ctx),
        AssociationCommand::Members(a) => members(ctx, a),
    }
}

fn kind(arg: AssociationKindArg) -> AssociationKind {
    match arg {
        AssociationKindArg::ProducerAssociation => AssociationKind::ProducerAssociation,
        AssociationKindArg::InterestGroup => AssociationKind::InterestGroup,
        AssociationKindArg::Community => AssociationKind::Community,
    }
}

fn legal(arg: LegalStatusArg) -> LegalStatus {
    match arg {
        LegalStatusArg::Informal => LegalStatus::Informal,
        LegalStatusArg::InProcess => LegalStatus::InProcess,
        LegalStatusArg::Registered => LegalStatus::Registered,
    }
}

fn add(ctx: &Ctx, a: AssociationAddArgs) -> CoreResult<()> {
    let (mut store, actor) = open(ctx)?;
    let community_id = match a.community.as_deref() {
        Some(name) => Some(service::find_community(
            &store,
            &actor,
            a.district.as_deref(),
            name,
        )?),
        None => None,
    };
    let draft = AssociationDraft {
        name: a.name,
        kind: kind(a.kind),
        community_id,
        legal_status: legal(a.legal_status),
        ruc: a.ruc,
        contact_name: a.contact,
        contact_phone: a.phone,
    };
    let id = service::create_association(&mut store, &actor, &draft)?;
    let row = service::association(&store, &actor, id)?;
    say(
        ctx,
        M::AssociationAdded {
            id: ids::display(id),
            name: row.name,
        },
    );
    Ok(())
}

fn member(ctx: &Ctx, a: AssociationMemberArgs) -> CoreResult<()> {
    let (mut store, actor) = open(ctx)?;
    let association = association_id(ctx, &store, &actor, &a.association)?;
    let new = match (a.person.as_deref(), a.name) {
        (Some(person), _) => NewMember::Person {
            person_id: service::find_person(&store, &actor, person)?,
            role: a.role,
        },
        (None, name) => NewMember::Listed {
            full_name: name.unwrap_or_default(),
            dni: a.dni,
            role: a.role,
        },
    };
    let member_id = named(service::add_member(&mut store, &actor, association, &new))?;
    let list = service::members(&store, &actor, association)?;
    let name = list
        .iter()
        .find(|m| m.id == member_id)
        .map(|m| m.full_name.clone())
        .unwrap_or_default();
    say(
        ctx,
        M::MemberAdded {
            name,
            association: service::association(&store, &actor, association)?.name,
            count: list.len(),
        },
    );
    Ok(())
}

fn list(ctx: &Ctx) -> CoreResult<()> {
    let (store, actor) = open(ctx)?;
    let rows = service::list_associations(&store, &actor)?;
    let lang = ctx.lang;
    if rows.is_empty() {
        say(ctx, T::NoAssociations);
        return Ok(());
    }
    let headings = [T::ColCode, T::ColMembers, T::ColCommunity]
        .iter()
        .map(|k| col(*k, lang))
        .chain([col(crate::i18n::Clar::ColKind, lang), col(T::ColName, lang)])
        .collect::<Vec<_>>();
    let table: Vec<Vec<String>> = rows
        .into_iter()
        .map(|r| {
            vec![
                ids::display(r.id),
                r.member_count.to_string(),
                r.community_name.unwrap_or_else(|| "—".into()),
                r.kind.text(lang).into_owned(),
                r.name,
            ]
        })
        .collect();
    print_table(&headings, &table);
    Ok(())
}

fn members(ctx: &Ctx, a: AssociationRef) -> CoreResult<()> {
    let (store, actor) = open(ctx)?;
    let association = association_id(ctx, &store, &actor, &a.association)?;
    let rows = service::members(&store, &actor, association)?;
    let lang = ctx.lang;
    if rows.is_empty() {
        say(ctx, T::NoMembers);
        return Ok(());
    }
    let headings: Vec<String> = [T::ColCode, T::ColDni, T::ColRole, T::ColName]
        .iter()
        .map(|k| col(*k, lang))
        .collect();
    let table: Vec<Vec<String>> = rows
        .into_iter()
        .map(|m| {
            vec![
                ids::display(m.id),
                m.dni.unwrap_or_else(|| "—".into()),
                m.role.unwrap_or_else(|| "—".into()),
                m.full_name,
            ]
        })
        .collect();
    print_table(&headings, &table);
    Ok(())
}
