//! Article bodies become HTML that can be set as innerHTML: no raw HTML, no
//! script links, no image loaded from anywhere.

mod export_support;

use dialognetz_core::export::markdown::to_safe_html;

/// Tags the renderer may produce.
const TAGS: [&str; 26] = [
    "p",
    "a",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "input",
    "div",
];

/// A tag as found in the output.
#[derive(Debug)]
struct FoundTag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// Every tag in `html`. Text never holds a raw `<` (it is `&lt;`), so each
/// `<` starts a tag; attribute values are double-quoted.
fn tags(html: &str) -> Vec<FoundTag> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        let close = rest.find('>').expect("tag without >");
        let inner = rest[..close].trim_start_matches('/').trim_end_matches('/');
        rest = &rest[close + 1..];
        let (name, mut attrs) = inner.split_once(' ').unwrap_or((inner, ""));
        let mut attributes = Vec::new();
        while !attrs.trim().is_empty() {
            attrs = attrs.trim_start();
            let eq = attrs.find('=').expect("attribute without value");
            let key = attrs[..eq].to_owned();
            let value_rest = attrs[eq + 1..]
                .strip_prefix('"')
                .expect("unquoted attribute");
            let end = value_rest.find('"').expect("unterminated attribute");
            attributes.push((key, value_rest[..end].to_owned()));
            attrs = &value_rest[end + 1..];
        }
        found.push(FoundTag {
            name: name.to_owned(),
            attributes,
        });
    }
    found
}

/// The safety properties every output keeps.
fn assert_safe(markdown: &str) -> String {
    let html = to_safe_html(markdown);
    for tag in tags(&html) {
        assert!(
            TAGS.contains(&tag.name.as_str()),
            "tag <{}> in {html:?} from {markdown:?}",
            tag.name
        );
        for (key, value) in &tag.attributes {
            match key.as_str() {
                "href" => {
                    let lower = value.to_ascii_lowercase();
                    assert!(
                        lower.starts_with("http://")
                            || lower.starts_with("https://")
                            || lower.starts_with("mailto:"),
                        "href {value:?} in {html:?}"
                    );
                }
                "title" => {}
                "style" => assert!(value.starts_with("text-align: "), "style {value:?}"),
                "class" => assert!(value.starts_with("language-"), "class {value:?}"),
                other => panic!("attribute {other}={value:?} in {html:?}"),
            }
        }
    }
    html
}

const HOSTILE: [&str; 22] = [
    "<script>alert(1)</script>",
    "Text <script>alert(1)</script> im Absatz",
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnError=alert(1)>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[klick](javascript:alert(1))",
    "[klick](JaVaScRiPt:alert(1))",
    "[klick](java&#x09;script:alert(1))",
    "[klick](<java script:alert(1)>)",
    "[klick](vbscript:msgbox(1))",
    "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:alert(1)>",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x](javascript:alert(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x](https://ok.example \"t\\\" onmouseover=\\\"alert(1)\")",
    "[x](https://ok.example/\"onmouseover=\"alert(1))",
    "```\"><script>alert(1)</script>\n code\n```",
    "<!-- <script>alert(1)</script> -->",
    "<style>body{display:none}</style>",
    "# Titel {#x onclick=alert(1)}",
];

#[test]
fn hostile_input_stays_text() {
    for markdown in HOSTILE {
        let html = assert_safe(markdown);
        assert!(!html.contains("<script"), "{html:?}");
        assert!(!html.contains("<img"), "{html:?}");
        assert!(!html.contains("<iframe"), "{html:?}");
        assert!(!html.contains("<style"), "{html:?}");
        // `href="javascript:` or `onerror=` may appear as text; assert_safe
        // holds every real tag to http, https and mailto links and to the
        // href, title, style and class attributes.
    }
}

#[test]
fn raw_html_is_shown_as_its_text() {
    assert_eq!(
        to_safe_html("<script>alert(1)</script>"),
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
    );
    assert_eq!(
        to_safe_html("Ein <b>fettes</b> Wort"),
        "<p>Ein &lt;b&gt;fettes&lt;/b&gt; Wort</p>\n"
    );
    assert!(
        to_safe_html("<img src=x onerror=alert(1)>").contains("&lt;img src=x onerror=alert(1)&gt;")
    );
}

#[test]
fn a_forbidden_link_keeps_its_text_without_the_link() {
    assert_eq!(
        to_safe_html("[klick](javascript:alert(1)) hier"),
        "<p>klick hier</p>\n"
    );
    assert_eq!(to_safe_html("[Start](/admin)"), "<p>Start</p>\n");
    assert_eq!(to_safe_html("[oben](#top)"), "<p>oben</p>\n");
    assert_eq!(
        to_safe_html("<javascript:alert(1)>"),
        "<p>javascript:alert(1)</p>\n"
    );
}

#[test]
fn web_and_mail_links_stay_links() {
    assert_eq!(
        to_safe_html("Mehr: [BAMF](https://www.bamf.de)"),
        "<p>Mehr: <a href=\"https://www.bamf.de\">BAMF</a></p>\n"
    );
    assert_eq!(
        to_safe_html("[Schreiben](mailto:kora@sms.sachsen.de)"),
        "<p><a href=\"mailto:kora@sms.sachsen.de\">Schreiben</a></p>\n"
    );
    assert_eq!(
        to_safe_html("<kora@sms.sachsen.de>"),
        "<p><a href=\"mailto:kora@sms.sachsen.de\">kora@sms.sachsen.de</a></p>\n"
    );
    assert_eq!(
        to_safe_html("<HTTPS://WWW.BAMF.DE>"),
        "<p><a href=\"HTTPS://WWW.BAMF.DE\">HTTPS://WWW.BAMF.DE</a></p>\n"
    );
}

#[test]
fn images_become_links_and_load_nothing() {
    assert_eq!(
        to_safe_html("![Logo des Netzwerks](https://cdn.example/logo.png)"),
        "<p><a href=\"https://cdn.example/logo.png\">Logo des Netzwerks</a></p>\n"
    );
    // Without alt text the address is the link's text.
    assert_eq!(
        to_safe_html("![](https://cdn.example/logo.png)"),
        "<p><a href=\"https://cdn.example/logo.png\">https://cdn.example/logo.png</a></p>\n"
    );
    // A data: image shows its alt text only.
    assert_eq!(
        to_safe_html("![Grafik](data:image/png;base64,AAAA)"),
        "<p>Grafik</p>\n"
    );
    // An image inside a link: one link, no anchor inside an anchor.
    let html = assert_safe("[![Logo](https://cdn.example/l.png)](https://www.bamf.de)");
    assert_eq!(html, "<p><a href=\"https://www.bamf.de\">Logo</a></p>\n");
}

#[test]
fn headings_start_at_h2() {
    assert_eq!(
        to_safe_html("# Aufgaben\n\n## Vernetzung\n\n###### Tief"),
        "<h2>Aufgaben</h2>\n<h3>Vernetzung</h3>\n<h6>Tief</h6>\n"
    );
    // A body whose first level is h3 moves up to h2.
    assert_eq!(
        to_safe_html("### Erstens\n\n#### Dazu"),
        "<h2>Erstens</h2>\n<h3>Dazu</h3>\n"
    );
    let html = assert_safe("# a\n## b\n### c\n#### d\n##### e\n###### f");
    assert!(!html.contains("<h1"), "{html}");
}

#[test]
fn common_markdown_renders() {
    let html = assert_safe(
        "Absatz mit *Betonung*, **Stärke**, `Code` und ~~alt~~.\n\n- eins\n- zwei\n\n1. erst\n\n> Zitat\n\n| a | b |\n|---|:-:|\n| 1 | 2 |\n\n```rust\nfn main() {}\n```",
    );
    for part in [
        "<em>Betonung</em>",
        "<strong>Stärke</strong>",
        "<code>Code</code>",
        "<del>alt</del>",
        "<li>eins</li>",
        "<ol>",
        "<blockquote>",
        "<table>",
        "<th style=\"text-align: center\">b</th>",
        "class=\"language-rust\"",
    ] {
        assert!(html.contains(part), "{part} missing in {html}");
    }
}

#[test]
fn the_sample_articles_render_safely() {
    let dataset = export_support::sample();
    assert!(!dataset.articles.is_empty());
    for article in &dataset.articles {
        for (_, body) in article.body.variants() {
            let html = assert_safe(body);
            assert!(html.starts_with('<'), "{html}");
        }
    }
    let about = dataset
        .articles
        .iter()
        .find(|a| a.id.as_str() == "ueber-kosizu")
        .expect("the about article");
    let html = to_safe_html(about.body.resolve("de", "de"));
    assert!(html
        .contains("<a href=\"https://www.bamf.de\">Bundesamt für Migration und Flüchtlinge</a>"));
    let tasks = dataset
        .articles
        .iter()
        .find(|a| a.id.as_str() == "aufgaben-kosizu")
        .expect("the tasks article");
    assert_eq!(
        to_safe_html(tasks.body.resolve("de", "de"))
            .matches("<li>")
            .count(),
        5
    );
}
