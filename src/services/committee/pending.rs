//! The coordinator's view across meetings: agreements by state and agency, and the pending
//! ones grouped by the agency that owns them, overdue ones marked, as of today.

use super::agreements::AgreementView;
use super::require_read;
use crate::domain::committee::AgreementStatus;
use crate::services::{Actor, CoreResult};
use crate::store::committee::agreements;
use crate::store::Store;
use chrono::NaiveDate;

/// Which agreements a list shows. Overdue ones are pending ones past their due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Pending,
    Overdue,
    Done,
    Dropped,
    All,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 5] = [
        StatusFilter::Pending,
        StatusFilter::Overdue,
        StatusFilter::Done,
        StatusFilter::Dropped,
        StatusFilter::All,
    ];

    pub fn code(self) -> &'static str {
        match self {
            StatusFilter::Pending => "pending",
            StatusFilter::Overdue => "overdue",
            StatusFilter::Done => "done",
            StatusFilter::Dropped => "dropped",
            StatusFilter::All => "all",
        }
    }

    pub fn parse(text: &str) -> Option<StatusFilter> {
        let text = text.trim().to_ascii_lowercase();
        StatusFilter::ALL.into_iter().find(|f| f.code() == text)
    }

    pub fn admits(self, view: &AgreementView) -> bool {
        match self {
            StatusFilter::Pending => view.status == AgreementStatus::Pending,
            StatusFilter::Overdue => view.is_overdue(),
            StatusFilter::Done => view.status == AgreementStatus::Done,
            StatusFilter::Dropped => view.status == AgreementStatus::Dropped,
            StatusFilter::All => true,
        }
    }
}

/// Which agreements to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgreementFilter {
    pub status: StatusFilter,
    /// Only those owned by this agency.
    pub agency: Option<i64>,
}

/// Agreements as of a day, by agency name, then due date, then id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementList {
    pub as_of: NaiveDate,
    pub agreements: Vec<AgreementView>,
}

pub fn list_agreements(
    store: &Store,
    actor: &Actor,
    committee_id: i64,
    filter: &AgreementFilter,
) -> CoreResult<AgreementList> {
    require_read(actor)?;
    let as_of = store.clock().today();
    let mut list = Vec::new();
    for row in agreements::for_committee(store.conn(), committee_id)? {
        let view = AgreementView::new(row, as_of)?;
        let agency_ok = filter
            .agency
            .is_none_or(|a| a == view.row.responsible_agency_id);
        if agency_ok && filter.status.admits(&view) {
            list.push(view);
        }
    }
    list.sort_by(|a, b| {
        (
            &a.row.agency_name,
            a.row.agency_code.as_str(),
            a.due_on,
            a.row.id,
        )
            .cmp(&(
                &b.row.agency_name,
                b.row.agency_code.as_str(),
                b.due_on,
                b.row.id,
            ))
    });
    Ok(AgreementList {
        as_of,
        agreements: list,
    })
}

/// One agency's pending agreements, soonest due first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyPending {
    pub agency_id: i64,
    pub code: String,
    pub name: String,
    pub agreements: Vec<AgreementView>,
    pub overdue: usize,
}

/// Every pending agreement of the committee, grouped by the agency that owns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingView {
    pub as_of: NaiveDate,
    pub agencies: Vec<AgencyPending>,
    pub pending: usize,
    pub overdue: usize,
}

pub fn pending_by_agency(
    store: &Store,
    actor: &Actor,
    committee_id: i64,
) -> CoreResult<PendingView> {
    let filter = AgreementFilter {
        status: StatusFilter::Pending,
        agency: None,
    };
    let list = list_agreements(store, actor, committee_id, &filter)?;
    Ok(group_by_agency(list))
}

/// Groups a list (already sorted by agency) into one block per agency.
pub fn group_by_agency(list: AgreementList) -> PendingView {
    let mut agencies: Vec<AgencyPending> = Vec::new();
    for view in list.agreements {
        let overdue = usize::from(view.is_overdue());
        match agencies.last_mut() {
            Some(group) if group.agency_id == view.row.responsible_agency_id => {
                group.overdue += overdue;
                group.agreements.push(view);
            }
            _ => agencies.push(AgencyPending {
                agency_id: view.row.responsible_agency_id,
                code: view.row.agency_code.clone(),
                name: view.row.agency_name.clone(),
                overdue,
                agreements: vec![view],
            }),
        }
    }
    let pending = agencies.iter().map(|a| a.agreements.len()).sum();
    let overdue = agencies.iter().map(|a| a.overdue).sum();
    PendingView {
        as_of: list.as_of,
        agencies,
        pending,
        overdue,
    }
}
