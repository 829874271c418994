//! How a build tells its caller what it is doing while it runs: each step as it ends,
//! and the items of a long step (pages rendered, photos resized) as they are done. The
//! command line draws a progress bar or prints lines from it; the preview server and
//! tests pass [`Silent`].
//!
//! Only the interface lives here: the library calls it and never prints.

use std::fmt;
use std::time::Duration;

/// The steps of a build, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    LoadConfig,
    LoadContent,
    FindPhotos,
    AggregateStatistics,
    Resolve,
    ResizePhotos,
    CheckExternalLinks,
    Render,
    SearchIndex,
    CopyFiles,
    Publish,
}

impl Step {
    /// The step's name in English, as `--verbose` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Self::LoadConfig => "load config and theme",
            Self::LoadContent => "load content",
            Self::FindPhotos => "find photos",
            Self::AggregateStatistics => "aggregate statistics",
            Self::Resolve => "resolve",
            Self::ResizePhotos => "resize photos",
            Self::CheckExternalLinks => "check external links",
            Self::Render => "render and write pages",
            Self::SearchIndex => "write the search index",
            Self::CopyFiles => "copy files",
            Self::Publish => "publish",
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Receives a build's progress. Called from several threads at once while pages render
/// and photos are resized, hence `Sync`.
pub trait Progress: Sync {
    /// `step` ended after `took`.
    fn step_done(&self, step: Step, took: Duration) {
        let _ = (step, took);
    }

    /// A step made of items begins: `total` of them when known in advance.
    fn items(&self, step: Step, total: Option<usize>) {
        let _ = (step, total);
    }

    /// One more item of the current step is done.
    fn item_done(&self) {}
}

/// Progress that nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {}
