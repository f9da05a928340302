//! Browser tests (headless Chromium via wasm-bindgen-test): the core runs in
//! WebAssembly, and the summary component renders a real dataset.

#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use dialognetz_app::components::dataset_summary::DatasetSummary;
use dialognetz_app::data::AppData;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &[u8] = include_bytes!("../public/data/dataset.json");

#[wasm_bindgen_test]
fn sample_dataset_validates_in_webassembly() {
    let dataset = dialognetz_core::validate(SAMPLE).expect("the sample is valid");
    assert_eq!(dataset.forums[0].members.len(), 14);
}

#[wasm_bindgen_test]
fn a_javascript_link_is_refused_in_webassembly_too() {
    let text = std::str::from_utf8(SAMPLE).expect("utf-8");
    let broken = text.replacen(
        "\"https://www.demokratiezentrum.sachsen.de\"",
        "\"JavaScript:alert(1)\"",
        1,
    );
    assert_ne!(broken, text, "the sample has KORA's website");
    let problems = dialognetz_core::validate(broken.as_bytes()).expect_err("refused");
    assert!(
        problems.iter().any(|p| p.path.ends_with(".website")),
        "{problems:?}"
    );
}

#[wasm_bindgen_test]
fn summary_shows_title_date_and_counts() {
    let dataset = dialognetz_core::validate(SAMPLE).expect("valid");
    let organizations = dataset.organizations.len();
    let data = Arc::new(AppData::new(&dataset).expect("the compact form opens"));
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let host = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let host: web_sys::HtmlElement = host.unchecked_into();
    let _mounted = leptos::mount::mount_to(host.clone(), move || {
        view! { <DatasetSummary data=data.clone()/> }
    });
    let title = host.query_selector("h2").ok().flatten().expect("h2");
    assert_eq!(
        title.text_content().as_deref(),
        Some("Sicher Zusammenleben – Kontakte und Dialogforen")
    );
    let as_of = host.query_selector("time").ok().flatten().expect("time");
    assert_eq!(
        as_of.get_attribute("datetime").as_deref(),
        Some("2024-02-15T09:00:00+01:00")
    );
    let first_count = host
        .query_selector(".counts li")
        .ok()
        .flatten()
        .expect("count");
    let text = first_count.text_content().unwrap_or_default();
    assert!(text.starts_with(&organizations.to_string()), "{text}");
}

/// Reserving for a dataset grows WebAssembly memory in one step, and the
/// work that follows finds the room without growing it again.
#[wasm_bindgen_test]
fn reserving_for_a_dataset_grows_memory_once() {
    const PAGE: usize = 64 * 1024;
    let pages = || core::arch::wasm32::memory_size(0);
    let before = pages();
    dialognetz_core::memory::reserve_for_dataset(8 << 20);
    let after = pages();
    assert!(
        (after - before) * PAGE >= 30 << 20,
        "grew by {} pages",
        after - before
    );
    // Much of it in many small pieces, as validating and indexing allocate.
    let pieces: Vec<Vec<u8>> = (0..20_000).map(|i| vec![(i % 251) as u8; 1024]).collect();
    assert_eq!(
        pages(),
        after,
        "the reserved room was used, memory did not grow"
    );
    assert_eq!(pieces.len(), 20_000);
}
