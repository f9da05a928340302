//! "Near me" and "near a place": the device's location (asked only when the
//! user taps, with what it is used for) or a postcode or place typed in,
//! resolved offline with the postcode table.

use dialognetz_core::search::{NearParam, SearchParams, Sort};
use leptos::prelude::*;

use crate::components::search_page::GoTo;
use crate::geolocation::current_position;
use crate::i18n::{texts, use_lang};
use crate::search_run::NearPoint;

/// Radius choices in km; `None` is "any distance, nearest first".
const RADII: [Option<u32>; 5] = [None, Some(5), Some(10), Some(25), Some(50)];

/// The near controls under the search field.
#[component]
pub fn NearControl(params: Memo<SearchParams>, near: Memo<NearPoint>) -> impl IntoView {
    let lang = use_lang();
    let go = expect_context::<GoTo>();
    let place = RwSignal::new(String::new());
    let locating = RwSignal::new(false);
    let denied = RwSignal::new(false);

    let go_place = go.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = place.get_untracked().trim().to_owned();
        if text.is_empty() {
            return;
        }
        let mut next = params.get_untracked();
        next.near = Some(NearParam::Place(text));
        next.sort = Sort::Distance;
        go_place.go(next, true);
    };
    let go_me = go.clone();
    let on_near_me = move |_| {
        locating.set(true);
        denied.set(false);
        let go = go_me.clone();
        current_position(move |result| {
            locating.set(false);
            match result {
                Some(geo) => {
                    let mut next = params.get_untracked();
                    next.near = Some(NearParam::Point(geo));
                    next.sort = Sort::Distance;
                    go.go(next, true);
                }
                None => denied.set(true),
            }
        });
    };
    let go_clear = go.clone();
    let on_clear = move |_| {
        let mut next = params.get_untracked();
        next.near = None;
        next.radius_km = None;
        go_clear.go(next, true);
    };
    let go_radius = go.clone();
    let on_radius = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let mut next = params.get_untracked();
        next.radius_km = value.parse::<f64>().ok();
        go_radius.go(next, true);
    };
    let active = move || near.with(|n| !matches!(n, NearPoint::None));
    let from = move || match near.get() {
        NearPoint::Device(_) => texts::MY_LOCATION.get(lang.get()).to_owned(),
        NearPoint::Place { label, .. } => label,
        NearPoint::Unknown(text) => text,
        NearPoint::Pending | NearPoint::None => String::new(),
    };
    let radius_value =
        move || params.with(|p| p.radius_km.map(|r| format!("{r:.0}")).unwrap_or_default());

    view! {
        <details class="near" open=active>
            <summary>{move || texts::NEAR_TITLE.get(lang.get())}</summary>
            <p class="hint">{move || texts::NEAR_EXPLAIN.get(lang.get())}</p>
            <div class="near-actions">
                <button type="button" on:click=on_near_me disabled=move || locating.get()>
                    {move || if locating.get() { texts::NEAR_LOCATING.get(lang.get()) } else { texts::NEAR_ME.get(lang.get()) }}
                </button>
                <form class="near-place" on:submit=on_submit>
                    <label for="near-input">{move || texts::NEAR_PLACE_LABEL.get(lang.get())}</label>
                    <input id="near-input" type="text" inputmode="text" autocomplete="postal-code"
                        prop:value=move || place.get()
                        on:input=move |ev| place.set(event_target_value(&ev))/>
                    <button type="submit">{move || texts::NEAR_APPLY.get(lang.get())}</button>
                </form>
            </div>
            {move || denied.get().then(|| view! {
                <p class="notice" role="alert">{move || texts::LOCATION_DENIED.get(lang.get())}</p>
            })}
            {move || active().then(|| {
                let on_clear = on_clear.clone();
                let on_radius = on_radius.clone();
                view! {
                    <div class="near-current">
                        <p>{move || texts::SORTED_BY_DISTANCE_FROM.get(lang.get())} " " <strong>{from}</strong></p>
                        <label>
                            {move || texts::RADIUS.get(lang.get())} " "
                            <select on:change=on_radius prop:value=radius_value>
                                {RADII.into_iter().map(|r| {
                                    let value = r.map(|r| r.to_string()).unwrap_or_default();
                                    view! {
                                        <option value=value>
                                            {move || r.map(|r| format!("{r} km")).unwrap_or_else(|| texts::RADIUS_ANY.get(lang.get()).to_owned())}
                                        </option>
                                    }
                                }).collect_view()}
                            </select>
                        </label>
                        <button type="button" on:click=on_clear>{move || texts::NEAR_CLEAR.get(lang.get())}</button>
                    </div>
                }
            })}
        </details>
    }
}
