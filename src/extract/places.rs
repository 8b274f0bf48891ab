//! Places: provinces and centrally-run cities, and which one an article is about.
//!
//! The lexicon (`lexicon/provinces.tsv`) holds every province before and after the 2025 merger
//! with the spellings the press uses ("Thanh Hoá", "TP.HCM", "Bà Rịa-Vũng Tàu").

use super::lexicon::{Case, Class, Doc};
use super::normalize::normalize;
use super::Span;

/// Every province mention in `d`: its span and canonical name. A province name inside a
/// personal name ("Nguyễn Hòa Bình") is not a mention.
pub fn mentions_in(d: &Doc) -> Vec<(Span, &'static str)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < d.len() {
        if let Some((e, p)) = d.province(i) {
            let inside_name = i > 0
                && d.case(i - 1) == Some(Case::Cap)
                && d.class(i - 1, Class::Org).is_none()
                && d.surname(i - 1).is_some()
                || i > 1
                    && d.case(i - 1) == Some(Case::Cap)
                    && d.case(i - 2) == Some(Case::Cap)
                    && d.surname(i - 2).is_some()
                    && d.org(i - 1).is_none();
            // "Hồ Chí Minh" alone is the President ("tư tưởng Hồ Chí Minh", "Chủ tịch Hồ Chí
            // Minh"); the city is written "Thành phố Hồ Chí Minh", "TP.HCM".
            let city_word = |k: usize| matches!(d.lower(k), "phố" | "tp");
            let the_person = d.lower(i) == "hồ"
                && !(i > 0 && city_word(i - 1)
                    || i > 1 && d.is_punct(i - 1, '.') && city_word(i - 2));
            if !inside_name && !the_person {
                out.push((d.span(i, e), p.canon.as_str()));
            }
            i = e;
        } else {
            i += 1;
        }
    }
    out
}

/// The province or city the article is mostly about, canonical ("Nam Định"): the most
/// mentioned, a mention after "tỉnh", "thành phố", "Tỉnh ủy", "UBND" counting triple; ties go
/// to the first mentioned.
pub fn main_place_in(d: &Doc) -> Option<&'static str> {
    let mut scores: Vec<(&'static str, u32, usize)> = Vec::new();
    for (n, (span, name)) in mentions_in(d).into_iter().enumerate() {
        let i = d.tok_at_byte(span.start);
        let prev = if i > 0 { d.lower(i - 1) } else { "" };
        let strong = matches!(prev, "tỉnh" | "phố" | "tp" | "ủy" | "ubnd" | "hđnd" | "uỷ")
            || prev.ends_with("ủy");
        let w = if strong { 3 } else { 1 };
        match scores.iter_mut().find(|s| s.0 == name) {
            Some(s) => s.1 += w,
            None => scores.push((name, w, n)),
        }
    }
    scores
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|s| s.0)
}

/// The province or city the article is mostly about, canonical ("Nam Định").
pub fn main_place(text: &str) -> Option<&'static str> {
    let text = normalize(text);
    main_place_in(&Doc::new(&text))
}

/// The province named inside a canonical title, if any: "Bí thư Tỉnh ủy Phú Yên" → "Phú Yên".
/// Lets the records layer tell "Bí thư Tỉnh ủy <place>" apart from a bare "Bí thư Tỉnh ủy".
pub fn province_in(title: &str) -> Option<&'static str> {
    let text = normalize(title);
    let d = Doc::new(&text);
    mentions_in(&d).first().map(|m| m.1)
}

/// Canonical name of a province as written ("Thanh Hoá" → "Thanh Hóa", "TP.HCM" → "Hồ Chí
/// Minh"), if it is one.
pub fn canonical(name: &str) -> Option<&'static str> {
    let text = normalize(name);
    let d = Doc::new(&text);
    d.province(0)
        .filter(|(e, _)| *e == d.len())
        .map(|(_, p)| p.canon.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `places.examples.tsv`: text → main place ("-" for none).
    #[test]
    fn examples() {
        let data = include_str!("places.examples.tsv");
        let mut failures = Vec::new();
        for (n, line) in data.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((input, expected)) = line.split_once('\t') else {
                continue;
            };
            let got = main_place(input).unwrap_or("-");
            if got != expected {
                failures.push(format!(
                    "line {}: {input:?} → {got:?}, expected {expected:?}",
                    n + 1
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn provinces_inside_titles() {
        assert_eq!(province_in("Bí thư Tỉnh ủy Phú Yên"), Some("Phú Yên"));
        assert_eq!(
            province_in("Chủ tịch Ủy ban nhân dân tỉnh Thanh Hoá"),
            Some("Thanh Hóa")
        );
        assert_eq!(province_in("Bí thư Tỉnh ủy"), None);
        assert_eq!(canonical("TP.HCM"), Some("Hồ Chí Minh"));
        assert_eq!(canonical("Bà Rịa-Vũng Tàu"), Some("Bà Rịa - Vũng Tàu"));
        assert_eq!(canonical("Hà"), None);
    }
}
