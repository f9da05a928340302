//! Dates and numbers in the user's locale, by the browser's Intl.

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

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
    long_date_time(&date, lang)
}

/// A moment given in milliseconds since 1970, as [`format_timestamp`] does.
pub fn format_timestamp_ms(ms: u64, lang: Lang) -> String {
    long_date_time(&Date::new(&JsValue::from_f64(ms as f64)), lang)
}

/// `date` as a long date with a short time in `lang`.
fn long_date_time(date: &Date, lang: Lang) -> String {
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"long".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    date.to_locale_string(&locale_for(lang), &options).into()
}

thread_local! {
    /// One number formatter per language: making an Intl formatter costs
    /// far more than using one, and facet chips format dozens of counts per
    /// keystroke.
    static NUMBER_FORMATS: std::cell::RefCell<Vec<(Lang, js_sys::Function)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The `format` function of an `Intl.NumberFormat` for `lang`, made once.
fn number_format(lang: Lang) -> Option<js_sys::Function> {
    NUMBER_FORMATS.with(|cache| {
        if let Some((_, f)) = cache.borrow().iter().find(|(l, _)| *l == lang) {
            return Some(f.clone());
        }
        let locales = js_sys::Array::of1(&JsValue::from_str(&locale_for(lang)));
        let formatter = js_sys::Intl::NumberFormat::new(&locales, &Object::new());
        let format = formatter.format();
        cache.borrow_mut().push((lang, format.clone()));
        Some(format)
    })
}

/// A count with the locale's digit grouping (100.000 / 100,000).
pub fn format_count(count: usize, lang: Lang) -> String {
    number_format(lang)
        .and_then(|f| {
            f.call1(&JsValue::NULL, &JsValue::from_f64(count as f64))
                .ok()
        })
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| count.to_string())
}

/// A dataset date (`2024-05-14`, `2024-05` or `2024`) in `lang`, as precise
/// as the data is ("14. Mai 2024", "Mai 2024", "2024").
pub fn format_date(date: &str, lang: Lang) -> String {
    let mut parts = date.split('-').map(|p| p.parse::<u32>().ok());
    let (year, month, day) = (
        parts.next().flatten(),
        parts.next().flatten(),
        parts.next().flatten(),
    );
    let Some(year) = year else {
        return date.to_owned();
    };
    let millis = Date::utc(
        f64::from(year),
        f64::from(month.unwrap_or(1).saturating_sub(1)),
    ) + f64::from(day.unwrap_or(1).saturating_sub(1)) * 86_400_000.0;
    if millis.is_nan() {
        return date.to_owned();
    }
    let precision = match (month, day) {
        (None, _) => DatePrecision::Year,
        (Some(_), None) => DatePrecision::Month,
        (Some(_), Some(_)) => DatePrecision::Day,
    };
    date_format(lang, precision)
        .and_then(|f| f.call1(&JsValue::NULL, &JsValue::from_f64(millis)).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| date.to_owned())
}

/// How much of a date the data gives.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DatePrecision {
    Year,
    Month,
    Day,
}

thread_local! {
    /// One date formatter per language and precision (see
    /// [`NUMBER_FORMATS`]): event hits show a date on every keystroke.
    static DATE_FORMATS: std::cell::RefCell<Vec<(Lang, DatePrecision, js_sys::Function)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The `format` function of an `Intl.DateTimeFormat` (UTC) for `lang`
/// showing as much as `precision`, made once.
fn date_format(lang: Lang, precision: DatePrecision) -> Option<js_sys::Function> {
    DATE_FORMATS.with(|cache| {
        if let Some((.., f)) = cache
            .borrow()
            .iter()
            .find(|(l, p, _)| *l == lang && *p == precision)
        {
            return Some(f.clone());
        }
        let options = Object::new();
        let set = |key: &str, value: &str| {
            let _ = Reflect::set(&options, &key.into(), &value.into());
        };
        set("timeZone", "UTC");
        set("year", "numeric");
        if precision != DatePrecision::Year {
            set("month", "long");
        }
        if precision == DatePrecision::Day {
            set("day", "numeric");
        }
        let locales = js_sys::Array::of1(&JsValue::from_str(&locale_for(lang)));
        let format = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
        cache.borrow_mut().push((lang, precision, format.clone()));
        Some(format)
    })
}

thread_local! {
    /// One `Intl.DisplayNames` per interface language (see
    /// [`NUMBER_FORMATS`]: made once, used for every language chip).
    static LANGUAGE_NAMES: std::cell::RefCell<Vec<(Lang, JsValue)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn display_names(lang: Lang) -> Option<JsValue> {
    if let Some(names) = LANGUAGE_NAMES.with(|c| {
        c.borrow()
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, n)| n.clone())
    }) {
        return Some(names);
    }
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: js_sys::Function = Reflect::get(&intl, &"DisplayNames".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = Object::new();
    Reflect::set(&options, &"type".into(), &"language".into()).ok()?;
    let locales = js_sys::Array::of1(&JsValue::from_str(lang.tag()));
    let names = Reflect::construct(&constructor, &js_sys::Array::of2(&locales, &options)).ok()?;
    LANGUAGE_NAMES.with(|c| c.borrow_mut().push((lang, names.clone())));
    Some(names)
}

/// A language's name in `lang` (`tr` → "Türkisch"), by the browser's
/// Intl.DisplayNames; the tag itself where the browser has no name.
pub fn language_name(tag: &str, lang: Lang) -> String {
    let name = (|| {
        let names = display_names(lang)?;
        let of: js_sys::Function = Reflect::get(&names, &"of".into()).ok()?.dyn_into().ok()?;
        of.call1(&names, &JsValue::from_str(tag)).ok()?.as_string()
    })();
    name.unwrap_or_else(|| tag.to_owned())
}

/// A size in bytes as "1,2 MB" (decimal units, as browsers show storage).
pub fn format_bytes(bytes: u64, lang: Lang) -> String {
    let (value, unit) = match bytes {
        b if b >= 1_000_000_000 => (b as f64 / 1e9, "GB"),
        b if b >= 1_000_000 => (b as f64 / 1e6, "MB"),
        b if b >= 1_000 => (b as f64 / 1e3, "kB"),
        b => (b as f64, "B"),
    };
    let number = js_sys::Number::from(((value * 10.0).round()) / 10.0);
    let text = number
        .to_locale_string(&locale_for(lang))
        .as_string()
        .unwrap_or_else(|| format!("{value:.1}"));
    format!("{text} {unit}")
}
