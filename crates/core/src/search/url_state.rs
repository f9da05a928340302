//! A search as the app's URL holds it, so that the URL is the one source of
//! truth: `?q=moschee&state=SN&type=forum&near=01067&radius=10&sort=distance`.
//! Deep links, shared links and the back button all restore the same search
//! because the page reads nothing else.
//!
//! Reading is forgiving (a link edited by hand or made by an older version
//! still opens: what cannot be read is reported and left out), writing is
//! canonical (the same search always gives the same URL).

use crate::model::Geo;

use super::{FilterError, Filters, Sort};

/// Where to search around, as written in the URL.
#[derive(Debug, Clone, PartialEq)]
pub enum NearParam {
    /// A point, from the device's location: `near=54.3233,10.1228`.
    Point(Geo),
    /// A postcode or a place name as typed: `near=24103`, `near=Kiel`; the
    /// app resolves it with the postcode table.
    Place(String),
}

/// Everything the search page shows, read from or written to a URL query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchParams {
    /// `q`: what was typed.
    pub text: String,
    /// `type`, `kind`, `state`, `city`, `topic`, `language`, `open`, `event`.
    pub filters: Filters,
    /// `near`.
    pub near: Option<NearParam>,
    /// `radius` in km, only with `near`.
    pub radius_km: Option<f64>,
    /// `sort=distance`; relevance when absent.
    pub sort: Sort,
}

/// A URL parameter that could not be read; the rest of the URL still counts.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ParamError {
    #[error(transparent)]
    Filter(#[from] FilterError),
    #[error("\"{0}\" is not a distance in km")]
    BadRadius(String),
    #[error("\"{0}\" is not a sort order; use relevance or distance")]
    BadSort(String),
}

/// Parameters the page reads besides the filters.
const TEXT: &str = "q";
const NEAR: &str = "near";
const RADIUS: &str = "radius";
const SORT: &str = "sort";

impl SearchParams {
    /// Reads the parameters of a URL query (already decoded). Unknown keys
    /// are ignored (links may carry tracking or app parameters); bad values
    /// are returned beside the result.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> (SearchParams, Vec<ParamError>) {
        let mut params = SearchParams::default();
        let mut errors = Vec::new();
        for (key, value) in pairs {
            match key {
                TEXT => params.text = value.to_owned(),
                NEAR => params.near = parse_near(value),
                RADIUS => match value.trim().parse::<f64>() {
                    Ok(km) if km.is_finite() && km > 0.0 => params.radius_km = Some(km),
                    _ => errors.push(ParamError::BadRadius(value.to_owned())),
                },
                SORT => match value {
                    "distance" => params.sort = Sort::Distance,
                    "relevance" => params.sort = Sort::Relevance,
                    other => errors.push(ParamError::BadSort(other.to_owned())),
                },
                _ => match params.filters.add(key, value) {
                    Ok(()) => {}
                    Err(FilterError::UnknownKey(_)) => {}
                    Err(e) => errors.push(e.into()),
                },
            }
        }
        if params.near.is_none() {
            params.radius_km = None;
            params.sort = Sort::Relevance;
        }
        (params, errors)
    }

    /// The parameters in a fixed order: `q`, the filters, `near`, `radius`,
    /// `sort`; empty values left out.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.text.is_empty() {
            out.push((TEXT, self.text.clone()));
        }
        out.extend(self.filters.pairs());
        if let Some(near) = &self.near {
            out.push((NEAR, format_near(near)));
            if let Some(km) = self.radius_km {
                out.push((RADIUS, format_number(km)));
            }
            if self.sort == Sort::Distance {
                out.push((SORT, "distance".to_owned()));
            }
        }
        out
    }

    /// The URL query, percent-encoded, with its `?`; empty for an empty
    /// search, so the start page's URL stays `/`.
    pub fn to_query_string(&self) -> String {
        let pairs = self.to_pairs();
        if pairs.is_empty() {
            return String::new();
        }
        let mut out = String::from("?");
        for (i, (key, value)) in pairs.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            out.push_str(key);
            out.push('=');
            percent_encode(value, &mut out);
        }
        out
    }

    /// True when the filter `key=value` is set.
    pub fn has_filter(&self, key: &str, value: &str) -> bool {
        self.filters
            .pairs()
            .iter()
            .any(|(k, v)| *k == key && v == value)
    }

    /// The same search with the filter `key=value` switched: removed when
    /// set, added otherwise (what a filter chip does).
    pub fn with_filter_toggled(&self, key: &str, value: &str) -> SearchParams {
        let mut pairs = self.filters.pairs();
        let before = pairs.len();
        pairs.retain(|(k, v)| !(*k == key && v == value));
        let mut filters = Filters::default();
        for (k, v) in &pairs {
            // Read back from `pairs()`: always valid.
            let _ = filters.add(k, v);
        }
        if pairs.len() == before {
            // Not set before: add it; a value the filter cannot read is
            // dropped rather than breaking the page.
            let _ = filters.add(key, value);
        }
        SearchParams {
            filters,
            ..self.clone()
        }
    }

    /// The same search without any filter (the "remove all filters" of an
    /// empty result).
    pub fn without_filters(&self) -> SearchParams {
        SearchParams {
            filters: Filters::default(),
            ..self.clone()
        }
    }
}

fn parse_near(value: &str) -> Option<NearParam> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if let Some((lat, lon)) = value.split_once(',') {
        if let (Ok(lat), Ok(lon)) = (lat.trim().parse::<f64>(), lon.trim().parse::<f64>()) {
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) {
                return Some(NearParam::Point(Geo { lat, lon }));
            }
        }
    }
    Some(NearParam::Place(value.to_owned()))
}

fn format_near(near: &NearParam) -> String {
    match near {
        // Four decimals are about 10 m: enough to sort by, and a shared link
        // does not publish the sender's exact position.
        NearParam::Point(geo) => format!("{:.4},{:.4}", geo.lat, geo.lon),
        NearParam::Place(place) => place.clone(),
    }
}

fn format_number(km: f64) -> String {
    if km.fract() == 0.0 {
        format!("{km:.0}")
    } else {
        format!("{km}")
    }
}

/// Percent-encodes all but RFC 3986's unreserved characters (and `,`, which
/// URLs of points read better with).
fn percent_encode(value: &str, out: &mut String) {
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b',' => {
                out.push(char::from(byte))
            }
            _ => {
                out.push('%');
                out.push(char::from(b"0123456789ABCDEF"[usize::from(byte >> 4)]));
                out.push(char::from(b"0123456789ABCDEF"[usize::from(byte & 15)]));
            }
        }
    }
}
