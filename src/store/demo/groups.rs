//! Bulk inserts of producer associations with their members, and of agency interventions.

use crate::store::error::StoreResult;
use rusqlite::{params, Connection, Statement};

#[derive(Debug, Clone)]
pub struct AssociationRow<'a> {
    pub id: i64,
    pub name: &'a str,
    pub name_key: &'a str,
    pub community_id: i64,
    pub legal_status: &'a str,
    pub ruc: Option<&'a str>,
    pub contact_name: Option<&'a str>,
    pub contact_phone: Option<&'a str>,
}

#[derive(Debug, Clone)]
pub struct MemberRow<'a> {
    pub id: i64,
    pub association_id: i64,
    pub person_id: i64,
    pub dni: Option<&'a str>,
    pub full_name: &'a str,
    pub role: &'a str,
    pub joined_on: &'a str,
}

#[derive(Debug, Clone)]
pub struct InterventionRow<'a> {
    pub id: i64,
    pub agency_id: i64,
    pub programme_id: Option<i64>,
    pub activity_code: &'a str,
    pub community_id: i64,
    pub start_date: &'a str,
    pub end_date: Option<&'a str>,
    pub households_planned: i64,
    pub budget_cents: i64,
    pub description: &'a str,
}

/// The prepared inserts of associations and interventions, stamped with one instant.
pub struct GroupWriter<'c> {
    at: String,
    association: Statement<'c>,
    member: Statement<'c>,
    intervention: Statement<'c>,
}

impl<'c> GroupWriter<'c> {
    pub fn new(conn: &'c Connection, at: &str) -> StoreResult<Self> {
        Ok(GroupWriter {
            at: at.to_string(),
            association: conn.prepare(
                "INSERT INTO association(id, name, name_key, kind, community_id, legal_status,
                 ruc, contact_name, contact_phone, created_at, updated_at)
                 VALUES (?1, ?2, ?3, 'producer_association', ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            )?,
            member: conn.prepare(
                "INSERT INTO association_member(id, association_id, person_id, dni, full_name,
                 role, joined_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            intervention: conn.prepare(
                "INSERT INTO intervention(id, agency_id, programme_id, activity_code,
                 community_id, start_date, end_date, households_planned, budget_cents,
                 description, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            )?,
        })
    }

    pub fn association(&mut self, row: &AssociationRow) -> StoreResult<()> {
        self.association.execute(params![
            row.id,
            row.name,
            row.name_key,
            row.community_id,
            row.legal_status,
            row.ruc,
            row.contact_name,
            row.contact_phone,
            self.at
        ])?;
        Ok(())
    }

    pub fn member(&mut self, row: &MemberRow) -> StoreResult<()> {
        self.member.execute(params![
            row.id,
            row.association_id,
            row.person_id,
            row.dni,
            row.full_name,
            row.role,
            row.joined_on,
            self.at
        ])?;
        Ok(())
    }

    pub fn intervention(&mut self, row: &InterventionRow) -> StoreResult<()> {
        self.intervention.execute(params![
            row.id,
            row.agency_id,
            row.programme_id,
            row.activity_code,
            row.community_id,
            row.start_date,
            row.end_date,
            row.households_planned,
            row.budget_cents,
            row.description,
            self.at
        ])?;
        Ok(())
    }
}
