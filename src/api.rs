//! The one place that talks to the network: the configuration, the dataset
//! (past the HTTP cache, with ETag and a timeout, size-limited) and its
//! signature.

use gloo_net::http::{Request, Response};
use js_sys::Reflect;
use wasm_bindgen::JsCast;
use web_sys::RequestCache;

use crate::config::{Config, CONFIG_URL};
use crate::error::LoadError;

/// What the server said about the dataset.
pub enum Fetched {
    /// `304`: the dataset with the ETag we have is still current.
    NotModified,
    /// The published bytes, with their ETag.
    New {
        bytes: Vec<u8>,
        etag: Option<String>,
    },
}

/// Reads `config.json`; the defaults when there is none (a plain static
/// deployment needs no configuration).
pub async fn fetch_config() -> Result<Config, LoadError> {
    let response = match Request::get(CONFIG_URL).send().await {
        Ok(response) => response,
        // Offline without a cached configuration: the defaults still find
        // the dataset stored on the device.
        Err(_) => return Ok(Config::default()),
    };
    match response.status() {
        200 => {
            let text = response
                .text()
                .await
                .map_err(|e| LoadError::Config(e.to_string()))?;
            Config::parse(&text)
        }
        404 => Ok(Config::default()),
        status => Err(LoadError::Config(format!("config.json: HTTP {status}"))),
    }
}

/// Fetches the dataset past the HTTP cache (the app decides what is fresh,
/// not the browser), asking "changed since?" with the ETag we hold.
pub async fn fetch_dataset(config: &Config, etag: Option<&str>) -> Result<Fetched, LoadError> {
    let mut request = Request::get(&config.dataset_url).cache(RequestCache::NoStore);
    if let Some(etag) = etag {
        request = request.header("If-None-Match", etag);
    }
    let signal = timeout_signal(config.timeout_seconds);
    let response = request
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| network_error(e, config.timeout_seconds))?;
    match response.status() {
        304 => return Ok(Fetched::NotModified),
        200 => {}
        status => return Err(LoadError::Status(status)),
    }
    if is_html(&response) {
        return Err(LoadError::LoginPage);
    }
    let limit = config.max_dataset_bytes;
    if let Some(size) = response
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok())
    {
        if size > limit {
            return Err(LoadError::TooLarge { size, limit });
        }
    }
    let etag = response.headers().get("etag");
    let bytes = read_at_most(&response, limit, config.timeout_seconds).await?;
    Ok(Fetched::New { bytes, etag })
}

/// The body, read piece by piece and given up as soon as it passes `limit`:
/// an answer without `Content-Length` (or a compressed one, whose length
/// says nothing about the data) that is far too large is not downloaded
/// whole, over a phone's metered line, just to be refused.
async fn read_at_most(response: &Response, limit: u64, timeout: u32) -> Result<Vec<u8>, LoadError> {
    let Some(stream) = response.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream
        .get_reader()
        .dyn_into()
        .map_err(|_| LoadError::Body("the answer cannot be read".to_owned()))?;
    let mut bytes = Vec::new();
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
            .await
            .map_err(|e| read_error(&e, timeout))?;
        let done = Reflect::get(&chunk, &"done".into())
            .map(|d| d.is_truthy())
            .unwrap_or(true);
        if done {
            return Ok(bytes);
        }
        let Ok(value) = Reflect::get(&chunk, &"value".into()) else {
            continue;
        };
        let piece = js_sys::Uint8Array::new(&value);
        let size = bytes.len() as u64 + u64::from(piece.length());
        if size > limit {
            // Stops the download; what it answers does not matter.
            let _ = reader.cancel();
            return Err(LoadError::TooLarge { size, limit });
        }
        let start = bytes.len();
        bytes.resize(start + piece.length() as usize, 0);
        piece.copy_to(&mut bytes[start..]);
    }
}

/// A read that failed half-way: the timeout, or the connection broke.
fn read_error(error: &wasm_bindgen::JsValue, timeout_seconds: u32) -> LoadError {
    let name = Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "TimeoutError" || name == "AbortError" {
        LoadError::Timeout(timeout_seconds)
    } else {
        LoadError::Body(format!("{error:?}"))
    }
}

/// The dataset's signature file's text; `None` when there is none (404).
pub async fn fetch_signature(config: &Config) -> Result<Option<String>, LoadError> {
    let signal = timeout_signal(config.timeout_seconds);
    let response = Request::get(&config.signature_url())
        .cache(RequestCache::NoStore)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|e| network_error(e, config.timeout_seconds))?;
    match response.status() {
        200 if !is_html(&response) => response
            .text()
            .await
            .map(Some)
            .map_err(|e| body_error(e, config.timeout_seconds)),
        // A web page (an SPA fallback) where the signature should be is no
        // signature.
        200 | 404 => Ok(None),
        status => Err(LoadError::Status(status)),
    }
}

fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get("content-type")
        .is_some_and(|t| t.to_ascii_lowercase().contains("text/html"))
}

/// `AbortSignal.timeout(ms)`, where the browser has it.
fn timeout_signal(seconds: u32) -> Option<web_sys::AbortSignal> {
    let constructor = Reflect::get(&js_sys::global(), &"AbortSignal".into()).ok()?;
    let timeout: js_sys::Function = Reflect::get(&constructor, &"timeout".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let signal = timeout
        .call1(&constructor, &(f64::from(seconds) * 1000.0).into())
        .ok()?;
    signal.dyn_into().ok()
}

/// The answer began but broke off while it was read: incomplete data, not
/// "no connection" (unless the timeout cut it off).
fn body_error(error: gloo_net::Error, timeout_seconds: u32) -> LoadError {
    match network_error(error, timeout_seconds) {
        LoadError::Network(detail) => LoadError::Body(detail),
        other => other,
    }
}

fn network_error(error: gloo_net::Error, timeout_seconds: u32) -> LoadError {
    match &error {
        gloo_net::Error::JsError(js) if js.name == "TimeoutError" || js.name == "AbortError" => {
            LoadError::Timeout(timeout_seconds)
        }
        _ => LoadError::Network(error.to_string()),
    }
}
