//! Provinces and centrally-run cities, as titles name them ("... tỉnh Bắc Giang",
//! "... thành phố Hải Phòng", "... Đà Nẵng").
//!
//! The list is the administrative map (63 units before the 2025 merger, whose 34 successors all
//! keep one of these names, plus Huế and the former Hà Tây), with the spelling variants the
//! press uses. It is kept here rather than borrowed from the extractor so that a post resolves
//! the same way whatever the extractor's version.

use crate::extract::normalize::fold;

/// What kind of provincial-level unit a place is: it decides "tỉnh" or "thành phố" in labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    Province,
    City,
}

/// Canonical name, kind, and folded variants besides the canonical one's own fold.
const PLACES: &[(&str, PlaceKind, &[&str])] = &[
    ("Hà Nội", PlaceKind::City, &["thu do ha noi"]),
    ("Hồ Chí Minh", PlaceKind::City, &["tphcm", "hcm", "sai gon"]),
    ("Hải Phòng", PlaceKind::City, &[]),
    ("Đà Nẵng", PlaceKind::City, &[]),
    ("Cần Thơ", PlaceKind::City, &[]),
    ("Huế", PlaceKind::City, &[]),
    ("An Giang", PlaceKind::Province, &[]),
    (
        "Bà Rịa - Vũng Tàu",
        PlaceKind::Province,
        &["ba ria vung tau", "br vt", "brvt"],
    ),
    ("Bắc Giang", PlaceKind::Province, &[]),
    ("Bắc Kạn", PlaceKind::Province, &["bac can"]),
    ("Bạc Liêu", PlaceKind::Province, &[]),
    ("Bắc Ninh", PlaceKind::Province, &[]),
    ("Bến Tre", PlaceKind::Province, &[]),
    ("Bình Định", PlaceKind::Province, &[]),
    ("Bình Dương", PlaceKind::Province, &[]),
    ("Bình Phước", PlaceKind::Province, &[]),
    ("Bình Thuận", PlaceKind::Province, &[]),
    ("Cà Mau", PlaceKind::Province, &[]),
    ("Cao Bằng", PlaceKind::Province, &[]),
    (
        "Đắk Lắk",
        PlaceKind::Province,
        &["dac lac", "dak lac", "dac lak"],
    ),
    ("Đắk Nông", PlaceKind::Province, &["dac nong"]),
    ("Điện Biên", PlaceKind::Province, &[]),
    ("Đồng Nai", PlaceKind::Province, &[]),
    ("Đồng Tháp", PlaceKind::Province, &[]),
    ("Gia Lai", PlaceKind::Province, &[]),
    ("Hà Giang", PlaceKind::Province, &[]),
    ("Hà Nam", PlaceKind::Province, &[]),
    ("Hà Tây", PlaceKind::Province, &[]),
    ("Hà Tĩnh", PlaceKind::Province, &[]),
    ("Hải Dương", PlaceKind::Province, &[]),
    ("Hậu Giang", PlaceKind::Province, &[]),
    ("Hòa Bình", PlaceKind::Province, &[]),
    ("Hưng Yên", PlaceKind::Province, &[]),
    ("Khánh Hòa", PlaceKind::Province, &[]),
    ("Kiên Giang", PlaceKind::Province, &[]),
    ("Kon Tum", PlaceKind::Province, &["kontum"]),
    ("Lai Châu", PlaceKind::Province, &[]),
    ("Lâm Đồng", PlaceKind::Province, &[]),
    ("Lạng Sơn", PlaceKind::Province, &[]),
    ("Lào Cai", PlaceKind::Province, &[]),
    ("Long An", PlaceKind::Province, &[]),
    ("Nam Định", PlaceKind::Province, &[]),
    ("Nghệ An", PlaceKind::Province, &[]),
    ("Ninh Bình", PlaceKind::Province, &[]),
    ("Ninh Thuận", PlaceKind::Province, &[]),
    ("Phú Thọ", PlaceKind::Province, &[]),
    ("Phú Yên", PlaceKind::Province, &[]),
    ("Quảng Bình", PlaceKind::Province, &[]),
    ("Quảng Nam", PlaceKind::Province, &[]),
    ("Quảng Ngãi", PlaceKind::Province, &[]),
    ("Quảng Ninh", PlaceKind::Province, &[]),
    ("Quảng Trị", PlaceKind::Province, &[]),
    ("Sóc Trăng", PlaceKind::Province, &[]),
    ("Sơn La", PlaceKind::Province, &[]),
    ("Tây Ninh", PlaceKind::Province, &[]),
    ("Thái Bình", PlaceKind::Province, &[]),
    ("Thái Nguyên", PlaceKind::Province, &[]),
    ("Thanh Hóa", PlaceKind::Province, &[]),
    ("Thừa Thiên Huế", PlaceKind::Province, &[]),
    ("Tiền Giang", PlaceKind::Province, &[]),
    ("Trà Vinh", PlaceKind::Province, &[]),
    ("Tuyên Quang", PlaceKind::Province, &[]),
    ("Vĩnh Long", PlaceKind::Province, &[]),
    ("Vĩnh Phúc", PlaceKind::Province, &[]),
    ("Yên Bái", PlaceKind::Province, &[]),
];

/// A provincial-level place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Place {
    /// Canonical name: "Bắc Giang", "Hồ Chí Minh".
    pub name: &'static str,
    pub kind: PlaceKind,
}

impl Place {
    /// "tỉnh Bắc Giang", "thành phố Hải Phòng".
    pub fn with_scope(&self) -> String {
        match self.kind {
            PlaceKind::Province => format!("tỉnh {}", self.name),
            PlaceKind::City => format!("thành phố {}", self.name),
        }
    }
}

/// The place a name stands for, from its canonical name or any variant, in any case or
/// diacritics ("Thanh Hoá", "thanh hoa", "TP.HCM").
pub fn lookup(name: &str) -> Option<Place> {
    let key = fold(name);
    let key = strip_scope(&key);
    PLACES.iter().find_map(|&(canonical, kind, variants)| {
        (fold(canonical) == key || variants.contains(&key)).then_some(Place {
            name: canonical,
            kind,
        })
    })
}

/// The longest run of trailing words of `words` (each already folded) that names a place, as
/// (number of words, place). "uy ban nhan dan tinh bac giang" → (2, Bắc Giang).
pub fn trailing_place(folded_words: &[String]) -> Option<(usize, Place)> {
    // Names are at most three words ("Bà Rịa - Vũng Tàu" → "ba ria vung tau" is four).
    for n in (1..=folded_words.len().min(4)).rev() {
        let tail = folded_words[folded_words.len() - n..].join(" ");
        // A leading scope word ("tinh", "thanh pho") stays with the title, not the place.
        if strip_scope(&tail).len() != tail.len() {
            continue;
        }
        if let Some(place) = lookup(&tail) {
            return Some((n, place));
        }
    }
    None
}

/// `key` without a leading "tinh ", "thanh pho " or "tp ".
fn strip_scope(key: &str) -> &str {
    ["tinh ", "thanh pho ", "tp "]
        .iter()
        .find_map(|p| key.strip_prefix(p))
        .unwrap_or(key)
}

/// Every canonical place name, for menus and filters.
pub fn all() -> impl Iterator<Item = Place> {
    PLACES.iter().map(|&(name, kind, _)| Place { name, kind })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_map_has_every_unit() {
        // 63 units before 2025, plus Huế (city since 2025) and the former Hà Tây.
        assert_eq!(PLACES.len(), 65);
        let provinces = all().filter(|p| p.kind == PlaceKind::Province).count();
        assert_eq!(provinces, 59);
    }

    #[test]
    fn finds_places_in_every_spelling() {
        for (written, want) in [
            ("Thanh Hoá", "Thanh Hóa"),
            ("thanh hoa", "Thanh Hóa"),
            ("TP.HCM", "Hồ Chí Minh"),
            ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"),
            ("tỉnh Đăk Lăk", "Đắk Lắk"),
            ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"),
            ("Bắc Cạn", "Bắc Kạn"),
        ] {
            assert_eq!(lookup(written).map(|p| p.name), Some(want), "{written}");
        }
        assert_eq!(lookup("Tân Yên"), None);
    }

    #[test]
    fn finds_a_place_at_the_end_of_a_title() {
        let words = |s: &str| fold(s).split(' ').map(str::to_string).collect::<Vec<_>>();
        for (title, want) in [
            (
                "Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang",
                Some((2, "Bắc Giang")),
            ),
            ("Bí thư Thành ủy Hải Phòng", Some((2, "Hải Phòng"))),
            (
                "Phó Giám đốc Sở Kế hoạch và Đầu tư Đà Nẵng",
                Some((2, "Đà Nẵng")),
            ),
            (
                "Bí thư Thành ủy Thành phố Hồ Chí Minh",
                Some((3, "Hồ Chí Minh")),
            ),
            ("Bí thư Huyện ủy Tân Yên", None),
            ("Bí thư Tỉnh ủy", None),
        ] {
            let got = trailing_place(&words(title)).map(|(n, p)| (n, p.name));
            assert_eq!(got, want, "{title}");
        }
    }
}
