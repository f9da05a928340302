//! The user's favourites: a signal the pages read, kept in the store so they
//! survive reloads, offline starts and dataset updates.

use dialognetz_store::StoreError;
use leptos::prelude::*;

/// A saved entry: its type code, its id, and its title when it was saved (to
/// name it when a later dataset no longer has it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Favourite {
    pub kind: String,
    pub id: String,
    pub title: String,
    pub added_at: u64,
}

/// The favourites, newest first, and the last storage failure, if any.
#[derive(Clone, Copy)]
pub struct Favourites {
    pub items: RwSignal<Vec<Favourite>>,
    pub error: RwSignal<Option<StoreError>>,
}

impl Favourites {
    pub fn new() -> Favourites {
        Favourites {
            items: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
        }
    }

    /// Removes the entry from the favourites.
    pub fn remove(&self, kind: &str, id: &str) {
        self.items
            .update(|items| items.retain(|f| !(f.kind == kind && f.id == id)));
        let error = self.error;
        crate::storage::remove_favourite(kind.to_owned(), id.to_owned(), move |e| {
            error.set(Some(e))
        });
    }

    /// True when the entry is a favourite (tracks the signal).
    pub fn contains(&self, kind: &str, id: &str) -> bool {
        self.items
            .with(|items| items.iter().any(|f| f.kind == kind && f.id == id))
    }

    /// Adds the entry, or removes it when it is one already.
    pub fn toggle(&self, kind: &str, id: &str, title: &str) {
        if self.contains(kind, id) {
            self.remove(kind, id);
        } else {
            let favourite = Favourite {
                kind: kind.to_owned(),
                id: id.to_owned(),
                title: title.to_owned(),
                added_at: js_sys::Date::now() as u64,
            };
            self.items
                .update(|items| items.insert(0, favourite.clone()));
            let error = self.error;
            crate::storage::put_favourite(favourite, move |e| error.set(Some(e)));
            crate::storage::ask_to_persist();
        }
    }
}

impl Default for Favourites {
    fn default() -> Self {
        Favourites::new()
    }
}
