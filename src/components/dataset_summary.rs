//! The dataset's title, its age and what it contains.

use leptos::prelude::*;

use crate::data::Shared;
use crate::i18n::{texts, use_lang, Text};
use crate::locale::{format_count, format_timestamp};

/// Title, "data as of", publisher and counts of a loaded dataset.
#[component]
pub fn DatasetSummary(data: Shared) -> impl IntoView {
    let lang = use_lang();
    let counts = data.dataset.counts();
    let rows: [(Text, usize); 7] = [
        (texts::ORGANIZATIONS, counts.organizations),
        (texts::CONTACTS, counts.contacts),
        (texts::FORUMS, counts.forums),
        (texts::EVENTS, counts.events),
        (texts::PROJECTS, counts.projects),
        (texts::ARTICLES, counts.articles),
        (texts::TOPICS, counts.topics),
    ];
    let synthetic = data.dataset.meta().synthetic.unwrap_or(false);
    let title = {
        let data = data.clone();
        move || {
            data.dataset
                .meta()
                .title
                .resolve(lang.get().tag(), data.dataset.meta().default_language())
                .to_owned()
        }
    };
    let published_at = data.dataset.meta().published_at.as_str().to_owned();
    let published_at_attr = published_at.clone();
    let publisher = data.dataset.meta().publisher.clone();
    let version = data.dataset.meta().version.clone();
    view! {
        <section class="panel dataset-summary" aria-labelledby="dataset-title">
            <h2 id="dataset-title">{title}</h2>
            <p class="data-as-of">
                {move || texts::DATA_AS_OF.get(lang.get())} ": "
                <time datetime=published_at_attr>
                    {move || format_timestamp(&published_at, lang.get())}
                </time>
            </p>
            <dl class="meta">
                <div>
                    <dt>{move || texts::PUBLISHER.get(lang.get())}</dt>
                    <dd>{publisher}</dd>
                </div>
                <div>
                    <dt>{move || texts::VERSION.get(lang.get())}</dt>
                    <dd>{version}</dd>
                </div>
            </dl>
            {synthetic.then(|| view! {
                <p class="notice">{move || texts::SYNTHETIC.get(lang.get())}</p>
            })}
            <h3>{move || texts::CONTENTS.get(lang.get())}</h3>
            <ul class="counts">
                {rows
                    .into_iter()
                    .map(|(label, count)| view! {
                        <li>
                            <span class="count">{move || format_count(count, lang.get())}</span>
                            " "
                            <span class="count-label">{move || label.get(lang.get())}</span>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
