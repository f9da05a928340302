//! One route per file.

pub mod about;
pub mod article;
pub mod contact;
pub mod event;
pub mod favourites;
pub mod forum;
pub mod home;
pub mod not_found;
pub mod organization;
pub mod project;
