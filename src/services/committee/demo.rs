//! Demo (being written).
