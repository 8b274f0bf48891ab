//! The event: headline, kind, ordinal, term and holding body.
//!
//! Vietnamese official news names its event in the headline and the lead: "Hội nghị lần thứ 13
//! Ban Chấp hành Đảng bộ tỉnh khoá XX", "Sáng 8/12, tại kỳ họp thứ 22, HĐND tỉnh Sóc Trăng khóa
//! IX ...". The kind comes from cue words ranked strongest first (`lexicon/events_kinds.tsv`):
//! a voter meeting or a council session may also "bầu" someone, a ceremony handing over a
//! decision is usually a "hội nghị", so the more specific kind wins. Ordinal, term and body are
//! read next to the winning cue.

use super::dates::{
    ceil_boundary, eq_lower_aligned, floor_boundary, is_alnum, lower_aligned, parse_ordinal_token,
    word_at,
};
use super::lexicon::FastMap;
use super::phrases::{contains_str, find_all_str, Phrases};
use super::{Event, EventKind, Evidence, Span};
use std::sync::OnceLock;

/// The event the article reports.
pub fn detect(text: &str, sentences: &[Span]) -> Event {
    detect_in(text, None, sentences)
}

/// [`detect`] given `lower_aligned(text)`, which the caller shares with the dates.
pub(crate) fn detect_lowered(text: &str, lower: &str, sentences: &[Span]) -> Event {
    detect_in(text, Some(lower), sentences)
}

fn detect_in(text: &str, lowered: Option<&str>, sentences: &[Span]) -> Event {
    let headline = headline(text);
    let window = lead_window(text, sentences, headline);
    // Everything below reads the headline and lead only: lowercase that much (or cut the
    // lowercase text given to that length).
    let lead_end = window.iter().map(|s| s.end).max().unwrap_or(0);
    let lead = ceil_boundary(text, (lead_end + 64).min(text.len()));
    let owned;
    let lower = match lowered {
        Some(l) => &l[..lead],
        None => {
            owned = lower_aligned(&text[..lead]);
            owned.as_str()
        }
    };
    let headline_text = headline.map(|h| clean_headline(h.slice(text)));
    let cues = SentenceCues::new(lower, &window);
    let cue = kind_cue(&cues);
    // With no cue, the lead sentence still names the body and its term.
    let Some(anchor) = cue.map(|c| c.span).or_else(|| {
        window
            .iter()
            .find(|s| Some(**s) != headline)
            .or(window.first())
            .map(|s| Span::new(s.start, s.start))
    }) else {
        return Event {
            headline: headline_text,
            ..Event::default()
        };
    };
    let kind = cue.map_or(EventKind::Other, |c| c.kind);
    let sentence = window
        .iter()
        .copied()
        .find(|s| s.start <= anchor.start && anchor.end <= s.end)
        .unwrap_or(anchor);
    let before_cue = Span::new(sentence.start, anchor.start);
    let after_cue = Span::new(anchor.start, sentence.end);
    // (read only when the cue's own sentence and the headline say nothing, and then once)
    let lead = std::cell::OnceCell::new();
    let lead = || *lead.get_or_init(|| lead_region(lower, &cues, headline, kind));
    let ordinal = if matches!(
        kind,
        EventKind::Conference | EventKind::CouncilSession | EventKind::Congress
    ) {
        ordinal_in(lower, after_cue)
            .or_else(|| headline.and_then(|h| ordinal_in(lower, h)))
            .or_else(|| lead().and_then(|r| ordinal_in(lower, r)))
    } else {
        None
    };
    let term = term_in(text, lower, after_cue)
        .or_else(|| term_in(text, lower, sentence))
        .or_else(|| headline.and_then(|h| term_in(text, lower, h)))
        .or_else(|| lead().and_then(|r| term_in(text, lower, r)));
    // The body is the subject before the cue ("HĐND tỉnh họp kỳ thứ 12"), or what the event is
    // "of" after it ("Hội nghị lần thứ 13 Ban Chấp hành Đảng bộ tỉnh"); a congress always names
    // its body after the word: "Đại hội đại biểu Đảng bộ tỉnh ...".
    let (first, second) = if kind == EventKind::Congress {
        (after_cue, before_cue)
    } else {
        (before_cue, after_cue)
    };
    let in_headline = headline.is_some_and(|h| sentence == h);
    let body = body_in(text, lower, first)
        .or_else(|| body_in(text, lower, second))
        .or_else(|| headline.and_then(|h| body_in(text, lower, h)));
    // A body read from the headline is often shortened ("HĐND tỉnh") or in capitals; the lead
    // naming the same event names it in full ("HĐND tỉnh Bắc Giang"), in its own casing.
    let body = if in_headline || body.is_none() {
        let in_lead = lead().and_then(|r| body_in(text, lower, r));
        match (body, in_lead) {
            (None, l) => l,
            (Some(b), Some(l)) if extends(&l, &b) => Some(l),
            (b, _) => b,
        }
    } else {
        body
    };
    Event {
        headline: headline_text,
        kind,
        ordinal,
        term,
        body,
        evidence: cue.map(|c| Evidence {
            mention: c.span,
            sentence,
        }),
    }
}

// ---------------------------------------------------------------------------------------------
// Headline and lead.

/// The first line when it reads as a headline: short, no closing full stop, not a lead
/// sentence, after skipping page furniture (time stamps, image file names, agency tags).
fn headline(text: &str) -> Option<Span> {
    let mut offset = 0;
    let mut skipped = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let l = line.trim();
        if l.is_empty() {
            continue;
        }
        let lead_ws = line.len() - line.trim_start().len();
        let span = Span::new(start + lead_ws, start + lead_ws + l.len());
        if is_furniture(l) && skipped < 3 {
            skipped += 1;
            continue;
        }
        return reads_as_headline(l).then_some(span);
    }
    None
}

/// Lines a page puts above its headline: a time stamp, an image name, an agency tag, the
/// breadcrumb of its sections.
fn is_furniture(l: &str) -> bool {
    const STAMP_WORDS: [&str; 29] = [
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
        "tháng",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "gmt",
    ];
    // (every kind of furniture is a short line: a paragraph is told by its length alone)
    if l.len() > 160 {
        return false;
    }
    // (three tests ask whether the line has a digit: read once)
    let digits = l.bytes().any(|b| b.is_ascii_digit());
    // Lowercasing keeps letters letters: split first, then lowercase only the words read (the
    // first word that is no stamp word ends it).
    let stamp = digits
        && l.split(|c: char| !is_alnum(c))
            .filter(|w| !w.is_empty())
            .all(|w| {
                w.bytes().all(|b| b.is_ascii_digit())
                    || STAMP_WORDS
                        .iter()
                        .chain(&["november", "december", "am", "pm", "h"])
                        .any(|s| eq_lower_aligned(w, s))
            });
    // Lowercasing leaves ASCII bytes where they are: an extension shows as ASCII in `l`.
    let image = memchr::memchr_iter(b'.', l.as_bytes()).any(|dot| {
        let rest = &l.as_bytes()[dot..];
        [".jpg", ".jpeg", ".png", ".gif", ".webp"].iter().any(|e| {
            rest.get(..e.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(e.as_bytes()))
        })
    });
    let agency = l.len() <= 48 && l.chars().count() <= 12 && l.ends_with(['-', '–']);
    // "Trang chủ > Thời sự > Chính trị"; "BÁO ĐỒNG NAI - Cập nhật lúc 21:10, Thứ Hai, 02/12/2024"
    // (short lines only: a paragraph is not searched for them)
    let short = l.len() <= 160;
    let breadcrumb = short
        && (l.starts_with("Trang chủ") || [" > ", " › ", " » "].iter().any(|s| contains_str(l, s)));
    let posted = short
        && digits
        && [
            "Cập nhật",
            "cập nhật",
            "CẬP NHẬT",
            "Ngày đăng",
            "Đăng lúc",
            "đăng lúc",
        ]
        .iter()
        .any(|w| contains_str(l, w));
    // "(Theo Báo Nhân Dân)": the source a story is taken from, on a line of its own.
    let source = short && l.starts_with("(Theo ") && l.ends_with(')');
    let byline = short && super::bylines::top_byline(l).is_some();
    // "Chính trị", "Thời sự": a section's name, too short for a headline.
    let section = l.len() <= 40 && !digits && l.split_whitespace().count() <= 2;
    stamp
        || image
        || agency
        || breadcrumb
        || posted
        || source
        || byline
        || section
        || super::bylines::is_credit_line(l)
}

fn reads_as_headline(l: &str) -> bool {
    // The cheap tests first: a paragraph is told by its closing stop or its length, without
    // counting its words.
    if l.ends_with(['.', ':', ';', ',', '|'])
        || l.starts_with(['-', '–', '(', '[', '!', '|', '•'])
        || l.chars().count() > 300
        || !(3..=45).contains(&count_words(l, 46))
    {
        return false;
    }
    // A lead sentence opens with its date: "Sáng 28-12, ...".
    // Lowercasing keeps whitespace where it is: the first two words are compared in lowercase.
    let mut words = l.split_whitespace();
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    let dateish = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
    let is = |w: &str, any: &[&str]| any.iter().any(|s| eq_lower_aligned(w, s));
    if is(first, &["sáng", "chiều", "tối", "trưa", "ngày", "hôm"])
        && (dateish(second) || is(second, &["nay", "ngày"]))
    {
        return false;
    }
    l.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘".contains(c))
}

/// The number of words of `s` (as `split_whitespace` splits it), counting stops at `max`: a
/// sentence need not be read past its first few. Eight bytes at a time where no char can be a
/// space outside ASCII, char by char where one can.
fn count_words(s: &str, max: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `x` that is `c`.
    let eq = |x: u64, c: u8| {
        let y = x ^ (ONES * u64::from(c));
        !(((y & !HIGH) + !HIGH) | y) & HIGH
    };
    // The high bit of each ASCII byte of `x` in `lo..=hi`.
    let within = |x: u64, lo: u8, hi: u8| {
        let t = x & !HIGH;
        let at_least = |n: u8| t + ONES * (0x80 - u64::from(n));
        at_least(lo) & !at_least(hi + 1) & !x & HIGH
    };
    let b = s.as_bytes();
    let (mut words, mut after_space, mut i) = (0, true, 0);
    while i < b.len() && words < max {
        if let Some(chunk) = b.get(i..i + 8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            // The bytes that start or hold a space outside ASCII (U+0085 and U+00A0 after C2,
            // U+1680 = E1 9A 80, U+2000.. after E2, U+3000 after E3), or U+1680 begun in the
            // last byte: read those chars one by one.
            let odd = eq(x, 0xC2) | eq(x, 0xE2) | eq(x, 0xE3) | eq(x, 0x9A);
            if odd == 0 && !(x >> 56 == 0xE1 && b.get(i + 8) == Some(&0x9A)) {
                // `char::is_whitespace` in ASCII: \t, \n, \x0B, \x0C, \r and the space.
                let space = within(x, b'\t', b'\r') | eq(x, b' ');
                let before = (space << 8) | if after_space { 0x80 } else { 0 };
                words += (!space & HIGH & before).count_ones() as usize;
                after_space = space >> 63 != 0;
                i += 8;
                continue;
            }
        }
        // The rest of a char begun in a chunk read by bytes: no space (see above).
        while !s.is_char_boundary(i) {
            i += 1;
        }
        // Char by char to the end of the chunk (and of the char there).
        let end = (i + 8).min(b.len());
        while i < end {
            let c = s[i..].chars().next().unwrap_or(' ');
            let space = c.is_whitespace();
            words += usize::from(!space && after_space);
            after_space = space;
            i += c.len_utf8();
        }
    }
    words.min(max)
}

/// The headline without a page stamp glued to its end ("... 3 Bộ trưởng 25/10/2025 12:38").
/// A stamp is a time ("12:38"), a full date ("25/10/2025") or a bar; a number of the headline's
/// own stays ("lần thứ 15", "nhiệm kỳ 2025-2030", "năm 2024").
fn clean_headline(h: &str) -> String {
    let mut words: Vec<&str> = h.split_whitespace().collect();
    let stamp = |w: &str| {
        let seps = w.chars().filter(|c| "/-.".contains(*c)).count();
        w.chars().all(|c| c.is_ascii_digit() || "/:-.|".contains(c))
            && (w.contains([':', '|']) || (seps >= 2 && w.chars().any(|c| c.is_ascii_digit())))
    };
    let mut popped = false;
    // (a dash between two parts of a stamp goes with them: "25/10/2025 - 12:38")
    while words.len() > 3
        && words
            .last()
            .is_some_and(|w| stamp(w) || (popped && matches!(*w, "-" | "–")))
    {
        words.pop();
        popped = true;
    }
    words.join(" ")
}

/// The headline and the first three body sentences that hold words.
fn lead_window(text: &str, sentences: &[Span], headline: Option<Span>) -> Vec<Span> {
    // (the headline and at most three sentences)
    let mut out: Vec<Span> = Vec::with_capacity(4);
    out.extend(headline);
    let body_start = headline.map_or(0, |h| h.end);
    let mut taken = 0;
    // (a stamp or a breadcrumb under the headline is no lead sentence: "Thứ bảy, 1/3/2025,
    // 10:15 (GMT+7)" would take a place of the three)
    let cover = |s: Span, out: &mut Vec<Span>| {
        if s.start >= body_start
            && count_words(s.slice(text), 4) == 4
            && !is_furniture(s.slice(text).trim())
        {
            out.push(s);
            true
        } else {
            false
        }
    };
    if sentences.is_empty() {
        // No sentence split given: the first lines stand in.
        let mut off = 0;
        for line in text.split_inclusive('\n') {
            let s = Span::new(off, off + line.trim_end().len());
            off += line.len();
            if taken < 3 && cover(s, &mut out) {
                taken += 1;
            }
        }
        return out;
    }
    for &s in sentences {
        if taken >= 3 {
            break;
        }
        if cover(s, &mut out) {
            taken += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Kind.

#[derive(Debug, Clone, Copy)]
struct Cue {
    kind: EventKind,
    span: Span,
}

/// Kind cues and their phrases (phrase index = position in the list).
struct KindLexicon {
    cues: Vec<(EventKind, String)>,
    phrases: Phrases,
}

fn kinds() -> &'static KindLexicon {
    static KINDS: OnceLock<KindLexicon> = OnceLock::new();
    KINDS.get_or_init(|| {
        let cues: Vec<(EventKind, String)> =
            super::dates::lexicon_lines(include_str!("lexicon/events_kinds.tsv"))
                .into_iter()
                .filter_map(|l| {
                    let (kind, cue) = l.split_once('\t')?;
                    let kind =
                        serde_json::from_value(serde_json::Value::String(kind.trim().into()))
                            .ok()?;
                    Some((kind, cue.trim().to_string()))
                })
                .collect();
        let phrases = Phrases::new(cues.iter().map(|(_, c)| c.as_str()));
        KindLexicon { cues, phrases }
    })
}

/// A sentence's strongest cue and its key: (rank, position, end).
type KeyedCue = ((usize, usize, usize), Cue);

/// The strongest cue of each sentence of the window, each sentence read once: the kind asks
/// about the first two sentences (then the others), and `lead_region` about the lead again.
struct SentenceCues<'a> {
    lower: &'a str,
    window: &'a [Span],
    /// Per sentence, its best cue with its key (rank, position, end), once read.
    cues: Vec<std::cell::OnceCell<Option<KeyedCue>>>,
}

impl<'a> SentenceCues<'a> {
    fn new(lower: &'a str, window: &'a [Span]) -> SentenceCues<'a> {
        SentenceCues {
            lower,
            window,
            cues: window.iter().map(|_| std::cell::OnceCell::new()).collect(),
        }
    }

    /// The best cue of sentence `wi`: the strongest kind, at its earliest cue, the shorter of
    /// two cues starting together.
    fn get(&self, wi: usize) -> Option<KeyedCue> {
        *self
            .cues
            .get(wi)?
            .get_or_init(|| sentence_cue(self.lower, self.window[wi]))
    }

    /// The best cue of the sentences `range`, by (rank, sentence, position, end): what one scan
    /// of them keeping the least key would find.
    fn best(&self, range: std::ops::Range<usize>) -> Option<Cue> {
        range
            .filter_map(|wi| self.get(wi).map(|((r, at, end), c)| ((r, wi, at, end), c)))
            .min_by_key(|&(key, _)| key)
            .map(|(_, c)| c)
    }
}

/// The strongest kind with a cue in the headline and lead sentence, else in the two sentences
/// after them; at its first occurrence.
fn kind_cue(cues: &SentenceCues) -> Option<Cue> {
    let n = cues.window.len();
    let split = n.min(2);
    cues.best(0..split).or_else(|| cues.best(split..n))
}

fn sentence_cue(lower: &str, w: Span) -> Option<KeyedCue> {
    let lex = kinds();
    // (rank, position, end) decides: the strongest kind, at its earliest cue, the shorter of
    // two cues starting together.
    let mut best: Option<KeyedCue> = None;
    let (from, to) = (floor_boundary(lower, w.start), floor_boundary(lower, w.end));
    lex.phrases.for_each_word_start(&lower[from..to], |m| {
        let Some((kind, cue)) = lex.cues.get(m.phrase) else {
            return;
        };
        let at = from + m.start;
        let key = (kind_rank(*kind), at, at + cue.len());
        if best.is_some_and(|(b, _)| b <= key)
            || !word_at(lower, at, cue)
            || !cue_counts(lower, at, cue, *kind)
            || (*kind == EventKind::CouncilSession && inspection_commission(&lower[from..at]))
        {
            return;
        }
        best = Some((
            key,
            Cue {
                kind: *kind,
                span: Span::new(at, at + cue.len()),
            },
        ));
    });
    best
}

/// Strength order of the kinds (smaller wins).
fn kind_rank(kind: EventKind) -> usize {
    match kind {
        EventKind::VoterMeeting => 0,
        EventKind::CouncilSession => 1,
        EventKind::AppointmentCeremony => 2,
        // Discipline is the news wherever it is named in the lead, even at a conference.
        EventKind::Discipline => 3,
        EventKind::Congress => 4,
        // "Lễ kỷ niệm ...": the ceremony, not the visit or the conference held with it.
        EventKind::Ceremony => 5,
        EventKind::Conference => 6,
        EventKind::WorkingVisit => 7,
        EventKind::PersonnelChange => 8,
        EventKind::Other => 9,
    }
}

/// Whether the sentence before a "kỳ họp" names an inspection commission: "Ủy ban Kiểm tra
/// Trung ương họp Kỳ họp thứ 20" is a Party commission's meeting, not a council's session.
fn inspection_commission(before: &str) -> bool {
    before.contains("ủy ban kiểm tra")
        || before.contains("uỷ ban kiểm tra")
        || before.contains("ubkt")
}

/// Whether a cue at `at` names this article's event rather than something it mentions.
fn cue_counts(lower: &str, at: usize, cue: &str, kind: EventKind) -> bool {
    let pre = &lower[floor_boundary(lower, at.saturating_sub(28))..at];
    let post = &lower[at + cue.len()..ceil_boundary(lower, (at + cue.len() + 12).min(lower.len()))];
    match kind {
        // "Nghị quyết Đại hội", "thông tin về Đại hội", "chuẩn bị Đại hội": the congress is
        // the subject, not the event.
        EventKind::Congress => {
            ![
                "nghị quyết",
                "văn kiện",
                "về ",
                "chuẩn bị",
                "tiến tới",
                "hướng tới",
                "sau ",
                "kết quả",
            ]
            .iter()
            .any(|w| pre.contains(w))
                && !post.starts_with(" đồng")
        }
        EventKind::Conference => !pre.trim_end().ends_with("trung tâm"),
        EventKind::WorkingVisit => match cue {
            // "Ủy ban Kiểm tra", "chương trình kiểm tra, giám sát".
            "kiểm tra" | "giám sát" => {
                !pre.trim_end().ends_with("ban")
                    && !pre.trim_end().ends_with("chương trình")
                    && !post.starts_with(" tỉnh ủy")
            }
            "làm việc" => !pre.trim_end().ends_with("ngày"),
            _ => true,
        },
        // "bầu cử" is an election, not a vote on a post.
        EventKind::PersonnelChange => !(cue == "bầu" && post.starts_with(" cử")),
        // "vi phạm sẽ bị kỷ luật", "nếu sai phạm phải cách chức": a warning, not a sanction
        // given; "chuẩn bị lễ kỷ niệm": a ceremony ahead, the meeting is the event.
        EventKind::Discipline => !pre
            .split(' ')
            .any(|w| matches!(w, "sẽ" | "phải" | "nếu" | "thì")),
        EventKind::Ceremony => !["chuẩn bị", "kế hoạch", "hướng tới", "tiến tới"]
            .iter()
            .any(|w| pre.contains(w)),
        _ => true,
    }
}

// ---------------------------------------------------------------------------------------------
// Ordinal, term, body.

/// "lần thứ 13", "lần thứ XVIII", "kỳ họp thứ 22", "thứ mười hai", "thứ Nhất".
fn ordinal_in(lower: &str, region: Span) -> Option<u32> {
    let (from, to) = (
        floor_boundary(lower, region.start),
        floor_boundary(lower, region.end),
    );
    let limit = ceil_boundary(lower, (from + 220).min(to));
    static THU: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let thu = THU.get_or_init(|| memchr::memmem::Finder::new("thứ "));
    for i in thu.find_iter(&lower.as_bytes()[from..limit]) {
        let at = from + i;
        if !word_at(lower, at, "thứ") {
            continue;
        }
        let rest = &lower[at + "thứ ".len()..to];
        if let Some(n) = ordinal_value(rest) {
            return Some(n);
        }
    }
    None
}

/// The number that opens `s`: digits, a Roman numeral or Vietnamese number words.
fn ordinal_value(s: &str) -> Option<u32> {
    let first: String = s.chars().take_while(|&c| is_alnum(c)).collect();
    if let Some(n) = parse_ordinal_token(&first) {
        // Roman numerals must be written in capitals; `s` is lowercased, so accept only forms
        // that are not also Vietnamese words.
        if first.bytes().all(|b| b.is_ascii_digit()) || !matches!(first.as_str(), "l" | "c") {
            return Some(n);
        }
    }
    let words: Vec<&str> = s
        .split(|c: char| !is_alnum(c))
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    let unit = |w: &str| -> Option<u32> {
        Some(match w {
            "nhất" | "một" | "mốt" => 1,
            "hai" => 2,
            "ba" => 3,
            "tư" | "bốn" => 4,
            "năm" | "lăm" => 5,
            "sáu" => 6,
            "bảy" => 7,
            "tám" => 8,
            "chín" => 9,
            _ => return None,
        })
    };
    match words.as_slice() {
        ["mười", u, ..] if unit(u).is_some() => unit(u).map(|u| 10 + if u == 1 { 1 } else { u }),
        ["mười", ..] => Some(10),
        [t, "mươi", u, ..] if unit(u).is_some() => Some(unit(t)? * 10 + unit(u)?),
        [t, "mươi", ..] => Some(unit(t)? * 10),
        [u, ..] => unit(u),
        _ => None,
    }
}

/// A cue in the headline leaves the ordinal and term to the lead sentence, where it names the
/// same kind of event: "Hội nghị Ban Chấp hành Đảng bộ tỉnh" over "Ban Chấp hành Đảng bộ tỉnh
/// khóa XIX tổ chức Hội nghị lần thứ 15". The region read: the lead up to a few words past its
/// own cue (later, a term is another event's: "hội nghị ... về kết quả Đại hội ..., nhiệm kỳ").
fn lead_region(
    lower: &str,
    cues: &SentenceCues,
    headline: Option<Span>,
    kind: EventKind,
) -> Option<Span> {
    // (past the page's furniture: "Ngày đăng: 15/07/2025", "Trang chủ > Tin tức"; the window
    // holds no furniture but the headline, `lead_window` turned it away)
    let li = cues.window.iter().position(|s| Some(*s) != headline)?;
    let lead = cues.window[li];
    let cue = cues.get(li).map(|(_, c)| c).filter(|c| c.kind == kind)?;
    // (a vote or an appointment names the person and the titles held before the post and its
    // term: "bầu ông A, Ủy viên Trung ương Đảng, Phó Chủ tịch Quốc hội khóa XV")
    let reach = if kind == EventKind::PersonnelChange {
        160
    } else {
        100
    };
    let end = floor_boundary(lower, (cue.span.start + reach).min(lead.end));
    Some(Span::new(lead.start, end))
}

/// "khoá XX" → "XX"; "nhiệm kỳ 2020 - 2025" → "2020-2025": the first one in the region.
fn term_in(text: &str, lower: &str, region: Span) -> Option<String> {
    let (from, to) = (
        floor_boundary(lower, region.start),
        floor_boundary(lower, region.end),
    );
    let s = &lower[from..to];
    // The first keyword in text order that gives a term: look for each kind apart (by "kh",
    // "nhiệm kỳ": rarer than their first letters) and keep the earlier.
    static FINDERS: OnceLock<[memchr::memmem::Finder<'static>; 2]> = OnceLock::new();
    let [kh, nhiem_ky] = FINDERS.get_or_init(|| {
        [
            memchr::memmem::Finder::new("kh"),
            memchr::memmem::Finder::new("nhiệm kỳ"),
        ]
    });
    let khoa = kh.find_iter(s.as_bytes()).find_map(|i| {
        let kw = ["khóa ", "khoá ", "khoa "]
            .into_iter()
            .find(|kw| s[i..].starts_with(kw))?;
        Some((i, term_after_khoa(text, lower, from + i, kw)?))
    });
    // Only a term before the first "khóa" one can come first.
    let before = khoa.as_ref().map_or(s.len(), |(i, _)| *i);
    let reach = (before + "nhiệm kỳ".len()).min(s.len());
    let nhiem_ky = nhiem_ky
        .find_iter(&s.as_bytes()[..reach])
        .take_while(|&i| i < before)
        .find_map(|i| Some((i, term_after_nhiem_ky(lower, from + i)?)));
    nhiem_ky.or(khoa).map(|(_, term)| term)
}

/// "khóa XX" at `at`: the Roman numeral in capitals, or a number.
fn term_after_khoa(text: &str, lower: &str, at: usize, kw: &str) -> Option<String> {
    if !word_at(lower, at, kw.trim_end()) {
        return None;
    }
    let v = at + kw.len();
    let token: String = text[v..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let roman_caps = !token.is_empty()
        && token.chars().all(|c| "IVXLC".contains(c))
        && parse_ordinal_token(&token).is_some();
    let digits = !token.is_empty() && token.len() <= 3 && token.bytes().all(|b| b.is_ascii_digit());
    (roman_caps || digits).then_some(token)
}

/// "nhiệm kỳ 2020 - 2025" at `at` → "2020-2025".
fn term_after_nhiem_ky(lower: &str, at: usize) -> Option<String> {
    let rest = &lower[at + "nhiệm kỳ".len()..];
    let t = rest.trim_start();
    let a: String = t.chars().take_while(char::is_ascii_digit).collect();
    if a.len() != 4 {
        return None;
    }
    let after = t[4..].trim_start();
    let after = after.strip_prefix(['-', '–', '—'])?;
    let b: String = after
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    (b.len() == 4).then(|| format!("{a}-{b}"))
}

/// Body heads and their phrases, found leftmost-longest ("ủy ban thường vụ quốc hội" before
/// "quốc hội").
struct BodyLexicon {
    heads: Vec<(String, String)>,
    phrases: Phrases,
}

fn bodies() -> &'static BodyLexicon {
    static BODIES: OnceLock<BodyLexicon> = OnceLock::new();
    BODIES.get_or_init(|| {
        let heads: Vec<(String, String)> =
            super::dates::lexicon_lines(include_str!("lexicon/events_bodies.tsv"))
                .into_iter()
                .filter_map(|l| {
                    let (head, canon) = l.split_once('\t')?;
                    Some((head.trim().to_string(), canon.trim().to_string()))
                })
                .collect();
        let phrases = Phrases::new(heads.iter().map(|(h, _)| h.as_str()));
        BodyLexicon { heads, phrases }
    })
}

/// Words that continue a body's name after its head: levels and linking words.
/// Two-word unit names whose second word is written in lowercase: (first, second).
const BODY_COMPOUNDS: [(&str, &str); 8] = [
    ("quân", "sự"),
    // "Thường trực Ban Bí thư"
    ("bí", "thư"),
    ("công", "an"),
    ("biên", "phòng"),
    ("cơ", "quan"),
    ("quân", "khu"),
    ("quân", "đoàn"),
    ("sư", "đoàn"),
];

const BODY_LINKS: [&str; 17] = [
    "đảng",
    "bộ",
    "tỉnh",
    "thành",
    "phố",
    "huyện",
    "xã",
    "thị",
    "trấn",
    "quận",
    "phường",
    "tp",
    "việt",
    "nam",
    "ủy",
    "uỷ",
    "ương",
];

/// Words that open a department's name.
const DEPARTMENTS: [&str; 6] = ["sở", "bộ", "cục", "vụ", "khối", "phòng"];

/// Common Vietnamese surnames, to tell where a place name ends and a person's name begins.
const SURNAMES: [&str; 24] = [
    "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ",
    "hồ", "ngô", "dương", "lý", "đinh", "trương", "lương", "trịnh", "đoàn", "mai", "tạ", "tô",
];

/// Whether the body name at `at` belongs to a title ("Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh").
fn after_title(lower: &str, at: usize) -> bool {
    let pre = lower[floor_boundary(lower, at.saturating_sub(24))..at].trim_end();
    [
        "bí thư",
        "chủ tịch",
        "ủy viên",
        "uỷ viên",
        "trưởng",
        "phó",
        "giám đốc",
        "chánh",
        "thư ký",
        "văn phòng",
        "thành viên",
        "chủ nhiệm",
        "trưởng đoàn",
        "thường trực",
        "ban",
    ]
    .iter()
    .any(|t| super::dates::ends_with_word(pre, t))
}

/// Whether the body at `at` is cited as a document's issuer: "thực hiện Chỉ thị 05 của Bộ Chính
/// trị", "Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương" name who wrote the text being
/// discussed, not who holds the event. (A decision's issuer often announces it itself:
/// "Công bố quyết định của Ban Thường vụ Tỉnh ủy".)
fn issuer_of_document(lower: &str, at: usize) -> bool {
    let pre = lower[floor_boundary(lower, at.saturating_sub(48))..at].trim_end();
    super::dates::ends_with_word(pre, "của")
        && ["chỉ thị", "nghị quyết", "kết luận", "quy định"]
            .iter()
            .any(|d| pre.contains(d))
}

/// Whether body `long` is `short` or a longer name of it, case aside ("Hội đồng nhân dân tỉnh
/// Bắc Giang" of "Hội đồng nhân dân tỉnh").
fn extends(long: &str, short: &str) -> bool {
    let (long, short) = (long.to_lowercase(), short.to_lowercase());
    long.strip_prefix(short.as_str())
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// A word in capitals ("TỈNH", "ĐẢNG"): what a headline in capitals is written in.
/// (The lowercase test first: most words fail it at their first or second letter, before the
/// letters are counted.)
fn all_caps(word: &str) -> bool {
    word.chars().all(|c| !c.is_lowercase())
        && word.chars().filter(|c| c.is_alphabetic()).count() > 1
}

/// A link word as a body name writes it, for one read in capitals: "Đảng", "Việt Nam" keep
/// their capital, levels are lowercase ("ĐẢNG BỘ TỈNH" → "Đảng bộ tỉnh").
fn link_casing(lw: &str) -> &str {
    match lw {
        "đảng" => "Đảng",
        "việt" => "Việt",
        "nam" => "Nam",
        _ => lw,
    }
}

/// Words that name a ministry or department after its head word ("Ngoại giao", "Kế hoạch",
/// "Đầu tư"): the organisation words of `lexicon/orgs.tsv` of two words or more, each with
/// whether it is written in lowercase inside a name ("Phát triển nông thôn", "Khám, chữa
/// bệnh"), grouped by their first word (a name is looked up by the word it starts with).
/// (Looked up once per word a department's name may continue with: hashed by the lexicon's
/// fast hasher, not SipHash.)
fn department_words() -> &'static FastMap<&'static str, Vec<(&'static str, bool)>> {
    static WORDS: OnceLock<FastMap<&'static str, Vec<(&'static str, bool)>>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut by_first: FastMap<&'static str, Vec<(&'static str, bool)>> = FastMap::default();
        for l in include_str!("lexicon/orgs.tsv").lines() {
            if l.starts_with('#') {
                continue;
            }
            let mut cols = l.split('\t');
            let (Some(phrase), Some(canon), Some(flags)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            if phrase.contains(' ') && !flags.contains(['A', 'L', 'U', 'B', 'M']) {
                by_first
                    .entry(first_word(phrase))
                    .or_default()
                    .push((phrase, canon.starts_with(char::is_lowercase)));
            }
        }
        by_first
    })
}

/// The word `s` starts with (up to its first char that is no letter or digit).
fn first_word(s: &str) -> &str {
    s.find(|c: char| !is_alnum(c)).map_or(s, |e| &s[..e])
}

/// The end of a department's sentence-case name starting at `k` (just after its head word
/// "Bộ", "Sở"): "Ngoại giao", "Kế hoạch và Đầu tư", "Văn hóa, Thể thao và Du lịch".
fn department_name_end(text: &str, lower: &str, k: usize, to: usize) -> Option<usize> {
    let words = department_words();
    let mut end = None;
    // "Khối các cơ quan tỉnh": a bloc's name may start in lowercase.
    let bloc = lower[..k].ends_with("khối");
    let mut at = k;
    loop {
        // the gap before the next piece: a blank, ", ", " và ", " - "
        let rest = &text[at..to.max(at)];
        let gap = [" và ", ", ", " - ", " – ", " "]
            .iter()
            .find(|g| rest.starts_with(**g) && (end.is_some() || **g == " "))?;
        let p = at + gap.len();
        let capital = text[p..].starts_with(char::is_uppercase);
        let piece = words
            .get(first_word(&lower[p..]))
            .into_iter()
            .flatten()
            .filter(|(w, lowercase)| {
                (capital || (*lowercase && (end.is_some() || bloc)))
                    && p + w.len() <= to
                    && word_at(lower, p, w)
            })
            .map(|(w, _)| w.len())
            .max();
        match piece {
            Some(len) => {
                at = p + len;
                end = Some(at);
            }
            None => break,
        }
    }
    end
}

/// The first department named in `from..to` by its head and name ("Bộ Công an", "Sở Kế
/// hoạch và Đầu tư"), not as part of a title ("Bộ trưởng Bộ Công an"): (start, end).
fn department_in(text: &str, lower: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    ["Bộ", "Sở"]
        .iter()
        .filter_map(|head| {
            find_all_str(&text[from..to], head)
                .map(|i| from + i)
                .filter(|&at| word_at(text, at, head) && !after_title(lower, at))
                .find_map(|at| Some((at, department_name_end(text, lower, at + head.len(), to)?)))
        })
        .min()
}

/// The first body named in the region, head expanded: "BCH Đảng bộ tỉnh" → "Ban Chấp hành
/// Đảng bộ tỉnh", "HĐND tỉnh Sóc Trăng" → "Hội đồng nhân dân tỉnh Sóc Trăng".
fn body_in(text: &str, lower: &str, region: Span) -> Option<String> {
    let (from, to) = (
        floor_boundary(lower, region.start),
        floor_boundary(lower, region.end),
    );
    let lex = bodies();
    let best = lex
        .phrases
        .leftmost_longest(&lower[from..to])
        .filter_map(|m| {
            let (head, canon) = lex.heads.get(m.phrase)?;
            let at = from + m.start;
            (word_at(lower, at, head) && !after_title(lower, at) && !issuer_of_document(lower, at))
                .then_some((at, head.as_str(), canon.as_str()))
        })
        .next();
    // A ministry or department named before any body head holds the event: "Bộ Công an tổ
    // chức hội nghị".
    let department = department_in(text, lower, from, best.map_or(to, |(at, _, _)| at));
    let (mut out, mut k) = match (department, best) {
        (Some((at, end)), _) => (text[at..end].to_string(), end),
        (None, Some((at, head, ""))) => (text[at..at + head.len()].to_string(), at + head.len()),
        (None, Some((at, head, canon))) => (canon.to_string(), at + head.len()),
        (None, None) => return None,
    };
    // (a department's name counts as a place's first word: a surname after it starts a person)
    let mut capitals = usize::from(department.is_some());
    let head_end = k;
    let mut after_country = false;
    loop {
        let rest = &text[k..to.max(k)];
        // Skip a bracketed abbreviation: "Ban Chấp hành (BCH) Đảng bộ tỉnh".
        let trimmed = rest.trim_start();
        if let Some(inner) = trimmed.strip_prefix('(') {
            if let Some(close) = inner.find(')') {
                if close <= 12 && !inner[..close].contains(' ') {
                    k += rest.len() - trimmed.len() + 1 + close + 1;
                    continue;
                }
            }
        }
        let ws = rest.len() - trimmed.len();
        if ws == 0 || !rest.starts_with(' ') {
            break;
        }
        let word: &str = trimmed
            .split(|c: char| !(is_alnum(c) || c == '.' || c == '-'))
            .next()
            .unwrap_or("");
        let word = word.trim_end_matches(['.', '-']);
        if word.is_empty() {
            break;
        }
        // `lower` covers the lead, and lowercasing keeps every char's offset.
        let at_word = k + ws;
        let lw = &lower[at_word..at_word + word.len()];
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && !word
                .chars()
                .all(|c| c.is_uppercase() && c.is_alphabetic() && word.len() > 1)
            || lw == "tp"
            || word == "TP";
        // "Đảng bộ Quân khu 9", "Sư đoàn 5": the number of a numbered unit.
        let numbered = lw.bytes().all(|b| b.is_ascii_digit())
            && (out.ends_with(" khu") || out.ends_with(" đoàn"));
        // "Đảng bộ Quân sự tỉnh", "Đảng bộ Công an tỉnh": the lowercase half of a unit's name.
        // (the second word first: lowercasing the first costs a copy)
        let compound = !capitalised
            && BODY_COMPOUNDS.iter().any(|&(_, second)| second == lw)
            && out
                .rsplit(' ')
                .next()
                .is_some_and(|prev| BODY_COMPOUNDS.contains(&(lower_aligned(prev).as_str(), lw)));
        let link = compound || numbered || BODY_LINKS.contains(&lw);
        let stop = matches!(
            lw,
            "khóa"
                | "khoá"
                | "nhiệm"
                | "lần"
                | "tổ"
                | "đã"
                | "họp"
                | "cho"
                | "về"
                | "và"
                | "tại"
                | "kỳ"
        );
        if stop || !(link || capitalised) || (after_country && !link) {
            break;
        }
        // A surname after a place's first word starts a person's name: "tỉnh Nghệ An Nguyễn ...".
        // Right after the head, a surname and two more capitalised words are the name of the
        // title's holder: "Thủ tướng Chính phủ Đặng Quốc Toản".
        if capitalised && !link {
            let person_next = || {
                let after = &text[at_word + word.len()..to.max(at_word + word.len())];
                let mut words = after.split_whitespace();
                words.clone().count() >= 2
                    && words
                        .by_ref()
                        .take(2)
                        .all(|w| w.starts_with(char::is_uppercase))
            };
            // (a surname ends a place only before a given name: "Thành ủy Hải Dương tổ chức")
            let given_next = || {
                text[at_word + word.len()..to.max(at_word + word.len())]
                    .strip_prefix(' ')
                    .is_some_and(|w| w.starts_with(char::is_uppercase))
            };
            if SURNAMES.contains(&lw)
                && ((capitals > 0 && given_next())
                    || ((k == head_end || out.ends_with(" Bí thư")) && person_next()))
            {
                break;
            }
            capitals += 1;
        } else {
            capitals = 0;
        }
        let link_in_caps = link && all_caps(word);
        // Abbreviations inside a body name keep their expansion.
        let piece = match lw {
            "tp" => "thành phố",
            "uỷ" => "ủy",
            "ương" if out.ends_with("Trung") => "ương",
            // (a headline in capitals: "ĐOÀN ĐẠI BIỂU QUỐC HỘI TỈNH")
            _ if link_in_caps => link_casing(lw),
            _ => word,
        };
        // "TỈNH ỦY" → "Tỉnh ủy": a party committee's name is capitalised as a name.
        if link_in_caps && matches!(lw, "ủy" | "uỷ") {
            if let Some(space) = out.rfind(' ') {
                let prev = out.split_off(space + 1);
                let mut chars = prev.chars();
                out.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                out.push_str(chars.as_str());
            }
        }
        out.push(' ');
        out.push_str(piece);
        k += ws + word.len();
        // A department's own name is sentence-case ("Sở Văn hóa, Thể thao và Du lịch"): read
        // it by its words ("Đoàn Thanh niên Bộ Ngoại giao"), or stop at its head word.
        // After "Việt Nam" only a level may follow ("... Việt Nam tỉnh X").
        if capitalised && DEPARTMENTS.contains(&lw) {
            match department_name_end(text, lower, k, to) {
                Some(end) => {
                    out.push_str(&text[k..end]);
                    k = end;
                    capitals = 1;
                }
                None => break,
            }
        }
        if out.len() > 160 {
            break;
        }
        after_country = out.ends_with("Việt Nam");
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::normalize;

    fn kind_name(k: EventKind) -> String {
        serde_json::to_value(k)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }

    /// `events.examples.tsv`: text, kind, ordinal, term, body (`-` for none).
    #[test]
    fn examples_corpus() {
        let mut failures = Vec::new();
        let mut n = 0;
        for (i, line) in include_str!("events.examples.tsv").lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            n += 1;
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 5, "events.examples.tsv:{}: 5 columns", i + 1);
            let text = normalize::normalize(&cols[0].replace("\\n", "\n"));
            let ev = detect(&text, &normalize::sentences(&text));
            let want = |s: &str| (s != "-").then(|| s.to_string());
            let got = [
                Some(kind_name(ev.kind)),
                ev.ordinal.map(|o| o.to_string()),
                ev.term.clone(),
                ev.body.clone(),
            ];
            let expected = [want(cols[1]), want(cols[2]), want(cols[3]), want(cols[4])];
            if got != expected {
                failures.push(format!(
                    "  events.examples.tsv:{}: expected {:?}, got {:?}",
                    i + 1,
                    expected,
                    got
                ));
            }
            if let Some(e) = ev.evidence {
                assert!(text.get(e.mention.start..e.mention.end).is_some());
            }
        }
        assert!(n >= 20);
        assert!(
            failures.is_empty(),
            "{} failing:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn first_term_wins() {
        let term = |t: &str| term_in(t, &lower_aligned(t), Span::new(0, t.len()));
        assert_eq!(
            term("Đại hội nhiệm kỳ 2020 - 2025, khóa XX"),
            Some("2020-2025".into())
        );
        assert_eq!(
            term("Ban Chấp hành khóa XX, nhiệm kỳ 2020-2025"),
            Some("XX".into())
        );
        assert_eq!(
            term("khóa học, nhiệm kỳ 2020–2025; khoá 12"),
            Some("2020-2025".into())
        );
        assert_eq!(
            term("khoa học khóa nhiệm kỳ 2020-2025"),
            Some("2020-2025".into())
        );
        assert_eq!(term("không có khóa ... nhiệm kỳ"), None);
    }

    #[test]
    fn headlines() {
        let h = |t: &str| detect(t, &normalize::sentences(t)).headline;
        assert_eq!(
            h("Thủ tướng trao quyết định cho 2 Phó Thủ tướng 25/10/2025 12:38\n\nSáng 25-10, ...")
                .as_deref(),
            Some("Thủ tướng trao quyết định cho 2 Phó Thủ tướng")
        );
        assert_eq!(h("Sáng 28-12, BCH Đảng bộ tỉnh họp hội nghị."), None);
        assert_eq!(
            h("19/11/2015 - 18:22\n\nHội nghị báo cáo viên Tỉnh ủy\nChiều ngày 18-11-2015, ...")
                .as_deref(),
            Some("Hội nghị báo cáo viên Tỉnh ủy")
        );
        assert_eq!(h("Ảnh chụp tại hội nghị.\nTiêu đề"), None);
        assert_eq!(
            h("Thời sự\nHĐND tỉnh bầu Phó Chủ tịch UBND tỉnh\nChiều 10/7, ...").as_deref(),
            Some("HĐND tỉnh bầu Phó Chủ tịch UBND tỉnh")
        );
        // a number of the headline's own is no stamp
        assert_eq!(
            h("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 28\nSáng 18/12, ...").as_deref(),
            Some("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 28")
        );
        assert_eq!(
            h("Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030 25/07/2025 - 09:12\nNgày 24/7")
                .as_deref(),
            Some("Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030")
        );
    }

    #[test]
    fn words_counted_as_split_whitespace() {
        let pieces = [
            "hội", " ", "\t", "\n", "\u{b}", "\u{85}", "\u{a0}", "\u{1680}", "\u{2003}",
            "\u{3000}", "ỹ", "Ấ", "\u{1e9a}", "“", "a", "ab cd", "đ", "\u{1e80}",
        ];
        let mut seed = 11u64;
        for n in 0..5000 {
            let mut s = String::new();
            for _ in 0..n % 60 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            for max in [1, 4, 8, 46] {
                let want = s.split_whitespace().take(max).count();
                assert_eq!(count_words(&s, max), want, "{s:?}");
            }
        }
    }

    #[test]
    fn ordinal_words() {
        assert_eq!(ordinal_value("mười hai ban"), Some(12));
        assert_eq!(ordinal_value("nhất, hđnd"), Some(1));
        assert_eq!(ordinal_value("hai mươi mốt"), Some(21));
        assert_eq!(ordinal_value("22 hđnd"), Some(22));
        assert_eq!(ordinal_value("xviii"), Some(18));
    }
}
