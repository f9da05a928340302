//! What can go wrong while loading the data, and what the user should do.

use dialognetz_core::Problem;

use crate::i18n::{Lang, Text};

/// Loading the published dataset failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    /// No answer from the server (offline, DNS, CORS, aborted).
    #[error("network error: {0}")]
    Network(String),
    /// The server answered with an error status.
    #[error("the server answered {0}")]
    Status(u16),
    /// The body could not be read completely.
    #[error("the answer could not be read: {0}")]
    Body(String),
    /// The file arrived but is not a valid dataset.
    #[error("the dataset is invalid ({} problems)", .0.len())]
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// One sentence for the user: what happened and what to do.
    pub fn user_message(&self) -> Text {
        match self {
            LoadError::Network(_) => Text {
                de: "Die Daten konnten nicht geladen werden. Prüfen Sie die Internetverbindung und laden Sie die Seite neu.",
                en: "The data could not be loaded. Check the internet connection and reload the page.",
            },
            LoadError::Status(404) => Text {
                de: "Die Daten wurden auf dem Server nicht gefunden. Bitte melden Sie das den Herausgebern.",
                en: "The data was not found on the server. Please tell the publishers.",
            },
            LoadError::Status(_) => Text {
                de: "Der Server hat einen Fehler gemeldet. Versuchen Sie es später noch einmal.",
                en: "The server reported an error. Please try again later.",
            },
            LoadError::Body(_) => Text {
                de: "Die Daten kamen unvollständig an. Laden Sie die Seite neu, wenn die Verbindung besser ist.",
                en: "The data arrived incomplete. Reload the page when the connection is better.",
            },
            LoadError::Invalid(_) => Text {
                de: "Die veröffentlichten Daten sind fehlerhaft und werden nicht angezeigt. Bitte melden Sie das den Herausgebern.",
                en: "The published data is faulty and is not shown. Please tell the publishers.",
            },
        }
    }

    /// Details for the curious and for the publishers, in the user's language
    /// where there is one.
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Invalid(problems) => problems,
            _ => &[],
        }
    }

    /// The technical detail, shown small under the message.
    pub fn detail(&self, _lang: Lang) -> String {
        self.to_string()
    }
}
