//! loa: a static-site generator for Vietnamese public-communication sites.
//!
//! The pipeline runs one way, one folder a stage: [`load`] (site.yaml, provinces,
//! content, theme) -> [`site`] (resolved: Markdown, links, listings, statistics) ->
//! [`search`] and [`render`] (Tera) -> [`output`] (a staging folder, published whole),
//! put in order by [`build`]. The preview server ([`serve`]) and `init`/`new`
//! ([`scaffold`]) sit on top; Vietnamese text rules ([`vi`]), the province registry,
//! the message catalogue ([`i18n`]) and diagnostics at the bottom. A module imports only
//! modules below it (`docs/design.md`, checked by `tests/site/layers.rs`).
//!
//! The library never prints; what the user sees is returned as values or passed to a
//! [`progress::Progress`] or a [`serve::Reporter`].
#![warn(clippy::print_stdout, clippy::print_stderr)]
// Diagnostics are large but travel only on the error path, once per problem; boxing
// them everywhere would cost clarity for no measurable gain.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod diagnostics;
mod fingerprint;
pub mod i18n;
pub mod load;
mod markdown;
mod output;
mod packed;
mod parallel;
pub mod progress;
mod provinces;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
mod site;
pub mod vi;

pub use build::{BuildOptions, BuildSummary, Caches, CopiedFile, Error, Prepared, build, prepare};
