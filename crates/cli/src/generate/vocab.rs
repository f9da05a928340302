//! Fixed content of every synthetic dataset: the sample dataset's topics and
//! synonym groups (so search and filters behave as with the real data) and a
//! handful of articles with CommonMark bodies.

use dialognetz_core::{Article, Date, Id, SynonymGroup, Topic};

use super::bilingual;

/// The topics of `public/data/dataset.json`: id, German, English.
pub const TOPICS: [(&str, &str, &str); 12] = [
    ("moscheesicherheit", "Moscheesicherheit", "Mosque security"),
    (
        "muslimfeindlichkeit",
        "Muslimfeindlichkeit",
        "Anti-Muslim hostility",
    ),
    (
        "religioes-begruendeter-extremismus",
        "Religiös begründeter Extremismus",
        "Religiously motivated extremism",
    ),
    ("praevention", "Prävention", "Prevention"),
    (
        "radikalisierungspraevention",
        "Radikalisierungsprävention",
        "Radicalisation prevention",
    ),
    (
        "deradikalisierung",
        "Deradikalisierung und Ausstiegsberatung",
        "Deradicalisation and exit counselling",
    ),
    (
        "aus-und-fortbildung",
        "Aus- und Fortbildung",
        "Training and education",
    ),
    (
        "dialog",
        "Dialog zwischen Behörden und Gemeinden",
        "Dialogue between authorities and communities",
    ),
    ("vernetzung", "Vernetzung", "Networking"),
    ("frauen", "Frauen", "Women"),
    (
        "begegnung",
        "Begegnung und Austausch",
        "Encounter and exchange",
    ),
    ("integration", "Integration", "Integration"),
];

/// Indices into [`TOPICS`], named for the tables of the other modules.
pub mod topic {
    pub const MOSCHEESICHERHEIT: usize = 0;
    pub const MUSLIMFEINDLICHKEIT: usize = 1;
    pub const EXTREMISMUS: usize = 2;
    pub const PRAEVENTION: usize = 3;
    pub const RADIKALISIERUNGSPRAEVENTION: usize = 4;
    pub const DERADIKALISIERUNG: usize = 5;
    pub const FORTBILDUNG: usize = 6;
    pub const DIALOG: usize = 7;
    pub const VERNETZUNG: usize = 8;
    pub const FRAUEN: usize = 9;
    pub const BEGEGNUNG: usize = 10;
    pub const INTEGRATION: usize = 11;
}

/// The synonym groups of the sample dataset.
pub const SYNONYMS: [&[&str]; 15] = [
    &["kripo", "kriminalpolizei"],
    &["pd", "polizeidirektion"],
    &["moschee", "moscheegemeinde", "dschami", "cami"],
    &["lka", "landeskriminalamt"],
    &["bka", "bundeskriminalamt"],
    &["bamf", "bundesamt für migration und flüchtlinge"],
    &["revier", "polizeirevier"],
    &[
        "kora",
        "koordinierungs- und beratungsstelle radikalisierungsprävention",
    ],
    &["radikalisierung", "extremismus"],
    &["kosizu", "kooperationsnetzwerk sicher zusammenleben"],
    &["dik", "deutsche islam konferenz"],
    &["hföv", "hfoev", "hochschule für öffentliche verwaltung"],
    &["muslimfeindlichkeit", "islamfeindlichkeit"],
    &["ausstieg", "ausstiegsberatung", "deradikalisierung"],
    &["flüchtling", "geflüchtete"],
];

/// The id of topic `index` of [`TOPICS`].
pub fn topic_id(index: usize) -> Id {
    Id::from(TOPICS[index].0)
}

pub fn topics() -> Vec<Topic> {
    TOPICS
        .iter()
        .map(|(id, de, en)| Topic {
            id: Id::from(*id),
            label: bilingual(de, en),
        })
        .collect()
}

pub fn synonyms() -> Vec<SynonymGroup> {
    SYNONYMS
        .iter()
        .map(|group| SynonymGroup(group.iter().map(|w| (*w).to_owned()).collect()))
        .collect()
}

/// Article: id, published, topics, title (de, en), body (de, en).
type ArticleText = (
    &'static str,
    &'static str,
    &'static [usize],
    (&'static str, &'static str),
    (&'static str, &'static str),
);

const ARTICLES: [ArticleText; 4] = [
    (
        "artikel-ueber-diese-daten",
        "2024-06-01",
        &[topic::VERNETZUNG],
        ("Über diese Daten", "About this data"),
        (
            "## Synthetische Testdaten\n\nDieser Datensatz wurde mit `dialognetz generate` **erzeugt**. Orte und Postleitzahlen sind echt, alles andere ist erfunden:\n\n- Namen von Organisationen und Personen,\n- Telefonnummern und Anschriften,\n- E-Mail-Adressen und Webseiten unter `.example`.\n\nDie Ortsdaten stammen aus [GeoNames](https://www.geonames.org/) (CC BY 4.0).",
            "## Synthetic test data\n\nThis dataset was **generated** with `dialognetz generate`. Places and postcodes are real, everything else is invented:\n\n- names of organisations and people,\n- phone numbers and street addresses,\n- e-mail addresses and websites under `.example`.\n\nThe place data comes from [GeoNames](https://www.geonames.org/) (CC BY 4.0).",
        ),
    ),
    (
        "artikel-aufgaben-des-netzwerks",
        "2024-05-15",
        &[topic::DIALOG, topic::VERNETZUNG, topic::FORTBILDUNG],
        ("Aufgaben des Netzwerks", "Tasks of the network"),
        (
            "Das Netzwerk bringt **Sicherheitsbehörden** und **muslimische Gemeinden** ins Gespräch.\n\n1. Es baut ein Netz von Ansprechpersonen auf.\n2. Es schafft Formate für Austausch und Zusammenarbeit.\n3. Es unterstützt Aus- und Fortbildung.\n\n> Vertrauen entsteht im Gespräch, nicht erst im Ernstfall.",
            "The network brings **security authorities** and **Muslim communities** into conversation.\n\n1. It builds a network of contact persons.\n2. It creates formats for exchange and cooperation.\n3. It supports training and education.\n\n> Trust grows in conversation, not only in an emergency.",
        ),
    ),
    (
        "artikel-mitmachen",
        "2024-04-20",
        &[topic::DIALOG, topic::BEGEGNUNG],
        ("So machen Sie mit", "How to take part"),
        (
            "### Mitmachen\n\nGemeinden, Vereine und Behörden können sich jederzeit einem Dialogforum in ihrer Stadt anschließen. Schreiben Sie an die Ansprechstelle des Forums oder an [das Netzwerk](https://www.dialognetz.example/mitmachen).\n\n*Die Teilnahme ist freiwillig und kostenlos.*",
            "### Take part\n\nCommunities, associations and authorities can join a dialogue forum in their city at any time. Write to the forum's contact point or to [the network](https://www.dialognetz.example/mitmachen).\n\n*Taking part is voluntary and free of charge.*",
        ),
    ),
    (
        "artikel-sicherheit-in-moscheen",
        "2024-03-10",
        &[topic::MOSCHEESICHERHEIT, topic::MUSLIMFEINDLICHKEIT, topic::PRAEVENTION],
        ("Sicherheit in Moscheegemeinden", "Security in mosque communities"),
        (
            "## Was Gemeinden tun können\n\n- Eine Person als **Sicherheitsbeauftragte** benennen.\n- Die Kontaktbeamtin oder den Kontaktbeamten der Polizei kennen.\n- Vorfälle melden, auch kleine: Schmierereien, Drohbriefe, Anrufe.\n\nIm Notfall immer **110** wählen.",
            "## What communities can do\n\n- Name one person as **security officer**.\n- Know the police liaison officer.\n- Report incidents, small ones too: graffiti, threatening letters, calls.\n\nIn an emergency always dial **110**.",
        ),
    ),
];

pub fn articles() -> Vec<Article> {
    ARTICLES
        .iter()
        .map(
            |(id, published, topics, (title_de, title_en), (body_de, body_en))| Article {
                id: Id::from(*id),
                title: bilingual(title_de, title_en),
                body: bilingual(body_de, body_en),
                published_at: Some(Date::from(*published)),
                topics: topics.iter().map(|t| topic_id(*t)).collect(),
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_and_synonyms_match_the_sample_dataset() {
        let sample: serde_json::Value =
            serde_json::from_str(include_str!("../../../../public/data/dataset.json"))
                .expect("sample is JSON");
        let topics = serde_json::to_value(topics()).expect("serializes");
        assert_eq!(topics, sample["topics"]);
        let synonyms = serde_json::to_value(synonyms()).expect("serializes");
        assert_eq!(synonyms, sample["synonyms"]);
    }
}
