//! What changed for users between two datasets: per list, the entries
//! added, removed and changed, each change field by field (old → new).
//! Entries are matched by id, which is why the importer keeps ids stable.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::Value;

use crate::model::Dataset;

/// One field that differs (`address.city`, `phone`); `None` is "not there".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<Value>,
    pub new: Option<Value>,
}

/// An entry by its id and the title users see.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryRef {
    pub id: String,
    pub title: String,
}

/// An entry present in both, with its changed fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangedEntry {
    pub id: String,
    pub title: String,
    pub fields: Vec<FieldChange>,
}

/// The changes in one list.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ListDiff {
    pub added: Vec<EntryRef>,
    pub removed: Vec<EntryRef>,
    pub changed: Vec<ChangedEntry>,
}

impl ListDiff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Totals over all lists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct DiffSummary {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

/// Everything that differs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Diff {
    /// Changed `meta` fields (version, published_at, title…).
    pub meta: Vec<FieldChange>,
    /// Per list name (`organizations`), only the lists with changes, in the
    /// format's order.
    pub lists: Vec<(String, ListDiff)>,
    pub summary: DiffSummary,
}

/// The lists whose entries have an id, in the format's order.
const LISTS: [&str; 7] = [
    "topics",
    "organizations",
    "contacts",
    "forums",
    "events",
    "projects",
    "articles",
];

/// Compares two datasets.
pub fn diff(old: &Dataset, new: &Dataset) -> Diff {
    let (old_value, new_value) = (to_value(old), to_value(new));
    let mut result = Diff::default();
    fields(
        "",
        old_value.get("meta"),
        new_value.get("meta"),
        &mut result.meta,
    );
    for list in LISTS {
        let changes = list_diff(
            old_value.get(list),
            new_value.get(list),
            old.meta.default_language(),
        );
        if !changes.is_empty() {
            result.summary.added += changes.added.len();
            result.summary.removed += changes.removed.len();
            result.summary.changed += changes.changed.len();
            result.lists.push((list.to_owned(), changes));
        }
    }
    let synonyms = (old_value.get("synonyms"), new_value.get("synonyms"));
    if synonyms.0 != synonyms.1 {
        result.meta.push(FieldChange {
            field: "synonyms".to_owned(),
            old: synonyms.0.cloned(),
            new: synonyms.1.cloned(),
        });
    }
    result
}

/// The dataset as a JSON tree; the model's types always serialize.
fn to_value(dataset: &Dataset) -> Value {
    serde_json::to_value(dataset).unwrap_or(Value::Null)
}

fn entries(list: Option<&Value>) -> Vec<&serde_json::Map<String, Value>> {
    list.and_then(Value::as_array)
        .map(|items| items.iter().filter_map(Value::as_object).collect())
        .unwrap_or_default()
}

fn id_of(entry: &serde_json::Map<String, Value>) -> String {
    entry
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// `name`, else `title` or `label` in the default language, else `role`.
fn title_of(entry: &serde_json::Map<String, Value>, language: &str) -> String {
    for key in ["name", "title", "label", "role"] {
        match entry.get(key) {
            Some(Value::String(text)) => return text.clone(),
            Some(Value::Object(texts)) => {
                let text = texts
                    .get(language)
                    .or_else(|| texts.values().next())
                    .and_then(Value::as_str);
                if let Some(text) = text {
                    return text.to_owned();
                }
            }
            _ => {}
        }
    }
    String::new()
}

fn list_diff(old: Option<&Value>, new: Option<&Value>, language: &str) -> ListDiff {
    let old = entries(old);
    let new = entries(new);
    let old_by_id: HashMap<String, &serde_json::Map<String, Value>> =
        old.iter().map(|e| (id_of(e), *e)).collect();
    let new_ids: HashMap<String, ()> = new.iter().map(|e| (id_of(e), ())).collect();
    let mut out = ListDiff::default();
    for entry in &new {
        let id = id_of(entry);
        match old_by_id.get(&id) {
            None => out.added.push(EntryRef {
                title: title_of(entry, language),
                id,
            }),
            Some(before) => {
                let mut changes = Vec::new();
                let (before, after) = (
                    Value::Object((*before).clone()),
                    Value::Object((*entry).clone()),
                );
                fields("", Some(&before), Some(&after), &mut changes);
                if !changes.is_empty() {
                    out.changed.push(ChangedEntry {
                        title: title_of(entry, language),
                        id,
                        fields: changes,
                    });
                }
            }
        }
    }
    for entry in &old {
        let id = id_of(entry);
        if !new_ids.contains_key(&id) {
            out.removed.push(EntryRef {
                title: title_of(entry, language),
                id,
            });
        }
    }
    out
}

/// The differing fields of two values: objects field by field (nested
/// objects with dotted names), everything else (texts, numbers, lists) as
/// a whole.
fn fields(prefix: &str, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<FieldChange>) {
    match (old, new) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            let keys: BTreeMap<&String, ()> = a.keys().chain(b.keys()).map(|k| (k, ())).collect();
            // In the order of the field names, so that reports compare.
            for key in keys.into_keys() {
                let name = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                fields(&name, a.get(key.as_str()), b.get(key.as_str()), out);
            }
        }
        (a, b) if a == b => {}
        (a, b) => out.push(FieldChange {
            field: prefix.to_owned(),
            old: a.cloned(),
            new: b.cloned(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(version: &str, orgs: &str) -> Dataset {
        let text = format!(
            r#"{{"format": "dialognetz-dataset", "format_version": 1,
            "meta": {{"id": "t", "title": "T", "publisher": "P", "version": "{version}", "published_at": "2026-01-01T00:00:00Z"}},
            "organizations": [{orgs}]}}"#
        );
        crate::validate(text.as_bytes()).unwrap_or_else(|p| panic!("valid: {p:?}"))
    }

    const KIEL: &str = r#"{"id": "kiel", "name": "Revier Kiel", "kind": "police", "phone": "0431 160-0", "address": {"city": "Kiel", "postcode": "24103"}}"#;
    const LUEBECK: &str = r#"{"id": "luebeck", "name": "Revier Lübeck", "kind": "police"}"#;

    #[test]
    fn added_removed_and_changed_fields_by_entity() {
        let old = dataset("1", &format!("{KIEL}, {LUEBECK}"));
        let kiel_new = r#"{"id": "kiel", "name": "Revier Kiel", "kind": "police", "phone": "0431 160-1", "address": {"city": "Kiel"}, "geo": {"lat": 54.3, "lon": 10.1}}"#;
        let flensburg = r#"{"id": "flensburg", "name": "Revier Flensburg", "kind": "police"}"#;
        let new = dataset("2", &format!("{kiel_new}, {flensburg}"));
        let d = diff(&old, &new);
        assert_eq!(
            d.summary,
            DiffSummary {
                added: 1,
                removed: 1,
                changed: 1
            }
        );
        assert_eq!(d.meta.len(), 1);
        assert_eq!(d.meta[0].field, "version");
        let (list, orgs) = &d.lists[0];
        assert_eq!(list, "organizations");
        assert_eq!(orgs.added[0].id, "flensburg");
        assert_eq!(orgs.removed[0].title, "Revier Lübeck");
        let fields: Vec<(&str, Option<&Value>, Option<&Value>)> = orgs.changed[0]
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.old.as_ref(), f.new.as_ref()))
            .collect();
        assert_eq!(
            fields,
            [
                ("address.postcode", Some(&Value::from("24103")), None),
                (
                    "geo",
                    None,
                    Some(&serde_json::json!({"lat": 54.3, "lon": 10.1}))
                ),
                (
                    "phone",
                    Some(&Value::from("0431 160-0")),
                    Some(&Value::from("0431 160-1"))
                ),
            ]
        );
    }

    #[test]
    fn the_same_dataset_has_no_changes() {
        let old = dataset("1", KIEL);
        let d = diff(&old, &old.clone());
        assert_eq!(d, Diff::default());
    }
}
