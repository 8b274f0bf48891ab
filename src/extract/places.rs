//! Places: provinces and centrally-run cities, and which one an article is about.

/// The province or city the article is mostly about, canonical ("Nam Định").
pub fn main_place(_text: &str) -> Option<&'static str> {
    None
}
