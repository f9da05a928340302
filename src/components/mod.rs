//! One component per file.

pub mod dataset_summary;
pub mod language_switch;
pub mod load_error_view;
pub mod site_header;
