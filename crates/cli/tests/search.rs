//! `dialognetz search`: ranked hits as text and as documented JSON, filters,
//! near a place, and clear refusals.

mod common;

use common::{code, run, run_with_stdin, sample_path, stderr, stdout};
use serde_json::Value;

fn sample() -> String {
    sample_path().to_string_lossy().into_owned()
}

fn json_hits(args: &[&str]) -> Vec<Value> {
    let output = run(args);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let value: Value = serde_json::from_str(&stdout(&output)).expect("--json prints JSON");
    value.as_array().expect("a list of hits").clone()
}

#[test]
fn text_output_lists_ranked_hits_and_the_count() {
    let output = run(&["search", &sample(), "kora"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.contains("Radikalisierungsprävention") && first.contains("[kora]"),
        "{text}"
    );
    assert!(stderr(&output).contains("matches"), "{}", stderr(&output));
}

#[test]
fn json_hits_have_the_documented_fields() {
    let hits = json_hits(&[
        "search",
        &sample(),
        "sicherheitsdialog dresden",
        "--json",
        "--limit",
        "3",
    ]);
    assert!(!hits.is_empty() && hits.len() <= 3);
    let first = &hits[0];
    assert_eq!(first["id"], "sicherheitsdialog-dresden");
    assert_eq!(first["type"], "forum");
    assert_eq!(first["title"], "Sicherheitsdialog Dresden");
    assert!(first["score"]
        .as_f64()
        .is_some_and(|s| (0.0..=1.0).contains(&s)));
    for rule in [
        "words",
        "typos",
        "fields",
        "proximity",
        "whole_name",
        "exactness",
    ] {
        assert!(first["rank"].get(rule).is_some(), "rank.{rule} in {first}");
    }
    // Scores never rise down the list.
    let scores: Vec<f64> = hits.iter().filter_map(|h| h["score"].as_f64()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn filters_narrow_the_hits() {
    let hits = json_hits(&[
        "search",
        &sample(),
        "",
        "--json",
        "--limit",
        "100",
        "--filter",
        "type=forum",
    ]);
    assert_eq!(hits.len(), 1);
    let hits = json_hits(&[
        "search",
        &sample(),
        "dresden",
        "--json",
        "--filter",
        "kind=police",
    ]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["id"], "pd-dresden");
}

#[test]
fn near_a_postcode_sorts_by_distance() {
    let hits = json_hits(&[
        "search",
        &sample(),
        "",
        "--json",
        "--near",
        "01099",
        "--radius",
        "30",
    ]);
    assert!(!hits.is_empty(), "Dresden has entries with places");
    assert!(
        hits.iter()
            .all(|h| h["distance_km"].as_f64().is_some_and(|d| d <= 30.0)),
        "{hits:?}"
    );
}

#[test]
fn bad_filters_and_places_are_refused_with_a_reason() {
    let output = run(&["search", &sample(), "x", "--filter", "state=XX"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("state"), "{}", stderr(&output));
    let output = run(&["search", &sample(), "x", "--filter", "colour=red"]);
    assert_eq!(code(&output), 2);
    let output = run(&["search", &sample(), "x", "--near", "Atlantis"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("Atlantis"), "{}", stderr(&output));
}

#[test]
fn an_invalid_dataset_is_refused_with_its_problems() {
    let output = run_with_stdin(&["search", "-", "kora"], b"{not json");
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("line 1"), "{}", stdout(&output));
}
