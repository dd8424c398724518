//! Finding the same person across rosters despite misspelt names and mistyped DNIs:
//! phonetic keys for Andean names, blocking that bounds the work, frequency-weighted
//! comparison that keeps its evidence, and the scan that writes flags.

pub mod blocking;
pub mod compare;
pub mod find;
pub mod frequency;
pub mod phonetic;
pub mod quality;
pub mod record;
pub mod scan;
