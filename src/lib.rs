//! Dialognetz in the browser: a Leptos (CSR) app over the core crate.
//!
//! The browser glue stays thin: `api` is the one place that fetches, `i18n`
//! holds the interface texts, `routes/` has one page per file and
//! `components/` one component per file.

pub mod api;
pub mod app;
pub mod components;
pub mod error;
pub mod i18n;
pub mod locale;
pub mod routes;

pub use app::App;
