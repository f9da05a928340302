//! `validate`: bytes in, a [`Dataset`] or every [`Problem`] out.
//!
//! Three stages, each reporting all it finds:
//! 1. the strict reader (`json.rs`): size, encoding, syntax, depth, duplicate
//!    keys, string, list and value limits;
//! 2. typing: the format header, then `meta` and every entry of every list
//!    on its own, so one broken entry does not hide the others;
//! 3. the rules on values and between entries: ids, references, URLs,
//!    e-mail, phones, postcodes, states, geo ranges, dates, limits.
//!
//! Most documents are valid, and validating one is what phones do on every
//! update, so valid documents take a fast path: the reader checks the text
//! without building a value tree, serde reads the whole [`Dataset`] straight
//! from the text, and stage 3 runs on it. Only when that typing fails does
//! the document take the slow path: a value tree, typed entry by entry, to
//! report every problem with its path. Both paths end in the same checks, so
//! they find the same problems.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use crate::json::{self, Segment};
use crate::model::*;
use crate::problem::{Problem, Rule};
use crate::rules::{self, DateValue};

/// Reads and checks a published dataset.
///
/// Returns the dataset when it keeps every rule of the format, otherwise all
/// problems found (never only the first), each with its JSON path. Never
/// panics, whatever the bytes.
pub fn validate(bytes: &[u8]) -> Result<Dataset, Vec<Problem>> {
    let text = json::decode(bytes)?;
    let scan = json::scan(text, object_expected)?;
    if scan.problems.is_empty() && !scan.list_for_object {
        if let Some(dataset) = read_whole(text) {
            return check_whole(dataset);
        }
    }
    validate_entries(text)
}

/// The fast path's typing: the whole dataset straight from the text, when
/// it types and has the header this build reads; `None` sends the document
/// down the slow path, which says what is wrong.
fn read_whole(text: &str) -> Option<Dataset> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // The reader has bounded the depth at json::MAX_DEPTH already.
    deserializer.disable_recursion_limit();
    let dataset = Dataset::deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    let header_ok = dataset.format == FORMAT_NAME
        && (1..=SUPPORTED_FORMAT_VERSION).contains(&dataset.format_version);
    header_ok.then_some(dataset)
}

/// Stage 3 on a dataset that typed as a whole.
fn check_whole(dataset: Dataset) -> Result<Dataset, Vec<Problem>> {
    let Dataset {
        meta,
        topics,
        organizations,
        contacts,
        forums,
        events,
        projects,
        articles,
        synonyms,
        ..
    } = dataset;
    let lists = Lists {
        topics: List::whole(topics),
        organizations: List::whole(organizations),
        contacts: List::whole(contacts),
        forums: List::whole(forums),
        events: List::whole(events),
        projects: List::whole(projects),
        articles: List::whole(articles),
        synonyms: List::whole(synonyms),
    };
    let problems = check(Some(&meta), &lists, Vec::new());
    if problems.is_empty() {
        Ok(lists.into_dataset(meta))
    } else {
        Err(problems)
    }
}

/// Runs stage 3 and returns every problem, after those already found.
fn check(meta: Option<&Meta>, lists: &Lists, problems: Vec<Problem>) -> Vec<Problem> {
    let mut checker = Checker {
        problems,
        ids: HashMap::new(),
    };
    if let Some(meta) = meta {
        checker.meta(meta);
    }
    checker.all(lists);
    checker.problems
}

/// The slow path: a value tree, typed entry by entry, so that every problem
/// is reported.
fn validate_entries(text: &str) -> Result<Dataset, Vec<Problem>> {
    let (document, mut problems) = json::read_value(text)?;
    let Value::Object(mut top) = document else {
        return Err(vec![Problem::new(
            "",
            Rule::Type,
            "the document must be a JSON object with format, format_version, meta and the lists",
        )]);
    };

    check_header(&top)?;

    let meta = match top.remove("meta") {
        Some(value @ Value::Object(_)) => typed::<Meta>(value, "meta", &mut problems),
        Some(other) => {
            problems.push(not_an_object("meta".to_owned(), &other));
            None
        }
        None => {
            problems.push(Problem::new("meta", Rule::Type, "is missing"));
            None
        }
    };
    let lists = Lists {
        topics: take_list(&mut top, "topics", &mut problems),
        organizations: take_list(&mut top, "organizations", &mut problems),
        contacts: take_list(&mut top, "contacts", &mut problems),
        forums: take_list(&mut top, "forums", &mut problems),
        events: take_list(&mut top, "events", &mut problems),
        projects: take_list(&mut top, "projects", &mut problems),
        articles: take_list(&mut top, "articles", &mut problems),
        synonyms: take_list(&mut top, "synonyms", &mut problems),
    };

    let problems = check(meta.as_ref(), &lists, problems);
    match (meta, problems.is_empty()) {
        (Some(meta), true) => Ok(lists.into_dataset(meta)),
        (None, true) => Err(vec![Problem::new("meta", Rule::Type, "is missing")]),
        (_, false) => Err(problems),
    }
}

/// The lists whose entries are objects (a synonym group is a list of words).
const ENTRY_LISTS: [&str; 7] = [
    "topics",
    "organizations",
    "contacts",
    "forums",
    "events",
    "projects",
    "articles",
];

/// The fields of a list's entries that hold an object (null allowed: all
/// are optional).
fn object_fields(list: &str) -> &'static [&'static str] {
    match list {
        "organizations" => &["address", "geo"],
        "contacts" => &["area"],
        "forums" => &["geo"],
        "events" => &["registration"],
        _ => &[],
    }
}

/// Whether the format wants an object at `path`. serde's derived structs
/// also read a JSON list, field by field (`"geo": [51.05, 13.74]`); the
/// reader asks this for every list so that such a document leaves the fast
/// path, and [`objects_where_expected`] refuses it.
fn object_expected(path: &[Segment]) -> bool {
    use Segment::{Index, Key};
    match path {
        [] => true,
        [Key(key)] => key == "meta",
        [Key(list), Index(_)] => ENTRY_LISTS.contains(&list.as_ref()),
        [Key(list), Index(_), Key(field)] => object_fields(list).contains(&field.as_ref()),
        [Key(list), Index(_), Key(field), Index(_)] => list == "projects" && field == "links",
        _ => false,
    }
}

/// What a JSON value is, in a publisher's words.
fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn not_an_object(path: String, value: &Value) -> Problem {
    Problem::new(
        path,
        Rule::Type,
        format!("must be an object ({{...}}), not {}", json_type(value)),
    )
}

/// Refuses the values nested in entry `base` of `list` that must be objects
/// but are not (null aside), and sets them to null so that the rest of the
/// entry still types and is checked.
fn objects_where_expected(list: &str, base: &str, entry: &mut Value, problems: &mut Vec<Problem>) {
    let Value::Object(fields) = entry else { return };
    for field in object_fields(list) {
        if let Some(value) = fields.get_mut(*field) {
            if !matches!(value, Value::Null | Value::Object(_)) {
                problems.push(not_an_object(format!("{base}.{field}"), value));
                *value = Value::Null;
            }
        }
    }
    if list == "projects" {
        if let Some(Value::Array(links)) = fields.get("links") {
            let before = problems.len();
            for (j, link) in links.iter().enumerate() {
                if !link.is_object() {
                    problems.push(not_an_object(format!("{base}.links[{j}]"), link));
                }
            }
            if problems.len() > before {
                fields.insert("links".to_owned(), Value::Null);
            }
        }
    }
}

/// A header value as a problem quotes it: a text as itself, anything else
/// as JSON.
fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Checks `format` and `format_version` before anything else: a newer
/// version may mean anything, so it stops here with "update the app".
fn check_header(top: &serde_json::Map<String, Value>) -> Result<(), Vec<Problem>> {
    match top.get("format_version") {
        None | Some(Value::Null) => {
            return Err(vec![Problem::new(
                "format_version",
                Rule::Type,
                "is missing; this is not a Dialognetz dataset",
            )])
        }
        Some(Value::Number(n)) if n.as_u64().is_some_and(|v| v >= 1) => {
            let version = n.as_u64().unwrap_or(0);
            if version > SUPPORTED_FORMAT_VERSION {
                return Err(vec![Problem::new(
                    "format_version",
                    Rule::FormatVersionUnsupported,
                    format!(
                        "the dataset has format version {version}; this app reads up to version {SUPPORTED_FORMAT_VERSION}. Update the app to read it"
                    ),
                )]);
            }
        }
        Some(other) => {
            return Err(vec![Problem::new(
                "format_version",
                Rule::Type,
                "must be a whole number of 1 or more",
            )
            .with_value(&shown(other))])
        }
    }
    match top.get("format") {
        Some(Value::String(format)) if format == FORMAT_NAME => Ok(()),
        Some(other) => Err(vec![Problem::new(
            "format",
            Rule::Format,
            format!("must be {FORMAT_NAME:?}; this is not a Dialognetz dataset"),
        )
        .with_value(&shown(other))]),
        None => Err(vec![Problem::new(
            "format",
            Rule::Format,
            "is missing; this is not a Dialognetz dataset",
        )]),
    }
}

/// serde's words for a type error, in a publisher's: no Rust type names.
fn plain_words(message: &str) -> String {
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        return format!("the required field {field} is missing");
    }
    let mut out = message
        .replace("expected f64", "expected a number")
        .replace("expected u64", "expected a number")
        .replace("expected a map", "expected an object")
        .replace("invalid type: map", "invalid type: an object")
        .replace("invalid type: sequence", "invalid type: a list");
    const STRUCT: &str = "expected struct ";
    while let Some(at) = out.find(STRUCT) {
        let name_start = at + STRUCT.len();
        let name_end = out[name_start..]
            .find(|c: char| !c.is_alphanumeric() && c != '_')
            .map_or(out.len(), |len| name_start + len);
        out.replace_range(at..name_end, "expected an object");
    }
    out
}

/// A type error from `serde_path_to_error` as a problem under `prefix`.
fn type_problem(prefix: &str, error: serde_path_to_error::Error<serde_json::Error>) -> Problem {
    let inner = error.path().to_string();
    let path = if inner == "." || inner.is_empty() {
        prefix.to_owned()
    } else if inner.starts_with('[') {
        format!("{prefix}{inner}")
    } else {
        format!("{prefix}.{inner}")
    };
    Problem::new(
        path,
        Rule::Type,
        plain_words(&error.into_inner().to_string()),
    )
}

/// Types one value; a type error becomes a problem at `path`.
fn typed<T: DeserializeOwned>(value: Value, path: &str, problems: &mut Vec<Problem>) -> Option<T> {
    serde_path_to_error::deserialize(value)
        .map_err(|e| problems.push(type_problem(path, e)))
        .ok()
}

/// One list's entries: those that typed, where they stood, and the raw id
/// of every entry that did not type, so a broken entry's id still counts as
/// taken and references to it do not turn into noise.
struct List<T> {
    /// The entries that typed, in document order.
    entries: Vec<T>,
    /// The position in the document of each of `entries`; empty when every
    /// entry typed, so that positions are indices (the fast path).
    positions: Vec<usize>,
    /// The ids of the entries that did not type, with their positions.
    broken_ids: Vec<(usize, String)>,
}

impl<T> List<T> {
    /// A list of which every entry typed.
    fn whole(entries: Vec<T>) -> Self {
        List {
            entries,
            positions: Vec::new(),
            broken_ids: Vec::new(),
        }
    }

    /// The typed entries with their positions in the document.
    fn iter(&self) -> impl Iterator<Item = (usize, &T)> {
        self.entries
            .iter()
            .enumerate()
            .map(|(k, entry)| (self.positions.get(k).copied().unwrap_or(k), entry))
    }
}

fn take_list<T: DeserializeOwned>(
    top: &mut serde_json::Map<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> List<T> {
    let mut list = List::whole(Vec::new());
    let items = match top.remove(key) {
        None | Some(Value::Null) => return list,
        Some(Value::Array(items)) => items,
        Some(other) => {
            problems
                .push(Problem::new(key, Rule::Type, "must be a list").with_value(&shown(&other)));
            return list;
        }
    };
    let of_objects = ENTRY_LISTS.contains(&key);
    list.entries.reserve(items.len());
    list.positions.reserve(items.len());
    for (index, mut item) in items.into_iter().enumerate() {
        let base = format!("{key}[{index}]");
        if of_objects {
            if !item.is_object() {
                problems.push(not_an_object(base, &item));
                continue;
            }
            objects_where_expected(key, &base, &mut item, problems);
        }
        let raw_id = item.get("id").and_then(Value::as_str).map(str::to_owned);
        match typed::<T>(item, &base, problems) {
            Some(entry) => {
                list.entries.push(entry);
                list.positions.push(index);
            }
            None => list.broken_ids.extend(raw_id.map(|id| (index, id))),
        }
    }
    list
}

struct Lists {
    topics: List<Topic>,
    organizations: List<Organization>,
    contacts: List<Contact>,
    forums: List<Forum>,
    events: List<Event>,
    projects: List<Project>,
    articles: List<Article>,
    synonyms: List<SynonymGroup>,
}

impl Lists {
    fn into_dataset(self, meta: Meta) -> Dataset {
        Dataset {
            format: FORMAT_NAME.to_owned(),
            format_version: SUPPORTED_FORMAT_VERSION,
            meta,
            topics: self.topics.entries,
            organizations: self.organizations.entries,
            contacts: self.contacts.entries,
            forums: self.forums.entries,
            events: self.events.entries,
            projects: self.projects.entries,
            articles: self.articles.entries,
            synonyms: self.synonyms.entries,
        }
    }
}

/// An entry with an id.
trait Entry {
    fn id(&self) -> &str;
}

macro_rules! entries_with_ids {
    ($($t:ty),*) => {
        $(impl Entry for $t {
            fn id(&self) -> &str {
                self.id.as_str()
            }
        })*
    };
}
entries_with_ids!(Topic, Organization, Contact, Forum, Event, Project, Article);

/// Which list an id belongs to, for references that must name a certain list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Topic,
    Organization,
    Contact,
    Forum,
    Event,
    Project,
    Article,
}

impl Kind {
    fn list(self) -> &'static str {
        match self {
            Kind::Topic => "topics",
            Kind::Organization => "organizations",
            Kind::Contact => "contacts",
            Kind::Forum => "forums",
            Kind::Event => "events",
            Kind::Project => "projects",
            Kind::Article => "articles",
        }
    }

    /// One entry of the list, with its article (`an organization`).
    fn one(self) -> &'static str {
        match self {
            Kind::Topic => "a topic",
            Kind::Organization => "an organization",
            Kind::Contact => "a contact",
            Kind::Forum => "a forum",
            Kind::Event => "an event",
            Kind::Project => "a project",
            Kind::Article => "an article",
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Where an id is used: its first entry, and every list it appears in (a
/// duplicated id is reported once, but references to either entry resolve).
#[derive(Clone, Copy)]
struct IdUse {
    kind: Kind,
    index: usize,
    kinds: u8,
}

struct Checker<'a> {
    problems: Vec<Problem>,
    /// Every id in the dataset, borrowed from the lists. Paths are formatted
    /// only for the problems, not for the 150,000 ids of a large dataset.
    ids: HashMap<&'a str, IdUse>,
}

impl<'a> Checker<'a> {
    /// Records a problem; an empty value is not quoted (`""` says nothing).
    fn report(&mut self, path: String, rule: Rule, message: impl Into<String>, value: &str) {
        let problem = Problem::new(path, rule, message);
        self.problems.push(if value.is_empty() {
            problem
        } else {
            problem.with_value(value)
        });
    }

    fn with(
        &mut self,
        path: impl FnOnce() -> String,
        rule: Rule,
        value: &str,
        result: Result<(), String>,
    ) {
        if let Err(message) = result {
            self.report(path(), rule, message, value);
        }
    }

    fn all(&mut self, lists: &'a Lists) {
        self.collect_ids(&lists.topics, Kind::Topic);
        self.collect_ids(&lists.organizations, Kind::Organization);
        self.collect_ids(&lists.contacts, Kind::Contact);
        self.collect_ids(&lists.forums, Kind::Forum);
        self.collect_ids(&lists.events, Kind::Event);
        self.collect_ids(&lists.projects, Kind::Project);
        self.collect_ids(&lists.articles, Kind::Article);

        for (i, topic) in lists.topics.iter() {
            self.text(|| format!("topics[{i}].label"), &topic.label);
        }
        for (i, org) in lists.organizations.iter() {
            self.organization(i, org);
        }
        self.parent_cycles(&lists.organizations);
        for (i, contact) in lists.contacts.iter() {
            self.contact(i, contact);
        }
        for (i, forum) in lists.forums.iter() {
            self.forum(i, forum);
        }
        for (i, event) in lists.events.iter() {
            self.event(i, event);
        }
        for (i, project) in lists.projects.iter() {
            self.project(i, project);
        }
        for (i, article) in lists.articles.iter() {
            self.article(i, article);
        }
        for (i, group) in lists.synonyms.iter() {
            self.synonym_group(i, group);
        }
    }

    /// Records the ids of a list, typed or not, in document order; reports
    /// malformed ones and every use after the first.
    fn collect_ids<T: Entry>(&mut self, list: &'a List<T>, kind: Kind) {
        let mut ids: Vec<(usize, &'a str)> =
            list.iter().map(|(i, entry)| (i, entry.id())).collect();
        if !list.broken_ids.is_empty() {
            ids.extend(list.broken_ids.iter().map(|(i, id)| (*i, id.as_str())));
            ids.sort_by_key(|&(i, _)| i);
        }
        let path = |index: usize| format!("{}[{index}].id", kind.list());
        for (index, id) in ids {
            if let Err(message) = rules::check_id(id) {
                self.report(path(index), Rule::IdSyntax, message, id);
            }
            match self.ids.get_mut(id) {
                Some(first) => {
                    first.kinds |= kind.bit();
                    let message = format!(
                        "the id is already used at {}[{}].id; ids must be unique across all lists",
                        first.kind.list(),
                        first.index
                    );
                    self.report(path(index), Rule::IdDuplicate, message, id);
                }
                None => {
                    let first = IdUse {
                        kind,
                        index,
                        kinds: kind.bit(),
                    };
                    self.ids.insert(id, first);
                }
            }
        }
    }

    fn reference(&mut self, path: impl FnOnce() -> String, id: &Id, kind: Kind) {
        match self.ids.get(id.as_str()) {
            Some(found) if found.kinds & kind.bit() != 0 => {}
            Some(found) => {
                let message = format!(
                    "is {} ({}[{}]), not {}",
                    found.kind.one(),
                    found.kind.list(),
                    found.index,
                    kind.one()
                );
                self.report(path(), Rule::ReferenceUnresolved, message, id.as_str());
            }
            None => {
                let message = format!("names no entry of {}", kind.list());
                self.report(path(), Rule::ReferenceUnresolved, message, id.as_str());
            }
        }
    }

    fn references(&mut self, base: &str, field: &str, ids: &[Id], kind: Kind) {
        for (j, id) in ids.iter().enumerate() {
            self.reference(|| format!("{base}.{field}[{j}]"), id, kind);
        }
    }

    fn required_name(&mut self, path: impl Fn() -> String, name: &str) {
        if name.trim().is_empty() {
            self.report(path(), Rule::Blank, "is empty; a name is required", name);
        } else {
            let chars = name.chars().count();
            if chars > rules::MAX_NAME_CHARS {
                let message = format!(
                    "has {chars} characters; at most {} are allowed",
                    rules::MAX_NAME_CHARS
                );
                self.report(path(), Rule::TooLong, message, name);
            }
        }
    }

    fn optional_text(&mut self, path: impl Fn() -> String, text: &Option<String>) {
        if let Some(text) = text {
            if text.trim().is_empty() {
                self.report(
                    path(),
                    Rule::Blank,
                    "is empty; leave the field out instead",
                    text,
                );
            }
        }
    }

    /// A LocalizedText: not blank, language tags valid.
    fn text(&mut self, path: impl Fn() -> String, text: &LocalizedText) {
        match text {
            LocalizedText::Plain(plain) => {
                if plain.trim().is_empty() {
                    self.report(path(), Rule::Blank, "is empty", plain);
                }
            }
            LocalizedText::Translated(map) => {
                if map.is_empty() {
                    self.report(path(), Rule::Blank, "has no text in any language", "{}");
                }
                for (tag, value) in map {
                    let at = || {
                        let mut at = path();
                        json::push_key(&mut at, tag);
                        at
                    };
                    if let Err(message) = rules::check_language_tag(tag) {
                        self.report(at(), Rule::LanguageTag, message, tag);
                    }
                    if value.trim().is_empty() {
                        self.report(at(), Rule::Blank, "is empty", value);
                    }
                }
            }
        }
    }

    fn optional_localized(&mut self, path: impl Fn() -> String, text: &Option<LocalizedText>) {
        if let Some(text) = text {
            self.text(path, text);
        }
    }

    fn url(&mut self, path: impl FnOnce() -> String, url: &Option<Url>) {
        if let Some(url) = url {
            self.with(
                path,
                Rule::Url,
                url.as_str(),
                rules::check_url(url.as_str()),
            );
        }
    }

    fn email(&mut self, path: impl FnOnce() -> String, email: &Option<Email>) {
        if let Some(email) = email {
            self.with(
                path,
                Rule::Email,
                email.as_str(),
                rules::check_email(email.as_str()),
            );
        }
    }

    fn phone(&mut self, path: impl FnOnce() -> String, phone: &Option<Phone>) {
        if let Some(phone) = phone {
            self.with(
                path,
                Rule::Phone,
                phone.as_str(),
                rules::check_phone(phone.as_str()),
            );
        }
    }

    fn state(&mut self, path: impl FnOnce() -> String, state: &Option<StateCode>) {
        if let Some(state) = state {
            self.with(
                path,
                Rule::State,
                state.as_str(),
                rules::check_state(state.as_str()),
            );
        }
    }

    fn geo(&mut self, path: impl FnOnce() -> String, geo: &Option<Geo>) {
        if let Some(geo) = geo {
            if let Err(message) = rules::check_geo(geo.lat, geo.lon) {
                let value = format!("{}, {}", geo.lat, geo.lon);
                self.report(path(), Rule::GeoRange, message, &value);
            }
        }
    }

    fn languages(&mut self, base: &str, languages: &[LanguageTag]) {
        for (j, tag) in languages.iter().enumerate() {
            self.with(
                || format!("{base}.languages[{j}]"),
                Rule::LanguageTag,
                tag.as_str(),
                rules::check_language_tag(tag.as_str()),
            );
        }
    }

    fn date(&mut self, path: impl FnOnce() -> String, date: &Option<Date>) -> Option<DateValue> {
        let date = date.as_ref()?;
        match rules::parse_date(date.as_str()) {
            Ok(value) => Some(value),
            Err(message) => {
                self.report(path(), Rule::Date, message, date.as_str());
                None
            }
        }
    }

    fn date_order(
        &mut self,
        base: &str,
        start: Option<DateValue>,
        end: Option<DateValue>,
        end_text: &Option<Date>,
    ) {
        if let (Some(start), Some(end)) = (start, end) {
            if DateValue::ends_before(end, start) {
                let value = end_text.as_ref().map_or("", Date::as_str);
                self.report(
                    format!("{base}.end"),
                    Rule::DateOrder,
                    "lies before start",
                    value,
                );
            }
        }
    }

    fn meta(&mut self, meta: &Meta) {
        self.with(
            || "meta.id".into(),
            Rule::IdSyntax,
            meta.id.as_str(),
            rules::check_id(meta.id.as_str()),
        );
        self.text(|| "meta.title".into(), &meta.title);
        if meta.publisher.trim().is_empty() {
            self.report(
                "meta.publisher".into(),
                Rule::Blank,
                "is empty; say who publishes the data",
                &meta.publisher,
            );
        }
        if meta.version.trim().is_empty() {
            self.report(
                "meta.version".into(),
                Rule::Blank,
                "is empty; give the dataset a version",
                &meta.version,
            );
        }
        if let Err(message) = rules::parse_timestamp(meta.published_at.as_str()) {
            self.report(
                "meta.published_at".into(),
                Rule::Timestamp,
                message,
                meta.published_at.as_str(),
            );
        }
        if let Some(tag) = &meta.default_language {
            self.with(
                || "meta.default_language".into(),
                Rule::LanguageTag,
                tag.as_str(),
                rules::check_language_tag(tag.as_str()),
            );
        }
        if let Some(license) = &meta.license {
            self.with(
                || "meta.license".into(),
                Rule::License,
                license,
                rules::check_license(license),
            );
        }
        self.email(|| "meta.contact_email".into(), &meta.contact_email);
    }

    fn address(&mut self, base: &str, address: &Address) {
        self.optional_text(|| format!("{base}.address.street"), &address.street);
        if let Some(postcode) = &address.postcode {
            self.with(
                || format!("{base}.address.postcode"),
                Rule::Postcode,
                postcode.as_str(),
                rules::check_postcode(postcode.as_str()),
            );
        }
        if address.city.trim().is_empty() {
            self.report(
                format!("{base}.address.city"),
                Rule::Blank,
                "is empty; an address needs a city",
                &address.city,
            );
        }
        self.state(|| format!("{base}.address.state"), &address.state);
    }

    fn organization(&mut self, i: usize, org: &Organization) {
        let base = format!("organizations[{i}]");
        self.required_name(|| format!("{base}.name"), &org.name);
        self.optional_text(|| format!("{base}.short_name"), &org.short_name);
        self.optional_localized(|| format!("{base}.description"), &org.description);
        if let Some(address) = &org.address {
            self.address(&base, address);
        }
        self.geo(|| format!("{base}.geo"), &org.geo);
        self.phone(|| format!("{base}.phone"), &org.phone);
        self.email(|| format!("{base}.email"), &org.email);
        self.url(|| format!("{base}.website"), &org.website);
        self.languages(&base, &org.languages);
        if let Some(parent) = &org.parent {
            if parent == &org.id {
                self.report(
                    format!("{base}.parent"),
                    Rule::ParentCycle,
                    "names the organisation itself",
                    parent.as_str(),
                );
            } else {
                self.reference(|| format!("{base}.parent"), parent, Kind::Organization);
            }
        }
        self.references(&base, "topics", &org.topics, Kind::Topic);
    }

    /// Reports every organisation whose parent chain comes back to it.
    ///
    /// One walk over all chains, O(n): each organisation is unvisited, on the
    /// chain being followed, or done. A chain that meets an organisation on
    /// itself has found a loop (from there to its end); one that meets a done
    /// organisation joins a chain already judged. Iterative, so a chain of
    /// 500,000 needs no deep stack. Self-parents are reported by
    /// `organization`.
    fn parent_cycles(&mut self, organizations: &List<Organization>) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            Unvisited,
            OnChain,
            Done,
        }
        let entries = &organizations.entries;
        let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(entries.len());
        for (k, org) in entries.iter().enumerate() {
            by_id.entry(org.id.as_str()).or_insert(k);
        }
        let parent_of = |k: usize| -> Option<usize> {
            let org = &entries[k];
            let parent = org.parent.as_ref().filter(|p| **p != org.id)?;
            by_id.get(parent.as_str()).copied()
        };
        let mut marks = vec![Mark::Unvisited; entries.len()];
        let mut in_loop = vec![false; entries.len()];
        let mut chain = Vec::new();
        for start in 0..entries.len() {
            let mut current = Some(start);
            while let Some(k) = current {
                match marks[k] {
                    Mark::Unvisited => {
                        marks[k] = Mark::OnChain;
                        chain.push(k);
                        current = parent_of(k);
                    }
                    Mark::OnChain => {
                        let from = chain.iter().rposition(|&c| c == k).unwrap_or(0);
                        for &member in &chain[from..] {
                            in_loop[member] = true;
                        }
                        current = None;
                    }
                    Mark::Done => current = None,
                }
            }
            for k in chain.drain(..) {
                marks[k] = Mark::Done;
            }
        }
        let members = organizations
            .iter()
            .zip(&in_loop)
            .filter(|(_, &looped)| looped);
        for ((i, org), _) in members {
            let parent = org.parent.as_ref().map_or("", Id::as_str);
            let message = "the parent chain loops back to this organisation";
            self.report(
                format!("organizations[{i}].parent"),
                Rule::ParentCycle,
                message,
                parent,
            );
        }
    }

    fn contact(&mut self, i: usize, contact: &Contact) {
        let base = format!("contacts[{i}]");
        self.reference(
            || format!("{base}.organization"),
            &contact.organization,
            Kind::Organization,
        );
        self.optional_text(|| format!("{base}.name"), &contact.name);
        if let Some(name) = &contact.name {
            let chars = name.chars().count();
            if chars > rules::MAX_NAME_CHARS {
                let message = format!(
                    "has {chars} characters; at most {} are allowed",
                    rules::MAX_NAME_CHARS
                );
                self.report(format!("{base}.name"), Rule::TooLong, message, name);
            }
        }
        self.text(|| format!("{base}.role"), &contact.role);
        if contact.phone.is_none() && contact.mobile.is_none() && contact.email.is_none() {
            self.report(
                base.clone(),
                Rule::Unreachable,
                "has no phone, mobile or email; a contact must be reachable",
                "",
            );
        }
        self.phone(|| format!("{base}.phone"), &contact.phone);
        self.phone(|| format!("{base}.mobile"), &contact.mobile);
        self.email(|| format!("{base}.email"), &contact.email);
        self.languages(&base, &contact.languages);
        self.optional_localized(|| format!("{base}.availability"), &contact.availability);
        if let Some(area) = &contact.area {
            self.state(|| format!("{base}.area.state"), &area.state);
            self.optional_text(|| format!("{base}.area.city"), &area.city);
        }
        self.references(&base, "topics", &contact.topics, Kind::Topic);
    }

    fn forum(&mut self, i: usize, forum: &Forum) {
        let base = format!("forums[{i}]");
        self.required_name(|| format!("{base}.name"), &forum.name);
        if forum.city.trim().is_empty() {
            self.report(
                format!("{base}.city"),
                Rule::Blank,
                "is empty; a forum needs its city",
                &forum.city,
            );
        }
        self.state(|| format!("{base}.state"), &forum.state);
        self.geo(|| format!("{base}.geo"), &forum.geo);
        let established = self.date(|| format!("{base}.established"), &forum.established);
        let formalized = self.date(|| format!("{base}.formalized"), &forum.formalized);
        if let (Some(established), Some(formalized)) = (established, formalized) {
            if DateValue::ends_before(formalized, established) {
                let value = forum.formalized.as_ref().map_or("", Date::as_str);
                self.report(
                    format!("{base}.formalized"),
                    Rule::DateOrder,
                    "lies before established",
                    value,
                );
            }
        }
        self.references(&base, "members", &forum.members, Kind::Organization);
        self.references(
            &base,
            "coordinators",
            &forum.coordinators,
            Kind::Organization,
        );
        if let Some(contact) = &forum.contact {
            self.reference(|| format!("{base}.contact"), contact, Kind::Contact);
        }
        self.optional_localized(|| format!("{base}.meeting"), &forum.meeting);
        self.optional_localized(|| format!("{base}.description"), &forum.description);
        self.references(&base, "topics", &forum.topics, Kind::Topic);
    }

    fn event(&mut self, i: usize, event: &Event) {
        let base = format!("events[{i}]");
        self.text(|| format!("{base}.title"), &event.title);
        let start = self.date(|| format!("{base}.start"), &Some(event.start.clone()));
        let end = self.date(|| format!("{base}.end"), &event.end);
        self.date_order(&base, start, end, &event.end);
        self.optional_text(|| format!("{base}.city"), &event.city);
        self.optional_text(|| format!("{base}.venue"), &event.venue);
        self.state(|| format!("{base}.state"), &event.state);
        if let Some(organizer) = &event.organizer {
            self.reference(
                || format!("{base}.organizer"),
                organizer,
                Kind::Organization,
            );
        }
        if let Some(registration) = &event.registration {
            self.email(|| format!("{base}.registration.email"), &registration.email);
            self.url(|| format!("{base}.registration.url"), &registration.url);
            self.date(
                || format!("{base}.registration.deadline"),
                &registration.deadline,
            );
        }
        self.optional_localized(|| format!("{base}.description"), &event.description);
        self.references(&base, "topics", &event.topics, Kind::Topic);
    }

    fn project(&mut self, i: usize, project: &Project) {
        let base = format!("projects[{i}]");
        self.text(|| format!("{base}.title"), &project.title);
        let start = self.date(|| format!("{base}.start"), &project.start);
        let end = self.date(|| format!("{base}.end"), &project.end);
        self.date_order(&base, start, end, &project.end);
        self.optional_text(|| format!("{base}.city"), &project.city);
        self.state(|| format!("{base}.state"), &project.state);
        self.references(&base, "partners", &project.partners, Kind::Organization);
        if let Some(funder) = &project.funder {
            self.reference(|| format!("{base}.funder"), funder, Kind::Organization);
        }
        self.optional_localized(|| format!("{base}.description"), &project.description);
        for (j, link) in project.links.iter().enumerate() {
            self.text(|| format!("{base}.links[{j}].label"), &link.label);
            self.url(|| format!("{base}.links[{j}].url"), &Some(link.url.clone()));
        }
        self.references(&base, "topics", &project.topics, Kind::Topic);
    }

    fn article(&mut self, i: usize, article: &Article) {
        let base = format!("articles[{i}]");
        self.text(|| format!("{base}.title"), &article.title);
        self.text(|| format!("{base}.body"), &article.body);
        self.date(|| format!("{base}.published_at"), &article.published_at);
        self.references(&base, "topics", &article.topics, Kind::Topic);
    }

    fn synonym_group(&mut self, i: usize, group: &SynonymGroup) {
        let words: Vec<&String> = group.0.iter().filter(|w| !w.trim().is_empty()).collect();
        if words.len() < 2 {
            let message = "needs at least two words that search treats as equal";
            self.report(
                format!("synonyms[{i}]"),
                Rule::SynonymGroup,
                message,
                &group.0.join(", "),
            );
        }
        for (j, word) in group.0.iter().enumerate() {
            if word.trim().is_empty() {
                self.report(format!("synonyms[{i}][{j}]"), Rule::Blank, "is empty", word);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count` organisations, each the parent of the one before; with
    /// `close`, the last one's parent is the first (one loop of all).
    fn chain(count: usize, close: bool) -> String {
        let mut organizations = Vec::with_capacity(count);
        for k in 0..count {
            let parent = if k + 1 < count {
                format!(r#","parent":"org-{}""#, k + 1)
            } else if close {
                r#","parent":"org-0""#.to_owned()
            } else {
                String::new()
            };
            organizations.push(format!(
                r#"{{"id":"org-{k}","name":"Org {k}","kind":"other"{parent}}}"#
            ));
        }
        format!(
            r#"{{"format":"dialognetz-dataset","format_version":1,"meta":{{"id":"t","title":"T","publisher":"P","version":"1","published_at":"2024-02-15T09:00:00+01:00"}},"organizations":[{}]}}"#,
            organizations.join(",")
        )
    }

    #[test]
    fn a_chain_of_100000_parents_is_walked_once() {
        // Quadratic, this would take 5·10⁹ steps; linear, a blink.
        let started = std::time::Instant::now();
        assert!(validate(chain(100_000, false).as_bytes()).is_ok());
        let problems = validate(chain(100_000, true).as_bytes()).expect_err("one loop");
        assert_eq!(problems.len(), 100_000);
        assert!(problems.iter().all(|p| p.rule == Rule::ParentCycle));
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    }

    #[test]
    fn serde_messages_are_put_in_plain_words() {
        assert_eq!(
            plain_words("missing field `name`"),
            "the required field name is missing"
        );
        assert_eq!(
            plain_words("invalid type: sequence, expected struct Geo"),
            "invalid type: a list, expected an object"
        );
        assert_eq!(
            plain_words("invalid type: string \"52.1\", expected f64"),
            "invalid type: string \"52.1\", expected a number"
        );
        assert_eq!(
            plain_words("invalid type: map, expected a string"),
            "invalid type: an object, expected a string"
        );
    }
}
