//! The device's position, asked for only when the user taps "near me".

use dialognetz_core::Geo;
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Asks the browser once for the position; calls `done` with it, or with
/// `None` when it is refused, unavailable or takes longer than 15 s.
pub fn current_position(done: impl FnOnce(Option<Geo>) + 'static) {
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |geo: Option<Geo>| {
            if let Some(done) = done.borrow_mut().take() {
                done(geo);
            }
        }
    };
    let Some(geolocation) = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"geolocation".into()).ok())
        .filter(|g| !g.is_undefined() && !g.is_null())
    else {
        finish(None);
        return;
    };
    let on_success = {
        let finish = finish.clone();
        Closure::once_into_js(move |position: JsValue| {
            let coords = Reflect::get(&position, &"coords".into()).unwrap_or(JsValue::UNDEFINED);
            let number = |key: &str| {
                Reflect::get(&coords, &key.into())
                    .ok()
                    .and_then(|v| v.as_f64())
            };
            finish(match (number("latitude"), number("longitude")) {
                (Some(lat), Some(lon)) => Some(Geo { lat, lon }),
                _ => None,
            });
        })
    };
    let on_error = {
        let finish = finish.clone();
        Closure::once_into_js(move |_error: JsValue| finish(None))
    };
    let options = Object::new();
    let _ = Reflect::set(&options, &"timeout".into(), &JsValue::from_f64(15_000.0));
    let _ = Reflect::set(
        &options,
        &"maximumAge".into(),
        &JsValue::from_f64(300_000.0),
    );
    let call = Reflect::get(&geolocation, &"getCurrentPosition".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    match call {
        Some(f) => {
            if f.call3(&geolocation, &on_success, &on_error, &options)
                .is_err()
            {
                finish(None);
            }
        }
        None => finish(None),
    }
}
