//! Browser test (headless Chromium): how many real-sized articles fit in the real localStorage
//! quota. Alone in its file: it yields to the page between batches, and the runner would start
//! other async tests of the same file meanwhile, on the same storage.
#![cfg(target_arch = "wasm32")]

use nienbieu::records::store::{Store, StoreError};
use nienbieu::records::synth;
use nienbieu::records::{Library, Source};
use nienbieu::store::LocalStorageBackend;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Starts each test from an empty origin storage.
fn fresh() -> Store<LocalStorageBackend> {
    local_storage().clear().unwrap();
    Store::open(LocalStorageBackend::open().unwrap()).0
}

fn add(lib: &mut Library, text: &str, at: u64) {
    lib.add_article(text, Source::default(), at, 1).unwrap();
}

/// Lets the page breathe between long steps (the test runner polls it).
async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The real figure: how many real-sized (7 KB) articles fit in Chromium's localStorage.
#[wasm_bindgen_test]
async fn two_thousand_real_sized_articles_fit() {
    let mut store = fresh();
    let mut lib = Library::new();
    let mut stored = 0;
    'fill: for batch in 0.. {
        let mut next = lib.clone();
        for i in 0..100 {
            let k = batch * 100 + i;
            add(&mut next, &synth::article(k, 7_000), k as u64);
        }
        yield_now().await;
        match store.commit(&next) {
            Ok(_) => {
                lib = next;
                stored = lib.len();
            }
            Err(StoreError::Quota) => break 'fill,
            Err(e) => panic!("{e}"),
        }
        if stored >= 6_000 {
            break;
        }
    }
    let units = store.usage();
    web_sys::console::log_1(
        &format!(
            "localStorage: {stored} articles of ~7 KB stored before the quota ({units} UTF-16 units, {:.0} per article)",
            units as f64 / stored.max(1) as f64
        )
        .into(),
    );
    assert!(stored >= 2_000, "only {stored} articles fit");
    // And they all come back.
    let (_, loaded, report) = Store::open(LocalStorageBackend::open().unwrap());
    assert!(report.is_clean(), "{:?}", report.problems);
    assert_eq!(loaded.len(), stored);
    local_storage().clear().unwrap();
}
