//! `dialognetz generate`: deterministic, valid and varied datasets.

mod common;

use std::collections::BTreeSet;
use std::time::{SystemTime, UNIX_EPOCH};

use common::{code, run, stderr};
use dialognetz_cli::generate::calendar::Day;
use dialognetz_cli::generate::{generate, write_json};
use dialognetz_core::json::MAX_DOCUMENT_BYTES;
use dialognetz_core::rules::parse_date;
use dialognetz_core::{Dataset, OrganizationKind};

fn generate_file(dir: &tempfile::TempDir, name: &str, organizations: &str, seed: &str) -> Vec<u8> {
    let path = dir.path().join(name);
    let output = run(&[
        "generate",
        "--organizations",
        organizations,
        "--seed",
        seed,
        "-o",
        &path.to_string_lossy(),
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    std::fs::read(&path).expect("the generated file is readable")
}

#[test]
fn same_size_and_seed_give_byte_identical_files_and_another_seed_differs() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let first = generate_file(&dir, "a.json", "500", "42");
    let second = generate_file(&dir, "b.json", "500", "42");
    let other = generate_file(&dir, "c.json", "500", "43");
    assert!(first == second, "two runs with the same seed differ");
    assert!(first != other, "another seed gives the same file");
}

#[test]
fn generated_file_validates_with_the_binary() {
    let dir = tempfile::tempdir().expect("a temp dir");
    generate_file(&dir, "g.json", "200", "1");
    let output = run(&["validate", &dir.path().join("g.json").to_string_lossy()]);
    assert_eq!(
        code(&output),
        0,
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn pretty_output_is_the_same_dataset_indented() {
    let compact = to_json(&generate(50, 3), false);
    let pretty = to_json(&generate(50, 3), true);
    assert!(pretty.len() > compact.len());
    let a: serde_json::Value = serde_json::from_slice(&compact).expect("JSON");
    let b: serde_json::Value = serde_json::from_slice(&pretty).expect("JSON");
    assert_eq!(a, b);
}

fn to_json(dataset: &Dataset, pretty: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    write_json(dataset, &mut bytes, pretty).expect("writes to memory");
    bytes
}

/// Serializes, validates with the core and returns the bytes' length.
fn assert_valid(dataset: &Dataset) -> usize {
    let bytes = to_json(dataset, false);
    match dialognetz_core::validate(&bytes) {
        Ok(read) => assert_eq!(&read.counts(), &dataset.counts()),
        Err(problems) => panic!(
            "generated dataset invalid ({} problems):\n{}",
            problems.len(),
            problems
                .iter()
                .take(20)
                .map(|p| p.render())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
    bytes.len()
}

/// Today as `YYYY-MM-DD` (UTC is close enough for "past or upcoming").
fn today() -> String {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as i64;
    let Day { year, month, day } = Day::from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

fn assert_varied(dataset: &Dataset) {
    let kinds: BTreeSet<OrganizationKind> = dataset.organizations.iter().map(|o| o.kind).collect();
    assert_eq!(
        kinds.len(),
        OrganizationKind::ALL.len(),
        "kinds present: {kinds:?}"
    );
    assert!(!dataset.forums.is_empty());
    assert!(dataset
        .forums
        .iter()
        .all(|f| f.members.len() >= 3 && f.members.len() <= 14));
    assert!(dataset.forums.iter().all(
        |f| !f.coordinators.is_empty() && f.coordinators.iter().all(|c| f.members.contains(c))
    ));
    assert!(
        dataset.organizations.iter().any(|o| o.parent.is_some()),
        "no police unit has a parent"
    );
    assert!(
        dataset.contacts.iter().any(|c| c.name.is_some())
            && dataset.contacts.iter().any(|c| c.name.is_none())
    );
    assert!(
        dataset.organizations.iter().any(|o| o.geo.is_none())
            && dataset.organizations.iter().any(|o| o.geo.is_some())
    );
    let all_example = dataset
        .organizations
        .iter()
        .filter_map(|o| o.email.as_ref())
        .all(|e| e.as_str().ends_with(".example"));
    assert!(all_example, "e-mail outside .example");

    // Events before and after the dataset's publication; and, while the
    // generator's range (2023–2027) lasts, before and after today.
    let starts: Vec<_> = dataset
        .events
        .iter()
        .map(|e| {
            parse_date(e.start.as_str())
                .expect("valid start")
                .first_day()
        })
        .collect();
    let published = parse_date("2024-06-01").expect("a date").first_day();
    assert!(starts.iter().any(|s| *s < published) && starts.iter().any(|s| *s > published));
    let today = today();
    if today.as_str() < "2027-06-01" {
        let today = parse_date(&today).expect("a date").first_day();
        assert!(starts.iter().any(|s| *s < today), "no past event");
        assert!(starts.iter().any(|s| *s > today), "no upcoming event");
    }
}

#[test]
fn thousand_organisations_are_valid_and_varied() {
    let dataset = generate(1_000, 1);
    assert_valid(&dataset);
    assert_varied(&dataset);
    let counts = dataset.counts();
    assert_eq!(
        (
            counts.organizations,
            counts.contacts,
            counts.forums,
            counts.events,
            counts.projects
        ),
        (1_000, 500, 10, 20, 5)
    );
}

#[test]
fn hundred_thousand_organisations_are_valid_and_well_under_the_size_limit() {
    let dataset = generate(100_000, 7);
    let bytes = assert_valid(&dataset);
    assert_varied(&dataset);
    // Room for the format to grow before 100,000 organisations hit 64 MiB.
    assert!(
        bytes < MAX_DOCUMENT_BYTES * 9 / 10,
        "{bytes} bytes: too close to the 64 MiB limit"
    );
}

#[test]
fn small_sizes_still_validate() {
    for organizations in [0, 1, 2, 3, 9, 10, 11] {
        let dataset = generate(organizations, 5);
        assert_valid(&dataset);
        assert_eq!(
            dataset.forums.is_empty(),
            organizations < 10,
            "{organizations}"
        );
        assert!(
            dataset.forums.iter().all(|f| f.members.len() >= 3),
            "{organizations}"
        );
    }
}

#[test]
fn dash_writes_the_dataset_to_standard_output() {
    let output = run(&["generate", "-n", "20", "-s", "2", "-o", "-"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let dataset = dialognetz_core::validate(&output.stdout).expect("stdout holds a valid dataset");
    assert_eq!(dataset.organizations.len(), 20);
    assert_eq!(output.stdout, to_json(&generate(20, 2), false));
}

#[test]
fn output_into_a_directory_exits_2_and_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let output = run(&["generate", "-n", "5", "-o", &dir.path().to_string_lossy()]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("is a directory"),
        "{}",
        stderr(&output)
    );
    let missing_parent = dir.path().join("no/such/dir/out.json");
    let output = run(&[
        "generate",
        "-n",
        "5",
        "-o",
        &missing_parent.to_string_lossy(),
    ]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("cannot write"),
        "{}",
        stderr(&output)
    );
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("listable").collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}
