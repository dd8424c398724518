//! A one-line progress indicator on standard error, shown only when it is a terminal, so
//! scripts and pipes stay quiet.

use crate::services::progress::{Progress, ProgressSink};
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

pub struct TerminalProgress {
    label: String,
    enabled: bool,
    last: Option<Instant>,
}

impl TerminalProgress {
    pub fn new(label: impl Into<String>) -> Self {
        TerminalProgress {
            label: label.into(),
            enabled: std::io::stderr().is_terminal(),
            last: None,
        }
    }

    pub fn finish(&mut self) {
        if self.enabled && self.last.is_some() {
            eprintln!();
        }
    }
}

impl ProgressSink for TerminalProgress {
    fn report(&mut self, p: Progress) {
        if !self.enabled {
            return;
        }
        // Redrawing at most ten times a second keeps a slow SSH link free.
        let now = Instant::now();
        if self
            .last
            .is_some_and(|t| now - t < Duration::from_millis(100))
            && p.done < p.total
        {
            return;
        }
        self.last = Some(now);
        let percent = (p.done * 100).checked_div(p.total).unwrap_or(100);
        eprint!("\r{}: {}/{} ({percent}%)", self.label, p.done, p.total);
        let _ = std::io::stderr().flush();
    }
}
