//! What can go wrong in the committee's use cases, with the value or row it is about.
//! `i18n::committee` says each one to a person: what is wrong and how to fix it.

use crate::domain::committee::schedule::RuleError;
use crate::domain::committee::CodeError;
use crate::domain::dates::{DateError, TimeError};
use chrono::NaiveDate;
use std::path::PathBuf;
use thiserror::Error;

/// Which date of the committee a date error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateField {
    MeetingDate,
    DueDate,
    ClosedOn,
    MemberSince,
    MemberUntil,
    ScheduleFrom,
}

/// Which time of day a time error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeField {
    MeetingStart,
    ItemStart,
}

/// A text the committee needs and did not get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequiredText {
    AgencyName,
    RepresentativeName,
    CommitteeName,
    Place,
    ItemTitle,
    Description,
}

#[derive(Debug, Error)]
pub enum CommitteeError {
    #[error("{field:?}: {source}")]
    InvalidDate { field: DateField, source: DateError },
    #[error("{field:?}: {source}")]
    InvalidTime { field: TimeField, source: TimeError },
    #[error(transparent)]
    Code(#[from] CodeError),
    #[error(transparent)]
    Rule(#[from] RuleError),
    #[error("{0:?} is not a quorum percentage")]
    InvalidQuorum(String),
    #[error("{0:?} is missing")]
    Missing(RequiredText),
    #[error("{0:?} is not a valid agency code")]
    InvalidAgencyCode(String),
    #[error("agency {0} already exists")]
    AgencyExists(String),
    #[error("no agency {0}")]
    UnknownAgency(String),
    #[error("agency {0} is deactivated")]
    AgencyInactive(String),
    #[error("agency {code} is responsible for {count} agreements")]
    AgencyHasAgreements { code: String, count: i64 },
    #[error("agency {code} is referred to by other records")]
    AgencyInUse { code: String },
    #[error("no representative {0}")]
    UnknownRepresentative(String),
    #[error("representative {representative} does not work for {agency}")]
    RepresentativeOfOtherAgency {
        representative: String,
        agency: String,
    },
    #[error("no district {0}")]
    UnknownDistrict(String),
    #[error("no committee has been set up")]
    NoCommittee,
    #[error("district {district} already has a committee")]
    CommitteeExists { district: String },
    #[error("agency {agency} is not a member of the committee on {on}")]
    NotAMember { agency: String, on: NaiveDate },
    #[error("agency {agency} joined on {since}; its membership cannot end on {until}")]
    MembershipEndsBeforeStart {
        agency: String,
        since: String,
        until: NaiveDate,
    },
    #[error("the committee has no monthly rule")]
    NoMonthlyRule,
    #[error("{given} months cannot be planned at once (1 to {max})")]
    ScheduleMonths { given: u32, max: u32 },
    #[error("no meeting {0}")]
    UnknownMeeting(String),
    #[error("there is already a meeting on {date}")]
    DuplicateMeeting { date: NaiveDate },
    #[error("a meeting on {date} cannot have been held yet (today is {today})")]
    HeldInFuture { date: NaiveDate, today: NaiveDate },
    #[error("the meeting of {date} was cancelled")]
    MeetingCancelled { date: NaiveDate },
    #[error("the meeting of {date} is already {status}")]
    MeetingNotPlanned { date: NaiveDate, status: String },
    #[error("no agenda item {0}")]
    UnknownItem(String),
    #[error("agenda item {position} has {count} agreements")]
    ItemHasAgreements { position: i64, count: i64 },
    #[error("agenda item {position} follows up an agreement")]
    FollowUpItemIsAutomatic { position: i64 },
    #[error("no overlap flag {0}")]
    UnknownFlag(String),
    #[error("no CLAR call {0}")]
    UnknownClarCall(String),
    #[error("no proposal {0}")]
    UnknownProposal(String),
    #[error("no agreement {0}")]
    UnknownAgreement(String),
    #[error("an agreement needs a responsible agency")]
    MissingResponsible,
    #[error("an agreement needs a due date")]
    MissingDueDate,
    #[error("due date {due} is before the meeting of {meeting}")]
    DueBeforeMeeting { due: NaiveDate, meeting: NaiveDate },
    #[error("dropping an agreement needs a note")]
    DropNeedsNote,
    #[error("closing day {closed} is before the agreement was made ({made})")]
    ClosedBeforeMade { closed: NaiveDate, made: NaiveDate },
    #[error("cannot write {path}: {detail}")]
    ExportWrite {
        path: PathBuf,
        kind: std::io::ErrorKind,
        detail: String,
    },
}

impl CommitteeError {
    pub(crate) fn date(field: DateField) -> impl FnOnce(DateError) -> CommitteeError {
        move |source| CommitteeError::InvalidDate { field, source }
    }

    pub(crate) fn time(field: TimeField) -> impl FnOnce(TimeError) -> CommitteeError {
        move |source| CommitteeError::InvalidTime { field, source }
    }

    pub(crate) fn export(path: &std::path::Path, err: &std::io::Error) -> CommitteeError {
        CommitteeError::ExportWrite {
            path: path.to_path_buf(),
            kind: err.kind(),
            detail: err.to_string(),
        }
    }
}
