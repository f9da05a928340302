//! Calendar files read back property by property, as a calendar would.

mod export_support;

use dialognetz_core::export::{ical, ExportError};
use dialognetz_core::{Dataset, Date, Email, Event, LocalizedText, Registration, Url};
use export_support::{all, component, one, parse, sample};

fn annual_conference(dataset: &Dataset) -> Event {
    dataset
        .events
        .iter()
        .find(|e| e.id.as_str() == "fachtagung-2024")
        .cloned()
        .expect("the sample's conference")
}

/// The VEVENT of the file for `event`.
fn vevent(dataset: &Dataset, event: &Event) -> Vec<export_support::Property> {
    let file = ical::event(dataset, event, "de").expect("calendar file");
    let props = parse(&file.text);
    component(&props, "VEVENT").to_vec()
}

#[test]
fn the_annual_conference_is_a_two_day_all_day_event() {
    let dataset = sample();
    let file = ical::event(&dataset, &annual_conference(&dataset), "de").expect("file");
    assert_eq!(file.media_type, "text/calendar;charset=utf-8");
    assert!(file.file_name.ends_with(".ics"));
    assert!(file
        .file_name
        .starts_with("Zwischen-Gleichstellung-und-Vorurteilen"));
    assert!(file.file_name.len() <= 64, "{}", file.file_name);

    let props = parse(&file.text);
    let calendar = component(&props, "VCALENDAR");
    assert_eq!(one(calendar, "VERSION").value, "2.0");
    assert!(one(calendar, "PRODID").value.contains("Dialognetz"));
    assert_eq!(all(calendar, "BEGIN").len(), 1, "one VEVENT");

    let event = component(&props, "VEVENT");
    assert_eq!(
        one(event, "UID").value,
        "urn:dialognetz:sicher-zusammenleben:fachtagung-2024"
    );
    assert_eq!(one(event, "DTSTAMP").value, "20240215T080000Z");
    let start = one(event, "DTSTART");
    assert_eq!(start.param("VALUE"), Some("DATE"));
    assert_eq!(start.value, "20240306");
    // 6 and 7 March: the all-day end is exclusive.
    let end = one(event, "DTEND");
    assert_eq!(end.param("VALUE"), Some("DATE"));
    assert_eq!(end.value, "20240308");
    assert_eq!(
        one(event, "SUMMARY").text(),
        "Zwischen Gleichstellung und Vorurteilen – Frauen in muslimischen Communitys – Frauen in der Polizei"
    );
    let description = one(event, "DESCRIPTION").text();
    assert!(description
        .starts_with("Jährliche bundesweite Fachtagung des Kooperationsnetzwerks, jedes Jahr"));
    assert!(description.ends_with("\n\nAnmeldung: Sicher.Zusammenleben@bamf.bund.de"));
    assert_eq!(one(event, "LOCATION").text(), "Nürnberg");
    let organizer = one(event, "ORGANIZER");
    assert_eq!(
        organizer.param("CN"),
        Some("Kooperationsnetzwerk Sicher Zusammenleben")
    );
    assert_eq!(organizer.value, "mailto:Sicher.Zusammenleben@bamf.bund.de");
    assert!(
        all(event, "URL").is_empty(),
        "the sample registers by e-mail only"
    );
}

#[test]
fn english_texts_and_labels() {
    let dataset = sample();
    let file = ical::event(&dataset, &annual_conference(&dataset), "en").expect("file");
    let props = parse(&file.text);
    assert!(one(&props, "SUMMARY")
        .text()
        .starts_with("Between equality and prejudice"));
    assert!(one(&props, "DESCRIPTION")
        .text()
        .ends_with("Registration: Sicher.Zusammenleben@bamf.bund.de"));
}

#[test]
fn the_same_dataset_gives_the_same_bytes() {
    let dataset = sample();
    let event = annual_conference(&dataset);
    assert_eq!(
        ical::event(&dataset, &event, "de"),
        ical::event(&dataset, &event, "de")
    );
    let mut later = dataset.clone();
    later.meta.published_at = "2024-06-01T12:00:00+02:00".into();
    let props = parse(&ical::event(&later, &event, "de").expect("file").text);
    assert_eq!(one(&props, "DTSTAMP").value, "20240601T100000Z");
}

#[test]
fn timestamps_are_written_in_utc() {
    let dataset = sample();
    let mut meeting = annual_conference(&dataset);
    meeting.start = Date::from("2024-03-06T09:30:00+01:00");
    meeting.end = Some(Date::from("2024-07-06T16:00:00+02:00"));
    let event = vevent(&dataset, &meeting);
    let start = one(&event, "DTSTART");
    assert_eq!(start.params, [], "a UTC time needs no TZID or VALUE");
    assert_eq!(start.value, "20240306T083000Z");
    assert_eq!(one(&event, "DTEND").value, "20240706T140000Z");

    meeting.end = None;
    let event = vevent(&dataset, &meeting);
    assert!(all(&event, "DTEND").is_empty(), "an instant without end");

    // An end given as a day closes at midnight after it, in the start's offset.
    meeting.end = Some(Date::from("2024-03-07"));
    assert_eq!(
        one(&vevent(&dataset, &meeting), "DTEND").value,
        "20240307T230000Z"
    );
}

#[test]
fn a_day_without_end_lasts_the_day_and_a_timed_end_closes_on_its_date() {
    let dataset = sample();
    let mut day = annual_conference(&dataset);
    day.end = None;
    let event = vevent(&dataset, &day);
    assert_eq!(one(&event, "DTSTART").value, "20240306");
    assert_eq!(one(&event, "DTEND").value, "20240307");

    day.end = Some(Date::from("2024-03-08T13:00:00+01:00"));
    let event = vevent(&dataset, &day);
    assert_eq!(one(&event, "DTEND").param("VALUE"), Some("DATE"));
    assert_eq!(one(&event, "DTEND").value, "20240309");
}

#[test]
fn a_year_or_month_is_too_imprecise_for_a_calendar() {
    let dataset = sample();
    let mut vague = annual_conference(&dataset);
    vague.start = Date::from("2024-03");
    vague.end = None;
    assert_eq!(
        ical::event(&dataset, &vague, "de"),
        Err(ExportError::ImpreciseDate {
            field: "start",
            value: "2024-03".into()
        })
    );
    let mut vague_end = annual_conference(&dataset);
    vague_end.end = Some(Date::from("2024"));
    assert!(matches!(
        ical::event(&dataset, &vague_end, "de"),
        Err(ExportError::ImpreciseDate { field: "end", .. })
    ));
    let mut broken = annual_conference(&dataset);
    broken.start = Date::from("6. März");
    assert!(matches!(
        ical::event(&dataset, &broken, "de"),
        Err(ExportError::Date { field: "start", .. })
    ));
    let mut last_day = annual_conference(&dataset);
    last_day.start = Date::from("9999-12-31");
    last_day.end = None;
    assert!(matches!(
        ical::event(&dataset, &last_day, "de"),
        Err(ExportError::OutOfRange { .. })
    ));
}

#[test]
fn venue_registration_and_hostile_text() {
    let dataset = sample();
    let mut event = annual_conference(&dataset);
    event.venue = Some("Saal 1; Haus A, 2. OG".into());
    event.title = LocalizedText::Plain("Treffen\r\nEND:VEVENT\r\nBEGIN:VEVENT".into());
    event.registration = Some(Registration {
        email: Some(Email::from("anmeldung@example.org")),
        url: Some(Url::from("https://example.org/anmeldung?jahr=2024&ort=nbg")),
        deadline: Some(Date::from("2024-02-20")),
    });
    let file = ical::event(&dataset, &event, "de").expect("file");
    let props = parse(&file.text);
    assert_eq!(all(&props, "BEGIN").len(), 2, "VCALENDAR and one VEVENT");
    let vevent = component(&props, "VEVENT");
    assert_eq!(
        one(vevent, "SUMMARY").text(),
        "Treffen\nEND:VEVENT\nBEGIN:VEVENT"
    );
    assert_eq!(
        one(vevent, "LOCATION").text(),
        "Saal 1; Haus A, 2. OG, Nürnberg"
    );
    assert_eq!(
        one(vevent, "URL").value,
        "https://example.org/anmeldung?jahr=2024&ort=nbg"
    );
    let description = one(vevent, "DESCRIPTION").text();
    assert!(description.contains("Anmeldung: anmeldung@example.org"));
    assert!(description.contains("Anmeldung: https://example.org/anmeldung?jahr=2024&ort=nbg"));
    assert!(description.ends_with("Anmeldeschluss: 2024-02-20"));
    assert_eq!(file.file_name, "Treffen-END-VEVENT-BEGIN-VEVENT.ics");
}

#[test]
fn an_organizer_that_is_not_in_the_dataset_is_a_typed_error() {
    let dataset = sample();
    let mut event = annual_conference(&dataset);
    event.organizer = Some("unbekannt".into());
    assert_eq!(
        ical::event(&dataset, &event, "de"),
        Err(ExportError::UnknownOrganization("unbekannt".into()))
    );
    // Without organizer there is no ORGANIZER line, and no error.
    event.organizer = None;
    assert!(all(&vevent(&dataset, &event), "ORGANIZER").is_empty());
}

#[test]
fn a_quote_in_the_organizers_name_cannot_end_the_parameter() {
    let mut dataset = sample();
    let Some(org) = dataset
        .organizations
        .iter_mut()
        .find(|o| o.id.as_str() == "kosizu")
    else {
        panic!("no kosizu");
    };
    org.name = "Netz \"Sicher\": Zusammen; leben".into();
    let event = annual_conference(&dataset);
    let vevent = vevent(&dataset, &event);
    let organizer = one(&vevent, "ORGANIZER");
    assert_eq!(
        organizer.param("CN"),
        Some("Netz ^'Sicher^': Zusammen; leben")
    );
    assert_eq!(organizer.value, "mailto:Sicher.Zusammenleben@bamf.bund.de");
}
