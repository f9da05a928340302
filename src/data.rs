//! The loaded dataset with its search index and the lookups the pages need
//! (by id, and the relations the format only writes in one direction).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use dialognetz_core::compact::{
    directory_len, to_compact, CompactDataset, CompactError, RecordBytes, Relative,
    COMPACT_HEADER_LEN,
};
use dialognetz_core::search::{DocRef, EntityType, SearchIndex};
use dialognetz_core::{Dataset, LocalizedText};
use dialognetz_store::StoredBytes;
use send_wrapper::SendWrapper;

/// Everything the pages read, shared as one `Arc`. The entries stay in
/// their compact form and are decoded as a page shows them: a returning
/// start with 100,000 organisations decodes twenty, not all of them.
pub struct AppData {
    pub dataset: CompactDataset,
    pub index: SearchIndex,
    /// Topic id → its label.
    topics: HashMap<String, LocalizedText>,
}

/// The shared app data, as the pages get it from the context.
pub type Shared = Arc<AppData>;

impl AppData {
    /// Indexes a validated dataset.
    pub fn new(dataset: &Dataset) -> Result<AppData, CompactError> {
        let index = SearchIndex::build(dataset);
        Ok(AppData::with_index(
            CompactDataset::from_bytes(to_compact(dataset))?,
            index,
        ))
    }

    /// Uses an index that was built before (the persisted one).
    pub fn with_index(dataset: CompactDataset, index: SearchIndex) -> AppData {
        let topics = dataset
            .topics()
            .iter()
            .map(|t| (t.id.as_str().to_owned(), t.label.clone()))
            .collect();
        AppData {
            dataset,
            index,
            topics,
        }
    }

    /// Where the entry `id` of type `entity` is, if the data has it.
    pub fn find(&self, entity: EntityType, id: &str) -> Option<DocRef> {
        self.dataset
            .position(entity, id)
            .map(|index| DocRef { entity, index })
    }

    /// The entry's title in `lang` (the format's fallback otherwise).
    pub fn title(&self, doc: DocRef, lang: &str) -> String {
        self.dataset
            .entry(doc)
            .map(|e| {
                e.borrowed()
                    .title(lang, self.dataset.meta().default_language())
            })
            .unwrap_or_default()
    }

    /// The city the entry is in, if it says.
    pub fn city(&self, doc: DocRef) -> Option<String> {
        self.dataset
            .entry(doc)
            .and_then(|e| e.borrowed().city().map(str::to_owned))
    }

    /// A text in `lang`, by the format's fallback.
    pub fn text<'a>(&'a self, text: &'a LocalizedText, lang: &str) -> &'a str {
        text.resolve(lang, self.dataset.meta().default_language())
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
        self.dataset.position(EntityType::Organization, id)
    }

    fn relatives(&self, organization: &str, relative: Relative) -> Vec<u32> {
        self.organization(organization)
            .map(|org| self.dataset.relatives(org, relative))
            .unwrap_or_default()
    }

    pub fn contacts_of(&self, organization: &str) -> Vec<u32> {
        self.relatives(organization, Relative::Contacts)
    }

    pub fn children_of(&self, organization: &str) -> Vec<u32> {
        self.relatives(organization, Relative::Children)
    }

    pub fn forums_of(&self, organization: &str) -> Vec<u32> {
        self.relatives(organization, Relative::Forums)
    }
}

/// The stored compact form, opened: its directory (tables and ids, 8 MB at
/// 100k organisations) copied into WebAssembly memory, its records left
/// where IndexedDB read them (50 MB there), each copied over as a page
/// shows it. Copying all of it cost a returning start at 100k some 60 ms.
pub fn open_stored_form(bytes: StoredBytes) -> Result<CompactDataset, CompactError> {
    let header = bytes
        .read(0..COMPACT_HEADER_LEN)
        .ok_or(CompactError::NotCompact)?;
    let directory_len = directory_len(&header)?;
    let directory = bytes
        .read(0..directory_len)
        .ok_or(CompactError::Damaged)?
        .into_owned();
    let records = bytes.tail(directory_len).ok_or(CompactError::Damaged)?;
    CompactDataset::from_parts(
        directory,
        Box::new(StoredRecords(SendWrapper::new(records))),
    )
}

/// The records of a stored compact form. The app runs on one thread; the
/// wrapper gives the JavaScript buffer the `Send` the shared data needs
/// (and would panic if another thread ever touched it).
struct StoredRecords(SendWrapper<StoredBytes>);

impl RecordBytes for StoredRecords {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn read(&self, range: std::ops::Range<usize>) -> Option<Cow<'_, [u8]>> {
        self.0.read(range)
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
