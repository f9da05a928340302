//! Search and filtering made for German, offline, in about a millisecond.
//!
//! [`SearchIndex::build`] indexes every entry of a [`Dataset`] (organisations,
//! contacts, forums, events, projects, articles); [`SearchIndex::search`]
//! answers a [`Query`] with ranked [`Hit`]s and, on request, live facet
//! counts; [`SearchIndex::to_bytes`] and [`SearchIndex::from_bytes`] persist
//! the index so a returning user's start does not rebuild it.
//!
//! # Matching
//! Query and index words are normalised alike ([`text`]: `Muenchen` =
//! `München` = `Munchen`, `ß` = `ss`, `Str.` = `Straße`). A query word
//! matches an indexed word when it is
//! - **exact**: the same word;
//! - **prefix**: the last query word begins the indexed word, as you type
//!   (not when the query ends with a space: that word is complete; but a
//!   last word of digits is always a beginning, since numbers are typed in
//!   groups). A query typed like a phone number (`0431 160-13`,
//!   `+49 431 …`) is joined into the one word a phone is indexed as, its
//!   national digits (`0431160…`);
//! - **compound part**: a part of a German compound (`revier` in
//!   `Polizeirevier`, `gemeinde` in `Moscheegemeinde`; see `compound.rs` for
//!   how parts are found), or, for the last word, the start of such a part;
//! - **stem**: the same German stem (Snowball: `Moscheen` ~ `Moschee`,
//!   `Vereine` ~ `Verein`);
//! - **synonym**: a word of the dataset's `synonyms` group (`kripo` →
//!   `Kriminalpolizei…`); a group member of several words matches an entry
//!   that has all of them;
//! - **typo**: within one edit from 4 letters on and two edits from 8
//!   (insertion, deletion, substitution, transposition of neighbours), by a
//!   Levenshtein automaton run over the word dictionary (an FST). Words with
//!   digits (postcodes, phone numbers) never match by typo.
//!
//! Several words are AND-ed. When no entry has them all, entries with the
//! most of them are shown instead and [`SearchResults::partial`] says so.
//!
//! # Which matches are kept
//! When an entry that the filters let through has every query word as typed
//! (without typos) in its name or city, matches with typos are left out:
//! once `kora` finds KORA, `Korb` is noise, and would inflate the facet
//! counts too (each facet value is counted the same way, so its count is
//! what choosing it shows). Otherwise everything is kept and ranked: `Dresdn`
//! finds the Dresden entries by typo, above an entry whose description has
//! `Dresdner`. Typos are only looked for when they can be kept, which makes
//! most queries cheap. In a partial result (see above) all are kept.
//!
//! # Ranking
//! A chain of rules, each only breaking the ties of the one before (the
//! bucket sort Meilisearch uses):
//! 1. **words**: more query words matched first (only differs in a partial
//!    result);
//! 2. **name or city**: entries where every word matched in a name or city
//!    (in any way) before those where a word is only in other fields;
//! 3. **typos**: fewer typos in total first;
//! 4. **field**: matches in a more important field first: name (and short
//!    name, title, a contact's person's name, or its role when no person is
//!    named), then city, then other fields (address, phone, e-mail, topics,
//!    kind, a named contact's role and organisation, a venue), then
//!    descriptions; summed over the query words, each at its best field;
//! 5. **proximity**: all query words in one field before scattered over
//!    several;
//! 6. **whole name**: an entry whose name or short name is exactly the query
//!    (`KORA`) before entries that only contain the words;
//! 7. **exactness**: exact before prefix before compound part (its last
//!    part, the German head, before others) before stem before synonym (and, among typo matches, a misspelt whole word before
//!    a misspelt beginning), summed over the words;
//! 8. **static rank**: organisations, forums, contacts, events, projects,
//!    articles; within a type shorter names first; then the dataset's order:
//!    a stable tie-break. Entries are numbered in this order when the index is
//!    built, so the rule costs nothing at query time.
//!
//! [`Hit::rank`] carries each rule's value, so every decision can be
//! explained (and is tested by behaviour).

mod build;
mod compound;
mod facets;
mod fields;
mod highlight;
mod matching;
mod packed;
mod persist;
mod ranking;
pub mod text;
mod url_state;

use std::collections::HashMap;

use crate::model::{Geo, OrganizationKind};

pub use build::days_since_epoch;
pub use facets::{FacetCount, FacetCounts};
pub use fields::{city_of, title_of};
pub(crate) use matching::osa_distance;
pub(crate) use packed::{Ids, Lists};
pub use persist::IndexFormatError;
pub use url_state::{NearParam, ParamError, SearchParams};

/// The version of the serialised index; bump it with every change of
/// `persist.rs` or of what the index holds (the saved-index fixture test
/// fails until then).
pub const INDEX_FORMAT_VERSION: u32 = 5;

/// The kinds of entries a dataset has, in the static-rank order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityType {
    Organization,
    Forum,
    Contact,
    Event,
    Project,
    Article,
}

impl EntityType {
    /// Every type, in the static-rank order.
    pub const ALL: [EntityType; 6] = [
        EntityType::Organization,
        EntityType::Forum,
        EntityType::Contact,
        EntityType::Event,
        EntityType::Project,
        EntityType::Article,
    ];

    /// The type's name in URLs and JSON (`organization`, `forum`, …).
    pub fn code(self) -> &'static str {
        match self {
            EntityType::Organization => "organization",
            EntityType::Forum => "forum",
            EntityType::Contact => "contact",
            EntityType::Event => "event",
            EntityType::Project => "project",
            EntityType::Article => "article",
        }
    }

    /// The type for a code; `None` for anything else.
    pub fn from_code(code: &str) -> Option<EntityType> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }

    fn from_u8(value: u8) -> Option<EntityType> {
        Self::ALL.get(usize::from(value)).copied()
    }

    fn as_u8(self) -> u8 {
        self as u8
    }
}

/// Where a hit is in the dataset: its list and its position there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DocRef {
    pub entity: EntityType,
    /// Index into the dataset's list of that type.
    pub index: u32,
}

/// The indexed fields, from most to least important for ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// Name, short name, title; a contact's person's name, or its role when
    /// no person is named.
    Name = 0,
    /// City (of the address, the area, the forum, the event).
    City = 1,
    /// Street, postcode, phone and e-mail, topics, kind, a contact's
    /// organisation, an event's venue.
    Other = 2,
    /// Descriptions, meeting notes, availability, article bodies.
    Description = 3,
}

/// How a query word met an indexed word, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    Exact = 0,
    Prefix = 1,
    /// The last part of a compound, its German head (`revier` in
    /// `Polizeirevier`: a Revier).
    CompoundPart = 2,
    /// Another part (`polizei` in `Polizeirevier`).
    CompoundInner = 3,
    /// The beginning of a part, as typed.
    CompoundPrefix = 4,
    Stem = 5,
    Synonym = 6,
    /// Within the typos of the whole word.
    Typo = 7,
    /// Only the beginning of the indexed word is within the typos of the
    /// word being typed.
    TypoPrefix = 8,
}

/// Events relative to a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventTime {
    /// Ends on or after the day.
    Upcoming,
    /// Ended before the day.
    Past,
}

impl EventTime {
    pub fn code(self) -> &'static str {
        match self {
            EventTime::Upcoming => "upcoming",
            EventTime::Past => "past",
        }
    }

    pub fn from_code(code: &str) -> Option<EventTime> {
        match code {
            "upcoming" => Some(EventTime::Upcoming),
            "past" => Some(EventTime::Past),
            _ => None,
        }
    }
}

/// Filters: values within one facet are OR-ed, facets are AND-ed. An empty
/// list does not filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    pub types: Vec<EntityType>,
    /// Organisation kinds; other entries never match a kind filter.
    pub kinds: Vec<OrganizationKind>,
    /// State codes (`SN`).
    pub states: Vec<String>,
    /// City names as shown; compared normalised (`Neumuenster` = `Neumünster`).
    pub cities: Vec<String>,
    /// Topic ids.
    pub topics: Vec<String>,
    /// Language tags (`tr`): organisations and contacts that speak them.
    pub languages: Vec<String>,
    /// Forums open to new members.
    pub open_to_new_members: bool,
    /// Events upcoming or past relative to [`Query::today`].
    pub event_time: Option<EventTime>,
}

/// A filter the app or the CLI could not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error("unknown filter \"{0}\"; use type, kind, state, city, topic, language, open or event")]
    UnknownKey(String),
    #[error("\"{value}\" is not a value of the filter {key}; {hint}")]
    BadValue {
        key: &'static str,
        value: String,
        hint: &'static str,
    },
}

impl Filters {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// Adds one `key=value` filter, as written in URLs (`state=SN`,
    /// `type=forum`, `kind=mosque_community`, `city=Kiel`, `topic=dialog`,
    /// `language=tr`, `open=true`, `event=upcoming`). A key given twice adds
    /// a second value (OR-ed).
    pub fn add(&mut self, key: &str, value: &str) -> Result<(), FilterError> {
        let bad = |key: &'static str, hint: &'static str| FilterError::BadValue {
            key,
            value: value.to_owned(),
            hint,
        };
        let value = value.trim();
        match key {
            "type" => self.types.push(EntityType::from_code(value).ok_or_else(|| {
                bad(
                    "type",
                    "use organization, forum, contact, event, project or article",
                )
            })?),
            "kind" => self.kinds.push(
                OrganizationKind::ALL
                    .into_iter()
                    .find(|k| k.code() == value)
                    .ok_or_else(|| {
                        bad(
                            "kind",
                            "use a kind of the format, such as police or mosque_community",
                        )
                    })?,
            ),
            "state" => {
                let code = value.to_ascii_uppercase();
                if !crate::rules::STATE_CODES.contains(&code.as_str()) {
                    return Err(bad("state", "use a state code such as SN or SH"));
                }
                self.states.push(code);
            }
            "city" if !value.is_empty() => self.cities.push(value.to_owned()),
            "topic" if !value.is_empty() => self.topics.push(value.to_owned()),
            "language" if !value.is_empty() => self.languages.push(value.to_ascii_lowercase()),
            "city" | "topic" | "language" => return Err(bad("city", "give a value")),
            "open" => match value {
                "true" | "1" | "yes" => self.open_to_new_members = true,
                "false" | "0" | "no" => self.open_to_new_members = false,
                _ => return Err(bad("open", "use true or false")),
            },
            "event" => {
                self.event_time = Some(
                    EventTime::from_code(value)
                        .ok_or_else(|| bad("event", "use upcoming or past"))?,
                )
            }
            other => return Err(FilterError::UnknownKey(other.to_owned())),
        }
        Ok(())
    }

    /// The filters as `key=value` pairs, in a fixed order: what
    /// [`Filters::add`] reads back (for URLs).
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        out.extend(self.types.iter().map(|t| ("type", t.code().to_owned())));
        out.extend(self.kinds.iter().map(|k| ("kind", k.code().to_owned())));
        out.extend(self.states.iter().map(|s| ("state", s.clone())));
        out.extend(self.cities.iter().map(|c| ("city", c.clone())));
        out.extend(self.topics.iter().map(|t| ("topic", t.clone())));
        out.extend(self.languages.iter().map(|l| ("language", l.clone())));
        if self.open_to_new_members {
            out.push(("open", "true".to_owned()));
        }
        if let Some(e) = self.event_time {
            out.push(("event", e.code().to_owned()));
        }
        out
    }
}

/// A point to search around.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Near {
    pub point: Geo,
    /// Only entries within this distance; `None`: all, sorted by distance.
    pub radius_km: Option<f64>,
}

/// The order of the hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// The ranking rules (see the module docs).
    #[default]
    Relevance,
    /// Nearest first (needs [`Query::near`]); entries without a place last;
    /// equal distances by relevance.
    Distance,
}

/// One search.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// What was typed; may be empty (then every entry matches, in static-rank
    /// order, which is how filters alone browse the data).
    pub text: String,
    pub filters: Filters,
    pub near: Option<Near>,
    pub sort: Sort,
    /// Hits wanted, after `offset`.
    pub limit: usize,
    pub offset: usize,
    /// Compute facet counts (costs a pass over the matches).
    pub facets: bool,
    /// Today as days since 1970-01-01, for the upcoming/past filter; `None`:
    /// that filter and its counts are off.
    pub today: Option<i32>,
}

impl Query {
    /// A query for `text` with the first `limit` hits, no filters.
    pub fn new(text: impl Into<String>, limit: usize) -> Query {
        Query {
            text: text.into(),
            filters: Filters::default(),
            near: None,
            sort: Sort::Relevance,
            limit,
            offset: 0,
            facets: false,
            today: None,
        }
    }
}

/// Each ranking rule's value for a hit (smaller is better, but `words`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankDetails {
    /// Query words matched.
    pub words: u8,
    /// Every matched word is in a name or a city.
    pub name_or_city: bool,
    /// Typos in total.
    pub typos: u8,
    /// Sum of the best field's rank per word (0 name … 3 description).
    pub fields: u8,
    /// 0: all words in one field; 1: scattered.
    pub proximity: u8,
    /// The query is the entry's whole name or short name.
    pub whole_name: bool,
    /// Sum of the match kinds' ranks (0 exact … 6 synonym, 7 and 8 typo).
    pub exactness: u8,
}

/// One ranked result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: DocRef,
    /// The entry's id in the dataset.
    pub id: String,
    /// 0 to 1, higher is better; equal for equal rank details.
    pub score: f64,
    /// From [`Query::near`]'s point, when the entry has a place.
    pub distance_km: Option<f64>,
    pub rank: RankDetails,
}

/// What a search found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    pub hits: Vec<Hit>,
    /// All matches after filters (not only this page).
    pub total: usize,
    /// No entry has every query word: the hits have some of them.
    pub partial: bool,
    /// Counts per facet value for the query, each facet counted with all
    /// other facets' filters applied (when [`Query::facets`] was set).
    pub facets: Option<FacetCounts>,
    /// The indexed words each query word matched, for [`SearchIndex::highlight`].
    pub terms: MatchedTerms,
}

/// The query's words as the search used them, for
/// [`SearchIndex::highlight`].
#[derive(Debug, Clone, Default)]
pub struct MatchedTerms {
    pub(crate) words: Vec<matching::QueryWord>,
    /// The words' typo automata, made on the first highlight and shared by
    /// every field of every hit after it (making one costs more than
    /// marking a whole page with it).
    automata: std::sync::OnceLock<std::sync::Arc<[matching::WordAutomata]>>,
}

impl MatchedTerms {
    pub(crate) fn new(words: Vec<matching::QueryWord>) -> MatchedTerms {
        MatchedTerms {
            words,
            automata: std::sync::OnceLock::new(),
        }
    }

    /// One entry per word, in the words' order.
    pub(crate) fn automata(&self) -> &[matching::WordAutomata] {
        self.automata
            .get_or_init(|| self.words.iter().map(matching::WordAutomata::of).collect())
    }
}

/// Equal when the words are; the automata follow from them.
impl PartialEq for MatchedTerms {
    fn eq(&self, other: &Self) -> bool {
        self.words == other.words
    }
}

/// Static facts of one indexed entry, by doc number (static-rank order).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DocFacts {
    pub entity: EntityType,
    pub index: u32,
    /// Index into [`SearchIndex::kinds`]'s codes, organisations only.
    pub kind: Option<OrganizationKind>,
    /// Index into `STATE_CODES`.
    pub state: Option<u8>,
    /// Index into the city table.
    pub city: Option<u32>,
    /// Indexes into the topic table.
    pub topics: Codes,
    /// Indexes into the language table.
    pub languages: Codes,
    pub open_to_new_members: bool,
    /// Events: first and last day, days since 1970-01-01.
    pub days: Option<(i32, i32)>,
    /// The place, from the data or the postcode's centre.
    pub geo: Option<(f32, f32)>,
}

/// A few table indexes (an entry's topics, its languages), inline up to
/// four: no allocation per entry for the usual one to four, so loading
/// 150,000 entries' facts is one allocation, not 300,000.
pub(crate) type Codes = smallvec::SmallVec<[u16; 4]>;

/// The search index of one dataset.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// The dataset's `meta.id` and `meta.version` it was built from.
    pub(crate) dataset_id: String,
    pub(crate) dataset_version: String,
    /// Entry ids by doc number.
    pub(crate) ids: Ids,
    pub(crate) docs: Vec<DocFacts>,
    /// Normalised word → term number.
    pub(crate) terms: fst::Map<Vec<u8>>,
    /// Term number → its postings `doc << 2 | field`, sorted.
    pub(crate) postings: Lists,
    /// A whole name (normalised, words joined by spaces) → list number in
    /// `name_docs`: the entries whose name or short name is exactly it.
    pub(crate) names: fst::Map<Vec<u8>>,
    pub(crate) name_docs: Lists,
    /// Compound part → list number in `part_terms`.
    pub(crate) parts: fst::Map<Vec<u8>>,
    /// Lists of term numbers that have the part, with where it starts.
    pub(crate) part_terms: Lists,
    /// Synonym groups: members, each a list of normalised words.
    pub(crate) synonyms: Vec<Vec<Vec<String>>>,
    /// Single normalised word → groups it is a member of.
    pub(crate) synonym_lookup: HashMap<String, Vec<u32>>,
    /// Facet tables: display value and normalised key.
    pub(crate) cities: Vec<String>,
    /// Normalised city → its number, made on the first city filter (at
    /// 100k organisations normalising every city name cost a loaded
    /// index's start several milliseconds).
    pub(crate) city_keys: std::sync::OnceLock<HashMap<String, u32>>,
    pub(crate) topics: Vec<String>,
    pub(crate) languages: Vec<String>,
}

impl SearchIndex {
    /// How many entries the index holds.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True for an index of an empty dataset.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Distinct indexed words.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The `meta.id` of the dataset the index was built from.
    pub fn dataset_id(&self) -> &str {
        &self.dataset_id
    }

    /// The `meta.version` of the dataset the index was built from.
    pub fn dataset_version(&self) -> &str {
        &self.dataset_version
    }

    /// Decodes the posting lists once, so the searches after it read them
    /// as slices (several times faster than decoding them on every
    /// keystroke). A loaded index answers without it: the app calls it once
    /// the first results are painted, a built index has it done.
    pub fn decode_postings(&self) {
        self.postings.decode_all();
        self.part_terms.decode_all();
    }

    /// The number of the city whose normalised name is `key`.
    pub(crate) fn city_number(&self, key: &str) -> Option<u32> {
        self.city_keys
            .get_or_init(|| {
                self.cities
                    .iter()
                    .enumerate()
                    .map(|(i, c)| (text::normalize_text(c), i as u32))
                    .collect()
            })
            .get(key)
            .copied()
    }

    /// The city names the facet offers, as first written in the data.
    pub fn city_names(&self) -> &[String] {
        &self.cities
    }
}
