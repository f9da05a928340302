//! A small reader for the content lines of vCard and iCalendar files, so the
//! export tests check what a calendar or address book would read back, and
//! the sample dataset they export from.

#![allow(dead_code)]

use dialognetz_core::{validate, Dataset};

const SAMPLE: &[u8] = include_bytes!("../../../../public/data/dataset.json");

/// The shipped sample dataset, validated as the app validates it.
pub fn sample() -> Dataset {
    match validate(SAMPLE) {
        Ok(dataset) => dataset,
        Err(problems) => panic!("sample dataset invalid: {problems:?}"),
    }
}

/// One property as a reader sees it after unfolding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    /// Upper case, as written.
    pub name: String,
    /// Parameter names and values; quotes removed.
    pub params: Vec<(String, String)>,
    /// The raw value, still escaped.
    pub value: String,
}

impl Property {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The value with text escapes undone.
    pub fn text(&self) -> String {
        unescape(&self.value)
    }

    /// The value split at unescaped `;`, each part unescaped.
    pub fn components(&self) -> Vec<String> {
        split_unescaped(&self.value, ';')
            .iter()
            .map(|part| unescape(part))
            .collect()
    }
}

/// Checks the physical form (CRLF after every line, no bare CR or LF, at
/// most 75 octets per line) and returns the unfolded properties.
pub fn parse(text: &str) -> Vec<Property> {
    assert!(text.ends_with("\r\n"), "file does not end with CRLF");
    let physical: Vec<&str> = text[..text.len() - 2].split("\r\n").collect();
    let mut logical: Vec<String> = Vec::new();
    for line in physical {
        assert!(
            !line.contains('\r') && !line.contains('\n'),
            "bare CR or LF in {line:?}"
        );
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
        match line.strip_prefix(' ') {
            Some(rest) => logical
                .last_mut()
                .expect("a continuation line before any line")
                .push_str(rest),
            None => logical.push(line.to_owned()),
        }
    }
    logical.iter().map(|line| property(line)).collect()
}

fn property(line: &str) -> Property {
    // Name and parameters end at the first colon outside quotes.
    let mut in_quotes = false;
    let mut colon = None;
    for (i, c) in line.char_indices() {
        match c {
            '"' => in_quotes = !in_quotes,
            ':' if !in_quotes => {
                colon = Some(i);
                break;
            }
            _ => {}
        }
    }
    let colon = colon.unwrap_or_else(|| panic!("no colon in {line:?}"));
    let head = &line[..colon];
    let mut parts = split_outside_quotes(head, ';').into_iter();
    let name = parts.next().unwrap_or_default();
    assert!(
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
        "bad property name {name:?} in {line:?}"
    );
    let params = parts
        .map(|p| {
            let (n, v) = p
                .split_once('=')
                .unwrap_or_else(|| panic!("parameter without = in {line:?}"));
            (n.to_owned(), v.trim_matches('"').to_owned())
        })
        .collect();
    Property {
        name,
        params,
        value: line[colon + 1..].to_owned(),
    }
}

fn split_outside_quotes(text: &str, at: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut in_quotes = false;
    for c in text.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
        }
        if c == at && !in_quotes {
            out.push(String::new());
        } else if let Some(last) = out.last_mut() {
            last.push(c);
        }
    }
    out
}

fn split_unescaped(text: &str, at: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        let last = out.last_mut().expect("never empty");
        if c == '\\' {
            last.push(c);
            if let Some(next) = chars.next() {
                last.push(next);
            }
        } else if c == at {
            out.push(String::new());
        } else {
            last.push(c);
        }
    }
    out
}

/// Undoes `\\`, `\,`, `\;`, `\n`/`\N`; panics on an unescaped `,` or `;`,
/// which would split the value for a reader.
pub fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other @ ('\\' | ',' | ';')) => out.push(other),
                other => panic!("bad escape \\{other:?} in {value:?}"),
            },
            ',' | ';' => panic!("unescaped {c:?} in text value {value:?}"),
            c => out.push(c),
        }
    }
    out
}

/// Properties with this name.
pub fn all<'a>(props: &'a [Property], name: &str) -> Vec<&'a Property> {
    props.iter().filter(|p| p.name == name).collect()
}

/// The one property with this name.
pub fn one<'a>(props: &'a [Property], name: &str) -> &'a Property {
    let found = all(props, name);
    assert_eq!(found.len(), 1, "expected one {name}, found {found:?}");
    found[0]
}

/// The properties between `BEGIN:<component>` and its `END`, exclusive.
pub fn component<'a>(props: &'a [Property], component: &str) -> &'a [Property] {
    let begin = props
        .iter()
        .position(|p| p.name == "BEGIN" && p.value == component)
        .unwrap_or_else(|| panic!("no BEGIN:{component}"));
    let end = props
        .iter()
        .position(|p| p.name == "END" && p.value == component)
        .unwrap_or_else(|| panic!("no END:{component}"));
    assert!(begin < end);
    &props[begin + 1..end]
}
