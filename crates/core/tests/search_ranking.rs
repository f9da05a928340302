//! The matching and ranking rules of `dialognetz_core::search` (its module
//! docs), one test per rule, each on a small dataset made for it. Entries
//! are listed so that the rules *after* the one under test (shorter names,
//! dataset order) would put them the other way round: only the rule under
//! test can give the expected order.

use dialognetz_core::search::text::normalize_words;
use dialognetz_core::search::{
    EntityType, FacetCount, Hit, MatchKind, Query, RankDetails, SearchIndex, SearchResults,
};
use dialognetz_core::{
    validate, Address, Contact, Dataset, Event, Forum, Id, LocalizedText, Meta, Organization,
    OrganizationKind, Project, StateCode, SynonymGroup, Timestamp, FORMAT_NAME,
};
use dialognetz_core::{Article, Phone, Postcode};

/// An organisation of kind `other` (whose kind label adds no words), with a
/// city and, if not empty, a description.
fn org(id: &str, name: &str, city: &str, description: &str) -> Organization {
    Organization {
        id: Id::from(id),
        name: name.to_owned(),
        short_name: None,
        kind: OrganizationKind::Other,
        description: (!description.is_empty()).then(|| LocalizedText::from(description)),
        address: Some(Address {
            street: None,
            postcode: None,
            city: city.to_owned(),
            state: None,
        }),
        geo: None,
        phone: None,
        email: None,
        website: None,
        languages: Vec::new(),
        parent: None,
        topics: Vec::new(),
    }
}

/// A minimal valid dataset of these organisations: `(id, name, city,
/// description)`.
fn dataset(orgs: &[(&str, &str, &str, &str)]) -> Dataset {
    Dataset {
        format: FORMAT_NAME.to_owned(),
        format_version: 1,
        meta: Meta {
            id: Id::from("ranking-test"),
            title: LocalizedText::from("Ranking test"),
            publisher: "Tests".to_owned(),
            version: "1".to_owned(),
            published_at: Timestamp::from("2025-01-15T12:00:00+01:00"),
            default_language: None,
            license: None,
            contact_email: None,
            synthetic: Some(true),
        },
        topics: Vec::new(),
        organizations: orgs
            .iter()
            .map(|&(id, name, city, description)| org(id, name, city, description))
            .collect(),
        contacts: Vec::new(),
        forums: Vec::new(),
        events: Vec::new(),
        projects: Vec::new(),
        articles: Vec::new(),
        synonyms: Vec::new(),
    }
}

fn with_synonyms(mut dataset: Dataset, groups: &[&[&str]]) -> Dataset {
    dataset.synonyms = groups
        .iter()
        .map(|g| SynonymGroup(g.iter().map(|w| (*w).to_owned()).collect()))
        .collect();
    dataset
}

/// Sets the street of the `i`th organisation's address.
fn with_street(data: &mut Dataset, i: usize, street: &str) {
    data.organizations[i]
        .address
        .as_mut()
        .expect("address")
        .street = Some(street.to_owned());
}

/// A contact of organisation `organization` with a phone number and
/// nothing else but its (optional) name and role.
fn contact(id: &str, organization: &str, name: Option<&str>, role: &str) -> Contact {
    Contact {
        id: Id::from(id),
        organization: Id::from(organization),
        name: name.map(str::to_owned),
        role: LocalizedText::from(role),
        phone: Some(Phone::from("0431 12345")),
        mobile: None,
        email: None,
        languages: Vec::new(),
        availability: None,
        area: None,
        topics: Vec::new(),
    }
}

/// A forum in Kiel with nothing else but its name.
fn forum(id: &str, name: &str) -> Forum {
    Forum {
        id: Id::from(id),
        name: name.to_owned(),
        kind: None,
        city: "Kiel".to_owned(),
        state: None,
        geo: None,
        established: None,
        formalized: None,
        members: Vec::new(),
        coordinators: Vec::new(),
        contact: None,
        meeting: None,
        open_to_new_members: None,
        description: None,
        topics: Vec::new(),
    }
}

/// The index of a dataset that has first been proven valid (written as JSON
/// and read back by `validate`).
fn index(dataset: &Dataset) -> SearchIndex {
    let bytes = serde_json::to_vec(dataset).expect("serialises");
    let read = validate(&bytes).unwrap_or_else(|p| panic!("the test dataset is invalid: {p:#?}"));
    SearchIndex::build(&read)
}

fn search(index: &SearchIndex, text: &str) -> SearchResults {
    index.search(&Query::new(text, 100))
}

fn ids(index: &SearchIndex, text: &str) -> Vec<String> {
    search(index, text).hits.into_iter().map(|h| h.id).collect()
}

/// The hits that have every word (none when the result is partial).
fn full_ids(index: &SearchIndex, text: &str) -> Vec<String> {
    let results = search(index, text);
    if results.partial {
        return Vec::new();
    }
    results.hits.into_iter().map(|h| h.id).collect()
}

/// Each hit's id with one of its rank details, in the order found.
fn ranked<T>(results: &SearchResults, detail: impl Fn(&RankDetails) -> T) -> Vec<(&str, T)> {
    results
        .hits
        .iter()
        .map(|h| (h.id.as_str(), detail(&h.rank)))
        .collect()
}

fn hit<'a>(results: &'a SearchResults, id: &str) -> &'a Hit {
    results
        .hits
        .iter()
        .find(|h| h.id == id)
        .unwrap_or_else(|| panic!("{id} not found: {:#?}", results.hits))
}

fn rank(index: &SearchIndex, text: &str, id: &str) -> RankDetails {
    hit(&search(index, text), id).rank
}

fn count(counts: &[FacetCount], value: &str) -> usize {
    counts
        .iter()
        .find(|c| c.value == value)
        .map_or(0, |c| c.count)
}

// ---------------------------------------------------------------- matching

#[test]
fn exact_word_matches_with_no_typo_and_exactness_zero() {
    let index = index(&dataset(&[("a", "Moschee Kiel", "Kiel", "")]));
    let r = rank(&index, "moschee ", "a");
    assert_eq!(
        (r.words, r.typos, r.fields, r.exactness),
        (1, 0, 0, 0),
        "{r:?}"
    );
}

#[test]
fn last_word_matches_as_prefix_while_typing() {
    let index = index(&dataset(&[("a", "Moscheegemeinde Kiel", "Kiel", "")]));
    for typed in [
        "m",
        "mo",
        "mosc",
        "moschee",
        "moscheegem",
        "kiel moschee",
        "kiel mosc",
    ] {
        assert_eq!(ids(&index, typed), ["a"], "{typed}");
    }
    // Only the last word is a prefix.
    assert!(full_ids(&index, "mosc kiel").is_empty());
}

#[test]
fn query_ending_in_space_is_no_prefix() {
    let index = index(&dataset(&[("a", "Moschee Kiel", "Kiel", "")]));
    assert_eq!(ids(&index, "mosch"), ["a"]);
    assert!(
        ids(&index, "mosch ").is_empty(),
        "a finished word is no prefix"
    );
    assert!(full_ids(&index, "kiel mosch ").is_empty());
    assert_eq!(rank(&index, "mosch", "a").exactness, 1, "a prefix match");
}

#[test]
fn compound_part_finds_the_compound() {
    let index = index(&dataset(&[
        ("revier", "Polizeirevier Nord", "Kiel", ""),
        ("gemeinde", "Moscheegemeinde Süd", "Kiel", ""),
        ("stelle", "Kriminalpolizeistelle West", "Kiel", ""),
    ]));
    assert_eq!(ids(&index, "revier "), ["revier"]);
    assert_eq!(ids(&index, "gemeinde "), ["gemeinde"]);
    for part in ["polizei ", "polizeistelle ", "stelle ", "kriminal "] {
        assert!(ids(&index, part).contains(&"stelle".to_owned()), "{part}");
    }
    assert_eq!(
        rank(&index, "revier ", "revier").exactness,
        2,
        "a compound part"
    );
}

#[test]
fn start_of_a_compound_part_matches_only_while_typing() {
    let index = index(&dataset(&[("a", "Moscheegemeinde Süd", "Kiel", "")]));
    assert_eq!(ids(&index, "gemein"), ["a"]);
    assert_eq!(
        rank(&index, "gemein", "a").exactness,
        MatchKind::CompoundPrefix as u8,
        "the start of a part"
    );
    assert!(ids(&index, "gemein ").is_empty());
}

#[test]
fn stems_meet() {
    let index = index(&dataset(&[
        ("moschee", "Moschee Nord", "Kiel", ""),
        ("vereine", "Vereine Süd", "Kiel", ""),
    ]));
    assert_eq!(ids(&index, "moscheen "), ["moschee"]);
    assert_eq!(ids(&index, "verein "), ["vereine"]);
    assert_eq!(
        rank(&index, "verein ", "vereine").exactness,
        MatchKind::Stem as u8,
        "a stem match"
    );
    assert_eq!(rank(&index, "verein ", "vereine").typos, 0);
}

#[test]
fn synonym_group_member_finds_the_other() {
    let data = with_synonyms(
        dataset(&[
            ("kriminalpolizei", "Kriminalpolizei Kiel", "Kiel", ""),
            ("kripo", "Kripo Lübeck", "Lübeck", ""),
            ("stelle", "Kriminalpolizeistelle Heide", "Heide", ""),
            ("other", "Wasserschutz Husum", "Husum", ""),
        ]),
        &[&["kripo", "kriminalpolizei"]],
    );
    let index = index(&data);
    let found = ids(&index, "kripo ");
    for id in ["kriminalpolizei", "kripo", "stelle"] {
        assert!(
            found.contains(&id.to_owned()),
            "kripo finds {id}: {found:?}"
        );
    }
    assert!(!found.contains(&"other".to_owned()));
    let found = ids(&index, "kriminalpolizei ");
    assert!(
        found.contains(&"kripo".to_owned()),
        "the other way round: {found:?}"
    );
    // The synonym is told apart from the word itself.
    let r = rank(&index, "kripo ", "kriminalpolizei");
    assert_eq!(
        (r.typos, r.exactness),
        (0, MatchKind::Synonym as u8),
        "a synonym match: {r:?}"
    );
    assert_eq!(rank(&index, "kripo ", "kripo").exactness, 0);
    assert_eq!(ids(&index, "kripo ")[0], "kripo", "the word itself first");
}

#[test]
fn multi_word_synonym_needs_all_its_words() {
    let data = with_synonyms(
        dataset(&[
            (
                "bamf",
                "Bundesamt für Migration und Flüchtlinge",
                "Nürnberg",
                "",
            ),
            ("statistik", "Bundesamt für Statistik", "Wiesbaden", ""),
            ("migration", "Migrationsberatung für Frauen", "Kiel", ""),
        ]),
        &[&["bamf", "bundesamt für migration"]],
    );
    let index = index(&data);
    assert_eq!(ids(&index, "bamf"), ["bamf"]);
    assert_eq!(ids(&index, "bamf "), ["bamf"]);
    let r = rank(&index, "bamf", "bamf");
    assert_eq!(
        (r.fields, r.exactness),
        (0, MatchKind::Synonym as u8),
        "{r:?}"
    );
}

#[test]
fn typos_one_from_four_letters() {
    let index = index(&dataset(&[
        ("kiel", "Wache Kiel", "Nord", ""),
        ("ulm", "Wache Ulm", "Süd", ""),
    ]));
    // Three letters: none.
    assert!(ids(&index, "ulk ").is_empty());
    assert!(ids(&index, "ul ").is_empty());
    // Four: one, not two.
    assert_eq!(ids(&index, "kiek "), ["kiel"]);
    assert_eq!(rank(&index, "kiek ", "kiel").typos, 1);
    assert!(ids(&index, "kxek ").is_empty());
}

#[test]
fn typos_two_from_eight_letters_not_before() {
    let index = index(&dataset(&[
        ("dresden", "Wache Dresden", "Nord", ""),
        ("hannover", "Wache Hannover", "Süd", ""),
    ]));
    // Seven letters: one edit.
    assert_eq!(ids(&index, "drezden "), ["dresden"]);
    assert!(
        ids(&index, "dreesdn ").is_empty(),
        "two edits in a seven-letter word"
    );
    // Eight: two.
    assert_eq!(ids(&index, "hanovver "), ["hannover"]);
    assert_eq!(rank(&index, "hanovver ", "hannover").typos, 2);
    assert!(ids(&index, "haxovvex ").is_empty(), "three edits");
}

#[test]
fn transposition_of_neighbours_is_one_typo() {
    let index = index(&dataset(&[("a", "Wache Flensburg", "Flensburg", "")]));
    let r = rank(&index, "flensbrug ", "a");
    assert_eq!(r.typos, 1, "{r:?}");
    let r = rank(&index, "wahce ", "a");
    assert_eq!(r.typos, 1, "{r:?}");
}

#[test]
fn digits_never_match_by_typo() {
    let mut data = dataset(&[
        ("a", "Wache Nord", "Kiel", ""),
        ("b", "Wache Süd", "Kiel", ""),
    ]);
    let address = data.organizations[0].address.as_mut().expect("address");
    address.postcode = Some(Postcode::from("24538"));
    address.street = Some("Hauptstraße 12".to_owned());
    data.organizations[1].phone = Some(Phone::from("0431 1601310"));
    let index = index(&data);
    assert_eq!(ids(&index, "24538"), ["a"]);
    assert!(ids(&index, "24539").is_empty(), "24539 is not 24538");
    assert!(ids(&index, "24539 ").is_empty());
    assert!(ids(&index, "13 ").is_empty(), "house number 12 is not 13");
    assert!(
        ids(&index, "04311601311 ").is_empty(),
        "a phone number one digit off"
    );
    assert_eq!(ids(&index, "04311601310 "), ["b"]);
    // Prefixes are no typos: `2453` begins `24538`.
    assert_eq!(ids(&index, "2453"), ["a"]);
}

#[test]
fn several_words_are_anded_and_a_partial_result_says_so() {
    let index = index(&dataset(&[
        ("kiel", "Moschee Kiel", "Kiel", ""),
        ("nord", "Moschee Nord", "Lübeck", ""),
    ]));
    let results = search(&index, "moschee kiel");
    assert!(!results.partial);
    assert_eq!(
        results
            .hits
            .iter()
            .map(|h| h.id.as_str())
            .collect::<Vec<_>>(),
        ["kiel"]
    );
    let results = search(&index, "moschee zzzzzz");
    assert!(results.partial, "no entry has both words");
    assert_eq!(results.hits.len(), 2);
    assert!(results.hits.iter().all(|h| h.rank.words == 1));
}

#[test]
fn quelle_and_michael_still_behave() {
    // The normaliser keeps `ue` after `q` and folds `ae` after a consonant
    // the same way in the data and the query.
    assert_eq!(normalize_words("Quelle"), ["quelle"]);
    assert_ne!(normalize_words("Quelle"), normalize_words("Qülle"));
    assert_eq!(normalize_words("Michael"), normalize_words("MICHAEL"));
    let index = index(&dataset(&[
        ("quelle", "Quelle e.V.", "Kiel", ""),
        ("michael", "Michael Schmidt Beratung", "Lübeck", ""),
    ]));
    for q in ["quelle", "Quelle", "QUELLE", "quelle ", "Quell", "que"] {
        let r = rank(&index, q, "quelle");
        assert_eq!(r.typos, 0, "{q}: {r:?}");
    }
    // `Qülle` and `qulle` are not `Quelle` spelled out: only a typo.
    for q in ["Qülle ", "qulle "] {
        let r = rank(&index, q, "quelle");
        assert_eq!(r.typos, 1, "{q}: {r:?}");
    }
    for q in [
        "michael", "Michael", "MICHAEL", "michael ", "Michae", "Mich",
    ] {
        let r = rank(&index, q, "michael");
        assert_eq!(r.typos, 0, "{q}: {r:?}");
    }
    assert_eq!(ids(&index, "michael schmidt"), ["michael"]);
}

#[test]
fn strasse_str_and_strasse_meet() {
    let mut data = dataset(&[
        ("a", "Wache Nord", "Kiel", ""),
        ("b", "Wache Süd", "Kiel", ""),
    ]);
    with_street(&mut data, 0, "Albertstr. 10");
    with_street(&mut data, 1, "Große Straße 3");
    let index = index(&data);
    for q in [
        "albertstraße",
        "Albertstrasse",
        "Albertstr.",
        "albertstr",
        "ALBERTSTRASSE ",
        "Albertstraße 10",
    ] {
        assert_eq!(ids(&index, q), ["a"], "{q}");
        let r = rank(&index, q, "a");
        assert_eq!((r.typos, r.exactness), (0, 0), "{q}: {r:?}");
    }
    for q in [
        "grosse strasse",
        "Große Str.",
        "grosse str",
        "GROSSE STRASSE",
    ] {
        assert_eq!(ids(&index, q), ["b"], "{q}");
    }
}

#[test]
fn prefix_ending_in_str_still_finds_as_you_type() {
    // Every typed prefix of a word begins it; the `str` → `strasse` rule
    // must not turn `Str`, `Industr` or `Demonstr` into a finished word.
    let index = index(&dataset(&[
        ("strand", "Strandwache Sylt", "Sylt", ""),
        ("stralsund", "Wache Stralsund", "Stralsund", ""),
        ("industrie", "Industriegebiet Wache", "Kiel", ""),
        ("demo", "Demonstrationsbeobachtung", "Kiel", ""),
    ]));
    let mut failures = Vec::new();
    for (word, id) in [
        ("strandwache", "strand"),
        ("stralsund", "stralsund"),
        ("industriegebiet", "industrie"),
        ("demonstrationsbeobachtung", "demo"),
    ] {
        for len in 1..=word.len() {
            let typed = &word[..len];
            if !ids(&index, typed).contains(&id.to_owned()) {
                failures.push(typed.to_owned());
            }
        }
    }
    assert!(
        failures.is_empty(),
        "typed prefixes that do not find their word: {failures:?}"
    );
}

// ----------------------------------------------------------------- ranking

#[test]
fn more_matched_words_first_in_partial_results() {
    let index = index(&dataset(&[
        ("one", "Moschee", "Lübeck", ""),
        ("two", "Moschee Kiel Nord", "Kiel", ""),
    ]));
    let results = search(&index, "moschee kiel zzzzzz");
    assert!(results.partial);
    let got = ranked(&results, |r| r.words);
    assert_eq!(got, [("two", 2), ("one", 1)]);
}

#[test]
fn typo_matches_are_left_out_once_a_name_matches_as_typed() {
    // A name that has the word as typed: the near-misses are left out.
    let index = index(&dataset(&[
        ("two", "Polzeirevir", "Kiel", ""),
        ("one", "Polizeirevir Nord", "Lübeck", ""),
        ("zero", "Polizeirevier Nord Ost", "Husum", ""),
    ]));
    let typos = |q: &str| -> Vec<(String, u8)> {
        search(&index, q)
            .hits
            .iter()
            .map(|h| (h.id.clone(), h.rank.typos))
            .collect()
    };
    assert_eq!(typos("polizeirevier "), [("zero".to_owned(), 0)]);
    assert_eq!(typos("polizeirevir "), [("one".to_owned(), 0)]);
    // No name has it as typed: every typo match is kept, fewer typos first.
    // `polizeirevirx` is one edit from `Polizeirevir`, two from the others.
    let got = typos("polizeirevirx ");
    assert_eq!(got[0], ("one".to_owned(), 1));
    assert_eq!(got.len(), 3);
    assert!(got.windows(2).all(|w| w[0].1 <= w[1].1), "{got:?}");
}

#[test]
fn fewer_typos_first_among_partial_results() {
    // A partial result: no entry has `zzzzzz`; the rest as above.
    let index = index(&dataset(&[
        ("two", "Polzeirevir", "Kiel", ""),
        ("one", "Polizeirevir Nord", "Lübeck", ""),
        ("zero", "Polizeirevier Nord Ost", "Husum", ""),
    ]));
    let results = search(&index, "polizeirevier zzzzzz");
    assert!(results.partial);
    let got = ranked(&results, |r| r.typos);
    assert_eq!(got, [("zero", 0), ("one", 1), ("two", 2)]);
}

#[test]
fn stem_outranks_typo() {
    // A stem is no typo: `verein` finds `Vereine` as typed, so the
    // misspelt `Verien` (a typo away) is left out.
    let both = index(&dataset(&[
        ("typo", "Verien Süd", "Kiel", ""),
        ("stem", "Vereine Nord", "Kiel", ""),
    ]));
    assert_eq!(ids(&both, "verein "), ["stem"]);
    assert_eq!(hit(&search(&both, "verein "), "stem").rank.typos, 0);
    // Without the stem match the typo one is found.
    let alone = index(&dataset(&[("typo", "Verien Süd", "Kiel", "")]));
    assert_eq!(hit(&search(&alone, "verein "), "typo").rank.typos, 1);
}

#[test]
fn name_outranks_city_outranks_other_outranks_description() {
    let mut data = dataset(&[
        ("description", "Wache", "Nord", "Zuständig für Kiel"),
        ("other", "Wache Ost", "Süd", ""),
        ("city", "Wache West", "Kiel", ""),
        ("name", "Wache Kiel Mitte", "Ost", ""),
    ]);
    with_street(&mut data, 1, "Am Kiel 3");
    let index = index(&data);
    let results = search(&index, "kiel");
    let got = ranked(&results, |r| r.fields);
    assert_eq!(
        got,
        [("name", 0), ("city", 1), ("other", 2), ("description", 3)]
    );
}

#[test]
fn contact_role_is_its_name_only_without_a_person() {
    // Rule 4: a named contact's role is a job description, ranked with the
    // other fields; a contact without a person's name is called by its role.
    let mut data = dataset(&[("org", "Wache Nord", "Kiel", "")]);
    data.contacts.push(contact(
        "contact",
        "org",
        Some("Erika Muster"),
        "Integrationsbeauftragte",
    ));
    let named = index(&data);
    assert_eq!(rank(&named, "erika", "contact").fields, 0, "the name");
    assert_eq!(
        rank(&named, "integrationsbeauftragte", "contact").fields,
        2,
        "the role next to a name"
    );
    // The organisation's name is one of the contact's other fields.
    assert_eq!(
        rank(&named, "wache", "contact").fields,
        2,
        "the organisation"
    );
    let mut data = dataset(&[("org", "Wache Nord", "Kiel", "")]);
    data.contacts
        .push(contact("function", "org", None, "Integrationsbeauftragte"));
    let unnamed = index(&data);
    assert_eq!(
        rank(&unnamed, "integrationsbeauftragte", "function").fields,
        0
    );
}

#[test]
fn filters_do_not_hide_matches_with_typos() {
    // `dialog` is one edit from the forum's `Dialogg`; the organisation
    // matching as typed is filtered out, so the forum is the one match.
    let mut data = dataset(&[("org", "Dialog Kiel", "Kiel", "")]);
    data.forums.push(forum("forum", "Dialogg Forum"));
    let index = index(&data);
    let mut query = Query::new("dialog ", 10);
    query.filters.types = vec![EntityType::Forum];
    let results = index.search(&query);
    let got = ranked(&results, |r| r.typos);
    assert_eq!(got, [("forum", 1)]);
    assert_eq!(results.total, 1);
}

#[test]
fn short_name_counts_as_name() {
    let mut data = dataset(&[("a", "Koordinierungsstelle", "Dresden", "")]);
    data.organizations[0].short_name = Some("KORA".to_owned());
    let index = index(&data);
    let r = rank(&index, "kora", "a");
    assert_eq!((r.fields, r.exactness, r.whole_name), (0, 0, true), "{r:?}");
}

#[test]
fn field_ranks_are_summed_over_the_words_each_at_its_best() {
    let index = index(&dataset(&[
        ("both-city", "Wache", "Moschee Kiel", ""),
        ("name-city", "Moschee Süd", "Kiel", "Moschee Kiel"),
        ("both-name", "Moschee Kiel Nord Ost", "Lübeck", ""),
    ]));
    let results = search(&index, "moschee kiel");
    let got = ranked(&results, |r| r.fields);
    // 0 + 0, then 0 + 1 (the description's words do not count: worse), then
    // 1 + 1.
    assert_eq!(got, [("both-name", 0), ("name-city", 1), ("both-city", 2)]);
}

#[test]
fn all_words_in_one_field_outrank_scattered() {
    // Both sum to field rank 2: name (0) + street (2) against city (1) +
    // city (1). The scattered one has the shorter name and comes first in
    // the dataset.
    let mut data = dataset(&[
        ("scattered", "Haus Nord", "Hamburg", ""),
        ("together", "Haus Sueden", "Nord Segeberg", ""),
    ]);
    with_street(&mut data, 0, "Segeberg 4");
    let index = index(&data);
    let results = search(&index, "nord segeberg");
    let got: Vec<_> = results
        .hits
        .iter()
        .map(|h| (h.id.as_str(), h.rank.fields, h.rank.proximity))
        .collect();
    assert_eq!(got, [("together", 2, 0), ("scattered", 2, 1)]);
}

#[test]
fn whole_name_equal_to_query_comes_first() {
    // `KORA` is the whole short name of the long-named one; the short-named
    // `KORA Treff` only contains the word.
    let mut data = dataset(&[
        ("treff", "KORA Treff", "Dresden", ""),
        (
            "kora",
            "Koordinierungs- und Beratungsstelle Radikalisierungsprävention",
            "Dresden",
            "",
        ),
    ]);
    data.organizations[1].short_name = Some("KORA".to_owned());
    let index = index(&data);
    let results = search(&index, "kora");
    assert_eq!(results.hits[0].id, "kora", "{:#?}", results.hits);
    assert!(results.hits[0].rank.whole_name);
    assert!(!hit(&results, "treff").rank.whole_name);
    // The whole name, typed in any case and spelling.
    let index2 = self::index(&dataset(&[
        ("longer", "Moschee Kiel Nord", "Kiel", ""),
        ("whole", "Moschee Kiel-Nord", "Kiel", ""),
    ]));
    for q in [
        "moschee kiel-nord",
        "Moschee Kiel Nord ",
        "MOSCHEE KIEL NORD",
    ] {
        let results = search(&index2, q);
        let flags: Vec<bool> = results.hits.iter().map(|h| h.rank.whole_name).collect();
        assert_eq!(flags, [true, true], "{q}: both names are these words");
    }
}

#[test]
fn exact_name_outranks_compound_part() {
    let index = index(&dataset(&[
        ("compound", "Moscheegemeinde Kiel", "Kiel", ""),
        ("exact", "Moschee Kiel Nord-Ost e.V.", "Kiel", ""),
    ]));
    assert_eq!(ids(&index, "moschee "), ["exact", "compound"]);
    let results = search(&index, "moschee ");
    assert_eq!(hit(&results, "exact").rank.exactness, 0);
    assert_eq!(
        hit(&results, "compound").rank.exactness,
        MatchKind::CompoundInner as u8
    );
}

#[test]
fn exact_outranks_prefix() {
    let index = index(&dataset(&[
        ("prefix", "Moscheegemeinde Kiel", "Kiel", ""),
        ("exact", "Moschee Kiel Nord-Ost e.V.", "Kiel", ""),
    ]));
    assert_eq!(ids(&index, "moschee"), ["exact", "prefix"]);
    assert_eq!(rank(&index, "moschee", "prefix").exactness, 1);
}

#[test]
fn prefix_outranks_compound_part() {
    let index = index(&dataset(&[
        ("part", "Zentralmoschee Kiel", "Kiel", ""),
        ("prefix", "Moscheeverein Kiel-Nord", "Kiel", ""),
    ]));
    assert_eq!(ids(&index, "moschee"), ["prefix", "part"]);
    let results = search(&index, "moschee");
    assert_eq!(hit(&results, "prefix").rank.exactness, 1);
    assert_eq!(hit(&results, "part").rank.exactness, 2);
}

#[test]
fn compound_part_outranks_stem() {
    let index = index(&dataset(&[
        ("stem", "Vereine Nord", "Kiel", ""),
        ("part", "Kulturverein Nord-Ost", "Kiel", ""),
    ]));
    assert_eq!(ids(&index, "verein "), ["part", "stem"]);
    let results = search(&index, "verein ");
    assert!(hit(&results, "part").rank.exactness < hit(&results, "stem").rank.exactness);
}

#[test]
fn stem_outranks_synonym() {
    let data = with_synonyms(
        dataset(&[
            ("synonym", "Dschami Kiel", "Kiel", ""),
            ("stem", "Moschee Nord-Ost", "Kiel", ""),
        ]),
        &[&["moscheen", "dschami"]],
    );
    let index = index(&data);
    assert_eq!(ids(&index, "moscheen "), ["stem", "synonym"]);
    let results = search(&index, "moscheen ");
    assert_eq!(hit(&results, "stem").rank.exactness, MatchKind::Stem as u8);
    assert_eq!(
        hit(&results, "synonym").rank.exactness,
        MatchKind::Synonym as u8
    );
}

#[test]
fn exactness_is_summed_over_the_words() {
    let index = index(&dataset(&[
        ("prefix", "Moscheegemeinde Kieler", "Kiel", ""),
        ("one-prefix", "Moschee Kieler Nord", "Kiel", ""),
        ("exact", "Moschee Kiel Nord-Ost", "Kiel", ""),
    ]));
    let results = search(&index, "moschee kiel");
    let got = ranked(&results, |r| r.exactness);
    // `moschee` an inner part (3) + `kieler` a prefix (1).
    assert_eq!(
        got,
        [
            ("exact", 0),
            ("one-prefix", 1),
            ("prefix", MatchKind::CompoundInner as u8 + 1)
        ]
    );
}

#[test]
fn shorter_name_first_at_equal_score() {
    let index = index(&dataset(&[
        ("long", "Moschee Kiel Nord", "Kiel", ""),
        ("short", "Moschee Nord", "Kiel", ""),
    ]));
    let results = search(&index, "moschee");
    assert_eq!(results.hits[0].id, "short");
    assert_eq!(
        results.hits[0].rank, results.hits[1].rank,
        "a tie by the rules"
    );
    assert_eq!(results.hits[0].score, results.hits[1].score);
}

#[test]
fn tie_break_is_stable_dataset_order() {
    let data = dataset(&[
        ("c", "Moschee Gamma", "Kiel", ""),
        ("a", "Moschee Alpha", "Kiel", ""),
        ("b", "Moschee Betaa", "Kiel", ""),
    ]);
    let index = index(&data);
    assert_eq!(ids(&index, "moschee"), ["c", "a", "b"]);
    // The same after a rebuild, a save and a load, and page by page.
    assert_eq!(ids(&self::index(&data), "moschee"), ["c", "a", "b"]);
    let loaded = SearchIndex::from_bytes(&index.to_bytes()).expect("loads");
    assert_eq!(ids(&loaded, "moschee"), ["c", "a", "b"]);
    let page = |offset| {
        let mut q = Query::new("moschee", 1);
        q.offset = offset;
        index
            .search(&q)
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect::<Vec<_>>()
    };
    assert_eq!([page(0), page(1), page(2)].concat(), ["c", "a", "b"]);
}

#[test]
fn entry_types_at_equal_score_in_static_rank_order() {
    let name = "Dialog Kiel";
    let mut data = dataset(&[("org", name, "Kiel", "")]);
    data.articles.push(Article {
        id: Id::from("article"),
        title: LocalizedText::from(name),
        body: LocalizedText::from("Text"),
        published_at: None,
        topics: Vec::new(),
    });
    data.projects.push(Project {
        id: Id::from("project"),
        title: LocalizedText::from(name),
        start: None,
        end: None,
        city: Some("Kiel".to_owned()),
        state: None,
        partners: Vec::new(),
        funder: None,
        description: None,
        links: Vec::new(),
        topics: Vec::new(),
    });
    data.events.push(Event {
        id: Id::from("event"),
        title: LocalizedText::from(name),
        start: "2024-03-06".into(),
        end: None,
        city: Some("Kiel".to_owned()),
        venue: None,
        state: None,
        organizer: None,
        registration: None,
        description: None,
        topics: Vec::new(),
    });
    data.contacts
        .push(contact("contact", "org", Some(name), "Kontakt"));
    data.forums.push(forum("forum", name));
    let index = index(&data);
    let results = search(&index, "dialog kiel");
    let types: Vec<EntityType> = results.hits.iter().map(|h| h.doc.entity).collect();
    assert_eq!(types, EntityType::ALL);
    let first = results.hits[0].rank;
    assert!(
        results.hits.iter().all(|h| h.rank == first),
        "{:#?}",
        results.hits
    );
}

#[test]
fn score_falls_with_rank_and_is_equal_for_equal_details() {
    let index = index(&dataset(&[
        ("a", "Moschee Kiel", "Kiel", ""),
        ("b", "Moscheegemeinde", "Kiel", ""),
        ("c", "Moschee Nord", "Lübeck", ""),
        ("d", "Verein", "Husum", "Moschee"),
        ("e", "Moscheen", "Heide", ""),
    ]));
    let results = search(&index, "moschee");
    assert_eq!(results.hits.len(), 5);
    for pair in results.hits.windows(2) {
        assert!(pair[0].score >= pair[1].score, "{:#?}", results.hits);
        assert_eq!(pair[0].rank == pair[1].rank, pair[0].score == pair[1].score);
    }
    assert!(results.hits.iter().all(|h| (0.0..=1.0).contains(&h.score)));
}

// ------------------------------------------------------------------ facets

/// Five organisations and a forum: (id, kind, city, state).
fn facet_dataset() -> Dataset {
    let rows = [
        ("kiel-police", OrganizationKind::Police, "Kiel", "SH"),
        (
            "kiel-mosque",
            OrganizationKind::MosqueCommunity,
            "Kiel",
            "SH",
        ),
        ("luebeck-police", OrganizationKind::Police, "Lübeck", "SH"),
        ("dresden-police", OrganizationKind::Police, "Dresden", "SN"),
        (
            "dresden-mosque",
            OrganizationKind::MosqueCommunity,
            "Dresden",
            "SN",
        ),
    ];
    let mut data = dataset(&[]);
    for (id, kind, city, state) in rows {
        let mut o = org(id, &format!("Dialog {id}"), city, "");
        o.kind = kind;
        if let Some(a) = o.address.as_mut() {
            a.state = Some(StateCode::from(state));
        }
        data.organizations.push(o);
    }
    data.forums.push(Forum {
        state: Some(StateCode::from("SH")),
        open_to_new_members: Some(true),
        ..forum("kiel-forum", "Dialog Forum")
    });
    data
}

#[test]
fn facet_counts_ignore_their_own_filter_and_apply_the_others() {
    let index = index(&facet_dataset());
    let mut query = Query::new("dialog", 100);
    query.facets = true;
    query.filters.kinds = vec![OrganizationKind::Police];
    query.filters.cities = vec!["Kiel".into()];
    let results = index.search(&query);
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].id, "kiel-police");
    let f = results.facets.expect("facets were asked for");
    // Kinds: with the city filter only, so Kiel's mosque is offered; the
    // forum has no kind.
    assert_eq!(
        (
            count(&f.kinds, "police"),
            count(&f.kinds, "mosque_community")
        ),
        (1, 1),
        "{f:?}"
    );
    assert_eq!(f.kinds.len(), 2);
    // Cities: with the kind filter only: police everywhere. The forum is no
    // police (other entries never match a kind filter).
    assert_eq!(count(&f.cities, "Kiel"), 1, "{f:?}");
    assert_eq!(count(&f.cities, "Lübeck"), 1);
    assert_eq!(count(&f.cities, "Dresden"), 1);
    // States and types: with both filters.
    assert_eq!(
        f.states,
        [FacetCount {
            value: "SH".into(),
            count: 1
        }]
    );
    assert_eq!(
        f.types,
        [FacetCount {
            value: "organization".into(),
            count: 1
        }]
    );
    assert_eq!(f.open_to_new_members, 0);

    // A third filter: each facet counted with the other two.
    query.filters.states = vec!["SN".into()];
    let results = index.search(&query);
    assert_eq!(results.total, 0);
    let f = results.facets.expect("facets");
    assert!(f.kinds.is_empty(), "Kiel in SN: nothing; {f:?}");
    assert_eq!(
        f.cities,
        [FacetCount {
            value: "Dresden".into(),
            count: 1
        }]
    );
    assert_eq!(
        f.states,
        [FacetCount {
            value: "SH".into(),
            count: 1
        }]
    );
    assert!(f.types.is_empty());
}

#[test]
fn facet_counts_without_filters_count_every_match_and_follow_the_words() {
    let index = index(&facet_dataset());
    let mut query = Query::new("dialog", 100);
    query.facets = true;
    let f = index.search(&query).facets.expect("facets");
    assert_eq!(count(&f.types, "organization"), 5);
    assert_eq!(count(&f.types, "forum"), 1);
    assert_eq!(
        f.cities[0],
        FacetCount {
            value: "Kiel".into(),
            count: 3
        },
        "most first"
    );
    assert_eq!(count(&f.states, "SH"), 4);
    assert_eq!(f.open_to_new_members, 1);
    query.text = "dialog kiel".into();
    let results = index.search(&query);
    let f = results.facets.expect("facets");
    let counted: usize = f.types.iter().map(|c| c.count).sum();
    assert_eq!(counted, results.total, "only the matches are counted");
    // An impossible value of one facet still lets the others count.
    let mut query = Query::new("dialog", 100);
    query.facets = true;
    query.filters.cities = vec!["Atlantis".into()];
    let results = index.search(&query);
    assert_eq!(results.total, 0);
    let f = results.facets.expect("facets");
    assert_eq!(count(&f.cities, "Kiel"), 3, "{f:?}");
}
