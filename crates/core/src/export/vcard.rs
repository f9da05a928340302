//! vCard 4.0 (RFC 6350) for a contact or an organisation, so a user can keep
//! a contact point in the phone's address book.
//!
//! Localised texts are written in the language the app is used in (the
//! format's fallback order applies). The UID comes from the dataset and entry
//! ids, REV from `meta.published_at`: importing the card of a newer dataset
//! updates the old card instead of adding a second one.

use super::lines::Lines;
use super::{file_name, organization, phone, published_utc, state_name, uid};
use super::{ExportError, ExportFile};
use crate::compact::Entries;
use crate::model::{Address, Contact, Geo, LanguageTag, Organization};

/// The media type of a vCard file.
pub const MEDIA_TYPE: &str = "text/vcard;charset=utf-8";

/// Names the program that wrote the card.
const PRODID: &str = "-//Dialognetz//Dialognetz//DE";

/// Words before a name that are titles, not given names (`Dr. Aylin Yılmaz`).
const HONORIFICS: [&str; 5] = ["Dr.", "Prof.", "Dipl.-Ing.", "Herr", "Frau"];

/// The card for a contact: a named person, or a function (then the role is
/// the card's name and it has no N). Its organisation gives ORG and ADR.
pub fn contact(
    dataset: &dyn Entries,
    contact: &Contact,
    language: &str,
) -> Result<ExportFile, ExportError> {
    let org = organization(dataset, &contact.organization)?;
    let default = dataset.meta().default_language();
    let role = contact.role.resolve(language, default);
    let mut card = begin(dataset, &contact.id)?;
    match &contact.name {
        Some(name) => {
            card.text("FN", name);
            card.components("N", &name_parts(name));
            card.text("TITLE", role);
        }
        None => {
            card.text("FN", role);
            card.text("ROLE", role);
        }
    }
    card.text("ORG", &org.name);
    if let Some(number) = &contact.phone {
        tel(&mut card, "work,voice", number.as_str());
    }
    if let Some(number) = &contact.mobile {
        tel(&mut card, "work,cell", number.as_str());
    }
    if let Some(email) = &contact.email {
        card.text("EMAIL;TYPE=work", email.as_str());
    }
    if let Some(address) = &org.address {
        adr(&mut card, address, org.geo);
    }
    if let Some(website) = &org.website {
        card.raw("URL;TYPE=work", website.as_str());
    }
    languages(&mut card, &contact.languages);
    if let Some(availability) = &contact.availability {
        card.text("NOTE", availability.resolve(language, default));
    }
    let display = contact.name.as_deref().unwrap_or(role);
    Ok(finish(card, display, contact))
}

/// The card for an organisation (KIND:org): name, short name as NICKNAME,
/// address and place, phone, e-mail, website, languages, description.
pub fn organization_card(
    dataset: &dyn Entries,
    org: &Organization,
    language: &str,
) -> Result<ExportFile, ExportError> {
    let default = dataset.meta().default_language();
    let mut card = begin(dataset, &org.id)?;
    card.raw("KIND", "org");
    card.text("FN", &org.name);
    card.text("ORG", &org.name);
    if let Some(short) = &org.short_name {
        card.text("NICKNAME", short);
    }
    if let Some(number) = &org.phone {
        tel(&mut card, "work,voice", number.as_str());
    }
    if let Some(email) = &org.email {
        card.text("EMAIL;TYPE=work", email.as_str());
    }
    if let Some(address) = &org.address {
        adr(&mut card, address, org.geo);
    }
    if let Some(geo) = org.geo {
        card.raw("GEO", &geo_uri(geo));
    }
    if let Some(website) = &org.website {
        card.raw("URL;TYPE=work", website.as_str());
    }
    languages(&mut card, &org.languages);
    if let Some(description) = &org.description {
        card.text("NOTE", description.resolve(language, default));
    }
    Ok(ExportFile {
        file_name: file_name(
            org.short_name.as_deref().unwrap_or(&org.name),
            &org.id,
            "vcf",
        ),
        media_type: MEDIA_TYPE,
        text: end(card),
    })
}

/// The lines every card starts with.
fn begin(dataset: &dyn Entries, id: &crate::model::Id) -> Result<Lines, ExportError> {
    let rev = published_utc(dataset)?;
    let mut card = Lines::new();
    card.raw("BEGIN", "VCARD");
    card.raw("VERSION", "4.0");
    card.raw("PRODID", PRODID);
    card.raw("UID", &uid(dataset, id));
    card.raw("REV", &rev);
    Ok(card)
}

fn end(mut card: Lines) -> String {
    card.raw("END", "VCARD");
    card.finish()
}

fn finish(card: Lines, display: &str, contact: &Contact) -> ExportFile {
    ExportFile {
        file_name: file_name(display, &contact.id, "vcf"),
        media_type: MEDIA_TYPE,
        text: end(card),
    }
}

/// A TEL property: as a `tel:` URI when the number can be dialled, else as
/// the text the publisher wrote, so the number is never lost.
fn tel(card: &mut Lines, types: &str, number: &str) {
    match phone::tel_uri(number) {
        Some(uri) => card.raw(&format!("TEL;VALUE=uri;TYPE={types}"), &uri),
        None => card.text(&format!("TEL;VALUE=text;TYPE={types}"), number),
    }
}

/// ADR: PO box; extended; street; locality; region; postal code; country.
/// The place goes into the GEO parameter so maps open at the building.
fn adr(card: &mut Lines, address: &Address, geo: Option<Geo>) {
    let region = address
        .state
        .as_ref()
        .and_then(|code| state_name(code.as_str()))
        .unwrap_or("");
    let name = match geo {
        Some(geo) => format!("ADR;TYPE=work;GEO=\"{}\"", geo_uri(geo)),
        None => "ADR;TYPE=work".to_owned(),
    };
    card.components(
        &name,
        &[
            "",
            "",
            address.street.as_deref().unwrap_or(""),
            &address.city,
            region,
            address.postcode.as_ref().map(|p| p.as_str()).unwrap_or(""),
            "Deutschland",
        ],
    );
}

/// RFC 5870 `geo:` URI.
fn geo_uri(geo: Geo) -> String {
    format!("geo:{},{}", geo.lat, geo.lon)
}

/// One LANG per language, in the published order of preference.
fn languages(card: &mut Lines, languages: &[LanguageTag]) {
    for (rank, tag) in languages.iter().enumerate() {
        card.raw(&format!("LANG;PREF={}", (rank + 1).min(100)), tag.as_str());
    }
}

/// N from a name published as one text: honorifics become the prefix, the
/// last word the family name, the words between the given names. A guess,
/// but address books sort by it; FN keeps the name exactly as published.
fn name_parts(name: &str) -> [&str; 5] {
    let mut rest = name.trim();
    let mut prefix_end = 0;
    loop {
        let after = rest[prefix_end..].trim_start();
        let skipped = rest.len() - after.len();
        match HONORIFICS.iter().find(|h| {
            after.starts_with(**h)
                && after[h.len()..].starts_with(' ')
                && !after[h.len()..].trim().is_empty()
        }) {
            Some(h) => prefix_end = skipped + h.len(),
            None => break,
        }
    }
    let prefix = rest[..prefix_end].trim();
    rest = rest[prefix_end..].trim();
    let (given, family) = match rest.rfind(' ') {
        Some(space) => (rest[..space].trim(), rest[space + 1..].trim()),
        None => ("", rest),
    };
    [family, given, "", prefix, ""]
}

#[cfg(test)]
mod tests {
    use super::name_parts;

    #[test]
    fn names_split_into_family_given_and_prefix() {
        assert_eq!(
            name_parts("Dr. Aylin Yılmaz"),
            ["Yılmaz", "Aylin", "", "Dr.", ""]
        );
        assert_eq!(
            name_parts("Prof. Dr. Hans Peter Müller"),
            ["Müller", "Hans Peter", "", "Prof. Dr.", ""]
        );
        assert_eq!(name_parts("Ahmed"), ["Ahmed", "", "", "", ""]);
        // An honorific alone is the name, not a prefix.
        assert_eq!(name_parts("Frau"), ["Frau", "", "", "", ""]);
    }
}
