pub mod vi;
pub mod diagnostics;
pub mod front_matter;
pub mod config;
