//! What can go wrong with storage, and what to tell the user about it.

/// A storage failure. Each kind has a [`user_message`](StoreError::user_message)
/// that says what to do; the inner text is for logs and the update log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The browser offers no storage (IndexedDB missing, refused in a
    /// private window, or broken): the app keeps data in memory only.
    #[error("storage is unavailable: {0}")]
    Unavailable(String),
    /// Another tab still has the storage open in an older version, so it
    /// cannot be upgraded.
    #[error("another tab holds the storage open in an older version")]
    Blocked,
    /// The browser's storage quota is used up.
    #[error("the storage is full")]
    QuotaExceeded,
    /// The connection was closed and could not be opened again.
    #[error("the storage connection was closed: {0}")]
    Closed(String),
    /// Another tab upgraded the storage to a newer version; this page's code
    /// is older than the data and must be reloaded.
    #[error("the storage was upgraded by a newer version of the app")]
    VersionChanged,
    /// A stored value cannot be read back as what was stored.
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    #[error("storage error: {0}")]
    Other(String),
}

/// A sentence for the user in German and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UserMessage {
    pub de: &'static str,
    pub en: &'static str,
}

impl StoreError {
    /// What to tell the user: what happened and what to do.
    pub fn user_message(&self) -> UserMessage {
        match self {
            StoreError::Unavailable(_) => UserMessage {
                de: "Dieser Browser speichert nichts (privates Fenster?). Dialognetz funktioniert, vergisst aber alles beim Schließen; für die Offline-Nutzung ein normales Fenster verwenden.",
                en: "This browser stores nothing (private window?). Dialognetz works but forgets everything when closed; use a normal window to use it offline.",
            },
            StoreError::Blocked => UserMessage {
                de: "Dialognetz ist noch in einem anderen Tab in einer älteren Version offen. Bitte die anderen Tabs von Dialognetz schließen.",
                en: "Dialognetz is still open in another tab in an older version. Please close the other tabs of Dialognetz.",
            },
            StoreError::QuotaExceeded => UserMessage {
                de: "Der Speicher des Browsers ist voll. Bitte Platz schaffen (Browserdaten anderer Seiten löschen) und es erneut versuchen.",
                en: "The browser's storage is full. Please free some space (clear other sites' data) and try again.",
            },
            StoreError::Closed(_) => UserMessage {
                de: "Die Verbindung zum Speicher ist abgerissen. Bitte die Seite neu laden.",
                en: "The connection to the storage was lost. Please reload the page.",
            },
            StoreError::VersionChanged => UserMessage {
                de: "Dialognetz wurde in einem anderen Tab aktualisiert. Bitte diese Seite neu laden.",
                en: "Dialognetz was updated in another tab. Please reload this page.",
            },
            StoreError::Corrupt(_) => UserMessage {
                de: "Gespeicherte Daten sind beschädigt. Bitte den Datenbestand neu laden, solange eine Verbindung besteht.",
                en: "Stored data is damaged. Please load the dataset again while you are online.",
            },
            StoreError::Other(_) => UserMessage {
                de: "Speichern ist fehlgeschlagen. Bitte die Seite neu laden und es erneut versuchen.",
                en: "Storing failed. Please reload the page and try again.",
            },
        }
    }

    /// Maps a `DOMException` by its name (the one stable part of it). A
    /// closed connection answers `InvalidStateError`; Safari's lost one
    /// ("Connection to Indexed Database server lost") `UnknownError`.
    pub fn from_dom_exception(name: &str, message: &str) -> StoreError {
        let detail = format!("{name}: {message}");
        match name {
            "QuotaExceededError" => StoreError::QuotaExceeded,
            "InvalidStateError" | "UnknownError" => StoreError::Closed(detail),
            _ => StoreError::Other(detail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dom_exceptions_map_by_name() {
        assert_eq!(
            StoreError::from_dom_exception("QuotaExceededError", "quota"),
            StoreError::QuotaExceeded
        );
        assert!(matches!(
            StoreError::from_dom_exception("InvalidStateError", "The database connection is closing."),
            StoreError::Closed(m) if m.contains("closing")
        ));
        assert!(matches!(
            StoreError::from_dom_exception(
                "UnknownError",
                "Connection to Indexed Database server lost. Refresh the page to try again"
            ),
            StoreError::Closed(_)
        ));
        assert!(matches!(
            StoreError::from_dom_exception("ConstraintError", "key already exists"),
            StoreError::Other(_)
        ));
    }

    #[test]
    fn every_error_tells_what_to_do_in_both_languages() {
        let all = [
            StoreError::Unavailable(String::new()),
            StoreError::Blocked,
            StoreError::QuotaExceeded,
            StoreError::Closed(String::new()),
            StoreError::VersionChanged,
            StoreError::Corrupt(String::new()),
            StoreError::Other(String::new()),
        ];
        let mut seen = std::collections::HashSet::new();
        for error in all {
            let m = error.user_message();
            assert!(m.de.ends_with('.') && m.en.ends_with('.'), "{error:?}");
            assert!(seen.insert(m.en), "{error:?} repeats another message");
        }
        assert!(StoreError::Blocked
            .user_message()
            .en
            .contains("close the other tabs of Dialognetz"));
    }
}
