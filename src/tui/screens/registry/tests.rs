//! Tests of the Padrón area's `update`.
