//! Article bodies (CommonMark) as HTML that is safe to insert into the page.
//!
//! The dataset format fixes how a body is shown: raw HTML is text, never
//! markup, and only web links are links. On top of that the app makes no
//! request to another host by itself, so an image is shown as a link to the
//! image, which loads only if the user follows it. Headings move down so the
//! body's first level is `h2`, under the article's title (`h1`).

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

/// Schemes a link may have: web pages and e-mail.
const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];
/// Schemes an image link may have: only what a browser shows as a page.
const IMAGE_SCHEMES: [&str; 2] = ["http", "https"];

/// CommonMark (with tables and ~~strikethrough~~) to HTML without raw HTML,
/// scripts, or links other than http, https and mailto. The result may be
/// set as `innerHTML`.
pub fn to_safe_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options).collect();
    let top = events
        .iter()
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min();
    let shift = top.map_or(0, |top| 2 - top as isize);

    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    // For each open link or image: whether it became an `<a>`.
    let mut anchors: Vec<bool> = Vec::new();
    // For each open image shown as a link: its URL and where its text began,
    // so an image without alt text still has something to click.
    let mut images: Vec<Option<(CowStr<'_>, usize)>> = Vec::new();
    for event in events {
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => out.push(Event::Text(raw)),
            Event::Start(Tag::HtmlBlock) => out.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => out.push(Event::End(TagEnd::Paragraph)),
            Event::Start(Tag::Heading { level, .. }) => out.push(Event::Start(Tag::Heading {
                level: shifted(level, shift),
                id: None,
                classes: Vec::new(),
                attrs: Vec::new(),
            })),
            Event::End(TagEnd::Heading(level)) => {
                out.push(Event::End(TagEnd::Heading(shifted(level, shift))))
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let inside_anchor = anchors.contains(&true);
                let keep = !inside_anchor
                    && (link_type == LinkType::Email && plain(&dest_url)
                        || allowed(&dest_url, &LINK_SCHEMES));
                anchors.push(keep);
                if keep {
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if anchors.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = !anchors.contains(&true) && allowed(&dest_url, &IMAGE_SCHEMES);
                anchors.push(keep);
                if keep {
                    images.push(Some((dest_url.clone(), out.len() + 1)));
                    out.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                } else {
                    images.push(None);
                }
            }
            Event::End(TagEnd::Image) => {
                anchors.pop();
                if let Some((url, text_start)) = images.pop().flatten() {
                    if out.len() == text_start {
                        out.push(Event::Text(url));
                    }
                    out.push(Event::End(TagEnd::Link));
                }
            }
            other => out.push(other),
        }
    }
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html_out, out.into_iter());
    html_out
}

/// The heading level moved by `shift`, kept within h2 to h6.
fn shifted(level: HeadingLevel, shift: isize) -> HeadingLevel {
    let moved = (level as isize + shift).clamp(2, 6) as usize;
    HeadingLevel::try_from(moved).unwrap_or(HeadingLevel::H6)
}

/// Whether a link target has one of `schemes`. Anything else is refused,
/// relative links included: a body is shown on pages of its own, where a
/// relative target would point into the app.
fn allowed(url: &str, schemes: &[&str]) -> bool {
    plain(url)
        && url.split_once(':').is_some_and(|(scheme, _)| {
            schemes
                .iter()
                .any(|allowed| scheme.eq_ignore_ascii_case(allowed))
        })
}

/// No white space or control characters, which browsers strip from a URL
/// (`java\tscript:` would become `javascript:`).
fn plain(url: &str) -> bool {
    !url.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}
