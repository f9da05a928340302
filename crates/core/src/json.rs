//! The strict reader in front of the dataset model: everything that must be
//! refused before (or while) the bytes become JSON values.
//!
//! `serde_json` does the parsing. On top of it this module refuses documents
//! that are too large (before reading a byte of JSON), compressed, not UTF-8,
//! markup pages, too deeply nested, and, while parsing, records objects with
//! a key twice, strings and lists over their limits — each with the JSON
//! path, so a publisher sees every place at once.
//!
//! The reader runs in two modes over the same rules: [`scan`] checks a
//! document without keeping anything (the fast path for valid documents,
//! which are then deserialized straight into the model), [`read_value`]
//! builds a [`Value`] tree so that every entry can be typed on its own and
//! every problem reported.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
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
/// The most JSON values (scalars, lists and objects, each counted once) a
/// document may hold: 12,000,000.
///
/// A tightening of the format: 64 MiB of `0,0,0,…` are 32 million values,
/// which as a value tree would take over a gigabyte — more than a phone
/// gives a browser tab. A real dataset of 500,000 entries stays far below
/// (the generated 100,000 organisations, 56 MB, hold about 3.4 million).
pub const MAX_VALUES: usize = 12_000_000;

/// One step of a JSON path. Keys borrow from the document where they can
/// (no escapes), so following the path costs no allocation per key.
#[derive(Debug, Clone)]
pub(crate) enum Segment<'de> {
    Key(Cow<'de, str>),
    Index(usize),
}

/// Appends `key` to a JSON path as the reader writes it: `.key` for plain
/// words, `["odd key"]` (quoted, shortened) for anything else, so that a
/// problem found after reading names a place exactly as the reader would.
pub(crate) fn push_key(path: &mut String, key: &str) {
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if plain {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    } else {
        let _ = write!(path, "[{:?}]", shorten(key, 40));
    }
}

/// Formats a JSON path as `organizations[12].address.state`.
fn format_path(segments: &[Segment]) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Key(key) => push_key(&mut out, key),
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
    (line, before.len() - line_start + 1)
}

/// The checks before any JSON is parsed: size, compression, encoding,
/// emptiness, markup, depth. Returns the text to parse (without a UTF-8 byte
/// order mark).
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, Vec<Problem>> {
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
    if bytes.starts_with(&[0x1F, 0x8B]) {
        // The gzip magic number; its second byte is the first that is not
        // UTF-8, which is where a plain UTF-8 check would point.
        return Err(vec![Problem::new(
            "",
            Rule::NotUtf8,
            "the document is compressed (gzip); publish it uncompressed or let the server send Content-Encoding",
        )
        .at(1, 2)]);
    }
    // With a byte order mark, or without one: ASCII text in UTF-16 has a NUL
    // in every other byte, and JSON text never starts with a NUL. Pure ASCII
    // in UTF-16 is even valid UTF-8, so this must come first. The position
    // is that of the mark or of the first NUL.
    let utf16_at = if bytes.starts_with(&[0xFE, 0xFF]) || bytes.starts_with(&[0xFF, 0xFE]) {
        Some(0)
    } else {
        bytes.iter().take(4).position(|&b| b == 0)
    };
    if let Some(offset) = utf16_at {
        let (line, column) = line_column(bytes, offset);
        return Err(vec![Problem::new(
            "",
            Rule::NotUtf8,
            "the document is saved as UTF-16; save it as UTF-8",
        )
        .at(line, column)]);
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
        // `<?xml` and `<!DOCTYPE html>` alike: no JSON starts with `<`.
        return Err(vec![Problem::new(
            "",
            Rule::HtmlInsteadOfJson,
            "this is markup (an HTML or XML page), not a dataset (a Wi-Fi login page or an error page of the server?)",
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
    Ok(text)
}

/// What [`scan`] found in a document that is JSON.
pub(crate) struct Scan {
    /// Problems that do not stop the validation (duplicate keys, long
    /// strings and lists); a document with any takes the slow path.
    pub(crate) problems: Vec<Problem>,
    /// A list stood where `object_expected` wants an object; serde's derived
    /// structs would read it field by field, so the slow path must refuse it.
    pub(crate) list_for_object: bool,
}

/// Pass 1 of the fast path: every rule of [`read_value`], but nothing kept.
///
/// `object_expected` says, for the path of each list in the document,
/// whether the format wants an object there.
pub(crate) fn scan(
    text: &str,
    object_expected: fn(&[Segment]) -> bool,
) -> Result<Scan, Vec<Problem>> {
    let state = ReadState::default();
    let seed = StrictScan {
        state: &state,
        object_expected,
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // The scan in `decode` bounds the depth at MAX_DEPTH; serde_json's own
    // limit (127 levels) would refuse documents the format allows.
    deserializer.disable_recursion_limit();
    let parsed = seed
        .deserialize(&mut deserializer)
        .and_then(|()| deserializer.end());
    match parsed {
        Ok(()) => Ok(Scan {
            list_for_object: state.list_for_object.get(),
            problems: state.problems.into_inner(),
        }),
        Err(error) => Err(vec![state.stop_problem(text, &error)]),
    }
}

/// Reads `text` (from [`decode`]) as one JSON value under the format's
/// general rules.
///
/// `Err` holds the problems that leave nothing to check further (not JSON,
/// too many values). `Ok` holds the value and the problems found while
/// reading it (duplicate keys, over-long strings and lists), which do not stop
/// the rest of the validation.
pub(crate) fn read_value(text: &str) -> Result<(Value, Vec<Problem>), Vec<Problem>> {
    let state = ReadState::default();
    let mut deserializer = serde_json::Deserializer::from_str(text);
    deserializer.disable_recursion_limit();
    let parsed = StrictValue { state: &state }
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    match parsed {
        Ok(value) => Ok((value, state.problems.into_inner())),
        Err(error) => Err(vec![state.stop_problem(text, &error)]),
    }
}

/// Reads `bytes` as one JSON value: [`decode`], then [`read_value`].
#[cfg(test)]
pub(crate) fn read_document(bytes: &[u8]) -> Result<(Value, Vec<Problem>), Vec<Problem>> {
    read_value(decode(bytes)?)
}

/// A `serde_json` error as a problem at its line and column, in words a
/// publisher understands.
fn syntax_problem(text: &str, error: &serde_json::Error) -> Problem {
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
    let message = if message.starts_with("EOF while parsing") {
        "the file ends in the middle (cut off during download?)".to_owned()
    } else if message == "key must be a string" {
        "key must be a string (comments and single quotes are not JSON)".to_owned()
    } else {
        message.to_owned()
    };
    let (line, column) = error_position(text, error.line(), error.column());
    Problem::new("", rule, format!("not valid JSON: {message}")).at(line, column)
}

/// serde_json reports an error at a line break (a string running into it,
/// say) as column 0 of the next line; columns count from 1, so that is the
/// line break itself: the end of the line before.
fn error_position(text: &str, line: usize, column: usize) -> (usize, usize) {
    if column > 0 || line <= 1 {
        return (line, column.max(1));
    }
    let previous = text.split('\n').nth(line - 2).unwrap_or("");
    (line - 1, previous.len() + 1)
}

/// Offset of the first `[` or `{` that opens a level deeper than `max`,
/// outside strings. One pass over the bytes, no recursion, so 100,000 nested
/// arrays cost nothing but the scan. Most of a dataset's bytes are inside
/// strings, which are skipped eight bytes at a time.
fn first_offset_deeper_than(bytes: &[u8], max: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut offset = 0usize;
    while offset < bytes.len() {
        match bytes[offset] {
            b'"' => {
                // Skip to the closing quote, stepping over escapes.
                offset += 1;
                loop {
                    offset = next_quote_or_backslash(bytes, offset);
                    match bytes.get(offset) {
                        Some(b'\\') => offset += 2,
                        _ => break,
                    }
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(offset);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        offset += 1;
    }
    None
}

/// Offset of the first `"` or `\` at or after `from` (or the length):
/// eight bytes at a time, with the classic "has a zero byte" bit trick.
fn next_quote_or_backslash(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let mut offset = from;
    while let Some(chunk) = bytes.get(offset..offset + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let found =
            has_zero(word ^ (ONES * u64::from(b'"'))) | has_zero(word ^ (ONES * u64::from(b'\\')));
        if found != 0 {
            // The lowest flagged byte is a real match (borrows only run upward).
            return offset + (found.trailing_zeros() / 8) as usize;
        }
        offset += 8;
    }
    bytes
        .get(offset..)
        .and_then(|rest| rest.iter().position(|&b| b == b'"' || b == b'\\'))
        .map_or(bytes.len(), |k| offset + k)
}

/// Reads (and so syntax-checks) the rest of a list past its limit without
/// keeping any of it; returns how many entries there were.
fn skip_rest<'de, A: SeqAccess<'de>>(seq: &mut A) -> Result<usize, A::Error> {
    let mut extra = 0usize;
    while seq.next_element::<IgnoredAny>()?.is_some() {
        extra += 1;
    }
    Ok(extra)
}

/// Where the reader is and what it found; shared by all nested seeds.
#[derive(Default)]
struct ReadState<'de> {
    path: RefCell<Vec<Segment<'de>>>,
    problems: RefCell<Vec<Problem>>,
    /// Values read so far, against [`MAX_VALUES`].
    values: Cell<usize>,
    /// Set when the value limit stopped the reading.
    too_many_values: Cell<bool>,
    list_for_object: Cell<bool>,
}

impl<'de> ReadState<'de> {
    fn report(&self, rule: Rule, message: String, value: Option<&str>) {
        let path = format_path(&self.path.borrow());
        let mut problem = Problem::new(path, rule, message);
        if let Some(value) = value {
            problem = problem.with_value(value);
        }
        self.problems.borrow_mut().push(problem);
    }

    /// Counts one value; past [`MAX_VALUES`] the reading stops (an error
    /// that [`ReadState::stop_problem`] turns into the problem).
    fn count<E: de::Error>(&self) -> Result<(), E> {
        let values = self.values.get() + 1;
        self.values.set(values);
        if values > MAX_VALUES {
            self.too_many_values.set(true);
            return Err(E::custom("too many values"));
        }
        Ok(())
    }

    /// The problem for an error that stopped the reading.
    fn stop_problem(&self, text: &str, error: &serde_json::Error) -> Problem {
        if self.too_many_values.get() {
            let (line, column) = error_position(text, error.line(), error.column());
            Problem::new(
                "",
                Rule::TooManyValues,
                format!("the document holds more than {MAX_VALUES} JSON values; the format allows at most {MAX_VALUES}"),
            )
            .at(line, column)
        } else {
            syntax_problem(text, error)
        }
    }

    fn check_string(&self, text: &str) {
        // A string of n bytes has at most n characters: count only long ones.
        if text.len() > MAX_STRING_CHARS {
            let chars = text.chars().count();
            if chars > MAX_STRING_CHARS {
                self.report(
                    Rule::StringTooLong,
                    format!(
                        "the text has {chars} characters; at most {MAX_STRING_CHARS} are allowed"
                    ),
                    Some(text),
                );
            }
        }
    }

    fn list_too_long(&self, extra: usize) {
        if extra > 0 {
            self.report(
                Rule::ListTooLong,
                format!(
                    "the list has {} entries; at most {MAX_LIST_ENTRIES} are allowed",
                    MAX_LIST_ENTRIES + extra
                ),
                None,
            );
        }
    }
}

/// Reads an object key, borrowing it from the document when it has no
/// escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// The keys of one object, for finding a key twice: a short list for the
/// objects of a dataset (a dozen keys), a hash set once an object grows
/// large, so that 100,000 keys do not cost 10¹⁰ comparisons.
#[derive(Default)]
struct SeenKeys<'de> {
    few: Vec<Cow<'de, str>>,
    many: HashSet<Cow<'de, str>>,
}

impl<'de> SeenKeys<'de> {
    const FEW: usize = 16;

    fn contains(&self, key: &str) -> bool {
        if self.many.is_empty() {
            self.few.iter().any(|seen| seen == key)
        } else {
            self.many.contains(key)
        }
    }

    /// Adds a key that is not there yet.
    fn insert(&mut self, key: Cow<'de, str>) {
        if self.many.is_empty() && self.few.len() < Self::FEW {
            self.few.push(key);
        } else {
            self.many.extend(self.few.drain(..));
            self.many.insert(key);
        }
    }
}

/// Takes the key pushed last back out of the path (moved, not cloned),
/// reporting it first, at its path, when it is a `duplicate` of an earlier
/// key of the object.
fn pop_key<'de>(state: &ReadState<'de>, duplicate: bool) -> Cow<'de, str> {
    if duplicate {
        let message = match state.path.borrow().last() {
            Some(Segment::Key(key)) => format!("the key {key:?} appears twice in this object"),
            _ => "a key appears twice in this object".to_owned(),
        };
        state.report(Rule::DuplicateKey, message, None);
    }
    match state.path.borrow_mut().pop() {
        Some(Segment::Key(key)) => key,
        // Unreachable: the caller pushed a key.
        _ => Cow::Borrowed(""),
    }
}

/// Checks a value under the format's general rules and keeps nothing.
#[derive(Clone, Copy)]
struct StrictScan<'s, 'de> {
    state: &'s ReadState<'de>,
    object_expected: fn(&[Segment]) -> bool,
}

impl<'de> DeserializeSeed<'de> for StrictScan<'_, 'de> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictScan<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.state.count()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.state.count()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.state.count()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.state.count()
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.state.check_string(v);
        self.state.count()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.state.count()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.state.count()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.state.count()?;
        if (self.object_expected)(&self.state.path.borrow()) {
            self.state.list_for_object.set(true);
        }
        let mut index = 0usize;
        loop {
            if index == MAX_LIST_ENTRIES {
                self.state.list_too_long(skip_rest(&mut seq)?);
                return Ok(());
            }
            self.state.path.borrow_mut().push(Segment::Index(index));
            let item = seq.next_element_seed(self);
            self.state.path.borrow_mut().pop();
            if item?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.state.count()?;
        let mut seen = SeenKeys::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            self.state.check_string(&key);
            let duplicate = seen.contains(&key);
            self.state.path.borrow_mut().push(Segment::Key(key));
            let value = map.next_value_seed(self);
            let key = pop_key(self.state, duplicate);
            value?;
            if !duplicate {
                seen.insert(key);
            }
        }
        Ok(())
    }
}

/// Builds a [`Value`] and records the format's general rules on the way.
#[derive(Clone, Copy)]
struct StrictValue<'s, 'de> {
    state: &'s ReadState<'de>,
}

impl<'de> DeserializeSeed<'de> for StrictValue<'_, 'de> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue<'_, 'de> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        self.state.count()?;
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.state.count()?;
        Ok(Value::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.state.count()?;
        Ok(Value::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        self.state.count()?;
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.state.check_string(v);
        self.state.count()?;
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        self.state.check_string(&v);
        self.state.count()?;
        Ok(Value::String(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.state.count()?;
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.state.count()?;
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.state.count()?;
        let mut items = Vec::new();
        let mut index = 0usize;
        loop {
            if index == MAX_LIST_ENTRIES {
                self.state.list_too_long(skip_rest(&mut seq)?);
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
        self.state.count()?;
        let mut object = Map::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            self.state.check_string(&key);
            let duplicate = object.contains_key(key.as_ref());
            // The key goes into the path and comes back out to be stored:
            // moved, not cloned.
            self.state.path.borrow_mut().push(Segment::Key(key));
            let value = map.next_value_seed(self);
            let key = pop_key(self.state, duplicate);
            let value = value?;
            if !duplicate {
                object.insert(key.into_owned(), value);
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
    fn depth_scan_steps_over_escapes_in_long_and_short_strings() {
        for filler in ["", "abc", "0123456789abcdefghij"] {
            let text = format!(r#"["{filler}\"[{filler}\\", [[]]]"#);
            assert_eq!(first_offset_deeper_than(text.as_bytes(), 3), None, "{text}");
            assert!(
                first_offset_deeper_than(text.as_bytes(), 2).is_some(),
                "{text}"
            );
        }
    }

    #[test]
    fn quotes_and_backslashes_are_found_at_every_position() {
        for at in 0..20 {
            for byte in [b'"', b'\\'] {
                let mut bytes = vec![b'x'; 20];
                bytes[at] = byte;
                assert_eq!(next_quote_or_backslash(&bytes, 0), at);
            }
        }
        assert_eq!(next_quote_or_backslash(b"xxxxxxxxxxx", 0), 11);
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

    #[test]
    fn an_error_at_column_0_is_placed_at_the_line_break_before() {
        assert_eq!(error_position("ab\ncd\n", 3, 0), (2, 3));
        assert_eq!(error_position("ab\ncd", 2, 1), (2, 1));
    }

    #[test]
    fn more_values_than_the_limit_are_refused_once() {
        // Built as "[0,0,…]" in several lists to stay under the list limit.
        let list = format!("[{}0]", "0,".repeat(MAX_LIST_ENTRIES - 1));
        let lists = vec![list; MAX_VALUES / MAX_LIST_ENTRIES + 1];
        let text = format!("[{}]", lists.join(","));
        for problems in [scan(&text, |_| false).err(), read_value(&text).err()] {
            let problems = problems.expect("refused");
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].rule, Rule::TooManyValues);
        }
    }

    #[test]
    fn a_key_twice_is_found_in_small_and_large_objects() {
        for keys in [3, 100] {
            let mut text = String::from("{");
            for k in 0..keys {
                let _ = write!(text, "\"k{k}\":0,");
            }
            text.push_str("\"k1\":1}");
            let scanned = scan(&text, |_| false).expect("JSON");
            assert_eq!(scanned.problems.len(), 1, "{keys} keys");
            assert_eq!(scanned.problems[0].path, "k1");
            let (_, problems) = read_value(&text).expect("JSON");
            assert_eq!(problems, scanned.problems);
        }
    }
}
