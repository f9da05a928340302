//! Interface texts in every language the app speaks.
//!
//! A typed catalogue: each text is a [`Text`] literal with one field per
//! language, so a text missing in one language does not compile.

use leptos::prelude::*;

/// A language of the interface. German first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    /// Every interface language, in the order the switch shows them.
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The BCP 47 tag (`de`), used for `<html lang>`, Intl and dataset texts.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// The interface language for a tag such as `en-GB`, if the app has it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }
}

/// One interface text in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub de: &'static str,
    pub en: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.de,
            Lang::En => self.en,
        }
    }
}

/// The interface language, shared by every component.
#[derive(Debug, Clone, Copy)]
pub struct LangSignal(pub RwSignal<Lang>);

/// The current interface language (German where no context is provided).
pub fn use_lang() -> Signal<Lang> {
    match use_context::<LangSignal>() {
        Some(LangSignal(signal)) => signal.into(),
        None => Signal::stored(Lang::default()),
    }
}

/// Where the user's choice of language is remembered.
const STORAGE_KEY: &str = "dialognetz.lang";

/// The language to start with: the remembered choice, then the browser's
/// preferred languages, then German.
pub fn initial_lang() -> Lang {
    let window = web_sys::window();
    let remembered = window
        .as_ref()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|tag| Lang::from_tag(&tag));
    if let Some(lang) = remembered {
        return lang;
    }
    let preferred = window
        .map(|w| w.navigator().languages())
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_string())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    preferred
        .iter()
        .find_map(|tag| Lang::from_tag(tag))
        .unwrap_or_default()
}

/// Remembers the user's choice and sets `<html lang>`.
pub fn apply_lang(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

/// The interface texts.
pub mod texts {
    use super::Text;

    pub const APP_NAME: Text = Text {
        de: "Dialognetz",
        en: "Dialognetz",
    };
    pub const TAGLINE: Text = Text {
        de: "Kontakte und Dialogforen von Polizei und muslimischen Gemeinden",
        en: "Contacts and dialogue forums of police and Muslim communities",
    };
    pub const LANGUAGE: Text = Text {
        de: "Sprache",
        en: "Language",
    };
    pub const LOADING: Text = Text {
        de: "Daten werden geladen …",
        en: "Loading data …",
    };
    pub const DATA_AS_OF: Text = Text {
        de: "Stand der Daten",
        en: "Data as of",
    };
    pub const PUBLISHER: Text = Text {
        de: "Herausgeber",
        en: "Publisher",
    };
    pub const VERSION: Text = Text {
        de: "Version",
        en: "Version",
    };
    pub const CONTENTS: Text = Text {
        de: "Inhalt",
        en: "Contents",
    };
    pub const ORGANIZATIONS: Text = Text {
        de: "Organisationen",
        en: "Organisations",
    };
    pub const CONTACTS: Text = Text {
        de: "Kontakte",
        en: "Contacts",
    };
    pub const FORUMS: Text = Text {
        de: "Dialogforen",
        en: "Dialogue forums",
    };
    pub const EVENTS: Text = Text {
        de: "Veranstaltungen",
        en: "Events",
    };
    pub const PROJECTS: Text = Text {
        de: "Projekte",
        en: "Projects",
    };
    pub const ARTICLES: Text = Text {
        de: "Artikel",
        en: "Articles",
    };
    pub const TOPICS: Text = Text {
        de: "Themen",
        en: "Topics",
    };
    pub const SYNTHETIC: Text = Text {
        de: "Synthetische Testdaten: alle Einträge sind erfunden.",
        en: "Synthetic test data: every entry is invented.",
    };
    pub const PROBLEMS_FOUND: Text = Text {
        de: "Gefundene Fehler (für die Herausgeber):",
        en: "Problems found (for the publishers):",
    };
    pub const MORE_PROBLEMS: Text = Text {
        de: "weitere",
        en: "more",
    };
    pub const RELOAD: Text = Text {
        de: "Neu laden",
        en: "Reload",
    };
    pub const NOT_FOUND: Text = Text {
        de: "Diese Seite gibt es nicht.",
        en: "This page does not exist.",
    };
    pub const TO_START: Text = Text {
        de: "Zur Startseite",
        en: "To the start page",
    };
    pub const SKIP_TO_CONTENT: Text = Text {
        de: "Zum Inhalt springen",
        en: "Skip to content",
    };
    pub const POSTCODE_ATTRIBUTION: Text = Text {
        de: "Postleitzahlen: GeoNames (geonames.org), CC BY 4.0",
        en: "Postcodes: GeoNames (geonames.org), CC BY 4.0",
    };
}
