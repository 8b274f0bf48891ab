//! Titles: where a title starts and ends in the text, and its canonical form.
//!
//! A title is a head ("Phó Bí thư", "Chủ tịch", "Giám đốc") followed by organisation words
//! ("Tỉnh ủy", "UBND tỉnh", "Sở Văn hóa, Thể thao và Du lịch", a place). Term qualifiers
//! ("khóa XV", "nhiệm kỳ 2021-2026") and parenthetical abbreviations ("(PCTT)") are skipped.
//! The canonical form expands abbreviations and capitalises role words the standard way.

use super::lexicon::{flag, Case, Class, Doc, Entry, Gram, Kind};
use super::names;
use super::normalize::normalize;
use std::borrow::Cow;

/// How a title is being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Attached to a person already named: capitalised words at its end are places.
    Post,
    /// Before any name: a name may close it ("Bí thư Tỉnh ủy Phạm Gia Túc").
    Free,
}

/// One title found in the token stream.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// First token (modifiers included).
    pub start: usize,
    /// First token of the head.
    pub head: usize,
    /// One past the last token.
    pub end: usize,
    /// Token ranges inside `head..end` left out of the canonical form.
    pub skips: Vec<(usize, usize)>,
    pub former: bool,
    pub acting: bool,
    pub concurrent: bool,
    /// "tân": newly elected.
    pub new: bool,
    /// Organisation words follow the head.
    pub has_org: bool,
    /// In [`Mode::Free`], where a name starts right after the title.
    pub name_at: Option<usize>,
    /// "Trợ lý đồng chí X": the nested person's name tokens.
    pub nested: Option<(usize, usize)>,
    /// The body the text leaves unsaid: "Đại biểu X (Đoàn ĐBQH tỉnh Y)" is "đại biểu Quốc hội".
    pub implied: Option<&'static str>,
}

fn is_modifier(g: Gram) -> bool {
    matches!(
        g,
        Gram::Former | Gram::Acting | Gram::Concurrent | Gram::New
    )
}

/// Modifiers before a head: nguyên, Quyền, kiêm, tân. Returns (head token, flags).
fn modifiers(d: &Doc, mut j: usize, end: usize) -> (usize, bool, bool, bool, bool) {
    let (mut former, mut acting, mut concurrent, mut new) = (false, false, false, false);
    for _ in 0..4 {
        if j >= end {
            break;
        }
        // "Q.Chủ tịch UBND huyện": "Quyền" cut to its initial (a district's "Q." is followed by
        // a place, not a head)
        if d.raw(j) == "Q" && d.is_punct(j + 1, '.') && j + 2 < end && d.head(j + 2).is_some() {
            acting = true;
            j += 2;
            continue;
        }
        match d.gram(j, is_modifier) {
            Some((e, Gram::Former)) => {
                former = true;
                j = e;
            }
            Some((e, Gram::Acting)) => {
                acting = true;
                j = e;
            }
            Some((e, Gram::Concurrent)) => {
                concurrent = true;
                j = e;
            }
            Some((e, Gram::New)) => {
                new = true;
                j = e;
            }
            _ => break,
        }
    }
    (j, former, acting, concurrent, new)
}

/// Does a title start at `i` (modifiers then a head)?
#[inline]
pub fn starts(d: &Doc, i: usize, end: usize) -> bool {
    // (a modifier, a function word, or a head is a lexicon hit at `i`: most tokens have
    // neither, and are answered here without a call)
    // ("Q." for "Quyền" is read as a district's initial, an organisation hit)
    (d.has_hit_of(i, Class::Head, Class::Gram(Gram::Former))
        || d.raw(i) == "Q" && d.is_punct(i + 1, '.'))
        && starts_at(d, i, end)
}

#[inline(never)]
fn starts_at(d: &Doc, i: usize, end: usize) -> bool {
    // (most titles open with their head: the modifiers are read only where one is)
    let j = if d.gram(i, is_modifier).is_some() || d.raw(i) == "Q" {
        modifiers(d, i, end).0
    } else {
        i
    };
    j < end && head_at(d, j).is_some()
}

/// The head at `j` (end token, entry) unless it is part of an organisation name ("Ban Bí thư",
/// "Đoàn Chủ tịch").
#[inline(always)] // (most tokens hold no head: the class mask answers without a call)
fn head_at(d: &Doc, j: usize) -> Option<(usize, &'static Entry)> {
    let (e, h) = d.head(j)?;
    (!names_a_body(d, j, h)).then_some((e, h))
}

/// Does the head `h` at `j` name a body or its members rather than a post? (One lowercase
/// lookup of the word before for every test.)
fn names_a_body(d: &Doc, j: usize, h: &Entry) -> bool {
    // "Ban Bí thư", "Đoàn Chủ tịch", "Đoàn ĐBQH": the head word names a body here.
    // "Đại hội đại biểu": the delegates of a congress, not a post.
    j > 0
        && match d.lower(j - 1) {
            "ban" | "đoàn" => true,
            "hội" => h.canon == "đại biểu",
            _ => false,
        }
}

/// Skips a term qualifier at `j` ("khóa XV", "nhiệm kỳ 2021-2026", "nhiệm kỳ"); returns its end.
#[inline]
pub fn qualifier_end(d: &Doc, j: usize, end: usize) -> Option<usize> {
    // (`gram` rather than `is`: inlined, it answers most words from the class mask, and the
    // rest is read only past it)
    let (q, _) = d.gram(j, |g| g == Gram::Qualifier)?;
    qualifier_rest(d, j, q, end)
}

#[inline(never)]
fn qualifier_rest(d: &Doc, j: usize, q: usize, end: usize) -> Option<usize> {
    let mut k = q;
    let word = d.lower(j);
    if word.starts_with("kh") {
        // khóa + Roman numeral or number
        if k < end && (d.is_num(k) || d.case(k) == Some(Case::Upper) || is_roman(d.raw(k))) {
            return Some(k + 1);
        }
        return None;
    }
    // nhiệm kỳ [2021 - 2026]
    if k < end && d.is_num(k) {
        k += 1;
        if k + 1 < end && d.is_dash(k) && d.is_num(k + 1) {
            k += 2;
        }
    }
    Some(k)
}

fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// Is `i..` a parenthetical that a title may skip: abbreviations "(PCTT)", a term
/// "(nhiệm kỳ 2021-2026)"? Returns the index after ')'.
pub fn skippable_paren(d: &Doc, i: usize, end: usize) -> Option<usize> {
    let mut k = i + 1;
    let limit = (i + 12).min(end);
    if k < limit {
        if let Some(q) = qualifier_end(d, k, limit) {
            k = q;
            return d.is_punct(k, ')').then_some(k + 1);
        }
    }
    // "(cũ)", "(mới)", "(trước sắp xếp)": a unit's state in a reorganisation; "(Bắc Kạn)": the
    // province of a district or commune. Both qualify the unit, and the chain goes on after them.
    if let Some(e) = unit_state_end(d, k, limit).or_else(|| d.province(k).map(|(e, _)| e)) {
        if d.is_punct(e, ')') {
            return Some(e + 1);
        }
    }
    let mut words = 0;
    while k < limit {
        match d.kind(k) {
            Some(Kind::Punct(')')) => return (words > 0).then_some(k + 1),
            Some(Kind::Word(Case::Upper)) => words += 1,
            Some(Kind::Punct('-' | '&' | '/')) => {}
            _ => return None,
        }
        k += 1;
    }
    None
}

/// A sub-unit's title, then after the comma at `comma` the body it belongs to: "Cục trưởng Cục
/// Cảnh sát giao thông, Bộ Công an", "Trưởng khoa Nội, Bệnh viện Đa khoa tỉnh". The end of the
/// body, when the clause goes on after it (a comma, a stop, a verb), not a name.
fn parent_body_end(d: &Doc, head: usize, comma: usize, end: usize) -> Option<usize> {
    const SUB_UNITS: [&str; 7] = ["cục", "vụ", "khoa", "phòng", "tâm", "viện", "đội"];
    const PARENTS: [&str; 8] = ["bộ", "bệnh", "sở", "tổng", "học", "công", "tòa", "ban"];
    let n = comma + 1;
    let sub = (head..comma).any(|k| SUB_UNITS.contains(&d.lower(k)));
    if !sub || d.case(n) != Some(Case::Cap) || !PARENTS.contains(&d.lower(n)) {
        return None;
    }
    let (mut k, _) = d.org(n)?;
    while k < end && k < n + 12 {
        if let Some((e, _)) = d.province(k).or_else(|| d.org(k)) {
            k = e;
        } else if d.case(k) == Some(Case::Cap) && names::name_start(d, k, end).is_none() {
            k += 1;
        } else {
            break;
        }
    }
    let goes_on = k >= end
        || matches!(d.kind(k), Some(Kind::Punct(',' | ';' | '.' | ')')))
        || d.case(k) == Some(Case::Lower) && d.org(k).is_none();
    // (one body, not a list of them: "Cục Quản lý thị trường, Sở Công Thương, Sở Tài chính và
    // ...", "Vụ Pháp chế, Bộ Y tế, Bộ Công Thương")
    let list = d.lower(k) == "và"
        || d.is_punct(k, ',') && (PARENTS.contains(&d.lower(k + 1)) || titles_unit_at(d, k + 1));
    (goes_on && !list && k > n + 1 && !starts(d, n, end)).then_some(k)
}

/// A unit noun opening a body's name at `k` ("Sở", "Cục", "Bộ").
fn titles_unit_at(d: &Doc, k: usize) -> bool {
    d.case(k) == Some(Case::Cap) && d.org(k).is_some_and(|(_, o)| o.has(flag::UNIT))
}

/// "cũ", "mới", "trước sắp xếp", "sau sáp nhập"... at `k`: the end of the words.
fn unit_state_end(d: &Doc, k: usize, limit: usize) -> Option<usize> {
    match d.lower(k) {
        "cũ" | "mới" => Some(k + 1),
        "trước" | "sau" if k + 2 <= limit => {
            matches!(d.lower(k + 1), "sắp" | "sáp").then_some(())?;
            matches!(d.lower(k + 2), "xếp" | "nhập").then_some(k + 3)
        }
        "trước" if d.lower(k + 1) == "đây" => Some(k + 2),
        _ => None,
    }
}

/// After a comma inside a title at `n`: is this the rest of one organisation's name
/// ("Sở Văn hóa, Thể thao và Du lịch", "Phòng, chống thiên tai", "Đảng ủy MTTQ, các đoàn thể")?
fn comma_continues(d: &Doc, n: usize, end: usize) -> bool {
    if n >= end || starts(d, n, end) || d.gram(n, |g| matches!(g, Gram::Cue | Gram::Cues)).is_some()
    {
        return false;
    }
    if d.org(n).is_some_and(|(_, e)| e.has(flag::COMMA)) {
        return true;
    }
    if d.case(n) != Some(Case::Cap)
        || d.province(n).is_some()
        || names::name_start(d, n, end).is_some()
    {
        return false;
    }
    // A run of capitalised organisation words, maybe over more commas, closed by "và" + word.
    let mut k = n;
    let limit = (n + 14).min(end);
    while k < limit {
        match d.kind(k) {
            // (an organisation word runs over its lowercase syllables: "An ninh")
            Some(Kind::Word(Case::Cap)) if !starts(d, k, end) => {
                k = d.org(k).map_or(k + 1, |(e, _)| e)
            }
            Some(Kind::Word(Case::Lower)) if d.lower(k) == "và" => {
                return matches!(d.case(k + 1), Some(Case::Cap)) && !starts(d, k + 1, end);
            }
            Some(Kind::Word(Case::Lower)) if d.org(k).is_some() => k += 1,
            Some(Kind::Punct(',')) => k += 1,
            _ => return false,
        }
    }
    false
}

/// Reads the title starting at `i` (modifiers included), within tokens `..end`.
pub fn scan(d: &Doc, i: usize, end: usize, mode: Mode) -> Option<Scan> {
    let (h, former, acting, concurrent, new) = modifiers(d, i, end);
    if h >= end {
        return None;
    }
    let (head_end, head) = head_at(d, h)?;
    let mut s = Scan {
        start: i,
        head: h,
        end: head_end,
        former,
        acting,
        concurrent,
        new,
        ..Scan::default()
    };
    let mut j = head_end;
    let mut numbered_end = usize::MAX;
    // A numbered unit's number may follow the rest of its name ("Bệnh viện Quân y 175", "Bệnh
    // viện Trung ương Quân đội 108"), not past a level word ("Bệnh viện tỉnh").
    // (a head may end with such a unit: "Trưởng Ban Chỉ đạo 389")
    let mut numbered_open = (h + 1..head_end).any(|k| {
        d.org(k)
            .is_some_and(|(e, o)| e == head_end && o.has(flag::NUMBERED))
    });
    // Just past a level word, a place or a local Party committee ("... UBND tỉnh", "... tỉnh Ninh
    // Bình", "... Tỉnh ủy"): the organisation
    // is complete, and a lowercase word there is the sentence's verb ("tổ chức", "kiểm tra"),
    // not more of the title.
    let mut after_level = false;
    // where a school's own name may start ("Trường THPT Lê Lợi")
    let mut patron_at = usize::MAX;
    let mut steps = 0;
    while j < end && steps < 60 {
        steps += 1;
        match d.kind(j) {
            Some(Kind::Word(case)) => {
                if head.has(flag::NESTS)
                    && d.lower(j) == "đồng"
                    && d.is(j, Gram::Cue) == Some(j + 2)
                {
                    if let Some(ne) = names::name_run(d, j + 2, end).filter(|&e| e > j + 2) {
                        s.nested = Some((j + 2, ne));
                        s.end = ne;
                        s.has_org = true;
                        break;
                    }
                }
                // "Bộ trưởng Bộ Quốc phòng Đại tướng Phan Văn Giang": a rank ends the title.
                if j > head_end && d.rank(j).is_some() {
                    break;
                }
                // "Trưởng Ban Chỉ đạo vận động hiến máu tình nguyện tỉnh": a steering committee
                // is named after its task, in lowercase words, up to its level; so are boards
                // and centres ("Ban Quản lý dự án ...").
                if case == Case::Lower && s.end == j && open_name_before(d, j) {
                    if let Some(e) = task_end(d, j, end) {
                        j = e;
                        s.end = j;
                        s.has_org = true;
                        continue;
                    }
                }
                // A province, first: "tỉnh Bà Rịa - Vũng Tàu" opens with the cue word "bà".
                if let Some((pe, _)) = d.province(j) {
                    j = pe;
                    s.end = j;
                    s.has_org = true;
                    after_level = true;
                    continue;
                }
                // "Đại sứ Anh Gareth Ward", "Ngoại trưởng Nga Sergey Lavrov": a one-syllable
                // country, known as one only before a foreign name (each is also a place or a
                // given name: "Anh Sơn", "Mỹ Tho", "Nga Sơn", "Ý Yên", "Lê Anh Tuấn").
                if mode == Mode::Free
                    && case == Case::Cap
                    && !after_level
                    && SHORT_COUNTRIES.contains(&d.lower(j))
                {
                    // (or before the place of the post: "Đại sứ Mỹ tại Việt Nam Marc Knapper")
                    if d.lower(j + 1) == "tại" {
                        j += 1;
                        s.end = j;
                        s.has_org = true;
                        continue;
                    }
                    if foreign_name_at(d, j + 1, end)
                        && (j + 1..j + 5).all(|k| d.surname(k).is_none())
                    {
                        s.end = j + 1;
                        s.has_org = true;
                        s.name_at = Some(j + 1);
                        break;
                    }
                }
                // another head ends the title, unless the words read longer as an organisation
                // ("Trưởng Đoàn ĐBQH", "Ban Công tác đại biểu")
                let head_len = head_at(d, j).map_or(0, |(e, _)| e);
                let org_here = d.org(j);
                let org_len = org_here.map_or(0, |(e, _)| e);
                // (a modifier only before a head: "Hội cựu chiến binh" is a name)
                if head_len > org_len
                    || d.gram(j, |g| matches!(g, Gram::Cue | Gram::Cues)).is_some()
                    || (d.gram(j, |g| g == Gram::Former).is_some() && starts_at(d, j, end))
                {
                    break;
                }
                if let Some(q) = qualifier_end(d, j, end) {
                    s.skips.push((j, q));
                    j = q;
                    continue;
                }
                // "Đại sứ Việt Nam tại Nhật Bản", "Tòa án nhân dân cấp cao tại Đà Nẵng": the
                // place a post sits in.
                // (not past a level word: "Chủ tịch UBND tỉnh tại Hà Nội" says where they were)
                if s.has_org && !after_level && d.lower(j) == "tại" {
                    // (a level word may come first: "tại TP Hồ Chí Minh")
                    let place_at = match d.org(j + 1) {
                        Some((le, o)) if o.has(flag::LEVEL) && d.province(le).is_some() => le,
                        _ => j + 1,
                    };
                    let at = d.province(place_at).map(|(e, _)| e).or_else(|| {
                        d.org(j + 1)
                            .filter(|(_, o)| o.has(flag::COUNTRY) || o.canon == "Việt Nam")
                            .map(|(e, _)| e)
                            .or_else(|| {
                                (d.case(j + 1) == Some(Case::Cap)
                                    && SHORT_COUNTRIES.contains(&d.lower(j + 1)))
                                .then_some(j + 2)
                            })
                    });
                    if let Some(pe) = at {
                        j = pe;
                        s.end = j;
                        if mode == Mode::Free && foreign_name_at(d, pe, end) {
                            s.name_at = Some(pe);
                            break;
                        }
                        continue;
                    }
                }
                if j == patron_at && case == Case::Cap {
                    if let Some(run) = names::name_run(d, j, end) {
                        // (an official's name may follow the school's: "Trường THCS Chu Văn
                        // An Nguyễn Văn Bình")
                        let ne = (j + 2..run.min(j + 5))
                            .find(|&k| names::name_start(d, k, end) == Some(run))
                            .unwrap_or(run.min(j + 4));
                        j = ne;
                        s.end = j;
                        s.has_org = true;
                        continue;
                    }
                }
                if mode == Mode::Free && case == Case::Cap {
                    // ("Tổng thống Joe Biden", "Thủ tướng Kishida Fumio": a foreign name
                    // right after the head, its first word no Vietnamese syllable)
                    let mut name_end = names::name_start(d, j, end)
                        .or_else(|| short_name_ok(d, j, end).then_some(j + 2))
                        .or_else(|| {
                            // (not after a village head: "Trưởng thôn Đhrôồng" names the
                            // village)
                            (j == head_end
                                && !d.org(j - 1).is_some_and(|(_, o)| o.has(flag::LEVEL))
                                && foreign_name_at(d, j, end)
                                && super::normalize::foreign_word(d.raw(j)))
                            .then_some(j + 2)
                        });
                    // "huyện Bắc Yên Lò Văn Sơn", "huyện Sìn Hồ Vàng A Páo", "huyện Tây Giang
                    // Bríu Quân": a place after a level word has two words, so a name that
                    // would take the second one starts one word later.
                    if name_end.is_some_and(|ne| ne >= j + 3)
                        && j >= 2
                        && (d.lower(j - 2) == "ủy"
                            || d.org(j - 2)
                                .is_some_and(|(e, o)| e == j - 1 && o.has(flag::LEVEL)))
                    {
                        let later = names::name_start(d, j + 1, end);
                        let weak_then_strong =
                            d.surname(j).is_some_and(|(_, s)| !s.has(flag::STRONG))
                                && d.surname(j + 1).is_some_and(|(_, s)| s.has(flag::STRONG));
                        if later.is_some_and(|le| le >= j + 4)
                            || later.is_some() && weak_then_strong
                        {
                            name_end = None;
                        }
                    }
                    // "Chủ nhiệm Đoàn Luật sư tỉnh": an organisation that runs past the would-be
                    // name ("Đoàn Luật") is the organisation.
                    // (a country is no name: "Tổng Lãnh sự Hàn Quốc")
                    let country = org_here.is_some_and(|(_, o)| o.has(flag::COUNTRY));
                    if !country && name_end.is_some_and(|ne| org_len <= ne) {
                        s.name_at = Some(j);
                        break;
                    }
                }
                if let Some((oe, org)) = org_here {
                    let w = org.canon.as_str();
                    // ("luân chuyển ... về huyện Sơn Tây giữ chức ...": where the person goes)
                    if org.has(flag::BRIDGE)
                        && (!bridge_ok(d, oe, end)
                            || w == "về" && d.org(oe).is_some_and(|(_, o)| o.has(flag::LEVEL)))
                    {
                        break;
                    }
                    if after_level && case == Case::Lower && !org.has(flag::LEVEL) {
                        break;
                    }
                    // "Giám đốc Sở Xây dựng kiểm tra công trình": a name's word written in
                    // lowercase inside a title, then a lowercase word that is no name's, is the
                    // sentence's verb and its object ("Ủy ban kiểm tra Tỉnh ủy", "và phát
                    // triển nông thôn", "Cục Cảnh sát giao thông," stay names).
                    if case == Case::Lower
                        && w.starts_with(char::is_uppercase)
                        && !org.has(flag::NOUN)
                        && s.has_org
                        && j > head_end
                        && !unit_at(d, j - 1)
                        && d.case(oe) == Some(Case::Lower)
                        && d.org(oe).is_none()
                    {
                        break;
                    }
                    // A level word, or a local Party committee ("Tỉnh ủy"), closes the organisation.
                    after_level = org.has(flag::LEVEL)
                        || matches!(
                            w,
                            "Tỉnh ủy" | "Thành ủy" | "Huyện ủy" | "Quận ủy" | "Thị ủy"
                        );
                    if matches!(w, "và" | "của" | "các") {
                        let next_ok = oe < end
                            && (d.org(oe).is_some()
                                || d.case(oe) == Some(Case::Cap)
                                || d.province(oe).is_some())
                            && !starts(d, oe, end)
                            && d.gram(oe, |g| matches!(g, Gram::Cue | Gram::Cues))
                                .is_none()
                            && d.rank(oe).is_none()
                            && qualifier_end(d, oe, end).is_none()
                            && names::name_start(d, oe, end).is_none();
                        if !next_ok {
                            break;
                        }
                    } else if !org.has(flag::BRIDGE) {
                        s.has_org = true;
                    }
                    j = oe;
                    if org.has(flag::NUMBERED) {
                        numbered_end = oe;
                        numbered_open = true;
                    }
                    numbered_open &= !after_level;
                    if org.has(flag::PATRON) {
                        patron_at = oe;
                    }
                    // "Thủ tướng Campuchia Hun Manet": a foreign official named after the country.
                    if mode == Mode::Free && org.has(flag::COUNTRY) && foreign_name_at(d, oe, end) {
                        s.end = oe;
                        s.has_org = true;
                        s.name_at = Some(oe);
                        break;
                    }
                    // "TP. Cần Thơ", "TX. Hương Thủy", "H. Bảo Thắng", "Q. Hải Châu" (a lone
                    // initial is a level only before its dot and a place)
                    let initial =
                        org.has(flag::ABBR) && org.has(flag::LEVEL) && d.raw(j - 1).len() == 1;
                    if initial && !(d.is_punct(j, '.') && d.case(j + 1) == Some(Case::Cap)) {
                        break;
                    }
                    if (initial || matches!(org.canon.as_str(), "thành phố" | "thị xã"))
                        && d.is_punct(j, '.')
                    {
                        j += 1;
                    }
                    s.end = j;
                    continue;
                }
                // a label ("Ảnh:") is not part of a title
                if case != Case::Lower && !d.is_punct(j + 1, ':') {
                    // An organisation's own name capitalises only the first syllable of each
                    // of its words: after "Vụ Ngân", "Hội đồng Lý", "Trưởng phòng Quản", and
                    // inside a name after a lowercase syllable or a dash ("Kinh tế Công", "Quy
                    // hoạch - Kiến"), the next syllable belongs to it ("sách", "luận", "trị",
                    // "nghiệp", "trúc"). Not past a level word: "huyện Krông Pắc cho biết".
                    let opens = j > 0 && (unit_at(d, j - 1) || j == head_end);
                    let word_start = case == Case::Cap
                        && (opens
                            || j > 0
                                && !after_level
                                && s.has_org
                                && (d.case(j - 1) == Some(Case::Lower) || d.is_dash(j - 1)));
                    j += 1;
                    // (deeper in a name, not a verb of two syllables: "Trường Đại học Vinh
                    // nhấn mạnh", "... ôn lại": there a name's word is followed by more of the
                    // name or by punctuation)
                    let verb_next =
                        !opens && d.case(j + 1) == Some(Case::Lower) && !d.has_hits(j + 1);
                    if word_start
                        && !verb_next
                        && d.case(j) == Some(Case::Lower)
                        && d.org(j).is_none_or(|(e, _)| e == j + 1)
                        && d.hits(j).iter().all(|h| {
                            let e = d.entry(h);
                            e.class != Class::Head
                                && !matches!(e.class, Class::Gram(_))
                                && !e.has(flag::LEVEL)
                        })
                    {
                        j += 1;
                    }
                    s.end = j;
                    s.has_org = true;
                    continue;
                }
                break;
            }
            Some(Kind::Num) => {
                // "Quyết định số 284", "Quân khu 7"
                let numbered = numbered_end == j || numbered_open && !after_level;
                if j > 0 && (d.lower(j - 1) == "số" || numbered) && s.end == j {
                    numbered_open = false;
                    j += 1;
                    s.end = j;
                    continue;
                }
                break;
            }
            Some(Kind::Punct('(')) => match skippable_paren(d, j, end) {
                Some(k) => {
                    s.skips.push((j, k));
                    j = k;
                }
                None => break,
            },
            Some(Kind::Punct('-' | '–' | '—')) => {
                let n = j + 1;
                if n >= end {
                    break;
                }
                if s.end == j && glued_number(d, j) {
                    j = n + 1;
                    s.end = j;
                    continue;
                }
                if let Some((e, _)) = head_at(d, n) {
                    // "Phó Chủ tịch - Tổng Thư ký": two heads sharing one organisation (not
                    // "Tỉnh ủy viên - Giám đốc Sở", whose first head names its own body).
                    if !s.has_org && !head.canon.ends_with("ủy viên") {
                        j = e;
                        s.end = j;
                        continue;
                    }
                    break;
                }
                if d.case(n).is_none() || names::name_start(d, n, end).is_some() {
                    break;
                }
                if d.gram(n, |g| matches!(g, Gram::Cue | Gram::Cues)).is_some() {
                    break;
                }
                j = n;
            }
            Some(Kind::Punct(',')) => {
                let n = j + 1;
                if let Some(q) = qualifier_end(d, n, end) {
                    s.skips.push((j, q));
                    j = q;
                    continue;
                }
                if s.has_org && comma_continues(d, n, end) {
                    j = n;
                    continue;
                }
                if s.has_org {
                    if let Some(pe) = parent_body_end(d, h, j, end) {
                        j = pe;
                        s.end = j;
                        continue;
                    }
                }
                break;
            }
            _ => break,
        }
    }
    // A title does not end on a joining word ("số" is "digital" in "chuyển đổi số", "kinh tế
    // số", "chính phủ số").
    while s.end > head_end
        && (matches!(d.lower(s.end - 1), "và" | "của" | "các" | "về")
            || d.lower(s.end - 1) == "số"
                && !matches!(d.lower(s.end - 2), "đổi" | "tế" | "phủ" | "hội")
            || matches!(d.kind(s.end - 1), Some(Kind::Punct(_))))
    {
        s.end -= 1;
    }
    s.skips.retain(|&(a, _)| a < s.end);
    for sk in s.skips.iter_mut() {
        sk.1 = sk.1.min(s.end);
    }
    if head.canon == "đại biểu" {
        let org_next = d.org(head_end).is_some_and(|(_, o)| {
            matches!(
                o.canon.as_str(),
                "Quốc hội" | "Hội đồng nhân dân" | "đại biểu Quốc hội"
            )
        });
        if !org_next {
            // "Đại biểu Trần Văn A (Đoàn ĐBQH tỉnh Bình Định)", "đại biểu Nguyễn Thị B (Hà
            // Nội)": a National Assembly deputy named with the delegation.
            if mode == Mode::Free && s.name_at == Some(head_end) && !s.has_org {
                let ne = names::name_start(d, head_end, end)?;
                if d.is_punct(ne, '(') && delegation(d, ne + 1) {
                    s.implied = Some("Quốc hội");
                    return Some(s);
                }
            }
            return None;
        }
    }
    if head.has(flag::NEEDS_ORG) && !s.has_org {
        return None;
    }
    Some(s)
}

/// Countries named by one syllable (lowercase), for [`scan`].
const SHORT_COUNTRIES: &[&str] = &["anh", "pháp", "đức", "mỹ", "nga", "ý", "úc", "bỉ", "séc"];

/// Two to four capitalised words at `k` that are no organisation, place or title, closed by a
/// lowercase word or a stop: a foreign name ("Hun Manet", "Yoon Suk Yeol").
fn foreign_name_at(d: &Doc, k: usize, end: usize) -> bool {
    let mut e = k;
    while e < end
        && e - k < 5
        && d.case(e) == Some(Case::Cap)
        && d.org(e).is_none()
        && d.province(e).is_none()
        && d.head(e).is_none()
        && d.gram(e, |g| matches!(g, Gram::Cue | Gram::Cues)).is_none()
    {
        e += 1;
    }
    (2..=4).contains(&(e - k)) && d.case(e) != Some(Case::Cap)
}

/// Is a National Assembly delegation named at `k`, closed by ")": "Đoàn ĐBQH tỉnh Bình
/// Định", "Đoàn Quảng Nam", "Hà Nội", "TP.HCM"?
fn delegation(d: &Doc, mut k: usize) -> bool {
    if let Some((e, _)) = d
        .org(k)
        .filter(|(_, o)| o.canon == "Đoàn đại biểu Quốc hội")
    {
        k = e;
    } else if d.lower(k) == "đoàn" {
        k += 1;
    }
    let province = d.province(k).or_else(|| {
        let (e, _) = d.org(k).filter(|(_, o)| o.has(flag::LEVEL))?;
        d.province(e)
    });
    province.is_some_and(|(e, _)| d.is_punct(e, ')'))
}

/// Right after a head or a national body ("Tổng Bí thư", "Chủ tịch nước"), two name words
/// with a rarer family name are a name ("Tô Lâm"); after a level word or a local Party
/// committee they are a place ("Huyện ủy Lâm Bình").
fn short_name_ok(d: &Doc, j: usize, end: usize) -> bool {
    if j == 0 || d.surname(j).is_none() || names::name_run(d, j, end) != Some(j + 2) {
        return false;
    }
    let prev = j - 1;
    if d.case(prev) == Some(Case::Cap) && d.head(prev).is_none() && d.org(prev).is_none() {
        return false;
    }
    let w = d.lower(prev);
    !(w.ends_with("ủy")
        || d.org(prev).is_some_and(|(_, o)| o.has(flag::LEVEL))
        || d.province(prev).is_some())
}

/// A bridge word ("giúp việc", "số") continues a title only when a capitalised word or number
/// follows within a few words.
fn bridge_ok(d: &Doc, mut k: usize, end: usize) -> bool {
    let limit = (k + 4).min(end);
    while k < limit {
        match d.kind(k) {
            Some(Kind::Word(Case::Cap | Case::Upper)) | Some(Kind::Num) => {
                return !starts(d, k, end)
            }
            // "Ban Chỉ đạo quốc gia về phòng, chống thiên tai": the committee's topic
            Some(Kind::Word(Case::Lower))
                if d.org(k).is_some_and(|(_, o)| o.canon == "phòng, chống") =>
            {
                return true
            }
            Some(Kind::Word(Case::Lower)) if d.org(k).is_some() => {
                k = d.org(k).map_or(k + 1, |(e, _)| e)
            }
            _ => return false,
        }
    }
    false
}

/// Does a steering or command committee's name end at `j` ("Ban Chỉ đạo", "BCĐ", "Ban Chỉ
/// huy")?
fn steering_before(d: &Doc, j: usize) -> bool {
    j >= 2 && d.lower(j - 2) == "chỉ" && matches!(d.lower(j - 1), "đạo" | "huy")
        || j >= 1 && d.raw(j - 1) == "BCĐ"
}

/// Does a unit's name that needs its object end at `j`? Steering committees are named after
/// their task, and so are boards, centres and teams: "Ban Quản lý dự án đầu tư xây dựng ...",
/// "Trung tâm Dịch vụ tổng hợp xã", "Ủy ban Nhà nước về người Việt Nam ở nước ngoài", "Đội
/// Cảnh sát quản lý hành chính về trật tự xã hội".
fn open_name_before(d: &Doc, j: usize) -> bool {
    if j < 3 {
        return steering_before(d, j);
    }
    // (the word before first: it turns most words away with one compare)
    let two = |a: &str, b: &str| d.lower(j - 3) == a && d.lower(j - 2) == b;
    match d.lower(j - 1) {
        "đạo" | "huy" => steering_before(d, j),
        // "Ban Chỉ đạo quốc gia về chuyển đổi số"
        "gia" => j >= 4 && d.lower(j - 2) == "quốc" && steering_before(d, j - 2),
        "lý" => two("ban", "quản") || two("tâm", "quản"),
        "vụ" => two("tâm", "dịch") || two("tâm", "phục"),
        "nước" => two("ban", "nhà"),
        "sát" => two("đội", "cảnh"),
        "dõi" => two("vụ", "theo"),
        _ => d.raw(j - 1) == "BCĐ",
    }
}

/// Where a unit's task written in lowercase words ends ("xây dựng nông thôn mới | tỉnh"): at a
/// level word or a place within twelve words, or where the clause goes on (a comma, a tense or
/// role word, a verb of speech, a person's name) after two words at least. Another verb of the
/// sentence ("... kiểm tra công trình") cannot be told from the task: nothing then.
fn task_end(d: &Doc, j: usize, end: usize) -> Option<usize> {
    // (a level right away is the unit's own: "Ban Chỉ đạo tỉnh chỉ đạo ...")
    if level_at(d, j) {
        return None;
    }
    let mut k = j;
    while k < (j + 12).min(end) {
        if k > j && level_at(d, k) {
            return Some(k);
        }
        // (an organisation's words first: "dự án" is no "dự")
        let org_here = d.org(k).is_some();
        let clause_goes_on = matches!(d.kind(k), Some(Kind::Punct(',' | ';' | '.' | ':' | ')')))
            || !org_here && PREDICATE_WORDS.contains(&d.lower(k))
            || !org_here && d.gram(k, |g| matches!(g, Gram::Role(_))).is_some()
            || d.case(k) == Some(Case::Cap) && names::name_start(d, k, end).is_some();
        if clause_goes_on {
            return (k >= j + 2).then_some(k);
        }
        // ("Ban Quản lý di tích Côn Sơn - Kiếp Bạc": a place's own name inside the task; "thi
        // tốt nghiệp THPT": an abbreviation)
        if k > j && (matches!(d.case(k), Some(Case::Cap | Case::Upper)) || d.is_dash(k)) {
            k += 1;
            continue;
        }
        if d.case(k) != Some(Case::Lower)
            || d.gram(k, |g| matches!(g, Gram::Cue | Gram::Cues)).is_some()
        {
            return None;
        }
        // (an organisation's words are read whole: "nông thôn mới" holds no village "thôn")
        k = d.org(k).map_or(k + 1, |(e, _)| e);
    }
    None
}

/// Words that open a predicate, never part of a unit's task: tense and voice ("Trưởng Ban Chỉ
/// huy đã trực tiếp kiểm tra"), the first syllables of verbs of speech ("cho biết", "nhấn
/// mạnh", "khẳng định", "yêu cầu", "đề nghị", "chia sẻ", "báo cáo", "trả lời", "nêu", "đánh
/// giá"), of visits and work ("làm việc", "phối hợp với", "chỉ đạo"); not "giải", "thông",
/// which open tasks ("giải phóng mặt bằng", "thông tin đối ngoại").
const PREDICATE_WORDS: [&str; 24] = [
    "đã", "đang", "sẽ", "vừa", "cũng", "được", "bị", "cho", "nhấn", "khẳng", "yêu", "đề", "chia",
    "báo", "trao", "tặng", "thăm", "với", "phối", "trả", "làm", "nêu", "đánh", "chỉ",
];

/// A level word or a place at `k`: where a unit's task ends and its level begins.
fn level_at(d: &Doc, k: usize) -> bool {
    d.province(k).is_some()
        || d.org(k).is_some_and(|(_, o)| {
            o.has(flag::LEVEL) || matches!(o.canon.as_str(), "Trung ương" | "quốc gia")
        })
}

/// Where the task that opens at `i` ends within a title ending at `end` (see [`task_end`]).
fn task_words_end(d: &Doc, i: usize, end: usize) -> usize {
    let mut k = i;
    while k < end {
        if k > i && level_at(d, k) {
            return k;
        }
        k = d.org(k).map_or(k + 1, |(e, _)| e.max(k + 1));
    }
    end
}

/// Is the dash at `i` inside a capitalised word's number written without spaces ("COVID-19")?
fn glued_number(d: &Doc, i: usize) -> bool {
    let glued = |a: usize| d.span(a, a + 1).end == d.span(a + 1, a + 2).start;
    i > 0 && d.is_num(i + 1) && d.case(i - 1) == Some(Case::Upper) && glued(i - 1) && glued(i)
}

/// Is the "TT" at `i` a town ("Đảng ủy TT Phố Lu": thị trấn) rather than "Thường trực" ("Phó
/// Bí thư TT Tỉnh ủy")? A town's name follows it, where "Thường trực" is followed by a body.
fn town_at(d: &Doc, i: usize) -> bool {
    // (the case first: asked of every word of a title, it turns most away without a compare)
    d.case(i) == Some(Case::Upper)
        && d.raw(i) == "TT"
        && d.case(i + 1) == Some(Case::Cap)
        && d.org(i + 1).is_none()
        && d.head(i + 1).is_none()
        && d.province(i + 1).is_none()
}

/// The canonical text of tokens `start..end` minus `skips` (modifiers excluded by the caller).
pub fn canonical_tokens(d: &Doc, start: usize, end: usize, skips: &[(usize, usize)]) -> String {
    canonical_tokens_with(d, start, end, skips, &mut Vec::new())
}

/// [`canonical_tokens`] in room for the words lent by a caller who reads many titles.
pub fn canonical_tokens_with<'a>(
    d: &Doc<'a>,
    start: usize,
    end: usize,
    skips: &[(usize, usize)],
    words: &mut Vec<Cow<'a, str>>,
) -> String {
    // Words borrowed from the lexicon or the text; only a word with a comma glued on is owned.
    words.clear();
    words.reserve(2 * (end - start.min(end)) + 4);
    let mut i = start;
    let mut first = true;
    while i < end {
        if let Some(&(_, b)) = skips.iter().find(|&&(a, b)| a <= i && i < b) {
            i = b;
            continue;
        }
        if first {
            if let Some((e, h)) = d.head(i) {
                words.extend(d.canon_words(h).iter().map(|&w| Cow::Borrowed(w)));
                i = e.min(end);
                first = false;
                continue;
            }
        }
        first = false;
        if let Some((e, h)) = d.head(i).filter(|(e, _)| *e <= end) {
            // a second head: "Phó Chủ tịch - Tổng Thư ký"
            if i > start && d.is_dash(i - 1) {
                words.extend(d.canon_words(h).iter().map(|&w| Cow::Borrowed(w)));
                i = e;
                continue;
            }
        }
        if let Some((e, p)) = d.province(i).filter(|(e, _)| *e <= end) {
            if d.lower(i).starts_with("tp") {
                // one word for the rewrites below, as it always was
                words.push(Cow::Borrowed("thành phố"));
            }
            words.extend(d.canon_words(p).iter().map(|&w| Cow::Borrowed(w)));
            i = e;
            continue;
        }
        // A unit's task is written as the text has it ("Ban Quản lý dự án đầu tư xây dựng"),
        // up to its level: its lowercase words are no organisation's to recase.
        if d.case(i) == Some(Case::Lower) && open_name_before(d, i) {
            let task_end = task_words_end(d, i, end).min(end);
            let mut k = i;
            while k < task_end {
                // (its abbreviations still expanded: "các chương trình MTQG")
                if let Some((e, o)) = d
                    .org(k)
                    .filter(|(e, o)| o.has(flag::ABBR) && *e <= task_end)
                {
                    words.extend(d.canon_words(o).iter().map(|&w| Cow::Borrowed(w)));
                    k = e;
                    continue;
                }
                k = push_written(d, k, words);
            }
            i = task_end;
            continue;
        }
        if town_at(d, i) {
            words.push(Cow::Borrowed("thị trấn"));
            i += 1;
            continue;
        }
        if let Some((e, o)) = d.org(i).filter(|(e, _)| *e <= end) {
            let written = d.slice(i, e);
            let lower_written = written.chars().next().is_some_and(|c| c.is_lowercase());
            let canon_cap = o.canon.chars().next().is_some_and(|c| c.is_uppercase());
            if o.has(flag::ABBR) || lower_written || canon_cap {
                words.extend(d.canon_words(o).iter().map(|&w| Cow::Borrowed(w)));
            } else {
                split_words(written, words);
            }
            i = e;
            if o.canon == "thành phố" && d.is_punct(i, '.') {
                i += 1;
            }
            continue;
        }
        i = push_written(d, i, words);
    }
    fix_words(words);
    words.join(" ")
}

/// Pushes token `i` as written: a word, a dash, a comma glued to the word before, a number
/// glued to its capitalised word by a dash ("COVID-19"); other marks are dropped. Returns the
/// next token.
fn push_written<'a>(d: &Doc<'a>, i: usize, words: &mut Vec<Cow<'a, str>>) -> usize {
    match d.kind(i) {
        Some(Kind::Punct(',')) => {
            if let Some(last) = words.last_mut() {
                last.to_mut().push(',');
            }
        }
        Some(Kind::Punct('-')) if glued_number(d, i) => {
            if let Some(last) = words.last_mut() {
                let last = last.to_mut();
                last.push('-');
                last.push_str(d.raw(i + 1));
            }
            return i + 2;
        }
        Some(Kind::Punct('-' | '–' | '—')) => words.push(Cow::Borrowed("-")),
        Some(Kind::Punct(_)) => {}
        _ => words.push(Cow::Borrowed(d.raw(i))),
    }
    i + 1
}

/// Pushes the pieces of `s` between single blanks (`str::split(' ')`, without its searcher).
fn split_words<'a>(s: &'a str, words: &mut Vec<Cow<'a, str>>) {
    let mut from = 0;
    for (k, &x) in s.as_bytes().iter().enumerate() {
        if x == b' ' {
            words.push(Cow::Borrowed(&s[from..k]));
            from = k + 1;
        }
    }
    words.push(Cow::Borrowed(&s[from..]));
}

/// Are the words of `w` from `at` on exactly `expected`?
fn words_at(w: &[Cow<str>], at: usize, expected: &[&str]) -> bool {
    w.get(at..at + expected.len())
        .is_some_and(|s| s.iter().zip(expected).all(|(a, b)| a == b))
}

/// Canonical rewrites that need the whole title.
fn fix_words(w: &mut Vec<Cow<str>>) {
    // "Ủy viên (dự khuyết) Trung ương Đảng", "Ủy viên Ban Chấp hành Trung ương" → full form.
    if words_at(w, 0, &["Ủy", "viên"]) {
        let at = if words_at(w, 2, &["dự", "khuyết"]) {
            4
        } else {
            2
        };
        if words_at(w, at, &["Trung", "ương"]) {
            w.splice(at..at, ["Ban", "Chấp", "hành"].map(Cow::Borrowed));
        }
        if words_at(w, at, &["Ban", "Chấp", "hành", "Trung", "ương"])
            && w.get(at + 5).map(|x| x.as_ref()) != Some("Đảng")
        {
            w.insert(at + 5, Cow::Borrowed("Đảng"));
        }
    }
    // "Bí thư Trung ương" → "Bí thư Trung ương Đảng"
    if w.len() == 4 && words_at(w, 0, &["Bí", "thư", "Trung", "ương"]) {
        w.push(Cow::Borrowed("Đảng"));
    }
    // "Chủ tịch tỉnh X": the colloquial name of the Chairman of the People's Committee.
    let head_len = if words_at(w, 0, &["Phó"]) { 3 } else { 2 };
    if words_at(w, head_len - 2, &["Chủ", "tịch"])
        && w.get(head_len).is_some_and(|x| {
            matches!(
                x.as_ref(),
                "tỉnh" | "thành" | "huyện" | "quận" | "xã" | "phường" | "thị"
            )
        })
    {
        w.splice(
            head_len..head_len,
            ["Ủy", "ban", "nhân", "dân"].map(Cow::Borrowed),
        );
    }
    // "Trưởng ban Ban X" / "Trưởng ban Tổ chức" → "Trưởng Ban X"; same for "Trưởng đoàn".
    let start = if words_at(w, 0, &["Phó"]) { 1 } else { 0 };
    if words_at(w, start, &["Trưởng"]) {
        if let Some(unit) = w.get(start + 1) {
            let lower = unit.to_lowercase();
            if lower == "ban" || lower == "đoàn" {
                let cap = if lower == "ban" { "Ban" } else { "Đoàn" };
                let next = w.get(start + 2).map_or("", |x| x.as_ref());
                if next == cap {
                    w.remove(start + 2);
                    w[start + 1] = Cow::Borrowed(cap);
                } else if (lower == "đoàn" && next == "đại")
                    || (lower == "ban"
                        && next.chars().next().is_some_and(|c| c.is_uppercase())
                        && next != "Thường")
                {
                    w[start + 1] = Cow::Borrowed(cap);
                }
            }
        }
    }
    // "Trung ương Đảng Đảng" (an expanded "UVTW" before "Đảng"); not "Ban Xây dựng Đảng Đảng
    // ủy phường", a unit's name then its committee.
    if let Some(at) = (1..w.len().saturating_sub(1))
        .find(|&i| w[i - 1] == "ương" && w[i] == "Đảng" && w[i + 1] == "Đảng")
    {
        w.remove(at + 1);
    }
    // Capitalise a lowercase first word ("phó ..." with no head match).
    if let Some(f) = w.first_mut() {
        if f != "đại" && f.chars().next().is_some_and(|c| c.is_lowercase()) {
            let mut cs = f.chars();
            if let Some(c) = cs.next() {
                *f = Cow::Owned(c.to_uppercase().chain(cs).collect());
            }
        }
    }
}

/// The canonical form of one title as written ("Chủ tịch UBND tỉnh" → "Chủ tịch Ủy ban nhân dân
/// tỉnh"): modifiers "nguyên" / "tân" / "kiêm" dropped, term qualifiers and parenthetical
/// abbreviations removed, abbreviations expanded, role words capitalised canonically.
pub fn canonical(title: &str) -> String {
    let text = normalize(title);
    let d = Doc::new(&text);
    let n = d.len();
    match scan(&d, 0, n, Mode::Post) {
        Some(s) => canonical_tokens(&d, s.head, s.end, &s.skips),
        None => {
            let (h, ..) = modifiers(&d, 0, n);
            canonical_tokens(&d, h, n, &[])
        }
    }
}

/// True when the head at `i` is complete on its own or has its organisation.
pub fn is_post(d: &Doc, s: &Scan) -> bool {
    d.head(s.head).is_some_and(|(_, h)| h.has(flag::STANDALONE)) || s.has_org
}

/// Is the entry at `i` a unit noun ("Sở", "Bộ") that "này" can point back to?
pub fn unit_at(d: &Doc, i: usize) -> bool {
    d.org(i)
        .is_some_and(|(e, o)| e == i + 1 && o.has(flag::UNIT))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `titles.examples.tsv`: a title as written → its canonical form.
    #[test]
    fn examples() {
        let data = include_str!("titles.examples.tsv");
        let mut failures = Vec::new();
        for (n, line) in data.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((input, expected)) = line.split_once('\t') else {
                failures.push(format!("line {}: no tab", n + 1));
                continue;
            };
            let got = canonical(input);
            if got != expected {
                failures.push(format!(
                    "line {}: {input:?} → {got:?}, expected {expected:?}",
                    n + 1
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failing:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
