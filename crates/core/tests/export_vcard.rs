//! vCards read back property by property, as an address book would.

mod export_support;

use dialognetz_core::export::{vcard, ExportError};
use dialognetz_core::{Contact, Dataset, Geo, LanguageTag, LocalizedText, Phone};
use export_support::{all, component, one, parse, sample};

fn contact(dataset: &Dataset, id: &str) -> Contact {
    dataset
        .contacts
        .iter()
        .find(|c| c.id.as_str() == id)
        .cloned()
        .unwrap_or_else(|| panic!("no contact {id}"))
}

#[test]
fn the_kora_contact_point_is_a_function_card() {
    let dataset = sample();
    let file = vcard::contact(&dataset, &contact(&dataset, "kora-kontakt"), "de").expect("card");
    assert_eq!(file.media_type, "text/vcard;charset=utf-8");
    assert_eq!(file.file_name, "Beratungs-und-Kontaktstelle-der-KORA.vcf");

    let props = parse(&file.text);
    assert_eq!(
        props.first().map(|p| (&*p.name, &*p.value)),
        Some(("BEGIN", "VCARD"))
    );
    assert_eq!(
        props.last().map(|p| (&*p.name, &*p.value)),
        Some(("END", "VCARD"))
    );
    let card = component(&props, "VCARD");
    assert_eq!(one(card, "VERSION").value, "4.0");
    assert_eq!(
        one(card, "UID").value,
        "urn:dialognetz:sicher-zusammenleben:kora-kontakt"
    );
    // published_at 2024-02-15T09:00:00+01:00 in UTC.
    assert_eq!(one(card, "REV").value, "20240215T080000Z");
    assert_eq!(
        one(card, "FN").text(),
        "Beratungs- und Kontaktstelle der KORA"
    );
    assert!(all(card, "N").is_empty(), "a function has no person name");
    assert_eq!(
        one(card, "ROLE").text(),
        "Beratungs- und Kontaktstelle der KORA"
    );
    assert_eq!(
        one(card, "ORG").text(),
        "Koordinierungs- und Beratungsstelle Radikalisierungsprävention"
    );

    let tel = one(card, "TEL");
    assert_eq!(tel.param("VALUE"), Some("uri"));
    assert_eq!(tel.param("TYPE"), Some("work,voice"));
    assert_eq!(tel.value, "tel:+4935156454949");
    assert_eq!(one(card, "EMAIL").text(), "kora@sms.sachsen.de");

    let adr = one(card, "ADR").components();
    assert_eq!(
        adr,
        [
            "",
            "",
            "Albertstr. 10",
            "Dresden",
            "Sachsen",
            "01099",
            "Deutschland"
        ]
    );
    assert_eq!(
        one(card, "URL").value,
        "https://www.demokratiezentrum.sachsen.de"
    );
    assert!(
        all(card, "NOTE").is_empty(),
        "no availability was published"
    );
}

#[test]
fn a_function_card_speaks_the_apps_language() {
    let dataset = sample();
    let file = vcard::contact(&dataset, &contact(&dataset, "kora-kontakt"), "en").expect("card");
    let props = parse(&file.text);
    assert_eq!(
        one(&props, "FN").text(),
        "KORA counselling and contact point"
    );
    assert_eq!(file.file_name, "KORA-counselling-and-contact-point.vcf");
}

#[test]
fn a_person_card_has_name_parts_mobile_languages_and_availability() {
    let dataset = sample();
    let mut person = contact(&dataset, "kora-kontakt");
    person.name = Some("Dr. Aylin Yılmaz".into());
    person.role = LocalizedText::Plain("Beraterin; Prävention, Intervention\\Ausstieg".into());
    person.mobile = Some(Phone::from("+49 (0)171 234 56 78"));
    person.languages = vec![LanguageTag::from("de"), LanguageTag::from("tr")];
    person.availability = Some(LocalizedText::Plain(
        "Mo–Fr 9–15 Uhr,\nmittwochs nur nach Vereinbarung".into(),
    ));
    let file = vcard::contact(&dataset, &person, "de").expect("card");
    assert_eq!(file.file_name, "Dr-Aylin-Yilmaz.vcf");
    let props = parse(&file.text);

    assert_eq!(one(&props, "FN").text(), "Dr. Aylin Yılmaz");
    assert_eq!(
        one(&props, "N").components(),
        ["Yılmaz", "Aylin", "", "Dr.", ""]
    );
    assert_eq!(
        one(&props, "TITLE").text(),
        "Beraterin; Prävention, Intervention\\Ausstieg"
    );
    assert!(all(&props, "ROLE").is_empty());

    let tels = all(&props, "TEL");
    assert_eq!(tels.len(), 2);
    assert_eq!(tels[1].param("TYPE"), Some("work,cell"));
    assert_eq!(tels[1].value, "tel:+491712345678");

    let langs: Vec<(Option<&str>, &str)> = all(&props, "LANG")
        .iter()
        .map(|p| (p.param("PREF"), p.value.as_str()))
        .collect();
    assert_eq!(langs, [(Some("1"), "de"), (Some("2"), "tr")]);
    assert_eq!(
        one(&props, "NOTE").text(),
        "Mo–Fr 9–15 Uhr,\nmittwochs nur nach Vereinbarung"
    );
}

#[test]
fn a_number_that_cannot_be_dialled_is_kept_as_text() {
    let dataset = sample();
    let mut local = contact(&dataset, "kora-kontakt");
    local.phone = Some(Phone::from("56 45 49 49"));
    let props = parse(&vcard::contact(&dataset, &local, "de").expect("card").text);
    let tel = one(&props, "TEL");
    assert_eq!(tel.param("VALUE"), Some("text"));
    assert_eq!(tel.text(), "56 45 49 49");
}

#[test]
fn a_contact_of_a_missing_organisation_is_a_typed_error() {
    let dataset = sample();
    let mut orphan = contact(&dataset, "kora-kontakt");
    orphan.organization = "nirgendwo".into();
    assert_eq!(
        vcard::contact(&dataset, &orphan, "de"),
        Err(ExportError::UnknownOrganization("nirgendwo".into()))
    );
}

#[test]
fn long_texts_fold_and_unfold_unchanged() {
    let dataset = sample();
    let mut wordy = contact(&dataset, "kora-kontakt");
    let note = "Sprechzeiten für Angehörige – ".repeat(12) + "😀 Ende";
    wordy.availability = Some(LocalizedText::Plain(note.clone()));
    let file = vcard::contact(&dataset, &wordy, "de").expect("card");
    assert!(file.text.contains("\r\n "), "the note was not folded");
    // parse() holds every line to 75 octets and unfolds them.
    assert_eq!(one(&parse(&file.text), "NOTE").text(), note);
}

#[test]
fn line_breaks_in_data_cannot_start_a_property() {
    let dataset = sample();
    let mut hostile = contact(&dataset, "kora-kontakt");
    hostile.name = Some("Eve\r\nTEL:tel:+4990012345\rX".into());
    let props = parse(&vcard::contact(&dataset, &hostile, "de").expect("card").text);
    assert_eq!(all(&props, "TEL").len(), 1);
    assert_eq!(one(&props, "FN").text(), "Eve\nTEL:tel:+4990012345\nX");
}

#[test]
fn the_organisation_card() {
    let mut dataset = sample();
    let Some(kora) = dataset
        .organizations
        .iter_mut()
        .find(|o| o.id.as_str() == "kora")
    else {
        panic!("no kora");
    };
    kora.geo = Some(Geo {
        lat: 51.0601,
        lon: 13.7505,
    });
    let kora = kora.clone();
    let file = vcard::organization_card(&dataset, &kora, "en").expect("card");
    assert_eq!(file.file_name, "KORA.vcf");
    let props = parse(&file.text);
    assert_eq!(one(&props, "KIND").value, "org");
    assert_eq!(
        one(&props, "UID").value,
        "urn:dialognetz:sicher-zusammenleben:kora"
    );
    assert_eq!(
        one(&props, "FN").text(),
        "Koordinierungs- und Beratungsstelle Radikalisierungsprävention"
    );
    assert_eq!(one(&props, "NICKNAME").text(), "KORA");
    assert_eq!(one(&props, "TEL").value, "tel:+4935156454949");
    assert_eq!(one(&props, "GEO").value, "geo:51.0601,13.7505");
    assert_eq!(one(&props, "ADR").param("GEO"), Some("geo:51.0601,13.7505"));
    assert!(one(&props, "NOTE")
        .text()
        .starts_with("Works to prevent Islamist"));
}

#[test]
fn every_sample_entry_exports_in_every_language() {
    let dataset = sample();
    for language in ["de", "en", "ar"] {
        for c in &dataset.contacts {
            let file = vcard::contact(&dataset, c, language).expect("contact card");
            let props = parse(&file.text);
            assert!(!one(&props, "FN").text().is_empty());
            assert!(file.file_name.ends_with(".vcf"));
            assert!(file
                .file_name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'));
        }
        for org in &dataset.organizations {
            let file = vcard::organization_card(&dataset, org, language).expect("org card");
            let props = parse(&file.text);
            assert_eq!(one(&props, "FN").text(), org.name);
            assert!(file
                .file_name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'));
        }
    }
}
