//! Interface texts in every language the app speaks.
//!
//! A typed catalogue: each text is a [`Text`] made from an array with one
//! entry per language, so a text missing in one language does not compile
//! (the array would be too short), and the tests check that none is empty.

use leptos::prelude::*;

/// A language of the interface. German first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    De,
    En,
    Tr,
    Ar,
}

impl Lang {
    /// Every interface language, in the order the switch shows them.
    pub const ALL: [Lang; 4] = [Lang::De, Lang::En, Lang::Tr, Lang::Ar];

    /// The BCP 47 tag (`de`), used for `<html lang>`, Intl and dataset texts.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Tr => "tr",
            Lang::Ar => "ar",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
            Lang::Tr => "Türkçe",
            Lang::Ar => "العربية",
        }
    }

    /// Writing direction, for `<html dir>`: Arabic mirrors the layout.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The interface language for a tag such as `en-GB`, if the app has it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.tag() == primary)
    }

    fn position(self) -> usize {
        self as usize
    }
}

/// One interface text in every language, in the order of [`Lang::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text([&'static str; 4]);

impl Text {
    /// A text from its translations: German, English, Turkish, Arabic.
    pub const fn new(translations: [&'static str; 4]) -> Text {
        Text(translations)
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &'static str {
        self.0[lang.position()]
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

/// Where the user's choice of language is remembered. `localStorage` is
/// read synchronously before the first paint, so the page never flashes in
/// the wrong language or direction.
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

/// Sets `<html lang dir>` for `lang`.
pub fn apply_lang(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.tag());
        let _ = root.set_attribute("dir", lang.dir());
    }
}

/// Remembers the user's explicit choice (only then: a browser whose
/// languages change later still decides for someone who never chose).
pub fn remember_lang(lang: Lang) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
}

/// "12 results", with the count in the locale's digits.
pub fn results_count(count: usize, formatted: &str, lang: Lang) -> String {
    match (lang, count) {
        (Lang::De, 1) => "1 Ergebnis".to_owned(),
        (Lang::De, _) => format!("{formatted} Ergebnisse"),
        (Lang::En, 1) => "1 result".to_owned(),
        (Lang::En, _) => format!("{formatted} results"),
        (Lang::Tr, _) => format!("{formatted} sonuç"),
        // Arabic plural forms vary with the number; "results: n" reads
        // right for every n.
        (Lang::Ar, _) => format!("النتائج: {formatted}"),
    }
}

/// "3 more" on a "show more" button.
pub fn more_count(count: usize, lang: Lang) -> String {
    match lang {
        Lang::De => format!("{count} weitere anzeigen"),
        Lang::En => format!("Show {count} more"),
        Lang::Tr => format!("{count} tane daha göster"),
        Lang::Ar => format!("عرض {count} إضافية"),
    }
}

/// A distance such as "2,4 km" in the locale's decimal separator.
pub fn distance(km: f64, lang: Lang) -> String {
    let text = if km < 10.0 {
        format!("{km:.1}")
    } else {
        format!("{km:.0}")
    };
    let text = match lang {
        Lang::De | Lang::Tr => text.replace('.', ","),
        Lang::En => text,
        Lang::Ar => text.replace('.', "٫"),
    };
    format!("{text} km")
}

/// The interface texts.
pub mod texts {
    use super::Text;

    pub const APP_NAME: Text = Text::new(["Dialognetz", "Dialognetz", "Dialognetz", "Dialognetz"]);
    pub const TAGLINE: Text = Text::new([
        "Kontakte und Dialogforen von Polizei und muslimischen Gemeinden",
        "Contacts and dialogue forums of police and Muslim communities",
        "Polis ve Müslüman cemaatlerin iletişim bilgileri ve diyalog forumları",
        "جهات الاتصال ومنتديات الحوار بين الشرطة والجاليات المسلمة",
    ]);
    pub const LANGUAGE: Text = Text::new(["Sprache", "Language", "Dil", "اللغة"]);
    pub const MAIN_NAV: Text = Text::new([
        "Hauptnavigation",
        "Main navigation",
        "Ana menü",
        "التنقل الرئيسي",
    ]);
    pub const NAV_SEARCH: Text = Text::new(["Suche", "Search", "Arama", "بحث"]);
    pub const NAV_FAVOURITES: Text = Text::new(["Favoriten", "Favourites", "Favoriler", "المفضلة"]);
    pub const NAV_ABOUT: Text = Text::new([
        "Über & Einstellungen",
        "About & settings",
        "Hakkında ve ayarlar",
        "حول التطبيق والإعدادات",
    ]);
    pub const LOADING: Text = Text::new([
        "Daten werden geladen …",
        "Loading data …",
        "Veriler yükleniyor …",
        "جارٍ تحميل البيانات …",
    ]);
    pub const DATA_AS_OF: Text = Text::new([
        "Stand der Daten",
        "Data as of",
        "Veri tarihi",
        "تاريخ البيانات",
    ]);
    pub const PUBLISHER: Text = Text::new(["Herausgeber", "Publisher", "Yayıncı", "الناشر"]);
    pub const VERSION: Text = Text::new(["Version", "Version", "Sürüm", "الإصدار"]);
    pub const CONTENTS: Text = Text::new(["Inhalt", "Contents", "İçerik", "المحتوى"]);
    pub const ORGANIZATIONS: Text =
        Text::new(["Organisationen", "Organisations", "Kuruluşlar", "المنظمات"]);
    pub const CONTACTS: Text =
        Text::new(["Kontakte", "Contacts", "İletişim kişileri", "جهات الاتصال"]);
    pub const FORUMS: Text = Text::new([
        "Dialogforen",
        "Dialogue forums",
        "Diyalog forumları",
        "منتديات الحوار",
    ]);
    pub const EVENTS: Text = Text::new(["Veranstaltungen", "Events", "Etkinlikler", "الفعاليات"]);
    pub const PROJECTS: Text = Text::new(["Projekte", "Projects", "Projeler", "المشاريع"]);
    pub const ARTICLES: Text = Text::new(["Artikel", "Articles", "Makaleler", "المقالات"]);
    pub const TOPICS: Text = Text::new(["Themen", "Topics", "Konular", "المواضيع"]);
    pub const ORGANIZATION: Text = Text::new(["Organisation", "Organisation", "Kuruluş", "منظمة"]);
    pub const CONTACT: Text = Text::new(["Kontakt", "Contact", "İletişim kişisi", "جهة اتصال"]);
    pub const FORUM: Text = Text::new([
        "Dialogforum",
        "Dialogue forum",
        "Diyalog forumu",
        "منتدى حوار",
    ]);
    pub const EVENT: Text = Text::new(["Veranstaltung", "Event", "Etkinlik", "فعالية"]);
    pub const PROJECT: Text = Text::new(["Projekt", "Project", "Proje", "مشروع"]);
    pub const ARTICLE: Text = Text::new(["Artikel", "Article", "Makale", "مقالة"]);
    pub const SYNTHETIC: Text = Text::new([
        "Synthetische Testdaten: alle Einträge sind erfunden.",
        "Synthetic test data: every entry is invented.",
        "Sentetik test verileri: tüm kayıtlar uydurmadır.",
        "بيانات اختبار اصطناعية: جميع الإدخالات مختلقة.",
    ]);
    pub const PROBLEMS_FOUND: Text = Text::new([
        "Gefundene Fehler (für die Herausgeber):",
        "Problems found (for the publishers):",
        "Bulunan hatalar (yayıncılar için):",
        "الأخطاء المكتشفة (للناشرين):",
    ]);
    pub const MORE_PROBLEMS: Text = Text::new(["weitere", "more", "daha", "أخرى"]);
    pub const RELOAD: Text = Text::new(["Neu laden", "Reload", "Yeniden yükle", "إعادة التحميل"]);
    pub const NOT_FOUND: Text = Text::new([
        "Diese Seite gibt es nicht.",
        "This page does not exist.",
        "Bu sayfa mevcut değil.",
        "هذه الصفحة غير موجودة.",
    ]);
    pub const TO_START: Text = Text::new([
        "Zur Startseite",
        "To the start page",
        "Ana sayfaya",
        "إلى الصفحة الرئيسية",
    ]);
    pub const SKIP_TO_CONTENT: Text = Text::new([
        "Zum Inhalt springen",
        "Skip to content",
        "İçeriğe geç",
        "انتقل إلى المحتوى",
    ]);
    pub const POSTCODE_ATTRIBUTION: Text = Text::new([
        "Postleitzahlen: GeoNames (geonames.org), CC BY 4.0",
        "Postcodes: GeoNames (geonames.org), CC BY 4.0",
        "Posta kodları: GeoNames (geonames.org), CC BY 4.0",
        "الرموز البريدية: GeoNames (geonames.org)، CC BY 4.0",
    ]);
    pub const SEARCH_TITLE: Text = Text::new([
        "Kontakte, Foren und Veranstaltungen finden",
        "Find contacts, forums and events",
        "İletişim kişileri, forumlar ve etkinlikler bulun",
        "ابحث عن جهات الاتصال والمنتديات والفعاليات",
    ]);
    pub const SEARCH_LABEL: Text = Text::new([
        "Suche nach Name, Ort, Thema oder Telefonnummer",
        "Search by name, place, topic or phone number",
        "Ad, yer, konu veya telefon numarasına göre arayın",
        "ابحث بالاسم أو المكان أو الموضوع أو رقم الهاتف",
    ]);
    pub const SEARCH_PLACEHOLDER: Text = Text::new([
        "z. B. Moschee Dresden, kripo, 24103",
        "e.g. Moschee Dresden, kripo, 24103",
        "ör. Moschee Dresden, kripo, 24103",
        "مثلاً Moschee Dresden أو kripo أو 24103",
    ]);
    pub const SEARCH_HINT: Text = Text::new([
        "Tippen genügt: Umlaute, Tippfehler und Wortteile werden gefunden.",
        "Just type: umlauts, typos and parts of words are found.",
        "Yazmanız yeterli: umlautlar, yazım hataları ve kelime parçaları bulunur.",
        "اكتب فقط: يتم العثور على الأحرف الألمانية الخاصة والأخطاء الإملائية وأجزاء الكلمات.",
    ]);
    pub const NO_RESULTS: Text = Text::new([
        "Nichts gefunden.",
        "Nothing found.",
        "Hiçbir şey bulunamadı.",
        "لم يتم العثور على شيء.",
    ]);
    pub const NO_RESULTS_TRY: Text = Text::new([
        "Versuchen Sie weniger Wörter, eine andere Schreibweise oder einen Ortsnamen.",
        "Try fewer words, another spelling or a place name.",
        "Daha az kelime, farklı bir yazım veya bir yer adı deneyin.",
        "جرّب كلمات أقل أو تهجئة أخرى أو اسم مكان.",
    ]);
    pub const REMOVE_FILTERS: Text = Text::new([
        "Alle Filter entfernen",
        "Remove all filters",
        "Tüm filtreleri kaldır",
        "إزالة جميع عوامل التصفية",
    ]);
    pub const PARTIAL: Text = Text::new([
        "Kein Eintrag enthält alle Wörter. Gezeigt werden die Einträge mit den meisten.",
        "No entry has all the words. Shown are the entries with the most of them.",
        "Hiçbir kayıt tüm kelimeleri içermiyor. En çok kelimeyi içeren kayıtlar gösteriliyor.",
        "لا يحتوي أي إدخال على جميع الكلمات. تُعرض الإدخالات التي تحتوي على أكبر عدد منها.",
    ]);
    pub const SHOW_MORE: Text = Text::new([
        "Mehr anzeigen",
        "Show more",
        "Daha fazla göster",
        "عرض المزيد",
    ]);
    pub const FILTERS: Text = Text::new(["Filter", "Filters", "Filtreler", "عوامل التصفية"]);
    pub const FACET_TYPE: Text = Text::new([
        "Art des Eintrags",
        "Type of entry",
        "Kayıt türü",
        "نوع الإدخال",
    ]);
    pub const FACET_KIND: Text = Text::new([
        "Art der Organisation",
        "Kind of organisation",
        "Kuruluş türü",
        "نوع المنظمة",
    ]);
    pub const FACET_STATE: Text = Text::new(["Bundesland", "Federal state", "Eyalet", "الولاية"]);
    pub const FACET_CITY: Text = Text::new(["Ort", "Place", "Yer", "المكان"]);
    pub const FACET_TOPIC: Text = Text::new(["Thema", "Topic", "Konu", "الموضوع"]);
    pub const FACET_LANGUAGE: Text = Text::new([
        "Gesprochene Sprache",
        "Language spoken",
        "Konuşulan dil",
        "اللغة المحكية",
    ]);
    pub const FACET_MORE: Text = Text::new(["Weitere", "More", "Diğer", "المزيد"]);
    pub const OPEN_TO_NEW: Text = Text::new([
        "Offen für neue Mitglieder",
        "Open to new members",
        "Yeni üyelere açık",
        "مفتوح لأعضاء جدد",
    ]);
    pub const UPCOMING: Text = Text::new([
        "Kommende Veranstaltungen",
        "Upcoming events",
        "Yaklaşan etkinlikler",
        "الفعاليات القادمة",
    ]);
    pub const PAST: Text = Text::new([
        "Vergangene Veranstaltungen",
        "Past events",
        "Geçmiş etkinlikler",
        "الفعاليات السابقة",
    ]);
    pub const NEAR_TITLE: Text = Text::new(["In der Nähe", "Nearby", "Yakında", "بالقرب"]);
    pub const NEAR_ME: Text = Text::new(["In meiner Nähe", "Near me", "Yakınımda", "بالقرب مني"]);
    pub const NEAR_EXPLAIN: Text = Text::new([
        "Ihr Standort wird nur auf diesem Gerät verwendet, um nach Entfernung zu sortieren. Er wird nicht gesendet.",
        "Your location is only used on this device to sort by distance. It is not sent anywhere.",
        "Konumunuz yalnızca bu cihazda mesafeye göre sıralamak için kullanılır. Hiçbir yere gönderilmez.",
        "يُستخدم موقعك على هذا الجهاز فقط للترتيب حسب المسافة، ولا يُرسل إلى أي مكان.",
    ]);
    pub const NEAR_PLACE_LABEL: Text = Text::new([
        "Postleitzahl oder Ort",
        "Postcode or place",
        "Posta kodu veya yer",
        "الرمز البريدي أو المكان",
    ]);
    pub const NEAR_APPLY: Text = Text::new([
        "Nach Entfernung sortieren",
        "Sort by distance",
        "Mesafeye göre sırala",
        "الترتيب حسب المسافة",
    ]);
    pub const NEAR_CLEAR: Text = Text::new([
        "Ort entfernen",
        "Remove place",
        "Yeri kaldır",
        "إزالة المكان",
    ]);
    pub const NEAR_UNKNOWN: Text = Text::new([
        "Diesen Ort kennen wir nicht. Versuchen Sie eine Postleitzahl.",
        "This place is not known. Try a postcode.",
        "Bu yer bilinmiyor. Bir posta kodu deneyin.",
        "هذا المكان غير معروف. جرّب رمزاً بريدياً.",
    ]);
    pub const NEAR_LOCATING: Text = Text::new([
        "Standort wird ermittelt …",
        "Finding your location …",
        "Konumunuz belirleniyor …",
        "جارٍ تحديد موقعك …",
    ]);
    pub const LOCATION_DENIED: Text = Text::new([
        "Der Standort ist nicht verfügbar oder nicht freigegeben. Geben Sie eine Postleitzahl ein.",
        "The location is not available or not allowed. Enter a postcode.",
        "Konum kullanılamıyor veya izin verilmedi. Bir posta kodu girin.",
        "الموقع غير متاح أو غير مسموح به. أدخل رمزاً بريدياً.",
    ]);
    pub const SORTED_BY_DISTANCE_FROM: Text = Text::new([
        "Nach Entfernung sortiert ab",
        "Sorted by distance from",
        "Şuradan uzaklığa göre sıralandı:",
        "مرتبة حسب المسافة من",
    ]);
    pub const MY_LOCATION: Text = Text::new(["meinem Standort", "my location", "konumum", "موقعي"]);
    pub const RADIUS: Text = Text::new(["Umkreis", "Radius", "Yarıçap", "نطاق البحث"]);
    pub const RADIUS_ANY: Text = Text::new(["beliebig", "any", "herhangi", "أي مسافة"]);
    pub const ADDRESS: Text = Text::new(["Adresse", "Address", "Adres", "العنوان"]);
    pub const PHONE: Text = Text::new(["Telefon", "Phone", "Telefon", "الهاتف"]);
    pub const MOBILE: Text = Text::new(["Mobil", "Mobile", "Cep telefonu", "الجوال"]);
    pub const EMAIL: Text = Text::new(["E-Mail", "E-mail", "E-posta", "البريد الإلكتروني"]);
    pub const WEBSITE: Text = Text::new(["Webseite", "Website", "Web sitesi", "الموقع الإلكتروني"]);
    pub const COORDINATES: Text = Text::new([
        "Koordinaten (für Karten-Apps)",
        "Coordinates (for map apps)",
        "Koordinatlar (harita uygulamaları için)",
        "الإحداثيات (لتطبيقات الخرائط)",
    ]);
    pub const LANGUAGES_SPOKEN: Text = Text::new(["Sprachen", "Languages", "Diller", "اللغات"]);
    pub const BELONGS_TO: Text =
        Text::new(["Gehört zu", "Part of", "Bağlı olduğu kuruluş", "تابع لـ"]);
    pub const SUBORGANIZATIONS: Text = Text::new([
        "Untergliederungen",
        "Sub-organisations",
        "Alt kuruluşlar",
        "المنظمات التابعة",
    ]);
    pub const MEMBER_OF: Text = Text::new(["Mitglied in", "Member of", "Üyesi olduğu", "عضو في"]);
    pub const ROLE: Text = Text::new(["Aufgabe", "Role", "Görev", "المهمة"]);
    pub const AVAILABILITY: Text = Text::new([
        "Erreichbarkeit",
        "Availability",
        "Ulaşılabilirlik",
        "أوقات التواصل",
    ]);
    pub const AREA: Text = Text::new([
        "Zuständig für",
        "Responsible for",
        "Sorumlu olduğu bölge",
        "مسؤول عن",
    ]);
    pub const MEMBERS: Text = Text::new(["Mitglieder", "Members", "Üyeler", "الأعضاء"]);
    pub const COORDINATORS: Text =
        Text::new(["Koordination", "Coordination", "Koordinasyon", "التنسيق"]);
    pub const MEETING: Text = Text::new(["Treffen", "Meetings", "Toplantılar", "الاجتماعات"]);
    pub const HOW_TO_JOIN: Text = Text::new([
        "Mitmachen",
        "How to join",
        "Nasıl katılınır",
        "كيفية الانضمام",
    ]);
    pub const JOIN_ASK: Text = Text::new([
        "Fragen Sie diesen Kontakt:",
        "Ask this contact:",
        "Bu kişiye sorun:",
        "اسأل جهة الاتصال هذه:",
    ]);
    pub const OPEN_NO: Text = Text::new([
        "Nimmt derzeit keine neuen Mitglieder auf.",
        "Not taking new members at present.",
        "Şu anda yeni üye kabul etmiyor.",
        "لا يقبل أعضاء جدد حالياً.",
    ]);
    pub const ESTABLISHED: Text = Text::new(["Besteht seit", "Since", "Kuruluş", "قائم منذ"]);
    pub const FORMALIZED: Text = Text::new([
        "Vereinbarung unterzeichnet",
        "Agreement signed",
        "Anlaşma imzalandı",
        "تم توقيع الاتفاقية",
    ]);
    pub const DATE: Text = Text::new(["Datum", "Date", "Tarih", "التاريخ"]);
    pub const VENUE: Text = Text::new([
        "Veranstaltungsort",
        "Venue",
        "Etkinlik yeri",
        "مكان الفعالية",
    ]);
    pub const REGISTRATION: Text = Text::new(["Anmeldung", "Registration", "Kayıt", "التسجيل"]);
    pub const DEADLINE: Text = Text::new([
        "Anmeldeschluss",
        "Registration deadline",
        "Son kayıt tarihi",
        "آخر موعد للتسجيل",
    ]);
    pub const DEADLINE_PASSED: Text = Text::new([
        "Der Anmeldeschluss ist vorbei.",
        "The registration deadline has passed.",
        "Son kayıt tarihi geçti.",
        "انتهى موعد التسجيل.",
    ]);
    pub const EVENT_PAST: Text = Text::new([
        "Diese Veranstaltung ist vorbei.",
        "This event is over.",
        "Bu etkinlik sona erdi.",
        "انتهت هذه الفعالية.",
    ]);
    pub const ORGANIZER: Text = Text::new(["Veranstalter", "Organiser", "Düzenleyen", "المنظِّم"]);
    pub const PERIOD: Text = Text::new(["Zeitraum", "Period", "Dönem", "الفترة"]);
    pub const PARTNERS: Text = Text::new(["Partner", "Partners", "Ortaklar", "الشركاء"]);
    pub const FUNDER: Text = Text::new(["Gefördert von", "Funded by", "Destekleyen", "بتمويل من"]);
    pub const LINKS: Text = Text::new(["Links", "Links", "Bağlantılar", "روابط"]);
    pub const PUBLISHED: Text =
        Text::new(["Veröffentlicht", "Published", "Yayınlandı", "تاريخ النشر"]);
    pub const ENTITY_NOT_FOUND: Text = Text::new([
        "Diesen Eintrag gibt es in den Daten nicht (mehr).",
        "This entry is not (or no longer) in the data.",
        "Bu kayıt verilerde yok (artık yok).",
        "هذا الإدخال غير موجود في البيانات (أو لم يعد موجوداً).",
    ]);
    pub const CALL: Text = Text::new(["Anrufen", "Call", "Ara", "اتصال"]);
    pub const WRITE_EMAIL: Text = Text::new([
        "E-Mail schreiben",
        "Write an e-mail",
        "E-posta yaz",
        "كتابة بريد إلكتروني",
    ]);
    pub const SAVE_CONTACT: Text = Text::new([
        "Kontakt speichern",
        "Save contact",
        "Kişiyi kaydet",
        "حفظ جهة الاتصال",
    ]);
    pub const ADD_TO_CALENDAR: Text = Text::new([
        "In den Kalender",
        "Add to calendar",
        "Takvime ekle",
        "إضافة إلى التقويم",
    ]);
    pub const SHARE: Text = Text::new(["Teilen", "Share", "Paylaş", "مشاركة"]);
    pub const LINK_COPIED: Text = Text::new([
        "Link kopiert.",
        "Link copied.",
        "Bağlantı kopyalandı.",
        "تم نسخ الرابط.",
    ]);
    pub const COPY_FAILED: Text = Text::new([
        "Kopieren nicht möglich. Der Link steht in der Adresszeile.",
        "Cannot copy. The link is in the address bar.",
        "Kopyalanamadı. Bağlantı adres çubuğunda.",
        "تعذّر النسخ. الرابط موجود في شريط العنوان.",
    ]);
    pub const FAVOURITE_ADD: Text = Text::new([
        "Als Favorit merken",
        "Save as favourite",
        "Favorilere ekle",
        "حفظ في المفضلة",
    ]);
    pub const FAVOURITE_REMOVE: Text = Text::new([
        "Aus den Favoriten entfernen",
        "Remove from favourites",
        "Favorilerden çıkar",
        "إزالة من المفضلة",
    ]);
    pub const FAVOURITES_TITLE: Text =
        Text::new(["Favoriten", "Favourites", "Favoriler", "المفضلة"]);
    pub const FAVOURITES_EMPTY: Text = Text::new([
        "Noch keine Favoriten. Tippen Sie bei einem Eintrag auf den Stern.",
        "No favourites yet. Tap the star on an entry.",
        "Henüz favori yok. Bir kayıttaki yıldıza dokunun.",
        "لا توجد مفضلات بعد. اضغط على النجمة في أي إدخال.",
    ]);
    pub const FAVOURITE_VANISHED: Text = Text::new([
        "Nicht mehr in den aktuellen Daten",
        "No longer in the current data",
        "Güncel verilerde artık yok",
        "لم يعد موجوداً في البيانات الحالية",
    ]);
    pub const REMOVE: Text = Text::new(["Entfernen", "Remove", "Kaldır", "إزالة"]);
    pub const ABOUT_TITLE: Text = Text::new([
        "Über Dialognetz",
        "About Dialognetz",
        "Dialognetz hakkında",
        "حول Dialognetz",
    ]);
    pub const ABOUT_TEXT: Text = Text::new([
        "Dialognetz zeigt die veröffentlichten Kontakte, Dialogforen, Veranstaltungen und Projekte der Zusammenarbeit von Polizei, muslimischen Gemeinden und Präventionsstellen. Es funktioniert nach dem ersten Laden auch ohne Netz.",
        "Dialognetz shows the published contacts, dialogue forums, events and projects of the cooperation of police, Muslim communities and prevention offices. After the first load it also works without a network.",
        "Dialognetz, polis, Müslüman cemaatler ve önleme birimleri arasındaki iş birliğinin yayımlanmış iletişim bilgilerini, diyalog forumlarını, etkinliklerini ve projelerini gösterir. İlk yüklemeden sonra internet olmadan da çalışır.",
        "يعرض Dialognetz جهات الاتصال ومنتديات الحوار والفعاليات والمشاريع المنشورة للتعاون بين الشرطة والجاليات المسلمة ومكاتب الوقاية. ويعمل بعد التحميل الأول دون اتصال بالشبكة أيضاً.",
    ]);
    pub const THE_DATA: Text = Text::new(["Die Daten", "The data", "Veriler", "البيانات"]);
    pub const LICENCE: Text = Text::new(["Lizenz", "Licence", "Lisans", "الترخيص"]);
    pub const ATTRIBUTIONS: Text = Text::new(["Quellen", "Sources", "Kaynaklar", "المصادر"]);
    pub const REPORT_MISTAKES: Text = Text::new([
        "Fehler in den Daten melden",
        "Report mistakes in the data",
        "Verilerdeki hataları bildirin",
        "الإبلاغ عن أخطاء في البيانات",
    ]);
    pub const SETTINGS: Text = Text::new(["Einstellungen", "Settings", "Ayarlar", "الإعدادات"]);
    pub const DATA_UPDATES: Text = Text::new([
        "Aktualisierung der Daten",
        "Data updates",
        "Veri güncellemeleri",
        "تحديثات البيانات",
    ]);
    pub const STORAGE: Text = Text::new([
        "Speicher auf diesem Gerät",
        "Storage on this device",
        "Bu cihazdaki depolama",
        "التخزين على هذا الجهاز",
    ]);
    pub const STORAGE_USED: Text = Text::new(["belegt", "used", "kullanılıyor", "مستخدم"]);
    pub const STORAGE_OF: Text = Text::new(["von", "of", "/", "من"]);
    pub const STORAGE_PERSISTED: Text = Text::new([
        "Dauerhaft gespeichert: der Browser löscht die Daten nicht von sich aus.",
        "Stored persistently: the browser will not delete the data on its own.",
        "Kalıcı olarak saklanıyor: tarayıcı verileri kendiliğinden silmez.",
        "مخزنة بشكل دائم: لن يحذف المتصفح البيانات من تلقاء نفسه.",
    ]);
    pub const STORAGE_NOT_PERSISTED: Text = Text::new([
        "Nicht dauerhaft gespeichert: bei Platzmangel kann der Browser die Daten löschen.",
        "Not stored persistently: the browser may delete the data when space runs low.",
        "Kalıcı olarak saklanmıyor: yer azaldığında tarayıcı verileri silebilir.",
        "غير مخزنة بشكل دائم: قد يحذف المتصفح البيانات عند نقص المساحة.",
    ]);
    pub const STORAGE_UNKNOWN: Text = Text::new([
        "Der Browser sagt nicht, wie viel Speicher belegt ist.",
        "The browser does not tell how much storage is used.",
        "Tarayıcı ne kadar depolama kullanıldığını bildirmiyor.",
        "لا يوضح المتصفح مقدار التخزين المستخدم.",
    ]);
    pub const CHECK_UPDATES: Text = Text::new([
        "Nach neuen Daten suchen",
        "Check for new data",
        "Yeni verileri kontrol et",
        "البحث عن بيانات جديدة",
    ]);
    pub const RESULTS_LABEL: Text = Text::new(["Ergebnisse", "Results", "Sonuçlar", "النتائج"]);
    pub const DISTANCE_AWAY: Text = Text::new(["entfernt", "away", "uzaklıkta", "على بعد"]);
}

/// The label of an entity type, singular.
pub fn entity_label(entity: dialognetz_core::search::EntityType) -> Text {
    use dialognetz_core::search::EntityType as T;
    match entity {
        T::Organization => texts::ORGANIZATION,
        T::Contact => texts::CONTACT,
        T::Forum => texts::FORUM,
        T::Event => texts::EVENT,
        T::Project => texts::PROJECT,
        T::Article => texts::ARTICLE,
    }
}

/// The label of an organisation kind.
pub fn kind_label(kind: dialognetz_core::OrganizationKind) -> Text {
    use dialognetz_core::OrganizationKind as K;
    match kind {
        K::Police => Text::new(["Polizei", "Police", "Polis", "الشرطة"]),
        K::SecurityAuthority => Text::new([
            "Sicherheitsbehörde",
            "Security authority",
            "Güvenlik makamı",
            "جهة أمنية",
        ]),
        K::Government => Text::new(["Verwaltung", "Government", "Kamu yönetimi", "جهة حكومية"]),
        K::Prevention => Text::new(["Prävention", "Prevention", "Önleme", "الوقاية"]),
        K::MosqueCommunity => Text::new([
            "Moscheegemeinde",
            "Mosque community",
            "Cami cemaati",
            "جماعة مسجد",
        ]),
        K::MuslimAssociation => Text::new([
            "Muslimischer Verband",
            "Muslim association",
            "Müslüman dernek",
            "جمعية إسلامية",
        ]),
        K::CulturalAssociation => Text::new([
            "Kulturverein",
            "Cultural association",
            "Kültür derneği",
            "جمعية ثقافية",
        ]),
        K::CivilSociety => Text::new([
            "Zivilgesellschaft",
            "Civil society",
            "Sivil toplum",
            "المجتمع المدني",
        ]),
        K::Education => Text::new(["Bildung", "Education", "Eğitim", "التعليم"]),
        K::Other => Text::new(["Sonstige", "Other", "Diğer", "أخرى"]),
    }
}

/// The label of a forum kind.
pub fn forum_kind_label(kind: dialognetz_core::ForumKind) -> Text {
    use dialognetz_core::ForumKind as K;
    match kind {
        K::SecurityDialogue => Text::new([
            "Sicherheitsdialog",
            "Security dialogue",
            "Güvenlik diyaloğu",
            "حوار أمني",
        ]),
        K::RoundTable => Text::new([
            "Runder Tisch",
            "Round table",
            "Yuvarlak masa",
            "طاولة مستديرة",
        ]),
        K::Network => Text::new(["Netzwerk", "Network", "Ağ", "شبكة"]),
        K::Other => Text::new([
            "Dialogformat",
            "Dialogue format",
            "Diyalog formatı",
            "صيغة حوار",
        ]),
    }
}
