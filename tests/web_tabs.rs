//! Browser test (headless Chromium): two tabs over one localStorage — this window and a
//! same-origin iframe — see each other's changes and never overwrite a newer one. Alone in its
//! file: it awaits storage events, and other tests must not touch the storage meanwhile.
#![cfg(target_arch = "wasm32")]

use nienbieu::records::store::{Store, StoreError};
use nienbieu::records::synth;
use nienbieu::records::{Library, Source};
use nienbieu::store::LocalStorageBackend;
use wasm_bindgen::JsCast;
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

/// A second "tab": a same-origin iframe shares this origin's localStorage and gets its own
/// `storage` events, like another tab.
fn second_tab() -> web_sys::Window {
    let document = web_sys::window().unwrap().document().unwrap();
    let frame: web_sys::HtmlIFrameElement =
        document.create_element("iframe").unwrap().unchecked_into();
    document.body().unwrap().append_child(&frame).unwrap();
    frame.content_window().unwrap()
}

#[wasm_bindgen_test]
async fn two_tabs_see_each_other_and_never_overwrite_a_newer_change() {
    let mut tab_a = fresh();
    let mut lib_a = Library::new();
    tab_a.apply(&mut lib_a, |l| add(l, ARTICLE, 1)).unwrap();

    let other = second_tab();
    let storage_b = other.local_storage().unwrap().unwrap();
    // The storage event reaches the other tab, for the head key.
    let (tx, mut rx) = futures_channel::mpsc::unbounded::<Option<String>>();
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::StorageEvent)>::new(
        move |e: web_sys::StorageEvent| {
            let _ = tx.unbounded_send(e.key());
        },
    );
    other
        .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref())
        .unwrap();

    let (mut tab_b, mut lib_b, _) = Store::open(LocalStorageBackend::over(storage_b));
    assert_eq!(lib_b, lib_a);

    // Tab A saves a change: B is told.
    tab_a
        .apply(&mut lib_a, |l| add(l, &synth::article(2, 1_500), 2))
        .unwrap();
    // Blob keys come first (written before the head); the head's event means "reload".
    let mut keys = Vec::new();
    loop {
        let key = futures_util::StreamExt::next(&mut rx).await.unwrap();
        keys.push(key.clone());
        if nienbieu::records::store::is_reload_key(key.as_deref()) {
            break;
        }
        assert!(keys.len() < 10, "no head event among {keys:?}");
    }

    // B, not yet reloaded, tries to save its own change on the older state: refused.
    let err = tab_b
        .apply(&mut lib_b, |l| add(l, &synth::article(3, 1_500), 3))
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict { .. }), "{err:?}");
    assert_eq!(lib_b.len(), 1, "B's memory is unchanged by the refusal");
    // Reloading and applying again keeps both changes.
    tab_b
        .apply_or_reload(&mut lib_b, |l| add(l, &synth::article(3, 1_500), 3))
        .unwrap();
    assert_eq!(lib_b.len(), 3);
    let (_, stored, _) = Store::open(LocalStorageBackend::open().unwrap());
    assert_eq!(stored.len(), 3, "A's change and B's change are both stored");
    drop(listener);
    local_storage().clear().unwrap();
}
