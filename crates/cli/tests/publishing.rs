//! From spreadsheet to phones: `import`, `diff`, `lint`, `keygen`, `sign`,
//! `verify` and `publish`, run as the built binary on crafted tables and on
//! the real Schleswig-Holstein police-station table.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{code, repo_root, run, stderr, stdout};
use serde_json::Value;

const MAPPING: &str = r#"
[meta]
id = "test"
title = "Test"
publisher = "Netz"

[id]
column = "Nr"
prefix = "t-"

[columns]
name = "Name"
street = ["Straße", "Hausnummer"]
postcode = "PLZ"
city = "Ort"
phone = "Telefon"
website = "Web"

[fixed]
state = "SH"
kind = "police"
"#;

struct Dir(tempfile::TempDir);

impl Dir {
    fn new() -> Dir {
        Dir(tempfile::tempdir().expect("a temporary folder"))
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.path(name);
        fs::write(&path, bytes).expect("writes");
        path.to_string_lossy().into_owned()
    }

    fn arg(&self, name: &str) -> String {
        self.path(name).to_string_lossy().into_owned()
    }
}

/// Imports `table` with the crafted mapping; returns (exit code, report).
fn import(dir: &Dir, name: &str, table: &[u8], extra: &[&str]) -> (i32, String, String) {
    let table = dir.write(name, table);
    let mapping = dir.write("mapping.toml", MAPPING.as_bytes());
    let out = dir.arg("out.json");
    let mut args = vec!["import", &table, "--mapping", &mapping, "-o", &out];
    args.extend_from_slice(extra);
    let output = run(&args);
    (code(&output), stdout(&output), stderr(&output))
}

fn organizations(dir: &Dir) -> Vec<Value> {
    let text = fs::read_to_string(dir.path("out.json")).expect("the dataset was written");
    let value: Value = serde_json::from_str(&text).expect("JSON");
    value["organizations"].as_array().expect("a list").clone()
}

const HEADER: &str = "Nr;Name;Straße;Hausnummer;PLZ;Ort;Telefon;Web";

#[test]
fn utf8_with_a_bom_and_semicolons_imports() {
    let dir = Dir::new();
    let table = format!("\u{feff}{HEADER}\n1;Polizeirevier Kiel;Gartenstraße;7;24103;Kiel;0431 160-0;https://www.polizei.de\n");
    let (code, report, err) = import(&dir, "kiel.csv", table.as_bytes(), &[]);
    assert_eq!(code, 0, "{report}{err}");
    assert!(
        report.contains("kiel.csv: 1 row (UTF-8 with BOM, delimiter \";\"): 1 imported"),
        "{report}"
    );
    let orgs = organizations(&dir);
    assert_eq!(orgs[0]["id"], "t-1");
    assert_eq!(
        orgs[0]["name"], "Polizeirevier Kiel",
        "the BOM is not part of the first column"
    );
    assert_eq!(orgs[0]["address"]["street"], "Gartenstraße 7");
}

#[test]
fn windows_1252_as_excel_writes_it_is_read() {
    let dir = Dir::new();
    let mut table = b"Nr;Name;Stra\xdfe;Hausnummer;PLZ;Ort;Telefon;Web\r\n".to_vec();
    table.extend_from_slice(
        b"2;Polizeirevier L\xfcbeck;Meesenring;9;23566;L\xfcbeck;0451 131-0;\r\n",
    );
    let (code, report, err) = import(&dir, "luebeck.csv", &table, &[]);
    assert_eq!(code, 0, "{report}{err}");
    assert!(
        report.contains("(Windows-1252, delimiter \";\")"),
        "{report}"
    );
    let orgs = organizations(&dir);
    assert_eq!(orgs[0]["name"], "Polizeirevier Lübeck");
    assert_eq!(orgs[0]["address"]["street"], "Meesenring 9");
}

#[test]
fn a_quoted_line_break_is_kept_in_its_row_and_warned_about() {
    let dir = Dir::new();
    let table = format!("{HEADER}\n3;\"Polizeistation\nNord\";Weg;1;24103;Kiel;0431 1;\n4;Polizeistation Süd;Weg;2;24103;Kiel;0431 2;\n");
    let (code, report, _) = import(&dir, "nord.csv", table.as_bytes(), &[]);
    assert_eq!(code, 0, "{report}");
    assert!(
        report.contains("nord.csv:2 column Name: \"Polizeistation\\nNord\" has a line break; imported as \"Polizeistation Nord\" [warning]"),
        "{report}"
    );
    assert!(report.contains("2 imported"), "{report}");
    // The next row starts on line 4 and keeps its own line number.
    let table = format!("{HEADER}\n3;\"Polizeistation\nNord\";Weg;1;24103;Kiel;0431 1;\n4;Polizeistation Süd;Weg;2;24103;Kiel;0431 2 ;\n");
    let (_, report, _) = import(&dir, "nord.csv", table.as_bytes(), &[]);
    assert!(
        report.contains("nord.csv:4 column Telefon: \"0431 2 \" has a trailing space"),
        "{report}"
    );
}

#[test]
fn empty_trailing_columns_as_excel_leaves_them_are_ignored() {
    let dir = Dir::new();
    let table = format!("{HEADER};;\n5;Polizeistation Ost;Weg;3;24103;Kiel;0431 3;;;\n6;Polizeistation West;Weg;4;24103;Kiel;0431 4;;;;\n");
    let (code, report, err) = import(&dir, "ost.csv", table.as_bytes(), &[]);
    assert_eq!(code, 0, "{report}{err}");
    assert!(
        !report.contains("[warning]") && !report.contains("[error"),
        "{report}"
    );
    assert_eq!(organizations(&dir).len(), 2);
}

#[test]
fn a_missing_required_column_is_one_clear_error_naming_it() {
    let dir = Dir::new();
    let table = "Nr;Name;Straße;Hausnummer;PLZ;Ort;Web\n1;Revier;Weg;1;24103;Kiel;\n";
    let (code, report, err) = import(&dir, "ohne.csv", table.as_bytes(), &[]);
    assert_eq!(code, 2, "{report}{err}");
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(
        lines,
        ["ohne.csv column Telefon: the mapping reads phone from column \"Telefon\", which the header does not have; the header has: Nr, Name, Straße, Hausnummer, PLZ, Ort, Web [error]"]
    );
    assert!(err.contains("nothing imported"), "{err}");
    assert!(!dir.path("out.json").exists());
}

#[test]
fn errors_skip_their_rows_and_strict_makes_warnings_errors() {
    let dir = Dir::new();
    let table = format!("{HEADER}\n1;Revier Kiel;Weg;1;4103;Kiel;0431 1;\n2;Revier Lübeck;Weg;2;23566;Lübeck;0451 1 ;www.polizei.de\n3;Revier Heide;Weg;3;25746;Heide;0481 1 ;\n");
    let (code, report, _) = import(&dir, "fehler.csv", table.as_bytes(), &[]);
    assert_eq!(code, 1, "{report}");
    assert!(report.contains("fehler.csv:2 column PLZ: \"4103\" has four digits; the spreadsheet probably dropped a leading 0 (04103)"), "{report}");
    assert!(
        report.contains("fehler.csv:3 column Web: \"www.polizei.de\" has no https:// in front"),
        "{report}"
    );
    assert!(
        report.contains("3 rows (UTF-8, delimiter \";\"): 1 imported, 2 skipped"),
        "{report}"
    );
    let ids: Vec<Value> = organizations(&dir)
        .iter()
        .map(|o| o["id"].clone())
        .collect();
    assert_eq!(ids, [Value::from("t-3")]);
    let (code, report, _) = import(&dir, "fehler.csv", table.as_bytes(), &["--strict"]);
    assert_eq!(code, 1);
    assert!(report.contains("0 imported, 3 skipped"), "{report}");
}

#[test]
fn reimporting_keeps_ids_and_diff_shows_the_changed_phone() {
    let dir = Dir::new();
    let first = format!("{HEADER}\n1;Revier Kiel;Weg;1;24103;Kiel;0431 1;\n2;Revier Lübeck;Weg;2;23566;Lübeck;0451 1;\n");
    assert_eq!(import(&dir, "a.csv", first.as_bytes(), &[]).0, 0);
    fs::rename(dir.path("out.json"), dir.path("old.json")).expect("renames");
    let second = format!("{HEADER}\n1;Revier Kiel;Weg;1;24103;Kiel;0431 2;\n3;Revier Heide;Weg;3;25746;Heide;0481 1;\n");
    let (code, report, _) = import(
        &dir,
        "a.csv",
        second.as_bytes(),
        &["--into", &dir.arg("old.json")],
    );
    assert_eq!(code, 0, "{report}");
    assert!(
        report.contains("a.csv: t-2 is no longer in the table; removed from the dataset"),
        "{report}"
    );
    assert!(
        report.contains("1 new, 1 changed, 0 unchanged, 1 removed"),
        "{report}"
    );

    let old = dir.arg("old.json");
    let new = dir.arg("out.json");
    let output = run(&["diff", &old, &new]);
    assert_eq!(code_of(&output), 0);
    let text = stdout(&output);
    let expected = [
        "organizations: 1 added, 1 removed, 1 changed",
        "  + t-3 \"Revier Heide\"",
        "  - t-2 \"Revier Lübeck\"",
        "  ~ t-1 \"Revier Kiel\"",
        "      phone: \"0431 1\" → \"0431 2\"",
    ];
    assert_eq!(text.lines().take(5).collect::<Vec<_>>(), expected, "{text}");
    assert!(
        text.ends_with("summary: 1 added, 1 removed, 1 changed\n"),
        "{text}"
    );

    let output = run(&["diff", &old, &new, "--fail-on-removal"]);
    assert_eq!(code_of(&output), 1);
    assert!(
        stderr(&output).contains("1 entry would disappear"),
        "{}",
        stderr(&output)
    );
    let output = run(&["diff", &old, &old, "--fail-on-removal"]);
    assert_eq!(code_of(&output), 0);
    assert_eq!(stdout(&output), "no changes\n");

    let output = run(&["diff", &old, &new, "--json"]);
    let value: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(value["summary"]["removed"], 1);
    let change = &value["lists"]["organizations"]["changed"][0];
    assert_eq!(change["id"], "t-1");
    assert_eq!(change["fields"][0]["field"], "phone");
    assert_eq!(change["fields"][0]["old"], "0431 1");
    assert_eq!(change["fields"][0]["new"], "0431 2");
}

fn code_of(output: &std::process::Output) -> i32 {
    code(output)
}

const LINT_DATASET: &str = r#"{"format": "dialognetz-dataset", "format_version": 1,
  "meta": {"id": "t", "title": "T", "publisher": "P", "version": "1", "published_at": "2026-01-01T00:00:00Z"},
  "organizations": [
    {"id": "kiel", "name": "Polizeirevier Kiel", "kind": "police", "address": {"city": "Kiel", "postcode": "24103"}, "phone": "0451 131-0", "website": "http://www.polizei.de"},
    {"id": "kiel-2", "name": "Polizeirevier  Kiel", "kind": "police", "address": {"city": "Kiel"}}
  ],
  "contacts": [{"id": "k", "organization": "kiel", "role": "Wache", "phone": "+49 89 1234", "area": {"city": "Kiel"}}],
  "forums": [{"id": "f", "name": "Dialog Kiel", "city": "Kiel"}],
  "events": [{"id": "e", "title": "Tagung", "start": "2025-03-06", "end": "2025-03-07", "registration": {"url": "https://example.org/anmelden"}}]
}"#;

#[test]
fn lint_names_each_finding_with_path_and_suggestion() {
    let dir = Dir::new();
    let file = dir.write("d.json", LINT_DATASET.as_bytes());
    let output = run(&["lint", &file, "--today", "2026-01-01"]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    let rules: Vec<&str> = text
        .lines()
        .map(|l| {
            l.rsplit_once(" [")
                .map(|(_, r)| r.trim_end_matches(']'))
                .unwrap_or("")
        })
        .collect();
    assert_eq!(
        rules,
        [
            "area_code",
            "http",
            "duplicate_name",
            "no_location",
            "area_code",
            "no_location",
            "forum_without_contact",
            "past_event_open"
        ],
        "{text}"
    );
    assert!(
        text.contains(
            "organizations[0].phone (kiel): \"0451 131-0\" has the area code 0451 of Lübeck"
        ),
        "{text}"
    );
    assert!(
        text.contains("contacts[0].phone (k): \"+49 89 1234\" has the area code 089 of München"),
        "{text}"
    );
    assert!(
        text.contains("use https://www.polizei.de if the site answers there"),
        "{text}"
    );
    assert!(stderr(&output).contains("lint: 8 findings"));

    let output = run(&["lint", &file, "--json", "--today", "2026-01-01"]);
    let value: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(value[0]["rule"], "area_code");
    assert!(value[0]["suggestion"]
        .as_str()
        .is_some_and(|s| !s.is_empty()));
}

/// Makes a key in `dir`; returns (secret key path, public key).
fn keygen(dir: &Dir) -> (String, String) {
    let output = run(&["keygen", "--out", &dir.arg("keys")]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let public = stdout(&output).trim().to_owned();
    (dir.arg("keys/dialognetz-publisher.key"), public)
}

#[test]
fn keygen_writes_a_private_secret_and_refuses_to_overwrite_it() {
    let dir = Dir::new();
    let (secret, public) = keygen(&dir);
    assert_eq!(public.len(), 44, "{public}");
    let public_file =
        fs::read_to_string(dir.path("keys/dialognetz-publisher.pub")).expect("written");
    assert_eq!(public_file.trim(), public);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&secret).expect("exists").permissions().mode();
        assert_eq!(
            mode & 0o077,
            0,
            "the secret key is readable by others: {mode:o}"
        );
    }
    let before = fs::read(&secret).expect("reads");
    let again = run(&["keygen", "--out", &dir.arg("keys")]);
    assert_eq!(code(&again), 2);
    assert!(stderr(&again).contains("exists already"));
    assert_eq!(fs::read(&secret).expect("reads"), before);
}

#[test]
fn sign_and_verify_and_a_tampered_phone_number_fails() {
    let dir = Dir::new();
    let (secret, public) = keygen(&dir);
    let data = dir.write("dataset.json", LINT_DATASET.as_bytes());
    let output = run(&["sign", &data, "--key", &secret]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let sig = fs::read_to_string(format!("{data}.sig")).expect("FILE.sig");
    assert_eq!(
        sig.trim().len(),
        88,
        "base64 of 64 bytes on one line: {sig}"
    );

    let output = run(&["verify", &data, "--key", &public]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));

    let tampered = LINT_DATASET.replace("0451 131-0", "0451 131-9");
    fs::write(&data, tampered).expect("writes");
    let output = run(&["verify", &data, "--key", &public]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("does not match the data"),
        "{}",
        stdout(&output)
    );

    // A keys file with comments; a missing signature; an unreadable file.
    let keys = dir.write(
        "trusted.txt",
        format!("# the network\n{public}\n").as_bytes(),
    );
    fs::remove_file(format!("{data}.sig")).expect("removes");
    let output = run(&["verify", &data, "--keys", &keys]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("not signed"),
        "{}",
        stdout(&output)
    );
    let output = run(&["verify", &dir.arg("missing.json"), "--key", &public]);
    assert_eq!(code(&output), 2);
    let output = run(&["verify", &data, "--key", "not-a-key"]);
    assert_eq!(code(&output), 2);
}

#[test]
fn publish_refuses_an_invalid_dataset_and_writes_nothing() {
    let dir = Dir::new();
    let (secret, _) = keygen(&dir);
    let bad = LINT_DATASET.replace("\"police\"", "\"polizei\"");
    let data = dir.write("bad.json", bad.as_bytes());
    let site = dir.arg("site");
    let output = run(&["publish", &data, "--key", &secret, "--out", &site]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("organizations[0].kind"),
        "{}",
        stdout(&output)
    );
    assert!(
        stderr(&output).contains("not published"),
        "{}",
        stderr(&output)
    );
    assert!(!Path::new(&site).exists());
}

#[test]
fn publish_writes_dataset_signature_and_manifest_that_verify() {
    let dir = Dir::new();
    let (secret, public) = keygen(&dir);
    let data = dir.write("d.json", LINT_DATASET.as_bytes());
    let site = dir.arg("site");
    let output = run(&[
        "publish",
        &data,
        "--key",
        &secret,
        "--out",
        &site,
        "--today",
        "2026-01-01",
        "--fail-on-lint",
    ]);
    assert_eq!(
        code(&output),
        1,
        "lint findings stop it with --fail-on-lint"
    );
    assert!(!Path::new(&site).exists());

    let output = run(&[
        "publish",
        &data,
        "--key",
        &secret,
        "--out",
        &site,
        "--today",
        "2026-01-01",
    ]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("lint: organizations[0].phone (kiel)"),
        "{text}"
    );
    assert!(
        text.contains("published: dataset.json (version 1"),
        "{text}"
    );

    let published = fs::read(dir.path("site/dataset.json")).expect("the dataset");
    assert_eq!(published, LINT_DATASET.as_bytes(), "the exact bytes");
    let manifest: Value = serde_json::from_str(
        &fs::read_to_string(dir.path("site/manifest.json")).expect("manifest"),
    )
    .expect("JSON");
    assert_eq!(manifest["size"], published.len());
    assert_eq!(manifest["version"], "1");
    assert_eq!(manifest["published_at"], "2026-01-01T00:00:00Z");
    assert_eq!(manifest["public_key"], public.as_str());
    let sha = manifest["sha256"].as_str().expect("a text");
    assert_eq!(sha.len(), 64);
    assert!(sha.bytes().all(|b| b.is_ascii_hexdigit()));

    // The CLI accepts it, and so does the core, which is what the app uses.
    let output = run(&["verify", &dir.arg("site/dataset.json"), "--key", &public]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    let sig = fs::read_to_string(dir.path("site/dataset.json.sig")).expect("signature");
    let keys = dialognetz_core::signature::TrustedKeys::parse([public.as_str()]).expect("key");
    assert_eq!(
        dialognetz_core::signature::verify(&published, Some(&sig), &keys),
        Ok(())
    );

    // Another key: the manifest's signer is not trusted.
    let other = Dir::new();
    let (_, stranger) = keygen(&other);
    let output = run(&["verify", &dir.arg("site/dataset.json"), "--key", &stranger]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("not trusted"),
        "{}",
        stdout(&output)
    );
}

// ---- The real table ----

fn sh_table() -> String {
    repo_root()
        .join("data/sh-polizei/sh_polizeidienststellen.tsv")
        .to_string_lossy()
        .into_owned()
}

fn sh_mapping() -> String {
    repo_root()
        .join("data/sh-polizei/mapping.toml")
        .to_string_lossy()
        .into_owned()
}

/// The lines of the fenced block after `marker` in docs/publishing.md.
fn documented(marker: &str) -> Vec<String> {
    let doc =
        fs::read_to_string(repo_root().join("docs/publishing.md")).expect("docs/publishing.md");
    let start = doc
        .find(marker)
        .unwrap_or_else(|| panic!("docs/publishing.md has no {marker}"));
    let rest = &doc[start..];
    let fence = rest
        .find("```text\n")
        .expect("a text block after the marker")
        + "```text\n".len();
    let end = rest[fence..].find("```").expect("the block ends");
    rest[fence..fence + end]
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_sh_table_imports_with_the_documented_report_validates_and_is_found() {
    let dir = Dir::new();
    let out = dir.arg("sh.json");
    let output = run(&[
        "import",
        &sh_table(),
        "--mapping",
        &sh_mapping(),
        "-o",
        &out,
        "--published-at",
        "2026-12-01T12:00:00+01:00",
        "--set-version",
        "2026.12",
    ]);
    // One row has an e-mail address the format refuses: it is skipped, and
    // the exit code says so.
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let report: Vec<String> = stdout(&output).lines().map(str::to_owned).collect();
    assert_eq!(
        report,
        documented("<!-- sh-import-report -->"),
        "docs/publishing.md must show the real report"
    );

    let output = run(&["validate", &out]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(
        stdout(&output).contains("263 organizations"),
        "{}",
        stdout(&output)
    );

    let output = run(&["search", &out, "revier kiel", "--json", "--limit", "4"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let hits: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let hits = hits.as_array().expect("a list");
    assert_eq!(hits.len(), 4);
    for hit in hits {
        assert_eq!(hit["city"], "Kiel", "{hit}");
        let title = hit["title"].as_str().unwrap_or_default();
        assert!(title.contains("Polizeirevier Kiel"), "{title}");
    }

    let output = run(&["lint", &out, "--today", "2026-12-01"]);
    assert_eq!(code(&output), 1);
    let findings: Vec<String> = stdout(&output)
        .lines()
        .filter(|l| !l.ends_with("[duplicate_phone]"))
        .map(str::to_owned)
        .collect();
    assert_eq!(
        findings,
        documented("<!-- sh-lint-report -->"),
        "docs/publishing.md must show the real lint findings"
    );
}

#[test]
fn importing_the_sh_table_again_changes_nothing() {
    let dir = Dir::new();
    let first = dir.arg("first.json");
    let second = dir.arg("second.json");
    let at = [
        "--published-at",
        "2026-12-01T12:00:00+01:00",
        "--set-version",
        "2026.12",
    ];
    let (table, mapping) = (sh_table(), sh_mapping());
    let mut args = vec!["import", &table, "--mapping", &mapping, "-o", &first];
    args.extend_from_slice(&at);
    assert_eq!(code(&run(&args)), 1);
    let mut args = vec![
        "import",
        &table,
        "--mapping",
        &mapping,
        "-o",
        &second,
        "--into",
        &first,
    ];
    args.extend_from_slice(&at);
    let output = run(&args);
    assert!(
        stdout(&output).contains("0 new, 0 changed, 263 unchanged, 0 removed"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        fs::read(&first).expect("first"),
        fs::read(&second).expect("second")
    );
}
