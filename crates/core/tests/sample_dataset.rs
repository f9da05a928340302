//! The bundled sample dataset keeps every rule of the format.

use dialognetz_core::validate;

const SAMPLE: &[u8] = include_bytes!("../../../public/data/dataset.json");

#[test]
fn sample_dataset_is_valid() {
    let dataset = match validate(SAMPLE) {
        Ok(dataset) => dataset,
        Err(problems) => panic!(
            "sample dataset invalid:\n{}",
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    assert_eq!(dataset.meta.id.as_str(), "sicher-zusammenleben");
    let forum = dataset
        .forums
        .iter()
        .find(|f| f.id.as_str() == "sicherheitsdialog-dresden")
        .expect("the Dresden security dialogue is in the sample");
    assert_eq!(forum.members.len(), 14);
    let kora = dataset
        .organizations
        .iter()
        .find(|o| o.short_name.as_deref() == Some("KORA"))
        .expect("KORA is in the sample");
    assert_eq!(
        kora.phone.as_ref().map(|p| p.as_str()),
        Some("0351 56 45 49 49")
    );
    assert_eq!(
        kora.email.as_ref().map(|p| p.as_str()),
        Some("kora@sms.sachsen.de")
    );
}
