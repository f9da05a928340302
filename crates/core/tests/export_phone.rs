//! Phone numbers as publishers write them become E.164 for `tel:` links.

use dialognetz_core::export::phone::{tel_uri, to_e164, PhoneError};
use dialognetz_core::rules::check_phone;

const SH_POLICE: &str = include_str!("../../../data/sh-polizei/sh_polizeidienststellen.tsv");

#[test]
fn the_written_forms_of_one_number_agree() {
    for written in [
        "0431 160-1310",
        "(0431) 16013-10",
        "(0431) 160 13 10",
        "+49 (0)431 160-1310",
        "+49(0)431/1601310",
        "+49 431 160-1310",
        "+49-431 160-1310",
        "+49 0431 1601310",
        "0049 431 1601310",
        "0049 (0) 431 160 1310",
        "04 31/1 60 13 10",
        " 0431 1601310 ",
    ] {
        assert_eq!(to_e164(written), Ok("+494311601310".into()), "{written:?}");
    }
}

#[test]
fn an_extension_is_dialled_as_part_of_the_number() {
    assert_eq!(to_e164("0431 160-0"), Ok("+494311600".into()));
    assert_eq!(to_e164("+49 351 564549-49"), Ok("+4935156454949".into()));
    assert_eq!(to_e164("(0351) 564549/49"), Ok("+4935156454949".into()));
    assert_eq!(
        tel_uri("0351 56 45 49 49").as_deref(),
        Some("tel:+4935156454949")
    );
}

#[test]
fn foreign_numbers_keep_their_country_code() {
    assert_eq!(to_e164("+43 1 588 58-0"), Ok("+431588580".into()));
    assert_eq!(to_e164("0033 1 23 45 67 89"), Ok("+33123456789".into()));
    // Only Germany's trunk 0 is dropped after the country code; an Austrian
    // "(0)" is dropped too, because it is in brackets.
    assert_eq!(to_e164("+43 (0)1 588580"), Ok("+431588580".into()));
}

#[test]
fn what_cannot_be_dialled_is_a_typed_error() {
    assert_eq!(to_e164("56 45 49 49"), Err(PhoneError::NoAreaCode));
    assert_eq!(to_e164("110"), Err(PhoneError::NoAreaCode));
    assert_eq!(to_e164("0431 1"), Err(PhoneError::TooShort { digits: 6 }));
    assert_eq!(to_e164("+49"), Err(PhoneError::TooShort { digits: 2 }));
    assert_eq!(
        to_e164("0431 1601310 1601310 16"),
        Err(PhoneError::TooLong { digits: 21 })
    );
    assert_eq!(to_e164("000 431 1601310"), Err(PhoneError::NoCountryCode));
    assert_eq!(to_e164("+0431 1601310"), Err(PhoneError::NoCountryCode));
    assert_eq!(to_e164("0431 +1601310"), Err(PhoneError::MisplacedPlus));
    assert_eq!(
        to_e164("0431 160-1310 ext 3"),
        Err(PhoneError::InvalidCharacter('e'))
    );
    assert_eq!(
        to_e164("Tel. 0431 1601310"),
        Err(PhoneError::InvalidCharacter('T'))
    );
    assert_eq!(
        to_e164("0431.1601310"),
        Err(PhoneError::InvalidCharacter('.'))
    );
    assert_eq!(to_e164(""), Err(PhoneError::NoAreaCode));
    assert_eq!(tel_uri("0431 160-1310 ext 3"), None);
    assert_eq!(tel_uri("56 45 49 49"), None);
}

#[test]
fn service_numbers_dial_as_they_are() {
    assert_eq!(tel_uri("110").as_deref(), Some("tel:110"));
    assert_eq!(tel_uri("112").as_deref(), Some("tel:112"));
    assert_eq!(tel_uri("115").as_deref(), Some("tel:115"));
    assert_eq!(tel_uri("116 016").as_deref(), Some("tel:116016"));
    assert_eq!(tel_uri("116 117").as_deref(), Some("tel:116117"));
    assert_eq!(tel_uri("113"), None);
}

/// The telephone column of the Schleswig-Holstein police table: every number
/// the format accepts becomes +49 and exactly its digits, less a trunk 0
/// (also the one written after +49, as in `+49 040 8300053-0`).
#[test]
fn every_sh_police_number_becomes_e164() {
    let mut lines = SH_POLICE.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let column = header
        .iter()
        .position(|name| *name == "telephone")
        .expect("telephone column");
    let mut converted = 0;
    let mut national = 0;
    let mut trunk_after_country = 0;
    for line in lines {
        let Some(phone) = line.split('\t').nth(column).map(str::trim) else {
            continue;
        };
        if phone.is_empty() || check_phone(phone).is_err() {
            continue;
        }
        let e164 = to_e164(phone).unwrap_or_else(|e| panic!("{phone:?}: {e}"));
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        let expected = if let Some(rest) = digits.strip_prefix('0') {
            national += 1;
            format!("+49{rest}")
        } else if let Some(rest) = digits.strip_prefix("490") {
            // `+49 040 …`: the trunk 0 written after the country code.
            trunk_after_country += 1;
            format!("+49{rest}")
        } else {
            format!("+{digits}")
        };
        assert_eq!(e164, expected, "{phone:?}");
        assert!(e164.starts_with("+494"), "{phone:?} is not in the north");
        converted += 1;
    }
    assert!(converted > 250, "only {converted} numbers read");
    assert!(national > 5, "the table's national forms were not reached");
    assert!(
        trunk_after_country > 0,
        "the table's +49 0… form was not reached"
    );
}

#[test]
fn sample_numbers_from_the_table() {
    for (published, e164) in [
        ("+49 4321 945-1202", "+4943219451202"),
        ("+49 431 160-1310", "+494311601310"),
        ("+49 451 220750", "+49451220750"),
        ("+49 4152 80030", "+49415280030"),
        ("+49-4321 945-0", "+4943219450"),
    ] {
        assert_eq!(to_e164(published).as_deref(), Ok(e164), "{published:?}");
    }
}
