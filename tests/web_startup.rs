//! Browser test (headless Chromium): the app starting over a stored collection too large to read
//! before the first view. The paste box is there at once; the roster says it is reading, then
//! lists every official. Alone in its file: it mounts
//! the app over its own storage.
#![cfg(target_arch = "wasm32")]

use nienbieu::records::store::Store;
use nienbieu::records::views::Roster;
use nienbieu::records::{synth, Extractions, Library, Records, Source};
use nienbieu::store::LocalStorageBackend;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod page;
use page::{count, js, text, until};

wasm_bindgen_test_configure!(run_in_browser);

/// More than the app reads before its first view.
const STORED: usize = 120;

#[wasm_bindgen_test]
async fn a_large_collection_is_read_after_the_first_view() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let mut lib = Library::new();
    for i in 0..STORED {
        lib.add_article(&synth::article(i, 7_000), Source::default(), i as u64, 0)
            .expect("added");
    }
    let (mut store, _, _) = Store::open(LocalStorageBackend::open().expect("localStorage"));
    store.commit(&lib).expect("stored");

    js("history.replaceState(null, '', '/roster')");
    nienbieu::ui::run();

    // Mounted before the articles are read: once the router has rendered (microtasks; the
    // reading waits for the next task), the roster says how far the reading is.
    for _ in 0..10 {
        let resolved = js_sys::Promise::resolve(&JsValue::NULL);
        let _ = wasm_bindgen_futures::JsFuture::from(resolved).await;
    }
    assert_eq!(count("[data-testid=reading-progress]"), 1);
    assert!(text("[data-testid=reading-progress]").contains(&format!("/ {STORED}")));
    assert_eq!(count("[data-testid=roster-table]"), 0);

    until("the roster", || count("[data-testid=roster-table]") == 1).await;
    assert_eq!(count("[data-testid=reading-progress]"), 0);
    // As many as the records of the same library read in one go.
    let mut read = Extractions::new();
    read.refresh_with_extract(&lib);
    let officials = Roster::new(&Records::build(&lib, &read)).len();
    assert!(officials > STORED * 4, "{officials}");
    assert!(
        text("[data-testid=roster-count]").contains(&format!("/ {officials}")),
        "{}",
        text("[data-testid=roster-count]")
    );
    let read = js("performance.getEntriesByName('nienbieu-records').length")
        .as_f64()
        .unwrap_or(0.0);
    assert_eq!(read, 1.0, "one records mark");
}
