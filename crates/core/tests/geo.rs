//! The shipped postcode table (`public/data/postcodes.tsv`, written by
//! `dialognetz postcodes` from GeoNames) resolves real places to the right
//! points. Read at run time, not with `include_str!`, so that regenerating
//! the table does not need a rebuild to be tested.

use std::sync::OnceLock;

use dialognetz_core::geo::{distance_km, PostcodeTable};
use dialognetz_core::Geo;

fn table() -> &'static PostcodeTable {
    static TABLE: OnceLock<PostcodeTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/data/postcodes.tsv");
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| {
            panic!("cannot read {path}: {e}; run `cargo run -p dialognetz-cli -- postcodes data/postcodes/de_postleitzahlen_geonames.csv -o public/data/postcodes.tsv`")
        });
        PostcodeTable::from_compact(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    })
}

fn point(input: &str) -> Geo {
    table()
        .resolve(input)
        .unwrap_or_else(|| panic!("{input:?} does not resolve"))
        .geo
}

fn assert_near(input: &str, expected: Geo, km: f64) {
    let found = point(input);
    let distance = distance_km(found, expected);
    assert!(
        distance <= km,
        "{input:?} resolves to {found:?}, {distance:.1} km from {expected:?}"
    );
}

#[test]
fn the_table_has_every_german_postcode() {
    // GeoNames lists about 8,300 postcodes for Germany.
    assert!((8_000..9_000).contains(&table().len()), "{}", table().len());
}

#[test]
fn a_postcode_resolves_to_its_place() {
    let place = table().resolve("24539").expect("24539");
    assert_eq!(place.name, "Neumünster");
    assert_eq!(place.postcode, "24539");
    assert_eq!(place.state.as_deref(), Some("SH"));
    assert_near(
        "24539",
        Geo {
            lat: 54.076,
            lon: 9.966,
        },
        5.0,
    );
    assert_eq!(
        table().resolve("01099").map(|p| p.name).as_deref(),
        Some("Dresden")
    );
    assert_eq!(table().centre("24539"), Some(place.geo));
}

#[test]
fn names_resolve_however_they_are_typed() {
    let expected = table().resolve("Neumünster").expect("Neumünster");
    assert_eq!(expected.name, "Neumünster");
    assert_eq!(expected.state.as_deref(), Some("SH"));
    for input in ["Neumuenster", "Neumunster", "NEUMÜNSTER", "  neumünster  "] {
        assert_eq!(
            table().resolve(input).as_ref(),
            Some(&expected),
            "{input:?}"
        );
    }
    assert_eq!(
        table().resolve("Frankfurt am Main").map(|p| p.state),
        Some(Some("HE".to_owned()))
    );
    assert_eq!(
        table().resolve("frankfurt am").map(|p| p.name).as_deref(),
        Some("Frankfurt am Main")
    );
}

#[test]
fn a_city_with_many_postcodes_resolves_to_its_centre() {
    let dresden = table().resolve("Dresden").expect("Dresden");
    assert_eq!(dresden.postcode, "01067", "the lowest postcode");
    assert_eq!(dresden.state.as_deref(), Some("SN"));
    assert_near(
        "Dresden",
        Geo {
            lat: 51.05,
            lon: 13.74,
        },
        10.0,
    );
    assert_near(
        "Berlin",
        Geo {
            lat: 52.52,
            lon: 13.405,
        },
        10.0,
    );
    assert_near(
        "München",
        Geo {
            lat: 48.137,
            lon: 11.575,
        },
        10.0,
    );
    assert_near(
        "Hamburg",
        Geo {
            lat: 53.55,
            lon: 10.0,
        },
        10.0,
    );
}

#[test]
fn distances_between_cities() {
    let kiel_luebeck = distance_km(point("Kiel"), point("Lübeck"));
    assert!((63.0..=67.0).contains(&kiel_luebeck), "{kiel_luebeck}");
    let berlin_muenchen = distance_km(point("Berlin"), point("Muenchen"));
    assert!((berlin_muenchen - 504.0).abs() <= 5.0, "{berlin_muenchen}");
}

#[test]
fn garbage_resolves_to_nothing() {
    let long = "a".repeat(10_000);
    for input in [
        "",
        "   ",
        "xyz123",
        "99999",
        "00000",
        "1234",
        "123456",
        long.as_str(),
    ] {
        assert_eq!(table().resolve(input), None, "{input:?}");
    }
    assert!(table().suggest(&long, 10).is_empty());
}

#[test]
fn suggestions_as_you_type() {
    let by_code = table().suggest("2453", 5);
    assert!(!by_code.is_empty());
    assert!(by_code.iter().all(|p| p.postcode.starts_with("2453")));
    assert_eq!(by_code[0].name, "Neumünster");
    let by_name: Vec<String> = table()
        .suggest("neumü", 5)
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert!(by_name.contains(&"Neumünster".to_owned()), "{by_name:?}");
    let exact = table().suggest("Kiel", 5);
    assert_eq!(exact.first().map(|p| p.name.as_str()), Some("Kiel"));
    assert_eq!(table().suggest("Neu", 7).len(), 7);
    // Cities before the villages whose names start alike.
    for (typed, city) in [("ham", "Hamburg"), ("ber", "Berlin"), ("münch", "München")] {
        let first = table().suggest(typed, 5).into_iter().next().map(|p| p.name);
        assert_eq!(first.as_deref(), Some(city), "{typed:?}");
    }
}

#[test]
fn the_table_survives_a_round_trip() {
    let again = PostcodeTable::from_compact(&table().to_compact()).expect("readable");
    assert_eq!(&again, table());
}
