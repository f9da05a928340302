//! A spreadsheet's rows → organisations of a dataset, by a column mapping.
//!
//! Every problem names the file, the row's line and the column, and is
//! either an error (the row is not imported) or a warning (the row is
//! imported, and the warning says exactly what was made of the cell). No
//! value is changed without a warning: trimmed spaces, collapsed spaces and
//! line breaks are all listed. With `strict`, every warning is an error.
//!
//! Ids are stable: `prefix` + the id column's value (or, without an id
//! column, the name and city), spelt as the format wants
//! (`9092250` → `sh-polizei-9092250`). Importing into an existing dataset
//! replaces the organisations with the same id, keeps the fields the mapping
//! does not cover (a description written by hand stays), keeps the published
//! entry of a row that has an error, and removes the entries of this prefix
//! that the table no longer has.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::geo::state_code;
use crate::model::*;
use crate::rules::{check_email, check_id, check_phone, check_postcode, check_state, check_url};

/// How serious an import problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The row is imported; the message says what was made of the value.
    Warning,
    /// The row is not imported (or, without a row, nothing is).
    Error,
}

/// One thing found while importing, at a row and column of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportProblem {
    /// The table's file name as the publisher gave it.
    pub file: String,
    /// The 1-based line the row starts on (the header is line 1); `None`
    /// for the file or the mapping as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The column's name in the header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The cell's value as it is in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// What is wrong and what was done, for a person.
    pub message: String,
    pub severity: Severity,
}

impl ImportProblem {
    /// `file.tsv:57 column telephone: "0461 484 0 " has a trailing space; … [warning]`.
    pub fn render(&self) -> String {
        let mut out = self.file.clone();
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
        }
        if let Some(column) = &self.column {
            out.push_str(&format!(" column {column}"));
        }
        out.push_str(": ");
        if let Some(value) = &self.value {
            out.push_str(&format!("{value:?} "));
        }
        out.push_str(&self.message);
        out.push_str(match self.severity {
            Severity::Warning => " [warning]",
            Severity::Error if self.line.is_some() => " [error, row skipped]",
            Severity::Error => " [error]",
        });
        out
    }
}

/// One column, or several joined with a space (street and house number).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Columns {
    One(String),
    Several(Vec<String>),
}

impl Columns {
    fn names(&self) -> Vec<&str> {
        match self {
            Columns::One(name) => vec![name.as_str()],
            Columns::Several(names) => names.iter().map(String::as_str).collect(),
        }
    }
}

/// Which column holds which field. Every field but `name` is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnMap {
    pub name: String,
    pub short_name: Option<String>,
    pub street: Option<Columns>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// Latitude in its own column (a decimal comma is read too).
    pub latitude: Option<String>,
    pub longitude: Option<String>,
    /// Both in one column, `lat, lon` (as map services copy them).
    pub coordinates: Option<String>,
    pub kind: Option<String>,
    /// Topic ids or labels, separated by `,` `;` or `|`.
    pub topics: Option<String>,
}

/// How ids are made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct IdRule {
    /// The column with the publisher's own key for a row (best: it never
    /// changes). Without it the id comes from name and city, and changes
    /// when they do.
    pub column: Option<String>,
    /// Put before every id; it also marks which entries this table owns.
    #[serde(default)]
    pub prefix: String,
}

/// Values every row gets where its own cell is empty or there is no column.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Fixed {
    pub state: Option<String>,
    pub kind: Option<String>,
    /// Topic ids every row is tagged with, besides its own.
    #[serde(default)]
    pub topics: Vec<String>,
}

/// The dataset's `meta` when there is no dataset to import into yet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MetaDefaults {
    pub id: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub license: Option<String>,
    pub default_language: Option<String>,
    pub contact_email: Option<String>,
}

/// How to read the file; the tool detects both when they are left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SourceOptions {
    /// `tab`, `;`, `,` or `|`.
    pub delimiter: Option<String>,
    /// `utf-8` or `windows-1252`.
    pub encoding: Option<String>,
}

/// The mapping file (TOML or JSON), documented in `docs/publishing.md`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    #[serde(default)]
    pub source: SourceOptions,
    #[serde(default)]
    pub meta: MetaDefaults,
    #[serde(default)]
    pub id: IdRule,
    pub columns: ColumnMap,
    #[serde(default)]
    pub fixed: Fixed,
    /// A cell's value in the kind column → a kind of the format
    /// (`"Polizei" = "police"`); compared without case.
    #[serde(default)]
    pub kinds: BTreeMap<String, String>,
    /// Topics this table uses: id → label; added to the dataset if missing.
    #[serde(default)]
    pub topics: BTreeMap<String, String>,
}

/// The table as read from the file: the header and the rows, each with the
/// line it starts on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The file name, for the problems.
    pub file: String,
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The 1-based line the row starts on.
    pub line: u64,
    pub cells: Vec<String>,
}

/// What the import is asked to do besides the mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// Warnings count as errors: nothing doubtful is imported.
    pub strict: bool,
    /// The new dataset's `meta.published_at`.
    pub published_at: Timestamp,
    /// The new dataset's `meta.version`; the time stamp when `None`.
    pub version: Option<String>,
}

/// Counts for the summary line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportStats {
    /// Rows with at least one cell (blank rows are not counted).
    pub rows: usize,
    /// Rows imported.
    pub imported: usize,
    /// Rows not imported because of an error.
    pub skipped: usize,
    /// Organisations that are new in the dataset.
    pub added: usize,
    /// Existing organisations whose fields changed.
    pub changed: usize,
    /// Existing organisations the table left as they were.
    pub unchanged: usize,
    /// Published organisations kept because their row has an error.
    pub kept: usize,
    /// Organisations of this table's prefix that the table no longer has.
    pub removed: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// The outcome of an import that could read its table.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The merged dataset, not yet validated (the caller validates it).
    pub dataset: Dataset,
    /// Every problem, in the order of the file.
    pub problems: Vec<ImportProblem>,
    pub stats: ImportStats,
    /// Columns of the header that the mapping does not use.
    pub unused_columns: Vec<String>,
    /// Ids of the organisations the table no longer has.
    pub removed: Vec<String>,
}

/// Imports `table` by `mapping` into `base` (or a new dataset). Fails only
/// when nothing can be imported: a mapping that names a column the header
/// does not have, a missing `meta` for a new dataset. Every such problem is
/// returned, not only the first.
pub fn import(
    table: &Table,
    mapping: &Mapping,
    base: Option<&Dataset>,
    options: &ImportOptions,
) -> Result<Imported, Vec<ImportProblem>> {
    let columns = resolve_columns(table, mapping)?;
    let meta = match base {
        Some(base) => Meta {
            version: version(options),
            published_at: options.published_at.clone(),
            ..base.meta.clone()
        },
        None => new_meta(&table.file, mapping, options)?,
    };
    let mut topics = base.map(|b| b.topics.clone()).unwrap_or_default();
    for (id, label) in &mapping.topics {
        if !topics.iter().any(|t| t.id.as_str() == id) {
            topics.push(Topic {
                id: Id(id.clone()),
                label: LocalizedText::Plain(label.clone()),
            });
        }
    }
    let mut reader = RowReader {
        file: &table.file,
        header: &table.header,
        columns: &columns,
        mapping,
        topics: &topics,
        problems: Vec::new(),
    };
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut rows = 0;
    for row in &table.rows {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows += 1;
        candidates.push(reader.row(row));
    }
    let mut problems = reader.problems;
    file_wide_checks(table, &columns, &candidates, &mut problems);
    duplicate_ids(table, &candidates, &mut problems);
    if options.strict {
        for problem in &mut problems {
            if problem.severity == Severity::Warning && problem.line.is_some() {
                problem.severity = Severity::Error;
                problem.message.push_str(" (--strict)");
            }
        }
    }
    let failed: BTreeSet<u64> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .filter_map(|p| p.line)
        .collect();
    problems.sort_by_key(|p| (p.line, column_order(&table.header, p.column.as_deref())));

    let mut stats = ImportStats {
        rows,
        errors: problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count(),
        warnings: problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
            .count(),
        ..ImportStats::default()
    };
    let (organizations, removed) = merge(
        base.map(|b| b.organizations.as_slice()).unwrap_or_default(),
        candidates,
        &failed,
        mapping,
        &mut stats,
    );
    let dataset = match base {
        Some(base) => Dataset {
            meta,
            topics,
            organizations,
            ..base.clone()
        },
        None => Dataset {
            format: FORMAT_NAME.to_owned(),
            format_version: SUPPORTED_FORMAT_VERSION,
            meta,
            topics,
            organizations,
            contacts: Vec::new(),
            forums: Vec::new(),
            events: Vec::new(),
            projects: Vec::new(),
            articles: Vec::new(),
            synonyms: Vec::new(),
        },
    };
    let used: BTreeSet<usize> = columns.used.iter().copied().collect();
    let unused_columns = table
        .header
        .iter()
        .enumerate()
        .filter(|(i, name)| !used.contains(i) && !name.trim().is_empty())
        .map(|(_, name)| name.trim().to_owned())
        .collect();
    Ok(Imported {
        dataset,
        problems,
        stats,
        unused_columns,
        removed,
    })
}

fn version(options: &ImportOptions) -> String {
    options
        .version
        .clone()
        .unwrap_or_else(|| options.published_at.0.clone())
}

fn column_order(header: &[String], column: Option<&str>) -> usize {
    column
        .and_then(|c| header.iter().position(|h| h.trim() == c))
        .unwrap_or(usize::MAX)
}

/// The header positions of the mapped columns.
#[derive(Debug, Default)]
struct ColumnIndex {
    id: Option<usize>,
    name: usize,
    short_name: Option<usize>,
    street: Vec<usize>,
    postcode: Option<usize>,
    city: Option<usize>,
    state: Option<usize>,
    phone: Option<usize>,
    email: Option<usize>,
    website: Option<usize>,
    latitude: Option<usize>,
    longitude: Option<usize>,
    coordinates: Option<usize>,
    kind: Option<usize>,
    topics: Option<usize>,
    used: Vec<usize>,
}

fn resolve_columns(table: &Table, mapping: &Mapping) -> Result<ColumnIndex, Vec<ImportProblem>> {
    let mut problems = Vec::new();
    let header: Vec<&str> = table.header.iter().map(|h| h.trim()).collect();
    let mut used = Vec::new();
    let mut find = |field: &str, column: &str| -> Option<usize> {
        let found: Vec<usize> = header
            .iter()
            .enumerate()
            .filter(|(_, h)| **h == column)
            .map(|(i, _)| i)
            .collect();
        match found.as_slice() {
            [one] => {
                used.push(*one);
                Some(*one)
            }
            [] => {
                let hint = header
                    .iter()
                    .find(|h| h.to_lowercase() == column.to_lowercase())
                    .map(|h| format!("; the header has {h:?} (capitals differ)"))
                    .unwrap_or_else(|| {
                        let names: Vec<&str> =
                            header.iter().copied().filter(|h| !h.is_empty()).collect();
                        format!("; the header has: {}", names.join(", "))
                    });
                problems.push(file_problem(
                    &table.file,
                    Some(column),
                    format!("the mapping reads {field} from column {column:?}, which the header does not have{hint}"),
                ));
                None
            }
            _ => {
                problems.push(file_problem(
                    &table.file,
                    Some(column),
                    format!(
                        "the header has column {column:?} {} times; name each column once",
                        found.len()
                    ),
                ));
                None
            }
        }
    };
    let c = &mapping.columns;
    let mut index = ColumnIndex {
        id: mapping
            .id
            .column
            .as_deref()
            .and_then(|col| find("the id", col)),
        name: find("name", &c.name).unwrap_or(usize::MAX),
        ..ColumnIndex::default()
    };
    let mut optional =
        |field: &str, column: &Option<String>| column.as_deref().and_then(|col| find(field, col));
    index.short_name = optional("short_name", &c.short_name);
    index.postcode = optional("postcode", &c.postcode);
    index.city = optional("city", &c.city);
    index.state = optional("state", &c.state);
    index.phone = optional("phone", &c.phone);
    index.email = optional("email", &c.email);
    index.website = optional("website", &c.website);
    index.latitude = optional("latitude", &c.latitude);
    index.longitude = optional("longitude", &c.longitude);
    index.coordinates = optional("coordinates", &c.coordinates);
    index.kind = optional("kind", &c.kind);
    index.topics = optional("topics", &c.topics);
    if let Some(street) = &c.street {
        index.street = street
            .names()
            .into_iter()
            .filter_map(|col| find("street", col))
            .collect();
    }
    index.used = used;
    if c.latitude.is_some() != c.longitude.is_some() {
        problems.push(file_problem(
            &table.file,
            None,
            "the mapping names only one of latitude and longitude; name both, or coordinates for one column with both".to_owned(),
        ));
    }
    if c.kind.is_none() && mapping.fixed.kind.is_none() {
        problems.push(file_problem(
            &table.file,
            None,
            "the mapping gives no kind: add a kind column, or a fixed kind (such as kind = \"police\")".to_owned(),
        ));
    }
    for (label, kind) in mapping
        .kinds
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .chain(mapping.fixed.kind.as_deref().map(|k| ("fixed", k)))
    {
        if kind_code(kind).is_none() {
            problems.push(file_problem(
                &table.file,
                None,
                format!("the mapping's kind {kind:?} (for {label:?}) is not a kind of the format; use one of {}", kind_list()),
            ));
        }
    }
    if let Some(state) = &mapping.fixed.state {
        if let Err(message) = check_state(state) {
            problems.push(file_problem(
                &table.file,
                None,
                format!("the mapping's fixed state {state:?} {message}"),
            ));
        }
    }
    for id in mapping.topics.keys().chain(&mapping.fixed.topics) {
        if let Err(message) = check_id(id) {
            problems.push(file_problem(
                &table.file,
                None,
                format!("the mapping's topic id {id:?} {message}"),
            ));
        }
    }
    if !mapping.id.prefix.is_empty() {
        if let Err(message) = check_id(&format!("{}x", mapping.id.prefix)) {
            problems.push(file_problem(
                &table.file,
                None,
                format!(
                    "the id prefix {:?} cannot start an id: {message}",
                    mapping.id.prefix
                ),
            ));
        }
    }
    if problems.is_empty() {
        Ok(index)
    } else {
        Err(problems)
    }
}

fn file_problem(file: &str, column: Option<&str>, message: String) -> ImportProblem {
    ImportProblem {
        file: file.to_owned(),
        line: None,
        column: column.map(str::to_owned),
        value: None,
        message,
        severity: Severity::Error,
    }
}

fn new_meta(
    file: &str,
    mapping: &Mapping,
    options: &ImportOptions,
) -> Result<Meta, Vec<ImportProblem>> {
    let m = &mapping.meta;
    let mut problems = Vec::new();
    let mut required = |field: &str, value: &Option<String>| match value.as_deref().map(str::trim) {
        Some(v) if !v.is_empty() => v.to_owned(),
        _ => {
            problems.push(file_problem(
                file,
                None,
                format!("a new dataset needs meta.{field} in the mapping (or import into an existing dataset with --into)"),
            ));
            String::new()
        }
    };
    let id = required("id", &m.id);
    let title = required("title", &m.title);
    let publisher = required("publisher", &m.publisher);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Meta {
        id: Id(id),
        title: LocalizedText::Plain(title),
        publisher,
        version: version(options),
        published_at: options.published_at.clone(),
        default_language: m.default_language.as_deref().map(LanguageTag::from),
        license: m.license.clone(),
        contact_email: m.contact_email.as_deref().map(Email::from),
        synthetic: None,
    })
}

/// The format's kind for a code (`police`), or `None`.
fn kind_code(code: &str) -> Option<OrganizationKind> {
    OrganizationKind::ALL.into_iter().find(|k| k.code() == code)
}

fn kind_list() -> String {
    OrganizationKind::ALL
        .iter()
        .map(|k| k.code())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A row read into an organisation, or not (its problems say why).
#[derive(Debug)]
struct Candidate {
    line: u64,
    id: Option<String>,
    organization: Option<Organization>,
    /// Cleaned name, street and phone with their columns, for the checks
    /// across the whole file.
    name: Option<String>,
    street: Vec<(usize, String)>,
    phone: Option<String>,
}

struct RowReader<'a> {
    file: &'a str,
    header: &'a [String],
    columns: &'a ColumnIndex,
    mapping: &'a Mapping,
    topics: &'a [Topic],
    problems: Vec<ImportProblem>,
}

impl RowReader<'_> {
    fn column_name(&self, index: usize) -> String {
        self.header
            .get(index)
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| format!("{}", index + 1))
    }

    fn problem(
        &mut self,
        line: u64,
        column: usize,
        value: &str,
        message: String,
        severity: Severity,
    ) {
        self.problems.push(ImportProblem {
            file: self.file.to_owned(),
            line: Some(line),
            column: Some(self.column_name(column)),
            value: Some(value.to_owned()),
            message,
            severity,
        });
    }

    fn error(&mut self, line: u64, column: usize, value: &str, message: String) {
        self.problem(line, column, value, message, Severity::Error);
    }

    /// The cell, cleaned of surrounding and repeated white space, with a
    /// warning that says what was cleaned; `None` when empty.
    fn cell(&mut self, row: &Row, column: Option<usize>) -> Option<String> {
        let column = column?;
        let raw = row.cells.get(column).map(String::as_str).unwrap_or("");
        let (clean, changes) = clean(raw);
        if clean.is_empty() {
            return None;
        }
        if !changes.is_empty() {
            let message = if changes == ["a trailing space"] || changes == ["a leading space"] {
                format!("has {}; imported without it", changes[0])
            } else {
                format!("has {}; imported as {clean:?}", changes.join(" and "))
            };
            self.problem(row.line, column, raw, message, Severity::Warning);
        }
        Some(clean)
    }

    fn row(&mut self, row: &Row) -> Candidate {
        let line = row.line;
        let errors_before = self.count_errors();
        self.cell_count(row);
        let c = self.columns;
        let id_value = self.cell(row, c.id);
        let name = self.cell(row, Some(c.name));
        let city = self.cell(row, c.city);
        let id = match (c.id, &id_value) {
            (Some(column), None) => {
                self.error(
                    line,
                    column,
                    "",
                    "the id is empty; every row needs its own".to_owned(),
                );
                None
            }
            (Some(column), Some(value)) => self.make_id(line, column, value),
            (None, _) => name.as_deref().and_then(|n| {
                let key = match &city {
                    Some(city) => format!("{n} {city}"),
                    None => n.to_owned(),
                };
                self.make_id(line, c.name, &key)
            }),
        };
        match &name {
            None => self.error(
                line,
                c.name,
                "",
                "the name is empty; every organisation needs one".to_owned(),
            ),
            Some(n) if n.chars().count() > crate::rules::MAX_NAME_CHARS => self.error(
                line,
                c.name,
                n,
                format!("is longer than {} characters", crate::rules::MAX_NAME_CHARS),
            ),
            Some(n) => self.missing_space(line, c.name, n),
        }
        let short_name = self.cell(row, c.short_name);

        let mut street_parts = Vec::new();
        for &column in &c.street {
            if let Some(part) = self.cell(row, Some(column)) {
                street_parts.push((column, part));
            }
        }
        let street = (!street_parts.is_empty()).then(|| {
            street_parts
                .iter()
                .map(|(_, p)| p.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        });
        let postcode = self.postcode(row);
        let state = self.state(row);
        let address = match (&city, &street, &postcode) {
            (Some(city), _, _) => Some(Address {
                street: street.clone(),
                postcode: postcode.clone(),
                city: city.clone(),
                state: state.clone(),
            }),
            (None, None, None) => None,
            (None, _, _) => {
                let column = c
                    .city
                    .or(c.postcode)
                    .or(c.street.first().copied())
                    .unwrap_or(c.name);
                self.error(
                    line,
                    column,
                    "",
                    "the city is empty, but the row has a street or postcode; an address needs its city".to_owned(),
                );
                None
            }
        };
        let phone = self.checked(row, c.phone, check_phone);
        if let (Some(phone), Some(column)) = (&phone, c.phone) {
            self.phone_style(line, column, phone);
        }
        let email = self.checked(row, c.email, check_email);
        let website = self.website(row);
        let geo = self.geo(row, postcode.is_some());
        let kind = self.kind(row);
        let topics = self.topics(row);

        let failed = self.count_errors() > errors_before;
        let organization = match (failed, &id, &name, kind) {
            (false, Some(id), Some(name), Some(kind)) => Some(Organization {
                id: Id(id.clone()),
                name: name.clone(),
                short_name,
                kind,
                description: None,
                address,
                geo,
                phone: phone.clone().map(Phone),
                email: email.map(Email),
                website: website.map(Url),
                languages: Vec::new(),
                parent: None,
                topics,
            }),
            _ => None,
        };
        Candidate {
            line,
            id,
            organization,
            name,
            street: street_parts,
            phone,
        }
    }

    fn count_errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    fn cell_count(&mut self, row: &Row) {
        let width = self.header.len();
        for (index, cell) in row.cells.iter().enumerate() {
            if cell.trim().is_empty() {
                continue;
            }
            if index >= width {
                let message = format!(
                    "the row has a value in cell {}, but the header has {width} columns; is a delimiter inside an unquoted cell?",
                    index + 1
                );
                self.problems.push(ImportProblem {
                    file: self.file.to_owned(),
                    line: Some(row.line),
                    column: None,
                    value: Some(cell.clone()),
                    message,
                    severity: Severity::Error,
                });
            } else if self.header[index].trim().is_empty() {
                self.problem(
                    row.line,
                    index,
                    cell,
                    format!(
                        "is in column {}, which has no name in the header; not imported",
                        index + 1
                    ),
                    Severity::Warning,
                );
            }
        }
    }

    fn make_id(&mut self, line: u64, column: usize, value: &str) -> Option<String> {
        let id = format!("{}{}", self.mapping.id.prefix, slug(value));
        match check_id(&id) {
            Ok(()) if !slug(value).is_empty() => Some(id),
            Ok(()) => {
                self.error(
                    line,
                    column,
                    value,
                    "gives no id: it has no letters or digits".to_owned(),
                );
                None
            }
            Err(message) => {
                self.error(
                    line,
                    column,
                    value,
                    format!("gives the id {id:?}, which {message}"),
                );
                None
            }
        }
    }

    /// `PolizeistationBad Bramstedt`: a capital inside a word after at
    /// least three small letters is almost always a lost space.
    fn missing_space(&mut self, line: u64, column: usize, name: &str) {
        for word in name.split(|c: char| c.is_whitespace() || c == '-' || c == '/') {
            let chars: Vec<char> = word.chars().collect();
            for i in 3..chars.len().saturating_sub(1) {
                let lower_run = chars[i - 3..i].iter().all(|c| c.is_lowercase());
                if lower_run && chars[i].is_uppercase() && chars[i + 1].is_lowercase() {
                    let (before, after): (String, String) =
                        (chars[..i].iter().collect(), chars[i..].iter().collect());
                    self.problem(
                        line,
                        column,
                        name,
                        format!("looks like it lacks a space between {before:?} and {after:?}; imported as written"),
                        Severity::Warning,
                    );
                    return;
                }
            }
        }
    }

    fn checked(
        &mut self,
        row: &Row,
        column: Option<usize>,
        rule: fn(&str) -> Result<(), String>,
    ) -> Option<String> {
        let value = self.cell(row, column)?;
        match rule(&value) {
            Ok(()) => Some(value),
            Err(message) => {
                self.error(row.line, column.unwrap_or_default(), &value, message);
                None
            }
        }
    }

    /// Phone forms that are valid but dial wrong or read oddly; the
    /// message gives the number as it should be written.
    fn phone_style(&mut self, line: u64, column: usize, phone: &str) {
        let message = if let Some(rest) = phone.strip_prefix("0049") {
            Some(format!(
                "starts with 0049; write +49 (+49{rest}) so that phones abroad dial it too; imported as written"
            ))
        } else if let Some(rest) = phone.strip_prefix("+49") {
            let rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix("(0)").or_else(|| rest.strip_prefix('0')) {
                Some(format!(
                    "has a 0 after +49, which must not be dialled after the country code: write +49 {}; imported as written",
                    after.trim_start()
                ))
            } else {
                rest.strip_prefix(['-', '/']).map(|after| {
                    format!(
                        "has a sign right after +49; write +49 {}; imported as written",
                        after.trim_start()
                    )
                })
            }
        } else {
            None
        };
        if let Some(message) = message {
            self.problem(line, column, phone, message, Severity::Warning);
        }
    }

    fn postcode(&mut self, row: &Row) -> Option<Postcode> {
        let column = self.columns.postcode?;
        let value = self.cell(row, Some(column))?;
        if value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()) {
            self.error(
                row.line,
                column,
                &value,
                format!("has four digits; the spreadsheet probably dropped a leading 0 (0{value}): format the column as text"),
            );
            return None;
        }
        match check_postcode(&value) {
            Ok(()) => Some(Postcode(value)),
            Err(message) => {
                self.error(row.line, column, &value, message);
                None
            }
        }
    }

    fn state(&mut self, row: &Row) -> Option<StateCode> {
        let fixed = self.mapping.fixed.state.as_deref().map(StateCode::from);
        let Some(column) = self.columns.state else {
            return fixed;
        };
        let Some(value) = self.cell(row, Some(column)) else {
            return fixed;
        };
        if check_state(&value).is_ok() {
            return Some(StateCode(value));
        }
        if let Some(code) = state_code(&value) {
            return Some(StateCode::from(code));
        }
        let message = check_state(&value).err().unwrap_or_default();
        self.error(
            row.line,
            column,
            &value,
            format!("{message}, or a state's name"),
        );
        None
    }

    fn website(&mut self, row: &Row) -> Option<String> {
        let column = self.columns.website?;
        let value = self.cell(row, Some(column))?;
        if !value.contains("://") && value.contains('.') && !value.contains(char::is_whitespace) {
            self.error(
                row.line,
                column,
                &value,
                format!("has no https:// in front; write https://{value} (check that the site answers there)"),
            );
            return None;
        }
        match check_url(&value) {
            Ok(()) => Some(value),
            Err(message) => {
                self.error(row.line, column, &value, message);
                None
            }
        }
    }

    fn geo(&mut self, row: &Row, has_postcode: bool) -> Option<Geo> {
        let c = self.columns;
        let (lat_column, lon_column, lat, lon) = if let Some(column) = c.coordinates {
            let value = self.cell(row, Some(column));
            match value {
                None => (column, column, None, None),
                Some(value) => {
                    let parts: Vec<&str> = value
                        .split(|ch: char| ch == ';' || ch == ',' || ch.is_whitespace())
                        .filter(|p| !p.is_empty())
                        .collect();
                    if parts.len() != 2 {
                        self.error(
                            row.line,
                            column,
                            &value,
                            "is not two numbers, latitude and longitude, such as 54.3163, 10.1232"
                                .to_owned(),
                        );
                        return None;
                    }
                    (
                        column,
                        column,
                        Some(parts[0].to_owned()),
                        Some(parts[1].to_owned()),
                    )
                }
            }
        } else if let (Some(lat_column), Some(lon_column)) = (c.latitude, c.longitude) {
            let lat = self.cell(row, Some(lat_column));
            let lon = self.cell(row, Some(lon_column));
            (lat_column, lon_column, lat, lon)
        } else {
            return None;
        };
        match (lat, lon) {
            (None, None) => {
                let message = if has_postcode {
                    "no coordinates; the app places the entry at its postcode's centre for \"near me\""
                } else {
                    "no coordinates and no postcode; \"near me\" cannot find the entry"
                };
                let column = if lat_column == lon_column {
                    self.column_name(lat_column)
                } else {
                    format!(
                        "{}/{}",
                        self.column_name(lat_column),
                        self.column_name(lon_column)
                    )
                };
                self.problems.push(ImportProblem {
                    file: self.file.to_owned(),
                    line: Some(row.line),
                    column: Some(column),
                    value: None,
                    message: message.to_owned(),
                    severity: Severity::Warning,
                });
                None
            }
            (Some(lat), None) => {
                self.error(
                    row.line,
                    lon_column,
                    "",
                    format!("is empty, but the latitude is {lat}; give both or neither"),
                );
                None
            }
            (None, Some(lon)) => {
                self.error(
                    row.line,
                    lat_column,
                    "",
                    format!("is empty, but the longitude is {lon}; give both or neither"),
                );
                None
            }
            (Some(lat_text), Some(lon_text)) => {
                let lat = self.number(row.line, lat_column, &lat_text)?;
                let lon = self.number(row.line, lon_column, &lon_text)?;
                if let Err(message) = crate::rules::check_geo(lat, lon) {
                    self.error(row.line, lat_column, &lat_text, message);
                    return None;
                }
                let in_germany = |lat: f64, lon: f64| {
                    (47.2..=55.1).contains(&lat) && (5.8..=15.1).contains(&lon)
                };
                if !in_germany(lat, lon) && in_germany(lon, lat) {
                    self.error(
                        row.line,
                        lat_column,
                        &lat_text,
                        format!("latitude {lat} and longitude {lon} look swapped (Germany lies at latitude 47 to 55, longitude 6 to 15)"),
                    );
                    return None;
                }
                if !in_germany(lat, lon) {
                    self.problem(
                        row.line,
                        lat_column,
                        &lat_text,
                        format!("with longitude {lon} lies outside Germany; imported as written"),
                        Severity::Warning,
                    );
                }
                Some(Geo { lat, lon })
            }
        }
    }

    /// A decimal number, with a point or (as German spreadsheets write it)
    /// a comma.
    fn number(&mut self, line: u64, column: usize, text: &str) -> Option<f64> {
        let parsed = text
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite());
        if parsed.is_none() {
            self.error(
                line,
                column,
                text,
                "is not a number of degrees (such as 54.3163)".to_owned(),
            );
        }
        parsed
    }

    fn kind(&mut self, row: &Row) -> Option<OrganizationKind> {
        let fixed = self.mapping.fixed.kind.as_deref().and_then(kind_code);
        let cell = self.cell(row, self.columns.kind);
        let (Some(value), Some(column)) = (cell, self.columns.kind) else {
            if fixed.is_none() {
                let column = self.columns.kind.unwrap_or(self.columns.name);
                self.error(
                    row.line,
                    column,
                    "",
                    "the kind is empty and the mapping has no fixed kind".to_owned(),
                );
            }
            return fixed;
        };
        let mapped = self
            .mapping
            .kinds
            .iter()
            .find(|(label, _)| label.to_lowercase() == value.to_lowercase())
            .and_then(|(_, code)| kind_code(code));
        let kind = mapped.or_else(|| kind_code(&value));
        if kind.is_none() {
            let labels: Vec<&str> = self.mapping.kinds.keys().map(String::as_str).collect();
            let known = if labels.is_empty() {
                kind_list()
            } else {
                format!(
                    "{} (from the mapping's kinds) or {}",
                    labels.join(", "),
                    kind_list()
                )
            };
            self.error(
                row.line,
                column,
                &value,
                format!("is not a kind; use {known}"),
            );
        }
        kind
    }

    fn topics(&mut self, row: &Row) -> Vec<Id> {
        let mut ids: Vec<Id> = self
            .mapping
            .fixed
            .topics
            .iter()
            .map(|t| Id(t.clone()))
            .collect();
        let Some(column) = self.columns.topics else {
            return ids;
        };
        let Some(value) = self.cell(row, Some(column)) else {
            return ids;
        };
        for word in value
            .split([',', ';', '|'])
            .map(str::trim)
            .filter(|w| !w.is_empty())
        {
            let found = self.topics.iter().find(|t| {
                t.id.as_str() == word
                    || t.label
                        .variants()
                        .iter()
                        .any(|(_, label)| label.to_lowercase() == word.to_lowercase())
            });
            match found {
                Some(topic) if !ids.contains(&topic.id) => ids.push(topic.id.clone()),
                Some(_) => {}
                None => {
                    let known: Vec<&str> = self.topics.iter().map(|t| t.id.as_str()).collect();
                    self.error(
                        row.line,
                        column,
                        word,
                        format!(
                            "is not a topic of the dataset or the mapping (known: {}); add it to the mapping's [topics]",
                            if known.is_empty() { "none".to_owned() } else { known.join(", ") }
                        ),
                    );
                }
            }
        }
        ids
    }
}

/// Surrounding and repeated white space removed, with what was removed.
fn clean(raw: &str) -> (String, Vec<String>) {
    let mut changes = Vec::new();
    if raw.contains(['\n', '\r']) {
        changes.push("a line break".to_owned());
    }
    let trimmed = raw.trim();
    let lead = raw.len() - raw.trim_start().len();
    let trail = raw.len() - raw.trim_end().len();
    if !trimmed.is_empty() {
        if lead > 0 && trail > 0 {
            changes.push("spaces around it".to_owned());
        } else if lead > 0 {
            changes.push("a leading space".to_owned());
        } else if trail > 0 {
            changes.push("a trailing space".to_owned());
        }
    }
    let mut longest = 0;
    let mut run = 0;
    let mut odd_space = false;
    for c in trimmed.chars() {
        if c.is_whitespace() {
            run += 1;
            longest = longest.max(run);
            odd_space |= c != ' ' && c != '\n' && c != '\r';
        } else {
            run = 0;
        }
    }
    if longest > 1 && !changes.iter().any(|c| c == "a line break") {
        changes.push(format!("{longest} spaces in a row"));
    }
    if odd_space {
        changes.push("a tab or non-breaking space".to_owned());
    }
    let clean = trimmed.split_whitespace().collect::<Vec<_>>().join(" ");
    (clean, changes)
}

/// A value as an id part: lower case, umlauts spelt out, every other sign a
/// hyphen (`Lübeck, Hansestadt` → `luebeck-hansestadt`).
pub fn slug(value: &str) -> String {
    let mut out = String::new();
    for c in value.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            _ => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn duplicate_ids(table: &Table, candidates: &[Candidate], problems: &mut Vec<ImportProblem>) {
    let mut first: HashMap<&str, u64> = HashMap::new();
    for candidate in candidates {
        let Some(id) = candidate.id.as_deref() else {
            continue;
        };
        match first.get(id) {
            Some(line) => problems.push(ImportProblem {
                file: table.file.clone(),
                line: Some(candidate.line),
                column: None,
                value: Some(id.to_owned()),
                message: format!("is the id of line {line} too; each row needs its own id"),
                severity: Severity::Error,
            }),
            None => {
                first.insert(id, candidate.line);
            }
        }
    }
}

/// Checks that need the whole file: typos against the file's own words,
/// names that lack their place, phones in the form few rows use.
fn file_wide_checks(
    table: &Table,
    columns: &ColumnIndex,
    candidates: &[Candidate],
    problems: &mut Vec<ImportProblem>,
) {
    let column_name = |index: usize| table.header.get(index).map(|h| h.trim().to_owned());
    let warn = |line: u64, column: Option<String>, value: &str, message: String| ImportProblem {
        file: table.file.clone(),
        line: Some(line),
        column,
        value: Some(value.to_owned()),
        message,
        severity: Severity::Warning,
    };
    // Words that are place names are never typos of each other
    // (Hennstedt and Henstedt are both real).
    let places: BTreeSet<String> = table
        .rows
        .iter()
        .filter_map(|row| columns.city.and_then(|c| row.cells.get(c)))
        .flat_map(|city| words(city))
        .collect();
    let names: Vec<(u64, usize, &str)> = candidates
        .iter()
        .filter_map(|c| c.name.as_deref().map(|n| (c.line, columns.name, n)))
        .collect();
    let streets: Vec<(u64, usize, &str)> = candidates
        .iter()
        .flat_map(|c| {
            c.street
                .iter()
                .map(move |(col, s)| (c.line, *col, s.as_str()))
        })
        .collect();
    for cells in [&names, &streets] {
        for (line, column, word, message) in typos(cells, &places) {
            let value = cells
                .iter()
                .find(|(l, c, _)| *l == line && *c == column)
                .map(|(_, _, v)| *v)
                .unwrap_or(word.as_str());
            problems.push(warn(line, column_name(column), value, message));
        }
    }
    // A name that is only a word other names start with lacks its place.
    for (line, column, name) in &names {
        if name.contains(char::is_whitespace) {
            continue;
        }
        let longer = names
            .iter()
            .filter(|(_, _, other)| other.starts_with(&format!("{name} ")))
            .count();
        if longer >= 2 {
            problems.push(warn(
                *line,
                column_name(*column),
                name,
                format!("is only the word {longer} other names start with; the place seems to be missing; imported as written"),
            ));
        }
    }
    // Phones: the form (+49 … or 0…) that most rows use is the file's own
    // convention; a row in the other form is listed, so the list reads alike.
    if let Some(phone_column) = columns.phone {
        let phones: Vec<(u64, &str)> = candidates
            .iter()
            .filter_map(|c| c.phone.as_deref().map(|p| (c.line, p)))
            .collect();
        let international = phones.iter().filter(|(_, p)| p.starts_with('+')).count();
        let national = phones
            .iter()
            .filter(|(_, p)| p.starts_with('0') && !p.starts_with("00"))
            .count();
        let (majority, minority_is_national) = if international >= national {
            (international, true)
        } else {
            (national, false)
        };
        if majority * 4 >= phones.len() * 3 && majority < phones.len() {
            for (line, phone) in &phones {
                let odd = if minority_is_national {
                    phone.starts_with('0') && !phone.starts_with("00")
                } else {
                    phone.starts_with('+')
                };
                if odd {
                    let (form, other) = if minority_is_national {
                        ("national form (0…)", "+49")
                    } else {
                        ("international form (+49…)", "0")
                    };
                    problems.push(warn(
                        *line,
                        column_name(phone_column),
                        phone,
                        format!("is in {form}, while {majority} of {} phones in the file start with {other}; imported as written", phones.len()),
                    ));
                }
            }
        }
    }
}

/// The words of a text in lower case (letters only).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words used once that are one edit away from a word the file uses more
/// often (`Zweigestelle` / `Zweigstelle`), or whose ending is one edit away
/// from a frequent word that ends many others (`Mühlenstaße` / `…straße`).
/// Place names are left alone. Returns (line, column, word, message).
fn typos(
    cells: &[(u64, usize, &str)],
    places: &BTreeSet<String>,
) -> Vec<(u64, usize, String, String)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for (_, _, text) in cells {
        for word in words(text) {
            *counts.entry(word).or_default() += 1;
        }
    }
    let frequent: Vec<(&String, usize)> = counts
        .iter()
        .filter(|(w, n)| **n >= 5 && w.chars().count() >= 5)
        .map(|(w, n)| (w, *n))
        .collect();
    let mut found = Vec::new();
    for (line, column, text) in cells {
        for word in words(text) {
            if counts.get(&word) != Some(&1) || word.chars().count() < 6 || places.contains(&word) {
                continue;
            }
            let whole = counts
                .iter()
                .filter(|(other, n)| {
                    **n >= 2
                        && other.chars().count() >= 6
                        && super::edit_distance(&word, other) == 1
                })
                .max_by_key(|(_, n)| **n);
            if let Some((other, n)) = whole {
                found.push((
                    *line,
                    *column,
                    word.clone(),
                    format!("has \"{word}\", which looks like a typo of \"{other}\" (used {n} times in the file); imported as written"),
                ));
                continue;
            }
            if frequent.iter().any(|(f, _)| word.ends_with(f.as_str())) {
                continue;
            }
            let chars: Vec<char> = word.chars().collect();
            let tail = frequent.iter().find_map(|(f, n)| {
                let len = f.chars().count();
                (len.saturating_sub(1)..=len + 1)
                    .filter(|k| *k < chars.len())
                    .map(|k| chars[chars.len() - k..].iter().collect::<String>())
                    .find(|t| super::edit_distance(t, f) == 1)
                    .map(|t| (t, *f, *n))
            });
            if let Some((ending, frequent_word, n)) = tail {
                found.push((
                    *line,
                    *column,
                    word.clone(),
                    format!("has \"{word}\", whose ending \"{ending}\" looks like a typo of \"{frequent_word}\" (used {n} times in the file); imported as written"),
                ));
            }
        }
    }
    found
}

/// Which fields the mapping fills; the others are kept from the published
/// entry when merging.
struct Covered {
    short_name: bool,
    address: bool,
    geo: bool,
    phone: bool,
    email: bool,
    website: bool,
    topics: bool,
}

fn merge(
    base: &[Organization],
    candidates: Vec<Candidate>,
    failed: &BTreeSet<u64>,
    mapping: &Mapping,
    stats: &mut ImportStats,
) -> (Vec<Organization>, Vec<String>) {
    let c = &mapping.columns;
    let covered = Covered {
        short_name: c.short_name.is_some(),
        address: c.street.is_some() || c.postcode.is_some() || c.city.is_some(),
        geo: c.coordinates.is_some() || c.latitude.is_some(),
        phone: c.phone.is_some(),
        email: c.email.is_some(),
        website: c.website.is_some(),
        topics: c.topics.is_some() || !mapping.fixed.topics.is_empty(),
    };
    let mut imported: HashMap<String, Organization> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    for candidate in candidates {
        if let Some(id) = &candidate.id {
            seen.insert(id.clone());
        }
        match candidate.organization {
            Some(org) if !failed.contains(&candidate.line) => {
                stats.imported += 1;
                if !imported.contains_key(org.id.as_str()) {
                    order.push(org.id.0.clone());
                    imported.insert(org.id.0.clone(), org);
                }
            }
            _ => stats.skipped += 1,
        }
    }
    let prefix = &mapping.id.prefix;
    let mut out = Vec::with_capacity(base.len() + imported.len());
    let mut removed = Vec::new();
    for old in base {
        let id = old.id.as_str();
        if let Some(new) = imported.remove(id) {
            let merged = merge_one(old, new, &covered);
            if same(&merged, old) {
                stats.unchanged += 1;
            } else {
                stats.changed += 1;
            }
            out.push(merged);
        } else if seen.contains(id) {
            // The row is there but has an error: the published entry stays.
            stats.kept += 1;
            out.push(old.clone());
        } else if !prefix.is_empty() && id.starts_with(prefix.as_str()) {
            stats.removed += 1;
            removed.push(id.to_owned());
        } else {
            out.push(old.clone());
        }
    }
    for id in order {
        if let Some(new) = imported.remove(&id) {
            stats.added += 1;
            out.push(new);
        }
    }
    (out, removed)
}

/// Equal, with coordinates compared to a millionth of a millimetre: a
/// dataset read back from JSON may differ from the table's digits in the
/// last bit of a float, which is no change for anyone.
fn same(a: &Organization, b: &Organization) -> bool {
    let near = |x: f64, y: f64| (x - y).abs() < 1e-9;
    let geo_same = match (a.geo, b.geo) {
        (Some(p), Some(q)) => near(p.lat, q.lat) && near(p.lon, q.lon),
        (p, q) => p == q,
    };
    geo_same
        && Organization {
            geo: None,
            ..a.clone()
        } == Organization {
            geo: None,
            ..b.clone()
        }
}

fn merge_one(old: &Organization, new: Organization, covered: &Covered) -> Organization {
    fn pick<T: Clone>(covered: bool, new: Option<T>, old: &Option<T>) -> Option<T> {
        if covered {
            new
        } else {
            old.clone()
        }
    }
    Organization {
        id: new.id,
        name: new.name,
        short_name: pick(covered.short_name, new.short_name, &old.short_name),
        kind: new.kind,
        description: old.description.clone(),
        address: pick(covered.address, new.address, &old.address),
        geo: pick(covered.geo, new.geo, &old.geo),
        phone: pick(covered.phone, new.phone, &old.phone),
        email: pick(covered.email, new.email, &old.email),
        website: pick(covered.website, new.website, &old.website),
        languages: old.languages.clone(),
        parent: old.parent.clone(),
        topics: if covered.topics {
            new.topics
        } else {
            old.topics.clone()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping() -> Mapping {
        Mapping {
            meta: MetaDefaults {
                id: Some("test".into()),
                title: Some("Test".into()),
                publisher: Some("Netz".into()),
                ..MetaDefaults::default()
            },
            id: IdRule {
                column: Some("nr".into()),
                prefix: "t-".into(),
            },
            columns: ColumnMap {
                name: "name".into(),
                street: Some(Columns::Several(vec!["street".into(), "no".into()])),
                postcode: Some("plz".into()),
                city: Some("city".into()),
                phone: Some("phone".into()),
                ..ColumnMap::default()
            },
            fixed: Fixed {
                state: Some("SH".into()),
                kind: Some("police".into()),
                topics: Vec::new(),
            },
            ..Mapping::default()
        }
    }

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            file: "t.csv".into(),
            header: ["nr", "name", "street", "no", "plz", "city", "phone"]
                .map(String::from)
                .to_vec(),
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, cells)| Row {
                    line: i as u64 + 2,
                    cells: cells.iter().map(|c| (*c).to_owned()).collect(),
                })
                .collect(),
        }
    }

    fn options() -> ImportOptions {
        ImportOptions {
            strict: false,
            published_at: Timestamp::from("2026-01-01T00:00:00Z"),
            version: Some("1".into()),
        }
    }

    const KIEL: &[&str] = &[
        "1",
        "Polizeirevier Kiel",
        "Gartenstraße",
        "7",
        "24103",
        "Kiel",
        "0431 160-0",
    ];
    const LUEBECK: &[&str] = &[
        "2",
        "Polizeirevier Lübeck",
        "Meesenring",
        "9",
        "23566",
        "Lübeck",
        "0451 131-0",
    ];

    #[test]
    fn rows_become_organisations_with_stable_ids_and_fixed_values() {
        let imported =
            import(&table(&[KIEL, LUEBECK]), &mapping(), None, &options()).expect("imports");
        let orgs = &imported.dataset.organizations;
        assert_eq!(orgs.len(), 2);
        assert_eq!(orgs[0].id.as_str(), "t-1");
        let address = orgs[0].address.as_ref().expect("an address");
        assert_eq!(address.street.as_deref(), Some("Gartenstraße 7"));
        assert_eq!(address.state.as_ref().map(StateCode::as_str), Some("SH"));
        assert_eq!(orgs[1].kind, OrganizationKind::Police);
        assert!(imported.problems.is_empty(), "{:?}", imported.problems);
        assert!(crate::validate(&serde_json::to_vec(&imported.dataset).expect("json")).is_ok());
    }

    #[test]
    fn a_trailing_space_is_a_warning_that_names_file_line_and_column() {
        let row: &[&str] = &[
            "1",
            "Polizeirevier Kiel",
            "Gartenstraße",
            "7",
            "24103",
            "Kiel",
            "0461 484 0 ",
        ];
        let imported = import(&table(&[row]), &mapping(), None, &options()).expect("imports");
        let rendered: Vec<String> = imported
            .problems
            .iter()
            .map(ImportProblem::render)
            .collect();
        assert_eq!(
            rendered,
            ["t.csv:2 column phone: \"0461 484 0 \" has a trailing space; imported without it [warning]"]
        );
        assert_eq!(
            imported.dataset.organizations[0]
                .phone
                .as_ref()
                .map(Phone::as_str),
            Some("0461 484 0")
        );
        let strict = ImportOptions {
            strict: true,
            ..options()
        };
        let imported = import(&table(&[row]), &mapping(), None, &strict).expect("imports");
        assert!(imported.dataset.organizations.is_empty());
        assert_eq!(imported.stats.skipped, 1);
        assert_eq!(imported.problems[0].severity, Severity::Error);
    }

    #[test]
    fn a_bad_value_skips_its_row_and_the_others_are_imported() {
        let bad: &[&str] = &[
            "2",
            "Polizeirevier Lübeck",
            "Meesenring",
            "9",
            "3566",
            "Lübeck",
            "0451 131-0",
        ];
        let imported = import(&table(&[KIEL, bad]), &mapping(), None, &options()).expect("imports");
        assert_eq!(imported.dataset.organizations.len(), 1);
        assert_eq!(imported.stats.skipped, 1);
        let problem = &imported.problems[0];
        assert_eq!(
            (problem.line, problem.column.as_deref()),
            (Some(3), Some("plz"))
        );
        assert!(problem.message.contains("leading 0"), "{}", problem.message);
    }

    #[test]
    fn a_mapped_column_missing_from_the_header_is_one_error_naming_it() {
        let mut mapping = mapping();
        mapping.columns.email = Some("e-mail".into());
        let failure = import(&table(&[KIEL]), &mapping, None, &options()).expect_err("refused");
        assert_eq!(failure.len(), 1);
        assert!(failure[0]
            .render()
            .starts_with("t.csv column e-mail: the mapping reads email from column \"e-mail\""));
    }

    #[test]
    fn merging_keeps_hand_written_fields_removes_dropped_rows_and_keeps_broken_ones() {
        let first =
            import(&table(&[KIEL, LUEBECK]), &mapping(), None, &options()).expect("imports");
        let mut base = first.dataset;
        base.organizations[0].description = Some(LocalizedText::from("Rund um die Uhr."));
        let moved: &[&str] = &[
            "1",
            "Polizeirevier Kiel",
            "Gartenstraße",
            "9",
            "24103",
            "Kiel",
            "0431 160-0",
        ];
        let broken: &[&str] = &[
            "2",
            "Polizeirevier Lübeck",
            "Meesenring",
            "9",
            "23566",
            "Lübeck",
            "0451 131-0 ext",
        ];
        let again = import(
            &table(&[moved, broken]),
            &mapping(),
            Some(&base),
            &options(),
        )
        .expect("imports");
        let orgs = &again.dataset.organizations;
        assert_eq!(orgs.len(), 2);
        assert_eq!(orgs[0].description, base.organizations[0].description);
        assert_eq!(
            orgs[0].address.as_ref().and_then(|a| a.street.as_deref()),
            Some("Gartenstraße 9")
        );
        assert_eq!(
            orgs[1], base.organizations[1],
            "the broken row keeps the published entry"
        );
        assert_eq!((again.stats.changed, again.stats.kept), (1, 1));
        let dropped =
            import(&table(&[moved]), &mapping(), Some(&base), &options()).expect("imports");
        assert_eq!(dropped.removed, ["t-2"]);
        assert_eq!(dropped.dataset.organizations.len(), 1);
    }

    #[test]
    fn typos_and_lost_spaces_are_found_against_the_files_own_words() {
        let rows: Vec<Vec<String>> = (0..6)
            .map(|i| {
                vec![
                    format!("{i}"),
                    format!("Polizeistation Ort{i}"),
                    "Kieler Straße".into(),
                    "1".into(),
                    "24103".into(),
                    format!("Ort{i}"),
                    "0431 1".into(),
                ]
            })
            .chain([
                vec![
                    "7".into(),
                    "PolizeistationBad Bramstedt".into(),
                    "Mühlenstaße".into(),
                    "1".into(),
                    "24576".into(),
                    "Bad Bramstedt".into(),
                    "04192 1".into(),
                ],
                vec![
                    "8".into(),
                    "Polizeistatoin Nord".into(),
                    "Weg".into(),
                    "1".into(),
                    "24576".into(),
                    "Nord".into(),
                    "04192 2".into(),
                ],
            ])
            .collect();
        let refs: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        let slices: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
        let imported = import(&table(&slices), &mapping(), None, &options()).expect("imports");
        let text: Vec<String> = imported
            .problems
            .iter()
            .map(ImportProblem::render)
            .collect();
        let joined = text.join("\n");
        assert!(
            joined.contains(
                "t.csv:8 column name: \"PolizeistationBad Bramstedt\" looks like it lacks a space"
            ),
            "{joined}"
        );
        assert!(joined.contains("t.csv:8 column street: \"Mühlenstaße\" has \"mühlenstaße\", whose ending \"staße\" looks like a typo of \"straße\""), "{joined}");
        assert!(joined.contains("t.csv:9 column name: \"Polizeistatoin Nord\" has \"polizeistatoin\", which looks like a typo of \"polizeistation\""), "{joined}");
        assert_eq!(
            imported.dataset.organizations.len(),
            8,
            "warnings keep their rows"
        );
    }

    #[test]
    fn phones_that_dial_wrong_are_warned_about_with_the_right_form() {
        let row = |phone: &'static str| -> Vec<&'static str> {
            vec!["1", "Revier", "Weg", "1", "24103", "Kiel", phone]
        };
        for (phone, right) in [
            ("+49 040 8300053-0", "+49 40 8300053-0"),
            ("+49 (0)431 160", "+49 431 160"),
            ("+49-4192 502-0", "+49 4192 502-0"),
        ] {
            let cells = row(phone);
            let imported =
                import(&table(&[&cells]), &mapping(), None, &options()).expect("imports");
            let message = &imported.problems[0].message;
            assert!(
                message.contains(&format!("write {right};")),
                "{phone}: {message}"
            );
        }
    }

    #[test]
    fn slugs_spell_umlauts_out_and_join_with_hyphens() {
        assert_eq!(slug("Lübeck, Hansestadt"), "luebeck-hansestadt");
        assert_eq!(slug(" 9092250 "), "9092250");
        assert_eq!(slug("Straße / Weg"), "strasse-weg");
        assert_eq!(slug("---"), "");
    }

    #[test]
    fn cleaning_says_what_it_removed() {
        assert_eq!(
            clean("a "),
            ("a".to_owned(), vec!["a trailing space".to_owned()])
        );
        assert_eq!(
            clean("33       a"),
            ("33 a".to_owned(), vec!["7 spaces in a row".to_owned()])
        );
        assert_eq!(
            clean("Nord\nSüd"),
            ("Nord Süd".to_owned(), vec!["a line break".to_owned()])
        );
        assert_eq!(clean("ok"), ("ok".to_owned(), Vec::<String>::new()));
    }
}
