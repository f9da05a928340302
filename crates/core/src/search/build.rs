//! Building the index from a dataset.

use std::collections::{BTreeMap, HashMap};

use rustc_hash::FxHashMap;

use crate::model::*;
use crate::rules::{parse_date, STATE_CODES};

use super::compound::{parts, Vocabulary};
use super::fields::{self, EntryTexts, TopicLabels};
use super::text::{for_each_word, normalize_text, normalize_words};
use super::{Codes, DocFacts, EntityType, Field, Lists, SearchIndex};

/// Days from 1970-01-01 to a calendar day (for [`super::Query::today`]).
pub fn days_since_epoch(day: time::Date) -> i32 {
    day.to_julian_day() - 2_440_588
}

/// One entry before numbering: its texts and facts.
struct Entry<'a> {
    texts: EntryTexts<'a>,
    facts: DocFacts,
    id: &'a str,
}

impl SearchIndex {
    /// Indexes every entry of a dataset. Entries without coordinates get none;
    /// see [`SearchIndex::build_with_places`] to place them by postcode.
    pub fn build(dataset: &Dataset) -> SearchIndex {
        Self::build_with_places(dataset, |_| None)
    }

    /// Indexes every entry; an entry without coordinates but with a postcode
    /// gets `postcode_centre(postcode)` (from the shipped postcode table).
    pub fn build_with_places(
        dataset: &Dataset,
        postcode_centre: impl Fn(&str) -> Option<Geo>,
    ) -> SearchIndex {
        let mut tables = Tables::default();
        let mut entries = collect_entries(dataset, &mut tables, &postcode_centre);
        // Doc numbers in static-rank order: type, then shorter names, then
        // the dataset's order (the sort is stable).
        entries.sort_by_key(|e| (fields::type_rank(e.facts.entity), e.texts.title_chars));
        let mut postings: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let mut whole_names: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (doc, entry) in entries.iter().enumerate() {
            let doc = doc as u32;
            for &(field, text) in &entry.texts.texts {
                if field == Field::Name {
                    let list = whole_names.entry(normalize_text(text)).or_default();
                    if list.last() != Some(&doc) {
                        list.push(doc);
                    }
                }
            }
            let mut add = |word: &str, field: Field| {
                let posting = doc << 2 | field as u32;
                // Look up before inserting: most words are there already,
                // and an insert needs an owned key.
                match postings.get_mut(word) {
                    Some(list) => {
                        if list.last() != Some(&posting) {
                            list.push(posting);
                        }
                    }
                    None => {
                        postings.insert(word.to_owned(), vec![posting]);
                    }
                }
            };
            for &(field, text) in &entry.texts.texts {
                for_each_word(text, |w| add(w, field));
            }
            for (field, text) in &entry.texts.extra {
                for_each_word(text, |w| add(w, *field));
            }
            for phone in &entry.texts.phones {
                if let Some(digits) = phone_digits(phone) {
                    add(&digits, Field::Other);
                }
            }
        }
        // One doc may list a word in several fields out of order (name, then
        // description, then name again): sort each list once.
        let mut words: Vec<(String, Vec<u32>)> = postings.into_iter().collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut posting_lists = Lists::default();
        for (_, list) in &mut words {
            list.sort_unstable();
            list.dedup();
            posting_lists.push(list.iter().copied());
        }
        let terms = fst_map(
            words
                .iter()
                .enumerate()
                .map(|(i, (w, _))| (w.as_str(), i as u64)),
        );

        let mut name_docs = Lists::default();
        let names = fst_map(whole_names.iter().enumerate().map(|(i, (name, docs))| {
            name_docs.push(docs.iter().copied());
            (name.as_str(), i as u64)
        }));
        let (parts_map, part_terms) = compound_parts(&words);
        let synonyms: Vec<Vec<Vec<String>>> = dataset
            .synonyms
            .iter()
            .map(|group| group.0.iter().map(|m| normalize_words(m)).collect())
            .collect();
        let synonym_lookup = synonym_lookup(&synonyms);

        let ids = entries.iter().map(|e| e.id).collect();
        let docs = entries.into_iter().map(|e| e.facts).collect();
        let index = SearchIndex {
            dataset_id: dataset.meta.id.as_str().to_owned(),
            dataset_version: dataset.meta.version.clone(),
            ids,
            docs,
            terms,
            postings: posting_lists,
            names,
            name_docs,
            parts: parts_map,
            part_terms,
            synonyms,
            synonym_lookup,
            city_keys: std::sync::OnceLock::from(tables.city_keys),
            cities: tables.cities,
            topics: tables.topics,
            languages: tables.languages,
        };
        index.decode_postings();
        index
    }
}

/// Single words of synonym groups → the groups.
pub(crate) fn synonym_lookup(groups: &[Vec<Vec<String>>]) -> HashMap<String, Vec<u32>> {
    let mut lookup: HashMap<String, Vec<u32>> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        for member in group {
            if let [word] = member.as_slice() {
                let list = lookup.entry(word.clone()).or_default();
                if list.last() != Some(&(g as u32)) {
                    list.push(g as u32);
                }
            }
        }
    }
    lookup
}

/// A phone number as one word: its digits run together in national form
/// (`+49 431 160-1310` → `04311601310`), however it was written. Typing any
/// beginning of it finds it (the query side joins digit groups the same
/// way, see [`phone_query`]).
pub(crate) fn phone_digits(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let international = phone.trim_start().starts_with('+') || digits.starts_with("00");
    let national = if international {
        let rest = digits.trim_start_matches('0');
        format!("0{}", rest.strip_prefix("49").unwrap_or(rest))
    } else {
        digits
    };
    (!national.is_empty()).then_some(national)
}

/// A query that is a phone number as the one word it is indexed as: it has
/// only digits and the usual separators, and starts with `+` or with `0`
/// and at least two groups (`01099` alone is a postcode).
pub(crate) fn phone_query(text: &str) -> Option<String> {
    let trimmed = text.trim();
    let phone_chars = trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '/' | '(' | ')'));
    let groups = trimmed
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .count();
    if !phone_chars || groups == 0 {
        return None;
    }
    if let Some(rest) = trimmed.strip_prefix('+') {
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        // `+4`, `+49`: still typing the country code; every number begins so.
        if "49".starts_with(digits.as_str()) {
            return Some("0".to_owned());
        }
        return phone_digits(trimmed);
    }
    (trimmed.starts_with('0') && groups >= 2)
        .then(|| phone_digits(trimmed))
        .flatten()
}

/// Facet value tables built while collecting entries.
#[derive(Default)]
struct Tables {
    cities: Vec<String>,
    city_keys: HashMap<String, u32>,
    topics: Vec<String>,
    topic_ids: HashMap<String, u16>,
    languages: Vec<String>,
    language_ids: HashMap<String, u16>,
}

impl Tables {
    fn city(&mut self, city: Option<&str>) -> Option<u32> {
        let city = city?.trim();
        let key = normalize_text(city);
        if key.is_empty() {
            return None;
        }
        let next = self.cities.len() as u32;
        let id = *self.city_keys.entry(key).or_insert(next);
        if id == next {
            self.cities.push(city.to_owned());
        }
        Some(id)
    }

    fn topics(&mut self, topics: &[Id]) -> Codes {
        let mut out: Codes = topics
            .iter()
            .filter_map(|t| {
                let next = self.topics.len();
                let next = u16::try_from(next).ok()?;
                let id = *self.topic_ids.entry(t.as_str().to_owned()).or_insert(next);
                if id == next {
                    self.topics.push(t.as_str().to_owned());
                }
                Some(id)
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    fn languages(&mut self, languages: &[LanguageTag]) -> Codes {
        let mut out: Codes = languages
            .iter()
            .filter_map(|l| {
                // `de-AT` speaks `de`.
                let primary = l.as_str().split('-').next()?.to_ascii_lowercase();
                let next = u16::try_from(self.languages.len()).ok()?;
                let id = *self.language_ids.entry(primary.clone()).or_insert(next);
                if id == next {
                    self.languages.push(primary);
                }
                Some(id)
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn state_index(state: Option<&StateCode>) -> Option<u8> {
    let code = state?.as_str();
    STATE_CODES.iter().position(|s| *s == code).map(|i| i as u8)
}

fn geo_of(
    geo: Option<&Geo>,
    postcode: Option<&Postcode>,
    centre: &dyn Fn(&str) -> Option<Geo>,
) -> Option<(f32, f32)> {
    geo.copied()
        .or_else(|| postcode.and_then(|p| centre(p.as_str())))
        .map(|g| (g.lat as f32, g.lon as f32))
}

fn facts(entity: EntityType, index: usize) -> DocFacts {
    DocFacts {
        entity,
        index: index as u32,
        kind: None,
        state: None,
        city: None,
        topics: Codes::new(),
        languages: Codes::new(),
        open_to_new_members: false,
        days: None,
        geo: None,
    }
}

fn collect_entries<'a>(
    dataset: &'a Dataset,
    tables: &mut Tables,
    centre: &dyn Fn(&str) -> Option<Geo>,
) -> Vec<Entry<'a>> {
    let topics = TopicLabels::new(dataset);
    let mut entries = Vec::new();
    let mut org_by_id: HashMap<&str, usize> = HashMap::new();
    for (i, o) in dataset.organizations.iter().enumerate() {
        org_by_id.insert(o.id.as_str(), i);
        let mut f = facts(EntityType::Organization, i);
        f.kind = Some(o.kind);
        let address = o.address.as_ref();
        f.state = state_index(address.and_then(|a| a.state.as_ref()));
        f.city = tables.city(address.map(|a| a.city.as_str()));
        f.topics = tables.topics(&o.topics);
        f.languages = tables.languages(&o.languages);
        f.geo = geo_of(
            o.geo.as_ref(),
            address.and_then(|a| a.postcode.as_ref()),
            centre,
        );
        entries.push(Entry {
            texts: fields::organization(o, &topics),
            facts: f,
            id: o.id.as_str(),
        });
    }
    for (i, c) in dataset.contacts.iter().enumerate() {
        let org = org_by_id
            .get(c.organization.as_str())
            .map(|&k| &dataset.organizations[k]);
        let mut f = facts(EntityType::Contact, i);
        let area = c.area.as_ref();
        let org_address = org.and_then(|o| o.address.as_ref());
        f.state = state_index(
            area.and_then(|a| a.state.as_ref())
                .or_else(|| org_address.and_then(|a| a.state.as_ref())),
        );
        f.city = tables.city(
            area.and_then(|a| a.city.as_deref())
                .or_else(|| org_address.map(|a| a.city.as_str())),
        );
        f.topics = tables.topics(&c.topics);
        f.languages = tables.languages(&c.languages);
        // A contact is where its organisation is.
        f.geo = org.and_then(|o| {
            geo_of(
                o.geo.as_ref(),
                o.address.as_ref().and_then(|a| a.postcode.as_ref()),
                centre,
            )
        });
        entries.push(Entry {
            texts: fields::contact(c, org.map(|o| o.name.as_str()), &topics),
            facts: f,
            id: c.id.as_str(),
        });
    }
    for (i, forum) in dataset.forums.iter().enumerate() {
        let mut f = facts(EntityType::Forum, i);
        f.state = state_index(forum.state.as_ref());
        f.city = tables.city(Some(&forum.city));
        f.topics = tables.topics(&forum.topics);
        f.open_to_new_members = forum.open_to_new_members == Some(true);
        f.geo = geo_of(forum.geo.as_ref(), None, centre);
        entries.push(Entry {
            texts: fields::forum(forum, &topics),
            facts: f,
            id: forum.id.as_str(),
        });
    }
    for (i, event) in dataset.events.iter().enumerate() {
        let mut f = facts(EntityType::Event, i);
        f.state = state_index(event.state.as_ref());
        f.city = tables.city(event.city.as_deref());
        f.topics = tables.topics(&event.topics);
        let start = parse_date(event.start.as_str()).ok();
        let end = event
            .end
            .as_ref()
            .and_then(|e| parse_date(e.as_str()).ok())
            .or(start);
        if let (Some(start), Some(end)) = (start, end) {
            f.days = Some((
                days_since_epoch(start.first_day()),
                days_since_epoch(end.last_day()),
            ));
        }
        entries.push(Entry {
            texts: fields::event(event, &topics),
            facts: f,
            id: event.id.as_str(),
        });
    }
    for (i, project) in dataset.projects.iter().enumerate() {
        let mut f = facts(EntityType::Project, i);
        f.state = state_index(project.state.as_ref());
        f.city = tables.city(project.city.as_deref());
        f.topics = tables.topics(&project.topics);
        entries.push(Entry {
            texts: fields::project(project, &topics),
            facts: f,
            id: project.id.as_str(),
        });
    }
    for (i, article) in dataset.articles.iter().enumerate() {
        let mut f = facts(EntityType::Article, i);
        f.topics = tables.topics(&article.topics);
        entries.push(Entry {
            texts: fields::article(article, &topics),
            facts: f,
            id: article.id.as_str(),
        });
    }
    entries
}

/// An FST map from sorted, distinct keys.
pub(crate) fn fst_map<'k>(keys: impl IntoIterator<Item = (&'k str, u64)>) -> fst::Map<Vec<u8>> {
    let mut builder = fst::MapBuilder::memory();
    for (key, value) in keys {
        // Keys come sorted and distinct from a sorted, deduplicated list;
        // a failure here would be a bug in this file, and the word is then
        // left out rather than the build aborted.
        let _ = builder.insert(key, value);
    }
    let bytes = builder.into_inner().unwrap_or_default();
    fst::Map::new(bytes).unwrap_or_default()
}

/// Compound parts of every word → the words that have them, with where the
/// part ends the word (see [`pack_part`]).
fn compound_parts(words: &[(String, Vec<u32>)]) -> (fst::Map<Vec<u8>>, Lists) {
    let vocabulary = Vocabulary::new(words.iter().map(|(w, _)| w.as_str()));
    let mut by_part: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (term, (word, _)) in words.iter().enumerate() {
        if term >= 1 << 31 {
            continue;
        }
        let cuts = vocabulary.cuts(word);
        for (start, end) in parts(word, &cuts) {
            by_part
                .entry(&word[start..end])
                .or_default()
                .push(pack_part(term as u32, end == word.len()));
        }
    }
    let mut lists = Lists::default();
    let map = fst_map(by_part.iter().enumerate().map(|(i, (part, terms))| {
        lists.push(terms.iter().copied());
        (*part, i as u64)
    }));
    (map, lists)
}

/// A word that has a compound part, and whether the part ends it (the
/// German head of the compound: `revier` in `Polizeirevier`).
pub(crate) fn pack_part(term: u32, ends_word: bool) -> u32 {
    term << 1 | u32::from(ends_word)
}

/// The word of a packed part entry.
pub(crate) fn part_term(packed: u32) -> u32 {
    packed >> 1
}

/// Whether the part of a packed part entry ends its word.
pub(crate) fn part_ends_word(packed: u32) -> bool {
    packed & 1 == 1
}

/// Words long enough, and without digits, to be stemmed.
pub(crate) fn stems_apply(word: &str) -> bool {
    word.chars().count() >= 4 && !word.bytes().any(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_indexed_as_their_national_digits() {
        assert_eq!(
            phone_digits("+49 431 160-1310").as_deref(),
            Some("04311601310")
        );
        assert_eq!(
            phone_digits("0049 (431) 160 1310").as_deref(),
            Some("04311601310")
        );
        assert_eq!(
            phone_digits("0351 5645 4949").as_deref(),
            Some("035156454949")
        );
    }

    #[test]
    fn a_query_typed_like_a_phone_number_is_one_word() {
        assert_eq!(phone_query("0431 160").as_deref(), Some("0431160"));
        assert_eq!(phone_query("+49 431 160-13").as_deref(), Some("043116013"));
        // A postcode, or a postcode and a place, stays as typed.
        assert_eq!(phone_query("01099"), None);
        assert_eq!(phone_query("01099 Dresden"), None);
        // Typing the country code: every German number begins so.
        assert_eq!(phone_query("+4").as_deref(), Some("0"));
        assert_eq!(phone_query("+49 ").as_deref(), Some("0"));
        assert_eq!(phone_query("+49 4").as_deref(), Some("04"));
    }
}
