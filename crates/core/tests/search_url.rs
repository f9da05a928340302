//! The search as the URL holds it: what a link says is what the page shows,
//! and writing a search then reading it back gives the same search.

use dialognetz_core::search::{EntityType, NearParam, ParamError, SearchParams, Sort};
use dialognetz_core::Geo;

/// Decodes a query string the way a browser's URLSearchParams does.
fn decode(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (unescape(k), unescape(v))
        })
        .collect()
}

fn unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("ascii");
                out.push(u8::from_str_radix(hex, 16).expect("hex"));
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).expect("utf-8")
}

fn read(query: &str) -> (SearchParams, Vec<ParamError>) {
    let pairs = decode(query);
    SearchParams::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

#[test]
fn a_deep_link_with_query_and_filters_is_read_completely() {
    let (params, errors) =
        read("?q=sicherheitsdialog%20dresden&state=SN&type=forum&type=organization");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(params.text, "sicherheitsdialog dresden");
    assert_eq!(params.filters.states, ["SN"]);
    assert_eq!(
        params.filters.types,
        [EntityType::Forum, EntityType::Organization]
    );
}

#[test]
fn writing_and_reading_back_gives_the_same_search() {
    let (params, _) = read(
        "?q=Moschee+M%C3%BCnchen&kind=mosque_community&city=Neum%C3%BCnster&open=true&event=upcoming&near=24103&radius=10&sort=distance",
    );
    let written = params.to_query_string();
    let (again, errors) = read(&written);
    assert!(errors.is_empty());
    assert_eq!(again, params);
    assert_eq!(again.text, "Moschee München");
    assert_eq!(again.near, Some(NearParam::Place("24103".into())));
    assert_eq!(again.radius_km, Some(10.0));
    assert_eq!(again.sort, Sort::Distance);
    // Canonical: the same search, the same URL.
    assert_eq!(again.to_query_string(), written);
}

#[test]
fn an_empty_search_is_the_bare_start_page() {
    assert_eq!(SearchParams::default().to_query_string(), "");
    let (params, _) = read("?q=");
    assert_eq!(params.to_query_string(), "");
}

#[test]
fn special_characters_in_the_query_are_encoded() {
    let params = SearchParams {
        text: "a&b=c #1 ?".into(),
        ..SearchParams::default()
    };
    let written = params.to_query_string();
    assert!(!written[1..].contains(['#', '?', ' ']), "{written}");
    assert_eq!(read(&written).0.text, "a&b=c #1 ?");
}

#[test]
fn a_point_is_kept_to_four_decimals() {
    let params = SearchParams {
        near: Some(NearParam::Point(Geo {
            lat: 54.323_291,
            lon: 10.122_765,
        })),
        ..SearchParams::default()
    };
    let written = params.to_query_string();
    assert_eq!(written, "?near=54.3233,10.1228");
    match read(&written).0.near {
        Some(NearParam::Point(geo)) => {
            assert!((geo.lat - 54.3233).abs() < 1e-9 && (geo.lon - 10.1228).abs() < 1e-9)
        }
        other => panic!("expected a point, got {other:?}"),
    }
}

#[test]
fn bad_values_are_reported_and_the_rest_still_counts() {
    let (params, errors) =
        read("?q=kora&state=XX&radius=-3&sort=alphabet&near=Kiel&utm_source=mail");
    assert_eq!(params.text, "kora");
    assert!(params.filters.states.is_empty());
    assert_eq!(params.near, Some(NearParam::Place("Kiel".into())));
    assert_eq!(params.radius_km, None);
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(errors.iter().any(|e| matches!(e, ParamError::BadRadius(_))));
    assert!(errors.iter().any(|e| matches!(e, ParamError::BadSort(_))));
}

#[test]
fn radius_and_distance_sort_mean_nothing_without_a_place() {
    let (params, _) = read("?q=polizei&radius=5&sort=distance");
    assert_eq!(params.radius_km, None);
    assert_eq!(params.sort, Sort::Relevance);
    assert_eq!(params.to_query_string(), "?q=polizei");
}

#[test]
fn a_filter_chip_switches_its_filter_on_and_off() {
    let (params, _) = read("?q=moschee&state=SN");
    let with_forum = params.with_filter_toggled("type", "forum");
    assert!(with_forum.has_filter("type", "forum"));
    assert!(with_forum.has_filter("state", "SN"));
    let without = with_forum.with_filter_toggled("type", "forum");
    assert_eq!(without, params);
    let no_state = params.with_filter_toggled("state", "SN");
    assert!(no_state.filters.is_empty());
    assert_eq!(no_state.text, "moschee");
    assert!(params.without_filters().filters.is_empty());
}

#[test]
fn highlighting_text_in_another_script_does_not_break() {
    let bytes = std::fs::read("../../public/data/dataset.json").expect("the sample");
    let dataset = dialognetz_core::validate(&bytes).expect("valid");
    let index = dialognetz_core::search::SearchIndex::build(&dataset);
    let results = index.search(&dialognetz_core::search::Query::new("moschee dresden", 5));
    // An Arabic kind label shown beside a hit, marked with the same terms.
    let ranges = index.highlight("جماعة مسجد", &results.terms);
    assert!(ranges.is_empty(), "{ranges:?}");
    let ranges = index.highlight("Moscheegemeinde جماعة", &results.terms);
    assert_eq!(ranges.first().map(|r| r.start), Some(0));
}
