//! An entry's topics, each a link to the search filtered by it.

use leptos::prelude::*;

use crate::data::Shared;
use crate::i18n::{texts, use_lang};

/// The topics as links to `/?topic=…`.
#[component]
pub fn TopicList(topics: Vec<String>) -> impl IntoView {
    let lang = use_lang();
    let data = expect_context::<Shared>();
    (!topics.is_empty()).then(|| {
        view! {
            <section class="topics" aria-labelledby="topics-title">
                <h2 id="topics-title">{move || texts::TOPICS.get(lang.get())}</h2>
                <ul class="tag-list">
                    {topics.into_iter().map(|t| {
                        let data = data.clone();
                        let params = dialognetz_core::search::SearchParams::default().with_filter_toggled("topic", &t);
                        let href = format!("/{}", params.to_query_string());
                        view! { <li><a class="tag" href=href>{move || data.topic_label(&t, lang.get().tag())}</a></li> }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}
