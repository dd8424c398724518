//! The worker thread: it owns its own connection to the database (a second one on the same
//! file; WAL lets it read while the interface's connection writes, and the other way round)
//! and runs searches, roster files and overlap scans off the interface's thread, so typing
//! never waits and the screen keeps drawing.
//!
//! It keeps at most one search waiting: a newer search replaces an older one that has not
//! started (the person typed on), as gitui's `AsyncSingleJob` does. Checks, imports and scans
//! queue in order and go first. Every reply carries the request's id; the screen drops replies
//! that are no longer the latest. Progress reports are thinned to ten a second, so a slow SSH
//! link is not flooded with redraws; the first report of each step of a scan always goes
//! through, so the screen names every step as it starts.

use super::action::Action;
use super::effect::Message;
use super::jobs::{self, Job};
use super::screens::overlaps::effects::OverlapsResult;
use super::screens::registry::effects::SearchRequest;
use crate::store::Store;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// The shortest time between two progress reports sent to the interface.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

#[derive(Default)]
struct Queue {
    search: Option<SearchRequest>,
    others: VecDeque<Job>,
    closed: bool,
}

#[derive(Default)]
struct Mailbox {
    queue: Mutex<Queue>,
    wake: Condvar,
}

impl Mailbox {
    /// The queue, even if a job panicked while holding it (its state is still consistent:
    /// every change to it is a single assignment).
    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The handle the interface keeps; dropping it lets the thread finish.
pub struct Worker {
    mailbox: Arc<Mailbox>,
}

impl Worker {
    /// Starts the thread on the database at `db`. `reply` is called on the worker's thread
    /// with every result and progress report.
    pub fn start(
        db: PathBuf,
        reply: impl FnMut(Action) + Send + 'static,
    ) -> std::io::Result<Worker> {
        let mailbox = Arc::new(Mailbox::default());
        let inner = Arc::clone(&mailbox);
        std::thread::Builder::new()
            .name("tinkuy-worker".into())
            .spawn(move || work(&db, &inner, reply))?;
        Ok(Worker { mailbox })
    }

    /// Queues a job. A search replaces any search still waiting.
    pub fn submit(&self, job: Job) {
        let mut queue = self.mailbox.lock();
        match job {
            Job::Search(request) => queue.search = Some(request),
            other => queue.others.push_back(other),
        }
        self.mailbox.wake.notify_one();
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.mailbox.lock().closed = true;
        self.mailbox.wake.notify_one();
    }
}

fn work(db: &std::path::Path, mailbox: &Mailbox, mut reply: impl FnMut(Action)) {
    // Opening may fail (the file went away); every job then gets the reason as its answer.
    let mut store = Store::open(db).map_err(|e| Message::of(&e));
    while let Some(job) = next_job(mailbox) {
        let result = match &mut store {
            Ok(store) => {
                let mut last: Option<Instant> = None;
                let mut progress = |report: Action| {
                    if starts_step(&report) || last.is_none_or(|t| t.elapsed() >= PROGRESS_EVERY) {
                        last = Some(Instant::now());
                        reply(report);
                    }
                };
                jobs::run(store, job, &mut progress)
            }
            Err(message) => job.failed(message.clone()),
        };
        reply(result);
    }
}

/// A scan's report that a step starts (nothing of it done yet).
fn starts_step(report: &Action) -> bool {
    matches!(
        report,
        Action::Overlaps(OverlapsResult::ScanProgress { progress, .. }) if progress.done == 0
    )
}

/// Waits for the next job: checks and imports first, then the latest search. `None` once the
/// interface has gone.
fn next_job(mailbox: &Mailbox) -> Option<Job> {
    let mut queue = mailbox.lock();
    loop {
        if queue.closed {
            return None;
        }
        if let Some(job) = queue.others.pop_front() {
            return Some(job);
        }
        if let Some(search) = queue.search.take() {
            return Some(Job::Search(search));
        }
        queue = mailbox
            .wake
            .wait(queue)
            .unwrap_or_else(PoisonError::into_inner);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::role::Role;
    use crate::services::registry::search::Query;
    use crate::services::Actor;
    use crate::tui::screens::registry::effects::RegistryResult;
    use std::sync::mpsc;

    fn search(id: u64) -> Job {
        Job::Search(SearchRequest {
            id,
            actor: Actor {
                user_id: Some(1),
                username: "ana".into(),
                display_name: "Ana".into(),
                role: Role::Admin,
            },
            query: Query::default(),
            after: None,
            limit: 5,
        })
    }

    #[test]
    fn a_waiting_search_is_replaced_by_the_newest() {
        let mailbox = Mailbox::default();
        let worker = Worker {
            mailbox: Arc::new(mailbox),
        };
        worker.submit(search(1));
        worker.submit(search(2));
        worker.submit(search(3));
        assert_eq!(next_job(&worker.mailbox), Some(search(3)));
        // The handle's drop closes the queue: the thread would stop.
        let mailbox = Arc::clone(&worker.mailbox);
        drop(worker);
        assert_eq!(next_job(&mailbox), None);
    }

    #[test]
    fn replies_come_back_from_the_thread_with_their_ids() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("w.db");
        let (tx, rx) = mpsc::channel();
        let worker = Worker::start(db, move |action| {
            let _ = tx.send(action);
        })
        .unwrap();
        worker.submit(search(7));
        let reply = rx.recv_timeout(Duration::from_secs(20)).unwrap();
        // An empty database answers with a page or an error, always with the id asked.
        assert!(
            matches!(
                reply,
                Action::Registry(RegistryResult::SearchDone { id: 7, .. })
            ),
            "{reply:?}"
        );
    }
}
