//! Hostile and broken documents: each is refused without a panic, with the
//! rule and the place (JSON path, or line and column for documents that are
//! not JSON) that a publisher needs to fix it.
//!
//! Small cases are committed files in `fixtures/hostile/` (see its README);
//! large ones (tens of MiB, 100,000 levels, 500,001 entries) are generated
//! here at run time.

use std::collections::HashSet;

use dialognetz_core::{json, validate, Problem, Rule};

// ---------------------------------------------------------------------------
// Helpers

/// A problem a fixture must produce: the rule, the JSON path, and for
/// documents that are not JSON the line and column.
#[derive(Debug)]
struct Expected {
    rule: Rule,
    path: &'static str,
    at: Option<(usize, usize)>,
}

fn listing(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| {
            format!(
                "  {:?} at {:?} (line {:?}, column {:?}): {p}",
                p.rule, p.path, p.line, p.column
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Validates `bytes` and checks that the problems are exactly `expected`
/// (none: the document must be accepted).
#[track_caller]
fn check(case: &str, bytes: &[u8], expected: &[Expected]) {
    let problems = match validate(bytes) {
        Ok(_) if expected.is_empty() => return,
        Ok(_) => panic!("{case}: accepted, but expected {expected:?}"),
        Err(problems) => problems,
    };
    assert!(
        !expected.is_empty(),
        "{case}: expected the document to be accepted, found:\n{}",
        listing(&problems)
    );
    let mut unmatched: Vec<&Problem> = problems.iter().collect();
    let mut missing = Vec::new();
    for want in expected {
        let found = unmatched.iter().position(|p| {
            p.rule == want.rule
                && p.path == want.path
                && want
                    .at
                    .is_none_or(|(line, column)| p.line == Some(line) && p.column == Some(column))
        });
        match found {
            Some(index) => {
                unmatched.remove(index);
            }
            None => missing.push(want),
        }
    }
    assert!(
        missing.is_empty() && unmatched.is_empty(),
        "{case}:\nmissing: {missing:?}\nunexpected: {unmatched:?}\nall problems:\n{}",
        listing(&problems)
    );
}

/// A small valid document; `extra` is inserted after `meta` (start it with a comma).
fn minimal(extra: &str) -> String {
    format!(
        concat!(
            r#"{{"format":"dialognetz-dataset","format_version":1,"#,
            r#""meta":{{"id":"fixture","title":"Test","publisher":"Test","version":"1","#,
            r#""published_at":"2024-02-15T09:00:00+01:00"}}{}}}"#
        ),
        extra
    )
}

/// Runs `f` on a thread with a small stack: a recursive descent into deep
/// input would overflow it.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .expect("spawn a thread")
        .join()
        .expect("the thread finished without a panic")
}

// ---------------------------------------------------------------------------
// Fixtures: one test per file

macro_rules! fixtures {
    (@at) => { None };
    (@at $line:literal : $column:literal) => { Some(($line, $column)) };
    ($(
        $(#[$doc:meta])*
        $name:ident: $file:literal => [ $( $rule:ident $path:literal $( @ $line:literal : $column:literal )? ),* $(,)? ];
    )*) => {
        $(
            $(#[$doc])*
            #[test]
            fn $name() {
                let bytes: &[u8] = include_bytes!(concat!("fixtures/hostile/", $file));
                let expected = [ $( Expected {
                    rule: Rule::$rule,
                    path: $path,
                    at: fixtures!(@at $( $line : $column )?),
                } ),* ];
                check($file, bytes, &expected);
            }
        )*

        /// Every fixture file that has a test.
        const FIXTURE_FILES: &[&str] = &[ $( $file ),* ];
    };
}

fixtures! {
    // --- not JSON at all
    captive_portal_login_page_is_refused_as_html: "captive_portal_login.html" => [HtmlInsteadOfJson ""];
    server_error_page_is_refused_as_html: "html_error_page_500.html" => [HtmlInsteadOfJson ""];
    xml_error_document_is_refused_as_markup: "xml_document.xml" => [HtmlInsteadOfJson ""];
    empty_file_is_refused_as_empty: "empty_file.json" => [Empty ""];
    file_of_only_white_space_is_refused_as_empty: "only_whitespace.json" => [Empty ""];
    gzip_compressed_file_is_refused_as_not_utf8: "gzip_compressed.json.gz" => [NotUtf8 "" @ 1:2];

    // --- JSON, but not a dataset object
    array_at_top_level_is_refused_as_type: "json_array_top_level.json" => [Type ""];
    string_at_top_level_is_refused_as_type: "json_string_top_level.json" => [Type ""];
    number_at_top_level_is_refused_as_type: "json_number_top_level.json" => [Type ""];
    null_document_is_refused_as_type: "null_document.json" => [Type ""];
    empty_object_is_refused_for_its_missing_format_version: "empty_object.json" => [Type "format_version"];
    missing_meta_is_refused_at_meta: "missing_meta.json" => [Type "meta"];

    // --- encodings
    invalid_utf8_is_refused_at_its_line_and_column: "invalid_utf8.json" => [NotUtf8 "" @ 7:18];
    latin1_umlaut_is_refused_as_not_utf8_at_its_position: "latin1_encoded.json" => [NotUtf8 "" @ 23:70];
    overlong_utf8_sequence_is_refused: "overlong_utf8.json" => [NotUtf8 "" @ 10:23];
    utf8_encoded_surrogate_is_refused: "utf8_encoded_surrogate.json" => [NotUtf8 "" @ 10:23];
    utf16_little_endian_with_bom_is_refused_as_not_utf8: "utf16_bom.json" => [NotUtf8 ""];
    utf16_big_endian_with_bom_is_refused_as_not_utf8: "utf16be_bom.json" => [NotUtf8 ""];
    utf16_without_bom_is_refused_as_not_utf8: "utf16_without_bom.json" => [NotUtf8 ""];
    /// Pure ASCII in UTF-16 is valid UTF-8 byte by byte (every other byte is
    /// NUL); it must still be named as an encoding problem, not as a JSON
    /// syntax error at line 1, column 2.
    utf16_ascii_without_bom_is_refused_as_not_utf8: "utf16_ascii_without_bom.json" => [NotUtf8 ""];
    /// ACCEPTED: one leading UTF-8 byte order mark is ignored.
    leading_utf8_bom_is_ignored: "bom_then_valid.json" => [];
    second_byte_order_mark_is_a_syntax_error: "double_bom.json" => [Syntax "" @ 1:1];
    lone_surrogate_escape_is_refused: "lone_surrogate_escape.json" => [Syntax "" @ 8:25];
    lone_trailing_surrogate_escape_is_refused: "lone_trailing_surrogate_escape.json" => [Syntax "" @ 8:24];

    // --- JSON syntax
    truncated_file_is_refused_at_its_end: "truncated_file.json" => [Syntax "" @ 34:10];
    trailing_garbage_is_refused_at_its_start: "trailing_garbage.json" => [Syntax "" @ 53:1];
    two_concatenated_documents_are_refused: "two_documents_concatenated.json" => [Syntax "" @ 53:1];
    nan_literal_is_refused: "nan_literal.json" => [Syntax "" @ 50:22];
    infinity_literal_is_refused: "infinity_literal.json" => [Syntax "" @ 50:36];
    trailing_comma_is_refused_at_the_closing_bracket: "trailing_comma.json" => [Syntax "" @ 47:7];
    single_quotes_are_refused: "single_quotes.json" => [Syntax "" @ 10:5];
    comments_are_refused: "comments_in_json.json" => [Syntax "" @ 14:3];
    unquoted_keys_are_refused: "unquoted_keys.json" => [Syntax "" @ 10:5];
    number_with_leading_zero_is_refused: "leading_zero_number.json" => [Syntax "" @ 3:22];
    /// The string runs into the line break at the end of line 44: the
    /// position is that line break (line 44, column 24), not "line 45,
    /// column 0" (columns count from 1).
    unterminated_string_is_refused_at_the_line_break: "unterminated_string.json" => [Syntax "" @ 44:24];
    nul_byte_in_string_is_refused: "nul_byte.json" => [Syntax "" @ 10:21];
    raw_tab_in_string_is_refused: "raw_tab_in_string.json" => [Syntax "" @ 36:25];
    number_out_of_range_is_refused: "huge_number.json" => [Syntax "" @ 50:26];
    nesting_of_129_levels_is_refused_as_too_deep: "too_deep_129_levels.json" => [TooDeep "" @ 52:135];

    // --- duplicate keys
    duplicate_key_in_meta_is_refused_at_its_path: "duplicate_key_in_meta.json" => [DuplicateKey "meta.version"];
    duplicate_key_in_localized_text_is_refused_at_its_path: "duplicate_key_in_localized_text.json" => [DuplicateKey "meta.title.de"];
    duplicate_key_in_list_entry_is_refused_at_its_path: "duplicate_key_in_list_entry.json" => [DuplicateKey "organizations[0].kind"];
    duplicate_format_version_is_refused: "duplicate_format_version.json" => [DuplicateKey "format_version"];

    // --- header
    negative_format_version_is_refused_as_type: "negative_format_version.json" => [Type "format_version"];
    format_version_as_string_is_refused_as_type: "format_version_string.json" => [Type "format_version"];
    format_version_beyond_u64_is_refused_as_type: "huge_format_version.json" => [Type "format_version"];
    format_version_2_asks_to_update_the_app: "format_version_2.json" => [FormatVersionUnsupported "format_version"];
    wrong_format_name_is_refused: "wrong_format_name.json" => [Format "format"];

    // --- types
    object_in_place_of_a_name_is_refused_at_the_name: "nested_objects_in_name.json" => [Type "organizations[0].name"];
    list_in_place_of_meta_is_refused_at_meta: "list_instead_of_object_meta.json" => [Type "meta"];
    meta_as_a_list_of_values_is_refused_at_meta: "meta_as_list_of_values.json" => [Type "meta"];
    geo_as_a_coordinate_pair_is_refused_at_geo: "geo_as_coordinate_pair.json" => [Type "organizations[0].geo"];
    object_in_place_of_a_list_is_refused_at_the_list: "object_instead_of_list_organizations.json" => [
        Type "organizations",
        // Nothing of the list is read, so references to it cannot resolve.
        ReferenceUnresolved "contacts[0].organization",
        ReferenceUnresolved "forums[0].members[0]",
    ];
    null_in_a_required_field_is_refused_at_the_field: "null_in_required_field.json" => [Type "organizations[0].name"];
    string_in_place_of_a_bool_is_refused_at_the_field: "string_instead_of_bool.json" => [Type "forums[0].open_to_new_members"];
    number_in_localized_text_is_refused_at_its_language: "number_in_localized_text.json" => [Type "meta.title.en"];

    // --- links that could run code or mislead
    javascript_url_in_capitals_is_refused: "javascript_url_uppercase.json" => [Url "organizations[0].website"];
    javascript_url_with_leading_space_is_refused: "javascript_url_leading_space.json" => [Url "organizations[0].website"];
    javascript_url_with_tab_inside_is_refused: "javascript_url_tab_inside.json" => [Url "organizations[0].website"];
    javascript_url_with_line_break_inside_is_refused: "javascript_url_newline_inside.json" => [Url "organizations[0].website"];
    javascript_url_written_with_unicode_escapes_is_refused: "javascript_url_unicode_escaped.json" => [Url "organizations[0].website"];
    javascript_url_in_event_registration_is_refused: "javascript_url_in_registration.json" => [Url "events[0].registration.url"];
    javascript_url_in_project_link_is_refused: "javascript_url_in_project_link.json" => [Url "projects[0].links[1].url"];
    data_url_is_refused: "data_url.json" => [Url "organizations[0].website"];
    vbscript_url_is_refused: "vbscript_url.json" => [Url "organizations[0].website"];
    protocol_relative_url_is_refused: "protocol_relative_url.json" => [Url "organizations[0].website"];
    file_url_is_refused: "file_url.json" => [Url "organizations[0].website"];
    url_with_a_trusted_name_before_at_is_refused: "url_with_credentials.json" => [Url "organizations[0].website"];
    mailto_in_an_email_field_is_refused: "mailto_in_email_field.json" => [Email "contacts[0].email"];
    /// ACCEPTED: markup in a name is text; the app shows it as text.
    script_tag_in_a_name_is_accepted_as_text: "script_tag_in_name.json" => [];

    // --- ids and references
    dangling_contact_reference_is_refused_at_the_reference: "dangling_contact_reference.json" => [ReferenceUnresolved "forums[0].contact"];
    reference_to_an_id_of_another_list_is_refused: "reference_to_wrong_list.json" => [ReferenceUnresolved "contacts[0].organization"];
    /// The topic comes first, so the organisation is the second use of
    /// "kora". References to the organisation still name an existing
    /// organisation and must not be reported on top.
    id_duplicated_across_lists_is_refused_at_its_second_use: "duplicate_id_across_lists.json" => [IdDuplicate "organizations[0].id"];
    id_with_cyrillic_homoglyph_is_refused: "id_with_cyrillic_homoglyph.json" => [IdSyntax "organizations[0].id"];
    id_with_zero_width_space_is_refused: "zero_width_space_in_id.json" => [IdSyntax "topics[0].id"];
    parent_cycle_is_refused_at_both_organisations: "parent_cycle.json" => [
        ParentCycle "organizations[0].parent",
        ParentCycle "organizations[1].parent",
    ];
}

#[test]
fn every_fixture_file_has_a_test_and_a_line_in_the_readme() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let readme =
        std::fs::read_to_string(dir.join("README.md")).expect("fixtures/hostile/README.md");
    let files: HashSet<String> = std::fs::read_dir(&dir)
        .expect("the fixture directory")
        .map(|entry| {
            entry
                .expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name != "README.md")
        .collect();
    let tested: HashSet<String> = FIXTURE_FILES.iter().map(|f| f.to_string()).collect();
    let mut untested: Vec<_> = files.difference(&tested).collect();
    untested.sort();
    assert!(
        untested.is_empty(),
        "fixture files without a test: {untested:?}"
    );
    let mut unlisted: Vec<_> = files
        .iter()
        .filter(|name| !readme.contains(&format!("`{name}`")))
        .collect();
    unlisted.sort();
    assert!(
        unlisted.is_empty(),
        "fixture files missing from README.md: {unlisted:?}"
    );
    assert!(FIXTURE_FILES.len() >= 40, "at least 40 hostile documents");
}

// ---------------------------------------------------------------------------
// Size

const MIB: usize = 1024 * 1024;

#[test]
fn the_document_limit_is_64_mib() {
    assert_eq!(json::MAX_DOCUMENT_BYTES, 64 * MIB);
}

#[test]
fn a_document_over_64_mib_is_refused_before_parsing() {
    // 65 MiB of `[`: were it parsed, it would be refused as too deep.
    let bytes = vec![b'['; 65 * MIB];
    check(
        "65 MiB",
        &bytes,
        &[Expected {
            rule: Rule::DocumentTooLarge,
            path: "",
            at: None,
        }],
    );
}

#[test]
fn a_valid_document_one_byte_over_64_mib_is_refused_for_size() {
    let mut bytes = minimal("").into_bytes();
    bytes.resize(64 * MIB + 1, b' ');
    check(
        "64 MiB + 1 byte",
        &bytes,
        &[Expected {
            rule: Rule::DocumentTooLarge,
            path: "",
            at: None,
        }],
    );
}

#[test]
fn a_valid_document_of_exactly_64_mib_is_accepted() {
    let mut bytes = include_bytes!("../../../public/data/dataset.json").to_vec();
    bytes.resize(64 * MIB, b' ');
    assert_eq!(bytes.len(), json::MAX_DOCUMENT_BYTES);
    check("exactly 64 MiB", &bytes, &[]);
}

// ---------------------------------------------------------------------------
// Depth

fn nested_arrays(levels: usize) -> Vec<u8> {
    let mut bytes = vec![b'['; levels];
    bytes.extend(std::iter::repeat_n(b']', levels));
    bytes
}

fn nested_objects(levels: usize) -> Vec<u8> {
    let mut bytes = br#"{"a":"#.repeat(levels);
    bytes.push(b'1');
    bytes.extend(std::iter::repeat_n(b'}', levels));
    bytes
}

#[test]
fn hundred_thousand_nested_arrays_are_refused_as_too_deep() {
    // The 129th `[` is the first one too deep: line 1, column 129.
    let bytes = nested_arrays(100_000);
    check(
        "[[[…]]]",
        &bytes,
        &[Expected {
            rule: Rule::TooDeep,
            path: "",
            at: Some((1, 129)),
        }],
    );
}

#[test]
fn hundred_thousand_nested_objects_are_refused_as_too_deep() {
    // `{"a":` is five bytes: the 129th `{` is at column 5 × 128 + 1.
    let bytes = nested_objects(100_000);
    check(
        "{\"a\":{\"a\":…}}",
        &bytes,
        &[Expected {
            rule: Rule::TooDeep,
            path: "",
            at: Some((1, 641)),
        }],
    );
}

#[test]
fn hundred_thousand_unclosed_brackets_are_refused_as_too_deep() {
    let bytes = vec![b'['; 100_000];
    check(
        "[[[[…",
        &bytes,
        &[Expected {
            rule: Rule::TooDeep,
            path: "",
            at: Some((1, 129)),
        }],
    );
}

#[test]
fn deep_nesting_is_refused_without_recursion_on_a_256_kib_stack() {
    let problems = on_small_stack(|| {
        [
            nested_arrays(100_000),
            nested_objects(100_000),
            vec![b'['; 100_000],
        ]
        .map(|bytes| validate(&bytes).err().unwrap_or_default())
    });
    for (case, problems) in ["arrays", "objects", "unclosed"].iter().zip(problems) {
        assert_eq!(problems.len(), 1, "{case}:\n{}", listing(&problems));
        assert_eq!(
            problems[0].rule,
            Rule::TooDeep,
            "{case}:\n{}",
            listing(&problems)
        );
        assert!(
            problems[0].line.is_some() && problems[0].column.is_some(),
            "{case}: no position"
        );
    }
}

#[test]
fn nesting_of_exactly_128_levels_is_accepted_and_129_refused() {
    // The top-level object is the first level; an unknown key holds the rest.
    let ok = minimal(&format!(r#","x":{}{}"#, "[".repeat(127), "]".repeat(127)));
    check("128 levels", ok.as_bytes(), &[]);

    let deep = minimal(&format!(r#","x":{}{}"#, "[".repeat(128), "]".repeat(128)));
    let column = deep.find('[').expect("a bracket") + 128;
    check(
        "129 levels",
        deep.as_bytes(),
        &[Expected {
            rule: Rule::TooDeep,
            path: "",
            at: Some((1, column)),
        }],
    );
}

// ---------------------------------------------------------------------------
// Lists and strings

fn synonym_groups(count: usize) -> String {
    let mut list = String::with_capacity(count * 10 + 2);
    list.push('[');
    for k in 0..count {
        if k > 0 {
            list.push(',');
        }
        list.push_str(r#"["a","b"]"#);
    }
    list.push(']');
    list
}

#[test]
fn a_list_of_500001_entries_is_refused_at_its_path() {
    let doc = minimal(&format!(r#","synonyms":{}"#, synonym_groups(500_001)));
    check(
        "500,001 synonym groups",
        doc.as_bytes(),
        &[Expected {
            rule: Rule::ListTooLong,
            path: "synonyms",
            at: None,
        }],
    );
}

#[test]
fn a_list_of_500000_entries_is_accepted() {
    let doc = minimal(&format!(r#","synonyms":{}"#, synonym_groups(500_000)));
    check("500,000 synonym groups", doc.as_bytes(), &[]);
}

/// One organisation and one forum whose `members` repeats it `count` times.
fn forum_with_members(count: usize) -> String {
    let members = vec![r#""kora""#; count].join(",");
    minimal(&format!(
        concat!(
            r#","organizations":[{{"id":"kora","name":"KORA","kind":"prevention"}}]"#,
            r#","forums":[{{"id":"dialog-dresden","name":"Sicherheitsdialog","city":"Dresden","members":[{}]}}]"#
        ),
        members
    ))
}

#[test]
fn a_nested_list_of_500001_references_is_refused_at_its_path() {
    let doc = forum_with_members(500_001);
    check(
        "500,001 members",
        doc.as_bytes(),
        &[Expected {
            rule: Rule::ListTooLong,
            path: "forums[0].members",
            at: None,
        }],
    );
}

#[test]
fn half_a_million_references_to_one_organisation_are_checked_without_blowup() {
    // The nearest thing to "billion laughs" in JSON: no entities to expand,
    // but one id referenced as often as the format allows.
    let doc = forum_with_members(500_000);
    check("500,000 references to one id", doc.as_bytes(), &[]);
}

#[test]
fn a_string_of_20001_multibyte_characters_is_refused_at_its_path() {
    // "ü" is two bytes: 20,001 characters, 40,002 bytes.
    let doc = minimal(&format!(
        r#","articles":[{{"id":"lang","title":"Lang","body":{{"de":"{}"}}}}]"#,
        "ü".repeat(20_001)
    ));
    check(
        "20,001 characters",
        doc.as_bytes(),
        &[Expected {
            rule: Rule::StringTooLong,
            path: "articles[0].body.de",
            at: None,
        }],
    );
}

#[test]
fn a_string_of_20000_four_byte_characters_is_accepted() {
    // 20,000 characters but 80,000 bytes: the limit counts characters.
    let doc = minimal(&format!(
        r#","articles":[{{"id":"lang","title":"Lang","body":{{"de":"{}"}}}}]"#,
        "🕌".repeat(20_000)
    ));
    check("20,000 emoji", doc.as_bytes(), &[]);
}

#[test]
fn a_too_long_string_deep_in_an_unknown_key_is_reported_at_its_path() {
    let doc = minimal(&format!(
        r#","organizations":[{{"id":"kora","name":"KORA","kind":"prevention","x":{{"y":["a","b","{}"]}}}}]"#,
        "x".repeat(20_001)
    ));
    check(
        "long string in an unknown key",
        doc.as_bytes(),
        &[Expected {
            rule: Rule::StringTooLong,
            path: "organizations[0].x.y[2]",
            at: None,
        }],
    );
}

#[test]
fn a_too_long_key_is_reported_at_its_object() {
    let key = "k".repeat(20_001);
    let doc = format!(
        concat!(
            r#"{{"format":"dialognetz-dataset","format_version":1,"#,
            r#""meta":{{"id":"fixture","title":"Test","publisher":"Test","version":"1","#,
            r#""published_at":"2024-02-15T09:00:00+01:00","{}":1}}}}"#
        ),
        key
    );
    check(
        "20,001-character key",
        doc.as_bytes(),
        &[Expected {
            rule: Rule::StringTooLong,
            path: "meta",
            at: None,
        }],
    );
}

// ---------------------------------------------------------------------------
// Many problems, long chains

#[test]
fn ten_thousand_problems_are_all_reported() {
    let organizations: Vec<String> = (0..10_000)
        .map(|k| {
            format!(r#"{{"id":"org-{k}","name":"Org {k}","kind":"other","address":{{"city":"X","state":"XX"}}}}"#)
        })
        .collect();
    let doc = minimal(&format!(
        r#","organizations":[{}]"#,
        organizations.join(",")
    ));
    let problems = validate(doc.as_bytes()).expect_err("10,000 bad state codes");
    assert_eq!(problems.len(), 10_000);
    let paths: HashSet<&str> = problems
        .iter()
        .inspect(|p| assert_eq!(p.rule, Rule::State, "{p}"))
        .map(|p| p.path.as_str())
        .collect();
    for k in 0..10_000 {
        assert!(
            paths.contains(format!("organizations[{k}].address.state").as_str()),
            "organizations[{k}] not reported"
        );
    }
}

#[test]
fn fifty_thousand_duplicate_ids_are_all_reported() {
    let topics = vec![r#"{"id":"dialog","label":"Dialog"}"#; 50_001].join(",");
    let doc = minimal(&format!(r#","topics":[{topics}]"#));
    let problems = validate(doc.as_bytes()).expect_err("50,000 duplicates");
    assert_eq!(problems.len(), 50_000);
    assert!(problems.iter().all(|p| p.rule == Rule::IdDuplicate));
    assert_eq!(problems[0].path, "topics[1].id");
    assert_eq!(problems[49_999].path, "topics[50000].id");
}

/// `count` organisations, each the parent of the next; with `close`, the
/// first one's parent is the last (one big cycle).
fn parent_chain(count: usize, close: bool) -> String {
    let organizations: Vec<String> = (0..count)
        .map(|k| {
            let parent = if k > 0 {
                format!(r#","parent":"org-{}""#, k - 1)
            } else if close {
                format!(r#","parent":"org-{}""#, count - 1)
            } else {
                String::new()
            };
            format!(r#"{{"id":"org-{k}","name":"Org {k}","kind":"other"{parent}}}"#)
        })
        .collect();
    minimal(&format!(
        r#","organizations":[{}]"#,
        organizations.join(",")
    ))
}

#[test]
fn a_long_parent_chain_is_checked_without_blowup() {
    // Following every organisation's chain to its root separately costs
    // count²/2 steps: 10,000 organisations must not mean 50 million (and the
    // 500,000 the format allows not 125 billion).
    let doc = parent_chain(10_000, false);
    check("parent chain of 10,000", doc.as_bytes(), &[]);
}

#[test]
fn a_long_parent_cycle_is_reported_at_every_member() {
    let count = 6_000;
    let doc = parent_chain(count, true);
    let problems = validate(doc.as_bytes()).expect_err("one big cycle");
    assert_eq!(problems.len(), count, "every member of the cycle, once");
    assert!(problems.iter().all(|p| p.rule == Rule::ParentCycle));
}

// ---------------------------------------------------------------------------
// Every cut and every corrupted byte: refused, never a panic

const SAMPLE: &[u8] = include_bytes!("../../../public/data/dataset.json");

#[track_caller]
fn assert_positioned(case: &str, problems: &[Problem]) {
    assert!(!problems.is_empty(), "{case}: refused without a problem");
    for p in problems {
        if matches!(p.rule, Rule::Syntax | Rule::NotUtf8 | Rule::TooDeep) {
            assert!(
                p.line.is_some_and(|l| l >= 1) && p.column.is_some_and(|c| c >= 1),
                "{case}: a syntax-level problem needs a 1-based line and column: {p:?}"
            );
        }
    }
}

#[test]
fn the_sample_cut_off_anywhere_is_refused_with_a_position() {
    let end = SAMPLE.trim_ascii_end().len();
    for cut in (0..end).step_by(7).chain([end - 1]) {
        let bytes = &SAMPLE[..cut];
        match validate(bytes) {
            Ok(_) => panic!("the sample cut at byte {cut} was accepted"),
            Err(problems) => {
                let case = format!("cut at byte {cut}");
                assert_positioned(&case, &problems);
                if cut > 0 {
                    assert!(
                        problems
                            .iter()
                            .any(|p| p.rule == Rule::Syntax || p.rule == Rule::NotUtf8),
                        "{case}:\n{}",
                        listing(&problems)
                    );
                }
            }
        }
    }
}

#[test]
fn single_corrupted_bytes_never_panic_and_syntax_problems_have_positions() {
    let replacements = [b'"', b'{', b']', b',', b'\\', b'\n', 0x00, 0xFF, 0xC3];
    let mut bytes = SAMPLE.to_vec();
    for offset in (0..SAMPLE.len()).step_by(29) {
        for &replacement in &replacements {
            let original = bytes[offset];
            bytes[offset] = replacement;
            if let Err(problems) = validate(&bytes) {
                assert_positioned(
                    &format!("byte {offset} set to {replacement:#04x}"),
                    &problems,
                );
            }
            bytes[offset] = original;
        }
    }
}
