//! Dates and numbers in the user's locale, by the browser's Intl.

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::i18n::Lang;

/// The browser's own locale for `lang` where it prefers one (`en-GB` for
/// English), so dates read as the user is used to; else the bare tag.
pub fn locale_for(lang: Lang) -> String {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .and_then(|list| {
            list.iter()
                .filter_map(|v| v.as_string())
                .find(|tag| Lang::from_tag(tag) == Some(lang))
        })
        .unwrap_or_else(|| lang.tag().to_owned())
}

/// An RFC 3339 timestamp as a long date with time in `lang`
/// ("15. Februar 2024 um 09:00"); the text as given if the browser cannot
/// read it.
pub fn format_timestamp(timestamp: &str, lang: Lang) -> String {
    let date = Date::new(&JsValue::from_str(timestamp));
    if date.get_time().is_nan() {
        return timestamp.to_owned();
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string(&locale_for(lang), &options).into()
}

/// A count with the locale's digit grouping (100.000 / 100,000).
pub fn format_count(count: usize, lang: Lang) -> String {
    let number = js_sys::Number::from(count as f64);
    number
        .to_locale_string(&locale_for(lang))
        .as_string()
        .unwrap_or_else(|| count.to_string())
}
