//! The multisector committee end to end, over a temporary database file: agencies and
//! members, meetings and their agenda, carry-forward of pending agreements, overdue marks,
//! quorum, refusals of bad input, concurrent edits of the minutes, the summaries (golden
//! files in both languages and every format) and the command line.

#[path = "common/mod.rs"]
mod common;

#[path = "committee/cli.rs"]
mod cli;
#[path = "committee/demo.rs"]
mod demo;
#[path = "committee/exports.rs"]
mod exports;
#[path = "committee/fixture.rs"]
mod fixture;
#[path = "committee/flows.rs"]
mod flows;
#[path = "committee/refusals.rs"]
mod refusals;
