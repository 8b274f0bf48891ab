//! Posts: a title within an organisation and a place ("Bí thư Tỉnh ủy Nam Định"), separate from
//! whoever holds it.
//!
//! A title as written ("nguyên Chủ tịch UBND tỉnh", "Tỉnh ủy viên", "Trưởng đoàn Đoàn ĐBQH của
//! tỉnh") is read into a [`PostRef`]: flags ("nguyên", "Quyền", "kiêm") set aside, the
//! abbreviations and set phrases the press uses resolved to one canonical wording, then split
//! into the role ("Chủ tịch"), the organisation ("Ủy ban nhân dân tỉnh") and the place, which
//! comes from the title itself or, for a bare provincial title, from the article.

use super::places::{self, Place};
use crate::extract::normalize::fold;
use serde::{Deserialize, Serialize};

/// Whether a post has one holder at a time (so a second one is a conflict) or several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seats {
    One,
    Many,
}

/// Where a post sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// A national body: Bộ Chính trị, Quốc hội, Chính phủ, a ministry.
    National,
    /// A provincial (or lower) body in a known province.
    Province(Place),
    /// A provincial body whose province neither the title nor the article says.
    UnknownProvince,
}

impl Scope {
    /// The province's canonical name, if known.
    pub fn place(&self) -> Option<&'static str> {
        match self {
            Scope::Province(p) => Some(p.name),
            _ => None,
        }
    }
}

/// One title read as a post plus the flags of this mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostRef {
    /// Stable identity of the post: folded role, organisation and place.
    pub key: String,
    /// "Bí thư", "Phó Chủ tịch Thường trực".
    pub role: String,
    /// "Ủy ban nhân dân tỉnh", "Bộ Chính trị"; empty for a title that is its own post
    /// ("Thủ tướng", "Tổng Bí thư").
    pub org: String,
    /// Stable identity of the organisation (folded organisation and place); empty with `org`.
    pub org_key: String,
    /// The organisation as shown: "Ủy ban nhân dân tỉnh Bắc Giang", "Tỉnh ủy Nam Định".
    pub org_label: String,
    pub scope: Scope,
    pub seats: Seats,
    /// The post as shown: "Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang".
    pub label: String,
    /// "nguyên": held before, not at the time of the article.
    pub former: bool,
    /// "Quyền": acting.
    pub acting: bool,
    /// "kiêm": held alongside another post.
    pub concurrent: bool,
}

/// Abbreviations written in capitals, as provincial and national papers use them.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("BCH", "Ban Chấp hành"),
    ("TƯ", "Trung ương"),
    ("TW", "Trung ương"),
    ("ĐBQH", "đại biểu Quốc hội"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("TVTU", "Thường vụ Tỉnh ủy"),
    ("BTV", "Ban Thường vụ"),
    ("TP", "thành phố"),
    ("TP.", "thành phố"),
    ("KH-ĐT", "Kế hoạch và Đầu tư"),
    ("KH&ĐT", "Kế hoạch và Đầu tư"),
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"),
    ("LĐTB&XH", "Lao động - Thương binh và Xã hội"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("NN-PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("TN&MT", "Tài nguyên và Môi trường"),
    ("TN-MT", "Tài nguyên và Môi trường"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("GD-ĐT", "Giáo dục và Đào tạo"),
    ("VH-TT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("VHTT&DL", "Văn hóa, Thể thao và Du lịch"),
    ("GTVT", "Giao thông vận tải"),
    ("TT&TT", "Thông tin và Truyền thông"),
    ("TT-TT", "Thông tin và Truyền thông"),
    ("KH&CN", "Khoa học và Công nghệ"),
    ("KH-CN", "Khoa học và Công nghệ"),
    ("BCHQS", "Bộ Chỉ huy Quân sự"),
    ("CHQS", "Chỉ huy Quân sự"),
    ("VKSND", "Viện kiểm sát nhân dân"),
    ("TAND", "Tòa án nhân dân"),
    ("LHPN", "Liên hiệp Phụ nữ"),
    ("CCB", "Cựu chiến binh"),
];

/// Set phrases that name the same post in two wordings: (folded prefix, canonical wording).
const SYNONYMS: &[(&str, &str)] = &[
    ("tinh uy vien", "Ủy viên Ban Chấp hành Đảng bộ tỉnh"),
    ("thanh uy vien", "Ủy viên Ban Chấp hành Đảng bộ thành phố"),
    ("huyen uy vien", "Ủy viên Ban Chấp hành Đảng bộ huyện"),
    (
        "uy vien ban chap hanh trung uong dang",
        "Ủy viên Ban Chấp hành Trung ương Đảng",
    ),
    (
        "uy vien ban chap hanh trung uong",
        "Ủy viên Ban Chấp hành Trung ương Đảng",
    ),
    (
        "uy vien trung uong dang",
        "Ủy viên Ban Chấp hành Trung ương Đảng",
    ),
    (
        "uy vien trung uong",
        "Ủy viên Ban Chấp hành Trung ương Đảng",
    ),
    ("bi thu trung uong dang", "Bí thư Trung ương Đảng"),
    ("bi thu trung uong", "Bí thư Trung ương Đảng"),
    ("tong bi thu ban chap hanh trung uong dang", "Tổng Bí thư"),
    ("uy vien thuong vu tinh uy", "Ủy viên Ban Thường vụ Tỉnh ủy"),
    (
        "uy vien thuong vu thanh uy",
        "Ủy viên Ban Thường vụ Thành ủy",
    ),
    (
        "truong doan doan dai bieu quoc hoi",
        "Trưởng Đoàn đại biểu Quốc hội",
    ),
    (
        "pho truong doan doan dai bieu quoc hoi",
        "Phó Trưởng Đoàn đại biểu Quốc hội",
    ),
];

/// Whole titles written in a shorter or longer form than the usual one.
const EXACT_SYNONYMS: &[(&str, &str)] = &[
    ("thu tuong", "Thủ tướng Chính phủ"),
    ("pho thu tuong", "Phó Thủ tướng Chính phủ"),
    (
        "pho thu tuong thuong truc",
        "Phó Thủ tướng Thường trực Chính phủ",
    ),
    (
        "chu tich nuoc cong hoa xa hoi chu nghia viet nam",
        "Chủ tịch nước",
    ),
    (
        "pho chu tich nuoc cong hoa xa hoi chu nghia viet nam",
        "Phó Chủ tịch nước",
    ),
];

/// Role words a title starts with, folded, longest first where one extends another, with
/// whether the post has one holder.
const ROLES: &[(&str, Seats)] = &[
    ("pho bi thu thuong truc", Seats::One),
    ("pho bi thu", Seats::Many),
    ("tong bi thu", Seats::One),
    ("bi thu", Seats::One),
    ("pho chu tich thuong truc", Seats::One),
    ("pho chu tich", Seats::Many),
    ("chu tich", Seats::One),
    ("pho thu tuong thuong truc", Seats::One),
    ("pho thu tuong", Seats::Many),
    ("thu tuong", Seats::One),
    ("bo truong", Seats::One),
    ("thu truong", Seats::Many),
    ("pho truong ban thuong truc", Seats::One),
    ("pho tong giam doc", Seats::Many),
    ("tong giam doc", Seats::One),
    ("pho giam doc", Seats::Many),
    ("giam doc", Seats::One),
    ("pho chanh an", Seats::Many),
    ("chanh an", Seats::One),
    ("pho vien truong", Seats::Many),
    ("vien truong", Seats::One),
    ("pho chu nhiem", Seats::Many),
    ("chu nhiem", Seats::One),
    ("pho chi huy truong", Seats::Many),
    ("chi huy truong", Seats::One),
    ("pho chinh uy", Seats::Many),
    ("chinh uy", Seats::One),
    ("pho tu lenh", Seats::Many),
    ("tu lenh", Seats::One),
    ("pho tong bien tap", Seats::Many),
    ("tong bien tap", Seats::One),
    ("pho hieu truong", Seats::Many),
    ("hieu truong", Seats::One),
    ("pho tong thanh tra", Seats::Many),
    ("tong thanh tra", Seats::One),
    ("pho tong cuc truong", Seats::Many),
    ("tong cuc truong", Seats::One),
    ("pho cuc truong", Seats::Many),
    ("cuc truong", Seats::One),
    ("pho vu truong", Seats::Many),
    ("vu truong", Seats::One),
    ("to truong", Seats::One),
    ("to pho", Seats::Many),
    ("tro ly", Seats::Many),
    ("thu ky", Seats::Many),
    ("uy vien", Seats::Many),
    ("dai bieu", Seats::Many),
    ("thanh vien", Seats::Many),
    // "Trưởng ban Tuyên giáo", "Chánh Văn phòng": the role is "Trưởng", the body "Ban Tuyên giáo".
    ("pho truong", Seats::Many),
    ("truong", Seats::One),
    ("pho chanh", Seats::Many),
    ("chanh", Seats::One),
];

/// Folded words in an organisation that make it provincial or lower.
/// ("xã", "quận" alone are left out: they fold like "xã hội", "quân sự".)
const PROVINCIAL_MARKERS: &[&str] = &[
    "tinh",
    "tinh uy",
    "thanh uy",
    "thanh pho",
    "huyen",
    "huyen uy",
    "quan uy",
    "thi xa",
    "thi uy",
    "thi tran",
    "dang uy",
];

/// Folded phrases in an organisation that make it national (checked after the provincial ones:
/// "Đoàn đại biểu Quốc hội tỉnh" is provincial).
const NATIONAL_MARKERS: &[&str] = &[
    "trung uong",
    "quoc hoi",
    "chinh phu",
    "bo chinh tri",
    "ban bi thu",
    "nha nuoc",
    "nuoc",
    "viet nam",
    "toan quoc",
    "tong cuc",
    "bo",
];

/// Reads one canonical title (the extractor's [`crate::extract::Title::text`], or a user's
/// correction) into its post. `article_place` is the province the article is about; it resolves
/// a bare provincial title ("Bí thư Tỉnh ủy").
pub fn resolve(title: &str, article_place: Option<&str>) -> PostRef {
    let mut words: Vec<String> = Vec::new();
    let title = title.trim().trim_end_matches([',', ';', ':', '.']);
    for w in title.split_whitespace() {
        // Punctuation inside a title is kept ("Phòng, chống thiên tai"), beside an
        // abbreviation too.
        let bare = w.trim_end_matches([',', ';', ':']);
        let tail = &w[bare.len()..];
        match ABBREVIATIONS.iter().find(|(abbr, _)| *abbr == bare) {
            Some((_, full)) => {
                words.extend(full.split(' ').map(str::to_string));
                if let Some(last) = words.last_mut() {
                    last.push_str(tail);
                }
            }
            None => words.push(w.to_string()),
        }
    }
    words.retain(|w| !fold(w).is_empty() || w.chars().any(|c| c == '-' || c == '–'));

    // Flags at the head, in any order: "nguyên Quyền Chủ tịch", "kiêm Trưởng ban".
    let (mut former, mut acting, mut concurrent) = (false, false, false);
    while let Some(first) = words.first() {
        match fold(first).as_str() {
            "nguyen" => former = true,
            "quyen" => acting = true,
            "kiem" => concurrent = true,
            "tan" => {} // "tân Bí thư": newly in post, which the change already says.
            _ => break,
        }
        words.remove(0);
    }

    // The term is not part of the post: "... khóa XIV", "... nhiệm kỳ 2020 - 2025".
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    if let Some(cut) = (1..folded.len()).find(|&i| {
        let next = folded.get(i + 1).map(String::as_str).unwrap_or("");
        (folded[i] == "khoa" && (next.is_empty() || is_term_number(next)))
            || (folded[i] == "nhiem" && next == "ky")
    }) {
        words.truncate(cut);
    }

    // One wording per post.
    let joined = fold(&words.join(" "));
    if let Some((_, canonical)) = EXACT_SYNONYMS.iter().find(|(p, _)| joined == *p) {
        words = canonical.split(' ').map(str::to_string).collect();
    }
    let joined = fold(&words.join(" "));
    if let Some((pattern, canonical)) = SYNONYMS
        .iter()
        .find(|(p, _)| joined == *p || joined.starts_with(&format!("{p} ")))
    {
        let n = count_words_covering(&words, pattern.split(' ').count());
        words.splice(..n, canonical.split(' ').map(str::to_string));
    }
    // "của tỉnh" → "tỉnh".
    let mut i = 0;
    while i + 1 < words.len() {
        if fold(&words[i]) == "cua" && matches!(fold(&words[i + 1]).as_str(), "tinh" | "thanh") {
            words.remove(i);
        } else {
            i += 1;
        }
    }

    // Role at the head.
    let joined = fold(&words.join(" "));
    let (role_words, seats) = ROLES
        .iter()
        .find(|(r, _)| joined == *r || joined.starts_with(&format!("{r} ")))
        .map(|(r, s)| (count_words_covering(&words, r.split(' ').count()), *s))
        .unwrap_or((0, Seats::Many));
    let role = words[..role_words].join(" ");
    let mut org_words: Vec<String> = words[role_words..].to_vec();
    let role_fold = fold(&role);
    // "Bộ trưởng Giao thông vận tải": the ministry is "Bộ Giao thông vận tải".
    if matches!(role_fold.as_str(), "bo truong" | "thu truong")
        && org_words.first().is_some_and(|w| fold(w) != "bo")
    {
        org_words.insert(0, "Bộ".to_string());
    }

    // Place at the tail, then the scope word before it.
    let folded_org: Vec<String> = org_words
        .iter()
        .map(|w| fold(w))
        .filter(|f| !f.is_empty())
        .collect();
    let mut scope = None;
    if let Some((n, place)) = places::trailing_place(&folded_org) {
        let keep = org_words.len() - count_words_covering_from_end(&org_words, n);
        org_words.truncate(keep);
        scope = Some(Scope::Province(place));
    }
    // Trailing scope word, which the place (or the province of the article) replaces.
    let mut scope_word = false;
    if let Some(last) = org_words.last() {
        let f = fold(last);
        if f == "tinh" || f == "tp" {
            org_words.pop();
            scope_word = true;
        } else if f == "pho"
            && org_words.len() >= 2
            && fold(&org_words[org_words.len() - 2]) == "thanh"
        {
            org_words.truncate(org_words.len() - 2);
            scope_word = true;
        }
    }
    // "Trưởng ban Tuyên giáo": the body's name starts with the word the role was written with.
    let org_core = if matches!(
        role_fold.as_str(),
        "truong" | "pho truong" | "chanh" | "pho chanh"
    ) {
        capitalize_first(&org_words.join(" "))
    } else {
        org_words.join(" ")
    };
    let org_fold = fold(&org_core);

    let scope = scope.unwrap_or_else(|| {
        // A "Sở" is a provincial department.
        let provincial =
            scope_word || has_marker(&org_fold, PROVINCIAL_MARKERS) || org_fold.starts_with("so ");
        let national = !provincial
            && (has_marker(&org_fold, NATIONAL_MARKERS)
                || (org_fold.is_empty()
                    && matches!(role_fold.as_str(), "thu tuong" | "tong bi thu")));
        if national {
            Scope::National
        } else {
            match article_place.and_then(places::lookup) {
                Some(p) => Scope::Province(p),
                None => Scope::UnknownProvince,
            }
        }
    });

    // "Bí thư Trung ương Đảng" is a seat of the Secretariat, of which there are several. A
    // district or commune body left unnamed ("Bí thư Huyện ủy") is one of many; so is a post
    // whose province is unknown: a second holder there is no conflict.
    let padded = format!(" {org_fold}");
    let unnamed_unit = [
        " huyen",
        " huyen uy",
        " thi xa",
        " thi uy",
        " quan uy",
        " xa",
        " phuong",
        " thi tran",
        " dang uy",
    ]
    .iter()
    .any(|u| padded.ends_with(u));
    let seats = if (role_fold == "bi thu" && org_fold.starts_with("trung uong"))
        || unnamed_unit
        || scope == Scope::UnknownProvince
    {
        Seats::Many
    } else {
        seats
    };

    let place_key = match scope {
        Scope::National => String::new(),
        Scope::Province(p) => fold(p.name),
        Scope::UnknownProvince => "?".to_string(),
    };
    let org_label = match (scope, org_core.is_empty()) {
        (_, true) => String::new(),
        (Scope::Province(p), false) => {
            if scope_word || !(org_fold.contains("tinh uy") || org_fold.contains("thanh uy")) {
                format!("{org_core} {}", p.with_scope())
            } else {
                format!("{org_core} {}", p.name)
            }
        }
        (_, false) if scope_word => format!("{org_core} tỉnh"),
        (_, false) => org_core.clone(),
    };
    let label = if org_label.is_empty() {
        role.clone()
    } else if role.is_empty() {
        org_label.clone()
    } else {
        format!("{role} {org_label}")
    };
    let org_key = if org_fold.is_empty() {
        String::new()
    } else {
        format!("{org_fold}|{place_key}")
    };
    PostRef {
        key: format!("{role_fold}|{org_fold}|{place_key}"),
        role,
        org: org_core,
        org_key,
        org_label,
        scope,
        seats,
        label,
        former,
        acting,
        concurrent,
    }
}

/// "ban Tuyên giáo" → "Ban Tuyên giáo": a body's name starts with a capital.
fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Roman numerals and digits that number a term ("XIV", "2020").
fn is_term_number(folded: &str) -> bool {
    folded.chars().all(|c| "ivxlcdm".contains(c)) || folded.chars().all(|c| c.is_ascii_digit())
}

/// `marker` occurs in `folded` as whole words.
fn has_marker(folded: &str, markers: &[&str]) -> bool {
    let padded = format!(" {folded} ");
    markers.iter().any(|m| padded.contains(&format!(" {m} ")))
}

/// How many leading words of `words` fold to the first `n` folded tokens (a word may fold to
/// nothing, like a dash, or to two tokens, like "KH-ĐT").
fn count_words_covering(words: &[String], n: usize) -> usize {
    let mut tokens = 0;
    for (i, w) in words.iter().enumerate() {
        if tokens >= n {
            return i;
        }
        tokens += fold(w).split(' ').filter(|t| !t.is_empty()).count();
    }
    words.len()
}

/// As [`count_words_covering`], from the end.
fn count_words_covering_from_end(words: &[String], n: usize) -> usize {
    let mut tokens = 0;
    for (i, w) in words.iter().rev().enumerate() {
        if tokens >= n {
            return i;
        }
        tokens += fold(w).split(' ').filter(|t| !t.is_empty()).count();
    }
    words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (title as written, article place) → (post label, key).
    #[test]
    fn resolves_titles_to_posts() {
        for (title, place, label, key) in [
            (
                "Bí thư Tỉnh ủy",
                Some("Nam Định"),
                "Bí thư Tỉnh ủy Nam Định",
                "bi thu|tinh uy|nam dinh",
            ),
            (
                "Bí thư Tỉnh uỷ",
                Some("Nam Định"),
                "Bí thư Tỉnh uỷ Nam Định",
                "bi thu|tinh uy|nam dinh",
            ),
            (
                "Bí thư Tỉnh ủy Nam Định",
                None,
                "Bí thư Tỉnh ủy Nam Định",
                "bi thu|tinh uy|nam dinh",
            ),
            (
                "Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang",
                None,
                "Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang",
                "chu tich|uy ban nhan dan|bac giang",
            ),
            (
                "Chủ tịch UBND tỉnh",
                Some("Bắc Giang"),
                "Chủ tịch Ủy ban nhân dân tỉnh Bắc Giang",
                "chu tich|uy ban nhan dan|bac giang",
            ),
            (
                "Phó Chủ tịch Hội đồng nhân dân",
                Some("Bắc Giang"),
                "Phó Chủ tịch Hội đồng nhân dân tỉnh Bắc Giang",
                "pho chu tich|hoi dong nhan dan|bac giang",
            ),
            (
                "Trưởng đoàn Đoàn đại biểu Quốc hội của tỉnh",
                Some("Nam Định"),
                "Trưởng Đoàn đại biểu Quốc hội tỉnh Nam Định",
                "truong|doan dai bieu quoc hoi|nam dinh",
            ),
            (
                "Trưởng Đoàn ĐBQH Hải Phòng",
                None,
                "Trưởng Đoàn đại biểu Quốc hội thành phố Hải Phòng",
                "truong|doan dai bieu quoc hoi|hai phong",
            ),
            (
                "Trưởng ban Tuyên giáo Trung ương",
                None,
                "Trưởng Ban Tuyên giáo Trung ương",
                "truong|ban tuyen giao trung uong|",
            ),
            (
                "Tỉnh ủy viên",
                Some("Vĩnh Long"),
                "Ủy viên Ban Chấp hành Đảng bộ tỉnh Vĩnh Long",
                "uy vien|ban chap hanh dang bo|vinh long",
            ),
            (
                "Uỷ viên TƯ Đảng",
                Some("Nam Định"),
                "Ủy viên Ban Chấp hành Trung ương Đảng",
                "uy vien|ban chap hanh trung uong dang|",
            ),
            (
                "Ủy viên Bộ Chính trị",
                None,
                "Ủy viên Bộ Chính trị",
                "uy vien|bo chinh tri|",
            ),
            (
                "Thủ tướng",
                Some("Hà Giang"),
                "Thủ tướng Chính phủ",
                "thu tuong|chinh phu|",
            ),
            (
                "Thủ tướng Chính phủ",
                None,
                "Thủ tướng Chính phủ",
                "thu tuong|chinh phu|",
            ),
            (
                "Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam",
                None,
                "Chủ tịch nước",
                "chu tich|nuoc|",
            ),
            (
                "Bộ trưởng Giao thông vận tải",
                None,
                "Bộ trưởng Bộ Giao thông vận tải",
                "bo truong|bo giao thong van tai|",
            ),
            (
                "Phó Trưởng ban Thường trực Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh",
                Some("Thái Bình"),
                "Phó Trưởng ban Thường trực Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh Thái Bình",
                "pho truong ban thuong truc|ban chi huy phong chong thien tai va tim kiem cuu nan|thai binh",
            ),
            (
                "Thứ trưởng Bộ Lao động - Thương binh và Xã hội",
                Some("Vĩnh Phúc"),
                "Thứ trưởng Bộ Lao động - Thương binh và Xã hội",
                "thu truong|bo lao dong thuong binh va xa hoi|",
            ),
            (
                "Phó Giám đốc Sở KH-ĐT Đà Nẵng",
                None,
                "Phó Giám đốc Sở Kế hoạch và Đầu tư thành phố Đà Nẵng",
                "pho giam doc|so ke hoach va dau tu|da nang",
            ),
            (
                "Chỉ huy trưởng Bộ Chỉ huy Quân sự thành phố Hải Phòng",
                None,
                "Chỉ huy trưởng Bộ Chỉ huy Quân sự thành phố Hải Phòng",
                "chi huy truong|bo chi huy quan su|hai phong",
            ),
            (
                "Bí thư Huyện ủy Tân Yên",
                Some("Bắc Giang"),
                "Bí thư Huyện ủy Tân Yên tỉnh Bắc Giang",
                "bi thu|huyen uy tan yen|bac giang",
            ),
            ("Bí thư Tỉnh ủy", None, "Bí thư Tỉnh ủy", "bi thu|tinh uy|?"),
            (
                "Chủ tịch Hội đồng nhân dân tỉnh Vĩnh Phúc khóa XIV",
                None,
                "Chủ tịch Hội đồng nhân dân tỉnh Vĩnh Phúc",
                "chu tich|hoi dong nhan dan|vinh phuc",
            ),
            (
                "Bộ trưởng Bộ Khoa học và Công nghệ",
                None,
                "Bộ trưởng Bộ Khoa học và Công nghệ",
                "bo truong|bo khoa hoc va cong nghe|",
            ),
        ] {
            let post = resolve(title, place);
            assert_eq!(
                (post.label.as_str(), post.key.as_str()),
                (label, key),
                "{title}"
            );
        }
    }

    #[test]
    fn flags_are_not_part_of_the_post() {
        let plain = resolve("Chủ tịch Ủy ban nhân dân tỉnh", Some("Hà Tĩnh"));
        for (title, former, acting, concurrent) in [
            ("nguyên Chủ tịch Ủy ban nhân dân tỉnh", true, false, false),
            ("Quyền Chủ tịch UBND tỉnh", false, true, false),
            (
                "kiêm Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh",
                false,
                false,
                true,
            ),
        ] {
            let post = resolve(title, Some("Hà Tĩnh"));
            assert_eq!(post.key, plain.key, "{title}");
            assert_eq!(
                (post.former, post.acting, post.concurrent),
                (former, acting, concurrent)
            );
        }
    }

    #[test]
    fn seats() {
        for (title, seats) in [
            ("Bí thư Tỉnh ủy", Seats::One),
            ("Phó Bí thư Tỉnh ủy", Seats::Many),
            ("Phó Bí thư Thường trực Tỉnh ủy", Seats::One),
            ("Ủy viên Bộ Chính trị", Seats::Many),
            ("Bí thư Trung ương Đảng", Seats::Many),
            ("Giám đốc Sở Tài chính", Seats::One),
            ("Bí thư Huyện ủy", Seats::Many),
            ("Chủ tịch Ủy ban nhân dân huyện", Seats::Many),
            ("Bí thư Huyện ủy Tân Yên", Seats::One),
        ] {
            assert_eq!(resolve(title, Some("Nam Định")).seats, seats, "{title}");
        }
    }

    #[test]
    fn a_post_of_an_unknown_province_has_no_single_holder() {
        assert_eq!(resolve("Bí thư Tỉnh ủy", None).seats, Seats::Many);
    }

    #[test]
    fn never_panics_on_odd_titles() {
        for title in [
            "",
            " ",
            "nguyên",
            "-",
            "tỉnh",
            "thành phố",
            "Quyền kiêm",
            "của tỉnh",
            "khóa XX",
        ] {
            let _ = resolve(title, Some("Nam Định"));
            let _ = resolve(title, None);
        }
    }
}
