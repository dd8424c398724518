//! Cross-programme overlaps: the scan that finds them, the rules, and the workflow that
//! works them through (acknowledge, resolve, dismiss, assign, confirm or reject a match).

pub mod report;
pub mod rules;
pub mod scan;
pub mod workflow;
