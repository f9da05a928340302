//! An event's page: when and where, how to register and whether it is
//! still possible, and a calendar file.

use dialognetz_core::export::ical;
use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::components::download_button::DownloadButton;
use crate::components::entity_header::EntityHeader;
use crate::components::entity_link::EntityLink;
use crate::components::topic_list::TopicList;
use crate::data::Shared;
use crate::i18n::{texts, use_lang};
use crate::locale::format_date;

/// The page of the event at `index`.
#[component]
pub fn EventView(data: Shared, index: u32) -> impl IntoView {
    let lang = use_lang();
    let Some(event) = data.dataset.event(index) else {
        return ().into_any();
    };
    let doc = dialognetz_core::search::DocRef {
        entity: EntityType::Event,
        index,
    };
    let title = {
        let data = data.clone();
        Signal::derive(move || data.title(doc, lang.get().tag()))
    };
    let start = event.start.as_str().to_owned();
    let end = event.end.as_ref().map(|e| e.as_str().to_owned());
    let when = move || {
        let l = lang.get();
        match &end {
            Some(end) if *end != start => {
                format!("{} – {}", format_date(&start, l), format_date(end, l))
            }
            _ => format_date(&start, l),
        }
    };
    let today = today_iso();
    let last_day = event
        .end
        .as_ref()
        .unwrap_or(&event.start)
        .as_str()
        .to_owned();
    // Dates compare as text when equally precise; a coarser end date covers
    // its whole period, so compare on its length.
    let past = last_day.as_str() < &today[..last_day.len().min(today.len())];
    let description = event.description.clone().map(|d| {
        let data = data.clone();
        move || data.text(&d, lang.get().tag()).to_owned()
    });
    let place = [event.venue.clone(), event.city.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let registration = event.registration.clone();
    let deadline_passed = registration
        .as_ref()
        .and_then(|r| r.deadline.as_ref())
        .map(|d| d.as_str() < &today[..d.as_str().len().min(today.len())])
        .unwrap_or(false);
    let calendar = ical::event(&data.dataset, &event, lang.get_untracked().tag()).ok();
    let topics = event
        .topics
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect::<Vec<_>>();
    view! {
        <article class="entity event">
            <EntityHeader entity=EntityType::Event id=event.id.as_str().to_owned() title/>
            {past.then(|| view! { <p class="notice">{move || texts::EVENT_PAST.get(lang.get())}</p> })}
            <dl class="facts">
                <div><dt>{move || texts::DATE.get(lang.get())}</dt><dd><time datetime=event.start.as_str().to_owned()>{when}</time></dd></div>
                {(!place.is_empty()).then(|| view! {
                    <div><dt>{move || texts::VENUE.get(lang.get())}</dt><dd>{place}</dd></div>
                })}
                {event.organizer.clone().map(|o| {
                    let data = data.clone();
                    view! {
                        <div><dt>{move || texts::ORGANIZER.get(lang.get())}</dt>
                        <dd><EntityLink data entity=EntityType::Organization id=o.as_str().to_owned()/></dd></div>
                    }
                })}
            </dl>
            {description.map(|d| view! { <p class="description" dir="auto">{d}</p> })}
            {registration.map(|r| view! {
                <section aria-labelledby="registration-title">
                    <h2 id="registration-title">{move || texts::REGISTRATION.get(lang.get())}</h2>
                    {r.deadline.clone().map(|d| view! {
                        <p>{move || texts::DEADLINE.get(lang.get())} ": " {move || format_date(d.as_str(), lang.get())}</p>
                    })}
                    {deadline_passed.then(|| view! { <p class="notice">{move || texts::DEADLINE_PASSED.get(lang.get())}</p> })}
                    <ul class="contact-actions">
                        {r.url.clone().map(|u| view! {
                            <li><a class="action" href=u.as_str().to_owned() rel="noopener noreferrer">{move || texts::REGISTRATION.get(lang.get())}</a></li>
                        })}
                        {r.email.clone().map(|e| {
                            let href = format!("mailto:{}", e.as_str());
                            view! {
                                <li><a class="action mail" href=href>
                                    <span class="action-label">{move || texts::WRITE_EMAIL.get(lang.get())}</span>
                                    <span class="action-value" dir="ltr">{e.as_str().to_owned()}</span>
                                </a></li>
                            }
                        })}
                    </ul>
                </section>
            })}
            {calendar.map(|file| view! {
                <p><DownloadButton file label=texts::ADD_TO_CALENDAR/></p>
            })}
            <TopicList topics/>
        </article>
    }
    .into_any()
}

/// Today as `YYYY-MM-DD` in the device's time zone.
fn today_iso() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}
