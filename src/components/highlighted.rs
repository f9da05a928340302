//! A text with its matched parts marked, built from text nodes only: the
//! data never becomes markup.

use std::ops::Range;

use leptos::prelude::*;

/// `text` with `<mark>` around each range (byte offsets on character
/// boundaries, sorted, from the core's highlighter). Not reactive: a hit
/// whose marks change is a new row (see `ResultList`).
#[component]
pub fn Highlighted(text: String, marks: Vec<Range<usize>>) -> impl IntoView {
    let mut parts = Vec::with_capacity(2 * marks.len() + 1);
    let mut at = 0;
    for range in marks {
        let (Some(before), Some(marked)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        if !before.is_empty() {
            parts.push(before.to_owned().into_any());
        }
        parts.push(view! { <mark>{marked.to_owned()}</mark> }.into_any());
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        parts.push(rest.to_owned().into_any());
    }
    parts
}
