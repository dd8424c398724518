//! What can go wrong in the CLAR's use cases, with the figures a person needs to fix it.
//! `i18n::clar` says each of these in Spanish and English.

use super::rules::RuleViolation;
use crate::domain::clar::{CallStatus, ConflictKind, ProposalStatus};
use crate::domain::dni::DniError;
use crate::domain::money::Money;
use chrono::NaiveDate;
use thiserror::Error;

/// A field a person fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClarField {
    Name,
    Title,
    Product,
    Place,
    Represents,
    MemberName,
    Reasons,
    FieldVisit,
    LineDescription,
}

/// A kind of CLAR record a person names by its code (or name) on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClarRecord {
    Association,
    Call,
    Proposal,
    Member,
    Person,
}

/// A proposal that cannot be ranked yet: who has not finished scoring it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unscored {
    pub proposal_title: String,
    /// Members present and not recused who left criteria blank (empty when nobody could
    /// score it because every member present is recused).
    pub members: Vec<String>,
}

/// Why a file could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteProblem {
    NoFolder,
    NoPermission,
    IsFolder,
    DiskFull,
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ClarError {
    #[error("{field:?} is empty")]
    EmptyField { field: ClarField },
    #[error("invalid DNI: {0}")]
    InvalidDni(DniError),
    #[error("{who} is already a member of this association")]
    DuplicateMember { who: String },
    #[error("invalid call setting {what}: {value}")]
    InvalidRule { what: &'static str, value: String },
    #[error("the rubric has no criteria")]
    EmptyRubric,
    #[error("the call closes ({closes_on}) before it opens ({opens_on})")]
    CallDatesReversed {
        opens_on: NaiveDate,
        closes_on: NaiveDate,
    },
    #[error("the call is {status:?} and can no longer be edited")]
    CallNotEditable { status: CallStatus },
    #[error("a call cannot go from {from:?} to {to:?}")]
    CallStatusMove { from: CallStatus, to: CallStatus },
    #[error("the call is {status:?}, not open")]
    CallNotOpen { status: CallStatus },
    #[error("today ({today}) is outside the call ({opens_on} to {closes_on})")]
    OutsideCallWindow {
        today: NaiveDate,
        opens_on: NaiveDate,
        closes_on: NaiveDate,
    },
    #[error("the call is {status:?}: close it before its CLAR session")]
    CallNotClosed { status: CallStatus },
    #[error("budget line {line} has a negative amount ({amount})")]
    NegativeAmount { line: usize, amount: Money },
    #[error("the amounts are too large")]
    AmountTooLarge,
    #[error("the proposal breaks the call's rules: {0:?}")]
    RulesBroken(Vec<RuleViolation>),
    #[error("proposal {title} is {status:?}; it cannot become {wanted:?}")]
    WrongStatus {
        title: String,
        status: ProposalStatus,
        wanted: ProposalStatus,
    },
    #[error("proposal {title} is {status:?}; only drafts can be edited")]
    ProposalNotEditable {
        title: String,
        status: ProposalStatus,
    },
    #[error("a proposal found not viable needs its reasons")]
    ReasonsRequired,
    #[error("user {username} does not have the CLAR member role")]
    UserNotClarRole { username: String },
    #[error("no {record:?} {text:?}")]
    UnknownRecord { record: ClarRecord, text: String },
    #[error("no community {name:?} in district {district}")]
    UnknownCommunity { name: String, district: String },
    #[error("no CLAR session {text:?}")]
    UnknownSession { text: String },
    #[error("the session is closed")]
    SessionClosed,
    #[error("the session is still open")]
    SessionOpen,
    #[error("your account is not linked to a CLAR member")]
    NotAClarMember,
    #[error("{member} does not sit on this session")]
    NotOnSession { member: String },
    #[error("{member} is not marked present")]
    MemberAbsent { member: String },
    #[error("no member is present")]
    NoMembersPresent,
    #[error("{member} has a conflict ({kind:?}) with {proposal} and may not score it")]
    Recused {
        member: String,
        proposal: String,
        kind: ConflictKind,
    },
    #[error("{points} points for {criterion} is outside 0..={max}")]
    ScoreOutOfScale {
        criterion: String,
        points: i64,
        max: i64,
    },
    #[error("criterion {criterion_id} is not in this call's rubric")]
    CriterionNotInCall { criterion_id: i64 },
    #[error("{proposal} is {status:?} and not up for scoring in this session")]
    NotScorable {
        proposal: String,
        status: ProposalStatus,
    },
    #[error("proposals not fully scored: {0:?}")]
    UnscoredProposals(Vec<Unscored>),
    #[error("this session's results have already been adopted")]
    AlreadyAwarded,
    #[error("the session's results have not been adopted yet")]
    NotAwarded,
    #[error("funding {funded} would exceed the envelope {envelope}")]
    EnvelopeExceeded { funded: Money, envelope: Money },
    #[error("{proposal} was not funded")]
    NotFunded { proposal: String },
    #[error("tranche {tranche} needs the CLAR's progress review before it is paid")]
    TrancheNeedsReview { tranche: i64 },
    #[error("tranche {tranche} was already paid")]
    TrancheAlreadyPaid { tranche: i64 },
    #[error("paying {paid} exceeds the {planned} planned")]
    TrancheOverpaid { planned: Money, paid: Money },
    #[error("tranche {tranche} does not need a progress review or already has one")]
    TrancheReviewNotNeeded { tranche: i64 },
    #[error("the progress review must be a later session of the same call")]
    ReviewSessionInvalid,
    #[error("cannot write {path}: {problem:?}")]
    WriteFile { path: String, problem: WriteProblem },
}
