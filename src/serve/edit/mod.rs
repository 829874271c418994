//! The editor: pages under the editor's base address.

pub mod assets;
