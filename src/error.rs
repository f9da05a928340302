//! What can go wrong while getting the data, and what the user should do.
//! Every failure of the update path is one of these, so the app can say in
//! one line why the data it shows did not change.

use dialognetz_core::signature::SignatureError;
use dialognetz_core::{Problem, Rule};
use dialognetz_store::StoreError;

use crate::i18n::Text;

/// Loading or updating the published dataset failed; the data already
/// stored stays in use.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    /// No answer from the server (offline, DNS, CORS, aborted).
    #[error("network error: {0}")]
    Network(String),
    /// The server took longer than the configured timeout.
    #[error("no answer within {0} s")]
    Timeout(u32),
    /// The server answered with an error status.
    #[error("the server answered {0}")]
    Status(u16),
    /// An HTML page came instead of the data (a Wi-Fi login page).
    #[error("the server returned a web page instead of the data")]
    LoginPage,
    /// Larger than the configured limit; not read to the end.
    #[error("the file has {size} bytes, more than the limit of {limit}")]
    TooLarge { size: u64, limit: u64 },
    /// The body could not be read completely.
    #[error("the answer could not be read: {0}")]
    Body(String),
    /// The JSON ends in the middle (a download cut off).
    #[error("the file ends in the middle")]
    Truncated,
    /// The file arrived but is not a valid dataset.
    #[error("the dataset is invalid ({} problems)", .0.len())]
    Invalid(Vec<Problem>),
    /// Keys are configured and the signature is missing or wrong.
    #[error("signature: {0}")]
    Signature(SignatureError),
    /// The app's configuration (`config.json`) cannot be used.
    #[error("configuration: {0}")]
    Config(String),
    /// Storing the new data failed.
    #[error("{0}")]
    Storage(StoreError),
}

impl LoadError {
    /// Sorts validation problems into the causes a user can act on.
    pub fn from_problems(problems: Vec<Problem>) -> LoadError {
        let first = problems.first().map(|p| (p.rule, p.message.as_str()));
        match first {
            Some((Rule::HtmlInsteadOfJson, _)) => LoadError::LoginPage,
            Some((Rule::Syntax, message)) if message.contains("ends in the middle") => {
                LoadError::Truncated
            }
            _ => LoadError::Invalid(problems),
        }
    }

    /// One sentence for the user: what happened and what to do.
    pub fn user_message(&self) -> Text {
        match self {
            LoadError::Network(_) => Text::new([
                "Keine Verbindung zum Server. Prüfen Sie die Internetverbindung.",
                "No connection to the server. Check the internet connection.",
                "Sunucuya bağlantı yok. İnternet bağlantısını kontrol edin.",
                "لا يوجد اتصال بالخادم. تحقّق من الاتصال بالإنترنت.",
            ]),
            LoadError::Timeout(_) => Text::new([
                "Der Server antwortet nicht rechtzeitig. Versuchen Sie es bei besserer Verbindung noch einmal.",
                "The server does not answer in time. Try again when the connection is better.",
                "Sunucu zamanında yanıt vermiyor. Bağlantı daha iyi olduğunda tekrar deneyin.",
                "الخادم لا يستجيب في الوقت المناسب. حاول مرة أخرى عندما يكون الاتصال أفضل.",
            ]),
            LoadError::Status(404) => Text::new([
                "Die Daten wurden auf dem Server nicht gefunden. Bitte melden Sie das den Herausgebern.",
                "The data was not found on the server. Please tell the publishers.",
                "Veriler sunucuda bulunamadı. Lütfen yayıncılara bildirin.",
                "لم يتم العثور على البيانات على الخادم. يرجى إبلاغ الناشرين.",
            ]),
            LoadError::Status(_) => Text::new([
                "Der Server hat einen Fehler gemeldet. Versuchen Sie es später noch einmal.",
                "The server reported an error. Please try again later.",
                "Sunucu bir hata bildirdi. Lütfen daha sonra tekrar deneyin.",
                "أبلغ الخادم عن خطأ. يرجى المحاولة لاحقاً.",
            ]),
            LoadError::LoginPage => Text::new([
                "Der Server hat eine Anmeldeseite statt der Daten geschickt (WLAN-Anmeldung?). Melden Sie sich im WLAN an und versuchen Sie es erneut.",
                "The server returned a login page instead of the data (Wi-Fi login?). Log in to the Wi-Fi and try again.",
                "Sunucu veriler yerine bir giriş sayfası gönderdi (Wi-Fi girişi?). Wi-Fi'ye giriş yapıp tekrar deneyin.",
                "أرسل الخادم صفحة تسجيل دخول بدلاً من البيانات (تسجيل دخول Wi-Fi؟). سجّل الدخول إلى الشبكة وحاول مجدداً.",
            ]),
            LoadError::TooLarge { .. } => Text::new([
                "Die Datei ist viel größer als erwartet und wurde nicht übernommen. Bitte melden Sie das den Herausgebern.",
                "The file is much larger than expected and was not taken. Please tell the publishers.",
                "Dosya beklenenden çok büyük ve alınmadı. Lütfen yayıncılara bildirin.",
                "الملف أكبر بكثير من المتوقع ولم يتم اعتماده. يرجى إبلاغ الناشرين.",
            ]),
            LoadError::Body(_) | LoadError::Truncated => Text::new([
                "Die Daten kamen unvollständig an. Versuchen Sie es bei besserer Verbindung noch einmal.",
                "The data arrived incomplete. Try again when the connection is better.",
                "Veriler eksik geldi. Bağlantı daha iyi olduğunda tekrar deneyin.",
                "وصلت البيانات ناقصة. حاول مرة أخرى عندما يكون الاتصال أفضل.",
            ]),
            LoadError::Invalid(_) => Text::new([
                "Die veröffentlichten Daten sind fehlerhaft und wurden nicht übernommen. Bitte melden Sie das den Herausgebern.",
                "The published data is faulty and was not taken. Please tell the publishers.",
                "Yayımlanan veriler hatalı ve alınmadı. Lütfen yayıncılara bildirin.",
                "البيانات المنشورة معيبة ولم يتم اعتمادها. يرجى إبلاغ الناشرين.",
            ]),
            LoadError::Signature(SignatureError::NotSigned) => Text::new([
                "Die Daten sind nicht signiert und wurden deshalb nicht übernommen.",
                "The data is not signed and was therefore not taken.",
                "Veriler imzalı değil, bu nedenle alınmadı.",
                "البيانات غير موقّعة ولذلك لم يتم اعتمادها.",
            ]),
            LoadError::Signature(SignatureError::UnknownKey) => Text::new([
                "Die Daten sind mit einem unbekannten Schlüssel signiert und wurden nicht übernommen.",
                "The data is signed with an unknown key and was not taken.",
                "Veriler bilinmeyen bir anahtarla imzalanmış ve alınmadı.",
                "البيانات موقّعة بمفتاح غير معروف ولم يتم اعتمادها.",
            ]),
            LoadError::Signature(_) => Text::new([
                "Die Signatur passt nicht zu den Daten: sie wurden verändert und nicht übernommen.",
                "The signature does not match the data: it was changed and was not taken.",
                "İmza verilerle eşleşmiyor: veriler değiştirilmiş ve alınmadı.",
                "التوقيع لا يطابق البيانات: تم تغييرها ولم يتم اعتمادها.",
            ]),
            LoadError::Config(_) => Text::new([
                "Die Einstellungen der App sind fehlerhaft. Bitte melden Sie das den Betreibern.",
                "The app's configuration is faulty. Please tell the operators.",
                "Uygulamanın yapılandırması hatalı. Lütfen işletmecilere bildirin.",
                "إعدادات التطبيق معيبة. يرجى إبلاغ المشغّلين.",
            ]),
            LoadError::Storage(StoreError::QuotaExceeded) => Text::new([
                "Der Speicher ist voll: die neuen Daten konnten nicht gespeichert werden. Schaffen Sie Platz auf dem Gerät.",
                "Storage is full: the new data could not be stored. Free some space on the device.",
                "Depolama dolu: yeni veriler kaydedilemedi. Cihazda yer açın.",
                "التخزين ممتلئ: تعذّر حفظ البيانات الجديدة. وفّر مساحة على الجهاز.",
            ]),
            LoadError::Storage(StoreError::Blocked) => Text::new([
                "Dialognetz ist noch in einem anderen Tab offen. Bitte schließen Sie die anderen Tabs.",
                "Dialognetz is still open in another tab. Please close the other tabs.",
                "Dialognetz başka bir sekmede hâlâ açık. Lütfen diğer sekmeleri kapatın.",
                "لا يزال Dialognetz مفتوحاً في علامة تبويب أخرى. يرجى إغلاق علامات التبويب الأخرى.",
            ]),
            LoadError::Storage(_) => Text::new([
                "Die Daten konnten nicht gespeichert werden. Laden Sie die Seite neu.",
                "The data could not be stored. Reload the page.",
                "Veriler kaydedilemedi. Sayfayı yeniden yükleyin.",
                "تعذّر حفظ البيانات. أعد تحميل الصفحة.",
            ]),
        }
    }

    /// Details for the publishers: the first problems of an invalid dataset.
    pub fn problems(&self) -> &[Problem] {
        match self {
            LoadError::Invalid(problems) => problems,
            _ => &[],
        }
    }
}

/// What to tell the user about the store itself (memory only, blocked, …).
pub fn store_message(error: &StoreError) -> Text {
    match error {
        StoreError::Unavailable(_) => Text::new([
            "Dieser Browser speichert nichts (privates Fenster?). Dialognetz funktioniert, vergisst aber alles beim Schließen.",
            "This browser stores nothing (private window?). Dialognetz works but forgets everything when closed.",
            "Bu tarayıcı hiçbir şey kaydetmiyor (gizli pencere?). Dialognetz çalışır ama kapatınca her şeyi unutur.",
            "هذا المتصفح لا يحفظ شيئاً (نافذة خاصة؟). يعمل Dialognetz لكنه ينسى كل شيء عند الإغلاق.",
        ]),
        StoreError::VersionChanged => Text::new([
            "Dialognetz wurde in einem anderen Tab aktualisiert. Bitte laden Sie diese Seite neu.",
            "Dialognetz was updated in another tab. Please reload this page.",
            "Dialognetz başka bir sekmede güncellendi. Lütfen bu sayfayı yeniden yükleyin.",
            "تم تحديث Dialognetz في علامة تبويب أخرى. يرجى إعادة تحميل هذه الصفحة.",
        ]),
        other => LoadError::Storage(other.clone()).user_message(),
    }
}
