//! Integration tests: small fixture sites built with the real `loa` binary.

mod build;
mod example;
mod listings;
mod support;
