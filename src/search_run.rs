//! One search as the search page runs it: the URL's parameters turned into
//! a core query, with the near point resolved offline.

use dialognetz_core::geo::PostcodeTable;
use dialognetz_core::search::{Near, NearParam, Query, SearchParams, SearchResults, Sort};
use dialognetz_core::Geo;

use crate::data::AppData;

/// Where "near" points to, once resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum NearPoint {
    /// No place given.
    None,
    /// The device's position.
    Device(Geo),
    /// A postcode or place, with the name to show (`24103 Kiel`).
    Place { label: String, geo: Geo },
    /// A place the postcode table does not know.
    Unknown(String),
    /// A place was given, the postcode table is still loading.
    Pending,
}

impl NearPoint {
    pub fn geo(&self) -> Option<Geo> {
        match self {
            NearPoint::Device(geo) | NearPoint::Place { geo, .. } => Some(*geo),
            _ => None,
        }
    }
}

/// Resolves the URL's `near` with the postcode table (if loaded).
pub fn resolve_near(params: &SearchParams, postcodes: Option<&PostcodeTable>) -> NearPoint {
    match &params.near {
        None => NearPoint::None,
        Some(NearParam::Point(geo)) => NearPoint::Device(*geo),
        Some(NearParam::Place(text)) => match postcodes {
            None => NearPoint::Pending,
            Some(table) => match table.resolve(text) {
                Some(place) => NearPoint::Place {
                    label: format!("{} {}", place.postcode, place.name),
                    geo: place.geo,
                },
                None => NearPoint::Unknown(text.clone()),
            },
        },
    }
}

/// Today as the core counts days (UTC), for upcoming/past events.
pub fn today() -> i32 {
    (js_sys::Date::now() / 86_400_000.0).floor() as i32
}

/// Runs the search for the first `limit` hits, with facet counts if
/// `facets`.
pub fn run(
    data: &AppData,
    params: &SearchParams,
    near: &NearPoint,
    limit: usize,
    facets: bool,
) -> SearchResults {
    let mut query = Query::new(params.text.clone(), limit);
    query.filters = params.filters.clone();
    query.facets = facets;
    query.today = Some(today());
    if let Some(point) = near.geo() {
        query.near = Some(Near {
            point,
            radius_km: params.radius_km,
        });
        query.sort = if params.sort == Sort::Distance || params.text.trim().is_empty() {
            Sort::Distance
        } else {
            Sort::Relevance
        };
    }
    data.index.search(&query)
}
