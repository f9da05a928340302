//! Dialognetz core: the published dataset's model and its strict validation,
//! free of any web dependency so that it runs (and is tested) natively as
//! well as in the browser.
//!
//! ```
//! let bytes = br#"{"format": "dialognetz-dataset", "format_version": 1,
//!   "meta": {"id": "demo", "title": "Demo", "publisher": "Netz", "version": "1",
//!            "published_at": "2024-02-15T09:00:00+01:00"}}"#;
//! let dataset = dialognetz_core::validate(bytes).expect("valid");
//! assert_eq!(dataset.meta.publisher, "Netz");
//! ```

pub mod compact;
pub mod entry;
pub mod export;
pub mod geo;
pub mod json;
pub mod memory;
pub mod model;
pub mod problem;
pub mod publish;
pub mod rules;
pub mod schema;
pub mod search;
pub mod signature;
mod validate;

pub use model::*;
pub use problem::{Problem, Rule};
pub use validate::validate;
