//! Integration tests: small fixture sites built with the real `loa` binary.

mod base_path;
mod build;
mod dates;
mod errors;
mod example;
mod external;
mod figures;
mod guide;
mod hardening;
mod incremental;
mod layers;
mod listings;
mod look;
mod names;
mod photos;
mod progress;
mod readers;
mod robustness;
mod scaffold;
mod schedule;
mod search;
mod shortcodes;
mod support;
mod tags;
mod urls;
mod vietnamese;
