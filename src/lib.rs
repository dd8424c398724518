//! Tinkuy: one local picture of the programmes that serve a rural Peruvian district.
//!
//! The library holds every rule, query and write; the terminal interface (`tui`) and the
//! command line (`cli`) are thin faces over it.

pub mod domain;
pub mod i18n;
