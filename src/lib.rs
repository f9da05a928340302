//! Dialognetz in the browser: a Leptos (CSR) app over the core crate.
//!
//! The browser glue stays thin: `api` is the one place that fetches,
//! `storage` the one place that opens the store, `i18n` holds the interface
//! texts, `routes/` has one page per file and `components/` one component
//! per file. Search, export and validation are the core crate's.

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod config;
pub mod data;
pub mod error;
pub mod favourites;
pub mod geolocation;
pub mod i18n;
pub mod loader;
pub mod locale;
pub mod postcodes;
pub mod routes;
pub mod search_run;
pub mod service_worker;
pub mod storage;

pub use app::App;
