//! The JSON Schema of the format, generated from the model so that it can
//! never drift from what the app reads. Publishers point their editor at the
//! checked-in copy, `docs/dataset.schema.json`.

use crate::model::Dataset;

/// The JSON Schema (draft 2020-12) of a dataset, pretty-printed, with a
/// trailing newline.
pub fn dataset_schema() -> String {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<Dataset>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
