//! CLI (later).
