//! How long work reports how far it got, to whichever face started it.

/// `done` out of `total` units of some work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

/// A receiver of progress reports; `()` ignores them.
pub trait ProgressSink {
    fn report(&mut self, progress: Progress);
}

impl ProgressSink for () {
    fn report(&mut self, _progress: Progress) {}
}

impl<F: FnMut(Progress)> ProgressSink for F {
    fn report(&mut self, progress: Progress) {
        self(progress)
    }
}
