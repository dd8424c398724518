//! Tinkuy: one local picture of the programmes that serve a rural Peruvian district.
//!
//! The library holds every rule, query and write (`domain`, `store`, `services`); the
//! terminal interface (`tui`) and the command line (`cli`) are thin faces over it, and the
//! core modules never use them.

pub mod cli; // the command line (the only user of clap)
pub mod config; // the user preferences file
pub mod domain; // plain types and validation rules, no I/O
pub mod i18n; // every user-facing string, Spanish and English
pub mod services; // use cases: permission check, one transaction, audit entry
pub mod store; // the only place with SQL
pub mod tui; // the terminal interface (the only user of ratatui/crossterm)
