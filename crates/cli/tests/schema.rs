//! The checked-in JSON Schema matches the one generated from the model.

mod common;

use common::{code, repo_root, run, stdout};

const REGENERATE: &str = "run `cargo run -p dialognetz-cli -- schema > docs/dataset.schema.json`";

#[test]
fn checked_in_schema_matches_the_generated_one() {
    let path = repo_root().join("docs/dataset.schema.json");
    let checked_in = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}; {REGENERATE}", path.display()));
    let generated = dialognetz_core::schema::dataset_schema();
    assert!(
        checked_in == generated,
        "docs/dataset.schema.json differs from the schema the model generates; {REGENERATE}"
    );
}

#[test]
fn schema_command_prints_the_generated_schema() {
    let output = run(&["schema"]);
    assert_eq!(code(&output), 0);
    assert_eq!(stdout(&output), dialognetz_core::schema::dataset_schema());
    let schema: serde_json::Value =
        serde_json::from_str(&stdout(&output)).expect("the schema is JSON");
    assert_eq!(schema["title"], "Dialognetz dataset");
}
