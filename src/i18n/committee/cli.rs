//! CLI texts (being written).
use super::super::Localize;
use std::borrow::Cow;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitteeCli {
    X,
}
impl Localize for CommitteeCli {
    fn es(&self) -> Cow<'static, str> {
        Cow::Borrowed("x")
    }
    fn en(&self) -> Cow<'static, str> {
        Cow::Borrowed("x")
    }
}
