//! One entry of any type, borrowed ([`EntryRef`], from a decoded
//! [`Dataset`]) or owned ([`Entry`], decoded from the compact form), and
//! what a hit shows of it: its title and its city.

use crate::model::{Article, Contact, Dataset, Event, Forum, Organization, Project};
use crate::search::{DocRef, EntityType};

/// An entry of any type, borrowed.
#[derive(Debug, Clone, Copy)]
pub enum EntryRef<'a> {
    Organization(&'a Organization),
    Contact(&'a Contact),
    Forum(&'a Forum),
    Event(&'a Event),
    Project(&'a Project),
    Article(&'a Article),
}

/// An entry of any type, owned.
#[derive(Debug, Clone, PartialEq)]
pub enum Entry {
    Organization(Organization),
    Contact(Contact),
    Forum(Forum),
    Event(Event),
    Project(Project),
    Article(Article),
}

impl Entry {
    pub fn borrowed(&self) -> EntryRef<'_> {
        match self {
            Entry::Organization(x) => EntryRef::Organization(x),
            Entry::Contact(x) => EntryRef::Contact(x),
            Entry::Forum(x) => EntryRef::Forum(x),
            Entry::Event(x) => EntryRef::Event(x),
            Entry::Project(x) => EntryRef::Project(x),
            Entry::Article(x) => EntryRef::Article(x),
        }
    }
}

impl Dataset {
    /// The entry a hit points at.
    pub fn entry(&self, doc: DocRef) -> Option<EntryRef<'_>> {
        let i = doc.index as usize;
        Some(match doc.entity {
            EntityType::Organization => EntryRef::Organization(self.organizations.get(i)?),
            EntityType::Contact => EntryRef::Contact(self.contacts.get(i)?),
            EntityType::Forum => EntryRef::Forum(self.forums.get(i)?),
            EntityType::Event => EntryRef::Event(self.events.get(i)?),
            EntityType::Project => EntryRef::Project(self.projects.get(i)?),
            EntityType::Article => EntryRef::Article(self.articles.get(i)?),
        })
    }
}

impl<'a> EntryRef<'a> {
    /// The title the entry is shown with, in `lang` (the format's fallback
    /// with the dataset's `default` language otherwise): a name, a
    /// contact's name or role, an event's title.
    pub fn title(self, lang: &str, default: &str) -> String {
        match self {
            EntryRef::Organization(o) => o.name.clone(),
            EntryRef::Contact(c) => c
                .name
                .clone()
                .unwrap_or_else(|| c.role.resolve(lang, default).to_owned()),
            EntryRef::Forum(f) => f.name.clone(),
            EntryRef::Event(e) => e.title.resolve(lang, default).to_owned(),
            EntryRef::Project(p) => p.title.resolve(lang, default).to_owned(),
            EntryRef::Article(a) => a.title.resolve(lang, default).to_owned(),
        }
    }

    /// The city the entry is in, if it says.
    pub fn city(self) -> Option<&'a str> {
        match self {
            EntryRef::Organization(o) => Some(o.address.as_ref()?.city.as_str()),
            EntryRef::Contact(c) => c.area.as_ref()?.city.as_deref(),
            EntryRef::Forum(f) => Some(f.city.as_str()),
            EntryRef::Event(e) => e.city.as_deref(),
            EntryRef::Project(p) => p.city.as_deref(),
            EntryRef::Article(_) => None,
        }
    }
}
