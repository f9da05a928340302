//! `dialognetz stats`: figures of a valid dataset; refuses invalid ones.

mod common;

use common::{code, run, run_with_stdin, sample_path, stderr, stdout};
use serde_json::Value;

#[test]
fn sample_stats_print_counts_per_list_kind_and_state() {
    let output = run(&["stats", &sample_path().to_string_lossy()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    let row = |label: &str, count: usize| {
        text.lines().any(|line| {
            line.trim_start().starts_with(label) && line.trim_end().ends_with(&format!(" {count}"))
        })
    };
    assert!(row("organizations", 23), "{text}");
    assert!(row("contacts", 2), "{text}");
    assert!(row("forums", 1), "{text}");
    assert!(row("synonym groups", 15), "{text}");
    assert!(text.contains("organizations by kind"), "{text}");
    assert!(text.contains("forums by state"), "{text}");
    assert!(row("SN", 1), "the Dresden forum is in Saxony: {text}");
}

#[test]
fn sample_stats_as_json_list_every_kind_and_state() {
    let output = run(&["stats", "--json", &sample_path().to_string_lossy()]);
    assert_eq!(code(&output), 0);
    let stats: Value = serde_json::from_str(&stdout(&output)).expect("--json prints JSON");
    assert_eq!(stats["counts"]["organizations"], Value::from(23));
    let kinds = stats["organizations_by_kind"]
        .as_object()
        .expect("an object");
    assert_eq!(kinds.len(), 10);
    let by_kind: u64 = kinds.values().filter_map(Value::as_u64).sum();
    assert_eq!(by_kind, 23);
    let states = stats["organizations_by_state"]
        .as_object()
        .expect("an object");
    assert_eq!(states.len(), 17, "16 states and none");
    assert_eq!(stats["forums_by_state"]["SN"], Value::from(1));
    assert_eq!(stats["contacts"]["total"], Value::from(2));
    assert_eq!(stats["contacts"]["with_email"], Value::from(2));
}

#[test]
fn invalid_dataset_is_refused_with_its_problems() {
    let output = run_with_stdin(&["stats", "-"], b"{not json");
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("line 1, column 2"));
    assert!(stderr(&output).contains("invalid: 1 problem"));
}
