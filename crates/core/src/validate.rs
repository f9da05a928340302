//! `validate`: bytes in, a [`Dataset`] or every [`Problem`] out.
//!
//! Three stages, each reporting all it finds:
//! 1. the strict reader (`json.rs`): size, encoding, syntax, depth, duplicate
//!    keys, string and list limits;
//! 2. typing: the format header, then `meta` and every entry of every list
//!    on its own, so one broken entry does not hide the others;
//! 3. the rules on values and between entries: ids, references, URLs,
//!    e-mail, phones, postcodes, states, geo ranges, dates, limits.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::json::read_document;
use crate::model::*;
use crate::problem::{Problem, Rule};
use crate::rules::{self, DateValue};

/// Reads and checks a published dataset.
///
/// Returns the dataset when it keeps every rule of the format, otherwise all
/// problems found (never only the first), each with its JSON path. Never
/// panics, whatever the bytes.
pub fn validate(bytes: &[u8]) -> Result<Dataset, Vec<Problem>> {
    let (document, mut problems) = read_document(bytes)?;
    let Value::Object(mut top) = document else {
        return Err(vec![Problem::new(
            "",
            Rule::Type,
            "the document must be a JSON object with format, format_version, meta and the lists",
        )]);
    };

    check_header(&top)?;

    let meta = take_typed::<Meta>(&mut top, "meta", &mut problems);
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

    let mut checker = Checker {
        problems,
        ids: HashMap::new(),
    };
    if let Some(meta) = &meta {
        checker.meta(meta);
    }
    checker.all(&lists);

    match (meta, checker.problems.is_empty()) {
        (Some(meta), true) => Ok(lists.into_dataset(meta)),
        (None, true) => Err(vec![Problem::new("meta", Rule::Type, "meta is missing")]),
        (_, false) => Err(checker.problems),
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
                "format_version is missing; this is not a Dialognetz dataset",
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
                "format_version must be a whole number of 1 or more",
            )
            .with_value(&other.to_string())])
        }
    }
    match top.get("format") {
        Some(Value::String(format)) if format == FORMAT_NAME => Ok(()),
        Some(other) => Err(vec![Problem::new(
            "format",
            Rule::Format,
            format!("format must be {FORMAT_NAME:?}; this is not a Dialognetz dataset"),
        )
        .with_value(&other.to_string())]),
        None => Err(vec![Problem::new(
            "format",
            Rule::Format,
            "format is missing; this is not a Dialognetz dataset",
        )]),
    }
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
    Problem::new(path, Rule::Type, error.into_inner().to_string())
}

fn take_typed<T: DeserializeOwned>(
    top: &mut serde_json::Map<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let Some(value) = top.remove(key) else {
        problems.push(Problem::new(key, Rule::Type, format!("{key} is missing")));
        return None;
    };
    serde_path_to_error::deserialize(value)
        .map_err(|e| problems.push(type_problem(key, e)))
        .ok()
}

/// One list's entries: the typed ones with their index, and the raw id of
/// every entry (typed or not), so a broken entry's id still counts as taken
/// and references to it do not turn into noise.
struct List<T> {
    entries: Vec<(usize, T)>,
    raw_ids: Vec<(usize, Option<String>)>,
}

fn take_list<T: DeserializeOwned>(
    top: &mut serde_json::Map<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> List<T> {
    let mut list = List {
        entries: Vec::new(),
        raw_ids: Vec::new(),
    };
    let items = match top.remove(key) {
        None | Some(Value::Null) => return list,
        Some(Value::Array(items)) => items,
        Some(other) => {
            problems.push(
                Problem::new(key, Rule::Type, format!("{key} must be a list"))
                    .with_value(&other.to_string()),
            );
            return list;
        }
    };
    list.entries.reserve(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let raw_id = item.get("id").and_then(Value::as_str).map(str::to_owned);
        list.raw_ids.push((index, raw_id));
        match serde_path_to_error::deserialize::<_, T>(item) {
            Ok(entry) => list.entries.push((index, entry)),
            Err(error) => problems.push(type_problem(&format!("{key}[{index}]"), error)),
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
        fn values<T>(list: List<T>) -> Vec<T> {
            list.entries.into_iter().map(|(_, entry)| entry).collect()
        }
        Dataset {
            format: FORMAT_NAME.to_owned(),
            format_version: SUPPORTED_FORMAT_VERSION,
            meta,
            topics: values(self.topics),
            organizations: values(self.organizations),
            contacts: values(self.contacts),
            forums: values(self.forums),
            events: values(self.events),
            projects: values(self.projects),
            articles: values(self.articles),
            synonyms: values(self.synonyms),
        }
    }
}

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
}

struct Checker {
    problems: Vec<Problem>,
    /// Every id in the dataset → its list and the path where it first stood.
    ids: HashMap<String, (Kind, String)>,
}

impl Checker {
    fn report(&mut self, path: String, rule: Rule, message: impl Into<String>, value: &str) {
        self.problems
            .push(Problem::new(path, rule, message).with_value(value));
    }

    fn with(&mut self, path: impl FnOnce() -> String, rule: Rule, value: &str, result: Result<(), String>) {
        if let Err(message) = result {
            self.report(path(), rule, message, value);
        }
    }

    fn all(&mut self, lists: &Lists) {
        self.collect_ids(&lists.topics, Kind::Topic);
        self.collect_ids(&lists.organizations, Kind::Organization);
        self.collect_ids(&lists.contacts, Kind::Contact);
        self.collect_ids(&lists.forums, Kind::Forum);
        self.collect_ids(&lists.events, Kind::Event);
        self.collect_ids(&lists.projects, Kind::Project);
        self.collect_ids(&lists.articles, Kind::Article);

        for (i, topic) in &lists.topics.entries {
            self.text(|| format!("topics[{i}].label"), &topic.label);
        }
        for (i, org) in &lists.organizations.entries {
            self.organization(*i, org);
        }
        self.parent_cycles(&lists.organizations);
        for (i, contact) in &lists.contacts.entries {
            self.contact(*i, contact);
        }
        for (i, forum) in &lists.forums.entries {
            self.forum(*i, forum);
        }
        for (i, event) in &lists.events.entries {
            self.event(*i, event);
        }
        for (i, project) in &lists.projects.entries {
            self.project(*i, project);
        }
        for (i, article) in &lists.articles.entries {
            self.article(*i, article);
        }
        for (i, group) in &lists.synonyms.entries {
            self.synonym_group(*i, group);
        }
    }

    fn collect_ids<T>(&mut self, list: &List<T>, kind: Kind) {
        for (index, raw_id) in &list.raw_ids {
            let Some(id) = raw_id else { continue };
            let path = format!("{}[{index}].id", kind.list());
            if let Err(message) = rules::check_id(id) {
                self.report(path.clone(), Rule::IdSyntax, message, id);
            }
            if let Some((_, first)) = self.ids.get(id) {
                let message = format!("the id is already used at {first}; ids must be unique across all lists");
                self.report(path, Rule::IdDuplicate, message, id);
            } else {
                self.ids.insert(id.clone(), (kind, path));
            }
        }
    }

    fn reference(&mut self, path: impl FnOnce() -> String, id: &Id, kind: Kind) {
        match self.ids.get(id.as_str()) {
            Some((found, _)) if *found == kind => {}
            Some((found, at)) => {
                let message = format!(
                    "must name an entry of {}, but {at} is in {}",
                    kind.list(),
                    found.list()
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
                let message = format!("has {chars} characters; at most {} are allowed", rules::MAX_NAME_CHARS);
                self.report(path(), Rule::TooLong, message, name);
            }
        }
    }

    fn optional_text(&mut self, path: impl Fn() -> String, text: &Option<String>) {
        if let Some(text) = text {
            if text.trim().is_empty() {
                self.report(path(), Rule::Blank, "is empty; leave the field out instead", text);
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
                    let at = || format!("{}.{tag}", path());
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
            self.with(path, Rule::Url, url.as_str(), rules::check_url(url.as_str()));
        }
    }

    fn email(&mut self, path: impl FnOnce() -> String, email: &Option<Email>) {
        if let Some(email) = email {
            self.with(path, Rule::Email, email.as_str(), rules::check_email(email.as_str()));
        }
    }

    fn phone(&mut self, path: impl FnOnce() -> String, phone: &Option<Phone>) {
        if let Some(phone) = phone {
            self.with(path, Rule::Phone, phone.as_str(), rules::check_phone(phone.as_str()));
        }
    }

    fn state(&mut self, path: impl FnOnce() -> String, state: &Option<StateCode>) {
        if let Some(state) = state {
            self.with(path, Rule::State, state.as_str(), rules::check_state(state.as_str()));
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

    fn date_order(&mut self, base: &str, start: Option<DateValue>, end: Option<DateValue>, end_text: &Option<Date>) {
        if let (Some(start), Some(end)) = (start, end) {
            if DateValue::ends_before(end, start) {
                let value = end_text.as_ref().map_or("", Date::as_str);
                self.report(format!("{base}.end"), Rule::DateOrder, "lies before start", value);
            }
        }
    }

    fn meta(&mut self, meta: &Meta) {
        self.with(|| "meta.id".into(), Rule::IdSyntax, meta.id.as_str(), rules::check_id(meta.id.as_str()));
        self.text(|| "meta.title".into(), &meta.title);
        if meta.publisher.trim().is_empty() {
            self.report("meta.publisher".into(), Rule::Blank, "is empty; say who publishes the data", &meta.publisher);
        }
        if meta.version.trim().is_empty() {
            self.report("meta.version".into(), Rule::Blank, "is empty; give the dataset a version", &meta.version);
        }
        if let Err(message) = rules::parse_timestamp(meta.published_at.as_str()) {
            self.report("meta.published_at".into(), Rule::Timestamp, message, meta.published_at.as_str());
        }
        if let Some(tag) = &meta.default_language {
            self.with(|| "meta.default_language".into(), Rule::LanguageTag, tag.as_str(), rules::check_language_tag(tag.as_str()));
        }
        if let Some(license) = &meta.license {
            self.with(|| "meta.license".into(), Rule::License, license, rules::check_license(license));
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
            self.report(format!("{base}.address.city"), Rule::Blank, "is empty; an address needs a city", &address.city);
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
                self.report(format!("{base}.parent"), Rule::ParentCycle, "names the organisation itself", parent.as_str());
            } else {
                self.reference(|| format!("{base}.parent"), parent, Kind::Organization);
            }
        }
        self.references(&base, "topics", &org.topics, Kind::Topic);
    }

    /// Follows every parent chain; reports each organisation whose chain
    /// comes back to it (self-parents are reported by `organization`).
    fn parent_cycles(&mut self, organizations: &List<Organization>) {
        let parents: HashMap<&str, &str> = organizations
            .entries
            .iter()
            .filter_map(|(_, o)| Some((o.id.as_str(), o.parent.as_ref()?.as_str())))
            .collect();
        for (i, org) in &organizations.entries {
            let start = org.id.as_str();
            let mut seen = HashSet::new();
            let mut current = parents.get(start).copied();
            while let Some(id) = current {
                if id == start {
                    if parents.get(start) != Some(&start) {
                        let message = "the parent chain loops back to this organisation";
                        self.report(format!("organizations[{i}].parent"), Rule::ParentCycle, message, parents[start]);
                    }
                    break;
                }
                if !seen.insert(id) {
                    break; // a loop further up, reported at its own members
                }
                current = parents.get(id).copied();
            }
        }
    }

    fn contact(&mut self, i: usize, contact: &Contact) {
        let base = format!("contacts[{i}]");
        self.reference(|| format!("{base}.organization"), &contact.organization, Kind::Organization);
        self.optional_text(|| format!("{base}.name"), &contact.name);
        if let Some(name) = &contact.name {
            let chars = name.chars().count();
            if chars > rules::MAX_NAME_CHARS {
                let message = format!("has {chars} characters; at most {} are allowed", rules::MAX_NAME_CHARS);
                self.report(format!("{base}.name"), Rule::TooLong, message, name);
            }
        }
        self.text(|| format!("{base}.role"), &contact.role);
        if contact.phone.is_none() && contact.mobile.is_none() && contact.email.is_none() {
            self.report(base.clone(), Rule::Unreachable, "has no phone, mobile or email; a contact must be reachable", "");
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
            self.report(format!("{base}.city"), Rule::Blank, "is empty; a forum needs its city", &forum.city);
        }
        self.state(|| format!("{base}.state"), &forum.state);
        self.geo(|| format!("{base}.geo"), &forum.geo);
        let established = self.date(|| format!("{base}.established"), &forum.established);
        let formalized = self.date(|| format!("{base}.formalized"), &forum.formalized);
        if let (Some(established), Some(formalized)) = (established, formalized) {
            if DateValue::ends_before(formalized, established) {
                let value = forum.formalized.as_ref().map_or("", Date::as_str);
                self.report(format!("{base}.formalized"), Rule::DateOrder, "lies before established", value);
            }
        }
        self.references(&base, "members", &forum.members, Kind::Organization);
        self.references(&base, "coordinators", &forum.coordinators, Kind::Organization);
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
            self.reference(|| format!("{base}.organizer"), organizer, Kind::Organization);
        }
        if let Some(registration) = &event.registration {
            self.email(|| format!("{base}.registration.email"), &registration.email);
            self.url(|| format!("{base}.registration.url"), &registration.url);
            self.date(|| format!("{base}.registration.deadline"), &registration.deadline);
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
            self.report(format!("synonyms[{i}]"), Rule::SynonymGroup, message, &group.0.join(", "));
        }
        for (j, word) in group.0.iter().enumerate() {
            if word.trim().is_empty() {
                self.report(format!("synonyms[{i}][{j}]"), Rule::Blank, "is empty", word);
            }
        }
    }
}
