//! The strict reader in front of the dataset model: everything that must be
//! refused before (or while) the bytes become JSON values.
//!
//! `serde_json` does the parsing. On top of it this module refuses documents
//! that are too large (before reading a byte of JSON), not UTF-8, HTML pages,
//! too deeply nested, and, while parsing, records objects with a key twice,
//! strings and lists over their limits — each with the JSON path, so a
//! publisher sees every place at once.

use std::cell::RefCell;
use std::fmt::{self, Write as _};

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::problem::{shorten, Problem, Rule};

/// The largest document the format allows: 64 MiB.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;
/// The longest string, in Unicode scalar values.
pub const MAX_STRING_CHARS: usize = 20_000;
/// The longest list.
pub const MAX_LIST_ENTRIES: usize = 500_000;
/// The deepest nesting of arrays and objects.
pub const MAX_DEPTH: usize = 128;

/// One step of a JSON path.
#[derive(Debug, Clone)]
enum Segment {
    Key(String),
    Index(usize),
}

/// Formats a JSON path as `organizations[12].address.state`; keys that are
/// not plain words are quoted (`["odd key"]`).
fn format_path(segments: &[Segment]) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Key(key) => {
                let plain = !key.is_empty()
                    && key
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                if plain {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                } else {
                    let _ = write!(out, "[{:?}]", shorten(key, 40));
                }
            }
            Segment::Index(index) => {
                let _ = write!(out, "[{index}]");
            }
        }
    }
    out
}

/// Line and column (1-based, column in bytes) of a byte offset.
pub(crate) fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    (line, offset - line_start + 1)
}

/// Reads `bytes` as one JSON value under the format's general rules.
///
/// `Err` holds the problems that leave nothing to check further (not JSON,
/// too large, ...). `Ok` holds the value and the problems found while
/// reading it (duplicate keys, over-long strings and lists), which do not stop
/// the rest of the validation.
pub(crate) fn read_document(bytes: &[u8]) -> Result<(Value, Vec<Problem>), Vec<Problem>> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(vec![Problem::new(
            "",
            Rule::DocumentTooLarge,
            format!(
                "the document has {} bytes; the format allows at most {} (64 MiB)",
                bytes.len(),
                MAX_DOCUMENT_BYTES
            ),
        )]);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0xFF, 0xFE]) {
        return Err(vec![Problem::new(
            "",
            Rule::NotUtf8,
            "the document is saved as UTF-16; save it as UTF-8",
        )]);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let (line, column) = line_column(bytes, error.valid_up_to());
            return Err(vec![Problem::new(
                "",
                Rule::NotUtf8,
                format!(
                    "the document is not valid UTF-8 (byte {}); save it as UTF-8",
                    error.valid_up_to()
                ),
            )
            .at(line, column)]);
        }
    };
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(vec![Problem::new("", Rule::Empty, "the document is empty")]);
    }
    if trimmed.starts_with('<') {
        return Err(vec![Problem::new(
            "",
            Rule::HtmlInsteadOfJson,
            "this is an HTML page, not a dataset (a Wi-Fi login page or an error page of the server?)",
        )
        .with_value(trimmed)]);
    }
    if let Some(offset) = first_offset_deeper_than(bytes, MAX_DEPTH) {
        let (line, column) = line_column(bytes, offset);
        return Err(vec![Problem::new(
            "",
            Rule::TooDeep,
            format!("the JSON is nested deeper than {MAX_DEPTH} levels"),
        )
        .at(line, column)]);
    }

    let state = ReadState::default();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // The scan above bounds the depth at MAX_DEPTH; serde_json's own limit
    // (127 levels) would refuse documents the format allows.
    deserializer.disable_recursion_limit();
    let parsed = StrictValue { state: &state }
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    match parsed {
        Ok(value) => Ok((value, state.problems.into_inner())),
        Err(error) => Err(vec![syntax_problem(&error)]),
    }
}

/// A `serde_json` error as a problem at its line and column.
fn syntax_problem(error: &serde_json::Error) -> Problem {
    let full = error.to_string();
    let message = match full.rfind(" at line ") {
        Some(cut) => &full[..cut],
        None => full.as_str(),
    };
    let rule = if message.contains("recursion limit") {
        Rule::TooDeep
    } else {
        Rule::Syntax
    };
    Problem::new("", rule, format!("not valid JSON: {message}")).at(error.line(), error.column())
}

/// Offset of the first `[` or `{` that opens a level deeper than `max`,
/// outside strings. One pass over the bytes, no recursion, so 100,000 nested
/// arrays cost nothing but the scan.
fn first_offset_deeper_than(bytes: &[u8], max: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, &byte) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(offset);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Where the reader is and what it found; shared by all nested seeds.
#[derive(Default)]
struct ReadState {
    path: RefCell<Vec<Segment>>,
    problems: RefCell<Vec<Problem>>,
}

impl ReadState {
    fn report(&self, rule: Rule, message: String, value: Option<&str>) {
        let path = format_path(&self.path.borrow());
        let mut problem = Problem::new(path, rule, message);
        if let Some(value) = value {
            problem = problem.with_value(value);
        }
        self.problems.borrow_mut().push(problem);
    }

    fn check_string(&self, text: &str) {
        // A string of n bytes has at most n characters: count only long ones.
        if text.len() > MAX_STRING_CHARS {
            let chars = text.chars().count();
            if chars > MAX_STRING_CHARS {
                self.report(
                    Rule::StringTooLong,
                    format!("the text has {chars} characters; at most {MAX_STRING_CHARS} are allowed"),
                    Some(text),
                );
            }
        }
    }
}

/// Builds a [`Value`] and records the format's general rules on the way.
#[derive(Clone, Copy)]
struct StrictValue<'s> {
    state: &'s ReadState,
}

impl<'de> DeserializeSeed<'de> for StrictValue<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        self.state.check_string(v);
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        self.state.check_string(&v);
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        let mut index = 0usize;
        loop {
            if index == MAX_LIST_ENTRIES {
                // Read (and so syntax-check) the rest, but keep none of it.
                let mut extra = 0usize;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    extra += 1;
                }
                if extra > 0 {
                    self.state.report(
                        Rule::ListTooLong,
                        format!(
                            "the list has {} entries; at most {MAX_LIST_ENTRIES} are allowed",
                            MAX_LIST_ENTRIES + extra
                        ),
                        None,
                    );
                }
                break;
            }
            self.state.path.borrow_mut().push(Segment::Index(index));
            let item = seq.next_element_seed(self);
            self.state.path.borrow_mut().pop();
            match item? {
                Some(item) => items.push(item),
                None => break,
            }
            index += 1;
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            self.state.check_string(&key);
            self.state.path.borrow_mut().push(Segment::Key(key.clone()));
            let value = map.next_value_seed(self);
            let duplicate = object.contains_key(&key);
            if duplicate {
                self.state.report(
                    Rule::DuplicateKey,
                    format!("the key {key:?} appears twice in this object"),
                    None,
                );
            }
            self.state.path.borrow_mut().pop();
            let value = value?;
            if !duplicate {
                object.insert(key, value);
            }
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_quote_keys_that_are_not_plain_words() {
        let path = vec![
            Segment::Key("organizations".into()),
            Segment::Index(3),
            Segment::Key("odd key".into()),
        ];
        assert_eq!(format_path(&path), "organizations[3][\"odd key\"]");
    }

    #[test]
    fn depth_scan_ignores_brackets_inside_strings() {
        let text = format!("[\"{}\"]", "[".repeat(500));
        assert_eq!(first_offset_deeper_than(text.as_bytes(), 2), None);
    }

    #[test]
    fn depth_limit_is_exactly_128_levels() {
        let ok = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(read_document(ok.as_bytes()).is_ok());
        let deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
        let problems = read_document(deep.as_bytes()).unwrap_err();
        assert_eq!(problems[0].rule, Rule::TooDeep);
    }

    #[test]
    fn line_and_column_count_from_one() {
        assert_eq!(line_column(b"ab\ncd", 4), (2, 2));
        assert_eq!(line_column(b"ab", 0), (1, 1));
    }
}
