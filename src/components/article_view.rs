//! An article: its CommonMark body rendered safely by the core (raw HTML
//! shown as text, only http/https/mailto links, no remote images).

use dialognetz_core::export::markdown::to_safe_html;
use dialognetz_core::search::EntityType;
use leptos::prelude::*;

use crate::components::entity_header::EntityHeader;
use crate::components::topic_list::TopicList;
use crate::data::Shared;
use crate::i18n::{texts, use_lang};
use crate::locale::format_date;

/// The page of the article at `index`.
#[component]
pub fn ArticleView(data: Shared, index: u32) -> impl IntoView {
    let lang = use_lang();
    let Some(article) = data.dataset.article(index) else {
        return ().into_any();
    };
    let doc = dialognetz_core::search::DocRef {
        entity: EntityType::Article,
        index,
    };
    let title = {
        let data = data.clone();
        Signal::derive(move || data.title(doc, lang.get().tag()))
    };
    let body = {
        let data = data.clone();
        let body = article.body.clone();
        // Safe by construction: the core escapes every raw HTML event and
        // drops links that are not http, https or mailto.
        move || to_safe_html(data.text(&body, lang.get().tag()))
    };
    let published = article.published_at.as_ref().map(|d| d.as_str().to_owned());
    let topics = article
        .topics
        .iter()
        .map(|t| t.as_str().to_owned())
        .collect::<Vec<_>>();
    view! {
        <article class="entity article">
            <EntityHeader entity=EntityType::Article id=article.id.as_str().to_owned() title/>
            {published.map(|d| view! {
                <p class="muted">{move || texts::PUBLISHED.get(lang.get())} ": " {move || format_date(&d, lang.get())}</p>
            })}
            <div class="article-body" inner_html=body></div>
            <TopicList topics/>
        </article>
    }
    .into_any()
}
