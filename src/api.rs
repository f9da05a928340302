//! The one place that talks to the network.

use dialognetz_core::{validate, Dataset};
use gloo_net::http::Request;
use web_sys::RequestCache;

use crate::error::LoadError;

/// Where the published dataset lives, relative to the app's base URL.
pub const DATASET_URL: &str = "data/dataset.json";

/// Fetches the dataset past the HTTP cache (the app decides what is fresh,
/// not the browser) and validates it with the core crate.
pub async fn fetch_dataset(url: &str) -> Result<Dataset, LoadError> {
    let response = Request::get(url)
        .cache(RequestCache::NoStore)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Status(response.status()));
    }
    let bytes = response
        .binary()
        .await
        .map_err(|e| LoadError::Body(e.to_string()))?;
    validate(&bytes).map_err(LoadError::Invalid)
}
