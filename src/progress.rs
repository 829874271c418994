//! How a build tells its caller what it is doing while it runs: each step as it ends,
//! and the items of a long step (pages rendered, photos resized) as they are done. The
//! command line draws a progress bar or prints lines from it; the preview server and
//! tests pass [`Silent`].
//!
//! Only the interface lives here: the library calls it and never prints.

use std::time::Duration;

/// Receives a build's progress. Called from several threads at once while pages render
/// and photos are resized, hence `Sync`.
pub trait Progress: Sync {
    /// The step named `step` ended after `took`.
    fn step_done(&self, step: &'static str, took: Duration) {
        let _ = (step, took);
    }

    /// A step made of items begins: `total` of them when known in advance.
    fn items(&self, step: &'static str, total: Option<usize>) {
        let _ = (step, total);
    }

    /// One more item of the current step is done.
    fn item_done(&self) {}
}

/// Progress that nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {}
