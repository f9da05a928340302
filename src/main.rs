//! Entry point of the browser app: install the panic hook, take over from
//! the static shell (index.html), mount the app.

use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook::set_once();
    dialognetz_app::browser::mark("start");
    let was_typing = take_over_shell();
    leptos::mount::mount_to_body(dialognetz_app::App);
    dialognetz_app::browser::mark("mounted");
    if was_typing {
        // The router puts the page in place after mounting; the field is
        // there by the next frame.
        leptos::prelude::request_animation_frame(focus_search_field);
    }
}

/// Puts the caret back at the end of the app's search field.
fn focus_search_field() {
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("search-input"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        let _ = input.focus();
        let end = input.value().encode_utf16().count() as u32;
        let _ = input.set_selection_range(end, end);
    }
}

/// Removes the shell painted before the WebAssembly arrived (public/shell.js)
/// and keeps what the person typed into its search field as the query, so
/// typing early is never lost. A query already in the URL wins. Returns
/// whether the person was in the shell's search field.
fn take_over_shell() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(document) = window.document() else {
        return false;
    };
    let Some(shell) = document.get_element_by_id("app-shell") else {
        return false;
    };
    let input = shell
        .query_selector("#shell-search")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    let was_typing = input.is_some()
        && document.active_element().map(|e| e.id()).as_deref() == Some("shell-search");
    let typed = input
        .map(|input| input.value())
        .filter(|v| !v.trim().is_empty());
    shell.remove();
    if let Some(typed) = typed {
        keep_as_query(&window, &typed);
    }
    was_typing
}

/// Writes `typed` into the URL's `q` on the start page, unless it has one.
fn keep_as_query(window: &web_sys::Window, typed: &str) {
    let location = window.location();
    if location.pathname().as_deref() != Ok("/") {
        return;
    }
    let Ok(url) = web_sys::Url::new(&location.href().unwrap_or_default()) else {
        return;
    };
    let params = url.search_params();
    if params.get("q").is_some_and(|q| !q.is_empty()) {
        return;
    }
    params.set("q", typed);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}
