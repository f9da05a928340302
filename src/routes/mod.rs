//! One page per file.

pub mod home;
