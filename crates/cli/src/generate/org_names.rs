//! How organisations of each kind are named in Germany, as patterns with the
//! city (`{c}`), a mosque's name (`{m}`) or a state (`{s}`), with their
//! usual abbreviation, the languages spoken there, and a weight for how
//! common each form is.

use dialognetz_core::OrganizationKind;

use super::vocab::topic::*;

/// Which list a `{m}` in a pattern draws from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mosque {
    None,
    Turkish,
    Arabic,
}

/// One way of naming an organisation.
#[derive(Debug, Clone, Copy)]
pub struct Template {
    pub name: &'static str,
    /// Pattern of the host-name slug (`ditib-{c}`).
    pub slug: &'static str,
    pub short: Option<&'static str>,
    pub weight: u32,
    /// Languages spoken besides German.
    pub languages: &'static [&'static str],
    pub mosque: Mosque,
    /// A police headquarters (Polizeidirektion, Polizeipräsidium) that other
    /// police units name as parent.
    pub headquarters: bool,
    /// Only in places with at least this many postcodes: no
    /// Polizeipräsidium in a village.
    pub min_postcodes: usize,
}

const fn t(name: &'static str, slug: &'static str, weight: u32) -> Template {
    Template {
        name,
        slug,
        short: None,
        weight,
        languages: &[],
        mosque: Mosque::None,
        headquarters: false,
        min_postcodes: 1,
    }
}

impl Template {
    const fn short(self, short: &'static str) -> Self {
        Template {
            short: Some(short),
            ..self
        }
    }
    const fn langs(self, languages: &'static [&'static str]) -> Self {
        Template { languages, ..self }
    }
    const fn mosque(self, mosque: Mosque) -> Self {
        Template { mosque, ..self }
    }
    const fn headquarters(self) -> Self {
        Template {
            headquarters: true,
            ..self
        }
    }
    const fn min(self, min_postcodes: usize) -> Self {
        Template {
            min_postcodes,
            ..self
        }
    }
}

const POLICE: &[Template] = &[
    t("Polizeirevier {c}", "polizeirevier-{c}", 30),
    t("Polizeistation {c}", "polizeistation-{c}", 18),
    t("Polizeiinspektion {c}", "polizeiinspektion-{c}", 14).short("PI {c}"),
    t("Kriminalpolizeistelle {c}", "kripo-{c}", 8).min(2),
    t("Kriminalpolizeiinspektion {c}", "kpi-{c}", 5)
        .short("KPI {c}")
        .min(3),
    t("Polizeiposten {c}", "polizeiposten-{c}", 8),
    t("Polizeikommissariat {c}", "pk-{c}", 5),
    t("Polizeidirektion {c}", "pd-{c}", 8)
        .short("PD {c}")
        .headquarters()
        .min(3),
    t("Polizeipräsidium {c}", "pp-{c}", 4)
        .short("PP {c}")
        .headquarters()
        .min(8),
];

const SECURITY_AUTHORITY: &[Template] = &[
    t("Bundespolizeiinspektion {c}", "bpoli-{c}", 4)
        .short("BPOLI {c}")
        .min(3),
    t("Bundespolizeirevier {c}", "bundespolizeirevier-{c}", 4),
    t("Polizeilicher Staatsschutz {c}", "staatsschutz-{c}", 3).min(2),
    t("Zollfahndungsamt {c}", "zfa-{c}", 1).min(5),
];

const GOVERNMENT: &[Template] = &[
    t(
        "Integrationsbeauftragte der Stadt {c}",
        "integration-{c}",
        6,
    ),
    t("Ordnungsamt {c}", "ordnungsamt-{c}", 6),
    t("Stadtverwaltung {c}", "stadt-{c}", 6),
    t("Ausländerbehörde {c}", "abh-{c}", 4).min(2),
    t("Amt für Integration und Migration {c}", "aim-{c}", 3).min(3),
    t("Bürgermeisteramt {c}", "buergermeisteramt-{c}", 3),
    t("Integrationsbüro {c}", "integrationsbuero-{c}", 3),
    t("Jugendamt {c}", "jugendamt-{c}", 3).min(2),
    t("Kommunales Integrationszentrum {c}", "ki-{c}", 3)
        .short("KI {c}")
        .min(2),
];

const PREVENTION: &[Template] = &[
    t(
        "Fachstelle Radikalisierungsprävention {c}",
        "radikalisierungspraevention-{c}",
        6,
    ),
    t("Kriminalpräventiver Rat {c}", "kpr-{c}", 5).short("KPR {c}"),
    t("Präventionsrat der Stadt {c}", "praeventionsrat-{c}", 5),
    t("Demokratie-Zentrum {c}", "demokratiezentrum-{c}", 4).min(2),
    t(
        "Beratungsstelle Radikalisierung {c}",
        "beratung-radikalisierung-{c}",
        4,
    ),
    t("Partnerschaft für Demokratie {c}", "pfd-{c}", 4).short("PfD {c}"),
    t("Fachstelle Extremismusdistanzierung {c}", "fex-{c}", 2),
    t("Mobile Beratung gegen Rechtsextremismus {c}", "mbr-{c}", 3).short("MBR"),
    t(
        "Beratungsnetzwerk gegen Muslimfeindlichkeit {c}",
        "gegen-muslimfeindlichkeit-{c}",
        3,
    ),
    t(
        "Kommunale Präventionsstelle {c}",
        "praeventionsstelle-{c}",
        3,
    ),
    t("Ausstiegsberatung {c}", "ausstieg-{c}", 2),
];

const MOSQUE_COMMUNITY: &[Template] = &[
    t(
        "DITIB Türkisch-Islamische Gemeinde zu {c} e.V.",
        "ditib-{c}",
        10,
    )
    .short("DITIB")
    .langs(&["tr"]),
    t("DITIB {m}-Moschee {c}", "ditib-{m}-{c}", 8)
        .short("DITIB")
        .langs(&["tr"])
        .mosque(Mosque::Turkish),
    t("Islamische Gemeinde {m}-Moschee {c} e.V.", "ig-{m}-{c}", 8)
        .langs(&["tr"])
        .mosque(Mosque::Turkish),
    t("{m}-Moschee {c}", "{m}-camii-{c}", 8)
        .langs(&["tr"])
        .mosque(Mosque::Turkish),
    t("Islamisches Zentrum {c} e.V.", "iz-{c}", 8)
        .short("IZ {c}")
        .langs(&["ar"]),
    t("Moscheegemeinde {m} {c}", "moschee-{m}-{c}", 8)
        .langs(&["ar"])
        .mosque(Mosque::Arabic),
    t("{m}-Moschee {c}", "{m}-moschee-{c}", 6)
        .langs(&["ar"])
        .mosque(Mosque::Arabic),
    t("Masjid {m} {c}", "masjid-{m}-{c}", 3)
        .langs(&["ar", "en"])
        .mosque(Mosque::Arabic),
    t("Ahmadiyya Muslim Jamaat {c}", "ahmadiyya-{c}", 5)
        .short("AMJ")
        .langs(&["ur"]),
    t("Bosnisch-Islamische Gemeinde {c}", "big-{c}", 5).langs(&["bs"]),
    t("Islamisches Kulturzentrum der Bosniaken {c}", "ikzb-{c}", 2)
        .short("IKZB")
        .langs(&["bs"]),
    t("Islamische Gemeinschaft Milli Görüş {c}", "igmg-{c}", 4)
        .short("IGMG")
        .langs(&["tr"]),
    t("VIKZ Islamisches Kulturzentrum {c}", "vikz-{c}", 4)
        .short("VIKZ")
        .langs(&["tr"]),
    t("Islamische Gemeinde {c} e.V.", "ig-{c}", 5).langs(&["ar", "tr"]),
    t(
        "Afghanische Moscheegemeinde {c}",
        "afghanische-moschee-{c}",
        3,
    )
    .langs(&["fa", "ps"]),
    t("Albanisch-Islamische Gemeinde {c}", "aig-{c}", 3).langs(&["sq"]),
    t("Kurdische Moscheegemeinde {c}", "kurdische-moschee-{c}", 2).langs(&["ku"]),
    t(
        "Pakistanische Moscheegemeinde {c}",
        "pakistanische-moschee-{c}",
        2,
    )
    .langs(&["ur"]),
    t(
        "Tschetschenische Moscheegemeinde {c}",
        "tschetschenische-moschee-{c}",
        1,
    )
    .langs(&["ce", "ru"]),
];

const MUSLIM_ASSOCIATION: &[Template] = &[
    t("Rat der Muslime {c}", "rdm-{c}", 5).langs(&["tr", "ar"]),
    t(
        "Schura {c} – Rat der Islamischen Gemeinschaften",
        "schura-{c}",
        3,
    )
    .short("Schura")
    .langs(&["tr", "ar"])
    .min(3),
    t("Muslimische Jugend {c}", "mj-{c}", 4)
        .short("MJ")
        .langs(&["ar", "en"]),
    t("Islamischer Frauenverein {c} e.V.", "frauenverein-{c}", 4).langs(&["tr", "ar"]),
    t("Muslimischer Studierendenverband {c}", "msv-{c}", 2)
        .short("MSV")
        .langs(&["ar", "ur", "en"])
        .min(5),
    t("Bündnis Marokkanischer Gemeinden {c}", "bmg-{c}", 2)
        .short("BMG")
        .langs(&["ar", "fr"]),
    t("Islamische Hochschulgemeinde {c}", "ihg-{c}", 2)
        .short("IHG")
        .langs(&["ar", "en"])
        .min(5),
    t("Muslimische Seelsorge {c} e.V.", "seelsorge-{c}", 3).langs(&["tr", "ar"]),
    t(
        "Alevitische Gemeinde {c} e.V.",
        "alevitische-gemeinde-{c}",
        3,
    )
    .langs(&["tr", "ku"]),
    t("Liberal-Islamischer Bund {c}", "lib-{c}", 1).short("LIB"),
    t(
        "Türkisch-Islamischer Elternverein {c}",
        "elternverein-{c}",
        2,
    )
    .langs(&["tr"]),
];

const CULTURAL_ASSOCIATION: &[Template] = &[
    t(
        "Afghanischer Kulturverein {c} e.V.",
        "afghanischer-kulturverein-{c}",
        5,
    )
    .langs(&["fa", "ps"]),
    t("Deutsch-Türkischer Freundeskreis {c}", "dtf-{c}", 6).langs(&["tr"]),
    t("Arabisches Kulturhaus {c}", "arabisches-kulturhaus-{c}", 5).langs(&["ar"]),
    t(
        "Bosnischer Kulturverein {c} e.V.",
        "bosnischer-kulturverein-{c}",
        3,
    )
    .langs(&["bs"]),
    t(
        "Kurdisches Kulturzentrum {c}",
        "kurdisches-kulturzentrum-{c}",
        4,
    )
    .langs(&["ku"]),
    t(
        "Deutsch-Syrischer Verein {c}",
        "deutsch-syrischer-verein-{c}",
        4,
    )
    .langs(&["ar"]),
    t(
        "Tschetschenischer Kulturverein {c}",
        "tschetschenischer-kulturverein-{c}",
        2,
    )
    .langs(&["ce", "ru"]),
    t(
        "Marokkanischer Kulturverein {c}",
        "marokkanischer-kulturverein-{c}",
        2,
    )
    .langs(&["ar", "fr"]),
    t("Deutsch-Pakistanisches Forum {c}", "dpf-{c}", 2).langs(&["ur", "en"]),
    t(
        "Iranischer Kulturverein {c}",
        "iranischer-kulturverein-{c}",
        2,
    )
    .langs(&["fa"]),
    t(
        "Somalischer Kulturverein {c}",
        "somalischer-kulturverein-{c}",
        1,
    )
    .langs(&["so"]),
    t(
        "Albanischer Kulturverein {c}",
        "albanischer-kulturverein-{c}",
        2,
    )
    .langs(&["sq"]),
    t("Türkischer Elternverein {c}", "tev-{c}", 3).langs(&["tr"]),
    t(
        "Eritreischer Gemeindeverein {c}",
        "eritreischer-verein-{c}",
        1,
    )
    .langs(&["ti"]),
    t("Deutsch-Kurdisches Forum {c}", "dkf-{c}", 2).langs(&["ku"]),
    t("Internationales Kulturzentrum {c}", "ikz-{c}", 3).langs(&["en", "tr", "ar"]),
];

const CIVIL_SOCIETY: &[Template] = &[
    t("Flüchtlingshilfe {c} e.V.", "fluechtlingshilfe-{c}", 5),
    t(
        "Interkultureller Verein {c}",
        "interkultureller-verein-{c}",
        4,
    ),
    t("Bündnis für Toleranz {c}", "toleranz-{c}", 3),
    t("Christlich-Islamische Gesellschaft {c}", "cig-{c}", 3).short("CIG"),
    t("Caritasverband {c}", "caritas-{c}", 3),
    t("Diakonisches Werk {c}", "diakonie-{c}", 3),
    t("Arbeiterwohlfahrt {c}", "awo-{c}", 3).short("AWO"),
    t("Jugendmigrationsdienst {c}", "jmd-{c}", 2)
        .short("JMD")
        .min(2),
    t("Netzwerk gegen Rassismus {c}", "gegen-rassismus-{c}", 3),
    t("Stadtteilzentrum {c}", "stadtteilzentrum-{c}", 2).min(3),
    t("Forum für Dialog {c}", "forum-dialog-{c}", 2),
    t("Rat der Religionen {c}", "rat-der-religionen-{c}", 2),
];

const EDUCATION: &[Template] = &[
    t("Volkshochschule {c}", "vhs-{c}", 10).short("VHS"),
    t("Hochschule der Polizei {c}", "hdp-{c}", 2).min(8),
    t("Polizeiakademie {c}", "polizeiakademie-{c}", 1).min(5),
    t("Bildungswerk {c}", "bildungswerk-{c}", 3),
    t("Institut für Islamische Theologie {c}", "iit-{c}", 1).min(8),
    t("Hochschule für öffentliche Verwaltung {c}", "hfoev-{c}", 1)
        .short("HfÖV")
        .min(5),
    t("Familienbildungsstätte {c}", "fbs-{c}", 2),
];

const OTHER: &[Template] = &[
    t("Friedhofsverwaltung {c}", "friedhof-{c}", 2),
    t("Bürgerstiftung {c}", "buergerstiftung-{c}", 2),
    t("Quartiersmanagement {c}", "quartier-{c}", 2).min(2),
    t("Jobcenter {c}", "jobcenter-{c}", 2).min(2),
    t("Stadtbibliothek {c}", "stadtbibliothek-{c}", 1),
    t("Sportverein Türkgücü {c}", "tuerkguecue-{c}", 1).langs(&["tr"]),
];

/// The naming patterns of a kind.
pub fn templates(kind: OrganizationKind) -> &'static [Template] {
    match kind {
        OrganizationKind::Police => POLICE,
        OrganizationKind::SecurityAuthority => SECURITY_AUTHORITY,
        OrganizationKind::Government => GOVERNMENT,
        OrganizationKind::Prevention => PREVENTION,
        OrganizationKind::MosqueCommunity => MOSQUE_COMMUNITY,
        OrganizationKind::MuslimAssociation => MUSLIM_ASSOCIATION,
        OrganizationKind::CulturalAssociation => CULTURAL_ASSOCIATION,
        OrganizationKind::CivilSociety => CIVIL_SOCIETY,
        OrganizationKind::Education => EDUCATION,
        OrganizationKind::Other => OTHER,
    }
}

/// Authorities of which each state has one, in its capital: drawn first
/// when their kind comes up and the state has none yet.
pub const STATE_LEVEL: &[(OrganizationKind, Template)] = &[
    (
        OrganizationKind::SecurityAuthority,
        t("Landeskriminalamt {s}", "lka-{s}", 1).short("LKA"),
    ),
    (
        OrganizationKind::SecurityAuthority,
        t(
            "Landesamt für Verfassungsschutz {s}",
            "verfassungsschutz-{s}",
            1,
        )
        .short("LfV"),
    ),
    (
        OrganizationKind::Government,
        t("Ministerium des Innern {s}", "innenministerium-{s}", 1),
    ),
    (
        OrganizationKind::Government,
        t(
            "Integrationsbeauftragte des Landes {s}",
            "integrationsbeauftragte-{s}",
            1,
        ),
    ),
];

/// Turkish mosque names (`Fatih-Moschee`).
pub const TURKISH_MOSQUES: &[&str] = &[
    "Fatih",
    "Mevlana",
    "Yunus-Emre",
    "Selimiye",
    "Ulu",
    "Eyüp-Sultan",
    "Merkez",
    "Kocatepe",
    "Süleymaniye",
    "Hicret",
    "Mimar-Sinan",
    "Ayasofya",
    "Hacı-Bayram",
    "Sultan-Ahmet",
    "Aksemsettin",
];

/// Arabic mosque names (`Moscheegemeinde Al-Nour`).
pub const ARABIC_MOSQUES: &[&str] = &[
    "Al-Nour",
    "Al-Rahman",
    "As-Salam",
    "Abu-Bakr",
    "Al-Furqan",
    "Al-Huda",
    "Ar-Rahma",
    "Bilal",
    "Omar",
    "At-Taqwa",
    "Al-Iman",
    "Ibrahim-al-Khalil",
    "Al-Amin",
    "Dar-as-Salam",
    "Al-Hidaya",
];

/// Short descriptions per kind, German and English. Kept short and without
/// the city (the address has it): descriptions are half of an
/// organisation's bytes, and 100,000 organisations must stay well under the
/// format's 64 MiB.
pub fn descriptions(kind: OrganizationKind) -> &'static [(&'static str, &'static str)] {
    match kind {
        OrganizationKind::Police => &[
            (
                "Ansprechpartner für Gemeinden in Fragen der Sicherheit.",
                "Contact for communities on security matters.",
            ),
            (
                "Polizeiarbeit vor Ort und Kriminalprävention.",
                "Local policing and crime prevention.",
            ),
        ],
        OrganizationKind::SecurityAuthority => &[(
            "Ansprechstelle für Gemeinden bei Bedrohungen.",
            "Contact point for communities facing threats.",
        )],
        OrganizationKind::Government => &[
            (
                "Zuständig für Integration, Sicherheit und Ordnung.",
                "In charge of integration, safety and public order.",
            ),
            (
                "Vermittelt zwischen Gemeinden und Behörden.",
                "Mediates between communities and authorities.",
            ),
        ],
        OrganizationKind::Prevention => &[
            (
                "Berät Angehörige und Fachkräfte zu Radikalisierung.",
                "Advises relatives and professionals on radicalisation.",
            ),
            (
                "Workshops für Schulen, Vereine und Gemeinden.",
                "Workshops for schools, associations and communities.",
            ),
        ],
        OrganizationKind::MosqueCommunity => &[
            (
                "Freitagsgebet, Koranunterricht und Angebote für Familien.",
                "Friday prayers, Quran classes and family activities.",
            ),
            (
                "Gebetsraum und Begegnungscafé; Führungen nach Absprache.",
                "Prayer room and café; guided tours by arrangement.",
            ),
        ],
        OrganizationKind::MuslimAssociation => &[(
            "Zusammenschluss muslimischer Vereine und Gemeinden.",
            "Umbrella of Muslim associations and communities.",
        )],
        OrganizationKind::CulturalAssociation => &[(
            "Sprachkurse, Feste und Beratung für Neuzugewanderte.",
            "Language classes, festivals and advice for newcomers.",
        )],
        OrganizationKind::CivilSociety => &[(
            "Ehrenamtlich für Begegnung und gegen Ausgrenzung.",
            "Volunteers for encounter and against exclusion.",
        )],
        OrganizationKind::Education => &[(
            "Kurse zu interkultureller Kompetenz.",
            "Courses on intercultural competence.",
        )],
        OrganizationKind::Other => &[(
            "Partner des lokalen Netzwerks.",
            "Partner of the local network.",
        )],
    }
}

/// Topics an organisation of a kind is likely tagged with (indices into
/// `vocab::TOPICS`).
pub fn topics(kind: OrganizationKind) -> &'static [usize] {
    match kind {
        OrganizationKind::Police => &[
            MOSCHEESICHERHEIT,
            DIALOG,
            PRAEVENTION,
            MUSLIMFEINDLICHKEIT,
            VERNETZUNG,
            FORTBILDUNG,
        ],
        OrganizationKind::SecurityAuthority => &[
            EXTREMISMUS,
            RADIKALISIERUNGSPRAEVENTION,
            MOSCHEESICHERHEIT,
            PRAEVENTION,
        ],
        OrganizationKind::Government => &[INTEGRATION, DIALOG, VERNETZUNG, BEGEGNUNG],
        OrganizationKind::Prevention => &[
            RADIKALISIERUNGSPRAEVENTION,
            DERADIKALISIERUNG,
            PRAEVENTION,
            EXTREMISMUS,
            VERNETZUNG,
        ],
        OrganizationKind::MosqueCommunity => {
            &[DIALOG, BEGEGNUNG, MOSCHEESICHERHEIT, FRAUEN, INTEGRATION]
        }
        OrganizationKind::MuslimAssociation => {
            &[DIALOG, MUSLIMFEINDLICHKEIT, FRAUEN, VERNETZUNG, INTEGRATION]
        }
        OrganizationKind::CulturalAssociation => &[BEGEGNUNG, INTEGRATION, FRAUEN, DIALOG],
        OrganizationKind::CivilSociety => {
            &[BEGEGNUNG, INTEGRATION, MUSLIMFEINDLICHKEIT, DIALOG, FRAUEN]
        }
        OrganizationKind::Education => &[FORTBILDUNG, INTEGRATION, BEGEGNUNG, PRAEVENTION],
        OrganizationKind::Other => &[DIALOG, BEGEGNUNG, VERNETZUNG],
    }
}

/// How common each kind is, in percent.
pub const KIND_WEIGHTS: [(OrganizationKind, u32); 10] = [
    (OrganizationKind::Police, 20),
    (OrganizationKind::MosqueCommunity, 25),
    (OrganizationKind::MuslimAssociation, 8),
    (OrganizationKind::CulturalAssociation, 12),
    (OrganizationKind::Prevention, 8),
    (OrganizationKind::Government, 10),
    (OrganizationKind::CivilSociety, 10),
    (OrganizationKind::Education, 4),
    (OrganizationKind::SecurityAuthority, 2),
    (OrganizationKind::Other, 1),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_names_descriptions_and_topics() {
        for kind in OrganizationKind::ALL {
            assert!(!templates(kind).is_empty(), "{kind:?}");
            assert!(!descriptions(kind).is_empty(), "{kind:?}");
            assert!(!topics(kind).is_empty(), "{kind:?}");
            assert!(
                templates(kind).iter().any(|t| t.min_postcodes <= 1),
                "{kind:?} needs a name that fits a village"
            );
        }
        assert_eq!(KIND_WEIGHTS.iter().map(|(_, w)| w).sum::<u32>(), 100);
    }

    #[test]
    fn patterns_with_a_mosque_name_say_which_list() {
        for kind in OrganizationKind::ALL {
            for template in templates(kind) {
                assert_eq!(
                    template.name.contains("{m}"),
                    template.mosque != Mosque::None,
                    "{}",
                    template.name
                );
                assert!(template.slug.contains("{c}"), "{}", template.slug);
            }
        }
    }
}
