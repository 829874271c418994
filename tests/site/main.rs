//! Integration tests: small fixture sites built with the real `loa` binary.

mod build;
mod dates;
mod errors;
mod example;
mod external;
mod guide;
mod hardening;
mod incremental;
mod layers;
mod listings;
mod names;
mod photos;
mod progress;
mod robustness;
mod scaffold;
mod search;
mod support;
mod tags;
mod urls;
mod version;
mod vietnamese;
