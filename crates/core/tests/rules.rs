//! One test per rule of the dataset format (`DATASET.md`): each takes the
//! valid sample dataset, breaks exactly one thing, and checks that the
//! validator names the rule at the exact JSON path of the broken value.
//!
//! The reader's rules (size, encoding, syntax, depth, duplicate keys, string
//! and list limits) are covered by `hostile.rs`.
//!
//! Entries are found by id, not by position, so the tests keep working when
//! the sample gains or reorders entries; the paths they expect are still
//! exact strings.

use std::collections::HashMap;

use dialognetz_core::{validate, Problem, Rule};
use serde_json::{json, Value};

const SAMPLE: &[u8] = include_bytes!("../../../public/data/dataset.json");

// ---------------------------------------------------------------------------
// Helpers

/// One edit of the sample document.
type Edit = Box<dyn Fn(&mut Value)>;

fn sample() -> Value {
    serde_json::from_slice(SAMPLE).expect("the sample dataset is JSON")
}

/// The sample with one edit applied.
fn edited(edit: impl FnOnce(&mut Value)) -> Value {
    let mut doc = sample();
    edit(&mut doc);
    doc
}

/// Position of the entry with `id` in the top-level `list`.
#[track_caller]
fn index(doc: &Value, list: &str, id: &str) -> usize {
    doc[list]
        .as_array()
        .unwrap_or_else(|| panic!("the sample has no list {list}"))
        .iter()
        .position(|entry| entry["id"] == id)
        .unwrap_or_else(|| panic!("the sample has no {list} entry {id:?}"))
}

/// Index of an entry of the unedited sample.
#[track_caller]
fn at(list: &str, id: &str) -> usize {
    index(&sample(), list, id)
}

/// The problems of a document; empty when it is accepted.
fn problems(doc: &Value) -> Vec<Problem> {
    let bytes = serde_json::to_vec(doc).expect("serializable");
    match validate(&bytes) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

fn listing(problems: &[Problem]) -> String {
    if problems.is_empty() {
        return "  (none: the document was accepted)".into();
    }
    problems
        .iter()
        .map(|p| format!("  {:?} at {:?}: {p}", p.rule, p.path))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The document is refused with exactly these problems (in any order).
#[track_caller]
fn expect_exactly(doc: &Value, expected: &[(&str, Rule)], case: &str) {
    if let Err(message) = check_exactly(doc, expected, case) {
        panic!("{message}");
    }
}

/// Like [`expect_exactly`], but says what is wrong instead of panicking, so
/// that a loop can report every failing case at once.
fn check_exactly(doc: &Value, expected: &[(&str, Rule)], case: &str) -> Result<(), String> {
    let found = problems(doc);
    let mut want: HashMap<(String, Rule), usize> = HashMap::new();
    for (path, rule) in expected {
        *want.entry((path.to_string(), *rule)).or_default() += 1;
    }
    let mut got: HashMap<(String, Rule), usize> = HashMap::new();
    for p in &found {
        *got.entry((p.path.clone(), p.rule)).or_default() += 1;
    }
    if want == got {
        Ok(())
    } else {
        Err(format!(
            "{case}:\nexpected exactly {expected:?}\nfound:\n{}",
            listing(&found)
        ))
    }
}

/// The document is refused with exactly one problem, `rule` at `path`.
#[track_caller]
fn expect_one(doc: &Value, path: &str, rule: Rule, case: &str) -> Problem {
    expect_exactly(doc, &[(path, rule)], case);
    problems(doc).remove(0)
}

#[track_caller]
fn expect_valid(doc: &Value, case: &str) {
    let found = problems(doc);
    assert!(
        found.is_empty(),
        "{case}: expected the document to be accepted, found:\n{}",
        listing(&found)
    );
}

// ---------------------------------------------------------------------------
// Baseline

#[test]
fn unchanged_sample_is_accepted() {
    expect_valid(&sample(), "the sample as shipped");
}

// ---------------------------------------------------------------------------
// ids

#[test]
fn malformed_ids_are_refused_at_their_path() {
    // Articles are referenced by nothing, so a bad article id is the only problem.
    let i = at("articles", "aufgaben-kosizu");
    let bad = [
        "Aufgaben-Kosizu",
        "-aufgaben",
        "aufgaben kosizu",
        "aufgaben_kosizu",
        "aufgaben.kosizu",
        "",
        "über-uns",
        "k\u{043e}ra", // Cyrillic o
        "dia\u{200b}log",
        " aufgaben",
        &"a".repeat(65),
    ];
    for id in bad {
        let doc = edited(|d| d["articles"][i]["id"] = json!(id));
        expect_one(
            &doc,
            &format!("articles[{i}].id"),
            Rule::IdSyntax,
            &format!("id {id:?}"),
        );
    }
    let doc = edited(|d| d["meta"]["id"] = json!("Sicher Zusammenleben"));
    expect_one(
        &doc,
        "meta.id",
        Rule::IdSyntax,
        "meta.id with capitals and a space",
    );

    for id in ["1", "0-a", "a-", &"a".repeat(64)] {
        let doc = edited(|d| d["articles"][i]["id"] = json!(id));
        expect_valid(&doc, &format!("id {id:?}"));
    }
}

#[test]
fn an_id_used_in_two_lists_is_refused_at_its_second_occurrence() {
    // An organisation takes the id of a topic: topics come first, so the
    // organisation is the second occurrence.
    let doc = edited(|d| {
        d["organizations"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "dialog", "name": "Dialog e.V.", "kind": "civil_society"}))
    });
    let n = sample()["organizations"].as_array().unwrap().len();
    let problem = expect_one(
        &doc,
        &format!("organizations[{n}].id"),
        Rule::IdDuplicate,
        "organisation with a topic's id",
    );
    let first = format!("topics[{}].id", at("topics", "dialog"));
    assert!(
        problem.message.contains(&first),
        "the message should say where the id is first used ({first}): {}",
        problem.message
    );

    // An article takes the id of the forum.
    let doc = edited(|d| {
        d["articles"].as_array_mut().unwrap().push(json!({
            "id": "sicherheitsdialog-dresden", "title": "Sicherheitsdialog", "body": "Text"
        }))
    });
    let n = sample()["articles"].as_array().unwrap().len();
    expect_one(
        &doc,
        &format!("articles[{n}].id"),
        Rule::IdDuplicate,
        "article with the forum's id",
    );

    // Twice in the same list.
    let doc = edited(|d| {
        d["topics"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "dialog", "label": "Dialog, nochmal"}))
    });
    let n = sample()["topics"].as_array().unwrap().len();
    expect_one(
        &doc,
        &format!("topics[{n}].id"),
        Rule::IdDuplicate,
        "topic id twice",
    );
}

// ---------------------------------------------------------------------------
// references

#[test]
fn contact_organization_must_name_an_organization() {
    let i = at("contacts", "kosizu-kontakt");
    let doc = edited(|d| d["contacts"][i]["organization"] = json!("gibt-es-nicht"));
    expect_one(
        &doc,
        &format!("contacts[{i}].organization"),
        Rule::ReferenceUnresolved,
        "contact of an unknown organisation",
    );
}

#[test]
fn organization_parent_must_name_an_organization() {
    let i = at("organizations", "kosizu");
    let doc = edited(|d| d["organizations"][i]["parent"] = json!("bundesamt"));
    expect_one(
        &doc,
        &format!("organizations[{i}].parent"),
        Rule::ReferenceUnresolved,
        "unknown parent",
    );
}

#[test]
fn forum_members_must_name_organizations() {
    let i = at("forums", "sicherheitsdialog-dresden");
    let doc = edited(|d| d["forums"][i]["members"][3] = json!("moschee-gibt-es-nicht"));
    expect_one(
        &doc,
        &format!("forums[{i}].members[3]"),
        Rule::ReferenceUnresolved,
        "unknown member",
    );
}

#[test]
fn forum_coordinators_must_name_organizations() {
    let i = at("forums", "sicherheitsdialog-dresden");
    let doc = edited(|d| d["forums"][i]["coordinators"][1] = json!("pd-leipzig"));
    expect_one(
        &doc,
        &format!("forums[{i}].coordinators[1]"),
        Rule::ReferenceUnresolved,
        "unknown coordinator",
    );
}

#[test]
fn forum_contact_must_name_a_contact() {
    let i = at("forums", "sicherheitsdialog-dresden");
    let doc = edited(|d| d["forums"][i]["contact"] = json!("kora-kontakt-alt"));
    expect_one(
        &doc,
        &format!("forums[{i}].contact"),
        Rule::ReferenceUnresolved,
        "unknown contact",
    );
}

#[test]
fn event_organizer_must_name_an_organization() {
    let i = at("events", "fachtagung-2024");
    let doc = edited(|d| d["events"][i]["organizer"] = json!("kosizu-alt"));
    expect_one(
        &doc,
        &format!("events[{i}].organizer"),
        Rule::ReferenceUnresolved,
        "unknown organizer",
    );
}

#[test]
fn project_partners_must_name_organizations() {
    let i = at("projects", "aktives-begegnen");
    let doc = edited(|d| d["projects"][i]["partners"][1] = json!("senator-inneres"));
    expect_one(
        &doc,
        &format!("projects[{i}].partners[1]"),
        Rule::ReferenceUnresolved,
        "unknown partner",
    );
}

#[test]
fn project_funder_must_name_an_organization() {
    let i = at("projects", "aktives-begegnen");
    let doc = edited(|d| d["projects"][i]["funder"] = json!("bundesamt"));
    expect_one(
        &doc,
        &format!("projects[{i}].funder"),
        Rule::ReferenceUnresolved,
        "unknown funder",
    );
}

#[test]
fn topic_references_must_resolve_in_every_list() {
    for (list, id) in [
        ("organizations", "kora"),
        ("contacts", "kora-kontakt"),
        ("forums", "sicherheitsdialog-dresden"),
        ("events", "fachtagung-2024"),
        ("projects", "aktives-begegnen"),
        ("articles", "aufgaben-kosizu"),
    ] {
        let i = at(list, id);
        let doc = edited(|d| d[list][i]["topics"][1] = json!("gibt-es-nicht"));
        expect_one(
            &doc,
            &format!("{list}[{i}].topics[1]"),
            Rule::ReferenceUnresolved,
            &format!("unknown topic in {list}"),
        );
    }
}

#[test]
fn a_reference_to_an_id_of_another_list_is_refused() {
    let contact = at("contacts", "kosizu-kontakt");
    let forum = at("forums", "sicherheitsdialog-dresden");
    let org = at("organizations", "kora");
    let project = at("projects", "aktives-begegnen");
    let cases: [(&str, Value, String); 6] = [
        // field, value (an id of another list), path
        (
            "contact.organization → topic",
            json!("dialog"),
            format!("contacts[{contact}].organization"),
        ),
        (
            "forum.contact → organisation",
            json!("kora"),
            format!("forums[{forum}].contact"),
        ),
        (
            "forum.members → contact",
            json!("kora-kontakt"),
            format!("forums[{forum}].members[0]"),
        ),
        (
            "organisation.topics → organisation",
            json!("kora"),
            format!("organizations[{org}].topics[0]"),
        ),
        (
            "project.funder → event",
            json!("fachtagung-2024"),
            format!("projects[{project}].funder"),
        ),
        (
            "organisation.parent → forum",
            json!("sicherheitsdialog-dresden"),
            format!("organizations[{org}].parent"),
        ),
    ];
    for (case, value, path) in cases {
        let doc = edited(|d| *pointer(d, &path) = value);
        expect_one(&doc, &path, Rule::ReferenceUnresolved, case);
    }
}

/// The value at a path such as `forums[0].members[3]` (plain keys only).
fn pointer<'a>(doc: &'a mut Value, path: &str) -> &'a mut Value {
    let mut current = doc;
    for part in path.split('.') {
        let (key, indices) = match part.find('[') {
            Some(open) => (&part[..open], &part[open..]),
            None => (part, ""),
        };
        current = &mut current[key];
        for index in indices.split('[').filter(|s| !s.is_empty()) {
            let index: usize = index.trim_end_matches(']').parse().expect("index");
            current = &mut current[index];
        }
    }
    current
}

// ---------------------------------------------------------------------------
// parent cycles

#[test]
fn a_parent_cycle_of_two_organisations_is_refused_at_both() {
    // kosizu's parent is bamf; bamf's parent becomes kosizu.
    let bamf = at("organizations", "bamf");
    let kosizu = at("organizations", "kosizu");
    let doc = edited(|d| d["organizations"][bamf]["parent"] = json!("kosizu"));
    expect_exactly(
        &doc,
        &[
            (&format!("organizations[{bamf}].parent"), Rule::ParentCycle),
            (
                &format!("organizations[{kosizu}].parent"),
                Rule::ParentCycle,
            ),
        ],
        "bamf → kosizu → bamf",
    );
}

#[test]
fn a_longer_parent_cycle_is_refused_at_every_member() {
    // kora → demokratie-zentrum-sachsen → sms-sachsen → kora
    let kora = at("organizations", "kora");
    let dzs = at("organizations", "demokratie-zentrum-sachsen");
    let sms = at("organizations", "sms-sachsen");
    let doc = edited(|d| d["organizations"][sms]["parent"] = json!("kora"));
    expect_exactly(
        &doc,
        &[
            (&format!("organizations[{kora}].parent"), Rule::ParentCycle),
            (&format!("organizations[{dzs}].parent"), Rule::ParentCycle),
            (&format!("organizations[{sms}].parent"), Rule::ParentCycle),
        ],
        "cycle of three",
    );
}

#[test]
fn a_chain_that_runs_into_a_cycle_is_refused_only_at_the_cycle() {
    // demokratie-zentrum-sachsen ↔ sms-sachsen loop; kora hangs below the loop
    // and is not part of it.
    let dzs = at("organizations", "demokratie-zentrum-sachsen");
    let sms = at("organizations", "sms-sachsen");
    let doc = edited(|d| d["organizations"][sms]["parent"] = json!("demokratie-zentrum-sachsen"));
    expect_exactly(
        &doc,
        &[
            (&format!("organizations[{dzs}].parent"), Rule::ParentCycle),
            (&format!("organizations[{sms}].parent"), Rule::ParentCycle),
        ],
        "kora → dzs ↔ sms",
    );
}

#[test]
fn an_organisation_that_is_its_own_parent_is_refused() {
    let i = at("organizations", "kora");
    let doc = edited(|d| d["organizations"][i]["parent"] = json!("kora"));
    expect_one(
        &doc,
        &format!("organizations[{i}].parent"),
        Rule::ParentCycle,
        "self-parent",
    );
}

// ---------------------------------------------------------------------------
// URLs, e-mail, phones

const BAD_URLS: &[&str] = &[
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "javascript:alert(1) ",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "\u{0}javascript:alert(1)",
    "\u{feff}javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://ftp.example.org/",
    "mailto:kora@sms.sachsen.de",
    "tel:+493515645494",
    "//evil.example/",
    "www.bamf.de",
    "/impressum",
    " https://www.bamf.de",
    "https://www.bamf.de ",
    "https://www.bamf.de/\tx",
    "\u{a0}https://www.bamf.de",
    "https://www.bamf.de@evil.example/",
    "https:www.bamf.de",
    "https:\\\\www.bamf.de",
    "https://",
    "",
];

const GOOD_URLS: &[&str] = &[
    "https://www.bamf.de",
    "HTTPS://WWW.BAMF.DE/",
    "http://example.org:8080/a?b=c#d",
    "https://münchen.de/",
];

/// The three Url fields of the format, as (path, setter).
/// Sets a URL field of the document to a value.
type SetUrl = Box<dyn Fn(&mut Value, &str)>;

fn url_fields() -> Vec<(String, SetUrl)> {
    let org = at("organizations", "kora");
    let event = at("events", "fachtagung-2024");
    let project = at("projects", "aktives-begegnen");
    vec![
        (
            format!("organizations[{org}].website"),
            Box::new(move |d: &mut Value, url: &str| {
                d["organizations"][org]["website"] = json!(url)
            }),
        ),
        (
            format!("events[{event}].registration.url"),
            Box::new(move |d: &mut Value, url: &str| {
                d["events"][event]["registration"]["url"] = json!(url)
            }),
        ),
        (
            format!("projects[{project}].links[1].url"),
            Box::new(move |d: &mut Value, url: &str| {
                d["projects"][project]["links"] = json!([
                    {"label": "Projektseite", "url": "https://www.bamf.de"},
                    {"label": {"de": "Mehr", "en": "More"}, "url": url}
                ])
            }),
        ),
    ]
}

#[test]
fn urls_other_than_http_and_https_are_refused_in_every_url_field() {
    for (path, set) in url_fields() {
        for url in BAD_URLS {
            let doc = edited(|d| set(d, url));
            expect_one(&doc, &path, Rule::Url, &format!("{path} = {url:?}"));
        }
    }
}

#[test]
fn http_and_https_urls_are_accepted_in_every_url_field() {
    for (path, set) in url_fields() {
        for url in GOOD_URLS {
            let doc = edited(|d| set(d, url));
            expect_valid(&doc, &format!("{path} = {url:?}"));
        }
    }
}

#[test]
fn malformed_email_addresses_are_refused_in_every_email_field() {
    let org = at("organizations", "kora");
    let contact = at("contacts", "kosizu-kontakt");
    let event = at("events", "fachtagung-2024");
    let fields = [
        "meta.contact_email".to_string(),
        format!("organizations[{org}].email"),
        format!("contacts[{contact}].email"),
        format!("events[{event}].registration.email"),
    ];
    let bad = [
        "kora",
        "kora@",
        "@sms.sachsen.de",
        "kora@sms",
        "kora@sms..de",
        "kora @sms.sachsen.de",
        "mailto:kora@sms.sachsen.de",
        "KORA <kora@sms.sachsen.de>",
        "kora@sms.sachsen.de, info@bamf.de",
        "",
    ];
    for path in &fields {
        for email in bad {
            let doc = edited(|d| *pointer(d, path) = json!(email));
            expect_one(&doc, path, Rule::Email, &format!("{path} = {email:?}"));
        }
    }
}

#[test]
fn phone_numbers_with_letters_or_an_inner_plus_are_refused() {
    let org = at("organizations", "kora");
    let contact = at("contacts", "kora-kontakt");
    let bad = [
        "0351 KORA 49",
        "0351 56 45 49 49 ext 3",
        "0351+564549",
        "+49 +351 564549",
        "tel:0351564549",
        "0351.564549",
        "12",
        "",
    ];
    for path in [
        format!("organizations[{org}].phone"),
        format!("contacts[{contact}].phone"),
    ] {
        for phone in bad {
            let doc = edited(|d| *pointer(d, &path) = json!(phone));
            expect_one(&doc, &path, Rule::Phone, &format!("{path} = {phone:?}"));
        }
    }
    for phone in ["+49 351 564549-49", "(0351) 564549/49", "110"] {
        let doc = edited(|d| d["organizations"][org]["phone"] = json!(phone));
        expect_valid(&doc, &format!("phone {phone:?}"));
    }
}

#[test]
fn mobile_numbers_follow_the_phone_rule() {
    let i = at("contacts", "kora-kontakt");
    let path = format!("contacts[{i}].mobile");
    for mobile in [
        "0171 abc 123",
        "0171+1234567",
        "+49 (0)171 12 34 56 78 90 12 34 56",
    ] {
        let doc = edited(|d| d["contacts"][i]["mobile"] = json!(mobile));
        expect_one(&doc, &path, Rule::Phone, &format!("mobile {mobile:?}"));
    }
    let doc = edited(|d| d["contacts"][i]["mobile"] = json!("+49 171 1234567"));
    expect_valid(&doc, "a good mobile number");
}

// ---------------------------------------------------------------------------
// postcodes, states, geo

#[test]
fn postcodes_that_are_not_five_digits_are_refused() {
    let i = at("organizations", "demokratie-zentrum-sachsen");
    let path = format!("organizations[{i}].address.postcode");
    for postcode in ["0109", "010999", "O1O99", "01 099", "D-01099", "00123", ""] {
        let doc = edited(|d| d["organizations"][i]["address"]["postcode"] = json!(postcode));
        expect_one(
            &doc,
            &path,
            Rule::Postcode,
            &format!("postcode {postcode:?}"),
        );
    }
}

#[test]
fn state_codes_are_refused_in_every_state_field() {
    let org = at("organizations", "kora");
    let forum = at("forums", "sicherheitsdialog-dresden");
    let event = at("events", "fachtagung-2024");
    let project = at("projects", "aktives-begegnen");
    let contact = at("contacts", "kora-kontakt");
    let fields = [
        format!("organizations[{org}].address.state"),
        format!("forums[{forum}].state"),
        format!("events[{event}].state"),
        format!("projects[{project}].state"),
        format!("contacts[{contact}].area.state"),
    ];
    for path in &fields {
        for state in ["XX", "sn", "Sn", "DE-SN", "Sachsen", "SAX", ""] {
            let doc = edited(|d| *pointer(d, path) = json!(state));
            let problem = expect_one(&doc, path, Rule::State, &format!("{path} = {state:?}"));
            if state.eq_ignore_ascii_case("sn") || state == "DE-SN" {
                assert!(
                    problem.message.contains("SN"),
                    "the message for {state:?} should show the right spelling SN: {}",
                    problem.message
                );
            }
        }
    }
}

#[test]
fn coordinates_out_of_range_are_refused() {
    let org = at("organizations", "kora");
    let forum = at("forums", "sicherheitsdialog-dresden");
    for (list, i) in [("organizations", org), ("forums", forum)] {
        let path = format!("{list}[{i}].geo");
        for geo in [
            json!({"lat": 91, "lon": 13.7}),
            json!({"lat": -90.5, "lon": 13.7}),
            json!({"lat": 51.05, "lon": -181}),
            json!({"lat": 51.05, "lon": 180.0001}),
        ] {
            let doc = edited(|d| d[list][i]["geo"] = geo.clone());
            expect_one(&doc, &path, Rule::GeoRange, &format!("{path} = {geo}"));
        }
        for geo in [
            json!({"lat": 90, "lon": -180}),
            json!({"lat": -90, "lon": 180}),
        ] {
            let doc = edited(|d| d[list][i]["geo"] = geo.clone());
            expect_valid(&doc, &format!("{path} = {geo} (at the limit)"));
        }
    }
}

// ---------------------------------------------------------------------------
// dates

/// Every Date field of the format, with four good values in its forms
/// (year, month, day, timestamp) that keep the entry's date order.
fn date_fields() -> Vec<(String, [&'static str; 4])> {
    let forum = at("forums", "sicherheitsdialog-dresden");
    let event = at("events", "fachtagung-2024");
    let project = at("projects", "aktives-begegnen");
    let article = at("articles", "aufgaben-kosizu");
    vec![
        (
            format!("forums[{forum}].established"),
            ["2019", "2019-05", "2019-05-02", "2019-05-02T18:00:00+02:00"],
        ),
        (
            format!("forums[{forum}].formalized"),
            ["2023", "2023-11", "2023-11-20", "2023-11-20T10:00:00Z"],
        ),
        (
            format!("events[{event}].start"),
            ["2024", "2024-03", "2024-03-06", "2024-03-06T09:30:00+01:00"],
        ),
        (
            format!("events[{event}].end"),
            ["2024", "2024-03", "2024-03-07", "2024-03-07T16:00:00+01:00"],
        ),
        (
            format!("events[{event}].registration.deadline"),
            ["2024", "2024-02", "2024-02-28", "2024-02-28T23:59:59+01:00"],
        ),
        (
            format!("projects[{project}].start"),
            ["2020", "2020-04", "2020-04-01", "2020-04-01T00:00:00+02:00"],
        ),
        (
            format!("projects[{project}].end"),
            [
                "2022",
                "2022-12",
                "2022-12-31",
                "2022-12-31T23:59:59.5+01:00",
            ],
        ),
        (
            format!("articles[{article}].published_at"),
            ["2024", "2024-02", "2024-02-15", "2024-02-15T09:00:00+01:00"],
        ),
    ]
}

#[test]
fn malformed_dates_are_refused_in_every_date_field() {
    let bad = [
        "2024-02-30",
        "2023-02-29",
        "2024-13",
        "2024-00",
        "2024-04-31",
        "24-03-06",
        "06.03.2024",
        "2024-3-6",
        "2024/03/06",
        "März 2024",
        "2024-03-06T09:00",
        "2024-03-06T09:00:00",
        "2024-03-06T25:00:00+01:00",
        "",
    ];
    for (path, _) in date_fields() {
        for date in bad {
            let doc = edited(|d| *pointer(d, &path) = json!(date));
            expect_one(&doc, &path, Rule::Date, &format!("{path} = {date:?}"));
        }
    }
}

#[test]
fn every_date_form_is_accepted_in_every_date_field() {
    for (path, good) in date_fields() {
        for date in good {
            let doc = edited(|d| *pointer(d, &path) = json!(date));
            expect_valid(&doc, &format!("{path} = {date:?}"));
        }
    }
}

#[test]
fn an_end_before_its_start_is_refused() {
    let event = at("events", "fachtagung-2024"); // 2024-03-06 .. 2024-03-07
    let project = at("projects", "aktives-begegnen"); // 2020-04 .. 2022-12
    let cases = [
        ("events", event, "2024-03-06", "2024-03-05"),
        ("events", event, "2024-03-06", "2024-02"),
        ("events", event, "2024-03-06", "2023"),
        (
            "events",
            event,
            "2024-03-06T10:00:00+01:00",
            "2024-03-06T09:59:59+01:00",
        ),
        ("projects", project, "2020-04", "2020-03"),
        ("projects", project, "2020-04", "2019"),
        ("projects", project, "2020-04-15", "2020-04-14"),
    ];
    for (list, i, start, end) in cases {
        let doc = edited(|d| {
            d[list][i]["start"] = json!(start);
            d[list][i]["end"] = json!(end);
        });
        expect_one(
            &doc,
            &format!("{list}[{i}].end"),
            Rule::DateOrder,
            &format!("{list}: {start} .. {end}"),
        );
    }
}

#[test]
fn a_coarser_end_that_covers_the_start_is_accepted() {
    let event = at("events", "fachtagung-2024");
    let project = at("projects", "aktives-begegnen");
    let cases = [
        ("events", event, "2024-03-06", "2024-03"),
        ("events", event, "2024-03-06", "2024"),
        ("events", event, "2024-03-06", "2024-03-06"),
        ("events", event, "2024-03-06T10:00:00+01:00", "2024-03-06"),
        (
            "events",
            event,
            "2024-03-06T10:00:00+01:00",
            "2024-03-06T10:00:00+01:00",
        ),
        ("projects", project, "2020-04-15", "2020-04"),
        ("projects", project, "2020-04", "2020"),
        ("projects", project, "2020", "2020-01-01"),
    ];
    for (list, i, start, end) in cases {
        let doc = edited(|d| {
            d[list][i]["start"] = json!(start);
            d[list][i]["end"] = json!(end);
        });
        expect_valid(&doc, &format!("{list}: {start} .. {end}"));
    }
}

#[test]
fn a_forum_formalized_before_it_was_established_is_refused() {
    let i = at("forums", "sicherheitsdialog-dresden"); // established 2019
    let path = format!("forums[{i}].formalized");
    for formalized in ["2018", "2018-12", "2018-12-31"] {
        let doc = edited(|d| {
            d["forums"][i]["established"] = json!("2019");
            d["forums"][i]["formalized"] = json!(formalized);
        });
        expect_one(
            &doc,
            &path,
            Rule::DateOrder,
            &format!("formalized {formalized}"),
        );
    }
    for formalized in ["2019", "2019-01", "2023-11-20"] {
        let doc = edited(|d| {
            d["forums"][i]["established"] = json!("2019");
            d["forums"][i]["formalized"] = json!(formalized);
        });
        expect_valid(&doc, &format!("formalized {formalized}"));
    }
}

// ---------------------------------------------------------------------------
// meta

#[test]
fn published_at_must_be_an_rfc3339_timestamp() {
    for published_at in [
        "2024-02-15",
        "2024-02",
        "15.02.2024 09:00",
        "2024-02-15T09:00:00",
        "2024-02-15T09:00+01:00",
        "2024-02-30T09:00:00+01:00",
        "gestern",
        "",
    ] {
        let doc = edited(|d| d["meta"]["published_at"] = json!(published_at));
        expect_one(
            &doc,
            "meta.published_at",
            Rule::Timestamp,
            &format!("{published_at:?}"),
        );
    }
}

#[test]
fn language_tags_are_checked_wherever_they_appear() {
    for tag in ["deutsch", "de_DE", "d", "", "de-", "1de"] {
        let doc = edited(|d| d["meta"]["default_language"] = json!(tag));
        expect_one(
            &doc,
            "meta.default_language",
            Rule::LanguageTag,
            &format!("default_language {tag:?}"),
        );
    }
    let org = at("organizations", "kora");
    let doc = edited(|d| d["organizations"][org]["languages"] = json!(["de", "Deutsch!"]));
    expect_one(
        &doc,
        &format!("organizations[{org}].languages[1]"),
        Rule::LanguageTag,
        "organisation languages",
    );
    let contact = at("contacts", "kora-kontakt");
    let doc = edited(|d| d["contacts"][contact]["languages"] = json!(["arabisch"]));
    expect_one(
        &doc,
        &format!("contacts[{contact}].languages[0]"),
        Rule::LanguageTag,
        "contact languages",
    );
    // The keys of a LocalizedText are language tags too.
    let doc = edited(|d| d["meta"]["title"] = json!({"deutsch": "Sicher Zusammenleben"}));
    expect_one(
        &doc,
        "meta.title.deutsch",
        Rule::LanguageTag,
        "localized text key",
    );
}

#[test]
fn localized_text_keys_that_are_not_words_are_quoted_in_the_path() {
    // The reader writes such keys as `["de de"]` (json.rs, format_path); a
    // problem found later must name the same place the same way.
    let doc = edited(|d| d["meta"]["title"] = json!({"de": "Titel", "de de": "Titel"}));
    expect_one(
        &doc,
        "meta.title[\"de de\"]",
        Rule::LanguageTag,
        "key with a space",
    );
    let doc = edited(|d| d["meta"]["title"] = json!({"de": "Titel", "": "Titel"}));
    expect_one(&doc, "meta.title[\"\"]", Rule::LanguageTag, "empty key");
}

#[test]
fn licences_that_are_not_spdx_ids_are_refused() {
    for license in [
        "CC BY 4.0",
        "",
        "CC-BY-4.0; rm -rf /",
        "<a href=x>CC</a>",
        &"A".repeat(65),
    ] {
        let doc = edited(|d| d["meta"]["license"] = json!(license));
        expect_one(
            &doc,
            "meta.license",
            Rule::License,
            &format!("license {license:?}"),
        );
    }
    for license in [
        "CC-BY-4.0",
        "dl-de-by-2.0",
        "CC0-1.0",
        "LicenseRef-Netzwerk",
    ] {
        let doc = edited(|d| d["meta"]["license"] = json!(license));
        expect_valid(&doc, &format!("license {license:?}"));
    }
}

// ---------------------------------------------------------------------------
// texts

#[test]
fn names_over_300_characters_are_refused_counting_characters_not_bytes() {
    let org = at("organizations", "kora");
    let forum = at("forums", "sicherheitsdialog-dresden");
    let contact = at("contacts", "kora-kontakt");
    let fields = [
        format!("organizations[{org}].name"),
        format!("forums[{forum}].name"),
        format!("contacts[{contact}].name"),
    ];
    // "ä" is two bytes: 300 of them are 600 bytes but 300 characters.
    for path in &fields {
        let doc = edited(|d| *pointer(d, path) = json!("ä".repeat(301)));
        expect_one(
            &doc,
            path,
            Rule::TooLong,
            &format!("{path}: 301 characters"),
        );
        let doc = edited(|d| *pointer(d, path) = json!("ä".repeat(300)));
        expect_valid(&doc, &format!("{path}: 300 characters"));
    }
}

#[test]
fn blank_required_texts_are_refused() {
    let org = at("organizations", "kora");
    let forum = at("forums", "sicherheitsdialog-dresden");
    let event = at("events", "fachtagung-2024");
    let project = at("projects", "aktives-begegnen");
    let article = at("articles", "aufgaben-kosizu");
    let topic = at("topics", "dialog");
    let contact = at("contacts", "kora-kontakt");
    let cases: Vec<(String, Value, String)> = vec![
        (
            format!("organizations[{org}].name"),
            json!(""),
            format!("organizations[{org}].name"),
        ),
        (
            format!("organizations[{org}].name"),
            json!(" \t\n "),
            format!("organizations[{org}].name"),
        ),
        (
            format!("organizations[{org}].address.city"),
            json!(" "),
            format!("organizations[{org}].address.city"),
        ),
        (
            format!("forums[{forum}].name"),
            json!(""),
            format!("forums[{forum}].name"),
        ),
        (
            format!("forums[{forum}].city"),
            json!(""),
            format!("forums[{forum}].city"),
        ),
        (
            format!("events[{event}].title"),
            json!(""),
            format!("events[{event}].title"),
        ),
        (
            format!("projects[{project}].title"),
            json!({}),
            format!("projects[{project}].title"),
        ),
        (
            format!("articles[{article}].body"),
            json!({"de": "  ", "en": "Text"}),
            format!("articles[{article}].body.de"),
        ),
        (
            format!("topics[{topic}].label"),
            json!(""),
            format!("topics[{topic}].label"),
        ),
        (
            format!("contacts[{contact}].role"),
            json!(""),
            format!("contacts[{contact}].role"),
        ),
        ("meta.title".into(), json!(""), "meta.title".into()),
        ("meta.publisher".into(), json!(" "), "meta.publisher".into()),
        ("meta.version".into(), json!(""), "meta.version".into()),
    ];
    for (field, value, path) in cases {
        let doc = edited(|d| *pointer(d, &field) = value.clone());
        expect_one(&doc, &path, Rule::Blank, &format!("{field} = {value}"));
    }
}

// ---------------------------------------------------------------------------
// contacts, synonyms

#[test]
fn a_contact_without_phone_mobile_or_email_is_refused() {
    let i = at("contacts", "kosizu-kontakt"); // has only an e-mail address
    let doc = edited(|d| {
        d["contacts"][i].as_object_mut().unwrap().remove("email");
    });
    expect_one(
        &doc,
        &format!("contacts[{i}]"),
        Rule::Unreachable,
        "no way to reach",
    );
    let doc = edited(|d| {
        let contact = &mut d["contacts"][i];
        contact["email"] = Value::Null;
        contact["phone"] = Value::Null;
        contact["mobile"] = Value::Null;
    });
    expect_one(
        &doc,
        &format!("contacts[{i}]"),
        Rule::Unreachable,
        "all three null",
    );
    let doc = edited(|d| {
        d["contacts"][i].as_object_mut().unwrap().remove("email");
        d["contacts"][i]["mobile"] = json!("0171 1234567");
    });
    expect_valid(&doc, "a mobile number is enough");
}

#[test]
fn a_synonym_group_of_one_word_is_refused() {
    let doc = edited(|d| d["synonyms"][0] = json!(["kripo"]));
    expect_one(&doc, "synonyms[0]", Rule::SynonymGroup, "one word");
    let doc = edited(|d| d["synonyms"][0] = json!([]));
    expect_one(&doc, "synonyms[0]", Rule::SynonymGroup, "no word");
    let doc = edited(|d| d["synonyms"][0] = json!(["kripo", " "]));
    expect_exactly(
        &doc,
        &[
            ("synonyms[0]", Rule::SynonymGroup),
            ("synonyms[0][1]", Rule::Blank),
        ],
        "one word and a blank",
    );
}

// ---------------------------------------------------------------------------
// header

#[test]
fn a_wrong_format_name_is_refused() {
    for format in [
        json!("dialognetz"),
        json!("Dialognetz-Dataset"),
        json!(""),
        json!(1),
        Value::Null,
    ] {
        let doc = edited(|d| d["format"] = format.clone());
        expect_one(&doc, "format", Rule::Format, &format!("format {format}"));
    }
    let doc = edited(|d| {
        d.as_object_mut().unwrap().remove("format");
    });
    expect_one(&doc, "format", Rule::Format, "format missing");
}

#[test]
fn a_newer_format_version_asks_to_update_the_app() {
    for version in [2u64, 3, 1000] {
        let doc = edited(|d| d["format_version"] = json!(version));
        let problem = expect_one(
            &doc,
            "format_version",
            Rule::FormatVersionUnsupported,
            &format!("format_version {version}"),
        );
        let message = problem.message.to_lowercase();
        assert!(
            message.contains("update") && message.contains("app"),
            "the message must tell the user to update the app: {}",
            problem.message
        );
    }
}

#[test]
fn a_newer_format_version_is_reported_alone_even_with_other_problems() {
    // A newer version may mean anything: nothing else is checked.
    let doc = edited(|d| {
        d["format_version"] = json!(2);
        d["organizations"][0]["kind"] = json!("neue_art");
        d["meta"]["published_at"] = json!("bald");
    });
    expect_one(
        &doc,
        "format_version",
        Rule::FormatVersionUnsupported,
        "version 2 with other news",
    );
}

#[test]
fn a_missing_or_malformed_format_version_is_refused() {
    for version in [
        json!("1"),
        json!(1.5),
        json!(0),
        json!(-1),
        Value::Null,
        json!(true),
        json!([1]),
    ] {
        let doc = edited(|d| d["format_version"] = version.clone());
        expect_one(
            &doc,
            "format_version",
            Rule::Type,
            &format!("format_version {version}"),
        );
    }
    let doc = edited(|d| {
        d.as_object_mut().unwrap().remove("format_version");
    });
    expect_one(&doc, "format_version", Rule::Type, "format_version missing");
}

// ---------------------------------------------------------------------------
// types

#[test]
fn type_errors_name_the_path_of_the_wrong_value() {
    let sms = at("organizations", "sms-sachsen"); // parent of another organisation
    let dik = at("organizations", "dik");
    let bamf = at("organizations", "bamf");
    let forum = at("forums", "sicherheitsdialog-dresden");
    let event = at("events", "fachtagung-2024");
    let kora = at("organizations", "kora");
    let cases: Vec<(&str, Edit, String)> = vec![
        (
            "unknown kind",
            Box::new(move |d: &mut Value| d["organizations"][sms]["kind"] = json!("polizei")),
            format!("organizations[{sms}].kind"),
        ),
        (
            "latitude as a string",
            Box::new(move |d: &mut Value| {
                d["organizations"][dik]["geo"] = json!({"lat": "52.1", "lon": 13.4})
            }),
            format!("organizations[{dik}].geo.lat"),
        ),
        (
            "name missing",
            Box::new(move |d: &mut Value| {
                d["organizations"][dik]
                    .as_object_mut()
                    .unwrap()
                    .remove("name");
            }),
            format!("organizations[{dik}]"),
        ),
        (
            "name null",
            Box::new(move |d: &mut Value| d["organizations"][dik]["name"] = Value::Null),
            format!("organizations[{dik}].name"),
        ),
        (
            "topic id as a number",
            Box::new(move |d: &mut Value| d["organizations"][bamf]["topics"][1] = json!(7)),
            format!("organizations[{bamf}].topics[1]"),
        ),
        (
            "members as one string",
            Box::new(move |d: &mut Value| d["forums"][forum]["members"] = json!("kora")),
            format!("forums[{forum}].members"),
        ),
        (
            "open_to_new_members as text",
            Box::new(move |d: &mut Value| d["forums"][forum]["open_to_new_members"] = json!("ja")),
            format!("forums[{forum}].open_to_new_members"),
        ),
        (
            "number inside a LocalizedText",
            Box::new(move |d: &mut Value| d["events"][event]["title"]["en"] = json!(2024)),
            format!("events[{event}].title.en"),
        ),
        (
            "address without city",
            Box::new(move |d: &mut Value| {
                d["organizations"][kora]["address"] = json!({"street": "Albertstr. 10"})
            }),
            format!("organizations[{kora}].address"),
        ),
        (
            "meta missing",
            Box::new(|d: &mut Value| {
                d.as_object_mut().unwrap().remove("meta");
            }),
            "meta".into(),
        ),
        (
            "meta null",
            Box::new(|d: &mut Value| d["meta"] = Value::Null),
            "meta".into(),
        ),
        (
            "meta.title missing",
            Box::new(|d: &mut Value| {
                d["meta"].as_object_mut().unwrap().remove("title");
            }),
            "meta".into(),
        ),
        (
            "list as an object",
            Box::new(|d: &mut Value| d["events"] = json!({"fachtagung-2024": {}})),
            "events".into(),
        ),
        (
            "synonym group as a string",
            Box::new(|d: &mut Value| d["synonyms"][2] = json!("moschee, dschami")),
            "synonyms[2]".into(),
        ),
    ];
    for (case, edit, path) in cases {
        let doc = edited(|d| edit(d));
        expect_one(&doc, &path, Rule::Type, case);
    }
}

#[test]
fn objects_written_as_lists_are_refused() {
    // serde's derived structs also read a JSON array field by field; the
    // format's objects must be objects.
    let bmfsfj = at("organizations", "bmfsfj");
    let kora = at("organizations", "kora");
    let bamf = at("organizations", "bamf");
    let cases: Vec<(&str, Edit, String)> = vec![
        (
            "meta as a list of its values",
            Box::new(|d: &mut Value| {
                d["meta"] = json!([
                    "sicher-zusammenleben",
                    "Titel",
                    "Netz",
                    "1",
                    "2024-02-15T09:00:00+01:00"
                ])
            }),
            "meta".into(),
        ),
        (
            "an organisation as a list of its values",
            Box::new(move |d: &mut Value| {
                d["organizations"][bmfsfj] = json!([
                    "bmfsfj",
                    "Bundesministerium für Familie",
                    null,
                    "government"
                ])
            }),
            format!("organizations[{bmfsfj}]"),
        ),
        (
            "geo as a coordinate pair",
            Box::new(move |d: &mut Value| d["organizations"][kora]["geo"] = json!([51.05, 13.74])),
            format!("organizations[{kora}].geo"),
        ),
        (
            "address as a list",
            Box::new(move |d: &mut Value| {
                d["organizations"][bamf]["address"] =
                    json!(["Frankenstr. 210", "90461", "Nürnberg", "BY"])
            }),
            format!("organizations[{bamf}].address"),
        ),
    ];
    let failures: Vec<String> = cases
        .into_iter()
        .filter_map(|(case, edit, path)| {
            let doc = edited(|d| edit(d));
            check_exactly(&doc, &[(&path, Rule::Type)], case).err()
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

// ---------------------------------------------------------------------------
// forward compatibility, null

#[test]
fn unknown_keys_are_accepted_at_every_level() {
    let doc = edited(|d| {
        let extra = json!({"x-future": [1, {"deep": null}], "notiz": "intern"});
        fn add(object: &mut Value, extra: &Value) {
            let object = object.as_object_mut().expect("an object");
            object.insert("x_unknown".into(), extra.clone());
            object.insert("Großbuchstaben und Leerzeichen".into(), json!(true));
        }
        add(d, &extra);
        add(&mut d["meta"], &extra);
        for list in [
            "topics",
            "organizations",
            "contacts",
            "forums",
            "events",
            "projects",
            "articles",
        ] {
            for entry in d[list].as_array_mut().unwrap() {
                add(entry, &extra);
            }
        }
        let kora = index(d, "organizations", "kora");
        add(&mut d["organizations"][kora]["address"], &extra);
        d["organizations"][kora]["geo"] = json!({"lat": 51.05, "lon": 13.74, "alt": 113});
        let contact = index(d, "contacts", "kora-kontakt");
        add(&mut d["contacts"][contact]["area"], &extra);
        let event = index(d, "events", "fachtagung-2024");
        add(&mut d["events"][event]["registration"], &extra);
        let project = index(d, "projects", "aktives-begegnen");
        d["projects"][project]["links"] =
            json!([{"label": "Projektseite", "url": "https://www.bamf.de", "rel": "nofollow"}]);
        d["videos"] = json!([{"id": "dialog", "url": "javascript:ignored-because-unknown"}]);
    });
    expect_valid(&doc, "unknown keys everywhere");
}

#[test]
fn null_means_absent_for_optional_fields_and_lists() {
    let doc = edited(|d| {
        for key in ["default_language", "license", "contact_email", "synthetic"] {
            d["meta"][key] = Value::Null;
        }
        for key in ["events", "projects", "articles", "synonyms"] {
            d[key] = Value::Null;
        }
        let kora = index(d, "organizations", "kora");
        for key in [
            "short_name",
            "description",
            "geo",
            "phone",
            "email",
            "website",
            "languages",
            "topics",
        ] {
            d["organizations"][kora][key] = Value::Null;
        }
        for key in ["street", "postcode", "state"] {
            d["organizations"][kora]["address"][key] = Value::Null;
        }
        let bamf = index(d, "organizations", "bamf");
        d["organizations"][bamf]["parent"] = Value::Null;
        d["organizations"][bamf]["address"] = Value::Null;
        let contact = index(d, "contacts", "kora-kontakt");
        for key in [
            "name",
            "phone",
            "mobile",
            "languages",
            "availability",
            "area",
            "topics",
        ] {
            d["contacts"][contact][key] = Value::Null;
        }
        let forum = index(d, "forums", "sicherheitsdialog-dresden");
        for key in [
            "kind",
            "state",
            "geo",
            "established",
            "formalized",
            "members",
            "coordinators",
            "contact",
            "meeting",
            "open_to_new_members",
            "description",
            "topics",
        ] {
            d["forums"][forum][key] = Value::Null;
        }
    });
    expect_valid(&doc, "null in optional fields and lists");

    // The fields of events, projects and articles, and inside nested objects.
    let doc = edited(|d| {
        let event = index(d, "events", "fachtagung-2024");
        for key in [
            "end",
            "city",
            "venue",
            "state",
            "organizer",
            "description",
            "topics",
        ] {
            d["events"][event][key] = Value::Null;
        }
        d["events"][event]["registration"] =
            json!({"email": "Sicher.Zusammenleben@bamf.bund.de", "url": null, "deadline": null});
        let project = index(d, "projects", "aktives-begegnen");
        for key in [
            "start",
            "end",
            "city",
            "state",
            "partners",
            "funder",
            "description",
            "links",
            "topics",
        ] {
            d["projects"][project][key] = Value::Null;
        }
        let article = index(d, "articles", "aufgaben-kosizu");
        d["articles"][article]["published_at"] = Value::Null;
        d["articles"][article]["topics"] = Value::Null;
        let contact = index(d, "contacts", "kora-kontakt");
        d["contacts"][contact]["area"] = json!({"state": null, "city": null});
    });
    expect_valid(
        &doc,
        "null in events, projects, articles and nested objects",
    );

    // A whole event's registration may be null as well.
    let doc = edited(|d| {
        let event = index(d, "events", "fachtagung-2024");
        d["events"][event]["registration"] = Value::Null;
    });
    expect_valid(&doc, "registration null");
}

// ---------------------------------------------------------------------------
// all problems at once

#[test]
fn a_document_with_several_problems_reports_all_of_them() {
    let kora = at("organizations", "kora");
    let dik = at("organizations", "dik");
    let contact = at("contacts", "kosizu-kontakt");
    let forum = at("forums", "sicherheitsdialog-dresden");
    let event = at("events", "fachtagung-2024");
    let project = at("projects", "aktives-begegnen");
    let article = at("articles", "ueber-kosizu");
    let doc = edited(|d| {
        d["meta"]["license"] = json!("CC BY");
        d["organizations"][kora]["address"]["state"] = json!("XX");
        d["organizations"][kora]["website"] = json!("javascript:alert(1)");
        d["organizations"][dik]["kind"] = json!("ministerium");
        d["contacts"][contact]["email"] = json!("kein-at-zeichen");
        d["forums"][forum]["geo"] = json!({"lat": 91, "lon": 13.7});
        d["forums"][forum]["members"][0] = json!("gibt-es-nicht");
        d["events"][event]["end"] = json!("2024-03-01");
        d["projects"][project]["funder"] = json!("bundesamt");
        d["articles"][article]["published_at"] = json!("2024-02-30");
        d["synonyms"][3] = json!(["lka"]);
    });
    let expected = [
        ("meta.license".to_string(), Rule::License),
        (format!("organizations[{kora}].address.state"), Rule::State),
        (format!("organizations[{kora}].website"), Rule::Url),
        (format!("organizations[{dik}].kind"), Rule::Type),
        (format!("contacts[{contact}].email"), Rule::Email),
        (format!("forums[{forum}].geo"), Rule::GeoRange),
        (
            format!("forums[{forum}].members[0]"),
            Rule::ReferenceUnresolved,
        ),
        (format!("events[{event}].end"), Rule::DateOrder),
        (
            format!("projects[{project}].funder"),
            Rule::ReferenceUnresolved,
        ),
        (format!("articles[{article}].published_at"), Rule::Date),
        ("synonyms[3]".to_string(), Rule::SynonymGroup),
    ];
    let found = problems(&doc);
    assert_eq!(
        found.len(),
        expected.len(),
        "all problems, once each:\n{}",
        listing(&found)
    );
    let expected: Vec<(&str, Rule)> = expected.iter().map(|(p, r)| (p.as_str(), *r)).collect();
    expect_exactly(&doc, &expected, "eleven problems in one document");
}
