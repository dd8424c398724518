//! The errors a use case can end in. Each says what is wrong in terms a person can act on;
//! `i18n::errors` renders them in the user's language.

use crate::domain::role::Role;
use crate::store::StoreError;
use thiserror::Error;

use super::auth::Permission;

#[derive(Debug, Error)]
pub enum CoreError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Committee(#[from] super::committee::CommitteeError),
    #[error("role {role:?} may not {permission:?}")]
    Forbidden { role: Role, permission: Permission },
    #[error("wrong user name or password")]
    BadCredentials,
    #[error("user {0} is deactivated")]
    UserInactive(String),
    #[error("user {0} already exists")]
    UserExists(String),
    #[error("no user named {0}")]
    UnknownUser(String),
    #[error("invalid user name {0:?}")]
    InvalidUsername(String),
    #[error("password too short (at least {min} characters)")]
    PasswordTooShort { min: usize },
    #[error("the new password is the current one")]
    PasswordUnchanged,
    #[error("user {0} must change the password an administrator reset before writing")]
    MustChangePassword(String),
    #[error("unknown district {0}")]
    UnknownDistrict(String),
    #[error("invalid office number {0} (1 to 99)")]
    InvalidOfficeNumber(i64),
    #[error("password hashing failed: {0}")]
    Hashing(String),
    #[error("a write was about to be committed without an audit entry")]
    Unaudited,
    #[error(transparent)]
    Read(#[from] crate::services::roster::reader::ReadError),
    #[error("cannot write {path}: {detail}")]
    WriteFile {
        path: std::path::PathBuf,
        detail: String,
    },
    #[error("invalid form: {0:?}")]
    Invalid(crate::domain::forms::FieldErrors),
    #[error("unknown activity type {0}")]
    UnknownActivity(String),
    #[error("{0} is already registered for another person")]
    DniTaken(String),
    #[error("a reason is required")]
    ReasonRequired,
    #[error("a flag cannot go from {from} to {to}")]
    FlagStep { from: String, to: &'static str },
    #[error("this flag is not a probable match")]
    NotAMatch,
    #[error("no terminal to ask for a password and TINKUY_PASSWORD is not set")]
    NoPasswordSource,
    #[error("{path} is damaged: {detail}")]
    Damaged {
        path: std::path::PathBuf,
        detail: String,
        newest_backup: Option<std::path::PathBuf>,
    },
    #[error("the problem was already reported")]
    Reported,
    #[error("nothing was imported")]
    NothingImported,
    #[error("backups to keep must be 1 to 365, not {0}")]
    BackupKeepOutOfRange(usize),
    #[error("invalid value for {field}: {value:?}")]
    InvalidValue { field: &'static str, value: String },
    #[error("the database already holds households; demo data only goes into one without any")]
    DemoNeedsEmptyRegistry,
    #[error("at most {max} demo households can be generated ({asked} asked)")]
    DemoTooLarge { asked: u32, max: u32 },
    #[error(transparent)]
    Clar(#[from] super::clar::ClarError),
}

pub type CoreResult<T> = Result<T, CoreError>;

impl From<rusqlite::Error> for CoreError {
    fn from(err: rusqlite::Error) -> Self {
        CoreError::Store(StoreError::from_sqlite(err))
    }
}
