//! Tera: the template engine set up with loa's filters, the typed views that templates
//! see, and the rendering of every page of a resolved site.
//!
//! Knows nothing of the file system: templates arrive as text, pages leave through the
//! `emit` callback that the output layer provides. Each article is serialised into a
//! Tera value once and shared (Tera values are reference-counted) by its own page, its
//! section pages, its term pages, the home page and the feeds.

mod base_path;
mod engine;
mod pages;
mod plan;
mod stats_pages;
mod views;

pub use engine::Renderer;
pub use plan::{Emit, PagePlan, Reuse, Written, output_path};

#[cfg(test)]
mod tests;
