//! Demo data (being built).
