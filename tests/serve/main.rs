//! `loa serve` from the outside: the binary started on a free port against a small site
//! in a temporary folder, spoken to over raw TCP.
// The emit callback's error type is the library's Diagnostic.
#![allow(clippy::result_large_err)]

mod browser;
mod command;
mod crowds;
mod edit;
mod editing;
#[allow(dead_code)] // Shared with the benchmarks, which use all of it.
#[path = "../../benches/generate/mod.rs"]
mod generate;
mod http;
mod identity;
mod live;
mod publishing;
mod support;
