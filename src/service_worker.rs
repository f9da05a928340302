//! The page's side of the service worker (`/sw.js`) that keeps the app shell
//! for offline use (docs/offline.md).
//!
//! A new version of the app is a new worker that waits: it takes over only
//! when the user agrees, so a page never runs with half its files from one
//! build and half from another. The app shows its "new version" notice when
//! [`register`]'s callback fires and calls [`apply_update`] on consent.
//!
//! Where service workers are unavailable (an insecure origin, a private
//! window of some browsers) both functions do nothing: the app then simply
//! needs the network to start.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration,
    ServiceWorkerState,
};

/// The worker's address; the root scope covers every app route.
const SCRIPT_URL: &str = "/sw.js";
const SCOPE: &str = "/";

thread_local! {
    /// Set once the page has asked a waiting worker to take over, so the one
    /// `controllerchange` that follows reloads the page, and only once.
    static UPDATE_REQUESTED: Cell<bool> = const { Cell::new(false) };
}

/// Registers the service worker and calls `on_update_ready` whenever a new
/// version has been installed and waits for [`apply_update`]: at once when
/// one is already waiting, or later when the browser finds one.
pub fn register(on_update_ready: impl Fn() + 'static) {
    let Some(container) = container() else {
        return;
    };
    let on_update_ready: Rc<dyn Fn()> = Rc::new(on_update_ready);
    let options = RegistrationOptions::new();
    options.set_scope(SCOPE);
    let watching = container.clone();
    // Registered once per page: the closures live as long as the page.
    let registered = Closure::<dyn FnMut(JsValue)>::new(move |value: JsValue| {
        if let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() {
            watch(&watching, &registration, on_update_ready.clone());
        }
    });
    let failed = Closure::<dyn FnMut(JsValue)>::new(|error: JsValue| {
        web_sys::console::warn_2(
            &"Dialognetz: no offline use, the service worker failed:".into(),
            &error,
        );
    });
    let _ = container
        .register_with_options(SCRIPT_URL, &options)
        .then2(&registered, &failed);
    registered.forget();
    failed.forget();
}

/// Lets the waiting new version take over and reloads the page once it has,
/// so the page and its files come from the same build. Does nothing when no
/// version waits.
pub fn apply_update() {
    let Some(container) = container() else {
        return;
    };
    let found = Closure::<dyn FnMut(JsValue)>::new({
        let container = container.clone();
        move |value: JsValue| {
            let Some(waiting) = value
                .dyn_into::<ServiceWorkerRegistration>()
                .ok()
                .and_then(|registration| registration.waiting())
            else {
                return;
            };
            UPDATE_REQUESTED.with(|requested| requested.set(true));
            let reload = Closure::<dyn FnMut()>::new(|| {
                if UPDATE_REQUESTED.with(|requested| requested.replace(false)) {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().reload();
                    }
                }
            });
            container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
            reload.forget();
            skip_waiting(&waiting);
        }
    });
    let ignored = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
    let _ = container.get_registration().then2(&found, &ignored);
    found.forget();
    ignored.forget();
}

/// Tells a waiting worker the user agreed (sw.js answers with skipWaiting).
fn skip_waiting(worker: &ServiceWorker) {
    let message = js_sys::Object::new();
    if js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into()).is_ok() {
        let _ = worker.post_message(&message);
    }
}

/// Reports a worker already waiting, and each one that finishes installing
/// while an older one controls the page (on a first visit there is nothing
/// to update: the new worker simply becomes active).
fn watch(
    container: &ServiceWorkerContainer,
    registration: &ServiceWorkerRegistration,
    on_update_ready: Rc<dyn Fn()>,
) {
    if registration.waiting().is_some() {
        on_update_ready();
    }
    let updatefound = Closure::<dyn FnMut()>::new({
        let container = container.clone();
        let registration = registration.clone();
        move || {
            let Some(installing) = registration.installing() else {
                return;
            };
            let statechange = Closure::<dyn FnMut()>::new({
                let container = container.clone();
                let worker = installing.clone();
                let on_update_ready = on_update_ready.clone();
                move || {
                    if worker.state() == ServiceWorkerState::Installed
                        && container.controller().is_some()
                    {
                        on_update_ready();
                    }
                }
            });
            installing.set_onstatechange(Some(statechange.as_ref().unchecked_ref()));
            statechange.forget();
        }
    });
    registration.set_onupdatefound(Some(updatefound.as_ref().unchecked_ref()));
    updatefound.forget();
}

/// `navigator.serviceWorker`, where the browser offers it.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    if value.is_undefined() || value.is_null() {
        return None;
    }
    value.dyn_into::<ServiceWorkerContainer>().ok()
}
