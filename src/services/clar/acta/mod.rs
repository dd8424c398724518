//! The acta (being built).
