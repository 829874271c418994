//! Integration tests: small fixture sites built with the real `loa` binary.

mod build;
mod errors;
mod example;
mod listings;
mod robustness;
mod search;
mod support;
