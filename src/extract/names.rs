//! Officials: names of people who hold, held or are given a position, with their titles and
//! their part in the event.
//!
//! The grammar reads each sentence left to right over the annotated tokens ([`Doc`]):
//! - a person is a name run opened by a cue ("đồng chí", "ông", "bà", a rank) or by a family
//!   name, followed by a chain of titles (", Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh");
//! - a title chain may come before the name ("Bí thư Tỉnh ủy Phạm Gia Túc", "nguyên Trưởng Ban
//!   Tuyên giáo Tỉnh ủy - Trần Văn Lực"), be shared by a list ("các Phó Chủ tịch HĐND tỉnh A và
//!   B", "Ba Phó Bí thư Tỉnh ủy gồm ông A, B và C"), or go to the persons after it ("bầu chức
//!   danh X đối với ông A, <title> và bà B, <title>");
//! - a predicate gives the persons just named a new or lost title ("được bầu giữ chức X",
//!   "làm X", "nay thôi giữ chức X", "tham gia Ban Thường vụ Tỉnh ủy");
//! - a role verb after them ("chủ trì", "dự", "phát biểu") gives their part in the event.
//!
//! A name that never receives a title is not an official and is dropped.

use super::lexicon::{flag, Case, Class, Doc, FastMap, Gram, Kind};
use super::normalize::{fold, fold_first, fold_into};
use super::titles::{self, Mode, Scan};
use super::{Author, Evidence, Official, Role, Span, Title, TitleChange};
use std::borrow::Cow;

/// Single-word organisation nouns a name never runs into.
const ORG_STOP: &[&str] = &[
    "Đảng",
    "Bộ",
    "Sở",
    "Ban",
    "Phòng",
    "Cục",
    "Vụ",
    "Viện",
    "Tỉnh ủy",
    "Thành ủy",
    "Huyện ủy",
    "Quận ủy",
    "Thị ủy",
    "Đảng ủy",
    "Đảng bộ",
    "Ủy ban",
    "Hội đồng",
    "Chính phủ",
    "Quốc hội",
    "Trung ương",
    "Khối",
    "Văn phòng",
    "Công an",
    "Mặt trận",
    "Chi bộ",
    "Đảng đoàn",
];

/// May token `i` open anything in a sentence outside a list: a ';', or a lexicon hit but an
/// organisation's alone (a place, cue, rank, title, family name). A word that only starts an
/// organisation's name fails every test of the sentence loop but two: a capitalised "H'" may
/// open a name ("H'Linh Mlô", see `name_start`), so those starting with "H" are let in, and
/// "Q." may be "Quyền" (see `titles::starts`).
#[inline]
fn opens(d: &Doc, i: usize) -> bool {
    if d.has_hits(i) {
        d.has_hit_but(i, Class::Org)
            || d.case(i) == Some(Case::Cap) && d.raw(i).starts_with('H')
            // ("Q." is a district's initial, or "Quyền" before a head)
            || d.raw(i) == "Q"
    } else {
        d.is_punct(i, ';')
    }
}

/// Can token `k` be part of a personal name?
fn name_tok(d: &Doc, k: usize, end: usize) -> bool {
    if k >= end || d.case(k) != Some(Case::Cap) {
        return false;
    }
    if titles::starts(d, k, end) || d.gram(k, |g| matches!(g, Gram::Cue | Gram::Cues)).is_some() {
        return false;
    }
    if let Some((e, o)) = d.org(k) {
        // An organisation phrase with a lowercase word ("thực hiện", "Hải quan") capitalised
        // word by word is a name: "Nguyễn Thực Hiện", "Lê Hải Quan".
        let bridge_name =
            || has_lowercase_word(&o.canon) && (k..e).all(|t| d.case(t) == Some(Case::Cap));
        // (a one-word body closing a name before a comma is a given name: "Hà Văn Ban, Phó
        // Chủ tịch UBND tỉnh")
        let given = e == k + 1
            && k > 0
            && d.case(k - 1) == Some(Case::Cap)
            && (e >= end || matches!(d.kind(e), Some(Kind::Punct(',' | ';' | '.'))));
        if d.surname(k).is_none()
            && ((e > k + 1 && !bridge_name()) || ORG_STOP.contains(&o.canon.as_str()) && !given)
        {
            return false;
        }
    }
    true
}

/// Does a word of `s` (split on single blanks) start with a lowercase letter?
fn has_lowercase_word(s: &str) -> bool {
    let mut word_start = true;
    for c in s.chars() {
        if word_start && c.is_lowercase() {
            return true;
        }
        word_start = c == ' ';
    }
    false
}

/// End of the run of name words starting at `j` (at most six), if `j` is one.
pub fn name_run(d: &Doc, j: usize, end: usize) -> Option<usize> {
    let mut k = j;
    while k < end && k - j < 6 && name_tok(d, k, end) {
        k += 1;
        // "Park Ji-yeon", "Xay-xổm-phon": syllables of a foreign name joined by hyphens
        while k + 1 < end
            && d.kind(k) == Some(Kind::Punct('-'))
            && matches!(d.case(k + 1), Some(Case::Lower | Case::Cap))
            && d.span(k - 1, k).end == d.span(k, k + 1).start
            && d.span(k, k + 1).end == d.span(k + 1, k + 2).start
            && !titles::starts(d, k + 1, end)
        {
            k += 2;
        }
    }
    (k > j).then_some(k)
}

/// A name opening at `j` without a cue: a family name, then two to four name words in all
/// (a weak family name needs three: "Lâm Bình" is a district, "Lâm Minh Đằng" a person).
/// Returns the end of the name.
#[inline]
pub fn name_start(d: &Doc, j: usize, end: usize) -> Option<usize> {
    // (most words asked are no family name and open no "H'": answered without a call)
    if d.surname(j).is_none() && !d.lower(j).starts_with('h') {
        return None;
    }
    name_start_at(d, j, end)
}

#[inline(never)]
fn name_start_at(d: &Doc, j: usize, end: usize) -> Option<usize> {
    let Some((se, sn)) = d.surname(j) else {
        // Ê Đê women's names open with "H'" joined to the given name ("H'Linh Mlô", "H'Yim
        // Kđoh"): no place or word starts that way but the peoples H'Mông and H're.
        let given = d
            .lower(j)
            .strip_prefix("h'")
            .or_else(|| d.lower(j).strip_prefix("h’"))?;
        let run = name_run(d, j, end)?;
        return (!given.is_empty()
            && !["mông", "re", "rê"].contains(&given)
            && d.raw(j).chars().nth(2).is_some_and(char::is_uppercase)
            && (2..=4).contains(&(run - j)))
        .then_some(run);
    };
    let run = name_run(d, j, end)?;
    let extra = se - j - 1; // multi-word family names ("Tôn Nữ")
    let len = run - j - extra;
    // Ê Đê and Jrai men's names open with "Y" and run to five syllables ("Y Thanh Hà Niê
    // Kđăm").
    let longest = if d.lower(j) == "y" { 5 } else { 4 };
    if run <= se || !(2..=longest).contains(&len) {
        return None;
    }
    // "Giang Đỗ Thanh Bình": a family name right after means the name starts later, unless
    // the word before is "tỉnh" and no province follows it: after "tỉnh" only a province is
    // a place, so "UBND tỉnh Lương Nguyễn Minh Triết" is one name of four syllables.
    if len >= 4
        && d.surname(j + 1).is_some_and(|(_, s)| s.has(flag::STRONG))
        && !(j > 0
            && (d.lower(j - 1) == "tỉnh"
                || j > 1 && d.lower(j - 1) == "ủy" && d.lower(j - 2) == "tỉnh")
            && d.province(j).is_none())
    {
        return None;
    }
    if sn.has(flag::STRONG) || len >= 3 {
        Some(run)
    } else {
        None
    }
}

/// Is the title one that several people hold at once (a deputy, a member, a deputy minister),
/// so that "<title> A và B" gives it to both?
fn several_hold(d: &Doc, s: &Scan) -> bool {
    // (the canonical head phrase: "Phó Chủ tịch", "Ủy viên", "Tỉnh ủy viên")
    several_hold_text(&titles::canonical_tokens(d, s.head, s.head + 1, &[]))
}

/// [`several_hold`] for a canonical title (or its head phrase).
fn several_hold_text(t: &str) -> bool {
    ["Phó ", "Ủy viên", "Thứ trưởng", "đại biểu"]
        .iter()
        .any(|p| t.starts_with(p))
        || t.ends_with("ủy viên")
}

/// Is the person (or title) at `i` someone remembered rather than present: "cố Thủ tướng X",
/// "cố đồng chí X", "Ngày sinh (của) đồng chí X", "ngày mất của đồng chí X"?
fn remembered(d: &Doc, i: usize) -> bool {
    let before = |k: usize| i.checked_sub(k).map_or("", |j| d.lower(j));
    // (the word just before decides most: the words before it are read only after these)
    match before(1) {
        "cố" => true,
        "sinh" | "mất" => matches!(before(2), "ngày" | "năm"),
        // "nhà lưu niệm đồng chí X", "tưởng niệm đồng chí X", "tưởng nhớ đồng chí X", "mặc
        // niệm Chủ tịch Tôn Đức Thắng"
        "niệm" => matches!(before(2), "lưu" | "tưởng" | "mặc"),
        "nhớ" => before(2) == "tưởng",
        "của" => matches!((before(3), before(2)), ("ngày" | "năm", "sinh" | "mất")),
        _ => false,
    }
}

/// Does the title at `i` name whom someone acts for ("thừa ủy quyền (của)", "thừa lệnh",
/// "thay mặt", "ủy quyền của")? ("ủy quyền Bộ trưởng" reads "quyền" as the title's "acting".)
fn on_behalf_of(d: &Doc, i: usize) -> bool {
    let before = |k: usize| i.checked_sub(k).map_or("", |j| d.lower(j));
    (d.lower(i) == "quyền" && before(1) == "ủy")
        || matches!(
            (before(2), before(1)),
            ("quyền", "của") | ("ủy", "quyền") | ("thừa", "lệnh") | ("thay", "mặt")
        )
}

/// Titles read once and given to each person of a list.
struct Shared<'s> {
    scans: &'s [(Scan, TitleChange)],
    /// Given as held, whatever change they were read with.
    held: bool,
    /// Made from `scans` for the first person given them.
    titles: Option<Vec<Title>>,
}

impl<'s> Shared<'s> {
    fn new(scans: &'s [(Scan, TitleChange)], held: bool) -> Self {
        Shared {
            scans,
            held,
            titles: None,
        }
    }
}

/// Per-person accumulator while reading.
#[derive(Default)]
struct Acc<'a> {
    /// Spellings as written: (name, mentions, a known misspelling).
    variants: Vec<(&'a str, u32, bool)>,
    rank: Option<String>,
    titles: Vec<Title>,
    roles: Vec<Role>,
    mentions: Vec<Evidence>,
}

/// State of one sentence (one per text, reset at each sentence: its lists keep their room).
#[derive(Default)]
struct Sent {
    /// Persons the next predicate applies to.
    group: Vec<usize>,
    /// Every person named as a subject in the sentence (roles apply to all of them).
    list: Vec<usize>,
    /// Names without a family name are accepted (after "các đồng chí:" or a "; " item).
    list_mode: bool,
    /// A plural cue opened the list ("hiệp thương cử các đồng chí: A, ...; B, ... giữ chức
    /// X"): its ";" items stay one group for the predicate that closes it.
    cued_list: bool,
    /// The change of an office named before its persons: set by "bầu", "miễn nhiệm"...
    obp: Option<TitleChange>,
    /// Persons of a list named without an office, each followed by "," or "và" and the next
    /// name ("Các ông A, B, Phó Chủ tịch UBND tỉnh"), and the token where that name starts.
    bare: Vec<usize>,
    bare_next: usize,
    /// The sentence nominates ("giới thiệu ... để HĐND tỉnh bầu giữ chức X").
    nominates: bool,
    span: Span,
}

impl Sent {
    /// Do ";"-joined persons stay one group for the predicate that closes the sentence? After
    /// a plural cue ("cử các đồng chí: A, ...; B, ... giữ chức X") or a verb of appointment
    /// ("bổ nhiệm ông A, <office>; ông B, <office> giữ chức X"), when a person follows the ";"
    /// at `next` (not a clause of its own: "...; chỉ định đồng chí Z giữ chức W").
    fn keeps_group(&self, d: &Doc, next: usize) -> bool {
        let person_next = || {
            d.gram(next, |g| matches!(g, Gram::Cue | Gram::Cues))
                .is_some()
                || name_start(d, next, d.len()).is_some()
        };
        self.cued_list || self.obp.is_some() && person_next()
    }

    fn reset(&mut self, span: Span) {
        self.group.clear();
        self.list.clear();
        self.list_mode = false;
        self.cued_list = false;
        self.obp = None;
        self.bare.clear();
        self.nominates = false;
        self.span = span;
    }
}

struct Parser<'a> {
    d: &'a Doc<'a>,
    people: Vec<Acc<'a>>,
    by_key: FastMap<String, usize>,
    /// Tokens inside bylines.
    masked: Vec<bool>,
    /// Person last mentioned with each given name (folded), for "ông Hạnh".
    by_last: FastMap<String, usize>,
    /// Room for the words of a title being canonicalised.
    words: Vec<Cow<'a, str>>,
    /// Acronyms the text defines, with the canonical name each stands for.
    acronyms: Vec<(&'a str, String)>,
    /// Room for a name's folded key (looked up borrowed, copied only when new).
    key: String,
    /// The offices of a list's header closing its line ("Danh sách Ủy viên UBND tỉnh gồm:"),
    /// for the numbered or bulleted lines under it ("1. Lê Văn A, Giám đốc Sở Nội vụ").
    header: Vec<Title>,
}

/// Every official named in `text` (already normalized), in order of first mention.
pub fn find_officials(text: &str, sentences: &[Span], authors: &[Author]) -> Vec<Official> {
    officials_in(&Doc::new(text), sentences, authors)
}

/// [`find_officials`] over an annotated text.
pub fn officials_in(d: &Doc, sentences: &[Span], authors: &[Author]) -> Vec<Official> {
    let mut masked = vec![false; d.len()];
    // bylines, the entries of related-links lists (other stories' people) and the masthead
    let links = super::bylines::related_link_spans(d.text);
    let masthead = super::bylines::masthead_spans(d.text);
    let spans = authors
        .iter()
        .map(|a| a.evidence.mention)
        .chain(links)
        .chain(masthead);
    for span in spans {
        let (s, e) = (d.tok_at_byte(span.start), d.tok_at_byte(span.end));
        for m in masked.iter_mut().take(e).skip(s) {
            *m = true;
        }
    }
    let mut p = Parser {
        d,
        people: Vec::new(),
        // (room for the persons of most texts: no rehash as they are met)
        by_key: FastMap::with_capacity_and_hasher(14, Default::default()),
        masked,
        by_last: FastMap::with_capacity_and_hasher(14, Default::default()),
        // (room for the words of most titles)
        words: Vec::with_capacity(32),
        acronyms: defined_acronyms(d),
        key: String::with_capacity(64),
        header: Vec::new(),
    };
    let mut st = Sent::default();
    for s in sentences {
        let a = d.tok_at_byte(s.start);
        let b = d.tok_at_byte(s.end);
        if a < b {
            st.reset(*s);
            // (asked only under a header: most texts have none)
            let header = if p.header.is_empty() {
                Vec::new()
            } else if list_item_at(d, a) {
                std::mem::take(&mut p.header)
            } else {
                p.header.clear();
                Vec::new()
            };
            p.sentence(a, b, &mut st);
            if header.is_empty() {
                continue;
            }
            // the item's person: the first named in its line
            let first = p
                .people
                .iter()
                .enumerate()
                .filter_map(|(pid, acc)| {
                    let m = acc.mentions.iter().find(|m| m.sentence == *s)?;
                    Some((m.mention.start, pid))
                })
                .min()
                .map(|(_, pid)| pid);
            if let Some(pid) = first {
                for t in &header {
                    p.give(pid, t.clone());
                }
                p.header = header;
            } else if (a..b).all(|x| d.case(x).is_none()) {
                // (a sentence of the marker alone, "1.": the item's words follow it)
                p.header = header;
            }
        }
    }
    p.finish()
}

/// Does the sentence at token `a` open a list item: "1.", "2)", "-", "+", "•" at its line's
/// start, or right after them (a sentence may begin past "1. ")?
fn list_item_at(d: &Doc, a: usize) -> bool {
    let start = d.span(a, a + 1).start;
    let line = d.text[..start].rfind('\n').map_or(0, |n| n + 1);
    let marker = |m: &str| {
        let m = m.trim();
        matches!(m, "-" | "+" | "•" | "–")
            || m.len() <= 4
                && m.ends_with(['.', ')'])
                && m[..m.len() - 1].bytes().all(|c| c.is_ascii_digit())
                && m.len() > 1
    };
    let before = &d.text[line..start];
    if before.trim().is_empty() {
        d.is_num(a) && matches!(d.kind(a + 1), Some(Kind::Punct('.' | ')')))
            || matches!(d.kind(a), Some(Kind::Punct('-' | '+' | '•' | '–')))
    } else {
        marker(before)
    }
}

/// Acronyms an article defines for an organisation it names in full: "Tổng công ty Điện lực
/// miền Bắc (EVNNPC)". Titles written with the acronym ("Phó Tổng Giám đốc EVNNPC") get the
/// full name. (Acronyms the lexicon knows are expanded already; a brand written as a word,
/// "Ngân hàng ... Việt Nam (Agribank)", is a name and stays as written.)
fn defined_acronyms<'a>(d: &Doc<'a>) -> Vec<(&'a str, String)> {
    let mut out: Vec<(&'a str, String)> = Vec::new();
    // (each '(' of the text is a token of its own: found by memchr, not asked of every token)
    for at in memchr::memchr_iter(b'(', d.text.as_bytes()) {
        let p = d.tok_at_byte(at);
        if p == 0 || p + 2 >= d.len() || !d.is_punct(p, '(') || !d.is_punct(p + 2, ')') {
            continue;
        }
        let a = p + 1;
        let written = d.raw(a);
        if d.kind(a) != Some(Kind::Word(Case::Upper)) || written.len() < 3 || d.has_hits(a) {
            continue;
        }
        // The name: from the leftmost unit word ("Tổng công ty", "Ngân hàng") whose words run
        // to the bracket as one name (organisation words, capitalised words, '-', '&').
        let spans_to_bracket = |mut t: usize| {
            while t < p {
                t = match (d.org(t), d.kind(t)) {
                    (Some((e, _)), _) if e <= p => e,
                    // (a word's second syllable is lowercase: "Đường sắt")
                    (_, Some(Kind::Word(Case::Cap)))
                        if t + 1 < p
                            && d.case(t + 1) == Some(Case::Lower)
                            && !d.has_hits(t + 1) =>
                    {
                        t + 2
                    }
                    (_, Some(Kind::Word(Case::Cap | Case::Upper))) => t + 1,
                    (_, Some(Kind::Punct('-' | '&'))) => t + 1,
                    _ => return false,
                };
            }
            true
        };
        let start = (p.saturating_sub(14)..p.saturating_sub(1)).find(|&t| {
            d.org(t).is_some_and(|(e, o)| e < p && o.has(flag::UNIT)) && spans_to_bracket(t)
        });
        if let Some(t) = start {
            if !out.iter().any(|(w, _)| *w == written) {
                out.push((written, titles::canonical_tokens(d, t, p, &[])));
            }
        }
    }
    out
}

/// `text` with each whole word that is one of `acronyms` replaced by its full name.
fn expand_acronyms(text: &str, acronyms: &[(&str, String)]) -> String {
    if !text
        .split(' ')
        .any(|w| acronyms.iter().any(|(a, _)| *a == w))
    {
        return text.to_string();
    }
    let words: Vec<&str> = text
        .split(' ')
        .map(|w| {
            acronyms
                .iter()
                .find(|(a, _)| *a == w)
                .map_or(w, |(_, full)| full.as_str())
        })
        .collect();
    words.join(" ")
}

fn combine(a: TitleChange, b: TitleChange) -> TitleChange {
    match (a, b) {
        (TitleChange::Left, _) | (_, TitleChange::Left) => TitleChange::Left,
        (TitleChange::Taken, _) | (_, TitleChange::Taken) => TitleChange::Taken,
        _ => TitleChange::Held,
    }
}

impl<'a> Parser<'a> {
    fn masked(&self, i: usize) -> bool {
        self.masked.get(i).copied().unwrap_or(false)
    }

    /// Records a mention of the name in tokens `a..b`; a single word resolves to a person
    /// already named with that given name ("ông Hạnh").
    fn mention(&mut self, a: usize, b: usize, st: &Sent) -> Option<usize> {
        let d = self.d;
        let name = d.slice(a, b);
        let ev = Evidence {
            mention: d.span(a, b),
            sentence: st.span,
        };
        self.key.clear();
        fold_into(name, &mut self.key);
        let key = self.key.as_str();
        // An Ê Đê name's short form keeps its prefix; its family name (last) is left out:
        // "Y Wik" for Y Wik Mlô, "H'Yim" for H'Yim Kđoh (folded, "h yim").
        if (key.starts_with("y ") || key.starts_with("h "))
            && key.bytes().filter(|&c| c == b' ').count() <= 2
            && !self.by_key.contains_key(key)
        {
            let mut longer = self
                .by_key
                .iter()
                .filter(|(k, _)| k.len() > key.len() && k.starts_with(key))
                .filter(|(k, _)| k.as_bytes()[key.len()] == b' ');
            if let (Some((_, &pid)), None) = (longer.next(), longer.next()) {
                self.people[pid].mentions.push(ev);
                return Some(pid);
            }
        }
        // (a K'Ho name is often one word: "ông K'Broi")
        // (bytes: the first letter may be a two-byte "Đ")
        let apostrophe = |n: &str| {
            n.as_bytes()[1..].starts_with(b"'") || n.as_bytes()[1..].starts_with("’".as_bytes())
        };
        if b - a == 1 && !(name.len() > 3 && apostrophe(name)) {
            let pid = *self.by_last.get(key)?;
            self.people[pid].mentions.push(ev);
            return Some(pid);
        }
        let known = self.by_key.get(key).copied();
        let pid = known.unwrap_or(self.people.len());
        // the given name: the last word of the key (a byte loop: names are short)
        let last = &key[key.bytes().rposition(|c| c == b' ').map_or(0, |k| k + 1)..];
        match self.by_last.get_mut(last) {
            Some(p) => *p = pid,
            None => {
                self.by_last.insert(last.to_string(), pid);
            }
        }
        if known.is_none() {
            self.people.push(Acc::default());
            self.by_key.insert(key.to_string(), pid);
        }
        let acc = &mut self.people[pid];
        match acc.variants.iter_mut().find(|v| v.0 == name) {
            Some(v) => v.1 += 1,
            None => {
                let typo = d
                    .surname(a)
                    .is_some_and(|(_, s)| s.canon.contains(['ế', 'ể']));
                acc.variants.push((name, 1, typo));
            }
        }
        acc.mentions.push(ev);
        Some(pid)
    }

    /// The title read by `s`, in canonical form.
    fn title(&mut self, s: &Scan, change: TitleChange, st: &Sent) -> Option<Title> {
        let d = self.d;
        let mut text = titles::canonical_tokens_with(d, s.head, s.end, &s.skips, &mut self.words);
        // "Phó giám đốc Sở này": the unit named last before.
        if s.end > s.head + 1 && titles::unit_at(d, s.end - 1) && d.lower(s.end) == "này" {
            if let Some(org) = self.antecedent(s.end - 1, s.start) {
                let head = titles::canonical_tokens(d, s.head, s.end - 1, &s.skips);
                text = format!("{head} {org}");
            }
        }
        if text.is_empty() {
            return None;
        }
        if !self.acronyms.is_empty() {
            text = expand_acronyms(&text, &self.acronyms);
        }
        if let Some(body) = s.implied {
            text.push(' ');
            text.push_str(body);
        }
        if s.acting {
            text = format!("Quyền {text}");
        }
        if s.former {
            text = format!("nguyên {text}");
        }
        let change = if s.new { TitleChange::Taken } else { change };
        Some(Title {
            text,
            change,
            former: s.former,
            acting: s.acting,
            concurrent: s.concurrent,
            evidence: Evidence {
                mention: d.span(s.start, s.end),
                sentence: st.span,
            },
        })
    }

    /// The person whose latest mention ends last before byte `at`.
    fn named_last(&self, at: usize) -> Option<usize> {
        self.people
            .iter()
            .enumerate()
            .filter_map(|(pid, acc)| {
                let end = acc
                    .mentions
                    .iter()
                    .map(|m| m.mention.end)
                    .filter(|&e| e <= at)
                    .max()?;
                Some((end, pid))
            })
            .max()
            .map(|(_, pid)| pid)
    }

    /// The organisation an anaphoric "<unit> này" at `unit` refers to: the nearest earlier
    /// "<unit> <Name...>".
    fn antecedent(&self, unit: usize, before: usize) -> Option<String> {
        let d = self.d;
        let w = d.lower(unit);
        let lo = before.saturating_sub(3000);
        let t = (lo..before)
            .rev()
            .find(|&t| d.lower(t) == w && d.case(t + 1) == Some(Case::Cap))?;
        let mut e = t + 1;
        let limit = (t + 16).min(d.len());
        let mut skips = Vec::new();
        while e < limit {
            if d.case(e) == Some(Case::Cap) || d.org(e).is_some_and(|(_, o)| !o.has(flag::BRIDGE)) {
                if d.lower(e) == "và" && d.case(e + 1) != Some(Case::Cap) {
                    break;
                }
                e += 1;
            } else if d.is_punct(e, '(') {
                match (e..limit).find(|&k| d.is_punct(k, ')')) {
                    Some(c) => {
                        skips.push((e, c + 1));
                        e = c + 1;
                    }
                    None => break,
                }
            } else {
                break;
            }
        }
        skips.retain(|&(a, _)| a < e);
        let text = titles::canonical_tokens(d, t, e, &skips);
        (!text.is_empty()).then_some(text)
    }

    fn give(&mut self, pid: usize, t: Title) {
        self.people[pid].titles.push(t);
    }

    fn give_scan(&mut self, pids: &[usize], s: &Scan, change: TitleChange, st: &Sent) {
        if let Some(t) = self.title(s, change, st) {
            if let Some((&last, rest)) = pids.split_last() {
                for &p in rest {
                    self.give(p, t.clone());
                }
                self.give(last, t);
            }
        }
    }

    fn add_role(&mut self, pids: &[usize], r: Role) {
        for &p in pids {
            if !self.people[p].roles.contains(&r) {
                self.people[p].roles.push(r);
            }
        }
    }

    fn sentence(&mut self, a: usize, b: usize, st: &mut Sent) {
        let d = self.d;
        let sent_role = self.sentence_role(a, b);
        let mut i = a;
        let mut guard = 0usize;
        while i < b {
            guard += 1;
            if guard > 4 * (b - a) + 16 {
                break;
            }
            // Where nothing of the lexicon starts (no place, cue, rank, title or family name),
            // only a ';' or, in a list, a capitalised word can open anything.
            let may_open = opens(d, i) || (st.list_mode && d.case(i) == Some(Case::Cap));
            if self.masked(i) || !may_open {
                i += 1;
                // (outside a list, the tokens up to the next one that may open are passed
                // here, each counted by the guard as if passed by the loop)
                if !may_open && !st.list_mode {
                    while i < b && !opens(d, i) {
                        i += 1;
                        guard += 1;
                    }
                }
                continue;
            }
            if let Some((e, _)) = d.province(i) {
                i = e;
                continue;
            }
            // (the generic `gram` answers most tokens from its class mask, inlined)
            if let Some((e, _)) = d.gram(i, |g| g == Gram::Place).filter(|_| {
                d.org(i)
                    .is_none_or(|(_, o)| !o.has(flag::LEVEL) || d.case(i) == Some(Case::Lower))
            }) {
                if d.case(e) == Some(Case::Cap) && !titles::starts(d, e, b) {
                    let mut k = e;
                    while k < b && d.case(k) == Some(Case::Cap) && !titles::starts(d, k, b) {
                        k += 1;
                    }
                    i = k;
                    continue;
                }
            }
            if d.is_punct(i, ';') {
                if !st.keeps_group(d, i + 1) {
                    st.group.clear();
                }
                i += 1;
                continue;
            }
            if let Some(e) = d.is(i, Gram::Nominate) {
                st.nominates = true;
                i = e;
                continue;
            }
            if let Some((ce, g)) = d.gram(i, |g| matches!(g, Gram::Cue | Gram::Cues)) {
                // "các đại biểu Quốc hội: A, ...; B, ...": a plural title that runs past the
                // cue ("các đại biểu") is shared by the list.
                if g == Gram::Cues
                    && d.is(i, Gram::Plural) == Some(i + 1)
                    && titles::scan(d, i + 1, b, Mode::Free).is_some_and(|s| s.end > ce)
                {
                    i += 1;
                    continue;
                }
                let mut k = ce;
                if g == Gram::Cues {
                    st.list_mode = true;
                    st.cued_list = true;
                }
                if d.is_punct(k, ':') {
                    st.list_mode = true;
                    k += 1;
                }
                let mut rank = None;
                if let Some((re, r)) = d.rank(k) {
                    rank = Some(r.canon.as_str());
                    k = re;
                }
                if titles::starts(d, k, b) {
                    // "Phu nhân Chủ tịch nước, bà X", "Phu nhân Thủ tướng Y": the office is
                    // the husband's, and the wife named holds none
                    if d.lower(i) == "phu" {
                        let s = titles::scan(d, k, b, Mode::Free);
                        i = s.map_or(k + 1, |s| {
                            s.name_at
                                .and_then(|na| name_start(d, na, b).or_else(|| name_run(d, na, b)))
                                .unwrap_or(s.end)
                        });
                        continue;
                    }
                    i = self.free(k, b, st, g == Gram::Cues, true).0;
                    continue;
                }
                // "Đồng chí từng giữ chức Bí thư Huyện ủy ...", "Ông đã kinh qua nhiều cương vị:
                // ...": a sentence opening on a bare cue goes on about the person named last.
                if g == Gram::Cue && i == a && d.case(k) == Some(Case::Lower) {
                    let mut v = k;
                    while let Some(e) = d.is(v, Gram::Adverb) {
                        v = e;
                    }
                    let intro = d.gram(v, |g| matches!(g, Gram::Intro(_))).is_some();
                    if let Some(pid) = self.named_last(d.span(a, a + 1).start).filter(|_| intro) {
                        st.group = vec![pid];
                        i = self.predicate(k, b, st).max(k);
                        continue;
                    }
                }
                // "cố đồng chí X", "Kỷ niệm 120 năm Ngày sinh đồng chí X": remembered, not present
                if remembered(d, i) {
                    i = name_run(d, k, b).unwrap_or(k);
                    continue;
                }
                // "đồng chí Ông Thế Vinh", "bà Ông Thị Bảy": the family name Ông after a cue
                // (not "các đồng chí: Ông Lê Văn A", a cue and a family name)
                let ong = (d.raw(k) == "Ông"
                    && (d.surname(k + 1).is_none() || matches!(d.lower(k + 1), "văn" | "thị")))
                .then(|| name_run(d, k + 1, b).filter(|&e| e >= k + 3))
                .flatten();
                if let Some(ne) = ong
                    .or_else(|| name_run(d, k, b))
                    .or_else(|| caps_name_run(d, k, b))
                {
                    // a cue with one capitalised word that opens a longer place is no name
                    if d.province(k).is_none() {
                        let (next, pid) = self.person(k, ne, rank, b, st, false);
                        // "trao quyết định nghỉ hưu cho ông X, Phó Giám đốc Sở": the office
                        // named with X is the one left.
                        if st.obp == Some(TitleChange::Left) && self.linked(i) {
                            self.leave_titles(pid.as_slice(), st);
                        }
                        i = self.after_person(next, b, st);
                        continue;
                    }
                }
                i = k;
                continue;
            }
            if let Some((re, r)) = d.rank(i) {
                if let Some(ne) = name_run(d, re, b).filter(|&e| e >= re + 2) {
                    let (next, _) = self.person(re, ne, Some(r.canon.as_str()), b, st, false);
                    i = self.after_person(next, b, st);
                    continue;
                }
            }
            if titles::starts(d, i, b) {
                let plural = i > a && (d.is(i - 1, Gram::Plural).is_some() || d.is_num(i - 1));
                i = self.free(i, b, st, plural, false).0;
                continue;
            }
            if d.case(i) == Some(Case::Cap) {
                let ne = name_start(d, i, b).or_else(|| {
                    if st.list_mode {
                        self.structural_name(i, b)
                    } else {
                        None
                    }
                });
                if let Some(ne) = ne {
                    let (next, _) = self.person(i, ne, None, b, st, false);
                    i = self.after_person(next, b, st);
                    continue;
                }
            }
            if let Some((e, g)) = d.gram(i, |g| {
                matches!(g, Gram::Intro(_) | Gram::Verb(_) | Gram::Change(_))
            }) {
                if let Gram::Intro(c) | Gram::Verb(c) | Gram::Change(c) = g {
                    if c != TitleChange::Held {
                        st.obp = Some(c);
                    }
                }
                // "giao quyền Giám đốc Sở ...": "quyền" also makes the title an acting one.
                i = if e > i + 1 && d.lower(e - 1) == "quyền" {
                    e - 1
                } else {
                    e
                };
                continue;
            }
            i += 1;
        }
        if let Some(r) = sent_role {
            self.add_role(&st.list, r);
        }
    }

    /// "Dự hội nghị có các đồng chí ...", "Phát biểu kết luận, đồng chí ...": a role verb that
    /// opens the sentence goes to everyone it names.
    fn sentence_role(&self, a: usize, b: usize) -> Option<Role> {
        let d = self.d;
        let mut k = a;
        while k < b && matches!(d.kind(k), Some(Kind::Punct(_))) {
            k += 1;
        }
        let (_, g) = d.gram(k, |g| matches!(g, Gram::Role(_)))?;
        let Gram::Role(r) = g else { return None };
        if d.case(k) == Some(Case::Lower) {
            return None;
        }
        if r == Role::Attend && !(k..b).any(|j| d.lower(j) == "có") {
            return None;
        }
        Some(r)
    }

    /// In a list ("các đồng chí: A, ...; B, ..."), a run of two to five name words followed by a
    /// title is a name even without a known family name ("Hồng Hà, nguyên Bí thư TƯ Đảng").
    fn structural_name(&self, i: usize, b: usize) -> Option<usize> {
        let d = self.d;
        let ne = name_run(d, i, b)?;
        if !(2..=5).contains(&(ne - i)) {
            return None;
        }
        let prev_ok = i == 0
            || matches!(d.kind(i - 1), Some(Kind::Punct(';' | ':')))
            || d.lower(i - 1) == "và";
        let sep = d.is_punct(ne, ',') || d.is_dash(ne);
        (prev_ok && sep && titles::starts(d, ne + 1, b)).then_some(ne)
    }

    /// A person named by tokens `ns..ne`, then the titles after the name. Returns the token after
    /// them and the person.
    fn person(
        &mut self,
        ns: usize,
        ne: usize,
        rank: Option<&'static str>,
        b: usize,
        st: &mut Sent,
        nested: bool,
    ) -> (usize, Option<usize>) {
        let d = self.d;
        if self.masked(ns) {
            return (ne, None);
        }
        let Some(pid) = self.mention(ns, ne, st) else {
            return (ne, None);
        };
        if let Some(r) = rank {
            self.people[pid].rank.get_or_insert_with(|| r.to_string());
        }
        let mut k = ne;
        if d.is_punct(k, '(') {
            if let Some(close) = (k + 1..(k + 30).min(b)).find(|&j| d.is_punct(j, ')')) {
                self.paren_titles(pid, k + 1, close, st);
                k = close + 1;
            }
        }
        // What a profile puts between a name and its offices: ", 53 tuổi", ", sinh năm 1969",
        // ", quê Thanh Hóa", ", Đại tá" (a rank after the name); a death notice's ", sinh ngày
        // 10-3-1925; quê quán: ...; nguyên ..." (its fields closed by ';').
        while d.is_punct(k, ',') || d.is_punct(k, ';') && k > ne && profile_field(d, k + 1) {
            let n = k + 1;
            if d.lower(n) == "sinh" && d.lower(n + 1) == "ngày" && d.is_num(n + 2) {
                // "sinh ngày 10-3-1925", "sinh ngày 10 tháng 3 năm 1925"
                let mut m = n + 2;
                while m < b
                    && (d.is_num(m)
                        || matches!(d.kind(m), Some(Kind::Punct('-' | '/' | '.')))
                        || matches!(d.lower(m), "tháng" | "năm"))
                {
                    m += 1;
                }
                k = m;
            } else if d.is_num(n) {
                match d.is(n + 1, Gram::Age) {
                    Some(e) => k = e,
                    None => break,
                }
            } else if d.lower(n) == "sinh" && d.lower(n + 1) == "năm" && d.is_num(n + 2) {
                k = n + 3;
            } else if d.lower(n) == "quê" {
                let mut m = n + 1;
                if matches!(d.lower(m), "quán" | "ở") {
                    m += 1;
                }
                if d.is_punct(m, ':') {
                    m += 1;
                }
                let from = m;
                let level = |m: usize| d.org(m).is_some_and(|(_, o)| o.has(flag::LEVEL));
                // (", quê xã Nghi Phong, huyện Nghi Lộc, tỉnh Nghệ An")
                while m < (from + 16).min(b)
                    && (d.case(m) == Some(Case::Cap)
                        || level(m)
                        || d.is_punct(m, ',') && m > from && level(m + 1))
                {
                    m += 1;
                }
                if m == from || !(d.is_punct(m, ',') || d.is_punct(m, ';')) {
                    break;
                }
                k = m;
            } else if let Some((re, r)) = d.rank(n).filter(|&(re, _)| d.is_punct(re, ',')) {
                self.people[pid]
                    .rank
                    .get_or_insert_with(|| r.canon.to_string());
                k = re;
            } else {
                break;
            }
        }
        let had = self.people[pid].titles.len();
        // (named after a cue, "ông X, <title>": the title after the comma is X's own)
        let cued = (ns.saturating_sub(2)..ns).any(|c| d.is(c, Gram::Cue) == Some(ns));
        k = self.chain(&[pid], k, b, TitleChange::Held, cued, st);
        // (outside a list, two persons each named after a cue and joined by "và": "ông A và
        // ông B, Phó Chủ tịch UBND tỉnh")
        if !nested && (st.list_mode || cued) {
            self.share_with_bare(pid, had, ns, k, b, st);
        }
        if !nested {
            if !st.group.contains(&pid) {
                st.group.push(pid);
            }
            if !st.list.contains(&pid) {
                st.list.push(pid);
            }
        }
        (k, Some(pid))
    }

    /// In a list, persons named without an office and followed at once by the next name
    /// share that person's office when several hold it: "Các ông A, B, Phó Chủ tịch UBND
    /// tỉnh" (a post one person holds, "A, B, Chủ tịch UBND tỉnh", says nothing of A).
    /// `had` is how many titles `pid`, named at `ns`, had before the chain that ended at `k`.
    fn share_with_bare(
        &mut self,
        pid: usize,
        had: usize,
        ns: usize,
        k: usize,
        b: usize,
        st: &mut Sent,
    ) {
        let d = self.d;
        let got = self.people[pid].titles.len() > had;
        let follows_bare = !st.bare.is_empty()
            && (st.bare_next == ns
                || d.gram(st.bare_next, |g| g == Gram::Cue)
                    .is_some_and(|(e, _)| e == ns));
        if got && follows_bare {
            let new = &self.people[pid].titles[had..];
            if new.iter().all(|t| several_hold_text(core(t))) {
                let new = new.to_vec();
                for p in std::mem::take(&mut st.bare) {
                    for t in &new {
                        self.give(p, t.clone());
                    }
                }
            }
        }
        if got || !follows_bare {
            st.bare.clear();
        }
        // (outside a list, only a Vietnamese name: a foreign guest holds no provincial post)
        let joined = d.lower(k) == "và" && (st.list_mode || d.surname(ns).is_some());
        if !got && k < b && (st.list_mode && d.is_punct(k, ',') || joined) {
            st.bare.push(pid);
            st.bare_next = k + 1;
        }
    }

    /// "(46 tuổi, Trưởng phòng ...)", "(nguyên Phó giám đốc Sở KH-ĐT)".
    fn paren_titles(&mut self, pid: usize, a: usize, close: usize, st: &mut Sent) {
        let d = self.d;
        let mut k = a;
        while k < close {
            if titles::starts(d, k, close) {
                if let Some(s) =
                    titles::scan(d, k, close, Mode::Post).filter(|s| titles::is_post(d, s))
                {
                    self.give_scan(&[pid], &s, TitleChange::Held, st);
                    k = s.end.max(k + 1);
                    continue;
                }
            }
            // next comma-separated item
            while k < close && !d.is_punct(k, ',') {
                k += 1;
            }
            k += 1;
        }
    }

    /// Titles after a name or a predicate: ", T1, T2 kiêm T3". Returns the token after them.
    fn chain(
        &mut self,
        pids: &[usize],
        mut k: usize,
        b: usize,
        change: TitleChange,
        cued: bool,
        st: &mut Sent,
    ) -> usize {
        let d = self.d;
        for round in 0..16 {
            // "Bí thư Huyện ủy Ba Bể (cũ), được chỉ định ...": past a unit's qualifier.
            if d.is_punct(k, '(') {
                if let Some(e) = titles::skippable_paren(d, k, b) {
                    k = e;
                }
            }
            // "... gồm: đồng chí A, Chủ tịch HĐND tỉnh, đạt 96,4% số phiếu và đồng chí B, ...":
            // an election's vote share closes the item, not the list.
            if let Some(e) = vote_share_end(d, k, b) {
                k = e;
            }
            // "Ủy viên BCH Trung ương Đảng khóa XIII, Bí thư Tỉnh ủy": past the term.
            let mut n = titles::qualifier_end(d, k, b).unwrap_or(k);
            let start = n;
            // (a death notice's fields: "...; nguyên Ủy viên Bộ Chính trị; nguyên ...")
            if d.is_punct(n, ',')
                || d.is_dash(n)
                || d.is_punct(n, ';') && d.is(n + 1, Gram::Former).is_some()
            {
                n += 1;
                // "..., Thầy thuốc Ưu tú, Giám đốc ...": an honour between titles
                if let Some(q) = titles::qualifier_end(d, n, b).filter(|&q| d.is_punct(q, ',')) {
                    n = q + 1;
                }
            }
            if n == start && d.is(n, Gram::Concurrent).is_none() {
                break;
            }
            // "..., đồng thời (là) Trưởng Ban ..."
            if d.lower(n) == "đồng" && d.lower(n + 1) == "thời" {
                n += 2;
                if d.lower(n) == "là" {
                    n += 1;
                }
            }
            // (a scan finds nothing where no title starts)
            let Some(s) = titles::scan(d, n, b, Mode::Post) else {
                break;
            };
            if !titles::is_post(d, &s) {
                break;
            }
            // "Bí thư Tỉnh ủy A, Chủ tịch UBND tỉnh B": a comma-joined title that closes on a
            // full name is the next person's, named title first. After a level word a name of
            // two words is a place ("Thành ủy Hà Tiên"), so three are needed there.
            if n > k && self.titled_name_follows(n, b, cued && round == 0) {
                break;
            }
            self.give_scan(pids, &s, change, st);
            k = s.end;
            if let Some((na, nb)) = s.nested {
                k = self.nested(na, nb, b, st);
            }
        }
        k
    }

    /// Does the title at `n` close on the name of a person of its own (see [`Self::chain`])?
    /// Not a name after a level word when the title is the first after a cued name: "ông Lò
    /// Văn Hải, Bí thư Đảng ủy phường Lê Hồng Phong" (a ward named after a hero).
    fn titled_name_follows(&self, n: usize, b: usize, own: bool) -> bool {
        let d = self.d;
        let Some(na) = titles::scan(d, n, b, Mode::Free).and_then(|s| s.name_at) else {
            return false;
        };
        let Some(ne) = name_start(d, na, b) else {
            return false;
        };
        let after_level = d.lower(na - 1).ends_with("ủy")
            || d.org(na - 1).is_some_and(|(_, o)| o.has(flag::LEVEL));
        !(own && after_level) && ne - na >= if after_level { 3 } else { 2 }
    }

    /// The person inside "Trợ lý đồng chí X, <X's titles>": X's titles are X's own.
    fn nested(&mut self, a: usize, b: usize, end: usize, st: &mut Sent) -> usize {
        let (k, _) = self.person(a, b, None, end, st, true);
        k
    }

    /// After a person and their titles: more persons joined to the group, a role, a predicate.
    fn after_person(&mut self, k: usize, b: usize, st: &mut Sent) -> usize {
        let d = self.d;
        // connectors to another person: ",", "và", ", và", "cùng (các đồng chí)"
        let mut n = k;
        if d.is_punct(n, ',') {
            n += 1;
        }
        if d.lower(n) == "và" {
            n += 1;
        }
        let cung = d.lower(n) == "cùng";
        if cung {
            n += 1;
        }
        if n > k && n < b && self.person_starts(n, b, st) {
            if cung {
                st.group.clear();
            }
            return n;
        }
        if d.is_punct(k, ';') {
            if !st.keeps_group(d, k + 1) {
                st.group.clear();
            }
            if self.person_starts(k + 1, b, st) || d.lower(k + 1) == "và" {
                st.list_mode = true;
            }
            return k + 1;
        }
        // role verbs: "chủ trì hội nghị", "dự và phát biểu"
        let mut r = k;
        if d.is_punct(r, ',') {
            r += 1;
        }
        while let Some(e) = d.is(r, Gram::Adverb) {
            r = e;
        }
        // "trao quyết định và phát biểu": a role joined to a short first verb phrase.
        if d.gram(r, |g| matches!(g, Gram::Role(_))).is_none() {
            if let Some(v) = self.joined_role_at(r, b) {
                r = v;
            }
        }
        while let Some((e, Gram::Role(role))) = d.gram(r, |g| matches!(g, Gram::Role(_))) {
            self.add_role(&st.list, role);
            r = e;
            // "dự và chỉ đạo", "dự và phát biểu"
            if d.lower(r) == "và" {
                r += 1;
            } else {
                break;
            }
        }
        let next = self.predicate(k, b, st);
        st.group.clear();
        next.max(k)
    }

    /// The role verb after "và" that closes a short lowercase verb phrase opening at `k`
    /// ("trao quyết định và phát biểu", "tặng quà và dự"): its token. Nothing when the phrase
    /// runs on, holds a title or a name, or another clause starts.
    fn joined_role_at(&self, k: usize, b: usize) -> Option<usize> {
        let d = self.d;
        let limit = (k + 7).min(b);
        let mut m = k;
        while m < limit {
            if d.case(m) != Some(Case::Lower) || titles::starts(d, m, b) {
                return None;
            }
            if m > k && d.lower(m) == "và" {
                return d.gram(m + 1, |g| matches!(g, Gram::Role(_))).map(|_| m + 1);
            }
            m += 1;
        }
        None
    }

    /// Is the person cue at `i` linked to an office or a change named before it ("cho ông",
    /// "đối với bà")?
    fn linked(&self, i: usize) -> bool {
        let d = self.d;
        i > 0
            && (d.lower(i - 1) == "cho"
                || d.lower(i - 1) == "với" && i > 1 && d.lower(i - 2) == "đối")
    }

    /// Does a person mention start at `n` (a cue, a rank, a family name, or a list name)?
    fn person_starts(&self, n: usize, b: usize, st: &Sent) -> bool {
        let d = self.d;
        if d.gram(n, |g| matches!(g, Gram::Cue | Gram::Cues)).is_some() {
            return true;
        }
        if d.province(n).is_some() {
            return false;
        }
        if d.rank(n).is_some() {
            return true;
        }
        name_start(d, n, b).is_some() || (st.list_mode && self.structural_name(n, b).is_some())
    }

    /// A predicate that gives the group a title: "được bầu giữ chức X", "làm X", "là Đại tá, X",
    /// "nay thôi giữ chức X, Y", "tham gia Ban Thường vụ Tỉnh ủy", "(bầu bổ sung X) vào Ban
    /// Thường vụ Tỉnh ủy". Returns where reading stopped.
    fn predicate(&mut self, k: usize, b: usize, st: &mut Sent) -> usize {
        let d = self.d;
        if st.group.is_empty() {
            return k;
        }
        // (read only here: the nested persons a title may name join no group)
        let group = std::mem::take(&mut st.group);
        let limit = (k + 30).min(b);
        let mut j = k;
        let mut window: Option<TitleChange> = None;
        let mut intro: Option<TitleChange> = None;
        let mut intro_end = usize::MAX;
        let mut passive = false;
        let mut respectively = false;
        // "giới thiệu ông X ... để HĐND tỉnh bầu giữ chức Y": Y is only proposed
        let mut proposed = false;
        // "phê chuẩn", "chuẩn y" read in the active voice: the group signs for someone else
        let mut approves = false;
        let mut last = k;
        while j < limit {
            // (the word is read once for its tests below)
            let w = d.lower(j);
            if w == "lần" && d.lower(j + 1) == "lượt" {
                respectively = true;
                if j == intro_end {
                    intro_end = j + 2;
                }
                j += 2;
                continue;
            }
            // "đã kinh qua nhiều cương vị: Bí thư Huyện ủy ...": the posts follow the colon.
            if j == intro_end && d.is_punct(j, ':') {
                j += 1;
                intro_end = j;
                continue;
            }
            if matches!(
                d.kind(j),
                Some(Kind::Punct(
                    ';' | '.' | '!' | '?' | ':' | '(' | '"' | '“' | '”'
                ))
            ) {
                break;
            }
            if d.gram(j, |g| matches!(g, Gram::Cue | Gram::Cues | Gram::Linker))
                .is_some()
            {
                break;
            }
            if j != intro_end && d.case(j) == Some(Case::Cap) && name_start(d, j, b).is_some() {
                break;
            }
            if j == intro_end {
                if let Some((re, r)) = d.rank(j) {
                    for &p in &group {
                        self.people[p].rank.get_or_insert_with(|| r.canon.clone());
                    }
                    j = re;
                    if d.is_punct(j, ',') {
                        j += 1;
                    }
                    intro_end = j;
                    continue;
                }
            }
            // "tham gia Ban Thường vụ Tỉnh ủy"; "bầu bổ sung X, Giám đốc Sở ... vào Ban Thường vụ
            // Tỉnh ủy": a seat taken on the committee.
            let joins = match w {
                "tham" if d.lower(j + 1) == "gia" => Some(j + 2),
                "vào" => Some(j + 1),
                _ => None,
            };
            if let Some(c) = joins {
                if let Some((mut t, e)) = self.joins_committee(c, b, st) {
                    // "thôi tham gia Ban Chấp hành ...": the seat is left.
                    if j > 0 && d.lower(j - 1) == "thôi" {
                        t.change = TitleChange::Left;
                    }
                    for &p in &group {
                        self.give(p, t.clone());
                    }
                    j = e;
                    last = j;
                    continue;
                }
            }
            if titles::starts(d, j, b) {
                if intro_end != j {
                    // an agent's title ("được Thủ tướng Chính phủ bổ nhiệm giữ chức ..."):
                    // read over it, unless it names someone
                    match titles::scan(d, j, b, Mode::Free) {
                        Some(s) if s.name_at.is_none() && s.nested.is_none() => {
                            j = s.end.max(j + 1);
                            continue;
                        }
                        _ => break,
                    }
                }
                let Some(s) = titles::scan(d, j, b, Mode::Post) else {
                    break;
                };
                // "X trao quyết định bổ nhiệm Y cho bà Z": the office goes to Z, not to X.
                let changed = st.obp.is_some() || intro.is_some() || window.is_some();
                if !titles::is_post(d, &s) || self.linker_end(s.end, b, changed).is_some() {
                    break;
                }
                let ch = combine(
                    window.unwrap_or(TitleChange::Held),
                    intro.unwrap_or(TitleChange::Held),
                );
                if proposed && ch == TitleChange::Taken {
                    j = s.end;
                    last = j;
                    window = None;
                    intro = None;
                    intro_end = usize::MAX;
                    continue;
                }
                // "A và B lần lượt được bổ nhiệm giữ chức X và Y": X to A, Y to B.
                if respectively && group.len() > 1 {
                    j = self.respective(&group, &s, b, ch, st);
                    last = j;
                    window = None;
                    intro = None;
                    intro_end = usize::MAX;
                    continue;
                }
                self.give_scan(&group, &s, ch, st);
                j = s.end;
                if let Some((na, nb)) = s.nested {
                    j = self.nested(na, nb, b, st);
                }
                j = self.chain(&group, j, b, ch, false, st);
                if ch == TitleChange::Taken {
                    j = self.predecessor(j, b, &s, st);
                }
                last = j;
                window = None;
                intro = None;
                intro_end = usize::MAX;
                continue;
            }
            if let Some(e) = d.is(j, Gram::Nominate) {
                st.nominates = true;
                j = e;
                continue;
            }
            if st.nominates && d.is(j, Gram::Purpose).is_some() {
                proposed = true;
            }
            if let Some((e, g)) = d.gram(j, |g| {
                matches!(
                    g,
                    Gram::Intro(_) | Gram::Verb(_) | Gram::Office | Gram::Change(_) | Gram::Adverb
                )
            }) {
                // "giữ chức Vụ trưởng": "chức Vụ" is not the word "chức vụ", the title starts
                // at "Vụ" (one word shorter, "giữ chức" and "chức" are the same grammar).
                let e =
                    if e > j + 1 && d.case(e - 1) == Some(Case::Cap) && titles::starts(d, e - 1, b)
                    {
                        e - 1
                    } else {
                        e
                    };
                match g {
                    // "HĐND tỉnh bầu ...": the persons before an active verb are its agents
                    Gram::Verb(c) if passive => {
                        intro = Some(combine(intro.unwrap_or(TitleChange::Held), c));
                        intro_end = e;
                    }
                    Gram::Verb(c) => {
                        approves |= matches!(w, "phê" | "chuẩn");
                        window = Some(combine(window.unwrap_or(TitleChange::Held), c));
                    }
                    Gram::Adverb
                        if d.lower(j).ends_with("được")
                            || matches!(d.lower(e - 1), "được" | "bị") =>
                    {
                        passive = true;
                        if j == intro_end {
                            intro_end = e;
                        }
                    }
                    // "ông X, Thứ trưởng Bộ Tài chính, thôi giữ chức vụ để nghỉ hưu": no title
                    // named, the titles just given are left.
                    Gram::Intro(TitleChange::Left)
                        if e >= b
                            || matches!(d.kind(e), Some(Kind::Punct(_)))
                            || d.is(e, Gram::Purpose).is_some() =>
                    {
                        self.leave_titles(&group, st);
                    }
                    Gram::Intro(c) => {
                        intro = Some(combine(intro.unwrap_or(TitleChange::Held), c));
                        intro_end = e;
                    }
                    // "Phó Thủ tướng X ký Quyết định phê chuẩn kết quả bầu chức vụ Chủ tịch UBND
                    // tỉnh": the approver's office is its object's, not the agent's.
                    Gram::Office if approves => {}
                    Gram::Office => intro_end = e,
                    // "ông X, Phó Chủ tịch UBND tỉnh nghỉ hưu theo chế độ": the titles just
                    // given are left (only when the predicate opens with it: "cán bộ nghỉ hưu"
                    // describes, it does not report).
                    // "..., được Thủ tướng đồng ý cho từ chức.": the titles just given are left.
                    Gram::Change(TitleChange::Left)
                        if d.lower(j) == "từ"
                            && (e >= b || matches!(d.kind(e), Some(Kind::Punct(_)))) =>
                    {
                        self.leave_titles(&group, st);
                    }
                    Gram::Change(TitleChange::Left)
                        if d.lower(j) == "nghỉ"
                            && (k..j)
                                .all(|t| d.is(t, Gram::Adverb).is_some() || d.is_punct(t, ','))
                            && !titles::starts(d, e, b) =>
                    {
                        self.leave_titles(&group, st);
                    }
                    Gram::Change(c) => {
                        window = Some(combine(window.unwrap_or(TitleChange::Held), c))
                    }
                    _ => {
                        if j == intro_end {
                            intro_end = e;
                        }
                    }
                }
                j = e;
                continue;
            }
            j += 1;
        }
        st.group = group;
        last
    }

    /// "lần lượt ... X, Y và Z": the titles from `first` on, one to each person of `group` in
    /// order. Returns the token after the last title read.
    fn respective(
        &mut self,
        group: &[usize],
        first: &Scan,
        b: usize,
        change: TitleChange,
        st: &Sent,
    ) -> usize {
        let d = self.d;
        self.give_scan(&group[..1], first, change, st);
        let mut j = first.end;
        for &p in &group[1..] {
            let mut n = j;
            if d.is_punct(n, ',') {
                n += 1;
            }
            if d.lower(n) == "và" {
                n += 1;
            }
            let Some(s) = titles::scan(d, n, b, Mode::Post).filter(|s| titles::is_post(d, s))
            else {
                break;
            };
            self.give_scan(&[p], &s, change, st);
            j = s.end;
        }
        j
    }

    /// The titles the persons of `group` were just given as held, in this sentence, are left.
    fn leave_titles(&mut self, group: &[usize], st: &Sent) {
        for &p in group {
            for t in &mut self.people[p].titles {
                if t.evidence.sentence == st.span && t.change == TitleChange::Held {
                    t.change = TitleChange::Left;
                }
            }
        }
    }

    /// "X được bầu giữ chức Chủ tịch UBND tỉnh thay ông Y": Y leaves the post X takes. Returns
    /// the token after Y's name (or `j` when no predecessor is named there).
    fn predecessor(&mut self, j: usize, b: usize, taken: &Scan, st: &mut Sent) -> usize {
        let d = self.d;
        // (past the term: "... Chủ tịch UBND tỉnh nhiệm kỳ 2021-2026 thay ông Y")
        let mut t = titles::qualifier_end(d, j, b).unwrap_or(j);
        // (", thay đồng chí Y")
        if d.is_punct(t, ',') && d.lower(t + 1) == "thay" {
            t += 1;
        }
        if d.lower(t) != "thay" {
            return j;
        }
        let cue_end = d.gram(t + 1, |g| matches!(g, Gram::Cue)).map(|(e, _)| e);
        let ns = cue_end.unwrap_or(t + 1);
        let ne = match cue_end {
            Some(_) => name_start(d, ns, b).or_else(|| name_run(d, ns, b)),
            None => name_start(d, ns, b),
        };
        let Some(ne) = ne else { return j };
        // Y's own titles first ("thay ông Y, nguyên Chủ tịch UBND tỉnh"): the one that is the
        // post is marked left, else the post is given as left.
        let (next, pid) = self.person(ns, ne, None, b, st, false);
        let (Some(pid), Some(post)) = (pid, self.title(taken, TitleChange::Left, st)) else {
            return next;
        };
        let key = fold(core(&post));
        match self.people[pid]
            .titles
            .iter_mut()
            .find(|t| fold(core(t)) == key)
        {
            Some(own) => own.change = TitleChange::Left,
            None => self.give(pid, post),
        }
        // Y's own predicate: "thay ông Y được phân công làm Trưởng ban Kỹ thuật"
        st.group.clear();
        st.group.push(pid);
        let after = self.predicate(next, b, st);
        st.group.clear();
        after.max(next)
    }

    /// "tham gia (or vào) Ban Thường vụ Thành ủy Hải Phòng" → "Ủy viên Ban Thường vụ Thành ủy Hải
    /// Phòng"; only when the committee's organisation is written.
    fn joins_committee(&self, j: usize, b: usize, st: &Sent) -> Option<(Title, usize)> {
        let d = self.d;
        // "bầu bổ sung ... vào Bộ Chính trị", "... vào Ban Bí thư": a seat on the Politburo or
        // the Secretariat, whose members are "Ủy viên Bộ Chính trị", "Bí thư Trung ương Đảng"
        let central = match (d.lower(j), d.lower(j + 1), d.lower(j + 2)) {
            ("bộ", "chính", "trị") => Some("Ủy viên Bộ Chính trị"),
            ("ban", "bí", "thư") => Some("Bí thư Trung ương Đảng"),
            _ => None,
        };
        if let Some(text) = central.filter(|_| d.case(j) == Some(Case::Cap)) {
            let t = Title {
                text: text.to_string(),
                change: TitleChange::Taken,
                evidence: Evidence {
                    mention: d.span(j.saturating_sub(2), j + 3),
                    sentence: st.span,
                },
                ..Title::default()
            };
            return Some((t, j + 3));
        }
        let (oe, o) = d.org(j)?;
        if !matches!(o.canon.as_str(), "Ban Thường vụ" | "Ban Chấp hành") {
            return None;
        }
        let owner = d
            .org(oe)
            .is_some_and(|(_, w)| w.canon.ends_with("ủy") || w.canon == "Đảng bộ");
        if !owner {
            // "tham gia Ban Chấp hành, Ban Thường vụ Tỉnh ủy": the committee that names its owner
            if d.is_punct(oe, ',') {
                return self.joins_committee(oe + 1, b, st);
            }
            return None;
        }
        let mut e = d.org(oe).map_or(oe + 1, |(e, _)| e);
        if let Some((pe, _)) = d.province(e) {
            e = pe;
        } else if let Some((le, _)) = d.org(e).filter(|(_, o)| o.has(flag::LEVEL)) {
            // "Đảng bộ tỉnh", "Huyện ủy huyện Lạc Sơn": the level, and the place it names.
            e = le;
            while e < b && d.case(e) == Some(Case::Cap) {
                e += 1;
            }
        }
        let text = format!("Ủy viên {}", titles::canonical_tokens(d, j, e, &[]));
        let t = Title {
            text,
            change: TitleChange::Taken,
            evidence: Evidence {
                mention: d.span(j.saturating_sub(2), e),
                sentence: st.span,
            },
            ..Title::default()
        };
        Some((t, e))
    }

    /// Where the persons start after a linker at `k` ("đối với ông", "đó là"; "với ông",
    /// "của ông", "cho ông" only after a verb of appointment or dismissal: `changed`).
    fn linker_end(&self, mut k: usize, b: usize, changed: bool) -> Option<usize> {
        let d = self.d;
        for _ in 0..3 {
            if d.is_punct(k, ',') {
                k += 1;
            } else if let Some(q) = titles::qualifier_end(d, k, b) {
                k = q;
            } else {
                break;
            }
        }
        let (e, g) = d.gram(k, |g| matches!(g, Gram::Linker | Gram::Linker2))?;
        if g == Gram::Linker2 && !changed {
            return None;
        }
        // "bổ nhiệm Phó Giám đốc Sở cho 2 đồng chí: ...": a count before a plural cue
        let e = if d.is_num(e) && d.gram(e + 1, |g| g == Gram::Cue).is_some() {
            e + 1
        } else {
            e
        };
        let person_next = d.gram(e, |g| matches!(g, Gram::Cue | Gram::Cues)).is_some()
            || d.rank(e).is_some()
            || name_start(d, e, b).is_some();
        (person_next || (g == Gram::Linker && d.lower(k) == "đó")).then_some(e)
    }

    /// A title chain read where no person precedes it: before a name, shared by a list, or given
    /// to the persons after a linker. Returns where reading stopped and the persons it went to.
    fn free(
        &mut self,
        i: usize,
        b: usize,
        st: &mut Sent,
        plural: bool,
        cued: bool,
    ) -> (usize, Vec<usize>) {
        let d = self.d;
        // "Tổ đại biểu Quốc hội số 1 ... gồm: ông A, ...", "Ban Giám đốc gồm: ...": a title word
        // right after a unit noun names a body, not an office of the persons listed.
        if i > 0
            && d.org(i - 1)
                .is_some_and(|(e, o)| e == i && o.has(flag::UNIT))
        {
            return (i + 1, Vec::new());
        }
        // "cố Thủ tướng Võ Văn Kiệt": the office and the name of someone remembered.
        if remembered(d, i) {
            let Some(s) = titles::scan(d, i, b, Mode::Free) else {
                return (i + 1, Vec::new());
            };
            let end = s
                .name_at
                .and_then(|na| name_start(d, na, b).or_else(|| name_run(d, na, b)))
                .unwrap_or(s.end);
            return (end.max(i + 1), Vec::new());
        }
        // "Thừa ủy quyền của Bộ trưởng, Thứ trưởng X trao ...", "Thay mặt Bí thư Tỉnh ủy, ...":
        // the office named there is the principal's, not the person's who follows.
        if on_behalf_of(d, i) {
            let end = titles::scan(d, i, b, Mode::Post).map_or(i + 1, |s| s.end);
            return (end, Vec::new());
        }
        if let Some(got) = self.distributive(i, b, st) {
            return got;
        }
        let base = st.obp.unwrap_or(TitleChange::Held);
        let mut scans: Vec<(Scan, TitleChange)> = Vec::new();
        let mut j = i;
        let mut change = base;
        for _ in 0..12 {
            let Some(s) = titles::scan(d, j, b, Mode::Free) else {
                break;
            };
            // "Báo cáo với Thủ tướng, Quyền Chủ tịch UBND tỉnh X": a bare office after "với"
            // and before a comma is someone already spoken of, not X.
            if j == i
                && i > 0
                && d.lower(i - 1) == "với"
                && !s.has_org
                && s.name_at.is_none()
                && s.nested.is_none()
                && d.is_punct(s.end, ',')
            {
                return (s.end + 1, Vec::new());
            }
            j = s.end;
            let stop = s.name_at.is_some() || s.nested.is_some();
            scans.push((s, change));
            if stop {
                break;
            }
            let mut n = j;
            if d.is_punct(n, ',') {
                n += 1;
            }
            if titles::starts(d, n, b) {
                j = n;
                continue;
            }
            // "miễn nhiệm chức vụ X và cho thôi làm nhiệm vụ Y đối với ông Z"
            if d.lower(j) == "và" {
                let mut m = j + 1;
                let mut ch = None;
                while let Some((e, g)) = d.gram(m, |g| {
                    matches!(
                        g,
                        Gram::Intro(_) | Gram::Verb(_) | Gram::Office | Gram::Change(_)
                    )
                }) {
                    if let Gram::Intro(c) | Gram::Verb(c) | Gram::Change(c) = g {
                        ch = Some(combine(ch.unwrap_or(TitleChange::Held), c));
                    }
                    m = e;
                }
                if titles::starts(d, m, b) {
                    if let Some(c) = ch {
                        change = c;
                    }
                    j = m;
                    continue;
                }
            }
            break;
        }
        if scans.is_empty() {
            return (i + 1, Vec::new());
        }
        let k = j;
        let Some((last, _)) = scans.last() else {
            return (k, Vec::new());
        };
        let (nested, mut name_at) = (last.nested, last.name_at);
        // "Trợ lý đồng chí X" with nobody before it: X is still named
        if let Some((na, nb)) = nested {
            let next = self.nested(na, nb, b, st);
            return (next, Vec::new());
        }
        // The chain closes on a name ("Bí thư Tỉnh ủy Phạm Gia Túc", `name_at`),
        // or after a dash / colon: "nguyên Trưởng Ban ... - Trần Văn Lực"
        // or after "là": "UBND tỉnh có Chủ tịch là ông Đoàn Anh Dũng"
        if name_at.is_none() && (d.is_dash(k) || d.is_punct(k, ':') || d.lower(k) == "là") {
            let n = k + 1;
            let mut m = n;
            if let Some((ce, _)) = d.gram(m, |g| matches!(g, Gram::Cue)) {
                m = ce;
            }
            if name_start(d, m, b).is_some() || (m > n && name_run(d, m, b).is_some()) {
                name_at = Some(m);
            }
        }
        // or set off by commas after a cue: "Giám đốc Sở Y tế, ông Lê Văn An, cho biết", when
        // the person has no title of their own and the office is no object ("làm việc với
        // Chủ tịch UBND tỉnh, ông X, Giám đốc Sở ...").
        if name_at.is_none()
            && d.is_punct(k, ',')
            && !(i > 0 && matches!(d.lower(i - 1), "với" | "cùng" | "và" | "của" | "cho"))
        {
            if let Some((ce, _)) = d.gram(k + 1, |g| g == Gram::Cue) {
                if let Some(ne) = name_start(d, ce, b).or_else(|| name_run(d, ce, b)) {
                    let next = if d.is_punct(ne, ',') { ne + 1 } else { ne };
                    if !titles::starts(d, next, b) && d.rank(next).is_none() {
                        name_at = Some(ce);
                    }
                }
            }
        }
        // or after a comma and a rank: "Bộ trưởng Bộ Công an, Đại tướng Vương Đình Huệ"
        // (not when an office of their own follows: "báo cáo Thủ tướng, Đại tá X, Chỉ huy
        // trưởng ...")
        // (or with no comma: "Tư lệnh Quân khu 7 Trung tướng Nguyễn Trường Giang")
        let mut rank = None;
        let rank_at = if d.is_punct(k, ',') { k + 1 } else { k };
        if name_at.is_none() {
            if let Some((re, r)) = d.rank(rank_at) {
                // (after a rank two name words are enough: "Đại tướng Tô Lâm")
                let ne =
                    name_start(d, re, b).or_else(|| name_run(d, re, b).filter(|&e| e >= re + 2));
                if let Some(ne) = ne {
                    let next = if d.is_punct(ne, ',') { ne + 1 } else { ne };
                    if !titles::starts(d, next, b) {
                        name_at = Some(re);
                        rank = Some(r.canon.as_str());
                    }
                }
            }
        }
        let mut held = Shared::new(&scans, true);
        if let Some(na) = name_at {
            let ne = name_start(d, na, b)
                .or_else(|| name_run(d, na, b))
                .unwrap_or(na + 1);
            let (mut next, pid) = self.person(na, ne, rank, b, st, false);
            let mut pids = Vec::new();
            if let Some(p) = pid {
                self.give_all(p, &mut held, st);
                pids.push(p);
            }
            if plural || d.is_punct(k, ':') {
                let (e, more) = self.list(next, b, st, &mut held, false);
                next = e;
                pids.extend(more);
            } else if d.lower(next) == "và" && scans.iter().all(|(s, _)| several_hold(d, s)) {
                // "Phó Chủ tịch UBND tỉnh A và B": an office several hold, and B names no
                // office of their own.
                if let Some(ne2) = name_start(d, next + 1, b) {
                    let own = if d.is_punct(ne2, ',') { ne2 + 1 } else { ne2 };
                    if !titles::starts(d, own, b) && d.rank(own).is_none() {
                        let (e, pid2) = self.person(next + 1, ne2, None, b, st, false);
                        if let Some(p) = pid2 {
                            self.give_all(p, &mut held, st);
                            pids.push(p);
                        }
                        next = e;
                    }
                }
            }
            let next = self.after_person(next, b, st);
            return (next, pids);
        }
        let shared_list = plural || cued;
        // "Các Phó Chủ tịch UBND tỉnh được bầu gồm ...": past "được" and its verb
        let mut k = k;
        if d.lower(k) == "được" {
            if let Some(g) = (k + 2..(k + 4).min(b)).find(|&g| d.is(g, Gram::Gom).is_some()) {
                if (k + 1..g).all(|x| d.case(x) == Some(Case::Lower)) {
                    k = g;
                }
            }
        }
        // "các đồng chí Bí thư Trung ương Đảng: <title> <Name>; ...", "... gồm ba nhân sự mới: ông A"
        if d.is_punct(k, ':') && shared_list || d.is(k, Gram::Gom).is_some() {
            let mut m = d.is(k, Gram::Gom).unwrap_or(k + 1);
            if d.is(m, Gram::Cues).is_some() {
                st.list_mode = true;
            }
            // "gồm ba nhân sự mới:"
            if let Some(colon) = (m..(m + 6).min(b)).find(|&x| d.is_punct(x, ':')) {
                if (m..colon).all(|x| d.case(x) != Some(Case::Cap)) {
                    m = colon + 1;
                }
            }
            st.list_mode = true;
            // "hai đồng chí được bầu giữ chức Phó Bí thư Tỉnh ủy gồm: ...": the office the
            // words before it say is taken.
            let before = (i.saturating_sub(4)..i).find_map(|x| {
                match d.gram(x, |g| matches!(g, Gram::Intro(_) | Gram::Change(_)))? {
                    (e, Gram::Intro(c) | Gram::Change(c)) if e <= i => Some(c),
                    _ => None,
                }
            });
            let changed: Vec<(Scan, TitleChange)>;
            let mut shared = match before {
                Some(c) if c != TitleChange::Held => {
                    changed = scans.iter().map(|(s, _)| (s.clone(), c)).collect();
                    Shared::new(&changed, false)
                }
                _ => held,
            };
            let (e, pids) = self.list(m, b, st, &mut shared, true);
            if !pids.is_empty() {
                return (self.after_person(e, b, st), pids);
            }
            // a header closing its line: its offices go to the items under it
            if m >= b {
                self.header = scans
                    .iter()
                    .filter_map(|(s, _)| self.title(s, TitleChange::Held, st))
                    .collect();
            }
            return (k, Vec::new());
        }
        // An office before its persons: "bầu chức danh X đối với ông A, ... và bà B, ..."
        if let Some(le) = self.linker_end(k, b, st.obp.is_some()) {
            let (e, pids) = self.list(le, b, st, &mut Shared::new(&scans, false), false);
            if !pids.is_empty() {
                st.group.clone_from(&pids);
                let next = self.predicate(e, b, st);
                st.group.clear();
                return (next.max(e), pids);
            }
        }
        (k, Vec::new())
    }

    /// An office shared out over units, each item naming its unit then its holder: "Bộ
    /// trưởng các Bộ: Tài chính Hồ Đức Phớc, Y tế Đào Hồng Lan", "Chủ tịch UBND các tỉnh:
    /// Quảng Ninh Cao Tường Huy; Lạng Sơn Hồ Tiến Thiệu". Nothing when no item names a person
    /// ("Bộ trưởng các Bộ: Ngoại giao, Nội vụ").
    fn distributive(&mut self, i: usize, b: usize, st: &mut Sent) -> Option<(usize, Vec<usize>)> {
        let d = self.d;
        // (most titles have no "các <unit>:" after them: asked before the title is read)
        (i + 1..(i + 16).min(b)).find(|&c| d.lower(c) == "các" && d.is_punct(c + 2, ':'))?;
        let s = titles::scan(d, i, b, Mode::Free)?;
        // "các" + a unit noun or a level word + ":", inside the scan or right after it
        let c = (s.head + 1..=s.end).find(|&c| d.lower(c) == "các")?;
        // (a one-word unit: the lexicon may also read "Bộ: Tài chính" as one name)
        let ue = c + 2;
        let (_, unit) = d.find(c + 1, |o| {
            o.class == Class::Org && (o.has(flag::UNIT) || o.has(flag::LEVEL))
        })?;
        if !d.is_punct(ue, ':') {
            return None;
        }
        let head = titles::canonical_tokens(d, s.head, c, &s.skips);
        let unit = unit.canon.as_str();
        let change = st.obp.unwrap_or(TitleChange::Held);
        let mut pids = Vec::new();
        let mut k = ue + 1;
        for _ in 0..30 {
            while matches!(d.kind(k), Some(Kind::Punct(',' | ';'))) || d.lower(k) == "và" {
                k += 1;
            }
            if k >= b {
                break;
            }
            // the unit's name: capitalised or organisation words, then the holder's name
            // (not inside a place or organisation word: "Quảng Ninh Cao Tường Huy")
            let mut q = d.province(k).or_else(|| d.org(k)).map_or(k + 1, |(e, _)| e);
            let mut named = None;
            while q < (k + 10).min(b) {
                if let Some(ne) = name_start(d, q, b) {
                    named = Some((q, ne));
                    break;
                }
                q = match d.org(q) {
                    Some((e, _)) => e,
                    None if d.case(q) == Some(Case::Cap) || d.lower(q) == "và" => q + 1,
                    None => break,
                };
            }
            let Some((q, ne)) = named else { break };
            let org = titles::canonical_tokens(d, k, q, &[]);
            let (next, pid) = self.person(q, ne, None, b, st, false);
            if let Some(p) = pid {
                self.give(
                    p,
                    Title {
                        text: format!("{head} {unit} {org}"),
                        change,
                        former: s.former,
                        acting: s.acting,
                        concurrent: false,
                        evidence: Evidence {
                            mention: d.span(k, q),
                            sentence: st.span,
                        },
                    },
                );
                pids.push(p);
            }
            k = next;
        }
        (!pids.is_empty()).then_some((k, pids))
    }

    fn give_all(&mut self, pid: usize, shared: &mut Shared, st: &Sent) {
        let (scans, held) = (shared.scans, shared.held);
        let titles = shared.titles.get_or_insert_with(|| {
            scans
                .iter()
                .filter_map(|(s, c)| self.title(s, if held { TitleChange::Held } else { *c }, st))
                .collect()
        });
        for t in titles.iter() {
            self.give(pid, t.clone());
        }
    }

    /// Persons in a list, each given `shared`: "ông A, <title>; ông B, <title>; và ông C",
    /// "A, B và C", "<title> <Name>; <title> <Name>" (when `items`). Skips a purpose clause
    /// between persons ("... để nghỉ hưu trước tuổi và ông B").
    fn list(
        &mut self,
        mut k: usize,
        b: usize,
        st: &mut Sent,
        shared: &mut Shared,
        items: bool,
    ) -> (usize, Vec<usize>) {
        let d = self.d;
        let mut pids = Vec::new();
        let mut cue_seen = false;
        let mut bare_before = false;
        for _ in 0..40 {
            let start = k;
            let mut semicolon = false;
            while k < b
                && (matches!(d.kind(k), Some(Kind::Punct(',' | ';' | ':'))) || d.lower(k) == "và")
            {
                semicolon |= d.is_punct(k, ';');
                k += 1;
            }
            if k >= b {
                k = start;
                break;
            }
            let mut rank = None;
            let mut cued = false;
            if let Some((ce, _)) = d.gram(k, |g| matches!(g, Gram::Cue | Gram::Cues)) {
                k = ce;
                cued = true;
                cue_seen = true;
                // ("đối với các ông: A, ..., B, ...")
                if d.is_punct(k, ':') {
                    k += 1;
                }
            }
            if let Some((re, r)) = d.rank(k) {
                rank = Some(r.canon.as_str());
                k = re;
                cued = true;
            }
            if items && titles::starts(d, k, b) {
                let (e, got) = self.free(k, b, st, false, false);
                for &p in &got {
                    self.give_all(p, shared, st);
                }
                if got.is_empty() {
                    k = start;
                    break;
                }
                pids.extend(got);
                k = e;
                continue;
            }
            let ne = name_start(d, k, b).or_else(|| {
                let run = name_run(d, k, b)?;
                let len = run - k;
                (if cued {
                    len >= 1
                } else {
                    (cue_seen || st.list_mode) && len >= 2
                })
                .then_some(run)
            });
            let Some(ne) = ne.filter(|_| d.province(k).is_none()) else {
                k = start;
                break;
            };
            let name_end = d.span(k, ne).end;
            let (e, pid) = self.person(k, ne, rank, b, st, false);
            if let Some(p) = pid {
                // (past a ";", a person with offices of their own, read after the name, after
                // persons named bare, is no longer of the list: "các Phó Chủ tịch UBND tỉnh: A,
                // B; C, Giám đốc Công an tỉnh"; "các đồng chí Ủy viên Bộ Chính trị: A, <office>;
                // B, <office>" goes on)
                let own = self.people[p]
                    .titles
                    .iter()
                    .any(|t| t.evidence.mention.start >= name_end);
                if !(semicolon && own && bare_before && !items) {
                    self.give_all(p, shared, st);
                }
                bare_before = !own;
                pids.push(p);
            }
            k = e;
            // a purpose clause before the next person: "để nghỉ hưu trước tuổi và ông B"
            if d.is(k, Gram::Purpose).is_some() {
                let lim = (k + 10).min(b);
                match (k..lim).find(|&x| d.lower(x) == "và" && self.person_starts(x + 1, b, st)) {
                    Some(x) => k = x,
                    None => break,
                }
            }
        }
        (k, pids)
    }

    fn finish(mut self) -> Vec<Official> {
        self.merge_misspelt();
        let mut out = Vec::new();
        for acc in self.people {
            let titles = merge_titles(acc.titles);
            // (a company's or a cooperative's officer alone is a private citizen)
            if titles.iter().all(|t| private_post(&t.text)) {
                continue;
            }
            let name = best_variant(&acc.variants);
            if name.is_empty() {
                continue;
            }
            out.push(Official {
                name,
                rank: acc.rank,
                titles,
                roles: acc.roles,
                mentions: acc.mentions,
            });
        }
        out
    }
}

impl Parser<'_> {
    /// A person named once with a given name that is no Vietnamese syllable, one slip away from
    /// another's of the same family and middle names ("Ngô Thanh Dnah" beside "Ngô Thanh
    /// Danh": two letters swapped, one left out or added) is that person misspelt.
    fn merge_misspelt(&mut self) {
        if self.people.len() < 2 {
            return;
        }
        // (each person's folded key, as the parser filed it)
        let mut keys = vec![""; self.people.len()];
        for (key, &pid) in &self.by_key {
            keys[pid] = key.as_str();
        }
        for a in 0..self.people.len() {
            if self.people[a].mentions.len() != 1 {
                continue;
            }
            let Some((head, given)) = keys[a].rsplit_once(' ') else {
                continue;
            };
            // (the spelling test last: most persons have no namesake one slip away)
            let target = (0..self.people.len())
                .find(|&t| {
                    t != a
                        && !self.people[t].mentions.is_empty()
                        && keys[t]
                            .rsplit_once(' ')
                            .is_some_and(|(h, g)| h == head && one_slip(given, g))
                })
                .filter(|_| super::normalize::foreign_word(given));
            if let Some(t) = target {
                let mut acc = std::mem::take(&mut self.people[a]);
                for v in &mut acc.variants {
                    v.2 = true;
                }
                let to = &mut self.people[t];
                to.variants.append(&mut acc.variants);
                to.titles.append(&mut acc.titles);
                to.roles.append(&mut acc.roles);
                to.mentions.append(&mut acc.mentions);
                to.rank = to.rank.take().or(acc.rank);
            }
        }
    }
}

/// A post in a private company or a cooperative ("Giám đốc Công ty TNHH ...", "Chủ tịch
/// HĐQT Công ty cổ phần ...", "Giám đốc Hợp tác xã ..."): a limited or joint-stock company's,
/// not a state one's ("Công ty TNHH Một thành viên ...", "Công ty Điện lực ...", "Tổng công
/// ty", "Tập đoàn") nor its trade union's. True of no title at all.
fn private_post(title: &str) -> bool {
    let has = |w: &[&str]| w.iter().any(|w| title.contains(w));
    // ("ông ty", "ợp tác xã": the first letter in either case)
    let company = title.contains("ông ty")
        && has(&[
            "cổ phần",
            "Cổ phần",
            "CP",
            "TNHH",
            "Trách nhiệm hữu hạn",
            "quản trị",
        ])
        && !has(&[
            "Một thành viên",
            "MTV",
            "Điện lực",
            "Nhà nước",
            "nhà nước",
            "Công đoàn",
        ]);
    company || title.contains("ợp tác xã")
}

/// Are two words (folded) one slip apart: two neighbouring letters swapped, or one letter left
/// out or added?
fn one_slip(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return false;
    }
    if a.len() == b.len() {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return diff.len() == 2
            && diff[1] == diff[0] + 1
            && a[diff[0]] == b[diff[1]]
            && a[diff[1]] == b[diff[0]];
    }
    let (short, long) = if a.len() < b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() != short.len() + 1 {
        return false;
    }
    let cut = (0..short.len())
        .find(|&i| short[i] != long[i])
        .unwrap_or(short.len());
    short[cut..] == long[cut + 1..]
}

/// The spelling to show: the most frequent, a known misspelling ("Nguyến") last, one written
/// in capitals after any other (and then in the case of a name: "TRẦN VĂN KHOA" → "Trần Văn
/// Khoa").
fn best_variant(v: &[(&str, u32, bool)]) -> String {
    let caps = |n: &str| !n.chars().any(char::is_lowercase);
    let Some((name, ..)) = v
        .iter()
        .max_by_key(|(n, c, typo)| (!caps(n), !typo, *c, n.len()))
    else {
        return String::new();
    };
    if !caps(name) {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .into_iter()
                .chain(cs.flat_map(char::to_lowercase))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A name written in capitals after a cue ("đồng chí TRẦN VĂN KHOA, Phó Chủ tịch ..."): two to
/// four words in capitals, a family name first, each a Vietnamese syllable and no
/// abbreviation, closed by a comma or a lowercase word. Its end.
fn caps_name_run(d: &Doc, k: usize, b: usize) -> Option<usize> {
    d.surname(k)?;
    let mut e = k;
    while e < b
        && e - k < 4
        && d.case(e) == Some(Case::Upper)
        && d.org(e).is_none()
        && d.head(e).is_none()
        && !super::normalize::foreign_word(d.raw(e))
    {
        e += 1;
    }
    let closed = e >= b || d.is_punct(e, ',') || d.case(e) == Some(Case::Lower);
    (e >= k + 2 && closed).then_some(e)
}

/// The title without "nguyên".
fn core(t: &Title) -> &str {
    t.text.strip_prefix("nguyên ").unwrap_or(&t.text)
}

/// `s` up to its first blank (a byte loop: titles are short).
fn first_word(s: &str) -> &str {
    &s[..s.bytes().position(|c| c == b' ').unwrap_or(s.len())]
}

/// Whether the words of `short` begin those of `long` (both folded [`core`]s).
fn words_prefix(long: &str, short: &str) -> bool {
    long.len() > short.len() && long.starts_with(short) && long.as_bytes()[short.len()] == b' '
}

/// Where a title's merge keys are in [`Folds`]: its folded [`core`], and first the fold of its
/// first word (the titles of one person mostly differ there already). Each is folded when first
/// needed.
#[derive(Default)]
struct MergeKey {
    head: Option<(usize, usize)>,
    core: Option<(usize, usize)>,
}

/// The folded keys of one person's titles, in one buffer (no string per key).
struct Folds(String);

impl Folds {
    /// Folds `s` onto the buffer; `part` picks the piece kept. Returns its byte range.
    fn push(&mut self, s: &str, part: fn(&str) -> &str) -> (usize, usize) {
        let a = self.0.len();
        fold_into(s, &mut self.0);
        (a, a + part(&self.0[a..]).len())
    }

    /// The first word of the folded core (the fold of a prefix begins the fold of the whole).
    fn head(&mut self, k: &mut MergeKey, t: &Title) -> (usize, usize) {
        match k.head {
            Some(r) => r,
            None => *k.head.insert(self.push(first_word(core(t)), first_word)),
        }
    }

    fn core(&mut self, k: &mut MergeKey, t: &Title) -> (usize, usize) {
        match k.core {
            Some(r) => r,
            None => *k.core.insert(self.push(core(t), |s| s)),
        }
    }

    fn get(&self, (a, b): (usize, usize)) -> &str {
        &self.0[a..b]
    }
}

/// Whether `t` names the post of `o`, a title kept before (equal folded cores, or the one the
/// beginning of the other), and if so whether `t` is the longer.
fn same_post(
    t: &Title,
    tk: &mut MergeKey,
    o: &Title,
    ok: &mut MergeKey,
    f: &mut Folds,
) -> Option<bool> {
    if core(o) == core(t) {
        return Some(false);
    }
    // (first letters that fold apart tell the first words apart without a fold)
    if let (Some(a), Some(b)) = (fold_first(core(t)), fold_first(core(o))) {
        if a != b {
            return None;
        }
    }
    // (a first word that folds to nothing, all punctuation, decides nothing)
    let (th, oh) = (f.head(tk, t), f.head(ok, o));
    let (th, oh) = (f.get(th), f.get(oh));
    if !th.is_empty() && !oh.is_empty() && th != oh {
        return None;
    }
    let (k, ok) = (f.core(tk, t), f.core(ok, o));
    let (k, ok) = (f.get(k), f.get(ok));
    if ok == k || words_prefix(ok, k) {
        Some(false)
    } else if words_prefix(k, ok) {
        Some(true)
    } else {
        None
    }
}

/// One title per post: equal titles merge, and a title that is the beginning of a longer one
/// ("Bí thư Tỉnh ủy" / "Bí thư Tỉnh ủy Phú Yên") merges into it; "nguyên" on either side wins.
pub fn merge_titles(titles: Vec<Title>) -> Vec<Title> {
    // (one title merges with nothing)
    if titles.len() < 2 {
        return titles;
    }
    let mut out: Vec<Title> = Vec::with_capacity(titles.len());
    // the key of each title in `out` ("nguyên" added later does not change it)
    let mut keys: Vec<MergeKey> = Vec::with_capacity(titles.len());
    // (room for every key: a fold is mostly no longer than its text)
    let room = titles.iter().map(|t| 2 * t.text.len()).sum();
    let mut folds = Folds(String::with_capacity(room));
    for t in titles {
        let mut k = MergeKey::default();
        let post = out
            .iter()
            .zip(keys.iter_mut())
            .enumerate()
            .find_map(|(n, (o, ok))| {
                if renamed(o, &t) {
                    return None;
                }
                same_post(&t, &mut k, o, ok, &mut folds).map(|longer| (n, longer))
            });
        let Some((n, longer_is_new)) = post else {
            out.push(t);
            keys.push(k);
            continue;
        };
        let o = &mut out[n];
        let former = o.former || t.former;
        let change = combine_pref(o.change, t.change);
        if longer_is_new {
            *o = Title {
                evidence: o.evidence,
                ..t
            };
            keys[n] = k;
        } else {
            o.concurrent |= t.concurrent;
        }
        o.former = former;
        o.change = change;
        if former && !o.text.starts_with("nguyên ") {
            o.text = format!("nguyên {}", o.text);
        }
    }
    out
}

/// ", đạt 96,4% (số phiếu)" at `k`: the token after it.
fn vote_share_end(d: &Doc, k: usize, b: usize) -> Option<usize> {
    if !(d.is_punct(k, ',') && d.lower(k + 1) == "đạt" && d.is_num(k + 2)) {
        return None;
    }
    let mut m = k + 3;
    if d.is_punct(m, '%') {
        m += 1;
    }
    while m < b
        && matches!(
            d.lower(m),
            "số" | "phiếu" | "tổng" | "tán" | "thành" | "bầu" | "hợp" | "lệ"
        )
    {
        m += 1;
    }
    Some(m)
}

/// Does a profile's field open at `n` ("sinh ...", "quê ...", "nguyên ...")? Only then is a ';'
/// after a name the end of a field rather than of the person.
fn profile_field(d: &Doc, n: usize) -> bool {
    matches!(d.lower(n), "sinh" | "quê") || d.is(n, Gram::Former).is_some()
}

/// A post held, then in the same sentence a longer or shorter one taken: "ông X, Chi cục trưởng
/// Chi cục Thủy lợi, giữ chức Chi cục trưởng Chi cục Thủy lợi và Phòng, chống thiên tai" is a
/// unit renamed or merged, two posts (equal words are one post whatever is said of it).
fn renamed(held: &Title, taken: &Title) -> bool {
    held.change == TitleChange::Held
        && taken.change == TitleChange::Taken
        && held.evidence.sentence == taken.evidence.sentence
        && held.evidence.mention.end <= taken.evidence.mention.start
        && core(held) != core(taken)
}

fn combine_pref(a: TitleChange, b: TitleChange) -> TitleChange {
    if a == TitleChange::Held {
        b
    } else {
        a
    }
}

#[cfg(test)]
mod tests {
    use super::super::{extract, Context, Title, TitleChange};
    use super::merge_titles;

    #[test]
    fn titles_merge_by_folded_words() {
        let titles = |texts: &[&str]| {
            let titles = texts.iter().map(|t| Title {
                text: t.to_string(),
                former: t.starts_with("nguyên "),
                ..Title::default()
            });
            let merged = merge_titles(titles.collect());
            merged.into_iter().map(|t| t.text).collect::<Vec<_>>()
        };
        assert_eq!(
            titles(&[
                "Bí thư Tỉnh ủy",
                "Phó Chủ tịch UBND",
                "Bí thư Tỉnh ủy Phú Yên"
            ]),
            ["Bí thư Tỉnh ủy Phú Yên", "Phó Chủ tịch UBND"]
        );
        // first words that differ only in case and tone marks are the same word
        assert_eq!(
            titles(&["đại biểu Quốc hội", "nguyên Đại Biểu Quốc hội khóa XV"]),
            ["nguyên Đại Biểu Quốc hội khóa XV"]
        );
        // a first word that folds to nothing ("-") does not tell the posts apart
        assert_eq!(titles(&["Ủy viên", "- Ủy viên"]), ["Ủy viên"]);
        assert_eq!(titles(&["Chủ tịch", "Phó Chủ tịch"]).len(), 2);
    }

    /// `names.examples`: blocks of one sentence line, then one line per official
    /// `Name | title; title` (a title may carry its change: `[taken]`, `[left]`; the line may
    /// end with the person's roles: `{chair, speak}`), blank line between blocks.
    #[test]
    fn examples() {
        let data = include_str!("names.examples");
        let mut failures = Vec::new();
        for block in data.split("\n\n") {
            let lines: Vec<&str> = block.lines().filter(|l| !l.starts_with('#')).collect();
            let Some((text, expected)) = lines.split_first() else {
                continue;
            };
            let text = text.replace("\\n", "\n");
            let extraction = extract(&text, &Context::default());
            let got: Vec<String> = extraction
                .people
                .iter()
                .map(|p| {
                    format!(
                        "{} | {}",
                        p.name,
                        p.titles
                            .iter()
                            .map(|t| match t.change {
                                TitleChange::Held => t.text.clone(),
                                TitleChange::Taken => format!("{} [taken]", t.text),
                                TitleChange::Left => format!("{} [left]", t.text),
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    )
                })
                .collect();
            let expected: Vec<String> = expected.iter().map(|s| s.trim().to_string()).collect();
            // Blocks that mark no change ([taken], [left]) do not check changes.
            let mut got: Vec<String> = if expected.iter().any(|e| e.contains(" [")) {
                got
            } else {
                got.iter()
                    .map(|g| g.replace(" [taken]", "").replace(" [left]", ""))
                    .collect()
            };
            // Blocks that give roles (`{chair, speak}`) check the roles of everyone.
            if expected.iter().any(|e| e.contains(" {")) {
                for (line, p) in got.iter_mut().zip(&extraction.people) {
                    if !p.roles.is_empty() {
                        let roles: Vec<String> = p
                            .roles
                            .iter()
                            .map(|r| format!("{r:?}").to_lowercase())
                            .collect();
                        line.push_str(&format!(" {{{}}}", roles.join(", ")));
                    }
                }
            }
            if got != expected {
                failures.push(format!(
                    "{text}\n  got:      {got:?}\n  expected: {expected:?}"
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
