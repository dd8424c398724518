//! Meeting summaries (being written).
