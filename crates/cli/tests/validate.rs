//! `dialognetz validate`: exit codes, problem lines and the JSON report, on
//! the sample dataset and broken copies of it.

mod common;

use common::{code, run, run_with_stdin, sample_path, stderr, stdout};
use serde_json::Value;

fn sample() -> Value {
    let text = std::fs::read_to_string(sample_path()).expect("the sample dataset is readable");
    serde_json::from_str(&text).expect("the sample dataset is JSON")
}

/// A copy of the sample with a `javascript:` website (organisation 3), a
/// duplicated id (article 0 takes organisation 0's id) and a contact (1)
/// naming no organisation.
fn broken_sample() -> Value {
    let mut dataset = sample();
    dataset["organizations"][3]["website"] = Value::from("javascript:alert(1)");
    let taken = dataset["organizations"][0]["id"].clone();
    dataset["articles"][0]["id"] = taken;
    dataset["contacts"][1]["organization"] = Value::from("gibt-es-nicht");
    dataset
}

fn write_temp(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("the temp dir is writable");
    path.to_string_lossy().into_owned()
}

#[test]
fn sample_dataset_is_valid_and_summarised_in_one_line() {
    let output = run(&["validate", &sample_path().to_string_lossy()]);
    assert_eq!(
        code(&output),
        0,
        "stdout: {}\nstderr: {}",
        stdout(&output),
        stderr(&output)
    );
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.starts_with("valid: Sicher Zusammenleben – Kontakte und Dialogforen — 23 organizations, 2 contacts, 1 forum,"),
        "{text}"
    );
    assert!(
        text.contains("(version 2024.1, published 2024-02-15T09:00:00+01:00) in "),
        "{text}"
    );
    assert!(text.trim_end().ends_with(" ms"), "{text}");
}

#[test]
fn broken_copy_exits_1_and_names_every_place() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let bytes = serde_json::to_vec_pretty(&broken_sample()).expect("serializes");
    let path = write_temp(&dir, "broken.json", &bytes);
    let output = run(&["validate", &path]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(
        text.contains("organizations[3].website: \"javascript:alert(1)\" "),
        "{text}"
    );
    assert!(text.contains("[url]"), "{text}");
    assert!(
        text.contains("articles[0].id: \"bamf\" the id is already used at organizations[0].id"),
        "{text}"
    );
    assert!(text.contains("[id_duplicate]"), "{text}");
    assert!(text.contains("contacts[1].organization: \"gibt-es-nicht\" names no entry of organizations [reference_unresolved]"), "{text}");
    assert_eq!(text.lines().count(), 3, "{text}");
    assert_eq!(stderr(&output), "invalid: 3 problems\n");
}

#[test]
fn broken_copy_as_json_lists_problems_with_path_and_rule() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let bytes = serde_json::to_vec(&broken_sample()).expect("serializes");
    let path = write_temp(&dir, "broken.json", &bytes);
    let output = run(&["validate", "--json", &path]);
    assert_eq!(code(&output), 1);
    let report: Value = serde_json::from_str(&stdout(&output)).expect("--json prints JSON");
    assert_eq!(report["valid"], Value::Bool(false));
    assert_eq!(report["counts"], Value::Null);
    assert!(report["elapsed_ms"].is_u64());
    let problems = report["problems"].as_array().expect("a list of problems");
    let pairs: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| {
            (
                p["path"].as_str().expect("a path"),
                p["rule"].as_str().expect("a rule"),
            )
        })
        .collect();
    assert!(
        pairs.contains(&("organizations[3].website", "url")),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("articles[0].id", "id_duplicate")),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("contacts[1].organization", "reference_unresolved")),
        "{pairs:?}"
    );
}

#[test]
fn valid_dataset_as_json_has_counts() {
    let output = run(&["validate", "--json", &sample_path().to_string_lossy()]);
    assert_eq!(code(&output), 0);
    let report: Value = serde_json::from_str(&stdout(&output)).expect("--json prints JSON");
    assert_eq!(report["valid"], Value::Bool(true));
    assert_eq!(report["problems"], Value::Array(Vec::new()));
    assert_eq!(report["counts"]["organizations"], Value::from(23));
}

#[test]
fn not_json_names_line_and_column() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = write_temp(&dir, "not.json", b"{not json");
    let output = run(&["validate", &path]);
    assert_eq!(code(&output), 1);
    // serde_json: "key must be a string at line 1 column 2".
    assert_eq!(
        stdout(&output),
        "line 1, column 2: not valid JSON: key must be a string (comments and single quotes are not JSON) [syntax]\n"
    );
}

#[test]
fn dash_reads_standard_input() {
    let output = run_with_stdin(&["validate", "-"], b"{not json");
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("line 1, column 2"));
    let sample = std::fs::read(sample_path()).expect("readable");
    let output = run_with_stdin(&["validate", "-"], &sample);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
}

#[test]
fn missing_file_exits_2() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let missing = dir.path().join("missing.json");
    let output = run(&["validate", &missing.to_string_lossy()]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("cannot read"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn directory_exits_2() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let output = run(&["validate", &dir.path().to_string_lossy()]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("is a directory"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn file_over_64_mib_is_refused_as_a_problem_without_reading_it() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("huge.json");
    // A sparse file: 65 MiB of nothing on disk, refused by its size alone.
    let file = std::fs::File::create(&path).expect("creatable");
    file.set_len(65 * 1024 * 1024).expect("sparse file");
    drop(file);
    let output = run(&["validate", &path.to_string_lossy()]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(text.contains("68157440 bytes"), "{text}");
    assert!(text.trim_end().ends_with("[document_too_large]"), "{text}");
}

#[test]
fn stdin_over_64_mib_is_refused() {
    let huge = vec![b' '; 64 * 1024 * 1024 + 10];
    let output = run_with_stdin(&["validate", "--json", "-"], &huge);
    assert_eq!(code(&output), 1);
    let report: Value = serde_json::from_str(&stdout(&output)).expect("--json prints JSON");
    assert_eq!(
        report["problems"][0]["rule"],
        Value::from("document_too_large")
    );
}

#[test]
fn every_command_has_help() {
    for command in ["validate", "stats", "schema", "generate"] {
        let output = run(&[command, "--help"]);
        assert_eq!(code(&output), 0, "{command}");
        assert!(
            stdout(&output).contains("Usage: dialognetz"),
            "{command}: {}",
            stdout(&output)
        );
    }
    let output = run(&["--help"]);
    assert!(stdout(&output).contains("Exit codes"));
}
