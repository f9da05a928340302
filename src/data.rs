//! The loaded dataset with its search index and the lookups the pages need
//! (by id, and the relations the format only writes in one direction).

use std::collections::HashMap;
use std::sync::Arc;

use dialognetz_core::search::{DocRef, EntityType, SearchIndex};
use dialognetz_core::{Dataset, LocalizedText};

/// Everything the pages read, shared as one `Arc`.
pub struct AppData {
    pub dataset: Dataset,
    pub index: SearchIndex,
    /// (type, id) → position in the type's list.
    by_id: HashMap<(EntityType, String), u32>,
    /// Organisation id → its contacts.
    contacts_of: HashMap<String, Vec<u32>>,
    /// Organisation id → the organisations whose parent it is.
    children_of: HashMap<String, Vec<u32>>,
    /// Organisation id → the forums it is a member or coordinator of.
    forums_of: HashMap<String, Vec<u32>>,
    /// Topic id → its label.
    topics: HashMap<String, LocalizedText>,
}

/// The shared app data, as the pages get it from the context.
pub type Shared = Arc<AppData>;

impl AppData {
    /// Indexes a validated dataset.
    pub fn new(dataset: Dataset) -> AppData {
        let index = SearchIndex::build(&dataset);
        AppData::with_index(dataset, index)
    }

    /// Uses an index that was built before (the persisted one).
    pub fn with_index(dataset: Dataset, index: SearchIndex) -> AppData {
        let mut by_id = HashMap::new();
        let mut put = |entity: EntityType, ids: Vec<&str>| {
            for (i, id) in ids.into_iter().enumerate() {
                by_id.insert((entity, id.to_owned()), i as u32);
            }
        };
        put(
            EntityType::Organization,
            dataset
                .organizations
                .iter()
                .map(|o| o.id.as_str())
                .collect(),
        );
        put(
            EntityType::Contact,
            dataset.contacts.iter().map(|c| c.id.as_str()).collect(),
        );
        put(
            EntityType::Forum,
            dataset.forums.iter().map(|f| f.id.as_str()).collect(),
        );
        put(
            EntityType::Event,
            dataset.events.iter().map(|e| e.id.as_str()).collect(),
        );
        put(
            EntityType::Project,
            dataset.projects.iter().map(|p| p.id.as_str()).collect(),
        );
        put(
            EntityType::Article,
            dataset.articles.iter().map(|a| a.id.as_str()).collect(),
        );

        let mut contacts_of: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, c) in dataset.contacts.iter().enumerate() {
            contacts_of
                .entry(c.organization.as_str().to_owned())
                .or_default()
                .push(i as u32);
        }
        let mut children_of: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, o) in dataset.organizations.iter().enumerate() {
            if let Some(parent) = &o.parent {
                children_of
                    .entry(parent.as_str().to_owned())
                    .or_default()
                    .push(i as u32);
            }
        }
        let mut forums_of: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, f) in dataset.forums.iter().enumerate() {
            let mut seen = Vec::new();
            for org in f.members.iter().chain(&f.coordinators) {
                if !seen.contains(&org.as_str()) {
                    seen.push(org.as_str());
                    forums_of
                        .entry(org.as_str().to_owned())
                        .or_default()
                        .push(i as u32);
                }
            }
        }
        let topics = dataset
            .topics
            .iter()
            .map(|t| (t.id.as_str().to_owned(), t.label.clone()))
            .collect();
        AppData {
            dataset,
            index,
            by_id,
            contacts_of,
            children_of,
            forums_of,
            topics,
        }
    }

    /// Where the entry `id` of type `entity` is, if the data has it.
    pub fn find(&self, entity: EntityType, id: &str) -> Option<DocRef> {
        self.by_id
            .get(&(entity, id.to_owned()))
            .map(|&index| DocRef { entity, index })
    }

    /// The entry's title in `lang` (the format's fallback otherwise).
    pub fn title(&self, doc: DocRef, lang: &str) -> String {
        dialognetz_core::search::title_of(&self.dataset, doc, lang).unwrap_or_default()
    }

    /// A text in `lang`, by the format's fallback.
    pub fn text<'a>(&'a self, text: &'a LocalizedText, lang: &str) -> &'a str {
        text.resolve(lang, self.dataset.meta.default_language())
    }

    /// A topic's label in `lang`; the id if the data lacks the topic.
    pub fn topic_label(&self, id: &str, lang: &str) -> String {
        self.topics
            .get(id)
            .map(|label| self.text(label, lang).to_owned())
            .unwrap_or_else(|| id.to_owned())
    }

    /// An organisation's position by id.
    pub fn organization(&self, id: &str) -> Option<u32> {
        self.find(EntityType::Organization, id).map(|d| d.index)
    }

    pub fn contacts_of(&self, organization: &str) -> &[u32] {
        self.contacts_of
            .get(organization)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn children_of(&self, organization: &str) -> &[u32] {
        self.children_of
            .get(organization)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    pub fn forums_of(&self, organization: &str) -> &[u32] {
        self.forums_of
            .get(organization)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// The app's path of an entry's page (`/organization/org-kora`).
pub fn entity_path(entity: EntityType, id: &str) -> String {
    let mut path = format!("/{}/", entity.code());
    for byte in id.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                path.push(char::from(byte))
            }
            _ => path.push_str(&format!("%{byte:02X}")),
        }
    }
    path
}
