//! The beneficiary registry: finding persons, a household's whole situation, and editing.

pub mod choices;
pub mod edit;
pub mod household;
pub mod search;
