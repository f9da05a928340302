//! A text with its matched parts marked, built from text nodes only: the
//! data never becomes markup.

use std::ops::Range;

use leptos::prelude::*;

/// `text` with `<mark>` around each range (byte offsets on character
/// boundaries, sorted, from the core's highlighter).
#[component]
pub fn Highlighted(text: Signal<String>, marks: Signal<Vec<Range<usize>>>) -> impl IntoView {
    move || {
        let text = text.get();
        let marks = marks.get();
        let mut parts = Vec::new();
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
        if let Some(rest) = text.get(at..) {
            parts.push(rest.to_owned().into_any());
        }
        parts
    }
}
