//! What the command line shows while the library works: the terminal's progress for a
//! build, and the preview server's messages. Only the binary uses these; the library
//! never prints.

pub mod serve;
pub mod terminal;
