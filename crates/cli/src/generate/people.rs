//! Invented people and the roles they hold: first and last names of the
//! backgrounds common in German police and Muslim communities, and the
//! functions contacts have per kind of organisation.

use dialognetz_core::OrganizationKind;

/// First names of one background: female, male; and its last names.
pub struct Origin {
    pub female: &'static [&'static str],
    pub male: &'static [&'static str],
    pub last: &'static [&'static str],
    /// How often this background is drawn (relative).
    pub weight: u32,
}

pub const ORIGINS: &[Origin] = &[
    Origin {
        female: &[
            "Anna",
            "Katrin",
            "Sabine",
            "Julia",
            "Lena",
            "Sandra",
            "Claudia",
            "Maria",
            "Stefanie",
            "Nicole",
            "Laura",
            "Christina",
        ],
        male: &[
            "Thomas",
            "Michael",
            "Stefan",
            "Jan",
            "Andreas",
            "Markus",
            "Lukas",
            "Frank",
            "Tobias",
            "Daniel",
            "Sebastian",
            "Jürgen",
        ],
        last: &[
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Meyer",
            "Wagner",
            "Becker",
            "Hoffmann",
            "Schulz",
            "Koch",
            "Richter",
            "Wolf",
            "Neumann",
            "Braun",
            "Krüger",
            "Hartmann",
            "Lange",
            "Zimmermann",
            "Schröder",
        ],
        weight: 45,
    },
    Origin {
        female: &[
            "Ayşe", "Elif", "Fatma", "Zeynep", "Emine", "Merve", "Büşra", "Derya", "Hatice",
            "Selin",
        ],
        male: &[
            "Mehmet", "Mustafa", "Ahmet", "Emre", "Hüseyin", "Murat", "Yusuf", "Kemal", "Ömer",
            "Serkan",
        ],
        last: &[
            "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan",
            "Doğan", "Koç", "Kılıç", "Polat", "Erdem",
        ],
        weight: 25,
    },
    Origin {
        female: &[
            "Fatima", "Amira", "Layla", "Mariam", "Nour", "Rania", "Samira", "Yasmin", "Hanan",
            "Dalia",
        ],
        male: &[
            "Mohammed", "Ahmad", "Omar", "Khaled", "Samir", "Tarek", "Karim", "Bilal", "Hassan",
            "Youssef",
        ],
        last: &[
            "Haddad", "Khalil", "Mansour", "Saleh", "Nasser", "Hamdan", "Aziz", "El-Amin", "Abbas",
            "Darwish", "Bakri", "Suleiman",
        ],
        weight: 14,
    },
    Origin {
        female: &["Amra", "Lejla", "Selma", "Emina", "Azra", "Merima"],
        male: &["Amir", "Edin", "Haris", "Adnan", "Emir", "Senad"],
        last: &[
            "Hodžić",
            "Hadžić",
            "Begić",
            "Mehmedović",
            "Delić",
            "Kovačević",
            "Husić",
            "Softić",
        ],
        weight: 6,
    },
    Origin {
        female: &["Rojda", "Berfin", "Dilan", "Zilan", "Evîn", "Hêvî"],
        male: &["Rojhat", "Baran", "Azad", "Serhat", "Dilovan", "Welat"],
        last: &[
            "Aslan", "Bozkurt", "Zana", "Bakır", "Tekin", "Amed", "Rêber",
        ],
        weight: 6,
    },
    Origin {
        female: &["Parisa", "Soraya", "Mina", "Farzana", "Nilofar"],
        male: &["Farid", "Jawad", "Hamid", "Naveed", "Wahid"],
        last: &[
            "Ahmadi", "Rahimi", "Karimi", "Hashemi", "Popal", "Sultani", "Noori",
        ],
        weight: 4,
    },
];

/// A role a person holds, in the female and male German form and English.
#[derive(Debug, Clone, Copy)]
pub struct PersonRole {
    pub female: &'static str,
    pub male: &'static str,
    pub en: &'static str,
}

const fn r(female: &'static str, male: &'static str, en: &'static str) -> PersonRole {
    PersonRole { female, male, en }
}

/// Roles of named contacts per kind.
pub fn person_roles(kind: OrganizationKind) -> &'static [PersonRole] {
    match kind {
        OrganizationKind::Police => {
            const {
                &[
                    r(
                        "Kontaktbeamtin für muslimische Institutionen",
                        "Kontaktbeamter für muslimische Institutionen",
                        "Liaison officer for Muslim institutions",
                    ),
                    r(
                        "Präventionsbeauftragte",
                        "Präventionsbeauftragter",
                        "Prevention officer",
                    ),
                    r(
                        "Kontaktbereichsbeamtin",
                        "Kontaktbereichsbeamter",
                        "Community police officer",
                    ),
                    r(
                        "Beauftragte für interkulturelle Kompetenz",
                        "Beauftragter für interkulturelle Kompetenz",
                        "Intercultural competence officer",
                    ),
                    r(
                        "Opferschutzbeauftragte",
                        "Opferschutzbeauftragter",
                        "Victim protection officer",
                    ),
                ]
            }
        }
        OrganizationKind::SecurityAuthority => {
            const {
                &[
                    r(
                        "Ansprechpartnerin Prävention",
                        "Ansprechpartner Prävention",
                        "Prevention contact",
                    ),
                    r(
                        "Referentin Islamismusprävention",
                        "Referent Islamismusprävention",
                        "Islamism prevention officer",
                    ),
                ]
            }
        }
        OrganizationKind::Government => {
            const {
                &[
                    r(
                        "Integrationsbeauftragte",
                        "Integrationsbeauftragter",
                        "Integration commissioner",
                    ),
                    r(
                        "Sachbearbeiterin Integration",
                        "Sachbearbeiter Integration",
                        "Integration officer",
                    ),
                    r(
                        "Leiterin des Ordnungsamts",
                        "Leiter des Ordnungsamts",
                        "Head of the public order office",
                    ),
                ]
            }
        }
        OrganizationKind::Prevention => {
            const {
                &[
                    r(
                        "Beraterin Radikalisierungsprävention",
                        "Berater Radikalisierungsprävention",
                        "Radicalisation prevention counsellor",
                    ),
                    r(
                        "Koordinatorin der Fachstelle",
                        "Koordinator der Fachstelle",
                        "Coordinator of the unit",
                    ),
                ]
            }
        }
        OrganizationKind::MosqueCommunity => {
            const {
                &[
                    r("Vorsitzende", "Vorsitzender", "Chair"),
                    r(
                        "Sicherheitsbeauftragte der Gemeinde",
                        "Sicherheitsbeauftragter der Gemeinde",
                        "Community security officer",
                    ),
                    r(
                        "Dialogbeauftragte",
                        "Dialogbeauftragter",
                        "Dialogue officer",
                    ),
                    r("Jugendbeauftragte", "Jugendbeauftragter", "Youth officer"),
                ]
            }
        }
        OrganizationKind::MuslimAssociation => {
            const {
                &[
                    r("Vorsitzende", "Vorsitzender", "Chair"),
                    r("Geschäftsführerin", "Geschäftsführer", "Managing director"),
                    r(
                        "Dialogbeauftragte",
                        "Dialogbeauftragter",
                        "Dialogue officer",
                    ),
                ]
            }
        }
        OrganizationKind::CulturalAssociation => {
            const {
                &[
                    r("Vorsitzende", "Vorsitzender", "Chair"),
                    r("Kulturreferentin", "Kulturreferent", "Cultural officer"),
                ]
            }
        }
        OrganizationKind::CivilSociety => {
            const {
                &[
                    r("Projektleiterin", "Projektleiter", "Project lead"),
                    r(
                        "Koordinatorin Ehrenamt",
                        "Koordinator Ehrenamt",
                        "Volunteer coordinator",
                    ),
                ]
            }
        }
        OrganizationKind::Education => {
            const {
                &[
                    r(
                        "Fachbereichsleiterin Politische Bildung",
                        "Fachbereichsleiter Politische Bildung",
                        "Head of civic education",
                    ),
                    r(
                        "Dozentin für interkulturelle Kompetenz",
                        "Dozent für interkulturelle Kompetenz",
                        "Lecturer in intercultural competence",
                    ),
                ]
            }
        }
        OrganizationKind::Other => {
            const { &[r("Ansprechpartnerin", "Ansprechpartner", "Contact person")] }
        }
    }
}

/// Roles of contacts that are a function, not a person: German, English, and
/// the local part of their e-mail address.
pub fn function_roles(
    kind: OrganizationKind,
) -> &'static [(&'static str, &'static str, &'static str)] {
    match kind {
        OrganizationKind::Police => &[
            (
                "Ansprechstelle Moscheesicherheit",
                "Contact point for mosque security",
                "moscheesicherheit",
            ),
            (
                "Polizeiliche Kriminalprävention",
                "Police crime prevention",
                "praevention",
            ),
            (
                "Kontaktstelle für muslimische Institutionen",
                "Contact point for Muslim institutions",
                "kontaktstelle",
            ),
        ],
        OrganizationKind::SecurityAuthority => &[
            (
                "Ansprechstelle für muslimische Gemeinden",
                "Contact point for Muslim communities",
                "gemeinden",
            ),
            ("Präventionsstelle", "Prevention unit", "praevention"),
        ],
        OrganizationKind::Government => &[
            (
                "Geschäftsstelle Integration",
                "Integration office",
                "integration",
            ),
            ("Bürgerservice", "Citizen service", "buergerservice"),
        ],
        OrganizationKind::Prevention => &[
            (
                "Beratung Radikalisierungsprävention",
                "Radicalisation prevention counselling",
                "beratung",
            ),
            ("Ausstiegsberatung", "Exit counselling", "ausstieg"),
            (
                "Beratungstelefon für Angehörige",
                "Helpline for relatives",
                "angehoerige",
            ),
        ],
        OrganizationKind::MosqueCommunity => &[
            ("Vorstand", "Board", "vorstand"),
            ("Gemeindebüro", "Community office", "buero"),
            (
                "Ansprechstelle Moscheesicherheit",
                "Contact point for mosque security",
                "sicherheit",
            ),
        ],
        OrganizationKind::MuslimAssociation => &[
            ("Geschäftsstelle", "Office", "info"),
            ("Vorstand", "Board", "vorstand"),
        ],
        OrganizationKind::CulturalAssociation => &[
            ("Vorstand", "Board", "vorstand"),
            ("Vereinsbüro", "Association office", "buero"),
        ],
        OrganizationKind::CivilSociety => &[
            ("Beratungsstelle", "Advice centre", "beratung"),
            ("Geschäftsstelle", "Office", "info"),
        ],
        OrganizationKind::Education => &[
            ("Studienbüro", "Student office", "studienbuero"),
            ("Anmeldung", "Registration office", "anmeldung"),
        ],
        OrganizationKind::Other => &[("Büro", "Office", "buero")],
    }
}

/// When contacts can be reached: German, English.
pub const AVAILABILITY: &[(&str, &str)] = &[
    ("Mo–Fr 9–15 Uhr", "Mon–Fri 9 am–3 pm"),
    (
        "Mo–Do 8–16 Uhr, Fr 8–12 Uhr",
        "Mon–Thu 8 am–4 pm, Fri 8 am–12 noon",
    ),
    ("Di und Do 10–12 Uhr", "Tue and Thu 10 am–12 noon"),
    ("Nach Vereinbarung", "By appointment"),
    ("Nach dem Freitagsgebet", "After Friday prayers"),
    ("Mo–Fr 8–18 Uhr", "Mon–Fri 8 am–6 pm"),
];

/// Common German street names.
pub const STREETS: &[&str] = &[
    "Hauptstraße",
    "Schulstraße",
    "Gartenstraße",
    "Bahnhofstraße",
    "Dorfstraße",
    "Bergstraße",
    "Birkenweg",
    "Lindenstraße",
    "Kirchstraße",
    "Waldstraße",
    "Ringstraße",
    "Schillerstraße",
    "Goethestraße",
    "Mühlenweg",
    "Wiesenweg",
    "Am Sportplatz",
    "Industriestraße",
    "Poststraße",
    "Feldstraße",
    "Jahnstraße",
    "Rosenstraße",
    "Mozartstraße",
    "Beethovenstraße",
    "Am Markt",
    "Kastanienallee",
    "Lessingstraße",
    "Rathausplatz",
    "Friedrichstraße",
    "Schloßstraße",
    "Talstraße",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_person_and_function_roles() {
        for kind in OrganizationKind::ALL {
            assert!(!person_roles(kind).is_empty(), "{kind:?}");
            assert!(!function_roles(kind).is_empty(), "{kind:?}");
        }
    }

    #[test]
    fn every_origin_has_names_of_both_kinds() {
        for origin in ORIGINS {
            assert!(
                !origin.female.is_empty() && !origin.male.is_empty() && !origin.last.is_empty()
            );
        }
    }
}
