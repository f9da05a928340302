//! Address and coordinates as rows of a fact list.

use dialognetz_core::{Address, Geo};
use leptos::prelude::*;

use crate::i18n::{texts, use_lang};

/// The address as a postal block, and the coordinates as a `geo:` link that
/// a phone's map app opens (no map tiles: no third-party requests).
#[component]
pub fn PlaceFacts(address: Option<Address>, geo: Option<Geo>) -> impl IntoView {
    let lang = use_lang();
    view! {
        {address.map(|a| {
            let line2 = match &a.postcode {
                Some(p) => format!("{} {}", p.as_str(), a.city),
                None => a.city.clone(),
            };
            let state = a.state.as_ref().and_then(|s| dialognetz_core::geo::state_name(s.as_str()));
            view! {
                <div>
                    <dt>{move || texts::ADDRESS.get(lang.get())}</dt>
                    <dd><address>
                        {a.street.clone().map(|s| view! { {s} <br/> })}
                        {line2}
                        {state.map(|s| view! { <br/> {s} })}
                    </address></dd>
                </div>
            }
        })}
        {geo.map(|g| {
            let text = format!("{:.5}, {:.5}", g.lat, g.lon);
            let href = format!("geo:{:.6},{:.6}", g.lat, g.lon);
            view! {
                <div>
                    <dt>{move || texts::COORDINATES.get(lang.get())}</dt>
                    <dd><a href=href dir="ltr">{text}</a></dd>
                </div>
            }
        })}
    }
}
