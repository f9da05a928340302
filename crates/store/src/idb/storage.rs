//! The browser's storage manager: how much is used, how much may be, and
//! whether the browser promised not to evict our data
//! (`navigator.storage.estimate()`, `persist()`, `persisted()`).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::StorageManager;

use crate::StoreError;

/// What `navigator.storage` says, in plain numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageEstimate {
    /// Bytes used by this origin, if the browser says.
    pub usage: Option<u64>,
    /// Bytes this origin may use, if the browser says.
    pub quota: Option<u64>,
    /// The browser will not evict this origin's data under pressure.
    pub persisted: bool,
}

/// Usage, quota and whether storage is persistent.
pub async fn storage_estimate() -> Result<StorageEstimate, StoreError> {
    let manager = storage_manager()?;
    let estimate: web_sys::StorageEstimate = call(manager.estimate()).await?.unchecked_into();
    let persisted = call(manager.persisted()).await?.as_bool().unwrap_or(false);
    Ok(StorageEstimate {
        usage: estimate.get_usage().map(|n| n as u64),
        quota: estimate.get_quota().map(|n| n as u64),
        persisted,
    })
}

/// Asks the browser to keep our data under storage pressure; `true` when
/// it will. Browsers decide by themselves (Chromium by site engagement,
/// Firefox by asking the user), so `false` is an answer, not an error.
pub async fn request_persistence() -> Result<bool, StoreError> {
    let manager = storage_manager()?;
    Ok(call(manager.persist()).await?.as_bool().unwrap_or(false))
}

/// `navigator.storage` of the window or worker, if there is one (it is
/// missing in insecure contexts and older browsers).
fn storage_manager() -> Result<StorageManager, StoreError> {
    let unavailable = || StoreError::Unavailable("navigator.storage is missing".to_string());
    let navigator = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("navigator"))
        .map_err(|_| unavailable())?;
    js_sys::Reflect::get(&navigator, &JsValue::from_str("storage"))
        .map_err(|_| unavailable())?
        .dyn_into::<StorageManager>()
        .map_err(|_| unavailable())
}

async fn call(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, StoreError> {
    let promise = promise.map_err(|e| StoreError::Other(format!("{e:?}")))?;
    JsFuture::from(promise)
        .await
        .map_err(|e| StoreError::Other(format!("{e:?}")))
}
