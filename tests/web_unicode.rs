//! Browser test (headless Chromium): in the browser, NFC and NFD come from the engine's
//! `String.prototype.normalize`, not from the crate the native build uses
//! (`src/extract/unicode.rs`). The extractor must read a text the same either way: decomposed
//! articles read as their composed form, ids and stored forms agree, and folding for search gives
//! what the native build gives (the expected strings below are the native outputs).
#![cfg(target_arch = "wasm32")]

use nienbieu::extract::normalize::{fold, normalize};
use nienbieu::extract::{extract, unicode, Context};
use nienbieu::records::article::canonical_text;
use nienbieu::records::ArticleId;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Example articles (with their gold officials) from `tests/articles/`.
const ARTICLES: [&str; 4] = [
    include_str!("articles/X01.json"),
    include_str!("articles/W02.json"),
    include_str!("articles/W03.json"),
    include_str!("articles/V04.json"),
];

fn nfd(s: &str) -> String {
    String::from(js_sys::JsString::from(s).normalize("NFD"))
}

fn people(text: &str) -> Vec<(String, Vec<String>)> {
    extract(text, &Context::default())
        .people
        .into_iter()
        .map(|p| (p.name, p.titles.into_iter().map(|t| t.text).collect()))
        .collect()
}

#[wasm_bindgen_test]
fn decomposed_articles_read_as_composed() {
    for json in ARTICLES {
        let doc: serde_json::Value = serde_json::from_str(json).expect("example article");
        let text = doc["text"].as_str().expect("text");
        let decomposed = nfd(text);
        assert_ne!(decomposed, text, "the example has diacritics");
        let composed = people(text);
        assert_eq!(people(&decomposed), composed, "{}", doc["id"]);
        // And the officials are those of the gold annotation.
        let gold: Vec<String> = doc["gold"]["people"]
            .as_array()
            .expect("gold people")
            .iter()
            .map(|p| p["name"].as_str().unwrap_or_default().to_string())
            .collect();
        let names: Vec<String> = composed.into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, gold, "{}", doc["id"]);
        assert_eq!(normalize(&decomposed), normalize(text));
        assert_eq!(ArticleId::of_text(&decomposed), ArticleId::of_text(text));
        assert_eq!(canonical_text(&decomposed), canonical_text(text));
    }
}

#[wasm_bindgen_test]
fn forms_and_folding_match_the_native_build() {
    assert!(unicode::is_nfc("Hội nghị Ban Chấp hành"));
    assert!(!unicode::is_nfc("Ho\u{0323}\u{0302}i"));
    assert_eq!(unicode::nfc("Ho\u{0323}\u{0302}i nghi\u{0323}"), "Hội nghị");
    let mut d = String::new();
    unicode::nfd_char('ộ', &mut |c| d.push(c));
    assert_eq!(d, "o\u{0323}\u{0302}");
    assert_eq!(
        fold("Phạm Gia Túc, Bí thư Tỉnh ủy"),
        "pham gia tuc bi thu tinh uy"
    );
    assert_eq!(fold("Ho\u{0323}\u{0302}i nghi\u{0323}"), "hoi nghi");
    assert_eq!(
        fold("José Müller-Ñúñez Ça va Президент Йошкар ﬁ Ǆ"),
        "jose muller nunez ca va президент иошкар ﬁ ǆ"
    );
    // Lookalike letters and an NFD text in one.
    assert_eq!(normalize(&nfd("Ðồng chí Ɖinh")), "Đồng chí Đinh");
}
