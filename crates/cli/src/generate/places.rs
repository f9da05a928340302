//! Real places for the synthetic data: the German postcode table (GeoNames,
//! CC BY 4.0, `data/postcodes/`) compiled into the binary, so the generator
//! needs no files at run time and every address is a real postcode with its
//! place, state and coordinates.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::text::slugify;

/// The postcode table: country_code, zipcode, place, state, state_code,
/// province, province_code, community, community_code, latitude, longitude.
const POSTCODES_CSV: &str =
    include_str!("../../../../data/postcodes/de_postleitzahlen_geonames.csv");

/// A federal state: ISO code, German and English name, and the capital the
/// state-level authorities sit in.
#[derive(Debug, Clone, Copy)]
pub struct StateInfo {
    pub code: &'static str,
    pub de: &'static str,
    pub en: &'static str,
    pub capital: &'static str,
}

/// The sixteen states, in the order of `dialognetz_core::rules::STATE_CODES`.
pub const STATES: [StateInfo; 16] = [
    StateInfo {
        code: "BW",
        de: "Baden-Württemberg",
        en: "Baden-Württemberg",
        capital: "Stuttgart",
    },
    StateInfo {
        code: "BY",
        de: "Bayern",
        en: "Bavaria",
        capital: "München",
    },
    StateInfo {
        code: "BE",
        de: "Berlin",
        en: "Berlin",
        capital: "Berlin",
    },
    StateInfo {
        code: "BB",
        de: "Brandenburg",
        en: "Brandenburg",
        capital: "Potsdam",
    },
    StateInfo {
        code: "HB",
        de: "Bremen",
        en: "Bremen",
        capital: "Bremen",
    },
    StateInfo {
        code: "HH",
        de: "Hamburg",
        en: "Hamburg",
        capital: "Hamburg",
    },
    StateInfo {
        code: "HE",
        de: "Hessen",
        en: "Hesse",
        capital: "Wiesbaden",
    },
    StateInfo {
        code: "MV",
        de: "Mecklenburg-Vorpommern",
        en: "Mecklenburg-Western Pomerania",
        capital: "Schwerin",
    },
    StateInfo {
        code: "NI",
        de: "Niedersachsen",
        en: "Lower Saxony",
        capital: "Hannover",
    },
    StateInfo {
        code: "NW",
        de: "Nordrhein-Westfalen",
        en: "North Rhine-Westphalia",
        capital: "Düsseldorf",
    },
    StateInfo {
        code: "RP",
        de: "Rheinland-Pfalz",
        en: "Rhineland-Palatinate",
        capital: "Mainz",
    },
    StateInfo {
        code: "SL",
        de: "Saarland",
        en: "Saarland",
        capital: "Saarbrücken",
    },
    StateInfo {
        code: "SN",
        de: "Sachsen",
        en: "Saxony",
        capital: "Dresden",
    },
    StateInfo {
        code: "ST",
        de: "Sachsen-Anhalt",
        en: "Saxony-Anhalt",
        capital: "Magdeburg",
    },
    StateInfo {
        code: "SH",
        de: "Schleswig-Holstein",
        en: "Schleswig-Holstein",
        capital: "Kiel",
    },
    StateInfo {
        code: "TH",
        de: "Thüringen",
        en: "Thuringia",
        capital: "Erfurt",
    },
];

/// One row of the table: a postcode of a place.
#[derive(Debug, Clone)]
pub struct Place {
    pub postcode: String,
    /// Index into [`Gazetteer::cities`].
    pub city: u32,
    pub lat: f64,
    pub lon: f64,
}

/// A place name within one state, with all its postcodes.
#[derive(Debug, Clone)]
pub struct City {
    /// As in the table (`Schipkau Annahütte, Herrnnmühle`): the address city.
    pub name: String,
    /// Up to the first comma (`Schipkau Annahütte`), districts joined with a
    /// hyphen (`Hamburg-Billstedt`): for names of organisations.
    pub short: String,
    /// `schipkau-annahuette`: for host names and ids.
    pub slug: String,
    /// Index into [`STATES`].
    pub state: u8,
    /// A made-up dialling code shared by the whole place (`431`, without the 0).
    pub area_code: String,
    /// Indices into [`Gazetteer::places`].
    pub places: Vec<u32>,
}

/// The parsed table.
#[derive(Debug)]
pub struct Gazetteer {
    pub places: Vec<Place>,
    pub cities: Vec<City>,
    /// Per state (index into [`STATES`]), the city index of its capital.
    pub capitals: [u32; 16],
    /// Running sum of the cities' urban weights, for [`Gazetteer::urban_city`].
    urban_cumulative: Vec<f64>,
}

/// A place named `<city> <part>` is a district of `<city>` when that city
/// has at least this many postcodes.
const DISTRICT_PARENT_POSTCODES: usize = 3;

/// How much more a place with more postcodes draws organisations: cities
/// have many postcodes, and mosques, associations and authorities gather
/// in cities far beyond their share of postcodes.
const URBAN_EXPONENT: f64 = 1.5;

impl Gazetteer {
    /// The city of a postcode row.
    pub fn city_of(&self, place: u32) -> &City {
        &self.cities[self.places[place as usize].city as usize]
    }

    /// A city drawn by its urban weight (postcodes to the power 1.5), from
    /// a roll in `0.0..1.0`: Berlin about one in ten, a village rarely.
    pub fn urban_city(&self, roll: f64) -> u32 {
        let total = self.urban_cumulative.last().copied().unwrap_or(0.0);
        let target = roll * total;
        let index = self.urban_cumulative.partition_point(|sum| *sum <= target);
        index.min(self.cities.len().saturating_sub(1)) as u32
    }
}

/// The table, parsed once per process.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| parse(POSTCODES_CSV))
}

/// Parses the table. Rows without a known state code (one in the table:
/// Jungholz, an Austrian enclave) or with broken numbers are skipped: the
/// table is ours and a test pins how many rows it yields.
fn parse(csv_text: &str) -> Gazetteer {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv_text.as_bytes());
    let mut places = Vec::new();
    let mut cities: Vec<City> = Vec::new();
    // Lookup only, never iterated: the order of `cities` is the table's.
    let mut city_index: HashMap<(String, u8), u32> = HashMap::new();
    for record in reader.records().flatten() {
        let (Some(postcode), Some(name), Some(code), Some(lat), Some(lon)) = (
            record.get(1),
            record.get(2),
            record.get(4),
            record.get(9),
            record.get(10),
        ) else {
            continue;
        };
        let Some(state) = STATES.iter().position(|s| s.code == code) else {
            continue;
        };
        let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>()) else {
            continue;
        };
        if postcode.len() != 5
            || !postcode.bytes().all(|b| b.is_ascii_digit())
            || name.trim().is_empty()
        {
            continue;
        }
        let state = state as u8;
        let next = cities.len() as u32;
        let city = *city_index.entry((name.to_owned(), state)).or_insert(next);
        if city == next {
            let short = name.split(',').next().unwrap_or(name).trim().to_owned();
            cities.push(City {
                name: name.to_owned(),
                slug: String::new(),
                area_code: area_code(name, state),
                short,
                state,
                places: Vec::new(),
            });
        }
        cities[city as usize].places.push(places.len() as u32);
        places.push(Place {
            postcode: postcode.to_owned(),
            city,
            lat,
            lon,
        });
    }
    // Districts as people write them: `Stuttgart Vaihingen` and `Stuttgart
    // Stuttgart-Mitte` become `Stuttgart-Vaihingen` and `Stuttgart-Mitte`.
    let district_names: Vec<Option<String>> = cities
        .iter()
        .map(|city| {
            let (first, rest) = city.short.split_once(' ')?;
            if rest.starts_with(&format!("{first}-")) {
                return Some(rest.to_owned());
            }
            let parent = city_index.get(&(first.to_owned(), city.state))?;
            let big = cities[*parent as usize].places.len() >= DISTRICT_PARENT_POSTCODES;
            (big && !rest.contains(' ')).then(|| format!("{first}-{rest}"))
        })
        .collect();
    for (city, district) in cities.iter_mut().zip(district_names) {
        if let Some(district) = district {
            city.short = district;
        }
        city.slug = slugify(&city.short);
    }
    let capitals = std::array::from_fn(|state| {
        let capital = STATES[state].capital;
        cities
            .iter()
            .position(|c| c.state as usize == state && c.name == capital)
            .or_else(|| cities.iter().position(|c| c.state as usize == state))
            .unwrap_or(0) as u32
    });
    let mut sum = 0.0;
    let urban_cumulative = cities
        .iter()
        .map(|city| {
            sum += (city.places.len() as f64).powf(URBAN_EXPONENT);
            sum
        })
        .collect();
    Gazetteer {
        places,
        cities,
        capitals,
        urban_cumulative,
    }
}

/// A dialling code of 3 to 5 digits (after the leading 0) derived from the
/// place, so all numbers of one town share it, as real ones do. It starts
/// with 2 to 9: codes starting with 1 are mobile and service numbers.
fn area_code(name: &str, state: u8) -> String {
    // FNV-1a: stable across runs and platforms, unlike the std hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.bytes().chain([state]) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let digits = 3 + (hash % 3) as u32;
    let low = 2 * 10u64.pow(digits - 1);
    let value = low + (hash >> 8) % (4 * low);
    value.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_yields_every_row_but_the_one_without_a_state() {
        let gazetteer = gazetteer();
        assert_eq!(gazetteer.places.len(), 16_476);
        assert!(gazetteer.cities.len() > 10_000);
        for (state, info) in STATES.iter().enumerate() {
            assert!(
                gazetteer.cities.iter().any(|c| c.state as usize == state),
                "no city in {}",
                info.code
            );
        }
    }

    #[test]
    fn states_follow_the_core_order() {
        let codes: Vec<&str> = STATES.iter().map(|s| s.code).collect();
        assert_eq!(codes, dialognetz_core::rules::STATE_CODES);
    }

    #[test]
    fn every_capital_is_found_in_its_state() {
        let gazetteer = gazetteer();
        for (state, info) in STATES.iter().enumerate() {
            let city = &gazetteer.cities[gazetteer.capitals[state] as usize];
            assert_eq!(city.name, info.capital);
            assert_eq!(city.state as usize, state);
        }
    }

    #[test]
    fn urban_draws_favour_big_cities() {
        let gazetteer = gazetteer();
        let berlin = gazetteer
            .cities
            .iter()
            .position(|c| c.name == "Berlin")
            .expect("Berlin") as u32;
        let draws = 10_000;
        let hits = (0..draws)
            .filter(|i| gazetteer.urban_city(*i as f64 / draws as f64) == berlin)
            .count();
        assert!(
            (500..2000).contains(&hits),
            "Berlin drawn {hits} times in {draws}"
        );
        assert_eq!(gazetteer.urban_city(0.0), 0);
        assert!((gazetteer.urban_city(0.999_999) as usize) < gazetteer.cities.len());
    }

    #[test]
    fn short_city_names_drop_the_part_after_the_comma() {
        let gazetteer = gazetteer();
        let city = gazetteer
            .cities
            .iter()
            .find(|c| c.name == "Wismar, Mecklenburg")
            .expect("Wismar is in the table");
        assert_eq!(city.short, "Wismar");
        assert_eq!(city.slug, "wismar");
    }

    #[test]
    fn districts_of_big_cities_are_written_with_a_hyphen() {
        let gazetteer = gazetteer();
        let short = |name: &str| {
            gazetteer
                .cities
                .iter()
                .find(|c| c.name == name)
                .map(|c| c.short.clone())
                .unwrap_or_else(|| panic!("{name} is in the table"))
        };
        assert_eq!(short("Stuttgart Stuttgart-Mitte"), "Stuttgart-Mitte");
        assert_eq!(short("Hamburg Billstedt"), "Hamburg-Billstedt");
        assert_eq!(short("Frankfurt am Main"), "Frankfurt am Main");
        assert_eq!(short("Berlin"), "Berlin");
    }

    #[test]
    fn area_codes_have_three_to_five_digits_without_leading_zero() {
        for name in [
            "Kiel",
            "Berlin",
            "Dresden",
            "Au",
            "Neustadt an der Weinstraße",
        ] {
            let code = area_code(name, 3);
            assert!((3..=5).contains(&code.len()), "{code}");
            assert!(!code.starts_with('0') && !code.starts_with('1'), "{code}");
        }
    }
}
