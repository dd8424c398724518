//! The beneficiary registry: finding persons, a household's whole situation, and editing.

pub mod search;
