//! The date of the event, in every form real articles use.
//!
//! Three steps, each its own small rule family:
//!
//! 1. **Scan** every day-month written in the text: "28-12", "5/4", "7.9", "22-24/9",
//!    "16 và 17.10", "25-5-2016", "ngày 12 tháng 02 năm 2026", "Thursday, April 27, 2017".
//! 2. **Classify** each by its surroundings. The reported event is announced in the lead
//!    ("Sáng 28-12, ...", "(TTV)- Ngày 5/12", "Sáng nay (11-7)", "Sáng thứ Hai (13-4)"), in an
//!    agency's dateline ("Hà Nội, 21/9 (TTXVN) - ...") or with a time of day ("vào chiều
//!    12-2"); the rest are page stamps ("05/12/2019 19:39", "Ngày xuất bản: 12/04/2024"),
//!    documents cited ("Công văn 5185-CV/VPTW ngày 24/10"), anniversaries ("(18/11/1930 -
//!    18/11/2018)"), related-link lists ("- 14-10-2015Kêu gọi ...", "- Hội nghị ...
//!    (12/04/2023)"), effective dates ("kể từ ngày 1/9/2022"), periods ("từ ngày 1.7.2016 đến
//!    ngày 1.7.2021"), photo captions ("... ngày 15.7.2022. Ảnh: ..."), births, plans ("dự kiến
//!    khai mạc vào ngày 20/5"), earlier events ("Trước đó, ngày 16/11, ..."), what an
//!    interview's or a reader's answers recall ("Phóng viên: ...", "Hỏi: ..."), suppositions
//!    ("nếu ... thì sau ngày ..."). A document just signed ("vừa ký Quyết định ... ngày
//!    12/4/2024") before any other date is the news; with no event candidate, a caption dating
//!    its scene, a plan, then that document stand in. A lead whose time names no day ("Cuối
//!    tuần qua", "Đầu tháng 3", "Dịp Tết") has no event date; a day of Tết ("Chiều 30 Tết Giáp
//!    Thìn") is read on the lunar calendar.
//! 3. **Date the year** when the text leaves it out: a page stamp, the publication date the user
//!    gives, a date in the URL, then the content (the year under review in December, a congress
//!    term, a council's first session, an election, an anniversary, Tết, a working month or
//!    quarter, running figures "10 tháng năm 2022", a full date close by).
//!    No evidence, no year: "--MM-DD". Only clues a reader annotating the article would use
//!    count: the calendar of the Assembly's numbered sessions ("kỳ họp thứ 8, Quốc hội khóa
//!    XIV" in 2019) is not one, and the annotations leave such years out.
//!
//! Every step is linear in the text: each mention looks back a bounded number of bytes.

use super::{Context, EventDate, Evidence, Span, YearSource};
use std::cell::OnceCell;
use std::sync::OnceLock;
use time::{Date, Month, Weekday};

/// The date the reported event took place, if the text (or, failing it, the publication date)
/// says it.
pub fn find_event_date(text: &str, sentences: &[Span], ctx: &Context) -> Option<EventDate> {
    find_event_date_lowered(text, &lower_aligned(text), sentences, ctx)
}

/// [`find_event_date`] given `lower_aligned(text)`, which the caller shares with the events.
pub(crate) fn find_event_date_lowered(
    text: &str,
    lower: &str,
    sentences: &[Span],
    ctx: &Context,
) -> Option<EventDate> {
    let doc = Doc::new(text, lower, sentences);
    let mentions = doc.classify(doc.scan());
    let publications = doc.publications(&mentions, ctx);

    // "Thủ tướng vừa ký Quyết định số 1520/QĐ-TTg ngày 5/12/2023 ...": a document just signed,
    // before anything else the text dates, is the news.
    let lead = doc.lead_line();
    let news = document_news(&doc, &mentions);
    let event = match news {
        Some(d)
            if lead == Some(doc.line_of(d.span.start))
                && mentions.iter().all(|m| {
                    !matches!(m.role, Role::Event(s) if s > 0) || m.span.start > d.span.start
                }) =>
        {
            Some(d)
        }
        _ => best_event(&mentions).or(news),
    };
    // "Cuối tuần qua, ...", "Chiều 30 Tết Giáp Thìn, ...": the lead's time names no day of the
    // calendar, and a date elsewhere is another occasion's (one in its sentence says the day:
    // "Sáng mùng 3 Tết (12/2)").
    // (a lead opening with its date has no other time: "Sáng 12/3, ...")
    let opens_lead = |e: &Mention| {
        lead.is_some_and(|l| {
            let ls = doc.line_span(l);
            (ls.start..=ls.end).contains(&e.span.start)
                && is_lead_prefix(&text[ls.start..e.span.start])
        })
    };
    if let Some(t) = lead
        .filter(|_| !event.is_some_and(opens_lead))
        .and_then(|l| doc.lead_time(l))
    {
        // (a later sentence opening on its own day and time reports the event the lead
        // introduced: "Cuối tuần qua, tỉnh đón nhiều đoàn khách. Sáng 16/3, ...")
        let reported = |e: &Mention| matches!(e.role, Role::Event(s) if s >= S_TIME_OF_DAY);
        if event.is_none_or(|e| !t.dated_by(e) && !reported(e)) {
            return t.event_date(&doc, &publications);
        }
    }
    let Some(event) = event else {
        // A reader's question answered is no news: it has no day.
        if doc.exchange().is_some_and(|(_, reader)| reader) {
            return None;
        }
        return doc
            .undated_weekday_lead(text.len(), &publications)
            .or_else(|| doc.publication_fallback(&mentions, &publications));
    };
    // "Sáng nay, HĐND tỉnh khai mạc ... Trước đó, ngày 10/4, ...": a lead dated by the words
    // "sáng nay" alone is the publication's day, not a later date in the body.
    if !matches!(event.role, Role::Event(s) if s >= S_PAREN_RELATIVE) {
        if let Some(d) = doc.undated_relative_lead(event.span.start, &publications) {
            return Some(d);
        }
    }
    let evidence = Some(doc.evidence(event.span));
    let (year, source) = match event.raw.year {
        Some(y) => (Some(y), YearSource::Explicit),
        None => match publications.iter().find_map(|p| {
            p.year_for(event.raw.day, event.raw.month)
                .map(|y| (y, p.source))
        }) {
            Some((y, s)) => (Some(y), s),
            None => match doc.content_year(event, &mentions) {
                Some(y) => (Some(y), YearSource::Content),
                None => (None, YearSource::Unknown),
            },
        },
    };
    let iso = match year {
        Some(y) => match calendar_date(y, event.raw.month, event.raw.day) {
            Some(d) => iso(d),
            // A year that makes the day impossible (29/2 in a common year) is not believed.
            None => md_iso(event.raw.month, event.raw.day),
        },
        None => md_iso(event.raw.month, event.raw.day),
    };
    let year_source = if iso.starts_with("--") {
        YearSource::Unknown
    } else {
        source
    };
    Some(EventDate {
        iso,
        year_source,
        evidence,
    })
}

// ---------------------------------------------------------------------------------------------
// Text helpers shared with the other rule families of this branch (events, figures).

/// Lowercase copy of `text` with the same byte length at every char, so offsets carry over.
/// Characters whose lowercase form has another length (rare outside Vietnamese) are kept as is.
pub(crate) fn lower_aligned(text: &str) -> String {
    let mut out = text.to_owned();
    out.make_ascii_lowercase();
    // Capitals outside ASCII are few (word starts): find them by their lead bytes and fix them
    // in place, each keeping its length. Eight bytes at a time, each lead byte (0b11xxxxxx) of
    // the eight in turn: no continuation byte is one, so no char is seen twice.
    let b = text.as_bytes();
    let mut buf = [0u8; 4];
    for base in (0..b.len()).step_by(8) {
        let x = super::phrases::eight_bytes_at(b, base);
        let mut leads = x & (x << 1) & 0x8080_8080_8080_8080;
        while leads != 0 {
            let i = base + leads.trailing_zeros() as usize / 8;
            leads &= leads - 1;
            if lowercase_vietnamese_at(b, i) {
                continue;
            }
            let (c, len) = decode_at(b, i);
            let l = lower_char(c);
            if l != c {
                out.replace_range(i..i + len, l.encode_utf8(&mut buf));
            }
        }
    }
    out
}

/// Whether `lower_aligned(w) == s`, without the copy: the rules ask it of a word or two of a
/// line. (Lowercasing keeps every char's length, so the strings are equal when their chars are.)
pub(crate) fn eq_lower_aligned(w: &str, s: &str) -> bool {
    w.len() == s.len() && w.chars().map(lower_char).eq(s.chars())
}

/// Whether the char at `b[i]` (a lead byte) is, by its bytes alone, a lowercase letter of the
/// common Vietnamese blocks: ạ..ỹ (odd code points of U+1E80..=U+1EFF), à..ÿ, ă, đ, ĩ, ũ, ơ,
/// ư. Saves decoding most non-ASCII chars of a Vietnamese text.
fn lowercase_vietnamese_at(b: &[u8], i: usize) -> bool {
    // The char's bytes from the lowest (a valid text holds them all).
    let v = super::phrases::eight_bytes_at(b, i) as u32;
    let b1 = (v >> 8) as u8;
    match v as u8 {
        // E1 BA xx, E1 BB xx: the code point's parity is its last byte's.
        0xE1 => v & 0x01_FE_FF == 0x01_BA_E1,
        // U+00DF..=U+00FF
        0xC3 => b1 >= 0x9F,
        // ă, đ, ĩ, ũ: odd code points of U+0100..=U+012F and U+014A..=U+0177.
        0xC4 => b1 <= 0xAF && b1 % 2 == 1,
        0xC5 => (0x8A..=0xB7).contains(&b1) && b1 % 2 == 1,
        // ơ (U+01A1), ư (U+01B0)
        0xC6 => matches!(b1, 0xA1 | 0xB0),
        _ => false,
    }
}

/// The char whose UTF-8 encoding starts at `b[i]` (a lead byte of a valid string), and its
/// length.
fn decode_at(b: &[u8], i: usize) -> (char, usize) {
    let cont = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0x80) & 0x3F);
    let lead = u32::from(b[i]);
    let (u, len) = match lead {
        0xC0..=0xDF => ((lead & 0x1F) << 6 | cont(1), 2),
        0xE0..=0xEF => ((lead & 0x0F) << 12 | cont(1) << 6 | cont(2), 3),
        _ => (
            (lead & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3),
            4,
        ),
    };
    (
        char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER),
        len,
    )
}

/// One char lowercased, kept only when its UTF-8 length is unchanged.
fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let u = c as u32;
    // Vietnamese letters with tone marks (U+1EA0..=U+1EF9) come in upper/lower pairs: even
    // upper, odd lower. This block and Latin-1 (à, â, đ, ơ, ư...) are most of a Vietnamese
    // text, so they skip the general table.
    if (0x1EA0..=0x1EF9).contains(&u) {
        return if u % 2 == 0 {
            char::from_u32(u + 1).unwrap_or(c)
        } else {
            c
        };
    }
    match u {
        // ß and the lowercase half of Latin-1 (à, â, è, ê, ì, ò, ô, ù, ý...).
        0xDF..=0xFF => return c,
        // Latin Extended-A pairs, even upper, odd lower: ă, đ, ĩ, ũ.
        0x100..=0x12F | 0x14A..=0x177 => return char::from_u32(u | 1).unwrap_or(c),
        // ơ, ư.
        0x1A1 | 0x1B0 => return c,
        _ => {}
    }
    lower_char_table(c)
}

/// The general rule: the Unicode lowercase, when it is one char of the same length.
fn lower_char_table(c: char) -> char {
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
        _ => c,
    }
}

/// Whether the number at `at` starts a day-month that reads as a date: it carries a year, or
/// a date word comes right before it ("ngày 5/12", "Sáng 28-12", "nay (11/12)").
pub(crate) fn is_date_at(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    let run = digit_run(b, at);
    if run == 0 || starts_inside_token(text, at) {
        return false;
    }
    let Some(raw) = numeric_at(text, at, run) else {
        return false;
    };
    if raw.year.is_some() {
        return true;
    }
    let from = floor_boundary(text, at.saturating_sub(24));
    let before = lower_aligned(&text[from..at]);
    let before = before.trim_end_matches(|c: char| c.is_whitespace() || c == '(' || c == ',');
    let last = before.rsplit(|c: char| !is_alnum(c)).next().unwrap_or("");
    matches!(last, "ngày" | "nay" | "qua" | "hôm" | "vào") || is_time_of_day(last)
}

/// `char::is_alphanumeric`, answered without the Unicode tables for the Latin letters that make
/// up Vietnamese (U+00C0..=U+024F, U+1E00..=U+1EFF).
pub(crate) fn is_alnum(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xD7 | 0xF7 => false, // × ÷
        0xC0..=0x24F | 0x1E00..=0x1EFF => true,
        _ => c.is_alphanumeric(),
    }
}

/// The largest char boundary of `s` at or below `i`.
pub(crate) fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` at or above `i`.
pub(crate) fn ceil_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The sentence holding byte `pos`, by binary search over sentences in text order.
pub(crate) fn sentence_at(sentences: &[Span], pos: usize) -> Option<Span> {
    let k = sentences.partition_point(|s| s.end <= pos);
    sentences.get(k).copied().filter(|s| s.start <= pos)
}

/// Whether `needle` occurs in `hay` at `at` as whole words (no letter or digit on either side).
pub(crate) fn word_at(hay: &str, at: usize, needle: &str) -> bool {
    let end = at + needle.len();
    hay.get(at..end) == Some(needle)
        && !hay[..at].chars().next_back().is_some_and(is_alnum)
        && !hay[end..].chars().next().is_some_and(is_alnum)
}

/// Whether `needle` occurs in `hay` as a whole word. For short texts: no searcher is built.
fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle)
        .any(|(i, _)| word_at(hay, i, needle))
}

/// Byte offsets of every whole-word occurrence of `needle` in `hay[from..to]`.
pub(crate) fn word_occurrences(hay: &str, from: usize, to: usize, needle: &str) -> Vec<usize> {
    let (from, to) = (floor_boundary(hay, from), floor_boundary(hay, to));
    let region = &hay.as_bytes()[from..to];
    let found = |i: usize| from + i;
    let whole = |&i: &usize| word_at(hay, i, needle);
    match cached_finder(needle) {
        Some(f) => f.find_iter(region).map(found).filter(whole).collect(),
        None => memchr::memmem::find_iter(region, needle.as_bytes())
            .map(found)
            .filter(whole)
            .collect(),
    }
}

/// Searchers for the words this module looks for, built once: building one costs more than
/// searching a sentence with it.
fn cached_finder(needle: &str) -> Option<&'static memchr::memmem::Finder<'static>> {
    static FINDERS: OnceLock<Vec<memchr::memmem::Finder<'static>>> = OnceLock::new();
    let k = SEARCHED_WORDS.iter().position(|w| *w == needle)?;
    FINDERS
        .get_or_init(|| {
            SEARCHED_WORDS
                .iter()
                .map(memchr::memmem::Finder::new)
                .collect()
        })
        .get(k)
}

/// The words this module searches for (see [`cached_finder`], [`Doc::occurrences_in`]).
const SEARCHED_WORDS: [&str; 14] = [
    "tháng",
    "qua",
    "kỷ niệm",
    "chào mừng",
    "tết",
    "xuân",
    "năm mới",
    "đại hội",
    "bầu cử",
    "ứng cử",
    "năm",
    "ảnh",
    "nhiệm kỳ",
    "quý",
];

/// Four ASCII digits at `at` forming a year of the modern press (1900..=2100), not part of a
/// longer number.
pub(crate) fn year_at(s: &str, at: usize) -> Option<i32> {
    let b = s.as_bytes();
    let digits = b.get(at..at + 4)?;
    if !digits.iter().all(u8::is_ascii_digit) || b.get(at + 4).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if at > 0 && b[at - 1].is_ascii_digit() {
        return None;
    }
    let y = digits
        .iter()
        .fold(0i32, |acc, d| acc * 10 + i32::from(d - b'0'));
    (1900..=2100).contains(&y).then_some(y)
}

// ---------------------------------------------------------------------------------------------
// Calendar.

fn calendar_date(year: i32, month: u8, day: u8) -> Option<Date> {
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// Whether day/month exists in some year (29/2 does, 31/4 does not).
fn day_month_exists(month: u8, day: u8) -> bool {
    calendar_date(2000, month, day).is_some()
}

fn iso(d: Date) -> String {
    let Ok(year) = u16::try_from(d.year()) else {
        return format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());
    };
    // Written by hand: `format!` costs several times more for ten digits.
    let mut s = String::with_capacity(10);
    push_digits(&mut s, year, 4);
    s.push('-');
    push_digits(&mut s, u16::from(u8::from(d.month())), 2);
    s.push('-');
    push_digits(&mut s, u16::from(d.day()), 2);
    s
}

fn md_iso(month: u8, day: u8) -> String {
    let mut s = String::with_capacity(7);
    s.push_str("--");
    push_digits(&mut s, u16::from(month), 2);
    s.push('-');
    push_digits(&mut s, u16::from(day), 2);
    s
}

/// `n` in decimal, zero-padded to `width` digits (as `{:0width$}` does).
fn push_digits(s: &mut String, n: u16, width: u32) {
    let digits = n.checked_ilog10().unwrap_or(0) + 1;
    for _ in digits..width {
        s.push('0');
    }
    for k in (0..digits).rev() {
        s.push(char::from(b'0' + (n / 10u16.pow(k) % 10) as u8));
    }
}

// ---------------------------------------------------------------------------------------------
// Step 1: scanning.

/// A day-month as written, maybe with its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Raw {
    /// The numbers (or words) of the date, a range start included ("22-24/9").
    core: Span,
    day: u8,
    month: u8,
    year: Option<i32>,
    /// Last day of a range written in one piece ("22-24/9" → 24).
    range_end_day: Option<u8>,
    /// A letter follows with no space: "14-10-2015Kêu gọi" (a related-link list).
    glued: bool,
    /// Written in English ("April 27, 2017"): a blog or page header.
    english: bool,
}

fn digit_run(b: &[u8], at: usize) -> usize {
    b[at.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count()
}

fn number(b: &[u8], at: usize, len: usize) -> u32 {
    b[at..at + len].iter().fold(0u32, |acc, d| {
        acc.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    })
}

const EN_DASH: &str = "–";

/// The first ASCII digit in `b` at or after `from` (`b.len()` if none). Digits are sparse in
/// prose: test them sixteen bytes at a time.
pub(crate) fn next_digit(b: &[u8], mut from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Per byte, with its high bit clear: at least '0', and not above '9'.
    let digits = |x: u64| {
        let t = x & !HIGH;
        let ge0 = t + ONES * (0x80 - b'0' as u64);
        let gt9 = t + ONES * (0x80 - b'9' as u64 - 1);
        ge0 & !gt9 & !x & HIGH
    };
    // Two words a turn: one branch for 16 bytes.
    while let Some(chunk) = b.get(from..from + 16) {
        let (lo, hi) = chunk.split_at(8);
        let lo = digits(u64::from_le_bytes(lo.try_into().unwrap_or_default()));
        let hi = digits(u64::from_le_bytes(hi.try_into().unwrap_or_default()));
        if lo | hi != 0 {
            let first = if lo != 0 {
                lo.trailing_zeros()
            } else {
                64 + hi.trailing_zeros()
            };
            return from + first as usize / 8;
        }
        from += 16;
    }
    while from < b.len() && !b[from].is_ascii_digit() {
        from += 1;
    }
    from.min(b.len())
}

/// Numeric dates: D SEP M [SEP YYYY], D-D SEP M [SEP YYYY], YYYY-MM-DD. Returns where every
/// year of the text starts (each four-digit run [`year_at`] takes), in text order, for
/// [`scan_english`].
fn scan_numeric(text: &str, out: &mut Vec<Raw>) -> Vec<usize> {
    let b = text.as_bytes();
    let n = b.len();
    let mut years = Vec::new();
    let mut i = 0;
    loop {
        i = next_digit(b, i);
        if i >= n {
            break;
        }
        let run = digit_run(b, i);
        if run == 4 && year_at(text, i).is_some() {
            years.push(i);
        }
        let next = i + run;
        if starts_inside_token(text, i) {
            i = next;
            continue;
        }
        if let Some(raw) = numeric_at(text, i, run) {
            i = raw.core.end;
            // The runs a date takes are not visited: only its year, last, can be one.
            let last = raw.core.end.saturating_sub(4);
            if raw.year.is_some() && last > raw.core.start && year_at(text, last).is_some() {
                years.push(last);
            }
            out.push(raw);
        } else {
            i = next;
        }
    }
    years
}

/// A digit run glued to a word or to another number ("QĐ/1886", "1.2.3") is no date start.
fn starts_inside_token(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let mut rev = before.chars().rev();
    match rev.next() {
        Some(c) if is_alnum(c) => true,
        Some('/' | '.' | ',' | ':') => rev.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

fn numeric_at(text: &str, i: usize, run: usize) -> Option<Raw> {
    let b = text.as_bytes();
    if run == 4 {
        // ISO "2025-10-29" (page headers, pasted metadata).
        let y = year_at(text, i)?;
        let j = i + 4;
        if b.get(j) == Some(&b'-') && digit_run(b, j + 1) == 2 && b.get(j + 3) == Some(&b'-') {
            if digit_run(b, j + 4) != 2 {
                return None;
            }
            let m = number(b, j + 1, 2) as u8;
            let d = number(b, j + 4, 2) as u8;
            let end = j + 6;
            return finish(text, i, end, d, m, Some(y), None);
        }
        return None;
    }
    if run > 2 {
        return None;
    }
    let d1 = number(b, i, run) as u8;
    // "Ngày 15 - 4 - 2011": a full date written with spaced dashes (in full only: "15 - 4"
    // alone may be anything).
    if let Some(raw) = spaced_full_date(text, i, run, d1) {
        return Some(raw);
    }
    let (sep1, after_sep1) = separator_at(text, i + run)?;
    let run2 = digit_run(b, after_sep1);
    if run2 == 0 || run2 > 2 {
        return None;
    }
    let n2 = number(b, after_sep1, run2) as u8;
    let k = after_sep1 + run2;
    // Range in one piece: "22-24/9", "16–17.10".
    if matches!(sep1, "-" | EN_DASH) {
        if let Some((sep2, after_sep2)) = separator_at(text, k).filter(|(s, _)| *s != sep1) {
            if matches!(sep2, "/" | ".") {
                let run3 = digit_run(b, after_sep2);
                if run3 == 0 {
                    // "12-2." at a sentence end: a plain day-month.
                } else if (1..=2).contains(&run3) && d1 < n2 {
                    let m = number(b, after_sep2, run3) as u8;
                    let mut end = after_sep2 + run3;
                    let mut year = None;
                    if let Some((s3, a3)) = separator_at(text, end) {
                        if s3 == sep2 {
                            if let Some(y) = year_at(text, a3) {
                                year = Some(y);
                                end = a3 + 4;
                            }
                        }
                    }
                    return finish(text, i, end, d1, m, year, Some(n2));
                } else {
                    return None;
                }
            }
        }
    }
    if sep1 == EN_DASH {
        return None;
    }
    let mut end = k;
    let mut year = None;
    if let Some((s, a)) = separator_at(text, k) {
        if s == sep1 {
            if let Some(y) = year_at(text, a) {
                year = Some(y);
                end = a + 4;
            } else if digit_run(b, a) == 2 && clock_after(b, a + 2) {
                // A page's stamp: "Thứ năm, 10/07/13 - 08:15".
                let yy = number(b, a, 2) as i32;
                year = Some(if yy < 70 { 2000 + yy } else { 1900 + yy });
                end = a + 2;
            } else {
                // "1.2.3", "12/5/22": a version number or a two-digit year, not a date we trust.
                return None;
            }
        }
    }
    finish(text, i, end, d1, n2, year, None)
}

/// "15 - 4 - 2011" at `i` (its day `d` of `run` digits): day, month and year joined by the
/// same dash, spaced.
fn spaced_full_date(text: &str, i: usize, run: usize, d: u8) -> Option<Raw> {
    let b = text.as_bytes();
    let dash = [" - ", " – "]
        .into_iter()
        .find(|s| text[i + run..].starts_with(s))?;
    let m_at = i + run + dash.len();
    let mrun = digit_run(b, m_at);
    if !(1..=2).contains(&mrun) || !text[m_at + mrun..].starts_with(dash) {
        return None;
    }
    let y_at = m_at + mrun + dash.len();
    let y = year_at(text, y_at)?;
    finish(
        text,
        i,
        y_at + 4,
        d,
        number(b, m_at, mrun) as u8,
        Some(y),
        None,
    )
}

/// A clock time a few separators after `k`: "13 - 08:15", "13 08:15".
fn clock_after(b: &[u8], mut k: usize) -> bool {
    let mut skipped = 0;
    while k < b.len() && skipped < 4 && b" \t,|-".contains(&b[k]) {
        k += 1;
        skipped += 1;
    }
    clock_at(b, k)
}

fn separator_at(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let rest = text.get(at..)?;
    for sep in ["/", "-", ".", EN_DASH] {
        if rest.starts_with(sep) {
            return Some((sep, at + sep.len()));
        }
    }
    None
}

fn finish(
    text: &str,
    start: usize,
    end: usize,
    day: u8,
    month: u8,
    year: Option<i32>,
    range_end_day: Option<u8>,
) -> Option<Raw> {
    if !day_month_exists(month, day) {
        return None;
    }
    if let Some(y) = year {
        calendar_date(y, month, day)?;
    }
    let b = text.as_bytes();
    // A digit, or a separator and a digit, right after: part of a longer number.
    if b.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    if matches!(b.get(end), Some(b'/' | b'.' | b'-'))
        && b.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let glued = text[end..].chars().next().is_some_and(char::is_alphabetic);
    Some(Raw {
        core: Span::new(start, end),
        day,
        month,
        year,
        range_end_day,
        glued,
        english: false,
    })
}

/// "ngày 12 tháng 02 năm 2026", "12 tháng 2".
fn scan_words(text: &str, lower: &str, out: &mut Vec<Raw>) {
    let b = lower.as_bytes();
    for at in word_occurrences(lower, 0, lower.len(), "tháng") {
        // Day before: "<digits> tháng".
        let Some(before) = lower[..at].strip_suffix(' ') else {
            continue;
        };
        let dlen = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        if dlen == 0 || dlen > 2 {
            continue;
        }
        let dstart = before.len() - dlen;
        if lower[..dstart].chars().next_back().is_some_and(is_alnum) {
            continue;
        }
        let mstart = at + "tháng".len() + 1;
        if b.get(mstart - 1) != Some(&b' ') {
            continue;
        }
        let mlen = digit_run(b, mstart);
        if mlen == 0 || mlen > 2 || b.get(mstart + mlen).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        let day = number(b, dstart, dlen) as u8;
        let month = number(b, mstart, mlen) as u8;
        let mut end = mstart + mlen;
        let mut year = None;
        for lead in [" năm ", ", năm "] {
            if lower[end..].starts_with(lead) {
                if let Some(y) = year_at(lower, end + lead.len()) {
                    year = Some(y);
                    end += lead.len() + 4;
                }
                break;
            }
        }
        let has_ngay = lower[..dstart].trim_end().ends_with("ngày");
        if !has_ngay && year.is_none() {
            continue;
        }
        if let Some(raw) = finish(text, dstart, end, day, month, year, None) {
            out.push(raw);
        }
    }
}

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "April 27, 2017", "27 April 2017": blog and page headers.
fn scan_english(text: &str, years: &[usize], out: &mut Vec<Raw>) {
    let b = text.as_bytes();
    // Such dates are page or blog headers (and footers): read the two ends of the text only.
    let head_end = floor_boundary(text, 1200);
    let tail_start = floor_boundary(text, text.len().saturating_sub(600)).max(head_end);
    // Both forms end with a year, which starts at most this far after the month name does:
    // "September 30thstndrd, 2017" (a name of nine letters, a space, two digits, four suffixes
    // read one after the other, ", "). Years are few: month names are looked for only in the
    // stretch before each.
    const YEAR_REACH: usize = 9 + 1 + 2 + 4 * 2 + 2;
    let mut hits = Vec::new();
    let mut tried = 0; // capitals before this were tried
    for &y in years {
        for at in y.saturating_sub(YEAR_REACH).max(tried)..y {
            // In the head, the name must end in it too.
            let hay = if at < head_end {
                &b[..head_end]
            } else if at >= tail_start {
                b
            } else {
                continue;
            };
            // Month names open with the only capital they hold, and none is the start of
            // another.
            if !b"JFMASOND".contains(&hay[at]) {
                continue;
            }
            if let Some(m) = EN_MONTHS
                .iter()
                .position(|m| hay[at..].starts_with(m.as_bytes()))
            {
                hits.push((m, at));
            }
        }
        tried = y;
    }
    for (pattern, start) in hits {
        let (mi, name, at) = (pattern, EN_MONTHS[pattern], start);
        {
            let end_name = at + name.len();
            if text[end_name..].chars().next().is_some_and(is_alnum) {
                continue;
            }
            let month = mi as u8 + 1;
            // "April 27, 2017"
            let ds = end_name + 1;
            if b.get(end_name) == Some(&b' ') {
                let dl = digit_run(b, ds);
                if (1..=2).contains(&dl) {
                    let mut k = ds + dl;
                    for suffix in ["st", "nd", "rd", "th"] {
                        if text[k..].starts_with(suffix) {
                            k += 2;
                        }
                    }
                    let k2 = if text[k..].starts_with(", ") {
                        k + 2
                    } else if text[k..].starts_with(' ') {
                        k + 1
                    } else {
                        k
                    };
                    if let Some(y) = year_at(text, k2) {
                        let day = number(b, ds, dl) as u8;
                        if let Some(mut r) = finish(text, at, k2 + 4, day, month, Some(y), None) {
                            r.english = true;
                            out.push(r);
                        }
                        continue;
                    }
                }
            }
            // "27 April 2017"
            if at >= 2 && b[at - 1] == b' ' {
                let dl = text[..at - 1]
                    .bytes()
                    .rev()
                    .take_while(u8::is_ascii_digit)
                    .count();
                if (1..=2).contains(&dl) && text[end_name..].starts_with(' ') {
                    if let Some(y) = year_at(text, end_name + 1) {
                        let ds = at - 1 - dl;
                        let day = number(b, ds, dl) as u8;
                        if let Some(mut r) =
                            finish(text, ds, end_name + 5, day, month, Some(y), None)
                        {
                            r.english = true;
                            out.push(r);
                        }
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Step 2: classification.

/// What a date mention is in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A candidate for the reported event, with how strongly it reads as one.
    Event(u8),
    /// The page's own time stamp: publication, not the event.
    Stamp,
    /// The date of a document cited ("Quyết định số ... ngày").
    Document,
    /// An anniversary bracket "(18/11/1930 - 18/11/2018)".
    Anniversary,
    /// A related-link list line.
    LinkList,
    /// An effective date ("kể từ ngày 1/9/2022") or a deadline ("trước ngày 30/6").
    Effective,
    /// One end of a period under review ("từ ngày 1.7.2016 đến ngày 1.7.2021").
    Period,
    /// The end of a period of at most a year, counted up to the event ("từ ngày 1/1 đến ngày
    /// 30/11/2024, thu ngân sách đạt ..."): it anchors the event's year.
    PeriodEnd,
    /// The end of a short range whose start is the event ("từ 13 đến 16-10-2015").
    RangeEnd,
    /// A photo caption about another occasion ("... ngày 15.7.2022. Ảnh: ...").
    Caption,
    /// A birth date ("sinh ngày 5/4/1967").
    Birth,
    /// A date of the lunar calendar ("ngày 10/3 âm lịch"): the solar one is what is dated.
    Lunar,
    /// A date planned ahead in the body ("kỳ họp dự kiến khai mạc vào ngày 20/5"): the event
    /// only when the text dates nothing else.
    Plan,
    /// An earlier event told as background, in a sentence opening with "Trước đó" or "Hồi"
    /// ("Trước đó, ngày 16/11, HĐND tỉnh đã ..."): never the reported one, though its year
    /// anchors the event's.
    Earlier,
    /// A date inside an interview's or a reader's questions and answers ("Phóng viên: ...",
    /// "Hỏi: ... Trả lời: ..."): what the answer recalls or supposes, not the article's event.
    Exchange,
}

/// The words announcing a date, read backwards from it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Cue {
    ngay: bool,
    /// sáng, chiều, tối, trưa, đêm...
    time_of_day: bool,
    /// nay, qua, hôm ("Sáng nay (11-7)", "tối qua").
    relative: bool,
    /// "qua" (yesterday) rather than "nay".
    yesterday: bool,
    /// The date sits in brackets right after its cue: "Sáng nay (11-7)".
    paren: bool,
    vao: bool,
    tu: bool,
    ke_tu: bool,
    /// A bare day before a connector: "13 đến 16-10-2015", "chiều 16 và sáng 17.10".
    range_start: bool,
}

impl Cue {
    fn any(&self) -> bool {
        self.ngay || self.time_of_day || self.relative
    }
}

#[derive(Debug, Clone, Copy)]
struct Mention {
    raw: Raw,
    role: Role,
    cue: Cue,
    /// The whole expression, cue words included ("Sáng 28-12", "từ 13 đến 16-10-2015").
    span: Span,
}

/// Words naming a day by the publication's, and how many days from it: "hôm nay", "tối qua",
/// "hôm kia", "sáng mai".
const RELATIVE_DAYS: [(&str, i64); 4] = [("nay", 0), ("qua", -1), ("kia", -2), ("mai", 1)];

const TIME_OF_DAY: [&str; 9] = [
    "sáng", "chiều", "tối", "trưa", "đêm", "khuya", "rạng", "sớm", // "Tối muộn 14/10"
    "muộn",
];
const S_EVENT_LEAD: u8 = 100;
const S_PAREN_RELATIVE: u8 = 95;
const S_TIME_OF_DAY: u8 = 80;
const S_VAO_NGAY: u8 = 60;
/// "Hà Nội, 21/9 (TTXVN) -": the day the story was filed, when its lead names no other.
const S_DATELINE: u8 = 90;
const S_NGAY: u8 = 50;
const S_YEAR_ONLY: u8 = 30;

struct Doc<'a> {
    text: &'a str,
    lower: &'a str,
    line_starts: Vec<usize>,
    sentences: &'a [Span],
    /// Per word of [`SEARCHED_WORDS`], once asked for: where it first occurs in `lower`, whole
    /// word or not.
    first_occurrence: [OnceCell<Option<usize>>; SEARCHED_WORDS.len()],
    /// The related-links heading's line, once asked for (each mention's role asks).
    related_heading: OnceCell<Option<usize>>,
    /// Where an exchange of questions and answers starts, once asked for: its line, and
    /// whether a reader asks ("Hỏi:") rather than a reporter.
    exchange: OnceCell<Option<(usize, bool)>>,
}

#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    s: &'a str,
    start: usize,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, lower: &'a str, sentences: &'a [Span]) -> Self {
        // Room for a line per 64 bytes: articles' lines are paragraphs, and growing the vector
        // costs less than a second memchr pass counting them first.
        let mut line_starts = Vec::with_capacity(text.len() / 64 + 8);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Doc {
            text,
            lower,
            line_starts,
            sentences,
            first_occurrence: Default::default(),
            related_heading: OnceCell::new(),
            exchange: OnceCell::new(),
        }
    }

    fn line_of(&self, pos: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= pos)
            .saturating_sub(1)
    }

    fn line_span(&self, idx: usize) -> Span {
        let start = self.line_starts.get(idx).copied().unwrap_or(0);
        let end = self
            .line_starts
            .get(idx + 1)
            .map_or(self.text.len(), |&s| s - 1);
        Span::new(start, end.max(start))
    }

    fn scan(&self) -> Vec<Raw> {
        let mut raws = Vec::new();
        let years = scan_numeric(self.text, &mut raws);
        scan_words(self.text, self.lower, &mut raws);
        scan_english(self.text, &years, &mut raws);
        crate::sort::sort_by_key(&mut raws, |r| r.core.start);
        // Overlaps (an English date seen twice) keep the first.
        let mut out: Vec<Raw> = Vec::with_capacity(raws.len());
        for r in raws {
            if out.last().is_none_or(|p| r.core.start >= p.core.end) {
                out.push(r);
            }
        }
        out
    }

    /// Tokens before `from`, nearest first, within the line and a bounded window.
    fn tokens_back(&self, from: usize, max: usize) -> Vec<Tok<'_>> {
        let line_start = self.line_span(self.line_of(from)).start;
        let floor = floor_boundary(self.lower, from.saturating_sub(120)).max(line_start);
        let s = &self.lower[floor..from];
        let mut toks = Vec::with_capacity(max); // one allocation, not three
        let mut word_end: Option<usize> = None;
        for (i, c) in s.char_indices().rev() {
            if is_alnum(c) {
                if word_end.is_none() {
                    word_end = Some(i + c.len_utf8());
                }
                continue;
            }
            if let Some(e) = word_end.take() {
                let st = i + c.len_utf8();
                toks.push(Tok {
                    s: &s[st..e],
                    start: floor + st,
                });
                if toks.len() >= max {
                    return toks;
                }
            }
            if !c.is_whitespace() {
                toks.push(Tok {
                    s: &s[i..i + c.len_utf8()],
                    start: floor + i,
                });
                if toks.len() >= max {
                    return toks;
                }
            }
        }
        if let Some(e) = word_end {
            toks.push(Tok {
                s: &s[..e],
                start: floor,
            });
        }
        toks
    }

    /// Reads the cue words before a date: returns the cue, where the expression starts and the
    /// day it starts on (a range start).
    fn cue_before(&self, raw: &Raw) -> (Cue, usize, u8) {
        let toks = self.tokens_back(raw.core.start, 10);
        let mut cue = Cue::default();
        let mut start = raw.core.start;
        let mut day = raw.day;
        let mut i = 0;
        // "chiều 16 và sáng 17.10", "từ 13 đến 16-10-2015", "từ ngày 13 đến ngày 16/10".
        {
            let mut j = 0;
            if toks
                .get(j)
                .is_some_and(|t| is_time_of_day(t.s) || t.s == "ngày")
            {
                j += 1;
            }
            // A comma joins two days only right after their cue: "Ngày 22, 23/9".
            let comma_days = || {
                toks.get(j + 2)
                    .is_some_and(|t| t.s == "ngày" || is_time_of_day(t.s))
            };
            let connector = toks.get(j).is_some_and(|t| {
                matches!(t.s, "đến" | "tới" | "và" | "-" | "–") || (t.s == "," && comma_days())
            });
            // (not a date's month: "Từ 8/5 đến 9/5/2023" is a pair of dates)
            let month_of_date = toks
                .get(j + 2)
                .is_some_and(|t| matches!(t.s, "/" | "-" | "." | "–"));
            if connector && !month_of_date {
                if let Some(t) = toks.get(j + 1) {
                    if t.s.len() <= 2 && t.s.bytes().all(|c| c.is_ascii_digit()) {
                        let d1 = t.s.parse::<u8>().unwrap_or(0);
                        if d1 >= 1 && d1 < raw.day {
                            cue.range_start = true;
                            day = d1;
                            start = t.start;
                            i = j + 2;
                        }
                    }
                }
            }
        }
        // "Hôm nay (thứ Bảy, 21/6)": a weekday inside the bracket.
        let mut weekday = false;
        {
            let j = i + usize::from(toks.get(i).is_some_and(|t| t.s == ","));
            let w = weekday_len(&toks, j);
            if w > 0 && toks.get(j + w).is_some_and(|t| t.s == "(") {
                weekday = true;
                i = j + w;
            }
        }
        if toks.get(i).is_some_and(|t| t.s == "(") {
            cue.paren = true;
            start = toks[i].start;
            i += 1;
        }
        while let Some(t) = toks.get(i) {
            // "Sáng thứ Hai (13-4)", "Thứ Sáu, ngày 12/4", "Chiều Chủ nhật, 13/4".
            let w = weekday_len(&toks, i);
            if w > 0 {
                weekday = true;
                start = toks[i + w - 1].start;
                i += w;
                continue;
            }
            match t.s {
                "," if weekday_len(&toks, i + 1) > 0 => {}
                "ngày" => cue.ngay = true,
                "nay" | "hôm" | "mai" | "kia" => cue.relative = true, // "Ngày mai (13/4)"
                // A day named by the lunar calendar, its solar date in brackets: "Sáng mùng 3
                // Tết (12/2)", "Ngày 10/3 âm lịch (18/4)".
                "tết" | "lịch" if cue.paren => {
                    cue.relative = true;
                    start = t.start;
                    break;
                }
                "qua" => {
                    cue.relative = true;
                    cue.yesterday = true;
                }
                "vào" | "trong" => cue.vao = true,
                "từ" => cue.tu = true,
                "kể" if cue.tu => cue.ke_tu = true,
                "," if toks
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.s, "nay" | "qua")) => {}
                s if is_time_of_day(s) => cue.time_of_day = true,
                _ => break,
            }
            start = t.start;
            i += 1;
        }
        if cue.paren && !cue.relative && !cue.ngay && !weekday {
            // A bracket with no cue before it: not part of the expression.
            cue.paren = false;
            if start < raw.core.start && !cue.range_start {
                start = raw.core.start;
            }
        }
        (cue, start, day)
    }

    /// The clause text before `pos` on its line, back to the last sentence end (bounded).
    fn clause_before(&self, pos: usize) -> Option<&str> {
        let line_start = self.line_span(self.line_of(pos)).start;
        let floor = floor_boundary(self.text, pos.saturating_sub(200)).max(line_start);
        let s = &self.text[floor..pos];
        // After the last ". ", "! ", "? " or "… " (the marks are fewer than the spaces: look
        // for them).
        let b = s.as_bytes();
        let spaced = |p: usize| b.get(p + 1) == Some(&b' ');
        let mark = memchr::memrchr3_iter(b'.', b'!', b'?', b).find(|&p| spaced(p));
        let ellipsis = memchr::memrchr_iter(0xA6, b) // the last byte of '…'
            .find(|&p| spaced(p) && b[..=p].ends_with("…".as_bytes()));
        let cut = mark.max(ellipsis).map(|p| p + 2);
        match cut {
            Some(c) => Some(&s[c..]),
            None if floor == line_start => Some(s),
            None => None,
        }
    }

    fn classify(&self, raws: Vec<Raw>) -> Vec<Mention> {
        let mut ms: Vec<Mention> = raws
            .iter()
            .map(|raw| {
                let (cue, start, day) = self.cue_before(raw);
                // A range is dated by its first day.
                let raw = Raw { day, ..*raw };
                let mut end = raw.core.end;
                if cue.paren && self.text[end..].starts_with(')') {
                    end += 1;
                }
                Mention {
                    raw,
                    role: Role::Event(0),
                    cue,
                    span: Span::new(start, end),
                }
            })
            .collect();
        let link_lines = self.link_list_lines(&ms);
        for m in ms.iter_mut() {
            m.role = self.role_of(m, &link_lines);
            if m.role == Role::Event(S_DATELINE) && self.dateline_says_yesterday(m) {
                // The day before, on a calendar of any year (1 March is left alone: it may
                // follow a 29 February).
                let (d, mo) = (m.raw.day, m.raw.month);
                if let Some(prev) = calendar_date(2001, mo, d).and_then(|x| x.previous_day()) {
                    if !(d == 1 && mo == 3) {
                        m.raw.day = prev.day();
                        m.raw.month = u8::from(prev.month());
                    }
                }
            }
        }
        // "BÌNH DƯƠNG, ngày 12/7 – Trong hai ngày 11 và 12/7, ...": a dateline is the day the
        // story was filed; a date in the lead's sentence after it is the event's.
        for k in 0..ms.len() {
            if ms[k].role != Role::Event(S_DATELINE) {
                continue;
            }
            let Some(at) = self.place_dateline_lead(&ms[k]) else {
                continue;
            };
            let end = sentence_at(self.sentences, at).map_or(at, |s| s.end);
            let dated = ms.iter().any(|o| {
                (at..end).contains(&o.span.start) && matches!(o.role, Role::Event(s) if s > 0)
            });
            if dated {
                ms[k].role = Role::Event(1);
            }
        }
        // "Ngày 20/5, Văn phòng UBND tỉnh cho biết, ngày 15/5, UBND tỉnh đã tổ chức ...": the
        // lead dates the report; a date after the reporting verb, in its sentence, the event.
        for k in 0..ms.len() {
            if ms[k].role != Role::Event(S_EVENT_LEAD) {
                continue;
            }
            let Some(sent) = sentence_at(self.sentences, ms[k].span.start) else {
                continue;
            };
            let Some(next) = (k + 1..ms.len()).find(|&n| {
                sent.end > ms[n].span.start
                    && ms[n].cue.ngay
                    && matches!(ms[n].role, Role::Event(s) if s > 0)
            }) else {
                continue;
            };
            let between = &self.lower[ms[k].span.end..ms[next].span.start];
            let verb = between.trim_end().trim_end_matches([',', ':']).trim_end();
            if between.len() < 160 && verb.ends_with("cho biết") {
                ms[k].role = Role::Event(1);
                ms[next].role = Role::Event(S_EVENT_LEAD);
            }
        }
        self.pair_ranges(&mut ms);
        ms
    }

    /// Lines that are part of a related-link list: two or more consecutive lines opening with a
    /// dated entry ("- 14-10-2015Kêu gọi ...") or closing with one in brackets ("- Hội nghị
    /// Tỉnh ủy lần thứ 10 (12/04/2023)").
    fn link_list_lines(&self, ms: &[Mention]) -> Vec<usize> {
        let mut opening: Vec<usize> = ms
            .iter()
            .filter(|m| m.raw.year.is_some())
            .filter_map(|m| {
                let line = self.line_of(m.raw.core.start);
                let ls = self.line_span(line);
                let before = &self.text[ls.start..m.raw.core.start];
                let after = self.text[m.raw.core.end..ls.end].trim();
                let opens = before
                    .trim_matches(|c: char| c.is_whitespace() || "-–•*+·|".contains(c))
                    .is_empty()
                    && !after.is_empty();
                // "Title (12/04/2023)", "Title - 12/04/2023".
                let title = before.trim_end();
                let closes = matches!(after, "" | ")")
                    && (if after.is_empty() {
                        title.ends_with(['-', '–', '|'])
                    } else {
                        title.ends_with('(')
                    })
                    && title.len() > 1
                    && ls.end - ls.start <= 240;
                (opens || closes).then_some(line)
            })
            .collect();
        opening.dedup();
        // `opening` is in text order, so neighbours are found by binary search.
        let has = |l: usize| opening.binary_search(&l).is_ok();
        let mut lines: Vec<usize> = opening
            .iter()
            .copied()
            .filter(|&l| has(l + 1) || (l > 0 && has(l - 1)))
            .collect();
        // The entries under a "Tin liên quan" heading, even one link dated at its end (and a
        // heading with its link on the same line: "Tin liên quan: Hội nghị ... (20/8/2023)"),
        // up to the story's prose where a list heads the page ("Xem thêm:\nSáng 17/10, ...").
        if let Some(heading) = self.related_heading() {
            lines.retain(|&l| l < heading);
            lines.extend(
                super::bylines::related_link_spans(self.text)
                    .iter()
                    .map(|s| self.line_of(s.start)),
            );
        }
        // (in order: the list's lines come after the heading, the others before it)
        lines.dedup();
        lines
    }

    /// The line of the page's related-links heading ("Tin liên quan", "Tin liên quan: ..."), if
    /// any.
    fn related_heading(&self) -> Option<usize> {
        *self.related_heading.get_or_init(|| {
            (0..self.line_starts.len()).find(|&l| {
                let t = self.line_span(l).slice(self.text);
                // (a line that cannot open a heading is none, and holds none before a colon)
                super::bylines::may_open_heading(t)
                    && (super::bylines::is_related_heading(t)
                        || t.split_once(':')
                            .is_some_and(|(h, _)| super::bylines::is_related_heading(h)))
            })
        })
    }

    /// The first line opening with a question's label, "Phóng viên:", "PV:" (an interview) or
    /// "Hỏi:" (a reader's question): the exchange runs from there, and the dates its answers
    /// give are not the article's (the interview's own occasion is told before it).
    fn exchange(&self) -> Option<(usize, bool)> {
        *self.exchange.get_or_init(|| {
            (0..self.line_starts.len()).find_map(|l| {
                // (past spaces and bullets: '-', '*', '–' E2 80 93, '•' E2 80 A2; most lines
                // open with neither label's first letter)
                let line = self.line_span(l).slice(self.lower);
                let k = line.bytes().position(|c| {
                    !matches!(c, b' ' | b'\t' | b'-' | b'*' | 0xE2 | 0x80 | 0x93 | 0xA2)
                })?;
                if !matches!(line.as_bytes()[k], b'p' | b'h') {
                    return None;
                }
                let t = &line[k..];
                let label = ["phóng viên", "pv", "p.v", "hỏi"].iter().find(|w| {
                    t.strip_prefix(**w)
                        .is_some_and(|r| r.trim_start().starts_with(':'))
                })?;
                Some((l, *label == "hỏi"))
            })
        })
    }

    /// Whether the sentence holding `pos` opens with "Trước đó" ("Trước đó, ngày 16/11, ...",
    /// "Trước đó ít ngày, ...") or "Hồi" ("Hồi tháng 7, ..."): it tells an earlier event.
    fn in_earlier_sentence(&self, pos: usize) -> bool {
        let Some(s) = sentence_at(self.sentences, pos) else {
            return false;
        };
        let t = self.lower[s.start..pos]
            .trim_start_matches(|c: char| c.is_whitespace() || "-–•*(".contains(c));
        // ("Hồi 8 giờ ngày 5/4" is a time of day: only "Hồi tháng 7", "Hồi đầu năm"...)
        if let Some(r) = t.strip_prefix("hồi ") {
            return ["tháng", "đầu", "giữa", "cuối", "năm", "tuần"]
                .iter()
                .any(|w| r.strip_prefix(w).is_some_and(|x| !x.starts_with(is_alnum)));
        }
        t.strip_prefix("trước đó")
            .is_some_and(|r| !r.starts_with(is_alnum))
    }

    fn role_of(&self, m: &Mention, link_lines: &[usize]) -> Role {
        let raw = &m.raw;
        let in_links = raw.glued
            || link_lines
                .binary_search(&self.line_of(raw.core.start))
                .is_ok();
        if raw.english || self.is_stamp(raw) {
            // A link's date, not the page's: "12/04/2023 - Hội nghị Tỉnh ủy lần thứ 10" under
            // "Tin khác" reads as a dateline, but a link list's entries carry their titles.
            // (a bare date line under the heading is a link's too)
            let under_heading = || {
                self.related_heading()
                    .is_some_and(|h| h < self.line_of(raw.core.start))
            };
            if in_links && (!self.stamp_words_only(raw) || under_heading()) {
                return Role::LinkList;
            }
            return Role::Stamp;
        }
        if in_links {
            return Role::LinkList;
        }
        if self
            .exchange()
            .is_some_and(|(line, _)| self.line_of(raw.core.start) >= line)
        {
            return Role::Exchange;
        }
        let after = self.lower
            [raw.core.end..floor_boundary(self.lower, (raw.core.end + 16).min(self.lower.len()))]
            .trim_start_matches([' ', '(']);
        if after.starts_with("âm lịch") {
            return Role::Lunar;
        }
        if self.is_caption(raw) {
            return Role::Caption;
        }
        let clause = self.clause_before(m.span.start);
        let lead = clause.is_some_and(is_lead_prefix);
        let before_lower = {
            let ls = self.line_span(self.line_of(m.span.start)).start;
            let from = floor_boundary(self.lower, m.span.start.saturating_sub(80)).max(ls);
            &self.lower[from..m.span.start]
        };
        let btrim = before_lower.trim_end();
        // "Ngày sinh: 12/3/1972", "Năm sinh: 1972".
        if ends_with_word(btrim.trim_end_matches([':', ' ']), "sinh") {
            return Role::Birth;
        }
        if m.cue.ngay {
            if let Some(ngay) = self.ngay_start(m) {
                if self.is_document_ref(ngay) {
                    return Role::Document;
                }
                let pre = self.lower[..ngay].trim_end();
                if pre.ends_with("sinh") {
                    return Role::Birth;
                }
                if !lead
                    && ["trước", "sau", "đến", "tới", "hạn", "hết"]
                        .iter()
                        .any(|w| ends_with_word(pre, w))
                {
                    return Role::Effective;
                }
            }
        }
        if m.cue.ke_tu
            || btrim.ends_with("hiệu lực")
            || btrim.ends_with("hiệu lực thi hành")
            || (m.cue.tu && !lead && !m.cue.range_start && raw.range_end_day.is_none())
        {
            return Role::Effective;
        }
        if raw.year.is_none() && self.is_place_dateline(m) {
            return Role::Event(S_DATELINE);
        }
        if !lead {
            // A supposed date: "nếu ... có hiệu lực từ ngày 15/9/2021 thì sau ngày 15/9/2022".
            if let Some(c) = clause {
                let low = &self.lower[m.span.start - c.len()..m.span.start];
                if contains_word(low, "nếu") {
                    return Role::Effective;
                }
            }
            // "Trước đó, ngày 16/11, HĐND tỉnh đã ...": background.
            if self.in_earlier_sentence(m.span.start) {
                return Role::Earlier;
            }
            // "dự kiến" a few words before, in the same clause.
            let from = m.span.start - clause.map_or(0, str::len);
            let from = ceil_boundary(self.lower, from.max(m.span.start.saturating_sub(40)));
            if self.lower[from..m.span.start].contains("dự kiến") {
                return Role::Plan;
            }
        }
        let followed_by_comma = self.text[raw.core.end..].starts_with([',', ')']);
        let score = if lead && (m.cue.any() || raw.year.is_some() || followed_by_comma) {
            S_EVENT_LEAD
        } else if m.cue.paren && m.cue.relative {
            S_PAREN_RELATIVE
        } else if m.cue.time_of_day || m.cue.relative {
            S_TIME_OF_DAY
        } else if m.cue.ngay && m.cue.vao {
            S_VAO_NGAY
        } else if m.cue.ngay || (m.cue.tu && (m.cue.range_start || raw.range_end_day.is_some())) {
            // "từ 22 - 24/9": a range of days is a date by its form.
            S_NGAY
        } else if raw.year.is_some() {
            S_YEAR_ONLY
        } else {
            0
        };
        Role::Event(score)
    }

    /// Where the "ngày" of the cue chain starts.
    fn ngay_start(&self, m: &Mention) -> Option<usize> {
        let s = &self.lower[m.span.start..m.raw.core.start];
        // (`rfind` on a few words: from the last 'n' back, without building a searcher)
        memchr::memrchr_iter(b'n', s.as_bytes())
            .find(|&i| s[i..].starts_with("ngày"))
            .map(|i| m.span.start + i)
    }

    /// "<document> [số] <number> ngày": the date of a document.
    fn is_document_ref(&self, ngay: usize) -> bool {
        let ls = self.line_span(self.line_of(ngay)).start;
        // (a dateline's date is no document's number: "Hà Nội, 6/6 – Ngày 5/6, ...")
        if ngay > ls && is_lead_prefix(&self.text[ls..ngay]) {
            return false;
        }
        let from = floor_boundary(self.text, ngay.saturating_sub(90)).max(ls);
        let orig = &self.text[from..ngay];
        let low = &self.lower[from..ngay];
        let chunks: Vec<(usize, &str)> = chunk_offsets(orig);
        let mut k = chunks.len();
        let mut doc_number = false;
        let mut stripped = 0;
        while k > 0 && stripped < 4 {
            let c = chunks[k - 1].1.trim_matches(|c: char| ",;:()".contains(c));
            let has_digit = c.bytes().any(|b| b.is_ascii_digit());
            let upper_code = c.chars().any(char::is_uppercase)
                && (c.contains('/') || (has_digit && c.contains('-')))
                && !c.chars().any(char::is_lowercase);
            if upper_code || (has_digit && c.contains('/')) {
                doc_number = true;
            } else if !(has_digit || c == "-" || c == "–") {
                break;
            }
            k -= 1;
            stripped += 1;
        }
        if doc_number {
            return true;
        }
        if k > 0 && chunks[k - 1].1 == "số" {
            k -= 1;
        }
        let end = chunks.get(k).map_or(low.len(), |c| c.0);
        let head = low[..end].trim_end_matches(|c: char| c.is_whitespace() || ",:;".contains(c));
        documents().iter().any(|d| ends_with_word(head, d))
    }

    /// A full date next to a clock time ("05/12/2019 19:39", "04:35 15/03/2016") or alone on
    /// its line with at most a weekday ("Thứ Năm, 27/04/2017").
    fn is_stamp(&self, raw: &Raw) -> bool {
        if raw.year.is_none() {
            return false;
        }
        let b = self.text.as_bytes();
        // After: skip separators, then hh:mm.
        let mut k = raw.core.end;
        let mut skipped = 0;
        while k < b.len() && skipped < 4 && b" \t,|-(".contains(&b[k]) {
            k += 1;
            skipped += 1;
        }
        if clock_at(b, k) {
            return true;
        }
        let mut k = raw.core.start;
        let mut skipped = 0;
        while k > 0 && skipped < 4 && b" \t,|-)".contains(&b[k - 1]) {
            k -= 1;
            skipped += 1;
        }
        if clock_ending_at(b, k) {
            return true;
        }
        let line = self.line_span(self.line_of(raw.core.start));
        if self.is_dateline(raw, line) {
            return true;
        }
        if line.end - line.start > 120 {
            return false;
        }
        self.stamp_words_only(raw)
    }

    /// Whether the date's line holds nothing but stamp words and numbers.
    fn stamp_words_only(&self, raw: &Raw) -> bool {
        let line = self.line_span(self.line_of(raw.core.start));
        // The words of the line before and after the date (no copy joining the two); a site's
        // name before the posting words is no part of the stamp ("BÁO ĐỒNG NAI - Cập nhật lúc
        // 21:10, Thứ Hai, 02/12/2024").
        let before = &self.lower[line.start..raw.core.start];
        let before = ["cập nhật", "đăng"]
            .iter()
            .filter_map(|w| before.rfind(w))
            .max()
            .map_or(before, |i| &before[i..]);
        [before, &self.lower[raw.core.end..line.end]]
            .iter()
            .flat_map(|part| part.split(|c: char| !is_alnum(c)))
            .filter(|w| !w.is_empty())
            .all(|w| STAMP_WORDS.contains(&w) || w.bytes().all(|c| c.is_ascii_digit()))
    }

    /// A dateline opening a paragraph: "06/4/2025 - Trong 2 ngày 5 và 6-4, ...", "(TTXVN)
    /// 12-3-2024 – Sáng nay ...": the day the page was written, not necessarily the event's.
    fn is_dateline(&self, raw: &Raw, line: Span) -> bool {
        let before = self.text[line.start..raw.core.start].trim();
        // Nothing before it on the line but a source tag: "(TTXVN)", "VOV.VN", "HNP".
        let tag_only = before.is_empty()
            || (before.len() <= 24
                && before
                    .split_whitespace()
                    .all(|w| w.chars().all(|c| !c.is_lowercase())));
        let after = self.text[raw.core.end..line.end].trim_start_matches([' ', '\t']);
        let Some(rest) = after
            .strip_prefix('-')
            .or_else(|| after.strip_prefix('–'))
            .or_else(|| after.strip_prefix('—'))
        else {
            return false;
        };
        // A clause follows the dash, not a second date ("06/4/2025 - 08/4/2025" is a range).
        tag_only
            && rest.starts_with(' ')
            && rest
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// A news agency's dateline: "Hà Nội, 21/9 (TTXVN) - ...", "Đà Nẵng, 13/4 – Chiều nay, ...":
    /// the place and the day the story was filed, opening its line.
    fn is_place_dateline(&self, m: &Mention) -> bool {
        self.place_dateline_lead(m).is_some()
    }

    /// Where the lead after a place dateline starts (past its dash), if `m` is one.
    fn place_dateline_lead(&self, m: &Mention) -> Option<usize> {
        let line = self.line_span(self.line_of(m.raw.core.start));
        let before = &self.text[line.start..m.span.start];
        // (a paper's own: "HÀ NỘI, ngày 6/6 – Chiều 5/6, ...")
        let before = before.strip_suffix("ngày ").unwrap_or(before);
        let place = before.strip_suffix(", ")?;
        if !is_place_name(place) {
            return None;
        }
        let after = &self.text[m.span.end..line.end];
        let after = after.trim_start_matches(' ');
        // An agency tag in brackets may come before the dash.
        let after = match after.strip_prefix('(') {
            Some(rest) => match rest.split_once(')') {
                Some((tag, rest)) if tag.len() <= 24 && !tag.chars().any(char::is_lowercase) => {
                    rest.trim_start_matches(' ')
                }
                _ => return None,
            },
            None => after,
        };
        let rest = ["-", "–", "—"]
            .iter()
            .find_map(|d| after.strip_prefix(d).filter(|r| r.starts_with(' ')))?;
        Some(line.end - rest.len() + 1)
    }

    /// "Hà Nội, 21/9 (TTXVN) - Chiều qua, ...": the story was filed the day after the event.
    fn dateline_says_yesterday(&self, m: &Mention) -> bool {
        let Some(at) = self.place_dateline_lead(m) else {
            return false;
        };
        let lead = &self.lower[at..floor_boundary(self.lower, (at + 16).min(self.lower.len()))];
        ["hôm", "sáng", "trưa", "chiều", "tối", "đêm"]
            .iter()
            .any(|w| lead.strip_prefix(w).is_some_and(|r| r.starts_with(" qua")))
    }

    fn is_caption(&self, raw: &Raw) -> bool {
        let line = self.line_span(self.line_of(raw.core.start));
        // A caption's credit comes within a short way of its date.
        let end = floor_boundary(self.lower, line.end.min(raw.core.end + 160));
        let after = &self.lower[raw.core.end..end.max(raw.core.end)];
        // "ảnh:", "ảnh :", "(ảnh".
        let credit = cached_finder("ảnh").is_some_and(|f| {
            f.find_iter(after.as_bytes()).any(|i| {
                let rest = &after[i + "ảnh".len()..];
                rest.starts_with(':') || rest.starts_with(" :") || after[..i].ends_with('(')
            })
        });
        credit || (end == line.end && after.trim_end().ends_with('|'))
    }

    /// Ranges and periods written as two dates: "từ ngày A đến ngày B", "(A - B)".
    fn pair_ranges(&self, ms: &mut [Mention]) {
        for k in 1..ms.len() {
            let (a, b) = (ms[k - 1], ms[k]);
            // The second date's cue words may reach back into the first ("28-12–28-12" reads
            // "12–" as a range start): no text lies between them, so they are no pair.
            if b.span.start < a.raw.core.end {
                continue;
            }
            // "Hà Nội, 6/6 – Chiều 5/6, ...": a dateline's dash opens the lead, not a range.
            if self.is_place_dateline(&a) {
                continue;
            }
            let between = self.lower[a.raw.core.end..b.span.start].trim();
            let between = between.trim_end_matches("ngày").trim();
            if !matches!(between, "-" | "–" | "—" | "đến" | "tới" | "") {
                continue;
            }
            if between.is_empty() && a.raw.core.end != b.span.start {
                // Two dates side by side with only spaces: not a pair.
                if !self.text[a.raw.core.end..b.span.start].trim().is_empty() {
                    continue;
                }
            }
            // A pair is written on one line: a stamp line ("Ngày xuất bản: 12/04/2024") and the
            // lead under it ("Chiều 11/4, ...") are two dates.
            if memchr::memchr(b'\n', &self.text.as_bytes()[a.raw.core.end..b.span.start]).is_some()
            {
                continue;
            }
            let opens = self.text[..a.span.start].trim_end().ends_with('(');
            let closes = self.text[b.raw.core.end..].trim_start().starts_with(')');
            if let (Some(ya), Some(yb)) = (a.raw.year, b.raw.year) {
                if opens && closes && yb > ya {
                    ms[k - 1].role = Role::Anniversary;
                    ms[k].role = Role::Anniversary;
                    continue;
                }
            }
            // "từ 29/12 đến 1/1/2024": the range starts the year before its end's
            let ya = match (a.raw.year, b.raw.year) {
                (None, Some(y)) if a.raw.month > b.raw.month => y - 1,
                _ => a.raw.year.or(b.raw.year).unwrap_or(2000),
            };
            let yb = b.raw.year.unwrap_or(ya);
            let (Some(da), Some(db)) = (
                calendar_date(ya, a.raw.month, a.raw.day),
                calendar_date(yb, b.raw.month, b.raw.day),
            ) else {
                continue;
            };
            let mut span = db.to_julian_day() - da.to_julian_day();
            if span < 0 && b.raw.year.is_none() {
                span += 365;
            }
            let both_events = |r: Role| matches!(r, Role::Event(_) | Role::Effective);
            if !both_events(a.role) || !both_events(b.role) {
                continue;
            }
            if !(0..=14).contains(&span) {
                ms[k - 1].role = Role::Period;
                ms[k].role = if span <= 366 {
                    Role::PeriodEnd
                } else {
                    Role::Period
                };
            } else {
                // A short range: its start is the event, whatever the "từ" made of it.
                // (so is a bare "Từ 8/5 đến 9/5/2023", which no cue scored)
                if a.role == Role::Effective || a.role == Role::Event(0) && a.cue.tu {
                    ms[k - 1].role = Role::Event(S_YEAR_ONLY.max(S_NGAY));
                }
                ms[k].role = Role::RangeEnd;
            }
        }
    }

    fn evidence(&self, mention: Span) -> Evidence {
        let sentence = sentence_at(self.sentences, mention.start)
            .unwrap_or_else(|| self.line_span(self.line_of(mention.start)));
        Evidence { mention, sentence }
    }

    // -----------------------------------------------------------------------------------------
    // Step 3: the year.

    /// Publication dates, strongest first: the page stamp, the date the user gave, the URL.
    fn publications(&self, ms: &[Mention], ctx: &Context) -> Vec<Publication> {
        let mut out = Vec::new();
        if let Some(m) = ms.iter().find(|m| m.role == Role::Stamp) {
            if let Some(d) = m
                .raw
                .year
                .and_then(|y| calendar_date(y, m.raw.month, m.raw.day))
            {
                out.push(Publication {
                    first: d,
                    last: d,
                    exact: true,
                    source: YearSource::PageStamp,
                    evidence: Some(m.raw.core),
                });
            }
        }
        if let Some(p) = ctx.published.as_deref().and_then(parse_published) {
            out.push(p);
        }
        if let Some(p) = ctx.url.as_deref().and_then(url_date) {
            out.push(p);
        }
        // A pasted URL is weaker evidence: looked for only when nothing above is known.
        if out.is_empty() {
            out.extend(self.pasted_url());
        }
        out
    }

    /// The page's own address pasted into the text, on a line of its own, bare or after a
    /// source label ("https://baotinh.vn/2024/03/12/...", "Nguồn: https://..."): read as the URL
    /// given with the text is, when there is none. Links under a related-links heading, in a bullet or
    /// beside other URL lines are other articles; URL lines that disagree say nothing.
    fn pasted_url(&self) -> Option<Publication> {
        static SCHEME: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
        let finder = SCHEME.get_or_init(|| memchr::memmem::Finder::new("://"));
        let has_url = |l: usize| finder.find(self.line_span(l).slice(self.text).as_bytes());
        let mut found: Option<Publication> = None;
        let mut last_line = None;
        for at in finder.find_iter(self.text.as_bytes()) {
            let line = self.line_of(at);
            if last_line == Some(line) || self.related_heading().is_some_and(|h| line >= h) {
                continue;
            }
            last_line = Some(line);
            let ls = self.line_span(line);
            let Some(url) = source_url_in_line(ls.slice(self.text)) else {
                continue;
            };
            // The nearest non-blank lines either side.
            let blank = |l: &usize| self.line_span(*l).slice(self.text).trim().is_empty();
            let prev = (0..line).rev().find(|l| !blank(l));
            let next = (line + 1..self.line_starts.len()).find(|l| !blank(l));
            if prev.into_iter().chain(next).any(|l| has_url(l).is_some()) {
                continue;
            }
            let Some(mut p) = url_date(url.slice(ls.slice(self.text))) else {
                continue;
            };
            p.evidence = Some(Span::new(ls.start + url.start, ls.start + url.end));
            match found {
                Some(f) if (f.first, f.last) != (p.first, p.last) => return None,
                Some(_) => {}
                None => found = Some(p),
            }
        }
        found
    }

    /// No date in the text: the publication date itself, the day before for "tối qua".
    fn publication_fallback(&self, ms: &[Mention], pubs: &[Publication]) -> Option<EventDate> {
        let p = pubs.iter().find(|p| p.exact)?;
        let relative = self.relative_day();
        let shift = relative.map_or(0, |(_, shift)| shift);
        let day = p.last.checked_add(time::Duration::days(shift))?;
        let mention = relative.map(|(span, _)| span).or(p.evidence).or_else(|| {
            ms.iter()
                .find(|m| m.role == Role::Stamp)
                .map(|m| m.raw.core)
        });
        Some(EventDate {
            iso: iso(day),
            year_source: p.source,
            evidence: mention.map(|m| self.evidence(m)),
        })
    }

    /// A lead opening with "Sáng nay", "Hôm nay", "Tối qua"... and no date after it, before
    /// `limit`: the publication's day (or the day before), when a publication day is known.
    fn undated_relative_lead(&self, limit: usize, pubs: &[Publication]) -> Option<EventDate> {
        let p = pubs.iter().find(|p| p.exact)?;
        let limit = floor_boundary(self.lower, limit.min(1500));
        for (word, shift) in RELATIVE_DAYS {
            for at in word_occurrences(self.lower, 0, limit, word) {
                let Some(start) = self.relative_cue_start(at, word) else {
                    continue;
                };
                let end = at + word.len();
                // "Sáng nay (11/7)", "Sáng nay 21/6", "Sáng nay, ngày 23-9": dated after all.
                let after = self.lower[end..].trim_start_matches([' ', ',', '(']);
                if after.starts_with(|c: char| c.is_ascii_digit()) || after.starts_with("ngày") {
                    continue;
                }
                if !self.clause_before(start).is_some_and(is_lead_prefix) {
                    continue;
                }
                return Some(EventDate {
                    iso: iso(p.last.checked_add(time::Duration::days(shift))?),
                    year_source: p.source,
                    evidence: Some(self.evidence(Span::new(start, end))),
                });
            }
        }
        self.undated_weekday_lead(limit, pubs)
    }

    /// "Sáng thứ Bảy, Ban Thường vụ Tỉnh ủy ...", with no date: the last such weekday on or
    /// before the publication's day (a story tells what has happened).
    fn undated_weekday_lead(&self, limit: usize, pubs: &[Publication]) -> Option<EventDate> {
        let p = pubs.iter().find(|p| p.exact)?;
        let limit = floor_boundary(self.lower, limit.min(1500));
        const DAYS: [(&str, Weekday); 7] = [
            ("thứ hai", Weekday::Monday),
            ("thứ ba", Weekday::Tuesday),
            ("thứ tư", Weekday::Wednesday),
            ("thứ năm", Weekday::Thursday),
            ("thứ sáu", Weekday::Friday),
            ("thứ bảy", Weekday::Saturday),
            ("chủ nhật", Weekday::Sunday),
        ];
        for (name, weekday) in DAYS {
            let first = name.split(' ').next().unwrap_or(name);
            for at in word_occurrences(self.lower, 0, limit, first) {
                let Some(rest) = self.lower[at..].strip_prefix(name) else {
                    continue;
                };
                if rest.starts_with(char::is_alphanumeric) {
                    continue;
                }
                let end = at + name.len();
                // dated after all: "thứ Bảy (12/4)", "thứ Bảy, ngày 12/4"
                let after = rest.trim_start_matches([' ', ',', '(']);
                if after.starts_with(|c: char| c.is_ascii_digit()) || after.starts_with("ngày") {
                    continue;
                }
                let before = self.lower[..at].trim_end();
                let start = ["sáng", "chiều", "tối", "trưa", "đêm", "ngày", "hôm"]
                    .iter()
                    .find(|w| ends_with_word(before, w))
                    .map_or(at, |w| before.len() - w.len());
                if !self.clause_before(start).is_some_and(is_lead_prefix) {
                    continue;
                }
                let mut day = p.last;
                for _ in 0..6 {
                    if day.weekday() == weekday {
                        break;
                    }
                    day = day.previous_day()?;
                }
                return Some(EventDate {
                    iso: iso(day),
                    year_source: p.source,
                    evidence: Some(self.evidence(Span::new(start, end))),
                });
            }
        }
        None
    }

    /// "hôm nay" (the day), "tối qua", "hôm qua", "chiều qua" (the day before), "hôm kia" (two
    /// days before), "sáng mai", "ngày mai" (the day after) in the opening paragraphs, the first
    /// said: its words and the days it counts from the publication's.
    fn relative_day(&self) -> Option<(Span, i64)> {
        let limit = floor_boundary(self.lower, 1500);
        let mut best: Option<(Span, i64)> = None;
        // ("Hôm nay, ... sáng mai": the first said counts)
        for (word, shift) in RELATIVE_DAYS {
            for at in word_occurrences(self.lower, 0, limit, word) {
                if best.is_some_and(|(b, _)| b.start < at) {
                    break;
                }
                if let Some(start) = self.relative_cue_start(at, word) {
                    best = Some((Span::new(start, at + word.len()), shift));
                    break;
                }
            }
        }
        best
    }

    /// Where the words naming a day relative to the publication's start, for `word` ("nay",
    /// "qua", "kia", "mai", see [`RELATIVE_DAYS`]) at `at`: "hôm nay", "sáng qua", "hôm kia",
    /// "ngày mai" (not "ngày nay", nowadays; "kia" only after "hôm"; "mai" not after it).
    fn relative_cue_start(&self, at: usize, word: &str) -> Option<usize> {
        let before = self.lower[..at].trim_end();
        let w = ["hôm", "sáng", "chiều", "tối", "trưa", "đêm", "ngày"]
            .into_iter()
            .find(|w| ends_with_word(before, w))?;
        let fits = match word {
            "kia" => w == "hôm",
            "mai" => w != "hôm",
            _ => w != "ngày",
        };
        fits.then(|| before.len() - w.len())
    }

    /// The story's first line: the first to end a sentence (or too long for a headline), above
    /// the related links and any exchange of questions, after the headline, the site's menus
    /// and stamps.
    fn lead_line(&self) -> Option<usize> {
        let end = self
            .related_heading()
            .into_iter()
            .chain(self.exchange().map(|(l, _)| l))
            .min()
            .unwrap_or(self.line_starts.len());
        (0..end).find(|&l| {
            let t = self.line_span(l).slice(self.text).trim_end();
            t.ends_with(['.', '!', '?', '…']) || t.len() > 200
        })
    }

    /// A time expression opening the lead (its line given) that names no day of the solar
    /// calendar: "Cuối tuần qua", "Đầu tháng 3", "Dịp Tết", "Chiều 30 Tết Giáp Thìn" (after an
    /// agency's tag or dateline).
    fn lead_time(&self, lead_line: usize) -> Option<LeadTime> {
        let ls = self.line_span(lead_line);
        let line = ls.slice(self.lower);
        // Where the lead's words may start: the line's start, or past a tag's dash or colon
        // ('-', ':', '–' and '—', the last two E2 80 93 and E2 80 94).
        let b = line.as_bytes();
        let head = &b[..b.len().min(64)];
        let tag_ends = memchr::memchr3_iter(b'-', b':', 0xE2, head).filter_map(|i| match b[i] {
            0xE2 => (b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93 | 0x94)))
                .then_some(i + 3),
            _ => Some(i + 1),
        });
        let starts = std::iter::once(0)
            .chain(tag_ends.filter(|&i| is_lead_prefix(&self.text[ls.start..ls.start + i])));
        for at in starts {
            let rest = line[at..].trim_start();
            let start = ls.start + (line.len() - rest.len());
            if let Some((len, kind)) = lead_time_words(rest) {
                let span = Span::new(start, start + len);
                let sentence_end = sentence_at(self.sentences, start).map_or(ls.end, |s| s.end);
                return Some(LeadTime {
                    span,
                    sentence_end,
                    kind,
                });
            }
        }
        None
    }

    /// The year from what the article says about itself.
    fn content_year(&self, event: &Mention, ms: &[Mention]) -> Option<i32> {
        let (day, month) = (event.raw.day, event.raw.month);
        let ok = |y: i32| calendar_date(y, month, day).is_some();
        let sentence = self.evidence(event.span).sentence;
        let head = self.line_span(0);
        let near = [sentence, head];
        // 1. The event's own sentence and the headline; the event named with its year in the
        // lead (a headline also names what is coming: "Lễ hội ... năm 2024 sẽ có nhiều điểm mới").
        for (k, region) in near.into_iter().enumerate() {
            let found = self
                .clues_in(region, month, true)
                .or_else(|| (k == 0).then(|| self.event_phrase_year(region)).flatten());
            if let Some(y) = found.filter(|&y| ok(y)) {
                return Some(y);
            }
        }
        // 2. A full date written close to the event.
        if let Some(y) = self.anchor_year(event, ms).filter(|&y| ok(y)) {
            return Some(y);
        }
        // 3. Anywhere else above the related links: their titles are other articles' ("Tin
        // liên quan\n- Sở Nội vụ tổng kết năm 2024").
        let end = self
            .related_heading()
            .map_or(self.text.len(), |h| self.line_span(h).start);
        self.clues_in(Span::new(0, end), month, false)
            .filter(|&y| ok(y))
    }

    /// Year clues in `region`, in order of trust.
    fn clues_in(&self, region: Span, month: u8, own_sentence: bool) -> Option<i32> {
        self.anniversary_year(region, month)
            .or_else(|| self.tet_year(region, month))
            .or_else(|| self.new_year_year(region, month))
            .or_else(|| self.congress_year(region, month, own_sentence))
            .or_else(|| {
                own_sentence
                    .then(|| self.first_session_year(region, month))
                    .flatten()
            })
            .or_else(|| self.election_year(region, month))
            .or_else(|| self.working_month_year(region, month))
            .or_else(|| self.quarter_year(region, month))
            .or_else(|| self.school_year(region, month))
            .or_else(|| self.plan_year(region, month))
            .or_else(|| self.running_months_year(region, month))
    }

    /// The year that puts the event closest to a full date written elsewhere in the text (at
    /// most five months away; a cited document must come before the event).
    fn anchor_year(&self, event: &Mention, ms: &[Mention]) -> Option<i32> {
        const WINDOW: i32 = 150;
        let mut best: Option<(i32, i32)> = None;
        for m in ms {
            if std::ptr::eq(m, event) || m.raw.core == event.raw.core {
                continue;
            }
            // (a short period's end is an anchor: "từ ngày 1/1 đến ngày 30/11/2024" counts up
            // to the event, like "tính đến ngày 30/11/2024")
            if matches!(
                m.role,
                Role::Stamp | Role::LinkList | Role::Period | Role::Anniversary | Role::Birth
            ) {
                continue;
            }
            let Some(y) = m.raw.year else { continue };
            let Some(anchor) = calendar_date(y, m.raw.month, m.raw.day) else {
                continue;
            };
            for cy in [y - 1, y, y + 1] {
                let Some(d) = calendar_date(cy, event.raw.month, event.raw.day) else {
                    continue;
                };
                let gap = d.to_julian_day() - anchor.to_julian_day();
                if matches!(m.role, Role::Document | Role::PeriodEnd) && gap < 0 {
                    continue;
                }
                if gap.abs() <= WINDOW && best.is_none_or(|(g, _)| gap.abs() < g) {
                    best = Some((gap.abs(), cy));
                }
            }
        }
        best.map(|(_, y)| y)
    }

    fn region_lower(&self, region: Span) -> (usize, &str) {
        let s = floor_boundary(self.lower, region.start);
        let e = floor_boundary(self.lower, region.end.max(s));
        (s, &self.lower[s..e])
    }

    /// `word_occurrences(low, 0, low.len(), word)` for `low`, the region's lowercase text (a
    /// word at its edges is whole there). The year clues read the event's sentence, the
    /// headline, then the whole text, and most of their words are in none: where each first
    /// occurs in the text is found once, and a region that ends before it is not searched.
    fn occurrences_in(&self, region: Span, word: &str) -> (&str, Vec<usize>) {
        let (s, low) = self.region_lower(region);
        let first = SEARCHED_WORDS.iter().position(|w| *w == word).map(|k| {
            *self.first_occurrence[k]
                .get_or_init(|| cached_finder(word).and_then(|f| f.find(self.lower.as_bytes())))
        });
        if first.is_some_and(|p| p.is_none_or(|p| p + word.len() > s + low.len())) {
            return (low, Vec::new());
        }
        (low, word_occurrences(low, 0, low.len(), word))
    }

    /// "kỷ niệm 88 năm Ngày thành lập Đảng", "(18/11/1930 - 18/11/2018)", "(1930 - 2020)";
    /// "chào mừng 58 năm Ngày truyền thống (3/3/1959 - 3/3/2017)": an event marking an
    /// anniversary is held in its year, near its day. A bracket ending on a full date gives the
    /// year that puts the event within six months of that day (a December event greeting a
    /// February anniversary is held the year before it).
    fn anniversary_year(&self, region: Span, month: u8) -> Option<i32> {
        for cue in ["kỷ niệm", "chào mừng"] {
            let (low, found) = self.occurrences_in(region, cue);
            for at in found {
                let window_end = ceil_boundary(low, (at + 160).min(low.len()));
                let w = &low[at..window_end];
                let w = w.split(['\n']).next().unwrap_or(w);
                let rest = w[cue.len()..].trim_start();
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let occasion = rest[digits..].trim_start().strip_prefix("năm");
                // "chào mừng" greets many things ("chào mừng Đại hội ... nhiệm kỳ 2020 - 2025"):
                // only "chào mừng N năm ..." is an anniversary.
                if cue == "chào mừng" && (digits == 0 || occasion.is_none()) {
                    continue;
                }
                // Bracket with the anniversary year last.
                if let Some(y) = anniversary_bracket(w, month) {
                    return Some(y);
                }
                // "kỷ niệm 88 năm <occasion>".
                if let (Ok(n), Some(occasion)) = (rest[..digits].parse::<i32>(), occasion) {
                    let occasion = occasion.trim_start();
                    for (phrase, founded) in anniversaries() {
                        if occasion.starts_with(phrase.as_str()) {
                            return Some(founded + n);
                        }
                    }
                }
            }
        }
        None
    }

    /// "Tết cổ truyền Mậu Tuất 2018", "Xuân Giáp Thìn 2024": January-March in that year,
    /// October-December the year before.
    fn tet_year(&self, region: Span, month: u8) -> Option<i32> {
        for word in ["tết", "xuân"] {
            let (low, found) = self.occurrences_in(region, word);
            for at in found {
                let end = ceil_boundary(low, (at + 48).min(low.len()));
                let w = &low[at..end];
                let w = w.split(['\n', '.', ';']).next().unwrap_or(w);
                // ("Tết Giáp Thìn", "Xuân Ất Tỵ": the lunar year by its name)
                let named = || can_chi_year(w);
                if let Some(y) = (0..w.len()).find_map(|i| year_at(w, i)).or_else(named) {
                    return Some(if month >= 10 { y - 1 } else { y });
                }
            }
        }
        None
    }

    /// "chào năm mới 2025", "chúc mừng năm mới 2026": New Year events fall in the last weeks of
    /// the year before or the first weeks of that year; any other month says nothing.
    fn new_year_year(&self, region: Span, month: u8) -> Option<i32> {
        let (low, found) = self.occurrences_in(region, "năm mới");
        for at in found {
            let after = &low[at + "năm mới".len()..];
            let Some(rest) = after.strip_prefix(' ') else {
                continue;
            };
            let Some(y) = year_at(rest, 0) else { continue };
            return match month {
                11 | 12 => Some(y - 1),
                1 | 2 => Some(y),
                _ => None,
            };
        }
        None
    }

    /// "Đại hội ... nhiệm kỳ 2020-2025" is held in 2020. The congress itself and what comes
    /// right after it ("sau Đại hội", "vừa được Đại hội ... bầu") fall in that year; a meeting
    /// implementing its resolution falls in it only late in the year.
    fn congress_year(&self, region: Span, month: u8, own_sentence: bool) -> Option<i32> {
        let (low, found) = self.occurrences_in(region, "đại hội");
        for at in found {
            let Some(start) = term_after(low, at, 260) else {
                continue;
            };
            let pre_from = floor_boundary(low, at.saturating_sub(24));
            let pre = &low[pre_from..at];
            let relation = if ["nghị quyết", "văn kiện", "nq "]
                .iter()
                .any(|w| pre.contains(w))
            {
                Relation::Resolution
            } else if ["sau ", "vừa được", "vừa qua", "kết quả"]
                .iter()
                .any(|w| pre.contains(w))
            {
                Relation::After
            } else if ["chuẩn bị", "tiến tới", "hướng tới", "trước thềm"]
                .iter()
                .any(|w| pre.contains(w))
            {
                Relation::Before
            } else if own_sentence {
                Relation::Direct
            } else {
                Relation::Mention
            };
            let late = month >= 10;
            match relation {
                Relation::Direct | Relation::After => return Some(start),
                Relation::Resolution | Relation::Mention if late => return Some(start),
                _ => {}
            }
        }
        None
    }

    /// "HĐND tỉnh khóa XV, nhiệm kỳ 2021-2026 khai mạc kỳ họp thứ nhất": a council's or the
    /// Assembly's first session follows the general election, from March to July of the term's
    /// first year. Told in the event's sentence only (a later text recalls it), and not of a
    /// body founded within the term ("HĐND xã ... khóa I, nhiệm kỳ 2021 - 2026", a new
    /// commune's first session in 2025).
    fn first_session_year(&self, region: Span, month: u8) -> Option<i32> {
        if !(3..=7).contains(&month) {
            return None;
        }
        let (low, found) = self.occurrences_in(region, "kỳ họp");
        for at in found {
            let rest = &low[at + "kỳ họp".len()..];
            let first = ["thứ nhất", "đầu tiên", "thứ 1"].iter().any(|w| {
                rest.strip_prefix(' ')
                    .and_then(|r| r.strip_prefix(w))
                    .is_some_and(|r| !r.starts_with(is_alnum))
            });
            if !first {
                continue;
            }
            let council = ["hđnd", "hội đồng nhân dân", "quốc hội"]
                .iter()
                .any(|w| contains_word(low, w));
            let founded = ["khóa i", "khoá i"].iter().any(|w| contains_word(low, w));
            if !council || founded {
                return None;
            }
            return term_after(low, 0, low.len());
        }
        None
    }

    /// "Trong 10 tháng năm 2022, kim ngạch ... đạt ...", "6 tháng đầu năm 2023": running
    /// figures are reported in their year, in the month after the months they count or the
    /// next (or at the end of the last one).
    fn running_months_year(&self, region: Span, month: u8) -> Option<i32> {
        let (low, found) = self.occurrences_in(region, "tháng");
        let mut best = None;
        for at in found {
            let before = low[..at].trim_end_matches(' ');
            let n = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            if n == 0 || n > 2 {
                continue;
            }
            // (a count, not a day: "ngày 3 tháng ...", "5/10 tháng")
            let head = &before[..before.len() - n];
            if head.ends_with(is_alnum)
                || head.ends_with(['/', '.', '-', ','])
                || ends_with_word(head.trim_end(), "ngày")
            {
                continue;
            }
            let Some(count) = before[before.len() - n..]
                .parse::<u8>()
                .ok()
                .filter(|c| (1..=11).contains(c))
            else {
                continue;
            };
            let rest = &low[at + "tháng".len()..];
            let rest = rest.strip_prefix(" đầu").unwrap_or(rest);
            let Some(y) = rest.strip_prefix(" năm ").and_then(|r| year_at(r, 0)) else {
                continue;
            };
            if (count..=count + 2).contains(&month) && best.is_none_or(|b| y > b) {
                best = Some(y);
            }
        }
        best
    }

    /// "bầu cử đại biểu Quốc hội khóa XV và HĐND các cấp nhiệm kỳ 2021-2026": held in the spring
    /// of 2021; prepared from the autumn before.
    fn election_year(&self, region: Span, month: u8) -> Option<i32> {
        for word in ["bầu cử", "ứng cử"] {
            let (low, found) = self.occurrences_in(region, word);
            for at in found {
                let year = term_after(low, at, 200).or_else(|| assembly_election_after(low, at));
                if let Some(y) = year {
                    return Some(if month >= 9 { y - 1 } else { y });
                }
            }
        }
        None
    }

    /// "phiên họp thường kỳ tháng 9/2023" in October, "triển khai nhiệm vụ tháng 5/2024" in April:
    /// the working month names its year, and a meeting about it falls within a month of it.
    fn working_month_year(&self, region: Span, month: u8) -> Option<i32> {
        let (_, low) = self.region_lower(region);
        for at in word_occurrences(low, 0, low.len(), "tháng") {
            let Some(rest) = low[at + "tháng".len()..].strip_prefix(' ') else {
                continue;
            };
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let Some(m) = rest[..digits]
                .parse::<u8>()
                .ok()
                .filter(|m| (1..=12).contains(m))
            else {
                continue;
            };
            let after = &rest[digits..];
            let Some(y) = after
                .strip_prefix('/')
                .or_else(|| after.strip_prefix(" năm "))
                .and_then(|ys| year_at(ys, 0))
            else {
                continue;
            };
            let pre = &low[floor_boundary(low, at.saturating_sub(40))..at];
            // Months apart on the calendar, across a new year: December's meeting in January.
            let apart = (i32::from(month) - i32::from(m)).rem_euclid(12);
            if !WORKING_MONTH_WORDS.iter().any(|w| pre.contains(w)) {
                if let Some(y) = meeting_month_year(pre, m, y, month) {
                    return Some(y);
                }
                continue;
            }
            return match apart {
                0 | 1 => Some(if month < m { y + 1 } else { y }),
                11 => Some(if month > m { y - 1 } else { y }),
                _ => None,
            };
        }
        None
    }

    /// "sơ kết quý I/2024" in April, "nhiệm vụ quý IV/2023" in January, "triển khai nhiệm vụ
    /// quý IV năm 2025" in October: a meeting about a quarter falls within it or a month either
    /// side.
    fn quarter_year(&self, region: Span, month: u8) -> Option<i32> {
        let (low, found) = self.occurrences_in(region, "quý");
        for at in found {
            let Some(rest) = low[at + "quý".len()..].strip_prefix(' ') else {
                continue;
            };
            let numeral = rest
                .bytes()
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
            let Some(q) = parse_ordinal_token(&rest[..numeral]).filter(|q| (1..=4).contains(q))
            else {
                continue;
            };
            // "quý I/2024", "quý IV năm 2025".
            let after = &rest[numeral..];
            let Some(y) = after
                .strip_prefix('/')
                .or_else(|| after.strip_prefix(" năm "))
                .and_then(|ys| year_at(ys, 0))
            else {
                continue;
            };
            let first = 3 * q as i32 - 2;
            return match (i32::from(month) - first).rem_euclid(12) {
                0..=3 => Some(if i32::from(month) < first { y + 1 } else { y }),
                11 => Some(if i32::from(month) > first { y - 1 } else { y }),
                _ => None,
            };
        }
        None
    }

    /// "khai giảng năm học 2023 - 2024": a school year starts in August or September and ends
    /// in May or June.
    fn school_year(&self, region: Span, month: u8) -> Option<i32> {
        let (_, low) = self.region_lower(region);
        for at in word_occurrences(low, 0, low.len(), "năm") {
            let Some(rest) = low[at + "năm".len()..].strip_prefix(" học ") else {
                continue;
            };
            let rest = rest.strip_prefix("mới ").unwrap_or(rest);
            let Some(first) = year_at(rest, 0) else {
                continue;
            };
            let second = rest[4..]
                .trim_start_matches([' ', '-', '–'])
                .get(..4)
                .and_then(|ys| year_at(ys, 0));
            if second != Some(first + 1) {
                continue;
            }
            return Some(if month >= 8 { first } else { first + 1 });
        }
        None
    }

    /// The working year under review or planned: "tổng kết công tác năm 2021, phương hướng,
    /// nhiệm vụ năm 2022" in December → 2021; "triển khai nhiệm vụ năm 2023" in January → 2023.
    fn plan_year(&self, region: Span, month: u8) -> Option<i32> {
        let (low, found) = self.occurrences_in(region, "năm");
        // (year, count, review, every mention looks ahead)
        let mut years: Vec<(i32, usize, bool, bool)> = Vec::new();
        for at in found {
            let ys = at + "năm".len() + 1;
            if low.as_bytes().get(ys - 1) != Some(&b' ') {
                continue;
            }
            let Some(y) = year_at(low, ys) else { continue };
            let tail = low[ys + 4..].trim_start();
            if tail.starts_with(['-', '–'])
                && tail[1..]
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())
            {
                continue; // "năm 2016-2017": a span, not a working year.
            }
            let pre = &low[floor_boundary(low, at.saturating_sub(60))..at];
            // (within its own sentence: "Kế hoạch giai đoạn 2021 - 2025. Ông Nam sinh năm 1975")
            let pre = match pre.rfind(". ").max(pre.rfind('\n')) {
                Some(k) => &pre[k + 1..],
                None => pre,
            };
            // "mục tiêu, nhiệm vụ đến năm 2030", "từ năm 2021 đến nay": a horizon or a start,
            // not the working year; "sinh năm 1975", a birth.
            if ["đến", "tới", "trước", "từ", "sau", "sinh"]
                .iter()
                .any(|w| ends_with_word(pre.trim_end(), w))
            {
                continue;
            }
            let plan = PLAN_WORDS.iter().any(|w| pre.contains(w));
            if !plan {
                continue;
            }
            let review = REVIEW_WORDS.iter().any(|w| pre.contains(w));
            let ahead =
                !review && !names_year_end(pre) && AHEAD_WORDS.iter().any(|w| pre.contains(w));
            match years.iter_mut().find(|e| e.0 == y) {
                Some(e) => {
                    e.1 += 1;
                    e.2 |= review;
                    e.3 &= ahead;
                }
                None => years.push((y, 1, review, ahead)),
            }
        }
        if years.is_empty() {
            return None;
        }
        crate::sort::sort_by(&mut years, |a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        let top = years[0];
        // This year's review beside next year's plan.
        if let Some(pair) = years.iter().find(|e| (e.0 - top.0).abs() == 1) {
            let first = top.0.min(pair.0);
            return Some(if month >= 7 { first } else { first + 1 });
        }
        if top.2 && month <= 2 && !years.iter().any(|e| !e.2) {
            // Only a review, early in the year: the year just ended.
            return Some(top.0 + 1);
        }
        if top.3 && month >= 10 && years.iter().all(|e| e.3) {
            // Only a plan, late in the year ("thông qua Nghị quyết về phương hướng, nhiệm vụ năm
            // 2026" in December): next year's.
            return Some(top.0 - 1);
        }
        Some(top.0)
    }

    /// "tổ chức Ngày hội Biên phòng toàn dân năm 2017", "lễ giao nhận quân năm 2025", "phát
    /// động Tháng Công nhân năm 2022": the event named in the lead with its year. The year
    /// must close an event's noun phrase: nothing in the clause may tie it to an award or title
    /// given for a past year, a review or plan, a comparison or a period, nor say the event is
    /// still to come (the `block`, `before` and `after` words of `dates_event_phrases.tsv`);
    /// "tháng 6 năm 2021", "quý II năm 2024" are read by their own rules.
    fn event_phrase_year(&self, region: Span) -> Option<i32> {
        const CLAUSE_END: &[u8] = b".;:()\n!?";
        let (low, found) = self.occurrences_in(region, "năm");
        let (offset, _) = self.region_lower(region);
        let lex = event_phrases();
        for at in found {
            let ys = at + "năm".len() + 1;
            if low.as_bytes().get(ys - 1) != Some(&b' ') {
                continue;
            }
            let Some(y) = year_at(low, ys) else { continue };
            // The clause before the year, up to 160 bytes.
            let from = floor_boundary(low, at.saturating_sub(160));
            let clause_start = low.as_bytes()[from..at]
                .iter()
                .rposition(|b| CLAUSE_END.contains(b))
                .map_or(from, |k| from + k + 1);
            let t = low[clause_start..at].trim_end();
            let named = lex.named.iter().any(|w| {
                t.match_indices(w.as_str()).any(|(k, _)| {
                    // Capitalised in the text and followed by a word, not a number.
                    let orig = offset + clause_start + k;
                    word_at(t, k, w)
                        && self
                            .text
                            .as_bytes()
                            .get(orig)
                            .is_some_and(u8::is_ascii_uppercase)
                        && t[k + w.len()..]
                            .strip_prefix(' ')
                            .is_some_and(|r| r.starts_with(|c: char| c.is_alphabetic()))
                })
            });
            if !named && !lex.nouns.iter().any(|w| contains_word(t, w)) {
                continue;
            }
            let last = t.rsplit(' ').next().unwrap_or(t);
            let second = t[..t.len() - last.len()].trim_end();
            if last.starts_with(|c: char| c.is_ascii_digit())
                || ends_with_word(second, "quý")
                || lex.before.iter().any(|w| ends_with_word(t, w))
                || lex.block.iter().any(|w| contains_word(t, w))
            {
                continue;
            }
            // The clause after the year, up to 100 bytes.
            let rest = &low[ys + 4..ceil_boundary(low, (ys + 104).min(low.len()))];
            let rest = rest
                .bytes()
                .position(|b| CLAUSE_END.contains(&b))
                .map_or(rest, |k| &rest[..k]);
            if rest.trim_start().starts_with(['-', '–'])
                || lex.after.iter().any(|w| contains_word(rest, w))
            {
                continue; // "năm 2016-2017": a span; "... năm 2024 sẽ diễn ra": still to come.
            }
            return Some(y);
        }
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Relation {
    /// The sentence is about the congress itself.
    Direct,
    /// Right after it: "sau Đại hội", "vừa được Đại hội ... bầu".
    After,
    /// Preparing it: no single year.
    Before,
    /// Implementing its resolution.
    Resolution,
    /// Mentioned elsewhere in the text.
    Mention,
}

/// Words before "năm YYYY" that make it a working year.
const PLAN_WORDS: [&str; 21] = [
    "nhiệm vụ",
    // A council's regular session and the yearly drills of the armed forces are held in the
    // year they name: "kỳ họp thường lệ cuối năm 2024", "diễn tập khu vực phòng thủ năm 2023".
    "thường lệ",
    "diễn tập",
    "hội thao",
    "hội thi",
    "huấn luyện",
    "phương hướng",
    "kế hoạch",
    "tổng kết",
    "sơ kết",
    "dự toán",
    "mục tiêu",
    "chỉ tiêu",
    "công tác",
    "kinh tế - xã hội",
    "kinh tế-xã hội",
    "ngân sách",
    "quý",
    "tháng đầu",
    "cả năm",
    "thực hiện nghị quyết",
];

/// Words before "tháng M/YYYY" that make it a working month.
const WORKING_MONTH_WORDS: [&str; 5] =
    ["thường kỳ", "giao ban", "nhiệm vụ", "công tác", "kế hoạch"];

/// Plan words that look ahead to the year they name.
const AHEAD_WORDS: [&str; 4] = [
    "phương hướng",
    "dự toán",
    "triển khai",
    // "thông qua Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2025" in December.
    "kế hoạch phát triển",
];

/// Plan words that look back on the year.
const REVIEW_WORDS: [&str; 4] = ["tổng kết", "sơ kết", "kết quả", "đánh giá"];

/// Words a page stamp line may hold besides its numbers.
const STAMP_WORDS: [&str; 30] = [
    "thứ",
    "hai",
    "ba",
    "tư",
    "năm",
    "sáu",
    "bảy",
    "chủ",
    "nhật",
    "ngày",
    "cập",
    "đăng",
    "lúc",
    "gmt",
    "am",
    "pm",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "giờ",
    "h",
    "updated",
    // "Ngày xuất bản: 12/04/2024", "Ngày đăng: 12/4/2024 | Lượt xem: 235".
    "xuất",
    "bản",
    "lượt",
    "xem",
];

/// The URL ending `line`, when the line holds it alone or after a source label ("Nguồn:",
/// "Theo", "Link bài gốc:"), as a span of the line.
fn source_url_in_line(line: &str) -> Option<Span> {
    const LABELS: [&str; 6] = ["nguồn", "theo", "link", "đường dẫn", "source", "url"];
    let t = line.trim_end();
    let start = t.find("http")?;
    let rest = &t[start..];
    if !(rest.starts_with("http://") || rest.starts_with("https://"))
        || rest.contains(char::is_whitespace)
    {
        return None;
    }
    let before = t[..start].trim().trim_start_matches('(');
    let label = before.trim_end_matches([':', ' ']).to_lowercase();
    // "Nguồn: ...", "Link bài gốc: ...", "Nguồn ...": a label of a few words, its colon
    // written unless it is the label word alone.
    let labelled = LABELS.iter().any(|w| {
        label
            .strip_prefix(w)
            .is_some_and(|r| r.is_empty() || (r.starts_with(' ') && before.ends_with(':')))
    }) && label.split_whitespace().count() <= 4;
    if !(label.is_empty() || labelled) {
        return None;
    }
    let end = start + rest.trim_end_matches([')', '.', ',', ';']).len();
    Some(Span::new(start, end))
}

/// "Trước đó, tại kỳ họp tháng 9/2025, ...": a meeting dated by its month and year, `pre`
/// being the words before "tháng". Told only when it is the event's month or the month before
/// (an event following it up), and the month is the meeting's, not the start or end of a span
/// ("từ tháng 9/2024", "trước tháng 10/2025").
///
/// "(sẽ kiện toàn chi ủy) trong tháng 6/2021": work done within the event's own month names
/// the year the event is in.
fn meeting_month_year(pre: &str, m: u8, y: i32, month: u8) -> Option<i32> {
    const MEETINGS: [&str; 4] = ["kỳ họp", "phiên họp", "cuộc họp", "buổi họp"];
    let t = pre.trim_end();
    if ends_with_word(t, "trong") {
        return (m == month && !t.contains("so với")).then_some(y);
    }
    if !MEETINGS.iter().any(|w| t.contains(w))
        || ["từ", "đến", "tới", "trước", "sau"]
            .iter()
            .any(|w| ends_with_word(t, w))
    {
        return None;
    }
    match (i32::from(month) - i32::from(m)).rem_euclid(12) {
        0 => Some(y),
        1 => Some(if month < m { y + 1 } else { y }),
        _ => None,
    }
}

/// Whether `pre`, the words before "năm YYYY", ends naming the end of that year: "(những
/// tháng) cuối", "quý IV". A plan for the rest of the year is made within it ("triển khai
/// nhiệm vụ những tháng cuối năm 2025" in October), not the year before.
fn names_year_end(pre: &str) -> bool {
    let t = pre.trim_end();
    ["cuối", "quý iv", "quý 4"]
        .iter()
        .any(|w| ends_with_word(t, w))
}

/// The anniversary year of the first bracket in `w` ("(3/2/1930 - 3/2/2020)", "(1930 -
/// 2020)"): its last year, when it is later than its first. When that year ends a full date,
/// the year putting `month` within six months of that date's month.
fn anniversary_bracket(w: &str, month: u8) -> Option<i32> {
    let inner = &w[w.find('(')? + 1..];
    let close = inner.find(')')?;
    let years: Vec<usize> = (0..close)
        .filter(|&i| year_at(inner, i).is_some())
        .collect();
    let (a, b) = (
        year_at(inner, *years.first()?)?,
        year_at(inner, *years.last()?)?,
    );
    if b <= a {
        return None;
    }
    // "3/2/2020", "3-2-2020", "3.2.2020": the month before the year's separator.
    let before = &inner.as_bytes()[..*years.last()?];
    let day_month = match before {
        [.., d1, s1, m1, s2] if s1 == s2 && b"/-.".contains(s1) && d1.is_ascii_digit() => {
            m1.is_ascii_digit().then(|| u32::from(m1 - b'0'))
        }
        [.., s1, m1, m2, s2] if s1 == s2 && b"/-.".contains(s1) => (m1.is_ascii_digit()
            && m2.is_ascii_digit())
        .then(|| u32::from(m1 - b'0') * 10 + u32::from(m2 - b'0')),
        _ => None,
    };
    let Some(m) = day_month.filter(|m| (1..=12).contains(m)) else {
        return Some(b);
    };
    let apart = i32::from(month) - m as i32;
    Some(match apart {
        7.. => b - 1,
        ..=-7 => b + 1,
        _ => b,
    })
}

/// Does the lowercase text `w` have a level's abbreviation ("tx", "tp", "h", "q", "tt") just
/// before its byte `dot`?
fn level_abbreviation_before(w: &str, dot: usize) -> bool {
    let word_start = w[..dot].rfind(' ').map_or(0, |k| k + 1);
    matches!(&w[word_start..dot], "tx" | "tp" | "h" | "q" | "tt")
}

/// "nhiệm kỳ 2020 - 2025" within `max` bytes after `at`, on the same sentence: its first year.
fn term_after(low: &str, at: usize, max: usize) -> Option<i32> {
    let end = ceil_boundary(low, (at + max).min(low.len()));
    let w = &low[at..end];
    let w = match memchr::memchr2(b'\n', b';', w.as_bytes()) {
        Some(i) => &w[..i],
        None => w,
    };
    // (a sentence ends at ". ", not after a level's abbreviation: "Đoàn TNCS Hồ Chí Minh TX.
    // Hương Thủy lần thứ XI, nhiệm kỳ 2017 - 2022")
    let w = match memchr::memchr_iter(b'.', w.as_bytes())
        .find(|&i| w[i + 1..].starts_with(' ') && !level_abbreviation_before(w, i))
    {
        Some(i) => &w[..i],
        None => w,
    };
    let finder = cached_finder("nhiệm kỳ")?;
    for i in finder.find_iter(w.as_bytes()) {
        let rest = &w[i + "nhiệm kỳ".len()..];
        let t = rest.trim_start();
        let off = w.len() - t.len();
        let a = year_at(w, off)?;
        let after = t[4..].trim_start();
        let after = after.trim_start_matches(['-', '–', '—']).trim_start();
        let boff = w.len() - after.len();
        let b = year_at(w, boff)?;
        if (3..=5).contains(&(b - a)) {
            return Some(a);
        }
    }
    None
}

/// "bầu cử đại biểu Quốc hội khóa XV": the year that assembly was elected.
fn assembly_election_after(low: &str, at: usize) -> Option<i32> {
    let end = ceil_boundary(low, (at + 120).min(low.len()));
    let w = &low[at..end];
    for kw in ["khóa ", "khoá "] {
        if let Some(i) = w.find(kw) {
            let pre = &w[..i];
            if !(pre.contains("quốc hội") || pre.contains("đbqh") || pre.contains("qh")) {
                continue;
            }
            let roman: String = w[i + kw.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let k = parse_ordinal_token(&roman)?;
            return match k {
                10 => Some(1997),
                11 => Some(2002),
                12 => Some(2007),
                k if k >= 13 => Some(2011 + 5 * (k as i32 - 13)),
                _ => None,
            };
        }
    }
    None
}

/// "XVIII" → 18, "13" → 13.
pub(crate) fn parse_ordinal_token(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok().filter(|&n| n > 0 && n < 1000);
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_uppercase() {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

fn is_time_of_day(s: &str) -> bool {
    TIME_OF_DAY.contains(&s)
}

/// How many tokens (read backwards from `toks[i]`) name a weekday: "thứ Hai", "thứ 2", "Chủ
/// nhật" take two, anything else none.
fn weekday_len(toks: &[Tok], i: usize) -> usize {
    let (Some(a), Some(b)) = (toks.get(i), toks.get(i + 1)) else {
        return 0;
    };
    let named = b.s == "thứ"
        && matches!(
            a.s,
            "hai" | "ba" | "tư" | "năm" | "sáu" | "bảy" | "2" | "3" | "4" | "5" | "6" | "7"
        );
    if named || (b.s == "chủ" && a.s == "nhật") {
        2
    } else {
        0
    }
}

/// Whether `hay` ends with `word` as a whole word.
#[inline(always)] // callers try word lists: most words fail on their last byte, with no call
pub(crate) fn ends_with_word(hay: &str, word: &str) -> bool {
    let last = |s: &str| s.as_bytes().last().copied();
    (word.is_empty() || last(hay) == last(word)) && ends_with_whole(hay, word)
}

/// [`ends_with_word`] past its first test.
#[inline(never)]
fn ends_with_whole(hay: &str, word: &str) -> bool {
    hay.ends_with(word)
        && !hay[..hay.len() - word.len()]
            .chars()
            .next_back()
            .is_some_and(is_alnum)
}

/// Whitespace-separated chunks of `s` with their byte offsets.
fn chunk_offsets(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// The opening of a lead before its date: nothing, or an agency tag and a dash ("(TTV)-",
/// "NDO -", "- ", "HÀ NỘI -").
fn is_lead_prefix(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() {
        return true;
    }
    if t.chars().count() > 40 {
        return false;
    }
    let ends = ['-', '–', '—', ':', '|', '•'];
    if !t.ends_with(ends) {
        return false;
    }
    let body = t.trim_end_matches(|c: char| ends.contains(&c) || c.is_whitespace());
    body.is_empty()
        || (body.starts_with('(') && body.ends_with(')'))
        || !body.chars().any(char::is_lowercase)
        || is_place_dateline_text(body)
        // A site's name: "VTV.vn -", "Baophapluat.vn -".
        || (body.contains('.') && !body.contains(char::is_whitespace))
}

/// "Hà Nội, 21/9 (TTXVN)", "Đà Nẵng, 13/4": an agency's dateline before the dash of a lead.
fn is_place_dateline_text(s: &str) -> bool {
    let Some((place, rest)) = s.split_once(", ") else {
        return false;
    };
    let rest = match rest.split_once(" (") {
        Some((date, tag)) => {
            if !tag.ends_with(')') || tag.chars().any(char::is_lowercase) {
                return false;
            }
            date
        }
        None => rest,
    };
    // (a paper's own: "HÀ NỘI, ngày 6/6")
    let rest = rest.strip_prefix("ngày ").unwrap_or(rest);
    is_place_name(place)
        && (3..=10).contains(&rest.len())
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && rest
            .bytes()
            .all(|c| c.is_ascii_digit() || b"/.-".contains(&c))
}

/// The year of a lunar year named by its stem and branch ("giáp thìn" = 2024), within
/// 1984–2043 (the sixty-year cycle that opened with Giáp Tý in 1984), from the first such
/// pair of words in `w` (lowercase).
fn can_chi_year(w: &str) -> Option<i32> {
    const STEMS: [&str; 10] = [
        "canh", "tân", "nhâm", "quý", "giáp", "ất", "bính", "đinh", "mậu", "kỷ",
    ];
    const BRANCHES: [&str; 12] = [
        "thân", "dậu", "tuất", "hợi", "tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi",
    ];
    // (words end at ASCII that is no letter: Vietnamese letters past ASCII are all letters here)
    let words: Vec<&str> = w
        .split(|c: char| c.is_ascii() && !c.is_ascii_alphabetic())
        .filter(|x| !x.is_empty())
        .collect();
    words.windows(2).find_map(|p| {
        let stem = match p[0] {
            "kỉ" => 9,
            "quí" => 3,
            s => STEMS.iter().position(|&x| x == s)?,
        };
        let branch = match p[1] {
            "tí" => 4,
            "mẹo" => 7,
            "tị" => 9,
            b => BRANCHES.iter().position(|&x| x == b)?,
        };
        // (the year's last digit names its stem, its remainder by 12 its branch)
        (1984..2044).find(|y| y % 10 == stem as i32 && y % 12 == branch as i32)
    })
}

/// One to five words, each opening with a capital: "Hà Nội", "TP Hồ Chí Minh", "New York".
fn is_place_name(s: &str) -> bool {
    let words = s.split(' ').count();
    s.len() <= 40
        && (1..=5).contains(&words)
        && s.split(' ')
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn clock_at(b: &[u8], k: usize) -> bool {
    let h = digit_run(b, k);
    (1..=2).contains(&h)
        && matches!(b.get(k + h), Some(b':' | b'h'))
        && digit_run(b, k + h + 1) == 2
}

fn clock_ending_at(b: &[u8], k: usize) -> bool {
    if k < 4 {
        return false;
    }
    let m2 = b[k - 2..k].iter().all(u8::is_ascii_digit);
    if !m2 || !matches!(b[k - 3], b':' | b'h') {
        return false;
    }
    let hstart = k - 3;
    let h = b[..hstart]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (1..=2).contains(&h)
}

/// A lead's time with no solar day ([`Doc::lead_time`]).
#[derive(Debug, Clone, Copy)]
struct LeadTime {
    span: Span,
    sentence_end: usize,
    kind: LeadKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LeadKind {
    /// A week, part of a month or year, a season: no day at all.
    Dayless,
    /// A day of Tết by the lunar calendar: the lunar month (1 or 12) and day.
    Lunar(u8, u8),
}

impl LeadTime {
    /// Whether `e` dates the lead's own sentence, right after the expression or with a time
    /// of day ("Sáng mùng 3 Tết (12/2), ...", "Dịp Tết, chiều 2-2, ...").
    fn dated_by(&self, e: &Mention) -> bool {
        (self.span.start..self.sentence_end).contains(&e.span.start)
            && (e.span.start <= self.span.end + 24
                || matches!(e.role, Role::Event(s) if s >= S_TIME_OF_DAY))
    }

    /// The event's date: none for a day the calendar cannot tell; for a day of Tết, the solar
    /// day of the Tết the text names ("30 Tết Giáp Thìn", "mùng 2 Tết Nguyên đán 2024") or,
    /// failing that, of the Tết nearest the publication.
    fn event_date(&self, doc: &Doc, pubs: &[Publication]) -> Option<EventDate> {
        let LeadKind::Lunar(month, day) = self.kind else {
            return None;
        };
        // The Tết's name right after the word: "Tết Giáp Thìn", "Tết Nguyên đán 2024" (not a
        // year named otherwise: "30 Tết năm Quý Mão" may count the old year).
        let end = ceil_boundary(doc.lower, (self.span.end + 40).min(doc.lower.len()));
        let after = &doc.lower[self.span.end..end];
        let after = ["nguyên đán", "cổ truyền"]
            .iter()
            .find_map(|w| after.trim_start().strip_prefix(w))
            .unwrap_or(after);
        let name: Vec<&str> = after.split(' ').filter(|w| !w.is_empty()).take(2).collect();
        let named = year_at(name.first().copied().unwrap_or(""), 0)
            .or_else(|| can_chi_year(&name.join(" ")));
        let (date, source) = match named {
            Some(y) => (tet_day(y, month, day)?, YearSource::Content),
            None => {
                let p = pubs.iter().find(|p| p.exact)?;
                let y0 = p.last.year();
                let d = [y0 - 1, y0, y0 + 1]
                    .into_iter()
                    .filter_map(|y| tet_day(y, month, day))
                    .min_by_key(|d| (d.to_julian_day() - p.last.to_julian_day()).abs())
                    .filter(|d| (d.to_julian_day() - p.last.to_julian_day()).abs() <= 45)?;
                (d, p.source)
            }
        };
        Some(EventDate {
            iso: iso(date),
            year_source: source,
            evidence: Some(doc.evidence(self.span)),
        })
    }
}

/// The time expression opening `r` (lowercase), if it names no solar day: its length and
/// kind. A time of day and "vào", "trong", "hồi", "ngày" may come before it.
fn lead_time_words(r: &str) -> Option<(usize, LeadKind)> {
    const DAYLESS: [&str; 27] = [
        "thời gian qua",
        "thời gian gần đây",
        "thời gian vừa qua",
        "hai ngày qua",
        "ba ngày qua",
        "mấy ngày qua",
        "các ngày qua",
        "những tháng qua",
        "cuối tuần",
        "tuần qua",
        "tuần trước",
        "tuần này",
        "những ngày qua",
        "đầu tháng",
        "giữa tháng",
        "cuối tháng",
        "trong tháng",
        "tháng trước",
        "tháng qua",
        "đầu năm",
        "giữa năm",
        "cuối năm",
        "dịp tết",
        "những ngày tết",
        "đêm giao thừa",
        "giao thừa",
        "tháng chạp",
    ];
    let mut t = r;
    // ("Vào chiều 30 Tết", "Sáng ngày mùng 2 Tết")
    for _ in 0..3 {
        let Some((w, rest)) = t.split_once(' ') else {
            break;
        };
        if !(is_time_of_day(w) || matches!(w, "vào" | "trong" | "hồi" | "ngày")) {
            break;
        }
        t = rest.trim_start();
    }
    let len = |rest: &str| r.len() - rest.len();
    let whole = |rest: &str| !rest.starts_with(is_alnum);
    // (most leads are dated: "Sáng 12/3")
    if !t.starts_with(|c: char| c.is_ascii_digit()) {
        for w in DAYLESS {
            if let Some(rest) = t.strip_prefix(w).filter(|x| whole(x)) {
                return Some((len(rest), LeadKind::Dayless));
            }
        }
    }
    // "Tháng 3/2024, ...".
    if let Some(rest) = t.strip_prefix("tháng ") {
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            let n = rest.bytes().take_while(u8::is_ascii_digit).count();
            return Some((len(&rest[n..]), LeadKind::Dayless));
        }
    }
    // "mùng 2 Tết", "30 Tết", "23 tháng Chạp".
    let t = ["mùng ", "mồng "]
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .unwrap_or(t);
    let n = t.bytes().take_while(u8::is_ascii_digit).count();
    let day: u8 = t[..n].parse().ok()?;
    let rest = t[n..].strip_prefix(' ')?;
    if let Some(rest) = rest.strip_prefix("tháng chạp").filter(|x| whole(x)) {
        return Some((len(rest), LeadKind::Dayless));
    }
    let rest = rest.strip_prefix("tết").filter(|x| whole(x))?;
    let kind = match day {
        1..=10 => LeadKind::Lunar(1, day),
        20..=30 => LeadKind::Lunar(12, day),
        _ => return None,
    };
    Some((len(rest), kind))
}

/// Tết (the first day of the lunar year) of 2000–2036 by the Vietnamese calendar (UTC+7):
/// its solar month and day, and the length of the lunar month before it (tháng Chạp).
const TET: [(u8, u8, u8); 37] = [
    (2, 5, 29),
    (1, 24, 29),
    (2, 12, 30),
    (2, 1, 29),
    (1, 22, 30),
    (2, 9, 30),
    (1, 29, 29),
    (2, 17, 29),
    (2, 7, 30),
    (1, 26, 30),
    (2, 14, 30),
    (2, 3, 30),
    (1, 23, 29),
    (2, 10, 29),
    (1, 31, 30),
    (2, 19, 30),
    (2, 8, 29),
    (1, 28, 30),
    (2, 16, 30),
    (2, 5, 30),
    (1, 25, 30),
    (2, 12, 30),
    (2, 1, 29),
    (1, 22, 30),
    (2, 10, 30),
    (1, 29, 29),
    (2, 17, 29),
    (2, 6, 29),
    (1, 26, 29),
    (2, 13, 29),
    (2, 2, 29),
    (1, 23, 29),
    (2, 11, 29),
    (1, 31, 30),
    (2, 19, 30),
    (2, 8, 30),
    (1, 28, 30),
];

/// The solar day of lunar `month` (1 or 12) and `day` around the Tết of `year`: "mùng 2" of
/// month 1 is Tết's next day; day N of tháng Chạp counts back from Tết, and "30 Tết" in a
/// month of 29 days is its last day, as the press writes it.
fn tet_day(year: i32, month: u8, day: u8) -> Option<Date> {
    let &(m, d, len) = TET.get(usize::try_from(year - 2000).ok()?)?;
    let tet = calendar_date(year, m, d)?.to_julian_day();
    let jd = if month == 1 {
        tet + i32::from(day) - 1
    } else {
        tet - i32::from(len - day.min(len)) - 1
    };
    Date::from_julian_day(jd).ok()
}

/// The strongest event candidate; the earliest among equals. With none, a photo caption that
/// dates its scene ("Quang cảnh phiên họp sáng 12/4. Ảnh: ..."): the story's own occasion
/// when the text dates nothing else.
fn best_event(ms: &[Mention]) -> Option<&Mention> {
    let mut best: Option<(&Mention, u8)> = None;
    for m in ms {
        let Role::Event(s) = m.role else { continue };
        if s > 0 && best.is_none_or(|(_, bs)| s > bs) {
            best = Some((m, s));
        }
    }
    best.map(|(m, _)| m)
        .or_else(|| {
            ms.iter()
                .find(|m| m.role == Role::Caption && m.raw.year.is_none() && m.cue.any())
        })
        .or_else(|| ms.iter().find(|m| m.role == Role::Plan))
}

/// With no event candidate, a document that is itself the news: "Thủ tướng vừa ký Quyết định
/// số 456/QĐ-TTg ngày 12/4/2024 ...", in the clause that says it was just signed or issued.
fn document_news<'m>(doc: &Doc, ms: &'m [Mention]) -> Option<&'m Mention> {
    let m = ms
        .iter()
        .find(|m| m.role == Role::Document && m.raw.year.is_some())?;
    let clause = doc.clause_before(m.span.start)?;
    let low = &doc.lower[m.span.start - clause.len()..m.span.start];
    // (signed or issued: "vừa tổ chức hội nghị quán triệt Nghị quyết số 18-NQ/TW ngày
    // 25/10/2017" cites an old one)
    let said = |w: &str| !word_occurrences(low, 0, low.len(), w).is_empty();
    let issued = ["ký", "ban hành", "phê duyệt", "phê chuẩn", "ra"]
        .iter()
        .any(|w| said(w));
    (said("vừa") && issued).then_some(m)
}

// ---------------------------------------------------------------------------------------------
// Publication dates.

/// A publication date or month, and where it came from.
#[derive(Debug, Clone, Copy)]
struct Publication {
    first: Date,
    last: Date,
    /// A day is known, not only a month.
    exact: bool,
    source: YearSource,
    evidence: Option<Span>,
}

impl Publication {
    /// The year that puts day/month shortly before publication (up to eleven months before, a
    /// month after for an event announced ahead).
    fn year_for(&self, day: u8, month: u8) -> Option<i32> {
        let lo = self.first.to_julian_day() - 334;
        let hi = self.last.to_julian_day() + 31;
        let mut best: Option<(i32, i32)> = None;
        let y0 = self.last.year();
        for y in [y0 + 1, y0, y0 - 1] {
            let Some(d) = calendar_date(y, month, day) else {
                continue;
            };
            let jd = d.to_julian_day();
            if jd < lo || jd > hi {
                continue;
            }
            let dist = if jd < self.first.to_julian_day() {
                self.first.to_julian_day() - jd
            } else {
                (jd - self.last.to_julian_day()).max(0)
            };
            if best.is_none_or(|(bd, _)| dist < bd) {
                best = Some((dist, y));
            }
        }
        best.map(|(_, y)| y)
    }
}

/// "YYYY-MM-DD" or "YYYY-MM".
fn parse_published(s: &str) -> Option<Publication> {
    let s = s.trim();
    let b = s.as_bytes();
    let y = year_at(s, 0)?;
    if b.get(4) != Some(&b'-') || digit_run(b, 5) != 2 {
        return None;
    }
    let m = number(b, 5, 2) as u8;
    let month = Month::try_from(m).ok()?;
    match b.len() {
        7 => {
            let first = calendar_date(y, m, 1)?;
            let last = calendar_date(y, m, month.length(y))?;
            Some(Publication {
                first,
                last,
                exact: false,
                source: YearSource::Published,
                evidence: None,
            })
        }
        10 if b[7] == b'-' && digit_run(b, 8) == 2 => {
            let d = calendar_date(y, m, number(b, 8, 2) as u8)?;
            Some(Publication {
                first: d,
                last: d,
                exact: true,
                source: YearSource::Published,
                evidence: None,
            })
        }
        _ => None,
    }
}

/// Whether `s` is a publication date the CLI accepts: "YYYY-MM-DD" or "YYYY-MM", valid on the
/// calendar.
pub fn is_valid_published(s: &str) -> bool {
    s.len() == s.trim().len() && parse_published(s).is_some()
}

/// A date in the URL: "/2017/04/", "/202112/", "-20151211140623442.chn", "/2017-04-27/".
fn url_date(url: &str) -> Option<Publication> {
    let b = url.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let run = digit_run(b, i);
        let prev = if i == 0 { b'/' } else { b[i - 1] };
        let next = b.get(i + run).copied().unwrap_or(b'/');
        let delimited = |c: u8| !c.is_ascii_alphanumeric();
        let found = match run {
            // /2017/04/27/ or /2017/04/ or /2017-04-27; portals' folders may drop the zeros
            // (/2023/5/12/).
            4 if delimited(prev) => {
                let y = year_at(url, i);
                let sep = next;
                // Widths of the month and the day: two digits, or one or two between slashes.
                let width = |k: usize| {
                    let r = digit_run(b, k);
                    (r == 2 || (sep == b'/' && r == 1)).then_some(r)
                };
                if let (true, Some(mw)) = (matches!(sep, b'/' | b'-'), width(i + 5)) {
                    let m = number(b, i + 5, mw) as u8;
                    let d_at = i + 6 + mw;
                    let after = b.get(d_at - 1).copied().unwrap_or(b'/');
                    let day = width(d_at).filter(|&dw| {
                        after == sep && b.get(d_at + dw).is_none_or(|&c| delimited(c))
                    });
                    if !delimited(after) {
                        None
                    } else if let Some(dw) = day {
                        y.and_then(|y| day_pub(y, m, number(b, d_at, dw) as u8))
                    } else if sep == b'/' {
                        y.and_then(|y| month_pub(y, m))
                    } else {
                        None
                    }
                } else {
                    None
                }
            }
            // /202112/
            6 if prev == b'/' && matches!(next, b'/' | b'-' | b'_') => {
                year_at(&url[i..i + 4], 0).and_then(|y| month_pub(y, number(b, i + 4, 2) as u8))
            }
            // -20170427- as its own segment, or glued to a word of the slug ("-post20251030.html"),
            // or a time stamp yyyymmddhhmm...
            8 if (delimited(prev) || after_slug_word(b, i)) && delimited(next) => {
                year_at(&url[i..i + 4], 0)
                    .and_then(|y| day_pub(y, number(b, i + 4, 2) as u8, number(b, i + 6, 2) as u8))
            }
            r if r >= 12 && delimited(prev) => {
                let hh = number(b, i + 8, 2);
                let mi = number(b, i + 10, 2);
                if hh < 24 && mi < 60 {
                    year_at(&url[i..i + 4], 0).and_then(|y| {
                        day_pub(y, number(b, i + 4, 2) as u8, number(b, i + 6, 2) as u8)
                    })
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(p) = found {
            return Some(p);
        }
        i += run;
    }
    None
}

/// Whether the digits at `b[i]` follow a word of letters alone in a URL's slug, itself after a
/// '-', '_' or '/': "-post20251030.html", "/news20251030/". A path word, not a host name
/// ("x2025.vn") or an ID mixing letters and digits ("c44781279").
fn after_slug_word(b: &[u8], i: usize) -> bool {
    let letters = b[..i]
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let Some(k) = i.checked_sub(letters + 1) else {
        return false;
    };
    (2..=8).contains(&letters)
        && matches!(b[k], b'-' | b'_' | b'/')
        && !(b[k] == b'/' && k > 0 && b[k - 1] == b'/')
}

fn month_pub(y: i32, m: u8) -> Option<Publication> {
    let month = Month::try_from(m).ok()?;
    if !(1990..=2100).contains(&y) {
        return None;
    }
    Some(Publication {
        first: calendar_date(y, m, 1)?,
        last: calendar_date(y, m, month.length(y))?,
        exact: false,
        source: YearSource::Url,
        evidence: None,
    })
}

fn day_pub(y: i32, m: u8, d: u8) -> Option<Publication> {
    if !(1990..=2100).contains(&y) {
        return None;
    }
    let date = calendar_date(y, m, d)?;
    Some(Publication {
        first: date,
        last: date,
        exact: true,
        source: YearSource::Url,
        evidence: None,
    })
}

// ---------------------------------------------------------------------------------------------
// Lexicons.

fn documents() -> &'static [String] {
    static DOCS: OnceLock<Vec<String>> = OnceLock::new();
    DOCS.get_or_init(|| lexicon_lines(include_str!("lexicon/dates_documents.txt")))
}

const EVENT_PHRASES_TSV: &str = include_str!("lexicon/dates_event_phrases.tsv");

/// The words of `dates_event_phrases.tsv`, by kind.
#[derive(Default)]
struct EventPhrases {
    nouns: Vec<String>,
    named: Vec<String>,
    block: Vec<String>,
    before: Vec<String>,
    after: Vec<String>,
}

fn event_phrases() -> &'static EventPhrases {
    static LEX: OnceLock<EventPhrases> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut lex = EventPhrases::default();
        // Read as written, without normalizing it: a test checks it is NFC and lowercase.
        for l in EVENT_PHRASES_TSV.lines().filter(|l| !l.starts_with('#')) {
            let Some((kind, phrase)) = l.split_once('\t') else {
                continue;
            };
            let list = match kind.trim() {
                "noun" => &mut lex.nouns,
                "named" => &mut lex.named,
                "block" => &mut lex.block,
                "before" => &mut lex.before,
                "after" => &mut lex.after,
                _ => continue,
            };
            list.push(phrase.trim().to_string());
        }
        lex
    })
}

fn anniversaries() -> &'static [(String, i32)] {
    static ANNIV: OnceLock<Vec<(String, i32)>> = OnceLock::new();
    ANNIV.get_or_init(|| {
        lexicon_lines(include_str!("lexicon/dates_anniversaries.tsv"))
            .into_iter()
            .filter_map(|l| {
                let (phrase, year) = l.split_once('\t')?;
                Some((phrase.trim().to_string(), year.trim().parse().ok()?))
            })
            .collect()
    })
}

/// Non-empty, non-comment lines of a lexicon file.
pub(crate) fn lexicon_lines(src: &str) -> Vec<String> {
    src.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        // Field by field: normalization turns tabs into spaces.
        .map(|l| {
            l.split('\t')
                .map(super::normalize::normalize)
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize;

    /// One line of `dates.examples.tsv`: text (with `\n` for line breaks), url, published,
    /// expected ISO date (or `null`), expected year source.
    struct Example {
        line: usize,
        text: String,
        ctx: Context,
        iso: Option<String>,
        source: Option<String>,
    }

    fn examples() -> Vec<Example> {
        let dash = |s: &str| (s != "-" && !s.is_empty()).then(|| s.to_string());
        include_str!("dates.examples.tsv")
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|(i, l)| {
                let cols: Vec<&str> = l.split('\t').collect();
                assert!(
                    cols.len() >= 4,
                    "dates.examples.tsv:{}: expected 4-5 columns",
                    i + 1
                );
                Example {
                    line: i + 1,
                    text: cols[0].replace("\\n", "\n"),
                    ctx: Context {
                        url: dash(cols[1]),
                        published: dash(cols[2]),
                    },
                    iso: (cols[3] != "null").then(|| cols[3].to_string()),
                    source: cols.get(4).and_then(|s| dash(s)),
                }
            })
            .collect()
    }

    fn source_name(s: YearSource) -> String {
        serde_json::to_value(s)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    #[test]
    fn event_phrases_as_the_text_reads_them() {
        for l in EVENT_PHRASES_TSV.lines().filter(|l| !l.starts_with('#')) {
            assert_eq!(lexicon_lines(l).concat(), l, "normalize: {l:?}");
            assert_eq!(lower_aligned(l), l, "lowercase: {l:?}");
        }
        let lex = event_phrases();
        assert!(lex.nouns.contains(&"ngày hội".to_string()));
        assert!(!lex.block.is_empty() && !lex.before.is_empty() && !lex.after.is_empty());
    }

    #[test]
    fn examples_corpus() {
        let mut failures = Vec::new();
        let all = examples();
        assert!(all.len() >= 40, "the corpus should hold many examples");
        for ex in &all {
            let text = normalize::normalize(&ex.text);
            let sentences = normalize::sentences(&text);
            let got = find_event_date(&text, &sentences, &ex.ctx);
            let got_iso = got.as_ref().map(|d| d.iso.clone());
            let got_source = got.as_ref().map(|d| source_name(d.year_source));
            let source_ok = ex.source.is_none() || ex.source == got_source;
            if got_iso != ex.iso || !source_ok {
                failures.push(format!(
                    "  dates.examples.tsv:{}: expected {:?} ({:?}), got {:?} ({:?})  <- {}",
                    ex.line, ex.iso, ex.source, got_iso, got_source, ex.text
                ));
            }
            if let Some(ev) = got.and_then(|d| d.evidence) {
                assert!(text.get(ev.mention.start..ev.mention.end).is_some());
                assert!(text.get(ev.sentence.start..ev.sentence.end).is_some());
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} examples fail:\n{}",
            failures.len(),
            all.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn alnum_fast_paths() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
            // So splitting at non-letters, then lowercasing, cuts where lowercasing first would.
            assert_eq!(is_alnum(lower_char(c)), is_alnum(c), "{c:?}");
        }
    }

    #[test]
    fn digits_found() {
        let all: Vec<u8> = (0..=255).collect();
        for from in 0..all.len() {
            let want = (from..all.len())
                .find(|&i| all[i].is_ascii_digit())
                .unwrap_or(256);
            assert_eq!(next_digit(&all, from), want);
        }
        let mut b = "ngày hội xuân đã qua, tháng chạp".as_bytes().to_vec();
        assert_eq!(next_digit(&b, 0), b.len());
        b.extend(b"9");
        assert_eq!(next_digit(&b, 3), b.len() - 1);
    }

    #[test]
    fn lowercase_bytes_fast_path() {
        for c in (0x80..0x3_0000).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            if lowercase_vietnamese_at(b, 0) {
                assert_eq!(lower_char(c), c, "{c:?}");
            }
        }
        assert_eq!(
            lower_aligned("ĐẢNG Ủy Tỉnh ỹ Ỹ ơƠ ưƯ ÀÝ"),
            "đảng ủy tỉnh ỹ ỹ ơơ ưư àý"
        );
    }

    #[test]
    fn lower_char_fast_paths() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(lower_char(c), lower_char_table(c), "{c:?}");
        }
    }

    #[test]
    fn iso_written_by_hand() {
        for (y, m, d) in [(2024, 2, 29), (1905, 12, 1), (999, 1, 9), (-5, 3, 3)] {
            let date = calendar_date(y, m, d).unwrap();
            assert_eq!(iso(date), format!("{y:04}-{m:02}-{d:02}"));
            assert_eq!(md_iso(m, d), format!("--{m:02}-{d:02}"));
        }
        assert_eq!(md_iso(0, 100), "--00-100");
    }

    #[test]
    fn ordinals() {
        assert_eq!(parse_ordinal_token("XVIII"), Some(18));
        assert_eq!(parse_ordinal_token("XIV"), Some(14));
        assert_eq!(parse_ordinal_token("13"), Some(13));
        assert_eq!(parse_ordinal_token("abc"), None);
    }

    #[test]
    fn published_values() {
        assert!(is_valid_published("2022-09"));
        assert!(is_valid_published("2024-02-29"));
        assert!(!is_valid_published("2023-02-29"));
        assert!(!is_valid_published("2022-13"));
        assert!(!is_valid_published("22-09-01"));
        assert!(!is_valid_published(" 2022-09"));
    }

    #[test]
    fn url_dates() {
        let d = |u: &str| url_date(u).map(|p| (iso(p.first), iso(p.last)));
        assert_eq!(
            d("https://x.vn/tin/202112/abc-1912974"),
            Some(("2021-12-01".into(), "2021-12-31".into()))
        );
        assert_eq!(
            d("https://x.blogspot.com/2017/04/abc.html"),
            Some(("2017-04-01".into(), "2017-04-30".into()))
        );
        assert_eq!(
            d("https://x.vn/a-20151211140623442.chn"),
            Some(("2015-12-11".into(), "2015-12-11".into()))
        );
        assert_eq!(
            d("https://x.vn/tin-tuc/2023/5/12/abc.html"),
            Some(("2023-05-12".into(), "2023-05-12".into()))
        );
        assert_eq!(
            d("https://x.vn/tin-tuc/2023/5/abc.html"),
            Some(("2023-05-01".into(), "2023-05-31".into()))
        );
        assert_eq!(d("https://x.vn/a/2023-5-12/abc.html"), None);
        assert_eq!(d("https://x.vn/-/2018/7830/abc.aspx"), None);
        assert_eq!(d("https://x.vn/abc-c44781279.epi"), None);
        assert_eq!(d("https://x.vn/abc-post816439.html"), None);
        assert_eq!(
            d("https://x.vn/ban-thuong-vu-post20240312.html"),
            Some(("2024-03-12".into(), "2024-03-12".into()))
        );
        assert_eq!(
            d("https://x.vn/hoi-nghi-tinh-uy-20231130.htm"),
            Some(("2023-11-30".into(), "2023-11-30".into()))
        );
        // An ID whose digits read as no date, a host name, an ID glued to a letter.
        assert_eq!(d("https://x.vn/abc-post20241345.html"), None);
        assert_eq!(d("https://tin20240312.vn/abc.html"), None);
        assert_eq!(d("https://x.vn/abc-c20240312.html"), None);
    }

    /// A range whose second date's cue reaches back into the first date ("12–" read as a
    /// range start) used to slice backwards and panic.
    #[test]
    fn overlapping_range_cue() {
        for (t, iso) in [
            ("28-12–28-12", None),
            ("Sáng 28-12–28-12", Some("--12-28")),
            ("họp 12-12–20-12 ngày", None),
        ] {
            let text = normalize::normalize(t);
            let sentences = normalize::sentences(&text);
            let d = find_event_date(&text, &sentences, &Context::default());
            assert_eq!(d.map(|d| d.iso).as_deref(), iso, "{t:?}");
        }
    }
}
