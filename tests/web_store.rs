//! Browser tests (wasm32): run in headless Chromium by `make test` (wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_record_round_trips_through_local_storage() {
    let key = "nienbieu.test.roundtrip";
    nienbieu::store::remove(key);
    let ex = nienbieu::extract::extract(
        "Sáng 28-12, đồng chí Phạm Gia Túc, Bí thư Tỉnh ủy, chủ trì hội nghị.",
        &Default::default(),
    );
    nienbieu::store::save(key, &ex).expect("localStorage accepts a small record");
    let back: nienbieu::extract::Extraction = nienbieu::store::load(key)
        .expect("readable")
        .expect("present");
    assert_eq!(back.text, ex.text);
    assert_eq!(back.people.len(), ex.people.len());
    // It really is in window.localStorage, not in some in-memory stand-in.
    let raw = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap();
    assert!(raw.unwrap().contains("Phạm Gia Túc"));
    nienbieu::store::remove(key);
}
