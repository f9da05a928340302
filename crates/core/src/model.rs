//! The dataset model: one Rust type per entity of the published format
//! (`docs/dataset-format.md`, version 1).
//!
//! The types read every document the format allows. Field values whose rules
//! go beyond "is a string" (ids, URLs, e-mail, phones, dates, state codes) are
//! newtypes that deserialize any string; [`crate::validate`] checks them all
//! afterwards, so one document reports all of its problems at once instead of
//! stopping at the first bad value. The JSON Schema (`dialognetz schema`) is
//! generated from these types and carries the same rules for editors.

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize};

/// The value of the top-level `format` key.
pub const FORMAT_NAME: &str = "dialognetz-dataset";
/// The newest `format_version` this build reads.
pub const SUPPORTED_FORMAT_VERSION: u64 = 1;

/// Reads `null` as the type's default: the format says `null` in an optional
/// field means the field is absent.
fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// A string newtype with its own schema; the rule itself lives in `rules.rs`.
macro_rules! checked_string {
    ($(#[$doc:meta])* $name:ident, $schema:tt) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The value exactly as published.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

checked_string!(
    /// An entry's id: `[a-z0-9][a-z0-9-]{0,63}`, unique across the whole dataset.
    Id,
    {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,63}$",
     "description": "Lower-case letters, digits and hyphens, 1 to 64 characters, unique across all lists."}
);
checked_string!(
    /// An absolute `http:` or `https:` URL.
    Url,
    {"type": "string", "pattern": "^[hH][tT][tT][pP][sS]?://[^\\s/?#]+([/?#]\\S*)?$", "maxLength": 2048,
     "description": "An absolute http: or https: URL; no other scheme."}
);
checked_string!(
    /// An e-mail address; the app builds the `mailto:` link from it.
    Email,
    {"type": "string", "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "maxLength": 254,
     "description": "An e-mail address such as kora@sms.sachsen.de."}
);
checked_string!(
    /// A phone number as the publisher writes it; the app derives the `tel:` link.
    Phone,
    {"type": "string", "pattern": "^\\+?[0-9 ()/-]+$", "maxLength": 40,
     "description": "Digits, spaces and + ( ) / - only, as written (0351 56 45 49 49, +49 351 ...)."}
);
checked_string!(
    /// A German postcode: five digits.
    Postcode,
    {"type": "string", "pattern": "^[0-9]{5}$", "description": "Five digits, e.g. 01099."}
);
checked_string!(
    /// A German federal state as ISO 3166-2 code without `DE-`.
    StateCode,
    {"type": "string",
     "enum": ["BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"],
     "description": "German federal state, ISO 3166-2 without the DE- prefix."}
);
checked_string!(
    /// A BCP 47 language tag (`de`, `en`, `tr`, `ar`, `de-AT`).
    LanguageTag,
    {"type": "string", "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
     "description": "A BCP 47 language tag such as de, en, tr, ar."}
);
checked_string!(
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an RFC 3339 timestamp.
    Date,
    {"type": "string",
     "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2}))?)?)?$",
     "description": "A year (2024), a month (2024-03), a day (2024-03-06) or an RFC 3339 timestamp."}
);
checked_string!(
    /// An RFC 3339 timestamp with offset (`2024-02-15T09:00:00+01:00`).
    Timestamp,
    {"type": "string", "format": "date-time",
     "description": "An RFC 3339 timestamp with a time zone offset, e.g. 2024-02-15T09:00:00+01:00."}
);

/// Text in one or several languages. A plain string is in the dataset's
/// default language; an object maps language tags to text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum LocalizedText {
    /// Text in `meta.default_language`.
    Plain(String),
    /// Language tag → text, e.g. `{"de": "Moscheesicherheit", "en": "Mosque security"}`.
    Translated(BTreeMap<String, String>),
}

impl LocalizedText {
    /// The text to show: the wanted language, then the dataset's default
    /// language, then any (the format's fallback order).
    pub fn resolve<'a>(&'a self, wanted: &str, default_language: &str) -> &'a str {
        match self {
            LocalizedText::Plain(text) => text,
            LocalizedText::Translated(map) => map
                .get(wanted)
                .or_else(|| map.get(default_language))
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// Every text variant with its language tag (`None` for a plain string).
    pub fn variants(&self) -> Vec<(Option<&str>, &str)> {
        match self {
            LocalizedText::Plain(text) => vec![(None, text.as_str())],
            LocalizedText::Translated(map) => map
                .iter()
                .map(|(tag, text)| (Some(tag.as_str()), text.as_str()))
                .collect(),
        }
    }
}

/// Written by hand (not `untagged`) so a wrong value says what was expected.
impl<'de> Deserialize<'de> for LocalizedText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> serde::de::Visitor<'de> for TextVisitor {
            type Value = LocalizedText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a text, or an object of language tag to text")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(LocalizedText::Plain(v.to_owned()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(LocalizedText::Plain(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut texts = BTreeMap::new();
                while let Some((tag, text)) = map.next_entry::<String, String>()? {
                    texts.insert(tag, text);
                }
                Ok(LocalizedText::Translated(texts))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

impl From<&str> for LocalizedText {
    fn from(value: &str) -> Self {
        LocalizedText::Plain(value.to_owned())
    }
}

/// A place on the map, in WGS 84 degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Geo {
    /// Latitude, -90 to 90.
    #[schemars(range(min = -90.0, max = 90.0))]
    pub lat: f64,
    /// Longitude, -180 to 180.
    #[schemars(range(min = -180.0, max = 180.0))]
    pub lon: f64,
}

/// A postal address in Germany.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Address {
    /// Street and house number (`Albertstr. 10`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// Five-digit postcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<Postcode>,
    /// City or municipality.
    pub city: String,
    /// Federal state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<StateCode>,
}

/// The whole published document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(title = "Dialognetz dataset", extend("$id" = "https://dialognetz.example/dataset.schema.json"))]
pub struct Dataset {
    /// Always `dialognetz-dataset`.
    #[schemars(extend("const" = "dialognetz-dataset"))]
    pub format: String,
    /// The format version; this schema describes version 1.
    #[schemars(range(min = 1))]
    pub format_version: u64,
    /// Who published what, and when.
    pub meta: Meta,
    /// Topics that entries refer to by id.
    #[serde(default, deserialize_with = "null_as_default")]
    #[schemars(with = "Option<Vec<Topic>>", length(max = 500000))]
    pub topics: Vec<Topic>,
    /// Authorities, communities, associations, offices.
    #[serde(default, deserialize_with = "null_as_default")]
    #[schemars(with = "Option<Vec<Organization>>", length(max = 500000))]
    pub organizations: Vec<Organization>,
    /// Reachable contact points: a named person or a function.
    #[serde(default, deserialize_with = "null_as_default")]
    #[schemars(with = "Option<Vec<Contact>>", length(max = 500000))]
    pub contacts: Vec<Contact>,
    /// Local dialogue formats (security dialogues, round tables).
    #[serde(default, deserialize_with = "null_as_default")]
    #[schemars(with = "Option<Vec<Forum>>", length(max = 500000))]
    pub forums: Vec<Forum>,
    /// Conferences, trainings, meetings.
    #[serde(default, deserialize_with = "null_as_default")]
    #[schemars(with = "Option<Vec<Event>>", length(max = 500000))]
    pub events: Vec<Event>,
    /// Cooperation projects.
    #[serde(default, deserialize_with = "null_as_default")]
    #[schemars(with = "Option<Vec<Project>>", length(max = 500000))]
    pub projects: Vec<Project>,
    /// Content pages of the network.
    #[serde(default, deserialize_with = "null_as_default")]
    #[schemars(with = "Option<Vec<Article>>", length(max = 500000))]
    pub articles: Vec<Article>,
    /// Groups of words that search treats as equal.
    #[serde(default, deserialize_with = "null_as_default")]
    #[schemars(with = "Option<Vec<SynonymGroup>>", length(max = 500000))]
    pub synonyms: Vec<SynonymGroup>,
}

/// A group of at least two words that search treats as equal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct SynonymGroup(#[schemars(length(min = 2))] pub Vec<String>);

/// The dataset's identity and provenance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Meta {
    /// Identifies the dataset.
    pub id: Id,
    /// The dataset's title, shown at the top of the app.
    pub title: LocalizedText,
    /// Who publishes the data.
    pub publisher: String,
    /// Changes whenever the content changes.
    pub version: String,
    /// Shown to users as "data as of".
    pub published_at: Timestamp,
    /// Language of plain-string texts; `de` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_language: Option<LanguageTag>,
    /// SPDX licence id (`CC-BY-4.0`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// Where to report mistakes in the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<Email>,
    /// Set by `dialognetz generate`: the content is invented for tests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub synthetic: Option<bool>,
}

impl Meta {
    /// The language of plain-string texts.
    pub fn default_language(&self) -> &str {
        self.default_language
            .as_ref()
            .map(LanguageTag::as_str)
            .unwrap_or("de")
    }
}

/// A topic entries can be tagged with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Topic {
    pub id: Id,
    pub label: LocalizedText,
}

/// What kind of organisation an entry is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationKind {
    Police,
    SecurityAuthority,
    Government,
    Prevention,
    MosqueCommunity,
    MuslimAssociation,
    CulturalAssociation,
    CivilSociety,
    Education,
    Other,
}

impl OrganizationKind {
    /// Every kind, in the order of the format's table.
    pub const ALL: [OrganizationKind; 10] = [
        OrganizationKind::Police,
        OrganizationKind::SecurityAuthority,
        OrganizationKind::Government,
        OrganizationKind::Prevention,
        OrganizationKind::MosqueCommunity,
        OrganizationKind::MuslimAssociation,
        OrganizationKind::CulturalAssociation,
        OrganizationKind::CivilSociety,
        OrganizationKind::Education,
        OrganizationKind::Other,
    ];

    /// The value as written in the dataset (`mosque_community`).
    pub fn code(self) -> &'static str {
        match self {
            OrganizationKind::Police => "police",
            OrganizationKind::SecurityAuthority => "security_authority",
            OrganizationKind::Government => "government",
            OrganizationKind::Prevention => "prevention",
            OrganizationKind::MosqueCommunity => "mosque_community",
            OrganizationKind::MuslimAssociation => "muslim_association",
            OrganizationKind::CulturalAssociation => "cultural_association",
            OrganizationKind::CivilSociety => "civil_society",
            OrganizationKind::Education => "education",
            OrganizationKind::Other => "other",
        }
    }
}

/// An authority, community, association or office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Organization {
    pub id: Id,
    /// Full name, at most 300 characters.
    #[schemars(length(min = 1, max = 300))]
    pub name: String,
    /// Abbreviation people search for (`KORA`, `BAMF`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    pub kind: OrganizationKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<Geo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<Url>,
    /// Languages spoken there.
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<LanguageTag>>")]
    pub languages: Vec<LanguageTag>,
    /// The organisation this one belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<Id>>")]
    pub topics: Vec<Id>,
}

/// Where a contact is responsible.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Area {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<StateCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
}

/// A reachable contact point: a named person or a function. Has at least one
/// of `phone`, `mobile`, `email`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Contact {
    pub id: Id,
    /// The organisation the contact belongs to.
    pub organization: Id,
    /// A person's name; absent for a function.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What the contact is for ("Ansprechstelle Moscheesicherheit").
    pub role: LocalizedText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<Phone>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<LanguageTag>>")]
    pub languages: Vec<LanguageTag>,
    /// When the contact can be reached ("Mo–Fr 9–15 Uhr").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<LocalizedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Area>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<Id>>")]
    pub topics: Vec<Id>,
}

/// What kind of local dialogue format a forum is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ForumKind {
    SecurityDialogue,
    RoundTable,
    Network,
    Other,
}

/// A local dialogue format where authorities and communities meet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Forum {
    pub id: Id,
    #[schemars(length(min = 1, max = 300))]
    pub name: String,
    /// Absent means `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ForumKind>,
    pub city: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<StateCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<Geo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub established: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub formalized: Option<Date>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<Id>>")]
    pub members: Vec<Id>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<Id>>")]
    pub coordinators: Vec<Id>,
    /// The contact to ask about joining.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Id>,
    /// Cadence and place of meetings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<LocalizedText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_to_new_members: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<Id>>")]
    pub topics: Vec<Id>,
}

/// How to register for an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Registration {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<Url>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Date>,
}

/// A conference, training or meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Event {
    pub id: Id,
    pub title: LocalizedText,
    pub start: Date,
    /// Not before `start`; a coarser date covers its whole period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<StateCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organizer: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registration: Option<Registration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<Id>>")]
    pub topics: Vec<Id>,
}

/// A labelled link of a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Link {
    pub label: LocalizedText,
    pub url: Url,
}

/// A cooperation project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Project {
    pub id: Id,
    pub title: LocalizedText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<StateCode>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<Id>>")]
    pub partners: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funder: Option<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<Link>>")]
    pub links: Vec<Link>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<Id>>")]
    pub topics: Vec<Id>,
}

/// A content page of the network, with a CommonMark body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Article {
    pub id: Id,
    pub title: LocalizedText,
    /// CommonMark; raw HTML is shown as text, links must be http/https.
    pub body: LocalizedText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<Date>,
    #[serde(
        default,
        deserialize_with = "null_as_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    #[schemars(with = "Option<Vec<Id>>")]
    pub topics: Vec<Id>,
}

impl Dataset {
    /// Number of entries per list, in the format's order.
    pub fn counts(&self) -> Counts {
        Counts {
            topics: self.topics.len(),
            organizations: self.organizations.len(),
            contacts: self.contacts.len(),
            forums: self.forums.len(),
            events: self.events.len(),
            projects: self.projects.len(),
            articles: self.articles.len(),
            synonyms: self.synonyms.len(),
        }
    }
}

/// How many entries each list of a dataset has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub topics: usize,
    pub organizations: usize,
    pub contacts: usize,
    pub forums: usize,
    pub events: usize,
    pub projects: usize,
    pub articles: usize,
    pub synonyms: usize,
}
