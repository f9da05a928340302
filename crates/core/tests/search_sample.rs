//! Search on the sample dataset (`public/data/dataset.json`), rule by rule.

use dialognetz_core::search::{EntityType, EventTime, Filters, Query, SearchIndex, Sort};
use dialognetz_core::{validate, Dataset, Geo, OrganizationKind};

fn sample() -> Dataset {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/data/dataset.json"
    );
    let bytes = std::fs::read(path).expect("the sample dataset is in the repository");
    validate(&bytes).expect("the sample dataset is valid")
}

fn index() -> SearchIndex {
    SearchIndex::build(&sample())
}

fn ids(index: &SearchIndex, text: &str, n: usize) -> Vec<String> {
    index
        .search(&Query::new(text, n))
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

fn first(index: &SearchIndex, text: &str) -> String {
    ids(index, text, 1).pop().unwrap_or_default()
}

#[test]
fn short_name_finds_the_organisation_first() {
    let index = index();
    assert_eq!(first(&index, "kora"), "kora");
    assert_eq!(first(&index, "KORA"), "kora");
    assert_eq!(first(&index, "bamf"), "bamf");
}

#[test]
fn prefix_as_you_type_finds_while_typing() {
    let index = index();
    for typed in ["k", "ko", "kor"] {
        let got = ids(&index, typed, 10);
        assert!(got.contains(&"kora".to_owned()), "{typed}: {got:?}");
    }
    // A finished word (followed by a space) is no prefix any more.
    assert!(!ids(&index, "kor ", 10).contains(&"kora".to_owned()));
}

#[test]
fn description_words_find_their_entry() {
    let index = index();
    let got = ids(&index, "radikalisierung", 5);
    assert!(got.contains(&"kora".to_owned()), "{got:?}");
}

#[test]
fn compound_part_finds_the_compound() {
    let index = index();
    // `zentrum` in `Demokratie-Zentrum` (hyphen) and in compounds.
    let got = ids(&index, "zentrum", 10);
    assert!(
        got.contains(&"demokratie-zentrum-sachsen".to_owned()),
        "{got:?}"
    );
    // `direktion` is a part of `Polizeidirektion`.
    let got = ids(&index, "direktion dresden", 3);
    assert_eq!(
        got.first().map(String::as_str),
        Some("pd-dresden"),
        "{got:?}"
    );
}

#[test]
fn umlaut_spellings_meet() {
    let index = index();
    for q in ["Nürnberg", "Nuernberg", "Nurnberg"] {
        let got = ids(&index, q, 10);
        assert!(got.contains(&"bamf".to_owned()), "{q}: {got:?}");
    }
    for q in [
        "sächsisches staatsministerium",
        "saechsisches staatsministerium",
        "sachsisches staatsministerium",
    ] {
        assert_eq!(first(&index, q), "sms-sachsen", "{q}");
    }
}

#[test]
fn typos_are_forgiven_by_word_length() {
    let index = index();
    // One edit in a 7-letter word, two in a long one.
    assert!(ids(&index, "Dresdn", 30).contains(&"pd-dresden".to_owned()));
    assert_eq!(first(&index, "Polizeidirketion"), "pd-dresden");
    assert_eq!(first(&index, "Polzeidirektoin"), "pd-dresden");
    // Three letters get none: `kra` is not `kora`.
    assert!(!ids(&index, "kra ", 10).contains(&"kora".to_owned()));
}

#[test]
fn synonyms_from_the_dataset_apply() {
    let index = index();
    // `pd` is a synonym of `polizeidirektion`.
    assert_eq!(first(&index, "pd dresden"), "pd-dresden");
    // A member of several words matches entries with all of them.
    let got = ids(&index, "bamf", 3);
    assert_eq!(got.first().map(String::as_str), Some("bamf"));
}

#[test]
fn stems_meet() {
    let index = index();
    // `Vereine` finds the `Kulturverein`s by stem and part.
    let got = ids(&index, "kulturvereine", 10);
    assert!(
        got.contains(&"afghanisch-islamischer-kulturverein-sachsen".to_owned()),
        "{got:?}"
    );
}

#[test]
fn phone_digits_find_the_contact() {
    let index = index();
    for q in [
        "0351 56 45 49 49",
        "035156454949",
        "+49 351 56454949",
        "03515645",
    ] {
        let got = ids(&index, q, 5);
        assert!(got.contains(&"kora".to_owned()), "{q}: {got:?}");
        assert!(got.contains(&"kora-kontakt".to_owned()), "{q}: {got:?}");
    }
}

#[test]
fn several_words_are_anded_and_a_partial_result_says_so() {
    let index = index();
    let results = index.search(&Query::new("sicherheitsdialog dresden", 10));
    assert!(!results.partial);
    assert_eq!(results.hits[0].id, "sicherheitsdialog-dresden");
    let results = index.search(&Query::new("sicherheitsdialog xylophon", 10));
    assert!(results.partial, "no entry has both words");
    assert!(results
        .hits
        .iter()
        .any(|h| h.id == "sicherheitsdialog-dresden"));
    assert_eq!(results.hits[0].rank.words, 1);
}

#[test]
fn empty_query_browses_everything_filtered() {
    let index = index();
    let mut query = Query::new("", 100);
    query.filters.types = vec![EntityType::Forum];
    let results = index.search(&query);
    assert_eq!(results.total, 1);
    assert_eq!(results.hits[0].id, "sicherheitsdialog-dresden");
    let all = index.search(&Query::new("", 1000));
    assert_eq!(all.total, index.len());
}

#[test]
fn filters_and_facet_counts_follow_facet_semantics() {
    let index = index();
    let mut query = Query::new("dresden", 100);
    query.facets = true;
    let unfiltered = index.search(&query);
    let facets = unfiltered.facets.clone().expect("facets were asked for");
    let orgs = facets
        .types
        .iter()
        .find(|c| c.value == "organization")
        .map_or(0, |c| c.count);
    assert!(orgs >= 10, "{facets:?}");

    query.filters.types = vec![EntityType::Organization];
    query.filters.kinds = vec![OrganizationKind::Police];
    let filtered = index.search(&query);
    assert_eq!(filtered.total, 1);
    assert_eq!(filtered.hits[0].id, "pd-dresden");
    let facets = filtered.facets.expect("facets");
    // The type facet is counted with the kind filter only: police is
    // only among organisations.
    assert_eq!(facets.types.len(), 1);
    assert_eq!(facets.types[0].count, 1);
    // The kind facet is counted without the kind filter: all kinds of
    // Dresden's organisations are offered.
    assert!(facets.kinds.len() >= 3, "{:?}", facets.kinds);
    assert!(facets
        .kinds
        .iter()
        .any(|k| k.value == "mosque_community" || k.value == "muslim_association"));
}

#[test]
fn state_city_topic_and_open_filters() {
    let index = index();
    let mut query = Query::new("", 100);
    query.filters.states = vec!["HB".into()];
    let bremen = index.search(&query);
    assert!(
        bremen
            .hits
            .iter()
            .all(|h| h.id.contains("bremen") || h.id == "aktives-begegnen"),
        "{:?}",
        bremen.hits
    );
    assert!(bremen.total >= 2);

    let mut query = Query::new("", 100);
    query.filters.cities = vec!["Nuernberg".into()];
    let got: Vec<_> = index
        .search(&query)
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert!(got.contains(&"bamf".to_owned()), "{got:?}");

    let mut query = Query::new("", 100);
    query.filters.cities = vec!["Atlantis".into()];
    assert_eq!(index.search(&query).total, 0);

    let mut query = Query::new("", 100);
    query.filters.topics = vec!["moscheesicherheit".into()];
    assert!(index.search(&query).total >= 1);
}

#[test]
fn events_upcoming_and_past_relative_to_today() {
    let index = index();
    let event_day = 19_797; // 2024-03-15, days since 1970-01-01
    let mut query = Query::new("", 100);
    query.filters.event_time = Some(EventTime::Past);
    query.today = Some(event_day + 400);
    query.facets = true;
    let past = index.search(&query);
    assert_eq!(past.total, 1);
    assert_eq!(past.hits[0].doc.entity, EntityType::Event);
    query.filters.event_time = Some(EventTime::Upcoming);
    query.today = Some(event_day - 400);
    assert_eq!(index.search(&query).total, 1);
    query.today = Some(event_day + 400);
    let none = index.search(&query);
    assert_eq!(none.total, 0);
    let facets = none.facets.expect("facets");
    assert_eq!((facets.upcoming, facets.past), (0, 1));
}

#[test]
fn near_a_point_sorts_by_distance_and_filters_by_radius() {
    let index = SearchIndex::build(&sample());
    let dresden = Geo {
        lat: 51.05,
        lon: 13.74,
    };
    let mut query = Query::new("", 100);
    query.near = Some(dialognetz_core::search::Near {
        point: dresden,
        radius_km: Some(50.0),
    });
    query.sort = Sort::Distance;
    let results = index.search(&query);
    // Only entries with a place count within a radius.
    assert!(
        results
            .hits
            .iter()
            .all(|h| h.distance_km.is_some_and(|d| d <= 50.0)),
        "{:?}",
        results.hits
    );
    let distances: Vec<f64> = results.hits.iter().filter_map(|h| h.distance_km).collect();
    assert!(distances.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn highlight_marks_what_matched_in_the_original_text() {
    let index = index();
    let name = "Demokratie-Zentrum Sachsen";
    let results = index.search(&Query::new("zentrum sach", 5));
    let ranges = index.highlight(name, &results.terms);
    let marked: Vec<&str> = ranges.iter().map(|r| &name[r.clone()]).collect();
    assert_eq!(marked, ["Zentrum", "Sach"]);

    let name = "Sächsisches Staatsministerium";
    let results = index.search(&Query::new("saechs", 5));
    let ranges = index.highlight(name, &results.terms);
    assert_eq!(
        ranges.iter().map(|r| &name[r.clone()]).collect::<Vec<_>>(),
        ["Sächs"]
    );

    let name = "Polizeidirektion Dresden";
    let results = index.search(&Query::new("direktion dresdn", 5));
    let ranges = index.highlight(name, &results.terms);
    assert_eq!(
        ranges.iter().map(|r| &name[r.clone()]).collect::<Vec<_>>(),
        ["direktion", "Dresden"]
    );
}

#[test]
fn persisted_index_answers_like_the_built_one() {
    let index = index();
    let bytes = index.to_bytes();
    let loaded = SearchIndex::from_bytes(&bytes).expect("loads");
    // A loaded index answers from its saved bytes, then (once the app has
    // painted) from its decoded postings: alike both times, on every path
    // (the first-letters shortcut without facets, the general one with).
    for decoded in [false, true] {
        if decoded {
            loaded.decode_postings();
        }
        for q in [
            "kora",
            "dres",
            "sicherheitsdialog dresden",
            "Polzeidirektoin",
            "pd",
            "03515645",
            "d",
            "moschee",
            "gemeinde",
            "revier ",
            "kripo",
            "islamisch zentrum",
        ] {
            for facets in [false, true] {
                let mut query = Query::new(q, 10);
                query.facets = facets;
                assert_eq!(
                    index.search(&query),
                    loaded.search(&query),
                    "{q}, facets {facets}, decoded {decoded}"
                );
            }
        }
    }
    assert_eq!(loaded.to_bytes(), bytes);
}

#[test]
fn damaged_index_bytes_are_refused_not_trusted() {
    let bytes = index().to_bytes();
    assert!(SearchIndex::from_bytes(b"").is_err());
    assert!(SearchIndex::from_bytes(b"{\"format\": 1}").is_err());
    for cut in [8, 12, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            SearchIndex::from_bytes(&bytes[..cut]).is_err(),
            "cut at {cut}"
        );
    }
    let mut wrong_version = bytes.clone();
    wrong_version[8] = 99;
    assert!(matches!(
        SearchIndex::from_bytes(&wrong_version),
        Err(dialognetz_core::search::IndexFormatError::Version { found: 99, .. })
    ));
    // Flipping bytes anywhere never panics.
    for i in (0..bytes.len()).step_by(97) {
        let mut damaged = bytes.clone();
        damaged[i] ^= 0xA5;
        if let Ok(index) = SearchIndex::from_bytes(&damaged) {
            let _ = index.search(&Query::new("dresden", 10));
        }
    }
}

#[test]
fn filters_default_is_empty() {
    assert!(Filters::default().is_empty());
}

/// The saved index of the sample dataset, in the current format. A change
/// of the format or of what the index holds changes these bytes: then bump
/// `INDEX_FORMAT_VERSION` (stored indexes of the old format are rebuilt,
/// not misread) and write the fixture anew with
/// `DIALOGNETZ_WRITE_FIXTURES=1 cargo test -p dialognetz-core --test search_sample`.
#[test]
fn saved_index_fixture_guards_the_format() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sample.index");
    let built = index().to_bytes();
    if std::env::var_os("DIALOGNETZ_WRITE_FIXTURES").is_some() {
        std::fs::write(path, &built).expect("fixture written");
    }
    let saved = std::fs::read(path).expect("the saved index is in the repository");
    assert_eq!(
        saved[8..12],
        dialognetz_core::search::INDEX_FORMAT_VERSION.to_le_bytes(),
        "the fixture is of another format version"
    );
    let loaded = SearchIndex::from_bytes(&saved).expect("the saved index loads");
    assert_eq!(
        loaded.search(&Query::new("kora", 5)).hits[0].id,
        "kora",
        "the saved index answers"
    );
    assert!(
        saved == built,
        "the index format or content changed: bump INDEX_FORMAT_VERSION and rewrite the fixture (see this test's docs)"
    );
}

/// A common word being typed takes a shortcut (see `search_common_word`);
/// it must give what the general path gives. Asking for facets takes the
/// general path.
#[test]
fn first_letters_shortcut_gives_the_same_page_as_the_general_path() {
    let index = index();
    for typed in [
        "d", "s", "k", "b", "i", "a", "di", "sa", "fo", "z", "dre", "dresden", "sachs", "islam",
        "gemeinde", "verein", "zentrum", "moschee", "e", "ev",
    ] {
        for (offset, limit) in [(0, 3), (0, 10), (2, 5), (0, 100)] {
            let mut quick = Query::new(typed, limit);
            quick.offset = offset;
            let mut general = quick.clone();
            general.facets = true;
            let (quick, general) = (index.search(&quick), index.search(&general));
            assert_eq!(quick.hits, general.hits, "{typed} {offset}+{limit}");
            assert_eq!(quick.total, general.total, "{typed}");
        }
    }
}

/// The app asks for the facet counts on their own (a page of no hits),
/// after it has painted the hits: the counts must be the same as with a
/// page.
#[test]
fn facet_counts_do_not_depend_on_the_page_size() {
    let index = index();
    for text in [
        "",
        "d",
        "dresden",
        "polizei kiel",
        "Moschee Dresdn",
        "01099",
    ] {
        let mut with_page = Query::new(text, 20);
        with_page.facets = true;
        with_page.today = Some(20_000);
        let mut alone = with_page.clone();
        alone.limit = 0;
        let (a, b) = (index.search(&with_page), index.search(&alone));
        assert!(b.hits.is_empty(), "{text:?}");
        assert_eq!(a.total, b.total, "{text:?}");
        assert_eq!(a.facets, b.facets, "{text:?}");
        assert!(a.facets.is_some(), "{text:?}");
    }
}
