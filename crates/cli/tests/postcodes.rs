//! `dialognetz postcodes`: the shipped table is exactly what the command
//! makes from the GeoNames file, so it cannot drift from its source.

mod common;

use common::{code, repo_root, run, stderr, stdout};

const REGENERATE: &str = "run `cargo run -p dialognetz-cli -- postcodes data/postcodes/de_postleitzahlen_geonames.csv -o public/data/postcodes.tsv`";

fn source() -> String {
    repo_root()
        .join("data/postcodes/de_postleitzahlen_geonames.csv")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn checked_in_table_matches_the_generated_one() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let target = dir.path().join("postcodes.tsv");
    let output = run(&["postcodes", &source(), "-o", &target.to_string_lossy()]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "",
        "the GeoNames file has no unusable rows"
    );
    assert!(
        stdout(&output).contains("8309 postcodes"),
        "{}",
        stdout(&output)
    );
    let generated = std::fs::read(&target).expect("the generated table is readable");
    let path = repo_root().join("public/data/postcodes.tsv");
    let checked_in = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}; {REGENERATE}", path.display()));
    assert!(
        checked_in == generated,
        "public/data/postcodes.tsv differs from the table the GeoNames file gives; {REGENERATE}"
    );
}

#[test]
fn table_goes_to_stdout_with_a_dash() {
    let output = run(&["postcodes", &source(), "-o", "-"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("# dialognetz-postcodes 1;"));
    assert!(text
        .lines()
        .next()
        .is_some_and(|h| h.contains("GeoNames") && h.contains("CC BY 4.0")));
    assert!(text.contains("\n24539\t54.0614\t9.9982\tSH\tNeumünster\n"));
}

#[test]
fn unreadable_or_wrong_input_exits_with_2() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let target = dir.path().join("out.tsv");
    let target = target.to_string_lossy();

    let missing = run(&["postcodes", "/no/such/file.csv", "-o", &target]);
    assert_eq!(code(&missing), 2);
    assert!(stderr(&missing).starts_with("dialognetz: cannot read /no/such/file.csv"));

    let wrong = dir.path().join("wrong.csv");
    std::fs::write(&wrong, "name,plz\nKiel,24103\n").expect("writable");
    let output = run(&["postcodes", &wrong.to_string_lossy(), "-o", &target]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("no column `zipcode`"),
        "{}",
        stderr(&output)
    );
    assert!(
        !dir.path().join("out.tsv").exists(),
        "nothing written on error"
    );

    let to_directory = run(&["postcodes", &source(), "-o", &dir.path().to_string_lossy()]);
    assert_eq!(code(&to_directory), 2);
    assert!(stderr(&to_directory).contains("it is a directory"));
}
