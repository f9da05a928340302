//! What each kind of entry contributes to which field of the index.

use crate::model::*;

use super::{EntityType, Field};

/// The texts of one entry, by field, as published.
pub(crate) struct EntryTexts<'a> {
    pub texts: Vec<(Field, &'a str)>,
    /// Phone numbers, indexed also as their digits run together.
    pub phones: Vec<&'a str>,
    /// Owned extras (labels of kinds and topics, an organisation's name).
    pub extra: Vec<(Field, String)>,
    /// The name the static rank measures (shorter first).
    pub title_chars: usize,
}

impl<'a> EntryTexts<'a> {
    fn new() -> Self {
        EntryTexts {
            texts: Vec::new(),
            phones: Vec::new(),
            extra: Vec::new(),
            title_chars: 0,
        }
    }

    fn text(&mut self, field: Field, text: &'a str) {
        self.texts.push((field, text));
    }

    fn opt(&mut self, field: Field, text: Option<&'a str>) {
        if let Some(text) = text {
            self.texts.push((field, text));
        }
    }

    fn localized(&mut self, field: Field, text: Option<&'a LocalizedText>) {
        for (_, variant) in text.into_iter().flat_map(LocalizedText::variants) {
            self.texts.push((field, variant));
        }
    }

    fn topics(&mut self, lookup: &TopicLabels<'a>, topics: &[Id]) {
        for topic in topics {
            for label in lookup.labels(topic.as_str()) {
                self.texts.push((Field::Other, label));
            }
        }
    }
}

/// Topic id → its labels in every language.
pub(crate) struct TopicLabels<'a> {
    labels: std::collections::HashMap<&'a str, Vec<&'a str>>,
}

impl<'a> TopicLabels<'a> {
    pub fn new(dataset: &'a Dataset) -> Self {
        let labels = dataset
            .topics
            .iter()
            .map(|t| {
                let variants = t.label.variants().into_iter().map(|(_, s)| s).collect();
                (t.id.as_str(), variants)
            })
            .collect();
        TopicLabels { labels }
    }

    fn labels(&self, id: &str) -> impl Iterator<Item = &'a str> + '_ {
        self.labels.get(id).into_iter().flatten().copied()
    }
}

/// German and English words for an organisation kind, so `polizei` or
/// `moschee` find organisations whose names do not say so.
pub(crate) fn kind_label(kind: OrganizationKind) -> &'static str {
    match kind {
        OrganizationKind::Police => "Polizei police",
        OrganizationKind::SecurityAuthority => "Sicherheitsbehörde security authority",
        OrganizationKind::Government => "Behörde Verwaltung government",
        OrganizationKind::Prevention => "Prävention Beratung prevention",
        OrganizationKind::MosqueCommunity => "Moscheegemeinde Moschee mosque",
        OrganizationKind::MuslimAssociation => "Islamischer Verband muslim association",
        OrganizationKind::CulturalAssociation => "Kulturverein cultural association",
        OrganizationKind::CivilSociety => "Zivilgesellschaft civil society",
        OrganizationKind::Education => "Bildung education",
        OrganizationKind::Other => "",
    }
}

fn forum_kind_label(kind: Option<ForumKind>) -> &'static str {
    match kind {
        Some(ForumKind::SecurityDialogue) => "Sicherheitsdialog security dialogue",
        Some(ForumKind::RoundTable) => "Runder Tisch round table",
        Some(ForumKind::Network) => "Netzwerk network",
        Some(ForumKind::Other) | None => "",
    }
}

fn chars(text: &str) -> usize {
    text.chars().count()
}

pub(crate) fn organization<'a>(o: &'a Organization, topics: &TopicLabels<'a>) -> EntryTexts<'a> {
    let mut e = EntryTexts::new();
    e.text(Field::Name, &o.name);
    e.opt(Field::Name, o.short_name.as_deref());
    if let Some(address) = &o.address {
        e.text(Field::City, &address.city);
        e.opt(Field::Other, address.street.as_deref());
        e.opt(
            Field::Other,
            address.postcode.as_ref().map(Postcode::as_str),
        );
    }
    if let Some(phone) = &o.phone {
        e.phones.push(phone.as_str());
    }
    e.opt(Field::Other, o.email.as_ref().map(Email::as_str));
    e.extra.push((Field::Other, kind_label(o.kind).to_owned()));
    e.topics(topics, &o.topics);
    e.localized(Field::Description, o.description.as_ref());
    e.title_chars = chars(&o.name);
    e
}

pub(crate) fn contact<'a>(
    c: &'a Contact,
    organization_name: Option<&str>,
    topics: &TopicLabels<'a>,
) -> EntryTexts<'a> {
    let mut e = EntryTexts::new();
    // The role is the contact's title when no person is named
    // ("Ansprechstelle Moscheesicherheit"); next to a person's name it is a
    // job description, which must not rank like the names of organisations.
    e.opt(Field::Name, c.name.as_deref());
    let role_field = if c.name.is_some() {
        Field::Other
    } else {
        Field::Name
    };
    e.localized(role_field, Some(&c.role));
    if let Some(area) = &c.area {
        e.opt(Field::City, area.city.as_deref());
    }
    e.phones.extend(c.phone.as_ref().map(Phone::as_str));
    e.phones.extend(c.mobile.as_ref().map(Phone::as_str));
    e.opt(Field::Other, c.email.as_ref().map(Email::as_str));
    if let Some(name) = organization_name {
        e.extra.push((Field::Other, name.to_owned()));
    }
    e.topics(topics, &c.topics);
    e.localized(Field::Description, c.availability.as_ref());
    let title = c
        .name
        .as_deref()
        .unwrap_or_else(|| c.role.resolve("de", "de"));
    e.title_chars = chars(title);
    e
}

pub(crate) fn forum<'a>(f: &'a Forum, topics: &TopicLabels<'a>) -> EntryTexts<'a> {
    let mut e = EntryTexts::new();
    e.text(Field::Name, &f.name);
    e.text(Field::City, &f.city);
    e.extra
        .push((Field::Other, forum_kind_label(f.kind).to_owned()));
    e.topics(topics, &f.topics);
    e.localized(Field::Description, f.description.as_ref());
    e.localized(Field::Description, f.meeting.as_ref());
    e.title_chars = chars(&f.name);
    e
}

pub(crate) fn event<'a>(v: &'a Event, topics: &TopicLabels<'a>) -> EntryTexts<'a> {
    let mut e = EntryTexts::new();
    e.localized(Field::Name, Some(&v.title));
    e.opt(Field::City, v.city.as_deref());
    e.opt(Field::Other, v.venue.as_deref());
    e.topics(topics, &v.topics);
    e.localized(Field::Description, v.description.as_ref());
    e.title_chars = chars(v.title.resolve("de", "de"));
    e
}

pub(crate) fn project<'a>(p: &'a Project, topics: &TopicLabels<'a>) -> EntryTexts<'a> {
    let mut e = EntryTexts::new();
    e.localized(Field::Name, Some(&p.title));
    e.opt(Field::City, p.city.as_deref());
    e.topics(topics, &p.topics);
    e.localized(Field::Description, p.description.as_ref());
    e.title_chars = chars(p.title.resolve("de", "de"));
    e
}

pub(crate) fn article<'a>(a: &'a Article, topics: &TopicLabels<'a>) -> EntryTexts<'a> {
    let mut e = EntryTexts::new();
    e.localized(Field::Name, Some(&a.title));
    e.topics(topics, &a.topics);
    e.localized(Field::Description, Some(&a.body));
    e.title_chars = chars(a.title.resolve("de", "de"));
    e
}

/// Static-rank order of types (see the module docs).
pub(crate) fn type_rank(entity: EntityType) -> u8 {
    entity.as_u8()
}

/// The title an entry is shown with, in `lang` (the format's fallback
/// otherwise): a name, a contact's name or role, an event's title.
pub fn title_of(dataset: &Dataset, doc: super::DocRef, lang: &str) -> Option<String> {
    Some(
        dataset
            .entry(doc)?
            .title(lang, dataset.meta.default_language()),
    )
}

/// The city an entry is in, if it says.
pub fn city_of(dataset: &Dataset, doc: super::DocRef) -> Option<&str> {
    dataset.entry(doc)?.city()
}
