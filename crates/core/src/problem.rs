//! What is wrong with a dataset, said so that a publisher can fix it.

use serde::Serialize;

/// The rule a [`Problem`] breaks. The snake-case code is stable: scripts and
/// tests may match on it (`dialognetz validate --json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The document is larger than the format allows (64 MiB).
    DocumentTooLarge,
    /// The document is empty.
    Empty,
    /// The bytes are not UTF-8 (or UTF-8 with a wrong byte order mark).
    NotUtf8,
    /// Markup (an HTML or XML page) came instead of the data (a Wi-Fi login
    /// page, an error page).
    HtmlInsteadOfJson,
    /// Not JSON: a syntax error at a line and column.
    Syntax,
    /// JSON nested deeper than 128 levels.
    TooDeep,
    /// The same key twice in one object.
    DuplicateKey,
    /// A string longer than 20,000 characters.
    StringTooLong,
    /// A list longer than 500,000 entries.
    ListTooLong,
    /// More than 12,000,000 JSON values in the document (a tightening of the
    /// format that bounds the memory a document can take).
    TooManyValues,
    /// A value of the wrong JSON type, or a required field missing.
    Type,
    /// `format` is not `dialognetz-dataset`.
    Format,
    /// `format_version` is newer than this app reads: update the app.
    FormatVersionUnsupported,
    /// An id that is not `[a-z0-9][a-z0-9-]{0,63}`.
    IdSyntax,
    /// The same id twice in the dataset (across all lists).
    IdDuplicate,
    /// A reference to an id that does not exist in the list it names.
    ReferenceUnresolved,
    /// An organisation's parent chain loops back to itself.
    ParentCycle,
    /// A URL that is not an absolute http: or https: URL.
    Url,
    /// Not an e-mail address.
    Email,
    /// A phone number with characters other than digits, spaces and + ( ) / -.
    Phone,
    /// A postcode that is not five digits.
    Postcode,
    /// Not a German federal state code.
    State,
    /// Latitude or longitude out of range.
    GeoRange,
    /// Not one of the Date forms, or no real calendar date.
    Date,
    /// Not an RFC 3339 timestamp.
    Timestamp,
    /// An end before its start.
    DateOrder,
    /// Not a BCP 47 language tag.
    LanguageTag,
    /// Not an SPDX licence id.
    License,
    /// A required text that is empty or only white space.
    Blank,
    /// A name longer than its limit (300 characters).
    TooLong,
    /// A contact without phone, mobile or e-mail.
    Unreachable,
    /// A synonym group with fewer than two words.
    SynonymGroup,
}

impl Rule {
    /// The stable code of the rule (`reference_unresolved`).
    pub fn code(self) -> &'static str {
        match self {
            Rule::DocumentTooLarge => "document_too_large",
            Rule::Empty => "empty",
            Rule::NotUtf8 => "not_utf8",
            Rule::HtmlInsteadOfJson => "html_instead_of_json",
            Rule::Syntax => "syntax",
            Rule::TooDeep => "too_deep",
            Rule::DuplicateKey => "duplicate_key",
            Rule::StringTooLong => "string_too_long",
            Rule::ListTooLong => "list_too_long",
            Rule::TooManyValues => "too_many_values",
            Rule::Type => "type",
            Rule::Format => "format",
            Rule::FormatVersionUnsupported => "format_version_unsupported",
            Rule::IdSyntax => "id_syntax",
            Rule::IdDuplicate => "id_duplicate",
            Rule::ReferenceUnresolved => "reference_unresolved",
            Rule::ParentCycle => "parent_cycle",
            Rule::Url => "url",
            Rule::Email => "email",
            Rule::Phone => "phone",
            Rule::Postcode => "postcode",
            Rule::State => "state",
            Rule::GeoRange => "geo_range",
            Rule::Date => "date",
            Rule::Timestamp => "timestamp",
            Rule::DateOrder => "date_order",
            Rule::LanguageTag => "language_tag",
            Rule::License => "license",
            Rule::Blank => "blank",
            Rule::TooLong => "too_long",
            Rule::Unreachable => "unreachable",
            Rule::SynonymGroup => "synonym_group",
        }
    }
}

/// One thing wrong with a dataset: where, which rule, what was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{}", self.render())]
pub struct Problem {
    /// JSON path of the offending value (`organizations[12].address.state`);
    /// empty for the document as a whole.
    pub path: String,
    /// The rule broken.
    pub rule: Rule,
    /// What is wrong, in one sentence, for a person.
    pub message: String,
    /// The offending value, shortened to at most [`Problem::VALUE_CHARS`] characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// 1-based line of a syntax-level problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (in bytes) of a syntax-level problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Problem {
    /// How much of an offending value a problem quotes.
    pub const VALUE_CHARS: usize = 60;

    /// A problem at `path` without a quoted value.
    pub fn new(path: impl Into<String>, rule: Rule, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            rule,
            message: message.into(),
            value: None,
            line: None,
            column: None,
        }
    }

    /// Quotes the offending value, shortened.
    pub fn with_value(mut self, value: &str) -> Self {
        self.value = Some(shorten(value, Self::VALUE_CHARS));
        self
    }

    /// Places a syntax-level problem at a line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// `path: "value" message (rule)`, as `dialognetz validate` prints it.
    pub fn render(&self) -> String {
        let mut out = String::new();
        if !self.path.is_empty() {
            out.push_str(&self.path);
            out.push_str(": ");
        }
        if let (Some(line), Some(column)) = (self.line, self.column) {
            out.push_str(&format!("line {line}, column {column}: "));
        }
        if let Some(value) = &self.value {
            out.push_str(&format!("{value:?} "));
        }
        out.push_str(&self.message);
        out.push_str(&format!(" [{}]", self.rule.code()));
        out
    }
}

/// The first `max` characters of `text`, with `…` when cut; control
/// characters are shown escaped by the `{:?}` in [`Problem::render`].
pub fn shorten(text: &str, max: usize) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(max).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}
