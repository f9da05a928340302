//! Helpers shared by integration tests. Each test binary that says
//! `mod common;` compiles this module on its own, so helpers one binary does
//! not use are not dead code elsewhere.

pub mod sh_police;
