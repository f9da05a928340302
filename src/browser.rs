//! Small browser actions: downloading a generated file, sharing a link,
//! the document's title. Each degrades to something that still works.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file download named `file_name`; works offline, as
/// the file is made on the device.
pub fn download(file_name: &str, media_type: &str, text: &str) -> bool {
    (|| {
        let document = web_sys::window()?.document()?;
        let parts = Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(media_type);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let anchor: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.set_hidden(true);
        document.body()?.append_child(&anchor).ok()?;
        anchor.click();
        anchor.remove();
        // The click has started the download; the URL may go.
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    })()
    .is_some()
}

/// How a share ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shared {
    /// The system's share sheet took it (or the user closed it).
    Sheet,
    /// No share sheet: the link was copied.
    Copied,
    /// Neither works here.
    Failed,
}

/// Shares the current page's link with the Web Share API where the device
/// has it, otherwise copies it to the clipboard.
pub async fn share(title: &str) -> Shared {
    let Some(window) = web_sys::window() else {
        return Shared::Failed;
    };
    let url = window.location().href().unwrap_or_default();
    let navigator: JsValue = window.navigator().into();
    if let Some(share) = method(&navigator, "share") {
        let data = Object::new();
        let _ = Reflect::set(&data, &"title".into(), &title.into());
        let _ = Reflect::set(&data, &"url".into(), &url.as_str().into());
        if let Ok(promise) = share.call1(&navigator, &data) {
            if let Ok(promise) = promise.dyn_into::<Promise>() {
                // A cancelled sheet rejects; that is the user's choice, not
                // an error to report.
                let _ = JsFuture::from(promise).await;
                return Shared::Sheet;
            }
        }
    }
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    if let Some(write) = method(&clipboard, "writeText") {
        if let Ok(promise) = write.call1(&clipboard, &url.as_str().into()) {
            if let Ok(promise) = promise.dyn_into::<Promise>() {
                if JsFuture::from(promise).await.is_ok() {
                    return Shared::Copied;
                }
            }
        }
    }
    Shared::Failed
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    if target.is_undefined() || target.is_null() {
        return None;
    }
    Reflect::get(target, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
}

/// Sets the tab's title: "KORA – Dialognetz".
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if title.is_empty() {
            document.set_title("Dialognetz");
        } else {
            document.set_title(&format!("{title} – Dialognetz"));
        }
    }
}

/// Marks a step of starting the app on the browser's performance timeline
/// (`performance.mark("dn:…")`), so tools/measure-app.mjs and a browser's
/// profiler can show where a cold start spends its time. Costs microseconds.
pub fn mark(step: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(&format!("dn:{step}"));
    }
}

thread_local! {
    static MARKED: std::cell::RefCell<std::collections::HashSet<&'static str>> =
        std::cell::RefCell::default();
}

/// [`mark`] for a step that repeats (a search on every keystroke): only its
/// first time in this visit is marked.
pub fn mark_first(step: &'static str) {
    if MARKED.with(|m| m.borrow_mut().insert(step)) {
        mark(step);
    }
}

/// Runs `then` when the browser is idle (after the frames and messages
/// queued now), at the latest after `timeout`; where the browser has no
/// idle callback (Safari), 50 ms after the next paint or after `timeout`,
/// whichever comes first (a tab in the background paints nothing). For
/// work that takes tens of milliseconds and should come after everything
/// the person is waiting for.
pub fn when_idle(then: impl FnOnce() + 'static, timeout: std::time::Duration) {
    use wasm_bindgen::JsCast;
    let window = web_sys::window();
    let idle = window.as_ref().and_then(|w| {
        js_sys::Reflect::get(w, &"requestIdleCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    });
    match (window, idle) {
        (Some(window), Some(request)) => {
            let callback = wasm_bindgen::closure::Closure::once_into_js(then);
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(
                &options,
                &"timeout".into(),
                &(timeout.as_millis() as f64).into(),
            );
            let _ = request.call2(&window, &callback, &options);
        }
        _ => {
            let once = std::rc::Rc::new(std::cell::Cell::new(Some(then)));
            let run = move || {
                if let Some(then) = once.take() {
                    then();
                }
            };
            after_next_paint({
                let run = run.clone();
                move || leptos::prelude::set_timeout(run, std::time::Duration::from_millis(50))
            });
            leptos::prelude::set_timeout(run, timeout);
        }
    }
}

/// Runs `then` in a task after the next frame is painted (an animation
/// frame, then a zero timeout), for work that should not hold up what the
/// person is waiting to see.
pub fn after_next_paint(then: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(then, std::time::Duration::ZERO);
    });
}
