//! Integration tests: small fixture sites built with the real `loa` binary.

mod build;
mod listings;
mod support;
